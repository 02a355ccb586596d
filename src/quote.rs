//! `quote`: prices a cart of items against the catalog.
//!
//! Each product module decodes and rates its own items; this module owns the request
//! envelope (items, caller catalog, discounts), the cart limits and the totals.
//! Amounts are rounded once per line (to the policy's [`Rounding`]) and totals are
//! sums of rounded lines, so that the lines a customer sees add up to the total.

use crate::bill::{limits, Billing, Estimate, ItemKind, Product, QuotedItem};
use crate::catalog::Catalog;
use crate::decode::{Ctx, Node, Value};
use crate::error::{Error, ErrorCode};
use crate::money::{serialize_decimal, Rounding};
use crate::products::{cloud_phone, ecs, iot, network};
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// The site's currency (SITE-1): every amount of the quote is in it.
    pub currency: &'static str,
    /// The embedded catalog's version, or the caller's (`<version>+caller` by default).
    pub catalog_version: String,
    /// Sum of the items' list prices.
    #[serde(serialize_with = "serialize_decimal")]
    pub original_price: Decimal,
    /// Sum of the discounts (Alibaba's price APIs call the discount amount DiscountPrice).
    #[serde(serialize_with = "serialize_decimal")]
    pub discount_price: Decimal,
    /// What is paid: originalPrice - discountPrice.
    #[serde(serialize_with = "serialize_decimal")]
    pub trade_price: Decimal,
    /// The cart as an estimate: upfront, monthly, one-off and the first 12 months (issue 19).
    pub estimate: Estimate,
    pub items: Vec<QuotedItem>,
}

/// A percent-off discount and what it applies to (most specific wins: an item's own
/// discount, else its product's, else the whole cart's).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Discount {
    percent: Decimal,
    scope: Scope,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Cart,
    Product(Product),
    Item(usize),
}

/// Prices a request given as a [`Value`] (see API.md `quote`).
///
/// ```
/// use alicloud_cost::{decode::Value, quote};
/// // 2 phones for 5 hours: ceil(5 / 4) = 2 periods = 8 h each (CP-3);
/// // 16 phone-hours x USD 0.0457 = 0.7312 -> 0.73 (CP-6).
/// let request = Value::from_json_str(r#"{"items": [{"product": "cloudPhone", "spec": "acp.basic.small",
///     "region": "mainland", "billing": "payAsYouGo", "hours": 5, "quantity": 2}]}"#)?;
/// let q = quote(&request)?;
/// assert_eq!(q.trade_price.to_string(), "0.73");
/// assert_eq!(q.items[0].lines[0].rules, ["CP-2", "CP-3", "CP-5", "CP-6"]);
///
/// // Bad input is an error value with a stable code and the field's path.
/// let bad = Value::from_json_str(r#"{"items": [{"product": "cloudPhone", "spec": "acp.mega",
///     "region": "mainland", "billing": "payAsYouGo", "hours": 5}]}"#)?;
/// let error = quote(&bad).unwrap_err();
/// assert_eq!((error.code.as_str(), error.path.as_str()), ("unknown_spec", "items[0].spec"));
/// # Ok::<(), alicloud_cost::Error>(())
/// ```
pub fn quote(request: &Value) -> Result<Quote, Error> {
    let ctx = Ctx::of(request)?;
    let root = Node::root(request, &ctx);
    let fields = root.object()?;
    fields.only(&["items", "catalog", "discounts", "policy", "locale", "site"])?;
    // SITE-3: every amount to the currency's own unit.
    let rounding = Rounding::bill(ctx.currency());
    let mut overridden = None;
    let catalog = crate::catalog::requested(&fields, &mut overridden)?;
    // IOT-28, IOT-29: `policy: { iot: { freeQuota?, dailyAmounts? } }`.
    let policy = iot::connection_messages::item::decode_policy(fields.get("policy"))?;

    let items_node = fields.required("items", key!("expect.quoteItems"))?;
    let items = items_node.elements()?;
    if items.len() == 0 {
        return Err(items_node.error(ErrorCode::Empty, text!(items_node, "request.noItems")));
    }
    if items.len() > limits::MAX_ITEMS {
        return Err(items_node.error(
            ErrorCode::TooMany,
            text!(items_node, "quote.tooManyItems", max = limits::MAX_ITEMS, count = items.len()),
        ));
    }
    let item_count = items.len();
    let discounts = match fields.get("discounts") {
        Some(node) => decode_discounts(&node, item_count)?,
        None => Vec::new(),
    };
    let mut quoted = items
        .enumerate()
        .map(|(index, item)| quote_item(&item, index, catalog, policy, rounding, &ctx))
        .collect::<Result<Vec<_>, _>>()?;
    for item in &mut quoted {
        apply_discount(item, &discounts, rounding);
        item.estimate = item_estimate(item, rounding);
    }
    Ok(totals(catalog, quoted, rounding))
}

