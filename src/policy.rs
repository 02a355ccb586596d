//! Policies: every day count and grace period of the lifecycle rules, as data with
//! the rule, the sentence it comes from (a seed's, or a dated public page's for the
//! rules beyond the seeds: CP-14, ECS-11..ECS-14) and the document's date. Sites and
//! dates differ (RULES.md, last paragraph), so a caller can override any value per
//! call, or pick a preset (`policy: { preset: "ecsChinaSite" }`, ECS-14).
//!
//! Day counting (a **Choice** where a seed says "on the 16th day" or "after 15
//! days"): day 1 is the 24 hours that start at the triggering moment, so "released
//! starting on the 16th day" and "after 15 days" both mean trigger + 15 x 24 h.

use crate::decode::Node;
use crate::error::Error;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    Minutes,
    Hours,
    Days,
    Months,
}

/// One policy value and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    /// None where the seeds give no number: the behaviour it governs is not modelled
    /// until a caller sets one.
    pub value: Option<u32>,
    pub unit: Unit,
    pub rule: &'static str,
    /// The seed file in `shared/seeds/`, for a rule from the seeds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seed: Option<&'static str>,
    /// The public page, for a rule from beyond the seeds (RULES.md, "Beyond the seeds").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<&'static str>,
    /// The document's own words.
    pub text: &'static str,
    /// True when the caller changed the value for this call.
    pub overridden: bool,
}

/// The policy names, in the order `catalog().policies` lists them.
pub const NAMES: [&str; 20] = [
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
    "ecs.autoRenewMonths",
    "ecs.autoRenewFirstAttemptDaysBeforeExpiry",
    "ecs.autoRenewAttemptHour",
    "ecs.autoRenewServingAfterExpiryDays",
    "ecs.autoRenewReleaseAfterExpiryDays",
];

const CP: &str = "003_e741d612e9202b56.txt";
const IOT_FAQ: &str = "000_76aefc72cc732f17.txt";
const IOT_OVERDUE: &str = "001_e6e058e97e0c7f0b.txt";
const ECS: &str = "004_56fa4f818f4da320.txt";

const fn period(value: u32, unit: Unit, rule: &'static str, seed: &'static str, as_of: Option<&'static str>, text: &'static str) -> Period {
    Period { value: Some(value), unit, rule, seed: Some(seed), page: None, as_of, text, overridden: false }
}

/// A value from a public page beyond the seeds (RULES.md, "Beyond the seeds"), with the
/// date RULES.md gives for it ("2020" where only the edition's year is known; None for
/// the China-site page, which RULES.md does not date).
const fn dated(value: u32, unit: Unit, rule: &'static str, page: &'static str, as_of: Option<&'static str>, text: &'static str) -> Period {
    Period { value: Some(value), unit, rule, seed: None, page: Some(page), as_of, text, overridden: false }
}

// The public pages of RULES.md's "Beyond the seeds", with their dates.
const CP_RENEW_PAGE: &str = "Cloud Phone API reference, RenewAndroidInstanceGroups";
const ECS_SUBSCRIPTION_PAGE: &str = "ECS \"Subscription\" billing page";
const ECS_AUTO_RENEW_PAGE: &str = "ECS ModifyInstanceAutoRenewAttribute API reference; \"Auto-renewal\"";
const ECS_CHINA_OVERDUE_PAGE: &str = "ECS overdue-payment page, China site (zh)";

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
    Policies(DEFAULTS.to_vec())
}

const CP_AS_OF: Option<&str> = Some("2026-03-10");
const FAQ_AS_OF: Option<&str> = Some("2026-06-17");

