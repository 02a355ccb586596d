//! simulateAccount and simulateLifecycle for a legacy public instance billed by connection
//! minutes and messages (issue 32, deliverable 5: IOT-25..IOT-30 per day, like IOT-18's
//! generation). Every amount and moment is worked out by hand in the comments.
//!
//! Doc 73701's fleet: 10,000 devices online 8 hours a day, one message of at most 512 bytes
//! a minute. A day: 10,000 x 8 x 60 = 4,800,000 messages (one 512-byte unit each, IOT-27)
//! and 10,000 x 480 = 4,800,000 connection minutes (IOT-30). USD prices: messages 0.5 per
//! million up to 100,000,000 in the month, 0.4 above; minutes 0.3 per million (IOT-26).
//!
//! Without the free quota (no activation date, IOT-28), each month:
//! - minutes every day: 4.8 x 0.3 = 1.44;
//! - days 1..20: the month's total reaches 20 x 4.8M = 96,000,000, all in the first tier:
//!   4.8 x 0.5 = 2.40, so 3.84 a day;
//! - day 21 crosses 100,000,000 (96,000,000 -> 100,800,000): 4,000,000 x 0.5/M = 2.00 plus
//!   800,000 x 0.4/M = 0.32, so 2.32 + 1.44 = 3.76;
//! - days 22 on: 4.8 x 0.4 = 1.92, so 3.36 a day.
//!
//! A 30-day month: 20 x 3.84 + 3.76 + 9 x 3.36 = 76.80 + 3.76 + 30.24 = 110.80, doc 73701's
//! 67.6 + 43.2. The bill of a day is deducted when it ends, 00:00 UTC+8 (IOT-18's precedent).
mod common;

use alicloud_cost::decode::Value;
use alicloud_cost::ErrorCode;
use serde_json::{json, Value as Json};

fn account(request: &Json) -> Json {
    let text = request.to_string();
    let value = Value::from_json_str(&text).expect("request JSON");
    let result = alicloud_cost::simulate_account(&value).unwrap_or_else(|e| panic!("{}: {}", e.path, e.message));
    serde_json::to_value(result).unwrap()
}

fn account_error(request: &Json) -> (ErrorCode, String, String) {
    let text = request.to_string();
    let value = Value::from_json_str(&text).expect("request JSON");
    let e = alicloud_cost::simulate_account(&value).expect_err("an error");
    (e.code, e.path.clone(), e.message.clone())
}

fn lifecycle(request: &Json) -> Json {
    common::lifecycle_json(&request.to_string())
}

fn doc_73701() -> Json {
    json!({ "fleet": { "devices": 10000, "onlineHoursPerDay": 8, "messages": [{ "every": { "minutes": 1 }, "bytes": 512 }] } })
}

fn generation(extra: Json) -> Json {
    let mut item = json!({ "product": "iot", "instance": "legacyPublic", "pricing": "connectionAndMessages", "usage": doc_73701() });
    item.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    item
}

/// (at, event) of an item's entries.
fn events_of(result: &Json, item: Option<i64>) -> Vec<(String, String)> {
    result["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["item"].as_i64() == item || (item.is_none() && e.get("item").is_none()))
        .map(|e| (e["at"].as_str().unwrap().to_string(), e["event"].as_str().unwrap().to_string()))
        .collect()
}

fn entry<'a>(result: &'a Json, event: &str) -> &'a Json {
    result["timeline"].as_array().unwrap().iter().rev().find(|e| e["event"] == event).unwrap_or_else(|| panic!("no {event}"))
}

fn codes(result: &Json) -> Vec<String> {
    result["warnings"].as_array().unwrap().iter().map(|w| w["code"].as_str().unwrap().to_string()).collect()
}

