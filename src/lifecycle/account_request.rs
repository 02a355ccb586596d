//! Decodes a `simulateAccount` request: the account, its items (in `quote`'s shapes,
//! read over time) and the caller's events, into a [`Setup`] of the engine: each item
//! becomes a resource with its product's lifecycle rules, so an account's resources
//! follow exactly the rules a lifecycle follows; only the credit is shared.

use super::answer::Subscriptions;
use super::cloud_phone::CloudPhone;
use super::ecs::{Cycle, Ecs, Overdue};
use super::iot::Iot;
use super::product::{currency, rounding, Clock, Usage};
use super::request::{connection_policy, connection_resource, credit, event_head, event_nodes, not_supported, period, renewal_months, top_up_amount, usage, within_period, CallerEvent, EventKind, EventType, Kind, Rate, Resource, Setup};
use super::subscription::Term;
use crate::bill::{limits, Billing, Product, Warning};
use crate::catalog::Catalog;
use crate::decode::{Ctx, Fields, Node, Value};
use crate::error::{Error, ErrorCode};
use crate::policy::{apply_policy_overrides, default_policies, Policies, Policy};
use crate::products::{cloud_phone, ecs, iot};
use crate::time::{instant, Instant};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// Most items in one account: as many as a quote takes.
pub const MAX_ACCOUNT_ITEMS: usize = limits::MAX_ITEMS;
/// The longest account: 10 years of months after `start`.
pub const MAX_ACCOUNT_MONTHS: u64 = 120;

const FIELDS: [&str; 10] = ["start", "until", "account", "items", "events", "subscriptions", "catalog", "policy", "locale", "site"];

pub fn decode(request: &Value, ctx: &Ctx) -> Result<Setup, Error> {
    let root = Node::root(request, ctx);
    let fields = root.object()?;
    fields.only(&FIELDS)?;
    let mut overridden = None;
    let catalog = crate::catalog::requested(&fields, &mut overridden)?;
    let start = instant(&fields.required("start", key!("expect.dateOrInstant"))?)?;
    let (until, latest) = period(&fields, start, MAX_ACCOUNT_MONTHS)?;
    let end = until.unwrap_or(latest);
    let mut policies = default_policies();
    if let Some(node) = fields.get("policy") {
        apply_policy_overrides(&mut policies, &node)?;
    }
    let credit = credit(&fields.required("account", key!("expect.account"))?)?;
    let subscriptions = match fields.get("subscriptions") {
        None => Subscriptions::BuyAtStart,
        Some(node) => node.one_of(&[("buyAtStart", Subscriptions::BuyAtStart), ("alreadyPaid", Subscriptions::AlreadyPaid)], ErrorCode::UnknownField)?,
    };

    let items_node = fields.required("items", key!("expect.accountItems"))?;
    let elements = items_node.elements()?;
    if elements.len() == 0 {
        return Err(items_node.error(ErrorCode::Empty, text!(items_node, "request.noItems")));
    }
    if elements.len() > MAX_ACCOUNT_ITEMS {
        return Err(items_node.error(ErrorCode::TooMany, text!(items_node, "account.tooManyItems", max = MAX_ACCOUNT_ITEMS, count = elements.len())));
    }
    let context = Context { ctx, catalog, policies: &policies, start, latest };
    let mut resources = Vec::with_capacity(elements.len());
    let mut kinds = Vec::with_capacity(elements.len());
    let mut planned = Vec::new();
    for (index, node) in elements.enumerate() {
        let (resource, kind, release_after) = decode_item(&node, &context)?;
        // A pay-as-you-go item's `hours` is a planned release after that long.
        if let Some(at) = release_after.map(|seconds| start.plus_seconds(seconds)).filter(|at| *at <= end) {
            planned.push(CallerEvent { at, item: Some(index), kind: EventKind::Release });
        }
        resources.push(resource);
        kinds.push(kind);
    }

    let years = MAX_ACCOUNT_MONTHS / 12;
    let within = |node: &Node<'_>, at: Instant| within_period(node, at, start, until, latest, years);
    let mut events = event_nodes(&fields)?.iter().map(|event| decode_event(event, &kinds, &within)).collect::<Result<Vec<_>, _>>()?;
    // The caller's events first, then the planned releases; at one moment, in that order
    // (the sort is stable).
    events.extend(planned);
    events.sort_by_key(|e| e.at);
    Ok(Setup { ctx: *ctx, alone: false, start, until, latest, credit: Some(credit), overdue_at: None, subscriptions, resources, events })
}

