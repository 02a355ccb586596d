//! A resource of the plan -> the quote item it becomes, or the reason it is not priced.
//!
//! Attributes and where they come from (TERRAFORM.md, the provider's docs 1.289.0): a value
//! the plan knows; else the side file's `usage.<address or type>.values`; else, for an
//! attribute the plan leaves unset (not unknown), the provider's documented default. An
//! attribute known only after apply with no side-file value makes the resource not priced,
//! naming it. Prices: Cloud Phone from the embedded catalog (CP-6), everything else from
//! the side file (ECS-9; EIP and NAT Gateway, CP-1). Nothing else is ever assumed.

use super::reader::Resource;
use super::side_file::{rate_field, Rate, SideFile, Usage};
use crate::catalog::{Catalog, Region};
use crate::products::cloud_phone;
use crate::decode::{Ctx, Fields, Node, Value};
use crate::bill::{Billing, Warning};
use crate::messages::{HasLocale, Locale};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// Why a resource is not priced: a stable code, the text, and the attribute or price at fault.
/// Behind one pointer, as `Error` is: less code at every `?` that moves one.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason(pub Box<ReasonParts>);

#[derive(Debug, Clone, PartialEq)]
pub struct ReasonParts {
    pub code: &'static str,
    pub message: String,
    pub attribute: Option<String>,
}

impl Reason {
    pub fn new(code: &'static str, message: String, attribute: Option<&str>) -> Reason {
        Reason(Box::new(ReasonParts { code, message, attribute: attribute.map(str::to_string) }))
    }
}

/// A subscription the plan buys: what its lifecycle depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub product: TermProduct,
    pub months: u64,
    pub auto_renew: bool,
}

/// Whose expiry rules apply (CP-14, ECS-10/ECS-11; no document gives EIP's or NAT's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermProduct {
    CloudPhone,
    Ecs,
    Other,
}

/// A priced resource, before rating: the quote item and what the plan adds to it.
#[derive(Debug)]
pub struct Built {
    pub request: Value<'static>,
    pub warnings: Vec<Warning>,
    pub term: Option<Term>,
}

/// The resource types this calculator prices, and the ones it names but does not price.
/// `unknown` is the resource's `after_unknown`, when the plan changes it.
pub fn map(resource: &Resource, unknown: Option<Fields<'_>>, catalog: &Catalog, side: &SideFile<'_>, ctx: &Ctx) -> Result<Built, Reason> {
    let kind = resource.kind;
    let usage = side.usage_for(resource.address, kind);
    let attrs = Attrs { values: resource.values, unknown, usage: &usage, prefix: "", ctx };
    match kind {
        "alicloud_cloud_phone_instance_group" => cloud_phone_group(&attrs, resource.region, catalog),
        "alicloud_instance" => ecs_instance(&attrs, side, false),
        "alicloud_ecs_instance_set" => ecs_instance(&attrs, side, true),
        "alicloud_ecs_disk" | "alicloud_disk" => ecs_disk(&attrs, side),
        "alicloud_eip_address" | "alicloud_eip" => eip(&attrs, side),
        "alicloud_nat_gateway" => nat_gateway(&attrs, side),
        "alicloud_ecp_instance" => Err(Reason::new("other_product", text!(ctx, "plan.reason.ecp"), None)),
        "alicloud_cloud_phone_instance" => Err(Reason::new("priced_with_group", text!(ctx, "plan.reason.phoneOfGroup"), None)),
        _ => Err(Reason::new("unknown_type", text!(ctx, "plan.reason.unknownType", kind = kind), None)),
    }
}

/// A resource's attributes: the plan's values, its unknowns, the side file's usage entries.
struct Attrs<'a, 'v> {
    values: Fields<'v>,
    unknown: Option<Fields<'v>>,
    usage: &'a [&'a Usage<'a>],
    /// For a nested block's attributes, the block's name and a dot (`data_disks.`): the
    /// side file names them so, and so do the reasons.
    prefix: &'static str,
    /// The request's context: the language of the reasons and warnings.
    ctx: &'a Ctx,
}

impl HasLocale for Attrs<'_, '_> {
    fn locale(&self) -> Locale {
        self.ctx.locale
    }
}