#[test]
fn doc_73701_fleet_overdue_at_the_first_daily_bill_the_credit_cannot_pay() {
    // USD 80 pays days 1..20 (20 x 3.84 = 76.80, 3.20 left); day 21's bill of 3.76 (the tier
    // crossing) is the first it cannot pay: overdue when Nov 21 ends, Nov 22 00:00, owing 0.56.
    // The continuous use meets the credit during day 21: 3.20 / 3.76 x 86,400 s = 73,531.9 s,
    // in its 73,532nd second: 20:25:32. IOT-8: stopped 24 hours later, Nov 23 00:00, after
    // Nov 22's bill of 3.36 (owing 3.92); a stopped instance bills nothing more.
    let request = json!({ "start": "2026-11-01", "until": "2026-12-03", "account": { "balance": "80" }, "items": [generation(json!({}))] });
    let result = account(&request);
    assert_eq!(result["creditRunsOutAt"], "2026-11-21T20:25:32+08:00");
    assert_eq!(result["firstInterruption"], json!({ "at": "2026-11-23T00:00:00+08:00", "item": 0, "event": "stopped" }));
    assert_eq!(result["lastSafeMoment"], "2026-11-22T23:59:59+08:00");
    assert_eq!(
        events_of(&result, Some(0)),
        [("2026-11-01T00:00:00+08:00", "created"), ("2026-11-22T00:00:00+08:00", "overdue"), ("2026-11-23T00:00:00+08:00", "stopped")]
            .map(|(a, e)| (a.to_string(), e.to_string()))
    );
    let overdue = &result["timeline"][2];
    assert_eq!((overdue["event"].as_str(), overdue["credit"].as_str()), (Some("overdue"), Some("-0.56")));
    assert_eq!(entry(&result, "stopped")["credit"], "-3.92");
    assert_eq!(entry(&result, "stopped")["rules"], json!(["IOT-8", "IOT-9", "IOT-21"]));
    assert_eq!(result["items"][0]["billed"], "83.92");
    assert_eq!(result["finalCredit"], "-3.92");
    // With unlimited credit: November's 110.80, then December starts again at the first tier:
    // Dec 1 and Dec 2 at 3.84 each. 110.80 + 7.68 = 118.48, less the 80: 38.48.
    assert_eq!(result["keepRunning"]["topUp"], "38.48");
    // The description and the warnings for a person (IOT-27, IOT-29; IOT-28 without a date).
    assert_eq!(
        result["items"][0]["description"],
        "IoT Platform legacy public instance billed by connection minutes and messages: the same usage every day, 4,800,000 billable messages and 4,800,000 connection minutes; USD 3.84 for a day at the start of a month, free quota aside"
    );
    assert_eq!(codes(&result), ["daily_settlement", "free_quota_not_applied", "overdue_effect_disputed"]);
    assert!(result["warnings"][0]["message"].as_str().unwrap().contains("each cut to cents"), "{}", result["warnings"][0]);
}

#[test]
fn the_same_account_in_chinese() {
    let request = json!({ "locale": "zh-CN", "start": "2026-11-01", "until": "2026-12-03", "account": { "balance": "80" }, "items": [generation(json!({}))] });
    let result = account(&request);
    assert_eq!(result["items"][0]["billed"], "83.92");
    assert_eq!(
        result["items"][0]["description"],
        "物联网平台旧版公共实例，按连接时长和消息通信计费：每天用量相同，4,800,000 条计费消息、4,800,000 分钟连接时长；不计免费额度时，月初一天为 USD 3.84"
    );
    let daily = result["warnings"][0]["message"].as_str().unwrap();
    assert!(daily.starts_with("按天结算（IOT-29）") && daily.contains("各自截位（舍去）到分"), "{daily}");
    assert!(result["warnings"][1]["message"].as_str().unwrap().starts_with("未给出开通日期"));
}

