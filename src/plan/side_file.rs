//! The side file a team keeps next to its configuration: `{ prices, usage }`.
//!
//! - `prices`: what no Alibaba document publishes (ECS-9; EIP and NAT Gateway are products
//!   of their own, CP-1), each a `Rate = { hourly?, monthly? }` (pay-as-you-go per hour,
//!   subscription per month): `ecs.instanceTypes[type]` per instance, `ecs.disks[category]`
//!   (or `category.PL1`) per GiB, `ecs.bandwidth` per Mbps; `eip.address` per address and
//!   `eip.bandwidth` per Mbps; `natGateway[specification or nat_type]` per gateway.
//! - `usage`, keyed by a resource address (`module.app.alicloud_instance.web[0]`), an
//!   address for every instance (`module.app.alicloud_instance.web[*]` or without the
//!   key), or a resource type (`alicloud_instance`), the most specific first (Infracost's
//!   usage-file idea): `hoursPerMonth` of a pay-as-you-go resource, and `values`, the
//!   attributes to use where the plan leaves them unknown or unset.

use crate::catalog::caller_price;
use crate::decode::{Fields, Node};
use crate::error::{Error, ErrorCode};
use crate::bill::Billing;
use rust_decimal::Decimal;
use std::cell::Cell;

/// A caller's price per hour (pay-as-you-go) and per month (subscription).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rate {
    pub hourly: Option<Decimal>,
    pub monthly: Option<Decimal>,
}

impl Rate {
    pub fn per(&self, billing: Billing) -> Option<Decimal> {
        match billing {
            Billing::PayAsYouGo => self.hourly,
            Billing::Subscription => self.monthly,
        }
    }
}

/// The field of a [`Rate`] a billing method reads.
pub fn rate_field(billing: Billing) -> &'static str {
    match billing {
        Billing::PayAsYouGo => "hourly",
        Billing::Subscription => "monthly",
    }
}

pub struct Usage<'v> {
    pub hours_per_month: Option<Decimal>,
    pub values: Option<Fields<'v>>,
    used: Cell<bool>,
}

#[derive(Default)]
pub struct SideFile<'v> {
    pub instance_types: Rates<'v>,
    pub disks: Rates<'v>,
    pub ecs_bandwidth: Option<Rate>,
    pub eip_address: Option<Rate>,
    pub eip_bandwidth: Option<Rate>,
    pub nat_gateways: Rates<'v>,
    usage: Vec<(&'v str, Usage<'v>)>,
}

impl<'v> SideFile<'v> {
    /// Reads `options.prices` and `options.usage`.
    pub fn decode(prices: Option<Node<'v>>, usage: Option<Node<'v>>) -> Result<SideFile<'v>, Error> {
        let mut side = SideFile::default();
        if let Some(prices) = prices {
            let prices = prices.object()?;
            prices.only(&["ecs", "eip", "natGateway"])?;
            if let Some(ecs) = prices.get("ecs") {
                let ecs = ecs.object()?;
                ecs.only(&["instanceTypes", "disks", "bandwidth"])?;
                side.instance_types = rates(ecs.get("instanceTypes"))?;
                side.disks = rates(ecs.get("disks"))?;
                side.ecs_bandwidth = ecs.get("bandwidth").map(rate).transpose()?;
            }
            if let Some(eip) = prices.get("eip") {
                let eip = eip.object()?;
                eip.only(&["address", "bandwidth"])?;
                side.eip_address = eip.get("address").map(rate).transpose()?;
                side.eip_bandwidth = eip.get("bandwidth").map(rate).transpose()?;
            }
            side.nat_gateways = rates(prices.get("natGateway"))?;
        }
        if let Some(usage) = usage {
            let entries = usage.object()?;
            for (key, _) in entries.entries() {
                let Some(node) = entries.get(key) else { continue }; // null: nothing
                let entry = node.object()?;
                entry.only(&["hoursPerMonth", "values"])?;
                let max = Decimal::from(crate::compare::MAX_HOURS_PER_MONTH);
                let hours_per_month = entry.get("hoursPerMonth").map(|n| n.decimal_in(Decimal::ZERO, false, max)).transpose()?;
                let values = entry.get("values").map(|n| n.object()).transpose()?;
                side.usage.push((key, Usage { hours_per_month, values, used: Cell::new(false) }));
            }
        }
        Ok(side)
    }

    /// The usage entries that apply to a resource, the most specific first: its address,
    /// every instance of its configuration (`name[*]` or `name`), its type.
    pub fn usage_for(&self, address: &str, kind: &str) -> Vec<&Usage<'v>> {
        let base = super::reader::without_instance_keys(address);
        let every = base.clone() + "[*]";
        let mut found: Vec<&Usage<'v>> = Vec::new();
        for key in [address, every.as_str(), base.as_str(), kind] {
            if let Some((_, usage)) = self.usage.iter().find(|(k, _)| *k == key) {
                if !found.iter().any(|u| std::ptr::eq(*u, usage)) {
                    usage.used.set(true);
                    found.push(usage);
                }
            }
        }
        found
    }

    /// The usage keys no resource of the plan matched (a misspelt address, most likely).
    pub fn unused_usage(&self) -> Vec<&'v str> {
        self.usage.iter().filter(|(_, u)| !u.used.get()).map(|(k, _)| *k).collect()
    }
}

/// `{ key: Rate }`: a few entries, searched in order.
#[derive(Default)]
pub struct Rates<'v>(Vec<(&'v str, Rate)>);

impl Rates<'_> {
    pub fn get(&self, key: &str) -> Option<&Rate> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, rate)| rate)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

fn rates<'v>(node: Option<Node<'v>>) -> Result<Rates<'v>, Error> {
    let mut out = Vec::new();
    if let Some(node) = node {
        let fields = node.object()?;
        for (key, _) in fields.entries() {
            if let Some(value) = fields.get(key) {
                out.push((&**key, rate(value)?));
            }
        }
    }
    Ok(Rates(out))
}

/// `{ hourly?, monthly? }`, at least one.
fn rate(node: Node<'_>) -> Result<Rate, Error> {
    let fields = node.object()?;
    fields.only(&["hourly", "monthly"])?;
    let price = |key: &str| fields.get(key).map(|n| caller_price(&n)).transpose();
    let rate = Rate { hourly: price("hourly")?, monthly: price("monthly")? };
    if rate == Rate::default() {
        return Err(node.error(ErrorCode::MissingPrice, text!(node, "plan.rateNeedsPrice")));
    }
    Ok(rate)
}
