//! Decodes a `simulateLifecycle` request into a [`Plan`]: every combination that the
//! seeds cannot give a meaning to is refused here, with the field at fault, so that
//! the engine only ever sees plans it can simulate.

use super::answer::{Part, Subscriptions};
use super::cloud_phone::CloudPhone;
use super::ecs::{Cycle, Ecs, Overdue};
use super::iot::{connection_usage, Iot};
use super::product::{Clock, Rules, Usage};
use super::subscription::{Schedule, Term};
use crate::bill::{limits, Billing, Product, Warning};
use crate::decode::{Ctx, Fields, Node, Value};
use crate::error::{Error, ErrorCode};
use crate::messages::Key;
use crate::products::iot::connection_messages::{self as cm, item::ConnectionItem};
use crate::policy::{apply_policy_overrides, default_policies, Policies, Policy};
use crate::time::{instant, Instant};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::borrow::Cow;

/// Most events in one request.
pub const MAX_EVENTS: usize = 10_000;
/// The longest horizon: 100 years of months after `start`.
pub const MAX_HORIZON_MONTHS: u64 = 1_200;
/// Largest balance, coupon or top-up amount (USD 1e12): far above any account, low
/// enough that 10,000 top-ups plus a century of charges fit a decimal exactly.
pub const MAX_CREDIT: Decimal = dec!(1_000_000_000_000);

/// What is simulated: the product, and its billing method or instance type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    CloudPhone(Billing),
    /// Legacy public instance: pay-as-you-go (IOT-2, IOT-8).
    IotLegacyPublic,
    /// New public instance: free, never expires (IOT-2, IOT-7).
    IotNewPublic,
    /// Enterprise Edition: subscription only (IOT-2, IOT-5).
    IotEnterprise,
    Ecs(Billing),
}

impl Kind {
    pub fn product(self) -> Product {
        match self {
            Kind::CloudPhone(_) => Product::CloudPhone,
            Kind::IotLegacyPublic | Kind::IotNewPublic | Kind::IotEnterprise => Product::Iot,
            Kind::Ecs(_) => Product::Ecs,
        }
    }

    pub fn is_subscription(self) -> bool {
        matches!(self, Kind::CloudPhone(Billing::Subscription) | Kind::Ecs(Billing::Subscription) | Kind::IotEnterprise)
    }

    /// Whether auto-renewal has a schedule in the rules: IOT-10 and ECS-12.
    pub fn auto_renews(self) -> bool {
        matches!(self, Kind::IotEnterprise | Kind::Ecs(Billing::Subscription))
    }

    /// The parts a caller may list in `resource.attached`: each product's lifecycle says which.
    fn attachable(self) -> &'static [Part] {
        match self {
            Kind::CloudPhone(_) => CloudPhone::ATTACHABLE,
            Kind::Ecs(billing) => Ecs::attachable(billing),
            Kind::IotLegacyPublic | Kind::IotNewPublic | Kind::IotEnterprise => Iot::ATTACHABLE,
        }
    }
}

/// A pay-as-you-go cost rate: `amount` per `per_seconds`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    pub amount: Decimal,
    pub per_seconds: i64,
}

