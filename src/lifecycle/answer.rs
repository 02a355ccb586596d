//! What `simulateLifecycle` and `simulateAccount` answer: the timeline of a resource or
//! of an account, the states and the fates of a resource's parts. Below the engine that
//! fills them in.

use crate::bill::{Product, Warning};
use crate::money::{serialize_decimal, serialize_optional_decimal};
use crate::time::Instant;
use rust_decimal::Decimal;
use serde::Serialize;

/// Where a resource stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum State {
    Running,
    /// The account owes money. Whether the service still works depends on the product:
    /// see `serviceAvailable` (Cloud Phone: no, CP-9; ECS and IoT: yes, for a while).
    Overdue,
    /// Stopped for an overdue payment: data kept, no service.
    Stopped,
    /// A subscription past its expiry and not renewed: data kept, no service.
    Expired,
    /// Released: the resource and its data are gone.
    Released,
}

/// One moment of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub at: Instant,
    /// camelCase: created, topUp, overdue, deductionRetry, stopped, released, settled,
    /// restarted, restored, expired, renewed, renewRefused, autoRenewAttempt, ...
    pub event: &'static str,
    /// The state right after the event.
    pub state: State,
    /// Whether the customer can use the resource right after the event.
    pub service_available: bool,
    /// Whether pay-as-you-go charges accrue right after the event.
    pub billing: bool,
    /// Balance plus coupons after the event, rounded to cents (negative: owed).
    #[serde(serialize_with = "serialize_optional_decimal")]
    pub credit: Option<Decimal>,
    pub effects: Vec<String>,
    pub rules: Vec<&'static str>,
}

/// What one part of the resource goes through (ECS-5, ECS-2, CP-10).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceFate {
    pub resource: &'static str,
    pub phases: Vec<Phase>,
    pub rules: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Phase {
    pub from: Instant,
    pub to: Instant,
    pub status: ResourceStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ResourceStatus {
    Active,
    /// Exists but cannot be used (ECS-2: a pay-as-you-go disk of a subscription instance while overdue).
    Unavailable,
    /// Kept with its data, but gives no service (stopped, expired).
    Retained,
    Released,
    /// Has its own lifecycle, unaffected by this resource's (an EIP, ECS-5; CP-10).
    Independent,
}

/// The simulated period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Horizon {
    pub from: Instant,
    pub to: Instant,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lifecycle {
    pub product: Product,
    pub currency: &'static str,
    pub horizon: Horizon,
    /// In time order; events at the same moment in the order they took effect.
    pub timeline: Vec<Entry>,
    pub final_state: State,
    /// When the resource's data is deleted, if it is within the horizon.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_deleted_at: Option<Instant>,
    /// The last moment to pay or renew before the service is interrupted, if it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_safe_moment: Option<Instant>,
    /// When the starting credit (balance plus coupons) runs out at the given rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit_runs_out_at: Option<Instant>,
    /// What each part of the resource goes through (ECS-5, ECS-2, CP-10); absent when it has none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<ResourceFate>,
    /// Pay-as-you-go charges over the horizon plus renewals paid, rounded half-up to cents.
    #[serde(serialize_with = "serialize_decimal")]
    pub billed: Decimal,
    pub warnings: Vec<Warning>,
}

/// One moment of the account's timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountEntry {
    pub at: Instant,
    /// The item the entry is about; absent for the account's own entries (a top-up,
    /// the credit running out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<usize>,
    pub event: &'static str,
    /// The item's state right after the event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<State>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_available: Option<bool>,
    /// Balance plus coupons after the event, rounded to cents (negative: owed).
    #[serde(serialize_with = "serialize_decimal")]
    pub credit: Decimal,
    pub effects: Vec<String>,
    pub rules: Vec<&'static str>,
}

/// The first moment an item loses service.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Interruption {
    pub at: Instant,
    pub item: usize,
    pub event: &'static str,
}

/// What one item goes through.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountItemOutcome {
    pub index: usize,
    pub product: Product,
    pub description: String,
    pub final_state: State,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_deleted_at: Option<Instant>,
    /// The last moment to pay or renew before this item loses service, if it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_safe_moment: Option<Instant>,
    /// A subscription's order, paid when it was bought (not from this credit).
    #[serde(serialize_with = "serialize_decimal")]
    pub prepaid: Decimal,
    /// Charged over the simulated period: pay-as-you-go use and renewals, rounded to cents.
    #[serde(serialize_with = "serialize_decimal")]
    pub billed: Decimal,
}

/// The smallest top-up at `start` that keeps every item serving until `until`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeepRunning {
    pub until: Instant,
    #[serde(serialize_with = "serialize_decimal")]
    pub top_up: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub currency: &'static str,
    pub horizon: Horizon,
    /// When the starting credit (balance plus coupons) runs out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit_runs_out_at: Option<Instant>,
    /// One second before the first interruption: the last moment to act.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_safe_moment: Option<Instant>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_interruption: Option<Interruption>,
    /// Every item's events and the account's, in time order.
    pub timeline: Vec<AccountEntry>,
    pub items: Vec<AccountItemOutcome>,
    /// The items' `billed`, summed.
    #[serde(serialize_with = "serialize_decimal")]
    pub billed: Decimal,
    /// The credit at the end, rounded to cents (negative: owed).
    #[serde(serialize_with = "serialize_optional_decimal")]
    pub final_credit: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keep_running: Option<KeepRunning>,
    pub warnings: Vec<Warning>,
}