/// An attribute's value as read: from the plan or the side file, with its node.
enum Found<'n> {
    Value(Node<'n>),
    /// Known only after apply.
    Unknown,
    /// Not set (null, or absent and not unknown).
    Unset,
}

impl<'v> Attrs<'_, 'v> {
    fn find(&self, name: &str) -> Found<'_> {
        if let Some(node) = self.values.get(name) {
            return Found::Value(node);
        }
        let full = self.full(name);
        if let Some(node) = self.usage.iter().find_map(|u| u.values.as_ref()?.get(&full)) {
            return Found::Value(node);
        }
        let unknown = self.unknown.as_ref().and_then(|u| u.get(name)).is_some_and(|n| matches!(n.value, Value::Bool(true)));
        if unknown {
            Found::Unknown
        } else {
            Found::Unset
        }
    }

    /// The attribute's name as the side file and the reasons give it.
    fn full(&self, name: &str) -> String {
        self.prefix.to_string() + name
    }

    /// The attribute's node, or `default` when it is unset; not priced when unknown.
    fn node(&self, name: &str, has_default: bool) -> Result<Option<Node<'_>>, Reason> {
        let full = self.full(name);
        match self.find(name) {
            Found::Value(node) => Ok(Some(node)),
            Found::Unknown => Err(Reason::new("unknown_value", text!(self, "plan.reason.unknownValue", name = full), Some(&full))),
            Found::Unset if has_default => Ok(None),
            Found::Unset => Err(Reason::new("unset_value", text!(self, "plan.reason.unsetValue", name = full), Some(&full))),
        }
    }

    /// A text that only refines a price (an ESSD's performance level): None when not known.
    fn refinement(&self, name: &str) -> Option<&str> {
        match self.find(name) {
            Found::Value(Node { value: Value::String(s), .. }) if !s.is_empty() => Some(s),
            _ => None,
        }
    }

    fn text(&self, name: &str, default: Option<&'static str>) -> Result<Cow<'_, str>, Reason> {
        match self.node(name, default.is_some())? {
            None => Ok(Cow::Borrowed(default.unwrap_or_default())),
            Some(node) => match node.value {
                Value::String(s) => Ok(Cow::Borrowed(s)),
                // A number where the schema says string ("bandwidth": 5 in a side file).
                Value::Number(n) => Ok(Cow::Borrowed(n)),
                _ => Err(invalid(&self.full(name), node.wrong_type(key!("decode.expect.string")), self.ctx)),
            },
        }
    }

    /// A whole number in `1..=max` (counts, periods).
    fn count(&self, name: &str, default: Option<u64>, max: u64) -> Result<u64, Reason> {
        match self.node(name, default.is_some())? {
            None => Ok(default.unwrap_or_default()),
            Some(node) => node.integer(1, max).map_err(|e| invalid(&self.full(name), e, self.ctx)),
        }
    }

    /// A size or a bandwidth: a decimal in `0..=max`.
    fn amount(&self, name: &str, default: Option<Decimal>, max: u64) -> Result<Decimal, Reason> {
        match self.node(name, default.is_some())? {
            None => Ok(default.unwrap_or_default()),
            Some(node) => node.decimal_in(Decimal::ZERO, true, Decimal::from(max)).map_err(|e| invalid(&self.full(name), e, self.ctx)),
        }
    }

    /// A switch that changes no price (auto-renewal, GPU acceleration): on only when the plan
    /// or the side file says `true`; unset or known only after apply, off.
    fn switched_on(&self, name: &str) -> bool {
        matches!(self.find(name), Found::Value(Node { value: Value::Bool(true), .. }))
    }

    /// One of `choices` (the provider's values, each with what it means here).
    fn choice<T: Copy>(&self, name: &str, default: Option<&'static str>, choices: &[(&str, T)]) -> Result<T, Reason> {
        let value = self.text(name, default)?;
        choices.iter().find(|(n, _)| *n == value).map(|(_, t)| *t).ok_or_else(|| {
            let known = super::quoted_list(choices.iter().map(|(n, _)| *n), self);
            Reason::new("invalid_value", text!(self, "plan.reason.notOneOf", name = name, value = value, known = known), Some(name))
        })
    }

    /// Hours a month of a pay-as-you-go resource: the side file's, else 730 with a warning.
    fn hours_per_month(&self, warnings: &mut Vec<Warning>) -> Decimal {
        match self.usage.iter().find_map(|u| u.hours_per_month) {
            Some(hours) => hours,
            None => {
                let hours = crate::compare::DEFAULT_HOURS_PER_MONTH;
                warnings.push(Warning::new("hours_assumed", text!(self, "plan.warning.hoursAssumed", hours = hours), &[]));
                Decimal::from(hours)
            }
        }
    }
}

