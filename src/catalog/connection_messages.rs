//! The prices each site publishes for the connection-and-messages generation of legacy
//! public instances (IOT-25..IOT-28, SITE-1, SITE-2), as data with the document each
//! number comes from. Nothing here converts between currencies: a price a site does
//! not publish is `None`, and rating a chargeable unit at it is `price_not_published`,
//! which names the catalog field the caller fills (SITE-1). The rating itself is
//! `products::iot::connection_messages`.

use super::Source;
use crate::money::serialize_decimal;
use crate::site::{Currency, Site};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde::{Serialize, Serializer};

/// Where a price comes from: a published document, or the caller's catalog (SITE-1:
/// the answer says which).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Published,
    Caller,
}

/// A price per [`Tariff::units_per_price`] units, in the site's currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Price {
    pub amount: Decimal,
    pub origin: Origin,
}

impl Serialize for Price {
    /// A price is a decimal string, as every price of the catalog is.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_decimal(&self.amount, serializer)
    }
}

const fn published(amount: Decimal) -> Option<Price> {
    Some(Price { amount, origin: Origin::Published })
}

/// One tier of the graduated message price (IOT-27): it holds the units of the
/// month's running total numbered above `above`, up to the next tier's `above`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Tier {
    pub above: u64,
    /// `None`: the site publishes no price for this tier (SITE-2, Japan's third).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<Price>,
}

/// What one site charges for this generation: prices as data (SITE-2), with sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tariff {
    #[serde(skip)]
    pub site: Site,
    #[serde(skip)]
    pub currency: Currency,
    /// Graduated over the calendar month's running total (IOT-27), lowest first; the
    /// first starts above 0.
    pub message_tiers: Vec<Tier>,
    /// Connection minutes (IOT-26); `None` where the site publishes no price (China).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minute_price: Option<Price>,
    /// Prices are per this many messages or minutes.
    pub units_per_price: u64,
    /// One billable message is at most this many bytes (IOT-15, kept by IOT-27).
    pub message_unit_bytes: u64,
    /// Free units in a month that has the free quota (IOT-28).
    pub free_messages_per_month: u64,
    pub free_minutes_per_month: u64,
    pub sources: Vec<Source>,
}

/// IOT-27's tier boundaries, the same on every site that publishes them (SITE-2).
pub const SECOND_TIER_ABOVE: u64 = 100_000_000;
pub const THIRD_TIER_ABOVE: u64 = 1_000_000_000;

/// The caller-catalog fields that supply a missing price (SITE-1), under the request's
/// `catalog`: a message tier's price is `messageTiers[i].price`.
pub const MESSAGE_TIERS_FIELD: &str = "iot.connectionAndMessages.messageTiers";
pub const MINUTE_PRICE_FIELD: &str = "iot.connectionAndMessages.minutePrice";

fn page(document: &str, address: &str, rules: &[&str]) -> Source {
    // None of these pages states a "Last Updated" date (IOT-DESIGN.md, doubt 8).
    Source { address: Some(address.to_string()), ..super::default_catalog::source("page", document, None, rules) }
}

fn sources(site: Site) -> Vec<Source> {
    match site {
        Site::International => vec![
            page("IoT Platform: Messaging fees", "https://www.alibabacloud.com/help/en/iot-platform/latest/f0cae0", &["IOT-27", "IOT-28"]),
            page(
                "IoT Platform: Device access fees (and its Traditional Chinese edition, for the daily cut)",
                "https://www.alibabacloud.com/help/doc-detail/91979.htm",
                &["IOT-26", "IOT-28", "IOT-29"],
            ),
            page("IoT Platform: Billing examples, public instances of the old version", "https://www.alibabacloud.com/help/doc-detail/73701.htm", &["IOT-27", "IOT-30"]),
        ],
        Site::China => vec![page(
            "物联网平台：消息通信费用 (China site, IoT Platform product overview)",
            "https://help.aliyun.com/en/iot/product-overview/messaging-fees",
            &["SITE-2", "IOT-27", "IOT-28"],
        )],
        Site::Japan => vec![page("IoT Platform 課金例 (Japan site, billing examples)", "https://jp.alibabacloud.com/help/doc-detail/73701.htm", &["SITE-2", "IOT-28"])],
    }
}

