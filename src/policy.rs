//! Policies: every day count and grace period of the lifecycle rules, as data with
//! the rule, the sentence it comes from (a seed's, or a dated public page's for the
//! rules beyond the seeds: CP-14, ECS-11..ECS-14) and the document's date. Sites and
//! dates differ (RULES.md, last paragraph), so a caller can override any value per
//! call, or pick a preset (`policy: { preset: "ecsChinaSite" }`, ECS-14; `"ecsAutoRenewal2019"`,
//! ECS-15). A policy is named by [`Policy`], so a misspelt name does not compile.
//!
//! Day counting (a **Choice** where a seed says "on the 16th day" or "after 15
//! days"): day 1 is the 24 hours that start at the triggering moment, so "released
//! starting on the 16th day" and "after 15 days" both mean trigger + 15 x 24 h.

use crate::decode::Node;
use crate::error::{Error, ErrorCode};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    Minutes,
    Hours,
    Days,
    Months,
}

/// One policy value and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// A count of `unit`; for a choice, the index of the chosen one in `choices`. None
    /// where the seeds give no number: the behaviour it governs is not modelled until a
    /// caller sets one.
    pub value: Option<u32>,
    pub unit: Unit,
    /// A policy that picks one reading among these (ECS-15, ECS-16): the value is one
    /// of them, written as its name. Empty for a count.
    pub choices: &'static [&'static str],
    pub rule: &'static str,
    /// The seed file in `shared/seeds/`, for a rule from the seeds.
    pub seed: Option<&'static str>,
    /// The public page, for a rule from beyond the seeds (RULES.md, "Beyond the seeds").
    pub page: Option<&'static str>,
    pub as_of: Option<&'static str>,
    /// The document's own words.
    pub text: &'static str,
    /// True when the caller changed the value for this call.
    pub overridden: bool,
}

impl Serialize for Period {
    /// `{ value, unit, rule, seed?, page?, asOf?, text, overridden }`; a choice gives
    /// `value` as the chosen name and `choices` instead of `unit`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if self.choices.is_empty() {
            map.serialize_entry("value", &self.value)?;
            map.serialize_entry("unit", &self.unit)?;
        } else {
            map.serialize_entry("value", &self.value.and_then(|i| self.choices.get(i as usize)))?;
            map.serialize_entry("choices", self.choices)?;
        }
        map.serialize_entry("rule", self.rule)?;
        if let Some(seed) = self.seed {
            map.serialize_entry("seed", seed)?;
        }
        if let Some(page) = self.page {
            map.serialize_entry("page", page)?;
        }
        if let Some(as_of) = self.as_of {
            map.serialize_entry("asOf", as_of)?;
        }
        map.serialize_entry("text", self.text)?;
        map.serialize_entry("overridden", &self.overridden)?;
        map.end()
    }
}

/// Every lifecycle policy, in the order `catalog().policies` lists them. Its name in a
/// request is [`Policy::name`] (`policy: { ecs: { stopAfterDays: 3 } }`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    CloudPhoneOverdueReleaseAfterDays,
    CloudPhoneSubscriptionReleaseAfterExpiryDays,
    IotTrialMonths,
    IotEnterpriseReleaseAfterExpiryDays,
    IotAutoRenewMonths,
    IotAutoRenewFirstAttemptDaysBeforeExpiry,
    IotAutoRenewLastAttemptDaysBeforeExpiry,
    IotLegacyStopAfterOverdueHours,
    IotRestoreWithinMinutes,
    IotBillWithinHoursAfterCycle,
    /// IOT-28: which months of the connection-and-messages generation have the free quota.
    IotFreeQuota,
    /// IOT-29: how each day's amounts of that generation are cut to the currency's unit.
    IotDailyAmounts,
    EcsSecondDeductionAfterDays,
    EcsThirdDeductionAfterDays,
    EcsStopAfterDays,
    EcsReleaseAfterStopDays,
    EcsSubscriptionReleaseAfterExpiryDays,
    EcsAutoRenewMonths,
    EcsAutoRenewFirstAttemptDaysBeforeExpiry,
    EcsAutoRenewAttemptHour,
    EcsAutoRenewServingAfterExpiryDays,
    EcsAutoRenewReleaseAfterExpiryDays,
    /// ECS-12 (default) or ECS-15: which auto-renewal schedule a subscription follows.
    EcsAutoRenewSchedule,
    /// ECS-15's attempts (the 2019 schedule only): 3 and 1 days before expiry, on the
    /// expiry day, 6 and 14 days after it.
    EcsAutoRenew2019FirstAttemptDaysBeforeExpiry,
    EcsAutoRenew2019SecondAttemptDaysBeforeExpiry,
    EcsAutoRenew2019FourthAttemptDaysAfterExpiry,
    EcsAutoRenew2019FifthAttemptDaysAfterExpiry,
    /// ECS-5 (default) or ECS-16: what happens to snapshots behind disks and custom images.
    EcsSnapshotsAfterRelease,
}

