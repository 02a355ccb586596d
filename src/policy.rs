//! Policies: every day count and grace period of the lifecycle rules, as data with
//! the rule, the seed sentence it comes from and the document's date. Sites and dates
//! differ (RULES.md, last paragraph), so a caller can override any value per call.
//!
//! Day counting (a **Choice** where a seed says "on the 16th day" or "after 15
//! days"): day 1 is the 24 hours that start at the triggering moment, so "released
//! starting on the 16th day" and "after 15 days" both mean trigger + 15 x 24 h.

use crate::decode::Node;
use crate::error::Error;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    Minutes,
    Hours,
    Days,
    Months,
}

/// One policy value and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Period {
    /// None where the seeds give no number: the behaviour it governs is not modelled
    /// until a caller sets one.
    pub value: Option<u32>,
    pub unit: Unit,
    pub rule: &'static str,
    pub seed: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<&'static str>,
    /// The seed's own words.
    pub text: &'static str,
    /// True when the caller changed the value for this call.
    pub overridden: bool,
}

/// The policy names, in the order `catalog().policies` lists them.
pub const NAMES: [&str; 15] = [
    "cloudPhone.overdueReleaseAfterDays",
    "cloudPhone.subscriptionReleaseAfterExpiryDays",
    "iot.trialMonths",
    "iot.enterpriseReleaseAfterExpiryDays",
    "iot.autoRenewMonths",
    "iot.autoRenewFirstAttemptDaysBeforeExpiry",
    "iot.autoRenewLastAttemptDaysBeforeExpiry",
    "iot.legacyStopAfterOverdueHours",
    "iot.restoreWithinMinutes",
    "iot.billWithinHoursAfterCycle",
    "ecs.secondDeductionAfterDays",
    "ecs.thirdDeductionAfterDays",
    "ecs.stopAfterDays",
    "ecs.releaseAfterStopDays",
    "ecs.subscriptionReleaseAfterExpiryDays",
];

const CP: &str = "003_e741d612e9202b56.txt";
const IOT_FAQ: &str = "000_76aefc72cc732f17.txt";
const IOT_OVERDUE: &str = "001_e6e058e97e0c7f0b.txt";
const ECS: &str = "004_56fa4f818f4da320.txt";

fn period(value: u32, unit: Unit, rule: &'static str, seed: &'static str, as_of: Option<&'static str>, text: &'static str) -> Period {
    Period { value: Some(value), unit, rule, seed, as_of, text, overridden: false }
}

/// A policy the seed leaves open: no default value.
fn unstated(unit: Unit, rule: &'static str, seed: &'static str, text: &'static str) -> Period {
    Period { value: None, unit, rule, seed, as_of: None, text, overridden: false }
}

/// Every lifecycle policy, keyed by [`NAMES`]. Serializes nested by product:
/// `{ cloudPhone: { overdueReleaseAfterDays: Period }, iot: {...}, ecs: {...} }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policies(pub Vec<(&'static str, Period)>);

const PRODUCTS: [&str; 3] = ["cloudPhone", "iot", "ecs"];

/// ("ecs", "stopAfterDays") from "ecs.stopAfterDays".
fn split(name: &str) -> (&str, &str) {
    name.split_once('.').unwrap_or(("", name))
}

impl Serialize for Policies {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct Group<'a>(&'a Policies, &'a str);
        impl Serialize for Group<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(None)?;
                for (name, period) in self.0 .0.iter().filter(|(n, _)| split(n).0 == self.1) {
                    map.serialize_entry(split(name).1, period)?;
                }
                map.end()
            }
        }
        let mut map = serializer.serialize_map(Some(PRODUCTS.len()))?;
        for product in PRODUCTS {
            map.serialize_entry(product, &Group(self, product))?;
        }
        map.end()
    }
}

impl Policies {
    /// The value of policy `name` (one of [`NAMES`]); None when no seed states it and
    /// the caller did not set it.
    pub fn get(&self, name: &str) -> Option<u32> {
        self.0.iter().find(|(n, _)| *n == name).and_then(|(_, p)| p.value)
    }

    /// [`Policies::get`] as an `i64` in the policy's own unit (0 if unset).
    pub fn count(&self, name: &str) -> i64 {
        i64::from(self.get(name).unwrap_or(0))
    }
}

