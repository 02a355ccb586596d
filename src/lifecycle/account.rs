//! `simulateAccount`: one credit pays for a whole setup. The account owns the clock,
//! the credit and the merged timeline; each item is a resource of the single-resource
//! engine ([`Sim`] in shared mode) that reacts to the account's events by its own
//! product's rules.
//!
//! Conventions (each a **Choice** where the seeds leave it open, tested in
//! `tests/account.rs`):
//! - Every billing item draws on the credit continuously; the credit runs out at the
//!   first whole second at which their combined spend uses it up.
//! - The account becomes overdue at the first bill the credit cannot pay, on the clock
//!   of the product that bills first: at once for Cloud Phone (CP-4), at the next
//!   hourly settlement for ECS (ECS-13), when the billing day ends for IoT (IOT-18).
//!   Then every item is overdue at once (ECS-1) and follows its own rules.
//! - A top-up that covers everything owed settles the whole account (CP-9, ECS-7, IOT-9).
//! - `keepRunning.topUp` is the smallest top-up at `start`, in cents, with which the
//!   account is never overdue up to `until` and no item loses service before it would
//!   with unlimited credit (auto-renewals paid, nothing stopped).

use super::account_request::{decode, AccountPlan};
use super::engine::{duration, minimum_charge, money_text, Deadline, Sim};
use super::request::{EventKind, Kind, Rate};
use super::answer::{Account, AccountEntry, AccountItemOutcome, Horizon, Interruption, KeepRunning};
use crate::decode::{Ctx, Value};
use crate::messages::{HasLocale, Locale};
use crate::error::{Error, ErrorCode};
use crate::money::Rounding;
use crate::bill::{Billing, Warning};
use crate::time::Instant;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// A bound on steps, so that no input can make the loop run away.
const MAX_STEPS: usize = 2_000_000;

/// Simulates an account given as a [`Value`] (see API.md `simulateAccount`).
///
/// ```
/// use alicloud_cost::{decode::Value, simulate_account};
/// // USD 10 pays two pay-as-you-go phones of acp.basic.small at 0.0457 an hour (0.0914
/// // together) for 10 / 0.0914 = 109.4 h: the credit runs out on Dec 5 at 13:25:40,
/// // UTC+8, and the phones are released with their data 15 days later (CP-9).
/// let request = Value::from_json_str(r#"{"start": "2026-12-01", "account": {"balance": "10"},
///     "items": [{"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland",
///                "billing": "payAsYouGo", "quantity": 2}]}"#)?;
/// let account = simulate_account(&request)?;
/// assert_eq!(account.credit_runs_out_at.unwrap().to_rfc3339(), "2026-12-05T13:24:34+08:00");
/// # Ok::<(), alicloud_cost::Error>(())
/// ```
pub fn simulate_account(request: &Value) -> Result<Account, Error> {
    let ctx = Ctx::of(request)?;
    let plan = decode(request, &ctx)?;
    let simulated = run(&plan, Decimal::ZERO)?;
    let keep = match plan.until {
        Some(until) => Some(KeepRunning { until, top_up: keep_running(&plan, until, &simulated)? }),
        None => None,
    };
    let mut account = simulated.answer(&plan);
    account.keep_running = keep;
    Ok(account)
}

fn internal(message: &str) -> Error {
    Error::new(ErrorCode::Internal, "", message)
}

/// Who acts next: the account (its credit fails a bill) or an item's own deadline.
#[derive(Debug, Clone, Copy)]
enum Next {
    Overdue { ran_out: Instant },
    Item(usize, Deadline),
}

struct AccountSim<'p> {
    /// The request's context: the language of the account's own texts.
    ctx: Ctx,
    sims: Vec<Sim<'p>>,
    credit: Decimal,
    /// The caller's top-ups so far.
    topped_up: Decimal,
    now: Instant,
    funded_since: Instant,
    overdue_since: Option<Instant>,
    /// When an overdue account first came about, at the latest `until`.
    first_overdue: Option<Instant>,
    credit_runs_out_at: Option<Instant>,
    first_interruption: Option<Interruption>,
    timeline: Vec<AccountEntry>,
    /// No moment past this matters: `until`, else start + 100 years.
    latest: Instant,
    /// When the credit runs out and the first bill it cannot pay, as last projected:
    /// valid while nothing but time passes (the credit then falls exactly as projected).
    projection: Option<Option<(Instant, Instant)>>,
    /// The cumulative spend of an account with daily bills (see `seconds_covered`).
    curve: std::cell::RefCell<Option<Curve>>,
}

