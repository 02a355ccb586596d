//! The event-driven simulation behind [`super::simulate_lifecycle`].
//!
//! `Sim` holds the resource's flags (overdue since, stopped, expired, released, ...),
//! the credit and what has been billed. Each step takes the earlier of the next
//! caller event and the nearest deadline the flags imply; on a tie the deadline goes
//! first (a payment at the deadline itself is too late). Cost accrues between steps.
//! What each product's events do (the effects, the states, the rules cited) lives in
//! the product modules beside this one: `cloud_phone.rs`, `ecs.rs`, `iot.rs`.

use super::request::{Event, EventKind, Kind, Plan};
use super::answer::{Entry, Horizon, Lifecycle, Phase, ResourceFate, ResourceStatus, State};
use crate::error::{Error, ErrorCode};
use crate::messages::{HasLocale, Key, Locale};
use crate::money::Rounding;
use crate::products::cloud_phone::BillingUnit;
use crate::bill::{Billing, Warning};
use crate::time::Instant;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

const MINUTE: i64 = 60;
pub(super) const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;
/// A bound on steps, so that no input can make the loop run away (a century of
/// monthly auto-renewals with nine attempts each is about 11,000 steps).
const MAX_STEPS: usize = 1_000_000;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Deadline {
    /// Service comes back after a payment or renewal (IOT-9).
    Restore,
    /// The account becomes overdue; carries the moment the credit ran out, if known.
    Overdue(Option<Instant>),
    /// ECS-3: deduction retry 1 (T+7) or 2 (T+14).
    DeductionRetry(u8),
    /// ECS-4 (T+15) or IOT-8 (24 hours).
    Stop,
    /// CP-9 (16th day) or ECS-4 (15 days stopped).
    OverdueRelease,
    /// ECS-4/ECS-5: the pay-as-you-go disk of a subscription instance.
    PayAsYouGoRelease,
    /// IOT-10, ECS-12: an attempt this many days before expiry.
    AutoRenewAttempt(i64),
    Expire,
    /// ECS-12: an expired instance whose auto-renewal never succeeded stops serving.
    ExpiredStop,
    /// IOT-5, CP-14, ECS-11 (15 days), or ECS-12 (30 days with auto-renewal on).
    ExpiredRelease,
}

/// The policy values a simulation uses (names in `policy.rs`), read once.
pub(super) struct Periods {
    pub(super) cp_overdue_release_days: i64,
    /// IOT-5, CP-14, ECS-11: days from expiry to release.
    pub(super) release_after_expiry_days: Option<i64>,
    pub(super) iot_trial_months: i64,
    /// The auto-renewal schedule of the resource's product (IOT-10 or ECS-12).
    pub(super) auto_renew_months: u64,
    pub(super) first_attempt_days: i64,
    pub(super) last_attempt_days: i64,
    /// ECS-12: attempts are made at this hour of the day (UTC+8); None for IoT, whose
    /// attempts fall at the expiry's own time of day.
    pub(super) attempt_hour: Option<i64>,
    /// ECS-12: with auto-renewal on but never paid, the instance serves this long after
    /// expiry and is released this long after it.
    pub(super) serving_after_expiry_days: Option<i64>,
    pub(super) auto_renew_release_after_expiry_days: i64,
    pub(super) iot_legacy_stop_hours: i64,
    pub(super) iot_restore_minutes: i64,
    /// ECS-3 retries: None where the policy has none (ECS-14).
    pub(super) ecs_second_deduction_days: Option<i64>,
    pub(super) ecs_third_deduction_days: Option<i64>,
    pub(super) ecs_stop_days: i64,
    pub(super) ecs_release_after_stop_days: i64,
    /// ECS-14 (the China site's preset) rather than ECS-3/ECS-4.
    pub(super) ecs_china_site: bool,
}

impl Periods {
    fn of(plan: &Plan) -> Periods {
        let policies = &plan.policies;
        let days = |name| policies.count(name);
        let ecs = matches!(plan.kind, Kind::Ecs(_));
        let (months, first, last) = if ecs {
            // ECS-12: daily attempts on each of the nine days before expiry, so the last
            // is one day before.
            ("ecs.autoRenewMonths", days("ecs.autoRenewFirstAttemptDaysBeforeExpiry"), 1)
        } else {
            ("iot.autoRenewMonths", days("iot.autoRenewFirstAttemptDaysBeforeExpiry"), days("iot.autoRenewLastAttemptDaysBeforeExpiry"))
        };
        Periods {
            cp_overdue_release_days: days("cloudPhone.overdueReleaseAfterDays"),
            release_after_expiry_days: plan.kind.release_after_expiry_policy().and_then(|name| policies.get(name)).map(i64::from),
            iot_trial_months: days("iot.trialMonths"),
            // A renewal of zero months would renew forever at the same moment.
            auto_renew_months: u64::from(policies.get(months).unwrap_or(1).max(1)),
            first_attempt_days: first,
            last_attempt_days: last,
            attempt_hour: ecs.then(|| days("ecs.autoRenewAttemptHour").min(23)),
            serving_after_expiry_days: (ecs && plan.auto_renew).then(|| days("ecs.autoRenewServingAfterExpiryDays")),
            auto_renew_release_after_expiry_days: days("ecs.autoRenewReleaseAfterExpiryDays"),
            iot_legacy_stop_hours: days("iot.legacyStopAfterOverdueHours"),
            iot_restore_minutes: days("iot.restoreWithinMinutes"),
            ecs_second_deduction_days: policies.get("ecs.secondDeductionAfterDays").map(i64::from),
            ecs_third_deduction_days: policies.get("ecs.thirdDeductionAfterDays").map(i64::from),
            ecs_stop_days: days("ecs.stopAfterDays"),
            ecs_release_after_stop_days: days("ecs.releaseAfterStopDays"),
            ecs_china_site: policies.ecs_china_site(),
        }
    }
}

