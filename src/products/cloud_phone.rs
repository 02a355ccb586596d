//! Cloud Phone (seed 003): subscription per month, pay-as-you-go per 4-hour period
//! of the instance group's lifetime (CP-3), or per second for a group created before
//! the 4-hour period began (CP-13).

use crate::catalog::{Catalog, CloudPhoneSpec, Region};
use crate::catalog::caller_price;
use crate::decode::{Ctx, Fields, Node, Value};
use crate::error::{Error, ErrorCode};
use crate::messages::Money;
use crate::money::Rounding;
use crate::bill::{item_from_lines, limits, quantity, Billing, Hours, Line, Product, QuotedItem, Warning};
use crate::time::Instant;
use rust_decimal::Decimal;

/// How a pay-as-you-go group's lifetime is billed: in whole periods of the catalog's
/// hours (CP-3), or per second for a group created before the catalog's
/// `periods_since` (CP-13). Either way at the hourly price.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BillingUnit {
    Periods { hours: u32, cited: bool },
    Seconds,
}

impl BillingUnit {
    /// The unit for a group created at `created_at` (CP-13). Without a creation time,
    /// today's periods apply; `cited` says whether CP-13 decided it.
    pub fn for_creation(catalog: &Catalog, created_at: Option<Instant>) -> BillingUnit {
        let hours = catalog.cloud_phone.billing_period_hours;
        match created_at {
            Some(at) if at < catalog.cloud_phone.periods_since => BillingUnit::Seconds,
            Some(_) => BillingUnit::Periods { hours, cited: true },
            None => BillingUnit::Periods { hours, cited: false },
        }
    }

    /// The hours billed for a lifetime: ceil(hours / period) x period (CP-3), or the
    /// lifetime to the next whole second (CP-13).
    pub fn billed_hours(self, lifetime_hours: Decimal) -> Decimal {
        match self {
            BillingUnit::Periods { hours, .. } => billed_periods(lifetime_hours, hours) * Decimal::from(hours),
            BillingUnit::Seconds => {
                let exact_seconds = lifetime_hours * Decimal::from(3_600);
                if exact_seconds.fract().is_zero() { lifetime_hours } else { exact_seconds.ceil() / Decimal::from(3_600) }
            }
        }
    }

    fn rules(self) -> &'static [&'static str] {
        match self {
            BillingUnit::Periods { cited: false, .. } => &["CP-2", "CP-3", "CP-5", "CP-6"],
            BillingUnit::Periods { cited: true, .. } => &["CP-2", "CP-3", "CP-5", "CP-6", "CP-13"],
            BillingUnit::Seconds => &["CP-2", "CP-5", "CP-6", "CP-13"],
        }
    }
}

/// How long the phones are bought for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    /// Prepaid whole months (CP-2).
    Months(u64),
    /// The instance group's lifetime, creation to release, in hours (CP-3, CP-5).
    LifetimeHours(Decimal),
    /// A group kept running: its hours each month ([`running_month_line`]).
    HoursPerMonth(Decimal),
}

#[derive(Debug, Clone, PartialEq)]
pub struct CloudPhoneItem {
    pub spec: CloudPhoneSpec,
    pub region: Region,
    pub term: Term,
    /// The price of the term's billing method in the region, in the site's currency: per
    /// phone per month (subscription) or per hour (pay-as-you-go), CP-6.
    pub unit_price: Decimal,
    /// When the pay-as-you-go group was created, if the caller says (CP-13).
    pub created_at: Option<Instant>,
    pub quantity: u64,
    pub internet: Option<InternetAccess>,
}

/// Internet access for a VPC instance group: NAT Gateway and EIP are bought
/// automatically, pay-as-you-go, and billed by their own products (CP-1). No rate is
/// published, so rates come from the caller; one of each serves the whole group.
#[derive(Debug, Clone, PartialEq)]
pub struct InternetAccess {
    /// Hours the NAT Gateway and EIP are billed for.
    pub hours: Option<Decimal>,
    pub nat_gateway_per_hour: Option<Decimal>,
    pub eip_per_hour: Option<Decimal>,
}

const COMMON_FIELDS: [&str; 6] = ["product", "spec", "region", "billing", "quantity", "internetAccess"];

