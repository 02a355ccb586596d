//! `simulateLifecycle`: what happens to a resource over time when it expires, when
//! the account runs out of money, and when the customer tops up, renews or releases.
//!
//! The simulation is event-driven: it jumps from one moment that matters to the next
//! (a caller event, or the nearest deadline the current state implies: the credit
//! running out, a deduction retry, a stop, a release, an auto-renewal attempt), so a
//! century costs what its events cost, not a step per hour.
//!
//! Conventions (each a **Choice** where the seeds leave it open, tested in
//! `tests/lifecycle.rs`):
//! - A deadline is the first moment its consequence happens. A payment at that very
//!   moment is too late, so `lastSafeMoment` is one second before the first
//!   interruption of service.
//! - Day counts are whole 24-hour days from the triggering moment (see `policy`).
//! - Cost accrues continuously at the caller's rate; the credit runs out at the first
//!   whole second at which it is used up. Cloud Phone and ECS become overdue then;
//!   an IoT legacy public instance is billed per day (IOT-18), so it becomes overdue
//!   when the bill of the billing day in which the credit ran out is generated: at
//!   the day's end, UTC+8 (IOT-9 allows up to 4 hours more).
//! - A top-up that covers what is owed settles it at once; a manual renewal does not
//!   touch the balance (CP-8: it may be paid online), an auto-renewal does (IOT-10).

mod account;
mod account_request;
mod cloud_phone;
mod ecs;
mod engine;
mod iot;
mod request;

pub use account::{simulate_account, Account, AccountEntry, AccountItemOutcome, Interruption, KeepRunning};

pub use request::{Kind, Plan, MAX_CREDIT, MAX_EVENTS, MAX_HORIZON_MONTHS};

use crate::decode::{Ctx, Value};
use crate::error::Error;
use crate::money::{serialize_decimal, serialize_optional_decimal};
use crate::quote::{Product, Warning};
use crate::time::Instant;
use rust_decimal::Decimal;
use serde::Serialize;

/// Where a resource stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
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
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
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
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ResourceFate {
    pub resource: &'static str,
    pub phases: Vec<Phase>,
    pub rules: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Phase {
    pub from: Instant,
    pub to: Instant,
    pub status: ResourceStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
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
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Horizon {
    pub from: Instant,
    pub to: Instant,
}

#[derive(Debug, Clone, PartialEq, Serialize)]

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
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
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<ResourceFate>,
    /// Pay-as-you-go charges over the horizon plus renewals paid, rounded half-up to cents.
    #[serde(serialize_with = "serialize_decimal")]
    pub billed: Decimal,
    pub warnings: Vec<Warning>,
}

/// Simulates a request given as a [`Value`] (see API.md `simulateLifecycle`).
///
/// ```
/// use alicloud_cost::{decode::Value, simulate_lifecycle};
/// // USD 4.80 at 0.05 an hour lasts 96 h: overdue on Dec 5 (CP-4), released on the
/// // 16th day after, Dec 20, with its data (CP-9).
/// let request = Value::from_json_str(r#"{"product": "cloudPhone", "resource": {"billing": "payAsYouGo"},
///     "start": "2026-12-01", "account": {"balance": "4.80"}, "costPerHour": "0.05"}"#)?;
/// let l = simulate_lifecycle(&request)?;
/// assert_eq!(l.credit_runs_out_at.unwrap().to_rfc3339(), "2026-12-05T00:00:00+08:00");
/// assert_eq!(l.data_deleted_at.unwrap().to_rfc3339(), "2026-12-20T00:00:00+08:00");
/// # Ok::<(), alicloud_cost::Error>(())
/// ```
pub fn simulate_lifecycle(request: &Value) -> Result<Lifecycle, Error> {
    let ctx = Ctx::of(request)?;
    engine::run(&request::decode(request, &ctx)?)
}