fn invalid(name: &str, error: crate::error::Error, ctx: &Ctx) -> Reason {
    Reason::new("invalid_value", text!(ctx, "plan.reason.invalidValue", name = name, path = error.path, message = error.message), Some(name))
}

/// A price the side file must give: `prices.<what>` per hour or month.
fn price(rate: Option<&Rate>, billing: Billing, what: String, ctx: &Ctx) -> Result<Decimal, Reason> {
    rate.and_then(|r| r.per(billing)).ok_or_else(|| {
        let path = what + "." + rate_field(billing);
        Reason::new("missing_price", text!(ctx, "plan.reason.missingPrice", path = path), Some(&path))
    })
}

/// A side-file key in a path: `.Small` as the engine's paths write a field, or `["ecs.g7.large"]`
/// for a key that is not a plain name (instance types and disk levels hold dots).
fn keyed(path: &str, key: &str) -> String {
    if !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        format!("{path}.{key}")
    } else {
        format!("{path}[\"{key}\"]")
    }
}

/// Decimal text, exact.
fn decimal_text(d: Decimal) -> String {
    let mut text = String::new();
    crate::text::push_decimal_text(&mut text, &d);
    text
}

/// A quote item being written.
struct Item(Vec<(Cow<'static, str>, Value<'static>)>);

impl Item {
    fn new(product: &'static str) -> Item {
        Item(vec![(Cow::Borrowed("product"), Value::String(Cow::Borrowed(product)))])
    }

    fn set(mut self, key: &'static str, value: Value<'static>) -> Item {
        self.0.push((Cow::Borrowed(key), value));
        self
    }

    fn text(self, key: &'static str, value: &str) -> Item {
        self.set(key, Value::String(Cow::Owned(value.to_string())))
    }

    fn number(self, key: &'static str, value: Decimal) -> Item {
        self.set(key, Value::Number(Cow::Owned(decimal_text(value.normalize()))))
    }

    /// `billing` and its term: `months` (subscription), or `hoursPerMonth` (pay-as-you-go: a
    /// resource the plan keeps running is billed every month, not for one lifetime).
    fn term(self, billing: Billing, duration: Decimal) -> Item {
        match billing {
            Billing::Subscription => self.text("billing", "subscription").number("months", duration),
            Billing::PayAsYouGo => self.text("billing", "payAsYouGo").number("hoursPerMonth", duration),
        }
    }

    fn done(self) -> Value<'static> {
        Value::Object(self.0)
    }
}

/// A computed price (GiB x rate, Mbps x rate) as a decimal string, without trailing zeros.
fn money(d: Decimal) -> Value<'static> {
    Value::String(Cow::Owned(decimal_text(d.normalize())))
}

fn prices(parts: Vec<(&'static str, Value<'static>)>) -> Value<'static> {
    Value::Object(parts.into_iter().map(|(k, v)| (Cow::Borrowed(k), v)).collect())
}

/// The billing method and its duration: months of a subscription (`period` in `unit`s),
/// or hours a month of pay-as-you-go.
fn duration(attrs: &Attrs, billing: Billing, unit_name: &str, default_unit: &'static str, warnings: &mut Vec<Warning>) -> Result<Decimal, Reason> {
    match billing {
        Billing::PayAsYouGo => Ok(attrs.hours_per_month(warnings)),
        Billing::Subscription => {
            // Week periods (ECS) are not whole months: quote prices months.
            let months_per = attrs.choice(unit_name, Some(default_unit), &[("Month", Some(1)), ("Year", Some(12)), ("Week", None), ("Hour", None)])?;
            let months_per = months_per.ok_or_else(|| Reason::new("not_modelled", text!(attrs, "plan.reason.periodUnit", name = unit_name), Some(unit_name)))?;
            let period = attrs.count("period", Some(1), crate::bill::limits::MAX_MONTHS / 12)?;
            Ok(Decimal::from(period * months_per))
        }
    }
}

