//! A deliberately simple reference for the engine (tests only): the same products'
//! rules, driven hour by hour. Every resource's use is added up between one moment and
//! the next, and every bill is deducted on its own, one at a time, at every hour (and
//! every billing day's end); the deadlines are found by asking every resource at every
//! step. None of the engine's closed forms, its priority queue or its one-pass
//! `keepRunning` is used: the engine's `keepRunning` is checked by running the account
//! again with it (every payment is then paid when due) and with a cent less (one is not). Thousands of seeded random accounts must come out the
//! same from both: the same entries at the same moments, the same bills, fates and
//! final credit, the same `keepRunning`.

use super::answer::{Event, State, Subscriptions};
use super::product::{Clock, Exact, Fate, Item, Purse, Rules, Said, Usage, DAY, HOUR};
use super::request::{EventKind, Setup};
use crate::time::Instant;
use rust_decimal::Decimal;

/// What the reference gives, to compare with the engine's run.
#[derive(Debug, PartialEq)]
pub struct Outcome {
    /// (at, item, event, state) of every entry.
    pub timeline: Vec<(Instant, Option<usize>, Event, Option<State>)>,
    /// Each item's answer `billed`, state, deletion and first interruption.
    pub items: Vec<(Decimal, State, Option<Instant>, Option<Instant>)>,
    /// Each item's parts, with their changes.
    pub fates: Vec<Vec<Fate>>,
    pub final_credit: Option<Decimal>,
    /// Whether every payment was made when it fell due.
    pub clean: bool,
}

struct Resource {
    rules: Box<dyn Rules>,
    item: Item,
    clock: Clock,
    usage: Usage,
    /// Used since its last bill, not yet deducted.
    pending: Exact,
    first_interruption: Option<Instant>,
}

struct Reference<'s> {
    setup: &'s Setup,
    now: Instant,
    credit: Option<Exact>,
    overdue: bool,
    clean: bool,
    resources: Vec<Resource>,
    timeline: Vec<(Instant, Option<usize>, Event, Option<State>)>,
}

/// Runs `setup` (an account, with `until`) with `extra` more credit at `start`.
pub fn run(setup: &Setup, extra: Decimal) -> Outcome {
    let resources = setup
        .resources
        .iter()
        .map(|r| {
            let rules = r.rules.fresh();
            let item = Item::new(setup.ctx, setup.alone, false, setup.start, rules.parts());
            Resource { clock: rules.clock(), rules, item, usage: r.usage.clone(), pending: Exact::ZERO, first_interruption: None }
        })
        .collect();
    let mut reference = Reference { setup, now: setup.start, credit: setup.credit.map(|c| Exact::of(c + extra)), overdue: false, clean: true, resources, timeline: Vec::new() };
    reference.open();
    let until = setup.until.expect("the reference needs until");
    let mut events = setup.events.iter().peekable();
    loop {
        // The next moment: the next hour, a deadline, an event, or the end.
        let hour = Instant((reference.now.0.div_euclid(HOUR) + 1) * HOUR);
        let deadline = reference.resources.iter().filter(|r| !r.item.gone()).filter_map(|r| r.rules.next_deadline(&r.item)).map(|(at, _)| at.max(reference.now)).min();
        let event = events.peek().map(|e| e.at);
        let next = [Some(hour), deadline, event, Some(until)].into_iter().flatten().min().unwrap_or(until);
        reference.use_until(next);
        reference.now = next;
        if next.0.rem_euclid(HOUR) == 0 {
            reference.bill();
        }
        // Every deadline due now, the lowest item first, again and again.
        while let Some(i) = (0..reference.resources.len()).find(|&i| {
            let r = &reference.resources[i];
            !r.item.gone() && r.rules.next_deadline(&r.item).is_some_and(|(at, _)| at.max(reference.now) == reference.now)
        }) {
            reference.deadline(i);
        }
        while events.peek().is_some_and(|e| e.at == reference.now) {
            if let Some(event) = events.next() {
                reference.event(&event.kind, event.item);
            }
        }
        if reference.now >= until {
            break;
        }
    }
    reference.finish()
}

