//! ECS in a lifecycle (seed 004 and its dated pages): billed per second and deducted on
//! the hour (ECS-13), overdue deductions and their retries, the stop and the release of
//! pay-as-you-go resources (ECS-1..ECS-7, ECS-14, ECS-16), a subscription's cycle, expiry
//! and auto-renewal (ECS-10..ECS-12, ECS-15). The engine decides when; this says what.

use super::answer::{Event, Part, ResourceStatus};
use super::product::{money, rounding, Clock, Fate, Item, Purse, Rules, Said, Step};
use super::subscription::{Schedule, Term};
use crate::bill::{Billing, Product, Warning};
use crate::policy::{AutoRenewSchedule, Policies, Policy, Preset, SnapshotsAfterRelease};
use crate::products::ecs::minimum_lifetime_charge;
use crate::time::Instant;
use rust_decimal::Decimal;

/// The day counts of ECS's overdue rules for one call (`policy.ecs`).
#[derive(Debug, Clone)]
pub struct Overdue {
    /// ECS-3 retries, in days after T; None where the policy has none (ECS-14).
    retries: [Option<i64>; 2],
    /// ECS-4: stopped T + this (ECS-14: at once).
    stop_days: i64,
    release_after_stop_days: i64,
    /// ECS-14 (the China site's preset) rather than ECS-3/ECS-4.
    china_site: bool,
    /// ECS-16 rather than ECS-5: snapshots behind disks and custom images are kept.
    keep_snapshots_in_use: bool,
}

impl Overdue {
    pub fn of(policies: &Policies) -> Overdue {
        let days = |p| policies.get(p).map(i64::from);
        Overdue {
            retries: [days(Policy::EcsSecondDeductionAfterDays), days(Policy::EcsThirdDeductionAfterDays)],
            stop_days: policies.count(Policy::EcsStopAfterDays),
            release_after_stop_days: policies.count(Policy::EcsReleaseAfterStopDays),
            china_site: policies.has_preset(Preset::EcsChinaSite),
            keep_snapshots_in_use: policies.chosen::<SnapshotsAfterRelease>() == SnapshotsAfterRelease::KeepInUse,
        }
    }

    /// The rule behind the stop and the release: ECS-14 on the China site, else ECS-4.
    fn rule(&self) -> &'static str {
        if self.china_site { "ECS-14" } else { "ECS-4" }
    }
}

/// A subscription's expiry rules: ECS-11's release after expiry, and whether the
/// instance auto-renews by ECS-12's schedule or ECS-15's.
#[derive(Debug, Clone)]
pub struct Cycle {
    pub term: Term,
    /// ECS-11: days from expiry to release without auto-renewal.
    pub release_after_expiry_days: i64,
}

/// An ECS instance's lifecycle.
#[derive(Debug, Clone)]
pub struct Ecs {
    billing: Billing,
    /// Instances in the item: ECS-13's minimum is per instance.
    quantity: u64,
    /// `resource.attached`.
    parts: Vec<Part>,
    economical_mode: bool,
    /// Whether anything of it is billed by use: a pay-as-you-go instance, or the
    /// pay-as-you-go parts of a subscription (ECS-2).
    metered: bool,
    overdue: Overdue,
    cycle: Option<Cycle>,
    // Its own state.
    retries_done: u8,
    /// ECS-4: the pay-as-you-go billing ceased at T+15.
    metering_stopped: bool,
    disk_released: bool,
}

