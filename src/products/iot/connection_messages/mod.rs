//! Legacy public instances billed by connection minutes and messages: the generation
//! seed 000 sends today's customers to (IOT-25..IOT-30), on the site of the request
//! and in its currency (SITE-1..SITE-3).
//!
//! Pure functions over typed inputs: no request decoding, no text, no catalog. The
//! quote, the comparison and the account engine build [`Day`]s (from `perDay`,
//! `days`, a fleet or sessions) and call [`bill_month`] or, a day at a time,
//! [`DailyBiller::bill`].
//!
//! How a month is billed:
//! - **Messages** (IOT-27): IOT-13..IOT-15's billable categories and 512-byte unit
//!   ([`count_messages`] calls the IoT module's own table and unit count). This
//!   generation has no edition (IOT-25): device-shadow and TSL messages are both
//!   billable. They are priced over the calendar month's running total, graduated:
//!   the first 100,000,000 of the month at the first tier's price, the part above at
//!   the second's, the part above 1,000,000,000 at the third's.
//! - **Connection minutes** (IOT-26, IOT-30): natural clock minutes ([`minutes`]), at
//!   one price.
//! - **Free quota** (IOT-28): 1,000,000 messages and 1,000,000 minutes in a month that
//!   has it ([`FreeQuotaBasis`]); they are the month's first units, inside the first
//!   tier: a tier boundary counts them.
//! - **Daily settlement** (IOT-29): each UTC+8 day is priced at the tiers its units
//!   reach, and each day's amount per billable item (messages, minutes) is cut to the
//!   currency's unit (`truncate`, the default, or `halfUp`). A day whose units
//!   cross a tier boundary pays part at each tier.
//! - **The month as a whole** (the published examples' way): the month's units at the
//!   same tiers, each item rounded once. It differs from the sum of the days only by
//!   the daily cut; [`MonthBill`] carries both so that the answer shows both, with the
//!   reason, where they differ.

pub mod item;
pub mod minutes;
pub mod tariff;

pub use crate::site::{Currency, Site};
pub use minutes::{fleet_minutes, natural_minutes, ClockTime, Connection, Minutes, Session, SessionError};
pub use tariff::{published_tariff, Model, Origin, Price, Tariff, Tier, BASIC_PRO, CONNECTION_AND_MESSAGES};

use super::{billable_messages, Billability, Bucket};
use crate::money::{Rounding, RoundingMode};
use jiff::civil::Date;
use rust_decimal::Decimal;

/// IOT-28's reading of "the first two months", a policy (`policy.iot.freeQuota`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FreeQuota {
    /// The calendar month (UTC+8) of `activated` and the next one (the default).
    #[default]
    FirstTwoMonths,
    /// Every month, as the Japanese doc 73701 example subtracts it (毎月).
    EveryMonth,
}

