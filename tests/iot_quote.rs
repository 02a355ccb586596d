//! IoT Platform quotes (IOT-2..IOT-4, IOT-12..IOT-19). Expected values are worked out
//! by hand from shared/RULES.md; the arithmetic is in the comments.

mod common;
use alicloud_cost::ErrorCode;
use common::{error_of, quote_json, total};
use serde_json::{json, Value as Json};

fn legacy(edition: &str, month: &str, usage: Json) -> Json {
    json!({"items": [{"product": "iot", "instance": "legacyPublic", "edition": edition, "month": month, "usage": usage}]})
}

fn legacy_used(edition: &str, month: &str, usage: Json, free_quota_used: u64) -> Json {
    let mut r = legacy(edition, month, usage);
    r["items"][0]["freeQuotaUsed"] = json!(free_quota_used);
    r
}

#[test]
fn published_example_daily_rounding_gives_13_61_and_shows_13_72() {
    // RULES.md worked example: 18,144,000 messages in a 30-day month = 604,800 a day.
    // Day 1: 604,800 all in the free quota (395,200 of it left). Day 2: 604,800 - 395,200
    // = 209,600 x 0.8 / 1e6 = 0.16768 -> 0.17. Days 3..30: 604,800 x 0.8 / 1e6 = 0.48384
    // -> 0.48, x 28 = 13.44. Total 0.17 + 13.44 = 13.61 (IOT-16, IOT-17, IOT-18).
    // Rated as a whole: (18,144,000 - 1,000,000) x 0.8 / 1e6 = 13.7152 -> 13.72.
    let q = quote_json(legacy("basic", "2026-11", json!({"perDay": {"messages": [{"bytes": 200, "count": 604800}]}}))).unwrap();
    let item = &q.items[0];
    assert_eq!(q.trade_price.to_string(), "13.61");
    let line = &item.lines[0];
    assert_eq!(line.code, "iot.messages");
    assert_eq!(line.amount.to_string(), "13.61");
    assert_eq!(line.exact_amount.to_string(), "13.7152");
    assert_eq!(line.quantity.to_string(), "17.144"); // million chargeable messages
    let warning = item.warnings.iter().find(|w| w.code == "daily_rounding").expect("the rounding effect is shown");
    assert!(warning.message.contains("13.72") && warning.message.contains("13.61"), "{}", warning.message);
    let days = item.days.as_ref().and_then(|d| d.basic_pro()).unwrap();
    assert_eq!(days.len(), 30);
    assert_eq!((days[0].message_amount.to_string(), days[0].free_quota_messages), ("0.00".to_string(), 604_800));
    assert_eq!((days[1].message_amount.to_string(), days[1].chargeable_messages), ("0.17".to_string(), 209_600));
    assert_eq!(days[2].message_amount.to_string(), "0.48");
    // The free quota line shows the 1,000,000 messages it covered (IOT-17).
    let free = item.lines.iter().find(|l| l.code == "iot.freeQuota").unwrap();
    assert_eq!(free.quantity.to_string(), "1000000");
}

#[test]
fn published_example_rated_as_one_day_is_13_72() {
    // The same 18,144,000 messages counted on a single day: one rounding, 13.7152 -> 13.72.
    let q = quote_json(legacy("pro", "2026-11", json!({"days": [{"messages": [{"bytes": 512, "count": 18144000}]}]}))).unwrap();
    assert_eq!(q.items[0].lines[0].amount.to_string(), "13.72");
    assert!(q.items[0].warnings.iter().all(|w| w.code != "daily_rounding"));
}

#[test]
fn iot15_a_message_counts_ceil_of_size_over_512_and_at_least_one() {
    // Free quota already used up, so every billable message is charged at 0.8 per million.
    // 1,000,000 messages of each size: 0 B -> 1, 512 B -> 1, 513 B -> 2, 1024 B -> 2, 1025 B -> 3.
    for (bytes, expected) in [(0, "0.80"), (1, "0.80"), (512, "0.80"), (513, "1.60"), (1024, "1.60"), (1025, "2.40")] {
        let usage = json!({"days": [{"messages": [{"bytes": bytes, "count": 1000000}]}]});
        assert_eq!(total(legacy_used("basic", "2026-12", usage, 1_000_000)), expected, "{bytes} bytes");
    }
}

