//! The connection-and-messages generation (IOT-25..IOT-30) and the sites (SITE-1..SITE-3)
//! end to end, through `quote`, `compareBillingMethod` and `catalog` as a caller sends
//! them. Every expected value is worked out by hand in the comment above it, from
//! shared/RULES.md and the published examples it quotes. (tests/iot_connection_messages.rs
//! checks the same rules on the pure rating module.)

use alicloud_cost::decode::Value;
use alicloud_cost::{compare_billing_method, quote, Error, Quote};
use serde_json::{json, Value as Json};

fn run(request: Json) -> Result<Quote, Error> {
    quote(&Value::from_json_str(&request.to_string()).unwrap())
}

fn answer(request: Json) -> Json {
    let q = run(request).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&alicloud_cost::json_write::to_string(&q).unwrap()).unwrap()
}

fn error(request: Json) -> Error {
    run(request).unwrap_err()
}

/// A connection-and-messages item in November 2026 (30 days) with `extra` fields.
fn item(extra: Json) -> Json {
    let mut item = json!({ "product": "iot", "instance": "legacyPublic", "pricing": "connectionAndMessages", "month": "2026-11" });
    item.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    item
}

/// doc 73701's fleet: 10,000 devices online 8 h a day, one message of at most 0.5 KB a minute.
fn doc_73701() -> Json {
    json!({ "fleet": { "devices": 10000, "onlineHoursPerDay": 8, "messages": [{ "every": { "minutes": 1 }, "bytes": 512 }] } })
}

fn line<'a>(item: &'a Json, code: &str) -> &'a Json {
    item["lines"].as_array().unwrap().iter().find(|l| l["code"] == code).unwrap_or_else(|| panic!("no line {code} in {item}"))
}

fn codes(item: &Json) -> Vec<&str> {
    item["lines"].as_array().unwrap().iter().map(|l| l["code"].as_str().unwrap()).collect()
}

fn warning<'a>(item: &'a Json, code: &str) -> Option<&'a Json> {
    item["warnings"].as_array().unwrap().iter().find(|w| w["code"] == code)
}

/// One day's messages of `count` x `bytes`, as the whole month's `perDay` for `days` days.
fn per_day(count: u64, bytes: u64, days: u64, minutes: u64) -> Json {
    json!({ "perDay": { "messages": [{ "bytes": bytes, "count": count }], "connectionMinutes": minutes }, "days": days })
}

// ---- The published examples ----

#[test]
fn doc_73701_is_67_60_of_messages_and_43_20_of_connection_minutes() {
    // IOT-30: 10,000 x 8 h x 60 = 4,800,000 minutes a day, x 30 = 144,000,000: 144 x 0.3 =
    // USD 43.2. IOT-27: 60 x 8 x 30 x 10,000 = 144,000,000 messages: 100 x 0.5 + 44 x 0.4 = 67.6.
    let q = answer(json!({ "items": [item(json!({ "usage": doc_73701() }))] }));
    let it = &q["items"][0];
    assert_eq!(q["currency"], "USD");
    assert_eq!(codes(it), ["iot.messages.tier1", "iot.messages.tier2", "iot.connectionMinutes"]);
    assert_eq!((&line(it, "iot.messages.tier1")["quantity"], &line(it, "iot.messages.tier1")["amount"]), (&json!("100"), &json!("50.00")));
    assert_eq!((&line(it, "iot.messages.tier2")["quantity"], &line(it, "iot.messages.tier2")["amount"]), (&json!("44"), &json!("17.60")));
    assert_eq!((&line(it, "iot.connectionMinutes")["quantity"], &line(it, "iot.connectionMinutes")["amount"]), (&json!("144"), &json!("43.20")));
    assert_eq!(it["tradePrice"], "110.80");
    // Day by day: days 1..20 reach 96,000,000 (tier 1); day 21 crosses 100,000,000: 4,000,000 at
    // 0.5 + 800,000 at 0.4 = 2.32; the month's messages still total 67.60 (nothing to cut).
    assert_eq!(it["wholeMonth"], json!({ "messages": "67.60", "connectionMinutes": "43.20", "total": "110.80" }));
    let day21 = &it["days"][20];
    assert_eq!(day21["messages"]["tiers"], json!([{ "tier": 1, "units": "4000000" }, { "tier": 2, "units": "800000" }]));
    assert_eq!(day21["messages"]["amount"], "2.32");
    assert_eq!(day21["monthToDate"]["messages"], "100800000");
    // IOT-25: the answer names its model, document and date.
    assert_eq!(it["pricing"]["model"], "connectionAndMessages");
    assert_eq!(it["pricing"]["asOf"], "2026-06-17");
    // IOT-30: the fleet's connection minutes, and its formula.
    assert_eq!(it["fleet"]["connectionMinutesPerDay"], "4800000");
    assert_eq!(it["fleet"]["connection"], "mqtt");
    assert!(it["fleet"]["formula"][1].as_str().unwrap().starts_with("10,000 devices x 480 minutes a day"), "{}", it["fleet"]["formula"]);
    // IOT-28: no activation date, no free quota, and the answer says so.
    assert!(warning(it, "free_quota_not_applied").is_some());
}