/// The catalog's spec named by `node` (embedded or added by the caller's catalog).
pub fn find_spec<'c>(catalog: &'c Catalog, node: &Node<'_>) -> Result<&'c CloudPhoneSpec, Error> {
    let id = node.str()?;
    catalog.cloud_phone_spec(id).ok_or_else(|| {
        let known: Vec<String> = catalog.cloud_phone.specs.iter().map(|s| s.id.clone()).collect();
        node.error(ErrorCode::UnknownSpec, text!(node, "cp.unknownSpec", id = id, known = known.join(", ")))
    })
}

/// The spec's price for `billing` in `region`, in the site's currency (CP-6): seed 003
/// publishes USD only, so on another site it comes from the caller's catalog or is
/// `price_not_published` at the item `at`, naming the catalog field (SITE-1).
pub fn unit_price(spec: &CloudPhoneSpec, region: Region, billing: Billing, at: &Fields<'_>) -> Result<Decimal, Error> {
    published_price(spec, region, billing).ok_or_else(|| {
        let (what, field) = (missing_price_what(spec, region, billing, at), missing_price_field(spec, region, billing));
        crate::catalog::price_not_published(at, &what, &field)
    })
}

/// The spec's price for `billing` in `region`, if the catalog has one in the site's currency.
pub fn published_price(spec: &CloudPhoneSpec, region: Region, billing: Billing) -> Option<Decimal> {
    let price = spec.price(region);
    match billing {
        Billing::Subscription => price.monthly,
        Billing::PayAsYouGo => price.hourly,
    }
}

/// What a missing price is, for a person: "Cloud Phone acp.basic.small (Chinese mainland), per
/// phone per month".
pub fn missing_price_what(spec: &CloudPhoneSpec, region: Region, billing: Billing, to: impl crate::messages::HasLocale) -> String {
    match billing {
        Billing::Subscription => text!(to, "cp.priceWhat.monthly", spec = spec.id, region = region.label()),
        Billing::PayAsYouGo => text!(to, "cp.priceWhat.hourly", spec = spec.id, region = region.label()),
    }
}

/// The field of a caller's `catalog` that supplies a missing price (SITE-1), without the
/// leading `catalog.`: `cloudPhone.specs[{ id: "acp.basic.small" }].mainland.monthly`.
pub fn missing_price_field(spec: &CloudPhoneSpec, region: Region, billing: Billing) -> String {
    let per = match billing {
        Billing::Subscription => "monthly",
        Billing::PayAsYouGo => "hourly",
    };
    let region_id = Region::ALL.iter().find(|(_, r)| *r == region).map_or("mainland", |(id, _)| *id);
    format!("cloudPhone.specs[{{ id: \"{}\" }}].{region_id}.{per}", spec.id)
}

/// Decodes a `{ product: "cloudPhone", ... }` item (API.md).
pub fn decode_item(fields: &Fields<'_>, catalog: &Catalog) -> Result<CloudPhoneItem, Error> {
    let billing = fields
        .required("billing", key!("expect.billing"))?
        .one_of(&Billing::ALL, ErrorCode::UnknownBilling)?;
    let mut allowed = COMMON_FIELDS.to_vec();
    match billing {
        Billing::Subscription => allowed.push("months"),
        // A lifetime (with its creation, CP-13), or the hours a month of a group kept running.
        Billing::PayAsYouGo => match Hours::field(fields) {
            "hours" => allowed.extend(["hours", "createdAt"]),
            field => allowed.push(field),
        },
    }
    fields.only(&allowed)?;

    let spec = find_spec(catalog, &fields.required("spec", key!("expect.cpSpec"))?)?.clone();
    let region = fields
        .required("region", key!("expect.region"))?
        .one_of(&Region::ALL, ErrorCode::UnknownRegion)?;
    let quantity = quantity(fields)?;
    let term = match billing {
        Billing::Subscription => Term::Months(
            fields.required("months", key!("expect.months"))?.integer(1, limits::MAX_MONTHS)?,
        ),
        Billing::PayAsYouGo => match Hours::decode(fields, key!("expect.cpHours"))? {
            Hours::Lifetime(hours) => Term::LifetimeHours(hours),
            Hours::PerMonth(hours) => Term::HoursPerMonth(hours),
        },
    };
    let internet = match fields.get("internetAccess") {
        None => None,
        Some(node) => decode_internet(&node, term)?,
    };
    let created_at = fields.get("createdAt").map(|n| crate::time::instant(&n)).transpose()?;
    let unit_price = unit_price(&spec, region, billing, fields)?;
    Ok(CloudPhoneItem { spec, region, term, unit_price, created_at, quantity, internet })
}