/// The policies as the documents state them: a table in the module's data rather than
/// code that builds it (issue 16, size).
const DEFAULTS: [(&str, Period); NAMES.len()] = {
    use Unit::*;
    let cp = CP_AS_OF;
    let faq = FAQ_AS_OF;
    [
        ("cloudPhone.overdueReleaseAfterDays", period(15, Days, "CP-9", CP, cp,
            "top up your account within 15 days after the payment becomes overdue. Otherwise, the cloud phone resources are automatically released starting on the 16th day")),
        // CP-14. The earlier Elastic Cloud Phone product kept expired resources 7 days
        // ("Elastic Cloud Phone: Subscription", 2023-08-23): override with 7 to model it.
        ("cloudPhone.subscriptionReleaseAfterExpiryDays", dated(15, Days, "CP-14", CP_RENEW_PAGE, Some("2025-09-05"),
            "An expired subscription instance group is deleted, with its instances, 15 days after expiry, and cannot be recovered; renewing before then restores it.")),
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
        ("ecs.subscriptionReleaseAfterExpiryDays", dated(15, Days, "ECS-11", ECS_SUBSCRIPTION_PAGE, Some("2025-02-17"),
            "within 15 days after expiry the computing resources are retained but the instance stops providing services; more than 15 days after expiry they are released")),
        // ECS-12: the renewal duration is the customer's setting (the API's Duration); one month here.
        ("ecs.autoRenewMonths", dated(1, Months, "ECS-12", ECS_AUTO_RENEW_PAGE, Some("2020"),
            "the auto-renewal duration is set by the customer (Duration, in months); one month unless you set another")),
        ("ecs.autoRenewFirstAttemptDaysBeforeExpiry", dated(9, Days, "ECS-12", ECS_AUTO_RENEW_PAGE, Some("2020"),
            "the fee is deducted at 08:00:00 UTC+8 nine days before expiry and retried every day until it is paid or the nine days end")),
        ("ecs.autoRenewAttemptHour", dated(8, Hours, "ECS-12", ECS_AUTO_RENEW_PAGE, Some("2020"),
            "the fee is deducted at 08:00:00 UTC+8")),
        ("ecs.autoRenewServingAfterExpiryDays", dated(15, Days, "ECS-12", ECS_AUTO_RENEW_PAGE, Some("2020"),
            "if auto-renewal is on but never succeeds, the instance keeps working for 15 days after expiry and stops between the 15th and 16th day")),
        ("ecs.autoRenewReleaseAfterExpiryDays", dated(30, Days, "ECS-12", ECS_AUTO_RENEW_PAGE, Some("2020"),
            "if auto-renewal is on but never succeeds, the instance is released 30 days after expiry")),
    ]
};

/// Most any policy value may be set to: 100 years of its unit's smallest sensible count.
const MAX_VALUE: u64 = 36_500;

/// The presets a caller may name in `policy.preset`.
pub const PRESETS: [(&str, Preset); 1] = [("ecsChinaSite", Preset::EcsChinaSite)];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// ECS-14: the China site stops an overdue pay-as-you-go instance at once, with no
    /// deduction retries, and releases it after 15 days.
    EcsChinaSite,
}

impl Policies {
    /// Whether the ECS overdue policy is the China site's (ECS-14): set by the preset.
    pub fn ecs_china_site(&self) -> bool {
        self.0.iter().any(|(n, p)| *n == "ecs.stopAfterDays" && p.rule == "ECS-14")
    }

    fn apply_preset(&mut self, preset: Preset) {
        match preset {
            Preset::EcsChinaSite => {
                let text = "an overdue account's pay-as-you-go ECS stops at once (billing paused while stopped); after 15 days of continuous overdue everything is released or unbound; no T+7/T+14 retries";
                for (name, value) in [
                    ("ecs.secondDeductionAfterDays", None),
                    ("ecs.thirdDeductionAfterDays", None),
                    ("ecs.stopAfterDays", Some(0)),
                    ("ecs.releaseAfterStopDays", Some(15)),
                ] {
                    if let Some((_, period)) = self.0.iter_mut().find(|(n, _)| *n == name) {
                        *period = Period { value, overridden: true, ..dated(0, period.unit, "ECS-14", ECS_CHINA_OVERDUE_PAGE, None, text) };
                    }
                }
            }
        }
    }
}

