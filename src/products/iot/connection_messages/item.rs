//! A `quote` item of the connection-and-messages generation (IOT-25..IOT-30): read from
//! the request, billed day by day at once (so that a price the site does not publish is
//! an error at the item, SITE-1, before anything is answered), and written as lines.
//!
//! ```text
//! { product: "iot", instance: "legacyPublic", pricing: "connectionAndMessages", month: "YYYY-MM",
//!   activated?: date, monthToDate?: { messages?, connectionMinutes? },
//!   usage: { perDay: Day, days? } | { days: [Day & { date? }] } | { fleet: Fleet & { connection? }, days? } }
//! Day = { messages: [{ bytes, count, category? }], connectionMinutes?: int
//!         | connections?: [{ from: "HH:MM:SS", to, devices?, group?, connection? }] }
//! ```
//!
//! The lines (the lead's choice of IOT-DESIGN.md's proposal A): a line per message tier
//! the month reaches, the connection minutes, the free quota and free categories at zero,
//! and a `dailySettlement` line carrying the difference between the lines (each the
//! month's part rated as one) and what is billed day by day, so that the lines add up to
//! the bill.

use super::{bill_month, fleet_minutes, natural_minutes, BilledItem, ClockTime, Connection, Day, DailyAmounts, FreeQuota, FreeQuotaBasis, MonthBill, MonthToDate, Policy, RateError, Session, SessionError, Tariff};
use crate::bill::{item_from_lines, rounded_to, ConnectionDay, DayItem, DayMinutes, FleetSummary, IotDays, Line, Pricing, Product, QuotedItem, TierUnits, Warning, WholeMonth};
use crate::catalog::{Catalog, IotCatalog};
use crate::decode::{Ctx, Fields, Node};
use crate::error::{Error, ErrorCode};
use crate::messages::{Count, Key, Money};
use crate::money::Rounding;
use crate::products::iot::fleet::{self, Fleet};
use crate::products::iot::{decode_date, decode_messages, day_table, Bucket, FleetQuote, MAX_COUNT};
use crate::site::Site;
use crate::time;
use jiff::civil::Date;
use rust_decimal::Decimal;

/// Most connection sessions in one day.
pub const MAX_SESSIONS_PER_DAY: usize = 10_000;

/// One day's usage as read: its messages and its natural connection minutes.
#[derive(Debug, Clone, PartialEq)]
pub struct DayInput {
    pub date: Date,
    pub buckets: Vec<Bucket>,
    /// Billable minutes, and minutes of CoAP, HTTP and sub-device connections (free, IOT-26).
    pub minutes: super::Minutes,
}

/// A decoded, billed item.
#[derive(Debug, Clone, PartialEq)]
pub struct ConnectionItem {
    pub month: Date,
    pub activated: Option<Date>,
    /// Units of the month counted before its first day given (`monthToDate`).
    pub counted: MonthToDate,
    pub policy: Policy,
    pub tariff: Tariff,
    pub bill: MonthBill,
    /// CoAP, HTTP and sub-device minutes over the days: counted, never charged (IOT-26).
    pub free_minutes: u128,
    pub fleet: Option<FleetQuote>,
    /// The day that repeats (`perDay`, or a fleet's day): what an account or a lifecycle
    /// bills every day; None for a table of days.
    pub repeated: Option<DayInput>,
}

/// `policy: { iot: { freeQuota?, dailyAmounts? } }` of a quote or a comparison (IOT-28, IOT-29).
pub fn decode_policy(node: Option<Node<'_>>) -> Result<Policy, Error> {
    let Some(node) = node else { return Ok(Policy::default()) };
    let policy = node.object()?;
    policy.only(&["iot"])?;
    let Some(iot) = policy.get("iot") else { return Ok(Policy::default()) };
    let iot = iot.object()?;
    iot.only(&["freeQuota", "dailyAmounts"])?;
    Ok(Policy {
        free_quota: iot.get("freeQuota").map(|n| n.one_of(&FreeQuota::ALL, ErrorCode::InvalidType)).transpose()?.unwrap_or_default(),
        daily_amounts: iot.get("dailyAmounts").map(|n| n.one_of(&DailyAmounts::ALL, ErrorCode::InvalidType)).transpose()?.unwrap_or_default(),
    })
}

