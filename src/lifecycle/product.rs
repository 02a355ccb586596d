//! The one interface between the lifecycle engine and each product's rules ([`Rules`]),
//! and the state every resource has whatever its product ([`Item`]).
//!
//! The engine (`engine.rs`) decides *when*: it keeps the clock, the shared credit and the
//! bills, and wakes a resource at the deadline its product names. A product's module
//! (`cloud_phone.rs`, `ecs.rs`, `iot.rs`) decides *what*: how its bills fall due, what an
//! overdue payment, a stop, an expiry, a renewal, a release and a settlement do to it,
//! which deadlines follow, and what the customer is told. The engine never asks which
//! product a resource is.

use super::answer::{Event, Part, ResourceStatus, State};
use crate::bill::{Product, Warning};
use crate::decode::Ctx;
use crate::messages::{HasLocale, Locale};
use crate::money::Rounding;
use crate::site::Currency;
use crate::time::Instant;
use jiff::civil::Date;
use rust_decimal::Decimal;

pub const MINUTE: i64 = 60;
pub const HOUR: i64 = 3_600;
pub const DAY: i64 = 86_400;

/// Use is counted exactly, in money-seconds of a day: an amount per hour used for a
/// second is 24 of them, an amount per day used for a second is 1. A bill of part of an
/// hour or of a day is then never divided, so the sums are exact and the same however
/// they are added up; an amount is divided by [`DAY`] once, to be shown or compared
/// with a price ([`Exact::of`], [`Exact::money`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Exact(pub Decimal);

impl Exact {
    pub const ZERO: Exact = Exact(Decimal::ZERO);

    /// `amount` of money.
    pub fn of(amount: Decimal) -> Exact {
        Exact(amount * Decimal::from(DAY))
    }

    /// `per_period` (an amount for each period of `clock`) used for `seconds`.
    pub fn used(per_period: Decimal, clock: Clock, seconds: i64) -> Exact {
        Exact(per_period * Decimal::from(DAY / clock.seconds()) * Decimal::from(seconds))
    }

    /// As money (for a text or an answer, which round it).
    pub fn money(self) -> Decimal {
        self.0 / Decimal::from(DAY)
    }
}

impl std::ops::Add for Exact {
    type Output = Exact;
    fn add(self, other: Exact) -> Exact {
        Exact(self.0 + other.0)
    }
}

impl std::ops::Sub for Exact {
    type Output = Exact;
    fn sub(self, other: Exact) -> Exact {
        Exact(self.0 - other.0)
    }
}

impl std::ops::AddAssign for Exact {
    fn add_assign(&mut self, other: Exact) {
        self.0 += other.0;
    }
}

impl std::ops::SubAssign for Exact {
    fn sub_assign(&mut self, other: Exact) {
        self.0 -= other.0;
    }
}

/// The currency of a lifecycle or account answer and of its texts: the request's
/// site's (SITE-1), read here and nowhere else in the lifecycle.
pub fn currency(ctx: &Ctx) -> Currency {
    ctx.currency()
}

/// Every amount of an answer to the currency's unit (SITE-3: cents, or yen).
pub fn rounding(ctx: &Ctx) -> Rounding {
    Rounding::bill(currency(ctx))
}

/// "USD 1.23", "JPY 12,480": an amount as a text writes it ([`crate::messages::Money`]),
/// rounded to the currency's unit. A debt smaller than half a unit rounds to zero and is
/// written "0.00", never "-0.00".
pub fn money(ctx: &Ctx, amount: Decimal) -> String {
    let mut rounded = rounding(ctx).apply(amount);
    if rounded.is_zero() {
        rounded.set_sign_positive(true);
    }
    let mut text = String::new();
    crate::messages::Arg::push_to(&crate::messages::Money(currency(ctx), rounded), &mut text, ctx.locale());
    text
}

/// "9 days 2 hours": the two largest non-zero units.
pub fn duration(seconds: i64, locale: Locale) -> String {
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

/// When a product's bills fall due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// Deducted once an hour, on the hour (UTC+8), for the hour's use (CP-13, ECS-13).
    Hourly,
    /// Deducted when each billing day ends, UTC+8, for the day's use (IOT-18; IOT-9's
    /// earliest moment).
    Daily,
}

impl Clock {
    /// The seconds of one bill's period.
    pub fn seconds(self) -> i64 {
        match self {
            Clock::Hourly => HOUR,
            Clock::Daily => DAY,
        }
    }
}

/// Bills that a usage gives day by day: an IoT legacy public instance's daily bills
/// (IOT-17 free quota by the earliest days, IOT-18 rounding), or issue 32's second
/// generation (IOT-29: a daily biller that restarts each calendar month). The engine
/// asks for a day's bill and for how long it stays the same, so that it can add a run
/// of equal days in one step.
pub trait DailyBills {
    /// The bill of billing day `date` (UTC+8), already rounded to the currency's unit.
    fn bill(&self, date: Date) -> Decimal;

