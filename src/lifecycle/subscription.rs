//! A subscription's term, for the products that sell one (Cloud Phone CP-14, IoT
//! Enterprise Edition IOT-5 and IOT-10, ECS ECS-10..ECS-12 and ECS-15): its expiry, the
//! months renewed, and the auto-renewal attempts of its product's schedule. Each
//! product's module says what an expiry and a renewal do to it and which rules say so;
//! this keeps the dates, and pays an attempt from the credit.

use super::answer::Event;
use super::product::{money, Item, Purse, Said};
use crate::policy::{Policies, Policy};
use crate::time::Instant;
use rust_decimal::Decimal;

/// When a product attempts an auto-renewal, and for how long (IOT-10, ECS-12, ECS-15).
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    /// Months bought by one renewal.
    pub months: u64,
    /// The attempts, in order: days from the expiry (negative: before it).
    pub days: Vec<i64>,
    /// The hour (UTC+8) of the attempt's billing day (ECS-12: 08:00); None: at the
    /// expiry's own time of day (IOT-10).
    pub hour: Option<i64>,
    /// ECS-12, ECS-15: never paid, the instance keeps serving this many days after
    /// expiry, and is released this many days after it.
    pub grace: Option<(i64, i64)>,
    /// The rule that gives the schedule.
    pub rule: &'static str,
}

impl Schedule {
    /// The months one renewal buys, from the call's `policy` (IOT-10, ECS-12): at least
    /// one, since a renewal of zero months would renew forever at the same moment.
    pub fn renewal_months(policies: &Policies, policy: Policy) -> u64 {
        u64::from(policies.get(policy).unwrap_or(1).max(1))
    }
}

/// A subscription's term: the expiry is `anchor` plus `months` (months add from the
/// anchor and clamp at month end, so Jan 31 + 1 + 1 = Mar 31, not Mar 28).
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    anchor: Instant,
    months: u64,
    /// `anchor` plus `months`, kept: the engine asks for it at every step.
    expiry: Instant,
    /// Per month: what a renewal pays (IOT-10: what an auto-renewal must pay).
    price: Option<Decimal>,
    auto_renew: Option<Schedule>,
    /// The next attempt of the current expiry's schedule, and the last made.
    next: usize,
    last_attempt_at: Option<Instant>,
}

/// Beyond year 9999 means "not within any horizon".
const NEVER: Instant = Instant(i64::MAX / 4);

impl Term {
    pub fn new(anchor: Instant, months: u64, price: Option<Decimal>, auto_renew: Option<Schedule>) -> Term {
        Term { anchor, months, expiry: anchor.plus_months(months).unwrap_or(NEVER), price, auto_renew, next: 0, last_attempt_at: None }
    }

    pub fn expiry(&self) -> Instant {
        self.expiry
    }

    pub fn schedule(&self) -> Option<&Schedule> {
        self.auto_renew.as_ref()
    }

    /// ECS-12, ECS-15: serving days after an unpaid expiry, with auto-renewal on.
    pub fn grace(&self) -> Option<(i64, i64)> {
        self.auto_renew.as_ref().and_then(|s| s.grace)
    }

    /// `months` more, from the current expiry (ECS-10; after expiry, ECS-12's backdating).
    pub fn renew(&mut self, months: u64) {
        self.months += months;
        self.expiry = self.anchor.plus_months(self.months).unwrap_or(NEVER);
        self.next = 0;
        self.last_attempt_at = None;
    }

    /// The attempt `index` of the current expiry's schedule.
    pub fn attempt_at(&self, index: usize) -> Option<Instant> {
        let schedule = self.auto_renew.as_ref()?;
        let at = self.expiry().plus_days(*schedule.days.get(index)?);
        match schedule.hour {
            None => Some(at),
            // That day at the hour, UTC+8.
            Some(hour) => Some(Instant(at.0 - (at.0 + crate::time::BILLING_OFFSET_SECONDS).rem_euclid(super::product::DAY)).plus_hours(hour)),
        }
    }

    /// The next attempt at or after `now` (and `start`), if the schedule has one left.
    pub fn next_attempt(&self, now: Instant, start: Instant) -> Option<(Instant, usize)> {
        let schedule = self.auto_renew.as_ref()?;
        (self.next..schedule.days.len())
            .filter_map(|i| Some((self.attempt_at(i)?, i)))
            .find(|(at, _)| *at >= now && *at >= start && self.last_attempt_at.map_or(true, |last| *at > last))
    }