impl Rate {
    /// "USD 0.0457 per hour".
    pub fn describe(self, ctx: &Ctx) -> String {
        let amount = crate::messages::Money(ctx.currency(), self.amount.normalize());
        if self.per_seconds == 86_400 { text!(ctx, "rate.perDay", amount = amount) } else { text!(ctx, "rate.perHour", amount = amount) }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum EventKind {
    TopUp(Decimal),
    Renew(u64),
    Release,
}

/// A caller's event (or an account item's planned release), in time order.
#[derive(Debug, Clone, PartialEq)]
pub struct CallerEvent {
    pub at: Instant,
    /// The resource it names; None for a top-up (the account's).
    pub item: Option<usize>,
    pub kind: EventKind,
}

/// One resource of a setup: its product's rules and what its use costs.
pub struct Resource {
    pub rules: Box<dyn Rules>,
    pub usage: Usage,
    /// The cost rate the caller gave (simulateLifecycle), for the texts.
    pub rate: Option<Rate>,
    /// An account item's description, as `quote` gives it.
    pub description: String,
    /// A subscription's order as `quote` prices it: bought at `start` from the credit
    /// (`subscriptions: "buyAtStart"`), or before it.
    pub prepaid: Decimal,
    /// What decoding found to say (`quote`'s warnings of the item).
    pub warnings: Vec<Warning>,
}

/// What the engine simulates: resources that share one credit, the caller's events and
/// the period. simulateLifecycle's is one resource, `alone`.
pub struct Setup {
    /// The request's context: the language of the texts, the currency.
    pub ctx: Ctx,
    /// simulateLifecycle's one resource: its entries are the whole timeline.
    pub alone: bool,
    pub start: Instant,
    pub until: Option<Instant>,
    /// No simulated moment goes past this.
    pub latest: Instant,
    /// Balance plus coupons at `start`: both pay bills and auto-renewals (ECS-1,
    /// IOT-10). None when the request gives no account.
    pub credit: Option<Decimal>,
    /// The overdue moment the caller states instead of a credit.
    pub overdue_at: Option<Instant>,
    pub subscriptions: Subscriptions,
    pub resources: Vec<Resource>,
    pub events: Vec<CallerEvent>,
}

/// A cost `rate` as an amount for each whole period of `clock` (an hour, a day).
pub fn usage(rate: Option<Rate>, clock: Clock) -> Usage {
    match rate {
        None => Usage::None,
        Some(rate) => Usage::Rate(rate.amount * Decimal::from(clock.seconds()) / Decimal::from(rate.per_seconds)),
    }
}

const FIELDS: [&str; 17] = [
    "product", "resource", "start", "expiresAt", "months", "autoRenew", "renewalPrice", "account",
    "costPerHour", "costPerDay", "overdueAt", "events", "until", "policy", "catalog", "locale", "site",
];

pub fn not_supported(path: impl Into<String>, message: impl Into<String>) -> Error {
    Error::new(ErrorCode::NotSupported, path, message)
}

pub fn decode(request: &Value, ctx: &Ctx) -> Result<Setup, Error> {
    let root = Node::root(request, ctx);
    let fields = root.object()?;
    fields.only(&FIELDS)?;
    let product = fields.required("product", key!("expect.product"))?.one_of(&Product::ALL, ErrorCode::UnknownProduct)?;
    let resource = fields.required("resource", key!("expect.resource"))?;
    let (kind, trial, economical_mode, attached, created_at) = decode_resource(product, &resource)?;

    let start = instant(&fields.required("start", key!("expect.dateOrInstant"))?)?;
    let created_at = match created_at {
        None => start,
        Some((node, at)) if at > start => {
            return Err(node.error(ErrorCode::OutOfRange, text!(node, "lifecycle.createdAfterStart", at = at.to_rfc3339(), start = start.to_rfc3339())))
        }
        Some((_, at)) => at,
    };
    // CP-13: the unit of the group's creation, from the embedded catalog's cut-over.
    let cloud_phone_unit = crate::products::cloud_phone::BillingUnit::for_creation(crate::catalog::shared_default(), Some(created_at));
    let (until, latest) = period(&fields, start, MAX_HORIZON_MONTHS)?;
    let within = |node: &Node<'_>, at: Instant| within_period(node, at, start, until, latest, MAX_HORIZON_MONTHS / 12);

    let mut policies = default_policies();
    if let Some(node) = fields.get("policy") {
        apply_policy_overrides(&mut policies, &node)?;
    }

    let expiry = decode_expiry(kind, trial, &fields, start, latest, &policies)?;

    let auto_renew = fields.flag("autoRenew")?;
    if auto_renew {
        if !kind.auto_renews() {
            return Err(not_supported(fields.child_path("autoRenew"), text!(fields, "lifecycle.autoRenewNotModelled")));
        }
        if trial {
            return Err(not_supported(fields.child_path("autoRenew"), text!(fields, "lifecycle.autoRenewTrial")));
        }
    }
    // Auto-renewal needs both the price it pays and the balance it pays from (IOT-10).
    let optional_unless_auto_renew = |key: &str, expected: Key| {
        if auto_renew { fields.required(key, expected).map(Some) } else { Ok(fields.get(key)) }
    };
    let renewal_price = match optional_unless_auto_renew("renewalPrice", key!("expect.renewalPrice"))? {
        None => None,
        Some(node) if !kind.is_subscription() => return Err(not_supported(node.path(), text!(node, "lifecycle.payAsYouGoNotRenewed"))),
        Some(node) => Some(crate::catalog::caller_price(&node)?),
    };

    let credit = match optional_unless_auto_renew("account", key!("expect.autoRenewAccount"))? {
        None => None,
        Some(node) => Some(credit(&node)?),
    };

    // IOT-25..IOT-30: a legacy public instance of the connection-and-messages generation is
    // priced by its usage, day by day: no rate besides.
    let mut overridden = None;
    let catalog = crate::catalog::requested(&fields, &mut overridden)?;
    let connection = connection_item(&resource, start, catalog, &policies)?;
    if connection.is_some() {
        if let Some(rate) = fields.get("costPerDay").or_else(|| fields.get("costPerHour")) {
            return Err(not_supported(rate.path(), text!(rate, "lifecycle.usageAndRate")));
        }
    } else if let Some(node) = fields.get("catalog") {
        return Err(not_supported(node.path(), text!(node, "lifecycle.catalogUnused")));
    }
    let rate = match (fields.get("costPerHour"), fields.get("costPerDay")) {
        (Some(_), Some(day)) => return Err(not_supported(day.path(), text!(day, "lifecycle.rateTwice"))),
        (None, None) => None,
        (Some(hour), None) => Some((hour, 3_600)),
        (None, Some(day)) => Some((day, 86_400)),
    };
    let rate = match rate {
        None => None,
        Some((node, _)) if kind == Kind::IotNewPublic => {
            return Err(not_supported(node.path(), text!(node, "lifecycle.newPublicFree")))
        }
        Some((node, per_seconds)) => Some(Rate { amount: crate::catalog::caller_price(&node)?, per_seconds }),
    };

    let overdue_at = match fields.get("overdueAt") {
        None => None,
        Some(node) => {
            if credit.is_some() {
                return Err(not_supported(node.path(), text!(node, "lifecycle.accountAndOverdueAt")));
            }
            Some(within(&node, instant(&node)?)?)
        }
    };

    let mut events = event_nodes(&fields)?.iter().map(|event| decode_event(kind, event, &within)).collect::<Result<Vec<_>, _>>()?;
    // Events at the same moment keep the caller's order (a stable sort).
    events.sort_by_key(|e| e.at);

    let term = |schedule: Option<Schedule>| expiry.map(|(anchor, months)| Term::new(anchor, months, renewal_price, schedule));
    let auto = |schedule: fn(&Policies) -> Schedule| auto_renew.then(|| schedule(&policies));
    let hourly = rate.map(|r| r.amount * Decimal::from(3_600) / Decimal::from(r.per_seconds));
    let days = |p| policies.count(p);
    let rules: Box<dyn Rules> = match kind {
        Kind::CloudPhone(Billing::PayAsYouGo) => {
            Box::new(CloudPhone::pay_as_you_go(cloud_phone_unit, created_at, hourly, attached, days(Policy::CloudPhoneOverdueReleaseAfterDays)))
        }
        Kind::CloudPhone(Billing::Subscription) => match term(None) {
            Some(term) => Box::new(CloudPhone::subscription(term, days(Policy::CloudPhoneSubscriptionReleaseAfterExpiryDays), hourly, attached)),
            None => return Err(internal("a subscription without its term")),
        },
        Kind::Ecs(billing) => {
            let cycle = term(auto(Ecs::renewal_schedule)).map(|term| Cycle { term, release_after_expiry_days: days(Policy::EcsSubscriptionReleaseAfterExpiryDays) });
            Box::new(Ecs::new(billing, 1, attached, economical_mode, rate.is_some(), Overdue::of(&policies), cycle))
        }
        Kind::IotLegacyPublic => Box::new(Iot::legacy_public(&policies)),
        Kind::IotEnterprise => match term(auto(Iot::renewal_schedule)) {
            Some(term) => {
                let trial = trial.then(|| days(Policy::IotTrialMonths));
                let release = policies.get(Policy::IotEnterpriseReleaseAfterExpiryDays).map(i64::from);
                Box::new(Iot::enterprise(term, release, trial, days(Policy::IotRestoreWithinMinutes), rate.is_some()))
            }
            None => return Err(internal("a subscription without its term")),
        },
        Kind::IotNewPublic => Box::new(Iot::new_public()),
    };
    let resource = match connection {
        Some(item) => connection_resource(&item, &resource.object()?, start, &policies)?,
        None => Resource { usage: usage(rate, rules.clock()), rules, rate, description: String::new(), prepaid: Decimal::ZERO, warnings: Vec::new() },
    };
    Ok(Setup { ctx: *ctx, alone: true, start, until, latest, credit, overdue_at, subscriptions: Subscriptions::AlreadyPaid, resources: vec![resource], events })
}

pub fn internal(message: &str) -> Error {
    Error::new(ErrorCode::Internal, "", message)
}

/// `until` (checked against `start`), and the last moment any simulation may reach:
/// `start` + `max_months` (100 years for a lifecycle, 10 for an account).
pub fn period(fields: &Fields<'_>, start: Instant, max_months: u64) -> Result<(Option<Instant>, Instant), Error> {
    let latest = start.plus_months(max_months).unwrap_or(Instant(i64::MAX / 2));
    let Some(node) = fields.get("until") else { return Ok((None, latest)) };
    let until = instant(&node)?;
    if until <= start {
        return Err(node.error(ErrorCode::OutOfRange, text!(node, "lifecycle.untilBeforeStart", until = until.to_rfc3339(), start = start.to_rfc3339())));
    }
    if until > latest {
        return Err(node.error(ErrorCode::OutOfRange, text!(node, "lifecycle.horizonTooLong", years = max_months / 12, latest = latest.to_rfc3339())));
    }
    Ok((Some(until), latest))
}

/// `at`, if it is within the simulated period; else `date_out_of_period` at `node`.
pub fn within_period(node: &Node<'_>, at: Instant, start: Instant, until: Option<Instant>, latest: Instant, years: u64) -> Result<Instant, Error> {
    let end = until.unwrap_or(latest);
    if at < start || at > end {
        let (at, start, end) = (at.to_rfc3339(), start.to_rfc3339(), end.to_rfc3339());
        let message = if until.is_some() {
            text!(node, "lifecycle.outsidePeriodUntil", at = at, start = start, end = end)
        } else {
            text!(node, "lifecycle.outsidePeriod", at = at, start = start, years = years, end = end)
        };
        return Err(node.error(ErrorCode::DateOutOfPeriod, message));
    }
    Ok(at)
}

/// `account: { balance, coupons? }` as one credit: both pay bills and auto-renewals
/// (ECS-1, IOT-10).
pub fn credit(node: &Node<'_>) -> Result<Decimal, Error> {
    let account = node.object()?;
    account.only(&["balance", "coupons"])?;
    let balance = account.required("balance", key!("expect.money"))?.decimal_in(Decimal::ZERO, true, MAX_CREDIT)?;
    let coupons = account.get("coupons").map_or(Ok(Decimal::ZERO), |n| n.decimal_in(Decimal::ZERO, true, MAX_CREDIT))?;
    Ok(balance + coupons)
}

/// A resource's creation time, with its node for errors.
type CreatedAt<'v> = Option<(Node<'v>, Instant)>;

fn decode_resource<'v>(product: Product, node: &Node<'v>) -> Result<(Kind, bool, bool, Vec<Part>, CreatedAt<'v>), Error> {
    let fields = node.object()?;
    let billing = |fields: &Fields<'_>| {
        fields.required("billing", key!("expect.billing"))?.one_of(&Billing::ALL, ErrorCode::UnknownBilling)
    };
    let (kind, trial, economical_mode) = match product {
        Product::CloudPhone => {
            // CP-13: only a pay-as-you-go group's unit depends on when it was created.
            let kind = Kind::CloudPhone(billing(&fields)?);
            if kind == Kind::CloudPhone(Billing::PayAsYouGo) {
                fields.only(&["billing", "attached", "createdAt"])?;
            } else {
                fields.only(&["billing", "attached"])?;
            }
            (kind, false, false)
        }
        Product::Ecs => {
            fields.only(&["billing", "attached", "economicalMode"])?;
            let economical = fields.flag("economicalMode")?;
            (Kind::Ecs(billing(&fields)?), false, economical)
        }
        Product::Eip | Product::NatGateway => return Err(product.not_simulated(node.path())),
        Product::Iot => {
            fields.only(&["instance", "trial", "pricing", "activated", "monthToDate", "usage"])?;
            let instance = fields.required("instance", key!("expect.lifecycleIotInstance"))?.one_of(
                &[("enterprise", Kind::IotEnterprise), ("legacyPublic", Kind::IotLegacyPublic), ("newPublic", Kind::IotNewPublic)],
                ErrorCode::UnknownInstance,
            )?;
            let trial = match fields.get("trial") {
                None => false,
                Some(n) if instance == Kind::IotEnterprise => n.bool()?,
                Some(n) => return Err(not_supported(n.path(), text!(n, "lifecycle.trialOnlyEnterprise"))),
            };
            (instance, trial, false)
        }
    };
    let mut attached = Vec::new();
    if let Some(list) = fields.get("attached") {
        let choices: Vec<(&str, Part)> = kind.attachable().iter().map(|part| (part.name(), *part)).collect();
        for part in list.elements()? {
            let known = part.one_of(&choices, ErrorCode::UnknownField)?;
            if !attached.contains(&known) {
                attached.push(known);
            }
        }
    }
    let created_at = match fields.get("createdAt") {
        None => None,
        Some(n) => {
            let at = instant(&n)?;
            Some((n, at))
        }
    };
    Ok((kind, trial, economical_mode, attached, created_at))
}