/// The products policies are grouped by, as a request and `catalog()` name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    CloudPhone,
    Iot,
    Ecs,
}

const GROUPS: [(&str, Group); 3] = [("cloudPhone", Group::CloudPhone), ("iot", Group::Iot), ("ecs", Group::Ecs)];

/// A policy that picks one reading among named ones, as a typed enum: code asks which
/// reading a call has by its variant ([`Policies::chosen`]), matched by name, so that
/// the order of the readings cannot change what a call does.
pub trait Choice: Copy + PartialEq + Default + 'static {
    /// The policy whose readings these are.
    const POLICY: Policy;

    /// Every reading with its name in a request and in `catalog()`; the default first.
    fn all() -> &'static [(&'static str, Self)];

    /// Its name in a request.
    fn name(self) -> &'static str {
        Self::all().iter().find(|(_, reading)| *reading == self).map_or("", |(name, _)| name)
    }
}

/// Which auto-renewal schedule an ECS subscription follows (`policy.ecs.autoRenewSchedule`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AutoRenewSchedule {
    /// ECS-12: an attempt on each of the nine days before expiry (the default).
    #[default]
    DailyNineDays,
    /// ECS-15: the 2019 edition's five attempts (the `ecsAutoRenewal2019` preset).
    FiveAttempts2019,
}

impl AutoRenewSchedule {
    pub const ALL: [(&'static str, AutoRenewSchedule); 2] = [("dailyNineDays", AutoRenewSchedule::DailyNineDays), ("fiveAttempts2019", AutoRenewSchedule::FiveAttempts2019)];
}

impl Choice for AutoRenewSchedule {
    const POLICY: Policy = Policy::EcsAutoRenewSchedule;
    fn all() -> &'static [(&'static str, Self)] {
        &Self::ALL
    }
}

/// What an overdue release does to snapshots behind disks and custom images
/// (`policy.ecs.snapshotsAfterRelease`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SnapshotsAfterRelease {
    /// ECS-5 (seed 004): all are deleted, with the custom images (the default).
    #[default]
    DeleteAll,
    /// ECS-16 (the 2021 Billing FAQ): those in use are kept.
    KeepInUse,
}

impl SnapshotsAfterRelease {
    pub const ALL: [(&'static str, SnapshotsAfterRelease); 2] = [("deleteAll", SnapshotsAfterRelease::DeleteAll), ("keepInUse", SnapshotsAfterRelease::KeepInUse)];
}

impl Choice for SnapshotsAfterRelease {
    const POLICY: Policy = Policy::EcsSnapshotsAfterRelease;
    fn all() -> &'static [(&'static str, Self)] {
        &Self::ALL
    }
}

/// The names of a choice's readings, in its order, for [`Period::choices`].
const fn names<T: Copy, const N: usize>(all: &[(&'static str, T); N]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = all[i].0;
        i += 1;
    }
    out
}

/// ECS-12's auto-renewal schedule and ECS-15's, the choices of [`Policy::EcsAutoRenewSchedule`].
const SCHEDULE_CHOICES: [&str; 2] = names(&AutoRenewSchedule::ALL);
/// ECS-5's reading of snapshots at release and ECS-16's, the choices of [`Policy::EcsSnapshotsAfterRelease`].
const SNAPSHOT_CHOICES: [&str; 2] = names(&SnapshotsAfterRelease::ALL);
/// IOT-28's readings of "the first two months" (`products::iot::connection_messages::FreeQuota`).
pub const FREE_QUOTA_CHOICES: &[&str] = &["firstTwoMonths", "everyMonth"];
/// IOT-29's cut of each day's amounts (`products::iot::connection_messages::DailyAmounts`).
pub const DAILY_AMOUNT_CHOICES: &[&str] = &["truncate", "halfUp"];

impl Policy {
    /// Every policy, in `catalog()`'s order (the table's).
    pub fn all() -> impl Iterator<Item = Policy> {
        DEFAULTS.iter().map(|(policy, ..)| *policy)
    }

    /// Its name within its product's group: `stopAfterDays` of `ecs`.
    pub fn name(self) -> &'static str {
        DEFAULTS[self as usize].2
    }

    fn group(self) -> Group {
        DEFAULTS[self as usize].1
    }

    /// "ecs.stopAfterDays".
    pub fn full_name(self) -> String {
        let group = GROUPS.iter().find(|(_, g)| *g == self.group()).map_or("", |(n, _)| n);
        format!("{group}.{}", self.name())
    }
}

