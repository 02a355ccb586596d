//! IoT Platform in a lifecycle (seeds 000 and 001): a legacy public instance stopped
//! 24 hours after an overdue payment and restored after payment, Enterprise Edition
//! expiry, trial and release, and a new public instance that nothing affects (IOT-3,
//! IOT-5..IOT-9, IOT-21). The engine decides when; this says what.

use super::engine::Sim;
use super::request::Kind;
use crate::time::Instant;

impl Sim<'_> {
    /// IOT-9: service comes back after a payment or renewal.
    pub(super) fn iot_restored(&mut self) {
        self.restoring_until = None;
        self.stopped = false;
        self.expired = false;
        self.push("restored", vec![text!(self, "iotLife.restored")], vec!["IOT-9"]);
    }

    /// IOT-5: not renewed in time, the instance and its data are deleted.
    pub(super) fn iot_expired_release(&self, days: i64, effects: &mut Vec<String>) -> Vec<&'static str> {
        effects.push(text!(self, "iotLife.expiredRelease", days = days));
        vec!["IOT-5"]
    }

    /// Overdue: IOT-8 (legacy public, stopped after 24 h), IOT-6 (Enterprise), IOT-7 (new public).
    pub(super) fn iot_overdue(&mut self, t: Instant, effects: &mut Vec<String>, rules: &mut Vec<&'static str>) {
        match self.plan.kind {
            Kind::IotLegacyPublic => {
                let hours = self.p.iot_legacy_stop_hours;
                if !self.shared {
                    effects.push(text!(self, "iotLife.dayBillOverdue"));
                }
                effects.push(text!(self, "iotLife.availableThenStops", hours = hours, at = t.plus_hours(hours).to_rfc3339()));
                effects.push(text!(self, "iotLife.disputed"));
                rules.extend(["IOT-8", "IOT-9", "IOT-18", "IOT-21"]);
            }
            Kind::IotEnterprise => {
                effects.push(text!(self, "iotLife.enterpriseOverdue"));
                if self.plan.auto_renew {
                    effects.push(text!(self, "iotLife.autoRenewFailsOverdue"));
                }
                rules.push("IOT-6");
            }
            _ => {
                effects.push(text!(self, "iotLife.newPublicUnaffected"));
                rules.push("IOT-7");
            }
        }
    }

    /// IOT-8: 24 hours after the overdue payment a legacy public instance stops.
    pub(super) fn iot_stop(&mut self) {
        self.stopped = true;
        let hours = self.p.iot_legacy_stop_hours;
        self.push(
            "stopped",
            vec![
                text!(self, "iotLife.stopped", hours = hours),
                text!(self, "iotLife.payToRestore"),
            ],
            vec!["IOT-8", "IOT-9", "IOT-21"],
        );
    }

    /// IOT-3: a trial ends and is released unless renewed.
    pub(super) fn iot_trial_ends(&mut self) {
        self.release_now();
        let months = self.p.iot_trial_months;
        self.push("released", vec![text!(self, "iotLife.trialEnds", months = months)], vec!["IOT-3"]);
    }

    /// IOT-5: the subscription expires: service stops, data kept until the release.
    pub(super) fn iot_expired(&self, release_known: bool, release_text: &str, effects: &mut Vec<String>) -> Vec<&'static str> {
        effects.push(text!(self, "iotLife.expired"));
        if release_known {
            effects.push(text!(self, "iotLife.renewBefore", before = release_text));
        }
        effects.push(text!(self, "iotLife.noExport"));
        vec!["IOT-5"]
    }

    /// IOT-9, IOT-6: paid, a stopped instance comes back; fee-incurring operations are allowed again.
    pub(super) fn iot_settled(&mut self, effects: &mut Vec<String>, rules: &mut Vec<&'static str>) {
        match self.plan.kind {
            Kind::IotLegacyPublic if self.stopped => {
                let minutes = self.start_restoring();
                effects.push(text!(self, "iotLife.comesBack", minutes = minutes));
                rules.push("IOT-9");
            }
            Kind::IotEnterprise => {
                effects.push(text!(self, "iotLife.operationsAllowed"));
                rules.push("IOT-6");
            }
            _ => {}
        }
    }
}