pub(super) struct Sim<'p> {
    pub(super) plan: &'p Plan,
    /// One of the resources of an account (`simulateAccount`): the account owns the
    /// credit (loaded into `credit` around each step) and decides when it is overdue.
    pub(super) shared: bool,
    pub(super) p: Periods,
    pub(super) now: Instant,
    pub(super) accrued_until: Instant,
    /// Balance plus coupons; negative when money is owed. None when not known.
    pub(super) credit: Option<Decimal>,
    pub(super) billed: Decimal,
    pub(super) overdue_at_pending: Option<Instant>,
    pub(super) overdue_since: Option<Instant>,
    pub(super) retries_done: u8,
    /// ECS: pay-as-you-go billing ceased at T+15 (ECS-4).
    pub(super) payg_stopped: bool,
    pub(super) payg_released: bool,
    /// Service stopped for an overdue payment (ECS pay-as-you-go, IoT legacy public).
    pub(super) stopped: bool,
    pub(super) expired: bool,
    /// ECS-12: expired with auto-renewal on, and still serving.
    pub(super) serving_after_expiry: bool,
    pub(super) released: bool,
    pub(super) restoring_until: Option<Instant>,
    pub(super) trial: bool,
    pub(super) months_renewed: u64,
    pub(super) expiry: Option<Instant>,
    pub(super) next_attempt_days: i64,
    pub(super) last_attempt_at: Option<Instant>,
    pub(super) funded_since: Instant,
    pub(super) timeline: Vec<Entry>,
    pub(super) fates: Vec<Fate>,
    pub(super) data_deleted_at: Option<Instant>,
    pub(super) first_interruption: Option<Instant>,
    pub(super) credit_runs_out_at: Option<Instant>,
}

/// An amount as the effects show it: "USD 4.80", "JPY 480", rounded to the currency's
/// unit (SITE-3), the currency read once from the request's context.
pub(super) fn money_text(ctx: &crate::decode::Ctx, amount: Decimal) -> String {
    let mut rounded = Rounding::bill(ctx.currency()).apply(amount);
    // A debt smaller than half a cent rounds to zero: say "0.00", never "-0.00".
    if rounded.is_zero() {
        rounded.set_sign_positive(true);
    }
    let mut text = String::from(ctx.currency().code);
    text.push(' ');
    crate::text::push_decimal_text(&mut text, &rounded);
    text
}

/// "9 days 2 hours": the two largest non-zero units.
pub(super) fn duration(seconds: i64, locale: Locale) -> String {
    let parts = [(seconds / DAY, 0), (seconds % DAY / HOUR, 1), (seconds % HOUR / MINUTE, 2), (seconds % MINUTE, 3)];
    let words: Vec<String> = parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .take(2)
        .map(|&(n, unit)| match unit {
            0 => text!(locale, "duration.days", n = n),
            1 => text!(locale, "duration.hours", n = n),
            2 => text!(locale, "duration.minutes", n = n),
            _ => text!(locale, "duration.seconds", n = n),
        })
        .collect();
    if words.is_empty() { text!(locale, "duration.seconds", n = 0) } else { words.join(" ") }
}

pub(super) fn internal(message: &str) -> Error {
    Error::new(ErrorCode::Internal, "", message)
}

pub fn run(plan: &Plan) -> Result<Lifecycle, Error> {
    let mut sim = Sim::new(plan, false);
    sim.created();
    let mut events = plan.events.iter().peekable();
    let cap = plan.until.unwrap_or(plan.latest);
    let mut steps = 0;
    loop {
        steps += 1;
        if steps > MAX_STEPS {
            return Err(internal("the simulation took too many steps"));
        }
        let deadline = sim.next_deadline().filter(|(at, _)| *at <= cap);
        let next_event_at = events.peek().map(|e| e.at);
        match (deadline, next_event_at) {
            (Some((at, deadline)), next) if next.map_or(true, |event_at| at <= event_at) => {
                sim.advance(at)?;
                let available = sim.service_available();
                sim.on_deadline(deadline)?;
                if available && !sim.service_available() && sim.first_interruption.is_none() {
                    sim.first_interruption = Some(sim.now);
                }
            }
            (_, Some(_)) => {
                let Some(event) = events.next() else { break };
                sim.advance(event.at)?;
                sim.on_event(event)?;
            }
            _ => break,
        }
    }
    let end = plan.until.unwrap_or(sim.now);
    sim.advance(end)?;
    if plan.until.is_some() {
        let text = text!(sim, "lifecycle.horizonEnd", billed = money_text(&sim.plan.ctx, sim.billed));
        sim.push("horizonEnd", vec![text], vec![]);
    }
    Ok(sim.finish(end))
}

impl HasLocale for Sim<'_> {
    fn locale(&self) -> Locale {
        self.plan.ctx.locale
    }
}

impl<'p> Sim<'p> {
    pub(super) fn new(plan: &'p Plan, shared: bool) -> Self {
        let periods = Periods::of(plan);
        let mut sim = Sim {
            plan,
            shared,
            now: plan.start,
            accrued_until: plan.start,
            credit: plan.credit,
            billed: Decimal::ZERO,
            overdue_at_pending: plan.overdue_at,
            overdue_since: None,
            retries_done: 0,
            payg_stopped: false,
            payg_released: false,
            stopped: false,
            expired: false,
            serving_after_expiry: false,
            released: false,
            restoring_until: None,
            trial: plan.trial,
            months_renewed: 0,
            expiry: None,
            next_attempt_days: periods.first_attempt_days,
            p: periods,
            last_attempt_at: None,
            funded_since: plan.start,
            timeline: Vec::new(),
            fates: Vec::new(),
            data_deleted_at: None,
            first_interruption: None,
            credit_runs_out_at: None,
        };
        sim.expiry = sim.compute_expiry();
        sim.fates = initial_fates(plan);
        sim
    }