fn decode_expiry(kind: Kind, trial: bool, fields: &Fields<'_>, start: Instant, latest: Instant, policies: &Policies) -> Result<Option<(Instant, u64)>, Error> {
    let (expires_at, months) = (fields.get("expiresAt"), fields.get("months"));
    if !kind.is_subscription() {
        if let Some(node) = expires_at.as_ref().or(months.as_ref()) {
            return Err(not_supported(node.path(), text!(node, "lifecycle.noExpiry")));
        }
        return Ok(None);
    }
    if trial {
        if let Some(node) = expires_at.as_ref().or(months.as_ref()) {
            return Err(not_supported(node.path(), text!(node, "lifecycle.trialLength")));
        }
        return Ok(Some((start, u64::from(policies.get(Policy::IotTrialMonths).unwrap_or(1)))));
    }
    match (expires_at, months) {
        (Some(_), Some(m)) => Err(not_supported(m.path(), text!(m, "lifecycle.expiryTwice"))),
        (None, Some(m)) if kind == Kind::Ecs(Billing::Subscription) => {
            // ECS-10: the cycle ends at 00:00 UTC+8 the day after the expiry date;
            // renewals then add months to that end.
            let months = m.integer(1, limits::MAX_MONTHS)?;
            let end = crate::products::ecs::subscription_cycle_end(start, months).filter(|end| *end <= latest);
            Ok(Some((end.ok_or_else(|| m.error(ErrorCode::OutOfRange, text!(m, "lifecycle.endsBeyondHorizon", years = MAX_HORIZON_MONTHS / 12)))?, 0)))
        }
        (None, Some(m)) => Ok(Some((start, m.integer(1, limits::MAX_MONTHS)?))),
        (_, None) => {
            let node = fields.required("expiresAt", key!("expect.expiresAt"))?;
            let at = instant(&node)?;
            if at <= start || at > latest {
                return Err(node.error(ErrorCode::OutOfRange, text!(node, "lifecycle.expiryRange", at = at.to_rfc3339(), start = start.to_rfc3339())));
            }
            Ok(Some((at, 0)))
        }
    }
}

