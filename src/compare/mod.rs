//! `compareBillingMethod`: subscription against pay-as-you-go for the same need.
//!
//! Both sides are priced by the product modules' own rating functions (the quote
//! engine), month by month; this module only decodes the need, adds up, finds the
//! break-even and says whether switching is allowed (CP-7).

use crate::catalog::{Catalog, Region};
use crate::decode::{Ctx, Fields, Node, Value};
use crate::error::{Error, ErrorCode};
use crate::money::{serialize_decimal, serialize_optional_decimal, Rounding};
use crate::products::{cloud_phone, ecs, iot};
mod iot_options;

pub use crate::bill::Billing;
pub use iot_options::{IotOption, MonthCost, Outgrown, TierReached};
use crate::bill::{limits, quantity, rounded_to, Line, Product, Sizing, Warning};
use crate::messages::{Count, Money};
use rust_decimal::Decimal;
use serde::Serialize;

/// Most hours in a calendar month (31 x 24): usage above it cannot happen.
pub const MAX_HOURS_PER_MONTH: u64 = crate::bill::limits::MAX_HOURS_PER_MONTH;
/// Hours in an average month (8,760 / 12), used when the need gives no hours: a
/// resource kept all month long.
pub const DEFAULT_HOURS_PER_MONTH: u64 = 730;

/// How the subscription side is bought (issue 19): one order of N months, priced as
/// `quote` prices it (36 x 9.9057 = 356.6052 -> 356.61), or, with
/// `usage.subscriptionOrders: "monthly"`, N one-month orders each rounded to cents
/// (36 x 9.91 = 356.76).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Orders {
    One,
    Monthly,
}

fn decode_orders(usage: &Fields<'_>) -> Result<Orders, Error> {
    usage.get("subscriptionOrders").map_or(Ok(Orders::One), |n| {
        n.one_of(&[("one", Orders::One), ("monthly", Orders::Monthly)], ErrorCode::InvalidType)
    })
}

/// The subscription's cost month by month, such that the running sum at month m is
/// what the customer has paid by then: the m-month order (`order(m)`, as `quote`
/// prices it) or m one-month orders. `first` prices the first one-month order where
/// it differs from the others (an IoT trial month).
/// (`order` is a `dyn Fn`: one copy of this in the module, not one per product.)
fn subscription_months(months: u64, orders: Orders, first: Decimal, order: &dyn Fn(u64) -> Decimal) -> Vec<Decimal> {
    match orders {
        Orders::Monthly => {
            let mut costs = vec![order(1); months as usize];
            costs[0] = first;
            costs
        }
        Orders::One => {
            let mut paid = Decimal::ZERO;
            (1..=months)
                .map(|m| {
                    let total = order(m);
                    let month = total - paid;
                    paid = total;
                    month
                })
                .collect()
        }
    }
}

