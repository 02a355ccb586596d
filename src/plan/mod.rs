//! `quoteTerraformPlan`: what a Terraform change costs before it is applied (issue 33).
//!
//! The highest layer: it reads `terraform show -json PLANFILE` ([`reader`]), turns each
//! resource into the quote item it becomes (`mapping`) at the prices of the embedded
//! catalog (Cloud Phone, CP-6) or of the team's side file (`side_file`: ECS-9, CP-1),
//! and prices that item with quote's own product code ([`crate::quote::quote_item`]), so
//! every line keeps its formula and rule IDs. Nothing uses this module.
//!
//! - A pay-as-you-go resource becomes an item of its hours a month (`hoursPerMonth`: the
//!   side file's, else 730), a monthly amount: it recurs while the resource exists. A Cloud
//!   Phone group kept running is billed every hour (CP-13), not in 4-hour periods each month.
//! - A subscription counts upfront, as quote counts it; a `PrePaid` resource the plan buys
//!   without auto-renewal says when it expires and when it is released if not renewed
//!   (CP-14, ECS-10, ECS-11), from `options.start` or the plan's `timestamp`.
//! - What exists before: `options.base` (another plan, e.g. of the main branch: its
//!   planned values), else the plan's `prior_state`, else nothing; the difference per
//!   resource and in total.

mod mapping;
pub mod reader;
mod side_file;

use crate::catalog::Catalog;
use crate::decode::{Ctx, Fields, Node, Value};
use crate::error::{Error, ErrorCode};
use crate::json::{Limits, Origin};
use crate::money::Rounding;
use crate::bill::{Estimate, ItemKind, QuotedItem, Warning};
use crate::messages::Locale;
use crate::time::Instant;
use mapping::{Reason, Term, TermProduct};
use reader::{Action, Mode, Resource};
use rust_decimal::Decimal;
use serde::Serialize;
use side_file::SideFile;
use std::borrow::Cow;

/// Largest plan text: 64 MiB, as any request's (`json::MAX_TEXT_BYTES`). A plan holds each
/// resource about three times (planned values, changes, configuration): a few KB each, so
/// this is several thousand instances; past it, the module's memory (about four times the
/// text while it is read) would no longer suit a phone's browser.
pub const MAX_PLAN_BYTES: usize = crate::json::MAX_TEXT_BYTES;

/// How a plan's JSON is read: wider objects (a resource has 100 attributes and more) and
/// deeper nesting (modules in modules) than a request's, strings as long as the text.
pub const PLAN_LIMITS: Limits = Limits { text_bytes: MAX_PLAN_BYTES, depth: 128, string_bytes: MAX_PLAN_BYTES, keys: 1024 };

/// The price of a plan (API.md "Terraform plans").
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanEstimate {
    pub currency: String,
    pub catalog_version: String,
    pub format_version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terraform_version: Option<String>,
    /// Every resource of the alicloud provider, in the plan's order, then those only the
    /// base has; data sources are listed, never priced.
    pub resources: Vec<PlanResource>,
    /// The alicloud resources that are not priced, each with its reason.
    pub unpriced: Vec<Unpriced>,
    /// Resources of other providers: counted, not priced.
    pub other_providers: Vec<ProviderCount>,
    /// What the plan leaves: the sum of every priced resource's estimate.
    pub estimate: Estimate,
    /// What exists before.
    pub base: PlanBase,
    /// estimate - base.
    pub diff: PlanDiff,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanResource {
    pub address: String,
    #[serde(rename = "type")]
    pub resource_type: String,
    pub mode: Mode,
    pub action: Action,
    /// The resource as the plan leaves it (as it was, for a deletion, with no `estimate`).
    #[serde(flatten)]
    pub after: ResourceSide,
    /// What it cost before, when it existed (its item only where it differs from `after`'s).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base: Option<ResourceSide>,
    /// estimate - base, when every side that exists is priced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<Estimate>,
    /// A subscription the plan buys: its expiry and release (CP-14, ECS-11).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<PlanLifecycle>,
    /// What the plan adds to the item's own warnings: hours assumed, traffic not included, ...
    pub warnings: Vec<Warning>,
}

/// A resource on one side of the change: priced, with its item, or the reason it is not.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceSide {
    pub priced: bool,
    /// Why it is not priced: a stable code, the text, and the attribute or price at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute: Option<String>,
    /// The quote item the resource becomes (`quote({ items: [request] })` prices it alike).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request: Option<ItemRequest>,
    /// That item priced: its lines with their formulas and rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<QuotedItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimate: Option<Estimate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Unpriced {
    pub address: String,
    #[serde(rename = "type")]
    pub resource_type: String,
    pub code: &'static str,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderCount {
    /// The resource type's provider prefix (`aws`, `random`, ...).
    pub provider: String,
    pub resources: usize,
}

