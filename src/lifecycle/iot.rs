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
        self.push("restored", vec!["service restored (up to 30 minutes after the payment or renewal)".into()], vec!["IOT-9"]);
    }

    /// IOT-5: not renewed in time, the instance and its data are deleted.
    pub(super) fn iot_expired_release(&self, days: i64, effects: &mut Vec<String>) -> Vec<&'static str> {
        effects.push(format!("not renewed within {days} days of expiry: the instance is released and all its data (products, devices) is deleted permanently"));
        vec!["IOT-5"]
    }

    /// Overdue: IOT-8 (legacy public, stopped after 24 h), IOT-6 (Enterprise), IOT-7 (new public).
    pub(super) fn iot_overdue(&mut self, t: Instant, effects: &mut Vec<String>, rules: &mut Vec<&'static str>) {
        match self.plan.kind {
            Kind::IotLegacyPublic => {
                let hours = self.p.iot_legacy_stop_hours;
                if !self.shared {
                    effects.push("the day's bill is more than the credit: the payment is overdue (the bill is generated within 4 hours after the billing day ends, UTC+8: it may come up to 4 hours later)".into());
                }
                effects.push(format!("the service stays available for {hours} hours, then stops at {}; the instance and devices are not deleted", t.plus_hours(hours).to_rfc3339()));
                effects.push("seed 000 says an overdue payment never directly takes devices offline; seed 001's stop is what is modelled".into());
                rules.extend(["IOT-8", "IOT-9", "IOT-18", "IOT-21"]);
            }
            Kind::IotEnterprise => {
                effects.push("the instance stays usable; operations that incur fees (buying, upgrading, renewing) are refused until what is owed is paid".into());
                if self.plan.auto_renew {
                    effects.push("auto-renewal attempts fail while the account is overdue".into());
                }
                rules.push("IOT-6");
            }
            _ => {
                effects.push("no effect on a new public instance".into());
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
                format!("{hours} hours after the overdue payment the service stops; the instance and its devices are kept"),
                "pay what is owed to restore it (up to 30 minutes after payment)".into(),
            ],
            vec!["IOT-8", "IOT-9", "IOT-21"],
        );
    }

    /// IOT-3: a trial ends and is released unless renewed.
    pub(super) fn iot_trial_ends(&mut self) {
        self.release_now();
        let months = self.p.iot_trial_months;
        self.push("released", vec![format!("the {}-month trial ends: the instance is released and its data deleted", months)], vec!["IOT-3"]);
    }

    /// IOT-5: the subscription expires: service stops, data kept until the release.
    pub(super) fn iot_expired(&self, release_known: bool, release_text: &str, effects: &mut Vec<String>) -> Vec<&'static str> {
        effects.push("the subscription expires: the service stops and all devices go offline".into());
        if release_known {
            effects.push(format!("renew before {release_text} to restore it with the same instance ID; then the instance and all its data (products, devices) are deleted"));
        }
        effects.push("configuration cannot be exported from an unrenewed instance".into());
        vec!["IOT-5"]
    }

    /// IOT-9, IOT-6: paid, a stopped instance comes back; fee-incurring operations are allowed again.
    pub(super) fn iot_settled(&mut self, effects: &mut Vec<String>, rules: &mut Vec<&'static str>) {
        match self.plan.kind {
            Kind::IotLegacyPublic => {
                if self.stopped {
                    let minutes = self.start_restoring();
                    effects.push(format!("the service comes back within {minutes} minutes"));
                    rules.push("IOT-9");
                }
            }
            Kind::IotEnterprise => {
                effects.push("fee-incurring operations (renewal, upgrade) are allowed again".into());
                rules.push("IOT-6");
            }
            _ => {}
        }
    }
}
