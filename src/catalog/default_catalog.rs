//! The embedded catalogs, one per site: the numbers published in the seeds and the dated
//! pages, verbatim, each in the currency its document states (SITE-1). To add a spec or
//! change a price, edit this table (and its source) only.

use super::{connection_messages, Catalog, CloudPhoneCatalog, CloudPhoneSpec, EcsCatalog, IotCatalog, NewPublicLimits, Source, SpecPrice};
use crate::site::Site;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// The catalog version echoed by every quote: the newest "Last Updated" date of the
/// seeds it is built from.
pub const DEFAULT_CATALOG_VERSION: &str = "2026-06-17";

pub(super) fn source(seed: &str, document: &str, as_of: Option<&str>, rules: &[&str]) -> Source {
    Source {
        seed: seed.to_string(),
        document: document.to_string(),
        as_of: as_of.map(str::to_string),
        rules: rules.iter().map(|r| r.to_string()).collect(),
        address: None,
    }
}

/// One row of the CP-6 price table: spec, edition, (vCPU, memory GiB, storage GiB),
/// then the mainland and the international (monthly, hourly) prices.
fn spec(
    id: &str,
    edition: &str,
    (vcpu, memory_gib, storage_gib): (u32, u32, u32),
    mainland: SpecPrice,
    international: SpecPrice,
) -> CloudPhoneSpec {
    CloudPhoneSpec {
        id: id.to_string(),
        edition: edition.to_string(),
        vcpu: Some(vcpu),
        memory_gib: Some(memory_gib),
        storage_gib: Some(storage_gib),
        mainland,
        international,
    }
}

/// CP-6's USD prices, on the international site only: seed 003 states no other
/// currency, so elsewhere a spec has its hardware and no price (SITE-1).
fn usd_only(site: Site) -> impl Fn(Decimal, Decimal) -> SpecPrice {
    move |monthly, hourly| match site {
        Site::International => SpecPrice { monthly: Some(monthly), hourly: Some(hourly) },
        Site::China | Site::Japan => SpecPrice { monthly: None, hourly: None },
    }
}

/// The international site's catalog (USD): every price the seeds publish.
pub fn default_catalog() -> Catalog {
    site_catalog(Site::International)
}

/// `site`'s catalog: the prices published in its currency (SITE-1, SITE-2). Seeds 002 and
/// 003 publish USD only; the connection-and-messages generation has CNY and JPY prices.
pub fn site_catalog(site: Site) -> Catalog {
    let price = usd_only(site);
    let usd = |amount: Decimal| (site == Site::International).then_some(amount);
    Catalog {
        version: DEFAULT_CATALOG_VERSION.to_string(),
        site: site.id(),
        currency: site.currency().code,
        cloud_phone: CloudPhoneCatalog {
            source: source("003_e741d612e9202b56.txt", "Cloud Phone: Billing", Some("2026-03-10"), &["CP-3", "CP-6"]),
            // CP-3: "It ends at the conclusion of the 4-hour billing period during which the
            // instance group is released."
            billing_period_hours: 4,
            // CP-13: "groups created on or after 2025-05-06 00:00:00 (UTC+8)" get the
            // 4-hour period; earlier groups keep the 1-second unit.
            periods_since: crate::time::Instant(1_746_460_800), // 2025-05-06T00:00:00+08:00 (a test checks it)
            periods_since_source: source(
                "page",
                "Announcement on the change of billing unit duration for pay-as-you-go Cloud Phone (alibabacloud.com notice)",
                Some("2025-04-21"),
                &["CP-13"],
            ),
            // CP-6, seed 003 "Specifications and Pricing", USD.
            specs: vec![
                spec("acp.basic.small", "Lightweight", (2, 4, 32), price(dec!(9.9057), dec!(0.0457)), price(dec!(15.3538), dec!(0.0709))),
                spec("acp.std.small", "General-purpose", (4, 4, 32), price(dec!(13.8679), dec!(0.0579)), price(dec!(21.4953), dec!(0.0898))),
                spec("acp.std.medium", "Balanced", (3, 6, 32), price(dec!(14.9347), dec!(0.0610)), price(dec!(23.1488), dec!(0.0945))),
                spec("acp.std.large", "Medium", (4, 8, 32), price(dec!(21.3353), dec!(0.0808)), price(dec!(33.0697), dec!(0.1252))),
                spec("acp.perf.large", "Compute-optimized", (8, 16, 32), price(dec!(36.4224), dec!(0.1524)), price(dec!(56.4546), dec!(0.2362))),
            ],
        },
        iot: IotCatalog {
            // Seed 002 states no date.
            source: source("002_2c27bf60224c7322.txt", "IoT Platform billing policy", None, &["IOT-15", "IOT-16", "IOT-17", "IOT-19"]),
            message_unit_bytes: 512,              // IOT-15
            message_price: usd(dec!(0.8)),        // IOT-16: USD 0.8 ...
            messages_per_price_unit: 1_000_000,   // IOT-16: ... per 1,000,000 messages
            free_messages_per_month: 1_000_000,   // IOT-17
            living_device_price_per_day: usd(dec!(0.003)), // IOT-19
            free_living_devices_per_day: 10,      // IOT-19
            enterprise_specs: Vec::new(),         // IOT-4: no published price
            connection_and_messages: connection_messages::published_tariff(site), // IOT-26, IOT-27, SITE-2
            categories: Vec::new(),               // named in catalog()'s answer
            new_public_limits: NewPublicLimits {
                source: source("page", "IoT Platform billing overview (help.aliyun.com, product overview)", None, &["IOT-24"]),
                online_devices: 50,
                devices: 500,
                messaging_tps: dec!(5),
                forwarding_tps: dec!(5),
            },
        },
        ecs: EcsCatalog { instance_types: Vec::new() }, // ECS-9: no published price
        policies: crate::policy::default_policies(),
        rules: Vec::new(),
    }
}