    fn compute_expiry(&self) -> Option<Instant> {
        let (anchor, months) = self.plan.expiry?;
        // Beyond year 9999 means "not within any horizon".
        Some(anchor.plus_months(months + self.months_renewed).unwrap_or(Instant(i64::MAX / 4)))
    }

    pub(super) fn state(&self) -> State {
        if self.released {
            State::Released
        } else if self.stopped {
            State::Stopped
        } else if self.expired {
            State::Expired
        } else if self.overdue_since.is_some() {
            State::Overdue
        } else {
            State::Running
        }
    }

    pub(super) fn service_available(&self) -> bool {
        let overdue_phones = self.plan.kind == Kind::CloudPhone(Billing::PayAsYouGo) && self.overdue_since.is_some(); // CP-9
        !(self.released || self.stopped || (self.expired && !self.serving_after_expiry) || overdue_phones)
    }

    /// Whether this resource's pay-as-you-go charges accrue now.
    pub(super) fn billing(&self) -> bool {
        if self.released {
            return false;
        }
        match self.plan.kind {
            Kind::CloudPhone(Billing::PayAsYouGo) => self.overdue_since.is_none(), // CP-4
            Kind::Ecs(Billing::PayAsYouGo) => !self.payg_stopped,                  // ECS-4
            Kind::Ecs(Billing::Subscription) => self.plan.rate.is_some() && !self.payg_stopped,
            Kind::IotLegacyPublic => !self.stopped, // IOT-8
            Kind::IotNewPublic => false,            // IOT-2
            Kind::IotEnterprise | Kind::CloudPhone(Billing::Subscription) => self.plan.rate.is_some(),
        }
    }

    /// What this resource's pay-as-you-go parts cost from `from` to `to` while billing:
    /// the caller's rate, or an IoT usage's own daily bills; None when it has no rate.
    pub(super) fn cost_between(&self, from: Instant, to: Instant) -> Option<Decimal> {
        match &self.plan.daily {
            Some(daily) => daily.cost(from, to),
            None => self.plan.rate?.cost(to.0 - from.0),
        }
    }

    pub(super) fn advance(&mut self, to: Instant) -> Result<(), Error> {
        if to > self.accrued_until {
            if self.billing() {
                if let Some(cost) = self.cost_between(self.accrued_until, to) {
                    self.charge(cost);
                } else if self.plan.rate.is_some() {
                    return Err(internal("cost overflow"));
                }
            }
            self.accrued_until = to;
        }
        self.now = self.now.max(to);
        Ok(())
    }

    pub(super) fn charge(&mut self, amount: Decimal) {
        self.billed += amount;
        if let Some(credit) = self.credit.as_mut() {
            *credit -= amount;
        }
    }

    /// How many seconds from `accrued_until` the credit pays for at the current rate
    /// (zero when it is used up); None when nothing is billed or the credit is unknown.
    fn seconds_covered(&self) -> Option<Decimal> {
        let (rate, credit) = (self.plan.rate?, self.credit?);
        if !self.billing() {
            return None;
        }
        if credit <= Decimal::ZERO { Some(Decimal::ZERO) } else { rate.seconds_covered(credit) }
    }

    /// The first whole second at which `covered` seconds of credit are used up, if
    /// that is within the longest horizon.
    fn runs_out_after(&self, covered: Decimal) -> Option<Instant> {
        let seconds = covered.ceil().to_i64()?;
        (seconds <= self.plan.latest.0 - self.accrued_until.0).then(|| self.accrued_until.plus_seconds(seconds))
    }

    /// The first whole second at which the credit is used up at the current rate.
    fn runs_out_at(&self) -> Option<Instant> {
        self.runs_out_after(self.seconds_covered()?)
    }

    /// When the account becomes overdue if nothing changes.
    fn overdue_moment(&self) -> Option<(Instant, Option<Instant>)> {
        if let Some(at) = self.overdue_at_pending {
            return Some((at, None));
        }
        let covered = self.seconds_covered()?;
        let runs_out = self.runs_out_after(covered)?;
        Some((self.bill_due(covered, runs_out)?, Some(runs_out)))
    }

    /// The first bill the credit cannot pay when it covers `covered` seconds from
    /// `accrued_until` and is used up at `runs_out`: each product bills on its own clock.
    pub(super) fn bill_due(&self, covered: Decimal, runs_out: Instant) -> Option<Instant> {
        if matches!(self.plan.kind, Kind::Ecs(_)) {
            // ECS-13: billed per second but settled once an hour, on the hour: the first
            // hourly bill the credit cannot pay is the one for the hour in which it ran
            // out (a credit used up exactly on the hour pays that hour in full).
            let last_paid = self.accrued_until.plus_seconds(covered.floor().to_i64()?);
            return Some(Instant((last_paid.0.div_euclid(HOUR) + 1) * HOUR));
        }
        if self.plan.kind != Kind::IotLegacyPublic {
            return Some(runs_out);
        }
        // IOT-18: billed per day, so the bill of the billing day in which the credit
        // ran out is the first it cannot pay; it is generated when that day ends, UTC+8
        // (IOT-9: "within 4 hours"; the earliest moment is used). A credit used up
        // exactly at midnight pays that day in full, so the next day's bill fails.
        let (day, _) = self.accrued_until.plus_seconds(covered.floor().to_i64()?).billing_day()?;
        Some(Instant::start_of_billing_day(day).plus_days(1))
    }

