//! Which IoT option is cheapest for a fleet (issue 32): every option that can carry it,
//! priced month by month through the products' own rating, as `quote` prices it.
//!
//! `compareBillingMethod({ product: "iot", fleet, startMonth, usage: { months }, growth?,
//! activated?, policy?, trial?, monthlyPrice? | spec?, catalog?, site? })`, with no
//! `edition`. The options (IOT-2, IOT-24, IOT-25):
//! - `legacyConnectionAndMessages`: connection minutes and messages, the site's prices
//!   (IOT-26..IOT-30); `activated` gives IOT-28's free quota;
//! - `legacyBasic`, `legacyPro`: seed 002's editions (USD only, SITE-1), where the fleet's
//!   messages exist on the edition (IOT-13);
//! - `enterprise`: the caller's `monthlyPrice` or `spec`, or the cheapest spec of the
//!   caller's catalog that holds each month's fleet (IOT-4, IOT-23);
//! - `newPublic`: free while the fleet fits its fixed limits (IOT-24).
//!
//! An option that cannot be priced or cannot carry the fleet for the whole horizon is
//! `available: false` with the reason (and the catalog field to fill, for a price), and
//! `outgrownAt` names the month a growing fleet leaves it; `cheapestOption` is the
//! cheapest available one. The answer's two sides (subscription, pay-as-you-go) are
//! Enterprise Edition and the connection-and-messages generation, when both are available.

use super::{assemble, grown_fleets, sized_prices, Comparison, Sides};
use crate::bill::{limits, Billing, Line, Product, Warning};
use crate::catalog::Catalog;
use crate::decode::{Ctx, Fields, Node};
use crate::error::{Error, ErrorCode};
use crate::messages::{Count, Key};
use crate::money::{serialize_decimal, serialize_optional_decimal, Rounding};
use crate::products::iot::connection_messages::item::{decode_policy, fleet_day};
use crate::products::iot::connection_messages::{self as cm, BilledItem, Day, MonthToDate, RateError};
use crate::products::iot::fleet::{self, Fleet};
use crate::products::iot::{self, Billability, BasicProRates, Edition};
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;

