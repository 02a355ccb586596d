//! Golden files: the exact JSON a request produces. tests/wasm.rs checks the same
//! files in Node and in Chromium, so native and wasm answers agree byte for byte.
//! The amounts inside are worked out by hand in the comments below.

use alicloud_cost::decode::Value;

fn check(request: &str, expected: &str, totals: &str) {
    let request = Value::from_json_str(request).unwrap();
    let got = serde_json::to_string(&alicloud_cost::quote(&request).unwrap()).unwrap();
    assert!(got.contains(totals), "{got}");
    assert_eq!(got, expected.trim_end());
}

#[test]
fn cloud_phone_quote_golden() {
    // Item 0: ceil(5 / 4) = 2 periods = 8 h x 2 phones = 16 phone-hours x 0.0457 = 0.7312 -> 0.73 (CP-3, CP-6).
    // Item 1: 12 months x 3 phones = 36 phone-months x 56.4546 = 2032.3656 -> 2032.37 (CP-6 international).
    // Total 0.73 + 2032.37 = 2033.10.
    check(
        include_str!("golden/cloud_phone_quote.request.json"),
        include_str!("golden/cloud_phone_quote.response.json"),
        r#""originalPrice":"2033.10","discountPrice":"0.00","tradePrice":"2033.10""#,
    );
}

#[test]
fn mixed_cart_golden() {
    // 0: caller price 8.00 x 12 months x 2 phones = 192.00.
    // 1: acp.std.medium international, 10 h -> 3 periods = 12 h x 0.0945 = 1.134 -> 1.13; NAT 10 h x 0.05 = 0.50: 1.63.
    // 2: IoT Pro, 604,800 messages a day in November: 13.61 (the RULES.md example, IOT-18);
    //    12 living devices: 2 x 0.003 = 0.006 -> 0.01 a day x 30 = 0.30 (IOT-19): 13.91.
    // 3: Enterprise "standard" at 120, 3 months with a trial month: 2 x 120 = 240.00 (IOT-3).
    // 4: ECS 730 h x 0.25 = 182.50 + 730 h x 0.01 = 7.30 = 189.80; ECS 10% = 18.98 off: 170.82.
    // Totals: 637.34 original, 18.98 discount, 618.36 paid.
    check(
        include_str!("golden/mixed_cart.request.json"),
        include_str!("golden/mixed_cart.response.json"),
        r#""originalPrice":"637.34","discountPrice":"18.98","tradePrice":"618.36""#,
    );
}

fn check_lifecycle(request: &str, expected: &str) {
    let request = Value::from_json_str(request).unwrap();
    let got = serde_json::to_string(&alicloud_cost::simulate_lifecycle(&request).unwrap()).unwrap();
    assert_eq!(got, expected.trim_end());
}

#[test]
fn ecs_lifecycle_golden() {
    // Credit 30 + 6 coupons at 0.10/h = 360 h: overdue T = 12-16 09:30 (ECS-1). Retries at
    // T+7 (16.80 owed) and T+14 (33.60); stopped at T+15 = 12-31 09:30 owing 36.00 (ECS-4).
    // A 40 top-up at that moment restarts it (ECS-7; economical mode ECS-6) with 4.00, which
    // lasts 40 h: overdue again 2027-01-02 01:30, stopped 01-17 01:30, released 02-01 01:30.
    // Billed: 720 h (72.00) + 40 h (4.00) + 360 h while overdue (36.00) = 112.00.
    check_lifecycle(include_str!("golden/lifecycle_ecs.request.json"), include_str!("golden/lifecycle_ecs.response.json"));
    let got = include_str!("golden/lifecycle_ecs.response.json");
    assert!(got.contains(r#""lastSafeMoment":"2026-12-31T09:29:59+08:00","creditRunsOutAt":"2026-12-16T09:30:00+08:00""#));
    assert!(got.contains(r#""billed":"112.00""#));
}

#[test]
fn iot_enterprise_lifecycle_golden() {
    // Bought 2026-01-31 10:00 for a month: expiry Feb 28 10:00 (clamped). Credit 150.
    // IOT-10: Feb 19 pays 100 (credit 50), expiry Mar 31; Mar 22..25 fail; a 50 top-up on
    // Mar 25 makes Mar 26 succeed (credit 0), expiry Apr 30; Apr 21..29 fail; expired Apr 30.
    // A manual renewal on May 10 for 2 months (200): expiry Jun 30, restored by 00:30 (IOT-9);
    // Jun 21..29 fail; expired Jun 30; released 15 days later, Jul 15 (IOT-5). Billed 400.00.
    check_lifecycle(
        include_str!("golden/lifecycle_iot_enterprise.request.json"),
        include_str!("golden/lifecycle_iot_enterprise.response.json"),
    );
    let got = include_str!("golden/lifecycle_iot_enterprise.response.json");
    assert!(got.contains(r#""dataDeletedAt":"2026-07-15T10:00:00+08:00","lastSafeMoment":"2026-04-30T09:59:59+08:00""#));
    assert!(got.contains(r#""billed":"400.00""#));
}