/// Cumulative spend from `points[0]`, at each billing-day boundary: linear within a
/// day, because each day's bills are spread evenly over it.
struct Curve {
    /// Which items billed when it was drawn.
    billing: Vec<bool>,
    points: Vec<(Instant, Decimal)>,
}

impl Curve {
    /// Draws one more day, up to `latest`; false when there is nothing more to draw.
    fn extend(&mut self, account: &AccountSim<'_>) -> Option<bool> {
        let (last, spent) = *self.points.last()?;
        if last >= account.latest {
            return Some(false);
        }
        let (date, _) = last.billing_day()?;
        let end = Instant::start_of_billing_day(date).plus_days(1).min(account.latest);
        let cost = account.spend_between(last, end)?;
        self.points.push((end, spent + cost));
        Some(true)
    }

    /// The spend from the curve's start to `at` (not before it).
    fn cumulative_at(&mut self, at: Instant, account: &AccountSim<'_>) -> Option<Decimal> {
        while self.points.last()?.0 < at {
            if !self.extend(account)? {
                return None;
            }
        }
        let i = self.points.partition_point(|(t, _)| *t <= at);
        let (t0, c0) = self.points[i.checked_sub(1)?];
        let Some(&(t1, c1)) = self.points.get(i) else { return Some(c0) };
        Some(c0 + ((c1 - c0) * Decimal::from(at.0 - t0.0)).checked_div(Decimal::from(t1.0 - t0.0))?)
    }

    /// The day in which the cumulative spend reaches `target`: its start, the spend
    /// before it, its end and its cost; None when it is not reached by `latest`.
    fn segment_reaching(&mut self, target: Decimal, account: &AccountSim<'_>) -> Option<(Instant, Decimal, Instant, Decimal)> {
        loop {
            let i = self.points.partition_point(|(_, c)| *c < target);
            if i < self.points.len() {
                let (t1, c1) = self.points[i];
                let (t0, c0) = self.points[i.checked_sub(1)?];
                return Some((t0, c0, t1, c1 - c0));
            }
            if !self.extend(account)? {
                return None;
            }
        }
    }
}

fn run(plan: &AccountPlan, extra_credit: Decimal) -> Result<AccountSim<'_>, Error> {
    let mut account = AccountSim {
        ctx: plan.ctx,
        sims: plan.items.iter().map(|item| Sim::new(&item.plan, true)).collect(),
        credit: plan.credit + extra_credit,
        topped_up: Decimal::ZERO,
        now: plan.start,
        funded_since: plan.start,
        overdue_since: None,
        first_overdue: None,
        credit_runs_out_at: None,
        first_interruption: None,
        timeline: Vec::new(),
        latest: plan.until.unwrap_or(plan.latest),
        projection: None,
        curve: Default::default(),
    };
    // No runway here: what bills changes over time (releases, expiries), so the moment
    // the credit runs out is told when it happens, and in `creditRunsOutAt`.
    account.push_account("opened", vec![text!(account, "account.opened", credit = money_text(&account.ctx, account.credit))], vec![]);
    for i in 0..account.sims.len() {
        account.with_item(i, false, |sim| {
            sim.created();
            Ok(())
        })?;
    }
    let cap = plan.until.unwrap_or(plan.latest);
    let mut events = plan.events.iter().peekable();
    let mut steps = 0;
    loop {
        steps += 1;
        if steps > MAX_STEPS {
            return Err(internal("the simulation took too many steps"));
        }
        let next = account.next_deadline().filter(|(at, _)| *at <= cap);
        match (next, events.peek().map(|e| e.at)) {
            (Some((at, next)), event_at) if event_at.map_or(true, |e| at <= e) => {
                account.advance(at)?;
                match next {
                    Next::Overdue { ran_out } => account.on_overdue(ran_out)?,
                    Next::Item(i, deadline) => account.with_item(i, true, |sim| sim.on_deadline(deadline))?,
                }
            }
            (_, Some(_)) => {
                let Some(event) = events.next() else { break };
                account.advance(event.at)?;
                match (&event.kind, event.item) {
                    (EventKind::TopUp(amount), _) => account.on_top_up(*amount)?,
                    (EventKind::Renew(months), Some(i)) => account.with_item(i, false, |sim| {
                        sim.on_renew(*months);
                        Ok(())
                    })?,
                    (EventKind::Release, Some(i)) => account.with_item(i, false, |sim| sim.on_release())?,
                    _ => return Err(internal("an item event without its item")),
                }
            }
            _ => break,
        }
    }
    let end = plan.until.unwrap_or(account.now);
    account.advance(end)?;
    if plan.until.is_some() {
        let billed = account.sims.iter().map(|s| minimum_charge(s.plan, s.billed)).sum();
        account.push_account("horizonEnd", vec![text!(account, "lifecycle.horizonEnd", billed = money_text(&account.ctx, billed))], vec![]);
    }
    Ok(account)
}

