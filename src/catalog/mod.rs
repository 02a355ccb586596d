//! The catalog: every price and billing unit the calculator uses, as data with its
//! source document and "as of" date. The embedded default ([`default_catalog`]) holds
//! only what the seeds publish; anything else (ECS prices, Enterprise Edition
//! prices, NAT Gateway and EIP rates) comes from the caller.

mod default_catalog;

pub use default_catalog::default_catalog;

use crate::money::serialize_decimal;
use rust_decimal::Decimal;
use serde::Serialize;

/// Where a group of prices or rules comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// The seed file in `shared/seeds/` (or "caller" for caller-supplied data).
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

    pub fn name(self) -> &'static str {
        match self {
            Region::Mainland => "mainland",
            Region::International => "international",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CloudPhoneCatalog {
    pub source: Source,
    /// Pay-as-you-go bills whole periods of this many hours of the group's lifetime (CP-3).
    pub billing_period_hours: u32,
    pub specs: Vec<CloudPhoneSpec>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CloudPhoneSpec {
    /// The specification's English name, e.g. "acp.basic.small".
    pub id: String,
    /// The instance edition, e.g. "Lightweight".
    pub edition: String,
    pub vcpu: u32,
    pub memory_gib: u32,
    pub storage_gib: u32,
    pub mainland: SpecPrice,
    pub international: SpecPrice,
}

impl CloudPhoneSpec {
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
}

impl Catalog {
    pub fn cloud_phone_spec(&self, id: &str) -> Option<&CloudPhoneSpec> {
        self.cloud_phone.specs.iter().find(|s| s.id == id)
    }
}