#[test]
fn doc_73701_in_the_first_two_months_after_activation_and_the_third() {
    // IOT-28: activated in November, the free million of each in November and December.
    // November (30 days): messages 99 x 0.5 + 44 x 0.4 = 67.10, minutes 143 x 0.3 = 42.90:
    // 110.00. December (31 days, 148,800,000 of each): 99 x 0.5 + 48.8 x 0.4 = 69.02 and
    // 147.8 x 0.3 = 44.34: 113.36. January is the third month, without: 100 x 0.5 + 48.8 x
    // 0.4 = 69.52 and 148.8 x 0.3 = 44.64: 114.16. (Each day's amounts are whole cents.)
    for (month, total, free) in [("2026-11", "110.00", true), ("2026-12", "113.36", true), ("2027-01", "114.16", false)] {
        let q = answer(json!({ "items": [item(json!({ "month": month, "activated": "2026-11-01", "usage": doc_73701() }))] }));
        let it = &q["items"][0];
        assert_eq!(it["tradePrice"], total, "{month}");
        assert_eq!(codes(it).contains(&"iot.freeQuota"), free, "{month}");
        assert_eq!(warning(it, "free_quota_past").is_some(), !free, "{month}");
    }
}

#[test]
fn the_japan_sites_doc_73701_in_yen_cut_to_the_yen_every_day() {
    // SITE-2 and the Japan page's example (free million every month, 毎月): messages
    // 99 x 56 = 5,544 + 44 x 45 = 1,980 = 7,524; minutes 143 x 34 = 4,862: JPY 12,386 as a
    // month. Day by day (IOT-29, SITE-3): day 1 pays 3.8 x 56 = 212.8 -> 212 of messages,
    // days 2..20 4.8 x 56 = 268.8 -> 268, day 21 4 x 56 + 0.8 x 45 = 260, days 22..30
    // 4.8 x 45 = 216: 212 + 19 x 268 + 260 + 9 x 216 = 7,508; minutes day 1 3.8 x 34 =
    // 129.2 -> 129, days 2..30 4.8 x 34 = 163.2 -> 163: 129 + 29 x 163 = 4,856. 12,364.
    let q = answer(json!({ "site": "japan", "policy": { "iot": { "freeQuota": "everyMonth" } }, "items": [item(json!({ "usage": doc_73701() }))] }));
    let it = &q["items"][0];
    assert_eq!((&q["currency"], &q["tradePrice"]), (&json!("JPY"), &json!("12364")));
    assert_eq!(it["wholeMonth"], json!({ "messages": "7524", "connectionMinutes": "4862", "total": "12386" }));
    // The lines read quantity x unitPrice, and a daily-settlement line carries the cut: -22.
    assert_eq!(line(it, "iot.messages.tier1")["amount"], "5544");
    assert_eq!(line(it, "iot.connectionMinutes")["amount"], "4862");
    assert_eq!(line(it, "iot.dailySettlement")["amount"], "-22");
    let settled = warning(it, "daily_settlement").unwrap()["message"].as_str().unwrap();
    assert!(settled.contains("JPY 12,364") && settled.contains("JPY 12,386"), "{settled}");
    // SITE-3: every amount of the whole quote is whole yen, with no decimals.
    for amount in [&q["originalPrice"], &q["tradePrice"], &q["estimate"]["firstYear"], &it["estimate"]["monthly"], &it["days"][0]["amount"]] {
        assert!(!amount.as_str().unwrap().contains('.'), "{amount}");
    }
    assert_eq!(q["estimate"]["firstYear"], "148368"); // 12 x 12,364
}