    /// The first day after `date` whose bill may differ from `date`'s. The default asks
    /// [`DailyBills::bill`] day by day up to the month's end (a biller that restarts each
    /// month); a usage that knows its runs (`products::iot::RepeatingDay`) says at once.
    fn same_until(&self, date: Date) -> Date {
        self.run(date).1
    }

    /// What the answer says of these bills, billed over the `billed` stretches of time
    /// (IOT-18's and IOT-19's daily rounding of a Basic or Pro instance's messages and
    /// device management); nothing by default.
    fn warnings(&self, _billed: &[(Instant, Instant)], _ctx: &Ctx) -> Vec<Warning> {
        Vec::new()
    }

    /// `date`'s bill and [`DailyBills::same_until`] at once.
    fn run(&self, date: Date) -> (Decimal, Date) {
        let bill = self.bill(date);
        let mut day = date;
        loop {
            let Some(next) = crate::time::date_from_epoch_days(crate::time::epoch_days(day) + 1) else { return (bill, day) };
            if next.month() != date.month() || self.bill(next) != bill {
                return (bill, next);
            }
            day = next;
        }
    }
}

/// What a resource's pay-as-you-go use costs while it bills.
#[derive(Clone)]
pub enum Usage {
    /// Nothing is metered (a subscription with no pay-as-you-go parts, a free instance).
    None,
    /// A constant amount for each whole period of the product's [`Clock`] (an hour, a day).
    Rate(Decimal),
    /// Each billing day's own bill (the product's clock is daily).
    Days(std::rc::Rc<dyn DailyBills>),
}

/// A deadline a product sets itself; the engine wakes the resource at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// IOT-9: service comes back after a payment or a renewal.
    Restore,
    /// ECS-3: deduction retry 1 (T+7) or 2 (T+14).
    DeductionRetry(u8),
    /// ECS-4 (T+15), ECS-14 (at once), IOT-8 (24 hours).
    Stop,
    /// CP-9 (16th day), ECS-4 (15 days stopped).
    OverdueRelease,
    /// ECS-4, ECS-5: the pay-as-you-go disk of a subscription instance.
    PartRelease,
    /// IOT-10, ECS-12, ECS-15: the auto-renewal attempt of this index in the schedule.
    AutoRenewAttempt(usize),
    Expire,
    /// ECS-12, ECS-15: an expired instance whose auto-renewal never succeeded stops serving.
    ExpiredStop,
    /// IOT-5, CP-14, ECS-11 (15 days), ECS-12 (30 days with auto-renewal on).
    ExpiredRelease,
}

/// What a product says happened; the engine adds when, the state after it and the credit.
#[derive(Debug, Clone, PartialEq)]
pub struct Said {
    pub event: Event,
    pub effects: Vec<String>,
    pub rules: Vec<&'static str>,
}

impl Said {
    pub fn new(event: Event, effects: Vec<String>, rules: Vec<&'static str>) -> Said {
        Said { event, effects, rules }
    }
}

/// The account's credit as a product sees it: what it holds, and a payment from it (an
/// auto-renewal: only balance and coupons pay it, IOT-10, ECS-12).
#[derive(Debug, Clone, PartialEq)]
pub struct Purse {
    credit: Option<Exact>,
    /// `keepRunning`'s reference run: every payment is made when it falls due.
    unlimited: bool,
    paid: Exact,
}

impl Purse {
    pub(super) fn new(credit: Option<Exact>, unlimited: bool) -> Purse {
        Purse { credit, unlimited, paid: Exact::ZERO }
    }

    /// Balance plus coupons now; None when the request tracks no credit.
    pub fn credit(&self) -> Option<Decimal> {
        self.credit.map(Exact::money)
    }

    /// Whether the credit pays `amount` now.
    pub fn covers(&self, amount: Decimal) -> bool {
        self.unlimited || self.credit.is_some_and(|c| c >= Exact::of(amount))
    }

    /// Pays `amount` (after [`Purse::covers`]).
    pub fn pay(&mut self, amount: Decimal) {
        if let Some(credit) = self.credit.as_mut() {
            *credit -= Exact::of(amount);
        }
        self.paid += Exact::of(amount);
    }

    pub(super) fn into_parts(self) -> (Option<Exact>, Exact) {
        (self.credit, self.paid)
    }
}

/// A part of the resource: each change of status (from when) and the rules behind them.
#[derive(Debug, Clone, PartialEq)]
pub struct Fate {
    pub part: Part,
    pub changes: Vec<(Instant, ResourceStatus)>,
    pub rules: Vec<&'static str>,
}

impl Fate {
    pub fn new(part: Part, status: ResourceStatus, rules: Vec<&'static str>) -> Fate {
        Fate { part, changes: vec![(Instant(0), status)], rules }
    }
}

