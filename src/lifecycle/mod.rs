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
mod answer;
mod cloud_phone;
mod ecs;
mod engine;
mod iot;
mod request;

pub use account::simulate_account;
pub use answer::{
    Account, AccountEntry, AccountItemOutcome, Entry, Horizon, Interruption, KeepRunning, Lifecycle, Phase, ResourceFate, ResourceStatus,
    State,
};

pub use request::{Kind, Plan, MAX_CREDIT, MAX_EVENTS, MAX_HORIZON_MONTHS};

use crate::decode::{Ctx, Value};
use crate::error::Error;

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
