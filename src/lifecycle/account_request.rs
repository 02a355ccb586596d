//! Decodes a `simulateAccount` request: the account, its items (in `quote`'s shapes,
//! read over time) and the caller's events. Each item becomes a [`Plan`] of the
//! single-resource engine, so an account's resources follow exactly the rules a
//! lifecycle follows; only the credit is shared.

use super::request::{credit, event_head, event_nodes, not_supported, period, renewal_months, top_up_amount, within_period, EventKind, EventType, Kind, Plan, Rate};
use crate::catalog::Catalog;
use crate::decode::{Ctx, Fields, Node, Value};
use crate::error::{Error, ErrorCode};
use crate::policy::{apply_policy_overrides, default_policies, Policies};
use crate::products::{cloud_phone, ecs, iot};
use crate::bill::{limits, Billing, Product, Warning};
use crate::time::{instant, Instant};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// Most items in one account (API.md).
pub const MAX_ACCOUNT_ITEMS: usize = 100;

/// An account's resource: its plan and what the answer says of it.
#[derive(Debug)]
pub struct AccountItem {
    pub plan: Plan,
    pub description: String,
    /// A subscription's order, paid at purchase (before `start`), as `quote` prices it.
    pub prepaid: Decimal,
    pub warnings: Vec<Warning>,
}

/// A caller event (or a pay-as-you-go item's planned release), in time order.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountEvent {
    pub at: Instant,
    /// The item it names; None for a top-up (the account's).
    pub item: Option<usize>,
    pub kind: EventKind,
}

#[derive(Debug)]
pub struct AccountPlan {
    /// The request's context: the language of the texts.
    pub ctx: Ctx,
    pub start: Instant,
    pub until: Option<Instant>,
    pub latest: Instant,
    /// Balance plus coupons at `start`.
    pub credit: Decimal,
    pub items: Vec<AccountItem>,
    pub events: Vec<AccountEvent>,
}

const FIELDS: [&str; 9] = ["start", "until", "account", "items", "events", "catalog", "policy", "locale", "site"];

pub fn decode(request: &Value, ctx: &Ctx) -> Result<AccountPlan, Error> {
    let root = Node::root(request, ctx);
    let fields = root.object()?;
    fields.only(&FIELDS)?;
    let mut overridden = None;
    let catalog = crate::catalog::requested(&fields, &mut overridden)?;
    let start = instant(&fields.required("start", key!("expect.dateOrInstant"))?)?;
    let (until, latest) = period(&fields, start)?;
    let end = until.unwrap_or(latest);
    let mut policies = default_policies();
    if let Some(node) = fields.get("policy") {
        apply_policy_overrides(&mut policies, &node)?;
    }
    let credit = credit(&fields.required("account", key!("expect.account"))?)?;

    let items_node = fields.required("items", key!("expect.accountItems"))?;
    let elements = items_node.elements()?;
    if elements.len() == 0 {
        return Err(items_node.error(ErrorCode::Empty, text!(items_node, "request.noItems")));
    }
    if elements.len() > MAX_ACCOUNT_ITEMS {
        return Err(items_node.error(ErrorCode::TooMany, text!(items_node, "account.tooManyItems", max = MAX_ACCOUNT_ITEMS, count = elements.len())));
    }
    let context = Context { ctx, catalog, policies: &policies, start, until, latest };
    let mut items = Vec::with_capacity(elements.len());
    let mut planned = Vec::new();
    for (index, node) in elements.enumerate() {
        let (item, release_after) = decode_item(&node, &context)?;
        // A pay-as-you-go item's `hours` is a planned release after that long.
        if let Some(at) = release_after.map(|seconds| start.plus_seconds(seconds)).filter(|at| *at <= end) {
            planned.push(AccountEvent { at, item: Some(index), kind: EventKind::Release });
        }
        items.push(item);
    }

    let within = |node: &Node<'_>, at: Instant| within_period(node, at, start, until, latest);
    let mut events = event_nodes(&fields)?.iter().map(|event| decode_event(event, &items, &within)).collect::<Result<Vec<_>, _>>()?;
    // The caller's events first, then the planned releases; at one moment, in that order
    // (the sort is stable).
    events.extend(planned);
    events.sort_by_key(|e| e.at);
    Ok(AccountPlan { ctx: *ctx, start, until, latest, credit, items, events })
}

