//! IoT Platform (seeds 000, 001, 002): legacy public instances billed per message and
//! per living device per day; Enterprise Edition by subscription at the caller's
//! price; new public instances free.

pub mod connection_messages;
pub mod fleet;

use crate::catalog::{Catalog, IotCatalog};
use crate::decode::{Ctx, Fields, Node};
use crate::error::{Error, ErrorCode};
use crate::messages::Key;
use crate::money::Rounding;
pub use crate::bill::limits::MAX_COUNT;
pub use crate::bill::{FleetSummary, IotDay};
use crate::bill::{item_from_lines, limits, rounded_to, IotDays, Line, Pricing, Product, QuotedItem, Warning};
use crate::messages::{Count, Money};
use crate::time::{self, Instant};
use jiff::civil::Date;
use rust_decimal::Decimal;

/// Largest message size accepted, in bytes (1 GB; far above any real message).
pub const MAX_BYTES: u64 = 1_000_000_000;
/// Most message-size buckets in one day.
pub const MAX_BUCKETS_PER_DAY: usize = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Instance {
    LegacyPublic,
    Enterprise,
    NewPublic,
}

impl Instance {
    pub const ALL: [(&'static str, Instance); 3] =
        [("legacyPublic", Instance::LegacyPublic), ("enterprise", Instance::Enterprise), ("newPublic", Instance::NewPublic)];
}

/// Legacy public instance editions (IOT-12).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edition {
    Basic,
    Pro,
}

impl Edition {
    pub const ALL: [(&'static str, Edition); 2] = [("basic", Edition::Basic), ("pro", Edition::Pro)];
    /// The edition's name for a person: "Basic" / 基础版.
    pub fn name(self) -> crate::messages::Key {
        match self {
            Edition::Basic => key!("iot.edition.basic"),
            Edition::Pro => key!("iot.edition.pro"),
        }
    }
}

pub use crate::catalog::{Billability, Category, CATEGORIES};

/// Messages of one size and category in a day.
#[derive(Debug, Clone, PartialEq)]
pub struct Bucket {
    pub bytes: u64,
    pub count: u64,
    pub category: &'static Category,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DayUsage {
    pub date: Date,
    pub buckets: Vec<Bucket>,
    pub living_devices: u64,
}

/// Seed 002's rates for a Basic or Pro month (IOT-15..IOT-19), in the site's currency:
/// published in USD only, so on another site from the caller's catalog (SITE-1).
#[derive(Debug, Clone, PartialEq)]
pub struct BasicProRates {
    pub message_unit_bytes: u64,
    pub message_price: Decimal,
    pub messages_per_price_unit: u64,
    pub free_messages_per_month: u64,
    /// Zero on Basic, which has no device fee (IOT-12).
    pub living_device_price_per_day: Decimal,
    pub free_living_devices_per_day: u64,
}

impl BasicProRates {
    /// `edition`'s rates from the catalog, or `price_not_published` at the item `at`,
    /// naming the catalog field, where the site publishes none (SITE-1).
    pub fn of(rates: &IotCatalog, edition: Edition, at: &Fields<'_>) -> Result<BasicProRates, Error> {
        let missing = |what: Key, field: &str| crate::catalog::price_not_published(at, &what.render(at), field);
        let message_price = rates.message_price.ok_or_else(|| missing(key!("iot.priceWhat.messages"), "iot.messagePrice"))?;
        let living_device_price_per_day = match edition {
            Edition::Pro => rates.living_device_price_per_day.ok_or_else(|| missing(key!("iot.priceWhat.devices"), "iot.livingDevicePricePerDay"))?,
            Edition::Basic => Decimal::ZERO,
        };
        Ok(BasicProRates {
            message_unit_bytes: rates.message_unit_bytes,
            message_price,
            messages_per_price_unit: rates.messages_per_price_unit,
            free_messages_per_month: rates.free_messages_per_month,
            living_device_price_per_day,
            free_living_devices_per_day: rates.free_living_devices_per_day,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum IotItem {
    LegacyPublic { edition: Edition, month: Date, days: Vec<DayUsage>, free_quota_used: u64, fleet: Option<Box<FleetQuote>>, rates: BasicProRates },
    /// The connection-and-messages generation (IOT-25..IOT-30), rated when decoded.
    ConnectionAndMessages(Box<connection_messages::item::ConnectionItem>),
    Enterprise { months: u64, monthly_price: Decimal, quantity: u64, trial: bool, sizing: Option<Box<fleet::Sizing>> },
    NewPublic,
}

/// A legacy public item given as a fleet: what the answer states of it (issue 17).
#[derive(Debug, Clone, PartialEq)]
pub struct FleetQuote {
    pub fleet: fleet::Fleet,
    pub warnings: Vec<Warning>,
}

pub fn decode_item(fields: &Fields<'_>, catalog: &Catalog) -> Result<IotItem, Error> {
    decode_item_with(fields, catalog, connection_messages::Policy::default())
}

/// [`decode_item`] under the request's `policy.iot` (IOT-28, IOT-29).
pub fn decode_item_with(fields: &Fields<'_>, catalog: &Catalog, policy: connection_messages::Policy) -> Result<IotItem, Error> {
    let instance = fields
        .required("instance", key!("expect.iotInstance"))?
        .one_of(&Instance::ALL, ErrorCode::UnknownInstance)?;
    match instance {
        Instance::LegacyPublic => decode_legacy(fields, catalog, policy),
        Instance::Enterprise => decode_enterprise(fields, catalog),
        Instance::NewPublic => {
            fields.only(&["product", "instance"])?;
            Ok(IotItem::NewPublic)
        }
    }
}

fn decode_enterprise(fields: &Fields<'_>, catalog: &Catalog) -> Result<IotItem, Error> {
    fields.only(&["product", "instance", "months", "monthlyPrice", "spec", "quantity", "trial", "fleet"])?;
    let months = fields.required("months", key!("expect.months"))?.integer(1, limits::MAX_MONTHS)?;
    let quantity = match fields.get("quantity") {
        Some(n) => n.integer(1, 10_000)?,
        None => 1,
    };
    let trial = fields.flag("trial")?;
    // IOT-23: a fleet instead of a spec picks the cheapest spec that holds it.
    if let Some(fleet_node) = fields.get("fleet") {
        if let Some(other) = fields.get("spec").or_else(|| fields.get("monthlyPrice")) {
            return Err(other.error(ErrorCode::UnknownField, text!(other, "iot.fleetOrSpec")));
        }
        let (fleet, _) = fleet::decode(&fleet_node, fleet::For::Enterprise)?;
        let sizing = fleet::size(&fleet, &catalog.iot.enterprise_specs, &catalog.iot, &fleet_node)?;
        return Ok(IotItem::Enterprise { months, monthly_price: sizing.monthly_price, quantity, trial, sizing: Some(Box::new(sizing)) });
    }
    let monthly_price = enterprise_price(fields, catalog)?;
    Ok(IotItem::Enterprise { months, monthly_price, quantity, trial, sizing: None })
}

/// IOT-4: no document publishes an Enterprise Edition price: the caller gives it,
/// as `monthlyPrice` or as a `spec` of their catalog.
pub fn enterprise_price(fields: &Fields<'_>, catalog: &Catalog) -> Result<Decimal, Error> {
    match (fields.get("monthlyPrice"), fields.get("spec")) {
        (Some(price), _) => crate::catalog::caller_price(&price),
        (None, Some(spec)) => {
            let id = spec.str()?;
            let found = catalog.iot.enterprise_specs.iter().find(|s| s.id == id);
            found.map(|s| s.monthly_price).ok_or_else(|| {
                spec.error(
                    ErrorCode::UnknownSpec,
                    text!(spec, "iot.unknownEnterpriseSpec", id = id),
                )
            })
        }
        (None, None) => Err(Error::new(
            ErrorCode::MissingPrice,
            fields.child_path("monthlyPrice"),
            text!(fields, "iot.missingEnterprisePrice"),
        )),
    }
}

/// IOT-25: the two generations of legacy public instance pricing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generation {
    /// Connection minutes and graduated messages (IOT-26..IOT-30), the pages seed 000
    /// sends today's customers to.
    ConnectionAndMessages,
    /// Seed 002's Basic and Pro editions (IOT-12..IOT-19).
    BasicPro,
}

impl Generation {
    /// The item's `pricing` names, the newer generation first, as the error that asks
    /// for one lists them.
    pub const ALL: [(&'static str, Generation); 2] = [("connectionAndMessages", Generation::ConnectionAndMessages), ("basicPro", Generation::BasicPro)];
}

/// A legacy public item: `pricing` says its generation (IOT-25); an item that names an
/// `edition` and no `pricing` keeps seed 002's; one that names neither is asked which.
fn decode_legacy(fields: &Fields<'_>, catalog: &Catalog, policy: connection_messages::Policy) -> Result<IotItem, Error> {
    let generation = match (fields.get("pricing"), fields.get("edition")) {
        (Some(node), edition) => {
            let generation = node.one_of(&Generation::ALL, ErrorCode::UnknownEdition)?;
            if let (Generation::ConnectionAndMessages, Some(edition)) = (generation, edition) {
                return Err(edition.error(ErrorCode::UnknownField, text!(edition, "iot.noEditionInGeneration")));
            }
            generation
        }
        (None, Some(_)) => Generation::BasicPro,
        (None, None) => return Err(Error::new(ErrorCode::MissingField, fields.child_path("pricing"), text!(fields, "iot.pricingRequired"))),
    };
    match generation {
        Generation::ConnectionAndMessages => Ok(IotItem::ConnectionAndMessages(Box::new(connection_messages::item::decode(fields, catalog, policy)?))),
        Generation::BasicPro => decode_basic_pro(fields, catalog),
    }
}

fn decode_basic_pro(fields: &Fields<'_>, catalog: &Catalog) -> Result<IotItem, Error> {
    fields.only(&["product", "instance", "pricing", "edition", "month", "usage", "freeQuotaUsed"])?;
    let edition = fields.required("edition", key!("expect.edition"))?.one_of(&Edition::ALL, ErrorCode::UnknownEdition)?;
    let month = time::month(&fields.required("month", key!("expect.month"))?)?;
    let free_quota_used = match fields.get("freeQuotaUsed") {
        Some(n) => n.integer(0, MAX_COUNT)?,
        None => 0,
    };
    let usage_node = fields.required("usage", key!("expect.iotUsage"))?;
    let usage = usage_node.object()?;
    let month_days = u64::from(month.days_in_month() as u8);
    let day_count = |usage: &Fields<'_>| usage.get("days").map_or(Ok(month_days), |n| n.integer(1, month_days));
    if let Some(fleet_node) = usage.get("fleet") {
        usage.only(&["fleet", "days"])?;
        let (fleet, warnings) = fleet::decode(&fleet_node, fleet::For::Edition(edition))?;
        let days = fleet::month_days(&fleet, month, day_count(&usage)?);
        let rates = BasicProRates::of(&catalog.iot, edition, fields)?;
        return Ok(IotItem::LegacyPublic { edition, month, days, free_quota_used, fleet: Some(Box::new(FleetQuote { fleet, warnings })), rates });
    }
    let days = match usage.get("perDay") {
        Some(per_day) => {
            usage.only(&["perDay", "days"])?;
            let count = day_count(&usage)?;
            repeat_day(&decode_day(&per_day, edition, month, None)?, month, count)
        }
        None => {
            usage.only(&["days"])?;
            // IOT-18 (Choice): the free quota is used by the earliest days first.
            day_table(&usage, month, |day, date| decode_day(day, edition, month, Some(date)), |d| d.date)?
        }
    };
    let rates = BasicProRates::of(&catalog.iot, edition, fields)?;
    Ok(IotItem::LegacyPublic { edition, month, days, free_quota_used, fleet: None, rates })
}

/// `usage.days`: one entry per day of `month` (a day without a date is the n-th), read
/// by `decode` with its default date, then put in date order (each date once).
pub(crate) fn day_table<T>(usage: &Fields<'_>, month: Date, decode: impl Fn(&Node<'_>, Date) -> Result<T, Error>, date_of: impl Fn(&T) -> Date) -> Result<Vec<T>, Error> {
    let month_days = u64::from(month.days_in_month() as u8);
    let days_node = usage.required("days", key!("expect.days"))?;
    let elements = days_node.elements()?;
    if elements.len() == 0 {
        return Err(days_node.error(ErrorCode::Empty, text!(days_node, "iot.noDays")));
    }
    if elements.len() as u64 > month_days {
        return Err(days_node.error(ErrorCode::TooMany, text!(days_node, "iot.tooManyDays", month = month_label(month), days = month_days, count = elements.len())));
    }
    let mut days = Vec::with_capacity(elements.len());
    for (i, day) in elements.enumerate() {
        let default_date = time::day_of_month(month, 1 + i as i8).unwrap_or(month);
        days.push(decode(&day, default_date)?);
    }
    days.sort_by_key(&date_of);
    if let Some(pair) = days.windows(2).find(|w| date_of(&w[0]) == date_of(&w[1])) {
        return Err(days_node.error(ErrorCode::DuplicateDate, text!(days_node, "iot.dateTwice", date = time::iso_date(date_of(&pair[0])))));
    }
    Ok(days)
}

/// The same day's usage on each of the first `count` days of `month` (`usage.perDay`).
pub(crate) fn repeat_day(template: &DayUsage, month: Date, count: u64) -> Vec<DayUsage> {
    let count = count.min(u64::from(month.days_in_month() as u8)) as i8;
    (1..=count).map(|day| DayUsage { date: time::day_of_month(month, day).unwrap_or(month), ..template.clone() }).collect()
}

fn month_label(month: Date) -> String {
    time::iso_month(month)
}

/// One day's usage. `default_date` is `None` for `perDay` (which has no date).
pub(crate) fn decode_day(node: &Node<'_>, edition: Edition, month: Date, default_date: Option<Date>) -> Result<DayUsage, Error> {
    let fields = node.object()?;
    if default_date.is_some() {
        fields.only(&["date", "messages", "livingDevices"])?;
    } else {
        fields.only(&["messages", "livingDevices"])?;
    }
    let date = decode_date(&fields, month, default_date)?;
    let living_devices = match fields.get("livingDevices") {
        Some(n) => n.integer(0, MAX_COUNT)?,
        None => 0,
    };
    let buckets = decode_messages(&fields, Some(edition))?;
    Ok(DayUsage { date, buckets, living_devices })
}

/// A day's `date`, which must be in `month`; `default_date` where it gives none.
pub(crate) fn decode_date(fields: &Fields<'_>, month: Date, default_date: Option<Date>) -> Result<Date, Error> {
    match fields.get("date") {
        Some(d) => {
            let date = time::date(&d)?;
            if date.year() != month.year() || date.month() != month.month() {
                return Err(d.error(ErrorCode::DateOutOfPeriod, text!(d, "iot.dateOutsideMonth", date = time::iso_date(date), month = month_label(month))));
            }
            Ok(date)
        }
        None => Ok(default_date.unwrap_or(month)),
    }
}

/// A day's `messages`: size buckets in the categories of `edition` (IOT-13), or of any
/// edition (`None`: the connection-and-messages generation has none, IOT-25).
pub(crate) fn decode_messages(fields: &Fields<'_>, edition: Option<Edition>) -> Result<Vec<Bucket>, Error> {
    let messages = fields.required("messages", key!("expect.messages"))?;
    let elements = messages.elements()?;
    if elements.len() > MAX_BUCKETS_PER_DAY {
        return Err(messages.error(ErrorCode::TooMany, text!(messages, "iot.tooManyBuckets", max = MAX_BUCKETS_PER_DAY, count = elements.len())));
    }
    let categories: Vec<(&str, &'static Category)> = CATEGORIES.iter().map(|c| (c.name, c)).collect();
    let mut buckets = Vec::with_capacity(elements.len());
    for bucket in elements {
        buckets.push(decode_bucket(&bucket, edition, &categories)?);
    }
    Ok(buckets)
}

/// `categories` is [`CATEGORIES`] by name, built once per day rather than per bucket.
fn decode_bucket(node: &Node<'_>, edition: Option<Edition>, categories: &[(&str, &'static Category)]) -> Result<Bucket, Error> {
    let fields = node.object()?;
    fields.only(&["bytes", "count", "category"])?;
    let bytes = fields.required("bytes", key!("expect.bytes"))?.integer(0, MAX_BYTES)?;
    let count = fields.required("count", key!("expect.count"))?.integer(0, MAX_COUNT)?;
    let category = match fields.get("category") {
        None => &CATEGORIES[0], // "devicePub", API.md's default
        Some(n) => category_in_edition(&n, n.one_of(categories, ErrorCode::UnknownCategory)?, edition, None)?,
    };
    Ok(Bucket { bytes, count, category })
}

/// Whether messages of `category` exist on `edition` (IOT-13).
pub fn billable_on(category: &Category, edition: Edition) -> bool {
    !matches!((category.billability, edition), (Billability::BasicOnly, Edition::Pro) | (Billability::ProOnly, Edition::Basic))
}

/// `category`, or an error at `node` when it exists only on the other edition (IOT-13);
/// `interface` names the IOT-20 interface the category came from. Enterprise
/// Edition (`edition` None) has no Basic/Pro split.
pub(crate) fn category_in_edition(node: &Node<'_>, category: &'static Category, edition: Option<Edition>, interface: Option<&str>) -> Result<&'static Category, Error> {
    let Some(edition) = edition.filter(|e| !billable_on(category, *e)) else { return Ok(category) };
    let only = if edition == Edition::Basic { Edition::Pro } else { Edition::Basic };
    let what = match interface {
        Some(name) => text!(node, "iot.interfaceWhat", name = name, category = category.description),
        None => text!(node, "iot.categoryWhat", name = category.name, category = category.description),
    };
    Err(node.error(ErrorCode::CategoryNotInEdition, text!(node, "iot.notInEdition", what = what, only = only.name(), edition = edition.name())))
}

/// Billable message count of `count` messages of `bytes` each: every message counts
/// ceil(bytes / 512), and at least 1 (IOT-15).
pub fn billable_messages(bytes: u64, count: u64, unit_bytes: u64) -> u128 {
    let units = bytes.div_ceil(unit_bytes.max(1)).max(1);
    u128::from(units) * u128::from(count)
}

fn decimal(n: u128) -> Decimal {
    // Bounded by MAX_COUNT x MAX_BYTES/512 x MAX_BUCKETS_PER_DAY x 31 (about 6e26),
    // below Decimal's 7.9e28.
    Decimal::from_i128_with_scale(n as i128, 0)
}

/// Rates each day: the free quota first (earliest days first), then the message fee
/// and the device fee, each rounded per day.
pub fn bill_days(edition: Edition, days: &[DayUsage], free_quota_used: u64, rates: &BasicProRates, rounding: Rounding) -> Vec<IotDay> {
    let mut quota_left = u128::from(rates.free_messages_per_month.saturating_sub(free_quota_used));
    let per_message = rates.message_price / Decimal::from(rates.messages_per_price_unit);
    days.iter()
        .map(|day| {
            let mut billable = 0u128;
            let mut free_category = 0u128;
            for b in &day.buckets {
                if b.category.billability == Billability::Free {
                    free_category += u128::from(b.count);
                } else {
                    billable += billable_messages(b.bytes, b.count, rates.message_unit_bytes);
                }
            }
            let free_quota = billable.min(quota_left);
            quota_left -= free_quota;
            let chargeable = billable - free_quota;
            let (chargeable_devices, device_amount) = match edition {
                Edition::Pro => {
                    let n = day.living_devices.saturating_sub(rates.free_living_devices_per_day);
                    (n, rounding.apply(Decimal::from(n) * rates.living_device_price_per_day))
                }
                Edition::Basic => (0, rounding.apply(Decimal::ZERO)),
            };
            IotDay {
                date: day.date,
                billable_messages: billable,
                free_quota_messages: free_quota,
                chargeable_messages: chargeable,
                free_category_messages: free_category,
                message_amount: rounding.apply(decimal(chargeable) * per_message),
                living_devices: day.living_devices,
                chargeable_devices,
                device_amount,
            }
        })
        .collect()
}

pub fn rate(item: &IotItem, index: usize, catalog: &Catalog, rounding: Rounding, ctx: &Ctx) -> QuotedItem {
    match item {
        IotItem::LegacyPublic { edition, month, days, free_quota_used, fleet, rates } => {
            let mut quoted = rate_legacy(*edition, *month, days, *free_quota_used, index, rates, rounding, ctx);
            if let Some(f) = fleet {
                quoted.warnings.extend(f.warnings.iter().cloned());
                if fleet::fits_new_public(&fleet::needs(&f.fleet), &catalog.iot) {
                    quoted.warnings.push(fleet::fits_new_public_warning(&catalog.iot, ctx));
                }
                let per_day = f.fleet.messages_per_day();
                quoted.fleet = Some(FleetSummary {
                    devices: f.fleet.devices,
                    messages_per_day: per_day,
                    messages_per_month: decimal(u128::from(per_day) * days.len() as u128),
                    formula: f.fleet.formulas(ctx),
                    connection_minutes_per_day: None,
                    connection: None,
                    rules: &["IOT-22", "IOT-19"],
                });
            }
            quoted
        }
        IotItem::ConnectionAndMessages(item) => connection_messages::item::rate(item, index, &catalog.iot, rounding, ctx),
        IotItem::Enterprise { months, monthly_price, quantity, trial, sizing } => {
            let mut quoted = rate_enterprise(*months, *monthly_price, *quantity, *trial, index, rounding, ctx);
            if let Some(s) = sizing {
                if s.fits_new_public_instance {
                    quoted.warnings.push(fleet::fits_new_public_warning(&catalog.iot, ctx));
                }
                quoted.description.push_str(&text!(ctx, "iot.sizedSpec", spec = s.spec));
                quoted.sizing = Some((**s).clone());
            }
            quoted
        }
        IotItem::NewPublic => {
            let line = Line::priced(
                "iot.newPublic",
                text!(ctx, "iot.line.newPublic"),
                text!(ctx, "iot.formula.newPublic"),
                Decimal::ONE,
                "instance",
                Decimal::ZERO,
                rounding,
                &["IOT-2"],
            );
            let warnings = vec![Warning::new("fixed_specification", text!(ctx, "iot.fixedSpecification"), &["IOT-2", "IOT-7"])];
            item_from_lines(index, Product::Iot, text!(ctx, "iot.description.newPublic"), vec![line], warnings, rounding)
        }
    }
}

/// IOT-3: a trial's first month is free; the others are paid.
pub fn enterprise_paid_months(months: u64, trial: bool) -> u64 {
    if trial { months - 1 } else { months }
}

/// "IoT Platform Enterprise Edition, 2 instances, 12 months (first month trial)".
pub fn enterprise_description(months: u64, quantity: u64, trial: bool, ctx: &Ctx) -> String {
    if trial {
        text!(ctx, "iot.description.enterpriseTrial", instances = quantity, months = months)
    } else {
        text!(ctx, "iot.description.enterprise", instances = quantity, months = months)
    }
}

fn rate_enterprise(months: u64, monthly_price: Decimal, quantity: u64, trial: bool, index: usize, rounding: Rounding, ctx: &Ctx) -> QuotedItem {
    let instances = quantity;
    let mut lines = Vec::new();
    let mut warnings = Vec::new();
    let paid_months = enterprise_paid_months(months, trial);
    if trial {
        // IOT-3: a trial instance is free for its first month.
        lines.push(Line::priced(
            "iot.enterprise.trial",
            text!(ctx, "iot.line.trial"),
            text!(ctx, "iot.formula.trial", instances = instances, zero = Money(ctx.currency(), Decimal::ZERO)),
            Decimal::from(quantity),
            "instance-month",
            Decimal::ZERO,
            rounding,
            &["IOT-3"],
        ));
        warnings.push(Warning::new("trial_released_after_one_month", text!(ctx, "iot.trialReleased"), &["IOT-3"]));
    }
    if paid_months > 0 {
        lines.push(Line::priced(
            "iot.enterprise.subscription",
            text!(ctx, "iot.line.enterprise"),
            text!(ctx, "iot.formula.enterprise", instances = instances, months = paid_months, price = Money(ctx.currency(), monthly_price)),
            Decimal::from(quantity) * Decimal::from(paid_months),
            "instance-month",
            monthly_price,
            rounding,
            &["IOT-2", "IOT-4"],
        ));
    }
    warnings.push(Warning::new("caller_price", text!(ctx, "iot.callerPrice"), &["IOT-4"]));
    item_from_lines(index, Product::Iot, enterprise_description(months, quantity, trial, ctx), lines, warnings, rounding)
}

#[allow(clippy::too_many_arguments)]
fn rate_legacy(edition: Edition, month: Date, days: &[DayUsage], free_quota_used: u64, index: usize, rates: &BasicProRates, rounding: Rounding, ctx: &Ctx) -> QuotedItem {
    let billed = bill_days(edition, days, free_quota_used, rates, rounding);
    let sum128 = |f: fn(&IotDay) -> u128| billed.iter().map(f).sum::<u128>();
    let (billable, free_quota, chargeable, free_category) = (
        sum128(|d| d.billable_messages),
        sum128(|d| d.free_quota_messages),
        sum128(|d| d.chargeable_messages),
        sum128(|d| d.free_category_messages),
    );
    let message_amount = billed.iter().map(|d| d.message_amount).sum();
    let per_unit = Decimal::from(rates.messages_per_price_unit);
    let message_quantity = decimal(chargeable) / per_unit;
    let day_count = billed.len();
    let mut lines = Vec::new();
    let mut warnings = Vec::new();

    let mut message_line = Line::priced(
        "iot.messages",
        text!(ctx, "iot.line.messages", edition = edition.name()),
        text!(
            ctx,
            "iot.formula.messages",
            chargeable = Count(chargeable),
            billable = Count(billable),
            free = Count(free_quota),
            price = Money(ctx.currency(), rates.message_price),
            unit = Count(rates.messages_per_price_unit),
            days = day_count,
            to = rounded_to(ctx.currency())
        ),
        message_quantity.normalize(),
        "1,000,000 messages",
        rates.message_price,
        rounding,
        &["IOT-12", "IOT-13", "IOT-15", "IOT-16", "IOT-17", "IOT-18"],
    );
    // IOT-18: the bill is the sum of the daily rounded amounts, not the month rounded once.
    let whole_month = message_line.amount;
    message_line.amount = rounding.apply(message_amount);
    warnings.extend(message_rounding_warning(message_line.amount, whole_month, day_count, 1, ctx));
    lines.push(message_line);

    if free_quota > 0 {
        lines.push(Line::priced(
            "iot.freeQuota",
            text!(ctx, "iot.line.freeQuota"),
            text!(ctx, "iot.formula.freeQuota", free = Count(free_quota), quota = Count(rates.free_messages_per_month), used = Count(free_quota_used)),
            decimal(free_quota),
            "message",
            Decimal::ZERO,
            rounding,
            &["IOT-17", "IOT-18"],
        ));
    }
    if free_category > 0 {
        lines.push(Line::priced(
            "iot.freeCategories",
            text!(ctx, "iot.line.freeCategories"),
            text!(ctx, "iot.formula.freeCategories", count = Count(free_category), zero = Money(ctx.currency(), Decimal::ZERO)),
            decimal(free_category),
            "message",
            Decimal::ZERO,
            rounding,
            &["IOT-14"],
        ));
    }
    let living: u64 = billed.iter().map(|d| d.living_devices).sum();
    match edition {
        Edition::Pro => {
            let chargeable_devices: u64 = billed.iter().map(|d| d.chargeable_devices).sum();
            let mut device_line = Line::priced(
                "iot.deviceManagement",
                text!(ctx, "iot.line.devices"),
                text!(
                    ctx,
                    "iot.formula.devices",
                    chargeable = Count(chargeable_devices),
                    living = Count(living),
                    free = Count(rates.free_living_devices_per_day),
                    price = Money(ctx.currency(), rates.living_device_price_per_day),
                    days = day_count,
                    to = rounded_to(ctx.currency())
                ),
                Decimal::from(chargeable_devices),
                "device-day",
                rates.living_device_price_per_day,
                rounding,
                &["IOT-12", "IOT-19"],
            );
            // IOT-19: billed per day, each day rounded: the line is the sum of the days.
            let whole_month = device_line.amount;
            device_line.amount = rounding.apply(billed.iter().map(|d| d.device_amount).sum());
            warnings.extend(device_rounding_warning(device_line.amount, whole_month, day_count, ctx));
            lines.push(device_line);
        }
        Edition::Basic if living > 0 => warnings.push(Warning::new("no_device_fee_on_basic", text!(ctx, "iot.noDeviceFeeOnBasic"), &["IOT-12"])),
        Edition::Basic => {}
    }
    let mut quoted = item_from_lines(
        index,
        Product::Iot,
        text!(ctx, "iot.description.legacy", edition = edition.name(), month = month_label(month), days = day_count),
        lines,
        warnings,
        rounding,
    );
    quoted.days = Some(IotDays::BasicPro(billed));
    quoted.pricing = Some(basic_pro_pricing());
    quoted
}

/// IOT-18: messages are billed per day and each day's amount is rounded. Where `billed`
/// (the rounded days' sum, over `days` days) is not `whole` (the same chargeable messages
/// rated as one total for each of the `months` calendar months, each rounded once), the
/// `daily_rounding` warning says both: `quote`'s messages line (one month) and
/// `simulateAccount`'s Basic or Pro item (the months it was billed in) give the same one.
pub fn message_rounding_warning(billed: Decimal, whole: Decimal, days: usize, months: usize, ctx: &Ctx) -> Option<Warning> {
    if billed == whole {
        return None;
    }
    let (amount, month, to) = (Money(ctx.currency(), billed), Money(ctx.currency(), whole), rounded_to(ctx.currency()));
    let message = if months > 1 {
        text!(ctx, "iot.dailyRoundingMonths", amount = amount, days = days, months = months, month = month, to = to)
    } else {
        text!(ctx, "iot.dailyRounding", amount = amount, days = days, month = month, to = to)
    };
    Some(Warning::new("daily_rounding", message, &["IOT-18"]))
}

/// IOT-19: device management is billed per day and each day's amount is rounded. Where
/// `billed` (the rounded days' sum, over `days` days) is not `whole` (the same
/// device-days rated at once, rounded once), the `daily_rounding` warning says both:
/// `quote`'s device line and `simulateAccount`'s Pro item give the same one.
pub fn device_rounding_warning(billed: Decimal, whole: Decimal, days: usize, ctx: &Ctx) -> Option<Warning> {
    if billed == whole {
        return None;
    }
    let (amount, month) = (Money(ctx.currency(), billed), Money(ctx.currency(), whole));
    let message = text!(ctx, "iot.dailyRoundingDevices", amount = amount, days = days, month = month, to = rounded_to(ctx.currency()));
    Some(Warning::new("daily_rounding", message, &["IOT-19"]))
}

/// IOT-25: the model a Basic or Pro item is billed by, as its answer names it.
fn basic_pro_pricing() -> Pricing {
    let model = connection_messages::BASIC_PRO;
    Pricing { model: model.id, source: model.document, as_of: model.as_of, rules: model.rules }
}

/// A legacy public instance's day of usage repeated every day, as an account spends it
/// (`simulateAccount`): each day has its own bill (IOT-18), and the month's free quota
/// is used by its earliest days (IOT-17), so the first days of a month cost less.
#[derive(Debug)]
pub struct RepeatingDay {
    edition: Edition,
    day: DayUsage,
    /// The account's first billing day; the quota `free_quota_used` was used in its
    /// month before it.
    first_day: Date,
    free_quota_used: u64,
    rates: BasicProRates,
    /// Each day's amount to the currency's unit (IOT-18, SITE-3).
    rounding: Rounding,
    /// A month's daily bills depend only on its first day billed, its length and the
    /// quota already used: computed once for each.
    months: std::cell::RefCell<Vec<std::rc::Rc<MonthBills>>>,
}

/// One billing day of a [`RepeatingDay`]: its bill, and the bill's messages part with the
/// chargeable messages it rates (IOT-17, IOT-18).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct DayBill {
    total: Decimal,
    messages: Decimal,
    chargeable: u128,
}

/// A month's daily bills from its first day billed on.
#[derive(Debug)]
struct MonthBills {
    /// (first day billed, days in the month, free quota already used): what they depend on.
    key: (i8, i8, u64),
    days: Vec<DayBill>,
    /// Before each day, and after the last: the days' message amounts and chargeable
    /// messages so far, so that any stretch of the month is summed at once.
    so_far: Vec<(Decimal, u128)>,
}

impl MonthBills {
    /// The message amount x seconds and the chargeable messages x seconds billed from the
    /// first day billed to `seconds` into day `index` (`index` = the number of days: the
    /// month's end), as the account bills: a day pro rata to the second.
    fn up_to(&self, index: usize, seconds: i64) -> (Decimal, u128) {
        let (amount, chargeable) = self.so_far.get(index).copied().unwrap_or_default();
        let day = self.days.get(index).copied().unwrap_or_default();
        let seconds = u64::try_from(seconds).unwrap_or(0);
        let amount = amount * Decimal::from(DAY) + day.messages * Decimal::from(seconds);
        (amount, chargeable * DAY as u128 + day.chargeable * u128::from(seconds))
    }
}

/// A billing day, in seconds.
const DAY: i64 = 86_400;

/// The messages billed over some months (amounts and counts x seconds, as an account
/// bills a day pro rata to the second), and those of the month being added up.
#[derive(Default)]
struct MessageTally {
    /// Each day's rounded message amount x its seconds billed.
    billed: Decimal,
    /// The same messages rated as one total per month, each month rounded once.
    monthly: Decimal,
    months: usize,
    seconds: i64,
    /// (the month, its message amount x seconds, its chargeable messages x seconds).
    month: Option<(Date, Decimal, u128)>,
}

impl RepeatingDay {
    pub fn new(edition: Edition, day: DayUsage, first_day: Date, free_quota_used: u64, rates: &BasicProRates, rounding: Rounding) -> Self {
        RepeatingDay { edition, day, first_day, free_quota_used, rates: rates.clone(), rounding, months: Default::default() }
    }

    /// IOT-19 for `seconds` of billing (the engine bills a day's amount pro rata to the
    /// second): device management as billed, each day rounded, against the same living
    /// devices rated at once. No month's free quota touches it (10 free devices a day), so
    /// every day's device amount is the same. The days the warning names are the seconds
    /// in whole days, a part day counting as one.
    pub fn device_rounding_warning(&self, seconds: i64, ctx: &Ctx) -> Option<Warning> {
        let day = bill_days(self.edition, std::slice::from_ref(&self.day), self.rates.free_messages_per_month, &self.rates, self.rounding);
        let day = day.first()?;
        let for_seconds = |per_day: Decimal| self.rounding.apply(per_day * Decimal::from(seconds) / Decimal::from(DAY));
        let billed = for_seconds(day.device_amount);
        let whole = for_seconds(Decimal::from(day.chargeable_devices) * self.rates.living_device_price_per_day);
        device_rounding_warning(billed, whole, days_named(seconds), ctx)
    }

    /// IOT-18 for the `billed` stretches of time (in time order, not overlapping; the
    /// engine bills a day's amount pro rata to the second): the messages as billed, each
    /// day's amount rounded (the free quota used by each month's earliest days, IOT-17),
    /// against the same chargeable messages rated as one total for each calendar month
    /// (UTC+8), each month rounded once: for a whole month, what `quote` says of it.
    /// Closed form: a stretch inside a month is the difference of two running sums; the
    /// whole months after the first are counted by their length, each length rated once.
    pub fn message_rounding_warning(&self, billed: &[(Instant, Instant)], ctx: &Ctx) -> Option<Warning> {
        let mut tally = MessageTally::default();
        for &(from, until) in billed {
            let mut at = from;
            while at < until {
                let (date, seconds) = at.billing_day()?;
                let next_month = time::first_of_month_after(date, 1)?;
                let month_end = Instant::start_of_billing_day(next_month);
                let first_month = date.year() == self.first_day.year() && date.month() == self.first_day.month();
                if seconds == 0 && date.day() == 1 && !first_month && month_end <= until {
                    // Whole months, which bill alike whatever their date (IOT-17: the quota
                    // comes back on each 1st): counted by length, from this one up to
                    // `until`'s month (not billed whole).
                    let (last, _) = until.billing_day()?;
                    self.close_month(&mut tally);
                    let (count, by_length) = months_by_length(date, last);
                    for (days, months) in (28..=31).zip(by_length) {
                        if months > 0 {
                            let bills = self.month_bills(1, days, 0);
                            let (amount, chargeable) = bills.up_to(bills.days.len(), 0);
                            let months_decimal = Decimal::from(months);
                            tally.billed += amount * months_decimal;
                            tally.monthly += self.rated_once(chargeable)? * months_decimal;
                        }
                    }
                    tally.months += count;
                    tally.seconds += (Instant::start_of_billing_day(last.first_of_month()).0 - at.0).max(0);
                    at = Instant::start_of_billing_day(last.first_of_month());
                    continue;
                }
                let end = until.min(month_end);
                if tally.month.map_or(true, |(month, ..)| month != date.first_of_month()) {
                    self.close_month(&mut tally);
                    tally.month = Some((date.first_of_month(), Decimal::ZERO, 0));
                }
                let (from_day, bills) = self.month_of(date);
                let position = |t: Instant| -> (usize, i64) {
                    match t.billing_day() {
                        _ if t >= month_end => (bills.days.len(), 0),
                        Some((d, s)) if d >= from_day => ((d.day() - from_day.day()) as usize, s),
                        _ => (0, 0),
                    }
                };
                let ((i, s), (j, e)) = (position(at), position(end));
                let ((a0, c0), (a1, c1)) = (bills.up_to(i, s), bills.up_to(j, e));
                if let Some((_, amount, chargeable)) = tally.month.as_mut() {
                    *amount += a1 - a0;
                    *chargeable += c1.saturating_sub(c0);
                }
                tally.seconds += end.0 - at.0;
                at = end;
            }
        }
        self.close_month(&mut tally);
        let billed = self.rounding.apply(tally.billed / Decimal::from(DAY));
        message_rounding_warning(billed, tally.monthly, days_named(tally.seconds), tally.months, ctx)
    }

    /// Adds the month being summed, its messages rated once (rounded), to the months'.
    fn close_month(&self, tally: &mut MessageTally) {
        if let Some((_, amount, chargeable)) = tally.month.take() {
            tally.billed += amount;
            tally.monthly += self.rated_once(chargeable).unwrap_or_default();
            tally.months += 1;
        }
    }

    /// `chargeable_seconds` / 86,400 messages rated at once, rounded once (IOT-16, as
    /// `quote`'s messages line before IOT-18's daily rounding).
    fn rated_once(&self, chargeable_seconds: u128) -> Option<Decimal> {
        let count = Decimal::try_from_i128_with_scale(i128::try_from(chargeable_seconds).ok()?, 0).ok()?;
        let per = Decimal::from(self.rates.messages_per_price_unit) * Decimal::from(DAY);
        let amount = match count.checked_mul(self.rates.message_price) {
            Some(product) => product / per,
            None => count / per * self.rates.message_price,
        };
        Some(self.rounding.apply(amount))
    }

    /// The bill of one day once the month's free quota is used up.
    pub fn full_day_bill(&self) -> Decimal {
        let quota_used = self.rates.free_messages_per_month;
        bill_days(self.edition, std::slice::from_ref(&self.day), quota_used, &self.rates, self.rounding).iter().map(IotDay::total).sum()
    }

    /// The bills of `date`'s month from its first day billed on, and that day.
    fn month_of(&self, date: Date) -> (Date, std::rc::Rc<MonthBills>) {
        if date.year() == self.first_day.year() && date.month() == self.first_day.month() {
            (self.first_day, self.month_bills(self.first_day.day(), date.days_in_month(), self.free_quota_used))
        } else {
            (date.first_of_month(), self.month_bills(1, date.days_in_month(), 0))
        }
    }

    /// The bills of a month of `length` days from day `from` on, `quota_used` of its free
    /// quota used before.
    fn month_bills(&self, from: i8, length: i8, quota_used: u64) -> std::rc::Rc<MonthBills> {
        let key = (from, length, quota_used);
        let mut months = self.months.borrow_mut();
        if let Some(bills) = months.iter().find(|m| m.key == key) {
            return bills.clone();
        }
        // The same usage every day: a day's bill depends only on how much of the month's
        // free quota is left (IOT-17: the earliest days use it). So the days whose messages
        // the quota covers whole cost the same, then one day is partly covered, and every
        // later day costs the same: at most three days are rated, not the whole month.
        let rate = |used: u64| -> (u128, DayBill) {
            let day = bill_days(self.edition, std::slice::from_ref(&self.day), used, &self.rates, self.rounding);
            day.first().map_or((0, DayBill::default()), |d| {
                (d.billable_messages, DayBill { total: d.total(), messages: d.message_amount, chargeable: d.chargeable_messages })
            })
        };
        let quota = u128::from(self.rates.free_messages_per_month);
        let (per_day, _) = rate(quota_used);
        let mut known: Vec<(u128, DayBill)> = Vec::with_capacity(3);
        let mut used = u128::from(quota_used).min(quota);
        let days: Vec<DayBill> = (from..=length)
            .map(|_| {
                // Fully covered days all cost what the first of them costs; so do full days.
                let class = if used >= quota { quota } else if used + per_day <= quota { 0 } else { used };
                let bill = match known.iter().find(|(c, _)| *c == class) {
                    Some((_, bill)) => *bill,
                    None => {
                        let bill = rate(u64::try_from(used).unwrap_or(u64::MAX)).1;
                        known.push((class, bill));
                        bill
                    }
                };
                used = (used + per_day).min(quota);
                bill
            })
            .collect();
        let mut so_far = Vec::with_capacity(days.len() + 1);
        let mut sum = (Decimal::ZERO, 0u128);
        so_far.push(sum);
        for day in &days {
            sum = (sum.0 + day.messages, sum.1.saturating_add(day.chargeable));
            so_far.push(sum);
        }
        let bills = std::rc::Rc::new(MonthBills { key, days, so_far });
        months.push(bills.clone());
        bills
    }

    /// The bill of billing day `date` (UTC+8), rounded to cents (IOT-18); zero before
    /// the first day.
    pub fn bill(&self, date: Date) -> Decimal {
        self.run(date).0
    }

    /// `date`'s bill, and the first day after it whose bill differs, or the first of
    /// the next month (IOT-17: the free quota comes back).
    pub fn run(&self, date: Date) -> (Decimal, Date) {
        let (from, bills) = self.month_of(date);
        let next_month = time::first_of_month_after(date, 1).unwrap_or(date);
        if date < from {
            return (Decimal::ZERO, from);
        }
        let index = (date.day() - from.day()) as usize;
        let bill = bills.days.get(index).map(|d| d.total).unwrap_or_default();
        let until = match bills.days.iter().skip(index + 1).position(|b| b.total != bill) {
            Some(offset) => time::day_of_month(date, date.day() + 1 + offset as i8).unwrap_or(next_month),
            None => next_month,
        };
        (bill, until)
    }
}

/// The days a daily-rounding warning names for `seconds` of billing: whole days, a part
/// day counting as one.
fn days_named(seconds: i64) -> usize {
    usize::try_from(seconds.div_euclid(DAY) + i64::from(seconds.rem_euclid(DAY) > 0)).unwrap_or(0)
}

/// The calendar months from `first`'s (its 1st) up to `last`'s, without it: how many, and
/// how many of them have 28, 29, 30 and 31 days. Integer arithmetic, no date is built.
fn months_by_length(first: Date, last: Date) -> (usize, [u64; 4]) {
    let index = |d: Date| i64::from(d.year()) * 12 + i64::from(d.month() - 1);
    let mut by_length = [0u64; 4];
    let (start, end) = (index(first), index(last));
    for month in start..end {
        let (year, month) = (month.div_euclid(12), month.rem_euclid(12) + 1);
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        by_length[days - 28] += 1;
    }
    (usize::try_from(end - start).unwrap_or(0), by_length)
}
