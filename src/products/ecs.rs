//! ECS (seed 004): no price is published (ECS-9), so every price comes from the
//! caller, in the item or in their catalog; this module only multiplies and rounds.

use crate::catalog::{caller_price as price, Catalog};
use crate::decode::{Ctx, Fields, Node};
use crate::error::{Error, ErrorCode};
use crate::messages::Money;
use crate::money::Rounding;
use crate::site::Currency;
use crate::bill::{item_from_lines, limits, quantity, Billing, Hours, Line, Product, QuotedItem, Warning};
use crate::time::Instant;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Most data disks priced on one instance.
pub const MAX_DATA_DISKS: usize = 64;

/// The end of a subscription of `months` bought at `start` (ECS-10): 00:00:00 UTC+8
/// on the day after the expiry date. Bought 2019-08-09 13:00 for a month: the expiry
/// date is 2019-09-09, so the cycle ends 2019-09-10 00:00. None past year 9999.
pub fn subscription_cycle_end(start: Instant, months: u64) -> Option<Instant> {
    let (expiry_date, _) = start.plus_months(months)?.billing_day()?;
    Some(Instant::start_of_billing_day(expiry_date).plus_days(1))
}

/// Caller prices, per hour (pay-as-you-go) or per month (subscription).
#[derive(Debug, Clone, PartialEq)]
pub struct EcsPrices {
    /// None for disks bought on their own (an item with only `dataDisks`, e.g. a
    /// Terraform `alicloud_ecs_disk`).
    pub instance: Option<Decimal>,
    pub system_disk: Option<Decimal>,
    pub data_disks: Vec<Decimal>,
    pub bandwidth: Option<Decimal>,
}