impl Reference<'_> {
    fn log(&mut self, i: usize, said: &Said) {
        let r = &self.resources[i];
        self.timeline.push((self.now, Some(i), said.event, Some(r.item.state())));
    }

    fn log_account(&mut self, event: Event) {
        self.timeline.push((self.now, None, event, None));
    }

    /// Runs `act` on resource `i`, then moves the charges its product added to its pending use.
    fn act(&mut self, i: usize, interrupts: bool, act: impl FnOnce(&mut dyn Rules, &mut Item, &mut Purse) -> Said) -> Said {
        let now = self.now;
        let r = &mut self.resources[i];
        r.item.set_now(now);
        let served = r.rules.serves(&r.item);
        let mut purse = Purse::new(self.credit, false);
        let said = act(r.rules.as_mut(), &mut r.item, &mut purse);
        if interrupts && served && !r.rules.serves(&r.item) {
            r.first_interruption.get_or_insert(now);
        }
        r.pending += Exact::of(r.item.take_pending());
        self.credit = purse.into_parts().0;
        said
    }

    fn open(&mut self) {
        self.log_account(Event::Opened);
        for i in 0..self.resources.len() {
            if self.resources[i].rules.is_subscription() && self.setup.subscriptions == Subscriptions::BuyAtStart {
                let price = self.setup.resources[i].prepaid;
                if self.credit.is_some_and(|c| c >= Exact::of(price)) {
                    self.credit = self.credit.map(|c| c - Exact::of(price));
                } else {
                    self.clean = false;
                    self.resources[i].item.refuse_purchase();
                    self.log(i, &Said::new(Event::PurchaseRefused, Vec::new(), Vec::new()));
                    continue;
                }
            }
            let said = self.act(i, false, |rules, item, _| rules.created(item));
            self.log(i, &said);
        }
    }

    /// Every resource that bills adds its use from now to `to` (within one hour).
    fn use_until(&mut self, to: Instant) {
        let seconds = to.0 - self.now.0;
        for r in &mut self.resources {
            if seconds == 0 || !r.rules.bills(&r.item) {
                continue;
            }
            let per_period = match &r.usage {
                Usage::None => Decimal::ZERO,
                Usage::Rate(amount) => *amount,
                Usage::Days(days) => days.bill(self.now.billing_day().map(|(d, _)| d).unwrap_or_default()),
            };
            let used = Exact::used(per_period, r.clock, seconds);
            r.pending += used;
            r.item.used(used);
        }
    }

    /// On the hour: every hourly resource's bill, and at a billing day's end every daily
    /// one's, deducted one at a time; the first the credit cannot pay makes the account overdue.
    fn bill(&mut self) {
        let day_end = (self.now.0 + crate::time::BILLING_OFFSET_SECONDS).rem_euclid(DAY) == 0;
        let mut unpaid = false;
        for r in &mut self.resources {
            if r.clock == Clock::Daily && !day_end {
                continue;
            }
            let bill = std::mem::take(&mut r.pending);
            if let Some(credit) = self.credit.as_mut() {
                unpaid |= *credit < bill;
                *credit -= bill;
            }
        }
        if unpaid && !self.overdue {
            self.clean = false;
            self.overdue = true;
            self.log_account(Event::Overdue);
            for i in 0..self.resources.len() {
                if self.resources[i].item.gone() {
                    continue;
                }
                let said = self.act(i, true, |rules, item, _| {
                    item.become_overdue();
                    let (effects, rules) = rules.overdue(item, true);
                    Said::new(Event::Overdue, effects, rules)
                });
                self.log(i, &said);
            }
        }
    }

    fn deadline(&mut self, i: usize) {
        let Some((_, step)) = self.resources[i].rules.next_deadline(&self.resources[i].item) else { return };
        let said = self.act(i, true, |rules, item, purse| rules.on_deadline(step, item, purse));
        if said.event == Event::AutoRenewFailed {
            self.clean = false;
        }
        self.log(i, &said);
    }

    fn event(&mut self, kind: &EventKind, item: Option<usize>) {
        match (kind, item) {
            (EventKind::TopUp(amount), _) => {
                self.credit = self.credit.map(|c| c + Exact::of(*amount));
                self.log_account(Event::TopUp);
                if self.overdue && self.credit.is_some_and(|c| c >= Exact::ZERO) {
                    self.overdue = false;
                    for i in 0..self.resources.len() {
                        let r = &self.resources[i];
                        if r.item.overdue() && !r.item.gone() {
                            let said = self.act(i, false, |rules, item, _| {
                                item.settle();
                                let (effects, rules) = rules.settled(item);
                                Said::new(Event::Settled, effects, rules)
                            });
                            self.log(i, &said);
                        }
                    }
                }
            }
            (kind, Some(i)) if !self.resources[i].item.purchased() => {
                let event = if matches!(kind, EventKind::Renew(_)) { Event::RenewRefused } else { Event::Released };
                self.log(i, &Said::new(event, Vec::new(), Vec::new()));
            }
            (EventKind::Renew(months), Some(i)) => {
                let said = self.act(i, false, |rules, item, _| rules.renew(*months, item));
                self.log(i, &said);
            }
            (EventKind::Release, Some(i)) => {
                let said = if self.resources[i].item.released() {
                    Said::new(Event::Released, Vec::new(), Vec::new())
                } else {
                    self.act(i, false, |rules, item, _| rules.release(item))
                };
                self.log(i, &said);
            }
            (_, None) => {}
        }
    }

    fn finish(mut self) -> Outcome {
        // The use not yet deducted is paid for at the end.
        for r in &mut self.resources {
            if let Some(credit) = self.credit.as_mut() {
                *credit -= r.pending;
            }
        }
        self.log_account(Event::HorizonEnd);
        let items = self.resources.iter().map(|r| (r.rules.billed(&r.item), r.item.state(), r.item.data_deleted_at(), r.first_interruption)).collect();
        let fates = self.resources.into_iter().map(|r| r.item.into_fates()).collect();
        Outcome { timeline: self.timeline, items, fates, final_credit: self.credit.map(|c| super::product::rounding(&self.setup.ctx).apply(c.money())), clean: self.clean }
    }
}

