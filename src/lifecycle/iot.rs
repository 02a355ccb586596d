//! IoT Platform in a lifecycle (seeds 000 and 001): pay-as-you-go billed per day
//! (IOT-18), a legacy public instance stopped 24 hours after an overdue payment and
//! restored after payment, Enterprise Edition expiry, auto-renewal, trial and release,
//! and a new public instance that nothing affects (IOT-2, IOT-3, IOT-5..IOT-11, IOT-21).
//! The engine decides when; this says what.

use super::answer::{Event, Part};
use super::product::{Clock, DailyBills, Fate, Item, Purse, Rules, Said, Step, MINUTE};
use super::subscription::{Schedule, Term};
use crate::bill::{Product, Warning};
use crate::decode::Ctx;
use crate::messages::{Count, Money};
use crate::policy::{Policies, Policy};
use crate::products::iot::connection_messages::item::{ConnectionItem, DayInput};
use crate::products::iot::connection_messages::{self, DailyBiller, Day, FreeQuota, FreeQuotaBasis, MonthToDate, RateError, Tariff};
use crate::products::iot::{Bucket, RepeatingDay};
use crate::time::{self, Instant};
use jiff::civil::Date;
use rust_decimal::Decimal;

/// Which instance, with what it alone has.
#[derive(Debug, Clone)]
enum Instance {
    /// Pay-as-you-go (IOT-2, IOT-8): stopped this many hours after an overdue payment;
    /// a day's bill comes up to `bill_within_hours` after the day ends (IOT-9).
    LegacyPublic { stop_hours: i64, bill_within_hours: i64 },
    /// Subscription only (IOT-2, IOT-5): its term; the days from expiry to release; a
    /// trial of this many months (IOT-3) until renewed.
    Enterprise { term: Term, release_days: Option<i64>, trial: Option<i64> },
    /// Free, never expires (IOT-2, IOT-7).
    NewPublic,
}

/// An IoT Platform instance's lifecycle.
#[derive(Debug, Clone)]
pub struct Iot {
    instance: Instance,
    /// IOT-9: minutes within which service comes back after a payment or renewal.
    restore_minutes: i64,
    /// Whether it is billed by use: a legacy public instance always; an Enterprise
    /// Edition instance where the caller gives a cost rate.
    metered: bool,
    restoring_until: Option<Instant>,
}

impl Iot {
    /// No part of an instance is attached in the rules: `resource.attached` takes none.
    pub const ATTACHABLE: &'static [Part] = &[];

    /// An Enterprise Edition instance's auto-renewal schedule from the call's policies
    /// (IOT-10): daily attempts from 9 days before expiry until one day before, at the
    /// expiry's own time of day.
    pub fn renewal_schedule(policies: &Policies) -> Schedule {
        let days = |p| policies.count(p);
        let (first, last) = (days(Policy::IotAutoRenewFirstAttemptDaysBeforeExpiry), days(Policy::IotAutoRenewLastAttemptDaysBeforeExpiry));
        let months = Schedule::renewal_months(policies, Policy::IotAutoRenewMonths);
        Schedule { months, days: (last..=first).rev().map(|d| -d).collect(), hour: None, grace: None, rule: "IOT-10" }
    }

    /// Always billed by use (IOT-2), at the caller's rate or its usage's daily bills; its
    /// day counts from the call's policies (IOT-8, IOT-9).
    pub fn legacy_public(policies: &Policies) -> Iot {
        let instance = Instance::LegacyPublic { stop_hours: policies.count(Policy::IotLegacyStopAfterOverdueHours), bill_within_hours: policies.count(Policy::IotBillWithinHoursAfterCycle) };
        Iot { instance, restore_minutes: policies.count(Policy::IotRestoreWithinMinutes), metered: true, restoring_until: None }
    }

    /// `trial`: a trial's months (IOT-3), released when they end unless renewed.
    pub fn enterprise(term: Term, release_days: Option<i64>, trial: Option<i64>, restore_minutes: i64, metered: bool) -> Iot {
        Iot { instance: Instance::Enterprise { term, release_days, trial }, restore_minutes, metered, restoring_until: None }
    }