impl Ecs {
    /// The parts a caller may attach to an instance of `billing` (`resource.attached`).
    pub fn attachable(billing: Billing) -> &'static [Part] {
        match billing {
            // ECS-5: the resources an overdue pay-as-you-go instance has.
            Billing::PayAsYouGo => &[Part::DataDisk, Part::LocalDisk, Part::StaticPublicIp, Part::Eip, Part::Snapshots, Part::CustomImage],
            // ECS-2: the pay-as-you-go parts of a subscription instance; ECS-11: its public IP.
            Billing::Subscription => &[Part::PayAsYouGoDisk, Part::PayByTrafficBandwidth, Part::StaticPublicIp, Part::Eip],
        }
    }

    /// A subscription's auto-renewal schedule from the call's policies: ECS-12's, or
    /// ECS-15's with the `ecsAutoRenewal2019` preset.
    pub fn renewal_schedule(policies: &Policies) -> Schedule {
        let days = |p| policies.count(p);
        let hour = Some(days(Policy::EcsAutoRenewAttemptHour).min(23));
        let grace = Some((days(Policy::EcsAutoRenewServingAfterExpiryDays), days(Policy::EcsAutoRenewReleaseAfterExpiryDays)));
        let months = Schedule::renewal_months(policies, Policy::EcsAutoRenewMonths);
        if policies.chosen::<AutoRenewSchedule>() == AutoRenewSchedule::FiveAttempts2019 {
            // ECS-15: 3 and 1 days before expiry, on the day, 6 and 14 days after (the
            // caller's counts kept in time order, each day once).
            let mut days = vec![
                -days(Policy::EcsAutoRenew2019FirstAttemptDaysBeforeExpiry),
                -days(Policy::EcsAutoRenew2019SecondAttemptDaysBeforeExpiry),
                0,
                days(Policy::EcsAutoRenew2019FourthAttemptDaysAfterExpiry),
                days(Policy::EcsAutoRenew2019FifthAttemptDaysAfterExpiry),
            ];
            days.sort_unstable();
            days.dedup();
            return Schedule { months, days, hour, grace, rule: "ECS-15" };
        }
        // ECS-12: daily attempts on each of the nine days before expiry, so the last is one day before.
        let first = days(Policy::EcsAutoRenewFirstAttemptDaysBeforeExpiry);
        Schedule { months, days: (1..=first).rev().map(|d| -d).collect(), hour, grace, rule: "ECS-12" }
    }

    /// `metered`: a pay-as-you-go instance always; a subscription where the caller gives
    /// a cost rate or attaches a pay-as-you-go disk or pay-by-traffic bandwidth.
    pub fn new(billing: Billing, quantity: u64, parts: Vec<Part>, economical_mode: bool, metered: bool, overdue: Overdue, cycle: Option<Cycle>) -> Ecs {
        let metered = metered || billing == Billing::PayAsYouGo || parts.iter().any(|p| matches!(p, Part::PayAsYouGoDisk | Part::PayByTrafficBandwidth));
        Ecs { billing, quantity, parts, economical_mode, metered, overdue, cycle, retries_done: 0, metering_stopped: false, disk_released: false }
    }

    fn has(&self, part: Part) -> bool {
        self.parts.contains(&part)
    }

    /// ECS-13's least charge for a lifetime of its instances: one unit of the currency each.
    fn minimum_charge(&self, item: &Item) -> Decimal {
        minimum_lifetime_charge(super::product::currency(item.ctx())) * Decimal::from(self.quantity)
    }

    fn pay_as_you_go(&self) -> bool {
        self.billing == Billing::PayAsYouGo
    }

    /// ECS-12, ECS-15: days serving after an unpaid expiry, and to its release.
    fn grace(&self) -> Option<(i64, i64)> {
        self.cycle.as_ref()?.term.grace()
    }

    fn expiry(&self) -> Option<Instant> {
        Some(self.cycle.as_ref()?.term.expiry())
    }

    /// ECS-11, ECS-12: when an expired subscription is released.
    fn expired_release_at(&self) -> Option<Instant> {
        let cycle = self.cycle.as_ref()?;
        let days = self.grace().map_or(cycle.release_after_expiry_days, |(_, release)| release);
        Some(cycle.term.expiry().plus_days(days))
    }

    /// The rule of the auto-renewal schedule: ECS-12, or ECS-15's older one.
    fn schedule_rule(&self) -> &'static str {
        self.cycle.as_ref().and_then(|c| c.term.schedule()).map_or("ECS-12", |s| s.rule)
    }

    /// ECS-4 (or ECS-14): stopped long enough, the pay-as-you-go resources go; ECS-5
    /// deletes the snapshots with them, ECS-16's older reading keeps those in use.
    fn released_for_overdue(&self, item: &mut Item) -> Said {
        let keep = self.overdue.keep_snapshots_in_use;
        item.release();
        item.fate(ResourceStatus::Released, |p| !(keep && matches!(p, Part::Snapshots | Part::CustomImage)));
        if keep {
            item.fate(ResourceStatus::Retained, |p| matches!(p, Part::Snapshots | Part::CustomImage));
        }
        let mut effects = vec![
            text!(item, "ecsLife.releasedAfterStop", days = self.overdue.release_after_stop_days),
            text!(item, "ecsLife.computeReleased"),
            text!(item, "ecsLife.disksReleased"),
            text!(item, "ecsLife.ipReleasedEipOwn"),
        ];
        let mut rules = vec![self.overdue.rule(), "ECS-5"];
        let has_snapshots = self.has(Part::Snapshots) || self.has(Part::CustomImage);
        if keep {
            effects.push(text!(item, "ecsLife.snapshotsInUseKept"));
            rules.push("ECS-16");
        } else {
            effects.push(text!(item, "ecsLife.snapshotsDeleted"));
        }
        if has_snapshots {
            // ECS-16: where there are snapshots or custom images, the other reading too.
            effects.push(if keep { text!(item, "ecsLife.snapshotsSeedReading") } else { text!(item, "ecsLife.snapshotsOlderReading") });
            if !keep {
                rules.push("ECS-16");
            }
        }
        Said::new(Event::Released, effects, rules)
    }

    /// ECS-11 (ECS-12 with auto-renewal on), ECS-5: not renewed in time.
    fn expired_release(&self, item: &mut Item) -> Said {
        item.release();
        item.fate(ResourceStatus::Released, subscription_part);
        let days = self.expired_release_at().map_or(0, |at| (at.0 - self.expiry().unwrap_or(at).0) / super::product::DAY);
        let mut effects = vec![text!(item, "ecsLife.expiredRelease", days = days)];
        if self.has(Part::StaticPublicIp) {
            effects.push(text!(item, "ecsLife.ipReleased"));
        }
        if self.has(Part::Eip) {
            effects.push(text!(item, "ecsLife.eipDisassociated"));
        }
        let first = if self.grace().is_some() { "ECS-12" } else { "ECS-11" };
        Said::new(Event::Released, effects, vec![first, "ECS-5"])
    }

    /// ECS-10, ECS-11, ECS-12, ECS-15: the cycle ends; with auto-renewal on but unpaid the
    /// instance serves a while.
    fn expire(&self, item: &mut Item) -> Said {
        let grace = self.grace();
        item.expire(grace.is_some());
        let release = self.expired_release_at().unwrap_or(item.now());
        let Some((serving, _)) = grace else {
            item.fate(ResourceStatus::Retained, subscription_part);
            let effects = vec![text!(item, "ecsLife.cycleEnds"), text!(item, "ecsLife.renewFromExpiry", before = release), text!(item, "ecsLife.noAutoRenewWhenExpired")];
            return Said::new(Event::Expired, effects, vec!["ECS-10", "ECS-11"]);
        };
        let stop = item.now().plus_days(serving);
        let mut effects = vec![text!(item, "ecsLife.expiredServing", days = serving, until = stop)];
        let mut rules = vec!["ECS-12"];
        let term = self.cycle.as_ref().map(|c| &c.term);
        match term.and_then(|t| t.next_attempt(item.now(), item.start())) {
            // ECS-15: the 2019 schedule attempts again after expiry, backdated if it pays.
            Some((at, _)) => {
                effects.push(text!(item, "ecsLife.attemptsAfterExpiry", at = at));
                rules.push("ECS-15");
            }
            // ECS-12 (ECS-15 asks the answer to say it): nothing is attempted after expiry.
            None => effects.push(text!(item, "ecsLife.noAttemptAfterExpiry", until = stop)),
        }
        effects.push(text!(item, "ecsLife.renewBackdatedThen", before = release));
        Said::new(Event::Expired, effects, rules)
    }
}