struct Context<'c> {
    ctx: &'c Ctx,
    catalog: &'c Catalog,
    policies: &'c Policies,
    start: Instant,
    latest: Instant,
}

impl Context<'_> {
    fn days(&self, policy: Policy) -> i64 {
        self.policies.count(policy)
    }

    /// A resource of `rules` whose use costs `rate`.
    fn resource(&self, rules: Box<dyn super::product::Rules>, rate: Option<Rate>, description: String, prepaid: Decimal, warnings: Vec<Warning>) -> Resource {
        let usage = usage(rate, rules.clock());
        Resource { rules, usage, rate, description, prepaid, warnings }
    }
}

/// An item's fields as `quote` reads them: `autoRenew` (the account's own) removed, and
/// the fields an account does not need filled in (`hours` of a pay-as-you-go item
/// that runs until released; the `month` of an IoT usage, which is the account's).
fn as_quote_item<'a>(fields: &Fields<'a>, defaults: &[(&'a str, Value<'a>)]) -> Value<'a> {
    let mut entries: Vec<_> = fields.entries().iter().filter(|(k, _)| k != "autoRenew").cloned().collect();
    for (key, value) in defaults {
        if fields.get(key).is_none() {
            entries.retain(|(k, _)| k != key);
            entries.push((Cow::Borrowed(*key), value.clone()));
        }
    }
    Value::Object(entries)
}

/// A pay-as-you-go item's planned release (`hours` after start), in seconds.
fn planned_release(fields: &Fields<'_>) -> Result<Option<i64>, Error> {
    match fields.get("hours") {
        None => Ok(None),
        Some(node) => {
            let hours = node.decimal_in(Decimal::ZERO, false, Decimal::from(limits::MAX_HOURS))?;
            use rust_decimal::prelude::ToPrimitive;
            Ok((hours * Decimal::from(3_600)).ceil().to_i64())
        }
    }
}

/// An item: its resource, its kind (for the events that name it), and a pay-as-you-go
/// item's planned release (its `hours`), in seconds after `start`.
fn decode_item(node: &Node<'_>, context: &Context<'_>) -> Result<(Resource, Kind, Option<i64>), Error> {
    let fields = node.object()?;
    let product = fields.required("product", key!("expect.product"))?.one_of(&Product::ALL, ErrorCode::UnknownProduct)?;
    let auto_renew = fields.flag("autoRenew")?;
    // An account runs a pay-as-you-go item by the hour until it is released: not a month of it.
    if let Some(node) = fields.get("hoursPerMonth") {
        return Err(not_supported(node.path(), text!(fields, "account.hoursPerMonth")));
    }
    let one_hour = [("hours", Value::Number("1".into()))];
    let billing = |fields: &Fields<'_>| fields.required("billing", key!("expect.billing"))?.one_of(&Billing::ALL, ErrorCode::UnknownBilling);
    let (kind, rules_input) = match product {
        Product::CloudPhone => {
            let billing = billing(&fields)?;
            let value = as_quote_item(&fields, if billing == Billing::PayAsYouGo { &one_hour } else { &[] });
            let item_node = node.with_value(&value);
            (Kind::CloudPhone(billing), Input::CloudPhone(cloud_phone::decode_item(&item_node.object()?, context.catalog)?))
        }
        Product::Ecs => {
            let billing = billing(&fields)?;
            let value = as_quote_item(&fields, if billing == Billing::PayAsYouGo { &one_hour } else { &[] });
            let item_node = node.with_value(&value);
            (Kind::Ecs(billing), Input::Ecs(ecs::decode_item(&item_node.object()?, context.catalog)?))
        }
        Product::Iot => iot_input(&fields, node, context)?,
        Product::Eip | Product::NatGateway => return Err(product.not_simulated(fields.child_path("product"))),
    };
    // IOT-10, ECS-12: only these products give an auto-renewal schedule.
    if auto_renew && !kind.auto_renews() {
        return Err(not_supported(fields.child_path("autoRenew"), text!(fields, "account.autoRenewNotModelled")));
    }
    let release_after = if kind == Kind::CloudPhone(Billing::PayAsYouGo) || kind == Kind::Ecs(Billing::PayAsYouGo) { planned_release(&fields)? } else { None };
    let resource = match rules_input {
        Input::CloudPhone(item) => cloud_phone_item(&item, &fields, context)?,
        Input::Ecs(item) => ecs_item(&item, auto_renew, context, node)?,
        Input::Iot(item) => iot_item(item, auto_renew, node, context)?,
    };
    Ok((resource, kind, release_after))
}