/// One product's lifecycle rules for one resource, with the resource's own product state
/// (ECS's deduction retries, IoT's restoration, a subscription's expiry and renewals).
/// The engine calls these at the moments it finds; none of them reads the clock or the
/// credit except through its arguments.
pub trait Rules: Fresh {
    fn product(&self) -> Product;

    /// How its bills fall due.
    fn clock(&self) -> Clock;

    /// Its parts as they start (all active, or independent: CP-10, ECS-5).
    fn parts(&self) -> Vec<Fate>;

    /// A subscription's order, bought at `start` (an account with `subscriptions:
    /// "buyAtStart"`); None for pay-as-you-go.
    fn is_subscription(&self) -> bool;

    /// Whether its pay-as-you-go use is billed in this state.
    fn bills(&self, item: &Item) -> bool;

    /// Whether the customer can use it in this state.
    fn serves(&self, item: &Item) -> bool {
        !(item.released() || item.stopped() || !item.purchased() || (item.expired() && !item.serving_after_expiry()))
    }

    /// What the customer is told when it starts (its billing, its expiry, its
    /// auto-renewal schedule).
    fn created(&self, item: &Item) -> Said;

    /// The rule by which an overdue account reaches this resource, in its product's own
    /// document: the account's overdue entry cites it for each product it holds (ECS-1 is
    /// seed 004's, ECS's alone).
    fn overdue_rule(&self) -> &'static str;

    /// The account became overdue: what that does to it. `by_bill`: a bill the credit
    /// could not pay (rather than the caller's `overdueAt`).
    fn overdue(&mut self, item: &mut Item, by_bill: bool) -> (Vec<String>, Vec<&'static str>);

    /// Its next deadline in this state, if any.
    fn next_deadline(&self, item: &Item) -> Option<(Instant, Step)>;

    /// A deadline came. `purse` is the account's credit (auto-renewals are paid from it
    /// only, IOT-10, ECS-12).
    fn on_deadline(&mut self, step: Step, item: &mut Item, purse: &mut Purse) -> Said;

    /// What was owed is paid: what comes back.
    fn settled(&mut self, item: &mut Item) -> (Vec<String>, Vec<&'static str>);

    /// The customer renews it by hand (not from the balance: CP-8, it may be paid online).
    fn renew(&mut self, months: u64, item: &mut Item) -> Said;

    /// The customer releases it.
    fn release(&mut self, item: &mut Item) -> Said;

    /// What the caller should know about this resource's simulation.
    fn warnings(&self, item: &Item) -> Vec<Warning>;

    /// The answer's `billed` from what `item` was charged: rounded to the currency's unit
    /// (SITE-3; ECS-13: at least one unit for a lifetime that costs anything).
    fn billed(&self, item: &Item) -> Decimal {
        rounding(item.ctx()).apply(item.charged())
    }
}

/// A fresh copy of a product's rules, for a second run of the same setup (`keepRunning`):
/// every product's rules are `Clone`.
pub trait Fresh {
    fn fresh(&self) -> Box<dyn Rules>;
}

impl<T: Rules + Clone + 'static> Fresh for T {
    fn fresh(&self) -> Box<dyn Rules> {
        Box::new(self.clone())
    }
}

/// What every resource has whatever its product: where it stands (overdue since, stopped,
/// expired, released), the fates of its parts, and what it was charged. Products change
/// it through these methods only; the engine reads it to fill the timeline.
#[derive(Debug, Clone)]
pub struct Item {
    ctx: Ctx,
    /// simulateLifecycle's one resource (its entries are the whole answer and say more:
    /// the runway, how its bills fall due); false for an account's item.
    alone: bool,
    /// A run whose texts nobody reads (`keepRunning`'s with unlimited credit).
    silent: bool,
    start: Instant,
    now: Instant,
    overdue_since: Option<Instant>,
    stopped: bool,
    expired: bool,
    /// ECS-12, ECS-15: expired with auto-renewal on, and still serving.
    serving_after_expiry: bool,
    released: bool,
    /// False for an account's subscription whose purchase was refused: it never runs.
    purchased: bool,
    data_deleted_at: Option<Instant>,
    fates: Vec<Fate>,
    /// Its metered use so far.
    used: Exact,
    /// The charges its product added and the renewals it paid.
    charged: Decimal,
    /// Charges its product added since the engine last looked (CP-3's rest of a period,
    /// ECS-13's minimum): billed with the next deduction.
    pending: Decimal,
}

impl HasLocale for Item {
    fn locale(&self) -> Locale {
        self.ctx.locale
    }

