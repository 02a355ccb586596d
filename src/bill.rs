//! The vocabulary of a bill, shared by every product and every answer: the lines and
//! warnings a product's rating writes, the quoted item they make, its estimate, the
//! billing methods and products, and the input limits. Below the products (which build
//! these) and below the answers that carry them (`quote`, `compare`, `lifecycle`).

use crate::decode::Fields;
use crate::error::Error;
use crate::messages::Key;
use crate::money::{serialize_decimal, serialize_optional_decimal, Rounding};
use crate::site::Currency;
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

/// Input limits shared by every product. They are far above real use and low enough
/// that no quantity x time x price (with `catalog::MAX_PRICE`) can overflow a decimal.
pub mod limits {
    /// Most items in one `quote` call (API.md: `items: Item[] (1..=10000)`).
    pub const MAX_ITEMS: usize = 10_000;
    /// Most units (phones, instances) in one item.
    pub const MAX_QUANTITY: u64 = 1_000_000;
    /// Longest subscription in one item: 100 years.
    pub const MAX_MONTHS: u64 = 1_200;
    /// Longest pay-as-you-go time in one item: 100 years of 8,766 hours.
    pub const MAX_HOURS: u64 = 876_600;
    /// Most hours in a month: 31 days of 24 hours.
    pub const MAX_HOURS_PER_MONTH: u64 = 744;
    /// Most discounts in one request.
    pub const MAX_DISCOUNTS: usize = 100;
    /// Most IoT messages in one size bucket, and most living devices in a day: counts
    /// above 1e15 are surely typing mistakes, and the bound keeps every sum exact.
    pub const MAX_COUNT: u64 = 1_000_000_000_000_000;
    /// Most devices in an IoT fleet (1e9: far above any real fleet; keeps every product exact).
    pub const MAX_DEVICES: u64 = 1_000_000_000;
}

/// What `currency`'s amounts are rounded to, for a text: "cents", or "whole yen" (SITE-3).
pub fn rounded_to(currency: Currency) -> Key {
    if currency.minor_unit == 0 {
        key!("currency.yen")
    } else {
        key!("currency.cent")
    }
}

/// The two billing methods (CP-2; ECS and IoT Enterprise use the same names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Billing {
    /// Prepaid per month.
    Subscription,
    /// Postpaid per hour of use.
    PayAsYouGo,
}

