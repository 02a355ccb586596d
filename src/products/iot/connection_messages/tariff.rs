//! Sites, their currencies, and the prices each site publishes for the
//! connection-and-messages generation (SITE-1..SITE-3, IOT-26, IOT-27): data, with
//! the document each number comes from. Nothing here converts between currencies: a
//! price a site does not publish is `None`, and rating a unit at it is an error that
//! names the catalog field the caller must fill (SITE-1).

use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;
use std::borrow::Cow;

/// An Alibaba Cloud site: each sells in its own currency (SITE-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Site {
    /// alibabacloud.com, in USD.
    International,
    /// help.aliyun.com / aliyun.com, in CNY.
    China,
    /// jp.alibabacloud.com, in JPY.
    Japan,
}

impl Site {
    /// The request's `site` values, as API.md spells them.
    pub const ALL: [(&'static str, Site); 3] = [("international", Site::International), ("china", Site::China), ("japan", Site::Japan)];

    /// The one currency of every answer for this site (SITE-1).
    pub fn currency(self) -> Currency {
        match self {
            Site::International => Currency::USD,
            Site::China => Currency::CNY,
            Site::Japan => Currency::JPY,
        }
    }

    /// The request's spelling: "international", "china", "japan".
    pub fn id(self) -> &'static str {
        match self {
            Site::International => "international",
            Site::China => "china",
            Site::Japan => "japan",
        }
    }
}

/// A currency and its smallest unit (SITE-3, ISO 4217 minor units): every billed
/// amount is a whole number of that unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency {
    /// ISO 4217 code: "USD".
    pub code: &'static str,
    /// Decimal places of the smallest unit: 2 for the cent, 0 for the yen.
    pub minor_unit: u32,
}

impl Currency {
    pub const USD: Currency = Currency { code: "USD", minor_unit: 2 };
    pub const CNY: Currency = Currency { code: "CNY", minor_unit: 2 };
    pub const JPY: Currency = Currency { code: "JPY", minor_unit: 0 };

    /// The smallest amount: 0.01, or 1 for the yen.
    pub fn unit(self) -> Decimal {
        Decimal::new(1, self.minor_unit)
    }

    /// `amount` as a whole number of the currency's unit (SITE-3), with the scale
    /// fixed so that 43.2 reads "43.20" and 4,862 yen "4862".
    pub fn round(self, amount: Decimal, strategy: RoundingStrategy) -> Decimal {
        let mut rounded = amount.round_dp_with_strategy(self.minor_unit, strategy);
        rounded.rescale(self.minor_unit);
        rounded
    }
}

/// Where a price comes from: a published document, or the caller's catalog (SITE-1:
/// the answer says which).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Published,
    Caller,
}

/// A price per [`Tariff::units_per_price`] units, in the tariff's currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Price {
    pub amount: Decimal,
    pub origin: Origin,
}

const fn published(amount: Decimal) -> Option<Price> {
    Some(Price { amount, origin: Origin::Published })
}

/// One tier of the graduated message price (IOT-27): it holds the units of the
/// month's running total numbered above `above`, up to the next tier's `above`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tier {
    pub above: u64,
    /// `None`: the site publishes no price for this tier (SITE-2, Japan's third).
    pub price: Option<Price>,
}

/// A document behind a tariff's numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub document: &'static str,
    pub address: &'static str,
    /// The date the document states ("Last Updated"); `None` where the page gives none.
    pub as_of: Option<&'static str>,
    pub rules: &'static [&'static str],
}

/// The pricing model of a legacy public item, as the answer names it (IOT-25).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Model {
    /// The item's `pricing`: "connectionAndMessages".
    pub id: &'static str,
    pub source: Source,
}