const PRE_POST: [(&str, Billing); 2] = [("PrePaid", Billing::Subscription), ("PostPaid", Billing::PayAsYouGo)];
const SUBSCRIPTION_PAY_AS_YOU_GO: [(&str, Billing); 2] = [("Subscription", Billing::Subscription), ("PayAsYouGo", Billing::PayAsYouGo)];

/// `alicloud_cloud_phone_instance_group`: `amount` groups of `number_of_instances` phones
/// at the catalog's price (CP-6) for the provider's region: the `cn-*` regions but
/// `cn-hongkong` are the Chinese mainland, the others "Hong Kong (China) and outside China".
fn cloud_phone_group(attrs: &Attrs, region: Option<&str>, catalog: &Catalog) -> Result<Built, Reason> {
    let spec = attrs.text("instance_group_spec", None)?;
    let Some(catalog_spec) = catalog.cloud_phone_spec(&spec) else {
        let known: Vec<&str> = catalog.cloud_phone.specs.iter().map(|s| s.id.as_str()).collect();
        let message = text!(attrs, "plan.reason.unknownSpec", id = spec, known = known.join(", "));
        return Err(Reason::new("unknown_spec", message, Some("instance_group_spec")));
    };
    let region = match region {
        Some(region) => Cow::Borrowed(region),
        None => match attrs.find("region") {
            Found::Value(node) => Cow::Borrowed(node.str().map_err(|e| invalid("region", e, attrs.ctx))?),
            _ => return Err(Reason::new("unknown_value", text!(attrs, "plan.reason.unknownRegion"), Some("region"))),
        },
    };
    let group = if region.starts_with("cn-") && region != "cn-hongkong" { Region::Mainland } else { Region::International };
    // charge_type: the API's example and the console's first choice is PostPaid (a choice:
    // the provider documents no default).
    let billing = attrs.choice("charge_type", Some("PostPaid"), &PRE_POST)?;
    // SITE-1: seed 003 publishes Cloud Phone prices in USD only; on another site the price
    // comes from the options' `catalog` (the side file's, in the CLI and on the page), never
    // converted. Without it the reason names that option's field, as quote's error does.
    if cloud_phone::published_price(catalog_spec, group, billing).is_none() {
        let ctx = attrs.ctx;
        let field = "catalog.".to_string() + &cloud_phone::missing_price_field(catalog_spec, group, billing);
        let message = text!(
            attrs,
            "plan.reason.priceNotPublished",
            site = crate::catalog::site_name(ctx.site),
            currency = ctx.currency().code,
            what = cloud_phone::missing_price_what(catalog_spec, group, billing, attrs),
            field = field
        );
        return Err(Reason::new("price_not_published", message, Some(&field)));
    }
    let phones = attrs.count("amount", Some(1), 100)? * attrs.count("number_of_instances", Some(1), 100)?;
    let mut warnings = Vec::new();
    let duration = duration(attrs, billing, "period_unit", "Month", &mut warnings)?;
    if attrs.switched_on("gpu_acceleration") {
        warnings.push(Warning::new("gpu_not_priced", text!(attrs, "plan.warning.gpu"), &["CP-6"]));
    }
    let term = (billing == Billing::Subscription).then(|| Term { product: TermProduct::CloudPhone, months: months(duration), auto_renew: attrs.switched_on("auto_renew") });
    warnings.extend(term.and_then(|term| renewals_not_counted(&term, attrs)));
    let request = Item::new("cloudPhone")
        .text("spec", &spec)
        .text("region", if group == Region::Mainland { "mainland" } else { "international" })
        .term(billing, duration)
        .number("quantity", Decimal::from(phones))
        .done();
    Ok(Built { request, warnings, term })
}