    fn silent(&self) -> bool {
        self.silent
    }
}

impl Item {
    pub fn new(ctx: Ctx, alone: bool, silent: bool, start: Instant, mut fates: Vec<Fate>) -> Item {
        for fate in &mut fates {
            for change in &mut fate.changes {
                change.0 = start;
            }
        }
        Item {
            ctx,
            alone,
            silent,
            start,
            now: start,
            overdue_since: None,
            stopped: false,
            expired: false,
            serving_after_expiry: false,
            released: false,
            purchased: true,
            data_deleted_at: None,
            fates,
            used: Exact::ZERO,
            charged: Decimal::ZERO,
            pending: Decimal::ZERO,
        }
    }

    pub fn ctx(&self) -> &Ctx {
        &self.ctx
    }

    pub fn alone(&self) -> bool {
        self.alone
    }

    pub fn start(&self) -> Instant {
        self.start
    }

    pub fn now(&self) -> Instant {
        self.now
    }

    pub fn overdue_since(&self) -> Option<Instant> {
        self.overdue_since
    }

    pub fn overdue(&self) -> bool {
        self.overdue_since.is_some()
    }

    pub fn stopped(&self) -> bool {
        self.stopped
    }

    pub fn expired(&self) -> bool {
        self.expired
    }

    pub fn serving_after_expiry(&self) -> bool {
        self.serving_after_expiry
    }

    pub fn released(&self) -> bool {
        self.released
    }

    pub fn purchased(&self) -> bool {
        self.purchased
    }

    /// Released, or never bought: nothing more happens to it.
    pub fn gone(&self) -> bool {
        self.released || !self.purchased
    }

    pub fn data_deleted_at(&self) -> Option<Instant> {
        self.data_deleted_at
    }

    /// Everything charged so far: its use, the charges its product added, renewals.
    pub fn charged(&self) -> Decimal {
        self.used.money() + self.charged
    }

    /// Where it stands.
    pub fn state(&self) -> State {
        if !self.purchased {
            State::NotPurchased
        } else if self.released {
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

    // ------------------------------------------------------------ what a product does

    /// Stopped for an overdue payment (ECS-4, ECS-14, IOT-8): data kept, no service.
    pub fn stop(&mut self) {
        self.stopped = true;
    }

    /// Back from a stop (ECS-7, IOT-9).
    pub fn restart(&mut self) {
        self.stopped = false;
    }

    /// The subscription expires; `serving`: it keeps working a while (ECS-12, ECS-15).
    pub fn expire(&mut self, serving: bool) {
        self.expired = true;
        self.serving_after_expiry = serving;
    }

    /// ECS-12, ECS-15: its grace after expiry ends.
    pub fn stop_serving(&mut self) {
        self.serving_after_expiry = false;
    }

    /// Renewed after expiry: it serves again.
    pub fn unexpire(&mut self) {
        self.expired = false;
        self.serving_after_expiry = false;
    }

    /// Released with its data.
    pub fn release(&mut self) {
        self.released = true;
        self.data_deleted_at.get_or_insert(self.now);
    }

    /// A part's data is deleted before the resource's (ECS-4: a subscription's
    /// pay-as-you-go disk).
    pub fn delete_data(&mut self) {
        self.data_deleted_at.get_or_insert(self.now);
    }

    /// Moves every part `which` accepts to `status` from now on; an EIP keeps its own
    /// lifecycle (ECS-5, CP-10).
    pub fn fate(&mut self, status: ResourceStatus, which: impl Fn(Part) -> bool) {
        let now = self.now;
        for fate in self.fates.iter_mut().filter(|f| f.part != Part::Eip && which(f.part)) {
            match fate.changes.last_mut() {
                Some(last) if last.1 == status => {}
                Some(last) if last.0 == now => last.1 = status,
                _ => fate.changes.push((now, status)),
            }
        }
    }

    /// A charge its product adds to its use, billed with the next deduction (CP-3, ECS-13).
    pub fn charge(&mut self, amount: Decimal) {
        self.charged += amount;
        self.pending += amount;
    }

    /// A renewal it paid (from the credit, or online): part of what it was charged.
    pub fn paid(&mut self, amount: Decimal) {
        self.charged += amount;
    }

    // ------------------------------------------------------------ what the engine does

    pub(super) fn set_now(&mut self, now: Instant) {
        self.now = now;
    }

    pub(super) fn become_overdue(&mut self) {
        self.overdue_since = Some(self.now);
    }

    pub(super) fn settle(&mut self) {
        self.overdue_since = None;
    }

    pub(super) fn refuse_purchase(&mut self) {
        self.purchased = false;
    }

    /// Its use, metered by the engine.
    pub(super) fn used(&mut self, amount: Exact) {
        self.used += amount;
    }

    /// The charges its product added since the last call.
    pub(super) fn take_pending(&mut self) -> Decimal {
        std::mem::take(&mut self.pending)
    }

    pub(super) fn into_fates(self) -> Vec<Fate> {
        self.fates
    }
}