/// ECS-11: the parts an expiry stops and a release takes with the instance.
fn subscription_part(part: Part) -> bool {
    matches!(part, Part::Compute | Part::SystemDisk | Part::StaticPublicIp)
}

/// ECS-2: what a subscription instance has that is billed by use.
fn pay_as_you_go_part(part: Part) -> bool {
    matches!(part, Part::PayAsYouGoDisk | Part::PayByTrafficBandwidth)
}

impl Rules for Ecs {
    fn product(&self) -> Product {
        Product::Ecs
    }

    /// ECS-13: billed per second, settled once an hour, on the hour.
    fn clock(&self) -> Clock {
        Clock::Hourly
    }

    fn parts(&self) -> Vec<Fate> {
        let subscription = !self.pay_as_you_go();
        // ECS-11: compute and subscription disks share the instance's fate.
        let own = if subscription { vec!["ECS-2", "ECS-11"] } else { vec!["ECS-5"] };
        let mut parts = vec![Fate::new(Part::Compute, ResourceStatus::Active, own.clone()), Fate::new(Part::SystemDisk, ResourceStatus::Active, own)];
        for part in &self.parts {
            let (status, rules) = match (subscription, part) {
                (_, Part::Eip) => (ResourceStatus::Independent, vec!["ECS-5"]),
                (true, Part::StaticPublicIp) => (ResourceStatus::Active, vec!["ECS-11"]),
                (true, _) => (ResourceStatus::Active, vec!["ECS-2", "ECS-5"]),
                (false, _) => (ResourceStatus::Active, vec!["ECS-5"]),
            };
            parts.push(Fate::new(*part, status, rules));
        }
        parts
    }