const CP: &str = "003_e741d612e9202b56.txt";
const IOT_FAQ: &str = "000_76aefc72cc732f17.txt";
const IOT_OVERDUE: &str = "001_e6e058e97e0c7f0b.txt";
const ECS: &str = "004_56fa4f818f4da320.txt";

const fn period(value: u32, unit: Unit, rule: &'static str, seed: &'static str, as_of: Option<&'static str>, text: &'static str) -> Period {
    Period { value: Some(value), unit, choices: &[], rule, seed: Some(seed), page: None, as_of, text, overridden: false }
}

/// A value from a public page beyond the seeds (RULES.md, "Beyond the seeds"), with the
/// date RULES.md gives for it ("2020" where only the edition's year is known; None for
/// the China-site page, which RULES.md does not date).
const fn dated(value: u32, unit: Unit, rule: &'static str, page: &'static str, as_of: Option<&'static str>, text: &'static str) -> Period {
    Period { value: Some(value), unit, choices: &[], rule, seed: None, page: Some(page), as_of, text, overridden: false }
}

/// ECS-15 ("Auto-renewal", 2019-05-30 edition): one of the 2019 schedule's attempts, in
/// days from the expiry's own day.
const fn ecs_2019(days: u32) -> Period {
    dated(days, Unit::Days, "ECS-15", ECS_AUTO_RENEW_2019_PAGE, Some("2019-05-30"), ECS_2019_TEXT)
}

const ECS_2019_TEXT: &str = "a notice 7 days before expiry; deductions attempted 3 days before expiry, 1 day before, on the expiry day, and 6 and 14 days after it; if all five fail, the instance is suspended 15 days after expiry with its data kept";

/// A choice between readings: `choices[0]` is the default.
const fn choice(choices: &'static [&'static str], period: Period) -> Period {
    Period { value: Some(0), choices, ..period }
}

// The public pages of RULES.md's "Beyond the seeds", with their dates.
const CP_RENEW_PAGE: &str = "Cloud Phone API reference, RenewAndroidInstanceGroups";
const ECS_SUBSCRIPTION_PAGE: &str = "ECS \"Subscription\" billing page";
const ECS_AUTO_RENEW_PAGE: &str = "ECS ModifyInstanceAutoRenewAttribute API reference; \"Auto-renewal\"";
const ECS_CHINA_OVERDUE_PAGE: &str = "ECS overdue-payment page, China site (zh)";
const ECS_AUTO_RENEW_2019_PAGE: &str = "ECS \"Auto-renewal\" (2019-05-30 edition)";
const ECS_BILLING_FAQ_2021_PAGE: &str = "ECS \"Billing FAQ\" (2021-04-28 edition)";
const IOT_DEVICE_ACCESS_PAGE: &str = "IoT Platform \"Device access fees\" and \"Messaging fees\" (doc-detail 91979, f0cae0)";
const IOT_DEVICE_ACCESS_TC_PAGE: &str = "IoT Platform \"Device access fees\", Traditional Chinese edition";

/// Every lifecycle policy's value for one call: [`default_policies`], then a preset and
/// the caller's values. Serializes nested by product:
/// `{ cloudPhone: { overdueReleaseAfterDays: Period }, iot: {...}, ecs: {...} }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policies {
    periods: Vec<Period>,
    presets: Vec<Preset>,
}

impl Serialize for Policies {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct InGroup<'a>(&'a Policies, Group);
        impl Serialize for InGroup<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(None)?;
                for policy in Policy::all().filter(|p| p.group() == self.1) {
                    map.serialize_entry(policy.name(), self.0.period(policy))?;
                }
                map.end()
            }
        }
        let mut map = serializer.serialize_map(Some(GROUPS.len()))?;
        for (name, group) in GROUPS {
            map.serialize_entry(name, &InGroup(self, group))?;
        }
        map.end()
    }
}

impl Policies {
    pub fn period(&self, policy: Policy) -> &Period {
        &self.periods[policy as usize]
    }

    /// The value of `policy` in its unit; None when no seed states it and the caller did
    /// not set it.
    pub fn get(&self, policy: Policy) -> Option<u32> {
        self.period(policy).value
    }

    /// [`Policies::get`] as an `i64` in the policy's own unit (0 if unset).
    pub fn count(&self, policy: Policy) -> i64 {
        i64::from(self.get(policy).unwrap_or(0))
    }