// ---- IOT-25 ----

#[test]
fn iot25_an_item_names_its_generation_and_asks_when_it_does_not() {
    // Neither edition nor pricing: missing_field at pricing, the newer generation named first.
    let e = error(json!({ "items": [{ "product": "iot", "instance": "legacyPublic", "month": "2026-11", "usage": { "perDay": { "messages": [] } } }] }));
    assert_eq!((e.code.as_str(), e.path.as_str()), ("missing_field", "items[0].pricing"));
    assert!(e.message.find("connectionAndMessages").unwrap() < e.message.find("basicPro").unwrap(), "{}", e.message);
    // An edition with this generation is refused: it has none.
    let e = error(json!({ "items": [item(json!({ "edition": "pro", "usage": { "perDay": { "messages": [] } } }))] }));
    assert_eq!((e.code.as_str(), e.path.as_str()), ("unknown_field", "items[0].edition"));
    // An edition alone keeps seed 002's model, and the answer names it.
    let q = answer(json!({ "items": [{ "product": "iot", "instance": "legacyPublic", "edition": "basic", "month": "2026-11", "usage": { "perDay": { "messages": [] } } }] }));
    assert_eq!(q["items"][0]["pricing"]["model"], "basicPro");
    // pricing "basicPro" says the same explicitly; without an edition it asks for one.
    let e = error(json!({ "items": [{ "product": "iot", "instance": "legacyPublic", "pricing": "basicPro", "month": "2026-11", "usage": { "perDay": { "messages": [] } } }] }));
    assert_eq!((e.code.as_str(), e.path.as_str()), ("missing_field", "items[0].edition"));
    // This generation has no device fee: livingDevices is not a field of its day.
    let e = error(json!({ "items": [item(json!({ "usage": { "perDay": { "messages": [], "livingDevices": 3 } } }))] }));
    assert_eq!((e.code.as_str(), e.path.as_str()), ("unknown_field", "items[0].usage.perDay.livingDevices"));
}

// ---- IOT-26 ----

/// A quote of one day's sessions (November 1, the 3rd month of an instance activated in
/// September: no free quota), returning the chargeable minutes and the answer.
fn sessions(connections: Json) -> (u64, Json) {
    let q = answer(json!({ "items": [item(json!({ "activated": "2026-09-01", "usage": { "days": [{ "messages": [], "connections": connections }] } }))] }));
    let minutes = q["items"][0]["days"][0]["connectionMinutes"]["billable"].as_str().unwrap().parse().unwrap();
    (minutes, q)
}

#[test]
fn iot26_sessions_are_counted_in_natural_minutes() {
    // The published examples: 18:23:35-18:25:10 is 18:23, 18:24, 18:25 = 3 minutes;
    // 18:23:15-18:23:35 and 18:23:40-18:23:59 are both in 18:23 = 1 minute.
    assert_eq!(sessions(json!([{ "from": "18:23:35", "to": "18:25:10" }])).0, 3);
    assert_eq!(sessions(json!([{ "from": "18:23:15", "to": "18:23:35" }, { "from": "18:23:40", "to": "18:23:59" }])).0, 1);
    // A 2-second session across a minute boundary: 18:23:59 and 18:24:00 = 2 minutes.
    assert_eq!(sessions(json!([{ "from": "18:23:59", "to": "18:24:00" }])).0, 2);
    // 1,000 devices for a whole day: 1,440 x 1,000 = 1,440,000 minutes: 1.44 x 0.3 = 0.432 -> 0.43.
    let (minutes, q) = sessions(json!([{ "from": "00:00:00", "to": "23:59:59", "devices": 1000 }]));
    assert_eq!((minutes, &q["items"][0]["tradePrice"]), (1_440_000, &json!("0.43")));
    // Two groups are different devices: 100 + 50 devices in one minute = 150.
    assert_eq!(sessions(json!([{ "from": "09:00:00", "to": "09:00:30", "devices": 100, "group": "a" }, { "from": "09:00:10", "to": "09:00:20", "devices": 50, "group": "b" }])).0, 150);
}