impl Billing {
    pub const ALL: [(&'static str, Billing); 2] = [("subscription", Billing::Subscription), ("payAsYouGo", Billing::PayAsYouGo)];

    /// The unit of time a price of this method is per.
    pub fn per(self) -> &'static str {
        match self {
            Billing::Subscription => "month",
            Billing::PayAsYouGo => "hour",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Product {
    CloudPhone,
    Iot,
    Ecs,
    /// Elastic IP Address: its own product (CP-1), at the caller's prices.
    Eip,
    /// NAT Gateway: its own product (CP-1), at the caller's prices.
    NatGateway,
}

impl Product {
    /// The products that compare, lifecycle and account simulate.
    pub const ALL: [(&'static str, Product); 3] =
        [("cloudPhone", Product::CloudPhone), ("iot", Product::Iot), ("ecs", Product::Ecs)];
    /// Every product a quote prices (and a discount may name).
    pub const QUOTED: [(&'static str, Product); 5] = [
        ("cloudPhone", Product::CloudPhone),
        ("iot", Product::Iot),
        ("ecs", Product::Ecs),
        ("eip", Product::Eip),
        ("natGateway", Product::NatGateway),
    ];

    /// The error of a simulation given a product only `quote` prices (never reached: those
    /// read `product` against [`Product::ALL`], which names none of them).
    pub fn not_simulated(self, path: String) -> Error {
        Error::new(crate::error::ErrorCode::Internal, path, "this product is priced by quote only")
    }
}

/// How an item is paid, for the estimate (issue 19).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ItemKind {
    /// Prepaid for its whole term at purchase (CP-2, IOT-2, ECS subscriptions): upfront.
    Subscription,
    /// Billed every month as used (an IoT legacy public month, IOT-9): monthly.
    Monthly,
    /// Pay-as-you-go for a lifetime given in hours (CP-3, ECS-13): billed once as used, not monthly.
    OneOff,
    /// Costs nothing (a new public instance, IOT-2).
    Free,
}

/// Upfront, monthly recurring and one-off amounts, and what the first 12 months cost:
/// upfront + one-off + 12 x monthly. A subscription counts once, for its whole term
/// (renewals are not assumed); a lifetime in hours counts once (it is not a month).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Estimate {
    #[serde(serialize_with = "serialize_decimal")]
    pub upfront: Decimal,
    #[serde(serialize_with = "serialize_decimal")]
    pub monthly: Decimal,
    #[serde(serialize_with = "serialize_decimal")]
    pub one_off: Decimal,
    #[serde(serialize_with = "serialize_decimal")]
    pub first_year: Decimal,
}

impl Estimate {
    /// Each part is already in cents; `rounding` only gives every amount the same two decimals.
    pub fn new(upfront: Decimal, monthly: Decimal, one_off: Decimal, rounding: Rounding) -> Estimate {
        let first_year = upfront + one_off + monthly * Decimal::from(12);
        Estimate { upfront: rounding.apply(upfront), monthly: rounding.apply(monthly), one_off: rounding.apply(one_off), first_year: rounding.apply(first_year) }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuotedItem {
    /// Position of the item in the request.
    pub index: usize,
    pub product: Product,
    pub description: String,
    #[serde(serialize_with = "serialize_decimal")]
    pub original_price: Decimal,
    #[serde(serialize_with = "serialize_decimal")]
    pub discount_price: Decimal,
    #[serde(serialize_with = "serialize_decimal")]
    pub trade_price: Decimal,
    /// The discount applied to this item, in percent, if any.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "serialize_optional_decimal")]
    pub discount_percent: Option<Decimal>,
    /// How the item is paid (upfront, monthly, once, free), and its share of the estimate.
    pub kind: ItemKind,
    pub estimate: Estimate,
    pub lines: Vec<Line>,
    pub warnings: Vec<Warning>,
    /// IoT legacy public instances: the pricing model, its document and date (IOT-25).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pricing: Option<Pricing>,
    /// IoT legacy public instances: the bill day by day (IOT-17..IOT-19; IOT-29).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days: Option<IotDays>,
    /// The connection-and-messages generation: the month rated as one, as Alibaba's
    /// examples rate it, beside the day-by-day bill (IOT-29).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub whole_month: Option<WholeMonth>,
    /// IoT legacy public instances given as a fleet: its traffic (IOT-22).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fleet: Option<FleetSummary>,
    /// IoT Enterprise Edition sized from a fleet (IOT-23).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sizing: Option<Sizing>,
}

/// One priced line. `amount` is the billed amount: round(quantity x unitPrice), except
/// where a rule bills per day (IOT-18, IOT-19), where it is the sum of the rounded
/// daily amounts and `exactAmount` shows the unrounded total.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Line {
    pub code: String,
    pub description: String,
    /// How the amount was worked out, in words a customer can check by hand.
    pub formula: String,
    #[serde(serialize_with = "serialize_decimal")]
    pub quantity: Decimal,
    pub unit: String,
    /// Keeps the catalog's precision ("0.0457").
    #[serde(serialize_with = "serialize_decimal")]
    pub unit_price: Decimal,
    /// The billed amount, rounded to two decimals.
    #[serde(serialize_with = "serialize_decimal")]
    pub amount: Decimal,
    /// quantity x unitPrice before rounding, so the rounding is visible.
    #[serde(serialize_with = "serialize_decimal")]
    pub exact_amount: Decimal,
    pub rules: &'static [&'static str],
}

impl Line {
    /// A line whose amount is `quantity x unit_price`, rounded by `rounding`.
    #[allow(clippy::too_many_arguments)]
    pub fn priced(
        code: &str,
        description: String,
        formula: String,
        quantity: Decimal,
        unit: &str,
        unit_price: Decimal,
        rounding: Rounding,
        rules: &'static [&'static str],
    ) -> Line {
        let exact_amount = quantity * unit_price;
        Line {
            code: code.to_string(),
            description,
            formula,
            quantity,
            unit: unit.to_string(),
            unit_price,
            amount: rounding.apply(exact_amount),
            exact_amount,
            rules,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    pub code: String,
    pub message: String,
    pub rules: &'static [&'static str],
}

impl Warning {
    pub fn new(code: &str, message: impl Into<String>, rules: &'static [&'static str]) -> Warning {
        Warning { code: code.to_string(), message: message.into(), rules }
    }
}

/// How long a pay-as-you-go item is billed for: one lifetime of `hours`, creation to
/// release (billed once), or the `hoursPerMonth` of a resource kept running (billed every
/// month it runs; what a Terraform plan's resources become).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hours {
    Lifetime(Decimal),
    PerMonth(Decimal),
}

impl Hours {
    /// The field an item gives its hours in: `hoursPerMonth` when it has one, else `hours`.
    pub fn field(fields: &Fields<'_>) -> &'static str {
        if fields.get("hoursPerMonth").is_some() {
            "hoursPerMonth"
        } else {
            "hours"
        }
    }

    /// `hoursPerMonth` (at most a month's 744), else `hours` (`expected` describes it when missing).
    pub fn decode(fields: &Fields<'_>, expected: Key) -> Result<Hours, Error> {
        match fields.get("hoursPerMonth") {
            Some(node) => Ok(Hours::PerMonth(node.decimal_in(Decimal::ZERO, false, Decimal::from(limits::MAX_HOURS_PER_MONTH))?)),
            None => Ok(Hours::Lifetime(fields.required("hours", expected)?.decimal_in(Decimal::ZERO, false, Decimal::from(limits::MAX_HOURS))?)),
        }
    }

    pub fn hours(self) -> Decimal {
        match self {
            Hours::Lifetime(hours) | Hours::PerMonth(hours) => hours,
        }
    }

    /// How the item is paid: once for a lifetime, every month for a resource kept running.
    pub fn kind(self) -> ItemKind {
        match self {
            Hours::Lifetime(_) => ItemKind::OneOff,
            Hours::PerMonth(_) => ItemKind::Monthly,
        }
    }
}

/// The optional `quantity` of an item or need: 1 to [`limits::MAX_QUANTITY`], default 1.
pub fn quantity(fields: &Fields<'_>) -> Result<u64, Error> {
    fields.get("quantity").map_or(Ok(1), |n| n.integer(1, limits::MAX_QUANTITY))
}

/// Builds a [`QuotedItem`] whose prices are the sums of its (already rounded) lines.
pub fn item_from_lines(
    index: usize,
    product: Product,
    description: String,
    lines: Vec<Line>,
    warnings: Vec<Warning>,
    rounding: Rounding,
) -> QuotedItem {
    let original_price = rounding.apply(lines.iter().map(|l| l.amount).sum());
    QuotedItem {
        index,
        product,
        description,
        original_price,
        discount_price: rounding.apply(Decimal::ZERO),
        trade_price: original_price,
        discount_percent: None,
        kind: ItemKind::Free,
        estimate: Estimate::new(Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, rounding),
        lines,
        warnings,
        pricing: None,
        days: None,
        whole_month: None,
        fleet: None,
        sizing: None,
    }
}

/// The pricing model a legacy public item is billed by (IOT-25): `{ model, source, asOf }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Pricing {
    /// "connectionAndMessages" or "basicPro".
    pub model: &'static str,
    /// The Alibaba Cloud document that describes it.
    pub source: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<&'static str>,
    pub rules: &'static [&'static str],
}

/// A legacy public item's bill day by day, in its generation's terms.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum IotDays {
    /// Basic and Pro (IOT-17..IOT-19).
    BasicPro(Vec<IotDay>),
    /// Connection minutes and messages (IOT-26..IOT-29).
    ConnectionAndMessages(Vec<ConnectionDay>),
}

impl IotDays {
    /// The Basic and Pro days, if these are.
    pub fn basic_pro(&self) -> Option<&[IotDay]> {
        match self {
            IotDays::BasicPro(days) => Some(days),
            IotDays::ConnectionAndMessages(_) => None,
        }
    }
}

/// One UTC+8 day of the connection-and-messages generation (IOT-29): what the day's units
/// cost at the tiers the month's running total reaches, each item cut once.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionDay {
    #[serde(serialize_with = "crate::time::serialize_date")]
    pub date: Date,
    pub messages: DayItem,
    pub connection_minutes: DayMinutes,
    /// Messages of the free categories (IOT-14): counted, never billed.
    #[serde(serialize_with = "serialize_display")]
    pub free_category_messages: u128,
    /// The day's bill: the two items' amounts (IOT-29).
    #[serde(serialize_with = "serialize_decimal")]
    pub amount: Decimal,
    /// The month's running totals after this day (IOT-27's tiers run over them).
    pub month_to_date: MonthToDate,
}