/// Applies `policy: { preset?, cloudPhone?: { overdueReleaseAfterDays? }, iot?: {...}, ecs?: {...} }`:
/// the preset first, then each value the caller sets.
pub fn apply_policy_overrides(policies: &mut Policies, node: &Node<'_>) -> Result<(), Error> {
    let fields = node.object()?;
    fields.only(&["preset", "cloudPhone", "iot", "ecs"])?;
    if let Some(preset) = fields.get("preset") {
        policies.apply_preset(preset.one_of(&PRESETS, crate::error::ErrorCode::UnknownPreset)?);
    }
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
    fn every_name_has_exactly_one_default_with_a_rule_and_a_source() {
        let policies = default_policies();
        let names: Vec<&str> = policies.0.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, NAMES);
        // A seed file, or a dated page (RULES.md "Beyond the seeds"), never both or neither.
        assert!(policies.0.iter().all(|(_, p)| p.rule.contains('-')
            && !p.text.is_empty()
            && match (p.seed, p.page) {
                (Some(seed), None) => seed.ends_with(".txt"),
                (None, Some(page)) => !page.is_empty(),
                _ => false,
            }));
    }

    #[test]
    fn the_seeds_numbers() {
        let p = default_policies();
        // CP-9 15 days; IOT-5 15 days; IOT-10 9 and 1 days, 1 month; IOT-8 24 h; IOT-9 30 min and 4 h;
        // ECS-3 T+7, T+14; ECS-4 T+15 and 15 more days.
        // Beyond the seeds: CP-14 15 days; ECS-11 15 days; ECS-12 1 month, 9 days, 08:00, 15 and 30 days.
        let values: Vec<Option<u32>> = NAMES.iter().map(|n| p.get(n)).collect();
        let s = Some;
        assert_eq!(
            values,
            [s(15), s(15), s(1), s(15), s(1), s(9), s(1), s(24), s(30), s(4), s(7), s(14), s(15), s(15), s(15), s(1), s(9), s(8), s(15), s(30)]
        );
        assert_eq!(p.0[1].1.rule, "CP-14");
        assert_eq!(p.0[14].1.rule, "ECS-11");
    }

    #[test]
    fn serializes_nested_by_product() {
        let json = serde_json::to_value(default_policies()).unwrap();
        assert_eq!(json["cloudPhone"]["overdueReleaseAfterDays"]["value"], 15);
        assert_eq!(json["cloudPhone"]["overdueReleaseAfterDays"]["rule"], "CP-9");
        assert_eq!(json["ecs"]["releaseAfterStopDays"]["unit"], "days");
        assert_eq!(json["iot"].as_object().unwrap().len(), 8);
        assert_eq!(json["cloudPhone"]["subscriptionReleaseAfterExpiryDays"]["asOf"], "2025-09-05");
        assert!(json["cloudPhone"]["subscriptionReleaseAfterExpiryDays"].get("seed").is_none());
        assert_eq!(json["cloudPhone"]["overdueReleaseAfterDays"]["seed"], "003_e741d612e9202b56.txt");
    }

    #[test]
    fn the_china_site_preset_sets_ecs_14_and_explicit_values_still_win() {
        let mut p = default_policies();
        apply(&mut p, r#"{"preset": "ecsChinaSite"}"#).unwrap();
        // ECS-14: stop at once (0 days), release after 15 days, no T+7/T+14 retries.
        assert_eq!(p.get("ecs.stopAfterDays"), Some(0));
        assert_eq!(p.get("ecs.releaseAfterStopDays"), Some(15));
        assert_eq!((p.get("ecs.secondDeductionAfterDays"), p.get("ecs.thirdDeductionAfterDays")), (None, None));
        assert!(p.ecs_china_site());
        assert!(!default_policies().ecs_china_site());

        let mut p = default_policies();
        apply(&mut p, r#"{"preset": "ecsChinaSite", "ecs": {"releaseAfterStopDays": 20}}"#).unwrap();
        assert_eq!(p.get("ecs.releaseAfterStopDays"), Some(20));

        let e = apply(&mut default_policies(), r#"{"preset": "chinaSite"}"#).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::UnknownPreset, "preset"));
    }

    /// Applies the overrides written as JSON to `policies`.
    fn apply(policies: &mut Policies, json: &str) -> Result<(), Error> {
        apply_policy_overrides(policies, &Node::root(&Value::from_json_str(json).unwrap(), &Default::default()))
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