    fn next_attempt(&self) -> Option<(Instant, i64)> {
        if !self.plan.auto_renew || self.expired || self.trial {
            return None;
        }
        let expiry = self.expiry?;
        let last = self.p.last_attempt_days;
        let mut days = self.next_attempt_days;
        while days >= last {
            let at = self.attempt_at(expiry, days)?;
            if at >= self.now && at >= self.plan.start && self.last_attempt_at.map_or(true, |l| at > l) {
                return Some((at, days));
            }
            days -= 1;
        }
        None
    }

    /// The attempt `days` before `expiry`: at the same time of day (IOT-10), or at the
    /// policy's hour of that billing day (ECS-12: 08:00 UTC+8).
    fn attempt_at(&self, expiry: Instant, days: i64) -> Option<Instant> {
        let at = expiry.plus_days(-days);
        match self.p.attempt_hour {
            None => Some(at),
            Some(hour) => Some(Instant::start_of_billing_day(at.billing_day()?.0).plus_hours(hour)),
        }
    }

    pub(super) fn next_deadline(&self) -> Option<(Instant, Deadline)> {
        if self.released {
            return None;
        }
        let mut best: Option<(Instant, Deadline)> = None;
        let mut offer = |at: Option<Instant>, deadline: Deadline| {
            if let Some(at) = at {
                let at = at.max(self.now);
                if best.map_or(true, |(b, _)| at < b) {
                    best = Some((at, deadline));
                }
            }
        };
        offer(self.restoring_until, Deadline::Restore);
        match self.overdue_since {
            // In an account, the account decides when every resource is overdue.
            None if self.shared => {}
            None => {
                if let Some((at, ran_out)) = self.overdue_moment() {
                    offer(Some(at), Deadline::Overdue(ran_out));
                }
            }
            Some(t) => match self.plan.kind {
                Kind::CloudPhone(Billing::PayAsYouGo) => {
                    offer(Some(t.plus_days(self.p.cp_overdue_release_days)), Deadline::OverdueRelease)
                }
                Kind::Ecs(billing) => {
                    let retry = match self.retries_done {
                        0 => self.p.ecs_second_deduction_days,
                        1 => self.p.ecs_third_deduction_days,
                        _ => None,
                    };
                    // A retry after the stop is no retry (ECS-14 has none).
                    if let Some(days) = retry.filter(|d| *d < self.p.ecs_stop_days) {
                        offer(Some(t.plus_days(days)), Deadline::DeductionRetry(self.retries_done + 1));
                    }
                    let stop = t.plus_days(self.p.ecs_stop_days);
                    let release = stop.plus_days(self.p.ecs_release_after_stop_days);
                    if !self.payg_stopped {
                        offer(Some(stop), Deadline::Stop);
                    } else if billing == Billing::PayAsYouGo {
                        offer(Some(release), Deadline::OverdueRelease);
                    } else if self.plan.has("payAsYouGoDisk") && !self.payg_released {
                        offer(Some(release), Deadline::PayAsYouGoRelease);
                    }
                }
                Kind::IotLegacyPublic if !self.stopped => {
                    offer(Some(t.plus_hours(self.p.iot_legacy_stop_hours)), Deadline::Stop)
                }
                _ => {}
            },
        }
        if let Some(expiry) = self.expiry {
            if !self.expired {
                offer(Some(expiry), Deadline::Expire);
                if let Some((at, days)) = self.next_attempt() {
                    offer(Some(at), Deadline::AutoRenewAttempt(days));
                }
            } else if self.restoring_until.is_none() {
                if self.serving_after_expiry {
                    offer(self.expired_stop_at(), Deadline::ExpiredStop);
                }
                offer(self.expired_release_at(), Deadline::ExpiredRelease);
            }
        }
        best
    }

    /// Days from expiry to release: ECS-12's when auto-renewal is on, else the policy's.
    pub(super) fn release_after_expiry_days(&self) -> Option<i64> {
        if self.p.serving_after_expiry_days.is_some() {
            Some(self.p.auto_renew_release_after_expiry_days)
        } else {
            self.p.release_after_expiry_days
        }
    }

    /// When an expired subscription is released (IOT-5, CP-14, ECS-11, ECS-12).
    pub(super) fn expired_release_at(&self) -> Option<Instant> {
        Some(self.expiry?.plus_days(self.release_after_expiry_days()?))
    }

    /// ECS-12: when an expired instance whose auto-renewal never paid stops serving.
    pub(super) fn expired_stop_at(&self) -> Option<Instant> {
        Some(self.expiry?.plus_days(self.p.serving_after_expiry_days?))
    }

    pub(super) fn push(&mut self, event: &'static str, effects: Vec<String>, rules: Vec<&'static str>) {
        self.timeline.push(Entry {
            at: self.now,
            event,
            state: self.state(),
            service_available: self.service_available(),
            billing: self.billing(),
            credit: self.credit.map(|c| Rounding::bill(self.plan.ctx.currency()).apply(c)),
            effects,
            rules,
        });
    }

    /// Moves every resource `which` accepts to `status` from now on.
    pub(super) fn fate(&mut self, status: ResourceStatus, which: impl Fn(&str) -> bool) {
        let now = self.now;
        for (name, phases, _) in self.fates.iter_mut().filter(|(n, _, _)| which(n)) {
            if *name == "eip" {
                continue; // ECS-5, CP-10: an EIP has its own lifecycle.
            }
            match phases.last_mut() {
                Some(last) if last.1 == status => {}
                Some(last) if last.0 == now => last.1 = status,
                _ => phases.push((now, status)),
            }
        }
    }