/// Says which way the subscription was priced, with the other way's total.
fn orders_caveat(orders: Orders, months: u64, one_order: Decimal, monthly_orders: Decimal, rules: &'static [&'static str], ctx: &Ctx) -> Option<Warning> {
    match orders {
        Orders::One if months > 1 => Some(Warning::new(
            "subscription_one_order",
            text!(ctx, "compare.oneOrder", months = months, one = Money(ctx.currency(), one_order), monthly = Money(ctx.currency(), monthly_orders), to = rounded_to(ctx.currency())),
            rules,
        )),
        Orders::Monthly => Some(Warning::new(
            "subscription_monthly_orders",
            text!(ctx, "compare.monthlyOrders", months = months, one = Money(ctx.currency(), one_order), monthly = Money(ctx.currency(), monthly_orders), to = rounded_to(ctx.currency())),
            rules,
        )),
        Orders::One => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Cheapest {
    Subscription,
    PayAsYouGo,
    /// Both cost the same.
    Tie,
    /// An IoT comparison of every option (no `edition`) where Enterprise Edition or the
    /// connection-and-messages generation cannot be priced: see `iotOptions`.
    Unavailable,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub product: Product,
    pub currency: &'static str,
    pub catalog_version: String,
    pub months: u64,
    pub options: Vec<OptionCost>,
    pub cheapest: Cheapest,
    /// How much the cheaper method saves over the horizon.
    #[serde(serialize_with = "serialize_decimal")]
    pub savings: Decimal,
    /// Savings as a percentage of the dearer method's total, two decimals.
    #[serde(serialize_with = "serialize_decimal")]
    pub savings_percent: Decimal,
    pub break_even: Option<BreakEven>,
    /// Cumulative cost at the end of each month, for a chart.
    pub curve: Vec<CurvePoint>,
    /// Whether the customer may move to the cheaper method; null where the documents are silent.
    pub switching: Option<Switching>,
    pub caveats: Vec<Warning>,
    /// IoT with a fleet: the Enterprise Edition spec that holds month 1's fleet (IOT-23).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sizing: Option<Sizing>,
    /// IoT with a fleet and no `edition`: every option that can carry it (issue 32).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iot_options: Option<Vec<IotOption>>,
    /// The cheapest available of `iotOptions` over the horizon (null when none is).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cheapest_option: Option<Option<&'static str>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OptionCost {
    pub billing: Billing,
    #[serde(serialize_with = "serialize_decimal")]
    pub total: Decimal,
    /// total / months, rounded to cents.
    #[serde(serialize_with = "serialize_decimal")]
    pub per_month: Decimal,
    /// The first month's lines, as `quote` prices them.
    pub lines: Vec<Line>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BreakEven {
    /// Monthly price / hourly price, to two decimals: pay-as-you-go is cheaper below it.
    #[serde(serialize_with = "serialize_decimal")]
    pub hours_per_month: Decimal,
    /// The same ratio with the full precision of the division.
    #[serde(serialize_with = "serialize_decimal")]
    pub exact_hours_per_month: Decimal,
    /// Cloud Phone: the longest lifetime in whole billing periods for which
    /// pay-as-you-go still costs less (CP-3), with its monthly cost per unit,
    /// and the next period's, which costs more.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_winning_hours: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "serialize_optional_decimal")]
    pub last_winning_cost: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_period_hours: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "serialize_optional_decimal")]
    pub next_period_cost: Option<Decimal>,
    pub rules: &'static [&'static str],
}