impl HasLocale for AccountSim<'_> {
    fn locale(&self) -> Locale {
        self.ctx.locale
    }
}

impl<'p> AccountSim<'p> {
    fn push_account(&mut self, event: &'static str, effects: Vec<String>, rules: Vec<&'static str>) {
        self.timeline.push(AccountEntry {
            at: self.now,
            item: None,
            event,
            state: None,
            service_available: None,
            credit: Rounding::bill(self.ctx.currency()).apply(self.credit),
            effects,
            rules,
        });
    }

    /// Runs `step` on item `i` with the account's credit, then moves its new timeline
    /// entries into the account's. A deadline (`interrupts`) that takes the item's
    /// service away is an interruption; the customer's own release is not.
    fn with_item(&mut self, i: usize, interrupts: bool, step: impl FnOnce(&mut Sim<'p>) -> Result<(), Error>) -> Result<(), Error> {
        let sim = &mut self.sims[i];
        sim.credit = Some(self.credit);
        let (available, billing) = (sim.service_available(), sim.billing());
        step(sim)?;
        // A charge (a renewal, a billing period's rest) or a change in what bills moves
        // the moment the credit runs out.
        if sim.credit != Some(self.credit) || sim.billing() != billing {
            self.projection = None;
        }
        self.credit = sim.credit.unwrap_or(self.credit);
        let lost = interrupts && available && !sim.service_available();
        if lost {
            sim.first_interruption.get_or_insert(sim.now);
        }
        for entry in sim.timeline.drain(..) {
            if lost && self.first_interruption.is_none() {
                self.first_interruption = Some(Interruption { at: entry.at, item: i, event: entry.event });
            }
            self.timeline.push(AccountEntry {
                at: entry.at,
                item: Some(i),
                event: entry.event,
                state: Some(entry.state),
                service_available: Some(entry.service_available),
                credit: entry.credit.unwrap_or_default(),
                effects: entry.effects,
                rules: entry.rules,
            });
        }
        Ok(())
    }

    fn advance(&mut self, to: Instant) -> Result<(), Error> {
        for sim in &mut self.sims {
            sim.credit = Some(self.credit);
            sim.advance(to)?;
            self.credit = sim.credit.unwrap_or(self.credit);
        }
        self.now = self.now.max(to);
        Ok(())
    }

    /// The items whose pay-as-you-go charges draw on the credit now.
    fn billing(&self) -> impl Iterator<Item = &Sim<'p>> {
        self.sims.iter().filter(|s| s.billing() && (s.plan.rate.is_some() || s.plan.daily.is_some()))
    }

    /// How many seconds from now the credit pays for at the billing items' combined
    /// spend; None when nothing bills or it lasts beyond the horizon.
    fn seconds_covered(&self) -> Option<Decimal> {
        self.billing().next()?;
        if self.credit <= Decimal::ZERO {
            return Some(Decimal::ZERO);
        }
        if self.billing().all(|s| s.plan.daily.is_none()) {
            // Constant rates: one rate for the account, in the largest common unit.
            let rates: Vec<Rate> = self.billing().filter_map(|s| s.plan.rate).collect();
            let per_seconds = if rates.iter().all(|r| r.per_seconds == rates[0].per_seconds) { rates[0].per_seconds } else { 86_400 };
            let amount = rates.iter().map(|r| r.amount * Decimal::from(per_seconds / r.per_seconds)).sum();
            return Rate { amount, per_seconds }.seconds_covered(self.credit);
        }
        // A daily bill changes at each billing day (the month's free quota, IOT-17): the
        // spend is drawn day by day as a curve of cumulative cost, kept while the same
        // items bill (a charge or a top-up only moves the point on it to look for).
        let billing: Vec<bool> = self.sims.iter().map(|s| s.billing()).collect();
        let mut cache = self.curve.borrow_mut();
        if cache.as_ref().map_or(true, |c| c.billing != billing || c.points[0].0 > self.now) {
            *cache = Some(Curve { billing, points: vec![(self.now, Decimal::ZERO)] });
        }
        let curve = cache.as_mut()?;
        let target = curve.cumulative_at(self.now, self)? + self.credit;
        let (at, spent_before, segment_end, segment_cost) = curve.segment_reaching(target, self)?;
        let within = ((target - spent_before) * Decimal::from(segment_end.0 - at.0)).checked_div(segment_cost)?;
        Some((Decimal::from(at.0 - self.now.0) + within).round_dp(9))
    }