    fn is_subscription(&self) -> bool {
        self.cycle.is_some()
    }

    fn bills(&self, item: &Item) -> bool {
        !item.gone() && self.metered && !self.metering_stopped
    }

    fn created(&self, item: &Item) -> Said {
        let mut effects = Vec::new();
        let mut rules = if self.pay_as_you_go() {
            effects.push(text!(item, "created.ecsPayAsYouGo"));
            vec!["ECS-3", "ECS-13"]
        } else {
            effects.push(text!(item, "created.ecsSubscription"));
            vec!["ECS-2"]
        };
        if let Some(cycle) = &self.cycle {
            // ECS-10: the cycle ends at 00:00 the day after the expiry date.
            effects.push(text!(item, "created.ecsCycleEnds", at = cycle.term.expiry()));
            rules.push("ECS-10");
            if let Some(schedule) = cycle.term.describe_schedule(item) {
                effects.push(schedule);
                rules.push(self.schedule_rule());
            }
        }
        Said::new(Event::Created, effects, rules)
    }

    /// ECS-1: overdue is a credit below an outstanding bill (seed 004).
    fn overdue_rule(&self) -> &'static str {
        "ECS-1"
    }

    /// Overdue: ECS-1, then ECS-3/ECS-4 (pay-as-you-go) or ECS-2 (subscription), ECS-14 on the China site.
    fn overdue(&mut self, item: &mut Item, by_bill: bool) -> (Vec<String>, Vec<&'static str>) {
        self.retries_done = 0;
        let stop = item.now().plus_days(self.overdue.stop_days);
        let mut effects = vec![text!(item, "ecsLife.overdue")];
        let mut rules = vec![self.overdue_rule()];
        if by_bill && item.alone() && self.metered {
            effects.push(text!(item, "ecsLife.hourlySettlement"));
            rules.push("ECS-13");
        }
        if self.metered && self.overdue.china_site {
            effects.push(text!(item, "ecsLife.chinaSite", release = stop.plus_days(self.overdue.release_after_stop_days)));
            rules.push("ECS-14");
            if !self.pay_as_you_go() {
                effects.push(text!(item, "ecsLife.subscriptionUsable"));
                rules.push("ECS-2");
            }
        } else if self.pay_as_you_go() {
            let [second, third] = self.overdue.retries;
            effects.push(text!(item, "ecsLife.keepsRunning", second = second.unwrap_or_default(), third = third.unwrap_or_default()));
            effects.push(text!(item, "ecsLife.stopsAt", at = stop));
            rules.extend(["ECS-3", "ECS-4"]);
        } else {
            // ECS-2: the subscription itself stays usable; only what is billed by use is not.
            effects.push(text!(item, "ecsLife.subscriptionUsable"));
            if self.has(Part::PayAsYouGoDisk) {
                effects.push(text!(item, "ecsLife.paygDiskUnavailable"));
            }
            if self.has(Part::PayByTrafficBandwidth) {
                effects.push(text!(item, "ecsLife.trafficUnavailable"));
            }
            rules.push("ECS-2");
            item.fate(ResourceStatus::Unavailable, pay_as_you_go_part);
        }
        if self.economical_mode {
            effects.push(text!(item, "ecsLife.economicalOverdue"));
            rules.push("ECS-6");
        }
        (effects, rules)
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
        // ECS-3, ECS-4: only what is billed by use is retried, stopped and released.
        if let (Some(t), true) = (item.overdue_since(), self.metered) {
            let retry = self.overdue.retries.get(usize::from(self.retries_done)).copied().flatten();
            // A retry after the stop is no retry (ECS-14 has none).
            if let Some(days) = retry.filter(|d| *d < self.overdue.stop_days) {
                offer(t.plus_days(days), Step::DeductionRetry(self.retries_done + 1));
            }
            let stop = t.plus_days(self.overdue.stop_days);
            let release = stop.plus_days(self.overdue.release_after_stop_days);
            if !self.metering_stopped {
                offer(stop, Step::Stop);
            } else if self.pay_as_you_go() {
                offer(release, Step::OverdueRelease);
            } else if self.has(Part::PayAsYouGoDisk) && !self.disk_released {
                offer(release, Step::PartRelease);
            }
        }
        if let Some(cycle) = &self.cycle {
            let expiry = cycle.term.expiry();
            if !item.expired() {
                offer(expiry, Step::Expire);
            } else {
                if let (true, Some((serving, _))) = (item.serving_after_expiry(), self.grace()) {
                    offer(expiry.plus_days(serving), Step::ExpiredStop);
                }
                if let Some(at) = self.expired_release_at() {
                    offer(at, Step::ExpiredRelease);
                }
            }
            if !item.expired() || item.serving_after_expiry() {
                if let Some((at, index)) = cycle.term.next_attempt(item.now(), item.start()) {
                    offer(at, Step::AutoRenewAttempt(index));
                }
            }
        }
        best
    }

    fn on_deadline(&mut self, step: Step, item: &mut Item, purse: &mut Purse) -> Said {
        match step {
            Step::DeductionRetry(n) => {
                self.retries_done = n;
                let days = self.overdue.retries.get(usize::from(n) - 1).copied().flatten().unwrap_or_default();
                let attempt = n + 1;
                let text = match purse.credit() {
                    Some(c) => text!(item, "lifecycle.deductionFailsOwed", attempt = attempt, days = days, owed = money(item.ctx(), (-c).max(Decimal::ZERO))),
                    None => text!(item, "lifecycle.deductionFails", attempt = attempt, days = days),
                };
                Said::new(Event::DeductionRetry, vec![text], vec!["ECS-3"])
            }
            // ECS-4 (ECS-14 on the China site): the pay-as-you-go parts stop and their billing ceases.
            Step::Stop => {
                self.metering_stopped = true;
                let why = if self.overdue.china_site { text!(item, "ecsLife.why.china") } else { text!(item, "ecsLife.why.deductions") };
                if !self.pay_as_you_go() {
                    return Said::new(Event::PayAsYouGoStopped, vec![text!(item, "ecsLife.paygStopped", why = why)], vec![self.overdue.rule()]);
                }
                item.stop();
                item.fate(ResourceStatus::Retained, |_| true);
                let release = item.now().plus_days(self.overdue.release_after_stop_days);
                let mut effects = vec![text!(item, "ecsLife.stopped", why = why), text!(item, "ecsLife.keptNoService"), text!(item, "ecsLife.payBefore", before = release)];
                let mut rules = vec![self.overdue.rule(), "ECS-5"];
                if self.economical_mode {
                    effects.push(text!(item, "ecsLife.economicalRestart"));
                    rules.push("ECS-6");
                }
                Said::new(Event::Stopped, effects, rules)
            }
            Step::OverdueRelease => self.released_for_overdue(item),
            // ECS-4, ECS-5: the pay-as-you-go disk of a subscription instance.
            Step::PartRelease => {
                self.disk_released = true;
                item.delete_data();
                item.fate(ResourceStatus::Released, |p| p == Part::PayAsYouGoDisk);
                Said::new(Event::PayAsYouGoReleased, vec![text!(item, "ecsLife.paygDiskReleased")], vec!["ECS-4", "ECS-5"])
            }
            Step::AutoRenewAttempt(index) => {
                let Some(cycle) = self.cycle.as_mut() else { return Said::new(Event::AutoRenewFailed, Vec::new(), Vec::new()) };
                let said = cycle.term.attempt(index, item, purse, &["ECS-10"], "ECS-2");
                if said.event == Event::AutoRenewed {
                    item.fate(ResourceStatus::Active, subscription_part);
                }
                said
            }
            Step::Expire => self.expire(item),
            // ECS-12, ECS-15: auto-renewal never paid, the instance stops serving after its grace.
            Step::ExpiredStop => {
                item.stop_serving();
                item.fate(ResourceStatus::Retained, subscription_part);
                let days = self.grace().map_or(0, |g| g.0);
                let release = self.expired_release_at().unwrap_or(item.now());
                let effects = vec![text!(item, "ecsLife.autoRenewNeverSucceeded", days = days), text!(item, "ecsLife.renewBackdated", before = release)];
                Said::new(Event::Stopped, effects, vec![self.schedule_rule()])
            }
            _ => self.expired_release(item),
        }
    }

    /// ECS-7, ECS-4, ECS-2: paid, the stopped parts restart and bill again.
    fn settled(&mut self, item: &mut Item) -> (Vec<String>, Vec<&'static str>) {
        let (mut effects, mut rules) = (Vec::new(), Vec::new());
        if self.metering_stopped {
            self.metering_stopped = false;
            if self.pay_as_you_go() {
                item.restart();
                effects.push(text!(item, "ecsLife.restarts"));
                rules.push("ECS-7");
                if self.economical_mode {
                    effects.push(text!(item, "ecsLife.economicalSettled"));
                    rules.push("ECS-6");
                }
            } else {
                effects.push(text!(item, "ecsLife.paygResumes"));
                rules.push("ECS-4");
            }
        }
        if self.pay_as_you_go() {
            item.fate(ResourceStatus::Active, |_| true);
        } else {
            item.fate(ResourceStatus::Active, pay_as_you_go_part);
            if self.parts.iter().any(|p| pay_as_you_go_part(*p)) {
                effects.push(text!(item, "ecsLife.paygAvailable"));
                rules.push("ECS-2");
            }
        }
        (effects, rules)
    }

    fn renew(&mut self, months: u64, item: &mut Item) -> Said {
        let grace = self.grace();
        let Some(cycle) = self.cycle.as_mut() else { return Said::new(Event::RenewRefused, Vec::new(), Vec::new()) };
        if item.released() {
            return Said::new(Event::RenewRefused, vec![text!(item, "lifecycle.renewAfterRelease")], vec!["ECS-11"]);
        }
        if item.overdue() {
            return Said::new(Event::RenewRefused, vec![text!(item, "lifecycle.renewRefusedOverdue")], vec!["ECS-2"]);
        }
        // ECS-10: from the old end, not from the payment; after expiry, that is the
        // backdating of ECS-12.
        let (mut effects, old) = cycle.term.renew_by_hand(months, item);
        let mut rules = vec!["ECS-10"];
        if item.expired() {
            effects.push(text!(item, "lifecycle.backdated", old = old));
            rules.push(if grace.is_some() { "ECS-12" } else { "ECS-11" });
        }
        effects.extend(cycle.term.charge_renewal(months, item));
        if item.expired() {
            item.unexpire();
            item.fate(ResourceStatus::Active, subscription_part);
            effects.push(text!(item, "lifecycle.serviceResumes"));
        }
        effects.extend(cycle.term.expiry_past(item));
        Said::new(Event::Renewed, effects, rules)
    }

    fn release(&mut self, item: &mut Item) -> Said {
        // ECS-13: a lifetime whose fee is below 0.01 is charged 0.01 (per instance; one
        // unit of the currency, SITE-3).
        let minimum = self.minimum_charge(item);
        if self.pay_as_you_go() && item.charged() > Decimal::ZERO && item.charged() < minimum {
            item.charge(minimum - item.charged());
        }
        item.release();
        item.fate(ResourceStatus::Released, |p| {
            matches!(p, Part::Compute | Part::SystemDisk | Part::DataDisk | Part::LocalDisk | Part::StaticPublicIp | Part::PayAsYouGoDisk | Part::PayByTrafficBandwidth)
        });
        Said::new(Event::Released, vec![text!(item, "lifecycle.ecsReleased")], vec!["ECS-5"])
    }

    fn warnings(&self, item: &Item) -> Vec<Warning> {
        let mut warnings = Vec::new();
        // ECS-14: where an overdue payment stops something, the China site differs.
        if self.metered && !self.overdue.china_site {
            warnings.push(Warning::new("china_site_policy", text!(item, "lifecycle.chinaSitePolicy"), &["ECS-3", "ECS-14"]));
        }
        if self.economical_mode {
            warnings.push(Warning::new("economical_mode", text!(item, "lifecycle.economicalMode"), &["ECS-6"]));
        }
        // ECS-16: snapshots or custom images: the other reading of their fate.
        if self.pay_as_you_go() && (self.has(Part::Snapshots) || self.has(Part::CustomImage)) {
            let message = if self.overdue.keep_snapshots_in_use { text!(item, "lifecycle.snapshotsKeptReading") } else { text!(item, "lifecycle.snapshotsDeletedReading") };
            warnings.push(Warning::new("snapshot_readings", message, &["ECS-5", "ECS-16"]));
        }
        warnings
    }

    /// ECS-13: a pay-as-you-go lifetime that costs anything is charged at least 0.01 per
    /// instance (one unit of the currency, SITE-3).
    fn billed(&self, item: &Item) -> Decimal {
        let (charged, minimum) = (item.charged(), self.minimum_charge(item));
        if self.pay_as_you_go() && charged > Decimal::ZERO && charged < minimum {
            minimum
        } else {
            rounding(item.ctx()).apply(charged)
        }
    }
}
