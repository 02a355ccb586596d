//! Cloud Phone in a lifecycle (seed 003 and its dated pages): how an instance group is
//! billed (CP-3, CP-13: deducted once an hour, on the hour), what an overdue payment, a
//! release, an expiry and a settlement do to it (CP-2, CP-4, CP-8, CP-9, CP-10, CP-14).
//! The engine decides when; this says what.

use super::answer::{Event, Part, ResourceStatus};
use super::product::{Purse, Clock, Fate, Item, Rules, Said, Step, HOUR};
use super::subscription::Term;
use crate::bill::{Billing, Product, Warning};
use crate::messages::HasLocale;
use crate::products::cloud_phone::BillingUnit;
use crate::time::Instant;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// An instance group's lifecycle.
#[derive(Debug, Clone)]
pub struct CloudPhone {
    billing: Billing,
    /// CP-3's periods, or CP-13's seconds for a group created before they began.
    unit: BillingUnit,
    created_at: Instant,
    /// Its pay-as-you-go cost per hour, where known (CP-3: the rest of a period at release).
    hourly: Option<Decimal>,
    /// CP-10: NAT Gateway, EIP, shared bandwidth (`resource.attached`).
    dependents: Vec<Part>,
    /// CP-9: days from the overdue payment to the release.
    release_days: i64,
    /// CP-14: a subscription's expiry, and the days from it to the deletion.
    term: Option<(Term, i64)>,
}

impl CloudPhone {
    /// CP-10: the dependents of an instance group with Internet access, which a caller
    /// may attach (`resource.attached`).
    pub const ATTACHABLE: &'static [Part] = &[Part::NatGateway, Part::Eip, Part::SharedBandwidth];

    pub fn pay_as_you_go(unit: BillingUnit, created_at: Instant, hourly: Option<Decimal>, dependents: Vec<Part>, release_days: i64) -> CloudPhone {
        CloudPhone { billing: Billing::PayAsYouGo, unit, created_at, hourly, dependents, release_days, term: None }
    }

    /// `release_after_expiry_days`: CP-14 (`cloudPhone.subscriptionReleaseAfterExpiryDays`).
    pub fn subscription(term: Term, release_after_expiry_days: i64, hourly: Option<Decimal>, dependents: Vec<Part>) -> CloudPhone {
        CloudPhone {
            billing: Billing::Subscription,
            unit: BillingUnit::Seconds,
            created_at: Instant(0),
            hourly,
            dependents,
            release_days: 0,
            term: Some((term, release_after_expiry_days)),
        }
    }

    fn pay_as_you_go_group(&self) -> bool {
        self.billing == Billing::PayAsYouGo
    }

    /// CP-10: the dependents that go on billing after the phones are gone.
    fn dependents_note(&self, item: &Item, effects: &mut Vec<String>, rules: &mut Vec<&'static str>) {
        let names = [(Part::NatGateway, key!("cpLife.natGateway")), (Part::Eip, key!("cpLife.eip")), (Part::SharedBandwidth, key!("cpLife.sharedBandwidth"))];
        let dependents: Vec<String> = names.iter().filter(|(p, _)| self.dependents.contains(p)).map(|(_, label)| label.render(item.locale())).collect();
        if !dependents.is_empty() {
            effects.push(text!(item, "cpLife.dependents", names = dependents.join(&text!(item, "list.separator"))));
            rules.push("CP-10");
        }
    }

    /// CP-3: released, the group is billed to the end of its period (CP-13: to the
    /// second for a group created before the periods began).
    fn release_billing(&self, item: &mut Item, effects: &mut Vec<String>, rules: &mut Vec<&'static str>) {
        match self.unit {
            // CP-3: billing ends at the end of the billing period (the catalog's, 4 hours)
            // in which the group is released, periods counted from creation.
            BillingUnit::Periods { hours: period_hours, .. } => {
                let lifetime_hours = Decimal::from(item.now().0 - self.created_at.0) / Decimal::from(HOUR);
                let periods = crate::products::cloud_phone::billed_periods(lifetime_hours, period_hours).to_i64().unwrap_or(0);
                let period_end = self.created_at.plus_hours(periods * i64::from(period_hours));
                if let Some(hourly) = self.hourly {
                    item.charge(hourly * Decimal::from(period_end.0 - item.now().0) / Decimal::from(HOUR));
                }
                if period_end > item.now() {
                    effects.push(text!(item, "cpLife.billedToPeriodEnd", hours = period_hours, end = period_end));
                } else {
                    // Released as a period ends: its entry's own moment, not said again.
                    effects.push(text!(item, "cpLife.releasedAtPeriodEnd", hours = period_hours));
                }
                rules.push("CP-3");
            }
            BillingUnit::Seconds => {
                effects.push(text!(item, "cpLife.billedPerSecond"));
                rules.push("CP-13");
            }
        }
    }
}