/// Where "before" comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum BaseSource {
    /// `options.base`: another plan's planned values.
    Base,
    /// The plan's `prior_state`.
    PriorState,
    /// Neither: nothing exists before (a first plan).
    None,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanBase {
    pub source: BaseSource,
    pub estimate: Estimate,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanDiff {
    pub estimate: Estimate,
}

/// A subscription the plan buys: when it expires and, without auto-renewal, when it is
/// released (CP-14: deleted with its phones; ECS-11: compute and disks released).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanLifecycle {
    pub months: u64,
    pub auto_renew: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bought_at: Option<Instant>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<Instant>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub released_at: Option<Instant>,
    pub summary: String,
    pub rules: &'static [&'static str],
}

/// A quote item as JSON (the request shape), written as the answer's part.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemRequest(pub Value<'static>);

impl Serialize for ItemRequest {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_value(&self.0, serializer)
    }
}

fn write_value<S: serde::Serializer>(value: &Value<'_>, serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::{SerializeMap, SerializeSeq};
    struct Item<'a, 'v>(&'a Value<'v>);
    impl Serialize for Item<'_, '_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            write_value(self.0, serializer)
        }
    }
    match value {
        Value::Null => serializer.serialize_unit(),
        Value::Bool(b) => serializer.serialize_bool(*b),
        // Counts and whole hours as numbers; any other decimal as its exact text.
        Value::Number(text) => match text.parse::<u64>() {
            Ok(n) => serializer.serialize_u64(n),
            Err(_) => serializer.serialize_str(text),
        },
        Value::String(text) => serializer.serialize_str(text),
        Value::Array(items) => {
            let mut seq = serializer.serialize_seq(Some(items.len()))?;
            for item in items {
                seq.serialize_element(&Item(item))?;
            }
            seq.end()
        }
        Value::Object(fields) => {
            let mut map = serializer.serialize_map(Some(fields.len()))?;
            for (key, item) in fields {
                map.serialize_entry(&**key, &Item(item))?;
            }
            map.end()
        }
    }
}

/// Prices a plan (API.md "Terraform plans"): `plan` is `terraform show -json PLANFILE`'s
/// output; `options` is `{ prices?, usage?, catalog?, base?, start?, locale?, site? }` or null.
///
/// ```
/// use alicloud_cost::{decode::Value, plan::quote_terraform_plan};
/// // Two acp.basic.small phones in cn-shanghai (Chinese mainland), bought for 3 months:
/// // 2 x 3 x 9.9057 = 59.4342 -> 59.43 upfront (CP-2, CP-6).
/// let plan = Value::from_json_str(r#"{"format_version": "1.2", "planned_values": {"root_module": {"resources": [
///     {"address": "alicloud_cloud_phone_instance_group.g", "mode": "managed", "type": "alicloud_cloud_phone_instance_group",
///      "name": "g", "values": {"instance_group_spec": "acp.basic.small", "charge_type": "PrePaid", "period": 3,
///      "period_unit": "Month", "number_of_instances": 2, "amount": 1}}]}},
///     "configuration": {"provider_config": {"alicloud": {"name": "alicloud",
///      "expressions": {"region": {"constant_value": "cn-shanghai"}}}}}}"#)?;
/// let estimate = quote_terraform_plan(&plan, &Value::Null)?;
/// assert_eq!(estimate.estimate.upfront.to_string(), "59.43");
/// assert_eq!(estimate.resources[0].after.item.as_ref().unwrap().lines[0].rules, ["CP-2", "CP-6"]);
/// # Ok::<(), alicloud_cost::Error>(())
/// ```
pub fn quote_terraform_plan(plan: &Value, options: &Value) -> Result<PlanEstimate, Error> {
    let ctx = Ctx::of(options)?;
    answer(plan, options, &ctx)
}