/// One way to carry the fleet, over the horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IotOption {
    /// "legacyConnectionAndMessages", "legacyBasic", "legacyPro", "enterprise", "newPublic".
    pub option: &'static str,
    /// The option, for a person.
    pub description: String,
    pub billing: Billing,
    /// Priced for every month of the horizon and holds the fleet throughout.
    pub available: bool,
    /// The whole horizon, when available.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "serialize_optional_decimal")]
    pub total: Option<Decimal>,
    /// Each month's cost, as far as the option could be priced.
    pub months: Vec<MonthCost>,
    /// Why it is not available.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The field of the request's `catalog` that would price it (SITE-1, IOT-4).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub catalog_field: Option<String>,
    /// The first month the growing fleet leaves it (IOT-23, IOT-24; Japan's last tier).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outgrown_at: Option<Outgrown>,
    /// The connection-and-messages generation: the first month each tier above the first
    /// is reached (IOT-27).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tiers_reached: Vec<TierReached>,
    pub rules: &'static [&'static str],
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthCost {
    /// 1 for the first month.
    pub month: u64,
    #[serde(serialize_with = "serialize_decimal")]
    pub cost: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outgrown {
    pub month: u64,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TierReached {
    /// 2 or 3.
    pub tier: usize,
    pub month: u64,
}

/// What one option costs month by month, or where and why it stops.
struct Priced {
    months: Vec<Decimal>,
    /// The month index (0-based) and reason it stops, and the catalog field to fill.
    stop: Option<(usize, String, Option<String>)>,
    first_lines: Vec<Line>,
    tiers_reached: Vec<TierReached>,
}

impl Priced {
    fn new() -> Priced {
        Priced { months: Vec::new(), stop: None, first_lines: Vec::new(), tiers_reached: Vec::new() }
    }

    fn option(self, option: &'static str, description: Key, billing: Billing, rules: &'static [&'static str], ctx: &Ctx, rounding: Rounding) -> (IotOption, Vec<Decimal>, Vec<Line>) {
        let months: Vec<MonthCost> = self.months.iter().enumerate().map(|(k, cost)| MonthCost { month: k as u64 + 1, cost: *cost }).collect();
        let (available, reason, catalog_field, outgrown_at) = match self.stop {
            None => (true, None, None, None),
            Some((k, reason, field)) => {
                let outgrown = (k > 0).then(|| Outgrown { month: k as u64 + 1, reason: reason.clone() });
                (false, Some(reason), field, outgrown)
            }
        };
        let total = available.then(|| rounding.apply(self.months.iter().sum()));
        let option = IotOption {
            option,
            description: description.render(ctx),
            billing,
            available,
            total,
            months,
            reason,
            catalog_field,
            outgrown_at,
            tiers_reached: self.tiers_reached,
            rules,
        };
        (option, self.months, self.first_lines)
    }
}

/// Compares every IoT option for the fleet at `fleet_node` (see the module).
pub fn compare(fields: &Fields<'_>, fleet_node: &Node<'_>, catalog: &Catalog, rounding: Rounding) -> Result<Comparison, Error> {
    let ctx = fields.ctx();
    fields.only(&[
        "product", "fleet", "growth", "startMonth", "usage", "activated", "policy", "trial", "monthlyPrice", "spec", "catalog", "locale", "site",
    ])?;
    let start = crate::time::month(&fields.required("startMonth", key!("expect.startMonth"))?)?;
    let u = fields.required("usage", key!("expect.monthsUsage"))?.object()?;
    u.only(&["months"])?;
    let months_node = u.required("months", key!("expect.months"))?;
    let months = months_node.integer(1, limits::MAX_MONTHS)?;
    let (fleet, mut caveats) = fleet::decode(fleet_node, fleet::For::AnyOption)?;
    let fleets = grown_fleets(fleet, months, fields.get("growth"))?;
    let policy = decode_policy(fields.get("policy"))?;
    let activated = fields.get("activated").map(|n| crate::time::date(&n)).transpose()?;
    if let (Some(a), Some(node)) = (activated, fields.get("activated")) {
        // The instance must exist in the first month (IOT-28 counts from its activation).
        if a.first_of_month() > start.first_of_month() {
            return Err(node.error(ErrorCode::DateOutOfPeriod, text!(node, "compare.activatedAfterStart", activated = crate::time::iso_date(a), start = crate::time::iso_month(start))));
        }
    }
    let mut month_dates = Vec::with_capacity(months as usize);
    for k in 0..months {
        month_dates.push(crate::time::first_of_month_after(start, k).ok_or_else(|| months_node.error(ErrorCode::OutOfRange, text!(months_node, "compare.pastYear9999")))?);
    }
    let trial = fields.flag("trial")?;

    let mut options = Vec::with_capacity(5);
    let (connection, connection_costs, connection_lines) = connection_option(&fleets, &month_dates, activated, policy, catalog, fields, rounding).option(
        "legacyConnectionAndMessages",
        key!("compare.option.connection"),
        Billing::PayAsYouGo,
        &["IOT-25", "IOT-26", "IOT-27", "IOT-28", "IOT-29", "IOT-30"],
        ctx,
        rounding,
    );
    options.push(connection);
    for (edition, id, name) in [(Edition::Basic, "legacyBasic", key!("compare.option.basic")), (Edition::Pro, "legacyPro", key!("compare.option.pro"))] {
        let priced = basic_pro_option(edition, &fleets, &month_dates, catalog, fields, rounding);
        options.push(priced.option(id, name, Billing::PayAsYouGo, &["IOT-12", "IOT-13", "IOT-16", "IOT-19", "IOT-25"], ctx, rounding).0);
    }
    let (enterprise, enterprise_costs, enterprise_lines) = enterprise_option(&fleets, catalog, fields, fleet_node, trial, rounding, &mut caveats).option(
        "enterprise",
        key!("compare.option.enterprise"),
        Billing::Subscription,
        &["IOT-2", "IOT-4", "IOT-23"],
        ctx,
        rounding,
    );
    options.push(enterprise);
    options.push(new_public_option(&fleets, catalog, ctx, rounding).option("newPublic", key!("compare.option.newPublic"), Billing::PayAsYouGo, &["IOT-2", "IOT-24"], ctx, rounding).0);

    let cheapest = options.iter().filter_map(|o| o.total.map(|t| (t, o.option))).min_by_key(|(t, _)| *t).map(|(_, id)| id);
    caveats.insert(0, Warning::new("different_products", text!(ctx, "compare.differentProducts"), &["IOT-2"]));
    let both = options[0].available && options[3].available;
    if !both {
        caveats.push(Warning::new("two_sides_unavailable", text!(ctx, "compare.twoSidesUnavailable"), &["IOT-2", "IOT-25"]));
    }
    // Without both, the two sides are left empty (their zeros only keep `assemble` whole).
    let zeros = || vec![Decimal::ZERO; months as usize];
    let sides = Sides {
        subscription: if both { enterprise_costs } else { zeros() },
        pay_as_you_go: if both { connection_costs } else { zeros() },
        subscription_lines: enterprise_lines,
        pay_as_you_go_lines: connection_lines,
        break_even: None,
        switching: None,
        caveats,
    };
    let mut comparison = assemble(Product::Iot, catalog, sides, rounding);
    if !both {
        comparison.options.clear();
        comparison.curve.clear();
        comparison.cheapest = super::Cheapest::Unavailable;
    }
    comparison.iot_options = Some(options);
    comparison.cheapest_option = Some(cheapest);
    Ok(comparison)
}

/// The days of `month` for `fleet`: all of them, or from the activation day in the
/// activation month.
fn month_days(month: Date, activated: Option<Date>) -> impl Iterator<Item = Date> {
    let from = activated.filter(|a| a.first_of_month() == month).map_or(1, |a| a.day());
    (from..=month.days_in_month()).filter_map(move |d| crate::time::day_of_month(month, d))
}

fn connection_option(fleets: &[Fleet], month_dates: &[Date], activated: Option<Date>, policy: cm::Policy, catalog: &Catalog, fields: &Fields<'_>, rounding: Rounding) -> Priced {
    let ctx = fields.ctx();
    let tariff = &catalog.iot.connection_and_messages;
    let mut priced = Priced::new();
    let mut reached = [false; 8];
    for (k, (fleet, month)) in fleets.iter().zip(month_dates).enumerate() {
        let inputs: Vec<_> = month_days(*month, activated).map(|date| fleet_day(fleet, date)).collect();
        let days: Vec<Day<'_>> = inputs.iter().map(|d| Day { date: d.date, messages: &d.buckets, connection_minutes: d.minutes.billable }).collect();
        match cm::bill_month(tariff, policy, activated, *month, MonthToDate::default(), &days) {
            Ok(bill) => {
                for part in &bill.messages.parts {
                    if part.tier > 0 && part.tier < reached.len() && !reached[part.tier] {
                        reached[part.tier] = true;
                        priced.tiers_reached.push(TierReached { tier: part.tier + 1, month: k as u64 + 1 });
                    }
                }
                priced.months.push(bill.amount);
                if k == 0 {
                    // Month 1's lines, as `quote` writes them.
                    let free_minutes = inputs.iter().map(|d| d.minutes.free).sum();
                    let item = cm::item::ConnectionItem { month: *month, activated, counted: MonthToDate::default(), policy, tariff: tariff.for_rating(), bill, free_minutes, fleet: None, repeated: None };
                    priced.first_lines = cm::item::rate(&item, 0, &catalog.iot, rounding, ctx).lines;
                }
            }
            Err(error) => {
                let (reason, field) = match error {
                    RateError::PriceNotPublished { item, .. } => {
                        let what = match item {
                            BilledItem::Messages { tier } => text!(ctx, "compare.priceWhat.tier", tier = tier + 1),
                            BilledItem::ConnectionMinutes => text!(ctx, "iot.priceWhat.minutes"),
                        };
                        (text!(ctx, "compare.notPublished", site = crate::catalog::site_name(ctx.site), currency = ctx.currency().code, what = what), error.catalog_field())
                    }
                    _ => (text!(ctx, "iot.tooLarge"), None),
                };
                priced.stop = Some((k, reason, field));
                break;
            }
        }
    }
    priced
}

fn basic_pro_option(edition: Edition, fleets: &[Fleet], month_dates: &[Date], catalog: &Catalog, fields: &Fields<'_>, rounding: Rounding) -> Priced {
    let ctx = fields.ctx();
    let mut priced = Priced::new();
    // IOT-13: device shadow is Basic only, TSL Pro only.
    let other = if edition == Edition::Basic { Billability::ProOnly } else { Billability::BasicOnly };
    if let Some(m) = fleets[0].messages.iter().find(|m| m.category.billability == other) {
        let only = if edition == Edition::Basic { Edition::Pro } else { Edition::Basic };
        priced.stop = Some((0, text!(ctx, "compare.notOnEdition", category = m.category.description, only = only.name(), edition = edition.name()), None));
        return priced;
    }
    let rates = match BasicProRates::of(&catalog.iot, edition, fields) {
        Ok(rates) => rates,
        Err(_) => {
            let (what, field) = match (catalog.iot.message_price, edition) {
                (None, _) => (key!("iot.priceWhat.messages"), "iot.messagePrice"),
                (Some(_), _) => (key!("iot.priceWhat.devices"), "iot.livingDevicePricePerDay"),
            };
            let reason = text!(ctx, "compare.notPublished", site = crate::catalog::site_name(ctx.site), currency = ctx.currency().code, what = what);
            priced.stop = Some((0, reason, Some(field.to_string())));
            return priced;
        }
    };
    for (k, (fleet, month)) in fleets.iter().zip(month_dates).enumerate() {
        let days = fleet::month_days(fleet, *month, u64::from(month.days_in_month() as u8));
        let item = iot::IotItem::LegacyPublic { edition, month: *month, days, free_quota_used: 0, fleet: None, rates: rates.clone() };
        let quoted = iot::rate(&item, 0, catalog, rounding, ctx);
        priced.months.push(quoted.trade_price);
        if k == 0 {
            priced.first_lines = quoted.lines;
        }
    }
    priced
}

fn enterprise_option(fleets: &[Fleet], catalog: &Catalog, fields: &Fields<'_>, fleet_node: &Node<'_>, trial: bool, rounding: Rounding, caveats: &mut Vec<Warning>) -> Priced {
    let ctx = fields.ctx();
    let mut priced = Priced::new();
    let prices = if fields.get("monthlyPrice").is_some() {
        iot::enterprise_price(fields, catalog).map(|p| vec![p; fleets.len()])
    } else {
        sized_prices(fields, fleets, catalog, fleet_node).map(|(prices, _, outgrown)| {
            caveats.extend(outgrown);
            prices
        })
    };
    let prices = match prices {
        Ok(prices) => prices,
        Err(error) => {
            // No price (IOT-4), or no spec holds a month's fleet (IOT-23): the first such month.
            let month = if error.code == ErrorCode::NoSpecFits {
                fleets.iter().position(|f| fleet::size(f, &catalog.iot.enterprise_specs, &catalog.iot, fleet_node).is_err()).unwrap_or(0)
            } else {
                0
            };
            // The months before the fleet outgrows every spec are priced, as a new public
            // instance's months before it is outgrown are (IOT-23, IOT-24).
            if let Some(Ok((prices, _, outgrown))) = (month > 0).then(|| sized_prices(fields, &fleets[..month], catalog, fleet_node)) {
                caveats.extend(outgrown);
                price_enterprise_months(&mut priced, &prices, trial, catalog, rounding, ctx);
            }
            let field = (error.code == ErrorCode::MissingPrice).then(|| "iot.enterpriseSpecs".to_string());
            priced.stop = Some((month, error.message.clone(), field));
            return priced;
        }
    };
    price_enterprise_months(&mut priced, &prices, trial, catalog, rounding, ctx);
    priced
}

/// IOT-3: a trial's first month is free; then one-month renewals at each month's spec price.
fn price_enterprise_months(priced: &mut Priced, prices: &[Decimal], trial: bool, catalog: &Catalog, rounding: Rounding, ctx: &Ctx) {
    for (k, price) in prices.iter().enumerate() {
        let item = iot::IotItem::Enterprise { months: 1, monthly_price: *price, quantity: 1, trial: trial && k == 0, sizing: None };
        let quoted = iot::rate(&item, 0, catalog, rounding, ctx);
        priced.months.push(quoted.trade_price);
        if k == 0 {
            priced.first_lines = quoted.lines;
        }
    }
}

fn new_public_option(fleets: &[Fleet], catalog: &Catalog, ctx: &Ctx, rounding: Rounding) -> Priced {
    let mut priced = Priced::new();
    let limits = &catalog.iot.new_public_limits;
    for (k, fleet) in fleets.iter().enumerate() {
        if !fleet::fits_new_public(&fleet::needs(fleet), &catalog.iot) {
            let reason = text!(
                ctx,
                "compare.outgrowsNewPublic",
                devices = Count(fleet.devices),
                online = Count(limits.online_devices),
                messaging = limits.messaging_tps,
                forwarding = limits.forwarding_tps
            );
            priced.stop = Some((k, reason, None));
            return priced;
        }
        priced.months.push(rounding.apply(Decimal::ZERO));
    }
    priced
}