/// The `events` of a request, at most [`MAX_EVENTS`].
pub fn event_nodes<'v>(fields: &Fields<'v>) -> Result<Vec<Node<'v>>, Error> {
    let Some(node) = fields.get("events") else { return Ok(Vec::new()) };
    let list = node.elements()?;
    if list.len() > MAX_EVENTS {
        return Err(node.error(ErrorCode::TooMany, text!(node, "lifecycle.tooManyEvents", max = MAX_EVENTS, count = list.len())));
    }
    Ok(list.collect())
}

/// The kinds of caller event.
#[derive(Clone, Copy, PartialEq)]
pub enum EventType {
    TopUp,
    Renew,
    Release,
}

/// The fields of a caller event, its `type` (with its node, for errors) and its `at`,
/// checked by `within` against the simulated period.
pub type EventHead<'v> = (Fields<'v>, EventType, Node<'v>, Instant);

pub fn event_head<'v>(node: &Node<'v>, within: &dyn Fn(&Node<'_>, Instant) -> Result<Instant, Error>) -> Result<EventHead<'v>, Error> {
    let fields = node.object()?;
    let type_node = fields.required("type", key!("expect.eventType"))?;
    let event_type = type_node.one_of(&[("topUp", EventType::TopUp), ("renew", EventType::Renew), ("release", EventType::Release)], ErrorCode::UnknownEventType)?;
    let at_node = fields.required("at", key!("expect.at"))?;
    let at = within(&at_node, instant(&at_node)?)?;
    Ok((fields, event_type, type_node, at))
}

/// A top-up's `amount`: money above zero.
pub fn top_up_amount(fields: &Fields<'_>) -> Result<Decimal, Error> {
    fields.only(&["at", "type", "amount"])?;
    fields.required("amount", key!("expect.positiveMoney"))?.decimal_in(Decimal::ZERO, false, MAX_CREDIT)
}

/// A renewal's `months`.
pub fn renewal_months(fields: &Fields<'_>) -> Result<u64, Error> {
    fields.required("months", key!("expect.months"))?.integer(1, limits::MAX_MONTHS)
}

fn decode_event(kind: Kind, node: &Node<'_>, within: &dyn Fn(&Node<'_>, Instant) -> Result<Instant, Error>) -> Result<CallerEvent, Error> {
    let (fields, event_type, kind_node, at) = event_head(node, within)?;
    type Type = EventType;
    let kind = match event_type {
        Type::TopUp => EventKind::TopUp(top_up_amount(&fields)?),
        Type::Renew => {
            fields.only(&["at", "type", "months"])?;
            if !kind.is_subscription() {
                return Err(not_supported(kind_node.path(), text!(kind_node, "lifecycle.renewNotSubscription")));
            }
            EventKind::Renew(renewal_months(&fields)?)
        }
        Type::Release => {
            fields.only(&["at", "type"])?;
            EventKind::Release
        }
    };
    // A top-up is the account's; the rest name the one resource.
    let item = (!matches!(kind, EventKind::TopUp(_))).then_some(0);
    Ok(CallerEvent { at, item, kind })
}