#[test]
fn a_day_that_crosses_the_tier_is_cut_and_one_cent_decides_the_overdue_day() {
    // From Nov 2 00:00, with Nov 1 already counted (monthToDate: 4,800,001 messages, one more than
    // a day, and 4,800,000 minutes). The running total before Nov d is 4,800,001 + 4.8M x (d - 2):
    // Nov 2..20 (19 days) stay in the first tier, 3.84 each = 72.96. Nov 21 goes from 96,000,001
    // to 100,800,001: 3,999,999 x 0.5/M = 1.9999995 and 800,001 x 0.4/M = 0.3200004, together
    // 2.3199999, cut to 2.31 (IOT-29); with its minutes' 1.44, 3.75. Nov 22 on: 3.36.
    // USD 76.71 leaves 3.75 after Nov 20: Nov 21's 3.75 is paid (a bill equal to the credit is),
    // and Nov 22's 3.36 is the first it cannot pay: overdue Nov 23 00:00.
    let item = generation(json!({ "monthToDate": { "messages": 4_800_001, "connectionMinutes": 4_800_000 } }));
    let request = json!({ "start": "2026-11-02", "until": "2026-11-25", "account": { "balance": "76.71" }, "items": [item] });
    let result = account(&request);
    assert_eq!(result["firstInterruption"]["at"], "2026-11-24T00:00:00+08:00");
    let overdue = &result["timeline"][2];
    assert_eq!((overdue["at"].as_str(), overdue["event"].as_str(), overdue["credit"].as_str()), (Some("2026-11-23T00:00:00+08:00"), Some("overdue"), Some("-3.36")));
    // Rounded half up instead (a policy), Nov 21 is 2.32 + 1.44 = 3.76, more than the 3.75 left:
    // overdue a day earlier, owing 0.01.
    let mut half_up = request.clone();
    half_up["policy"] = json!({ "iot": { "dailyAmounts": "halfUp" } });
    let result = account(&half_up);
    let overdue = &result["timeline"][2];
    assert_eq!((overdue["at"].as_str(), overdue["event"].as_str(), overdue["credit"].as_str()), (Some("2026-11-22T00:00:00+08:00"), Some("overdue"), Some("-0.01")));
    assert!(result["warnings"][0]["message"].as_str().unwrap().contains("each rounded half up to cents"), "{}", result["warnings"][0]);
}

#[test]
fn the_free_quota_of_the_two_months_after_activation() {
    // Activated Nov 1 (IOT-28): November and December have 1,000,000 free messages and minutes,
    // used by their first day: Nov 1 bills 3.8M x 0.5/M = 1.90 and 3.8M x 0.3/M = 1.14, 3.04;
    // the free units sit in the first tier, so day 21 still crosses it: November 110.80 - 0.80 =
    // 110.00. December (31 days): 3.04 + 19 x 3.84 + 3.76 + 10 x 3.36 = 113.36. January has no
    // free quota: Jan 1 at 3.84. keepRunning from nothing to Jan 2: 110.00 + 113.36 + 3.84 = 227.20.
    let request = json!({ "start": "2026-11-01", "until": "2027-01-02", "account": { "balance": "0" }, "items": [generation(json!({ "activated": "2026-11-01" }))] });
    let result = account(&request);
    assert_eq!(result["keepRunning"]["topUp"], "227.20");
    assert_eq!(codes(&result)[1], "free_quota_months");
    assert_eq!(
        result["warnings"][1]["message"],
        "IoT Platform was first activated on 2026-11-01: 2026-11 and 2026-12 have the free quota of 1,000,000 messages and 1,000,000 connection minutes each, used by their first days; later months have none (IOT-28)."
    );
    // With USD 3.04 the first day is paid exactly; the second day's 3.84 is not: overdue Nov 3 00:00.
    let mut request = request;
    request["account"] = json!({ "balance": "3.04" });
    let result = account(&request);
    assert_eq!(result["timeline"][2]["at"], "2026-11-03T00:00:00+08:00");
    assert_eq!(result["timeline"][2]["credit"], "-3.84");
}

