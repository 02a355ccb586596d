//! The event-driven engine behind `simulateLifecycle` (one resource) and
//! `simulateAccount` (resources that share one credit).
//!
//! It jumps from one moment that matters to the next: a caller's event, a deadline a
//! product set (the resources' next deadlines wait in a priority queue, and only the
//! resource that changed is looked at again), or the first bill the credit cannot pay.
//! Between two such moments nothing changes but time, so the bills in between are a
//! closed form ([`Bills`]): the hourly resources bill H an hour, on the hour (CP-13,
//! ECS-13), the daily ones D a day when the billing day ends (IOT-18), and the first
//! hour at which the bills so far exceed the credit is found by halving the period, not
//! by stepping through it. A run costs what its state changes cost, not its hours.
//!
//! Conventions (each a **Choice** where the seeds leave it open, tested in
//! `tests/lifecycle.rs`, `tests/account.rs`, and against the step-by-step reference of
//! `src/lifecycle/stepwise.rs` (tests only), whose test
//! `the_engine_agrees_with_the_step_by_step_reference_on_random_accounts` runs 2,000 seeded
//! random accounts through both):
//! - Bills are discrete. An hourly resource is deducted on each hour (UTC+8) for the
//!   hour's use (per second; a Cloud Phone group in periods, whose rest is billed at its
//!   release, CP-3); a daily one when each billing day ends, for the day's bill
//!   (IOT-9 allows up to 4 hours more; the earliest moment is used). Charges a product
//!   adds (CP-3's rest of a period, ECS-13's minimum) come with the next deduction.
//! - The account becomes overdue at the first deduction larger than the credit (ECS-1's
//!   definition, for every product); a deduction equal to the credit is paid. Every
//!   resource is overdue from then on and follows its own product's rules, which the
//!   account's entry cites (CP-9, IOT-6..IOT-8, ECS-1); later deductions add to what is owed.
//!   A stated `overdueAt` is such a deduction: the one due at that moment, if any, is owed.
//! - At one moment: the deductions due then, then the account's overdue, then the
//!   resources' deadlines (in item order), then the caller's events (in their order). A
//!   payment at a deadline is too late; `lastSafeMoment` is one second before the first
//!   interruption of service.
//! - A top-up that covers everything owed settles the account (CP-9, ECS-7, IOT-9). A
//!   renewal by hand does not touch the balance (CP-8: it may be paid online); an
//!   auto-renewal does, and only when the credit covers it (IOT-10, ECS-12).
//! - `creditRunsOutAt` is the first whole second at which the use so far, deducted or
//!   not, reaches the credit: the overdue moment is the deduction that follows it.
//! - An entry's `credit` is the balance after the deductions made so far.

use super::answer::{Event, Purchase, State, Subscriptions};
use super::product::{duration, money, rounding, Clock, Exact, Fate, Item, Purse, Rules, Said, Step, Usage, DAY, HOUR};
use super::request::{internal, CallerEvent, EventKind, Setup};
use crate::bill::Warning;
use crate::error::Error;
use crate::messages::HasLocale;
use crate::time::Instant;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A bound on steps, so that no input can make the loop run away (10,000 resources
/// renewed monthly for 10 years are about 3 million).
const MAX_STEPS: usize = 50_000_000;

/// The most entries an answer's timeline lists. 10,000 items over 10 years make about
/// 900,000 (300 MB of JSON, 2 GB of memory in Node); the first 100,000 keep the answer
/// near 35 MB, and the run past them still counts every bill, state and payment: only
/// their entries are left out, and a `timeline_truncated` warning says from when.
pub const MAX_TIMELINE_ENTRIES: usize = 100_000;

/// One entry of a run's timeline, for the answer to shape.
#[derive(Debug, Clone)]
pub struct Logged {
    pub at: Instant,
    /// The resource it is about; None for the account's own.
    pub item: Option<usize>,
    pub event: Event,
    pub state: Option<State>,
    pub serves: Option<bool>,
    pub bills: Option<bool>,
    pub credit: Option<Decimal>,
    pub effects: Vec<String>,
    pub rules: Vec<&'static str>,
}

/// What became of one resource.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub state: State,
    pub data_deleted_at: Option<Instant>,
    /// The first deadline that took its service away.
    pub first_interruption: Option<Instant>,
    /// What the answer says it was billed (its product rounds: ECS-13's minimum).
    pub billed: Decimal,
    pub purchase: Option<Purchase>,
    pub fates: Vec<Fate>,
    pub warnings: Vec<Warning>,
}

