//! IoT fleets (issue 17: IOT-20, IOT-22, IOT-23, IOT-24). Every expected value is
//! worked out by hand in the comments from shared/RULES.md's published examples.

mod common;
use alicloud_cost::decode::Value;
use alicloud_cost::{compare_billing_method, Comparison, ErrorCode};
use common::{error_of, quote_json};
use serde_json::{json, Value as Json};

fn legacy_fleet(edition: &str, fleet: Json) -> Json {
    json!({"items": [{"product": "iot", "instance": "legacyPublic", "edition": edition, "month": "2026-11", "usage": {"fleet": fleet}}]})
}

/// Caller specs (IOT-4: no published prices or capacities beyond the example's base).
fn specs() -> Json {
    json!({"iot": {"enterpriseSpecs": [
        {"id": "large", "monthlyPrice": "400", "onlineDevices": 500000, "messagingTps": 500, "forwardingTps": 500},
        {"id": "base", "monthlyPrice": "100", "onlineDevices": 100000, "messagingTps": 100, "forwardingTps": 100},
        {"id": "unsized", "monthlyPrice": "1"}
    ]}})
}

fn enterprise_fleet(fleet: Json) -> Json {
    json!({"items": [{"product": "iot", "instance": "enterprise", "months": 1, "fleet": fleet}], "catalog": specs()})
}

fn every(unit: &str, n: Json, bytes: u64) -> Json {
    json!({"every": {unit: n}, "bytes": bytes})
}

#[test]
fn pricing_page_example_18_144_000_messages_13_61_by_day_and_13_72_as_a_month() {
    // IOT-22: 1 device, one 0.4 KB (410 B <= 512 B: one billable message, IOT-15) message a
    // second, to 5 devices + 1 application. A day: 86,400 sent + 6 x 86,400 = 518,400
    // received = 604,800; 30 days (2026-11): 18,144,000. Rated per day (RULES.md worked
    // example): day 1 free, day 2 209,600 -> 0.17, days 3..30 0.48 each: 13.61; as one
    // month 17,144,000 x 0.8 / 1e6 = 13.7152 -> 13.72.
    let q = quote_json(legacy_fleet("basic", json!({"devices": 1, "messages": [{"every": {"seconds": 1}, "bytes": 410, "receivers": 6}]}))).unwrap();
    let item = &q.items[0];
    assert_eq!(q.trade_price.to_string(), "13.61");
    let fleet = item.fleet.as_ref().unwrap();
    assert_eq!((fleet.messages_per_day, fleet.messages_per_month.to_string().as_str()), (604_800, "18144000"));
    assert_eq!(
        fleet.formula[0],
        "1 device x 86,400 messages sent from devices (Pub) a day (every 1 s for 24 h online) = 86,400 sent + 86,400 x 6 receivers = 518,400 received"
    );
    let days = item.days.as_ref().and_then(|d| d.basic_pro()).unwrap();
    assert_eq!((days.len(), days[0].billable_messages, days[1].chargeable_messages), (30, 604_800, 209_600));
    let rounding = item.warnings.iter().find(|w| w.code == "daily_rounding").unwrap();
    assert!(rounding.message.contains("13.72"), "{}", rounding.message);
}