/// An item as `quote` reads it.
enum Input {
    CloudPhone(cloud_phone::CloudPhoneItem),
    Ecs(ecs::EcsItem),
    Iot(iot::IotItem),
}

fn cloud_phone_item(item: &cloud_phone::CloudPhoneItem, fields: &Fields<'_>, context: &Context<'_>) -> Result<Resource, Error> {
    let mut warnings = Vec::new();
    if item.internet.is_some() {
        warnings.push(Warning::new("dependents_billed_separately", text!(fields, "account.dependentsBilledSeparately"), &["CP-1", "CP-10"]));
    }
    let release_days = context.days(Policy::CloudPhoneOverdueReleaseAfterDays);
    match item.term {
        cloud_phone::Term::Months(months) => {
            let term = Term::new(context.start, months, Some(item.unit_price * Decimal::from(item.quantity)), None);
            let rules = CloudPhone::subscription(term, context.days(Policy::CloudPhoneSubscriptionReleaseAfterExpiryDays), None, Vec::new());
            let prepaid = cloud_phone::subscription_line(&item.spec, item.region, item.unit_price, item.quantity, months, rounding(context.ctx), context.ctx).amount;
            let description = text!(fields, "cp.description.subscription", phones = item.quantity, spec = item.spec.id, region = item.region.label(), months = months);
            Ok(context.resource(Box::new(rules), None, description, prepaid, warnings))
        }
        cloud_phone::Term::LifetimeHours(_) | cloud_phone::Term::HoursPerMonth(_) => {
            let mut created_at = context.start;
            if let Some(at) = item.created_at {
                if at > context.start {
                    let path = fields.child_path("createdAt");
                    return Err(Error::new(ErrorCode::OutOfRange, path, text!(fields, "lifecycle.createdAfterStart", at = at.to_rfc3339(), start = context.start.to_rfc3339())));
                }
                created_at = at;
            }
            let unit = cloud_phone::BillingUnit::for_creation(context.catalog, Some(created_at));
            let rate = Rate { amount: item.unit_price * Decimal::from(item.quantity), per_seconds: 3_600 };
            let rules = CloudPhone::pay_as_you_go(unit, created_at, Some(rate.amount), Vec::new(), release_days);
            let description = text!(fields, "account.cpPayAsYouGo", phones = item.quantity, spec = item.spec.id, region = item.region.label(), rate = rate.describe(context.ctx));
            warnings.push(cloud_phone::billed_while_stopped(context.ctx));
            Ok(context.resource(Box::new(rules), Some(rate), description, Decimal::ZERO, warnings))
        }
    }
}