#[test]
fn iot14_free_categories_cost_nothing_but_are_listed() {
    // 5,000,000 PINGREQ and 2,000,000 rules-engine forwards: free. 10,000 device Pub: in the quota.
    let usage = json!({"days": [{"messages": [
        {"bytes": 64, "count": 5000000, "category": "pingReq"},
        {"bytes": 2048, "count": 2000000, "category": "rulesEngineForward"},
        {"bytes": 64, "count": 10000}
    ]}]});
    let q = quote_json(legacy("basic", "2026-12", usage)).unwrap();
    assert_eq!(q.trade_price.to_string(), "0.00");
    let free = q.items[0].lines.iter().find(|l| l.code == "iot.freeCategories").unwrap();
    assert_eq!(free.quantity.to_string(), "7000000");
    assert_eq!(free.rules, vec!["IOT-14"]);
}

#[test]
fn iot13_categories_are_billable_per_edition() {
    // deviceShadow is billed on Basic, TSL on Pro: 1,000,000 of either costs 0.80 past the quota.
    let shadow = json!({"days": [{"messages": [{"bytes": 100, "count": 1000000, "category": "deviceShadow"}]}]});
    let tsl = json!({"days": [{"messages": [{"bytes": 100, "count": 1000000, "category": "tsl"}]}]});
    assert_eq!(total(legacy_used("basic", "2026-12", shadow.clone(), 1_000_000)), "0.80");
    assert_eq!(total(legacy_used("pro", "2026-12", tsl.clone(), 1_000_000)), "0.80");
    let path = "items[0].usage.days[0].messages[0].category".to_string();
    assert_eq!(error_of(legacy("pro", "2026-12", shadow)), (ErrorCode::CategoryNotInEdition, path.clone()));
    assert_eq!(error_of(legacy("basic", "2026-12", tsl)), (ErrorCode::CategoryNotInEdition, path.clone()));
    let unknown = json!({"days": [{"messages": [{"bytes": 1, "count": 1, "category": "email"}]}]});
    assert_eq!(error_of(legacy("pro", "2026-12", unknown)), (ErrorCode::UnknownCategory, path));
}

#[test]
fn iot17_free_quota_used_before_the_quote_is_subtracted() {
    // 400,000 of the 1,000,000 already used: 600,000 left. A day of 1,000,000 -> 400,000
    // chargeable x 0.8 / 1e6 = 0.32.
    let usage = json!({"days": [{"messages": [{"bytes": 10, "count": 1000000}]}]});
    assert_eq!(total(legacy_used("basic", "2026-12", usage.clone(), 400_000)), "0.32");
    // More than the quota already used: nothing left, all 1,000,000 charged = 0.80.
    assert_eq!(total(legacy_used("basic", "2026-12", usage, 5_000_000)), "0.80");
}

#[test]
fn iot18_free_quota_goes_to_the_earliest_days_first_whatever_the_input_order() {
    // Dec 1: 10,000 messages (free, 990,000 quota left); Dec 2: 1,006,250 -> 16,250 chargeable
    // x 0.8 / 1e6 = 0.013 -> 0.01. Total 0.01. (Taken in the given order, Dec 2 first, it
    // would be 6,250 -> 0.005 -> 0.01 plus Dec 1 10,000 -> 0.008 -> 0.01 = 0.02.)
    let usage = json!({"days": [
        {"date": "2026-12-02", "messages": [{"bytes": 100, "count": 1006250}]},
        {"date": "2026-12-01", "messages": [{"bytes": 100, "count": 10000}]}
    ]});
    let q = quote_json(legacy("basic", "2026-12", usage)).unwrap();
    assert_eq!(q.trade_price.to_string(), "0.01");
    let days = q.items[0].days.as_ref().and_then(|d| d.basic_pro()).unwrap();
    assert_eq!(alicloud_cost::time::iso_date(days[0].date), "2026-12-01");
    assert_eq!(days[1].chargeable_messages, 16_250);
}

#[test]
fn iot19_pro_pays_living_devices_beyond_ten_a_day_rounded_per_day() {
    // 110 living devices: 100 chargeable x 0.003 = 0.30 a day; November has 30 days: 9.00.
    let usage = json!({"perDay": {"messages": [], "livingDevices": 110}});
    let q = quote_json(legacy("pro", "2026-11", usage)).unwrap();
    let device = q.items[0].lines.iter().find(|l| l.code == "iot.deviceManagement").unwrap();
    assert_eq!(device.amount.to_string(), "9.00");
    assert_eq!(device.quantity.to_string(), "3000"); // device-days
    // 11 living devices: 1 x 0.003 = 0.003 -> 0.00 a day; 31 days bill 0.00 (exact 0.093).
    let q = quote_json(legacy("pro", "2026-12", json!({"perDay": {"messages": [], "livingDevices": 11}}))).unwrap();
    let device = q.items[0].lines.iter().find(|l| l.code == "iot.deviceManagement").unwrap();
    assert_eq!((device.amount.to_string(), device.exact_amount.to_string()), ("0.00".to_string(), "0.093".to_string()));
    // 12 living devices: 2 x 0.003 = 0.006 -> 0.01 a day; 31 days = 0.31 (exact 0.186).
    assert_eq!(total(legacy("pro", "2026-12", json!({"perDay": {"messages": [], "livingDevices": 12}}))), "0.31");
    // 10 living devices: all free.
    assert_eq!(total(legacy("pro", "2026-12", json!({"perDay": {"messages": [], "livingDevices": 10}}))), "0.00");
}