#[test]
fn doc_73701_traffic_144_000_000_messages_114_40_basic_1_013_50_pro() {
    // 10,000 devices online 8 h, one 0.5 KB (512 B) message a minute: 480 a device a day,
    // 4,800,000 a day, 144,000,000 in 30 days. Basic: day 1 (4.8M - 1M free) x 0.8 / 1e6 =
    // 3.04; days 2..30 3.84 x 29 = 111.36; 114.40. Pro adds device management: (10,000 -
    // 10 free) x 0.003 = 29.97 a day x 30 = 899.10 (IOT-19): 1,013.50.
    let fleet = json!({"devices": 10000, "onlineHoursPerDay": 8, "messages": [every("minutes", json!(1), 512)]});
    let basic = quote_json(legacy_fleet("basic", fleet.clone())).unwrap();
    assert_eq!(basic.trade_price.to_string(), "114.40");
    let summary = basic.items[0].fleet.as_ref().unwrap();
    assert_eq!((summary.messages_per_day, summary.messages_per_month.to_string().as_str()), (4_800_000, "144000000"));
    assert!(summary.formula[0].starts_with("10,000 devices x 480 messages sent from devices (Pub) a day (every 1 min for 8 h online) = 4,800,000 sent"), "{}", summary.formula[0]);
    // The category by its label in the request's language (the page's Category list), never its API name.
    let mut zh = legacy_fleet("basic", fleet.clone());
    zh["locale"] = json!("zh-CN");
    let zh = quote_json(zh).unwrap();
    let formula = &zh.items[0].fleet.as_ref().unwrap().formula[0];
    // No space between the interval and 一条 (a space parts a number from Chinese, not two Chinese words).
    assert!(formula.starts_with("10,000 台设备 x 每天 480 条设备发送的消息（Pub）（在线 8 小时内每 1 分钟一条）= 发送 4,800,000 条"), "{formula}");
    assert!(!formula.contains("devicePub"), "{formula}");
    let pro = quote_json(legacy_fleet("pro", fleet)).unwrap();
    assert_eq!(pro.trade_price.to_string(), "1013.50");
    let devices = pro.items[0].lines.iter().find(|l| l.code == "iot.deviceManagement").unwrap();
    assert_eq!(devices.amount.to_string(), "899.10");
}

#[test]
fn floor_rule_at_n_minus_1_n_and_n_plus_1() {
    // IOT-22 Choice: floor(28,800 online seconds / interval). 60 s -> 480; 60.001 s ->
    // 479.99 -> 479; 59.999 s -> 480.008 -> 480.
    let per_day = |seconds: &str| {
        let q = quote_json(legacy_fleet("basic", json!({"devices": 1, "onlineHoursPerDay": 8, "messages": [{"every": {"seconds": seconds}, "bytes": 1}]}))).unwrap();
        q.items[0].fleet.as_ref().unwrap().messages_per_day
    };
    assert_eq!((per_day("59.999"), per_day("60"), per_day("60.001")), (480, 480, 479));
    // Online time at the interval: 1 h every 3,600 s is 1 message; 0.9999 h is none, with a warning.
    let q = quote_json(legacy_fleet("basic", json!({"devices": 1, "onlineHoursPerDay": "0.9999", "messages": [every("hours", json!(1), 1)]}))).unwrap();
    assert_eq!(q.items[0].fleet.as_ref().unwrap().messages_per_day, 0);
    assert!(q.items[0].warnings.iter().any(|w| w.code == "interval_longer_than_online_time"));
    let q = quote_json(legacy_fleet("basic", json!({"devices": 1, "onlineHoursPerDay": 1, "messages": [every("hours", json!(1), 1)]}))).unwrap();
    assert_eq!(q.items[0].fleet.as_ref().unwrap().messages_per_day, 1);
    assert!(!q.items[0].warnings.iter().any(|w| w.code == "interval_longer_than_online_time"));
}

#[test]
fn per_day_messages_forwarding_and_days() {
    // 100 devices x 24 perDay = 2,400 sent; forwarded by the rules engine: 2,400 free
    // (IOT-14). 10 days: 24,000 messages, all inside the 1,000,000 free quota: USD 0.
    let r = json!({"items": [{"product": "iot", "instance": "legacyPublic", "edition": "basic", "month": "2026-11",
        "usage": {"days": 10, "fleet": {"devices": 100, "messages": [{"perDay": 24, "bytes": 100, "forwarded": true}]}}}]});
    let q = quote_json(r).unwrap();
    let item = &q.items[0];
    assert_eq!(q.trade_price.to_string(), "0.00");
    assert_eq!(item.days.as_ref().and_then(|d| d.basic_pro()).unwrap().len(), 10);
    assert_eq!(item.fleet.as_ref().unwrap().messages_per_month.to_string(), "24000");
    assert_eq!(item.days.as_ref().and_then(|d| d.basic_pro()).unwrap()[0].free_category_messages, 2_400);
}