/// Reads and bills a `pricing: "connectionAndMessages"` item at `fields`.
pub fn decode(fields: &Fields<'_>, catalog: &Catalog, policy: Policy) -> Result<ConnectionItem, Error> {
    fields.only(&["product", "instance", "pricing", "month", "activated", "monthToDate", "usage"])?;
    let month = time::month(&fields.required("month", key!("expect.month"))?)?;
    let activated = fields.get("activated").map(|n| time::date(&n)).transpose()?;
    let counted = match fields.get("monthToDate") {
        None => MonthToDate::default(),
        Some(node) => {
            let f = node.object()?;
            f.only(&["messages", "connectionMinutes"])?;
            let count = |key: &str| f.get(key).map_or(Ok(0), |n| n.integer(0, MAX_COUNT)).map(u128::from);
            MonthToDate { messages: count("messages")?, minutes: count("connectionMinutes")? }
        }
    };
    let usage = fields.required("usage", key!("expect.iotUsage"))?.object()?;
    // A repeating usage starts on the activation day when the instance was activated
    // within the month: it did not exist before (IOT-28).
    let first_day = activated.filter(|a| a.year() == month.year() && a.month() == month.month()).map_or(1, |a| a.day());
    let repeat = |template: DayInput| -> Result<Vec<DayInput>, Error> {
        let last = match usage.get("days") {
            Some(n) => first_day as u64 - 1 + n.integer(1, u64::from(month.days_in_month() as u8))?,
            None => u64::from(month.days_in_month() as u8),
        }
        .min(u64::from(month.days_in_month() as u8)) as i8;
        Ok((first_day..=last).map(|day| DayInput { date: time::day_of_month(month, day).unwrap_or(month), ..template.clone() }).collect())
    };
    let (days, fleet, repeated) = if let Some(fleet_node) = usage.get("fleet") {
        usage.only(&["fleet", "days"])?;
        let (fleet, warnings) = fleet::decode(&fleet_node, fleet::For::ConnectionAndMessages)?;
        let template = fleet_day(&fleet, month);
        (repeat(template.clone())?, Some(FleetQuote { fleet, warnings }), Some(template))
    } else if let Some(per_day) = usage.get("perDay") {
        usage.only(&["perDay", "days"])?;
        let template = decode_day(&per_day, month, None)?;
        (repeat(template.clone())?, None, Some(template))
    } else {
        usage.only(&["days"])?;
        (day_table(&usage, month, |day, date| decode_day(day, month, Some(date)), |d| d.date)?, None, None)
    };
    let tariff = catalog.iot.connection_and_messages.for_rating();
    let rated: Vec<Day<'_>> = days.iter().map(|d| Day { date: d.date, messages: &d.buckets, connection_minutes: d.minutes.billable }).collect();
    let bill = bill_month(&tariff, policy, activated, month, counted, &rated).map_err(|e| rate_error(e, fields, &tariff))?;
    let free_minutes = days.iter().map(|d| d.minutes.free).sum();
    Ok(ConnectionItem { month, activated, counted, policy, tariff, bill, free_minutes, fleet, repeated })
}

/// A fleet's day (IOT-22, IOT-30): its messages, and devices x online minutes.
pub fn fleet_day(fleet: &Fleet, date: Date) -> DayInput {
    let usage = fleet.day_usage(date);
    DayInput { date, buckets: usage.buckets, minutes: fleet_minutes(fleet.devices, fleet.online_hours, fleet.connection) }
}