#[test]
fn iot12_basic_pays_no_device_fee_and_says_so() {
    let q = quote_json(legacy("basic", "2026-12", json!({"perDay": {"messages": [], "livingDevices": 500}}))).unwrap();
    assert_eq!(q.trade_price.to_string(), "0.00");
    assert!(q.items[0].warnings.iter().any(|w| w.code == "no_device_fee_on_basic"));
}

#[test]
fn per_day_usage_defaults_to_the_months_length_including_leap_february() {
    // 110 living devices x 0.30 a day: February 2028 has 29 days = 8.70; February 2026, 28 = 8.40;
    // `days: 10` = 3.00.
    let usage = json!({"perDay": {"messages": [], "livingDevices": 110}});
    assert_eq!(total(legacy("pro", "2028-02", usage.clone())), "8.70");
    assert_eq!(total(legacy("pro", "2026-02", usage)), "8.40");
    assert_eq!(total(legacy("pro", "2026-02", json!({"perDay": {"messages": [], "livingDevices": 110}, "days": 10}))), "3.00");
}

#[test]
fn large_inputs_stay_exact() {
    // 1e12 messages a day for December's 31 days. Day 1: (1e12 - 1e6) x 0.8 / 1e6 = 799,999.20;
    // days 2..31: 800,000.00 each, x 30 = 24,000,000. Total 24,799,999.20.
    let usage = json!({"perDay": {"messages": [{"bytes": 512, "count": 1_000_000_000_000u64}]}});
    assert_eq!(total(legacy("basic", "2026-12", usage)), "24799999.20");

    // 31 explicit days of 10,000 buckets, each 1e15 messages of 1e9 bytes
    // (ceil(1e9 / 512) = 1,953,125 units): 1.953125e25 billable a day = 1.5625e19 USD a day.
    // Day 1 loses the 1e6 free messages (0.80): 31 x 1.5625e19 - 0.80 = 484,374,999,999,999,999,999.20.
    let bucket = json!({"bytes": 1_000_000_000u64, "count": 1_000_000_000_000_000u64});
    let day = json!({"messages": vec![bucket; 10_000]});
    let usage = json!({"days": vec![day; 31]});
    assert_eq!(total(legacy("basic", "2026-12", usage)), "484374999999999999999.20");
}

#[test]
fn enterprise_edition_uses_the_callers_price_and_a_free_trial_month() {
    // IOT-4: 12 months x USD 100.50 = 1,206.00.
    let enterprise = |extra: Json| {
        let mut item = json!({"product": "iot", "instance": "enterprise", "months": 12, "monthlyPrice": "100.50"});
        for (k, v) in extra.as_object().unwrap() {
            item[k] = v.clone();
        }
        json!({"items": [item]})
    };
    assert_eq!(total(enterprise(json!({}))), "1206.00");
    // IOT-3: a trial's first month is free: 11 x 100.50 = 1,105.50.
    let q = quote_json(enterprise(json!({"trial": true}))).unwrap();
    assert_eq!(q.trade_price.to_string(), "1105.50");
    assert_eq!(q.items[0].lines[0].code, "iot.enterprise.trial");
    assert!(q.items[0].warnings.iter().any(|w| w.code == "trial_released_after_one_month"));
    // A one-month trial costs nothing.
    assert_eq!(total(enterprise(json!({"trial": true, "months": 1}))), "0.00");
    // 2 instances x 3 months x 99.99 = 599.94.
    assert_eq!(total(enterprise(json!({"quantity": 2, "months": 3, "monthlyPrice": 99.99}))), "599.94");
}

#[test]
fn enterprise_edition_without_a_price_is_refused_and_a_catalog_spec_supplies_one() {
    let no_price = json!({"items": [{"product": "iot", "instance": "enterprise", "months": 1}]});
    assert_eq!(error_of(no_price), (ErrorCode::MissingPrice, "items[0].monthlyPrice".to_string()));
    // From the caller's catalog: 6 months x 250 = 1,500.00.
    let with_catalog = json!({
        "catalog": {"iot": {"enterpriseSpecs": [{"id": "standard-10k", "monthlyPrice": "250"}]}},
        "items": [{"product": "iot", "instance": "enterprise", "months": 6, "spec": "standard-10k"}]
    });
    assert_eq!(total(with_catalog), "1500.00");
}