#[test]
fn iot26_coap_http_and_sub_devices_pay_no_minutes_and_the_answer_says_so() {
    // 60 CoAP devices for 10 minutes (10:00-10:09:59): 600 minutes counted, none charged.
    let (minutes, q) = sessions(json!([{ "from": "10:00:00", "to": "10:09:59", "devices": 60, "connection": "coap" }, { "from": "10:00:00", "to": "10:00:01", "connection": "subDevice" }]));
    assert_eq!(minutes, 0);
    let w = warning(&q["items"][0], "minutes_not_charged").unwrap();
    assert!(w["message"].as_str().unwrap().starts_with("601 connection minutes"), "{w}");
    // A fleet over HTTP adds none either (IOT-30): 0 chargeable minutes.
    let fleet = json!({ "fleet": { "devices": 100, "connection": "http", "messages": [{ "perDay": 10, "bytes": 100 }] } });
    let q = answer(json!({ "items": [item(json!({ "usage": fleet }))] }));
    assert_eq!(q["items"][0]["days"][0]["connectionMinutes"]["billable"], "0");
}

#[test]
fn iot26_a_session_past_midnight_is_refused_with_the_way_to_split_it() {
    let e = error(json!({ "items": [item(json!({ "usage": { "perDay": { "messages": [], "connections": [{ "from": "08:00:00", "to": "09:00:00" }, { "from": "23:50:00", "to": "00:10:00" }] } } }))] }));
    assert_eq!((e.code.as_str(), e.path.as_str()), ("session_crosses_midnight", "items[0].usage.perDay.connections[1]"));
    assert!(e.message.contains("23:50:00 to 23:59:59") && e.message.contains("00:00:00 to 00:10:00"), "{}", e.message);
    // 24:00:00 is not a time of day: the end of a day is 23:59:59.
    let e = error(json!({ "items": [item(json!({ "usage": { "perDay": { "messages": [], "connections": [{ "from": "23:00:00", "to": "24:00:00" }] } } }))] }));
    assert_eq!((e.code.as_str(), e.path.as_str()), ("invalid_date", "items[0].usage.perDay.connections[0].to"));
}

// ---- IOT-27 ----

#[test]
fn iot27_the_tier_boundaries_at_n_minus_1_n_and_n_plus_1() {
    // One day of N messages (third month: no free quota). 99,999,999 x 0.5 / 1e6 =
    // 49.9999995 -> 49.99 (cut); 100,000,000: 50.00; 100,000,001: 50 + 0.0000004 -> 50.00,
    // with a second-tier line of 1 message.
    for (n, total, tiers) in [(99_999_999u64, "49.99", 1), (100_000_000, "50.00", 1), (100_000_001, "50.00", 2)] {
        let q = answer(json!({ "items": [item(json!({ "activated": "2026-01-01", "usage": per_day(n, 1, 1, 0) }))] }));
        let it = &q["items"][0];
        assert_eq!(it["tradePrice"], total, "{n}");
        assert_eq!(codes(it).iter().filter(|c| c.starts_with("iot.messages.tier")).count(), tiers, "{n}");
    }
    // 1,000,000,000: 50 + 900 x 0.4 = 410.00; N-1: 409.9999996 -> 409.99; N+1: 410 + 0.0000003
    // -> 410.00 with a third-tier line.
    for (n, total, tiers) in [(999_999_999u64, "409.99", 2), (1_000_000_000, "410.00", 2), (1_000_000_001, "410.00", 3)] {
        let q = answer(json!({ "items": [item(json!({ "activated": "2026-01-01", "usage": per_day(n, 1, 1, 0) }))] }));
        let it = &q["items"][0];
        assert_eq!(it["tradePrice"], total, "{n}");
        assert_eq!(codes(it).iter().filter(|c| c.starts_with("iot.messages.tier")).count(), tiers, "{n}");
    }
}

#[test]
fn iot27_messages_of_every_category_count_alike_with_no_edition() {
    // No edition (IOT-25): device shadow (Basic's) and TSL (Pro's) are both billable; PINGREQ
    // is free. 1,000 of each billable at 513 bytes = 2 units each: 4,000 units x 0.5 / 1e6 =
    // 0.002 -> 0.00; the free category is counted apart.
    let usage = json!({ "days": [{ "messages": [{ "bytes": 513, "count": 1000, "category": "deviceShadow" }, { "bytes": 513, "count": 1000, "category": "tsl" }, { "bytes": 1, "count": 7, "category": "pingReq" }] }] });
    let q = answer(json!({ "items": [item(json!({ "activated": "2026-01-01", "usage": usage }))] }));
    let it = &q["items"][0];
    assert_eq!(it["days"][0]["messages"]["billable"], "4000");
    assert_eq!(it["days"][0]["freeCategoryMessages"], "7");
    assert_eq!(line(it, "iot.freeCategories")["quantity"], "7");
}

