//! The rules beyond the seeds (RULES.md, "Beyond the seeds"): CP-13, CP-14 and
//! ECS-10..ECS-14, each from a dated public page. Every published example is a test,
//! and every new deadline is checked at N-1, N and N+1 seconds.
mod common;

use alicloud_cost::decode::{Node, Value};
use common::{lifecycle_json, quote_json};
use serde_json::{json, Value as Json};

fn run(request: Json) -> Json {
    lifecycle_json(&request.to_string())
}

/// `base` moved by `seconds`, as RFC 3339 in UTC+8.
fn shift(base: &str, seconds: i64) -> String {
    let v = Value::String(base.to_string().into());
    alicloud_cost::time::instant(&Node::root(&v, &Default::default())).unwrap().plus_seconds(seconds).to_rfc3339()
}

fn first<'a>(r: &'a Json, event: &str) -> Option<&'a Json> {
    r["timeline"].as_array().unwrap().iter().find(|e| e["event"] == event)
}

fn at(r: &Json, event: &str) -> Option<String> {
    first(r, event).map(|e| e["at"].as_str().unwrap().to_string())
}

fn events(r: &Json) -> Vec<String> {
    r["timeline"].as_array().unwrap().iter().map(|e| e["event"].as_str().unwrap().to_string()).collect()
}

