//! The catalog: every price and billing unit the calculator uses, as data with its
//! source document and "as of" date. The embedded default ([`default_catalog`]) holds
//! only what the seeds publish; anything else (ECS prices, Enterprise Edition
//! prices, NAT Gateway and EIP rates) comes from the caller.

mod default_catalog;
mod overrides;

pub use default_catalog::{default_catalog, DEFAULT_CATALOG_VERSION};
pub use overrides::apply_overrides;

use crate::messages::Locale;
use crate::money::{serialize_decimal, serialize_optional_decimal};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde::Serialize;

/// Highest unit price accepted from a caller (USD 1e9): with the quantity and time
/// limits of `bill::limits`, no amount can overflow an exact decimal.
pub const MAX_PRICE: Decimal = dec!(1_000_000_000);

/// Where a group of prices or rules comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// The seed file in `shared/seeds/`, "caller" for caller-supplied data, or "page"
    /// for a dated public page beyond the seeds (named in `document`).
    pub seed: String,
    /// The document's title.
    pub document: String,
    /// The document's "Last Updated" date, when it states one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// The RULES.md IDs this data serves.
    pub rules: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    /// Identifies the price set; quotes echo it as `catalogVersion`.
    pub version: String,
    pub currency: String,
    pub cloud_phone: CloudPhoneCatalog,
    pub iot: IotCatalog,
    pub ecs: EcsCatalog,
    /// Lifecycle day counts and grace periods, each with its rule and source.
    pub policies: crate::policy::Policies,
    /// Every billing rule explained for a customer, in the request's language, with its
    /// document (issue 16); only in `catalog()`'s answer.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<crate::rules::RuleText>,
}

/// The embedded catalog, built once and shared: building it for every call was a tenth
/// of a one-item quote (issue 15).
pub fn shared_default() -> &'static Catalog {
    static DEFAULT: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    DEFAULT.get_or_init(default_catalog)
}

/// The catalog a request prices with: the shared default, or the default with the
/// request's `catalog` overrides, built in `overridden`. A fresh build rather than a
/// clone of the shared one: `Clone` for the catalog costs 0.9 KB of wasm.
pub fn requested<'a>(fields: &crate::decode::Fields<'_>, overridden: &'a mut Option<Catalog>) -> Result<&'a Catalog, crate::error::Error> {
    match fields.get("catalog") {
        None => Ok(shared_default()),
        Some(overrides) => {
            let catalog = overridden.insert(default_catalog());
            apply_overrides(catalog, &overrides)?;
            Ok(catalog)
        }
    }
}

/// `catalog({ locale })`: the embedded catalog with the rules explained in `locale`. The
/// options object takes only `locale`; absent options mean English.
pub fn catalog_for(options: &crate::decode::Value) -> Result<Catalog, crate::error::Error> {
    let ctx = crate::decode::Ctx::of(options)?;
    // Checked in the options' own language, as every request's fields are.
    if !matches!(options, crate::decode::Value::Null) {
        crate::decode::Node::root(options, &ctx).object()?.only(&["locale"])?;
    }
    let mut catalog = default_catalog();
    catalog.rules = crate::rules::rule_texts(ctx.locale);
    Ok(catalog)
}

/// Region groups of the Cloud Phone price table (CP-6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Region {
    /// Regions in the Chinese mainland.
    Mainland,
    /// Hong Kong (China) and regions outside China.
    International,
}