/// The `resource` of a legacy public instance that gives `pricing: "connectionAndMessages"`
/// (IOT-25) with its usage (`activated?`, `monthToDate?`, `usage`), read as `quote` reads
/// the item of the start's month; None for a resource priced by `costPerDay`.
fn connection_item(resource: &Node<'_>, start: Instant, catalog: &crate::catalog::Catalog, policies: &Policies) -> Result<Option<ConnectionItem>, Error> {
    let fields = resource.object()?;
    let Some(pricing) = fields.get("pricing") else {
        return match ["usage", "activated", "monthToDate"].into_iter().find_map(|key| fields.get(key)) {
            Some(node) => Err(Error::new(ErrorCode::MissingField, fields.child_path("pricing"), text!(node, "lifecycle.usageNeedsPricing"))),
            None => Ok(None),
        };
    };
    if fields.get("instance").map(|n| n.str()).transpose()? != Some("legacyPublic") {
        return Err(not_supported(pricing.path(), text!(pricing, "lifecycle.pricingOnlyLegacy")));
    }
    pricing.one_of(&[("connectionAndMessages", ())], ErrorCode::UnknownEdition)?;
    let (start_day, _) = start.billing_day().ok_or_else(|| resource.error(ErrorCode::OutOfRange, text!(resource, "account.startOutOfRange")))?;
    let mut entries = vec![(Cow::Borrowed("product"), Value::String("iot".into())), (Cow::Borrowed("month"), Value::String(crate::time::iso_month(start_day).into()))];
    entries.extend(fields.entries().iter().filter(|(key, _)| key != "trial").cloned());
    let value = Value::Object(entries);
    match crate::products::iot::decode_item_with(&resource.with_value(&value).object()?, catalog, connection_policy(policies))? {
        crate::products::iot::IotItem::ConnectionAndMessages(item) => Ok(Some(*item)),
        _ => Err(internal("a connection-and-messages item of another kind")),
    }
}