fn ecs_item(item: &ecs::EcsItem, auto_renew: bool, context: &Context<'_>, node: &Node<'_>) -> Result<Resource, Error> {
    let per_unit = item.prices.total() * Decimal::from(item.quantity);
    let warnings = vec![ecs::caller_price_warning(context.ctx)];
    let overdue = Overdue::of(context.policies);
    match item.billing {
        Billing::Subscription => {
            use rust_decimal::prelude::ToPrimitive;
            let months = item.duration.to_u64().unwrap_or(1);
            // ECS-10: the cycle ends at 00:00 UTC+8 the day after the expiry date.
            let end = ecs::subscription_cycle_end(context.start, months).filter(|end| *end <= context.latest);
            let end = end.ok_or_else(|| node.error(ErrorCode::OutOfRange, text!(node, "lifecycle.endsBeyondHorizon", years = MAX_ACCOUNT_MONTHS / 12)))?;
            let schedule = auto_renew.then(|| Ecs::renewal_schedule(context.policies));
            let cycle = Cycle { term: Term::new(end, 0, Some(per_unit), schedule), release_after_expiry_days: context.days(Policy::EcsSubscriptionReleaseAfterExpiryDays) };
            // Everything of a subscription item is prepaid: no part of it is billed by use.
            let rules = Ecs::new(Billing::Subscription, item.quantity, Vec::new(), false, false, overdue, Some(cycle));
            // The order and its description as `quote` gives them.
            let quoted = ecs::rate(item, 0, rounding(context.ctx), context.ctx);
            Ok(context.resource(Box::new(rules), None, quoted.description, quoted.trade_price, warnings))
        }
        Billing::PayAsYouGo => {
            let rate = Rate { amount: per_unit, per_seconds: 3_600 };
            let rules = Ecs::new(Billing::PayAsYouGo, item.quantity, Vec::new(), false, true, overdue, None);
            let description = match item.instance_type.as_deref() {
                Some(label) => text!(context.ctx, "account.ecsPayAsYouGo", count = item.quantity, label = label, rate = rate.describe(context.ctx)),
                None => text!(context.ctx, "account.ecsPayAsYouGoUnnamed", count = item.quantity, rate = rate.describe(context.ctx)),
            };
            Ok(context.resource(Box::new(rules), Some(rate), description, Decimal::ZERO, warnings))
        }
    }
}

/// An IoT item as `quote` reads it: a legacy public usage's month is the account's.
fn iot_input(fields: &Fields<'_>, node: &Node<'_>, context: &Context<'_>) -> Result<(Kind, Input), Error> {
    let instance = fields.required("instance", key!("expect.iotInstance"))?.one_of(&iot::Instance::ALL, ErrorCode::UnknownInstance)?;
    let (start_day, _) = context.start.billing_day().ok_or_else(|| node.error(ErrorCode::OutOfRange, text!(node, "account.startOutOfRange")))?;
    let start_month = crate::time::iso_month(start_day);
    if instance == iot::Instance::LegacyPublic {
        if let Some(month) = fields.get("month") {
            if month.str()? != start_month {
                return Err(month.error(ErrorCode::DateOutOfPeriod, text!(month, "account.usageMonth", month = start_month)));
            }
        }
        if let Some(days) = fields.get("usage").and_then(|u| u.object().ok()).and_then(|u| u.get("days")) {
            return Err(not_supported(days.path(), text!(days, "account.noDays")));
        }
    }
    let month = [("month", Value::String(start_month.into()))];
    let value = as_quote_item(fields, if instance == iot::Instance::LegacyPublic { &month } else { &[] });
    let item_node = node.with_value(&value);
    let item = iot::decode_item_with(&item_node.object()?, context.catalog, connection_policy(context.policies))?;
    let kind = match item {
        iot::IotItem::LegacyPublic { .. } | iot::IotItem::ConnectionAndMessages(_) => Kind::IotLegacyPublic,
        iot::IotItem::Enterprise { .. } => Kind::IotEnterprise,
        iot::IotItem::NewPublic => Kind::IotNewPublic,
    };
    Ok((kind, Input::Iot(item)))
}