impl FreeQuota {
    pub const ALL: [(&'static str, FreeQuota); 2] = [("firstTwoMonths", FreeQuota::FirstTwoMonths), ("everyMonth", FreeQuota::EveryMonth)];
}

/// IOT-29's cut of each day's amount to the currency's unit, a policy
/// (`policy.iot.dailyAmounts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DailyAmounts {
    /// Digits past the unit are dropped (向下取整, the Traditional Chinese page): the default.
    #[default]
    Truncate,
    /// Half a unit and more rounds up (IOT-18's precedent).
    HalfUp,
}

impl DailyAmounts {
    pub const ALL: [(&'static str, DailyAmounts); 2] = [("truncate", DailyAmounts::Truncate), ("halfUp", DailyAmounts::HalfUp)];

    /// The cut of an amount in `currency` (SITE-3: to its smallest unit).
    pub fn rounding(self, currency: Currency) -> Rounding {
        let mode = match self {
            DailyAmounts::Truncate => RoundingMode::Down,
            DailyAmounts::HalfUp => RoundingMode::HalfUp,
        };
        Rounding::bill(currency).with_mode(mode)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Policy {
    pub free_quota: FreeQuota,
    pub daily_amounts: DailyAmounts,
}

/// Whether a month has IOT-28's free quota, and why: the answer says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FreeQuotaBasis {
    /// The calendar month of activation.
    ActivationMonth,
    /// The calendar month after it.
    MonthAfterActivation,
    /// `freeQuota: "everyMonth"`.
    EveryMonth,
    /// Two or more months after activation: none.
    PastFirstTwoMonths,
    /// No activation date: assumed past the first two months, none (IOT-28).
    NoActivationDate,
    /// The month is before the activation month: the instance did not exist yet.
    BeforeActivation,
}

impl FreeQuotaBasis {
    /// The basis of `month` (any day of it) for an instance activated on `activated`.
    pub fn for_month(policy: FreeQuota, activated: Option<Date>, month: Date) -> FreeQuotaBasis {
        let index = |d: Date| i32::from(d.year()) * 12 + i32::from(d.month());
        let after = activated.map(|a| index(month) - index(a));
        match (policy, after) {
            (_, Some(n)) if n < 0 => FreeQuotaBasis::BeforeActivation,
            (FreeQuota::EveryMonth, _) => FreeQuotaBasis::EveryMonth,
            (FreeQuota::FirstTwoMonths, None) => FreeQuotaBasis::NoActivationDate,
            (FreeQuota::FirstTwoMonths, Some(0)) => FreeQuotaBasis::ActivationMonth,
            (FreeQuota::FirstTwoMonths, Some(1)) => FreeQuotaBasis::MonthAfterActivation,
            (FreeQuota::FirstTwoMonths, Some(_)) => FreeQuotaBasis::PastFirstTwoMonths,
        }
    }

    pub fn applies(self) -> bool {
        matches!(self, FreeQuotaBasis::ActivationMonth | FreeQuotaBasis::MonthAfterActivation | FreeQuotaBasis::EveryMonth)
    }
}

/// One billing day's usage (UTC+8).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Day<'a> {
    pub date: Date,
    /// Messages by size and category, as the IoT module reads them (IOT-13..IOT-15).
    pub messages: &'a [Bucket],
    /// Natural connection minutes that pay (IOT-26): from [`natural_minutes`],
    /// [`fleet_minutes`], or given as counted.
    pub connection_minutes: u128,
}

/// Units of the calendar month counted before a day: they decide the day's tiers
/// (IOT-27) and how much free quota is left (IOT-28).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MonthToDate {
    pub messages: u128,
    pub minutes: u128,
}

/// The units of one tier in a day or a month, and what they cost before any cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TierPart {
    /// Index in the tariff's tiers (always 0 for minutes).
    pub tier: usize,
    pub units: u128,
    /// Per [`Tariff::units_per_price`] units.
    pub price: Price,
    /// units x price / units per price, exact.
    pub amount: Decimal,
}

/// One billable item (messages or connection minutes) on one day.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ItemDay {
    /// Billable units counted that day.
    pub units: u128,
    /// Of them, in the month's free quota (IOT-28).
    pub free_quota: u128,
    /// The others, by tier (IOT-27).
    pub parts: Vec<TierPart>,
    /// The sum of the parts, exact.
    pub exact: Decimal,
    /// The day's amount, cut to the currency's unit (IOT-29).
    pub amount: Decimal,
}

/// One day's bill (IOT-29): what the account pays when the day ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayBill {
    pub date: Date,
    pub messages: ItemDay,
    /// Messages of the free categories that day (IOT-14): counted, never billed.
    pub free_category_messages: u128,
    pub minutes: ItemDay,
    /// The day's bill: the two items' amounts, each already cut (IOT-29).
    pub amount: Decimal,
    /// The month's running totals after this day.
    pub month_to_date: MonthToDate,
}

