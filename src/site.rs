//! Alibaba Cloud's sites and their currencies (SITE-1..SITE-3): the vocabulary every
//! layer above prices in. A request names its `site` (read once with its locale, in
//! `decode::Ctx`); its answer has that site's one currency, and every amount in it is a
//! whole number of the currency's smallest unit (`money::Rounding::bill`). Nothing here
//! converts between currencies: a price exists only where a document states it.

/// An Alibaba Cloud site: each sells in its own currency (SITE-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Site {
    /// alibabacloud.com, in USD (the default).
    #[default]
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
    pub fn unit(self) -> rust_decimal::Decimal {
        rust_decimal::Decimal::new(1, self.minor_unit)
    }
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
        assert_eq!(Site::default(), Site::International);
    }
}