fn iot_item(item: iot::IotItem, auto_renew: bool, node: &Node<'_>, context: &Context<'_>) -> Result<Resource, Error> {
    let restore = context.days(Policy::IotRestoreWithinMinutes);
    match item {
        iot::IotItem::LegacyPublic { edition, days, free_quota_used, fleet, rates, .. } => {
            let (start_day, _) = context.start.billing_day().ok_or_else(|| node.error(ErrorCode::OutOfRange, text!(node, "account.startOutOfRange")))?;
            let template = days.into_iter().next().ok_or_else(|| node.error(ErrorCode::Empty, text!(node, "account.noDay")))?;
            let daily = iot::RepeatingDay::new(edition, template, start_day, free_quota_used, &rates, rounding(context.ctx));
            let full_day = daily.full_day_bill();
            let rules = Iot::legacy_public(context.policies);
            let description = text!(node, "account.iotLegacy", edition = edition.name(), amount = crate::messages::Money(currency(context.ctx), full_day));
            let warnings = fleet.map(|f| f.warnings).unwrap_or_default();
            let usage = Usage::Days(std::rc::Rc::new(daily));
            debug_assert_eq!(super::product::Rules::clock(&rules), Clock::Daily);
            Ok(Resource { rules: Box::new(rules), usage, rate: Some(Rate { amount: full_day, per_seconds: 86_400 }), description, prepaid: Decimal::ZERO, warnings })
        }
        iot::IotItem::Enterprise { months, monthly_price, quantity, trial, .. } => {
            // A trial's first month is free and the rest is bought with it (IOT-3), as
            // `quote` prices it: the instance serves all `months`.
            let schedule = auto_renew.then(|| Iot::renewal_schedule(context.policies));
            let term = Term::new(context.start, months, Some(monthly_price * Decimal::from(quantity)), schedule);
            let release = context.policies.get(Policy::IotEnterpriseReleaseAfterExpiryDays).map(i64::from);
            let rules = Iot::enterprise(term, release, None, restore, false);
            // The order as `quote` prices it (its line: quantity x paid months x price, rounded once).
            let paid_months = iot::enterprise_paid_months(months, trial);
            let prepaid = rounding(context.ctx).apply(Decimal::from(quantity) * Decimal::from(paid_months) * monthly_price);
            let description = iot::enterprise_description(months, quantity, trial, context.ctx);
            Ok(context.resource(Box::new(rules), None, description, prepaid, Vec::new()))
        }
        iot::IotItem::NewPublic => Ok(context.resource(Box::new(Iot::new_public()), None, text!(node, "iot.description.newPublic"), Decimal::ZERO, Vec::new())),
        // IOT-25..IOT-30: billed per day, as the Basic/Pro generation is (IOT-18).
        iot::IotItem::ConnectionAndMessages(item) => connection_resource(&item, &node.object()?, context.start, context.policies),
    }
}

fn decode_event<'v>(node: &Node<'v>, kinds: &[Kind], within: &dyn Fn(&Node<'_>, Instant) -> Result<Instant, Error>) -> Result<CallerEvent, Error> {
    let (fields, event_type, _, at) = event_head(node, within)?;
    type Type = EventType;
    let item = |fields: &Fields<'v>| -> Result<(usize, Node<'v>), Error> {
        let node = fields.required("item", key!("expect.itemIndex"))?;
        let index = node.integer(0, u64::MAX)?;
        if index >= kinds.len() as u64 {
            return Err(node.error(ErrorCode::OutOfRange, text!(node, "account.noSuchItem", index = index, count = kinds.len())));
        }
        Ok((index as usize, node))
    };
    match event_type {
        Type::TopUp => Ok(CallerEvent { at, item: None, kind: EventKind::TopUp(top_up_amount(&fields)?) }),
        Type::Renew => {
            fields.only(&["at", "type", "item", "months"])?;
            let (index, item_node) = item(&fields)?;
            if !kinds[index].is_subscription() {
                return Err(not_supported(item_node.path(), text!(item_node, "account.renewNotSubscription")));
            }
            Ok(CallerEvent { at, item: Some(index), kind: EventKind::Renew(renewal_months(&fields)?) })
        }
        Type::Release => {
            fields.only(&["at", "type", "item"])?;
            let (index, _) = item(&fields)?;
            Ok(CallerEvent { at, item: Some(index), kind: EventKind::Release })
        }
    }
}