#[test]
fn interfaces_map_to_their_category_and_edition() {
    let with_interface = |edition: &str, name: &str| legacy_fleet(edition, json!({"devices": 1, "messages": [{"perDay": 1, "bytes": 1, "interface": name}]}));
    // IOT-20: UpdateDeviceShadow is Basic only; InvokeThingService and the TSL calls are Pro only.
    assert!(quote_json(with_interface("basic", "UpdateDeviceShadow")).is_ok());
    let path = "items[0].usage.fleet.messages[0].interface".to_string();
    assert_eq!(error_of(with_interface("pro", "UpdateDeviceShadow")), (ErrorCode::CategoryNotInEdition, path.clone()));
    assert!(quote_json(with_interface("pro", "InvokeThingService")).is_ok());
    assert_eq!(error_of(with_interface("basic", "InvokeThingService")), (ErrorCode::CategoryNotInEdition, path.clone()));
    assert_eq!(error_of(with_interface("basic", "linkkit_trigger_event")), (ErrorCode::CategoryNotInEdition, path.clone()));
    // An unknown name suggests the closest one.
    let e = quote_json(with_interface("pro", "InvokeThingServce")).unwrap_err();
    assert_eq!((e.code, e.path.clone()), (ErrorCode::UnknownInterface, path));
    assert!(e.message.contains("did you mean \"InvokeThingService\""), "{}", e.message);
    // Free to call, but what is received through it is billed: the answer says so.
    let q = quote_json(with_interface("basic", "IOT_MQTT_Subscribe")).unwrap();
    assert!(q.items[0].warnings.iter().any(|w| w.code == "received_messages_billed" && w.message.contains("IOT_MQTT_Subscribe")));
    assert_eq!(q.items[0].days.as_ref().and_then(|d| d.basic_pro()).unwrap()[0].billable_messages, 1);
    // An interface is named by its API name, as a code in quotes.
    assert_eq!(q.items[0].fleet.as_ref().unwrap().formula[0], "1 device x 1 \"IOT_MQTT_Subscribe\" messages a day (a day) = 1 sent");
}

#[test]
fn bad_fleets_are_refused_at_their_path() {
    let at = |fleet: Json| error_of(legacy_fleet("basic", fleet));
    let m = "items[0].usage.fleet.messages[0]";
    assert_eq!(at(json!({"devices": 1, "messages": [every("seconds", json!(0), 1)]})), (ErrorCode::OutOfRange, format!("{m}.every")));
    assert_eq!(at(json!({"devices": 1, "messages": [every("seconds", json!(-5), 1)]})), (ErrorCode::OutOfRange, format!("{m}.every.seconds")));
    assert_eq!(at(json!({"devices": 1, "onlineHoursPerDay": 0, "messages": [every("seconds", json!(1), 1)]})).1, "items[0].usage.fleet.onlineHoursPerDay");
    assert_eq!(at(json!({"devices": 1, "onlineHoursPerDay": "24.01", "messages": [every("seconds", json!(1), 1)]})).0, ErrorCode::OutOfRange);
    assert_eq!(at(json!({"devices": 1, "messages": [{"every": {"seconds": 1}, "perDay": 3, "bytes": 1}]})), (ErrorCode::UnknownField, format!("{m}.perDay")));
    assert_eq!(at(json!({"devices": 1, "messages": [{"bytes": 1}]})), (ErrorCode::MissingField, format!("{m}.every")));
    // Day totals beyond the limits: 1e9 devices x 1e7 a day = 1e16 > 1e15.
    assert_eq!(at(json!({"devices": 1_000_000_000, "messages": [{"perDay": 10_000_000, "bytes": 1}]})), (ErrorCode::OutOfRange, m.to_string()));
    assert_eq!(at(json!({"devices": 1, "messages": []})), (ErrorCode::Empty, "items[0].usage.fleet.messages".to_string()));
}