// ---- IOT-28 ----

#[test]
fn iot28_the_free_million_sits_in_the_first_tier_and_month_to_date_moves_it() {
    // Activation month, 2,000,000 messages and minutes in one day: 1,000,000 free of each;
    // 1,000,000 x 0.5 / 1e6 = 0.50 + 1,000,000 x 0.3 / 1e6 = 0.30: 0.80.
    let q = answer(json!({ "items": [item(json!({ "activated": "2026-11-01", "usage": per_day(2_000_000, 1, 1, 2_000_000) }))] }));
    assert_eq!(q["items"][0]["tradePrice"], "0.80");
    assert_eq!(line(&q["items"][0], "iot.freeQuota")["quantity"], "1000000");
    // 400,000 messages and 300,000 minutes already counted this month: 600,000 and 700,000 of
    // the quota are left: 1,400,000 x 0.5 = 0.70 + 1,300,000 x 0.3 = 0.39: 1.09.
    let q = answer(json!({ "items": [item(json!({ "activated": "2026-11-01", "monthToDate": { "messages": 400000, "connectionMinutes": 300000 }, "usage": per_day(2_000_000, 1, 1, 2_000_000) }))] }));
    assert_eq!(q["items"][0]["tradePrice"], "1.09");
    // A repeating usage starts on the activation day: activated on the 21st, 10 days.
    let q = answer(json!({ "items": [item(json!({ "activated": "2026-11-21", "usage": per_day(1, 1, 30, 0) }))] }));
    assert_eq!(q["items"][0]["days"].as_array().unwrap().len(), 10);
    // Usage dated before activation is an error at activated.
    let e = error(json!({ "items": [item(json!({ "activated": "2026-11-21", "usage": { "days": [{ "date": "2026-11-20", "messages": [] }] } }))] }));
    assert_eq!((e.code.as_str(), e.path.as_str()), ("date_out_of_period", "items[0].activated"));
}

// ---- IOT-29 ----

#[test]
fn iot29_each_day_cut_to_the_cent_and_both_figures_where_they_differ() {
    // 3,333,333 messages a day for 30 days (third month): each day 3.3333333 x 0.5 = 1.6666665
    // -> 1.66 (cut), x 30 = 49.80. The month as a whole: 99,999,990 x 0.5 / 1e6 = 49.999995
    // -> 49.99. The difference, -0.19, is the daily-settlement line.
    let q = answer(json!({ "items": [item(json!({ "activated": "2026-01-01", "usage": per_day(3_333_333, 1, 30, 0) }))] }));
    let it = &q["items"][0];
    assert_eq!(it["tradePrice"], "49.80");
    assert_eq!(it["wholeMonth"]["total"], "49.99");
    assert_eq!(line(it, "iot.dailySettlement")["amount"], "-0.19");
    let w = warning(it, "daily_settlement").unwrap()["message"].as_str().unwrap();
    assert!(w.contains("USD 49.80") && w.contains("USD 49.99"), "{w}");
    // halfUp: 1.6666665 -> 1.67 a day, x 30 = 50.10; the month 49.999995 -> 50.00.
    let q = answer(json!({ "policy": { "iot": { "dailyAmounts": "halfUp" } }, "items": [item(json!({ "activated": "2026-01-01", "usage": per_day(3_333_333, 1, 30, 0) }))] }));
    assert_eq!((&q["items"][0]["tradePrice"], &q["items"][0]["wholeMonth"]["total"]), (&json!("50.10"), &json!("50.00")));
}