    pub fn new_public() -> Iot {
        Iot { instance: Instance::NewPublic, restore_minutes: 0, metered: false, restoring_until: None }
    }

    /// IOT-9: service comes back up to `restore_minutes` after a payment or renewal.
    fn start_restoring(&mut self, item: &Item) -> i64 {
        self.restoring_until = Some(item.now().plus_seconds(self.restore_minutes * MINUTE));
        self.restore_minutes
    }
}

impl Rules for Iot {
    fn product(&self) -> Product {
        Product::Iot
    }

    /// IOT-18: pay-as-you-go is billed per day; the bill comes when the billing day ends.
    fn clock(&self) -> Clock {
        Clock::Daily
    }

    fn parts(&self) -> Vec<Fate> {
        Vec::new()
    }

    fn is_subscription(&self) -> bool {
        matches!(self.instance, Instance::Enterprise { .. })
    }

    fn bills(&self, item: &Item) -> bool {
        // IOT-8: a stopped instance is not billed (billing stops by disabling devices).
        self.metered && !item.gone() && !item.stopped()
    }

    fn created(&self, item: &Item) -> Said {
        match &self.instance {
            Instance::LegacyPublic { .. } => Said::new(Event::Created, vec![text!(item, "created.iotLegacy")], vec!["IOT-2"]),
            Instance::NewPublic => Said::new(Event::Created, vec![text!(item, "created.iotNewPublic")], vec!["IOT-2"]),
            Instance::Enterprise { term, trial, .. } => {
                let (what, rule) = if trial.is_some() { (text!(item, "created.iotTrial"), "IOT-3") } else { (text!(item, "created.iotEnterprise"), "IOT-2") };
                let mut effects = vec![what, text!(item, "created.expires", at = term.expiry())];
                let mut rules = vec![rule];
                if let Some(schedule) = term.describe_schedule(item) {
                    effects.push(schedule);
                    rules.push("IOT-10");
                }
                Said::new(Event::Created, effects, rules)
            }
        }
    }