/// One day: `messages`, and `connectionMinutes` (as counted) or `connections` (sessions,
/// counted in natural minutes, IOT-26). This generation has no device fee: no
/// `livingDevices`.
fn decode_day(node: &Node<'_>, month: Date, default_date: Option<Date>) -> Result<DayInput, Error> {
    let fields = node.object()?;
    if default_date.is_some() {
        fields.only(&["date", "messages", "connectionMinutes", "connections"])?;
    } else {
        fields.only(&["messages", "connectionMinutes", "connections"])?;
    }
    let date = decode_date(&fields, month, default_date)?;
    let buckets = decode_messages(&fields, None)?;
    let minutes = match (fields.get("connectionMinutes"), fields.get("connections")) {
        (Some(_), Some(c)) => return Err(c.error(ErrorCode::UnknownField, text!(c, "iot.minutesOrSessions"))),
        (Some(n), None) => super::Minutes { billable: u128::from(n.integer(0, MAX_COUNT)?), free: 0 },
        (None, Some(list)) => session_minutes(&list)?,
        (None, None) => super::Minutes::default(),
    };
    Ok(DayInput { date, buckets, minutes })
}

/// `connections: [{ from, to, devices?, group?, connection? }]`, in natural minutes (IOT-26).
fn session_minutes(list: &Node<'_>) -> Result<super::Minutes, Error> {
    let elements: Vec<Node<'_>> = list.elements()?.collect();
    if elements.len() > MAX_SESSIONS_PER_DAY {
        return Err(list.error(ErrorCode::TooMany, text!(list, "iot.tooManySessions", max = MAX_SESSIONS_PER_DAY, count = elements.len())));
    }
    let mut groups: Vec<&str> = Vec::new();
    let mut sessions = Vec::with_capacity(elements.len());
    for element in &elements {
        let f = element.object()?;
        f.only(&["from", "to", "devices", "group", "connection"])?;
        let time = |key: &str| -> Result<ClockTime, Error> {
            let node = f.required(key, key!("expect.clockTime"))?;
            let text = node.str()?;
            ClockTime::parse(text).ok_or_else(|| node.error(ErrorCode::InvalidDate, text!(node, "iot.badClockTime", text = text)))
        };
        let (from, to) = (time("from")?, time("to")?);
        let devices = f.get("devices").map_or(Ok(1), |n| n.integer(1, fleet::MAX_DEVICES))?;
        // Sessions without a group are one group; each named group is its own devices.
        let group = match f.get("group") {
            None => 0,
            Some(n) => {
                let name = n.str()?;
                let at = groups.iter().position(|g| *g == name).unwrap_or_else(|| {
                    groups.push(name);
                    groups.len() - 1
                });
                at as u32 + 1
            }
        };
        let connection = f.get("connection").map(|n| n.one_of(&Connection::ALL, ErrorCode::InvalidType)).transpose()?.unwrap_or_default();
        sessions.push(Session { from, to, devices, group, connection });
    }
    natural_minutes(&sessions).map_err(|SessionError::CrossesMidnight { index }| {
        let at = elements[index];
        let (from, to) = (&sessions[index].from, &sessions[index].to);
        Error::new(ErrorCode::SessionCrossesMidnight, at.path(), text!(at, "iot.sessionCrossesMidnight", from = clock(from), to = clock(to)))
    })
}

/// "HH:MM:SS".
fn clock(t: &ClockTime) -> String {
    let s = t.seconds();
    format!("{:02}:{:02}:{:02}", s / 3_600, s / 60 % 60, s % 60)
}

/// What the customer is asked to supply for a missing price (SITE-1), or the request
/// error for the others.
pub fn rate_error(error: RateError, item: &Fields<'_>, tariff: &Tariff) -> Error {
    let ctx = item.ctx();
    match error {
        RateError::PriceNotPublished { item: billed, .. } => {
            let what = match billed {
                BilledItem::Messages { tier } => text!(ctx, "iot.priceWhat.tier", tier = tier + 1, range = tier_range(tariff, tier, ctx)),
                BilledItem::ConnectionMinutes => text!(ctx, "iot.priceWhat.minutes"),
            };
            let field = error.catalog_field().unwrap_or_default();
            crate::catalog::price_not_published(item, &what, &field)
        }
        RateError::UsageBeforeActivation { date, activated } => {
            let at = item.get("activated").map_or_else(|| item.path(), |n| n.path());
            Error::new(ErrorCode::DateOutOfPeriod, at, text!(ctx, "iot.usageBeforeActivation", date = time::iso_date(date), activated = time::iso_date(activated)))
        }
        RateError::DayOutsideMonth { date, month } => {
            Error::new(ErrorCode::DateOutOfPeriod, item.path(), text!(ctx, "iot.dateOutsideMonth", date = time::iso_date(date), month = time::iso_month(month)))
        }
        // The decoder sorts the days and refuses a date twice: kept for the engine's callers.
        RateError::DayOutOfOrder { date, after } if date == after => Error::new(ErrorCode::DuplicateDate, item.path(), text!(ctx, "iot.dateTwice", date = time::iso_date(date))),
        RateError::DayOutOfOrder { date, after } => {
            Error::new(ErrorCode::DateOutOfOrder, item.path(), text!(ctx, "iot.dateOutOfOrder", date = time::iso_date(date), after = time::iso_date(after)))
        }
        RateError::TooLarge => Error::new(ErrorCode::OutOfRange, item.path(), text!(ctx, "iot.tooLarge")),
    }
}