/// One billable item (messages or connection minutes) on one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DayItem {
    /// Billable units counted that day.
    #[serde(serialize_with = "serialize_display")]
    pub billable: u128,
    /// Of them, in the month's free quota (IOT-28).
    #[serde(serialize_with = "serialize_display")]
    pub free_quota: u128,
    /// The others, by tier (1, 2, 3; minutes have one).
    pub tiers: Vec<TierUnits>,
    /// The day's amount, cut to the currency's unit (IOT-29, SITE-3).
    #[serde(serialize_with = "serialize_decimal")]
    pub amount: Decimal,
}

/// Connection minutes on one day: one price, no tiers (IOT-26).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DayMinutes {
    #[serde(serialize_with = "serialize_display")]
    pub billable: u128,
    /// Of them, in the month's free quota (IOT-28).
    #[serde(serialize_with = "serialize_display")]
    pub free_quota: u128,
    /// Cut to the currency's unit (IOT-29, SITE-3).
    #[serde(serialize_with = "serialize_decimal")]
    pub amount: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TierUnits {
    /// 1 for the first tier.
    pub tier: usize,
    #[serde(serialize_with = "serialize_display")]
    pub units: u128,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MonthToDate {
    #[serde(serialize_with = "serialize_display")]
    pub messages: u128,
    #[serde(serialize_with = "serialize_display")]
    pub connection_minutes: u128,
}

/// The month rated as one (IOT-29): each item's exact month total cut once, then added.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WholeMonth {
    #[serde(serialize_with = "serialize_decimal")]
    pub messages: Decimal,
    #[serde(serialize_with = "serialize_decimal")]
    pub connection_minutes: Decimal,
    #[serde(serialize_with = "serialize_decimal")]
    pub total: Decimal,
}