    /// Seed 001's rule for its instance type: IOT-8, IOT-6 or IOT-7.
    fn overdue_rule(&self) -> &'static str {
        match self.instance {
            Instance::LegacyPublic { .. } => "IOT-8",
            Instance::Enterprise { .. } => "IOT-6",
            Instance::NewPublic => "IOT-7",
        }
    }

    /// Overdue: IOT-8 (legacy public, stopped after 24 h), IOT-6 (Enterprise), IOT-7 (new public).
    fn overdue(&mut self, item: &mut Item, _by_bill: bool) -> (Vec<String>, Vec<&'static str>) {
        match &self.instance {
            Instance::LegacyPublic { stop_hours, bill_within_hours } => {
                let mut effects = Vec::new();
                if item.alone() {
                    // IOT-18, IOT-9: how a day's bill makes a legacy instance overdue.
                    effects.push(text!(item, "iotLife.dayBillOverdue", hours = *bill_within_hours));
                }
                effects.push(text!(item, "iotLife.availableThenStops", hours = stop_hours, at = item.now().plus_hours(*stop_hours)));
                effects.push(text!(item, "iotLife.disputed"));
                (effects, vec!["IOT-8", "IOT-9", "IOT-18", "IOT-21"])
            }
            Instance::Enterprise { term, .. } => {
                let mut effects = vec![text!(item, "iotLife.enterpriseOverdue")];
                if term.schedule().is_some() {
                    effects.push(text!(item, "iotLife.autoRenewFailsOverdue"));
                }
                (effects, vec!["IOT-6"])
            }
            Instance::NewPublic => (vec![text!(item, "iotLife.newPublicUnaffected")], vec!["IOT-7"]),
        }
    }

    fn next_deadline(&self, item: &Item) -> Option<(Instant, Step)> {
        if item.gone() {
            return None;
        }
        let mut best: Option<(Instant, Step)> = None;
        let mut offer = |at: Instant, step: Step| {
            let at = at.max(item.now());
            if best.map_or(true, |(b, _)| at < b) {
                best = Some((at, step));
            }
        };
        if let Some(at) = self.restoring_until {
            offer(at, Step::Restore);
        }
        match &self.instance {
            Instance::LegacyPublic { stop_hours, .. } => {
                if let (Some(t), false) = (item.overdue_since(), item.stopped()) {
                    offer(t.plus_hours(*stop_hours), Step::Stop);
                }
            }
            Instance::Enterprise { term, release_days, trial } => {
                if !item.expired() {
                    offer(term.expiry(), Step::Expire);
                    if let (None, Some((at, index))) = (trial, term.next_attempt(item.now(), item.start())) {
                        offer(at, Step::AutoRenewAttempt(index));
                    }
                } else if let (None, Some(days)) = (self.restoring_until, release_days) {
                    offer(term.expiry().plus_days(*days), Step::ExpiredRelease);
                }
            }
            Instance::NewPublic => {}
        }
        best
    }

    fn on_deadline(&mut self, step: Step, item: &mut Item, purse: &mut Purse) -> Said {
        match (step, &mut self.instance) {
            // IOT-9: service comes back after a payment or renewal.
            (Step::Restore, _) => {
                self.restoring_until = None;
                item.restart();
                item.unexpire();
                Said::new(Event::Restored, vec![text!(item, "iotLife.restored", minutes = self.restore_minutes)], vec!["IOT-9"])
            }
            // IOT-8: 24 hours after the overdue payment a legacy public instance stops.
            (Step::Stop, Instance::LegacyPublic { stop_hours, .. }) => {
                item.stop();
                let effects = vec![text!(item, "iotLife.stopped", hours = *stop_hours), text!(item, "iotLife.payToRestore", minutes = self.restore_minutes)];
                Said::new(Event::Stopped, effects, vec!["IOT-8", "IOT-9", "IOT-21"])
            }
            (Step::AutoRenewAttempt(index), Instance::Enterprise { term, .. }) => term.attempt(index, item, purse, &[], "IOT-6"),
            // IOT-3: a trial ends and is released unless renewed.
            (Step::Expire, Instance::Enterprise { trial: Some(months), .. }) => {
                let months = *months;
                item.release();
                Said::new(Event::Released, vec![text!(item, "iotLife.trialEnds", months = months)], vec!["IOT-3"])
            }
            // IOT-5: the subscription expires: service stops, data kept until the release.
            (Step::Expire, Instance::Enterprise { term, release_days, .. }) => {
                item.expire(false);
                let mut effects = vec![text!(item, "iotLife.expired")];
                if let Some(days) = release_days {
                    effects.push(text!(item, "iotLife.renewBefore", before = term.expiry().plus_days(*days)));
                }
                effects.push(text!(item, "iotLife.noExport"));
                Said::new(Event::Expired, effects, vec!["IOT-5"])
            }
            // IOT-5: not renewed in time, the instance and its data are deleted.
            (_, Instance::Enterprise { release_days, .. }) => {
                let days = release_days.unwrap_or_default();
                item.release();
                Said::new(Event::Released, vec![text!(item, "iotLife.expiredRelease", days = days)], vec!["IOT-5"])
            }
            _ => Said::new(Event::Restored, Vec::new(), Vec::new()),
        }
    }

    /// IOT-9, IOT-6: paid, a stopped instance comes back; fee-incurring operations are allowed again.
    fn settled(&mut self, item: &mut Item) -> (Vec<String>, Vec<&'static str>) {
        match self.instance {
            Instance::LegacyPublic { .. } if item.stopped() => {
                let minutes = self.start_restoring(item);
                (vec![text!(item, "iotLife.comesBack", minutes = minutes)], vec!["IOT-9"])
            }
            Instance::Enterprise { .. } => (vec![text!(item, "iotLife.operationsAllowed")], vec!["IOT-6"]),
            _ => (Vec::new(), Vec::new()),
        }
    }

    fn renew(&mut self, months: u64, item: &mut Item) -> Said {
        let Instance::Enterprise { term, trial, .. } = &mut self.instance else { return Said::new(Event::RenewRefused, Vec::new(), Vec::new()) };
        if item.released() {
            return Said::new(Event::RenewRefused, vec![text!(item, "lifecycle.renewAfterRelease")], vec!["IOT-5"]);
        }
        if item.overdue() {
            return Said::new(Event::RenewRefused, vec![text!(item, "lifecycle.renewRefusedOverdue")], vec!["IOT-6"]);
        }
        *trial = None;
        let (mut effects, _) = term.renew_by_hand(months, item);
        let mut rules = vec!["IOT-5"];
        if let Some(paid) = term.charge_renewal(months, item) {
            effects.push(paid);
            rules.push("IOT-10");
        }
        let past = term.expiry_past(item);
        if item.expired() {
            // IOT-5: the same instance ID; IOT-9: back within minutes.
            let minutes = self.start_restoring(item);
            effects.push(text!(item, "lifecycle.iotRestored", minutes = minutes));
            rules.push("IOT-9");
        }
        effects.extend(past);
        Said::new(Event::Renewed, effects, rules)
    }

    fn release(&mut self, item: &mut Item) -> Said {
        self.restoring_until = None;
        item.release();
        match self.instance {
            // IOT-11: a refund releases an Enterprise Edition instance at once.
            Instance::Enterprise { .. } => Said::new(Event::Released, vec![text!(item, "lifecycle.iotReleased")], vec!["IOT-11"]),
            _ => Said::new(Event::Released, vec![text!(item, "lifecycle.releasedByYou")], Vec::new()),
        }
    }

    fn warnings(&self, item: &Item) -> Vec<Warning> {
        match self.instance {
            Instance::LegacyPublic { .. } => vec![Warning::new("overdue_effect_disputed", text!(item, "lifecycle.overdueEffectDisputed"), &["IOT-8", "IOT-21"])],
            _ => Vec::new(),
        }
    }
}