/// [`quote_terraform_plan`] for the plan and the options as JSON text (`quoteTerraformPlanJson`).
pub fn quote_terraform_plan_json(plan_text: &str, options_text: Option<&str>) -> Result<PlanEstimate, Error> {
    let options = match options_text {
        Some(text) => parse(text, key!("plan.document.options"))?,
        None => Value::Null,
    };
    let ctx = Ctx::of(&options)?;
    let plan = parse(plan_text, key!("plan.document.plan"))?;
    answer(&plan, &options, &ctx)
}

/// A plan's (or the options') JSON text within [`PLAN_LIMITS`], its errors naming the
/// document. Like every error of reading JSON text, in English (the JSON reader's own).
pub fn parse(text: &str, document: crate::messages::Key) -> Result<Value<'_>, Error> {
    if text.len() > MAX_PLAN_BYTES {
        let message = text!(Locale::En, "plan.tooLarge", document = document, bytes = text.len(), max = MAX_PLAN_BYTES);
        return Err(Error::new(ErrorCode::TooMany, "", message));
    }
    crate::json::parse_within(text, Origin::Text, &PLAN_LIMITS).map_err(|mut error| {
        error.message = text!(Locale::En, "plan.inDocument", document = document, message = error.message);
        error
    })
}

const OPTIONS: [&str; 7] = ["prices", "usage", "catalog", "base", "start", "locale", "site"];