#[test]
fn the_japan_site_in_whole_yen_with_the_free_quota_every_month() {
    // SITE-2: JPY 56 and 45 per million messages, 34 per million minutes; IOT-29 cuts each to the
    // yen; the Japan page's reading of IOT-28 (everyMonth, a policy). Day 1: 3.8M x 56 = 212.8 ->
    // 212, 3.8M x 34 = 129.2 -> 129: 341. Days 2..20: 268.8 -> 268 and 163.2 -> 163: 431. Day 21:
    // 4M x 56 = 224 + 0.8M x 45 = 36, 260, and 163: 423. Days 22 on: 216 + 163 = 379. November:
    // 341 + 19 x 431 + 423 + 9 x 379 = 12,364, the Japanese doc 73701's day-by-day figure.
    // JPY 10,000: 10,000 - 341 - 8,189 - 423 = 1,047 after Nov 21; Nov 22 and 23 (379 each) leave
    // 289; Nov 24's 379 is the first bill it cannot pay: overdue Nov 25 00:00, owing 90.
    let request = json!({
        "site": "japan", "start": "2026-11-01", "until": "2026-12-01", "account": { "balance": "10000" },
        "policy": { "iot": { "freeQuota": "everyMonth" } }, "items": [generation(json!({}))],
    });
    let result = account(&request);
    assert_eq!(result["currency"], "JPY");
    let overdue = &result["timeline"][2];
    assert_eq!((overdue["at"].as_str(), overdue["event"].as_str(), overdue["credit"].as_str()), (Some("2026-11-25T00:00:00+08:00"), Some("overdue"), Some("-90")));
    // Unlimited: 12,364 in November, less the 10,000: 2,364, in whole yen.
    assert_eq!(result["keepRunning"]["topUp"], "2364");
    assert!(result["items"][0]["description"].as_str().unwrap().ends_with("JPY 431 for a day at the start of a month, free quota aside"));
    assert_eq!(codes(&result)[1], "free_quota_months");
    assert!(result["warnings"][0]["message"].as_str().unwrap().contains("each cut to whole yen"), "{}", result["warnings"][0]);
}

#[test]
fn a_price_the_site_does_not_publish_is_an_error_at_the_item() {
    // SITE-1: the China site publishes no CNY minute price.
    let request = json!({ "site": "china", "start": "2026-11-01", "account": { "balance": "80" }, "items": [generation(json!({}))] });
    let (code, path, message) = account_error(&request);
    assert_eq!((code, path.as_str()), (ErrorCode::PriceNotPublished, "items[0]"));
    assert!(message.contains("catalog.iot.connectionAndMessages.minutePrice"), "{message}");
    // With the caller's CNY price: messages 4.8 x 1.8 = 8.64 a day, minutes 4.8 x 1.2 = 5.76: 14.40.
    let mut priced = request.clone();
    priced["catalog"] = json!({ "iot": { "connectionAndMessages": { "minutePrice": "1.2" } } });
    let result = account(&priced);
    assert_eq!(result["currency"], "CNY");
    assert!(result["items"][0]["description"].as_str().unwrap().ends_with("CNY 14.40 for a day at the start of a month, free quota aside"));
    assert!(codes(&result).contains(&"caller_price".to_string()));
    // Usage before the activation: the tariff's date_out_of_period, at the item's activated.
    let request = json!({ "start": "2026-11-01", "account": { "balance": "80" }, "items": [generation(json!({ "activated": "2027-01-05" }))] });
    let (code, path, _) = account_error(&request);
    assert_eq!((code, path.as_str()), (ErrorCode::DateOutOfPeriod, "items[0].activated"));
    // A usage given day by day cannot repeat.
    let item = json!({ "product": "iot", "instance": "legacyPublic", "pricing": "connectionAndMessages", "usage": { "days": [{ "messages": [] }] } });
    let (code, path, _) = account_error(&json!({ "start": "2026-11-01", "account": { "balance": "80" }, "items": [item] }));
    assert_eq!((code, path.as_str()), (ErrorCode::NotSupported, "items[0].usage.days"));
    // The next call works.
    assert_eq!(account(&json!({ "start": "2026-11-01", "until": "2026-11-02", "account": { "balance": "80" }, "items": [generation(json!({}))] }))["finalCredit"], "76.16");
}