impl EcsPrices {
    /// The sum of every resource's price: the unit cost of one instance with its disks and bandwidth.
    pub fn total(&self) -> Decimal {
        self.instance.unwrap_or_default() + self.system_disk.unwrap_or_default() + self.data_disks.iter().sum::<Decimal>() + self.bandwidth.unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EcsItem {
    pub billing: Billing,
    /// Hours (pay-as-you-go) or months (subscription).
    pub duration: Decimal,
    /// Pay-as-you-go hours each month of an instance kept running (`hoursPerMonth`), not one lifetime.
    pub per_month: bool,
    pub quantity: u64,
    pub instance_type: Option<String>,
    pub prices: EcsPrices,
}

pub fn decode_item(fields: &Fields<'_>, catalog: &Catalog) -> Result<EcsItem, Error> {
    let billing = fields
        .required("billing", key!("expect.billing"))?
        .one_of(&Billing::ALL, ErrorCode::UnknownBilling)?;
    let term = match billing {
        Billing::Subscription => "months",
        Billing::PayAsYouGo => Hours::field(fields),
    };
    fields.only(&["product", "billing", term, "quantity", "instanceType", "prices"])?;
    let (duration, per_month) = match billing {
        Billing::Subscription => (Decimal::from(fields.required("months", key!("expect.months"))?.integer(1, limits::MAX_MONTHS)?), false),
        Billing::PayAsYouGo => {
            let hours = Hours::decode(fields, key!("expect.ecsHours"))?;
            (hours.hours(), matches!(hours, Hours::PerMonth(_)))
        }
    };
    let quantity = quantity(fields)?;
    let instance_type = match fields.get("instanceType") {
        Some(n) => Some(n.str()?.to_string()),
        None => None,
    };
    // The instance price: from the item, else from the caller catalog's instance types.
    let from_catalog = instance_type.as_deref().and_then(|id| catalog.ecs.instance_types.iter().find(|t| t.id == id)).and_then(|t| match billing {
        Billing::Subscription => t.monthly,
        Billing::PayAsYouGo => t.hourly,
    });
    let prices = match fields.get("prices") {
        // Without an instance type, prices that hold only data disks are disks bought on their own.
        Some(node) => decode_prices(&node, from_catalog, instance_type.is_none())?,
        None => EcsPrices {
            instance: Some(from_catalog.ok_or_else(|| missing_instance_price(&fields.child_path("prices"), fields.ctx()))?),
            system_disk: None,
            data_disks: Vec::new(),
            bandwidth: None,
        },
    };
    Ok(EcsItem { billing, duration, per_month, quantity, instance_type, prices })
}

/// `prices_path` is the path of the `prices` object (present or not).
fn missing_instance_price(prices_path: &str, ctx: &Ctx) -> Error {
    let mut path = String::from(prices_path);
    crate::decode::push_field(&mut path, "instance");
    Error::new(
        ErrorCode::MissingPrice,
        path,
        text!(ctx, "ecs.missingPrice"),
    )
}

/// `disks_alone`: the prices may leave the instance out when they hold only `dataDisks`.
pub(crate) fn decode_prices(node: &Node<'_>, instance_from_catalog: Option<Decimal>, disks_alone: bool) -> Result<EcsPrices, Error> {
    let fields = node.object()?;
    fields.only(&["instance", "systemDisk", "dataDisks", "bandwidth"])?;
    let only_data_disks = || {
        fields.entries().iter().all(|(key, _)| &**key == "dataDisks")
            && matches!(fields.get("dataDisks").map(|n| n.value), Some(crate::decode::Value::Array(disks)) if !disks.is_empty())
    };
    let instance = match fields.get("instance") {
        Some(n) => Some(price(&n)?),
        None if instance_from_catalog.is_none() && disks_alone && only_data_disks() => None,
        None => Some(instance_from_catalog.ok_or_else(|| missing_instance_price(&node.path(), node.ctx()))?),
    };
    let system_disk = fields.get("systemDisk").map(|n| price(&n)).transpose()?;
    let bandwidth = fields.get("bandwidth").map(|n| price(&n)).transpose()?;
    let data_disks = match fields.get("dataDisks") {
        None => Vec::new(),
        Some(list) => {
            let elements = list.elements()?;
            if elements.len() > MAX_DATA_DISKS {
                return Err(list.error(ErrorCode::TooMany, text!(list, "ecs.tooManyDisks", max = MAX_DATA_DISKS, count = elements.len())));
            }
            elements.map(|n| price(&n)).collect::<Result<_, _>>()?
        }
    };
    Ok(EcsPrices { instance, system_disk, data_disks, bandwidth })
}

/// ECS-9: every ECS amount is at the caller's prices (quote and simulateAccount alike).
pub fn caller_price_warning(ctx: &Ctx) -> Warning {
    Warning::new("caller_price", text!(ctx, "ecs.callerPrice"), &["ECS-9"])
}

/// ECS-13: the least a pay-as-you-go lifetime is charged (quote and lifecycle alike):
/// 0.01, the currency's smallest unit (SITE-3: one yen in JPY).
pub fn minimum_lifetime_charge(currency: Currency) -> Decimal {
    currency.unit()
}

/// ECS-13: a lifetime fee above zero but below [`minimum_lifetime_charge`].
pub fn below_minimum_charge(fee: Decimal, currency: Currency) -> bool {
    fee > Decimal::ZERO && fee < minimum_lifetime_charge(currency)
}

/// ECS-13: pay-as-you-go is billed per second, and a whole lifetime whose fee is below
/// USD 0.01 is charged 0.01. `hours` is one instance's lifetime, so the minimum is per
/// instance. The line tops the item up from what its rounded lines say to 0.01 each.
fn minimum_charge_line(item: &EcsItem, lines: &[Line], rounding: Rounding, ctx: &Ctx) -> Option<Line> {
    let lifetime_fee = item.duration * item.prices.total();
    if !below_minimum_charge(lifetime_fee, ctx.currency()) {
        return None;
    }
    let minimum = minimum_lifetime_charge(ctx.currency());
    let billed: Decimal = lines.iter().map(|l| l.amount).sum();
    let top_up = minimum * Decimal::from(item.quantity) - billed;
    (top_up > Decimal::ZERO).then(|| {
        Line::priced(
            "ecs.minimumCharge",
            text!(ctx, "ecs.line.minimumCharge"),
            text!(
                ctx,
                "ecs.formula.minimumCharge",
                count = item.quantity,
                minimum = Money(ctx.currency(), minimum),
                fee = Money(ctx.currency(), lifetime_fee.normalize()),
                billed = Money(ctx.currency(), billed)
            ),
            Decimal::ONE,
            "adjustment",
            top_up,
            rounding,
            &["ECS-13"],
        )
    })
}

pub fn rate(item: &EcsItem, index: usize, rounding: Rounding, ctx: &Ctx) -> QuotedItem {
    let per = item.billing.per();
    let (term_text, billing_text, per_text) = match item.billing {
        // Subscription durations are whole months (decoded as integers).
        Billing::Subscription => {
            (text!(ctx, "ecs.term.months", months = item.duration.to_u64().unwrap_or_default()), key!("billing.subscription"), key!("per.month"))
        }
        Billing::PayAsYouGo if item.per_month => (text!(ctx, "ecs.term.hoursPerMonth", hours = item.duration.normalize()), key!("billing.payAsYouGo"), key!("per.hour")),
        Billing::PayAsYouGo => (text!(ctx, "ecs.term.hours", hours = item.duration.normalize()), key!("billing.payAsYouGo"), key!("per.hour")),
    };
    let instances = item.quantity;
    let quantity = Decimal::from(item.quantity) * item.duration;
    let label = match item.instance_type.as_deref() {
        Some(label) => label.to_string(),
        None => text!(ctx, "ecs.instance"),
    };
    let line = |code: &str, what: String, unit: &str, price: Decimal| {
        let price_text = Money(ctx.currency(), price);
        let formula = match item.prices.instance {
            Some(_) => text!(ctx, "ecs.formula", instances = instances, term = term_text, price = price_text, per = per_text, what = what),
            None => text!(ctx, "ecs.formula.disks", count = instances, term = term_text, price = price_text, per = per_text, what = what),
        };
        Line::priced(code, what, formula, quantity, unit, price, rounding, &["ECS-9"])
    };
    let mut lines = Vec::new();
    if let Some(p) = item.prices.instance {
        lines.push(line("ecs.instance", text!(ctx, "ecs.line.instance", label = label, billing = billing_text), &("instance-".to_owned() + per), p));
    }
    if let Some(p) = item.prices.system_disk {
        lines.push(line("ecs.systemDisk", text!(ctx, "ecs.line.systemDisk"), &("disk-".to_owned() + per), p));
    }
    for (i, p) in item.prices.data_disks.iter().enumerate() {
        lines.push(line("ecs.dataDisk", text!(ctx, "ecs.line.dataDisk", n = i + 1), &("disk-".to_owned() + per), *p));
    }
    if let Some(p) = item.prices.bandwidth {
        lines.push(line("ecs.bandwidth", text!(ctx, "ecs.line.bandwidth"), per, p));
    }
    // ECS-13's minimum is per instance's lifetime: not a month of one kept running.
    if item.billing == Billing::PayAsYouGo && !item.per_month && item.prices.instance.is_some() {
        if let Some(line) = minimum_charge_line(item, &lines, rounding, ctx) {
            lines.push(line);
        }
    }
    let description = match item.prices.instance {
        Some(_) => text!(ctx, "ecs.description", instances = instances, label = label, billing = billing_text, term = term_text),
        None => text!(ctx, "ecs.description.disks", disks = instances * item.prices.data_disks.len() as u64, billing = billing_text, term = term_text),
    };
    item_from_lines(index, Product::Ecs, description, lines, vec![caller_price_warning(ctx)], rounding)
}