/// `internetAccess: true | false | { natGatewayPerHour?, eipPerHour?, hours? }`.
fn decode_internet(node: &Node<'_>, term: Term) -> Result<Option<InternetAccess>, Error> {
    if let Value::Bool(on) = node.value {
        return Ok(on.then_some(InternetAccess { hours: None, nat_gateway_per_hour: None, eip_per_hour: None }));
    }
    let f = node.object()?;
    f.only(&["natGatewayPerHour", "eipPerHour", "hours"])?;
    let rate = |key: &str| f.get(key).map(|n| caller_price(&n)).transpose();
    let nat_gateway_per_hour = rate("natGatewayPerHour")?;
    let eip_per_hour = rate("eipPerHour")?;
    let hours = match (f.get("hours"), term) {
        (Some(n), _) => Some(n.decimal_in(Decimal::ZERO, false, Decimal::from(limits::MAX_HOURS))?),
        // Pay-as-you-go: the NAT Gateway and EIP live as long as the group by default.
        (None, Term::LifetimeHours(h) | Term::HoursPerMonth(h)) => Some(h),
        (None, Term::Months(_)) if nat_gateway_per_hour.is_some() || eip_per_hour.is_some() => {
            return Err(Error::new(
                ErrorCode::MissingField,
                f.child_path("hours"),
                text!(f, "cp.internetHoursMissing"),
            ))
        }
        (None, Term::Months(_)) => None,
    };
    Ok(Some(InternetAccess { hours, nat_gateway_per_hour, eip_per_hour }))
}

/// Whole billing periods for a lifetime: ceil(hours / period) (CP-3).
pub fn billed_periods(lifetime_hours: Decimal, period_hours: u32) -> Decimal {
    (lifetime_hours / Decimal::from(period_hours)).ceil()
}

fn spec_text(spec: &CloudPhoneSpec, region: Region, ctx: &Ctx) -> String {
    text!(ctx, "cp.specText", id = spec.id, summary = spec.summary(ctx.locale), region = region.label())
}

/// Subscription: prepaid per phone per month at `monthly` (CP-2, CP-6).
pub fn subscription_line(spec: &CloudPhoneSpec, region: Region, monthly: Decimal, phones: u64, months: u64, rounding: Rounding, ctx: &Ctx) -> Line {
    Line::priced(
        "cloudPhone.subscription",
        text!(ctx, "cp.line.subscription", spec = spec_text(spec, region, ctx)),
        text!(ctx, "cp.formula.subscription", phones = phones, months = months, price = Money(ctx.currency(), monthly)),
        Decimal::from(phones) * Decimal::from(months),
        "phone-month",
        monthly,
        rounding,
        &["CP-2", "CP-6"],
    )
}

/// Pay-as-you-go for `lifetimes` instance-group lifetimes of `hours` each (one
/// create-to-release cycle in a quote; several in a comparison, e.g. one a working
/// day) at `hourly`. CP-3: each lifetime is billed to the end of the 4-hour period in
/// which the group is released, or per second for a group created before that unit
/// (CP-13); CP-5: whether the phones run does not matter.
#[allow(clippy::too_many_arguments)]
pub fn pay_as_you_go_line(
    spec: &CloudPhoneSpec,
    region: Region,
    hourly: Decimal,
    phones: u64,
    hours: Decimal,
    lifetimes: u64,
    unit: BillingUnit,
    rounding: Rounding,
    ctx: &Ctx,
) -> Line {
    let billed_hours = unit.billed_hours(hours);
    let cycles = if lifetimes == 1 { String::new() } else { text!(ctx, "cp.formula.lifetimes", count = lifetimes) };
    let time = match unit {
        BillingUnit::Periods { hours: period_hours, .. } => text!(
            ctx,
            "cp.formula.periods",
            periods = billed_periods(hours, period_hours),
            period = period_hours,
            hours = hours.normalize(),
            billed = billed_hours
        ),
        BillingUnit::Seconds => text!(ctx, "cp.formula.perSecond", hours = billed_hours.normalize()),
    };
    Line::priced(
        "cloudPhone.payAsYouGo",
        text!(ctx, "cp.line.payAsYouGo", spec = spec_text(spec, region, ctx)),
        text!(ctx, "cp.formula.payAsYouGo", phones = phones, cycles = cycles, time = time, price = Money(ctx.currency(), hourly)),
        Decimal::from(phones) * Decimal::from(lifetimes) * billed_hours,
        "phone-hour",
        hourly,
        rounding,
        unit.rules(),
    )
}