// The IoT parts of a quoted item (`days`, `fleet`, `sizing`): `products::iot` computes them.

/// One day of a legacy public instance's bill (IOT-17, IOT-18, IOT-19).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IotDay {
    #[serde(serialize_with = "crate::time::serialize_date")]
    pub date: Date,
    /// Billable messages counted that day (IOT-13, IOT-15).
    #[serde(serialize_with = "serialize_display")]
    pub billable_messages: u128,
    /// Of those, covered by the month's free quota (IOT-17).
    #[serde(serialize_with = "serialize_display")]
    pub free_quota_messages: u128,
    #[serde(serialize_with = "serialize_display")]
    pub chargeable_messages: u128,
    /// Messages of free categories (IOT-14).
    #[serde(serialize_with = "serialize_display")]
    pub free_category_messages: u128,
    /// The day's message fee, rounded (IOT-18).
    #[serde(serialize_with = "serialize_decimal")]
    pub message_amount: Decimal,
    #[serde(serialize_with = "serialize_display")]
    pub living_devices: u64,
    #[serde(serialize_with = "serialize_display")]
    pub chargeable_devices: u64,
    /// The day's device-management fee, rounded (IOT-19); always 0 on Basic.
    #[serde(serialize_with = "serialize_decimal")]
    pub device_amount: Decimal,
}

impl IotDay {
    /// The day's bill: messages and devices, each already rounded (IOT-18, IOT-19).
    pub fn total(&self) -> Decimal {
        self.message_amount + self.device_amount
    }
}

/// Counts cross to JS as decimal strings: they can exceed 2^53.
fn serialize_display<T: std::fmt::Display, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}


/// What a quoted fleet sends (IOT-22): the month's total and each day's.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FleetSummary {
    #[serde(serialize_with = "serialize_display")]
    pub devices: u64,
    /// Sent plus received messages each day (forwarded copies are free and not counted).
    #[serde(serialize_with = "serialize_display")]
    pub messages_per_day: u64,
    /// A count, as a decimal string.
    #[serde(serialize_with = "serialize_decimal")]
    pub messages_per_month: Decimal,
    /// The fleet arithmetic, one text per kind of message (and its connection minutes).
    pub formula: Vec<String>,
    /// The connection-and-messages generation: each day's natural connection minutes of
    /// the fleet (IOT-30), and how it connects (only MQTT pays, IOT-26).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "serialize_optional_display")]
    pub connection_minutes_per_day: Option<u128>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connection: Option<&'static str>,
    pub rules: &'static [&'static str],
}

fn serialize_optional_display<S: Serializer>(value: &Option<u128>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(n) => serializer.collect_str(n),
        None => serializer.serialize_none(),
    }
}

/// What a fleet needs of an instance (IOT-23), and the spec that holds it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sizing {
    /// Concurrent online devices (Choice: the whole fleet may be online at once).
    pub online_devices: u64,
    /// Two decimals, e.g. "25".
    #[serde(serialize_with = "serialize_decimal")]
    pub messaging_tps: Decimal,
    #[serde(serialize_with = "serialize_decimal")]
    pub forwarding_tps: Decimal,
    /// The cheapest spec of the caller's catalog that holds the fleet.
    pub spec: String,
    #[serde(serialize_with = "serialize_decimal")]
    pub monthly_price: Decimal,
    /// The TPS arithmetic and the chosen spec's capacities.
    pub formula: String,
    /// Whether a free new public instance would hold the fleet (IOT-24).
    pub fits_new_public_instance: bool,
    pub rules: &'static [&'static str],
}

