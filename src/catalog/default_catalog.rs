//! The embedded default catalog: the numbers published in the seeds, verbatim.
//! To add a spec or change a price, edit this table (and its source) only.

use super::{Catalog, CloudPhoneCatalog, CloudPhoneSpec, EcsCatalog, IotCatalog, NewPublicLimits, Source, SpecPrice};
use rust_decimal_macros::dec;

/// The catalog version echoed by every quote: the newest "Last Updated" date of the
/// seeds it is built from.
pub const DEFAULT_CATALOG_VERSION: &str = "2026-06-17";

fn source(seed: &str, document: &str, as_of: Option<&str>, rules: &[&str]) -> Source {
    Source {
        seed: seed.to_string(),
        document: document.to_string(),
        as_of: as_of.map(str::to_string),
        rules: rules.iter().map(|r| r.to_string()).collect(),
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

fn price(monthly: rust_decimal::Decimal, hourly: rust_decimal::Decimal) -> SpecPrice {
    SpecPrice { monthly, hourly }
}

pub fn default_catalog() -> Catalog {
    Catalog {
        version: DEFAULT_CATALOG_VERSION.to_string(),
        currency: "USD".to_string(),
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
            message_price: dec!(0.8),             // IOT-16: USD 0.8 ...
            messages_per_price_unit: 1_000_000,   // IOT-16: ... per 1,000,000 messages
            free_messages_per_month: 1_000_000,   // IOT-17
            living_device_price_per_day: dec!(0.003), // IOT-19
            free_living_devices_per_day: 10,      // IOT-19
            enterprise_specs: Vec::new(),         // IOT-4: no published price
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