fn answer(plan: &Value, options: &Value, ctx: &Ctx) -> Result<PlanEstimate, Error> {
    let options_root = Node::root(options, ctx);
    let options = match options {
        Value::Null => None,
        _ => {
            let fields = options_root.object()?;
            fields.only(&OPTIONS)?;
            Some(fields)
        }
    };
    let option = |key: &str| options.as_ref().and_then(|o| o.get(key));
    let side = SideFile::decode(option("prices"), option("usage"))?;
    let plan = reader::read(Node::root(plan, ctx))?;
    // A base given as text (the CLI's --base) is read here, its errors under "base".
    let base_text;
    let base_option = option("base");
    let base_node = match &base_option {
        Some(node) => match node.value {
            Value::String(text) => {
                base_text = parse(text, key!("plan.document.base")).map_err(|mut e| {
                    e.path = if e.path.is_empty() { "base".to_string() } else { "base.".to_string() + &e.path };
                    e
                })?;
                Some(node.with_value(&base_text))
            }
            _ => Some(*node),
        },
        None => None,
    };
    let base_plan = base_node.as_ref().map(|node| reader::read(*node)).transpose()?;
    let start = match option("start") {
        Some(node) => Some(crate::time::instant(&node)?),
        None => plan.timestamp,
    };
    let (before, source) = match (&base_plan, &plan.prior) {
        (Some(base), _) => (base.planned.as_slice(), BaseSource::Base),
        (None, Some(prior)) => (prior.as_slice(), BaseSource::PriorState),
        (None, None) => (&[][..], BaseSource::None),
    };
    // SITE-1..SITE-3: the site's catalog and currency, the side file's prices in it; with
    // `catalog`, the caller's prices over it (as quote's), e.g. Cloud Phone on the China site.
    let mut overridden = None;
    let catalog = match &options {
        Some(fields) => crate::catalog::requested(fields, &mut overridden)?,
        None => crate::catalog::shared(ctx.site),
    };
    let mut pricer = Pricer { catalog, side: &side, rounding: Rounding::bill(ctx.currency()), next_index: 0, start, missing_start: false, ctx };
    let mut assembly = Assembly::default();
    let before_index = reader::Index::new(before.iter().map(|r| Cow::Borrowed(r.address)));
    let planned_index = reader::Index::new(plan.planned.iter().map(|r| Cow::Borrowed(r.address)));
    for resource in &plan.planned {
        let change = plan.change(resource.address);
        let before = before_index.get(resource.address).map(|i| &before[i]);
        let action = change.map(|c| c.action).unwrap_or(if before.is_some() { Action::NoOp } else { Action::Create });
        assembly.add(&mut pricer, Some(resource), change.and_then(|c| c.unknown), before, action);
    }
    for resource in before.iter().filter(|r| planned_index.get(r.address).is_none()) {
        let action = plan.change(resource.address).map_or(Action::Delete, |c| c.action);
        assembly.add(&mut pricer, None, None, Some(resource), action);
    }
    let mut warnings = Vec::new();
    if pricer.missing_start {
        warnings.push(Warning::new("no_start", text!(ctx, "plan.warning.noStart"), &[]));
    }
    let unused = side.unused_usage();
    if !unused.is_empty() {
        warnings.push(Warning::new("unused_usage", text!(ctx, "plan.warning.unusedUsage", keys = quoted_list(unused, ctx)), &[]));
    }
    if !assembly.half_priced.is_empty() {
        warnings.push(Warning::new("diff_incomplete", text!(ctx, "plan.warning.diffIncomplete", addresses = quoted_list(assembly.half_priced.iter().map(String::as_str), ctx)), &[]));
    }
    let rounding = pricer.rounding;
    let estimate = sum(&assembly.after, rounding);
    let base = sum(&assembly.before, rounding);
    let diff = difference(&estimate, &base, rounding);
    Ok(PlanEstimate {
        currency: catalog.currency.to_string(),
        catalog_version: catalog.version.clone(),
        format_version: plan.format_version.to_string(),
        terraform_version: plan.terraform_version.map(str::to_string),
        resources: assembly.resources,
        unpriced: assembly.unpriced,
        other_providers: assembly.other_providers,
        estimate,
        base: PlanBase { source, estimate: base },
        diff: PlanDiff { estimate: diff },
        warnings,
    })
}

/// A resource priced: its item, before it joins the answer.
struct Priced {
    request: ItemRequest,
    item: QuotedItem,
    warnings: Vec<Warning>,
    term: Option<Term>,
}

/// Prices resources with quote's own product code, numbering the items as a quote of all
/// of them would.
struct Pricer<'a, 'v> {
    catalog: &'a Catalog,
    side: &'a SideFile<'v>,
    rounding: Rounding,
    next_index: usize,
    start: Option<Instant>,
    missing_start: bool,
    ctx: &'a Ctx,
}

impl Pricer<'_, '_> {
    fn price(&mut self, resource: &Resource, unknown: Option<Fields>) -> Result<Priced, Reason> {
        let built = mapping::map(resource, unknown, self.catalog, self.side, self.ctx)?;
        let node = Node::root(&built.request, self.ctx);
        let mut item = crate::quote::quote_item(&node, self.next_index, self.catalog, Default::default(), self.rounding, self.ctx).map_err(|e| Reason::new("invalid_value", text!(self.ctx, "plan.reason.notAnItem", message = e.message), None))?;
        self.next_index += 1;
        item.estimate = crate::quote::item_estimate(&item, self.rounding);
        Ok(Priced { request: ItemRequest(built.request), item, warnings: built.warnings, term: built.term })
    }