/// Whether a top-up of `extra` at `start` keeps every payment paid when it falls due:
/// `keepRunning` is the smallest such, in cents.
pub fn keeps_running(setup: &Setup, extra: Decimal) -> bool {
    run(setup, extra).clean
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::{Ctx, Value};

    /// A small deterministic generator (SplitMix64), so a failure reproduces.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
        fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
            list[self.below(list.len() as u64) as usize]
        }
    }

    /// "2026-11-20T07:35:00+08:00" plus `minutes`.
    fn at(start: Instant, minutes: u64) -> String {
        start.plus_seconds(minutes as i64 * 60).to_rfc3339()
    }

    /// A random account of 1 to 6 items over 10 to 50 days, from a time of day that is
    /// rarely on the hour, across a month's end (IoT's free quota comes back).
    fn random_account(rng: &mut Rng) -> String {
        let start = Instant::start_of_billing_day(crate::time::civil(2026, 11, 20).unwrap()).plus_seconds(rng.below(20 * 24 * 60) as i64 * 60);
        let days = 10 + rng.below(41);
        let count = 1 + rng.below(6) as usize;
        let mut items = Vec::new();
        let mut subscriptions = Vec::new();
        for i in 0..count {
            let renew = if rng.below(2) == 0 { r#","autoRenew":true"# } else { "" };
            let item = match rng.below(9) {
                0 => format!(r#"{{"product":"cloudPhone","spec":"{}","region":"mainland","billing":"payAsYouGo","quantity":{}{}}}"#, rng.pick(&["acp.basic.small", "acp.std.large"]), 1 + rng.below(3), if rng.below(3) == 0 { format!(r#","hours":{}"#, 1 + rng.below(300)) } else { String::new() }),
                1 => format!(r#"{{"product":"cloudPhone","spec":"acp.basic.small","region":"international","billing":"subscription","months":{}}}"#, 1 + rng.below(2)),
                2 => format!(r#"{{"product":"ecs","billing":"payAsYouGo","prices":{{"instance":"0.{:02}"}}{}}}"#, 1 + rng.below(99), if rng.below(3) == 0 { format!(r#","hours":{}"#, 1 + rng.below(400)) } else { String::new() }),
                3 => format!(r#"{{"product":"ecs","billing":"subscription","months":1,"prices":{{"instance":"{}"}}{renew}}}"#, 1 + rng.below(30)),
                4 | 5 => format!(r#"{{"product":"iot","instance":"legacyPublic","edition":"{}","usage":{{"perDay":{{"messages":[{{"bytes":{},"count":{}}}],"livingDevices":{}}}}}}}"#, rng.pick(&["basic", "pro"]), 100 + rng.below(900), rng.below(3_000_000), rng.below(40)),
                6 => format!(r#"{{"product":"iot","instance":"enterprise","months":1,"monthlyPrice":"{}"{renew}}}"#, 1 + rng.below(20)),
                // IOT-25..IOT-30: up to 8,000,000 messages a day passes the second tier within a
                // month; an activation near the start gives some months the free quota.
                7 => format!(
                    r#"{{"product":"iot","instance":"legacyPublic","pricing":"connectionAndMessages"{},"usage":{{"perDay":{{"messages":[{{"bytes":{},"count":{}}}],"connectionMinutes":{}}}}}}}"#,
                    rng.pick(&["", r#","activated":"2026-10-20""#, r#","activated":"2026-11-01""#]),
                    1 + rng.below(1_500),
                    rng.below(8_000_000),
                    rng.below(3_000_000)
                ),
                _ => r#"{"product":"iot","instance":"newPublic"}"#.to_string(),
            };
            if item.contains("subscription") || item.contains("enterprise") {
                subscriptions.push(i);
            }
            items.push(item);
        }
        let mut events = Vec::new();
        for _ in 0..rng.below(5) {
            let when = at(start, rng.below(days * 24 * 60));
            match rng.below(4) {
                0 if !subscriptions.is_empty() => {
                    let item = subscriptions[rng.below(subscriptions.len() as u64) as usize];
                    events.push(format!(r#"{{"at":"{when}","type":"renew","item":{item},"months":1}}"#));
                }
                1 => events.push(format!(r#"{{"at":"{when}","type":"release","item":{}}}"#, rng.below(count as u64))),
                _ => events.push(format!(r#"{{"at":"{when}","type":"topUp","amount":"{}.{:02}"}}"#, rng.below(60), rng.below(100))),
            }
        }
        let policy = rng.pick(&[
            "{}",
            r#"{"preset":"ecsChinaSite"}"#,
            r#"{"preset":"ecsAutoRenewal2019"}"#,
            r#"{"iot":{"freeQuota":"everyMonth","dailyAmounts":"halfUp"}}"#,
        ]);
        let subscriptions = rng.pick(&["buyAtStart", "alreadyPaid"]);
        format!(
            r#"{{"start":"{}","until":"{}","account":{{"balance":"{}.{:02}"}},"subscriptions":"{subscriptions}","policy":{policy},"items":[{}],"events":[{}]}}"#,
            start.to_rfc3339(),
            at(start, days * 24 * 60),
            rng.below(120),
            rng.below(100),
            items.join(","),
            events.join(",")
        )
    }

    /// The engine's run, in the reference's terms.
    fn engine(setup: &Setup) -> (Outcome, Decimal) {
        let run = super::super::engine::run(setup, false).unwrap();
        let required = if run.clean { run.required } else { super::super::engine::run(setup, true).unwrap().required };
        let keep = super::super::account::top_up_for(required, setup.credit.unwrap_or_default(), &setup.ctx);
        let outcome = Outcome {
            timeline: run.timeline.iter().map(|e| (e.at, e.item, e.event, e.state)).collect(),
            items: run.outcomes.iter().map(|o| (o.billed, o.state, o.data_deleted_at, o.first_interruption)).collect(),
            fates: run.outcomes.into_iter().map(|o| o.fates).collect(),
            final_credit: run.credit.map(|c| super::super::product::rounding(&setup.ctx).apply(c)),
            clean: run.clean,
        };
        (outcome, keep)
    }

    /// The engine and the step-by-step reference agree on thousands of random accounts:
    /// every entry (moment, item, event, state), every item's bill, state, deletion and
    /// first interruption, every part's fate, the final credit; and on a quarter of them,
    /// `keepRunning` (the engine's one pass: the reference pays everything with it, and
    /// fails a payment with a cent less).
    #[test]
    fn the_engine_agrees_with_the_step_by_step_reference_on_random_accounts() {
        let mut rng = Rng(0x0031_2026_5EED);
        let ctx = Ctx::default();
        let mut keep_checked = 0;
        for case in 0..2000 {
            let text = random_account(&mut rng);
            let value = Value::from_json_str(&text).unwrap();
            let setup = super::super::account_request::decode(&value, &ctx).unwrap_or_else(|e| panic!("case {case}: {}: {}\n{text}", e.path, e.message));
            let (ours, keep) = engine(&setup);
            let reference = run(&setup, Decimal::ZERO);
            assert_eq!(ours.timeline, reference.timeline, "case {case}: timeline\n{text}");
            assert_eq!(ours.items, reference.items, "case {case}: items\n{text}");
            assert_eq!(ours.fates, reference.fates, "case {case}: fates\n{text}");
            assert_eq!(ours.final_credit, reference.final_credit, "case {case}: final credit\n{text}");
            assert_eq!(ours.clean, reference.clean, "case {case}: clean\n{text}");
            // keepRunning: enough, and a cent less is not.
            if case % 4 == 0 {
                keep_checked += 1;
                assert!(keeps_running(&setup, keep), "case {case}: keepRunning {keep} is not enough\n{text}");
                let cent = Decimal::new(1, 2);
                assert!(keep.is_zero() || !keeps_running(&setup, keep - cent), "case {case}: keepRunning {keep} is more than needed\n{text}");
            }
        }
        assert!(keep_checked >= 500);
    }
}