    /// What the billing items cost from `from` to `to`, within one billing day.
    fn spend_between(&self, from: Instant, to: Instant) -> Option<Decimal> {
        self.billing().try_fold(Decimal::ZERO, |total, s| Some(total + s.cost_between(from, to)?))
    }

    /// When the credit runs out at the current spend, and the first bill it cannot pay.
    fn overdue_moment(&self) -> Option<(Instant, Instant)> {
        let covered = self.seconds_covered()?;
        let seconds = covered.ceil().to_i64()?;
        if seconds > self.latest.0 - self.now.0 {
            return None;
        }
        let runs_out = self.now.plus_seconds(seconds);
        let due = self.billing().filter_map(|s| s.bill_due(covered, runs_out)).min()?;
        Some((due, runs_out))
    }

    /// The earliest deadline: the account's overdue first, then items in order.
    fn next_deadline(&mut self) -> Option<(Instant, Next)> {
        let mut best: Option<(Instant, Next)> = None;
        if self.overdue_since.is_none() {
            let projection = match self.projection {
                Some(known) => known,
                None => *self.projection.insert(self.overdue_moment()),
            };
            if let Some((at, ran_out)) = projection {
                best = Some((at.max(self.now), Next::Overdue { ran_out }));
            }
        }
        for (i, sim) in self.sims.iter().enumerate() {
            if let Some((at, deadline)) = sim.next_deadline() {
                if best.map_or(true, |(b, _)| at < b) {
                    best = Some((at, Next::Item(i, deadline)));
                }
            }
        }
        best
    }

    fn on_overdue(&mut self, ran_out: Instant) -> Result<(), Error> {
        self.projection = None;
        self.overdue_since = Some(self.now);
        self.first_overdue.get_or_insert(self.now);
        self.credit_runs_out_at.get_or_insert(ran_out);
        // CP-4: phones are billed only up to the moment of overdue. When the phones are
        // all that bills, the fraction of a second after the credit ran out is not billed.
        let only_phones = self.billing().all(|s| s.plan.kind == Kind::CloudPhone(Billing::PayAsYouGo));
        if only_phones && self.credit.is_sign_negative() {
            if let Some(sim) = self.sims.iter_mut().find(|s| s.billing() && s.plan.kind == Kind::CloudPhone(Billing::PayAsYouGo)) {
                sim.billed += self.credit;
                self.credit = Decimal::ZERO;
            }
        }
        let effects = vec![
            text!(self, "account.creditRanOut", at = ran_out.to_rfc3339(), after = duration(ran_out.0 - self.funded_since.0, self.ctx.locale)),
            text!(self, "account.overdue"),
        ];
        self.push_account("overdue", effects, vec!["ECS-1"]);
        for i in 0..self.sims.len() {
            if !self.sims[i].released {
                self.with_item(i, true, |sim| {
                    sim.on_overdue(Some(ran_out));
                    Ok(())
                })?;
            }
        }
        Ok(())
    }