#[test]
fn iot29_a_tier_boundary_crossed_mid_day_prices_each_part_at_its_tier() {
    // 60,000,000 a day, third month: day 1 all tier 1 (30.00); day 2 reaches 120,000,000:
    // 40,000,000 x 0.5 = 20 + 20,000,000 x 0.4 = 8: 28.00.
    let q = answer(json!({ "items": [item(json!({ "activated": "2026-01-01", "usage": per_day(60_000_000, 1, 2, 0) }))] }));
    let it = &q["items"][0];
    assert_eq!(it["days"][1]["messages"]["tiers"], json!([{ "tier": 1, "units": "40000000" }, { "tier": 2, "units": "20000000" }]));
    assert_eq!((&it["days"][0]["amount"], &it["days"][1]["amount"], &it["tradePrice"]), (&json!("30.00"), &json!("28.00"), &json!("58.00")));
}

// ---- SITE-1..SITE-3 ----

#[test]
fn site1_a_price_the_site_does_not_publish_names_the_item_and_the_field() {
    // Cloud Phone prices are USD only (seed 003): on the China site, the item's price.
    let e = error(json!({ "site": "china", "items": [{ "product": "iot", "instance": "newPublic" }, { "product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland", "billing": "payAsYouGo", "hours": 5 }] }));
    assert_eq!((e.code.as_str(), e.path.as_str()), ("price_not_published", "items[1]"));
    assert!(e.message.contains("acp.basic.small") && e.message.contains("catalog.cloudPhone.specs[{ id: \"acp.basic.small\" }].mainland.hourly"), "{}", e.message);
    // No CNY minute price is published (SITE-2): a chargeable minute needs the caller's.
    let e = error(json!({ "site": "china", "items": [item(json!({ "usage": per_day(0, 1, 1, 1) }))] }));
    assert_eq!((e.code.as_str(), e.path.as_str()), ("price_not_published", "items[0]"));
    assert!(e.message.contains("catalog.iot.connectionAndMessages.minutePrice"), "{}", e.message);
    // The Japan site shows no third tier: message 1,000,000,001 needs the caller's price.
    let e = error(json!({ "site": "japan", "items": [item(json!({ "usage": per_day(1_000_000_001, 1, 1, 0) }))] }));
    assert!(e.message.contains("catalog.iot.connectionAndMessages.messageTiers[2].price"), "{}", e.message);
    // Basic/Pro rates are USD only too.
    let e = error(json!({ "site": "japan", "items": [{ "product": "iot", "instance": "legacyPublic", "edition": "pro", "month": "2026-11", "usage": { "perDay": { "messages": [] } } }] }));
    assert!(e.message.contains("catalog.iot.messagePrice"), "{}", e.message);
    // Enterprise Edition and ECS are the caller's prices anywhere: priced in the site's currency.
    let q = answer(json!({ "site": "japan", "items": [{ "product": "iot", "instance": "enterprise", "months": 2, "monthlyPrice": "12000" }] }));
    assert_eq!((&q["currency"], &q["tradePrice"]), (&json!("JPY"), &json!("24000")));
}

#[test]
fn site1_a_callers_catalog_in_cny_prices_the_china_site() {
    // Your CNY prices: acp.basic.small mainland 70 a month (3 months: 210.00); minutes at
    // CNY 2.1 per million: doc 73701's 144 x 2.1 = 302.40, plus messages at the published
    // CNY prices 100 x 1.8 + 44 x 1.4 = 241.60: 544.00. Total 754.00, in CNY.
    let q = answer(json!({
        "site": "china",
        "catalog": { "cloudPhone": { "specs": [{ "id": "acp.basic.small", "mainland": { "monthly": "70" } }] }, "iot": { "connectionAndMessages": { "minutePrice": "2.1" } } },
        "items": [{ "product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland", "billing": "subscription", "months": 3 }, item(json!({ "usage": doc_73701() }))],
    }));
    assert_eq!((&q["currency"], &q["tradePrice"]), (&json!("CNY"), &json!("754.00")));
    assert_eq!(q["items"][0]["lines"][0]["formula"], "1 phone x 3 months x CNY 70/month");
    assert_eq!(line(&q["items"][1], "iot.connectionMinutes")["amount"], "302.40");
    assert!(warning(&q["items"][1], "caller_price").is_some());
}

#[test]
fn site2_the_china_sites_message_prices_in_cny() {
    // doc 73701's messages at CNY 1.8 / 1.4: 100 x 1.8 + 44 x 1.4 = 241.60. No CNY minute price
    // is published, so the fleet connects over CoAP (no chargeable minutes, IOT-26): it prices.
    let fleet = json!({ "fleet": { "devices": 10000, "onlineHoursPerDay": 8, "connection": "coap", "messages": [{ "every": { "minutes": 1 }, "bytes": 512 }] } });
    let q = answer(json!({ "site": "china", "items": [item(json!({ "usage": fleet }))] }));
    assert_eq!((&q["currency"], &q["tradePrice"]), (&json!("CNY"), &json!("241.60")));
}

