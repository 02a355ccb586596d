//! IoT Platform in a lifecycle (seeds 000 and 001): pay-as-you-go billed per day
//! (IOT-18), a legacy public instance stopped 24 hours after an overdue payment and
//! restored after payment, Enterprise Edition expiry, auto-renewal, trial and release,
//! and a new public instance that nothing affects (IOT-2, IOT-3, IOT-5..IOT-11, IOT-21).
//! The engine decides when; this says what.

use super::answer::Event;
use super::product::{Clock, DailyBills, Fate, Item, Purse, Rules, Said, Step, MINUTE};
use super::subscription::Term;
use crate::bill::{Product, Warning};
use crate::products::iot::RepeatingDay;
use crate::time::Instant;
use jiff::civil::Date;
use rust_decimal::Decimal;

/// Which instance, with what it alone has.
#[derive(Debug, Clone)]
enum Instance {
    /// Pay-as-you-go (IOT-2, IOT-8): stopped this many hours after an overdue payment.
    LegacyPublic { stop_hours: i64 },
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
    /// Always billed by use (IOT-2), at the caller's rate or its usage's daily bills.
    pub fn legacy_public(stop_hours: i64, restore_minutes: i64) -> Iot {
        Iot { instance: Instance::LegacyPublic { stop_hours }, restore_minutes, metered: true, restoring_until: None }
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

    /// Overdue: IOT-8 (legacy public, stopped after 24 h), IOT-6 (Enterprise), IOT-7 (new public).
    fn overdue(&mut self, item: &mut Item, _by_bill: bool) -> (Vec<String>, Vec<&'static str>) {
        match &self.instance {
            Instance::LegacyPublic { stop_hours } => {
                let mut effects = Vec::new();
                if item.alone() {
                    // IOT-18, IOT-9: how a day's bill makes a legacy instance overdue.
                    effects.push(text!(item, "iotLife.dayBillOverdue"));
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
            Instance::LegacyPublic { stop_hours } => {
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
                Said::new(Event::Restored, vec![text!(item, "iotLife.restored")], vec!["IOT-9"])
            }
            // IOT-8: 24 hours after the overdue payment a legacy public instance stops.
            (Step::Stop, Instance::LegacyPublic { stop_hours }) => {
                item.stop();
                let effects = vec![text!(item, "iotLife.stopped", hours = *stop_hours), text!(item, "iotLife.payToRestore")];
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
}