/// What a run ends with.
#[derive(Debug)]
pub struct Run {
    pub end: Instant,
    pub timeline: Vec<Logged>,
    /// The entries left out past [`MAX_TIMELINE_ENTRIES`]: how many, and the first one's moment.
    pub left_out: Option<(usize, Instant)>,
    pub outcomes: Vec<Outcome>,
    /// The credit at the end, after paying for all use to then; None when not tracked.
    pub credit: Option<Decimal>,
    pub credit_runs_out_at: Option<Instant>,
    /// The first deadline that took a resource's service away: when, which, what.
    pub first_interruption: Option<(Instant, usize, Event)>,
    /// The subscriptions bought from the credit at `start`.
    pub prepaid: Decimal,
    /// `keepRunning`'s figure: the most by which the payments up to a moment (purchases,
    /// deductions, auto-renewals) exceeded the caller's top-ups before it.
    pub required: Exact,
    /// Whether every payment was made when it fell due (then the run is the one with
    /// unlimited credit, and `required` is its figure).
    pub clean: bool,
}

/// The moments bills fall due: every hour on the hour, and the end of every billing
/// day (00:00 UTC+8), which is one of them.
fn last_hour(t: Instant) -> Instant {
    Instant(t.0 - t.0.rem_euclid(HOUR))
}

fn last_day_end(t: Instant) -> Instant {
    Instant(t.0 - (t.0 + crate::time::BILLING_OFFSET_SECONDS).rem_euclid(DAY))
}

/// The account's bills as a closed form: between two state changes every hourly
/// resource uses a constant amount an hour, every daily one a constant amount a day.
#[derive(Debug)]
struct Bills {
    /// An hour's use of the hourly resources that bill now.
    hourly: Decimal,
    /// A day's use of the daily resources that bill now.
    daily: Decimal,
    /// Used since the last hour (hourly) or the last billing day's end (daily), up to
    /// `at`, and not yet deducted.
    hourly_pending: Exact,
    daily_pending: Exact,
    at: Instant,
}

impl Bills {
    fn rate(&mut self, clock: Clock) -> &mut Decimal {
        match clock {
            Clock::Hourly => &mut self.hourly,
            Clock::Daily => &mut self.daily,
        }
    }

    /// A charge to deduct with the next bill of `clock`.
    fn pend(&mut self, clock: Clock, amount: Decimal) {
        match clock {
            Clock::Hourly => self.hourly_pending += Exact::of(amount),
            Clock::Daily => self.daily_pending += Exact::of(amount),
        }
    }

    fn pending(&self) -> Exact {
        self.hourly_pending + self.daily_pending
    }

    /// Use a second at the current rates, in [`Exact`] units.
    fn per_second(&self) -> Decimal {
        self.hourly * Decimal::from(DAY / HOUR) + self.daily
    }

    /// Everything deducted from `at` (exclusive) to the hour `hour` (inclusive), which
    /// is after `at`: the hourly use to it, and the daily use to the last billing day's
    /// end at or before it.
    fn due_through(&self, hour: Instant) -> Exact {
        let hourly = self.hourly_pending + Exact::used(self.hourly, Clock::Hourly, hour.0 - self.at.0);
        let day_end = last_day_end(hour);
        if day_end > self.at {
            hourly + self.daily_pending + Exact::used(self.daily, Clock::Daily, day_end.0 - self.at.0)
        } else {
            hourly
        }
    }

    /// Moves to `t`: what falls due after `at` up to `t`; the rest of the use is pending.
    fn advance(&mut self, t: Instant) -> Exact {
        if t <= self.at {
            return Exact::ZERO;
        }
        let (hour, day_end) = (last_hour(t), last_day_end(t));
        let due = if hour > self.at {
            let due = self.due_through(hour);
            self.hourly_pending = Exact::used(self.hourly, Clock::Hourly, t.0 - hour.0);
            due
        } else {
            self.hourly_pending += Exact::used(self.hourly, Clock::Hourly, t.0 - self.at.0);
            Exact::ZERO
        };
        if day_end > self.at {
            self.daily_pending = Exact::used(self.daily, Clock::Daily, t.0 - day_end.0);
        } else {
            self.daily_pending += Exact::used(self.daily, Clock::Daily, t.0 - self.at.0);
        }
        self.at = t;
        due
    }