fn rules(entry: &Json) -> Vec<&str> {
    entry["rules"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect()
}

// ---------------------------------------------------------------- CP-13

fn cloud_phone_payg(created_at: &str) -> Json {
    json!({"items": [{"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland", "billing": "payAsYouGo",
        "hours": 5, "quantity": 2, "createdAt": created_at}]})
}

#[test]
fn cp13_a_group_created_before_the_cut_over_is_billed_per_second() {
    // Cut-over 2025-05-06 00:00:00 UTC+8. Before it: 2 phones x 5 h x 0.0457 = 0.457 -> 0.46.
    // From it on: ceil(5 / 4) = 2 periods = 8 h; 2 x 8 x 0.0457 = 0.7312 -> 0.73 (CP-3).
    let cut_over = "2025-05-06T00:00:00+08:00";
    for (seconds, total, in_periods) in [(-1, "0.46", false), (0, "0.73", true), (1, "0.73", true)] {
        let q = quote_json(cloud_phone_payg(&shift(cut_over, seconds))).unwrap();
        assert_eq!(q.trade_price.to_string(), total, "created {seconds} s from the cut-over");
        let line = &q.items[0].lines[0];
        assert!(line.rules.contains(&"CP-13"));
        // CP-3 (the periods) is cited exactly when the periods applied.
        assert_eq!(line.rules.contains(&"CP-3"), in_periods, "{:?}", line.rules);
        // The formula says which unit applied.
        assert_eq!(line.formula.contains("per second"), seconds < 0, "{}", line.formula);
    }
    // In an instant's own offset: 2025-05-05T16:00:00Z is the cut-over itself.
    assert_eq!(quote_json(cloud_phone_payg("2025-05-05T16:00:00Z")).unwrap().trade_price.to_string(), "0.73");
    // The notice's example: a new group used 30 minutes is billed 4 hours (0.1828 -> 0.18 for one
    // phone); an old group, 30 minutes (0.02285 -> 0.02).
    let half_hour = |created: &str| json!({"items": [{"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland",
        "billing": "payAsYouGo", "hours": 0.5, "createdAt": created}]});
    assert_eq!(quote_json(half_hour("2025-06-01")).unwrap().trade_price.to_string(), "0.18");
    assert_eq!(quote_json(half_hour("2025-01-01")).unwrap().trade_price.to_string(), "0.02");
    // Without createdAt, today's periods apply and CP-13 is not cited.
    let plain = json!({"items": [{"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland", "billing": "payAsYouGo", "hours": 5, "quantity": 2}]});
    let q = quote_json(plain).unwrap();
    assert_eq!((q.trade_price.to_string().as_str(), q.items[0].lines[0].rules.contains(&"CP-13")), ("0.73", false));
}

#[test]
fn cp13_the_cut_over_is_catalog_data_with_its_source_and_a_caller_can_move_it() {
    let catalog = alicloud_cost::default_catalog();
    assert_eq!(catalog.cloud_phone.periods_since.to_rfc3339(), "2025-05-06T00:00:00+08:00");
    assert_eq!(catalog.cloud_phone.periods_since_source.as_of.as_deref(), Some("2025-04-21"));
    assert_eq!(catalog.cloud_phone.periods_since_source.rules, ["CP-13"]);
    let mut request = cloud_phone_payg("2025-06-01");
    request["catalog"] = json!({"cloudPhone": {"periodsSince": "2025-07-01"}});
    assert_eq!(quote_json(request).unwrap().trade_price.to_string(), "0.46");
}

#[test]
fn cp13_compare_prices_an_old_group_per_second() {
    // acp.basic.small mainland, 10.5 h a month: per second 10.5 x 0.0457 = 0.47985 -> 0.48 a
    // month; in periods ceil(10.5 / 4) x 4 = 12 h -> 0.5484 -> 0.55.
    let need = |created: &str| json!({"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland",
        "createdAt": created, "usage": {"months": 2, "hoursPerMonth": 10.5}});
    let old = alicloud_cost::compare_billing_method(&Value::from_json_str(&need("2024-12-31").to_string()).unwrap()).unwrap();
    let new = alicloud_cost::compare_billing_method(&Value::from_json_str(&need("2025-05-06").to_string()).unwrap()).unwrap();
    assert_eq!((old.options[1].total.to_string(), new.options[1].total.to_string()), ("0.96".into(), "1.10".into()));
    assert!(old.caveats.iter().any(|c| c.code == "billed_per_second" && c.rules == ["CP-13"]));
    // No whole periods to win in: the break-even is only the ratio 9.9057 / 0.0457 = 216.75.
    let be = old.break_even.unwrap();
    assert_eq!((be.hours_per_month.to_string().as_str(), be.last_winning_hours), ("216.75", None));
}

#[test]
fn cp13_a_lifecycle_release_bills_an_old_group_to_the_second() {
    // Released 1.5 h after start at 0.0457/h: per second 1.5 x 0.0457 = 0.06855 -> 0.07; a group
    // created after the cut-over pays to the end of its 4-hour period: 0.1828 -> 0.18.
    let request = |created: &str| json!({"product": "cloudPhone", "resource": {"billing": "payAsYouGo", "createdAt": created},
        "start": "2026-12-01", "costPerHour": "0.0457", "events": [{"at": "2026-12-01T01:30:00+08:00", "type": "release"}]});
    let old = run(request("2025-05-05T23:59:59+08:00"));
    assert_eq!(old["billed"], "0.07");
    assert_eq!(rules(first(&old, "released").unwrap()), ["CP-13"]);
    assert_eq!(run(request("2026-12-01"))["billed"], "0.18");
    // Periods count from creation: created 2026-11-30 23:00, released 12-01 01:30 is 2.5 h into
    // the first period, billed to 12-01 03:00; from start (00:00) that is 3 h: 0.1371 -> 0.14.
    assert_eq!(run(request("2026-11-30T23:00:00+08:00"))["billed"], "0.14");
    // Created after start: refused.
    let e = common::lifecycle_error(&request("2026-12-02").to_string());
    assert_eq!((e.code.as_str(), e.path.as_str()), ("out_of_range", "resource.createdAt"));
}

// ---------------------------------------------------------------- CP-14

#[test]
fn cp14_an_expired_subscription_group_is_deleted_15_days_after_expiry() {
    // 1 month from 2026-12-01: expiry 2027-01-01 00:00; deleted 2027-01-16 00:00. A renewal one
    // second before restores it; at the deadline it is too late (deadlines go first on ties).
    let deleted = "2027-01-16T00:00:00+08:00";
    let request = |renew_at: &str| json!({"product": "cloudPhone", "resource": {"billing": "subscription"}, "start": "2026-12-01",
        "months": 1, "events": [{"at": renew_at, "type": "renew", "months": 1}], "until": "2027-03-01"});
    let r = run(request(&shift(deleted, -1)));
    assert_eq!(events(&r), ["created", "expired", "renewed", "expired", "released", "horizonEnd"]);
    // Renewed months add from the original expiry: 2027-02-01; deleted 2027-02-16.
    assert_eq!(r["dataDeletedAt"], "2027-02-16T00:00:00+08:00");
    for seconds in [0, 1] {
        let r = run(request(&shift(deleted, seconds)));
        assert_eq!(at(&r, "released").as_deref(), Some(deleted));
        assert_eq!(first(&r, "renewRefused").unwrap()["at"], shift(deleted, seconds));
    }
}

// ---------------------------------------------------------------- ECS-10

fn ecs_subscription(start: &str, extra: Json) -> Json {
    let mut request = json!({"product": "ecs", "resource": {"billing": "subscription"}, "start": start, "months": 1});
    for (k, v) in extra.as_object().unwrap() {
        request[k] = v.clone();
    }
    request
}

#[test]
fn ecs10_the_published_example() {
    // Bought 2019-08-09 13:00:00 for one month: the cycle ends 2019-09-10 00:00:00; renewed for one
    // month, 2019-10-10 00:00:00 (from the old end, not from the payment).
    let r = run(ecs_subscription("2019-08-09T13:00:00+08:00", json!({
        "events": [{"at": "2019-08-20T15:00:00+08:00", "type": "renew", "months": 1}], "until": "2019-11-01"})));
    let created = first(&r, "created").unwrap();
    assert!(created["effects"][1].as_str().unwrap().contains("10 Sep 2019, 00:00 (UTC+8)"));
    assert!(rules(created).contains(&"ECS-10"));
    let renewed = first(&r, "renewed").unwrap();
    assert!(renewed["effects"][0].as_str().unwrap().contains("10 Oct 2019, 00:00 (UTC+8)"));
    assert_eq!(rules(renewed), ["ECS-10"]);
    assert_eq!(at(&r, "expired").as_deref(), Some("2019-10-10T00:00:00+08:00"));
}

#[test]
fn ecs10_the_cycle_end_moves_at_midnight_of_the_purchase_day() {
    // Bought at 23:59:59 on 08-09, 00:00:00 on 08-10, 00:00:01 on 08-10 (UTC+8): expiry dates
    // 09-09, 09-10, 09-10, so the cycles end 09-10, 09-11, 09-11 at 00:00.
    let midnight = "2019-08-10T00:00:00+08:00";
    for (seconds, end) in [(-1, "2019-09-10T00:00:00+08:00"), (0, "2019-09-11T00:00:00+08:00"), (1, "2019-09-11T00:00:00+08:00")] {
        let r = run(ecs_subscription(&shift(midnight, seconds), json!({"until": "2019-09-12"})));
        assert_eq!(at(&r, "expired").as_deref(), Some(end), "bought {seconds} s from midnight");
    }
}

// ---------------------------------------------------------------- ECS-11

#[test]
fn ecs11_expiry_stops_the_instance_and_releases_it_after_15_days() {
    // Cycle end 2027-01-02 00:00 (bought 2026-12-01 10:00 for a month). Stopped then, released
    // 2027-01-17 00:00: compute and subscription disks with their data, the public IP; the EIP
    // is disassociated. A renewal at N-1 is backdated to the old end (new end 2027-02-02);
    // at N and N+1 it is refused.
    let released = "2027-01-17T00:00:00+08:00";
    let request = |renew_at: &str| ecs_subscription("2026-12-01T10:00:00+08:00", json!({
        "resource": {"billing": "subscription", "attached": ["staticPublicIp", "eip"]},
        "events": [{"at": renew_at, "type": "renew", "months": 1}], "until": "2027-01-20"}));
    let r = run(request(&shift(released, -1)));
    let expired = first(&r, "expired").unwrap();
    assert_eq!((expired["at"].as_str(), expired["serviceAvailable"].as_bool()), (Some("2027-01-02T00:00:00+08:00"), Some(false)));
    assert_eq!(rules(expired), ["ECS-10", "ECS-11"]);
    assert_eq!(r["lastSafeMoment"], "2027-01-01T23:59:59+08:00");
    let renewed = first(&r, "renewed").unwrap();
    assert!(renewed["effects"][0].as_str().unwrap().contains("2 Feb 2027, 00:00 (UTC+8)"));
    assert_eq!(rules(renewed), ["ECS-10", "ECS-11"]);
    assert_eq!(r["finalState"], "running");
    for seconds in [0, 1] {
        let r = run(request(&shift(released, seconds)));
        let release = first(&r, "released").unwrap();
        assert_eq!(release["at"], released);
        assert_eq!(rules(release), ["ECS-11", "ECS-5"]);
        let effects = release["effects"].as_array().unwrap();
        assert!(effects[1].as_str().unwrap().contains("static public IP"));
        assert!(effects[2].as_str().unwrap().contains("EIP is disassociated"));
        assert_eq!(r["dataDeletedAt"], released);
        assert_eq!(first(&r, "renewRefused").unwrap()["at"], shift(released, seconds));
        let fates: Vec<(String, Vec<String>)> = r["resources"].as_array().unwrap().iter()
            .map(|f| (f["resource"].as_str().unwrap().into(), f["phases"].as_array().unwrap().iter().map(|p| p["status"].as_str().unwrap().into()).collect()))
            .collect();
        let status = |name: &str| fates.iter().find(|f| f.0 == name).unwrap().1.clone();
        assert_eq!(status("compute"), ["active", "retained", "released"]);
        assert_eq!(status("staticPublicIp"), ["active", "retained", "released"]);
        assert_eq!(status("eip"), ["independent"]);
    }
    // No "the seeds do not say" warning any more.
    assert!(r_warnings(&run(request(released))).is_empty());
}

fn r_warnings(r: &Json) -> Vec<String> {
    r["warnings"].as_array().unwrap().iter().map(|w| w["code"].as_str().unwrap().to_string()).collect()
}

// ---------------------------------------------------------------- ECS-12

fn auto_renewing(start: &str, balance: &str, extra: Json) -> Json {
    let mut request = ecs_subscription(start, json!({"autoRenew": true, "renewalPrice": "30", "account": {"balance": balance}}));
    for (k, v) in extra.as_object().unwrap() {
        request[k] = v.clone();
    }
    request
}

#[test]
fn ecs12_auto_renewal_is_paid_at_08_00_nine_days_before_expiry() {
    // Cycle end 2027-01-02 00:00: the first attempt is 2026-12-24 08:00 (nine days before, at
    // 08:00 UTC+8). Balance 20 < 30 fails; a top-up of 10 at N-1 (07:59:59) makes that attempt
    // pay (credit 0, new end 2027-02-02); at N the attempt has already failed, so the next day's
    // attempt, 12-25 08:00, pays.
    let first_attempt = "2026-12-24T08:00:00+08:00";
    let request = |top_up_at: &str| auto_renewing("2026-12-01T10:00:00+08:00", "20", json!({
        "events": [{"at": top_up_at, "type": "topUp", "amount": "10"}], "until": "2027-01-10"}));
    let r = run(request(&shift(first_attempt, -1)));
    let renewed = first(&r, "autoRenewed").unwrap();
    assert_eq!((renewed["at"].as_str(), renewed["credit"].as_str()), (Some(first_attempt), Some("0.00")));
    assert!(renewed["effects"][0].as_str().unwrap().contains("2 Feb 2027, 00:00 (UTC+8)"));
    assert_eq!(rules(renewed), ["ECS-10", "ECS-12"]);
    assert_eq!(r["billed"], "30.00");
    for seconds in [0, 1] {
        let r = run(request(&shift(first_attempt, seconds)));
        assert_eq!(at(&r, "autoRenewFailed").as_deref(), Some(first_attempt));
        assert_eq!(at(&r, "autoRenewed").as_deref(), Some("2026-12-25T08:00:00+08:00"));
    }
}

#[test]
fn ecs12_never_paid_it_serves_15_days_stops_and_is_released_at_30() {
    // The published example: expired 2016-04-25 00:00:00 (bought 2016-03-24 for a month). Nine
    // failed attempts 04-16..04-24 08:00. It works until 05-10 00:00 (15 days), stops then, and
    // is released 05-25 00:00 (30 days).
    let r = run(auto_renewing("2016-03-24T10:00:00+08:00", "1", json!({"until": "2016-06-01"})));
    let failed: Vec<&str> = r["timeline"].as_array().unwrap().iter().filter(|e| e["event"] == "autoRenewFailed").map(|e| e["at"].as_str().unwrap()).collect();
    assert_eq!(failed.len(), 9);
    assert_eq!((failed[0], failed[8]), ("2016-04-16T08:00:00+08:00", "2016-04-24T08:00:00+08:00"));
    let expired = first(&r, "expired").unwrap();
    assert_eq!((expired["at"].as_str(), expired["serviceAvailable"].as_bool()), (Some("2016-04-25T00:00:00+08:00"), Some(true)));
    let stopped = first(&r, "stopped").unwrap();
    assert_eq!((stopped["at"].as_str(), stopped["serviceAvailable"].as_bool()), (Some("2016-05-10T00:00:00+08:00"), Some(false)));
    assert_eq!(rules(stopped), ["ECS-12"]);
    assert_eq!(r["lastSafeMoment"], "2016-05-09T23:59:59+08:00");
    assert_eq!(at(&r, "released").as_deref(), Some("2016-05-25T00:00:00+08:00"));
    assert_eq!(rules(first(&r, "released").unwrap()), ["ECS-12", "ECS-5"]);
}

#[test]
fn ecs12_a_late_renewal_is_backdated_to_the_old_expiry() {
    // Expired 2016-04-25 00:00:00, renewed on 2016-05-09 for a month: new cycle 2016-04-25 to
    // 2016-05-25 (the published example).
    let r = run(auto_renewing("2016-03-24T10:00:00+08:00", "1", json!({
        "events": [{"at": "2016-05-09T12:00:00+08:00", "type": "renew", "months": 1}], "until": "2016-05-24"})));
    let renewed = first(&r, "renewed").unwrap();
    let effects: Vec<&str> = renewed["effects"].as_array().unwrap().iter().map(|e| e.as_str().unwrap()).collect();
    assert!(effects[0].contains("25 May 2016, 00:00 (UTC+8)"), "{effects:?}");
    assert!(effects[1].contains("25 Apr 2016, 00:00 (UTC+8)"), "{effects:?}");
    assert_eq!(rules(renewed), ["ECS-10", "ECS-12"]);
    assert_eq!(r["finalState"], "running");
}

#[test]
fn ecs12_the_deadlines_at_n_minus_1_n_and_n_plus_1() {
    // Expiry 2016-04-25 00:00. Stop at +15 days (05-10 00:00), release at +30 days (05-25 00:00).
    // A renewal at N-1 of the release still saves it (two months from the old expiry: to
    // 2016-06-25); at N and N+1 it is refused.
    let release = "2016-05-25T00:00:00+08:00";
    let request = |renew_at: &str| auto_renewing("2016-03-24T10:00:00+08:00", "1", json!({
        "events": [{"at": renew_at, "type": "renew", "months": 2}], "until": "2016-06-01"}));
    assert_eq!(run(request(&shift(release, -1)))["finalState"], "running");
    for seconds in [0, 1] {
        let r = run(request(&shift(release, seconds)));
        assert_eq!((r["finalState"].as_str(), at(&r, "released").as_deref()), (Some("released"), Some(release)));
    }
    // The stop: serving at N-1, not at N.
    let stop = "2016-05-10T00:00:00+08:00";
    let r = run(auto_renewing("2016-03-24T10:00:00+08:00", "1", json!({"until": shift(stop, -1)})));
    assert_eq!((r["finalState"].as_str(), r.get("lastSafeMoment")), (Some("expired"), None));
    let r = run(auto_renewing("2016-03-24T10:00:00+08:00", "1", json!({"until": stop})));
    assert_eq!(at(&r, "stopped").as_deref(), Some(stop));
    // A 30-day release only with auto-renewal on: without it, ECS-11's 15 days.
    let r = run(ecs_subscription("2016-03-24T10:00:00+08:00", json!({"until": "2016-06-01"})));
    assert_eq!(at(&r, "released").as_deref(), Some("2016-05-10T00:00:00+08:00"));
}

// ---------------------------------------------------------------- ECS-13

#[test]
fn ecs13_overdue_comes_with_the_first_hourly_settlement_the_credit_cannot_pay() {
    // USD 0.10 an hour from 2026-12-01 00:00. Credit 0.995 runs out at 09:57 -> settled 10:00.
    // N-1: credit for 9 h 59 min 59 s... expressed as credits that run out 1 s before, at, and
    // 1 s after 10:00:00: 0.1 x 35,999 / 3,600, 1.00 and 0.1 x 36,001 / 3,600.
    let start = "2026-12-01T00:00:00+08:00";
    let request = |balance: &str| json!({"product": "ecs", "resource": {"billing": "payAsYouGo"}, "start": start,
        "account": {"balance": balance}, "costPerHour": "0.10", "until": "2026-12-02"});
    for (balance, runs_out, overdue) in [
        ("0.9999722222222222222222222222", "2026-12-01T09:59:59+08:00", "2026-12-01T10:00:00+08:00"),
        ("1.00", "2026-12-01T10:00:00+08:00", "2026-12-01T11:00:00+08:00"),
        ("1.0000277777777777777777777778", "2026-12-01T10:00:01+08:00", "2026-12-01T11:00:00+08:00"),
    ] {
        let r = run(request(balance));
        assert_eq!(r["creditRunsOutAt"], runs_out, "balance {balance}");
        let entry = first(&r, "overdue").unwrap();
        assert_eq!(entry["at"], overdue, "balance {balance}");
        assert!(rules(entry).contains(&"ECS-13"));
    }
}

#[test]
fn ecs13_a_lifetime_below_one_cent_is_charged_one_cent() {
    // One instance for 2 minutes at 0.06/h: 0.002 (rounds to 0.00) is charged 0.01. Three
    // instances: 0.03. A fee of exactly 0.01 stays 0.01; 0.0101 rounds to 0.01 with no top-up.
    let item = |hours: &str, quantity: u64| json!({"items": [{"product": "ecs", "billing": "payAsYouGo", "hours": hours,
        "quantity": quantity, "prices": {"instance": "0.06"}}]});
    let q = quote_json(item("0.0333333333333333333333333333", 1)).unwrap();
    assert_eq!(q.trade_price.to_string(), "0.01");
    let minimum = q.items[0].lines.iter().find(|l| l.code == "ecs.minimumCharge").unwrap();
    assert_eq!((minimum.amount.to_string().as_str(), minimum.rules), ("0.01", ["ECS-13"].as_slice()));
    assert_eq!(quote_json(item("0.0333333333333333333333333333", 3)).unwrap().trade_price.to_string(), "0.03");
    // 0.0099 (0.165 h x 0.06) -> 0.01 by rounding; the minimum adds nothing.
    let q = quote_json(item("0.165", 1)).unwrap();
    assert_eq!((q.trade_price.to_string().as_str(), q.items[0].lines.len()), ("0.01", 1));
    let q = quote_json(item("0.1683333333333333333333333333", 1)).unwrap(); // 0.0101
    assert_eq!((q.trade_price.to_string().as_str(), q.items[0].lines.len()), ("0.01", 1));
    // In a lifecycle: released after one minute at 0.06/h (0.001): billed 0.01.
    let r = run(json!({"product": "ecs", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01", "costPerHour": "0.06",
        "events": [{"at": "2026-12-01T00:01:00+08:00", "type": "release"}]}));
    assert_eq!(r["billed"], "0.01");
}

// ---------------------------------------------------------------- ECS-14

#[test]
fn ecs14_the_china_site_stops_at_once_and_releases_after_15_days() {
    // Credit 10 at 0.10/h from 09:30: runs out after 100 h, 12-05 13:30; settled 14:00 (ECS-13).
    // China site: stopped at once, no retries, released 15 days later, 12-20 14:00.
    let request = |policy: Json| json!({"product": "ecs", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01T09:30:00+08:00",
        "account": {"balance": "10"}, "costPerHour": "0.10", "policy": policy, "until": "2027-01-15"});
    let r = run(request(json!({"preset": "ecsChinaSite"})));
    assert_eq!(events(&r), ["created", "overdue", "stopped", "released", "horizonEnd"]);
    let stopped = first(&r, "stopped").unwrap();
    assert_eq!(stopped["at"], "2026-12-05T14:00:00+08:00");
    assert_eq!(rules(stopped), ["ECS-14", "ECS-5"]);
    assert_eq!(at(&r, "released").as_deref(), Some("2026-12-20T14:00:00+08:00"));
    assert_eq!(r["lastSafeMoment"], "2026-12-05T13:59:59+08:00");
    // 100 h + the 30 min to the settlement = 10.05, then billing pauses.
    assert_eq!(r["billed"], "10.05");
    assert!(r_warnings(&r).is_empty());
    // Release at N-1 / N / N+1: a top-up of 1 just before the release restarts it.
    let release = "2026-12-20T14:00:00+08:00";
    let with_top_up = |top_up_at: &str| {
        let mut req = request(json!({"preset": "ecsChinaSite"}));
        req["events"] = json!([{"at": top_up_at, "type": "topUp", "amount": "1"}]);
        run(req)
    };
    // (The 0.95 left then runs out too, so a later release follows; not at this deadline.)
    assert_ne!(at(&with_top_up(&shift(release, -1)), "released").as_deref(), Some(release));
    for seconds in [0, 1] {
        assert_eq!(at(&with_top_up(&shift(release, seconds)), "released").as_deref(), Some(release));
    }
    // The default (international site) tells the customer the preset exists.
    let r = run(request(json!({})));
    assert_eq!(r_warnings(&r), ["china_site_policy"]);
    assert!(r["warnings"][0]["message"].as_str().unwrap().contains("ecsChinaSite"));
    assert_eq!(at(&r, "stopped").as_deref(), Some("2026-12-20T14:00:00+08:00")); // T+15
}

// ---------------------------------------------------------------- ECS-12's expiry, ECS-15, ECS-16

#[test]
fn ecs12_the_expiry_says_no_attempt_follows_and_a_renewal_by_hand_before_day_15_keeps_it() {
    // Expired 2016-04-25 00:00 with auto-renewal on and unpaid: it keeps working 15 days, to
    // 05-10 00:00; nothing is attempted after expiry (ECS-15 asks the answer to say so); a
    // renewal by hand before 05-10 keeps it working, backdated; before 05-25 (30 days) it
    // still restores it.
    let r = run(auto_renewing("2016-03-24T10:00:00+08:00", "1", json!({"until": "2016-04-26"})));
    let expired = first(&r, "expired").unwrap();
    let effects: Vec<&str> = expired["effects"].as_array().unwrap().iter().map(|e| e.as_str().unwrap()).collect();
    assert_eq!(effects, [
        "the subscription expires with auto-renewal unpaid: the instance keeps working for 15 days, until 10 May 2016, 00:00 (UTC+8)",
        "no automatic renewal is attempted after expiry: renew by hand before 10 May 2016, 00:00 (UTC+8) and the instance works on without a break (the new cycle is backdated to this expiry)",
        "renew before 25 May 2016, 00:00 (UTC+8) (the new cycle is backdated to this expiry), or it is released then",
    ]);
    assert_eq!(rules(expired), ["ECS-12"]);
    // No automatic attempt after 04-25 00:00.
    let attempts: Vec<&str> = r["timeline"].as_array().unwrap().iter().filter(|e| e["event"] == "autoRenewFailed").map(|e| e["at"].as_str().unwrap()).collect();
    assert_eq!(attempts.last(), Some(&"2016-04-24T08:00:00+08:00"));
}

#[test]
fn ecs15_the_2019_schedule_attempts_before_and_after_expiry() {
    // ECS-15 (preset "ecsAutoRenewal2019"): cycle end 2016-04-25 00:00 (bought 03-24 10:00 for a
    // month, ECS-10). Attempts at 08:00 UTC+8: 3 days before (04-22), 1 day before (04-24), on
    // the expiry day (04-25), 6 and 14 days after (05-01, 05-09). Balance 1 < 30: all fail; the
    // instance expires at 04-25 00:00 but keeps working, stops 15 days after expiry (05-10 00:00)
    // and, as ECS-12 says (ECS-15 is silent), is released 30 days after it (05-25 00:00).
    let preset = json!({"preset": "ecsAutoRenewal2019"});
    let r = run(auto_renewing("2016-03-24T10:00:00+08:00", "1", json!({"until": "2016-06-01", "policy": preset})));
    let timeline: Vec<(String, String)> = r["timeline"].as_array().unwrap().iter().map(|e| (e["at"].as_str().unwrap().to_string(), e["event"].as_str().unwrap().to_string())).collect();
    let step = |at: &str, event: &str| (at.to_string(), event.to_string());
    assert_eq!(timeline, [
        step("2016-03-24T10:00:00+08:00", "created"),
        step("2016-04-22T08:00:00+08:00", "autoRenewFailed"),
        step("2016-04-24T08:00:00+08:00", "autoRenewFailed"),
        step("2016-04-25T00:00:00+08:00", "expired"),
        step("2016-04-25T08:00:00+08:00", "autoRenewFailed"),
        step("2016-05-01T08:00:00+08:00", "autoRenewFailed"),
        step("2016-05-09T08:00:00+08:00", "autoRenewFailed"),
        step("2016-05-10T00:00:00+08:00", "stopped"),
        step("2016-05-25T00:00:00+08:00", "released"),
        step("2016-06-01T00:00:00+08:00", "horizonEnd"),
    ]);
    let created = first(&r, "created").unwrap();
    assert!(created["effects"][2].as_str().unwrap().contains("3 days before expiry, 1 day before expiry, on the expiry day, 6 days after expiry, 14 days after expiry"), "{created}");
    assert!(rules(created).contains(&"ECS-15"));
    let expired = first(&r, "expired").unwrap();
    assert!(expired["effects"][1].as_str().unwrap().contains("next at 25 Apr 2016, 08:00 (UTC+8)"), "{expired}");
    assert_eq!(rules(expired), ["ECS-12", "ECS-15"]);
    assert_eq!(expired["serviceAvailable"], true);
    assert_eq!(rules(first(&r, "stopped").unwrap()), ["ECS-15"]);
    assert_eq!(r["lastSafeMoment"], "2016-05-09T23:59:59+08:00");

    // A top-up of 30 on 04-30: the attempt 6 days after expiry (05-01 08:00) pays, backdated to
    // the old expiry: the new cycle ends 05-25 00:00, and the instance never stopped.
    let r = run(auto_renewing("2016-03-24T10:00:00+08:00", "1", json!({"until": "2016-05-20", "policy": preset,
        "events": [{"at": "2016-04-30", "type": "topUp", "amount": "30"}]})));
    let renewed = first(&r, "autoRenewed").unwrap();
    assert_eq!((renewed["at"].as_str(), renewed["state"].as_str()), (Some("2016-05-01T08:00:00+08:00"), Some("running")));
    assert_eq!(renewed["effects"][0], "auto-renewal 6 days after expiry: USD 30.00 paid from balance and coupons for 1 month; the new expiry is 25 May 2016, 00:00 (UTC+8)");
    assert_eq!(rules(renewed), ["ECS-10", "ECS-15"]);
    assert!(first(&r, "stopped").is_none());
    assert!(r.get("lastSafeMoment").is_none());

    // The attempts are policy data: with the first 5 days before expiry and the last 10 days
    // after it, the attempts are 04-20, 04-24, 04-25, 05-01 and 05-05, at 08:00.
    let policy = json!({"preset": "ecsAutoRenewal2019", "ecs": {"autoRenew2019FirstAttemptDaysBeforeExpiry": 5, "autoRenew2019FifthAttemptDaysAfterExpiry": 10}});
    let r = run(auto_renewing("2016-03-24T10:00:00+08:00", "1", json!({"until": "2016-06-01", "policy": policy})));
    let attempts: Vec<&str> = r["timeline"].as_array().unwrap().iter().filter(|e| e["event"] == "autoRenewFailed").map(|e| e["at"].as_str().unwrap()).collect();
    assert_eq!(attempts, ["2016-04-20T08:00:00+08:00", "2016-04-24T08:00:00+08:00", "2016-04-25T08:00:00+08:00", "2016-05-01T08:00:00+08:00", "2016-05-05T08:00:00+08:00"]);
}

#[test]
fn ecs16_snapshots_behind_disks_and_images_kept_as_an_option_and_both_readings_named() {
    // Overdue at T = 2026-12-10 09:00: stopped T+15, released T+30 = 2027-01-09 09:00 (ECS-4).
    // ECS-5 (default): every snapshot is deleted with the custom images on them; the answer
    // names the older reading too. ECS-16 ("keepInUse"): snapshots behind a disk or a custom
    // image are kept, free of charge: snapshots and custom image stay retained.
    let request = |policy: Json| json!({"product": "ecs", "resource": {"billing": "payAsYouGo", "attached": ["snapshots", "customImage"]},
        "start": "2026-12-01", "overdueAt": "2026-12-10T09:00:00+08:00", "costPerHour": "0.10", "until": "2027-01-20", "policy": policy});
    let status = |r: &Json, part: &str| -> Vec<String> {
        let fate = r["resources"].as_array().unwrap().iter().find(|f| f["resource"] == part).unwrap();
        fate["phases"].as_array().unwrap().iter().map(|p| p["status"].as_str().unwrap().to_string()).collect()
    };
    let r = run(request(json!({})));
    let released = first(&r, "released").unwrap();
    assert_eq!(released["at"], "2027-01-09T09:00:00+08:00");
    assert_eq!(rules(released), ["ECS-4", "ECS-5", "ECS-16"]);
    assert!(released["effects"][4].as_str().unwrap().starts_with("all snapshots are deleted"));
    assert!(released["effects"][5].as_str().unwrap().contains("\"keepInUse\""));
    assert_eq!(status(&r, "snapshots"), ["active", "retained", "released"]);
    assert_eq!(status(&r, "customImage"), ["active", "retained", "released"]);
    assert!(r_warnings(&r).contains(&"snapshot_readings".to_string()));

    let r = run(request(json!({"ecs": {"snapshotsAfterRelease": "keepInUse"}})));
    let released = first(&r, "released").unwrap();
    assert_eq!(rules(released), ["ECS-4", "ECS-5", "ECS-16"]);
    assert_eq!(released["effects"][4], "snapshots behind a disk or a custom image are kept and not charged; the other snapshots are deleted");
    assert_eq!(status(&r, "snapshots"), ["active", "retained"]);
    assert_eq!(status(&r, "customImage"), ["active", "retained"]);
    assert_eq!(status(&r, "compute"), ["active", "retained", "released"]);

    // Without snapshots or custom images, the older reading is not named.
    let r = run(json!({"product": "ecs", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01", "overdueAt": "2026-12-10", "until": "2027-01-20"}));
    assert_eq!(rules(first(&r, "released").unwrap()), ["ECS-4", "ECS-5"]);
    assert!(!r_warnings(&r).contains(&"snapshot_readings".to_string()));
}

#[test]
fn ecs13_a_one_second_lifetime_says_the_cent_it_is_billed() {
    // One second at 0.06 an hour is 0.0000166...: charged 0.01 (ECS-13), and the horizon's
    // sentence says the same amount as `billed`.
    let r = run(json!({"product": "ecs", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01", "account": {"balance": "5"},
        "costPerHour": "0.06", "until": "2026-12-01T00:10:00+08:00", "events": [{"at": "2026-12-01T00:00:01+08:00", "type": "release"}]}));
    assert_eq!(r["billed"], "0.01");
    assert_eq!(first(&r, "horizonEnd").unwrap()["effects"][0], "end of the simulated period: USD 0.01 billed in all");
    // Unreleased at the horizon, the same: the lifetime so far costs less than a cent.
    let r = run(json!({"product": "ecs", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01", "costPerHour": "0.06",
        "until": "2026-12-01T00:00:01+08:00"}));
    assert_eq!(r["billed"], "0.01");
    assert_eq!(first(&r, "horizonEnd").unwrap()["effects"][0], "end of the simulated period: USD 0.01 billed in all");
}
