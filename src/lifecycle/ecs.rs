//! ECS in a lifecycle (seed 004 and its dated pages): overdue deductions, the stop and
//! the release of pay-as-you-go resources, subscription expiry and auto-renewal grace,
//! and what a payment restores (ECS-1..ECS-7, ECS-10..ECS-14). The engine decides when;
//! this says what.

use super::engine::{is_subscription_part, Sim};
use super::answer::ResourceStatus;
use crate::bill::Billing;
use crate::time::Instant;

impl Sim<'_> {
    /// ECS-4, ECS-5 (ECS-14 on the China site): stopped long enough, the pay-as-you-go resources go.
    pub(super) fn ecs_released_for_overdue(&mut self) {
        self.fate(ResourceStatus::Released, |_| true);
        let rules = if self.p.ecs_china_site { vec!["ECS-14", "ECS-5"] } else { vec!["ECS-4", "ECS-5"] };
        let effects = vec![
            text!(self, "ecsLife.releasedAfterStop", days = self.p.ecs_release_after_stop_days),
            text!(self, "ecsLife.computeReleased"),
            text!(self, "ecsLife.disksReleased"),
            text!(self, "ecsLife.ipReleasedEipOwn"),
            text!(self, "ecsLife.snapshotsDeleted"),
        ];
        self.push("released", effects, rules);
    }

    /// ECS-4, ECS-5: the pay-as-you-go disk of a subscription instance.
    pub(super) fn ecs_pay_as_you_go_disk_released(&mut self) {
        self.payg_released = true;
        self.data_deleted_at.get_or_insert(self.now);
        self.fate(ResourceStatus::Released, |n| n == "payAsYouGoDisk");
        self.push(
            "payAsYouGoReleased",
            vec![text!(self, "ecsLife.paygDiskReleased")],
            vec!["ECS-4", "ECS-5"],
        );
    }

    /// ECS-12: auto-renewal never paid, the instance stops serving after its grace.
    pub(super) fn ecs_expired_stop(&mut self) {
        self.serving_after_expiry = false;
        self.fate(ResourceStatus::Retained, is_subscription_part);
        let days = self.p.serving_after_expiry_days.unwrap_or_default();
        let release = self.expired_release_at().unwrap_or(self.now);
        self.push(
            "stopped",
            vec![
                text!(self, "ecsLife.autoRenewNeverSucceeded", days = days),
                text!(self, "ecsLife.renewBackdated", before = release.to_rfc3339()),
            ],
            vec!["ECS-12"],
        );
    }

    /// ECS-11 (ECS-12 with auto-renewal on), ECS-5: not renewed in time.
    pub(super) fn ecs_expired_release(&self, days: i64, effects: &mut Vec<String>) -> Vec<&'static str> {
        effects.push(text!(self, "ecsLife.expiredRelease", days = days));
        if self.plan.has("staticPublicIp") {
            effects.push(text!(self, "ecsLife.ipReleased"));
        }
        if self.plan.has("eip") {
            effects.push(text!(self, "ecsLife.eipDisassociated"));
        }
        let first = if self.p.serving_after_expiry_days.is_some() { "ECS-12" } else { "ECS-11" };
        vec![first, "ECS-5"]
    }

    /// Overdue: ECS-1, then ECS-3/ECS-4 (pay-as-you-go) or ECS-2 (subscription), ECS-14 on the China site.
    pub(super) fn ecs_overdue(&mut self, billing: Billing, t: Instant, ran_out: Option<Instant>, effects: &mut Vec<String>, rules: &mut Vec<&'static str>) {
        let stop = t.plus_days(self.p.ecs_stop_days);
        effects.push(text!(self, "ecsLife.overdue"));
        rules.push("ECS-1");
        if self.plan.rate.is_some() && self.overdue_at_pending.is_none() && ran_out.is_some() && !self.shared {
            effects.push(text!(self, "ecsLife.hourlySettlement"));
            rules.push("ECS-13");
        }
        if self.p.ecs_china_site {
            effects.push(text!(self, "ecsLife.chinaSite", release = stop.plus_days(self.p.ecs_release_after_stop_days).to_rfc3339()));
            rules.push("ECS-14");
            if billing == Billing::Subscription {
                effects.push(text!(self, "ecsLife.subscriptionUsable"));
                rules.push("ECS-2");
            }
        } else if billing == Billing::PayAsYouGo {
            effects.push(text!(
                self,
                "ecsLife.keepsRunning",
                second = self.p.ecs_second_deduction_days.unwrap_or_default(),
                third = self.p.ecs_third_deduction_days.unwrap_or_default()
            ));
            effects.push(text!(self, "ecsLife.stopsAt", at = stop.to_rfc3339()));
            rules.extend(["ECS-3", "ECS-4"]);
        } else {
            effects.push(text!(self, "ecsLife.subscriptionUsable"));
            if self.plan.has("payAsYouGoDisk") {
                effects.push(text!(self, "ecsLife.paygDiskUnavailable"));
            }
            if self.plan.has("payByTrafficBandwidth") {
                effects.push(text!(self, "ecsLife.trafficUnavailable"));
            }
            rules.push("ECS-2");
            self.fate(ResourceStatus::Unavailable, |n| n == "payAsYouGoDisk" || n == "payByTrafficBandwidth");
        }
        if self.plan.economical_mode {
            effects.push(text!(self, "ecsLife.economicalOverdue"));
            rules.push("ECS-6");
        }
    }

    /// ECS-4 (ECS-14 on the China site): the pay-as-you-go parts stop and their billing ceases.
    pub(super) fn ecs_stop(&mut self, billing: Billing) {
        let china = self.p.ecs_china_site;
        let why = if china { text!(self, "ecsLife.why.china") } else { text!(self, "ecsLife.why.deductions") };
        if billing == Billing::PayAsYouGo {
            self.stopped = true;
            self.payg_stopped = true;
            self.fate(ResourceStatus::Retained, |_| true);
            let release = self.now.plus_days(self.p.ecs_release_after_stop_days);
            let mut effects = vec![
                text!(self, "ecsLife.stopped", why = why),
                text!(self, "ecsLife.keptNoService"),
                text!(self, "ecsLife.payBefore", before = release.to_rfc3339()),
            ];
            let mut rules = vec![if china { "ECS-14" } else { "ECS-4" }, "ECS-5"];
            if self.plan.economical_mode {
                effects.push(text!(self, "ecsLife.economicalRestart"));
                rules.push("ECS-6");
            }
            self.push("stopped", effects, rules);
        } else {
            self.payg_stopped = true;
            let rule = if china { "ECS-14" } else { "ECS-4" };
            self.push("payAsYouGoStopped", vec![text!(self, "ecsLife.paygStopped", why = why)], vec![rule]);
        }
    }

    /// ECS-10, ECS-11, ECS-12: the cycle ends; with auto-renewal on but unpaid the instance serves a while.
    pub(super) fn ecs_expired(&self, release_text: &str, effects: &mut Vec<String>) -> Vec<&'static str> {
        if self.serving_after_expiry {
            let serving = self.p.serving_after_expiry_days.unwrap_or_default();
            let stop = self.expired_stop_at().map(Instant::to_rfc3339).unwrap_or_default();
            effects.push(text!(self, "ecsLife.expiredServing", days = serving, until = stop));
            effects.push(text!(self, "ecsLife.renewBackdatedThen", before = release_text));
            vec!["ECS-12"]
        } else {
            effects.push(text!(self, "ecsLife.cycleEnds"));
            effects.push(text!(self, "ecsLife.renewFromExpiry", before = release_text));
            effects.push(text!(self, "ecsLife.noAutoRenewWhenExpired"));
            vec!["ECS-10", "ECS-11"]
        }
    }

    /// ECS-7, ECS-4, ECS-2: paid, the stopped parts restart and bill again.
    pub(super) fn ecs_settled(&mut self, billing: Billing, effects: &mut Vec<String>, rules: &mut Vec<&'static str>) {
        if self.payg_stopped {
            self.payg_stopped = false;
            if billing == Billing::PayAsYouGo {
                self.stopped = false;
                effects.push(text!(self, "ecsLife.restarts"));
                rules.push("ECS-7");
                if self.plan.economical_mode {
                    effects.push(text!(self, "ecsLife.economicalSettled"));
                    rules.push("ECS-6");
                }
            } else {
                effects.push(text!(self, "ecsLife.paygResumes"));
                rules.push("ECS-4");
            }
        }
        let restore: fn(&str) -> bool = if billing == Billing::PayAsYouGo { |_| true } else { |n| n == "payAsYouGoDisk" || n == "payByTrafficBandwidth" };
        self.fate(ResourceStatus::Active, restore);
        if billing == Billing::Subscription && (self.plan.has("payAsYouGoDisk") || self.plan.has("payByTrafficBandwidth")) {
            effects.push(text!(self, "ecsLife.paygAvailable"));
            rules.push("ECS-2");
        }
    }
}