impl BreakEven {
    /// The ratio alone, where no billing period makes a staircase (ECS; CP-13's seconds).
    fn ratio(exact: Decimal, rules: &'static [&'static str]) -> BreakEven {
        BreakEven {
            hours_per_month: Rounding::BILL.apply(exact),
            exact_hours_per_month: exact.normalize(),
            last_winning_hours: None,
            last_winning_cost: None,
            next_period_hours: None,
            next_period_cost: None,
            rules,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CurvePoint {
    pub month: u64,
    #[serde(serialize_with = "serialize_decimal")]
    pub subscription: Decimal,
    #[serde(serialize_with = "serialize_decimal")]
    pub pay_as_you_go: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Switching {
    pub allowed: bool,
    pub from: Billing,
    pub to: Billing,
    pub reason: String,
    pub rules: &'static [&'static str],
}

/// Monthly costs of each side, month by month, and everything a product adds.
struct Sides {
    subscription: Vec<Decimal>,
    pay_as_you_go: Vec<Decimal>,
    subscription_lines: Vec<Line>,
    pay_as_you_go_lines: Vec<Line>,
    break_even: Option<BreakEven>,
    switching: Option<Switching>,
    caveats: Vec<Warning>,
}

/// Compares the billing methods for a need given as a [`Value`] (API.md).
///
/// ```
/// use alicloud_cost::{compare_billing_method, decode::Value};
/// // acp.basic.small, mainland: USD 9.9057 a month or 0.0457 an hour (CP-6).
/// // Break-even 9.9057 / 0.0457 = 216.75 hours a month.
/// let request = Value::from_json_str(r#"{"product": "cloudPhone", "spec": "acp.basic.small",
///     "region": "mainland", "usage": {"months": 12}}"#)?;
/// let c = compare_billing_method(&request)?;
/// assert_eq!(c.break_even.unwrap().hours_per_month.to_string(), "216.75");
/// // One 12-month order, as quote prices it: 12 x 9.9057 = 118.8684 -> 118.87.
/// assert_eq!(c.options[0].total.to_string(), "118.87");
/// # Ok::<(), alicloud_cost::Error>(())
/// ```
pub fn compare_billing_method(request: &Value) -> Result<Comparison, Error> {
    let ctx = Ctx::of(request)?;
    let root = Node::root(request, &ctx);
    let fields = root.object()?;
    let product = fields
        .required("product", key!("expect.product"))?
        .one_of(&Product::ALL, ErrorCode::UnknownProduct)?;
    let mut overridden = None;
    let catalog = crate::catalog::requested(&fields, &mut overridden)?;
    let rounding = Rounding::bill(ctx.currency());
    let sides = match product {
        Product::CloudPhone => cloud_phone_sides(&fields, catalog, rounding)?,
        Product::Ecs => ecs_sides(&fields, catalog, rounding)?,
        Product::Iot => {
            // A fleet with no edition: every option that can carry it.
            if let (None, Some(fleet)) = (fields.get("edition"), fields.get("fleet")) {
                return iot_options::compare(&fields, &fleet, catalog, rounding);
            }
            let (sides, sizing) = iot_sides(&fields, catalog, rounding)?;
            let mut comparison = assemble(product, catalog, sides, rounding);
            comparison.sizing = sizing;
            return Ok(comparison);
        }
        Product::Eip | Product::NatGateway => return Err(product.not_simulated(fields.child_path("product"))),
    };
    Ok(assemble(product, catalog, sides, rounding))
}

/// `usage: { months, hoursPerMonth? | cycles?: { hours, perMonth }, subscriptionOrders? }` ->
/// (months, hours per lifetime, lifetimes per month, orders).
fn decode_usage(fields: &Fields<'_>, allow_cycles: bool) -> Result<(u64, Decimal, u64, Orders), Error> {
    let usage = fields.required("usage", key!("expect.ecsUsage"))?;
    let u = usage.object()?;
    if allow_cycles {
        u.only(&["months", "hoursPerMonth", "cycles", "subscriptionOrders"])?;
    } else {
        u.only(&["months", "hoursPerMonth", "subscriptionOrders"])?;
    }
    let orders = decode_orders(&u)?;
    let months = u.required("months", key!("expect.months"))?.integer(1, limits::MAX_MONTHS)?;
    let max = Decimal::from(MAX_HOURS_PER_MONTH);
    match (u.get("hoursPerMonth"), u.get("cycles")) {
        (Some(_), Some(c)) => Err(c.error(ErrorCode::UnknownField, text!(c, "compare.hoursOrCycles"))),
        (Some(h), None) => Ok((months, h.decimal_in(Decimal::ZERO, true, max)?, 1, orders)),
        (None, Some(c)) => {
            let cf = c.object()?;
            cf.only(&["hours", "perMonth"])?;
            let hours = cf.required("hours", key!("expect.cycleHours"))?.decimal_in(Decimal::ZERO, false, max)?;
            let per_month = cf.required("perMonth", key!("expect.perMonth"))?.integer(1, MAX_HOURS_PER_MONTH)?;
            if hours * Decimal::from(per_month) > max {
                return Err(c.error(
                    ErrorCode::OutOfRange,
                    text!(c, "compare.cyclesTooLong", cycles = per_month, hours = hours.normalize(), max = MAX_HOURS_PER_MONTH),
                ));
            }
            Ok((months, hours, per_month, orders))
        }
        (None, None) => Ok((months, Decimal::from(DEFAULT_HOURS_PER_MONTH), 1, orders)),
    }
}

fn current_billing(fields: &Fields<'_>) -> Result<Option<Billing>, Error> {
    fields.get("current").map(|n| n.one_of(&Billing::ALL, ErrorCode::UnknownBilling)).transpose()
}

fn cloud_phone_sides(fields: &Fields<'_>, catalog: &Catalog, rounding: Rounding) -> Result<Sides, Error> {
    let ctx = fields.ctx();
    fields.only(&["product", "spec", "region", "quantity", "usage", "current", "createdAt", "catalog", "locale", "site"])?;
    let spec_node = fields.required("spec", key!("expect.cpSpec"))?;
    let spec = cloud_phone::find_spec(catalog, &spec_node)?;
    let region = fields.required("region", key!("expect.region"))?.one_of(&Region::ALL, ErrorCode::UnknownRegion)?;
    let phones = quantity(fields)?;
    let current = current_billing(fields)?;
    // CP-13: a pay-as-you-go group that already exists keeps the unit of its creation.
    let created_at = fields.get("createdAt").map(|n| crate::time::instant(&n)).transpose()?;
    let unit = cloud_phone::BillingUnit::for_creation(catalog, created_at);
    let (months, hours, lifetimes, orders) = decode_usage(fields, true)?;
    let billed_hours = unit.billed_hours(hours);
    let monthly = cloud_phone::unit_price(spec, region, Billing::Subscription, fields)?;
    let hourly = cloud_phone::unit_price(spec, region, Billing::PayAsYouGo, fields)?;

    let order = |m: u64| cloud_phone::subscription_line(spec, region, monthly, phones, m, rounding, ctx).amount;
    let subscription = cloud_phone::subscription_line(spec, region, monthly, phones, 1, rounding, ctx);
    let pay_as_you_go = cloud_phone::pay_as_you_go_line(spec, region, hourly, phones, hours, lifetimes, unit, rounding, ctx);
    let (sub_month, payg_month) = (subscription.amount, pay_as_you_go.amount);
    let subscription_costs = subscription_months(months, orders, sub_month, &order);
    let (one_order, monthly_orders) = (order(months), sub_month * Decimal::from(months));
    let cheaper_is_subscription = subscription_costs.iter().sum::<Decimal>() < payg_month * Decimal::from(months);
    let unit_caveat = match unit {
        cloud_phone::BillingUnit::Periods { hours: period, cited } => Warning::new(
            "billing_periods",
            if lifetimes == 1 {
                text!(ctx, "compare.periods.one", period = period, hours = hours.normalize(), billed = billed_hours)
            } else {
                text!(ctx, "compare.periods.many", period = period, cycles = lifetimes, hours = hours.normalize(), billed = billed_hours)
            },
            if cited { &["CP-3", "CP-13"] } else { &["CP-3"] },
        ),
        cloud_phone::BillingUnit::Seconds => Warning::new(
            "billed_per_second",
            text!(ctx, "compare.perSecond"),
            &["CP-13"],
        ),
    };
    let lifetimes_text = if lifetimes == 1 {
        text!(ctx, "compare.lifetimes.one", hours = hours.normalize())
    } else {
        text!(ctx, "compare.lifetimes.many", cycles = lifetimes, hours = hours.normalize())
    };
    let mut caveats = vec![
        cloud_phone::billed_while_stopped(ctx),
        unit_caveat,
        Warning::new(
            "pay_as_you_go_months",
            text!(ctx, "compare.payAsYouGoMonths", lifetimes = lifetimes_text),
            &["CP-3", "CP-5"],
        ),
        Warning::new(
            "refund_whole_group_only",
            text!(ctx, "compare.refundWholeGroup"),
            &["CP-8"],
        ),
    ];
    caveats.extend(orders_caveat(orders, months, one_order, monthly_orders, &["CP-2", "CP-6"], ctx));
    Ok(Sides {
        subscription: subscription_costs,
        pay_as_you_go: vec![payg_month; months as usize],
        subscription_lines: vec![subscription],
        pay_as_you_go_lines: vec![pay_as_you_go],
        break_even: cloud_phone_break_even(monthly, hourly, unit),
        switching: Some(cloud_phone_switching(current, cheaper_is_subscription, ctx)),
        caveats,
    })
}

/// Break-even for one phone (the quantity cancels out): monthly / hourly hours, and
/// the last whole billing period for which pay-as-you-go still costs less (CP-3).
/// A group billed per second (CP-13) has no periods: only the ratio.
fn cloud_phone_break_even(monthly: Decimal, hourly: Decimal, unit: cloud_phone::BillingUnit) -> Option<BreakEven> {
    if hourly.is_zero() {
        return None;
    }
    let exact = monthly / hourly;
    let cloud_phone::BillingUnit::Periods { hours: period_hours, .. } = unit else {
        return Some(BreakEven::ratio(exact, &["CP-6", "CP-13"]));
    };
    let period = Decimal::from(period_hours);
    let periods = exact / period;
    // Strictly cheaper: at exactly the monthly price pay-as-you-go does not win.
    let last_periods = if periods.fract().is_zero() { periods - Decimal::ONE } else { periods.floor() };
    let last_hours = last_periods.max(Decimal::ZERO) * period;
    let next_hours = last_hours + period;
    Some(BreakEven {
        hours_per_month: Rounding::BILL.apply(exact),
        exact_hours_per_month: exact.normalize(),
        last_winning_hours: Some(last_hours),
        last_winning_cost: Some(last_hours * hourly),
        next_period_hours: Some(next_hours),
        next_period_cost: Some(next_hours * hourly),
        rules: &["CP-3", "CP-6"],
    })
}

/// CP-7: only pay-as-you-go -> subscription, for an active group with no unpaid orders.
fn cloud_phone_switching(current: Option<Billing>, cheaper_is_subscription: bool, ctx: &Ctx) -> Switching {
    let to = if cheaper_is_subscription { Billing::Subscription } else { Billing::PayAsYouGo };
    // Not bought yet (issue 19): nothing to switch. Either method may be chosen now; what
    // can change later is CP-7's one direction.
    let Some(from) = current else {
        let later = match to {
            Billing::PayAsYouGo => text!(ctx, "compare.later.payAsYouGo"),
            Billing::Subscription => text!(ctx, "compare.later.subscription"),
        };
        let reason = text!(ctx, "compare.notBoughtYet", later = later);
        return Switching { allowed: true, from: to, to, reason, rules: &["CP-7"] };
    };
    let (allowed, reason) = match (from, to) {
        (a, b) if a == b => (true, text!(ctx, "compare.alreadyCheaper")),
        (Billing::PayAsYouGo, Billing::Subscription) => (
            true,
            text!(ctx, "compare.switchAllowed"),
        ),
        _ => (
            false,
            text!(ctx, "compare.switchRefused"),
        ),
    };
    Switching { allowed, from, to, reason, rules: &["CP-7"] }
}

fn ecs_sides(fields: &Fields<'_>, catalog: &Catalog, rounding: Rounding) -> Result<Sides, Error> {
    let ctx = fields.ctx();
    fields.only(&["product", "quantity", "instanceType", "prices", "usage", "catalog", "locale", "site"])?;
    let instances = quantity(fields)?;
    let instance_type = fields.get("instanceType").map(|n| n.str().map(str::to_string)).transpose()?;
    let (months, hours, _, orders) = decode_usage(fields, false)?;
    let prices_node = fields.required("prices", key!("expect.ecsPrices"))?;
    let prices = prices_node.object()?;
    prices.only(&["subscription", "payAsYouGo"])?;
    let catalog_type = instance_type.as_deref().and_then(|id| catalog.ecs.instance_types.iter().find(|t| t.id == id));
    let side = |key: &str, from_catalog: Option<Decimal>| -> Result<ecs::EcsPrices, Error> {
        ecs::decode_prices(&prices.required(key, key!("expect.methodPrices"))?, from_catalog, false)
    };
    let monthly = side("subscription", catalog_type.and_then(|t| t.monthly))?;
    let hourly = side("payAsYouGo", catalog_type.and_then(|t| t.hourly))?;
    let item = |billing, duration, prices| ecs::EcsItem { billing, duration, per_month: false, quantity: instances, instance_type: instance_type.clone(), prices };
    let order = |m: u64| ecs::rate(&item(Billing::Subscription, Decimal::from(m), monthly.clone()), 0, rounding, ctx).trade_price;
    let sub = ecs::rate(&item(Billing::Subscription, Decimal::ONE, monthly.clone()), 0, rounding, ctx);
    let payg = ecs::rate(&item(Billing::PayAsYouGo, hours, hourly.clone()), 0, rounding, ctx);
    let (sub_month, payg_month) = (sub.trade_price, payg.trade_price);
    let subscription_costs = subscription_months(months, orders, sub_month, &order);
    let (one_order, monthly_orders) = (order(months), sub_month * Decimal::from(months));
    let (monthly_total, hourly_total) = (monthly.total(), hourly.total());
    let break_even = (!hourly_total.is_zero()).then(|| {
        BreakEven::ratio(monthly_total / hourly_total, &["ECS-9"])
    });
    let mut caveats = vec![
        Warning::new("caller_price", text!(ctx, "compare.ecsCallerPrice"), &["ECS-9"]),
        Warning::new(
            "switching_not_covered",
            text!(ctx, "compare.ecsSwitching"),
            &["ECS-9"],
        ),
    ];
    caveats.extend(orders_caveat(orders, months, one_order, monthly_orders, &["ECS-9"], ctx));
    Ok(Sides {
        subscription: subscription_costs,
        pay_as_you_go: vec![payg_month; months as usize],
        subscription_lines: sub.lines,
        pay_as_you_go_lines: payg.lines,
        break_even,
        switching: None,
        caveats,
    })
}

/// The IoT need, month by month: one day's usage repeated, or a fleet (issue 17)
/// that may grow.
enum IotNeed<'v> {
    Day(iot::DayUsage),
    Fleet(Vec<iot::fleet::Fleet>, Node<'v>),
}

/// `growth: { devicesPercentPerMonth }`: month k has floor(devices x (1 + p/100)^k)
/// devices (Choice: compounded monthly, whole devices rounded down).
fn grown_fleets(fleet: iot::fleet::Fleet, months: u64, growth: Option<Node<'_>>) -> Result<Vec<iot::fleet::Fleet>, Error> {
    let Some(node) = growth else { return Ok(vec![fleet; months as usize]) };
    let g = node.object()?;
    g.only(&["devicesPercentPerMonth"])?;
    let percent_node = g.required("devicesPercentPerMonth", key!("expect.growth"))?;
    let percent = percent_node.decimal_in(Decimal::ZERO, true, Decimal::ONE_HUNDRED)?;
    let factor = Decimal::ONE + percent / Decimal::ONE_HUNDRED;
    let mut devices = Decimal::from(fleet.devices);
    let mut fleets = Vec::with_capacity(months as usize);
    for k in 0..months {
        let whole = devices.floor();
        if whole > Decimal::from(iot::fleet::MAX_DEVICES) {
            return Err(percent_node.error(
                ErrorCode::OutOfRange,
                text!(percent_node, "compare.fleetTooLarge", month = k + 1, max = iot::fleet::MAX_DEVICES),
            ));
        }
        fleets.push(fleet.with_devices(u64::try_from(whole).unwrap_or(iot::fleet::MAX_DEVICES)));
        devices = devices.checked_mul(factor).unwrap_or(Decimal::MAX);
    }
    Ok(fleets)
}

fn iot_sides(fields: &Fields<'_>, catalog: &Catalog, rounding: Rounding) -> Result<(Sides, Option<Sizing>), Error> {
    let ctx = fields.ctx();
    fields.only(&["product", "edition", "monthlyPrice", "spec", "trial", "perDay", "fleet", "growth", "startMonth", "usage", "catalog", "locale", "site"])?;
    let edition = fields.required("edition", key!("expect.compareEdition"))?.one_of(&iot::Edition::ALL, ErrorCode::UnknownEdition)?;
    let start = crate::time::month(&fields.required("startMonth", key!("expect.startMonth"))?)?;
    let usage = fields.required("usage", key!("expect.monthsUsage"))?;
    let u = usage.object()?;
    u.only(&["months", "subscriptionOrders"])?;
    let orders = decode_orders(&u)?;
    let months_node = u.required("months", key!("expect.months"))?;
    let months = months_node.integer(1, limits::MAX_MONTHS)?;
    let mut caveats = Vec::new();
    let need = match (fields.get("perDay"), fields.get("fleet")) {
        (Some(_), Some(f)) => return Err(f.error(ErrorCode::UnknownField, text!(f, "compare.perDayOrFleet"))),
        (None, Some(f)) => {
            let (fleet, warnings) = iot::fleet::decode(&f, iot::fleet::For::Edition(edition))?;
            caveats.extend(warnings);
            IotNeed::Fleet(grown_fleets(fleet, months, fields.get("growth"))?, f)
        }
        (Some(p), None) => {
            if let Some(g) = fields.get("growth") {
                return Err(g.error(ErrorCode::NotSupported, text!(g, "compare.growthNeedsFleet")));
            }
            IotNeed::Day(iot::decode_day(&p, edition, start, None)?)
        }
        (None, None) => return Err(Error::new(ErrorCode::MissingField, fields.child_path("perDay"), text!(fields, "compare.missingUsage"))),
    };
    let trial = fields.flag("trial")?;
    let rates = iot::BasicProRates::of(&catalog.iot, edition, fields)?;
    // The Enterprise Edition price each month: the caller's, or (for a fleet with no
    // price given) the cheapest spec that holds that month's fleet (IOT-23).
    let (monthly_prices, sizing) = match &need {
        IotNeed::Fleet(fleets, fleet_node) if fields.get("monthlyPrice").is_none() => {
            let (prices, sizing, outgrown) = sized_prices(fields, fleets, catalog, fleet_node)?;
            caveats.extend(outgrown);
            (prices, Some(sizing))
        }
        _ => (vec![iot::enterprise_price(fields, catalog)?; months as usize], None),
    };

    let enterprise = |m: u64, trial: bool, monthly_price: Decimal| {
        iot::rate(&iot::IotItem::Enterprise { months: m, monthly_price, quantity: 1, trial, sizing: None }, 0, catalog, rounding, ctx)
    };
    let first_price = monthly_prices[0];
    let first = enterprise(1, trial, first_price).trade_price;
    let one_spec = monthly_prices.iter().all(|p| *p == first_price);
    let (subscription, one_order, monthly_orders) = if one_spec {
        // One order includes the trial month; monthly orders after the first are renewals, never trials.
        let order = |m: u64| enterprise(m, trial && orders == Orders::One, first_price).trade_price;
        let one_order = enterprise(months, trial, first_price).trade_price;
        let monthly_orders = first + enterprise(1, false, first_price).trade_price * Decimal::from(months - 1);
        (subscription_months(months, orders, first, &order), one_order, monthly_orders)
    } else {
        // A growing fleet changes spec: each month costs that month's spec (the
        // documents publish no upgrade fee; the caveat says so).
        let costs: Vec<Decimal> =
            monthly_prices.iter().enumerate().map(|(k, p)| if k == 0 { first } else { enterprise(1, false, *p).trade_price }).collect();
        let total: Decimal = costs.iter().sum();
        (costs, total, total)
    };
    let mut pay_as_you_go = Vec::with_capacity(months as usize);
    let (mut sub_lines, mut payg_lines) = (Vec::new(), Vec::new());
    for k in 0..months {
        let month = crate::time::first_of_month_after(start, k)
            .ok_or_else(|| months_node.error(ErrorCode::OutOfRange, text!(months_node, "compare.pastYear9999")))?;
        let month_days = u64::from(month.days_in_month() as u8);
        let days = match &need {
            IotNeed::Day(template) => iot::repeat_day(template, month, month_days),
            IotNeed::Fleet(fleets, _) => iot::fleet::month_days(&fleets[k as usize], month, month_days),
        };
        let legacy = iot::rate(&iot::IotItem::LegacyPublic { edition, month, days, free_quota_used: 0, fleet: None, rates: rates.clone() }, 0, catalog, rounding, ctx);
        pay_as_you_go.push(legacy.trade_price);
        if k == 0 {
            sub_lines = enterprise(1, trial, first_price).lines;
            payg_lines = legacy.lines;
        }
    }
    caveats.insert(0, Warning::new(
        "different_products",
        text!(ctx, "compare.differentProducts"),
        &["IOT-2"],
    ));
    if trial {
        caveats.push(Warning::new("trial_month", text!(ctx, "compare.trialMonth"), &["IOT-3"]));
    }
    if one_spec {
        caveats.extend(orders_caveat(orders, months, one_order, monthly_orders, &["IOT-4"], ctx));
    }
    if sizing.as_ref().is_some_and(|s| s.fits_new_public_instance) {
        caveats.push(iot::fleet::fits_new_public_warning(&catalog.iot, ctx));
    }
    let sides = Sides {
        subscription,
        pay_as_you_go,
        subscription_lines: sub_lines,
        pay_as_you_go_lines: payg_lines,
        break_even: None,
        switching: None,
        caveats,
    };
    Ok((sides, sizing))
}

/// Month by month, the spec that holds the fleet: the given `spec` (or the cheapest
/// that holds month 1), kept while it holds, then the cheapest that holds the grown
/// fleet. Returns the monthly prices, month 1's sizing and an `outgrows_spec` caveat
/// for each change.
fn sized_prices(
    fields: &Fields<'_>,
    fleets: &[iot::fleet::Fleet],
    catalog: &Catalog,
    fleet_node: &Node<'_>,
) -> Result<(Vec<Decimal>, Sizing, Vec<Warning>), Error> {
    let specs = &catalog.iot.enterprise_specs;
    let first = match fields.get("spec") {
        Some(spec_node) => {
            let id = spec_node.str()?;
            let spec = specs.iter().find(|s| s.id == id).ok_or_else(|| {
                spec_node.error(ErrorCode::UnknownSpec, text!(spec_node, "compare.unknownEnterpriseSpec", id = id))
            })?;
            if spec.online_devices.is_some() && !iot::fleet::spec_holds(spec, &fleets[0]) {
                return Err(spec_node.error(ErrorCode::NoSpecFits, text!(spec_node, "compare.specTooSmall", id = id)));
            }
            iot::fleet::sizing_for(&fleets[0], &iot::fleet::needs(&fleets[0]), spec, &catalog.iot, fields.ctx())
        }
        None => iot::fleet::size(&fleets[0], specs, &catalog.iot, fleet_node)?,
    };
    let mut current = specs.iter().find(|s| s.id == first.spec);
    let mut prices: Vec<Decimal> = Vec::with_capacity(fleets.len());
    let mut caveats = Vec::new();
    for (k, fleet) in fleets.iter().enumerate() {
        if let Some(spec) = current.filter(|s| s.online_devices.is_some() && k > 0 && !iot::fleet::spec_holds(s, fleet)) {
            let at = fields.get("growth").unwrap_or(*fleet_node);
            let next = iot::fleet::size(fleet, specs, &catalog.iot, &at).map_err(|mut e| {
                e.message = text!(fields, "compare.inMonth", month = k + 1, message = e.message);
                e
            })?;
            caveats.push(Warning::new(
                "fleet_outgrows_spec",
                text!(
                    fields,
                    "compare.fleetOutgrowsSpec",
                    month = k + 1,
                    devices = Count(fleet.devices),
                    spec = spec.id,
                    next = next.spec,
                    price = Money(fields.ctx().currency(), next.monthly_price.normalize())
                ),
                &["IOT-23", "IOT-4"],
            ));
            current = specs.iter().find(|s| s.id == next.spec);
        }
        prices.push(current.map_or(first.monthly_price, |s| s.monthly_price));
    }
    Ok((prices, first, caveats))
}

fn assemble(product: Product, catalog: &Catalog, sides: Sides, rounding: Rounding) -> Comparison {
    let months = sides.subscription.len() as u64;
    let mut curve = Vec::with_capacity(months as usize);
    let (mut sub_total, mut payg_total) = (Decimal::ZERO, Decimal::ZERO);
    for (i, (s, p)) in sides.subscription.iter().zip(&sides.pay_as_you_go).enumerate() {
        sub_total += s;
        payg_total += p;
        curve.push(CurvePoint { month: i as u64 + 1, subscription: sub_total, pay_as_you_go: payg_total });
    }
    let option = |billing, total: Decimal, lines| OptionCost {
        billing,
        total: rounding.apply(total),
        per_month: rounding.apply(total / Decimal::from(months)),
        lines,
    };
    let cheapest = match sub_total.cmp(&payg_total) {
        std::cmp::Ordering::Less => Cheapest::Subscription,
        std::cmp::Ordering::Greater => Cheapest::PayAsYouGo,
        std::cmp::Ordering::Equal => Cheapest::Tie,
    };
    let savings = (sub_total - payg_total).abs();
    let dearer = sub_total.max(payg_total);
    let savings_percent = if dearer.is_zero() { Decimal::ZERO } else { savings * Decimal::ONE_HUNDRED / dearer };
    Comparison {
        product,
        currency: catalog.currency,
        catalog_version: catalog.version.clone(),
        months,
        options: vec![
            option(Billing::Subscription, sub_total, sides.subscription_lines),
            option(Billing::PayAsYouGo, payg_total, sides.pay_as_you_go_lines),
        ],
        cheapest,
        savings: rounding.apply(savings),
        savings_percent: rounding.apply(savings_percent),
        break_even: sides.break_even,
        curve,
        switching: sides.switching,
        caveats: sides.caveats,
        sizing: None,
        iot_options: None,
        cheapest_option: None,
    }
}