/// The item a missing price was needed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BilledItem {
    Messages { tier: usize },
    ConnectionMinutes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateError {
    /// SITE-1: units reached a price the site does not publish (no CNY minute price,
    /// no JPY third tier); the caller's catalog must give it ([`RateError::catalog_field`]).
    PriceNotPublished { site: Site, item: BilledItem },
    /// A day outside the month being billed.
    DayOutsideMonth { date: Date, month: Date },
    /// Days must come in date order, each once.
    DayOutOfOrder { date: Date, after: Date },
    /// A day before the instance was activated.
    UsageBeforeActivation { date: Date, activated: Date },
    /// Counts or prices too large for an exact amount.
    TooLarge,
}

impl RateError {
    /// The stable error code.
    pub fn code(&self) -> &'static str {
        match self {
            RateError::PriceNotPublished { .. } => "price_not_published",
            RateError::DayOutsideMonth { .. } | RateError::UsageBeforeActivation { .. } => "date_out_of_period",
            RateError::DayOutOfOrder { date, after } if date == after => "duplicate_date",
            RateError::DayOutOfOrder { .. } => "date_out_of_order",
            RateError::TooLarge => "out_of_range",
        }
    }

    /// For a missing price, the field of the request's `catalog` that supplies it:
    /// `"iot.connectionAndMessages.messageTiers[2].price"` or
    /// `"iot.connectionAndMessages.minutePrice"`.
    pub fn catalog_field(&self) -> Option<String> {
        match self {
            RateError::PriceNotPublished { item: BilledItem::Messages { tier }, .. } => {
                let mut field = String::from(tariff::MESSAGE_TIERS_FIELD);
                field.push('[');
                push_number(&mut field, *tier);
                field.push_str("].price");
                Some(field)
            }
            RateError::PriceNotPublished { item: BilledItem::ConnectionMinutes, .. } => Some(tariff::MINUTE_PRICE_FIELD.to_string()),
            _ => None,
        }
    }
}