/// IOT-17, IOT-18: a legacy public instance's usage repeats every day; each month's free
/// quota goes to its earliest days, so its bills run in a few stretches of equal days.
impl DailyBills for RepeatingDay {
    fn bill(&self, date: Date) -> Decimal {
        RepeatingDay::bill(self, date)
    }

    fn run(&self, date: Date) -> (Decimal, Date) {
        RepeatingDay::run(self, date)
    }

    /// IOT-18, IOT-19: the `daily_rounding` warnings `quote` gives the messages line and
    /// a Pro item's device line, for the time the item was billed.
    fn warnings(&self, billed: &[(Instant, Instant)], ctx: &Ctx) -> Vec<Warning> {
        let seconds = billed.iter().map(|(from, until)| until.0 - from.0).sum();
        self.message_rounding_warning(billed, ctx).into_iter().chain(self.device_rounding_warning(seconds, ctx)).collect()
    }
}

/// A legacy public instance of the connection-and-messages generation in a lifecycle or
/// an account: its daily bills, its description and what the answer says of them.
pub struct ConnectionUsage {
    pub days: ConnectionDays,
    pub description: String,
    pub warnings: Vec<Warning>,
}

/// IOT-25..IOT-30: the instance `item` whose `day` of usage repeats every day from
/// `first_day` on, billed per day as IOT-18's generation is (the account's first daily
/// bill it cannot pay makes it overdue; IOT-8 stops the instance 24 hours later; IOT-9
/// restores it). The warnings: IOT-27/IOT-29's daily settlement and its cut, IOT-28's
/// months with the free quota, IOT-26's minutes not charged, a caller's price (SITE-1),
/// and the fleet's. A price the site does not publish is a [`RateError`].
pub fn connection_usage(item: &ConnectionItem, day: &DayInput, first_day: Date, ctx: &Ctx) -> Result<ConnectionUsage, RateError> {
    let days = ConnectionDays::new(item, day, first_day, item.counted)?;
    let (messages, _) = connection_messages::count_messages(&day.buckets, item.tariff.message_unit_bytes)?;
    let amount = days.full_day_of_a_month()?;
    let currency = ctx.currency();
    let description = text!(ctx, "account.iotConnection", messages = Count(messages), minutes = Count(day.minutes.billable), amount = Money(currency, amount));

    let mut warnings = vec![Warning::new(
        "daily_settlement",
        text!(ctx, "account.connectionDaily", cut = connection_messages::item::cut_text(item.policy.daily_amounts), to = crate::bill::rounded_to(currency)),
        &["IOT-27", "IOT-29", "SITE-3"],
    )];
    // IOT-28: which months have the free quota.
    let (first, second) = (item.activated, item.activated.and_then(|a| time::first_of_month_after(a, 1)));
    match (item.policy.free_quota, first, second) {
        (FreeQuota::EveryMonth, ..) => warnings.push(Warning::new("free_quota_months", text!(ctx, "account.freeQuotaEveryMonth"), &["IOT-28"])),
        (_, Some(first), Some(second)) => {
            let (first, second, activated) = (time::iso_month(first), time::iso_month(second), time::iso_date(item.activated.unwrap_or(first_day)));
            warnings.push(Warning::new("free_quota_months", text!(ctx, "account.freeQuotaMonths", activated = activated, first = first, second = second), &["IOT-28"]));
        }
        _ => warnings.push(Warning::new("free_quota_not_applied", text!(ctx, "account.freeQuotaNotApplied"), &["IOT-28"])),
    }
    if day.minutes.free > 0 {
        warnings.push(Warning::new("minutes_not_charged", text!(ctx, "account.minutesNotCharged", minutes = Count(day.minutes.free)), &["IOT-26"]));
    }
    if item.tariff.has_caller_price() {
        warnings.push(Warning::new("caller_price", text!(ctx, "iot.connectionCallerPrice", currency = currency.code), &["SITE-1"]));
    }
    if let Some(fleet) = &item.fleet {
        warnings.extend(fleet.warnings.iter().cloned());
    }
    Ok(ConnectionUsage { days, description, warnings })
}