    fn on_top_up(&mut self, amount: Decimal) -> Result<(), Error> {
        self.projection = None;
        self.credit += amount;
        self.topped_up += amount;
        let mut effects = vec![text!(self, "lifecycle.toppedUp", amount = money_text(&self.ctx, amount))];
        let settles = self.overdue_since.is_some() && self.credit >= Decimal::ZERO;
        if settles {
            effects.push(text!(self, "lifecycle.settled"));
            self.overdue_since = None;
            self.funded_since = self.now;
        } else if self.overdue_since.is_some() {
            effects.push(text!(self, "lifecycle.stillOwed", amount = money_text(&self.ctx, -self.credit)));
        }
        self.push_account("topUp", effects, vec![]);
        if settles {
            for i in 0..self.sims.len() {
                if self.sims[i].overdue_since.is_some() && !self.sims[i].released {
                    self.with_item(i, false, |sim| {
                        let (mut effects, mut rules) = (Vec::new(), Vec::new());
                        sim.settle(&mut effects, &mut rules);
                        sim.push("settled", effects, rules);
                        Ok(())
                    })?;
                }
            }
        }
        Ok(())
    }

    fn answer(self, plan: &AccountPlan) -> Account {
        let end = plan.until.unwrap_or(self.now);
        let mut warnings: Vec<Warning> = Vec::new();
        let mut items = Vec::with_capacity(self.sims.len());
        for (index, (sim, item)) in self.sims.iter().zip(&plan.items).enumerate() {
            for warning in item.warnings.iter().cloned().chain(sim.warnings()) {
                if !warnings.iter().any(|w| w.code == warning.code) {
                    warnings.push(warning);
                }
            }
            items.push(AccountItemOutcome {
                index,
                product: sim.plan.kind.product(),
                description: item.description.clone(),
                final_state: sim.state(),
                data_deleted_at: sim.data_deleted_at,
                last_safe_moment: sim.first_interruption.map(|at| at.plus_seconds(-1)),
                prepaid: Rounding::bill(self.ctx.currency()).apply(item.prepaid),
                billed: minimum_charge(sim.plan, sim.billed),
            });
        }
        Account {
            currency: self.ctx.currency().code,
            horizon: Horizon { from: plan.start, to: end },
            credit_runs_out_at: self.credit_runs_out_at,
            last_safe_moment: self.first_interruption.as_ref().map(|i| i.at.plus_seconds(-1)),
            first_interruption: self.first_interruption,
            timeline: self.timeline,
            billed: items.iter().map(|i| i.billed).sum(),
            items,
            final_credit: Some(Rounding::bill(self.ctx.currency()).apply(self.credit)),
            keep_running: None,
            warnings,
        }
    }
}

/// The smallest top-up at start, in cents, that keeps every item serving until
/// `until`: the account is never overdue by then, and no item loses service before it
/// does with unlimited credit (found by bisection: more credit never brings an
/// interruption earlier).
/// `as_given` is the run without a top-up, already made for the answer.
fn keep_running(plan: &AccountPlan, until: Instant, as_given: &AccountSim<'_>) -> Result<Decimal, Error> {
    let unlimited = super::request::MAX_CREDIT;
    let reference = run(plan, unlimited)?;
    let interruptions = |sim: &AccountSim<'_>| -> Vec<Option<Instant>> { sim.sims.iter().map(|s| s.first_interruption.filter(|at| *at <= until)).collect() };
    let expected = interruptions(&reference);
    let keeps_running = |sim: &AccountSim<'_>| sim.first_overdue.map_or(true, |at| at > until) && interruptions(sim) == expected;
    let holds = |extra: Decimal| -> Result<bool, Error> { Ok(keeps_running(&run(plan, extra)?)) };
    if keeps_running(as_given) {
        return Ok(Rounding::bill(plan.ctx.currency()).apply(Decimal::ZERO));
    }
    // Everything the reference drew from the credit is surely enough (plus a cent, for
    // a credit used up exactly at `until`).
    let spent = plan.credit + unlimited + reference.topped_up - reference.credit;
    // In the currency's smallest units (SITE-3): cents, or yen.
    let currency = plan.ctx.currency();
    let cents = |amount: Decimal| (amount / currency.unit()).ceil().to_i64();
    let (mut low, mut high) = (0i64, cents(spent - plan.credit).ok_or_else(|| internal("top-up overflow"))?.max(0) + 1);
    let to_money = |cents: i64| Decimal::new(cents, currency.minor_unit);
    if !holds(to_money(high))? {
        return Err(internal("no top-up keeps the account running"));
    }
    // Invariant: low fails, high holds.
    while high - low > 1 {
        let middle = low + (high - low) / 2;
        if holds(to_money(middle))? {
            high = middle;
        } else {
            low = middle;
        }
    }
    Ok(to_money(high))
}
