//! simulateAccount: one credit for a whole setup (issue 18). Expected moments and
//! amounts are worked out by hand in the comments; deadlines are checked at N-1, N and
//! N+1 seconds; a single-item account agrees with simulateLifecycle on every date.
mod common;

use alicloud_cost::decode::Value;
use alicloud_cost::ErrorCode;
use common::lifecycle_json;
use serde_json::{json, Value as Json};

fn account(request: &Json) -> Json {
    let text = request.to_string();
    let value = Value::from_json_str(&text).expect("request JSON");
    let result = alicloud_cost::simulate_account(&value).unwrap_or_else(|e| panic!("{}: {}", e.path, e.message));
    serde_json::to_value(result).unwrap()
}

fn error(request: &Json) -> (ErrorCode, String) {
    let text = request.to_string();
    let value = Value::from_json_str(&text).expect("request JSON");
    let e = alicloud_cost::simulate_account(&value).expect_err("an error");
    (e.code, e.path.clone())
}

/// (at, item, event) of every timeline entry; item -1 for the account's own.
fn steps(result: &Json) -> Vec<(String, i64, String)> {
    result["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["at"].as_str().unwrap().to_string(), e["item"].as_i64().unwrap_or(-1), e["event"].as_str().unwrap().to_string()))
        .collect()
}

fn at_of(result: &Json, item: i64, event: &str) -> Option<String> {
    steps(result).into_iter().find(|(_, i, e)| *i == item && e == event).map(|(at, _, _)| at)
}

fn phones(quantity: u64) -> Json {
    json!({"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland", "billing": "payAsYouGo", "quantity": quantity})
}

fn ecs_per_hour(price: &str) -> Json {
    json!({"product": "ecs", "billing": "payAsYouGo", "prices": {"instance": price}})
}

#[test]
fn two_phones_go_overdue_at_the_first_hourly_deduction_the_credit_cannot_pay() {
    // 2 x 0.0457 = 0.0914 an hour, deducted on the hour (CP-13). USD 10 pays 109 hourly
    // deductions (109 x 0.0914 = 9.9626, leaving 0.0374); the 110th, at Dec 1 00:00 + 110 h =
    // Dec 5 14:00 (UTC+8), is the first it cannot pay: overdue then (CP-4). The continuous
    // spend meets the credit earlier: 36,000 / 0.0914 = 393,873.09 s, in the 393,874th second,
    // Dec 5 13:24:34 (creditRunsOutAt). CP-9: released on day 16, 15 days after the overdue
    // moment, Dec 20 14:00, with the data.
    let request = json!({"start": "2026-12-01", "account": {"balance": "10"}, "items": [phones(2)]});
    let result = account(&request);
    assert_eq!(result["creditRunsOutAt"], "2026-12-05T13:24:34+08:00");
    assert_eq!(result["firstInterruption"], json!({"at": "2026-12-05T14:00:00+08:00", "item": 0, "event": "overdue"}));
    assert_eq!(result["lastSafeMoment"], "2026-12-05T13:59:59+08:00");
    assert_eq!(result["items"][0]["dataDeletedAt"], "2026-12-20T14:00:00+08:00");
    assert_eq!(result["items"][0]["finalState"], "released");
    // Billed up to the moment of overdue (CP-4): 110 h x 0.0914 = 10.054 -> 10.05, of which
    // 0.054 is owed.
    assert_eq!(result["items"][0]["billed"], "10.05");
    assert_eq!(result["billed"], "10.05");
    assert_eq!(result["finalCredit"], "-0.05");
    assert_eq!(at_of(&result, -1, "overdue").as_deref(), Some("2026-12-05T14:00:00+08:00"));
}

#[test]
fn the_deadline_is_checked_one_second_either_side() {
    // Same account, ending at N-1, N and N+1 seconds around the 14:00 deduction.
    let at = |until: &str| account(&json!({"start": "2026-12-01", "until": until, "account": {"balance": "10"}, "items": [phones(2)]}));
    let before = at("2026-12-05T13:59:59+08:00");
    assert_eq!(before["creditRunsOutAt"], Json::Null);
    assert_eq!(before["items"][0]["finalState"], "running");
    let on = at("2026-12-05T14:00:00+08:00");
    assert_eq!(on["creditRunsOutAt"], "2026-12-05T13:24:34+08:00");
    assert_eq!(on["items"][0]["finalState"], "overdue");
    let after = at("2026-12-05T14:00:01+08:00");
    assert_eq!(after["items"][0]["finalState"], "overdue");
    // The release, 15 days later: still overdue one second before, released at N.
    let release = |until: &str| at(until)["items"][0]["finalState"].as_str().unwrap().to_string();
    assert_eq!(release("2026-12-20T13:59:59+08:00"), "overdue");
    assert_eq!(release("2026-12-20T14:00:00+08:00"), "released");
    assert_eq!(release("2026-12-20T14:00:01+08:00"), "released");
}

#[test]
fn one_credit_makes_every_item_overdue_at_once_and_each_follows_its_own_rules() {
    // ECS at USD 1 an hour and one phone at 0.0457: together 1.0457 an hour, deducted on the
    // hour (ECS-13, CP-13). USD 10 pays 9 deductions (9.4113, leaving 0.5887); the 10:00
    // deduction fails: the whole account is overdue at 10:00 (ECS-1). The continuous spend
    // meets the credit at 36,000 / 1.0457 = 34,426.70 s: in the 34,427th second, 09:33:47.
    // The Enterprise Edition subscription was bought before (alreadyPaid).
    let request = json!({"start": "2026-12-01", "until": "2027-01-15", "account": {"balance": "10"}, "subscriptions": "alreadyPaid",
        "items": [ecs_per_hour("1"), phones(1), {"product": "iot", "instance": "enterprise", "months": 3, "monthlyPrice": "20"}]});
    let result = account(&request);
    let t = "2026-12-01T10:00:00+08:00";
    assert_eq!(result["creditRunsOutAt"], "2026-12-01T09:33:47+08:00");
    for item in 0..3 {
        assert_eq!(at_of(&result, item, "overdue").as_deref(), Some(t), "item {item}");
    }
    // The phone loses service at T (CP-9); ECS keeps running (ECS-3), the subscription
    // keeps serving (IOT-6).
    assert_eq!(result["firstInterruption"]["item"], 1);
    // ECS-3: deductions retried at T+7 and T+14 days; ECS-4: stopped at T+15, released
    // 15 days after that, T+30: Dec 31 10:00.
    assert_eq!(at_of(&result, 0, "deductionRetry").as_deref(), Some("2026-12-08T10:00:00+08:00"));
    assert_eq!(at_of(&result, 0, "stopped").as_deref(), Some("2026-12-16T10:00:00+08:00"));
    assert_eq!(result["items"][0]["dataDeletedAt"], "2026-12-31T10:00:00+08:00");
    // CP-9: the phone is released on day 16, T+15.
    assert_eq!(result["items"][1]["dataDeletedAt"], "2026-12-16T10:00:00+08:00");
    // The Enterprise Edition instance serves to its expiry, Mar 1 (beyond until).
    assert_eq!(result["items"][2]["finalState"], "overdue");
    assert_eq!(result["items"][2]["prepaid"], "60.00");
    assert_eq!(result["items"][2]["purchase"], "alreadyPaid");
    // ECS bills from start until it stops at T+15: 15 days + 10 h = 370 h at USD 1 = 370.00;
    // the phone only to the overdue moment: 10 h x 0.0457 = 0.457 -> 0.46.
    assert_eq!(result["items"][0]["billed"], "370.00");
    assert_eq!(result["items"][1]["billed"], "0.46");
    // Each item's own entries: the Enterprise Edition subscription has no pay-as-you-go
    // part, so no deduction is retried on it and no billing ceases on it.
    let own: Vec<String> = steps(&result).into_iter().filter(|(_, i, _)| *i == 2).map(|(_, _, e)| e).collect();
    assert_eq!(own, ["created", "overdue"]);
}

/// The rules the account's own overdue entry cites.
fn account_overdue_rules(result: &Json) -> Json {
    let entry = result["timeline"].as_array().unwrap().iter().find(|e| e["item"].is_null() && e["event"] == "overdue");
    entry.expect("the account's overdue entry")["rules"].clone()
}

#[test]
fn the_accounts_overdue_entry_cites_each_products_own_rule() {
    // Phones alone: seed 003's overdue rule, CP-9 (ECS-1 is seed 004's, ECS's alone).
    let phones_only = account(&json!({"start": "2026-12-01", "account": {"balance": "10"}, "items": [phones(2)]}));
    assert_eq!(account_overdue_rules(&phones_only), json!(["CP-9"]));
    // A legacy public IoT instance, 2,000,000 messages a day at Basic's USD 1.60 (the
    // first day 0.80, IOT-17): USD 1.00 pays Dec 1 and not Dec 2, so the account is
    // overdue when Dec 2 ends: seed 001's rule for a legacy public instance, IOT-8.
    let iot_only = account(&json!({"start": "2026-12-01", "until": "2026-12-05", "account": {"balance": "1"},
        "items": [{"product": "iot", "instance": "legacyPublic", "edition": "basic",
                   "usage": {"perDay": {"messages": [{"bytes": 100, "count": 2000000}]}}}]}));
    assert_eq!(at_of(&iot_only, -1, "overdue").as_deref(), Some("2026-12-03T00:00:00+08:00"));
    assert_eq!(account_overdue_rules(&iot_only), json!(["IOT-8"]));
    // ECS, a phone, an Enterprise Edition instance: each product's rule once, in item order.
    let mixed = account(&json!({"start": "2026-12-01", "until": "2026-12-05", "account": {"balance": "10"}, "subscriptions": "alreadyPaid",
        "items": [ecs_per_hour("1"), phones(1), ecs_per_hour("2"), {"product": "iot", "instance": "enterprise", "months": 3, "monthlyPrice": "20"}]}));
    assert_eq!(account_overdue_rules(&mixed), json!(["ECS-1", "CP-9", "IOT-6"]));
}

#[test]
fn subscriptions_are_bought_at_start_from_the_credit_and_a_credit_too_small_is_said_first() {
    // Issue 31's account: balance 500; 10 acp.std.large phones pay-as-you-go for 200 h
    // (10 x 0.0808 = 0.808 an hour, deducted on the hour, CP-13: 200 x 0.808 = 161.60; 200 h
    // is 50 whole 4-hour periods, so nothing more at the release, CP-3); a 12-month ECS
    // subscription at 45.50 a month: 12 x 45.50 = 546.00. USD 500 cannot buy it: refused,
    // it never runs, and the first warning says so. The phones alone: 500 - 161.60 = 338.40.
    let items = json!([
        {"product": "cloudPhone", "spec": "acp.std.large", "region": "mainland", "billing": "payAsYouGo", "hours": 200, "quantity": 10},
        {"product": "ecs", "billing": "subscription", "months": 12, "prices": {"instance": "45.50"}}]);
    let result = account(&json!({"start": "2026-12-01", "until": "2026-12-31", "account": {"balance": "500"}, "items": items}));
    assert_eq!(result["subscriptions"], "buyAtStart");
    assert_eq!(result["warnings"][0]["code"], "purchase_refused");
    assert_eq!(result["warnings"][0]["message"], "The balance and coupons (USD 500.00) cannot buy these subscriptions at the start, so they are not bought and never run: 2. ECS instance x 1, subscription for 12 months (USD 546.00). Top up, or say that they are already bought (subscriptions: \"alreadyPaid\").");
    let ecs = &result["items"][1];
    assert_eq!((ecs["prepaid"].as_str(), ecs["purchase"].as_str(), ecs["finalState"].as_str(), ecs["billed"].as_str()), (Some("546.00"), Some("refused"), Some("notPurchased"), Some("0.00")));
    assert_eq!(steps(&result)[1..3], [
        ("2026-12-01T00:00:00+08:00".to_string(), 0, "created".to_string()),
        ("2026-12-01T00:00:00+08:00".to_string(), 1, "purchaseRefused".to_string()),
    ]);
    assert_eq!(result["items"][0]["billed"], "161.60");
    assert_eq!(result["prepaid"], "0.00");
    assert_eq!(result["finalCredit"], "338.40");
    // Everything paid when due: 546.00 at the start + 161.60 = 707.60, less 500 = 207.60.
    assert_eq!(result["keepRunning"]["topUp"], "207.60");

    // With 600: bought at the start (600 - 546 = 54.00 left), then the phones run out of it:
    // 54 / 0.808 = 66.8 deductions: the 67th, at 67 h = Dec 3 19:00, fails.
    let result = account(&json!({"start": "2026-12-01", "until": "2026-12-31", "account": {"balance": "600"}, "items": items}));
    assert!(result["warnings"].as_array().unwrap().iter().all(|w| w["code"] != "purchase_refused"));
    assert_eq!((result["items"][1]["purchase"].as_str(), result["prepaid"].as_str()), (Some("bought"), Some("546.00")));
    let created = result["timeline"].as_array().unwrap().iter().find(|e| e["item"] == 1).unwrap();
    assert_eq!(created["credit"], "54.00");
    assert_eq!(at_of(&result, -1, "overdue").as_deref(), Some("2026-12-03T19:00:00+08:00"));
    assert_eq!(result["keepRunning"]["topUp"], "107.60");

    // Already bought: nothing of the 546.00 leaves the credit (today's reading, issue 18).
    let result = account(&json!({"start": "2026-12-01", "until": "2026-12-31", "account": {"balance": "500"}, "items": items, "subscriptions": "alreadyPaid"}));
    assert_eq!((result["items"][1]["purchase"].as_str(), result["items"][1]["finalState"].as_str()), (Some("alreadyPaid"), Some("running")));
    assert_eq!(result["finalCredit"], "338.40");
    assert_eq!(result["keepRunning"]["topUp"], "0.00");
}

#[test]
fn iot_daily_bills_use_the_free_quota_first_and_fail_when_the_day_ends() {
    // Basic edition, 2,000,000 messages of 100 bytes a day: 2,000,000 billable a day
    // (IOT-15). Dec 1 uses the month's 1,000,000 free (IOT-17): 1,000,000 x 0.8 / 1e6 =
    // USD 0.80; later days USD 1.60 (IOT-16). USD 3.00: Dec 1 leaves 2.20, Dec 2 leaves
    // 0.60, which lasts 0.60 / 1.60 x 24 h = 9 h into Dec 3. The day's bill fails when
    // Dec 3 ends (IOT-18): overdue Dec 4 00:00; the service stops 24 h later (IOT-8).
    let request = json!({"start": "2026-12-01", "until": "2026-12-10", "account": {"balance": "3"},
        "items": [{"product": "iot", "instance": "legacyPublic", "edition": "basic",
                   "usage": {"perDay": {"messages": [{"bytes": 100, "count": 2000000}]}}}]});
    let result = account(&request);
    assert_eq!(result["creditRunsOutAt"], "2026-12-03T09:00:00+08:00");
    assert_eq!(at_of(&result, -1, "overdue").as_deref(), Some("2026-12-04T00:00:00+08:00"));
    assert_eq!(at_of(&result, 0, "stopped").as_deref(), Some("2026-12-05T00:00:00+08:00"));
    assert_eq!(result["firstInterruption"]["at"], "2026-12-05T00:00:00+08:00");
    // Billed Dec 1 to Dec 4 (the stop): 0.80 + 3 x 1.60 = 5.60.
    assert_eq!(result["items"][0]["billed"], "5.60");
}

#[test]
fn a_pro_items_device_management_rounded_per_day_is_shown_against_the_days_rated_whole() {
    // 15 living devices every day, no message: 10 free a day (IOT-19), 5 x 0.003 = 0.015 a
    // day, rounded half-up to 0.02. November's 30 days: 30 x 0.02 = 0.60 billed; rated at
    // once, 150 device-days x 0.003 = 0.45: the daily_rounding warning `quote` gives for
    // the same month (tests/iot_quote.rs, iot19_...), citing IOT-19.
    let pro = |living: u64| json!({"product": "iot", "instance": "legacyPublic", "edition": "pro", "usage": {"perDay": {"messages": [], "livingDevices": living}}});
    let rounding = |result: &Json| result["warnings"].as_array().unwrap().iter().find(|w| w["code"] == "daily_rounding").cloned();
    let month = account(&json!({"start": "2026-11-01", "until": "2026-12-01", "account": {"balance": "100"}, "items": [pro(15)]}));
    assert_eq!(month["items"][0]["billed"], "0.60");
    let warning = rounding(&month).expect("the daily rounding is shown");
    assert_eq!(warning["rules"], json!(["IOT-19"]));
    let text = warning["message"].as_str().unwrap();
    assert!(text.contains("USD 0.60 over these 30 days") && text.contains("USD 0.45"), "{text}");
    // What the item was billed for, not the period: USD 0.12 pays Nov 1..6 (6 x 0.02); Nov 7's
    // bill fails when it ends, overdue Nov 8 00:00, stopped 24 h later (IOT-8), unbilled
    // from then: 8 days billed, 8 x 0.02 = 0.16 against 40 device-days x 0.003 = 0.12.
    let stopped = account(&json!({"start": "2026-11-01", "until": "2026-12-01", "account": {"balance": "0.12"}, "items": [pro(15)]}));
    assert_eq!(at_of(&stopped, 0, "stopped").as_deref(), Some("2026-11-09T00:00:00+08:00"));
    assert_eq!(stopped["items"][0]["billed"], "0.16");
    let text = rounding(&stopped).expect("the daily rounding is shown")["message"].as_str().unwrap().to_string();
    assert!(text.contains("USD 0.16 over these 8 days") && text.contains("USD 0.12"), "{text}");
    // 20 living devices: 10 x 0.003 = 0.03 a day exactly: nothing rounded, no warning.
    let exact = account(&json!({"start": "2026-11-01", "until": "2026-12-01", "account": {"balance": "100"}, "items": [pro(20)]}));
    assert_eq!(exact["items"][0]["billed"], "0.90");
    assert_eq!(rounding(&exact), None);
}

#[test]
fn an_items_messages_rounded_per_day_are_shown_against_each_month_rated_once() {
    // 1,234,567 messages of 256 bytes a day (one billable message each, IOT-15) and 15
    // living devices, Pro. Each month's first day uses the 1,000,000 free (IOT-17):
    // 234,567 x 0.8 / 1e6 = 0.1876536, rounded 0.19 (IOT-16, IOT-18); every later day
    // 1,234,567 x 0.8 / 1e6 = 0.9876536, rounded 0.99. Devices: 5 x 0.003 = 0.015 -> 0.02 a day.
    let item = |living: u64, count: u64, edition: &str| {
        json!({"product": "iot", "instance": "legacyPublic", "edition": edition, "usage": {"perDay": {"messages": [{"bytes": 256, "count": count}], "livingDevices": living}}})
    };
    let messages_rounding = |result: &Json| -> Vec<Json> {
        let warnings = result["warnings"].as_array().unwrap();
        warnings.iter().filter(|w| w["code"] == "daily_rounding" && w["rules"] == json!(["IOT-18"])).cloned().collect()
    };
    let text_of = |result: &Json| messages_rounding(result).first().expect("the messages' daily rounding is shown")["message"].as_str().unwrap().to_string();

    // December 2026, 31 days: 0.19 + 30 x 0.99 = 29.89 billed for messages, as `quote` says;
    // rated as one monthly total, 31 x 1,234,567 - 1,000,000 = 37,271,577 x 0.8 / 1e6 =
    // 29.8172616 -> 29.82. With 31 x 0.02 = 0.62 for devices the item bills 30.51.
    let month = account(&json!({"start": "2026-12-01", "until": "2027-01-01", "account": {"balance": "1000"}, "items": [item(15, 1_234_567, "pro")]}));
    assert_eq!(month["items"][0]["billed"], "30.51");
    assert_eq!(messages_rounding(&month).len(), 1);
    let text = text_of(&month);
    assert!(text.contains("USD 29.89 over these 31 days") && text.contains("one monthly total the same traffic would be USD 29.82"), "{text}");
    let quoted = common::quote_json(json!({"items": [{"product": "iot", "instance": "legacyPublic", "edition": "pro", "month": "2026-12",
        "usage": {"perDay": {"messages": [{"bytes": 256, "count": 1_234_567}], "livingDevices": 15}}}]}))
    .unwrap();
    let quoted_warning = quoted.items[0].warnings.iter().find(|w| w.rules == ["IOT-18"]).expect("quote's messages warning");
    assert_eq!(quoted_warning.message, text, "the same warning as quote's");
    // Both languages: quote's zh text.
    let zh = account(&json!({"start": "2026-12-01", "until": "2027-01-01", "account": {"balance": "1000"}, "items": [item(15, 1_234_567, "pro")], "locale": "zh-CN"}));
    let text = text_of(&zh);
    assert!(text.contains("消息按天计费") && text.contains("31 天共") && text.contains("29.89") && text.contains("29.82"), "{text}");

    // Stopped part-way: USD 5 pays Dec 1 (0.19 + 0.02 = 0.21, 4.79 left) and Dec 2..5 (4 x
    // 1.01 = 4.04, 0.75 left); Dec 6's 1.01 fails when the day ends: overdue Dec 7 00:00,
    // stopped 24 h later (IOT-8), Dec 8 00:00. Billed Dec 1..7: messages 0.19 + 6 x 0.99 =
    // 6.13, devices 7 x 0.02 = 0.14, 6.27 in all. Rated as one total: 7 x 1,234,567 -
    // 1,000,000 = 7,641,969 x 0.8 / 1e6 = 6.1135752 -> 6.11.
    let stopped = account(&json!({"start": "2026-12-01", "until": "2027-01-01", "account": {"balance": "5"}, "items": [item(15, 1_234_567, "pro")]}));
    assert_eq!(at_of(&stopped, 0, "stopped").as_deref(), Some("2026-12-08T00:00:00+08:00"));
    assert_eq!(stopped["items"][0]["billed"], "6.27");
    let text = text_of(&stopped);
    assert!(text.contains("USD 6.13 over these 7 days") && text.contains("USD 6.11"), "{text}");

    // Several months, from mid-December to noon on Feb 10 (the engine bills a day pro rata
    // to the second): each month rated once, its free quota on its first day billed.
    //   Dec 15..31, 17 days: 0.19 + 16 x 0.99 = 16.03; 17 x 1,234,567 - 1e6 = 19,987,639
    //     x 0.8 / 1e6 = 15.9901112 -> 15.99.
    //   January, 31 days: 29.89 and 29.82, as December above.
    //   Feb 1..9 and half of Feb 10: 0.19 + 8 x 0.99 + 0.99 / 2 = 8.605; 234,567 + 8 x
    //     1,234,567 + 1,234,567 / 2 = 10,728,386.5 x 0.8 / 1e6 = 8.5827092 -> 8.58.
    // Billed 16.03 + 29.89 + 8.605 = 54.525 -> 54.53 over 57.5 days (named 58); rated once a
    // month 15.99 + 29.82 + 8.58 = 54.39. Devices 57.5 x 0.02 = 1.15: the item bills 55.675 -> 55.68.
    let months = account(&json!({"start": "2026-12-15", "until": "2027-02-10T12:00:00+08:00", "account": {"balance": "1000"}, "items": [item(15, 1_234_567, "pro")]}));
    assert_eq!(months["items"][0]["billed"], "55.68");
    let text = text_of(&months);
    assert!(text.contains("USD 54.53 over these 58 days") && text.contains("each of these 3 months") && text.contains("USD 54.39"), "{text}");
    // Whole months after the first, counted by length: Dec 2026 to Mar 1, 2027: December and
    // January 29.89 and 29.82 each; February's 28 days 0.19 + 27 x 0.99 = 26.92 against
    // 28 x 1,234,567 - 1e6 = 33,567,876 x 0.8 / 1e6 = 26.8543008 -> 26.85. Billed 86.70
    // over 90 days, rated once a month 86.49.
    let quarter = account(&json!({"start": "2026-12-01", "until": "2027-03-01", "account": {"balance": "1000"}, "items": [item(15, 1_234_567, "pro")]}));
    let text = text_of(&quarter);
    assert!(text.contains("USD 86.70 over these 90 days") && text.contains("USD 86.49"), "{text}");

    // No rounding difference: Basic, 1,012,500 messages a day: Dec 1 bills 12,500 x 0.8 /
    // 1e6 = 0.01 exactly, later days 1,012,500 x 0.8 / 1e6 = 0.81 exactly: 0.01 + 30 x 0.81 =
    // 24.31, and 31 x 1,012,500 - 1e6 = 30,387,500 x 0.8 / 1e6 = 24.31: no warning.
    let exact = account(&json!({"start": "2026-12-01", "until": "2027-01-01", "account": {"balance": "1000"}, "items": [item(0, 1_012_500, "basic")]}));
    assert_eq!(exact["items"][0]["billed"], "24.31");
    assert!(exact["warnings"].as_array().unwrap().iter().all(|w| w["code"] != "daily_rounding"), "{}", exact["warnings"]);
}

#[test]
fn keep_running_is_the_smallest_top_up_in_cents() {
    // ECS at USD 1 an hour for 10 days = 240 hours = USD 240.00. With 240.00 the credit
    // is used up exactly at the last hour's end, which that hour's bill pays in full
    // (ECS-13); with 239.99 the 240th hourly bill fails at until.
    let request = json!({"start": "2026-12-01", "until": "2026-12-11", "account": {"balance": "0"}, "items": [ecs_per_hour("1")]});
    assert_eq!(account(&request)["keepRunning"], json!({"until": "2026-12-11T00:00:00+08:00", "topUp": "240.00"}));
    // Balance 100 and a top-up of 50 on Dec 5: 240 - 150 = 90.00 more at start.
    let request = json!({"start": "2026-12-01", "until": "2026-12-11", "account": {"balance": "100"},
        "events": [{"at": "2026-12-05", "type": "topUp", "amount": "50"}], "items": [ecs_per_hour("1")]});
    assert_eq!(account(&request)["keepRunning"]["topUp"], "90.00");
    // IOT-10: an auto-renewal is paid only from the credit: the month bought at the start
    // (20.00) and the USD 20 of the first attempt, 9 days before the Jan 1 expiry, keep the
    // instance serving to Jan 15: 40.00. Already bought, only the renewal: 20.00.
    let request = json!({"start": "2026-12-01", "until": "2027-01-15", "account": {"balance": "0"},
        "items": [{"product": "iot", "instance": "enterprise", "months": 1, "monthlyPrice": "20", "autoRenew": true}]});
    let result = account(&request);
    assert_eq!(result["keepRunning"]["topUp"], "40.00");
    assert_eq!(result["items"][0]["finalState"], "notPurchased");
    let mut request = request;
    request["subscriptions"] = json!("alreadyPaid");
    let result = account(&request);
    assert_eq!(result["keepRunning"]["topUp"], "20.00");
    assert_eq!(result["items"][0]["finalState"], "expired");
    // Nothing bills: nothing to top up.
    let request = json!({"start": "2026-12-01", "until": "2027-01-15", "account": {"balance": "0"}, "items": [{"product": "iot", "instance": "newPublic"}]});
    assert_eq!(account(&request)["keepRunning"]["topUp"], "0.00");
}

#[test]
fn a_top_up_settles_the_whole_account_and_restores_what_can_be_restored() {
    // ECS at USD 1 an hour, balance 5: the 6th hourly bill fails at 06:00 (ECS-13).
    // A top-up of 10 at 08:00 pays the 3.00 owed (hours 5..8) and settles (ECS-7).
    let request = json!({"start": "2026-12-01", "until": "2026-12-02", "account": {"balance": "5"},
        "events": [{"at": "2026-12-01T08:00:00+08:00", "type": "topUp", "amount": "10"}], "items": [ecs_per_hour("1")]});
    let result = account(&request);
    assert_eq!(at_of(&result, -1, "overdue").as_deref(), Some("2026-12-01T06:00:00+08:00"));
    let top_up = result["timeline"].as_array().unwrap().iter().find(|e| e["event"] == "topUp").unwrap();
    assert_eq!(top_up["credit"], "7.00");
    assert_eq!(at_of(&result, 0, "settled").as_deref(), Some("2026-12-01T08:00:00+08:00"));
    // 7.00 more lasts to 15:00; that hour is paid in full, the 16:00 bill fails.
    assert_eq!(steps(&result).iter().filter(|(_, i, e)| *i == -1 && e == "overdue").nth(1).map(|s| s.0.as_str()), Some("2026-12-01T16:00:00+08:00"));
}

#[test]
fn a_planned_release_ends_a_pay_as_you_go_item() {
    // hours: 10 releases the phones at 10:00; CP-3 bills to the end of the 4-hour
    // period, 12 hours: 12 x 0.0457 = 0.5484 -> 0.55.
    let mut item = phones(1);
    item["hours"] = json!(10);
    let result = account(&json!({"start": "2026-12-01", "until": "2026-12-02", "account": {"balance": "100"}, "items": [item]}));
    assert_eq!(at_of(&result, 0, "released").as_deref(), Some("2026-12-01T10:00:00+08:00"));
    assert_eq!(result["items"][0]["billed"], "0.55");
    assert_eq!(result["creditRunsOutAt"], Json::Null);
}

/// For a single-item account and the same resource in simulateLifecycle, given the
/// item's cost: the same dates everywhere.
#[test]
fn a_single_item_account_agrees_with_simulate_lifecycle() {
    let mut seed = 7u64;
    let mut next = |n: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    for case in 0..60 {
        let balance = format!("{}.{:02}", next(200), next(100));
        let quantity = 1 + next(5);
        let (item, resource, cost) = match case % 3 {
            0 => (phones(quantity), json!({"billing": "payAsYouGo"}), ("costPerHour", format!("{}", rust_decimal::Decimal::new(457, 4) * rust_decimal::Decimal::from(quantity)))),
            1 => {
                let price = format!("0.{:03}", 1 + next(999));
                (ecs_per_hour(&price), json!({"billing": "payAsYouGo"}), ("costPerHour", price))
            }
            _ => {
                // The free quota already used: every day costs the same (Pro: 1,000
                // living devices beyond the free ones are billed per day too).
                let item = json!({"product": "iot", "instance": "legacyPublic", "edition": "basic", "freeQuotaUsed": 1000000,
                    "usage": {"perDay": {"messages": [{"bytes": 600, "count": 100000 + next(900000)}]}}});
                let per_day = account(&json!({"start": "2026-12-01", "until": "2026-12-02", "account": {"balance": "1000"}, "items": [item.clone()]}))["items"][0]["billed"].clone();
                (item, json!({"instance": "legacyPublic"}), ("costPerDay", per_day.as_str().unwrap().to_string()))
            }
        };
        let product = item["product"].clone();
        // Within December, so that the IoT quota does not come back.
        let until = "2026-12-31";
        let a = account(&json!({"start": "2026-12-01", "until": until, "account": {"balance": balance}, "items": [item]}));
        let mut lifecycle = json!({"product": product, "resource": resource, "start": "2026-12-01", "until": until, "account": {"balance": balance}});
        lifecycle[cost.0] = json!(cost.1);
        let l = lifecycle_json(&lifecycle.to_string());
        let label = format!("case {case}: {lifecycle}");
        assert_eq!(a["creditRunsOutAt"], l["creditRunsOutAt"], "{label}");
        assert_eq!(a["lastSafeMoment"], l["lastSafeMoment"], "{label}");
        assert_eq!(a["items"][0]["dataDeletedAt"], l["dataDeletedAt"], "{label}");
        assert_eq!(a["items"][0]["finalState"], l["finalState"], "{label}");
        assert_eq!(a["items"][0]["billed"], l["billed"], "{label}");
        let item_steps: Vec<(String, String)> = steps(&a).into_iter().filter(|(_, i, _)| *i == 0).map(|(at, _, e)| (at, e)).collect();
        let lifecycle_steps: Vec<(String, String)> = l["timeline"].as_array().unwrap().iter()
            .filter(|e| e["event"] != "horizonEnd")
            .map(|e| (e["at"].as_str().unwrap().to_string(), e["event"].as_str().unwrap().to_string())).collect();
        assert_eq!(item_steps, lifecycle_steps, "{label}");
    }
}

#[test]
fn bad_input_is_refused_at_its_path() {
    let base = |items: Json, events: Json| json!({"start": "2026-12-01", "until": "2027-01-01", "account": {"balance": "10"}, "items": items, "events": events});
    // An event naming a missing item.
    assert_eq!(error(&base(json!([phones(1)]), json!([{"at": "2026-12-02", "type": "release", "item": 1}]))), (ErrorCode::OutOfRange, "events[0].item".into()));
    // An event outside start..until.
    assert_eq!(error(&base(json!([phones(1)]), json!([{"at": "2027-01-02", "type": "topUp", "amount": "5"}]))), (ErrorCode::DateOutOfPeriod, "events[0].at".into()));
    // No price: ECS-9.
    assert_eq!(error(&base(json!([{"product": "ecs", "billing": "payAsYouGo"}]), json!([]))), (ErrorCode::MissingPrice, "items[0].prices.instance".into()));
    // No auto-renewal schedule for Cloud Phone.
    let mut item = phones(1);
    item["autoRenew"] = json!(true);
    assert_eq!(error(&base(json!([item]), json!([]))), (ErrorCode::NotSupported, "items[0].autoRenew".into()));
    // A pay-as-you-go item is not renewed.
    assert_eq!(error(&base(json!([phones(1)]), json!([{"at": "2026-12-02", "type": "renew", "item": 0, "months": 1}]))), (ErrorCode::NotSupported, "events[0].item".into()));
    // An IoT usage given day by day cannot repeat.
    let iot = json!({"product": "iot", "instance": "legacyPublic", "edition": "basic", "usage": {"days": [{"messages": []}]}});
    assert_eq!(error(&base(json!([iot]), json!([]))), (ErrorCode::NotSupported, "items[0].usage.days".into()));
    // A quote error keeps the item's path.
    let mut item = phones(1);
    item["spec"] = json!("acp.nope");
    assert_eq!(error(&base(json!([item]), json!([]))), (ErrorCode::UnknownSpec, "items[0].spec".into()));
    assert_eq!(error(&base(json!([]), json!([]))), (ErrorCode::Empty, "items".into()));
    // Issue 31's limits: as many items as a quote (10,000), over up to 10 years.
    let many: Vec<Json> = (0..10_001).map(|_| json!({"product": "iot", "instance": "newPublic"})).collect();
    assert_eq!(error(&base(json!(many), json!([]))), (ErrorCode::TooMany, "items".into()));
    let ten_years = json!({"start": "2026-12-01", "until": "2036-12-01T00:00:01+08:00", "account": {"balance": "10"}, "items": [phones(1)]});
    assert_eq!(error(&ten_years), (ErrorCode::OutOfRange, "until".into()));
    // An event before start.
    assert_eq!(error(&base(json!([phones(1)]), json!([{"at": "2026-11-30T23:59:59+08:00", "type": "topUp", "amount": "5"}]))), (ErrorCode::DateOutOfPeriod, "events[0].at".into()));
    // An unknown reading of subscriptions.
    let mut request = base(json!([phones(1)]), json!([]));
    request["subscriptions"] = json!("later");
    assert_eq!(error(&request), (ErrorCode::UnknownField, "subscriptions".into()));
    // And at the limits, an answer: 10,000 items, and exactly 10 years.
    let many: Vec<Json> = (0..10_000).map(|_| json!({"product": "iot", "instance": "newPublic"})).collect();
    assert_eq!(account(&base(json!(many), json!([])))["items"].as_array().unwrap().len(), 10_000);
    let ten_years = json!({"start": "2026-12-01", "until": "2036-12-01", "account": {"balance": "10"}, "items": [phones(1)]});
    assert_eq!(account(&ten_years)["horizon"]["to"], "2036-12-01T00:00:00+08:00");
}

#[test]
fn no_amount_is_ever_printed_as_minus_zero() {
    // An ECS lifecycle stated overdue with no cost rate owes nothing: "USD 0.00".
    let l = lifecycle_json(r#"{"product": "ecs", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01", "overdueAt": "2026-12-02"}"#);
    let text = l.to_string();
    assert!(!text.contains("-0.00"), "{text}");
    let retry = l["timeline"].as_array().unwrap().iter().find(|e| e["event"] == "deductionRetry").unwrap();
    assert!(retry["effects"][0].as_str().unwrap().ends_with("USD 0.00 is owed"), "{retry}");
}

#[test]
fn a_timeline_past_its_bound_lists_its_first_entries_and_says_what_it_left_out() {
    // 10,000 IoT Enterprise instances of one month at 30, already bought, auto-renewed 9
    // days before each expiry (IOT-10) for a year: each logs `created` and 12 renewals
    // (Dec 23 ... Nov 22), the account `opened` and `horizonEnd`: 10,000 x 13 + 2 = 130,002
    // entries. The first 100,000: opened, 10,000 created, 8 rounds of renewals (80,000,
    // to Jul 23), and 9,999 of Aug 23's. Left out: 30,002, from Aug 23 on. The sums count
    // them all: 12 x 30 = 360 billed per item, 3,600,000 in all, 1,000,000,000 - 3,600,000
    // left.
    let items: Vec<Json> = (0..10_000).map(|_| json!({"product": "iot", "instance": "enterprise", "months": 1, "monthlyPrice": "30", "autoRenew": true})).collect();
    let request = json!({"start": "2026-12-01", "until": "2027-12-01", "subscriptions": "alreadyPaid", "account": {"balance": "1000000000"}, "items": items});
    let a = account(&request);
    let timeline = a["timeline"].as_array().unwrap();
    assert_eq!(timeline.len(), 100_000);
    assert_eq!(timeline.last().unwrap()["at"], "2027-08-23T00:00:00+08:00");
    assert_eq!(a["items"][9_999]["billed"], "360.00");
    assert_eq!(a["billed"], "3600000.00");
    assert_eq!(a["finalCredit"], "996400000.00");
    let warning = a["warnings"].as_array().unwrap().iter().find(|w| w["code"] == "timeline_truncated").expect("timeline_truncated");
    assert_eq!(
        warning["message"],
        "The timeline lists its first 100,000 entries, the most an answer holds: 30,002 more, from 23 Aug 2027, 00:00 (UTC+8) on, are left out. The final states, the amounts billed, the final credit and keepRunning count them all."
    );
    // 7,692 items: 7,692 x 13 + 2 = 99,998 entries, within the bound: all listed, no warning.
    let mut small = request.clone();
    small["items"] = json!(items[..7_692].to_vec());
    let a = account(&small);
    assert_eq!(a["timeline"].as_array().unwrap().len(), 99_998);
    assert!(a["warnings"].as_array().unwrap().iter().all(|w| w["code"] != "timeline_truncated"));
}