/// IOT-26..IOT-29: a legacy public instance of the connection-and-messages generation
/// whose day of usage repeats every day, as an account (or a lifecycle) bills it: each
/// UTC+8 day's amount, already cut (IOT-29), from a [`DailyBiller`] that replays each
/// calendar month from its first day billed, so that the month's running total decides
/// each day's tiers (IOT-27) and the month's free quota its first days (IOT-28).
///
/// A month's amounts depend only on its first day billed, its length, whether it has
/// the free quota and whether units were counted before the first day (the start's
/// `monthToDate`): computed once for each, so a ten-year account rates a few months,
/// not 120. Choice (as [`RepeatingDay`]'s): a month's running total counts its days
/// from its first day billed, also across a stop (IOT-8) inside it.
#[derive(Debug)]
pub struct ConnectionDays {
    tariff: Tariff,
    policy: connection_messages::Policy,
    activated: Option<Date>,
    messages: Vec<Bucket>,
    /// The day's billable connection minutes (IOT-26: natural minutes, CoAP, HTTP and
    /// sub-devices free).
    minutes: u128,
    /// The first day billed (the start's billing day), and the units of its month
    /// counted before it.
    first_day: Date,
    month_to_date: MonthToDate,
    months: std::cell::RefCell<Vec<(MonthKey, std::rc::Rc<Vec<Decimal>>)>>,
}

/// (first day billed, days in the month, the month has the free quota, units counted before).
type MonthKey = (i8, i8, bool, bool);

impl ConnectionDays {
    /// The repeating `day` from `first_day` on, with `month_to_date` counted in its month
    /// before it. Every price the bills can need is checked here, so that the engine never
    /// meets a missing one (SITE-1): the first month as it is billed, and a 31-day month
    /// without the free quota, the most units any later month holds.
    pub fn new(item: &ConnectionItem, day: &DayInput, first_day: Date, month_to_date: MonthToDate) -> Result<ConnectionDays, RateError> {
        let days = ConnectionDays {
            tariff: item.tariff.clone(),
            policy: item.policy,
            activated: item.activated,
            messages: day.buckets.clone(),
            minutes: day.minutes.billable,
            first_day,
            month_to_date,
            months: Default::default(),
        };
        let from = days.first_billed(first_day);
        if from.year() == first_day.year() && from.month() == first_day.month() {
            days.replay(from, days.activated, days.seed(from))?;
        }
        let longest = (0..12).filter_map(|m| time::first_of_month_after(first_day, m)).find(|m| m.days_in_month() == 31);
        if let Some(month) = longest {
            days.replay(month, None, None)?;
        }
        Ok(days)
    }