/// "messages 1 to 100,000,000" / "messages above 1,000,000,000" of the month.
fn tier_range(tariff: &Tariff, tier: usize, ctx: &Ctx) -> String {
    let above = tariff.message_tiers[tier].above;
    match tariff.message_tiers.get(tier + 1) {
        Some(next) => text!(ctx, "iot.tierRange.between", from = Count(above + 1), to = Count(next.above)),
        None => text!(ctx, "iot.tierRange.above", above = Count(above)),
    }
}

/// The free-quota basis for a text (IOT-28).
fn basis_text(basis: FreeQuotaBasis) -> Key {
    match basis {
        FreeQuotaBasis::ActivationMonth => key!("iot.freeBasis.activationMonth"),
        FreeQuotaBasis::MonthAfterActivation => key!("iot.freeBasis.monthAfter"),
        FreeQuotaBasis::EveryMonth => key!("iot.freeBasis.everyMonth"),
        FreeQuotaBasis::PastFirstTwoMonths | FreeQuotaBasis::NoActivationDate | FreeQuotaBasis::BeforeActivation => key!("iot.freeBasis.none"),
    }
}

/// The rules a price line cites: the rule of the item, and SITE-1/SITE-2 where the price
/// is another site's currency.
fn price_rules(site: Site, international: &'static [&'static str], other: &'static [&'static str]) -> &'static [&'static str] {
    if site == Site::International { international } else { other }
}