#[test]
fn enterprise_example_25_messaging_tps_16_67_forwarding_fits_the_base_spec() {
    // IOT-23: 10,000 devices, an uplink every 10 min (forwarded) and a downlink every 20 min:
    // 10,000 / 600 = 16.67 + 10,000 / 1,200 = 8.33 = 25 messaging TPS; forwarding 16.67.
    // The base spec (100 / 100) holds it and is the cheapest that does (USD 100).
    let q = quote_json(enterprise_fleet(json!({"devices": 10000, "messages": [
        {"every": {"minutes": 10}, "bytes": 100, "forwarded": true},
        {"every": {"minutes": 20}, "bytes": 100, "category": "serverPub"}
    ]})))
    .unwrap();
    let sizing = q.items[0].sizing.as_ref().unwrap();
    assert_eq!((sizing.messaging_tps.to_string(), sizing.forwarding_tps.to_string()), ("25".to_string(), "16.67".to_string()));
    assert_eq!((sizing.spec.as_str(), sizing.online_devices), ("base", 10_000));
    assert_eq!(q.trade_price.to_string(), "100.00");
    assert!(sizing.formula.contains("10,000 devices x 1 / 600 s = 16.67 + 10,000 devices x 1 / 1,200 s = 8.33 = 25"), "{}", sizing.formula);
    assert!(!sizing.fits_new_public_instance);
}

#[test]
fn capacity_boundaries_pick_the_next_spec_one_past_each_limit() {
    let spec_for = |devices: u64, forwarded: bool, seconds: u64| {
        let q = quote_json(enterprise_fleet(json!({"devices": devices, "messages": [{"every": {"seconds": seconds}, "bytes": 1, "forwarded": forwarded}]}))).unwrap();
        q.items[0].sizing.as_ref().unwrap().spec.clone()
    };
    // Messaging TPS: devices / 600 against base's 100: 60,000 is exactly 100.
    assert_eq!((spec_for(59_999, false, 600), spec_for(60_000, false, 600), spec_for(60_001, false, 600)), ("base".into(), "base".into(), "large".into()));
    // Online devices against base's 100,000 (every 100,000 s: 1 TPS).
    assert_eq!(
        (spec_for(99_999, false, 100_000), spec_for(100_000, false, 100_000), spec_for(100_001, false, 100_000)),
        ("base".into(), "base".into(), "large".into())
    );
    // Forwarding TPS: forwarded every 1,200 s: 120,000 / 1,200 = 100 (messaging 100 too).
    assert_eq!(spec_for(60_000, true, 600), "base");
    assert_eq!(spec_for(60_001, true, 600), "large");
}

#[test]
fn no_spec_fits_names_the_capacity_that_falls_short() {
    // 600,000 devices every 600 s = 1,000 messaging TPS; the largest spec holds 500.
    let e = quote_json(enterprise_fleet(json!({"devices": 400_000, "messages": [every("seconds", json!(400), 1)]}))).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::NoSpecFits, "items[0].fleet"));
    assert!(e.message.contains("1,000 messaging TPS (the most is 500)"), "{}", e.message);
    assert!(!e.message.contains("online devices"), "{}", e.message);
    // Without capacities in the catalog the fleet cannot be sized.
    let r = json!({"items": [{"product": "iot", "instance": "enterprise", "months": 1, "fleet": {"devices": 1, "messages": [every("seconds", json!(1), 1)]}}]});
    assert_eq!(error_of(r), (ErrorCode::MissingPrice, "items[0].fleet".to_string()));
}