    fn runway(&self) -> Option<String> {
        if self.shared {
            return None; // the account's entries say how long its credit lasts
        }
        let (rate, credit, at) = (self.plan.rate?, self.credit?, self.runs_out_at()?);
        Some(text!(self, "lifecycle.runway", credit = money_text(&self.plan.ctx, credit), lasts = duration(at.0 - self.now.0, self.locale()), rate = rate.describe(&self.plan.ctx), until = at.to_rfc3339()))
    }

    pub(super) fn created(&mut self) {
        let plan = self.plan;
        let (what, rules): (Key, Vec<&'static str>) = match plan.kind {
            Kind::CloudPhone(Billing::PayAsYouGo) if plan.cloud_phone_unit == BillingUnit::Seconds => {
                (key!("created.cpPerSecond"), vec!["CP-2", "CP-13"])
            }
            Kind::CloudPhone(Billing::PayAsYouGo) => (key!("created.cpPayAsYouGo"), vec!["CP-2", "CP-3"]),
            Kind::CloudPhone(Billing::Subscription) => (key!("created.cpSubscription"), vec!["CP-2"]),
            Kind::IotLegacyPublic => (key!("created.iotLegacy"), vec!["IOT-2"]),
            Kind::IotNewPublic => (key!("created.iotNewPublic"), vec!["IOT-2"]),
            Kind::IotEnterprise if self.trial => (key!("created.iotTrial"), vec!["IOT-3"]),
            Kind::IotEnterprise => (key!("created.iotEnterprise"), vec!["IOT-2"]),
            Kind::Ecs(Billing::PayAsYouGo) => (key!("created.ecsPayAsYouGo"), vec!["ECS-3", "ECS-13"]),
            Kind::Ecs(Billing::Subscription) => (key!("created.ecsSubscription"), vec!["ECS-2"]),
        };
        let mut effects = vec![what.render(self.locale())];
        let mut rules = rules;
        if let Some(expiry) = self.expiry {
            if plan.kind == Kind::Ecs(Billing::Subscription) {
                // ECS-10: the cycle ends at 00:00 the day after the expiry date.
                effects.push(text!(self, "created.ecsCycleEnds", at = expiry.to_rfc3339()));
                rules.push("ECS-10");
            } else {
                effects.push(text!(self, "created.expires", at = expiry.to_rfc3339()));
            }
        }
        if plan.auto_renew {
            let price = plan.renewal_price.unwrap_or_default();
            let at = match self.p.attempt_hour {
                Some(hour) => text!(self, "created.attemptHour", hour = format!("{hour:02}")),
                None => String::new(),
            };
            effects.push(text!(
                self,
                "created.autoRenew",
                price = money_text(&self.plan.ctx, price),
                months = self.p.auto_renew_months,
                first = self.p.first_attempt_days,
                at = at,
                last = self.p.last_attempt_days
            ));
            rules.push(self.auto_renew_rule());
        }
        if let Some(runway) = self.runway() {
            effects.push(runway);
        }
        self.push("created", effects, rules);
    }