pub fn default_policies() -> Policies {
    use Unit::*;
    let cp = Some("2026-03-10");
    let faq = Some("2026-06-17");
    Policies(vec![
        ("cloudPhone.overdueReleaseAfterDays", period(15, Days, "CP-9", CP, cp,
            "top up your account within 15 days after the payment becomes overdue. Otherwise, the cloud phone resources are automatically released starting on the 16th day")),
        ("cloudPhone.subscriptionReleaseAfterExpiryDays", unstated(Days, "CP-2", CP,
            "Not stated: seed 003 says only that an instance group's service is interrupted when it expires. Set a value to model a release after expiry.")),
        ("iot.trialMonths", period(1, Months, "IOT-3", IOT_FAQ, faq,
            "A trial Enterprise Edition instance is free for one month. After one month, the system automatically releases the instance.")),
        ("iot.enterpriseReleaseAfterExpiryDays", period(15, Days, "IOT-5", IOT_FAQ, faq,
            "When an Enterprise Edition instance expires, its service stops. After 15 days, the instance is released")),
        ("iot.autoRenewMonths", period(1, Months, "IOT-10", IOT_OVERDUE, None, "auto-renewal period: one month")),
        ("iot.autoRenewFirstAttemptDaysBeforeExpiry", period(9, Days, "IOT-10", IOT_OVERDUE, None,
            "payment is attempted from 9 days before expiry")),
        ("iot.autoRenewLastAttemptDaysBeforeExpiry", period(1, Days, "IOT-10", IOT_OVERDUE, None,
            "on failure retried the next day, until one day before expiry")),
        ("iot.legacyStopAfterOverdueHours", period(24, Hours, "IOT-8", IOT_OVERDUE, None,
            "service stays available for 24 hours, then stops automatically")),
        ("iot.restoreWithinMinutes", period(30, Minutes, "IOT-9", IOT_OVERDUE, None,
            "After a top-up or renewal, services may take up to 30 minutes to be restored.")),
        ("iot.billWithinHoursAfterCycle", period(4, Hours, "IOT-9", IOT_OVERDUE, None,
            "bills are typically generated within four hours after a billing cycle ends")),
        ("ecs.secondDeductionAfterDays", period(7, Days, "ECS-3", ECS, None, "deductions are attempted on the settlement date T, then T+7 and T+14")),
        ("ecs.thirdDeductionAfterDays", period(14, Days, "ECS-3", ECS, None, "deductions are attempted on the settlement date T, then T+7 and T+14")),
        ("ecs.stopAfterDays", period(15, Days, "ECS-4", ECS, None, "the instance is stopped and billing ceases at T+15")),
        ("ecs.releaseAfterStopDays", period(15, Days, "ECS-4", ECS, None, "After 15 days stopped (T+30) pay-as-you-go resources are released")),
        ("ecs.subscriptionReleaseAfterExpiryDays", unstated(Days, "ECS-2", ECS,
            "Not stated: seed 004 refers to another page for what expiry does to subscription resources. Set a value to model a release after expiry.")),
    ])
}

/// Most any policy value may be set to: 100 years of its unit's smallest sensible count.
const MAX_VALUE: u64 = 36_500;

/// Applies `policy: { cloudPhone?: { overdueReleaseAfterDays? }, iot?: {...}, ecs?: {...} }`.
pub fn apply_policy_overrides(policies: &mut Policies, node: &Node<'_>) -> Result<(), Error> {
    let fields = node.object()?;
    fields.only(&PRODUCTS)?;
    for product in PRODUCTS {
        let Some(group) = fields.get(product) else { continue };
        let group = group.object()?;
        let keys: Vec<&str> = NAMES.iter().map(|n| split(n)).filter(|(p, _)| *p == product).map(|(_, k)| k).collect();
        group.only(&keys)?;
        for (name, period) in policies.0.iter_mut().filter(|(n, _)| split(n).0 == product) {
            if let Some(value) = group.get(split(name).1) {
                period.value = Some(value.integer(0, MAX_VALUE)? as u32);
                period.overridden = true;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::Value;
    use crate::error::ErrorCode;

    #[test]
    fn every_name_has_exactly_one_default_with_a_rule_and_a_seed() {
        let policies = default_policies();
        let names: Vec<&str> = policies.0.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, NAMES);
        assert!(policies.0.iter().all(|(_, p)| p.rule.contains('-') && p.seed.ends_with(".txt") && !p.text.is_empty()));
    }

    #[test]
    fn the_seeds_numbers() {
        let p = default_policies();
        // CP-9 15 days; IOT-5 15 days; IOT-10 9 and 1 days, 1 month; IOT-8 24 h; IOT-9 30 min and 4 h;
        // ECS-3 T+7, T+14; ECS-4 T+15 and 15 more days.
        // CP and ECS subscription expiry: no number in the seeds, so none by default.
        let values: Vec<Option<u32>> = NAMES.iter().map(|n| p.get(n)).collect();
        let s = Some;
        assert_eq!(values, [s(15), None, s(1), s(15), s(1), s(9), s(1), s(24), s(30), s(4), s(7), s(14), s(15), s(15), None]);
    }

    #[test]
    fn serializes_nested_by_product() {
        let json = serde_json::to_value(default_policies()).unwrap();
        assert_eq!(json["cloudPhone"]["overdueReleaseAfterDays"]["value"], 15);
        assert_eq!(json["cloudPhone"]["overdueReleaseAfterDays"]["rule"], "CP-9");
        assert_eq!(json["ecs"]["releaseAfterStopDays"]["unit"], "days");
        assert_eq!(json["iot"].as_object().unwrap().len(), 8);
    }

    /// Applies the overrides written as JSON to `policies`.
    fn apply(policies: &mut Policies, json: &str) -> Result<(), Error> {
        apply_policy_overrides(policies, &Node::root(&Value::from_json_str(json).unwrap()))
    }

    #[test]
    fn overrides_change_one_value_and_say_so() {
        let mut p = default_policies();
        apply(&mut p, r#"{"ecs": {"stopAfterDays": 3}}"#).unwrap();
        assert_eq!(p.get("ecs.stopAfterDays"), Some(3));
        assert!(p.0.iter().all(|(n, period)| period.overridden == (*n == "ecs.stopAfterDays")));

        let e = apply(&mut p, r#"{"ecs": {"stopAfterDay": 3}}"#).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::UnknownField, "ecs.stopAfterDay"));
        assert_eq!(apply(&mut p, r#"{"rds": {}}"#).unwrap_err().code, ErrorCode::UnknownField);
        assert_eq!(apply(&mut p, r#"{"iot": {"trialMonths": -1}}"#).unwrap_err().code, ErrorCode::OutOfRange);
    }
}
