//! Cloud Phone in a lifecycle (seed 003 and its dated pages): what an overdue payment,
//! a release, an expiry and a settlement do to an instance group (CP-2, CP-3, CP-4,
//! CP-9, CP-10, CP-13, CP-14). The engine (`engine.rs`) decides when; this says what.

use super::engine::{internal, Sim, HOUR};
use super::request::Kind;
use super::answer::ResourceStatus;
use crate::error::Error;
use crate::messages::HasLocale;
use crate::products::cloud_phone::BillingUnit;
use crate::bill::Billing;
use crate::time::Instant;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

impl Sim<'_> {
    /// CP-9: not topped up within the days allowed, the phones are released with their data.
    pub(super) fn cloud_phone_released_for_overdue(&mut self) {
        let days = self.p.cp_overdue_release_days;
        let mut effects = vec![text!(self, "cpLife.releasedForOverdue", days = days, day = days + 1)];
        let mut rules = vec!["CP-9"];
        self.dependents_note(&mut effects, &mut rules);
        self.fate(ResourceStatus::Released, |n| n == "instanceGroup");
        self.push("released", effects, rules);
    }

    /// CP-14: not renewed in time, the group is deleted with its instances.
    pub(super) fn cloud_phone_expired_release(&self, days: i64, effects: &mut Vec<String>) -> Vec<&'static str> {
        effects.push(text!(self, "cpLife.expiredRelease", days = days));
        vec![self.plan.kind.subscription_rule()]
    }

    pub(super) fn dependents_note(&self, effects: &mut Vec<String>, rules: &mut Vec<&'static str>) {
        let names = [("natGateway", key!("cpLife.natGateway")), ("eip", key!("cpLife.eip")), ("sharedBandwidth", key!("cpLife.sharedBandwidth"))];
        // Strings, not &str: every list the module joins is a Vec<String>, so one join is linked.
        let dependents: Vec<String> = names.iter().filter(|(n, _)| self.plan.has(n)).map(|(_, label)| label.render(self.locale())).collect();
        if matches!(self.plan.kind, Kind::CloudPhone(_)) && !dependents.is_empty() {
            effects.push(text!(self, "cpLife.dependents", names = dependents.join(&text!(self, "list.separator"))));
            rules.push("CP-10");
        }
    }

    /// Overdue: CP-4 and CP-9 for pay-as-you-go phones; seed 003 states nothing for a subscription (CP-2).
    pub(super) fn cloud_phone_overdue(&mut self, billing: Billing, t: Instant, effects: &mut Vec<String>, rules: &mut Vec<&'static str>) {
        if billing == Billing::PayAsYouGo {
            let days = self.p.cp_overdue_release_days;
            effects.push(text!(self, "cpLife.overdue"));
            effects.push(text!(self, "cpLife.billingStops"));
            effects.push(text!(self, "cpLife.topUpWithin", days = days, before = t.plus_days(days).to_rfc3339()));
            rules.extend(["CP-4", "CP-9"]);
            self.dependents_note(effects, rules);
            self.fate(ResourceStatus::Retained, |n| n == "instanceGroup");
        } else {
            effects.push(text!(self, "cpLife.subscriptionOverdue"));
            rules.push("CP-2");
        }
    }

    /// CP-2, CP-14: the subscription expires; the group is deleted 15 days later unless renewed.
    pub(super) fn cloud_phone_expired(&self, release_text: &str, effects: &mut Vec<String>) -> Vec<&'static str> {
        effects.push(text!(self, "cpLife.expired"));
        effects.push(text!(self, "cpLife.renewBefore", before = release_text));
        vec!["CP-2", "CP-14"]
    }

    /// CP-9: paid in time, the phones leave the Overdue state.
    pub(super) fn cloud_phone_settled(&mut self, effects: &mut Vec<String>, rules: &mut Vec<&'static str>) {
        effects.push(text!(self, "cpLife.settled"));
        rules.push("CP-9");
        self.fate(ResourceStatus::Active, |n| n == "instanceGroup");
    }

    /// CP-3: released, the group is billed to the end of its 4-hour period (CP-13: to the
    /// second for a group created before the period began).
    pub(super) fn cloud_phone_release_billing(&mut self, effects: &mut Vec<String>, rules: &mut Vec<&'static str>) -> Result<(), Error> {
        match self.plan.cloud_phone_unit {
            // CP-3: billing ends at the end of the billing period (the catalog's, 4
            // hours) in which the group is released, periods counted from creation.
            BillingUnit::Periods { hours: period_hours, .. } => {
                let created = self.plan.created_at;
                let lifetime_hours = Decimal::from(self.now.0 - created.0) / Decimal::from(HOUR);
                let periods = crate::products::cloud_phone::billed_periods(lifetime_hours, period_hours).to_i64().unwrap_or(0);
                let period_end = created.plus_hours(periods * i64::from(period_hours));
                if let Some(rate) = self.plan.rate {
                    let rest = rate.cost(period_end.0 - self.now.0).ok_or_else(|| internal("cost overflow"))?;
                    self.charge(rest);
                }
                effects.push(text!(self, "cpLife.billedToPeriodEnd", hours = period_hours, end = period_end.to_rfc3339()));
                rules.push("CP-3");
            }
            // CP-13: a group created before the periods began is billed to the second.
            BillingUnit::Seconds => {
                effects.push(text!(self, "cpLife.billedPerSecond"));
                rules.push("CP-13");
            }
        }
        Ok(())
    }
}