    /// The name of the reading a choice policy is set to.
    pub fn choice(&self, policy: Policy) -> &'static str {
        let period = self.period(policy);
        period.value.and_then(|i| period.choices.get(i as usize)).copied().unwrap_or("")
    }

    /// The reading a choice policy is set to (ECS-15, ECS-16), found by its name.
    pub fn chosen<C: Choice>(&self) -> C {
        let name = self.choice(C::POLICY);
        C::all().iter().find(|(n, _)| *n == name).map_or_else(C::default, |(_, reading)| *reading)
    }

    /// Whether the call asked for `preset` (`policy.preset`).
    pub fn has_preset(&self, preset: Preset) -> bool {
        self.presets.contains(&preset)
    }
}

pub fn default_policies() -> Policies {
    Policies { periods: DEFAULTS.iter().map(|(.., period)| period.clone()).collect(), presets: Vec::new() }
}

const CP_AS_OF: Option<&str> = Some("2026-03-10");
const FAQ_AS_OF: Option<&str> = Some("2026-06-17");

/// The policies as the documents state them, in [`Policy`]'s order (a test checks it): a
/// table in the module's data rather than code that builds it.
const DEFAULTS: [(Policy, Group, &str, Period); 28] = {
    use Group::*;
    use Policy::*;
    use Unit::*;
    let cp = CP_AS_OF;
    let faq = FAQ_AS_OF;
    [
        (CloudPhoneOverdueReleaseAfterDays, CloudPhone, "overdueReleaseAfterDays", period(15, Days, "CP-9", CP, cp,
            "top up your account within 15 days after the payment becomes overdue. Otherwise, the cloud phone resources are automatically released starting on the 16th day")),
        // CP-14. The earlier Elastic Cloud Phone product kept expired resources 7 days
        // ("Elastic Cloud Phone: Subscription", 2023-08-23): override with 7 to model it.
        (CloudPhoneSubscriptionReleaseAfterExpiryDays, CloudPhone, "subscriptionReleaseAfterExpiryDays", dated(15, Days, "CP-14", CP_RENEW_PAGE, Some("2025-09-05"),
            "An expired subscription instance group is deleted, with its instances, 15 days after expiry, and cannot be recovered; renewing before then restores it.")),
        (IotTrialMonths, Iot, "trialMonths", period(1, Months, "IOT-3", IOT_FAQ, faq,
            "A trial Enterprise Edition instance is free for one month. After one month, the system automatically releases the instance.")),
        (IotEnterpriseReleaseAfterExpiryDays, Iot, "enterpriseReleaseAfterExpiryDays", period(15, Days, "IOT-5", IOT_FAQ, faq,
            "When an Enterprise Edition instance expires, its service stops. After 15 days, the instance is released")),
        (IotAutoRenewMonths, Iot, "autoRenewMonths", period(1, Months, "IOT-10", IOT_OVERDUE, None, "auto-renewal period: one month")),
        (IotAutoRenewFirstAttemptDaysBeforeExpiry, Iot, "autoRenewFirstAttemptDaysBeforeExpiry", period(9, Days, "IOT-10", IOT_OVERDUE, None,
            "payment is attempted from 9 days before expiry")),
        (IotAutoRenewLastAttemptDaysBeforeExpiry, Iot, "autoRenewLastAttemptDaysBeforeExpiry", period(1, Days, "IOT-10", IOT_OVERDUE, None,
            "on failure retried the next day, until one day before expiry")),
        (IotLegacyStopAfterOverdueHours, Iot, "legacyStopAfterOverdueHours", period(24, Hours, "IOT-8", IOT_OVERDUE, None,
            "service stays available for 24 hours, then stops automatically")),
        (IotRestoreWithinMinutes, Iot, "restoreWithinMinutes", period(30, Minutes, "IOT-9", IOT_OVERDUE, None,
            "After a top-up or renewal, services may take up to 30 minutes to be restored.")),
        (IotBillWithinHoursAfterCycle, Iot, "billWithinHoursAfterCycle", period(4, Hours, "IOT-9", IOT_OVERDUE, None,
            "bills are typically generated within four hours after a billing cycle ends")),
        // IOT-28 (a Choice): the month of activation and the next; the Japanese doc 73701 reads every month ("everyMonth").
        (IotFreeQuota, Iot, "freeQuota", choice(FREE_QUOTA_CHOICES, dated(0, Months, "IOT-28", IOT_DEVICE_ACCESS_PAGE, None,
            "1,000,000 messages and 1,000,000 connection minutes a month, in the first two months after activation"))),
        // IOT-29 (a Choice): cut to the cent; "halfUp" is IOT-18's rounding.
        (IotDailyAmounts, Iot, "dailyAmounts", choice(DAILY_AMOUNT_CHOICES, dated(0, Days, "IOT-29", IOT_DEVICE_ACCESS_TC_PAGE, None,
            "settled daily; each day's amount is accurate to two decimal places, the digits after them dropped"))),
        (EcsSecondDeductionAfterDays, Ecs, "secondDeductionAfterDays", period(7, Days, "ECS-3", ECS, None, "deductions are attempted on the settlement date T, then T+7 and T+14")),
        (EcsThirdDeductionAfterDays, Ecs, "thirdDeductionAfterDays", period(14, Days, "ECS-3", ECS, None, "deductions are attempted on the settlement date T, then T+7 and T+14")),
        (EcsStopAfterDays, Ecs, "stopAfterDays", period(15, Days, "ECS-4", ECS, None, "the instance is stopped and billing ceases at T+15")),
        (EcsReleaseAfterStopDays, Ecs, "releaseAfterStopDays", period(15, Days, "ECS-4", ECS, None, "After 15 days stopped (T+30) pay-as-you-go resources are released")),
        (EcsSubscriptionReleaseAfterExpiryDays, Ecs, "subscriptionReleaseAfterExpiryDays", dated(15, Days, "ECS-11", ECS_SUBSCRIPTION_PAGE, Some("2025-02-17"),
            "within 15 days after expiry the computing resources are retained but the instance stops providing services; more than 15 days after expiry they are released")),
        // ECS-12: the renewal duration is the customer's setting (the API's Duration); one month here.
        (EcsAutoRenewMonths, Ecs, "autoRenewMonths", dated(1, Months, "ECS-12", ECS_AUTO_RENEW_PAGE, Some("2020"),
            "the auto-renewal duration is set by the customer (Duration, in months); one month unless you set another")),
        (EcsAutoRenewFirstAttemptDaysBeforeExpiry, Ecs, "autoRenewFirstAttemptDaysBeforeExpiry", dated(9, Days, "ECS-12", ECS_AUTO_RENEW_PAGE, Some("2020"),
            "the fee is deducted at 08:00:00 UTC+8 nine days before expiry and retried every day until it is paid or the nine days end")),
        (EcsAutoRenewAttemptHour, Ecs, "autoRenewAttemptHour", dated(8, Hours, "ECS-12", ECS_AUTO_RENEW_PAGE, Some("2020"),
            "the fee is deducted at 08:00:00 UTC+8")),
        (EcsAutoRenewServingAfterExpiryDays, Ecs, "autoRenewServingAfterExpiryDays", dated(15, Days, "ECS-12", ECS_AUTO_RENEW_PAGE, Some("2020"),
            "if auto-renewal is on but never succeeds, the instance keeps working for 15 days after expiry and stops between the 15th and 16th day")),
        (EcsAutoRenewReleaseAfterExpiryDays, Ecs, "autoRenewReleaseAfterExpiryDays", dated(30, Days, "ECS-12", ECS_AUTO_RENEW_PAGE, Some("2020"),
            "if auto-renewal is on but never succeeds, the instance is released 30 days after expiry")),
        // ECS-12 by default; ECS-15's 2019 schedule is the "ecsAutoRenewal2019" preset.
        (EcsAutoRenewSchedule, Ecs, "autoRenewSchedule", choice(&SCHEDULE_CHOICES, dated(0, Days, "ECS-12", ECS_AUTO_RENEW_PAGE, Some("2020"),
            "the fee is deducted at 08:00:00 UTC+8 nine days before expiry and retried every day until it is paid or the nine days end"))),
        // ECS-15: the 2019 schedule's five attempts (the third on the expiry day itself), at
        // `autoRenewAttemptHour`; used only with the "ecsAutoRenewal2019" preset.
        (EcsAutoRenew2019FirstAttemptDaysBeforeExpiry, Ecs, "autoRenew2019FirstAttemptDaysBeforeExpiry", ecs_2019(3)),
        (EcsAutoRenew2019SecondAttemptDaysBeforeExpiry, Ecs, "autoRenew2019SecondAttemptDaysBeforeExpiry", ecs_2019(1)),
        (EcsAutoRenew2019FourthAttemptDaysAfterExpiry, Ecs, "autoRenew2019FourthAttemptDaysAfterExpiry", ecs_2019(6)),
        (EcsAutoRenew2019FifthAttemptDaysAfterExpiry, Ecs, "autoRenew2019FifthAttemptDaysAfterExpiry", ecs_2019(14)),
        // ECS-5 (seed 004) by default; ECS-16's older reading is "keepInUse".
        (EcsSnapshotsAfterRelease, Ecs, "snapshotsAfterRelease", choice(&SNAPSHOT_CHOICES, period(0, Days, "ECS-5", ECS, None,
            "all snapshots are deleted, including those behind custom images, and those custom images are deleted"))),
    ]
};