    /// The rule that gives this resource's auto-renewal schedule.
    fn auto_renew_rule(&self) -> &'static str {
        if matches!(self.plan.kind, Kind::Ecs(_)) { "ECS-12" } else { "IOT-10" }
    }

    /// IOT-9: service comes back up to `iot.restoreWithinMinutes` after a payment or
    /// renewal. Returns the minutes, for the effect text.
    pub(super) fn start_restoring(&mut self) -> i64 {
        let minutes = self.p.iot_restore_minutes;
        self.restoring_until = Some(self.now.plus_seconds(minutes * MINUTE));
        minutes
    }

    pub(super) fn release_now(&mut self) {
        self.released = true;
        self.restoring_until = None;
        self.data_deleted_at.get_or_insert(self.now);
    }

    pub(super) fn on_deadline(&mut self, deadline: Deadline) -> Result<(), Error> {
        let kind = self.plan.kind;
        match deadline {
            Deadline::Restore => self.iot_restored(),
            Deadline::Overdue(ran_out) => self.on_overdue(ran_out),
            Deadline::DeductionRetry(n) => {
                self.retries_done = n;
                let days = if n == 1 { self.p.ecs_second_deduction_days } else { self.p.ecs_third_deduction_days }.unwrap_or_default();
                // Zero-rate plans owe nothing: say "0.00", never "-0.00".
                let attempt = n + 1;
                let text = match self.credit {
                    Some(c) => text!(self, "lifecycle.deductionFailsOwed", attempt = attempt, days = days, owed = money_text(&self.plan.ctx, (-c).max(Decimal::ZERO))),
                    None => text!(self, "lifecycle.deductionFails", attempt = attempt, days = days),
                };
                self.push("deductionRetry", vec![text], vec!["ECS-3"]);
            }
            Deadline::Stop => self.on_stop(),
            Deadline::OverdueRelease => {
                self.release_now();
                if kind == Kind::CloudPhone(Billing::PayAsYouGo) {
                    self.cloud_phone_released_for_overdue()
                } else {
                    self.ecs_released_for_overdue()
                }
            }
            Deadline::PayAsYouGoRelease => self.ecs_pay_as_you_go_disk_released(),
            Deadline::AutoRenewAttempt(days) => self.on_auto_renew_attempt(days),
            Deadline::Expire => self.on_expire(),
            Deadline::ExpiredStop => self.ecs_expired_stop(),
            Deadline::ExpiredRelease => {
                self.release_now();
                self.fate(ResourceStatus::Released, is_subscription_part);
                let days = self.release_after_expiry_days().unwrap_or(0);
                let mut effects = Vec::new();
                let rules = match kind {
                    Kind::IotEnterprise => self.iot_expired_release(days, &mut effects),
                    Kind::Ecs(_) => self.ecs_expired_release(days, &mut effects),
                    _ => self.cloud_phone_expired_release(days, &mut effects),
                };
                self.push("released", effects, rules);
            }
        }
        Ok(())
    }

    pub(super) fn on_overdue(&mut self, ran_out: Option<Instant>) {
        let t = self.now;
        let stated = self.overdue_at_pending.take().is_some();
        if stated {
            self.credit = Some(Decimal::ZERO);
        }
        self.overdue_since = Some(t);
        self.retries_done = 0;
        if self.plan.kind == Kind::CloudPhone(Billing::PayAsYouGo) && ran_out.is_some() && !self.shared {
            // CP-4: billed only up to the moment of overdue. The credit ran out within the
            // last second; the fraction of a second after it is not billed.
            if let Some(overshoot) = self.credit.filter(|c| c.is_sign_negative()) {
                self.billed += overshoot;
                self.credit = Some(Decimal::ZERO);
            }
        }
        let mut effects = Vec::new();
        if let (Some(out), Some(rate), false) = (ran_out, self.plan.rate, self.shared) {
            self.credit_runs_out_at.get_or_insert(out);
            effects.push(text!(self, "lifecycle.creditRanOut", at = out.to_rfc3339(), after = duration(out.0 - self.funded_since.0, self.locale()), rate = rate.describe(&self.plan.ctx)));
        } else if stated {
            effects.push(text!(self, "lifecycle.overdueStated"));
        }
        let mut rules: Vec<&'static str> = Vec::new();
        match self.plan.kind {
            Kind::CloudPhone(billing) => self.cloud_phone_overdue(billing, t, &mut effects, &mut rules),
            Kind::Ecs(billing) => self.ecs_overdue(billing, t, ran_out, &mut effects, &mut rules),
            _ => self.iot_overdue(t, &mut effects, &mut rules),
        }
        self.push("overdue", effects, rules);
    }

    fn on_stop(&mut self) {
        match self.plan.kind {
            Kind::Ecs(billing) => self.ecs_stop(billing),
            _ => self.iot_stop(),
        }
    }

    fn on_expire(&mut self) {
        let kind = self.plan.kind;
        self.next_attempt_days = self.p.first_attempt_days;
        if kind == Kind::IotEnterprise && self.trial {
            return self.iot_trial_ends();
        }
        self.expired = true;
        // ECS-12: auto-renewal on but never paid: the instance goes on working a while.
        self.serving_after_expiry = self.p.serving_after_expiry_days.is_some();
        if !self.serving_after_expiry {
            self.fate(ResourceStatus::Retained, is_subscription_part);
        }
        let release = self.expired_release_at();
        let release_text = release.map(Instant::to_rfc3339).unwrap_or_default();
        let mut effects = Vec::new();
        let rules = match kind {
            Kind::IotEnterprise => self.iot_expired(release.is_some(), &release_text, &mut effects),
            Kind::Ecs(_) => self.ecs_expired(&release_text, &mut effects),
            _ => self.cloud_phone_expired(&release_text, &mut effects),
        };
        self.push("expired", effects, rules);
    }

    fn on_auto_renew_attempt(&mut self, days: i64) {
        let months = self.p.auto_renew_months;
        let price = self.plan.renewal_price.unwrap_or_default() * Decimal::from(months);
        let last = self.p.last_attempt_days;
        let (rule, ecs) = (self.auto_renew_rule(), matches!(self.plan.kind, Kind::Ecs(_)));
        self.last_attempt_at = Some(self.now);
        let credit = self.credit.unwrap_or_default();
        if self.overdue_since.is_none() && credit >= price {
            self.charge(price);
            self.months_renewed += months;
            self.expiry = self.compute_expiry();
            self.next_attempt_days = self.p.first_attempt_days;
            let expiry = self.expiry.map(Instant::to_rfc3339).unwrap_or_default();
            let text = text!(self, "lifecycle.autoRenewed", days = days, price = money_text(&self.plan.ctx, price), months = months, expiry = expiry);
            let runway = self.runway();
            let rules = if ecs { vec!["ECS-10", rule] } else { vec![rule] };
            self.push("autoRenewed", std::iter::once(text).chain(runway).collect(), rules);
            return;
        }
        self.next_attempt_days = days - 1;
        let reason = if self.overdue_since.is_some() {
            text!(self, "lifecycle.refusedOverdue")
        } else {
            text!(self, "lifecycle.creditShort", credit = money_text(&self.plan.ctx, credit), price = money_text(&self.plan.ctx, price))
        };
        let expiry = self.expiry.map(Instant::to_rfc3339).unwrap_or_default();
        let next = if days > last {
            text!(self, "lifecycle.retriedNextDay")
        } else if self.p.serving_after_expiry_days.is_some() {
            text!(self, "lifecycle.lastAttemptServing", expiry = expiry, days = self.p.serving_after_expiry_days.unwrap_or_default())
        } else {
            text!(self, "lifecycle.lastAttempt", expiry = expiry)
        };
        let overdue_rule = if ecs { "ECS-2" } else { "IOT-6" };
        let rules = if self.overdue_since.is_some() { vec![overdue_rule, rule] } else { vec![rule] };
        self.push("autoRenewFailed", vec![text!(self, "lifecycle.autoRenewFailed", days = days, reason = reason, next = next)], rules);
    }

    fn on_event(&mut self, event: &Event) -> Result<(), Error> {
        match event.kind {
            EventKind::TopUp(amount) => self.on_top_up(amount),
            EventKind::Renew(months) => self.on_renew(months),
            EventKind::Release => self.on_release()?,
        }
        Ok(())
    }

    fn on_top_up(&mut self, amount: Decimal) {
        let mut effects = vec![text!(self, "lifecycle.toppedUp", amount = money_text(&self.plan.ctx, amount))];
        let mut rules = Vec::new();
        match self.credit.as_mut() {
            None => effects.push(text!(self, "lifecycle.creditNotTracked")),
            Some(credit) => *credit += amount,
        }
        if self.released {
            effects.push(text!(self, "lifecycle.topUpAfterRelease"));
        } else if let (Some(_), Some(credit)) = (self.overdue_since, self.credit) {
            if credit >= Decimal::ZERO {
                self.settle(&mut effects, &mut rules);
            } else {
                effects.push(text!(self, "lifecycle.stillOwed", amount = money_text(&self.plan.ctx, -credit)));
            }
        }
        if let Some(runway) = self.runway() {
            effects.push(runway);
        }
        self.push("topUp", effects, rules);
    }

    /// What is owed is paid (a top-up covered it).
    pub(super) fn settle(&mut self, effects: &mut Vec<String>, rules: &mut Vec<&'static str>) {
        self.overdue_since = None;
        self.retries_done = 0;
        self.funded_since = self.now;
        effects.push(text!(self, "lifecycle.settled"));
        match self.plan.kind {
            Kind::CloudPhone(Billing::PayAsYouGo) => self.cloud_phone_settled(effects, rules),
            Kind::Ecs(billing) => self.ecs_settled(billing, effects, rules),
            Kind::IotLegacyPublic | Kind::IotEnterprise => self.iot_settled(effects, rules),
            Kind::CloudPhone(Billing::Subscription) | Kind::IotNewPublic => {}
        }
    }

    pub(super) fn on_renew(&mut self, months: u64) {
        let kind = self.plan.kind;
        if self.released {
            self.push("renewRefused", vec![text!(self, "lifecycle.renewAfterRelease")], vec![kind.subscription_rule()]);
            return;
        }
        if self.overdue_since.is_some() && matches!(kind, Kind::IotEnterprise | Kind::Ecs(Billing::Subscription)) {
            let rule = if kind == Kind::IotEnterprise { "IOT-6" } else { "ECS-2" };
            self.push("renewRefused", vec![text!(self, "lifecycle.renewRefusedOverdue")], vec![rule]);
            return;
        }
        let old_expiry = self.expiry;
        self.months_renewed += months;
        self.trial = false;
        self.expiry = self.compute_expiry();
        self.next_attempt_days = self.p.first_attempt_days;
        self.last_attempt_at = None;
        let expiry = self.expiry.unwrap_or(self.now);
        let mut effects = vec![text!(self, "lifecycle.renewed", months = months, expiry = expiry.to_rfc3339())];
        let mut rules = vec![kind.subscription_rule()];
        if kind == Kind::Ecs(Billing::Subscription) {
            // ECS-10: from the old end, not from the payment; after expiry, that is
            // the backdating of ECS-12.
            rules = vec!["ECS-10"];
            if self.expired {
                let old = old_expiry.map(Instant::to_rfc3339).unwrap_or_default();
                effects.push(text!(self, "lifecycle.backdated", old = old));
                rules.push(if self.p.serving_after_expiry_days.is_some() { "ECS-12" } else { "ECS-11" });
            }
        }
        if let Some(price) = self.plan.renewal_price {
            let cost = price * Decimal::from(months);
            self.billed += cost;
            effects.push(text!(self, "lifecycle.renewalPaid", cost = money_text(&self.plan.ctx, cost)));
            match kind {
                Kind::IotEnterprise => rules.push("IOT-10"),
                Kind::CloudPhone(_) => rules.push("CP-8"),
                _ => {}
            }
        }
        if self.expired {
            if kind == Kind::IotEnterprise {
                let minutes = self.start_restoring();
                effects.push(text!(self, "lifecycle.iotRestored", minutes = minutes));
                rules.push("IOT-9");
            } else {
                self.expired = false;
                self.serving_after_expiry = false;
                self.fate(ResourceStatus::Active, is_subscription_part);
                effects.push(text!(self, "lifecycle.serviceResumes"));
            }
        }
        if expiry <= self.now {
            effects.push(text!(self, "lifecycle.expiryPast"));
        }
        self.push("renewed", effects, rules);
    }

    pub(super) fn on_release(&mut self) -> Result<(), Error> {
        if self.released {
            self.push("released", vec![text!(self, "lifecycle.alreadyReleased")], vec![]);
            return Ok(());
        }
        let kind = self.plan.kind;
        let mut effects = Vec::new();
        let mut rules = Vec::new();
        if kind == Kind::CloudPhone(Billing::PayAsYouGo) && self.billing() {
            self.cloud_phone_release_billing(&mut effects, &mut rules)?;
        }
        match kind {
            Kind::IotEnterprise => {
                effects.push(text!(self, "lifecycle.iotReleased"));
                rules.push("IOT-11");
            }
            Kind::Ecs(_) => {
                effects.push(text!(self, "lifecycle.ecsReleased"));
                rules.push("ECS-5");
            }
            Kind::CloudPhone(Billing::Subscription) => {
                effects.push(text!(self, "lifecycle.cpUnsubscribed"));
                rules.push("CP-8");
            }
            _ => effects.push(text!(self, "lifecycle.releasedByYou")),
        }
        self.dependents_note(&mut effects, &mut rules);
        self.release_now();
        self.fate(ResourceStatus::Released, |n| {
            ["instanceGroup", "compute", "systemDisk", "dataDisk", "localDisk", "staticPublicIp", "payAsYouGoDisk", "payByTrafficBandwidth"].contains(&n)
        });
        self.push("released", effects, rules);
        Ok(())
    }

    /// What the caller should know about this resource's simulation.
    pub(super) fn warnings(&self) -> Vec<Warning> {
        let plan = self.plan;
        let mut warnings = Vec::new();
        if plan.kind == Kind::IotLegacyPublic {
            warnings.push(Warning::new(
                "overdue_effect_disputed",
                text!(self, "lifecycle.overdueEffectDisputed"),
                &["IOT-8", "IOT-21"],
            ));
        }
        // ECS-14: where an overdue payment can happen, the China site differs.
        let ecs_payg = matches!(plan.kind, Kind::Ecs(Billing::PayAsYouGo)) || (plan.kind == Kind::Ecs(Billing::Subscription) && plan.rate.is_some());
        if ecs_payg && !self.p.ecs_china_site {
            warnings.push(Warning::new(
                "china_site_policy",
                text!(self, "lifecycle.chinaSitePolicy"),
                &["ECS-3", "ECS-14"],
            ));
        }
        if plan.economical_mode {
            warnings.push(Warning::new(
                "economical_mode",
                text!(self, "lifecycle.economicalMode"),
                &["ECS-6"],
            ));
        }
        if matches!(plan.kind, Kind::CloudPhone(_)) && !plan.attached.is_empty() {
            warnings.push(Warning::new(
                "dependents_billed_separately",
                text!(self, "lifecycle.dependentsBilledSeparately"),
                &["CP-1", "CP-10"],
            ));
        }
        if plan.rate.is_some() && plan.credit.is_none() && plan.overdue_at.is_none() {
            warnings.push(Warning::new(
                "runway_not_predicted",
                text!(self, "lifecycle.runwayNotPredicted"),
                &[],
            ));
        }
        warnings
    }

    fn finish(self, end: Instant) -> Lifecycle {
        let plan = self.plan;
        let warnings = self.warnings();
        let resources = self
            .fates
            .into_iter()
            .map(|(resource, changes, rules)| {
                let phases = changes
                    .iter()
                    .enumerate()
                    .map(|(i, (from, status))| Phase { from: *from, to: changes.get(i + 1).map_or(end, |next| next.0), status: *status })
                    .collect();
                ResourceFate { resource, phases, rules }
            })
            .collect();
        Lifecycle {
            product: plan.kind.product(),
            currency: plan.ctx.currency().code,
            horizon: Horizon { from: plan.start, to: end },
            final_state: self.timeline.last().map_or(State::Running, |e| e.state),
            timeline: self.timeline,
            data_deleted_at: self.data_deleted_at,
            last_safe_moment: self.first_interruption.map(|at| at.plus_seconds(-1)),
            credit_runs_out_at: self.credit_runs_out_at,
            resources,
            billed: minimum_charge(plan, self.billed),
            warnings,
        }
    }
}

