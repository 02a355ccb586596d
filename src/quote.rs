//! `quote`: prices a cart of items against the catalog.
//!
//! Each product module decodes and rates its own items; this module owns the request
//! envelope, the cart limits and the totals. Amounts are rounded once per line
//! (to the policy's [`Rounding`]) and totals are sums of rounded lines, so that the
//! lines a customer sees always add up to the total shown.

use crate::catalog::{default_catalog, Catalog};
use crate::decode::{Node, Value};
use crate::error::{Error, ErrorCode};
use crate::money::{serialize_decimal, Rounding};
use crate::products::cloud_phone;
use rust_decimal::Decimal;
use serde::Serialize;

/// Most items one `quote` call accepts (API.md: `items: Item[] (1..=10000)`).
pub const MAX_ITEMS: usize = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Product {
    CloudPhone,
    Iot,
    Ecs,
}

impl Product {
    pub const ALL: [(&'static str, Product); 3] =
        [("cloudPhone", Product::CloudPhone), ("iot", Product::Iot), ("ecs", Product::Ecs)];
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    pub currency: String,
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
    pub items: Vec<QuotedItem>,
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
    pub lines: Vec<Line>,
    pub warnings: Vec<Warning>,
}

/// One priced line: `amount` = round(quantity x unitPrice).
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
    pub rules: Vec<&'static str>,
}

impl Line {
    /// A line whose amount is `quantity x unit_price`, rounded by `rounding`.
    pub fn priced(
        code: &str,
        description: String,
        formula: String,
        quantity: Decimal,
        unit: &str,
        unit_price: Decimal,
        rounding: Rounding,
        rules: Vec<&'static str>,
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
    pub rules: Vec<&'static str>,
}

/// Prices a request given as a [`Value`] (see API.md `quote`).
pub fn quote(request: &Value) -> Result<Quote, Error> {
    let root = Node::root(request);
    let fields = root.object()?;
    fields.only(&["items"])?;
    let catalog = default_catalog();
    let rounding = Rounding::BILL;

    let items_node = fields.required("items", "an array of 1 to 10000 items")?;
    let items = items_node.elements()?;
    if items.len() == 0 {
        return Err(items_node.error(ErrorCode::Empty, "expected at least one item"));
    }
    if items.len() > MAX_ITEMS {
        return Err(items_node.error(
            ErrorCode::TooMany,
            format!("a quote takes at most {MAX_ITEMS} items, got {}; split the cart", items.len()),
        ));
    }
    let quoted = items
        .enumerate()
        .map(|(index, item)| quote_item(&item, index, &catalog, rounding))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(totals(&catalog, quoted))
}

fn quote_item(node: &Node<'_>, index: usize, catalog: &Catalog, rounding: Rounding) -> Result<QuotedItem, Error> {
    let fields = node.object()?;
    let product = fields
        .required("product", "\"cloudPhone\", \"iot\" or \"ecs\"")?
        .one_of(&Product::ALL, ErrorCode::UnknownProduct)?;
    match product {
        Product::CloudPhone => {
            let item = cloud_phone::decode_item(&fields, catalog)?;
            Ok(cloud_phone::rate(&item, index, catalog, rounding))
        }
        Product::Iot | Product::Ecs => Err(Error::new(
            ErrorCode::NotSupported,
            format!("{}.product", node.path()),
            "quotes for this product are not available in this version",
        )),
    }
}

fn totals(catalog: &Catalog, items: Vec<QuotedItem>) -> Quote {
    let sum = |f: fn(&QuotedItem) -> Decimal| items.iter().map(f).sum::<Decimal>();
    let (original_price, discount_price, trade_price) =
        (sum(|i| i.original_price), sum(|i| i.discount_price), sum(|i| i.trade_price));
    Quote {
        currency: catalog.currency.clone(),
        catalog_version: catalog.version.clone(),
        original_price: Rounding::BILL.apply(original_price),
        discount_price: Rounding::BILL.apply(discount_price),
        trade_price: Rounding::BILL.apply(trade_price),
        items,
    }
}

/// Builds a [`QuotedItem`] whose prices are the sums of its (already rounded) lines.
pub fn item_from_lines(
    index: usize,
    product: Product,
    description: String,
    lines: Vec<Line>,
    warnings: Vec<Warning>,
) -> QuotedItem {
    let original_price = Rounding::BILL.apply(lines.iter().map(|l| l.amount).sum());
    QuotedItem {
        index,
        product,
        description,
        original_price,
        discount_price: Rounding::BILL.apply(Decimal::ZERO),
        trade_price: original_price,
        lines,
        warnings,
    }
}