/// CP-14: the parts an expiry stops and the deletion takes.
fn group(part: Part) -> bool {
    part == Part::InstanceGroup
}

impl Rules for CloudPhone {
    fn product(&self) -> Product {
        Product::CloudPhone
    }

    /// CP-13: billing and deduction happen once an hour, on the hour.
    fn clock(&self) -> Clock {
        Clock::Hourly
    }

    fn parts(&self) -> Vec<Fate> {
        let mut parts = vec![Fate::new(Part::InstanceGroup, ResourceStatus::Active, vec!["CP-9"])];
        // CP-10: the dependents have their own lifecycle.
        parts.extend(self.dependents.iter().map(|p| Fate::new(*p, ResourceStatus::Independent, vec!["CP-10"])));
        parts
    }

    fn is_subscription(&self) -> bool {
        self.term.is_some()
    }

    fn bills(&self, item: &Item) -> bool {
        if item.gone() {
            return false;
        }
        if self.pay_as_you_go_group() {
            !item.overdue() // CP-4: billing stops at the moment of overdue.
        } else {
            self.hourly.is_some()
        }
    }

    fn serves(&self, item: &Item) -> bool {
        // CP-9: overdue phones cannot be used.
        let overdue_phones = self.pay_as_you_go_group() && item.overdue();
        !(item.gone() || (item.expired() && !item.serving_after_expiry()) || overdue_phones)
    }

    fn created(&self, item: &Item) -> Said {
        let (what, rules) = match (&self.term, self.unit) {
            (Some(_), _) => (text!(item, "created.cpSubscription"), vec!["CP-2"]),
            (None, BillingUnit::Seconds) => (text!(item, "created.cpPerSecond"), vec!["CP-2", "CP-13"]),
            (None, _) => (text!(item, "created.cpPayAsYouGo"), vec!["CP-2", "CP-3"]),
        };
        let mut effects = vec![what];
        if let Some((term, _)) = &self.term {
            effects.push(text!(item, "created.expires", at = term.expiry()));
        }
        Said::new(Event::Created, effects, rules)
    }