struct Context<'c> {
    ctx: &'c Ctx,
    catalog: &'c Catalog,
    policies: &'c Policies,
    start: Instant,
    until: Option<Instant>,
    latest: Instant,
}

impl Context<'_> {
    /// Amounts to the site's currency unit (SITE-3).
    fn rounding(&self) -> crate::money::Rounding {
        crate::money::Rounding::bill(self.ctx.currency())
    }

    fn plan(&self, kind: Kind) -> Plan {
        Plan {
            ctx: *self.ctx,
            kind,
            created_at: self.start,
            cloud_phone_unit: cloud_phone::BillingUnit::for_creation(self.catalog, Some(self.start)),
            trial: false,
            economical_mode: false,
            attached: Vec::new(),
            start: self.start,
            expiry: None,
            auto_renew: false,
            renewal_price: None,
            // The account's credit is loaded into each resource around every step.
            credit: Some(Decimal::ZERO),
            rate: None,
            daily: None,
            overdue_at: None,
            events: Vec::new(),
            until: self.until,
            latest: self.latest,
            policies: self.policies.clone(),
        }
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

fn decode_item(node: &Node<'_>, context: &Context<'_>) -> Result<(AccountItem, Option<i64>), Error> {
    let fields = node.object()?;
    let product = fields.required("product", key!("expect.product"))?.one_of(&Product::ALL, ErrorCode::UnknownProduct)?;
    let auto_renew = fields.flag("autoRenew")?;
    // An account runs a pay-as-you-go item by the hour until it is released: not a month of it.
    if let Some(node) = fields.get("hoursPerMonth") {
        return Err(not_supported(node.path(), text!(fields, "account.hoursPerMonth")));
    }
    let one_hour = [("hours", Value::Number("1".into()))];
    let (mut item, release_after) = match product {
        Product::CloudPhone => {
            let billing = fields.required("billing", key!("expect.billing"))?.one_of(&Billing::ALL, ErrorCode::UnknownBilling)?;
            let value = as_quote_item(&fields, if billing == Billing::PayAsYouGo { &one_hour } else { &[] });
            let item_node = node.with_value(&value);
            let quoted = cloud_phone::decode_item(&item_node.object()?, context.catalog)?;
            (cloud_phone_item(&quoted, &fields, context)?, if billing == Billing::PayAsYouGo { planned_release(&fields)? } else { None })
        }
        Product::Ecs => {
            let billing = fields.required("billing", key!("expect.billing"))?.one_of(&Billing::ALL, ErrorCode::UnknownBilling)?;
            let value = as_quote_item(&fields, if billing == Billing::PayAsYouGo { &one_hour } else { &[] });
            let item_node = node.with_value(&value);
            let quoted = ecs::decode_item(&item_node.object()?, context.catalog)?;
            (ecs_item(&quoted, context, node)?, if billing == Billing::PayAsYouGo { planned_release(&fields)? } else { None })
        }
        Product::Iot => (iot_item(&fields, node, context)?, None),
        Product::Eip | Product::NatGateway => return Err(product.not_simulated(fields.child_path("product"))),
    };
    if auto_renew {
        if !item.plan.kind.auto_renews() {
            return Err(not_supported(fields.child_path("autoRenew"), text!(fields, "account.autoRenewNotModelled")));
        }
        item.plan.auto_renew = true;
    }
    Ok((item, release_after))
}

fn cloud_phone_item(item: &cloud_phone::CloudPhoneItem, fields: &Fields<'_>, context: &Context<'_>) -> Result<AccountItem, Error> {
    let mut warnings = Vec::new();
    if item.internet.is_some() {
        warnings.push(Warning::new(
            "dependents_billed_separately",
            text!(fields, "account.dependentsBilledSeparately"),
            &["CP-1", "CP-10"],
        ));
    }
    match item.term {
        cloud_phone::Term::Months(months) => {
            let mut plan = context.plan(Kind::CloudPhone(Billing::Subscription));
            plan.expiry = Some((context.start, months));
            plan.renewal_price = Some(item.unit_price * Decimal::from(item.quantity));
            let prepaid = cloud_phone::subscription_line(&item.spec, item.region, item.unit_price, item.quantity, months, context.rounding(), context.ctx).amount;
            let description = text!(fields, "cp.description.subscription", phones = item.quantity, spec = item.spec.id, region = item.region.label(), months = months);
            Ok(AccountItem { plan, description, prepaid, warnings })
        }
        cloud_phone::Term::LifetimeHours(_) | cloud_phone::Term::HoursPerMonth(_) => {
            let mut plan = context.plan(Kind::CloudPhone(Billing::PayAsYouGo));
            if let Some(created_at) = item.created_at {
                if created_at > context.start {
                    let path = fields.child_path("createdAt");
                    return Err(Error::new(ErrorCode::OutOfRange, path, text!(fields, "lifecycle.createdAfterStart", at = created_at.to_rfc3339(), start = context.start.to_rfc3339())));
                }
                plan.created_at = created_at;
                plan.cloud_phone_unit = cloud_phone::BillingUnit::for_creation(context.catalog, Some(created_at));
            }
            let rate = Rate { amount: item.unit_price * Decimal::from(item.quantity), per_seconds: 3_600 };
            plan.rate = Some(rate);
            let description = text!(fields, "account.cpPayAsYouGo", phones = item.quantity, spec = item.spec.id, region = item.region.label(), rate = rate.describe(context.ctx));
            warnings.push(cloud_phone::billed_while_stopped(context.ctx));
            Ok(AccountItem { plan, description, prepaid: Decimal::ZERO, warnings })
        }
    }
}

fn ecs_item(item: &ecs::EcsItem, context: &Context<'_>, node: &Node<'_>) -> Result<AccountItem, Error> {
    let per_unit = item.prices.total() * Decimal::from(item.quantity);
    let warnings = vec![ecs::caller_price_warning(context.ctx)];
    match item.billing {
        Billing::Subscription => {
            use rust_decimal::prelude::ToPrimitive;
            let months = item.duration.to_u64().unwrap_or(1);
            let mut plan = context.plan(Kind::Ecs(Billing::Subscription));
            // ECS-10: the cycle ends at 00:00 UTC+8 the day after the expiry date.
            let end = ecs::subscription_cycle_end(context.start, months).filter(|end| *end <= context.latest);
            let end = end.ok_or_else(|| node.error(ErrorCode::OutOfRange, text!(node, "lifecycle.endsBeyondHorizon")))?;
            plan.expiry = Some((end, 0));
            plan.renewal_price = Some(per_unit);
            // The order and its description as `quote` gives them.
            let quoted = ecs::rate(item, 0, context.rounding(), context.ctx);
            Ok(AccountItem { plan, description: quoted.description, prepaid: quoted.trade_price, warnings })
        }
        Billing::PayAsYouGo => {
            let mut plan = context.plan(Kind::Ecs(Billing::PayAsYouGo));
            let rate = Rate { amount: per_unit, per_seconds: 3_600 };
            plan.rate = Some(rate);
            let description = match item.instance_type.as_deref() {
                Some(label) => text!(context.ctx, "account.ecsPayAsYouGo", count = item.quantity, label = label, rate = rate.describe(context.ctx)),
                None => text!(context.ctx, "account.ecsPayAsYouGoUnnamed", count = item.quantity, rate = rate.describe(context.ctx)),
            };
            Ok(AccountItem { plan, description, prepaid: Decimal::ZERO, warnings })
        }
    }
}

fn iot_item(fields: &Fields<'_>, node: &Node<'_>, context: &Context<'_>) -> Result<AccountItem, Error> {
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
    let item = iot::decode_item(&item_node.object()?, context.catalog)?;
    // An Enterprise order and its description as `quote` gives them (IOT-3: a trial's first month free).
    match item {
        iot::IotItem::LegacyPublic { edition, days, free_quota_used, fleet, rates, .. } => {
            let template = days.into_iter().next().ok_or_else(|| node.error(ErrorCode::Empty, text!(node, "account.noDay")))?;
            let daily = iot::RepeatingDay::new(edition, template, start_day, free_quota_used, &rates, context.rounding());
            let full_day = daily.full_day_bill();
            let mut plan = context.plan(Kind::IotLegacyPublic);
            plan.rate = Some(Rate { amount: full_day, per_seconds: 86_400 });
            plan.daily = Some(std::rc::Rc::new(daily));
            let description = text!(node, "account.iotLegacy", edition = edition.name(), amount = crate::messages::Money(context.ctx.currency(), full_day));
            let warnings = fleet.map(|f| f.warnings).unwrap_or_default();
            Ok(AccountItem { plan, description, prepaid: Decimal::ZERO, warnings })
        }
        iot::IotItem::Enterprise { months, monthly_price, quantity, trial, .. } => {
            let mut plan = context.plan(Kind::IotEnterprise);
            // A trial's first month is free and the rest is bought with it (IOT-3), as
            // `quote` prices it: the instance serves all `months`.
            plan.expiry = Some((context.start, months));
            plan.renewal_price = Some(monthly_price * Decimal::from(quantity));
            // The order as `quote` prices it (its line: quantity x paid months x price, rounded once).
            let paid_months = iot::enterprise_paid_months(months, trial);
            let prepaid = context.rounding().apply(Decimal::from(quantity) * Decimal::from(paid_months) * monthly_price);
            let description = iot::enterprise_description(months, quantity, trial, context.ctx);
            Ok(AccountItem { plan, description, prepaid, warnings: Vec::new() })
        }
        // Billed per day by the engine of issue 31 (IOT-DESIGN.md section 7); until then refused.
        iot::IotItem::ConnectionAndMessages(_) => Err(not_supported(fields.child_path("pricing"), text!(node, "account.connectionNotYet"))),
        iot::IotItem::NewPublic => {
            let plan = context.plan(Kind::IotNewPublic);
            Ok(AccountItem { plan, description: text!(node, "iot.description.newPublic"), prepaid: Decimal::ZERO, warnings: Vec::new() })
        }
    }
}

fn decode_event<'v>(node: &Node<'v>, items: &[AccountItem], within: &dyn Fn(&Node<'_>, Instant) -> Result<Instant, Error>) -> Result<AccountEvent, Error> {
    let (fields, event_type, _, at) = event_head(node, within)?;
    type Type = EventType;
    let item = |fields: &Fields<'v>| -> Result<(usize, Node<'v>), Error> {
        let node = fields.required("item", key!("expect.itemIndex"))?;
        let index = node.integer(0, u64::MAX)?;
        if index >= items.len() as u64 {
            return Err(node.error(ErrorCode::OutOfRange, text!(node, "account.noSuchItem", index = index, count = items.len())));
        }
        Ok((index as usize, node))
    };
    match event_type {
        Type::TopUp => Ok(AccountEvent { at, item: None, kind: EventKind::TopUp(top_up_amount(&fields)?) }),
        Type::Renew => {
            fields.only(&["at", "type", "item", "months"])?;
            let (index, item_node) = item(&fields)?;
            if !items[index].plan.kind.is_subscription() {
                return Err(not_supported(item_node.path(), text!(item_node, "account.renewNotSubscription")));
            }
            Ok(AccountEvent { at, item: Some(index), kind: EventKind::Renew(renewal_months(&fields)?) })
        }
        Type::Release => {
            fields.only(&["at", "type", "item"])?;
            let (index, _) = item(&fields)?;
            Ok(AccountEvent { at, item: Some(index), kind: EventKind::Release })
        }
    }
}
