//! The billing rules explained for customers (issue 16): every rule ID of RULES.md in a
//! sentence or two, in the request's language, with the public document it comes from.
//! The texts are templates (`rule.<ID>` and `source.*` in `src/messages.js`); this table
//! says which document each rule comes from. RULES.md stays the specification that the
//! code and tests follow; `catalog({ locale })` gives these, and the page shows them.

use crate::messages::{Key, Locale};
use serde::Serialize;

/// One rule for a customer: `{ id, text, source }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleText {
    /// The rule's ID, as answers cite it ("CP-3").
    pub id: &'static str,
    /// What the rule means for the customer.
    pub text: String,
    /// The public Alibaba Cloud document it comes from (RULES.md names the seed or page).
    pub source: String,
}

/// Every rule ID with its text and its document, in RULES.md's order.
const RULES: [(&str, Key, Key); 63] = [
    ("CP-1", key!("rule.CP-1"), key!("source.cp")),
    ("CP-2", key!("rule.CP-2"), key!("source.cp")),
    ("CP-3", key!("rule.CP-3"), key!("source.cp")),
    ("CP-4", key!("rule.CP-4"), key!("source.cp")),
    ("CP-5", key!("rule.CP-5"), key!("source.cp")),
    ("CP-6", key!("rule.CP-6"), key!("source.cp")),
    ("CP-7", key!("rule.CP-7"), key!("source.cp")),
    ("CP-8", key!("rule.CP-8"), key!("source.cp")),
    ("CP-9", key!("rule.CP-9"), key!("source.cp")),
    ("CP-10", key!("rule.CP-10"), key!("source.cp")),
    ("CP-11", key!("rule.CP-11"), key!("source.cp")),
    ("CP-12", key!("rule.CP-12"), key!("source.cp")),
    ("CP-13", key!("rule.CP-13"), key!("source.cpUnit")),
    ("CP-14", key!("rule.CP-14"), key!("source.cpRenew")),
    ("IOT-1", key!("rule.IOT-1"), key!("source.iotFaq")),
    ("IOT-2", key!("rule.IOT-2"), key!("source.iotFaq")),
    ("IOT-3", key!("rule.IOT-3"), key!("source.iotFaq")),
    ("IOT-4", key!("rule.IOT-4"), key!("source.iotFaq")),
    ("IOT-5", key!("rule.IOT-5"), key!("source.iotFaq")),
    ("IOT-6", key!("rule.IOT-6"), key!("source.iotOverdue")),
    ("IOT-7", key!("rule.IOT-7"), key!("source.iotFaqOverdue")),
    ("IOT-8", key!("rule.IOT-8"), key!("source.iotOverdue")),
    ("IOT-9", key!("rule.IOT-9"), key!("source.iotOverdue")),
    ("IOT-10", key!("rule.IOT-10"), key!("source.iotOverdue")),
    ("IOT-11", key!("rule.IOT-11"), key!("source.iotFaq")),
    ("IOT-12", key!("rule.IOT-12"), key!("source.iotPolicy")),
    ("IOT-13", key!("rule.IOT-13"), key!("source.iotPolicy")),
    ("IOT-14", key!("rule.IOT-14"), key!("source.iotPolicy")),
    ("IOT-15", key!("rule.IOT-15"), key!("source.iotPolicy")),
    ("IOT-16", key!("rule.IOT-16"), key!("source.iotPolicy")),
    ("IOT-17", key!("rule.IOT-17"), key!("source.iotPolicy")),
    ("IOT-18", key!("rule.IOT-18"), key!("source.iotPolicy")),
    ("IOT-19", key!("rule.IOT-19"), key!("source.iotPolicy")),
    ("IOT-20", key!("rule.IOT-20"), key!("source.iotPolicy")),
    ("IOT-21", key!("rule.IOT-21"), key!("source.iotFaqOverdue")),
    ("IOT-22", key!("rule.IOT-22"), key!("source.iotExamples")),
    ("IOT-23", key!("rule.IOT-23"), key!("source.iotEnterprise")),
    ("IOT-24", key!("rule.IOT-24"), key!("source.iotOverview")),
    ("IOT-25", key!("rule.IOT-25"), key!("source.iotFaqGenerations")),
    ("IOT-26", key!("rule.IOT-26"), key!("source.iotConnection")),
    ("IOT-27", key!("rule.IOT-27"), key!("source.iotMessaging")),
    ("IOT-28", key!("rule.IOT-28"), key!("source.iotMessagingConnection")),
    ("IOT-29", key!("rule.IOT-29"), key!("source.iotAccessTw")),
    ("IOT-30", key!("rule.IOT-30"), key!("source.iotOldExamples")),
    ("ECS-1", key!("rule.ECS-1"), key!("source.ecsOverdue")),
    ("ECS-2", key!("rule.ECS-2"), key!("source.ecsOverdue")),
    ("ECS-3", key!("rule.ECS-3"), key!("source.ecsOverdue")),
    ("ECS-4", key!("rule.ECS-4"), key!("source.ecsOverdue")),
    ("ECS-5", key!("rule.ECS-5"), key!("source.ecsOverdue")),
    ("ECS-6", key!("rule.ECS-6"), key!("source.ecsOverdue")),
    ("ECS-7", key!("rule.ECS-7"), key!("source.ecsOverdue")),
    ("ECS-8", key!("rule.ECS-8"), key!("source.ecsOverdue")),
    ("ECS-9", key!("rule.ECS-9"), key!("source.ecsOverdue")),
    ("ECS-10", key!("rule.ECS-10"), key!("source.ecsSubscription")),
    ("ECS-11", key!("rule.ECS-11"), key!("source.ecsSubscription")),
    ("ECS-12", key!("rule.ECS-12"), key!("source.ecsAutoRenew")),
    ("ECS-13", key!("rule.ECS-13"), key!("source.ecsPayAsYouGo")),
    ("ECS-14", key!("rule.ECS-14"), key!("source.ecsChina")),
    ("ECS-15", key!("rule.ECS-15"), key!("source.ecsAutoRenew2019")),
    ("ECS-16", key!("rule.ECS-16"), key!("source.ecsBillingFaq2021")),
    ("SITE-1", key!("rule.SITE-1"), key!("source.sites")),
    ("SITE-2", key!("rule.SITE-2"), key!("source.sitePrices")),
    ("SITE-3", key!("rule.SITE-3"), key!("source.iso4217")),
];

/// Every rule, explained in the request's language.
pub fn rule_texts(locale: Locale) -> Vec<RuleText> {
    RULES.iter().map(|&(id, text, source)| RuleText { id, text: text.render(locale), source: source.render(locale) }).collect()
}
