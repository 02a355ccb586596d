//! The catalog: every price and billing unit the calculator uses, as data with its
//! source document and "as of" date. The embedded default ([`default_catalog`]) holds
//! only what the seeds publish; anything else (ECS prices, Enterprise Edition
//! prices, NAT Gateway and EIP rates) comes from the caller.

mod categories;
pub mod connection_messages;
mod default_catalog;
mod overrides;

pub use categories::{Billability, Category, CategoryInfo, CATEGORIES};
pub use default_catalog::{default_catalog, site_catalog, DEFAULT_CATALOG_VERSION};
pub use overrides::apply_overrides;

use crate::decode::{Ctx, Fields, Node, Value};
use crate::error::{Error, ErrorCode};
use crate::messages::Locale;
use crate::money::serialize_optional_decimal;
use crate::site::Site;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde::Serialize;

/// Highest unit price accepted from a caller (1e9 of the site's currency): with the
/// quantity and time limits of `bill::limits`, no amount can overflow an exact decimal.
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
    /// Where the document is published, for a page beyond the seeds that has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    /// Identifies the price set; quotes echo it as `catalogVersion`.
    pub version: String,
    /// The site whose published prices these are (SITE-1).
    pub site: &'static str,
    /// The one currency of every price here and of every answer priced with it (SITE-1).
    pub currency: &'static str,
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

/// The international site's embedded catalog, built once and shared: building it for
/// every call was a tenth of a one-item quote (issue 15).
pub fn shared_default() -> &'static Catalog {
    shared(Site::International)
}

/// `site`'s embedded catalog, built once and shared.
pub fn shared(site: Site) -> &'static Catalog {
    static SITES: [std::sync::OnceLock<Catalog>; 3] = [std::sync::OnceLock::new(), std::sync::OnceLock::new(), std::sync::OnceLock::new()];
    SITES[site as usize].get_or_init(|| site_catalog(site))
}

/// The catalog a request prices with: its site's shared catalog, or that catalog with
/// the request's `catalog` overrides (in the site's currency), built in `overridden`. A
/// fresh build rather than a clone of the shared one: `Clone` for the catalog costs
/// 0.9 KB of wasm.
pub fn requested<'a>(fields: &Fields<'_>, overridden: &'a mut Option<Catalog>) -> Result<&'a Catalog, Error> {
    let site = fields.ctx().site;
    match fields.get("catalog") {
        None => Ok(shared(site)),
        Some(overrides) => {
            let catalog = overridden.insert(site_catalog(site));
            apply_overrides(catalog, &overrides)?;
            Ok(catalog)
        }
    }
}

/// `catalog({ locale, site })`: the site's embedded catalog (its currency and the prices it
/// publishes, with their sources), with the rules explained and the IoT message categories
/// named in `locale`. Absent options mean English on the international site.
pub fn catalog_for(options: &Value) -> Result<Catalog, Error> {
    let ctx = Ctx::of(options)?;
    // Checked in the options' own language, as every request's fields are.
    if !matches!(options, Value::Null) {
        Node::root(options, &ctx).object()?.only(&Ctx::FIELDS)?;
    }
    let mut catalog = site_catalog(ctx.site);
    catalog.rules = crate::rules::rule_texts(ctx.locale);
    catalog.iot.categories = CATEGORIES.iter().map(|c| c.info(ctx.locale)).collect();
    Ok(catalog)
}

/// SITE-1: the request's site publishes no price in its currency for what the item at
/// `item` bills: `price_not_published` at the item, naming what is missing (`what`, in
/// the request's language) and the field of the request's `catalog` that supplies it.
pub fn price_not_published(item: &Fields<'_>, what: &str, field: &str) -> Error {
    let ctx = item.ctx();
    Error::new(
        ErrorCode::PriceNotPublished,
        item.path(),
        text!(ctx, "site.priceNotPublished", site = site_name(ctx.site), currency = ctx.currency().code, what = what, field = field),
    )
}

/// "the China site", for a person.
pub fn site_name(site: Site) -> crate::messages::Key {
    match site {
        Site::International => key!("site.international"),
        Site::China => key!("site.china"),
        Site::Japan => key!("site.japan"),
    }
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

/// One spec's prices in one region group (CP-6), in the catalog's currency; `None` where
/// the site publishes none (seed 003's prices are USD only, SITE-1).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpecPrice {
    /// Subscription, per phone per month.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "serialize_optional_decimal")]
    pub monthly: Option<Decimal>,
    /// Pay-as-you-go, per phone per hour.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "serialize_optional_decimal")]
    pub hourly: Option<Decimal>,
}

/// Legacy public instance rates: seed 002's Basic and Pro (IOT-15..IOT-19), and the
/// connection-and-messages generation (IOT-25..IOT-30) of the site.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IotCatalog {
    pub source: Source,
    /// One billable message is at most this many bytes (IOT-15).
    pub message_unit_bytes: u64,
    /// Per `messages_per_price_unit` billable messages (IOT-16); USD only (SITE-1).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "serialize_optional_decimal")]
    pub message_price: Option<Decimal>,
    pub messages_per_price_unit: u64,
    /// Free billable messages each calendar month in UTC+8 (IOT-17).
    pub free_messages_per_month: u64,
    /// Per living device per day beyond the free ones (IOT-19); USD only (SITE-1).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "serialize_optional_decimal")]
    pub living_device_price_per_day: Option<Decimal>,
    /// Free living devices per account per day (IOT-19).
    pub free_living_devices_per_day: u64,
    /// The connection-and-messages generation's prices on this site (IOT-26, IOT-27, SITE-2).
    pub connection_and_messages: connection_messages::Tariff,
    /// The message categories (IOT-13, IOT-14), named in the request's language; only in
    /// `catalog()`'s answer.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<CategoryInfo>,
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
    #[serde(serialize_with = "crate::money::serialize_decimal")]
    pub messaging_tps: Decimal,
    #[serde(serialize_with = "crate::money::serialize_decimal")]
    pub forwarding_tps: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnterpriseSpec {
    pub id: String,
    #[serde(serialize_with = "crate::money::serialize_decimal")]
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
    /// Pay-as-you-go, per instance per hour.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "serialize_optional_decimal")]
    pub hourly: Option<Decimal>,
    /// Subscription, per instance per month.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "serialize_optional_decimal")]
    pub monthly: Option<Decimal>,
}

/// A price supplied by the caller (an override, an ECS or Enterprise Edition price,
/// a NAT Gateway rate): a decimal from 0 to [`MAX_PRICE`]; a negative price is `out_of_range`.
pub fn caller_price(node: &Node<'_>) -> Result<Decimal, Error> {
    node.decimal_in(Decimal::ZERO, true, MAX_PRICE)
}

impl Catalog {
    pub fn cloud_phone_spec(&self, id: &str) -> Option<&CloudPhoneSpec> {
        self.cloud_phone.specs.iter().find(|s| s.id == id)
    }
}