/// IOT-25: seed 000 (updated 2026-06-17) sends a legacy public instance's customer to
/// "Connection duration billing" and "Message communication billing": this generation.
pub const MODEL: Model = Model {
    id: "connectionAndMessages",
    source: Source {
        document: "IoT Platform: Billing FAQ (seed 000), which sends legacy public instances to \"Connection duration billing\" and \"Message communication billing\"",
        address: "000_76aefc72cc732f17.txt",
        as_of: Some("2026-06-17"),
        rules: &["IOT-25"],
    },
};

/// What one site charges for this generation: prices as data (SITE-2), with sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tariff {
    pub site: Site,
    pub currency: Currency,
    /// Graduated over the calendar month's running total (IOT-27), lowest first; the
    /// first starts above 0.
    pub message_tiers: Cow<'static, [Tier]>,
    /// Connection minutes (IOT-26); `None` where the site publishes no price (China).
    pub minute_price: Option<Price>,
    /// Prices are per this many messages or minutes.
    pub units_per_price: u64,
    /// One billable message is at most this many bytes (IOT-15, kept by IOT-27).
    pub message_unit_bytes: u64,
    /// Free units in a month that has the free quota (IOT-28).
    pub free_messages_per_month: u64,
    pub free_minutes_per_month: u64,
    pub sources: Cow<'static, [Source]>,
}

/// IOT-27's tier boundaries, the same on every site that publishes them (SITE-2).
pub const SECOND_TIER_ABOVE: u64 = 100_000_000;
pub const THIRD_TIER_ABOVE: u64 = 1_000_000_000;

const MESSAGING_FEES: Source = Source {
    document: "IoT Platform: Messaging fees",
    address: "https://www.alibabacloud.com/help/en/iot-platform/latest/f0cae0",
    as_of: None,
    rules: &["IOT-27", "IOT-28"],
};
const DEVICE_ACCESS_FEES: Source = Source {
    document: "IoT Platform: Device access fees (doc-detail 91979; Traditional Chinese edition for the daily cut)",
    address: "https://www.alibabacloud.com/help/doc-detail/91979.htm",
    as_of: None,
    rules: &["IOT-26", "IOT-28", "IOT-29"],
};
const BILLING_EXAMPLES: Source = Source {
    document: "IoT Platform: Billing examples, public instances of the old version (doc-detail 73701)",
    address: "https://www.alibabacloud.com/help/doc-detail/73701.htm",
    as_of: None,
    rules: &["IOT-27", "IOT-30"],
};
const CHINA_MESSAGING_FEES: Source = Source {
    document: "物联网平台 消息通信费用 (China site, IoT product overview)",
    address: "https://help.aliyun.com/en/iot/product-overview/messaging-fees",
    as_of: None,
    rules: &["SITE-2", "IOT-27", "IOT-28"],
};
const JAPAN_BILLING_EXAMPLES: Source = Source {
    document: "IoT Platform 課金例 (Japan site, doc-detail 73701)",
    address: "https://jp.alibabacloud.com/help/doc-detail/73701.htm",
    as_of: None,
    rules: &["SITE-2", "IOT-28"],
};

const fn tiers(first: Option<Price>, second: Option<Price>, third: Option<Price>) -> [Tier; 3] {
    [Tier { above: 0, price: first }, Tier { above: SECOND_TIER_ABOVE, price: second }, Tier { above: THIRD_TIER_ABOVE, price: third }]
}

const INTERNATIONAL_TIERS: [Tier; 3] = tiers(published(dec!(0.5)), published(dec!(0.4)), published(dec!(0.3)));
const CHINA_TIERS: [Tier; 3] = tiers(published(dec!(1.8)), published(dec!(1.4)), published(dec!(1.0)));
// SITE-2: the Japan site shows two tiers; above 1,000,000,000 the caller's price is needed.
const JAPAN_TIERS: [Tier; 3] = tiers(published(dec!(56)), published(dec!(45)), None);