    /// CP-9 for pay-as-you-go phones; seed 003 states nothing for a subscription (CP-2).
    fn overdue_rule(&self) -> &'static str {
        if self.pay_as_you_go_group() { "CP-9" } else { "CP-2" }
    }

    /// Overdue: CP-4 and CP-9 for pay-as-you-go phones; seed 003 states nothing for a subscription (CP-2).
    fn overdue(&mut self, item: &mut Item, by_bill: bool) -> (Vec<String>, Vec<&'static str>) {
        if !self.pay_as_you_go_group() {
            return (vec![text!(item, "cpLife.subscriptionOverdue")], vec!["CP-2"]);
        }
        let days = self.release_days;
        let mut effects = Vec::new();
        let mut rules = Vec::new();
        if by_bill && item.alone() && self.hourly.is_some() {
            // CP-13: deducted once an hour, on the hour: the first hourly deduction the credit cannot pay.
            effects.push(text!(item, "cpLife.hourlyDeduction"));
            rules.push("CP-13");
        }
        effects.extend([
            text!(item, "cpLife.overdue"),
            text!(item, "cpLife.billingStops"),
            text!(item, "cpLife.topUpWithin", days = days, before = item.now().plus_days(days)),
        ]);
        rules.extend(["CP-4", "CP-9"]);
        self.dependents_note(item, &mut effects, &mut rules);
        item.fate(ResourceStatus::Retained, group);
        (effects, rules)
    }

    fn next_deadline(&self, item: &Item) -> Option<(Instant, Step)> {
        if item.gone() {
            return None;
        }
        if let Some(since) = item.overdue_since().filter(|_| self.pay_as_you_go_group()) {
            return Some((since.plus_days(self.release_days), Step::OverdueRelease));
        }
        let (term, release_days) = self.term.as_ref()?;
        if item.expired() {
            Some((term.expiry().plus_days(*release_days), Step::ExpiredRelease))
        } else {
            Some((term.expiry(), Step::Expire))
        }
    }

    fn on_deadline(&mut self, step: Step, item: &mut Item, _purse: &mut Purse) -> Said {
        match step {
            // CP-9: not topped up within the days allowed, the phones are released with their data.
            Step::OverdueRelease => {
                item.release();
                let days = self.release_days;
                let mut effects = vec![text!(item, "cpLife.releasedForOverdue", days = days, day = days + 1)];
                let mut rules = vec!["CP-9"];
                self.dependents_note(item, &mut effects, &mut rules);
                item.fate(ResourceStatus::Released, group);
                Said::new(Event::Released, effects, rules)
            }
            // CP-2, CP-14: the subscription expires; the group is deleted later unless renewed.
            Step::Expire => {
                item.expire(false);
                item.fate(ResourceStatus::Retained, group);
                let release = self.term.as_ref().map(|(term, days)| term.expiry().plus_days(*days)).unwrap_or(item.now());
                Said::new(Event::Expired, vec![text!(item, "cpLife.expired"), text!(item, "cpLife.renewBefore", before = release)], vec!["CP-2", "CP-14"])
            }
            // CP-14: not renewed in time, the group is deleted with its instances.
            _ => {
                item.release();
                item.fate(ResourceStatus::Released, group);
                let days = self.term.as_ref().map_or(0, |(_, days)| *days);
                Said::new(Event::Released, vec![text!(item, "cpLife.expiredRelease", days = days)], vec!["CP-14"])
            }
        }
    }

    /// CP-9: paid in time, the phones leave the Overdue state.
    fn settled(&mut self, item: &mut Item) -> (Vec<String>, Vec<&'static str>) {
        if !self.pay_as_you_go_group() {
            return (Vec::new(), Vec::new());
        }
        item.fate(ResourceStatus::Active, group);
        (vec![text!(item, "cpLife.settled")], vec!["CP-9"])
    }

    fn renew(&mut self, months: u64, item: &mut Item) -> Said {
        let Some((term, _)) = self.term.as_mut() else { return Said::new(Event::RenewRefused, Vec::new(), Vec::new()) };
        if item.released() {
            return Said::new(Event::RenewRefused, vec![text!(item, "lifecycle.renewAfterRelease")], vec!["CP-14"]);
        }
        let (mut effects, _) = term.renew_by_hand(months, item);
        let mut rules = vec!["CP-14"];
        if let Some(paid) = term.charge_renewal(months, item) {
            effects.push(paid);
            rules.push("CP-8");
        }
        if item.expired() {
            item.unexpire();
            item.fate(ResourceStatus::Active, group);
            effects.push(text!(item, "lifecycle.serviceResumes"));
        }
        effects.extend(term.expiry_past(item));
        Said::new(Event::Renewed, effects, rules)
    }

    fn release(&mut self, item: &mut Item) -> Said {
        let mut effects = Vec::new();
        let mut rules = Vec::new();
        if self.pay_as_you_go_group() {
            if self.bills(item) {
                self.release_billing(item, &mut effects, &mut rules);
            }
            effects.push(text!(item, "lifecycle.releasedByYou"));
        } else {
            effects.push(text!(item, "lifecycle.cpUnsubscribed"));
            rules.push("CP-8");
        }
        self.dependents_note(item, &mut effects, &mut rules);
        item.release();
        item.fate(ResourceStatus::Released, group);
        Said::new(Event::Released, effects, rules)
    }

    fn warnings(&self, item: &Item) -> Vec<Warning> {
        if self.dependents.is_empty() {
            return Vec::new();
        }
        vec![Warning::new("dependents_billed_separately", text!(item, "lifecycle.dependentsBilledSeparately"), &["CP-1", "CP-10"])]
    }
}