#[test]
fn iot2_new_public_instances_are_free_with_a_note() {
    let q = quote_json(json!({"items": [{"product": "iot", "instance": "newPublic"}]})).unwrap();
    assert_eq!(q.trade_price.to_string(), "0.00");
    assert_eq!(q.items[0].warnings[0].code, "fixed_specification");
}

#[test]
fn iot_bad_input_has_codes_and_paths() {
    let day = |d: Json| json!({"days": [d]});
    let p = |s: &str| format!("items[0].usage.{s}");
    let cases = [
        (legacy("basic", "2026-12", day(json!({"date": "2026-11-30", "messages": []}))), ErrorCode::DateOutOfPeriod, p("days[0].date")),
        (legacy("basic", "2026-02", day(json!({"date": "2026-02-30", "messages": []}))), ErrorCode::InvalidDate, p("days[0].date")),
        (legacy("basic", "2026-12", json!({"days": [{"date": "2026-12-05", "messages": []}, {"date": "2026-12-05", "messages": []}]})), ErrorCode::DuplicateDate, p("days")),
        (legacy("basic", "2026-12", day(json!({"messages": [{"bytes": 1, "count": -5}]}))), ErrorCode::OutOfRange, p("days[0].messages[0].count")),
        (legacy("basic", "2026-12", day(json!({"messages": [{"bytes": 1, "count": 1_000_000_000_000_001u64}]}))), ErrorCode::OutOfRange, p("days[0].messages[0].count")),
        (legacy("basic", "2026-12", day(json!({"messages": [{"bytes": -1, "count": 1}]}))), ErrorCode::OutOfRange, p("days[0].messages[0].bytes")),
        (legacy("basic", "2026-12", day(json!({"messages": [{"count": 1}]}))), ErrorCode::MissingField, p("days[0].messages[0].bytes")),
        (legacy("basic", "2026-12", day(json!({"messages": [], "livingDevices": 1.5}))), ErrorCode::NotAnInteger, p("days[0].livingDevices")),
        (legacy("basic", "2026-12", json!({"perDay": {"date": "2026-12-01", "messages": []}})), ErrorCode::UnknownField, p("perDay.date")),
        (legacy("basic", "2026-12", json!({"perDay": {"messages": []}, "days": 32})), ErrorCode::OutOfRange, p("days")),
        (legacy("basic", "2026-02", json!({"days": vec![json!({"messages": []}); 29]})), ErrorCode::TooMany, p("days")),
        (legacy("basic", "2026-12", json!({"days": []})), ErrorCode::Empty, p("days")),
        (legacy("gold", "2026-12", json!({"days": []})), ErrorCode::UnknownEdition, "items[0].edition".to_string()),
        (legacy("basic", "2026-13", json!({"days": []})), ErrorCode::InvalidDate, "items[0].month".to_string()),
        (json!({"items": [{"product": "iot", "instance": "private"}]}), ErrorCode::UnknownInstance, "items[0].instance".to_string()),
        (json!({"items": [{"product": "iot", "instance": "newPublic", "edition": "pro"}]}), ErrorCode::UnknownField, "items[0].edition".to_string()),
    ];
    for (request, code, path) in cases {
        assert_eq!(error_of(request.clone()), (code, path), "{request}");
    }
}

#[test]
fn iot19_device_management_rounded_per_day_is_shown_against_the_month_rated_whole() {
    // 15 living devices every day of November (30 days): 10 free a day, 5 x 0.003 = 0.015 a
    // day, rounded half-up to 0.02 (IOT-19): 30 x 0.02 = 0.60 billed. Rated as one month,
    // 150 device-days x 0.003 = 0.45. No message is billed (none sent), so the only
    // daily_rounding warning is the device line's, citing IOT-19 with both figures.
    let q = quote_json(legacy("pro", "2026-11", json!({"perDay": {"messages": [], "livingDevices": 15}}))).unwrap();
    let devices = q.items[0].lines.iter().find(|l| l.code == "iot.deviceManagement").unwrap();
    assert_eq!(devices.amount.to_string(), "0.60");
    let warnings: Vec<_> = q.items[0].warnings.iter().filter(|w| w.code == "daily_rounding").collect();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].rules, ["IOT-19"]);
    assert!(warnings[0].message.contains("USD 0.60 over these 30 days") && warnings[0].message.contains("USD 0.45"), "{}", warnings[0].message);
    // 20 living devices: 10 x 0.003 = 0.03 a day exactly: no rounding, no warning.
    let q = quote_json(legacy("pro", "2026-11", json!({"perDay": {"messages": [], "livingDevices": 20}}))).unwrap();
    assert!(q.items[0].warnings.iter().all(|w| w.code != "daily_rounding"));
}