#[test]
fn site3_jpy_rounds_every_line_and_ecs_minimum_to_the_yen() {
    // ECS at JPY 1.5 an hour for 0.5 h, 3 instances: 2.25 -> 2; each lifetime's fee 0.75 is
    // below one yen, the currency's unit (ECS-13 with SITE-3): 3 x 1 - 2 = 1 more: JPY 3.
    let q = answer(json!({ "site": "japan", "items": [{ "product": "ecs", "billing": "payAsYouGo", "hours": 0.5, "quantity": 3, "prices": { "instance": "1.5" } }] }));
    assert_eq!((&q["tradePrice"], &q["items"][0]["lines"][1]["amount"]), (&json!("3"), &json!("1")));
}

#[test]
fn catalog_gives_the_sites_currency_prices_and_sources() {
    let catalog = |site: &str| {
        let c = alicloud_cost::catalog::catalog_for(&Value::from_json_str(&json!({ "site": site }).to_string()).unwrap()).unwrap();
        serde_json::to_value(&c).unwrap()
    };
    let (usd, cny, jpy) = (catalog("international"), catalog("china"), catalog("japan"));
    assert_eq!((&usd["currency"], &cny["currency"], &jpy["currency"]), (&json!("USD"), &json!("CNY"), &json!("JPY")));
    // SITE-2: CNY 1.8 / 1.4 / 1.0, no minute price; JPY 56 / 45, no third tier, 34 a minute.
    let tiers = |c: &Json| c["iot"]["connectionAndMessages"]["messageTiers"].as_array().unwrap().iter().map(|t| t["price"].clone()).collect::<Vec<_>>();
    assert_eq!(tiers(&cny), [json!("1.8"), json!("1.4"), json!("1.0")]);
    assert_eq!(tiers(&jpy), [json!("56"), json!("45"), Json::Null]);
    assert_eq!((&cny["iot"]["connectionAndMessages"]["minutePrice"], &jpy["iot"]["connectionAndMessages"]["minutePrice"]), (&Json::Null, &json!("34")));
    // SITE-1: seed 003's and seed 002's USD prices are on the international site only.
    assert_eq!(usd["cloudPhone"]["specs"][0]["mainland"]["monthly"], "9.9057");
    assert_eq!((&cny["cloudPhone"]["specs"][0]["mainland"], &cny["iot"]["messagePrice"]), (&json!({}), &Json::Null));
    // Each site's prices carry their documents.
    assert!(jpy["iot"]["connectionAndMessages"]["sources"][0]["address"].as_str().unwrap().contains("jp.alibabacloud.com"));
    // The message categories, with the generations that bill them and a label (issue 29).
    let shadow = usd["iot"]["categories"].as_array().unwrap().iter().find(|c| c["name"] == "deviceShadow").unwrap();
    assert_eq!(shadow["billedBy"], json!(["basic", "connectionAndMessages"]));
    assert_eq!(shadow["label"], "device shadow messages");
}

// ---- compareBillingMethod for an IoT fleet ----

