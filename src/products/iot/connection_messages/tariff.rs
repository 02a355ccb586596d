//! How a tariff's graduated tiers split a month's units (IOT-27). The tariffs themselves
//! (prices per site, with their sources, SITE-2) are catalog data:
//! `crate::catalog::connection_messages`.

pub use crate::catalog::connection_messages::{
    published_tariff, Model, Origin, Price, Tariff, Tier, BASIC_PRO, CONNECTION_AND_MESSAGES, MESSAGE_TIERS_FIELD, MINUTE_PRICE_FIELD, SECOND_TIER_ABOVE,
    THIRD_TIER_ABOVE,
};

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
    use crate::site::Site;

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