    /// The lifecycle of a subscription the plan buys (created or replaced).
    fn lifecycle(&mut self, term: Term) -> Option<PlanLifecycle> {
        let policies = &self.catalog.policies;
        let (release_days, rules): (i64, &'static [&'static str]) = match term.product {
            TermProduct::CloudPhone => (policies.count(crate::policy::Policy::CloudPhoneSubscriptionReleaseAfterExpiryDays), &["CP-2", "CP-14"]),
            TermProduct::Ecs if term.auto_renew => (0, &["ECS-10", "ECS-12"]),
            TermProduct::Ecs => (policies.count(crate::policy::Policy::EcsSubscriptionReleaseAfterExpiryDays), &["ECS-10", "ECS-11"]),
            // No document used here says what happens to an expired EIP or NAT Gateway.
            TermProduct::Other => return None,
        };
        let months = term.months;
        let expires = self.start.and_then(|start| match term.product {
            TermProduct::Ecs => crate::products::ecs::subscription_cycle_end(start, months),
            _ => start.plus_months(months),
        });
        if self.start.is_none() {
            self.missing_start = true;
        }
        let released = expires.filter(|_| !term.auto_renew).map(|at| at.plus_days(release_days));
        // CP-14: an expired Cloud Phone group is deleted with its phones (Alibaba's word).
        let phones = term.product == TermProduct::CloudPhone;
        let summary = match (term.auto_renew, expires, released) {
            (true, Some(at), _) => text!(self.ctx, "plan.lifecycle.autoRenew", at = at.to_rfc3339()),
            (true, None, _) => text!(self.ctx, "plan.lifecycle.autoRenewUndated", months = months),
            (false, Some(at), Some(released)) if phones => text!(self.ctx, "plan.lifecycle.deleted", at = at.to_rfc3339(), released = released.to_rfc3339(), days = release_days),
            (false, Some(at), Some(released)) => text!(self.ctx, "plan.lifecycle.expires", at = at.to_rfc3339(), released = released.to_rfc3339(), days = release_days),
            _ if phones => text!(self.ctx, "plan.lifecycle.deletedUndated", months = months, days = release_days),
            _ => text!(self.ctx, "plan.lifecycle.expiresUndated", months = months, days = release_days),
        };
        Some(PlanLifecycle { months, auto_renew: term.auto_renew, bought_at: self.start, expires_at: expires, released_at: released, summary, rules })
    }
}

#[derive(Default)]
struct Assembly {
    resources: Vec<PlanResource>,
    unpriced: Vec<Unpriced>,
    other_providers: Vec<ProviderCount>,
    after: Vec<Estimate>,
    before: Vec<Estimate>,
    /// Resources that exist on both sides but are priced on one only.
    half_priced: Vec<String>,
}