fn tiers(first: Option<Price>, second: Option<Price>, third: Option<Price>) -> Vec<Tier> {
    vec![Tier { above: 0, price: first }, Tier { above: SECOND_TIER_ABOVE, price: second }, Tier { above: THIRD_TIER_ABOVE, price: third }]
}

/// The published tariff of `site` (SITE-2): the international site's USD prices of
/// IOT-26/IOT-27, the China site's CNY message prices (no minute price), the Japan
/// site's JPY prices (no third message tier: above 1,000,000,000 the caller's price).
pub fn published_tariff(site: Site) -> Tariff {
    let (message_tiers, minute_price) = match site {
        Site::International => (tiers(published(dec!(0.5)), published(dec!(0.4)), published(dec!(0.3))), published(dec!(0.3))),
        Site::China => (tiers(published(dec!(1.8)), published(dec!(1.4)), published(dec!(1.0))), None),
        Site::Japan => (tiers(published(dec!(56)), published(dec!(45)), None), published(dec!(34))),
    };
    Tariff {
        site,
        currency: site.currency(),
        message_tiers,
        minute_price,
        units_per_price: 1_000_000,
        message_unit_bytes: 512,
        free_messages_per_month: 1_000_000,
        free_minutes_per_month: 1_000_000,
        sources: sources(site),
    }
}

impl Tariff {
    /// Connection minutes have one price (IOT-26): a single tier from the first minute.
    pub fn minute_tiers(&self) -> [Tier; 1] {
        [Tier { above: 0, price: self.minute_price }]
    }

    /// Whether the tiers can price a month: at least one, the first above 0, each
    /// above the last. The published tariffs are; a caller's catalog is checked with it.
    pub fn tiers_are_ordered(&self) -> bool {
        self.message_tiers.first().is_some_and(|t| t.above == 0) && self.message_tiers.windows(2).all(|w| w[0].above < w[1].above)
    }

    /// The prices and units without the documents, for rating an item (the sources are the
    /// catalog's to show; copying them was a sixth of a month's allocations).
    pub fn for_rating(&self) -> Tariff {
        Tariff {
            site: self.site,
            currency: self.currency,
            message_tiers: self.message_tiers.clone(),
            minute_price: self.minute_price,
            units_per_price: self.units_per_price,
            message_unit_bytes: self.message_unit_bytes,
            free_messages_per_month: self.free_messages_per_month,
            free_minutes_per_month: self.free_minutes_per_month,
            sources: Vec::new(),
        }
    }

    /// Whether any price of this tariff is the caller's (the answer says so, SITE-1).
    pub fn has_caller_price(&self) -> bool {
        self.message_tiers.iter().chain(&self.minute_tiers()).any(|t| t.price.is_some_and(|p| p.origin == Origin::Caller))
    }
}

/// The pricing model of a legacy public item, as the answer names it (IOT-25).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Model {
    /// The item's `pricing`: "connectionAndMessages" or "basicPro".
    pub id: &'static str,
    /// The document that describes it (no seed numbers: a customer reads it).
    pub document: &'static str,
    pub as_of: Option<&'static str>,
    pub rules: &'static [&'static str],
}

/// IOT-25: seed 000 (updated 2026-06-17) sends a legacy public instance's customer to
/// "Connection duration billing" and "Message communication billing": this generation.
pub const CONNECTION_AND_MESSAGES: Model = Model {
    id: "connectionAndMessages",
    document: "IoT Platform billing FAQ, which sends legacy public instances to \"Connection duration billing\" and \"Message communication billing\"",
    as_of: Some("2026-06-17"),
    rules: &["IOT-25", "IOT-26", "IOT-27"],
};

/// IOT-25: the older generation, seed 002's Basic and Pro editions (IOT-12..IOT-19).
/// Seed 002 states no date.
pub const BASIC_PRO: Model = Model { id: "basicPro", document: "IoT Platform billing policy (Basic and Pro)", as_of: None, rules: &["IOT-25", "IOT-12"] };