/// The quoted item (lines, warnings, the day-by-day table, the month as a whole).
pub fn rate(item: &ConnectionItem, index: usize, rates: &IotCatalog, rounding: Rounding, ctx: &Ctx) -> QuotedItem {
    let tariff = &item.tariff;
    let bill = &item.bill;
    let currency = ctx.currency();
    let money = |amount: Decimal| Money(currency, amount);
    let per = Decimal::from(tariff.units_per_price);
    // The month's parts are rated as one, each cut as the days are (IOT-29), so that
    // quantity x unitPrice reads true on every line.
    let cut = item.policy.daily_amounts.rounding(currency);
    let site = ctx.site;
    let mut lines = Vec::new();
    let mut warnings = Vec::new();

    // IOT-27: a line per tier the month reaches (the first one at zero when none is).
    let mut tier_parts = bill.messages.parts.clone();
    if tier_parts.is_empty() {
        if let Some(price) = tariff.message_tiers[0].price {
            tier_parts.push(super::TierPart { tier: 0, units: 0, price, amount: Decimal::ZERO });
        }
    }
    for part in &tier_parts {
        let mut line = Line::priced(
            "iot.messages.tier",
            text!(ctx, "iot.line.tier", tier = part.tier + 1, range = tier_range(tariff, part.tier, ctx)),
            text!(ctx, "iot.formula.tier", units = Count(part.units), price = money(part.price.amount), per = Count(tariff.units_per_price)),
            Decimal::from_i128_with_scale(part.units as i128, 0) / per,
            "1,000,000 messages",
            part.price.amount,
            cut,
            price_rules(site, &["IOT-25", "IOT-27", "IOT-29"], &["IOT-25", "IOT-27", "IOT-29", "SITE-1", "SITE-2"]),
        );
        // "iot.messages.tier1": a caller's catalog may have more than nine tiers.
        crate::text::push_decimal(&mut line.code, part.tier as u64 + 1);
        line.quantity = line.quantity.normalize();
        lines.push(line);
    }

    // IOT-26, IOT-30: connection minutes, where the site prices them or any is charged.
    let minute_part = bill.minutes.parts.first().copied();
    let chargeable_minutes = minute_part.map_or(0, |p| p.units);
    if let Some(price) = minute_part.map(|p| p.price).or(tariff.minute_price) {
        let mut line = Line::priced(
            "iot.connectionMinutes",
            text!(ctx, "iot.line.connectionMinutes"),
            text!(
                ctx,
                "iot.formula.connectionMinutes",
                chargeable = Count(chargeable_minutes),
                billable = Count(bill.minutes.units),
                free = Count(bill.minutes.free_quota),
                price = money(price.amount),
                per = Count(tariff.units_per_price)
            ),
            Decimal::from_i128_with_scale(chargeable_minutes as i128, 0) / per,
            "1,000,000 minutes",
            price.amount,
            cut,
            if item.fleet.is_some() {
                price_rules(site, &["IOT-26", "IOT-29", "IOT-30"], &["IOT-26", "IOT-29", "IOT-30", "SITE-1", "SITE-2"])
            } else {
                price_rules(site, &["IOT-26", "IOT-29"], &["IOT-26", "IOT-29", "SITE-1", "SITE-2"])
            },
        );
        line.quantity = line.quantity.normalize();
        lines.push(line);
    }

    // IOT-28: the free quota of each, at zero.
    let basis = basis_text(bill.free_quota);
    let free_quotas = [
        ("iot.freeQuota", key!("iot.line.freeQuota"), bill.messages.free_quota, tariff.free_messages_per_month, "message", key!("iot.units.messages")),
        ("iot.freeQuota.minutes", key!("iot.line.freeMinutes"), bill.minutes.free_quota, tariff.free_minutes_per_month, "minute", key!("iot.units.minutes")),
    ];
    for (code, description, free, quota, unit, units) in free_quotas.into_iter().filter(|q| q.2 > 0) {
        lines.push(Line::priced(
            code,
            description.render(ctx),
            text!(ctx, "iot.formula.freeQuotaOf", free = Count(free), quota = Count(quota), units = units, basis = basis),
            Decimal::from_i128_with_scale(free as i128, 0),
            unit,
            Decimal::ZERO,
            rounding,
            &["IOT-28"],
        ));
    }
    // IOT-14: the free categories, at zero.
    if bill.free_category_messages > 0 {
        lines.push(Line::priced(
            "iot.freeCategories",
            text!(ctx, "iot.line.freeCategories"),
            text!(ctx, "iot.formula.freeCategories", count = Count(bill.free_category_messages), zero = money(Decimal::ZERO)),
            Decimal::from_i128_with_scale(bill.free_category_messages as i128, 0),
            "message",
            Decimal::ZERO,
            rounding,
            &["IOT-14"],
        ));
    }
    // IOT-29: what the days bill less what the lines say, so the lines add up to the bill.
    let lines_total: Decimal = lines.iter().map(|l| l.amount).sum();
    let settlement = bill.amount - lines_total;
    if !settlement.is_zero() {
        lines.push(Line::priced(
            "iot.dailySettlement",
            text!(ctx, "iot.line.dailySettlement", cut = cut_text(item.policy.daily_amounts), to = rounded_to(currency)),
            text!(ctx, "iot.formula.dailySettlement", days = bill.days.len(), daily = money(bill.amount), lines = money(rounding.apply(lines_total))),
            Decimal::ONE,
            "adjustment",
            settlement,
            rounding,
            &["IOT-29", "SITE-3"],
        ));
    }

    // Warnings: both figures where they differ (IOT-29); the free quota's basis (IOT-28);
    // minutes counted but not charged (IOT-26); the caller's prices (SITE-1).
    if bill.differs() {
        warnings.push(Warning::new(
            "daily_settlement",
            text!(
                ctx,
                "iot.dailySettlement",
                cut = cut_text(item.policy.daily_amounts),
                to = rounded_to(currency),
                daily = money(bill.amount),
                days = bill.days.len(),
                month = money(bill.whole_month_amount)
            ),
            &["IOT-29", "SITE-3"],
        ));
    }
    match bill.free_quota {
        FreeQuotaBasis::NoActivationDate => warnings.push(Warning::new("free_quota_not_applied", text!(ctx, "iot.freeQuotaNotApplied"), &["IOT-28"])),
        FreeQuotaBasis::PastFirstTwoMonths => warnings.push(Warning::new(
            "free_quota_past",
            text!(ctx, "iot.freeQuotaPast", activated = item.activated.map(time::iso_date).unwrap_or_default()),
            &["IOT-28"],
        )),
        _ => {}
    }
    if item.free_minutes > 0 {
        warnings.push(Warning::new("minutes_not_charged", text!(ctx, "iot.minutesNotCharged", minutes = Count(item.free_minutes)), &["IOT-26"]));
    }
    if tariff.has_caller_price() {
        warnings.push(Warning::new("caller_price", text!(ctx, "iot.connectionCallerPrice", currency = currency.code), &["SITE-1"]));
    }

    let mut quoted = item_from_lines(
        index,
        Product::Iot,
        text!(ctx, "iot.description.connection", month = time::iso_month(item.month), days = bill.days.len()),
        lines,
        warnings,
        rounding,
    );
    let model = super::CONNECTION_AND_MESSAGES;
    quoted.pricing = Some(Pricing { model: model.id, source: model.document, as_of: model.as_of, rules: model.rules });
    quoted.days = Some(IotDays::ConnectionAndMessages(bill.days.iter().map(day_answer).collect()));
    quoted.whole_month = Some(WholeMonth {
        messages: bill.messages.whole_month,
        connection_minutes: bill.minutes.whole_month,
        total: bill.whole_month_amount,
    });
    if let Some(f) = &item.fleet {
        quoted.warnings.extend(f.warnings.iter().cloned());
        if fleet::fits_new_public(&fleet::needs(&f.fleet), rates) {
            quoted.warnings.push(fleet::fits_new_public_warning(rates, ctx));
        }
        let per_day = f.fleet.messages_per_day();
        let minutes = fleet_minutes(f.fleet.devices, f.fleet.online_hours, f.fleet.connection);
        let mut formula = f.fleet.formulas(ctx);
        formula.push(f.fleet.minutes_formula(ctx));
        quoted.fleet = Some(FleetSummary {
            devices: f.fleet.devices,
            messages_per_day: per_day,
            messages_per_month: Decimal::from_i128_with_scale(i128::from(per_day) * bill.days.len() as i128, 0),
            formula,
            connection_minutes_per_day: Some(minutes.billable + minutes.free),
            connection: Connection::ALL.iter().find(|(_, c)| *c == f.fleet.connection).map(|(name, _)| *name),
            rules: &["IOT-22", "IOT-30"],
        });
    }
    quoted
}

/// "cut" (truncated) or "rounded half up", as IOT-29's policy says.
pub fn cut_text(mode: DailyAmounts) -> Key {
    match mode {
        DailyAmounts::Truncate => key!("iot.cut.truncate"),
        DailyAmounts::HalfUp => key!("iot.cut.halfUp"),
    }
}

fn day_item(day: &super::ItemDay) -> DayItem {
    DayItem {
        billable: day.units,
        free_quota: day.free_quota,
        tiers: day.parts.iter().map(|p| TierUnits { tier: p.tier + 1, units: p.units }).collect(),
        amount: day.amount,
    }
}

fn day_answer(day: &super::DayBill) -> ConnectionDay {
    ConnectionDay {
        date: day.date,
        messages: day_item(&day.messages),
        connection_minutes: DayMinutes { billable: day.minutes.units, free_quota: day.minutes.free_quota, amount: day.minutes.amount },
        free_category_messages: day.free_category_messages,
        amount: day.amount,
        month_to_date: crate::bill::MonthToDate { messages: day.month_to_date.messages, connection_minutes: day.month_to_date.minutes },
    }
}