impl Assembly {
    fn add(&mut self, pricer: &mut Pricer, after: Option<&Resource>, unknown: Option<Fields>, before: Option<&Resource>, action: Action) {
        let Some(any) = after.or(before) else { return };
        if !any.kind.starts_with("alicloud_") {
            let provider = any.kind.split('_').next().unwrap_or(any.kind);
            match self.other_providers.iter_mut().find(|p| p.provider == provider) {
                Some(count) => count.resources += 1,
                None => self.other_providers.push(ProviderCount { provider: provider.to_string(), resources: 1 }),
            }
            return;
        }
        let mut resource = PlanResource {
            address: any.address.to_string(),
            resource_type: any.kind.to_string(),
            mode: any.mode,
            action,
            after: ResourceSide::default(),
            base: None,
            diff: None,
            lifecycle: None,
            warnings: Vec::new(),
        };
        if any.mode == Mode::Data {
            resource.after = ResourceSide { code: Some("data_source"), reason: Some(text!(pricer.ctx, "plan.reason.dataSource")), ..ResourceSide::default() };
            self.resources.push(resource);
            return;
        }
        // A forgotten resource leaves Terraform but not the bill.
        let after = match action {
            Action::Delete => None,
            Action::Forget => before,
            _ => after,
        };
        let after_side = after.map(|r| pricer.price(r, unknown));
        let before_side = before.map(|r| pricer.price(r, None));
        match after_side {
            Some(Ok(mut priced)) => {
                if matches!(action, Action::Create | Action::Replace) {
                    resource.lifecycle = priced.term.and_then(|term| pricer.lifecycle(term));
                }
                if action == Action::Update && priced.item.kind == ItemKind::Subscription {
                    resource.warnings.push(Warning::new("subscription_change", text!(pricer.ctx, "plan.warning.subscriptionChange"), &[]));
                }
                resource.warnings.append(&mut priced.warnings);
                resource.after = side(Ok(priced));
            }
            Some(Err(reason)) => resource.after = side(Err(reason)),
            None => {}
        }
        let after_estimate = resource.after.estimate.clone();
        let mut before_estimate = None;
        if let Some(priced) = before_side {
            let mut base = side(priced);
            before_estimate = base.estimate.clone();
            if base.request.is_some() && base.request == resource.after.request {
                // The same item before and after: said once.
                (base.request, base.item) = (None, None);
            }
            if after.is_none() {
                let (code, reason, attribute) = (base.code, base.reason.clone(), base.attribute.clone());
                resource.after = ResourceSide { priced: base.priced, code, reason, attribute, ..ResourceSide::default() };
            }
            resource.base = Some(base);
        }
        let after_priced = after.is_none() || after_estimate.is_some();
        let before_priced = before.is_none() || before_estimate.is_some();
        if after_priced && before_priced {
            let zero = || Estimate::new(Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, pricer.rounding);
            resource.diff = Some(difference(after_estimate.as_ref().unwrap_or(&zero()), before_estimate.as_ref().unwrap_or(&zero()), pricer.rounding));
        } else if after.is_some() && before.is_some() && (after_estimate.is_some() || before_estimate.is_some()) {
            self.half_priced.push(resource.address.clone());
        }
        if let (Some(code), Some(reason), Mode::Managed) = (resource.after.code, &resource.after.reason, resource.mode) {
            self.unpriced.push(Unpriced { address: resource.address.clone(), resource_type: resource.resource_type.clone(), code, reason: reason.clone() });
        }
        self.after.extend(after_estimate);
        self.before.extend(before_estimate);
        self.resources.push(resource);
    }
}

/// One side of a resource, from its pricing.
fn side(priced: Result<Priced, Reason>) -> ResourceSide {
    match priced {
        Ok(priced) => ResourceSide {
            priced: true,
            code: None,
            reason: None,
            attribute: None,
            estimate: Some(priced.item.estimate.clone()),
            request: Some(priced.request),
            item: Some(priced.item),
        },
        Err(Reason(reason)) => ResourceSide { code: Some(reason.code), reason: Some(reason.message), attribute: reason.attribute, ..ResourceSide::default() },
    }
}

/// `"a", "b"` (or `"a"、"b"`): names a reader copies into the side file, each in quotes.
fn quoted_list<'a>(names: impl IntoIterator<Item = &'a str>, to: impl crate::messages::HasLocale) -> String {
    let names: Vec<String> = names.into_iter().map(|name| format!("\"{name}\"")).collect();
    names.join(&text!(to, "list.separator"))
}

fn sum(estimates: &[Estimate], rounding: Rounding) -> Estimate {
    let part = |f: fn(&Estimate) -> Decimal| estimates.iter().map(f).sum();
    Estimate::new(part(|e| e.upfront), part(|e| e.monthly), part(|e| e.one_off), rounding)
}

fn difference(after: &Estimate, before: &Estimate, rounding: Rounding) -> Estimate {
    Estimate::new(after.upfront - before.upfront, after.monthly - before.monthly, after.one_off - before.one_off, rounding)
}