/// Most any policy value may be set to: 100 years of its unit's smallest sensible count.
const MAX_VALUE: u64 = 36_500;

/// The presets a caller may name in `policy.preset` (one name, or a list of them).
pub const PRESETS: [(&str, Preset); 2] = [("ecsChinaSite", Preset::EcsChinaSite), ("ecsAutoRenewal2019", Preset::EcsAutoRenewal2019)];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// ECS-14: the China site stops an overdue pay-as-you-go instance at once, with no
    /// deduction retries, and releases it after 15 days.
    EcsChinaSite,
    /// ECS-15: the 2019 auto-renewal schedule (attempts 3 and 1 days before expiry, on
    /// the day, 6 and 14 days after).
    EcsAutoRenewal2019,
}

impl Policies {
    fn apply_preset(&mut self, preset: Preset) {
        if !self.presets.contains(&preset) {
            self.presets.push(preset);
        }
        match preset {
            Preset::EcsChinaSite => {
                let text = "an overdue account's pay-as-you-go ECS stops at once (billing paused while stopped); after 15 days of continuous overdue everything is released or unbound; no T+7/T+14 retries";
                for (policy, value) in [
                    (Policy::EcsSecondDeductionAfterDays, None),
                    (Policy::EcsThirdDeductionAfterDays, None),
                    (Policy::EcsStopAfterDays, Some(0)),
                    (Policy::EcsReleaseAfterStopDays, Some(15)),
                ] {
                    let period = &mut self.periods[policy as usize];
                    *period = Period { value, overridden: true, ..dated(0, period.unit, "ECS-14", ECS_CHINA_OVERDUE_PAGE, None, text) };
                }
            }
            Preset::EcsAutoRenewal2019 => self.choose(Policy::EcsAutoRenewSchedule, AutoRenewSchedule::FiveAttempts2019.name()),
        }
    }