/// An auto-renewing subscription of under 12 months: its estimate, as quote's, counts one
/// term, so the first 12 months leave out the renewals that fall in them. Said, not
/// counted: a quote item has no auto-renewal, and the resource's item stays what quote
/// prices. ECS renews by ECS-12; no Cloud Phone document used here describes auto-renewal.
fn renewals_not_counted(term: &Term, attrs: &Attrs) -> Option<Warning> {
    if !term.auto_renew || term.months >= 12 {
        return None;
    }
    let rest = 12 - term.months;
    Some(match term.product {
        TermProduct::Ecs => Warning::new("renewals_not_counted", text!(attrs, "plan.warning.renewalsNotCountedEcs", months = term.months, rest = rest), &["ECS-12"]),
        _ => Warning::new("renewals_not_counted", text!(attrs, "plan.warning.renewalsNotCounted", months = term.months, rest = rest), &[]),
    })
}

fn months(duration: Decimal) -> u64 {
    use rust_decimal::prelude::ToPrimitive;
    duration.to_u64().unwrap_or_default()
}

/// The price of `size` GiB of a disk category (`category.PL1` first, for ESSDs) per hour or month.
fn disk_price(side: &SideFile, billing: Billing, category: &str, level: Option<&str>, size: Decimal, ctx: &Ctx) -> Result<Decimal, Reason> {
    let leveled = level.map(|pl| category.to_string() + "." + pl);
    let key = leveled.as_deref().filter(|k| side.disks.contains_key(k)).unwrap_or(category);
    Ok(price(side.disks.get(key), billing, keyed("prices.ecs.disks", key), ctx)? * size)
}

/// `alicloud_instance` (one instance) and `alicloud_ecs_instance_set` (`amount` of them):
/// the instance, its system and data disks and its public bandwidth, each at the side
/// file's price (ECS-9).
fn ecs_instance(attrs: &Attrs, side: &SideFile, set: bool) -> Result<Built, Reason> {
    let count = if set { attrs.count("amount", Some(1), 100)? } else { 1 };
    let instance_type = attrs.text("instance_type", None)?;
    let billing = attrs.choice("instance_charge_type", Some("PostPaid"), &PRE_POST)?;
    // spot_strategy is optional and computed: known only after apply unless the configuration
    // sets it, and a spot instance is one whose configuration sets it. Unknown: not a spot one.
    if billing == Billing::PayAsYouGo && attrs.refinement("spot_strategy").is_some_and(|s| s != "NoSpot") {
        return Err(Reason::new("not_modelled", text!(attrs, "plan.reason.spot"), Some("spot_strategy")));
    }
    let mut warnings = Vec::new();
    let duration = duration(attrs, billing, "period_unit", "Month", &mut warnings)?;
    let instance = price(side.instance_types.get(&instance_type), billing, keyed("prices.ecs.instanceTypes", &instance_type), attrs.ctx)?;
    // The system disk has no provider default since 1.243.0 (TERRAFORM.md): from the plan or the side file.
    let system_category = attrs.text("system_disk_category", None)?;
    let system_size = attrs.amount("system_disk_size", None, 65_536)?;
    let system_level = attrs.refinement("system_disk_performance_level");
    let system_disk = disk_price(side, billing, &system_category, system_level, system_size, attrs.ctx)?;
    let data_disks = data_disks(attrs, side, billing, set)?;
    let mut parts = vec![("instance", money(instance)), ("systemDisk", money(system_disk))];
    if !data_disks.is_empty() {
        parts.push(("dataDisks", Value::Array(data_disks.into_iter().map(money).collect())));
    }
    let bandwidth = attrs.amount("internet_max_bandwidth_out", Some(Decimal::ZERO), 1_000)?;
    if bandwidth > Decimal::ZERO {
        let by_traffic = attrs.choice("internet_charge_type", Some("PayByTraffic"), &[("PayByTraffic", true), ("PayByBandwidth", false)])?;
        if by_traffic {
            warnings.push(Warning::new("traffic_not_included", text!(attrs, "plan.warning.traffic"), &["ECS-9"]));
        } else {
            let per_mbps = price(side.ecs_bandwidth.as_ref(), billing, "prices.ecs.bandwidth".to_string(), attrs.ctx)?;
            parts.push(("bandwidth", money(per_mbps * bandwidth)));
        }
    }
    let auto_renew = if set { attrs.switched_on("auto_renew") } else { attrs.refinement("renewal_status") == Some("AutoRenewal") };
    let term = (billing == Billing::Subscription).then_some(Term { product: TermProduct::Ecs, months: months(duration), auto_renew });
    warnings.extend(term.and_then(|term| renewals_not_counted(&term, attrs)));
    let request = Item::new("ecs")
        .term(billing, duration)
        .number("quantity", Decimal::from(count))
        .text("instanceType", &instance_type)
        .set("prices", prices(parts))
        .done();
    Ok(Built { request, warnings, term })
}