impl Region {
    pub const ALL: [(&'static str, Region); 2] = [("mainland", Region::Mainland), ("international", Region::International)];

    /// The region group's name for a person (CP-6).
    pub fn label(self) -> crate::messages::Key {
        match self {
            Region::Mainland => key!("region.mainland"),
            Region::International => key!("region.international"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CloudPhoneCatalog {
    pub source: Source,
    /// Pay-as-you-go bills whole periods of this many hours of the group's lifetime (CP-3).
    pub billing_period_hours: u32,
    /// CP-13: the periods apply to groups created at or after this instant; a group
    /// created before it keeps the 1-second unit at the same hourly price.
    pub periods_since: crate::time::Instant,
    /// Where `periods_since` comes from: a dated notice beyond the seeds.
    pub periods_since_source: Source,
    pub specs: Vec<CloudPhoneSpec>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CloudPhoneSpec {
    /// The specification's English name, e.g. "acp.basic.small".
    pub id: String,
    /// The instance edition, e.g. "Lightweight".
    pub edition: String,
    /// Hardware, where known (a caller's custom spec may leave it out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vcpu: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory_gib: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage_gib: Option<u32>,
    pub mainland: SpecPrice,
    pub international: SpecPrice,
}

impl CloudPhoneSpec {
    /// "Lightweight, 2 vCPU / 4 GiB / 32 GiB", or just the edition when the hardware is unknown.
    pub fn summary(&self, locale: Locale) -> String {
        match (self.vcpu, self.memory_gib, self.storage_gib) {
            (Some(c), Some(m), Some(s)) => text!(locale, "cp.summary", edition = self.edition_label(locale), vcpu = c, memory = m, storage = s),
            _ => self.edition_label(locale),
        }
    }

    /// The edition in `locale`: the seed's editions have their Chinese names
    /// (GLOSSARY-zh.md); a caller's own edition is shown as written.
    pub fn edition_label(&self, locale: Locale) -> String {
        let key = match self.edition.as_str() {
            "Lightweight" => key!("cp.edition.lightweight"),
            "General-purpose" => key!("cp.edition.generalPurpose"),
            "Balanced" => key!("cp.edition.balanced"),
            "Medium" => key!("cp.edition.medium"),
            "Compute-optimized" => key!("cp.edition.computeOptimized"),
            _ => return self.edition.clone(),
        };
        key.render(locale)
    }

    pub fn price(&self, region: Region) -> &SpecPrice {
        match region {
            Region::Mainland => &self.mainland,
            Region::International => &self.international,
        }
    }
}

/// One spec's prices in one region group (CP-6).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpecPrice {
    /// Subscription, USD per phone per month.
    #[serde(serialize_with = "serialize_decimal")]
    pub monthly: Decimal,
    /// Pay-as-you-go, USD per phone per hour.
    #[serde(serialize_with = "serialize_decimal")]
    pub hourly: Decimal,
}

/// Legacy public instance rates (IOT-15..IOT-19).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IotCatalog {
    pub source: Source,
    /// One billable message is at most this many bytes (IOT-15).
    pub message_unit_bytes: u64,
    /// USD per `messages_per_price_unit` billable messages (IOT-16).
    #[serde(serialize_with = "serialize_decimal")]
    pub message_price: Decimal,
    pub messages_per_price_unit: u64,
    /// Free billable messages each calendar month in UTC+8 (IOT-17).
    pub free_messages_per_month: u64,
    /// USD per living device per day beyond the free ones (IOT-19).
    #[serde(serialize_with = "serialize_decimal")]
    pub living_device_price_per_day: Decimal,
    /// Free living devices per account per day (IOT-19).
    pub free_living_devices_per_day: u64,
    /// Enterprise Edition specs with the caller's monthly prices (IOT-4: none are
    /// published, so the embedded catalog has none).
    pub enterprise_specs: Vec<EnterpriseSpec>,
    /// What a free new public instance holds (IOT-24).
    pub new_public_limits: NewPublicLimits,
}

/// The fixed specification of a free new public instance (IOT-24).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewPublicLimits {
    pub source: Source,
    /// Concurrent online devices.
    pub online_devices: u64,
    /// Devices that may be created.
    pub devices: u64,
    #[serde(serialize_with = "serialize_decimal")]
    pub messaging_tps: Decimal,
    #[serde(serialize_with = "serialize_decimal")]
    pub forwarding_tps: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnterpriseSpec {
    pub id: String,
    #[serde(serialize_with = "serialize_decimal")]
    pub monthly_price: Decimal,
    /// Capacities, for sizing a fleet (IOT-23); a spec without all three is never picked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub online_devices: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "serialize_optional_decimal")]
    pub messaging_tps: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "serialize_optional_decimal")]
    pub forwarding_tps: Option<Decimal>,
}

/// ECS instance types with the caller's prices (ECS-9: none are published).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EcsCatalog {
    pub instance_types: Vec<EcsInstanceType>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EcsInstanceType {
    /// For example "ecs.g7.large".
    pub id: String,
    /// Pay-as-you-go, USD per instance per hour.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "serialize_optional_decimal")]
    pub hourly: Option<Decimal>,
    /// Subscription, USD per instance per month.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "serialize_optional_decimal")]
    pub monthly: Option<Decimal>,
}

/// A price supplied by the caller (an override, an ECS or Enterprise Edition price,
/// a NAT Gateway rate): a decimal from 0 to [`MAX_PRICE`]; a negative price is `out_of_range`.
pub fn caller_price(node: &crate::decode::Node<'_>) -> Result<Decimal, crate::error::Error> {
    node.decimal_in(Decimal::ZERO, true, MAX_PRICE)
}

impl Catalog {
    pub fn cloud_phone_spec(&self, id: &str) -> Option<&CloudPhoneSpec> {
        self.cloud_phone.specs.iter().find(|s| s.id == id)
    }
}
