//! ECS in a lifecycle (seed 004 and its dated pages): overdue deductions, the stop and
//! the release of pay-as-you-go resources, subscription expiry and auto-renewal grace,
//! and what a payment restores (ECS-1..ECS-7, ECS-10..ECS-14). The engine decides when;
//! this says what.

use super::engine::{is_subscription_part, Sim};
use super::ResourceStatus;
use crate::quote::Billing;
use crate::time::Instant;

impl Sim<'_> {
    /// ECS-4, ECS-5 (ECS-14 on the China site): stopped long enough, the pay-as-you-go resources go.
    pub(super) fn ecs_released_for_overdue(&mut self) {
        self.fate(ResourceStatus::Released, |_| true);
        let rules = if self.p.ecs_china_site { vec!["ECS-14", "ECS-5"] } else { vec!["ECS-4", "ECS-5"] };
        let effects = vec![
            format!("stopped for {} days: the pay-as-you-go resources are released", self.p.ecs_release_after_stop_days),
            "compute (vCPUs, memory) is released and you receive an email".into(),
            "disks and local disks are released, including data disks created separately, attached or not: their data cannot be recovered".into(),
            "the static public IP address is released; an EIP has its own lifecycle".into(),
            "all snapshots are deleted, and custom images built on them with them: shared and community images disappear for their users".into(),
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
            vec!["the pay-as-you-go data disk is released, attached or not: its data cannot be recovered".into()],
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
                format!("auto-renewal never succeeded: {days} days after expiry the instance stops serving"),
                format!("renew before {} (the new cycle is backdated to the old expiry), or it is released", release.to_rfc3339()),
            ],
            vec!["ECS-12"],
        );
    }

    /// ECS-11 (ECS-12 with auto-renewal on), ECS-5: not renewed in time.
    pub(super) fn ecs_expired_release(&self, days: i64, effects: &mut Vec<String>) -> Vec<&'static str> {
        effects.push(format!("not renewed within {days} days of expiry: compute and the subscription disks are released with their data"));
        if self.plan.has("staticPublicIp") {
            effects.push("the static public IP address is released".into());
        }
        if self.plan.has("eip") {
            effects.push("the EIP is disassociated: it has its own lifecycle and goes on billing until you release it".into());
        }
        let first = if self.p.serving_after_expiry_days.is_some() { "ECS-12" } else { "ECS-11" };
        vec![first, "ECS-5"]
    }

    /// Overdue: ECS-1, then ECS-3/ECS-4 (pay-as-you-go) or ECS-2 (subscription), ECS-14 on the China site.
    pub(super) fn ecs_overdue(&mut self, billing: Billing, t: Instant, ran_out: Option<Instant>, effects: &mut Vec<String>, rules: &mut Vec<&'static str>) {
        let stop = t.plus_days(self.p.ecs_stop_days);
        effects.push("available credit is below the bill: the payment is overdue from the settlement date T".into());
        rules.push("ECS-1");
        if self.plan.rate.is_some() && self.overdue_at_pending.is_none() && ran_out.is_some() && !self.shared {
            effects.push("pay-as-you-go is billed per second and settled on the hour: the first hourly bill the credit cannot pay makes the account overdue".into());
            rules.push("ECS-13");
        }
        if self.p.ecs_china_site {
            effects.push(format!(
                "China site: pay-as-you-go resources stop at once, with no deduction retries (billing is paused while stopped); unless what is owed is paid, they are released at {}",
                stop.plus_days(self.p.ecs_release_after_stop_days).to_rfc3339()
            ));
            rules.push("ECS-14");
            if billing == Billing::Subscription {
                effects.push("subscription resources stay usable, but buying, upgrading and renewing are refused".into());
                rules.push("ECS-2");
            }
        } else if billing == Billing::PayAsYouGo {
            effects.push(format!(
                "the instance keeps running; buying, upgrading and auto-renewal are refused; deductions are retried at T+{} and T+{}",
                self.p.ecs_second_deduction_days.unwrap_or_default(),
                self.p.ecs_third_deduction_days.unwrap_or_default()
            ));
            effects.push(format!("unless what is owed is paid, the instance stops and billing ceases at {}", stop.to_rfc3339()));
            rules.extend(["ECS-3", "ECS-4"]);
        } else {
            effects.push("subscription resources stay usable, but buying, upgrading and renewing are refused".into());
            if self.plan.has("payAsYouGoDisk") {
                effects.push("the pay-as-you-go disk attached to the instance becomes unavailable; detaching it may fail and risks data loss".into());
            }
            if self.plan.has("payByTrafficBandwidth") {
                effects.push("pay-by-traffic public bandwidth becomes unavailable".into());
            }
            rules.push("ECS-2");
            self.fate(ResourceStatus::Unavailable, |n| n == "payAsYouGoDisk" || n == "payByTrafficBandwidth");
        }
        if self.plan.economical_mode {
            effects.push("an instance stopped in economical mode has given back its vCPUs and memory and may fail to restart while overdue".into());
            rules.push("ECS-6");
        }
    }

    /// ECS-4 (ECS-14 on the China site): the pay-as-you-go parts stop and their billing ceases.
    pub(super) fn ecs_stop(&mut self, billing: Billing) {
        let china = self.p.ecs_china_site;
        let why = if china { "the account is overdue (China site)" } else { "all three deductions failed" };
        if billing == Billing::PayAsYouGo {
            self.stopped = true;
            self.payg_stopped = true;
            self.fate(ResourceStatus::Retained, |_| true);
            let release = self.now.plus_days(self.p.ecs_release_after_stop_days);
            let mut effects = vec![
                format!("{why}: the instance is stopped and billing ceases"),
                "compute, disks and the static public IP are kept with their data but give no service; no automatic or manual snapshots, so no custom images either".into(),
                format!("pay what is owed before {} or the pay-as-you-go resources are released", release.to_rfc3339()),
            ];
            let mut rules = vec![if china { "ECS-14" } else { "ECS-4" }, "ECS-5"];
            if self.plan.economical_mode {
                effects.push("economical mode: the instance may fail to restart after payment".into());
                rules.push("ECS-6");
            }
            self.push("stopped", effects, rules);
        } else {
            self.payg_stopped = true;
            let rule = if china { "ECS-14" } else { "ECS-4" };
            self.push("payAsYouGoStopped", vec![format!("{why}: billing of the pay-as-you-go parts ceases")], vec![rule]);
        }
    }

    /// ECS-10, ECS-11, ECS-12: the cycle ends; with auto-renewal on but unpaid the instance serves a while.
    pub(super) fn ecs_expired(&self, release_text: &str, effects: &mut Vec<String>) -> Vec<&'static str> {
        if self.serving_after_expiry {
            let serving = self.p.serving_after_expiry_days.unwrap_or_default();
            let stop = self.expired_stop_at().map(Instant::to_rfc3339).unwrap_or_default();
            effects.push(format!("the subscription expires with auto-renewal unpaid: the instance keeps working for {serving} days, until {stop}"));
            effects.push(format!("renew before {release_text} (the new cycle is backdated to this expiry), or it is released then"));
            vec!["ECS-12"]
        } else {
            effects.push("the subscription cycle ends: the instance stops serving; compute and disks are kept with their data and it can still be renewed".into());
            effects.push(format!("renew before {release_text} (the new cycle starts at this expiry), or compute and disks are released with their data"));
            effects.push("auto-renewal cannot be turned on for an expired instance".into());
            vec!["ECS-10", "ECS-11"]
        }
    }

    /// ECS-7, ECS-4, ECS-2: paid, the stopped parts restart and bill again.
    pub(super) fn ecs_settled(&mut self, billing: Billing, effects: &mut Vec<String>, rules: &mut Vec<&'static str>) {
        if self.payg_stopped {
            self.payg_stopped = false;
            if billing == Billing::PayAsYouGo {
                self.stopped = false;
                effects.push("the instance restarts automatically (start it by hand if that fails) and billing resumes; the automatic snapshot policy is re-enabled".into());
                rules.push("ECS-7");
                if self.plan.economical_mode {
                    effects.push("economical mode: its vCPUs and memory were given back, so the restart may fail".into());
                    rules.push("ECS-6");
                }
            } else {
                effects.push("billing of the pay-as-you-go parts resumes".into());
                rules.push("ECS-4");
            }
        }
        let restore: fn(&str) -> bool = if billing == Billing::PayAsYouGo { |_| true } else { |n| n == "payAsYouGoDisk" || n == "payByTrafficBandwidth" };
        self.fate(ResourceStatus::Active, restore);
        if billing == Billing::Subscription && (self.plan.has("payAsYouGoDisk") || self.plan.has("payByTrafficBandwidth")) {
            effects.push("the pay-as-you-go parts are available again".into());
            rules.push("ECS-2");
        }
    }
}