/// The data disks created with an instance: `data_disks[]` with `size` and `category`
/// (`alicloud_instance`, category default `cloud_efficiency`) or `disk_size` and
/// `disk_category` (`alicloud_ecs_instance_set`, no default). A side file's
/// `values["data_disks.category"]` stands in for a category known only after apply.
fn data_disks(attrs: &Attrs, side: &SideFile, billing: Billing, set: bool) -> Result<Vec<Decimal>, Reason> {
    let (size_name, category_name, default_category) = if set { ("disk_size", "disk_category", None) } else { ("size", "category", Some("cloud_efficiency")) };
    let disks = match attrs.values.get("data_disks") {
        Some(node) => node,
        None if attrs.unknown.as_ref().and_then(|u| u.get("data_disks")).is_some_and(|n| matches!(n.value, Value::Bool(true))) => {
            return Err(Reason::new("unknown_value", text!(attrs, "plan.reason.unknownValue", name = "data_disks"), Some("data_disks")))
        }
        None => return Ok(Vec::new()),
    };
    let unknown_list = attrs.unknown.as_ref().and_then(|u| u.get("data_disks"));
    let elements = disks.elements().map_err(|e| invalid("data_disks", e, attrs.ctx))?;
    let mut out = Vec::with_capacity(elements.len());
    for (i, disk) in elements.enumerate() {
        let unknown = unknown_list.and_then(|l| l.elements().ok()?.nth(i)).and_then(|n| n.object().ok());
        let values = disk.object().map_err(|e| invalid("data_disks", e, attrs.ctx))?;
        let disk = Attrs { values, unknown, usage: attrs.usage, prefix: "data_disks.", ctx: attrs.ctx };
        let category = disk.text(category_name, default_category)?;
        let size = disk.amount(size_name, None, 65_536)?;
        out.push(disk_price(side, billing, &category, disk.refinement("performance_level"), size, attrs.ctx)?);
    }
    Ok(out)
}

/// `alicloud_ecs_disk` (`alicloud_disk` is its deprecated name): a data disk on its own.
fn ecs_disk(attrs: &Attrs, side: &SideFile) -> Result<Built, Reason> {
    let billing = attrs.choice("payment_type", Some("PayAsYouGo"), &SUBSCRIPTION_PAY_AS_YOU_GO)?;
    if billing == Billing::Subscription {
        // Bought with an instance and renewed with it: its term is the instance's, not in the plan.
        return Err(Reason::new("not_modelled", text!(attrs, "plan.reason.subscriptionDisk"), Some("payment_type")));
    }
    let category = attrs.text("category", Some("cloud_efficiency"))?;
    let size = attrs.amount("size", None, 65_536)?;
    let mut warnings = Vec::new();
    let hours = attrs.hours_per_month(&mut warnings);
    let disk = disk_price(side, billing, &category, attrs.refinement("performance_level"), size, attrs.ctx)?;
    let request = Item::new("ecs").term(billing, hours).set("prices", prices(vec![("dataDisks", Value::Array(vec![money(disk)]))])).done();
    Ok(Built { request, warnings, term: None })
}

/// The billing method of an EIP or a NAT Gateway: `payment_type`, or the deprecated
/// `instance_charge_type` (PrePaid / PostPaid); pay-as-you-go when neither is set.
fn network_billing(attrs: &Attrs) -> Result<Billing, Reason> {
    if let Found::Value(_) = attrs.find("instance_charge_type") {
        if !matches!(attrs.find("payment_type"), Found::Value(_)) {
            return attrs.choice("instance_charge_type", None, &PRE_POST);
        }
    }
    attrs.choice("payment_type", Some("PayAsYouGo"), &SUBSCRIPTION_PAY_AS_YOU_GO)
}