#[test]
fn compare_every_option_for_a_small_fleet_that_grows() {
    // 40 devices, 24 h, one 100-byte message every 10 minutes (144 a day), growing 30% a
    // month: 40, 52, 67 devices (floor). Activated in November: free quota in November and
    // December.
    // - connection and messages: messages 40 x 144 x 30 = 172,800 (free); minutes 40 x 1,440
    //   x 30 = 1,728,000, 728,000 chargeable: each day 57,600 minutes; the free million lasts
    //   to day 17 (979,200) and 20,800 of day 18: day 18 pays 36,800 x 0.3 / 1e6 = 0.01104 ->
    //   0.01; days 19..30 57,600 x 0.3 / 1e6 = 0.01728 -> 0.01 each: 0.13 in November.
    // - new public: 40 and 52 online devices... 52 > 50: outgrown in month 2 (IOT-24).
    let request = json!({ "product": "iot", "startMonth": "2026-11", "usage": { "months": 3 }, "activated": "2026-11-01",
        "fleet": { "devices": 40, "messages": [{ "every": { "minutes": 10 }, "bytes": 100 }] }, "growth": { "devicesPercentPerMonth": 30 } });
    let c = compare_billing_method(&Value::from_json_str(&request.to_string()).unwrap()).unwrap();
    let c: Json = serde_json::from_str(&alicloud_cost::json_write::to_string(&c).unwrap()).unwrap();
    let option = |id: &str| c["iotOptions"].as_array().unwrap().iter().find(|o| o["option"] == id).unwrap().clone();
    assert_eq!(option("legacyConnectionAndMessages")["months"][0]["cost"], "0.13");
    let new_public = option("newPublic");
    assert_eq!((&new_public["available"], &new_public["outgrownAt"]["month"]), (&json!(false), &json!(2)));
    // No Enterprise Edition spec in the catalog: unavailable, with the field to fill (IOT-4).
    let enterprise = option("enterprise");
    assert_eq!((&enterprise["available"], &enterprise["catalogField"]), (&json!(false), &json!("iot.enterpriseSpecs")));
    // Basic: November 172,800 messages (free) + December 52 x 144 x 31 = 232,128 (free) +
    // January 67 x 144 x 31 = 299,088 (free): USD 0. The cheapest available.
    assert_eq!(option("legacyBasic")["total"], "0.00");
    assert_eq!(c["cheapestOption"], "legacyBasic");
    // Without Enterprise Edition there are no two sides to curve.
    assert_eq!((&c["cheapest"], &c["curve"]), (&json!("unavailable"), &json!([])));
}

#[test]
fn an_enterprise_edition_outgrown_by_a_growing_fleet_keeps_the_months_it_held() {
    // One caller spec (IOT-4): 100,000 online devices, 100 messaging TPS, 100 forwarding TPS, at
    // 100 a month. 80,000 devices online 24 h, one message an hour (80,000 / 3,600 = 22.2 TPS),
    // growing 30 % a month: 80,000, 104,000, 135,200. Month 1 fits (100.00); month 2's 104,000
    // online devices fit no spec (IOT-23): outgrown in month 2, with month 1 still listed, as a
    // new public instance's months are.
    let request = json!({ "product": "iot", "startMonth": "2026-11", "usage": { "months": 3 },
        "catalog": { "iot": { "enterpriseSpecs": [{ "id": "base", "monthlyPrice": "100", "onlineDevices": 100000, "messagingTps": 100, "forwardingTps": 100 }] } },
        "fleet": { "devices": 80000, "messages": [{ "every": { "hours": 1 }, "bytes": 100 }] }, "growth": { "devicesPercentPerMonth": 30 } });
    let c = compare_billing_method(&Value::from_json_str(&request.to_string()).unwrap()).unwrap();
    let c: Json = serde_json::from_str(&alicloud_cost::json_write::to_string(&c).unwrap()).unwrap();
    let enterprise = c["iotOptions"].as_array().unwrap().iter().find(|o| o["option"] == "enterprise").unwrap().clone();
    assert_eq!((&enterprise["available"], &enterprise["outgrownAt"]["month"]), (&json!(false), &json!(2)));
    assert_eq!(enterprise["months"], json!([{ "month": 1, "cost": "100.00" }]));
}

#[test]
fn a_callers_catalog_may_have_many_tiers_and_each_line_names_its_own() {
    // Twelve tiers of 1,000,000 messages each at 1 to 12 (your catalog, SITE-1): 11,500,000 messages
    // in one day (third month, no free quota) fill tiers 1..11 and half of tier 12: 1 + 2 + ... + 11 =
    // 66, + 0.5 x 12 = 6: 72.00.
    let tiers: Vec<Json> = (0..12).map(|i| json!({ "above": i * 1_000_000, "price": i + 1 })).collect();
    let q = answer(json!({ "catalog": { "iot": { "connectionAndMessages": { "messageTiers": tiers } } },
        "items": [item(json!({ "activated": "2026-01-01", "usage": per_day(11_500_000, 1, 1, 0) }))] }));
    let it = &q["items"][0];
    assert_eq!(it["tradePrice"], "72.00");
    assert_eq!(line(it, "iot.messages.tier12")["amount"], "6.00");
    assert!(warning(it, "caller_price").is_some());
}