fn push_number(out: &mut String, n: usize) {
    if n >= 10 {
        push_number(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// A day's messages in this generation's terms (IOT-27 with IOT-13..IOT-15): the
/// billable units (each message ceil(bytes / unit), at least 1) and the messages of
/// the free categories (IOT-14).
pub fn count_messages(buckets: &[Bucket], unit_bytes: u64) -> Result<(u128, u128), RateError> {
    let (mut billable, mut free) = (0u128, 0u128);
    for b in buckets {
        if b.category.billability == Billability::Free {
            free = free.checked_add(u128::from(b.count)).ok_or(RateError::TooLarge)?;
        } else {
            billable = billable.checked_add(billable_messages(b.bytes, b.count, unit_bytes)).ok_or(RateError::TooLarge)?;
        }
    }
    Ok((billable, free))
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal, RateError> {
    a.checked_add(b).ok_or(RateError::TooLarge)
}

fn units_decimal(units: u128) -> Result<Decimal, RateError> {
    i128::try_from(units).ok().and_then(|n| Decimal::try_from_i128_with_scale(n, 0).ok()).ok_or(RateError::TooLarge)
}

/// Prices the month's units numbered `before + 1 ..= before + units` (IOT-27): the
/// month's first `free` units are free (IOT-28), the rest pay each tier's price for
/// the part inside it; the sum is cut to the currency's unit (IOT-29).
fn rate_item(tariff: &Tariff, tiers: &[Tier], item: impl Fn(usize) -> BilledItem, before: u128, units: u128, free: u128, cut: Rounding) -> Result<ItemDay, RateError> {
    let after = before.checked_add(units).ok_or(RateError::TooLarge)?;
    let free_quota = after.min(free) - before.min(free);
    let mut parts = Vec::new();
    let mut exact = Decimal::ZERO;
    for (tier, n) in tariff::split_over_tiers(tiers, before + free_quota, after) {
        let price = tiers[tier].price.ok_or(RateError::PriceNotPublished { site: tariff.site, item: item(tier) })?;
        let amount = units_decimal(n)?.checked_mul(price.amount).and_then(|a| per_units(a, tariff.units_per_price)).ok_or(RateError::TooLarge)?;
        exact = add(exact, amount)?;
        parts.push(TierPart { tier, units: n, price, amount });
    }
    Ok(ItemDay { units, free_quota, parts, exact, amount: cut.apply(exact) })
}

/// `amount / per`, exactly: a price per 1,000,000 units moves the decimal point six places
/// (the division's general algorithm was a third of a day's rating), any other divisor divides.
fn per_units(amount: Decimal, per: u64) -> Option<Decimal> {
    if let Some(places) = per.checked_ilog10().filter(|k| 10u64.checked_pow(*k) == Some(per)) {
        let mut shifted = amount;
        if shifted.set_scale(amount.scale() + places).is_ok() {
            return Some(shifted);
        }
    }
    amount.checked_div(Decimal::from(per))
}

/// The free units of a month with basis `basis` (IOT-28).
fn allowance(tariff: &Tariff, basis: FreeQuotaBasis) -> MonthToDate {
    if basis.applies() {
        MonthToDate { messages: u128::from(tariff.free_messages_per_month), minutes: u128::from(tariff.free_minutes_per_month) }
    } else {
        MonthToDate::default()
    }
}

/// Bills days one at a time, in date order, keeping each month's running totals and
/// free quota (IOT-27..IOT-29): what the account engine calls when a day ends, and what
/// [`bill_month`] is built on. A new calendar month starts from zero.
#[derive(Debug, Clone)]
pub struct DailyBiller<'t> {
    tariff: &'t Tariff,
    policy: Policy,
    activated: Option<Date>,
    /// Units counted before the first day billed, in that day's month (`(first of
    /// month, counts)`): an account or a quote that starts mid-month.
    seed: Option<(Date, MonthToDate)>,
    /// The month being billed (its first day) and its free quota.
    month: Option<(Date, FreeQuotaBasis, MonthToDate)>,
    to_date: MonthToDate,
    last: Option<Date>,
}

impl<'t> DailyBiller<'t> {
    pub fn new(tariff: &'t Tariff, policy: Policy, activated: Option<Date>) -> Self {
        DailyBiller { tariff, policy, activated, seed: None, month: None, to_date: MonthToDate::default(), last: None }
    }

    /// `counted` units of the month of `date` were used before the first day billed.
    pub fn with_month_to_date(mut self, date: Date, counted: MonthToDate) -> Self {
        self.seed = Some((date.first_of_month(), counted));
        self
    }

    /// The free-quota basis of the month of `date` under this biller's policy.
    pub fn free_quota(&self, date: Date) -> FreeQuotaBasis {
        FreeQuotaBasis::for_month(self.policy.free_quota, self.activated, date)
    }

    /// The bill of `day`, which must follow the previous day billed.
    pub fn bill(&mut self, day: &Day<'_>) -> Result<DayBill, RateError> {
        if let Some(after) = self.last.filter(|last| day.date <= *last) {
            return Err(RateError::DayOutOfOrder { date: day.date, after });
        }
        if let Some(activated) = self.activated.filter(|a| day.date < *a) {
            return Err(RateError::UsageBeforeActivation { date: day.date, activated });
        }
        let first = day.date.first_of_month();
        let free = match self.month {
            Some((month, _, free)) if month == first => free,
            _ => {
                let basis = self.free_quota(day.date);
                let free = allowance(self.tariff, basis);
                self.month = Some((first, basis, free));
                self.to_date = self.seed.filter(|(month, _)| *month == first).map_or_else(MonthToDate::default, |(_, counted)| counted);
                free
            }
        };
        let (billable, free_category) = count_messages(day.messages, self.tariff.message_unit_bytes)?;
        let cut = self.policy.daily_amounts.rounding(self.tariff.currency);
        let messages = rate_item(self.tariff, &self.tariff.message_tiers, |tier| BilledItem::Messages { tier }, self.to_date.messages, billable, free.messages, cut)?;
        let minutes = rate_item(self.tariff, &self.tariff.minute_tiers(), |_| BilledItem::ConnectionMinutes, self.to_date.minutes, day.connection_minutes, free.minutes, cut)?;
        let amount = add(messages.amount, minutes.amount)?;
        // rate_item checked both sums.
        self.to_date = MonthToDate { messages: self.to_date.messages + billable, minutes: self.to_date.minutes + day.connection_minutes };
        self.last = Some(day.date);
        Ok(DayBill { date: day.date, messages, free_category_messages: free_category, minutes, amount, month_to_date: self.to_date })
    }
}

/// One billable item over the month.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ItemMonth {
    pub units: u128,
    pub free_quota: u128,
    /// Units and exact amounts by tier, summed over the days (the formula's parts).
    pub parts: Vec<TierPart>,
    /// The month's exact amount: the parts' sum.
    pub exact: Decimal,
    /// What is billed: the sum of the days' cut amounts (IOT-29).
    pub daily: Decimal,
    /// The month rated as one: `exact` cut once to the currency's unit.
    pub whole_month: Decimal,
}

impl ItemMonth {
    fn add_day(&mut self, day: &ItemDay) -> Result<(), RateError> {
        self.units += day.units;
        self.free_quota += day.free_quota;
        for part in &day.parts {
            match self.parts.iter_mut().find(|p| p.tier == part.tier) {
                Some(p) => {
                    p.units += part.units;
                    p.amount = add(p.amount, part.amount)?;
                }
                None => self.parts.push(*part),
            }
        }
        self.exact = add(self.exact, day.exact)?;
        self.daily = add(self.daily, day.amount)?;
        Ok(())
    }
}

/// A month's bill (IOT-25..IOT-30), day by day and as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthBill {
    /// The month's first day.
    pub month: Date,
    pub currency: Currency,
    pub free_quota: FreeQuotaBasis,
    pub days: Vec<DayBill>,
    pub messages: ItemMonth,
    pub free_category_messages: u128,
    pub minutes: ItemMonth,
    /// What is billed: the sum of each day's cut amounts (IOT-29).
    pub amount: Decimal,
    /// The month rated as one, as the published examples rate it: each item's exact
    /// month total cut once, then added.
    pub whole_month_amount: Decimal,
}

impl MonthBill {
    /// Whether the two figures differ: the answer then shows both, with the reason
    /// (each day's amount per item is cut to the currency's unit, IOT-29).
    pub fn differs(&self) -> bool {
        self.amount != self.whole_month_amount
    }
}

/// The bill of `days` of the month `month` (any day of it), in date order, each in
/// that month, for an instance activated on `activated` (IOT-28); `counted` units of
/// the month were used before the first day given.
pub fn bill_month(tariff: &Tariff, policy: Policy, activated: Option<Date>, month: Date, counted: MonthToDate, days: &[Day<'_>]) -> Result<MonthBill, RateError> {
    let first = month.first_of_month();
    let mut biller = DailyBiller::new(tariff, policy, activated).with_month_to_date(first, counted);
    let cut = policy.daily_amounts.rounding(tariff.currency);
    let mut bill = MonthBill {
        month: first,
        currency: tariff.currency,
        free_quota: biller.free_quota(first),
        days: Vec::with_capacity(days.len()),
        messages: ItemMonth::default(),
        free_category_messages: 0,
        minutes: ItemMonth::default(),
        amount: Decimal::ZERO,
        whole_month_amount: Decimal::ZERO,
    };
    for day in days {
        if day.date.first_of_month() != first {
            return Err(RateError::DayOutsideMonth { date: day.date, month: first });
        }
        let billed = biller.bill(day)?;
        bill.messages.add_day(&billed.messages)?;
        bill.minutes.add_day(&billed.minutes)?;
        bill.free_category_messages = bill.free_category_messages.saturating_add(billed.free_category_messages);
        bill.days.push(billed);
    }
    for item in [&mut bill.messages, &mut bill.minutes] {
        item.daily = cut.apply(item.daily);
        item.whole_month = cut.apply(item.exact);
    }
    bill.amount = add(bill.messages.daily, bill.minutes.daily)?;
    bill.whole_month_amount = add(bill.messages.whole_month, bill.minutes.whole_month)?;
    Ok(bill)
}