/// `alicloud_eip_address` (`alicloud_eip` deprecated): the address fee and the bandwidth
/// (`bandwidth` Mbps, default 5) at the side file's prices (CP-1).
fn eip(attrs: &Attrs, side: &SideFile) -> Result<Built, Reason> {
    let billing = network_billing(attrs)?;
    let mut warnings = Vec::new();
    let duration = duration(attrs, billing, "pricing_cycle", "Month", &mut warnings)?;
    let by_bandwidth = attrs.choice(
        "internet_charge_type",
        Some("PayByBandwidth"),
        &[("PayByBandwidth", true), ("PayByTraffic", false), ("PayByDominantTraffic", false)],
    )?;
    let mut parts = Vec::new();
    let mut mbps = None;
    let address = side.eip_address.as_ref().and_then(|r| r.per(billing));
    if by_bandwidth || billing == Billing::Subscription {
        let bandwidth = attrs.amount("bandwidth", Some(Decimal::from(5)), crate::products::network::MAX_MBPS)?;
        let per_mbps = price(side.eip_bandwidth.as_ref(), billing, "prices.eip.bandwidth".to_string(), attrs.ctx)?;
        if let Some(address) = address {
            parts.push(("address", money(address)));
        }
        // Per Mbps, as the side file gives it: the line counts Mbps-hours (Mbps-months). A
        // bandwidth of 0 (no EIP has one) bills nothing and needs no Mbps.
        if bandwidth > Decimal::ZERO {
            mbps = Some(bandwidth);
            parts.push(("bandwidth", money(per_mbps)));
        } else {
            parts.push(("bandwidth", money(Decimal::ZERO)));
        }
    } else {
        parts.push(("address", money(price(side.eip_address.as_ref(), billing, "prices.eip.address".to_string(), attrs.ctx)?)));
        warnings.push(Warning::new("traffic_not_included", text!(attrs, "plan.warning.traffic"), &["CP-1"]));
    }
    let term = (billing == Billing::Subscription).then_some(Term { product: TermProduct::Other, months: months(duration), auto_renew: false });
    let mut request = Item::new("eip").term(billing, duration);
    if let Some(mbps) = mbps {
        request = request.number("mbps", mbps);
    }
    let request = request.set("prices", prices(parts)).done();
    Ok(Built { request, warnings, term })
}

/// `alicloud_nat_gateway`: the gateway at the side file's price for its `specification`
/// (`Small`, ...) or its `nat_type` (`Enhanced`), the first the side file prices (CP-1).
fn nat_gateway(attrs: &Attrs, side: &SideFile) -> Result<Built, Reason> {
    let billing = network_billing(attrs)?;
    let mut warnings = Vec::new();
    let duration = duration(attrs, billing, "period_unit", "Month", &mut warnings)?;
    // An Enhanced gateway billed by capacity unit has no specification (computed, unknown).
    let nat_type = attrs.refinement("nat_type");
    let candidates: Vec<&str> = [attrs.refinement("specification"), nat_type].into_iter().flatten().collect();
    let key = candidates.iter().copied().find(|k| side.nat_gateways.contains_key(k)).or(candidates.first().copied()).ok_or_else(|| {
        Reason::new("unknown_value", text!(attrs, "plan.reason.unknownValue", name = "specification"), Some("specification"))
    })?;
    let gateway = price(side.nat_gateways.get(key), billing, keyed("prices.natGateway", key), attrs.ctx)?;
    let charge = attrs.refinement("internet_charge_type");
    if charge == Some("PayByLcu") || (nat_type == Some("Enhanced") && charge != Some("PayBySpec")) {
        warnings.push(Warning::new("capacity_units_not_included", text!(attrs, "plan.warning.capacityUnits"), &["CP-1"]));
    }
    let term = (billing == Billing::Subscription).then_some(Term { product: TermProduct::Other, months: months(duration), auto_renew: false });
    let request = Item::new("natGateway").term(billing, duration).text("specification", key).set("prices", prices(vec![("gateway", money(gateway))])).done();
    Ok(Built { request, warnings, term })
}