    /// A day's amount at the start of a month, free quota aside (at the first tier, unless
    /// one day's messages pass it): what the description shows.
    pub fn full_day_of_a_month(&self) -> Result<Decimal, RateError> {
        let no_free_quota = connection_messages::Policy { free_quota: connection_messages::FreeQuota::FirstTwoMonths, ..self.policy };
        let mut biller = DailyBiller::new(&self.tariff, no_free_quota, None);
        Ok(biller.bill(&Day { date: self.first_day, messages: &self.messages, connection_minutes: self.minutes })?.amount)
    }

    /// The first day billed in `date`'s month: its first day, the account's first day,
    /// or the activation day, whichever is last (after the month's end: none is).
    fn first_billed(&self, date: Date) -> Date {
        let from = date.first_of_month().max(self.first_day);
        self.activated.map_or(from, |activated| from.max(activated))
    }

    /// The units counted before `from`, in the start's month.
    fn seed(&self, from: Date) -> Option<MonthToDate> {
        (from == self.first_day && self.month_to_date != MonthToDate::default()).then_some(self.month_to_date)
    }

    /// The amounts of the days from `from` to its month's end.
    fn replay(&self, from: Date, activated: Option<Date>, seed: Option<MonthToDate>) -> Result<Vec<Decimal>, RateError> {
        let mut biller = DailyBiller::new(&self.tariff, self.policy, activated);
        if let Some(counted) = seed {
            biller = biller.with_month_to_date(from, counted);
        }
        (from.day()..=from.days_in_month())
            .map(|d| {
                let date = time::day_of_month(from, d).unwrap_or(from);
                Ok(biller.bill(&Day { date, messages: &self.messages, connection_minutes: self.minutes })?.amount)
            })
            .collect()
    }

    /// The amounts of `date`'s month from its first day billed on, and that day.
    fn month_of(&self, date: Date) -> (Date, std::rc::Rc<Vec<Decimal>>) {
        let from = self.first_billed(date);
        let same_month = from.year() == date.year() && from.month() == date.month();
        if !same_month {
            return (from, Default::default());
        }
        let seed = self.seed(from);
        let free = FreeQuotaBasis::for_month(self.policy.free_quota, self.activated, date).applies();
        let key = (from.day(), from.days_in_month(), free, seed.is_some());
        let mut months = self.months.borrow_mut();
        if let Some((_, amounts)) = months.iter().find(|(k, _)| *k == key) {
            return (from, amounts.clone());
        }
        // `new` billed the first month and the fullest one: no price is missing here.
        let amounts = std::rc::Rc::new(self.replay(from, self.activated, seed).unwrap_or_default());
        months.push((key, amounts.clone()));
        (from, amounts)
    }
}

impl DailyBills for ConnectionDays {
    fn bill(&self, date: Date) -> Decimal {
        self.run(date).0
    }

    /// `date`'s amount and the first day after it whose amount differs, or the first of the
    /// next month (its tiers and free quota start again, IOT-27, IOT-28).
    fn run(&self, date: Date) -> (Decimal, Date) {
        let (from, amounts) = self.month_of(date);
        let next_month = time::first_of_month_after(date, 1).unwrap_or(date);
        if date < from || amounts.is_empty() {
            // Not billed yet (before the start or the activation): nothing until then.
            return (Decimal::ZERO, if date < from { from.min(next_month) } else { next_month });
        }
        let index = (date.day() - from.day()) as usize;
        let amount = amounts.get(index).copied().unwrap_or_default();
        let until = match amounts.iter().skip(index + 1).position(|a| *a != amount) {
            Some(offset) => time::day_of_month(date, date.day() + 1 + offset as i8).unwrap_or(next_month),
            None => next_month,
        };
        (amount, until)
    }
}