/// The published tariff of `site` (SITE-2): the international site's USD prices of
/// IOT-26/IOT-27, the China site's CNY message prices (no minute price), the Japan
/// site's JPY prices (no third message tier).
pub fn published_tariff(site: Site) -> Tariff {
    let (message_tiers, minute_price, sources): (&'static [Tier], Option<Price>, &'static [Source]) = match site {
        Site::International => (&INTERNATIONAL_TIERS, published(dec!(0.3)), &[MESSAGING_FEES, DEVICE_ACCESS_FEES, BILLING_EXAMPLES]),
        Site::China => (&CHINA_TIERS, None, &[CHINA_MESSAGING_FEES]),
        Site::Japan => (&JAPAN_TIERS, published(dec!(34)), &[JAPAN_BILLING_EXAMPLES]),
    };
    Tariff {
        site,
        currency: site.currency(),
        message_tiers: Cow::Borrowed(message_tiers),
        minute_price,
        units_per_price: 1_000_000,
        message_unit_bytes: 512,
        free_messages_per_month: 1_000_000,
        free_minutes_per_month: 1_000_000,
        sources: Cow::Borrowed(sources),
    }
}

/// The caller-catalog fields that supply a missing price (SITE-1), under the request's
/// `catalog`: a message tier's price is `messageTiers[i].price`
/// ([`super::RateError::catalog_field`] writes the path).
pub const MESSAGE_TIERS_FIELD: &str = "iot.connectionAndMessages.messageTiers";
pub const MINUTE_PRICE_FIELD: &str = "iot.connectionAndMessages.minutePrice";

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
}

/// How many of the units numbered `from + 1 ..= to` of the month fall in each tier
/// (IOT-27, graduated: only the part inside a tier pays its price), as `(tier index,
/// units)` for the tiers that hold any.
pub fn split_over_tiers(tiers: &[Tier], from: u128, to: u128) -> impl Iterator<Item = (usize, u128)> + '_ {
    tiers.iter().enumerate().filter_map(move |(i, tier)| {
        let lower = u128::from(tier.above);
        let upper = tiers.get(i + 1).map_or(u128::MAX, |next| u128::from(next.above));
        let units = to.min(upper).saturating_sub(from.max(lower));
        (units > 0).then_some((i, units))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_site_has_its_currency_and_unit() {
        // SITE-1, SITE-3: USD and CNY to the cent, JPY to the yen.
        assert_eq!(Site::International.currency().unit().to_string(), "0.01");
        assert_eq!(Site::China.currency().code, "CNY");
        assert_eq!(Site::Japan.currency().unit().to_string(), "1");
        assert_eq!(Currency::JPY.round(dec!(4862.9), RoundingStrategy::ToZero).to_string(), "4862");
        assert_eq!(Currency::USD.round(dec!(43.2), RoundingStrategy::ToZero).to_string(), "43.20");
    }

    #[test]
    fn published_tariffs_are_ordered_and_only_what_the_pages_state() {
        for (_, site) in Site::ALL {
            assert!(published_tariff(site).tiers_are_ordered(), "{site:?}");
        }
        // SITE-2: no CNY minute price, no third JPY tier.
        assert_eq!(published_tariff(Site::China).minute_price, None);
        assert_eq!(published_tariff(Site::Japan).message_tiers[2].price, None);
    }

    #[test]
    fn a_span_is_split_at_the_tier_boundaries() {
        let t = published_tariff(Site::International);
        // Units 99,999,990 + 1 ..= 100,000,010: 10 in the first tier, 10 in the second.
        let parts: Vec<_> = split_over_tiers(&t.message_tiers, 99_999_990, 100_000_010).collect();
        assert_eq!(parts, vec![(0, 10), (1, 10)]);
        // From 0 to 2e9: 1e8, 9e8, 1e9.
        let parts: Vec<_> = split_over_tiers(&t.message_tiers, 0, 2_000_000_000).collect();
        assert_eq!(parts, vec![(0, 100_000_000), (1, 900_000_000), (2, 1_000_000_000)]);
        assert_eq!(split_over_tiers(&t.message_tiers, 5, 5).count(), 0);
    }
}