#[test]
fn a_lifecycle_of_the_generation_stops_and_is_restored() {
    // simulateLifecycle of the same instance: overdue Nov 22 00:00 and stopped Nov 23 00:00 as in
    // the account (owing 3.92). USD 20 on Nov 25 at 10:00 settles it (16.08 left) and IOT-9
    // restores it within 30 minutes, at 10:30. Its use then: the 13.5 hours left of Nov 25 at
    // 3.36 a day, 1.89, and Nov 26..29, 4 x 3.36 = 13.44: 16.08 - 15.33 = 0.75 on Nov 30.
    // Billed: 80 + 3.92 + 15.33 = 99.25.
    let request = json!({
        "product": "iot", "resource": { "instance": "legacyPublic", "pricing": "connectionAndMessages", "usage": doc_73701() },
        "start": "2026-11-01", "until": "2026-11-30", "account": { "balance": "80" },
        "events": [{ "at": "2026-11-25T10:00:00+08:00", "type": "topUp", "amount": "20" }],
    });
    let result = lifecycle(&request);
    assert_eq!(
        events_of(&result, None),
        [
            ("2026-11-01T00:00:00+08:00", "created"),
            ("2026-11-22T00:00:00+08:00", "overdue"),
            ("2026-11-23T00:00:00+08:00", "stopped"),
            ("2026-11-25T10:00:00+08:00", "topUp"),
            ("2026-11-25T10:30:00+08:00", "restored"),
            ("2026-11-30T00:00:00+08:00", "horizonEnd"),
        ]
        .map(|(a, e)| (a.to_string(), e.to_string()))
    );
    assert_eq!(entry(&result, "topUp")["credit"], "16.08");
    assert_eq!(entry(&result, "horizonEnd")["credit"], "0.75");
    assert_eq!(result["billed"], "99.25");
    assert_eq!(entry(&result, "overdue")["rules"], json!(["IOT-8", "IOT-9", "IOT-18", "IOT-21"]));
}

#[test]
fn a_lifecycle_refuses_what_does_not_go_together() {
    let resource = json!({ "instance": "legacyPublic", "pricing": "connectionAndMessages", "usage": doc_73701() });
    let error = |request: Json| {
        let e = common::lifecycle_error(&request.to_string());
        (e.code, e.path.clone())
    };
    // The usage prices each day: no rate besides.
    let both = json!({ "product": "iot", "resource": resource, "start": "2026-11-01", "costPerDay": "3" });
    assert_eq!(error(both), (ErrorCode::NotSupported, "costPerDay".to_string()));
    // A usage without the generation's pricing.
    let unpriced = json!({ "product": "iot", "resource": { "instance": "legacyPublic", "usage": doc_73701() }, "start": "2026-11-01" });
    assert_eq!(error(unpriced), (ErrorCode::MissingField, "resource.pricing".to_string()));
    // A catalog for a resource it does not price.
    let catalog = json!({ "product": "iot", "resource": { "instance": "legacyPublic" }, "start": "2026-11-01", "costPerDay": "3", "catalog": { "iot": { "messagePrice": "1" } } });
    assert_eq!(error(catalog), (ErrorCode::NotSupported, "catalog".to_string()));
    // Days cannot repeat.
    let days = json!({ "product": "iot", "resource": { "instance": "legacyPublic", "pricing": "connectionAndMessages", "usage": { "days": [{ "messages": [] }] } }, "start": "2026-11-01" });
    assert_eq!(error(days), (ErrorCode::NotSupported, "resource.usage".to_string()));
    // China: no CNY minute price, at the resource.
    let china = json!({ "site": "china", "product": "iot", "resource": resource, "start": "2026-11-01" });
    assert_eq!(error(china), (ErrorCode::PriceNotPublished, "resource".to_string()));
}