    /// IOT-10, ECS-12, ECS-15: attempt `index` pays a renewal from the credit (only
    /// balance and coupons pay it), unless the account is overdue. `paid_rules` and
    /// `overdue_rule` are the product's (ECS-10 for ECS's cycle; ECS-2 or IOT-6 while
    /// overdue).
    pub fn attempt(&mut self, index: usize, item: &mut Item, purse: &mut Purse, paid_rules: &[&'static str], overdue_rule: &'static str) -> Said {
        let Some(schedule) = self.auto_renew.clone() else { return Said::new(Event::AutoRenewFailed, Vec::new(), Vec::new()) };
        let months = schedule.months;
        let price = self.price.unwrap_or_default() * Decimal::from(months);
        let when = when(item, schedule.days.get(index).copied().unwrap_or(0));
        self.last_attempt_at = Some(item.now());
        let available = purse.credit().unwrap_or_default();
        if !item.overdue() && purse.covers(price) {
            purse.pay(price);
            item.paid(price);
            self.renew(months);
            if item.expired() {
                // ECS-15: an attempt after expiry still renews, backdated (ECS-12).
                item.unexpire();
            }
            let text = text!(item, "lifecycle.autoRenewed", when = when, price = money(item.ctx(), price), months = months, expiry = self.expiry());
            let mut rules = paid_rules.to_vec();
            rules.push(schedule.rule);
            return Said::new(Event::AutoRenewed, vec![text], rules);
        }
        self.next = index + 1;
        let reason = if item.overdue() {
            text!(item, "lifecycle.refusedOverdue")
        } else {
            text!(item, "lifecycle.creditShort", credit = money(item.ctx(), available), price = money(item.ctx(), price))
        };
        let expiry = self.expiry();
        let next = match self.attempt_at(index + 1) {
            Some(at) if at.0 - item.now().0 == super::product::DAY => text!(item, "lifecycle.retriedNextDay"),
            Some(at) => text!(item, "lifecycle.nextAttempt", at = at),
            None if item.expired() => {
                let stop = expiry.plus_days(schedule.grace.map_or(0, |g| g.0));
                text!(item, "lifecycle.lastAttemptExpired", stop = stop)
            }
            None => match schedule.grace {
                Some((days, _)) => text!(item, "lifecycle.lastAttemptServing", expiry = expiry, days = days),
                None => text!(item, "lifecycle.lastAttempt", expiry = expiry),
            },
        };
        let rules = if item.overdue() { vec![overdue_rule, schedule.rule] } else { vec![schedule.rule] };
        Said::new(Event::AutoRenewFailed, vec![text!(item, "lifecycle.autoRenewFailed", when = when, reason = reason, next = next)], rules)
    }

    /// "auto-renewal: USD 30.00 per month, ...": the schedule, for the created entry.
    pub fn describe_schedule(&self, item: &Item) -> Option<String> {
        let schedule = self.auto_renew.as_ref()?;
        let price = money(item.ctx(), self.price.unwrap_or_default());
        let first = -schedule.days.first().copied().unwrap_or(0);
        let last = -schedule.days.last().copied().unwrap_or(0);
        let daily = schedule.days.windows(2).all(|w| w[1] == w[0] + 1) && last > 0;
        if daily {
            let at = match schedule.hour {
                Some(hour) => text!(item, "created.attemptHour", hour = format!("{hour:02}")),
                None => String::new(),
            };
            return Some(text!(item, "created.autoRenew", price = price, months = schedule.months, first = first, at = at, last = last));
        }
        // ECS-15: attempts on chosen days, before and after expiry.
        let days: Vec<String> = schedule.days.iter().map(|d| when(item, *d)).collect();
        let hour = format!("{:02}", schedule.hour.unwrap_or(0));
        Some(text!(item, "created.autoRenewDays", price = price, months = schedule.months, days = days.join(&text!(item, "list.separator")), hour = hour))
    }
}

/// "9 days before expiry", "on the expiry day", "6 days after expiry".
fn when(item: &Item, days: i64) -> String {
    match days {
        0 => text!(item, "autoRenew.onExpiryDay"),
        d if d < 0 => text!(item, "autoRenew.before", days = -d),
        d => text!(item, "autoRenew.after", days = d),
    }
}

impl Term {
    /// A renewal by hand: `months` more from the current expiry (ECS-10). Its price is
    /// charged, not from the balance (CP-8: it may be paid online). The entry's effects
    /// so far, and the expiry it had before.
    pub fn renew_by_hand(&mut self, months: u64, item: &mut Item) -> (Vec<String>, Instant) {
        let old = self.expiry();
        self.renew(months);
        (vec![text!(item, "lifecycle.renewed", months = months, expiry = self.expiry())], old)
    }

    /// What a renewal of `months` costs, charged to the resource: its text, if it has a price.
    pub fn charge_renewal(&self, months: u64, item: &mut Item) -> Option<String> {
        let cost = self.price? * Decimal::from(months);
        item.paid(cost);
        Some(text!(item, "lifecycle.renewalPaid", cost = money(item.ctx(), cost)))
    }

    /// A renewal too short to reach past now says so.
    pub fn expiry_past(&self, item: &Item) -> Option<String> {
        (self.expiry() <= item.now()).then(|| text!(item, "lifecycle.expiryPast"))
    }
}
