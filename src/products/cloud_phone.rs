//! Cloud Phone (seed 003): subscription per month, pay-as-you-go per 4-hour period
//! of the instance group's lifetime.

use crate::catalog::{Catalog, CloudPhoneSpec, Region};
use crate::decode::Fields;
use crate::error::{Error, ErrorCode};
use crate::money::Rounding;
use crate::quote::{item_from_lines, Line, Product, QuotedItem, Warning};
use rust_decimal::Decimal;

/// Most phones in one item; far above any real instance group, low enough that no
/// product of quantity, time and price can overflow a decimal.
pub const MAX_QUANTITY: u64 = 1_000_000;
/// Longest subscription in one item: 100 years.
pub const MAX_MONTHS: u64 = 1_200;
/// Longest pay-as-you-go lifetime in one item: 100 years of 8,766 hours.
pub const MAX_HOURS: u64 = 876_600;

/// The two billing methods of CP-2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Billing {
    Subscription,
    PayAsYouGo,
}

impl Billing {
    pub const ALL: [(&'static str, Billing); 2] = [("subscription", Billing::Subscription), ("payAsYouGo", Billing::PayAsYouGo)];
}

/// How long the phones are bought for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    /// Prepaid whole months (CP-2).
    Months(u64),
    /// The instance group's lifetime, creation to release, in hours (CP-3, CP-5).
    LifetimeHours(Decimal),
}

#[derive(Debug, Clone, PartialEq)]
pub struct CloudPhoneItem {
    pub spec: CloudPhoneSpec,
    pub region: Region,
    pub term: Term,
    pub quantity: u64,
}

const COMMON_FIELDS: [&str; 5] = ["product", "spec", "region", "billing", "quantity"];

/// Decodes a `{ product: "cloudPhone", ... }` item (API.md).
pub fn decode_item(fields: &Fields<'_>, catalog: &Catalog) -> Result<CloudPhoneItem, Error> {
    let billing = fields
        .required("billing", "\"subscription\" or \"payAsYouGo\"")?
        .one_of(&Billing::ALL, ErrorCode::UnknownBilling)?;
    let term_field = match billing {
        Billing::Subscription => "months",
        Billing::PayAsYouGo => "hours",
    };
    let mut allowed = COMMON_FIELDS.to_vec();
    allowed.push(term_field);
    fields.only(&allowed)?;

    let spec_node = fields.required("spec", "a Cloud Phone specification such as \"acp.basic.small\"")?;
    let spec_id = spec_node.str()?;
    let spec = catalog.cloud_phone_spec(spec_id).cloned().ok_or_else(|| {
        let known: Vec<&str> = catalog.cloud_phone.specs.iter().map(|s| s.id.as_str()).collect();
        spec_node.error(ErrorCode::UnknownSpec, format!("unknown Cloud Phone spec \"{spec_id}\"; known specs: {}", known.join(", ")))
    })?;
    let region = fields
        .required("region", "\"mainland\" or \"international\"")?
        .one_of(&Region::ALL, ErrorCode::UnknownRegion)?;
    let quantity = match fields.get("quantity") {
        Some(node) => node.integer(1, MAX_QUANTITY)?,
        None => 1,
    };
    let term = match billing {
        Billing::Subscription => Term::Months(
            fields.required("months", "a whole number of months >= 1")?.integer(1, MAX_MONTHS)?,
        ),
        Billing::PayAsYouGo => Term::LifetimeHours(
            fields
                .required("hours", "the group's lifetime in hours, creation to release (> 0)")?
                .decimal_in(Decimal::ZERO, false, Decimal::from(MAX_HOURS))?,
        ),
    };
    Ok(CloudPhoneItem { spec, region, term, quantity })
}

/// Whole billing periods for a lifetime: ceil(hours / period) (CP-3).
pub fn billed_periods(lifetime_hours: Decimal, period_hours: u32) -> Decimal {
    (lifetime_hours / Decimal::from(period_hours)).ceil()
}

pub fn rate(item: &CloudPhoneItem, index: usize, catalog: &Catalog, rounding: Rounding) -> QuotedItem {
    let spec = &item.spec;
    let price = spec.price(item.region);
    let phones = Decimal::from(item.quantity);
    let phones_text = plural(item.quantity, "phone");
    let spec_text = format!(
        "{} ({}, {} vCPU / {} GiB / {} GiB), {}",
        spec.id,
        spec.edition,
        spec.vcpu,
        spec.memory_gib,
        spec.storage_gib,
        item.region.name()
    );
    let mut warnings = Vec::new();
    let (description, line) = match item.term {
        Term::Months(months) => {
            // CP-2, CP-6: subscription is prepaid per phone per month.
            let line = Line::priced(
                "cloudPhone.subscription",
                format!("{spec_text}, subscription"),
                format!("{phones_text} x {} x USD {}/month", plural(months, "month"), price.monthly),
                phones * Decimal::from(months),
                "phone-month",
                price.monthly,
                rounding,
                vec!["CP-2", "CP-6"],
            );
            (format!("{phones_text} {}, {}, subscription for {}", spec.id, item.region.name(), plural(months, "month")), line)
        }
        Term::LifetimeHours(hours) => {
            // CP-3: billing runs from creation to the end of the 4-hour period in
            // which the group is released; CP-5: the running state does not matter.
            let period = catalog.cloud_phone.billing_period_hours;
            let periods = billed_periods(hours, period);
            let billed_hours = periods * Decimal::from(period);
            let line = Line::priced(
                "cloudPhone.payAsYouGo",
                format!("{spec_text}, pay-as-you-go"),
                format!(
                    "{phones_text} x {periods} x {period}-hour periods ({} h lifetime billed as {billed_hours} h) x USD {}/hour",
                    hours.normalize(),
                    price.hourly
                ),
                phones * billed_hours,
                "phone-hour",
                price.hourly,
                rounding,
                vec!["CP-2", "CP-3", "CP-5", "CP-6"],
            );
            warnings.push(Warning {
                code: "billed_while_stopped".to_string(),
                message: "Stopping a pay-as-you-go cloud phone does not stop billing: it is billed until the instance group is released."
                    .to_string(),
                rules: vec!["CP-5"],
            });
            (
                format!("{phones_text} {}, {}, pay-as-you-go for {} h", spec.id, item.region.name(), hours.normalize()),
                line,
            )
        }
    };
    item_from_lines(index, Product::CloudPhone, description, vec![line], warnings)
}

fn plural(n: u64, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}