/// IOT-28, IOT-29: the connection-and-messages generation's readings, from the call's
/// policies (`policy.iot.freeQuota`, `policy.iot.dailyAmounts`).
pub fn connection_policy(policies: &Policies) -> cm::Policy {
    let named = |policy: Policy| policies.choice(policy);
    cm::Policy {
        free_quota: cm::FreeQuota::ALL.iter().find(|(name, _)| *name == named(Policy::IotFreeQuota)).map(|(_, v)| *v).unwrap_or_default(),
        daily_amounts: cm::DailyAmounts::ALL.iter().find(|(name, _)| *name == named(Policy::IotDailyAmounts)).map(|(_, v)| *v).unwrap_or_default(),
    }
}

/// A legacy public instance of the connection-and-messages generation (IOT-25..IOT-30),
/// its day of usage repeated every day from `start` on (`item`, read as `quote` reads it
/// from `at`), as [`connection_usage`] bills and describes it. No repeated day, a price
/// the site does not publish, or usage before the activation is a request error at the
/// item (SITE-1).
pub fn connection_resource(item: &ConnectionItem, at: &Fields<'_>, start: Instant, policies: &Policies) -> Result<Resource, Error> {
    let Some(day) = &item.repeated else { return Err(not_supported(at.child_path("usage"), text!(at, "lifecycle.noDays"))) };
    let (first_day, _) = start.billing_day().ok_or_else(|| Error::new(ErrorCode::OutOfRange, at.path(), text!(at, "account.startOutOfRange")))?;
    let usage = connection_usage(item, day, first_day, at.ctx()).map_err(|e| cm::item::rate_error(e, at, &item.tariff))?;
    let rules = Iot::legacy_public(policies);
    Ok(Resource { rules: Box::new(rules), usage: Usage::Days(std::rc::Rc::new(usage.days)), rate: None, description: usage.description, prepaid: Decimal::ZERO, warnings: usage.warnings })
}