#[test]
fn a_fleet_within_iot_24_limits_is_told_about_the_free_new_public_instance() {
    // IOT-24: 50 online devices, 5 messaging TPS. 50 devices every 10 s = 5 TPS: fits.
    let fits = |devices: u64, seconds: &str| {
        let q = quote_json(enterprise_fleet(json!({"devices": devices, "messages": [{"every": {"seconds": seconds}, "bytes": 1}]}))).unwrap();
        (q.items[0].sizing.as_ref().unwrap().fits_new_public_instance, q.items[0].warnings.iter().any(|w| w.code == "fits_new_public_instance"))
    };
    assert_eq!(fits(50, "10"), (true, true));
    assert_eq!(fits(51, "10.2"), (false, false)); // 51 online devices > 50 (TPS 5)
    assert_eq!(fits(50, "9.99"), (false, false)); // 5.005 TPS > 5
    let q = quote_json(legacy_fleet("basic", json!({"devices": 50, "messages": [every("seconds", json!(10), 1)]}))).unwrap();
    assert!(q.items[0].warnings.iter().any(|w| w.code == "fits_new_public_instance"));
}

fn compare(request: Json) -> Comparison {
    compare_billing_method(&Value::from_json_str(&request.to_string()).unwrap()).unwrap()
}

#[test]
fn a_growing_fleet_outgrows_its_spec_in_month_3() {
    // 50,000 devices every 600 s (83.33 TPS), +10 % a month: 50,000, 55,000, 60,500 (100.83
    // TPS > base's 100: month 3), 66,550, 73,205, 80,525 (80,525.5 rounded down).
    // Enterprise: 100 + 100 + 4 x 400 = 1,800.
    // Legacy Basic, month 1 (2026-11, 30 days): 144 a device a day = 7,200,000 a day; day 1
    // (7.2M - 1M) x 0.8 / 1e6 = 4.96; days 2..30 5.76 x 29 = 167.04; 172.00.
    let c = compare(json!({"product": "iot", "edition": "basic", "startMonth": "2026-11", "usage": {"months": 6},
        "fleet": {"devices": 50000, "messages": [every("seconds", json!(600), 100)]},
        "growth": {"devicesPercentPerMonth": 10}, "catalog": specs()}));
    assert_eq!(c.options[0].total.to_string(), "1800.00");
    assert_eq!(c.curve[0].pay_as_you_go.to_string(), "172.00");
    assert_eq!(c.sizing.as_ref().unwrap().spec, "base");
    let outgrown = c.caveats.iter().find(|w| w.code == "fleet_outgrows_spec").expect("the month is named");
    assert!(outgrown.message.starts_with("In month 3 the fleet (60,500 devices) outgrows base"), "{}", outgrown.message);
    assert!(outgrown.message.contains("large at USD 400"), "{}", outgrown.message);
    // Without growth the base spec holds all six months: 6 x 100 = 600.
    let flat = compare(json!({"product": "iot", "edition": "basic", "startMonth": "2026-11", "usage": {"months": 6},
        "fleet": {"devices": 50000, "messages": [every("seconds", json!(600), 100)]}, "catalog": specs()}));
    assert_eq!(flat.options[0].total.to_string(), "600.00");
    assert!(!flat.caveats.iter().any(|w| w.code == "fleet_outgrows_spec"));
}

#[test]
fn a_given_spec_is_kept_while_it_holds_the_fleet() {
    // The customer's own "large" spec holds 50,000 devices every 600 s (83.33 TPS): it is kept,
    // though "base" would be cheaper: 6 x 400 = 2,400. A spec that cannot hold month 1 is refused.
    let request = |spec: &str| {
        json!({"product": "iot", "edition": "basic", "startMonth": "2026-11", "usage": {"months": 6}, "spec": spec,
            "fleet": {"devices": 50000, "messages": [every("seconds", json!(600), 100)]}, "catalog": specs()})
    };
    let c = compare(request("large"));
    assert_eq!((c.options[0].total.to_string(), c.sizing.unwrap().spec), ("2400.00".to_string(), "large".to_string()));
    let mut small = request("base");
    small["fleet"]["devices"] = json!(60001);
    let e = compare_billing_method(&Value::from_json_str(&small.to_string()).unwrap()).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::NoSpecFits, "spec"));
}
