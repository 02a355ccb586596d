//! simulateLifecycle: golden timelines written from the seeds (dates worked out by
//! hand in the comments), N-1 / N / N+1 around every threshold, month-end and UTC+8
//! boundaries, properties over generated requests, and bad input.
mod common;

use alicloud_cost::decode::{Node, Value};
use alicloud_cost::ErrorCode;
use common::{lifecycle_error, lifecycle_json};
use serde_json::{json, Value as Json};

/// (at, event, state) of every timeline entry.
fn steps(result: &Json) -> Vec<(String, String, String)> {
    result["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["at"].as_str().unwrap().to_string(), e["event"].as_str().unwrap().to_string(), e["state"].as_str().unwrap().to_string()))
        .collect()
}

fn step(at: &str, event: &str, state: &str) -> (String, String, String) {
    (at.to_string(), event.to_string(), state.to_string())
}

/// The first entry with `event`.
fn first<'a>(result: &'a Json, event: &str) -> Option<&'a Json> {
    result["timeline"].as_array().unwrap().iter().find(|e| e["event"] == event)
}

fn first_at(result: &Json, event: &str) -> Option<String> {
    first(result, event).map(|e| e["at"].as_str().unwrap().to_string())
}

fn rules_of(entry: &Json) -> Vec<&str> {
    entry["rules"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect()
}

fn run(request: Json) -> Json {
    lifecycle_json(&request.to_string())
}

/// `base` (a date or instant) moved by `seconds`, as RFC 3339 in UTC+8.
fn shift(base: &str, seconds: i64) -> String {
    let v = Value::String(base.to_string().into());
    alicloud_cost::time::instant(&Node::root(&v, &Default::default())).unwrap().plus_seconds(seconds).to_rfc3339()
}

const DAY: i64 = 86_400;

// ---------------------------------------------------------------- golden timelines

#[test]
fn cloud_phone_pay_as_you_go_runs_out_then_is_released_on_the_16th_day() {
    // USD 4.80 at USD 0.05 an hour is used up after 96 h, at 2026-12-05 00:00, when the 96th
    // hourly deduction takes its last 0.05 (a deduction equal to the credit is paid). CP-13:
    // deducted once an hour, on the hour, so the 97th deduction, at 01:00, is the first the
    // credit cannot pay: overdue then (CP-4), the hour 00:00-01:00 still owed (credit -0.05).
    // Released 15 x 24 h later, 2026-12-20 01:00, the start of day 16 (CP-9).
    let r = run(json!({
        "product": "cloudPhone", "resource": {"billing": "payAsYouGo", "attached": ["natGateway", "eip"]},
        "start": "2026-12-01", "account": {"balance": "4.80"}, "costPerHour": "0.05"
    }));
    assert_eq!(steps(&r), [
        step("2026-12-01T00:00:00+08:00", "created", "running"),
        step("2026-12-05T01:00:00+08:00", "overdue", "overdue"),
        step("2026-12-20T01:00:00+08:00", "released", "released"),
    ]);
    let overdue = first(&r, "overdue").unwrap();
    assert_eq!(rules_of(overdue), ["CP-13", "CP-4", "CP-9", "CP-10"]);
    assert_eq!((overdue["serviceAvailable"].as_bool(), overdue["billing"].as_bool()), (Some(false), Some(false)));
    assert_eq!(overdue["credit"], "-0.05");
    // The overdue entry names the moment the credit ran out, for a person (UTC+8), not in RFC 3339.
    assert_eq!(overdue["effects"][0], "the credit ran out at 5 Dec 2026, 00:00 (UTC+8) after 4 days at USD 0.05 per hour");
    assert_eq!(r["creditRunsOutAt"], "2026-12-05T00:00:00+08:00");
    assert_eq!(r["lastSafeMoment"], "2026-12-05T00:59:59+08:00");
    assert_eq!(r["dataDeletedAt"], "2026-12-20T01:00:00+08:00");
    // Billing stops at overdue (CP-4): 97 h x 0.05 = 4.85, nothing after.
    assert_eq!(r["billed"], "4.85");
    assert_eq!(r["finalState"], "released");
    // CP-10: the NAT Gateway and EIP are not released with the phones.
    let fates = r["resources"].as_array().unwrap();
    assert_eq!(fates[0]["resource"], "instanceGroup");
    let statuses: Vec<&str> = fates[0]["phases"].as_array().unwrap().iter().map(|p| p["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["active", "retained", "released"]);
    assert_eq!(fates[1]["resource"], "natGateway");
    assert_eq!(fates[1]["phases"][0]["status"], "independent");
    assert_eq!(r["warnings"][0]["code"], "dependents_billed_separately");
}

#[test]
fn cloud_phone_goes_overdue_on_the_hour_not_when_the_spend_meets_the_credit() {
    // CP-13: 1.00 at 0.30 an hour from 00:00: deductions of 0.30 at 01:00, 02:00 and 03:00
    // leave 0.10; the 04:00 deduction fails: overdue at 04:00, not at 03:20 when the
    // continuous spend meets the credit (that is creditRunsOutAt). Billed 4 x 0.30 = 1.20.
    let r = run(json!({"product": "cloudPhone", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01",
        "account": {"balance": "1.00"}, "costPerHour": "0.30", "until": "2026-12-02"}));
    assert_eq!(r["creditRunsOutAt"], "2026-12-01T03:20:00+08:00");
    assert_eq!(first_at(&r, "overdue").as_deref(), Some("2026-12-01T04:00:00+08:00"));
    assert_eq!(r["lastSafeMoment"], "2026-12-01T03:59:59+08:00");
    assert_eq!(first(&r, "overdue").unwrap()["credit"], "-0.20");
    assert_eq!(r["billed"], "1.20");
    // A top-up of 0.20 at 03:59:59 pays the 04:00 deduction exactly (0.30 = 0.30): the next,
    // at 05:00, is the first unpaid.
    let mut request = json!({"product": "cloudPhone", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01",
        "account": {"balance": "1.00"}, "costPerHour": "0.30", "until": "2026-12-02"});
    request["events"] = json!([{"at": "2026-12-01T03:59:59+08:00", "type": "topUp", "amount": "0.20"}]);
    assert_eq!(first_at(&run(request), "overdue").as_deref(), Some("2026-12-01T05:00:00+08:00"));
}

#[test]
fn cloud_phone_release_bills_to_the_end_of_the_4_hour_period() {
    // Released 5 h after creation: billed to the end of the second 4-hour period, 8 h
    // (CP-3): 8 x 0.05 = 0.40. At the release the hourly deductions (CP-13) have taken
    // 5 x 0.05: credit 9.75; the rest of the period comes with the next deduction.
    let r = run(json!({
        "product": "cloudPhone", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01",
        "account": {"balance": "10"}, "costPerHour": "0.05",
        "events": [{"at": "2026-12-01T05:00:00+08:00", "type": "release"}]
    }));
    assert_eq!(r["billed"], "0.40");
    let released = first(&r, "released").unwrap();
    assert_eq!(released["credit"], "9.75");
    assert_eq!(rules_of(released), ["CP-3"]);
    assert_eq!(r["dataDeletedAt"], "2026-12-01T05:00:00+08:00");
    // A release by the customer is not an interruption: no last safe moment.
    assert!(r.get("lastSafeMoment").is_none());
}

#[test]
fn ecs_pay_as_you_go_deductions_at_t_t7_t14_stop_at_t15_release_at_t30() {
    // T = 2026-12-10 09:00 (stated). ECS-3: retries at T+7 = 12-17 and T+14 = 12-24;
    // ECS-4: stopped and billing ceases at T+15 = 12-25 09:00; released 15 days later,
    // T+30 = 2027-01-09 09:00.
    let r = run(json!({
        "product": "ecs", "resource": {"billing": "payAsYouGo", "attached": ["dataDisk", "eip", "snapshots", "customImage"]},
        "start": "2026-12-01", "overdueAt": "2026-12-10T09:00:00+08:00", "costPerHour": "0.10"
    }));
    assert_eq!(steps(&r), [
        step("2026-12-01T00:00:00+08:00", "created", "running"),
        step("2026-12-10T09:00:00+08:00", "overdue", "overdue"),
        step("2026-12-17T09:00:00+08:00", "deductionRetry", "overdue"),
        step("2026-12-24T09:00:00+08:00", "deductionRetry", "overdue"),
        step("2026-12-25T09:00:00+08:00", "stopped", "stopped"),
        step("2027-01-09T09:00:00+08:00", "released", "released"),
    ]);
    // The instance keeps running while overdue (ECS-3), and billing continues until T+15:
    // 12-01 00:00 to 12-25 09:00 is 24 days 9 hours = 585 h x 0.10 = 58.50.
    let overdue = first(&r, "overdue").unwrap();
    assert_eq!(overdue["serviceAvailable"], true);
    assert_eq!(r["billed"], "58.50");
    // At T+7: the deduction at T that failed (the hour before it, 0.10) and the 7 x 24 = 168
    // hourly ones since, 16.80: 16.90 is owed (overdueAt with no account: the credit
    // itself is not known, so no entry shows one).
    let retry = first(&r, "deductionRetry").unwrap();
    assert_eq!(retry["credit"], Json::Null);
    assert_eq!(retry["effects"][0], "deduction attempt 2 of 3 (T+7) fails: USD 16.90 is owed");
    assert!(r["timeline"].as_array().unwrap().iter().all(|e| e["credit"].is_null()));
    assert_eq!(r["lastSafeMoment"], "2026-12-25T08:59:59+08:00");
    assert_eq!(r["dataDeletedAt"], "2027-01-09T09:00:00+08:00");
    // ECS-5: every resource but the EIP is retained while stopped and released at T+30.
    for fate in r["resources"].as_array().unwrap() {
        let phases: Vec<(&str, &str)> = fate["phases"].as_array().unwrap().iter().map(|p| (p["from"].as_str().unwrap(), p["status"].as_str().unwrap())).collect();
        if fate["resource"] == "eip" {
            assert_eq!(phases, [("2026-12-01T00:00:00+08:00", "independent")]);
        } else {
            assert_eq!(phases, [
                ("2026-12-01T00:00:00+08:00", "active"),
                ("2026-12-25T09:00:00+08:00", "retained"),
                ("2027-01-09T09:00:00+08:00", "released"),
            ], "{}", fate["resource"]);
        }
    }
    let names: Vec<&str> = r["resources"].as_array().unwrap().iter().map(|f| f["resource"].as_str().unwrap()).collect();
    assert_eq!(names, ["compute", "systemDisk", "dataDisk", "eip", "snapshots", "customImage"]);
}

#[test]
fn overdue_at_owes_the_deduction_that_failed_at_t_as_an_account_that_ran_out_then() {
    // Pay-as-you-go at USD 0.50 an hour, overdue at T = 12-10 09:00, on the hour: the
    // deduction due at T (for 08:00-09:00) is the bill that fails (ECS-1; ECS-3's T). At
    // T+7 (12-17 09:00) the owed: that 0.50 plus 168 h x 0.50 = 84.00 since T: 84.50.
    let stated = run(json!({"product": "ecs", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01",
        "overdueAt": "2026-12-10T09:00:00+08:00", "costPerHour": "0.50", "until": "2026-12-18"}));
    let owed = |r: &Json| first(r, "deductionRetry").unwrap()["effects"][0].as_str().unwrap().to_string();
    assert_eq!(owed(&stated), "deduction attempt 2 of 3 (T+7) fails: USD 84.50 is owed");
    // The same moment predicted: USD 112.00 pays the 224 deductions up to 12-10 08:00
    // (224 x 0.50); the 225th, at 09:00, fails. The same 84.50 is owed.
    let predicted = run(json!({"product": "ecs", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01",
        "account": {"balance": "112"}, "costPerHour": "0.50", "until": "2026-12-18"}));
    assert_eq!(first_at(&predicted, "overdue").as_deref(), Some("2026-12-10T09:00:00+08:00"));
    assert_eq!(owed(&predicted), owed(&stated));
    // Stated between two deductions (09:30): none falls due at T, so what is owed at T+7
    // (12-17 09:30) is the use deducted since 09:00, the last hour paid: the 168 deductions
    // from 12-10 10:00 to 12-17 09:00, 84.00.
    let between = run(json!({"product": "ecs", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01",
        "overdueAt": "2026-12-10T09:30:00+08:00", "costPerHour": "0.50", "until": "2026-12-18"}));
    assert_eq!(owed(&between), "deduction attempt 2 of 3 (T+7) fails: USD 84.00 is owed");
}

#[test]
fn ecs_payment_after_the_stop_restarts_the_instance_and_re_enables_snapshots() {
    // Overdue at T = 12-10 00:00 with USD 0.10/h; stopped at T+15 = 12-25 owing the
    // deduction that failed at T (0.10) and 15 x 24 x 0.10 = 36.00 since: 36.10. A top-up
    // of 40 on 12-26 pays it: restart (ECS-7), credit 3.90.
    let r = run(json!({
        "product": "ecs", "resource": {"billing": "payAsYouGo", "economicalMode": true}, "start": "2026-12-01",
        "overdueAt": "2026-12-10", "costPerHour": "0.10",
        "events": [{"at": "2026-12-26", "type": "topUp", "amount": "40"}], "until": "2026-12-27"
    }));
    let top_up = first(&r, "topUp").unwrap();
    assert_eq!(top_up["state"], "running");
    // No account, so no credit on the entries; the top-up pays the 36.00 owed since T.
    assert_eq!(top_up["credit"], Json::Null);
    assert_eq!(rules_of(top_up), ["ECS-7", "ECS-6"]);
    let warnings: Vec<&str> = r["warnings"].as_array().unwrap().iter().map(|w| w["code"].as_str().unwrap()).collect();
    assert_eq!(warnings, ["china_site_policy", "economical_mode"]);
    // 3.90 pays 39 hourly deductions of 0.10, to 12-27 15:00: the next fails after the horizon.
    assert_eq!(r["finalState"], "running");
    // Billed: 12-01 to 12-25 (24 days = 57.60) + 12-26 to 12-27 (2.40) = 60.00.
    assert_eq!(r["billed"], "60.00");
    let compute: Vec<&str> = r["resources"][0]["phases"].as_array().unwrap().iter().map(|p| p["status"].as_str().unwrap()).collect();
    assert_eq!(compute, ["active", "retained", "active"]);
}

#[test]
fn ecs_subscription_with_a_pay_as_you_go_disk() {
    // ECS-2: overdue on 2027-01-10; the subscription instance stays usable, the attached
    // pay-as-you-go disk does not; renewal is refused. ECS-4: pay-as-you-go billing
    // ceases at T+15 (01-25) and the disk is released at T+30 (02-09). The 12-month
    // subscription's expiry date is 2027-12-01, so its cycle ends 2027-12-02 00:00 (ECS-10);
    // not renewed, it is released 15 days later, 2027-12-17 (ECS-11).
    let r = run(json!({
        "product": "ecs", "resource": {"billing": "subscription", "attached": ["payAsYouGoDisk"]},
        "start": "2026-12-01", "months": 12, "overdueAt": "2027-01-10", "costPerHour": "0.01",
        "events": [{"at": "2027-01-11", "type": "renew", "months": 1}], "until": "2028-01-01"
    }));
    assert_eq!(steps(&r), [
        step("2026-12-01T00:00:00+08:00", "created", "running"),
        step("2027-01-10T00:00:00+08:00", "overdue", "overdue"),
        step("2027-01-11T00:00:00+08:00", "renewRefused", "overdue"),
        step("2027-01-17T00:00:00+08:00", "deductionRetry", "overdue"),
        step("2027-01-24T00:00:00+08:00", "deductionRetry", "overdue"),
        step("2027-01-25T00:00:00+08:00", "payAsYouGoStopped", "overdue"),
        step("2027-02-09T00:00:00+08:00", "payAsYouGoReleased", "overdue"),
        step("2027-12-02T00:00:00+08:00", "expired", "expired"),
        step("2027-12-17T00:00:00+08:00", "released", "released"),
        step("2028-01-01T00:00:00+08:00", "horizonEnd", "released"),
    ]);
    assert_eq!(first(&r, "overdue").unwrap()["serviceAvailable"], true);
    let fates = r["resources"].as_array().unwrap();
    let names: Vec<&str> = fates.iter().map(|f| f["resource"].as_str().unwrap()).collect();
    assert_eq!(names, ["compute", "systemDisk", "payAsYouGoDisk"]);
    let disk: Vec<&str> = fates[2]["phases"].as_array().unwrap().iter().map(|p| p["status"].as_str().unwrap()).collect();
    assert_eq!(disk, ["active", "unavailable", "released"]);
    let compute: Vec<&str> = fates[0]["phases"].as_array().unwrap().iter().map(|p| p["status"].as_str().unwrap()).collect();
    assert_eq!(compute, ["active", "retained", "released"]);
    // The disk bills from 12-01 to 01-25: 55 days x 24 h x 0.01 = 13.20.
    assert_eq!(r["billed"], "13.20");
    // The seeds' gap on expiry is filled by ECS-11: no "expiry_not_in_seeds" warning.
    assert_eq!(r["warnings"][0]["code"], "china_site_policy");
    assert_eq!(r["warnings"].as_array().unwrap().len(), 1);
    assert_eq!(r["lastSafeMoment"], "2027-12-01T23:59:59+08:00");
}

#[test]
fn iot_enterprise_auto_renewal_from_9_days_before_expiry_until_the_credit_runs_short() {
    // Bought 2026-01-31 for one month: expiry Feb 28 (clamped). IOT-10: attempts from
    // 9 days before. Feb 19 pays 100 (credit 150), expiry Mar 31 (months from the
    // anchor, Jan 31 + 2); Mar 22 pays 100 (credit 50), expiry Apr 30; Apr 21..29 fail
    // daily; Apr 30 expires (IOT-5); released 15 days later, May 15.
    let r = run(json!({
        "product": "iot", "resource": {"instance": "enterprise"}, "start": "2026-01-31", "months": 1,
        "autoRenew": true, "renewalPrice": "100", "account": {"balance": "200", "coupons": "50"}
    }));
    let mut expected = vec![
        step("2026-01-31T00:00:00+08:00", "created", "running"),
        step("2026-02-19T00:00:00+08:00", "autoRenewed", "running"),
        step("2026-03-22T00:00:00+08:00", "autoRenewed", "running"),
    ];
    for day in 21..=29 {
        expected.push(step(&format!("2026-04-{day}T00:00:00+08:00"), "autoRenewFailed", "running"));
    }
    expected.push(step("2026-04-30T00:00:00+08:00", "expired", "expired"));
    expected.push(step("2026-05-15T00:00:00+08:00", "released", "released"));
    assert_eq!(steps(&r), expected);
    assert_eq!(r["billed"], "200.00");
    assert_eq!(r["lastSafeMoment"], "2026-04-29T23:59:59+08:00");
    assert_eq!(r["dataDeletedAt"], "2026-05-15T00:00:00+08:00");
    assert_eq!(rules_of(first(&r, "expired").unwrap()), ["IOT-5"]);
    assert_eq!(first(&r, "expired").unwrap()["serviceAvailable"], false);
}

#[test]
fn iot_enterprise_renewal_after_expiry_restores_within_30_minutes() {
    // Expires 2026-03-01; renewed by hand on 03-05 for 1 month from the anchor: new
    // expiry 2026-04-01 (IOT-5: same instance ID); restored by 03-05 00:30 (IOT-9).
    let r = run(json!({
        "product": "iot", "resource": {"instance": "enterprise"}, "start": "2026-02-01", "months": 1,
        "renewalPrice": "100", "events": [{"at": "2026-03-05", "type": "renew", "months": 1}], "until": "2026-03-10"
    }));
    assert_eq!(steps(&r), [
        step("2026-02-01T00:00:00+08:00", "created", "running"),
        step("2026-03-01T00:00:00+08:00", "expired", "expired"),
        step("2026-03-05T00:00:00+08:00", "renewed", "expired"),
        step("2026-03-05T00:30:00+08:00", "restored", "running"),
        step("2026-03-10T00:00:00+08:00", "horizonEnd", "running"),
    ]);
    assert_eq!(first(&r, "renewed").unwrap()["effects"][0], "renewed for 1 month: the new expiry is 1 Apr 2026, 00:00 (UTC+8)");
    assert_eq!(r["billed"], "100.00");
    assert!(r.get("dataDeletedAt").is_none());
}

#[test]
fn iot_enterprise_overdue_refuses_renewal_and_refund_releases_at_once() {
    // IOT-6: overdue, the instance stays usable but renewal is refused. IOT-11: a refund
    // releases it at once and deletes its data.
    let r = run(json!({
        "product": "iot", "resource": {"instance": "enterprise"}, "start": "2026-02-01", "months": 12,
        "overdueAt": "2026-03-01", "events": [
            {"at": "2026-03-02", "type": "renew", "months": 1},
            {"at": "2026-03-03", "type": "release"}
        ]
    }));
    assert_eq!(steps(&r), [
        step("2026-02-01T00:00:00+08:00", "created", "running"),
        step("2026-03-01T00:00:00+08:00", "overdue", "overdue"),
        step("2026-03-02T00:00:00+08:00", "renewRefused", "overdue"),
        step("2026-03-03T00:00:00+08:00", "released", "released"),
    ]);
    assert_eq!(first(&r, "overdue").unwrap()["serviceAvailable"], true);
    assert_eq!(rules_of(first(&r, "renewRefused").unwrap()), ["IOT-6"]);
    assert_eq!(rules_of(first(&r, "released").unwrap()), ["IOT-11"]);
    assert_eq!(r["dataDeletedAt"], "2026-03-03T00:00:00+08:00");
}

#[test]
fn iot_trial_is_released_after_one_month() {
    // IOT-3: free for one month from 2026-01-31: released 2026-02-28 (month end clamp).
    let r = run(json!({"product": "iot", "resource": {"instance": "enterprise", "trial": true}, "start": "2026-01-31"}));
    assert_eq!(steps(&r), [
        step("2026-01-31T00:00:00+08:00", "created", "running"),
        step("2026-02-28T00:00:00+08:00", "released", "released"),
    ]);
    assert_eq!(rules_of(first(&r, "released").unwrap()), ["IOT-3"]);
    assert_eq!(r["lastSafeMoment"], "2026-02-27T23:59:59+08:00");
    assert_eq!(r["dataDeletedAt"], "2026-02-28T00:00:00+08:00");
}

#[test]
fn iot_legacy_public_stops_24_hours_after_the_daily_bill_fails_and_restores_after_payment() {
    // USD 1.00 at 0.48 a day lasts 2 1/12 days: until 12-03 02:00. Billed per day
    // (IOT-18), the Dec 3 bill fails when that billing day ends: overdue 12-04 00:00;
    // stopped 24 h later, 12-05 00:00 (IOT-8). Billed so far 4 x 0.48 = 1.92 (credit -0.92).
    // A top-up of 1.00 on 12-06 pays it (credit 0.08): restored by 00:30 (IOT-9). 0.08
    // lasts 4 h (until 04:30), so the Dec 6 bill fails at 12-07 00:00; stop 12-08 00:00.
    let r = run(json!({
        "product": "iot", "resource": {"instance": "legacyPublic"}, "start": "2026-12-01",
        "account": {"balance": "1"}, "costPerDay": "0.48",
        "events": [{"at": "2026-12-06", "type": "topUp", "amount": "1.00"}], "until": "2026-12-08T00:00:00+08:00"
    }));
    assert_eq!(steps(&r), [
        step("2026-12-01T00:00:00+08:00", "created", "running"),
        step("2026-12-04T00:00:00+08:00", "overdue", "overdue"),
        step("2026-12-05T00:00:00+08:00", "stopped", "stopped"),
        step("2026-12-06T00:00:00+08:00", "topUp", "stopped"),
        step("2026-12-06T00:30:00+08:00", "restored", "running"),
        step("2026-12-07T00:00:00+08:00", "overdue", "overdue"),
        step("2026-12-08T00:00:00+08:00", "stopped", "stopped"),
        step("2026-12-08T00:00:00+08:00", "horizonEnd", "stopped"),
    ]);
    assert_eq!(r["creditRunsOutAt"], "2026-12-03T02:00:00+08:00");
    assert_eq!(first(&r, "stopped").unwrap()["credit"], "-0.92");
    // 1.92 + 12-06 00:30 to 12-08 00:00 (47.5 h = 0.95) = 2.87. Nothing while stopped.
    assert_eq!(r["billed"], "2.87");
    assert_eq!(r["lastSafeMoment"], "2026-12-04T23:59:59+08:00");
    // IOT-8: never deleted; IOT-21: the seeds disagree, and the output says so.
    assert!(r.get("dataDeletedAt").is_none());
    assert_eq!(r["warnings"][0]["code"], "overdue_effect_disputed");
    assert!(rules_of(first(&r, "overdue").unwrap()).contains(&"IOT-21"));
}

#[test]
fn iot_new_public_overdue_has_no_effect() {
    let r = run(json!({"product": "iot", "resource": {"instance": "newPublic"}, "start": "2026-12-01", "overdueAt": "2026-12-02"}));
    let overdue = first(&r, "overdue").unwrap();
    assert_eq!(rules_of(overdue), ["IOT-7"]);
    assert_eq!(overdue["serviceAvailable"], true);
    assert_eq!(r["billed"], "0.00");
    assert!(r.get("lastSafeMoment").is_none());
}

#[test]
fn cloud_phone_subscription_expires_and_a_policy_can_release_it() {
    // 1 month from 2026-01-31 = 2026-02-28. CP-14: deleted 15 days after expiry, 2026-03-15;
    // the earlier Elastic Cloud Phone's 7 days, as a policy override, give 2026-03-07.
    let request = |policy: Json| json!({
        "product": "cloudPhone", "resource": {"billing": "subscription"}, "start": "2026-01-31", "months": 1, "policy": policy
    });
    let r = run(request(json!({})));
    assert_eq!(steps(&r), [
        step("2026-01-31T00:00:00+08:00", "created", "running"),
        step("2026-02-28T00:00:00+08:00", "expired", "expired"),
        step("2026-03-15T00:00:00+08:00", "released", "released"),
    ]);
    assert_eq!(rules_of(first(&r, "released").unwrap()), ["CP-14"]);
    assert_eq!(r["dataDeletedAt"], "2026-03-15T00:00:00+08:00");
    assert!(r["warnings"].as_array().unwrap().is_empty());
    let r = run(request(json!({"cloudPhone": {"subscriptionReleaseAfterExpiryDays": 7}})));
    assert_eq!(first_at(&r, "released").as_deref(), Some("2026-03-07T00:00:00+08:00"));
}

// ---------------------------------------------------------------- N-1 / N / N+1

/// The same request with one top-up of `amount` at `at`.
fn with_top_up(mut request: Json, at: &str, amount: &str) -> Json {
    request["events"] = json!([{"at": at, "type": "topUp", "amount": amount}]);
    request
}

#[test]
fn cloud_phone_release_threshold_day_16() {
    // Overdue 2026-12-05 01:00 (the first hourly deduction unpaid, CP-13); release at
    // T + 15 x 24 h = 12-20 01:00.
    let base = json!({"product": "cloudPhone", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01",
        "account": {"balance": "4.80"}, "costPerHour": "0.05", "until": "2026-12-21"});
    let release = "2026-12-20T01:00:00+08:00";
    // N-1: a top-up one second before saves the phones.
    let r = run(with_top_up(base.clone(), &shift(release, -1), "1"));
    assert_eq!(first_at(&r, "released"), None);
    assert_eq!(first(&r, "topUp").unwrap()["state"], "running");
    // N: at the release moment it is too late (the deadline goes first).
    let r = run(with_top_up(base.clone(), release, "1"));
    assert_eq!(first_at(&r, "released").as_deref(), Some(release));
    assert_eq!(first(&r, "topUp").unwrap()["state"], "released");
    // N+1: likewise.
    let r = run(with_top_up(base, &shift(release, 1), "1"));
    assert_eq!(first_at(&r, "released").as_deref(), Some(release));
}

#[test]
fn cloud_phone_overdue_threshold_when_the_credit_runs_out() {
    // 4.80 at 0.05 an hour: the 01:00 deduction on Dec 5 is the first unpaid (CP-13).
    let base = json!({"product": "cloudPhone", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01",
        "account": {"balance": "4.80"}, "costPerHour": "0.05", "until": "2026-12-06"});
    let overdue = "2026-12-05T01:00:00+08:00";
    // A top-up of 0.05 one second early pays that deduction: the next, at 02:00, is unpaid.
    let r = run(with_top_up(base.clone(), &shift(overdue, -1), "0.05"));
    assert_eq!(first_at(&r, "overdue").as_deref(), Some("2026-12-05T02:00:00+08:00"));
    // At the moment itself: overdue first (0.05 owed), then the top-up settles it at once.
    let r = run(with_top_up(base.clone(), overdue, "0.05"));
    let s = steps(&r);
    assert_eq!(&s[1..3], [step(overdue, "overdue", "overdue"), step(overdue, "topUp", "running")]);
    assert_eq!(r["lastSafeMoment"], "2026-12-05T00:59:59+08:00");
    let r = run(with_top_up(base, &shift(overdue, 1), "0.05"));
    assert_eq!(first_at(&r, "overdue").as_deref(), Some(overdue));
    assert_eq!(first_at(&r, "topUp").as_deref(), Some("2026-12-05T01:00:01+08:00"));
}

#[test]
fn ecs_thresholds_t7_t15_t30() {
    let base = json!({"product": "ecs", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01",
        "overdueAt": "2026-12-10", "costPerHour": "0.10", "until": "2027-02-01"});
    let retry = "2026-12-17T00:00:00+08:00";
    let stop = "2026-12-25T00:00:00+08:00";
    let release = "2027-01-09T00:00:00+08:00";
    // Paying the 16.80 owed at T+7 - 1 s: no retry, no stop (1,000 lasts past the horizon).
    let r = run(with_top_up(base.clone(), &shift(retry, -1), "1000"));
    assert_eq!((first_at(&r, "deductionRetry"), first_at(&r, "stopped")), (None, None));
    // At T+7: the retry fails first, then the top-up pays.
    let r = run(with_top_up(base.clone(), retry, "1000"));
    assert_eq!(first_at(&r, "deductionRetry").as_deref(), Some(retry));
    assert_eq!(first_at(&r, "stopped"), None);
    // T+15 - 1 s: never stopped. T+15: stopped, then restarted at once (ECS-7). T+15 + 1 s: likewise.
    let r = run(with_top_up(base.clone(), &shift(stop, -1), "1000"));
    assert_eq!(first_at(&r, "stopped"), None);
    for at in [stop.to_string(), shift(stop, 1)] {
        let r = run(with_top_up(base.clone(), &at, "1000"));
        assert_eq!(first_at(&r, "stopped").as_deref(), Some(stop));
        let top_up = first(&r, "topUp").unwrap();
        assert_eq!((top_up["at"].as_str().unwrap(), top_up["state"].as_str().unwrap()), (at.as_str(), "running"));
        assert!(rules_of(top_up).contains(&"ECS-7"));
    }
    // T+30 - 1 s: restarted. T+30: released first; the top-up no longer helps.
    let r = run(with_top_up(base.clone(), &shift(release, -1), "1000"));
    assert_eq!((first_at(&r, "released"), r["finalState"].as_str()), (None, Some("running")));
    for at in [release.to_string(), shift(release, 1)] {
        let r = run(with_top_up(base.clone(), &at, "1000"));
        assert_eq!(first_at(&r, "released").as_deref(), Some(release));
        assert_eq!(r["finalState"], "released");
    }
}

#[test]
fn iot_legacy_thresholds_24_hours_and_the_billing_day() {
    let base = json!({"product": "iot", "resource": {"instance": "legacyPublic"}, "start": "2026-12-01",
        "overdueAt": "2026-12-04T10:00:00+08:00", "costPerDay": "0.48", "until": "2026-12-10"});
    let stop = "2026-12-05T10:00:00+08:00";
    let r = run(with_top_up(base.clone(), &shift(stop, -1), "5"));
    assert_eq!(first_at(&r, "stopped"), None);
    for at in [stop.to_string(), shift(stop, 1)] {
        let r = run(with_top_up(base.clone(), &at, "5"));
        assert_eq!(first_at(&r, "stopped").as_deref(), Some(stop));
        // IOT-9: restored up to 30 minutes after the payment.
        assert_eq!(first_at(&r, "restored"), Some(shift(&at, 1800)));
    }
    // Daily bills (IOT-18) at USD 86.40 a day = 0.001 a second: a credit of 86.399 runs
    // out one second before the first midnight, so day 1's bill fails at its end
    // (12-02 00:00); 86.40 pays day 1 exactly, so day 2's fails (12-03 00:00); 86.401 too.
    let day_bill = |balance: &str| {
        run(json!({"product": "iot", "resource": {"instance": "legacyPublic"}, "start": "2026-12-01",
            "account": {"balance": balance}, "costPerDay": "86.40", "until": "2026-12-10"}))
    };
    assert_eq!(first_at(&day_bill("86.399"), "overdue").as_deref(), Some("2026-12-02T00:00:00+08:00"));
    assert_eq!(first_at(&day_bill("86.40"), "overdue").as_deref(), Some("2026-12-03T00:00:00+08:00"));
    assert_eq!(first_at(&day_bill("86.401"), "overdue").as_deref(), Some("2026-12-03T00:00:00+08:00"));
}

#[test]
fn iot_enterprise_thresholds_release_15_days_after_expiry_and_the_last_auto_renewal_attempt() {
    let base = json!({"product": "iot", "resource": {"instance": "enterprise"}, "start": "2026-02-01", "months": 1,
        "renewalPrice": "10", "until": "2026-04-15"});
    let release = "2026-03-16T00:00:00+08:00"; // expiry 03-01 + 15 days
    let renew_at = |at: &str| {
        let mut r = base.clone();
        r["events"] = json!([{"at": at, "type": "renew", "months": 1}]);
        run(r)
    };
    let r = renew_at(&shift(release, -1));
    assert_eq!((first_at(&r, "released"), first_at(&r, "renewed")), (None, Some(shift(release, -1))));
    for at in [release.to_string(), shift(release, 1)] {
        let r = renew_at(&at);
        assert_eq!(first_at(&r, "released").as_deref(), Some(release));
        assert_eq!(first_at(&r, "renewRefused"), Some(at));
    }
    // IOT-10: the last attempt is 1 day before the 03-01 expiry, 02-28 00:00. Credit 5
    // cannot pay 10; a top-up of 5 just before it makes it succeed; at it, too late.
    let auto = json!({"product": "iot", "resource": {"instance": "enterprise"}, "start": "2026-02-01", "months": 1,
        "autoRenew": true, "renewalPrice": "10", "account": {"balance": "5"}, "until": "2026-03-05"});
    let last = "2026-02-28T00:00:00+08:00";
    let r = run(with_top_up(auto.clone(), &shift(last, -1), "5"));
    assert_eq!(first_at(&r, "autoRenewed").as_deref(), Some(last));
    for at in [last.to_string(), shift(last, 1)] {
        let r = run(with_top_up(auto.clone(), &at, "5"));
        assert_eq!(first_at(&r, "autoRenewed"), None);
        assert_eq!(first_at(&r, "expired").as_deref(), Some("2026-03-01T00:00:00+08:00"));
    }
    // The first attempt is 9 days before expiry: 02-20 00:00.
    let r = run(with_top_up(auto, "2026-02-19T23:59:59+08:00", "5"));
    assert_eq!(first_at(&r, "autoRenewed").as_deref(), Some("2026-02-20T00:00:00+08:00"));
    assert_eq!(first_at(&r, "autoRenewFailed"), None);
}

#[test]
fn trial_threshold() {
    let base = json!({"product": "iot", "resource": {"instance": "enterprise", "trial": true}, "start": "2026-02-01", "until": "2026-03-31"});
    let end = "2026-03-01T00:00:00+08:00";
    let renew_at = |at: &str| {
        let mut r = base.clone();
        r["events"] = json!([{"at": at, "type": "renew", "months": 1}]);
        run(r)
    };
    // Renewed one second before: the trial becomes a paid month from the anchor (expiry 04-01).
    let r = renew_at(&shift(end, -1));
    assert_eq!(first_at(&r, "released"), None);
    assert_eq!(r["finalState"], "running");
    for at in [end.to_string(), shift(end, 1)] {
        let r = renew_at(&at);
        assert_eq!(first_at(&r, "released").as_deref(), Some(end));
        assert_eq!(first_at(&r, "renewRefused"), Some(at));
    }
}

#[test]
fn policy_overrides_move_the_thresholds() {
    // ECS with a China-site style policy: stop after 1 day, release 2 days later.
    let r = run(json!({"product": "ecs", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01",
        "overdueAt": "2026-12-10", "policy": {"ecs": {"stopAfterDays": 1, "releaseAfterStopDays": 2}}}));
    assert_eq!(first_at(&r, "stopped").as_deref(), Some("2026-12-11T00:00:00+08:00"));
    assert_eq!(first_at(&r, "released").as_deref(), Some("2026-12-13T00:00:00+08:00"));
}

// ---------------------------------------------------------------- time

#[test]
fn month_end_leap_year_and_utc_plus_8_midnight() {
    let expiry = |start: &str, months: u32| {
        let r = run(json!({"product": "cloudPhone", "resource": {"billing": "subscription"}, "start": start, "months": months}));
        first_at(&r, "expired").unwrap()
    };
    assert_eq!(expiry("2028-01-31", 1), "2028-02-29T00:00:00+08:00"); // leap year
    assert_eq!(expiry("2027-01-31", 1), "2027-02-28T00:00:00+08:00");
    assert_eq!(expiry("2027-01-31", 3), "2027-04-30T00:00:00+08:00");
    // 2026-01-31T16:00Z is Feb 1 00:00 in UTC+8: one month later is Mar 1, not Feb 28.
    assert_eq!(expiry("2026-01-31T16:00:00Z", 1), "2026-03-01T00:00:00+08:00");
    // One second earlier it is still Jan 31 in UTC+8: Feb 28 23:59:59.
    assert_eq!(expiry("2026-01-31T15:59:59Z", 1), "2026-02-28T23:59:59+08:00");
    // Instants in any offset are the same moment.
    assert_eq!(expiry("2026-01-31T11:00:00-05:00", 1), "2026-03-01T00:00:00+08:00");
}

#[test]
fn top_up_in_every_phase() {
    // Cloud Phone: running, overdue, released.
    let cp = json!({"product": "cloudPhone", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01",
        "account": {"balance": "4.80"}, "costPerHour": "0.05", "until": "2027-01-01"});
    for (at, state) in [("2026-12-02", "running"), ("2026-12-10", "running"), ("2026-12-25", "released")] {
        assert_eq!(first(&run(with_top_up(cp.clone(), at, "1")), "topUp").unwrap()["state"], state, "{at}");
    }
    // ECS: running, overdue (T..T+15), stopped (T+15..T+30), released.
    let ecs = json!({"product": "ecs", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01",
        "overdueAt": "2026-12-10", "costPerHour": "0.10", "until": "2027-02-01"});
    for (at, amount, state) in [("2026-12-05", "1", "running"), ("2026-12-12", "1", "overdue"), ("2026-12-12", "100", "running"),
        ("2026-12-30", "1", "stopped"), ("2026-12-30", "100", "running"), ("2027-01-20", "100", "released")] {
        assert_eq!(first(&run(with_top_up(ecs.clone(), at, amount)), "topUp").unwrap()["state"], state, "{at} {amount}");
    }
    // IoT legacy: overdue (service on), stopped (restores in 30 min).
    let iot = json!({"product": "iot", "resource": {"instance": "legacyPublic"}, "start": "2026-12-01",
        "overdueAt": "2026-12-04", "costPerDay": "0.48", "until": "2026-12-10"});
    assert_eq!(first(&run(with_top_up(iot.clone(), "2026-12-04T12:00:00+08:00", "5")), "topUp").unwrap()["state"], "running");
    assert_eq!(first(&run(with_top_up(iot, "2026-12-06", "5")), "topUp").unwrap()["state"], "stopped");
    // IoT Enterprise, expired: a top-up alone does not restore it (a renewal does).
    let ent = json!({"product": "iot", "resource": {"instance": "enterprise"}, "start": "2026-02-01", "months": 1, "until": "2026-04-01"});
    assert_eq!(first(&run(with_top_up(ent, "2026-03-05", "5")), "topUp").unwrap()["state"], "expired");
}

// ---------------------------------------------------------------- properties

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A random request without caller releases: a product, a balance or stated overdue
/// moment, a rate, renewals and top-ups at random whole minutes within 200 days.
fn random_request(rng: &mut Rng) -> Json {
    let start = "2026-12-01T00:00:00+08:00";
    let at = |rng: &mut Rng| shift(start, rng.below(200 * DAY as u64 / 60) as i64 * 60);
    let mut request = match rng.below(7) {
        0 => json!({"product": "cloudPhone", "resource": {"billing": "payAsYouGo"}}),
        1 => json!({"product": "cloudPhone", "resource": {"billing": "subscription"}, "months": 1 + rng.below(3)}),
        2 => json!({"product": "ecs", "resource": {"billing": "payAsYouGo", "attached": ["dataDisk", "eip"]}}),
        3 => json!({"product": "ecs", "resource": {"billing": "subscription", "attached": ["payAsYouGoDisk"]}, "months": 1 + rng.below(6)}),
        4 => json!({"product": "iot", "resource": {"instance": "legacyPublic"}}),
        5 => json!({"product": "iot", "resource": {"instance": "enterprise"}, "months": 1 + rng.below(3), "renewalPrice": "20",
                    "autoRenew": rng.below(2) == 0, "account": {"balance": "0"}}),
        _ => json!({"product": "iot", "resource": {"instance": "enterprise", "trial": true}}),
    };
    request["start"] = json!(start);
    request["until"] = json!(shift(start, 220 * DAY));
    let subscription = request.get("months").is_some() || request["resource"]["trial"] == true;
    let kind = request["resource"].clone();
    if rng.below(4) > 0 {
        request[if rng.below(2) == 0 { "costPerHour" } else { "costPerDay" }] = json!(format!("{}.{:02}", rng.below(3), rng.below(100)));
    }
    if request.get("account").is_none() {
        if rng.below(3) > 0 {
            request["account"] = json!({"balance": format!("{}", rng.below(60))});
        } else if kind["trial"] != true {
            request["overdueAt"] = json!(at(rng));
        }
    }
    let mut events = Vec::new();
    for _ in 0..rng.below(6) {
        if subscription && rng.below(3) == 0 {
            events.push(json!({"at": at(rng), "type": "renew", "months": 1 + rng.below(2)}));
        } else {
            events.push(json!({"at": at(rng), "type": "topUp", "amount": format!("{}.{:02}", 1 + rng.below(40), rng.below(100))}));
        }
    }
    request["events"] = json!(events);
    request
}

fn first_time(result: &Json, events: &[&str]) -> Option<String> {
    result["timeline"].as_array().unwrap().iter().find(|e| events.contains(&e["event"].as_str().unwrap())).map(|e| e["at"].as_str().unwrap().to_string())
}

#[test]
fn properties_over_generated_requests() {
    let mut rng = Rng(0x5EED_2026_1122);
    for case in 0..600 {
        let request = random_request(&mut rng);
        let r = run(request.clone());
        let timeline = r["timeline"].as_array().unwrap();
        let times: Vec<&str> = timeline.iter().map(|e| e["at"].as_str().unwrap()).collect();
        assert!(times.windows(2).all(|w| w[0] <= w[1]), "case {case}: out of order\n{request}");

        // release >= stop >= overdue: each consequence comes after its cause.
        let overdue = first_time(&r, &["overdue"]);
        let stopped = first_time(&r, &["stopped", "payAsYouGoStopped"]);
        let released = first_time(&r, &["released", "payAsYouGoReleased"]);
        if let Some(s) = &stopped {
            assert!(overdue.as_ref().is_some_and(|o| o <= s), "case {case}: stop before overdue\n{request}");
        }
        if let (Some(rel), Some(s)) = (&released, &stopped) {
            assert!(s <= rel || first_time(&r, &["expired"]).is_some_and(|e| e <= *rel), "case {case}: release before stop\n{request}");
        }
        if let Some(rel) = &released {
            let cause = [overdue.clone(), first_time(&r, &["expired"])].into_iter().flatten().any(|c| c <= *rel);
            assert!(cause || request["resource"]["trial"] == true, "case {case}: released without a cause\n{request}");
        }

        // Nothing is billed while billing is off: the credit only moves by a top-up or
        // an auto-renewal payment until billing is back on.
        for w in timeline.windows(2) {
            if w[0]["billing"] == false && w[0]["credit"].is_string() && w[1]["credit"].is_string() {
                let (before, after) = (w[0]["credit"].as_str().unwrap(), w[1]["credit"].as_str().unwrap());
                match w[1]["event"].as_str().unwrap() {
                    "topUp" | "autoRenewed" => {}
                    _ => assert_eq!(before, after, "case {case}: billed while not billing at {}\n{request}", w[1]["at"]),
                }
            }
            if w[0]["state"] == "stopped" && w[1]["event"] != "topUp" {
                assert_eq!(w[0]["credit"], w[1]["credit"], "case {case}: billed while stopped\n{request}");
            }
        }

        // A top-up never changes what happened before it, and never brings the first
        // overdue or the first stop forward. (Later events may come sooner: a top-up that
        // keeps an instance running also keeps it billing, and an auto-renewal it pays
        // for spends the balance.)
        let extra_at = shift("2026-12-01T00:00:00+08:00", rng.below(200 * DAY as u64 / 60) as i64 * 60);
        let mut more = request.clone();
        more["events"].as_array_mut().unwrap().push(json!({"at": extra_at, "type": "topUp", "amount": "25"}));
        let r2 = run(more.clone());
        let before = |res: &Json| -> Vec<Json> {
            res["timeline"].as_array().unwrap().iter().filter(|e| e["at"].as_str().unwrap() < extra_at.as_str()).cloned().collect()
        };
        assert_eq!(before(&r), before(&r2), "case {case}: a top-up changed the past\n{more}");
        if request["autoRenew"] != true {
            for events in [&["overdue"][..], &["stopped", "payAsYouGoStopped"]] {
                let (a, b) = (first_time(&r, events), first_time(&r2, events));
                let later_or_never = match (&a, &b) {
                    (_, None) => true,
                    (None, Some(_)) => false,
                    (Some(a), Some(b)) => b >= a,
                };
                assert!(later_or_never, "case {case}: {events:?} moved from {a:?} to {b:?}\n{more}");
            }
        }
    }
}

#[test]
fn ten_years_of_monthly_auto_renewals_and_1000_top_ups() {
    // Expiries 2026-02-01 .. 2036-01-01 are each renewed 9 days before (all attempts
    // fall within the horizon, which ends 2036-01-01): 120 renewals x 10 = 1,200 billed.
    let top_ups: Vec<Json> = (0..1000).map(|i| json!({"at": shift("2026-01-01", i * 3 * DAY + 3600), "type": "topUp", "amount": "1"})).collect();
    let r = run(json!({"product": "iot", "resource": {"instance": "enterprise"}, "start": "2026-01-01", "months": 1,
        "autoRenew": true, "renewalPrice": "10", "account": {"balance": "1000"}, "events": top_ups, "until": "2036-01-01"}));
    let renewals = r["timeline"].as_array().unwrap().iter().filter(|e| e["event"] == "autoRenewed").count();
    assert_eq!(renewals, 120);
    assert_eq!(r["billed"], "1200.00");
    assert_eq!(r["finalState"], "running");
    // 1,000 + 1,000 top-ups - 1,200 = 800 left.
    assert_eq!(r["timeline"].as_array().unwrap().last().unwrap()["credit"], "800.00");
}

// ---------------------------------------------------------------- bad input

#[test]
fn bad_input_is_a_clear_error() {
    let base = json!({"product": "ecs", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01"});
    let with = |key: &str, value: Json| {
        let mut r = base.clone();
        r[key] = value;
        r
    };
    let cases: Vec<(Json, ErrorCode, &str)> = vec![
        // End before start.
        (with("until", json!("2026-11-30")), ErrorCode::OutOfRange, "until"),
        (with("until", json!("2026-12-01")), ErrorCode::OutOfRange, "until"),
        // Unknown event type.
        (with("events", json!([{"at": "2026-12-02", "type": "pause"}])), ErrorCode::UnknownEventType, "events[0].type"),
        // Negative or zero top-up.
        (with("events", json!([{"at": "2026-12-02", "type": "topUp", "amount": "-5"}])), ErrorCode::OutOfRange, "events[0].amount"),
        (with("events", json!([{"at": "2026-12-02", "type": "topUp", "amount": 0}])), ErrorCode::OutOfRange, "events[0].amount"),
        // An expiry for a pay-as-you-go resource.
        (with("expiresAt", json!("2027-01-01")), ErrorCode::NotSupported, "expiresAt"),
        (with("months", json!(3)), ErrorCode::NotSupported, "months"),
        // A horizon over 100 years.
        (with("until", json!("2126-12-01T00:00:01+08:00")), ErrorCode::OutOfRange, "until"),
        // Events outside the horizon, renewals of pay-as-you-go, typos.
        (with("events", json!([{"at": "2026-11-30", "type": "topUp", "amount": 1}])), ErrorCode::DateOutOfPeriod, "events[0].at"),
        (with("events", json!([{"at": "2026-12-02", "type": "renew", "months": 1}])), ErrorCode::NotSupported, "events[0].type"),
        (with("events", json!([{"at": "2026-12-02", "type": "topUp", "amount": 1, "months": 2}])), ErrorCode::UnknownField, "events[0].months"),
        (with("costPerHr", json!(1)), ErrorCode::UnknownField, "costPerHr"),
        (with("start", json!("2026-02-30")), ErrorCode::InvalidDate, "start"),
        (with("costPerHour", json!(-1)), ErrorCode::OutOfRange, "costPerHour"),
        (with("autoRenew", json!(true)), ErrorCode::NotSupported, "autoRenew"),
        (json!({"product": "ecs", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01", "account": {"balance": 1}, "overdueAt": "2026-12-02"}), ErrorCode::NotSupported, "overdueAt"),
        (json!({"product": "ecs", "resource": {"billing": "subscription"}, "start": "2026-12-01"}), ErrorCode::MissingField, "expiresAt"),
        (json!({"product": "ecs", "resource": {"billing": "subscription"}, "start": "2026-12-01", "expiresAt": "2026-11-01"}), ErrorCode::OutOfRange, "expiresAt"),
        (json!({"product": "iot", "resource": {"instance": "enterprise"}, "start": "2026-12-01", "months": 1, "autoRenew": true, "account": {"balance": 1}}), ErrorCode::MissingField, "renewalPrice"),
        (json!({"product": "iot", "resource": {"instance": "enterprise"}, "start": "2026-12-01", "months": 1, "autoRenew": true, "renewalPrice": 1}), ErrorCode::MissingField, "account"),
        (json!({"product": "iot", "resource": {"instance": "newPublic"}, "start": "2026-12-01", "costPerDay": 1}), ErrorCode::NotSupported, "costPerDay"),
        (json!({"product": "iot", "resource": {"instance": "legacyPublic", "trial": true}, "start": "2026-12-01"}), ErrorCode::NotSupported, "resource.trial"),
        (json!({"product": "ecs", "resource": {"billing": "payAsYouGo", "attached": ["floppy"]}, "start": "2026-12-01"}), ErrorCode::UnknownField, "resource.attached[0]"),
        (json!({"product": "rds", "resource": {}, "start": "2026-12-01"}), ErrorCode::UnknownProduct, "product"),
        (json!({"product": "ecs", "resource": {"billing": "payAsYouGo"}}), ErrorCode::MissingField, "start"),
        (json!({"product": "ecs", "resource": {"billing": "payAsYouGo"}, "start": "2026-12-01", "policy": {"ecs": {"stopAfterDay": 1}}}), ErrorCode::UnknownField, "policy.ecs.stopAfterDay"),
    ];
    for (request, code, path) in cases {
        let e = lifecycle_error(&request.to_string());
        assert_eq!((e.code, e.path.as_str()), (code, path), "{request}: {}", e.message);
        assert!(!e.message.is_empty());
    }
    // 10,001 events.
    let many: Vec<Json> = (0..10_001).map(|_| json!({"at": "2026-12-02", "type": "topUp", "amount": 1})).collect();
    let e = lifecycle_error(&with("events", json!(many)).to_string());
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::TooMany, "events"));
    // Exactly 100 years is allowed.
    assert_eq!(run(with("until", json!("2126-12-01")))["horizon"]["to"], "2126-12-01T00:00:00+08:00");
}