/// ECS-13: a pay-as-you-go instance whose whole lifetime costs less than 0.01 is charged 0.01
/// (the currency's unit, SITE-3). `billed` is the exact amount; the answer is rounded to
/// the currency's unit.
pub(super) fn minimum_charge(plan: &Plan, billed: Decimal) -> Decimal {
    let currency = plan.ctx.currency();
    if plan.kind == Kind::Ecs(Billing::PayAsYouGo) && crate::products::ecs::below_minimum_charge(billed, currency) {
        crate::products::ecs::minimum_lifetime_charge(currency)
    } else {
        Rounding::bill(currency).apply(billed)
    }
}

/// The parts a subscription's expiry stops and its release deletes: the Cloud Phone
/// group (CP-14); ECS compute, subscription disks and the static public IP (ECS-11).
pub(super) fn is_subscription_part(name: &str) -> bool {
    matches!(name, "instanceGroup" | "compute" | "systemDisk" | "staticPublicIp")
}

/// A resource part: its name, each status change (from when), and its rules.
type Fate = (&'static str, Vec<(Instant, ResourceStatus)>, Vec<&'static str>);

fn initial_fates(plan: &Plan) -> Vec<Fate> {
    let start = plan.start;
    let mut fates: Vec<Fate> = match plan.kind {
        Kind::CloudPhone(_) => vec![("instanceGroup", vec![(start, ResourceStatus::Active)], vec!["CP-9"])],
        Kind::Ecs(Billing::PayAsYouGo) => vec![
            ("compute", vec![(start, ResourceStatus::Active)], vec!["ECS-5"]),
            ("systemDisk", vec![(start, ResourceStatus::Active)], vec!["ECS-5"]),
        ],
        // ECS-11: compute and subscription disks share the instance's fate.
        Kind::Ecs(Billing::Subscription) => vec![
            ("compute", vec![(start, ResourceStatus::Active)], vec!["ECS-2", "ECS-11"]),
            ("systemDisk", vec![(start, ResourceStatus::Active)], vec!["ECS-2", "ECS-11"]),
        ],
        _ => Vec::new(),
    };
    for name in &plan.attached {
        let (status, rules) = match (plan.kind, *name) {
            (Kind::CloudPhone(_), _) => (ResourceStatus::Independent, vec!["CP-10"]),
            (_, "eip") => (ResourceStatus::Independent, vec!["ECS-5"]),
            (Kind::Ecs(Billing::Subscription), "staticPublicIp") => (ResourceStatus::Active, vec!["ECS-11"]),
            (Kind::Ecs(Billing::Subscription), _) => (ResourceStatus::Active, vec!["ECS-2", "ECS-5"]),
            _ => (ResourceStatus::Active, vec!["ECS-5"]),
        };
        fates.push((name, vec![(start, status)], rules));
    }
    fates
}