    /// The caller (or a preset) picked the reading `name` of a choice policy: each
    /// reading has its own rule and source.
    fn choose(&mut self, policy: Policy, name: &'static str) {
        let period = &mut self.periods[policy as usize];
        *period = match policy {
            Policy::EcsAutoRenewSchedule if name == AutoRenewSchedule::FiveAttempts2019.name() => choice(&SCHEDULE_CHOICES, ecs_2019(0)),
            Policy::EcsSnapshotsAfterRelease if name == SnapshotsAfterRelease::KeepInUse.name() => choice(&SNAPSHOT_CHOICES, dated(0, Unit::Days, "ECS-16", ECS_BILLING_FAQ_2021_PAGE, Some("2021-04-28"),
                "when an overdue pay-as-you-go instance's resources are released, snapshots that back a disk or a custom image are kept and not charged; the others are deleted")),
            _ => DEFAULTS[policy as usize].3.clone(),
        };
        period.value = period.choices.iter().position(|c| *c == name).map(|i| i as u32);
        period.overridden = true;
    }
}

/// Applies `policy: { preset?, cloudPhone?: { overdueReleaseAfterDays? }, iot?: {...}, ecs?: {...} }`:
/// the presets first (`preset` is one name or a list), then each value the caller sets.
pub fn apply_policy_overrides(policies: &mut Policies, node: &Node<'_>) -> Result<(), Error> {
    let fields = node.object()?;
    fields.only(&["preset", "cloudPhone", "iot", "ecs"])?;
    if let Some(preset) = fields.get("preset") {
        match preset.elements() {
            Ok(list) => {
                for name in list {
                    policies.apply_preset(name.one_of(&PRESETS, ErrorCode::UnknownPreset)?);
                }
            }
            Err(_) => policies.apply_preset(preset.one_of(&PRESETS, ErrorCode::UnknownPreset)?),
        }
    }
    for (name, group) in GROUPS {
        let Some(node) = fields.get(name) else { continue };
        let values = node.object()?;
        let in_group: Vec<Policy> = Policy::all().filter(|p| p.group() == group).collect();
        let keys: Vec<&str> = in_group.iter().map(|p| p.name()).collect();
        values.only(&keys)?;
        for policy in in_group {
            let Some(value) = values.get(policy.name()) else { continue };
            let choices = policies.period(policy).choices;
            if choices.is_empty() {
                let period = &mut policies.periods[policy as usize];
                period.value = Some(value.integer(0, MAX_VALUE)? as u32);
                period.overridden = true;
            } else {
                let named: Vec<(&str, &'static str)> = choices.iter().map(|c| (*c, *c)).collect();
                policies.choose(policy, value.one_of(&named, ErrorCode::UnknownField)?);
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
    fn every_policy_has_exactly_one_default_with_a_rule_and_a_source() {
        let policies = default_policies();
        assert_eq!(policies.periods.len(), DEFAULTS.len());
        for (i, policy) in Policy::all().enumerate() {
            assert_eq!(policy as usize, i, "{}", policy.full_name());
        }
        // A seed file, or a dated page (RULES.md "Beyond the seeds"), never both or neither.
        assert!(policies.periods.iter().all(|p| p.rule.contains('-')
            && !p.text.is_empty()
            && match (p.seed, p.page) {
                (Some(seed), None) => seed.ends_with(".txt"),
                (None, Some(page)) => !page.is_empty(),
                _ => false,
            }));
        assert_eq!(Policy::EcsStopAfterDays.full_name(), "ecs.stopAfterDays");
    }

    #[test]
    fn the_seeds_numbers() {
        let p = default_policies();
        // CP-9 15 days; IOT-5 15 days; IOT-10 9 and 1 days, 1 month; IOT-8 24 h; IOT-9 30 min and 4 h;
        // ECS-3 T+7, T+14; ECS-4 T+15 and 15 more days.
        // Beyond the seeds: CP-14 15 days; ECS-11 15 days; ECS-12 1 month, 9 days, 08:00, 15 and 30 days;
        // ECS-15's attempts 3 and 1 days before expiry, 6 and 14 days after;
        // the choices at their first reading (IOT-28's first two months, IOT-29's cut; ECS-12's
        // schedule, ECS-5's snapshots).
        let values: Vec<Option<u32>> = Policy::all().map(|n| p.get(n)).collect();
        let s = Some;
        assert_eq!(
            values,
            [s(15), s(15), s(1), s(15), s(1), s(9), s(1), s(24), s(30), s(4), s(0), s(0), s(7), s(14), s(15), s(15), s(15), s(1), s(9), s(8), s(15), s(30), s(0), s(3), s(1), s(6), s(14), s(0)]
        );
        assert_eq!(p.period(Policy::CloudPhoneSubscriptionReleaseAfterExpiryDays).rule, "CP-14");
        assert_eq!(p.period(Policy::EcsSubscriptionReleaseAfterExpiryDays).rule, "ECS-11");
        assert_eq!((p.choice(Policy::EcsAutoRenewSchedule), p.choice(Policy::EcsSnapshotsAfterRelease)), ("dailyNineDays", "deleteAll"));
        assert_eq!((p.choice(Policy::IotFreeQuota), p.choice(Policy::IotDailyAmounts)), ("firstTwoMonths", "truncate"));
        // The default reading of each choice is its enum's default: ECS-12's schedule, ECS-5's snapshots.
        assert_eq!((p.chosen::<AutoRenewSchedule>(), p.chosen::<SnapshotsAfterRelease>()), (AutoRenewSchedule::DailyNineDays, SnapshotsAfterRelease::DeleteAll));
    }

    #[test]
    fn a_reading_is_found_by_its_name_not_its_place() {
        // Each choice lists its enum's names, in the enum's order.
        let p = default_policies();
        assert_eq!(p.period(Policy::EcsAutoRenewSchedule).choices, ["dailyNineDays", "fiveAttempts2019"]);
        assert_eq!(p.period(Policy::EcsSnapshotsAfterRelease).choices, ["deleteAll", "keepInUse"]);
        // Named by the caller, each reading comes with its own rule.
        for (json, schedule, rule) in [
            (r#"{"ecs": {"autoRenewSchedule": "fiveAttempts2019"}}"#, AutoRenewSchedule::FiveAttempts2019, "ECS-15"),
            (r#"{"ecs": {"autoRenewSchedule": "dailyNineDays"}}"#, AutoRenewSchedule::DailyNineDays, "ECS-12"),
        ] {
            let mut p = default_policies();
            apply(&mut p, json).unwrap();
            assert_eq!((p.chosen::<AutoRenewSchedule>(), p.period(Policy::EcsAutoRenewSchedule).rule), (schedule, rule), "{json}");
        }
        let mut p = default_policies();
        apply(&mut p, r#"{"ecs": {"snapshotsAfterRelease": "keepInUse"}}"#).unwrap();
        assert_eq!((p.chosen::<SnapshotsAfterRelease>(), p.choice(Policy::EcsSnapshotsAfterRelease)), (SnapshotsAfterRelease::KeepInUse, "keepInUse"));
        assert_eq!(SnapshotsAfterRelease::KeepInUse.name(), "keepInUse");
    }

    #[test]
    fn serializes_nested_by_product() {
        let json = serde_json::to_value(default_policies()).unwrap();
        assert_eq!(json["cloudPhone"]["overdueReleaseAfterDays"]["value"], 15);
        assert_eq!(json["cloudPhone"]["overdueReleaseAfterDays"]["rule"], "CP-9");
        assert_eq!(json["ecs"]["releaseAfterStopDays"]["unit"], "days");
        assert_eq!(json["iot"].as_object().unwrap().len(), 10);
        assert_eq!(json["cloudPhone"]["subscriptionReleaseAfterExpiryDays"]["asOf"], "2025-09-05");
        assert!(json["cloudPhone"]["subscriptionReleaseAfterExpiryDays"].get("seed").is_none());
        assert_eq!(json["cloudPhone"]["overdueReleaseAfterDays"]["seed"], "003_e741d612e9202b56.txt");
        // A choice names its reading and the others, without a unit.
        let schedule = &json["ecs"]["autoRenewSchedule"];
        assert_eq!(schedule["value"], "dailyNineDays");
        assert_eq!(schedule["choices"], serde_json::json!(["dailyNineDays", "fiveAttempts2019"]));
        assert!(schedule.get("unit").is_none());
    }

    #[test]
    fn the_china_site_preset_sets_ecs_14_and_explicit_values_still_win() {
        let mut p = default_policies();
        apply(&mut p, r#"{"preset": "ecsChinaSite"}"#).unwrap();
        // ECS-14: stop at once (0 days), release after 15 days, no T+7/T+14 retries.
        assert_eq!(p.get(Policy::EcsStopAfterDays), Some(0));
        assert_eq!(p.get(Policy::EcsReleaseAfterStopDays), Some(15));
        assert_eq!((p.get(Policy::EcsSecondDeductionAfterDays), p.get(Policy::EcsThirdDeductionAfterDays)), (None, None));
        assert!(p.has_preset(Preset::EcsChinaSite));
        assert!(!default_policies().has_preset(Preset::EcsChinaSite));

        let mut p = default_policies();
        apply(&mut p, r#"{"preset": "ecsChinaSite", "ecs": {"releaseAfterStopDays": 20}}"#).unwrap();
        assert_eq!(p.get(Policy::EcsReleaseAfterStopDays), Some(20));
        // Still the China site: a value set after the preset does not undo it.
        assert!(p.has_preset(Preset::EcsChinaSite));

        let e = apply(&mut default_policies(), r#"{"preset": "chinaSite"}"#).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::UnknownPreset, "preset"));
        let e = apply(&mut default_policies(), r#"{"preset": ["ecsChinaSite", "x"]}"#).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::UnknownPreset, "preset[1]"));
    }

    #[test]
    fn the_2019_preset_and_the_snapshot_option_are_choices_with_their_own_sources() {
        // ECS-15 as a preset, ECS-16 as an option; both with the China site's preset too.
        let mut p = default_policies();
        apply(&mut p, r#"{"preset": ["ecsChinaSite", "ecsAutoRenewal2019"], "ecs": {"snapshotsAfterRelease": "keepInUse"}}"#).unwrap();
        assert!(p.has_preset(Preset::EcsChinaSite) && p.has_preset(Preset::EcsAutoRenewal2019));
        let schedule = p.period(Policy::EcsAutoRenewSchedule);
        assert_eq!((p.choice(Policy::EcsAutoRenewSchedule), schedule.rule, schedule.as_of), ("fiveAttempts2019", "ECS-15", Some("2019-05-30")));
        let snapshots = p.period(Policy::EcsSnapshotsAfterRelease);
        assert_eq!((p.choice(Policy::EcsSnapshotsAfterRelease), snapshots.rule, snapshots.overridden), ("keepInUse", "ECS-16", true));
        let e = apply(&mut default_policies(), r#"{"ecs": {"snapshotsAfterRelease": "keep"}}"#).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::UnknownField, "ecs.snapshotsAfterRelease"));
    }

    /// Applies the overrides written as JSON to `policies`.
    fn apply(policies: &mut Policies, json: &str) -> Result<(), Error> {
        apply_policy_overrides(policies, &Node::root(&Value::from_json_str(json).unwrap(), &Default::default()))
    }

    #[test]
    fn overrides_change_one_value_and_say_so() {
        let mut p = default_policies();
        apply(&mut p, r#"{"ecs": {"stopAfterDays": 3}}"#).unwrap();
        assert_eq!(p.get(Policy::EcsStopAfterDays), Some(3));
        assert!(Policy::all().all(|n| p.period(n).overridden == (n == Policy::EcsStopAfterDays)));

        let e = apply(&mut p, r#"{"ecs": {"stopAfterDay": 3}}"#).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::UnknownField, "ecs.stopAfterDay"));
        assert_eq!(apply(&mut p, r#"{"rds": {}}"#).unwrap_err().code, ErrorCode::UnknownField);
        assert_eq!(apply(&mut p, r#"{"iot": {"trialMonths": -1}}"#).unwrap_err().code, ErrorCode::OutOfRange);
    }
}