/// Decodes and rates one item (its estimate is set by the caller: [`item_estimate`]).
pub fn quote_item(node: &Node<'_>, index: usize, catalog: &Catalog, policy: iot::connection_messages::Policy, rounding: Rounding, ctx: &Ctx) -> Result<QuotedItem, Error> {
    let fields = node.object()?;
    let product = fields
        .required("product", key!("expect.quoteProduct"))?
        .one_of(&Product::QUOTED, ErrorCode::UnknownProduct)?;
    let (mut quoted, kind) = match product {
        Product::CloudPhone => {
            let item = cloud_phone::decode_item(&fields, catalog)?;
            let kind = match item.term {
                cloud_phone::Term::Months(_) => ItemKind::Subscription,
                cloud_phone::Term::LifetimeHours(_) => ItemKind::OneOff,
                // Every month while the group runs.
                cloud_phone::Term::HoursPerMonth(_) => ItemKind::Monthly,
            };
            (cloud_phone::rate(&item, index, catalog, rounding, ctx), kind)
        }
        Product::Iot => {
            let item = iot::decode_item_with(&fields, catalog, policy)?;
            let kind = match item {
                iot::IotItem::LegacyPublic { .. } | iot::IotItem::ConnectionAndMessages(_) => ItemKind::Monthly,
                iot::IotItem::Enterprise { .. } => ItemKind::Subscription,
                iot::IotItem::NewPublic => ItemKind::Free,
            };
            (iot::rate(&item, index, catalog, rounding, ctx), kind)
        }
        Product::Ecs => {
            let item = ecs::decode_item(&fields, catalog)?;
            (ecs::rate(&item, index, rounding, ctx), pay_as_you_go_kind(item.billing, item.per_month))
        }
        Product::Eip | Product::NatGateway => {
            let item = network::decode_item(&fields, product)?;
            (network::rate(&item, index, rounding, ctx), pay_as_you_go_kind(item.billing, item.per_month))
        }
    };
    quoted.kind = kind;
    Ok(quoted)
}

/// A subscription is prepaid; pay-as-you-go hours are one lifetime, or every month of a
/// resource kept running.
fn pay_as_you_go_kind(billing: Billing, per_month: bool) -> ItemKind {
    match billing {
        Billing::Subscription => ItemKind::Subscription,
        Billing::PayAsYouGo if per_month => ItemKind::Monthly,
        Billing::PayAsYouGo => ItemKind::OneOff,
    }
}

/// Lines of a subscription item that are not prepaid: a Cloud Phone group's NAT Gateway
/// and EIP are billed by the hour for the hours given (CP-10), once.
const PAY_AS_YOU_GO_LINES_OF_A_SUBSCRIPTION: [&str; 2] = ["cloudPhone.natGateway", "cloudPhone.eip"];

/// The item's trade price split by how it is paid. A subscription's discount is shared
/// between its prepaid and its hourly lines in proportion: the prepaid part is rounded,
/// the rest is the remainder, so the parts add up to the trade price exactly.
pub fn item_estimate(item: &QuotedItem, rounding: Rounding) -> Estimate {
    let zero = Decimal::ZERO;
    match item.kind {
        ItemKind::Subscription => {
            let prepaid = item.lines.iter().filter(|l| !PAY_AS_YOU_GO_LINES_OF_A_SUBSCRIPTION.contains(&l.code.as_str())).map(|l| l.amount).sum();
            let upfront = match item.discount_percent {
                Some(percent) => prepaid - rounding.apply(prepaid * percent / Decimal::ONE_HUNDRED),
                None => prepaid,
            };
            Estimate::new(upfront, zero, item.trade_price - upfront, rounding)
        }
        ItemKind::Monthly => Estimate::new(zero, item.trade_price, zero, rounding),
        ItemKind::OneOff | ItemKind::Free => Estimate::new(zero, zero, item.trade_price, rounding),
    }
}

fn decode_discounts(node: &Node<'_>, item_count: usize) -> Result<Vec<Discount>, Error> {
    let elements = node.elements()?;
    if elements.len() > limits::MAX_DISCOUNTS {
        return Err(node.error(ErrorCode::TooMany, text!(node, "quote.tooManyDiscounts", max = limits::MAX_DISCOUNTS, count = elements.len())));
    }
    let mut discounts: Vec<Discount> = Vec::new();
    for element in elements {
        let f = element.object()?;
        f.only(&["percent", "product", "item"])?;
        let percent = f.required("percent", key!("expect.percent"))?.decimal_in(Decimal::ZERO, false, Decimal::ONE_HUNDRED)?;
        let scope = match (f.get("item"), f.get("product")) {
            (Some(_), Some(p)) => return Err(p.error(ErrorCode::UnknownField, text!(p, "quote.discountScopeTwice"))),
            (Some(i), None) => Scope::Item(i.integer(0, item_count as u64 - 1)? as usize),
            (None, Some(p)) => Scope::Product(p.one_of(&Product::QUOTED, ErrorCode::UnknownProduct)?),
            (None, None) => Scope::Cart,
        };
        if discounts.iter().any(|d| d.scope == scope) {
            return Err(element.error(ErrorCode::DuplicateDiscount, text!(element, "quote.duplicateDiscount")));
        }
        discounts.push(Discount { percent, scope });
    }
    Ok(discounts)
}

fn apply_discount(item: &mut QuotedItem, discounts: &[Discount], rounding: Rounding) {
    let find = |scope: Scope| discounts.iter().find(|d| d.scope == scope);
    let chosen = find(Scope::Item(item.index)).or_else(|| find(Scope::Product(item.product))).or_else(|| find(Scope::Cart));
    if let Some(d) = chosen {
        item.discount_price = rounding.apply(item.original_price * d.percent / Decimal::ONE_HUNDRED);
        item.trade_price = item.original_price - item.discount_price;
        item.discount_percent = Some(d.percent);
    }
}

fn totals(catalog: &Catalog, items: Vec<QuotedItem>, rounding: Rounding) -> Quote {
    let sum = |f: fn(&QuotedItem) -> Decimal| rounding.apply(items.iter().map(f).sum());
    Quote {
        currency: catalog.currency,
        catalog_version: catalog.version.clone(),
        original_price: sum(|i| i.original_price),
        discount_price: sum(|i| i.discount_price),
        trade_price: sum(|i| i.trade_price),
        estimate: Estimate::new(sum(|i| i.estimate.upfront), sum(|i| i.estimate.monthly), sum(|i| i.estimate.one_off), rounding),
        items,
    }
}