/// A pay-as-you-go group kept running, `hours` each month: hours x the hourly price. It is
/// billed and deducted every hour it exists (CP-13); the 4-hour period (CP-3) rounds only
/// the end of its lifetime, once, when it is released, not each month.
pub fn running_month_line(spec: &CloudPhoneSpec, region: Region, hourly: Decimal, phones: u64, hours: Decimal, rounding: Rounding, ctx: &Ctx) -> Line {
    Line::priced(
        "cloudPhone.payAsYouGo",
        text!(ctx, "cp.line.payAsYouGo", spec = spec_text(spec, region, ctx)),
        text!(ctx, "cp.formula.runningMonth", phones = phones, hours = hours.normalize(), price = crate::messages::Money(ctx.currency(), hourly)),
        Decimal::from(phones) * hours,
        "phone-hour",
        hourly,
        rounding,
        &["CP-2", "CP-3", "CP-5", "CP-6", "CP-13"],
    )
}

pub fn billed_while_stopped(ctx: &Ctx) -> Warning {
    Warning::new(
        "billed_while_stopped",
        text!(ctx, "cp.billedWhileStopped"),
        &["CP-5"],
    )
}

pub fn rate(item: &CloudPhoneItem, index: usize, catalog: &Catalog, rounding: Rounding, ctx: &Ctx) -> QuotedItem {
    let (spec, region) = (&item.spec, item.region);
    let mut warnings = Vec::new();
    let (description, phone_line) = match item.term {
        Term::Months(months) => (
            text!(ctx, "cp.description.subscription", phones = item.quantity, spec = spec.id, region = region.label(), months = months),
            subscription_line(spec, region, item.unit_price, item.quantity, months, rounding, ctx),
        ),
        Term::LifetimeHours(hours) => {
            warnings.push(billed_while_stopped(ctx));
            (
                text!(ctx, "cp.description.payAsYouGo", phones = item.quantity, spec = spec.id, region = region.label(), hours = hours.normalize()),
                pay_as_you_go_line(spec, region, item.unit_price, item.quantity, hours, 1, BillingUnit::for_creation(catalog, item.created_at), rounding, ctx),
            )
        }
        Term::HoursPerMonth(hours) => {
            warnings.push(billed_while_stopped(ctx));
            (
                text!(ctx, "cp.description.running", phones = item.quantity, spec = spec.id, region = region.label(), hours = hours.normalize()),
                running_month_line(spec, region, item.unit_price, item.quantity, hours, rounding, ctx),
            )
        }
    };
    let mut lines = vec![phone_line];
    if let Some(internet) = &item.internet {
        internet_lines(internet, rounding, &mut lines, &mut warnings, ctx);
    }
    item_from_lines(index, Product::CloudPhone, description, lines, warnings, rounding)
}

fn internet_lines(internet: &InternetAccess, rounding: Rounding, lines: &mut Vec<Line>, warnings: &mut Vec<Warning>, ctx: &Ctx) {
    let services = [
        ("cloudPhone.natGateway", key!("cp.natGateway"), internet.nat_gateway_per_hour, "nat_gateway_not_included"),
        ("cloudPhone.eip", key!("cp.eip"), internet.eip_per_hour, "eip_not_included"),
    ];
    for (code, name, rate, missing_code) in services {
        match (rate, internet.hours) {
            (Some(rate), Some(hours)) => lines.push(Line::priced(
                code,
                text!(ctx, "cp.line.internet", name = name),
                text!(ctx, "cp.formula.internet", hours = hours.normalize(), rate = Money(ctx.currency(), rate)),
                hours,
                "hour",
                rate,
                rounding,
                &["CP-1"],
            )),
            _ => warnings.push(Warning::new(
                missing_code,
                text!(ctx, "cp.internetNotIncluded", name = name),
                &["CP-1"],
            )),
        }
    }
    warnings.push(Warning::new(
        "dependent_resources_keep_billing",
        text!(ctx, "cp.dependentsKeepBilling"),
        &["CP-10"],
    ));
}