    /// The first hour after `at`, up to `t`, at which what falls due exceeds `credit`:
    /// the bills so far only grow, so it is found by halving the hours between.
    fn first_unpaid(&self, t: Instant, credit: Exact) -> Option<Instant> {
        let first = Instant(last_hour(self.at).0 + HOUR);
        let last = last_hour(t);
        if last < first || self.due_through(last) <= credit {
            return None;
        }
        let (mut low, mut high) = (0, (last.0 - first.0) / HOUR);
        while low < high {
            let middle = low + (high - low) / 2;
            if self.due_through(Instant(first.0 + middle * HOUR)) > credit {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        Some(Instant(first.0 + low * HOUR))
    }
}

/// What a resource's use costs now, and how much of it is in its `charged`.
struct Meter {
    clock: Clock,
    usage: Usage,
    on: bool,
    /// The use up to here is in the item's charges.
    since: Instant,
    /// A daily usage's: when it billed, in time order, each stretch as long as no state
    /// change broke it (what its warnings are about: IOT-18, IOT-19).
    billed: Vec<(Instant, Instant)>,
    /// The use in one period of the clock from each moment on, to the end of the month
    /// (a constant rate: one run; a daily usage: its runs of equal days, IOT-17), in
    /// time order; the first covers `since`.
    runs: Vec<(Instant, Decimal)>,
    /// A daily usage's next month: its bills are scheduled then.
    month_end: Option<Instant>,
}

impl Meter {
    /// The use in one period at `t`.
    fn amount(&self, t: Instant) -> Decimal {
        self.runs.iter().rev().find(|(from, _)| *from <= t).or(self.runs.first()).map_or(Decimal::ZERO, |(_, a)| *a)
    }

    /// Adds its use up to `t` to the item's charges.
    fn accrue(&mut self, item: &mut Item, t: Instant) {
        if self.on && t > self.since {
            match self.billed.last_mut() {
                Some((_, until)) if *until == self.since => *until = t,
                _ if matches!(self.usage, Usage::Days(_)) => self.billed.push((self.since, t)),
                _ => {}
            }
            for (k, (from, amount)) in self.runs.iter().enumerate() {
                let until = self.runs.get(k + 1).map_or(t, |next| next.0.min(t));
                let from = (*from).max(self.since);
                if until > from {
                    item.used(Exact::used(*amount, self.clock, until.0 - from.0));
                }
            }
        }
        self.since = self.since.max(t);
    }

    /// Its runs from `t` to the end of the month (a constant rate: one, with no end).
    fn schedule(&mut self, t: Instant) {
        self.runs.clear();
        self.month_end = None;
        match &self.usage {
            Usage::None => self.runs.push((t, Decimal::ZERO)),
            Usage::Rate(amount) => self.runs.push((t, *amount)),
            Usage::Days(bills) => {
                let Some((mut date, _)) = t.billing_day() else { return };
                let month = crate::time::first_of_month_after(date, 1).unwrap_or(date);
                let mut from = t;
                while date < month {
                    let (bill, until) = bills.run(date);
                    self.runs.push((from, bill));
                    date = until.min(month);
                    from = Instant::start_of_billing_day(date);
                }
                self.month_end = Some(from);
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Wake {
    Step(Step),
    /// A daily usage's month ends: its next month's bills are scheduled (IOT-17).
    Month,
}

struct Slot {
    rules: Box<dyn Rules>,
    item: Item,
    meter: Meter,
    version: u32,
    wake: Option<(Instant, Wake)>,
    first_interruption: Option<Instant>,
    purchase: Option<Purchase>,
}

struct Engine<'s> {
    setup: &'s Setup,
    now: Instant,
    credit: Option<Exact>,
    /// Whether the entries show the credit (the request gives an account).
    show_credit: bool,
    unlimited: bool,
    overdue: bool,
    stated_overdue: Option<Instant>,
    funded_since: Instant,
    slots: Vec<Slot>,
    queue: BinaryHeap<Reverse<(Instant, usize, u32)>>,
    bills: Bills,
    /// When the daily resources' day's use changes, by how much: their runs of equal days
    /// within a month (IOT-17), summed over them, in time order (a month's days at most).
    calendar: Vec<(Instant, Decimal)>,
    log: Vec<Logged>,
    left_out: Option<(usize, Instant)>,
    payments: Exact,
    top_ups: Exact,
    required: Exact,
    clean: bool,
    ran_out: Option<Instant>,
    credit_runs_out_at: Option<Instant>,
    first_interruption: Option<(Instant, usize, Event)>,
    prepaid: Decimal,
}

impl Run {
    /// Says that the timeline lists only its first [`MAX_TIMELINE_ENTRIES`] entries.
    pub fn left_out_warning(&self, ctx: &crate::decode::Ctx) -> Option<Warning> {
        let (count, from) = self.left_out?;
        let text = text!(ctx, "lifecycle.timelineTruncated", max = crate::messages::Count(MAX_TIMELINE_ENTRIES as u128), count = crate::messages::Count(count as u128), from = from);
        Some(Warning::new("timeline_truncated", text, &[]))
    }
}

impl HasLocale for Engine<'_> {
    fn locale(&self) -> crate::messages::Locale {
        self.setup.ctx.locale
    }

    /// The run with unlimited credit only counts payments: it writes no text.
    fn silent(&self) -> bool {
        self.unlimited
    }
}

/// Runs `setup`; `unlimited`: as with unlimited credit (`keepRunning`'s reference).
pub fn run(setup: &Setup, unlimited: bool) -> Result<Run, Error> {
    let mut engine = Engine::new(setup, unlimited);
    engine.open();
    let cap = setup.until.unwrap_or(setup.latest);
    let mut events = setup.events.iter().peekable();
    let mut steps = 0;
    loop {
        steps += 1;
        if steps > MAX_STEPS {
            return Err(internal("the simulation took too many steps"));
        }
        let wake = engine.next_wake().filter(|at| *at <= cap);
        let stated = engine.stated_overdue;
        let event = events.peek().map(|e| e.at);
        let change = engine.calendar.first().map(|(at, _)| *at).filter(|at| *at <= cap);
        let next = [wake, stated, event].into_iter().flatten().min();
        // A daily use's change ends the closed form's stretch, but is no event: with
        // nothing else to come, the run ends.
        let target = [next, change].into_iter().flatten().min().unwrap_or(cap);
        if let Some(unpaid) = engine.first_unpaid(target) {
            engine.advance(unpaid);
            engine.on_overdue(true);
            continue;
        }
        if next.is_none() && setup.until.is_none() {
            break; // nothing more happens
        }
        if stated == Some(target) && engine.credit.is_none() {
            // overdueAt without an account: the deduction that falls due at that moment is
            // the bill the credit could not pay (ECS-1; ECS-3's T), owed as an account
            // that ran out then owes it; what is owed is counted from it (not shown).
            engine.advance(Instant(target.0 - 1));
            engine.credit = Some(Exact::ZERO);
        }
        engine.advance(target);
        if change == Some(target) {
            let (_, delta) = engine.calendar.remove(0);
            engine.bills.daily += delta;
            continue;
        }
        let Some(next) = next else { break };
        if stated == Some(next) {
            engine.stated_overdue = None;
            engine.on_overdue(false);
        } else if wake == Some(next) {
            engine.on_wake();
        } else if let Some(event) = events.next() {
            engine.on_event(event);
        }
    }
    Ok(engine.finish())
}

impl<'s> Engine<'s> {
    fn new(setup: &'s Setup, unlimited: bool) -> Self {
        let slots: Vec<Slot> = setup
            .resources
            .iter()
            .map(|resource| {
                let rules = resource.rules.fresh();
                let item = Item::new(setup.ctx, setup.alone, unlimited, setup.start, rules.parts());
                let meter = Meter { clock: rules.clock(), usage: resource.usage.clone(), on: false, since: setup.start, billed: Vec::new(), runs: Vec::new(), month_end: None };
                Slot { rules, item, meter, version: 0, wake: None, first_interruption: None, purchase: None }
            })
            .collect();
        Engine {
            setup,
            now: setup.start,
            credit: setup.credit.map(Exact::of),
            show_credit: setup.credit.is_some(),
            unlimited,
            overdue: false,
            stated_overdue: setup.overdue_at,
            funded_since: setup.start,
            queue: BinaryHeap::with_capacity(2 * slots.len()),
            // Most resources say a few things (created, overdue, stopped, released, ...).
            log: if unlimited { Vec::new() } else { Vec::with_capacity((4 * slots.len() + setup.events.len()).min(MAX_TIMELINE_ENTRIES)) },
            left_out: None,
            slots,
            bills: Bills { hourly: Decimal::ZERO, daily: Decimal::ZERO, hourly_pending: Exact::ZERO, daily_pending: Exact::ZERO, at: setup.start },
            calendar: Vec::new(),
            payments: Exact::ZERO,
            top_ups: Exact::ZERO,
            required: Exact::ZERO,
            clean: true,
            ran_out: None,
            credit_runs_out_at: None,
            first_interruption: None,
            prepaid: Decimal::ZERO,
        }
    }

    // ------------------------------------------------------------ the credit and the bills

    /// What the credit holds once the use so far is paid for.
    fn remaining(&self) -> Option<Exact> {
        Some(self.credit? - self.bills.pending())
    }

    /// Notes the moment the credit is used up, if it now is.
    fn check_used_up(&mut self) {
        if self.ran_out.is_none() && self.remaining().is_some_and(|r| r <= Exact::ZERO) {
            self.ran_out = Some(self.now);
        }
    }

    /// The seconds `remaining` lasts at the current use (rounded up to a whole second).
    fn lasts(&self, remaining: Exact) -> Option<i64> {
        let per_second = self.bills.per_second();
        if remaining <= Exact::ZERO {
            return Some(0);
        }
        if per_second <= Decimal::ZERO {
            return None;
        }
        // Rounded to the nanosecond first: a quotient that is a whole number of seconds
        // must not move to the next second on its 28th digit.
        (remaining.0 / per_second).round_dp(9).ceil().to_i64()
    }

    /// Whether a bill can make the account overdue: a credit is tracked, the account is
    /// not overdue already, and this is not the unlimited reference.
    fn checking(&self) -> bool {
        self.credit.is_some() && !self.overdue && !self.unlimited
    }

    fn first_unpaid(&self, t: Instant) -> Option<Instant> {
        if !self.checking() {
            return None;
        }
        self.bills.first_unpaid(t, self.credit?)
    }

    /// Time passes to `t`: the bills due by then are deducted; the first whole second
    /// at which the use reaches the credit is noted.
    fn advance(&mut self, t: Instant) {
        if t <= self.now {
            return;
        }
        if let (None, Some(remaining)) = (self.ran_out, self.remaining()) {
            if let Some(seconds) = self.lasts(remaining).filter(|s| *s <= t.0 - self.now.0) {
                self.ran_out = Some(self.now.plus_seconds(seconds));
            }
        }
        let due = self.bills.advance(t);
        self.payments += due;
        if let Some(credit) = self.credit.as_mut() {
            *credit -= due;
        }
        self.now = t;
    }

    /// The runway from now at the current use: how long the credit lasts, and until when.
    fn runway(&self) -> Option<(i64, Instant)> {
        if self.bills.per_second() <= Decimal::ZERO {
            return None;
        }
        let seconds = self.lasts(self.remaining()?)?;
        let until = self.now.plus_seconds(seconds);
        (until <= self.setup.latest).then_some((seconds, until))
    }

    /// simulateLifecycle's runway sentence: "the credit of USD 4.80 lasts 4 days at USD
    /// 0.05 per hour: until 5 Dec 2026, 00:00 (UTC+8)".
    fn runway_text(&self) -> Option<String> {
        let rate = self.setup.resources.first()?.rate?;
        if !self.setup.alone || !self.show_credit || !self.slots.first()?.meter.on {
            return None;
        }
        let (seconds, until) = self.runway()?;
        let credit = money(&self.setup.ctx, self.credit?.money());
        Some(text!(self, "lifecycle.runway", credit = credit, lasts = duration(seconds, self.locale()), rate = rate.describe(&self.setup.ctx), until = until))
    }

    // ------------------------------------------------------------ resources

    /// The resource's next wake-up, queued; an older one is dropped when it comes up.
    fn reschedule(&mut self, i: usize) {
        let now = self.now;
        let slot = &mut self.slots[i];
        let step = if slot.item.gone() { None } else { slot.rules.next_deadline(&slot.item) };
        let month = slot.meter.month_end.filter(|_| slot.meter.on);
        let wake = match (step, month) {
            (Some((at, step)), Some(m)) if at < m => Some((at, Wake::Step(step))),
            (_, Some(m)) => Some((m, Wake::Month)),
            (Some((at, step)), None) => Some((at, Wake::Step(step))),
            (None, None) => None,
        }
        .map(|(at, wake)| (at.max(now), wake));
        // Unchanged, its entry in the queue stands.
        if wake == slot.wake && wake.is_some() {
            return;
        }
        slot.version += 1;
        slot.wake = wake;
        if let Some((at, _)) = wake {
            self.queue.push(Reverse((at, i, slot.version)));
        }
    }

    fn next_wake(&mut self) -> Option<Instant> {
        while let Some(Reverse((at, i, version))) = self.queue.peek().copied() {
            if self.slots[i].version == version {
                return Some(at);
            }
            self.queue.pop();
        }
        None
    }

    /// After its product acted: its added charges go to the next deduction, its use
    /// starts or stops billing, and its next deadline is queued.
    fn sync(&mut self, i: usize) {
        let now = self.now;
        let slot = &mut self.slots[i];
        let added = slot.item.take_pending();
        if !added.is_zero() {
            self.bills.pend(slot.meter.clock, added);
        }
        let bills = slot.rules.bills(&slot.item);
        if bills != slot.meter.on {
            slot.meter.accrue(&mut slot.item, now);
            if bills {
                slot.meter.schedule(now);
                slot.meter.on = true;
                Self::add_runs(&mut self.bills, &mut self.calendar, &slot.meter, Decimal::ONE);
            } else {
                Self::add_runs(&mut self.bills, &mut self.calendar, &slot.meter, Decimal::NEGATIVE_ONE);
                slot.meter.on = false;
            }
            slot.meter.since = now;
        }
        self.reschedule(i);
    }

    /// A meter's use from now to the end of its month, added to the account's bills
    /// (`sign` 1) or taken from them (-1): its amount now, and its later runs' changes
    /// in the calendar.
    fn add_runs(bills: &mut Bills, calendar: &mut Vec<(Instant, Decimal)>, meter: &Meter, sign: Decimal) {
        let now = bills.at;
        *bills.rate(meter.clock) += sign * meter.amount(now);
        for pair in meter.runs.windows(2).filter(|pair| pair[1].0 > now) {
            let (at, change) = (pair[1].0, sign * (pair[1].1 - pair[0].1));
            match calendar.binary_search_by_key(&at, |(t, _)| *t) {
                Ok(k) => {
                    calendar[k].1 += change;
                    if calendar[k].1.is_zero() {
                        calendar.remove(k);
                    }
                }
                Err(k) if !change.is_zero() => calendar.insert(k, (at, change)),
                Err(_) => {}
            }
        }
    }

    /// Runs `act` on resource `i` now, with the credit as a purse. A deadline
    /// (`interrupts`) that takes its service away is an interruption; the customer's
    /// own release is not.
    fn act(&mut self, i: usize, interrupts: bool, act: impl FnOnce(&mut dyn Rules, &mut Item, &mut Purse) -> Said) -> (Said, bool) {
        let now = self.now;
        let slot = &mut self.slots[i];
        slot.item.set_now(now);
        slot.meter.accrue(&mut slot.item, now);
        let served = slot.rules.serves(&slot.item);
        let mut purse = Purse::new(self.credit, self.unlimited);
        let said = act(slot.rules.as_mut(), &mut slot.item, &mut purse);
        let lost = interrupts && served && !slot.rules.serves(&slot.item);
        if lost {
            slot.first_interruption.get_or_insert(now);
        }
        let (credit, paid) = purse.into_parts();
        self.credit = credit;
        self.payments += paid;
        self.sync(i);
        self.check_used_up();
        (said, lost)
    }

    /// Logs what resource `i` said, with its state after it.
    fn log_item(&mut self, i: usize, said: Said, lost: bool) {
        let slot = &self.slots[i];
        let at = self.now;
        if lost && self.first_interruption.is_none() {
            self.first_interruption = Some((at, i, said.event));
        }
        if self.unlimited {
            return;
        }
        let entry = Logged {
            at,
            item: Some(i),
            event: said.event,
            state: Some(slot.item.state()),
            serves: Some(slot.rules.serves(&slot.item)),
            bills: Some(slot.meter.on),
            credit: self.shown_credit(),
            effects: said.effects,
            rules: said.rules,
        };
        self.keep(entry);
    }

    fn log_account(&mut self, event: Event, effects: Vec<String>, rules: Vec<&'static str>) {
        if self.unlimited {
            return;
        }
        let entry = Logged { at: self.now, item: None, event, state: None, serves: None, bills: None, credit: self.shown_credit(), effects, rules };
        self.keep(entry);
    }

    /// Logs an entry while the timeline has room, and counts it otherwise.
    fn keep(&mut self, entry: Logged) {
        if self.log.len() < MAX_TIMELINE_ENTRIES {
            self.log.push(entry);
        } else {
            self.left_out.get_or_insert((0, entry.at)).0 += 1;
        }
    }

    fn shown_credit(&self) -> Option<Decimal> {
        self.credit.filter(|_| self.show_credit).map(|c| rounding(&self.setup.ctx).apply(c.money()))
    }

    // ------------------------------------------------------------ what happens

    /// `start`: the account opens, its subscriptions are bought, every resource exists.
    fn open(&mut self) {
        let setup = self.setup;
        if !setup.alone {
            let credit = money(&setup.ctx, self.credit.unwrap_or_default().money());
            self.log_account(Event::Opened, vec![text!(self, "account.opened", credit = credit)], vec![]);
        }
        for i in 0..self.slots.len() {
            let subscription = !setup.alone && self.slots[i].rules.is_subscription();
            let price = setup.resources[i].prepaid;
            let mut bought = None;
            if subscription {
                let purchase = match setup.subscriptions {
                    Subscriptions::AlreadyPaid => Purchase::AlreadyPaid,
                    _ if self.unlimited || self.credit.is_some_and(|c| c >= Exact::of(price)) => Purchase::Bought,
                    _ => Purchase::Refused,
                };
                self.slots[i].purchase = Some(purchase);
                match purchase {
                    Purchase::Bought => {
                        if let Some(credit) = self.credit.as_mut() {
                            *credit -= Exact::of(price);
                        }
                        self.payments += Exact::of(price);
                        self.prepaid += price;
                        bought = Some(price);
                        self.check_used_up();
                    }
                    Purchase::Refused => {
                        self.clean = false;
                        self.slots[i].item.refuse_purchase();
                        let credit = money(&setup.ctx, self.credit.unwrap_or_default().money());
                        let text = text!(self, "account.purchaseRefused", credit = credit, price = money(&setup.ctx, price));
                        self.log_item(i, Said::new(Event::PurchaseRefused, vec![text], vec![]), false);
                        continue;
                    }
                    Purchase::AlreadyPaid => {}
                }
            }
            let (mut said, _) = self.act(i, false, |rules, item, _| rules.created(item));
            if let Some(price) = bought {
                said.effects.push(text!(self, "account.bought", price = money(&setup.ctx, price)));
            }
            said.effects.extend(self.runway_text());
            self.log_item(i, said, false);
        }
        self.check_used_up();
    }

    /// The rules the account's overdue entry cites: each product's own (its module says
    /// which: CP-9, IOT-6/IOT-7/IOT-8, ECS-1), once each, in item order, for the resources
    /// still there (all of them if none is).
    fn overdue_rules(&self) -> Vec<&'static str> {
        let live: Vec<&Slot> = self.slots.iter().filter(|s| !s.item.gone()).collect();
        let slots = if live.is_empty() { self.slots.iter().collect() } else { live };
        let mut rules = Vec::new();
        for slot in slots {
            let rule = slot.rules.overdue_rule();
            if !rules.contains(&rule) {
                rules.push(rule);
            }
        }
        rules
    }

    /// The account is overdue: by a bill the credit cannot pay (`by_bill`), or at the
    /// caller's `overdueAt`. Every resource is, and follows its own product's rules.
    fn on_overdue(&mut self, by_bill: bool) {
        self.overdue = true;
        self.clean = false;
        let ran_out = if by_bill { self.ran_out } else { None };
        if let Some(at) = ran_out {
            self.credit_runs_out_at.get_or_insert(at);
        }
        let after = |at: Instant| duration(at.0 - self.funded_since.0, self.locale());
        let mut opening = Vec::new();
        if self.setup.alone {
            match (ran_out, self.setup.resources.first().and_then(|r| r.rate)) {
                (Some(at), Some(rate)) => opening.push(text!(self, "lifecycle.creditRanOut", at = at, after = after(at), rate = rate.describe(&self.setup.ctx))),
                (Some(at), None) => opening.push(text!(self, "account.creditRanOut", at = at, after = after(at))),
                (None, _) if !by_bill => opening.push(text!(self, "lifecycle.overdueStated")),
                _ => {}
            }
        } else {
            if let Some(at) = ran_out {
                opening.push(text!(self, "account.creditRanOut", at = at, after = after(at)));
            }
            opening.push(text!(self, "account.overdue"));
            let rules = self.overdue_rules();
            self.log_account(Event::Overdue, std::mem::take(&mut opening), rules);
        }
        for i in 0..self.slots.len() {
            if self.slots[i].item.gone() {
                continue;
            }
            let (mut said, lost) = self.act(i, true, |rules, item, _| {
                item.become_overdue();
                let (effects, rules) = rules.overdue(item, by_bill);
                Said::new(Event::Overdue, effects, rules)
            });
            if !opening.is_empty() {
                opening.append(&mut said.effects);
                said.effects = std::mem::take(&mut opening);
            }
            self.log_item(i, said, lost);
        }
    }

    fn on_wake(&mut self) {
        let Some(Reverse((_, i, _))) = self.queue.pop() else { return };
        let Some((_, wake)) = self.slots[i].wake.take() else { return };
        match wake {
            Wake::Month => {
                let now = self.now;
                let slot = &mut self.slots[i];
                slot.meter.accrue(&mut slot.item, now);
                Self::add_runs(&mut self.bills, &mut self.calendar, &slot.meter, Decimal::NEGATIVE_ONE);
                slot.meter.schedule(now);
                Self::add_runs(&mut self.bills, &mut self.calendar, &slot.meter, Decimal::ONE);
                self.reschedule(i);
            }
            Wake::Step(step) => {
                let (mut said, lost) = self.act(i, true, |rules, item, purse| rules.on_deadline(step, item, purse));
                match said.event {
                    Event::AutoRenewed => said.effects.extend(self.runway_text()),
                    Event::AutoRenewFailed => self.clean = false,
                    _ => {}
                }
                self.log_item(i, said, lost);
            }
        }
    }

    fn on_event(&mut self, event: &CallerEvent) {
        match (&event.kind, event.item) {
            (EventKind::TopUp(amount), _) => self.on_top_up(*amount),
            (kind, Some(i)) if !self.slots[i].item.purchased() => {
                let (event, text) = match kind {
                    EventKind::Renew(_) => (Event::RenewRefused, text!(self, "account.neverBoughtRenew")),
                    _ => (Event::Released, text!(self, "account.neverBoughtRelease")),
                };
                self.log_item(i, Said::new(event, vec![text], vec![]), false);
            }
            (EventKind::Renew(months), Some(i)) => {
                let (said, _) = self.act(i, false, |rules, item, _| rules.renew(*months, item));
                self.log_item(i, said, false);
            }
            (EventKind::Release, Some(i)) => {
                let said = if self.slots[i].item.released() {
                    Said::new(Event::Released, vec![text!(self, "lifecycle.alreadyReleased")], vec![])
                } else {
                    self.act(i, false, |rules, item, _| rules.release(item)).0
                };
                self.log_item(i, said, false);
            }
            (_, None) => {}
        }
    }

    fn on_top_up(&mut self, amount: Decimal) {
        // keepRunning: the payments so far, less the top-ups before this one.
        self.required = self.required.max(self.payments - self.top_ups);
        self.top_ups += Exact::of(amount);
        let ctx = self.setup.ctx;
        let mut effects = vec![text!(self, "lifecycle.toppedUp", amount = money(&ctx, amount))];
        let mut rules = Vec::new();
        let released = self.setup.alone && self.slots.first().is_some_and(|s| s.item.released());
        let Some(credit) = self.credit.as_mut() else {
            effects.push(text!(self, "lifecycle.creditNotTracked"));
            if released {
                effects.push(text!(self, "lifecycle.topUpAfterRelease"));
            }
            return self.log_top_up(effects, rules);
        };
        *credit += Exact::of(amount);
        let credit = *credit;
        if self.remaining().is_some_and(|r| r > Exact::ZERO) {
            self.ran_out = None;
        }
        if released {
            effects.push(text!(self, "lifecycle.topUpAfterRelease"));
            return self.log_top_up(effects, rules);
        }
        if !self.overdue {
            return self.log_top_up(effects, rules);
        }
        if credit < Exact::ZERO {
            effects.push(text!(self, "lifecycle.stillOwed", amount = money(&ctx, -credit.money())));
            return self.log_top_up(effects, rules);
        }
        effects.push(text!(self, "lifecycle.settled"));
        self.overdue = false;
        self.funded_since = self.now;
        if self.setup.alone {
            let (said, _) = self.act(0, false, |r, item, _| {
                item.settle();
                let (effects, rules) = r.settled(item);
                Said::new(Event::TopUp, effects, rules)
            });
            effects.extend(said.effects);
            rules.extend(said.rules);
            return self.log_top_up(effects, rules);
        }
        self.log_account(Event::TopUp, effects, rules);
        for i in 0..self.slots.len() {
            if !self.slots[i].item.overdue() || self.slots[i].item.gone() {
                continue;
            }
            let (said, _) = self.act(i, false, |r, item, _| {
                item.settle();
                let (mut effects, rules) = r.settled(item);
                effects.insert(0, text!(item, "lifecycle.settled"));
                Said::new(Event::Settled, effects, rules)
            });
            self.log_item(i, said, false);
        }
    }

    /// A top-up's entry: the account's, or (simulateLifecycle) the resource's, with its runway.
    fn log_top_up(&mut self, mut effects: Vec<String>, rules: Vec<&'static str>) {
        if self.setup.alone {
            effects.extend(self.runway_text());
            self.log_item(0, Said::new(Event::TopUp, effects, rules), false);
        } else {
            self.log_account(Event::TopUp, effects, rules);
        }
    }

    /// The end: every use is paid for up to it (the pending use is not a bill the
    /// credit can fail), and `until` gets its entry.
    fn finish(mut self) -> Run {
        let end = self.setup.until.unwrap_or(self.now);
        self.advance(end);
        self.required = self.required.max(self.payments - self.top_ups);
        let pending = self.bills.pending();
        if let Some(credit) = self.credit.as_mut() {
            *credit -= pending;
        }
        for slot in &mut self.slots {
            slot.item.set_now(end);
            slot.meter.accrue(&mut slot.item, end);
        }
        if self.setup.until.is_some() {
            let billed: Decimal = self.slots.iter().map(|s| s.rules.billed(&s.item)).sum();
            let text = text!(self, "lifecycle.horizonEnd", billed = money(&self.setup.ctx, billed));
            if self.setup.alone {
                self.log_item(0, Said::new(Event::HorizonEnd, vec![text], vec![]), false);
            } else {
                self.log_account(Event::HorizonEnd, vec![text], vec![]);
            }
        }
        let credit = self.credit.filter(|_| self.show_credit).map(Exact::money);
        let outcomes = self
            .slots
            .into_iter()
            .zip(&self.setup.resources)
            .map(|(slot, resource)| {
                let mut warnings = resource.warnings.clone();
                if let Usage::Days(bills) = &slot.meter.usage {
                    warnings.extend(bills.warnings(&slot.meter.billed, &self.setup.ctx));
                }
                warnings.extend(slot.rules.warnings(&slot.item));
                Outcome {
                    state: slot.item.state(),
                    data_deleted_at: slot.item.data_deleted_at(),
                    first_interruption: slot.first_interruption,
                    billed: slot.rules.billed(&slot.item),
                    purchase: slot.purchase,
                    fates: slot.item.into_fates(),
                    warnings,
                }
            })
            .collect();
        Run {
            end,
            timeline: self.log,
            left_out: self.left_out,
            outcomes,
            credit,
            credit_runs_out_at: self.credit_runs_out_at,
            first_interruption: self.first_interruption,
            prepaid: self.prepaid,
            required: self.required,
            clean: self.clean,
        }
    }
}
