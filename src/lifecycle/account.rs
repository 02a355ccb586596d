//! `simulateAccount`: one credit pays for a whole setup. The engine runs the account's
//! resources on the shared credit; this shapes its run into the answer, and finds
//! `keepRunning` in one pass.
//!
//! `keepRunning.topUp` is the smallest top-up at `start`, in the currency's unit (cents,
//! or yen), with which every payment (the subscriptions bought at `start`, every deduction, every auto-renewal)
//! is paid when it falls due up to `until`, as with unlimited credit. Over the run with
//! unlimited credit it is max(0, required - credit), where required is the most by
//! which the payments up to a moment exceed the caller's top-ups before it: the
//! payments only grow between two top-ups, so the moments to look at are each top-up
//! and `until` (a run that paid everything when due is that run; otherwise the engine
//! runs once more with unlimited credit). With top-ups between the attempts of an
//! auto-renewal, a smaller credit that fails a first attempt and pays a later one also
//! keeps everything serving: "keeps running" is then not monotone in the credit, and
//! this is the exact figure for the stricter reading.

use super::account_request::decode;
use super::answer::{Account, AccountEntry, AccountItemOutcome, Horizon, Interruption, KeepRunning, Purchase};
use super::engine::{run, Run};
use super::product::{currency, money, rounding, Exact};
use super::request::Setup;
use crate::bill::Warning;
use crate::decode::{Ctx, Value};
use crate::error::Error;
use rust_decimal::Decimal;

/// Simulates an account given as a [`Value`] (see API.md `simulateAccount`).
///
/// ```
/// use alicloud_cost::{decode::Value, simulate_account};
/// // USD 10 pays two pay-as-you-go phones of acp.basic.small at 0.0457 an hour (0.0914
/// // together): deducted on the hour (CP-13), 109 hours cost 9.9626 and leave 0.0374,
/// // so the 110th deduction, at 14:00 on Dec 5 (UTC+8), is the first the credit cannot
/// // pay; the phones are released with their data 15 days later (CP-9).
/// let request = Value::from_json_str(r#"{"start": "2026-12-01", "account": {"balance": "10"},
///     "items": [{"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland",
///                "billing": "payAsYouGo", "quantity": 2}]}"#)?;
/// let account = simulate_account(&request)?;
/// assert_eq!(account.first_interruption.unwrap().at.to_rfc3339(), "2026-12-05T14:00:00+08:00");
/// # Ok::<(), alicloud_cost::Error>(())
/// ```
pub fn simulate_account(request: &Value) -> Result<Account, Error> {
    let ctx = Ctx::of(request)?;
    let setup = decode(request, &ctx)?;
    let simulated = run(&setup, false)?;
    let keep_running = match setup.until {
        Some(until) => Some(KeepRunning { until, top_up: keep_running(&setup, &simulated)? }),
        None => None,
    };
    Ok(answer(&setup, simulated, keep_running))
}

/// The smallest top-up at `start`, in the currency's unit, that pays every payment when it falls due
/// (see the module's comment).
fn keep_running(setup: &Setup, as_given: &Run) -> Result<Decimal, Error> {
    let required = if as_given.clean { as_given.required } else { run(setup, true)?.required };
    Ok(top_up_for(required, setup.credit.unwrap_or_default(), &setup.ctx))
}

/// The top-up, in whole units of the currency (cents, or yen: SITE-3), with which
/// `credit` pays `required` (exact: no bill of part of an hour was ever divided).
pub(super) fn top_up_for(required: Exact, credit: Decimal, ctx: &Ctx) -> Decimal {
    let unit = currency(ctx).unit();
    let short = required - Exact::of(credit);
    let units = (short.0 / unit / Decimal::from(super::product::DAY)).ceil().max(Decimal::ZERO);
    rounding(ctx).apply(units * unit)
}

fn answer(setup: &Setup, run: Run, keep_running: Option<KeepRunning>) -> Account {
    let ctx = &setup.ctx;
    let mut warnings: Vec<Warning> = Vec::new();
    // The credit could not buy a subscription: the first thing the answer says.
    let refused: Vec<String> = run
        .outcomes
        .iter()
        .zip(&setup.resources)
        .enumerate()
        .filter(|(_, (outcome, _))| outcome.purchase == Some(Purchase::Refused))
        .map(|(index, (_, resource))| text!(ctx, "account.refusedItem", n = index + 1, description = resource.description.as_str(), price = money(ctx, resource.prepaid)))
        .collect();
    if !refused.is_empty() {
        let credit = money(ctx, setup.credit.unwrap_or_default());
        let message = text!(ctx, "account.purchasesRefused", credit = credit, items = refused.join(&text!(ctx, "list.separator")));
        warnings.push(Warning::new("purchase_refused", message, &[]));
    }
    warnings.extend(run.left_out_warning(ctx));
    let mut items = Vec::with_capacity(run.outcomes.len());
    for (index, (outcome, resource)) in run.outcomes.into_iter().zip(&setup.resources).enumerate() {
        for warning in outcome.warnings {
            if !warnings.iter().any(|w| w.code == warning.code) {
                warnings.push(warning);
            }
        }
        items.push(AccountItemOutcome {
            index,
            product: resource.rules.product(),
            description: resource.description.clone(),
            final_state: outcome.state,
            data_deleted_at: outcome.data_deleted_at,
            last_safe_moment: outcome.first_interruption.map(|at| at.plus_seconds(-1)),
            prepaid: rounding(ctx).apply(resource.prepaid),
            purchase: outcome.purchase,
            billed: outcome.billed,
        });
    }
    let timeline = run
        .timeline
        .into_iter()
        .map(|e| AccountEntry {
            at: e.at,
            item: e.item,
            event: e.event,
            state: e.state,
            service_available: e.serves,
            credit: e.credit.unwrap_or_default(),
            effects: e.effects,
            rules: e.rules,
        })
        .collect();
    let first_interruption = run.first_interruption.map(|(at, item, event)| Interruption { at, item, event });
    Account {
        currency: currency(ctx).code,
        subscriptions: setup.subscriptions,
        horizon: Horizon { from: setup.start, to: run.end },
        credit_runs_out_at: run.credit_runs_out_at,
        last_safe_moment: first_interruption.as_ref().map(|i| i.at.plus_seconds(-1)),
        first_interruption,
        timeline,
        prepaid: rounding(ctx).apply(run.prepaid),
        billed: items.iter().map(|i| i.billed).sum(),
        items,
        final_credit: run.credit.map(|c| rounding(ctx).apply(c)),
        keep_running,
        warnings,
    }
}
