//! `simulateLifecycle` and `simulateAccount`: what happens to a resource, or to a whole
//! account's resources on one credit, over time: when bills fall due and the credit
//! cannot pay one, when the customer tops up, renews or releases, and what each
//! product's rules do then.
//!
//! - `answer.rs`: what the answers hold (timeline events, states and parts as enums).
//! - `product.rs`: the one interface the engine calls (the trait `Rules`) and the state
//!   every resource has; `subscription.rs`: a subscription's term and auto-renewals.
//! - `cloud_phone.rs`, `ecs.rs`, `iot.rs`: each product's lifecycle rules.
//! - `request.rs`, `account_request.rs`: requests read into a `Setup`.
//! - `engine.rs`: the event-driven engine (bills in closed form between events, a
//!   priority queue of deadlines); `account.rs`: the account's answer and `keepRunning`.

mod account;
mod account_request;
mod answer;
mod cloud_phone;
mod ecs;
mod engine;
mod iot;
mod product;
mod request;
#[cfg(test)]
mod stepwise;
mod subscription;

pub use account::simulate_account;
pub use account_request::{MAX_ACCOUNT_ITEMS, MAX_ACCOUNT_MONTHS};
pub use answer::{
    Account, AccountEntry, AccountItemOutcome, Entry, Event, Horizon, Interruption, KeepRunning, Lifecycle, Part, Phase, Purchase, ResourceFate,
    ResourceStatus, State, Subscriptions,
};
pub use product::{Clock, DailyBills};

pub use request::{Kind, Rate, MAX_CREDIT, MAX_EVENTS, MAX_HORIZON_MONTHS};

use crate::decode::{Ctx, Value};
use crate::error::Error;

/// Simulates a request given as a [`Value`] (see API.md `simulateLifecycle`).
///
/// ```
/// use alicloud_cost::{decode::Value, simulate_lifecycle};
/// // USD 4.80 at 0.05 an hour lasts 96 h: used up at 00:00 on Dec 5, when the 96th
/// // hourly deduction takes the last 0.05; the next one, at 01:00, is the first the
/// // credit cannot pay: overdue (CP-13, CP-4), released on the 16th day after, Dec 20
/// // at 01:00, with its data (CP-9).
/// let request = Value::from_json_str(r#"{"product": "cloudPhone", "resource": {"billing": "payAsYouGo"},
///     "start": "2026-12-01", "account": {"balance": "4.80"}, "costPerHour": "0.05"}"#)?;
/// let l = simulate_lifecycle(&request)?;
/// assert_eq!(l.credit_runs_out_at.unwrap().to_rfc3339(), "2026-12-05T00:00:00+08:00");
/// assert_eq!(l.data_deleted_at.unwrap().to_rfc3339(), "2026-12-20T01:00:00+08:00");
/// # Ok::<(), alicloud_cost::Error>(())
/// ```
pub fn simulate_lifecycle(request: &Value) -> Result<Lifecycle, Error> {
    let ctx = Ctx::of(request)?;
    let setup = request::decode(request, &ctx)?;
    let run = engine::run(&setup, false)?;
    Ok(lifecycle(&setup, run))
}

/// One resource's run as simulateLifecycle answers it.
fn lifecycle(setup: &request::Setup, run: engine::Run) -> Lifecycle {
    let end = run.end;
    let left_out = run.left_out_warning(&setup.ctx);
    let timeline: Vec<Entry> = run
        .timeline
        .into_iter()
        .map(|e| Entry {
            at: e.at,
            event: e.event,
            state: e.state.unwrap_or(State::Running),
            service_available: e.serves.unwrap_or(true),
            billing: e.bills.unwrap_or(false),
            credit: e.credit,
            effects: e.effects,
            rules: e.rules,
        })
        .collect();
    let outcome = run.outcomes.into_iter().next();
    let resource = setup.resources.first();
    let mut warnings = outcome.as_ref().map(|o| o.warnings.clone()).unwrap_or_default();
    warnings.extend(left_out);
    if resource.is_some_and(|r| r.rate.is_some()) && setup.credit.is_none() && setup.overdue_at.is_none() {
        warnings.push(crate::bill::Warning::new("runway_not_predicted", text!(setup.ctx, "lifecycle.runwayNotPredicted"), &[]));
    }
    let resources = outcome
        .as_ref()
        .map(|o| {
            o.fates
                .iter()
                .map(|fate| {
                    let phases = fate
                        .changes
                        .iter()
                        .enumerate()
                        .map(|(i, (from, status))| Phase { from: *from, to: fate.changes.get(i + 1).map_or(end, |next| next.0), status: *status })
                        .collect();
                    ResourceFate { resource: fate.part, phases, rules: fate.rules.clone() }
                })
                .collect()
        })
        .unwrap_or_default();
    Lifecycle {
        product: resource.map_or(crate::bill::Product::CloudPhone, |r| r.rules.product()),
        currency: product::currency(&setup.ctx).code,
        horizon: Horizon { from: setup.start, to: end },
        final_state: outcome.as_ref().map_or(State::Running, |o| o.state),
        timeline,
        data_deleted_at: outcome.as_ref().and_then(|o| o.data_deleted_at),
        last_safe_moment: outcome.as_ref().and_then(|o| o.first_interruption).map(|at| at.plus_seconds(-1)),
        credit_runs_out_at: run.credit_runs_out_at,
        resources,
        billed: outcome.map_or(rust_decimal::Decimal::ZERO, |o| o.billed),
        warnings,
    }
}
