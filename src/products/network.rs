//! Elastic IP Addresses and NAT Gateways: products of their own (CP-1), bought beside
//! Cloud Phone groups and ECS instances. No document used here publishes their prices,
//! so every price comes from the caller, per hour (pay-as-you-go) or per month
//! (subscription); this module only multiplies and rounds, as `ecs` does (ECS-9).
//!
//! `{ product: "eip", billing, months | hours | hoursPerMonth, quantity?, mbps?, prices: { address?, bandwidth? } }`
//! (`mbps`: the address's bandwidth; `prices.bandwidth` is then per Mbps, as Alibaba prices
//! EIP bandwidth, and its line counts Mbps-hours or Mbps-months; without it, per address)
//! `{ product: "natGateway", billing, months | hours | hoursPerMonth, quantity?, specification?, prices: { gateway } }`

use crate::catalog::caller_price;
use crate::decode::{Ctx, Fields};
use crate::error::{Error, ErrorCode};
use crate::messages::Key;
use crate::money::Rounding;
use crate::bill::{item_from_lines, limits, quantity, Billing, Hours, Line, Product, QuotedItem, Warning};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// A priced part of an address or a gateway: its line code, its name and its caller price.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub code: &'static str,
    pub name: Key,
    pub price: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NetworkItem {
    pub product: Product,
    pub billing: Billing,
    /// Hours (pay-as-you-go) or whole months (subscription).
    pub duration: Decimal,
    /// Pay-as-you-go hours each month of a resource kept running (`hoursPerMonth`), not one lifetime.
    pub per_month: bool,
    pub quantity: u64,
    /// A NAT Gateway's specification ("Small", "Enhanced", ...), shown in its description.
    pub specification: Option<String>,
    /// An EIP's bandwidth in Mbps, when its bandwidth price is per Mbps.
    pub mbps: Option<Decimal>,
    pub parts: Vec<Part>,
}

/// Most Mbps of an EIP's bandwidth (the provider's `bandwidth` goes to 10,000 for some EIPs).
pub const MAX_MBPS: u64 = 10_000;

/// The parts each product's `prices` may hold: (field, line code, name, unit noun).
fn parts_of(product: Product) -> &'static [(&'static str, &'static str, Key)] {
    const EIP: [(&str, &str, Key); 2] =
        [("address", "eip.address", key!("network.part.address")), ("bandwidth", "eip.bandwidth", key!("network.part.bandwidth"))];
    const NAT: [(&str, &str, Key); 1] = [("gateway", "natGateway.gateway", key!("network.part.gateway"))];
    if product == Product::Eip {
        &EIP
    } else {
        &NAT
    }
}

/// Decodes an `eip` or `natGateway` item.
pub fn decode_item(fields: &Fields<'_>, product: Product) -> Result<NetworkItem, Error> {
    let billing = fields.required("billing", key!("expect.billing"))?.one_of(&Billing::ALL, ErrorCode::UnknownBilling)?;
    let term = match billing {
        Billing::Subscription => "months",
        Billing::PayAsYouGo => Hours::field(fields),
    };
    let mut allowed = vec!["product", "billing", term, "quantity", "prices"];
    match product {
        Product::NatGateway => allowed.push("specification"),
        _ => allowed.push("mbps"),
    }
    fields.only(&allowed)?;
    let (duration, per_month) = match billing {
        Billing::Subscription => (Decimal::from(fields.required("months", key!("expect.months"))?.integer(1, limits::MAX_MONTHS)?), false),
        Billing::PayAsYouGo => {
            let hours = Hours::decode(fields, key!("expect.ecsHours"))?;
            (hours.hours(), matches!(hours, Hours::PerMonth(_)))
        }
    };
    let specification = fields.get("specification").map(|n| n.str().map(str::to_string)).transpose()?;
    let mbps = fields.get("mbps").map(|n| n.decimal_in(Decimal::ZERO, false, Decimal::from(MAX_MBPS))).transpose()?;
    let prices_node = fields.required("prices", key!("expect.networkPrices"))?;
    let prices = prices_node.object()?;
    let known = parts_of(product);
    prices.only(&known.iter().map(|(field, _, _)| *field).collect::<Vec<_>>())?;
    let mut parts = Vec::new();
    for (field, code, name) in known {
        if let Some(node) = prices.get(field) {
            parts.push(Part { code, name: *name, price: caller_price(&node)? });
        }
    }
    if parts.is_empty() {
        // Never an invented price: at least one part must be priced (CP-1).
        let first = known[0].0;
        return Err(Error::new(ErrorCode::MissingPrice, prices.child_path(first), text!(prices, "network.missingPrice")));
    }
    Ok(NetworkItem { product, billing, duration, per_month, quantity: quantity(fields)?, specification, mbps, parts })
}

/// CP-1: EIP and NAT Gateway amounts are at the caller's prices.
pub fn caller_price_warning(ctx: &Ctx) -> Warning {
    Warning::new("caller_price", text!(ctx, "network.callerPrice"), &["CP-1"])
}

pub fn rate(item: &NetworkItem, index: usize, rounding: Rounding, ctx: &Ctx) -> QuotedItem {
    let (term, billing, per) = match item.billing {
        Billing::Subscription => {
            (text!(ctx, "ecs.term.months", months = item.duration.to_u64().unwrap_or_default()), key!("billing.subscription"), key!("per.month"))
        }
        Billing::PayAsYouGo if item.per_month => (text!(ctx, "ecs.term.hoursPerMonth", hours = item.duration.normalize()), key!("billing.payAsYouGo"), key!("per.hour")),
        Billing::PayAsYouGo => (text!(ctx, "ecs.term.hours", hours = item.duration.normalize()), key!("billing.payAsYouGo"), key!("per.hour")),
    };
    let (noun, unit) = match item.product {
        Product::Eip => (key!("network.eip"), "address-"),
        _ => (key!("network.natGateway"), "gateway-"),
    };
    let quantity = Decimal::from(item.quantity) * item.duration;
    let lines = item
        .parts
        .iter()
        .map(|part| {
            let price = crate::messages::Money(ctx.currency(), part.price);
            match item.mbps {
                // Bandwidth per Mbps: the line counts Mbps-hours (Mbps-months), its unit the part's.
                Some(mbps) if part.code == "eip.bandwidth" => {
                    let formula = text!(ctx, "network.formula.perMbps", count = item.quantity, term = term, mbps = mbps.normalize(), price = price, per = per, what = part.name);
                    Line::priced(part.code, part.name.render(ctx), formula, quantity * mbps, &("Mbps-".to_owned() + item.billing.per()), part.price, rounding, &["CP-1"])
                }
                _ => {
                    let formula = text!(ctx, "network.formula", count = item.quantity, term = term, price = price, per = per, what = part.name);
                    Line::priced(part.code, part.name.render(ctx), formula, quantity, &(unit.to_owned() + item.billing.per()), part.price, rounding, &["CP-1"])
                }
            }
        })
        .collect();
    let label = match &item.specification {
        Some(spec) => text!(ctx, "network.withSpecification", name = noun, specification = spec),
        None => noun.render(ctx),
    };
    let description = text!(ctx, "network.description", count = item.quantity, label = label, billing = billing, term = term);
    item_from_lines(index, item.product, description, lines, vec![caller_price_warning(ctx)], rounding)
}
