//! compareBillingMethod (CP-3, CP-5, CP-6, CP-7, CP-8, IOT-3, ECS-9). Every expected
//! value is worked out by hand in the comments (divisions written out).

mod common;

use alicloud_cost::compare::{Billing, Cheapest};
use alicloud_cost::decode::Value;
use alicloud_cost::{compare_billing_method, Comparison, ErrorCode};
use serde_json::{json, Value as Json};

fn compare(request: Json) -> Comparison {
    compare_billing_method(&Value::from_json_str(&request.to_string()).unwrap()).unwrap()
}

fn error_of(request: Json) -> (ErrorCode, String) {
    let e = compare_billing_method(&Value::from_json_str(&request.to_string()).unwrap()).unwrap_err();
    (e.code, e.path.clone())
}

fn phone(spec: &str, region: &str, usage: Json) -> Json {
    json!({"product": "cloudPhone", "spec": spec, "region": region, "usage": usage})
}

#[test]
fn break_even_for_every_spec_and_region() {
    // (spec, region, monthly / hourly = ratio -> 2 dp, last whole 4-hour period where
    // pay-as-you-go still costs less, its cost, the next period and its cost)
    let table = [
        ("acp.basic.small", "mainland", "216.75", "216", "9.8712", "220", "10.0540"),       // 9.9057 / 0.0457 = 216.7549; 54 periods
        ("acp.std.small", "mainland", "239.51", "236", "13.6644", "240", "13.8960"),       // 13.8679 / 0.0579 = 239.5147; 59 periods
        ("acp.std.medium", "mainland", "244.83", "244", "14.8840", "248", "15.1280"),      // 14.9347 / 0.0610 = 244.8311; 61 periods
        ("acp.std.large", "mainland", "264.05", "264", "21.3312", "268", "21.6544"),       // 21.3353 / 0.0808 = 264.0507; 66 periods
        ("acp.perf.large", "mainland", "238.99", "236", "35.9664", "240", "36.5760"),      // 36.4224 / 0.1524 = 238.9921; 59 periods
        ("acp.basic.small", "international", "216.56", "216", "15.3144", "220", "15.5980"), // 15.3538 / 0.0709 = 216.5557
        ("acp.std.small", "international", "239.37", "236", "21.1928", "240", "21.5520"),  // 21.4953 / 0.0898 = 239.3686
        ("acp.std.medium", "international", "244.96", "244", "23.0580", "248", "23.4360"), // 23.1488 / 0.0945 = 244.9608
        ("acp.std.large", "international", "264.13", "264", "33.0528", "268", "33.5536"),  // 33.0697 / 0.1252 = 264.1350
        ("acp.perf.large", "international", "239.01", "236", "55.7432", "240", "56.6880"), // 56.4546 / 0.2362 = 239.0119
    ];
    for (spec, region, ratio, last, last_cost, next, next_cost) in table {
        let c = compare(phone(spec, region, json!({"months": 1, "hoursPerMonth": 100})));
        let b = c.break_even.unwrap();
        let got = (
            b.hours_per_month.to_string(),
            b.last_winning_hours.unwrap().to_string(),
            b.last_winning_cost.unwrap().to_string(),
            b.next_period_hours.unwrap().to_string(),
            b.next_period_cost.unwrap().to_string(),
        );
        assert_eq!(got, (ratio.into(), last.into(), last_cost.into(), next.into(), next_cost.into()), "{spec} {region}");
        assert_eq!(b.rules, vec!["CP-3", "CP-6"]);
    }
}

#[test]
fn thirty_six_months_at_the_last_winning_period() {
    // acp.basic.small mainland, 216 h a month for 36 months:
    // subscription: one 36-month order, as quote prices it: 36 x 9.9057 = 356.6052 -> 356.61 (issue 19);
    // pay-as-you-go 54 periods = 216 h x 0.0457 = 9.8712 -> 9.87 a month x 36 = 355.32.
    // Pay-as-you-go saves 1.29 = 1.29 / 356.61 = 0.3617% -> 0.36.
    let c = compare(phone("acp.basic.small", "mainland", json!({"months": 36, "hoursPerMonth": 216})));
    assert_eq!(c.cheapest, Cheapest::PayAsYouGo);
    assert_eq!((c.options[0].billing, c.options[0].total.to_string()), (Billing::Subscription, "356.61".into()));
    assert_eq!((c.options[1].billing, c.options[1].total.to_string()), (Billing::PayAsYouGo, "355.32".into()));
    assert_eq!((c.savings.to_string(), c.savings_percent.to_string()), ("1.29".into(), "0.36".into()));
    assert_eq!(c.options[1].per_month.to_string(), "9.87");
    // The curve is cumulative, and at each month it is what quote says for that purchase:
    // month 1 = a 1-month order (9.91), month 2 = 2 x 9.9057 = 19.8114 -> 19.81 (not 2 x 9.91 = 19.82),
    // month 36 = the totals.
    assert_eq!(c.curve.len(), 36);
    assert_eq!((c.curve[0].subscription.to_string(), c.curve[0].pay_as_you_go.to_string()), ("9.91".into(), "9.87".into()));
    assert_eq!(c.curve[1].subscription.to_string(), "19.81");
    assert_eq!((c.curve[35].subscription.to_string(), c.curve[35].pay_as_you_go.to_string()), ("356.61".into(), "355.32".into()));
    let one_order = c.caveats.iter().find(|w| w.code == "subscription_one_order").unwrap();
    assert!(one_order.message.contains("356.61") && one_order.message.contains("356.76"), "{}", one_order.message);
}

#[test]
fn the_curve_and_totals_agree_with_quote_for_the_same_purchases() {
    // Issue 19: for every month m, the subscription curve equals quote's price of an m-month
    // order, and the pay-as-you-go curve equals m monthly bills of one 216 h lifetime each.
    let c = compare(phone("acp.std.medium", "international", json!({"months": 24, "hoursPerMonth": 216})));
    let order = |m: usize, billing: &str| {
        let item = match billing {
            "subscription" => json!({"product": "cloudPhone", "spec": "acp.std.medium", "region": "international", "billing": "subscription", "months": m}),
            _ => json!({"product": "cloudPhone", "spec": "acp.std.medium", "region": "international", "billing": "payAsYouGo", "hours": 216}),
        };
        common::total(json!({"items": [item]})).parse::<rust_decimal::Decimal>().unwrap()
    };
    for (i, point) in c.curve.iter().enumerate() {
        assert_eq!(point.subscription, order(i + 1, "subscription"), "month {}", i + 1);
        assert_eq!(point.pay_as_you_go, order(1, "payAsYouGo") * rust_decimal::Decimal::from(i as u64 + 1), "month {}", i + 1);
    }
    assert_eq!(c.options[0].total, c.curve[23].subscription);
}

#[test]
fn monthly_renewals_are_an_option_that_says_so() {
    // usage.subscriptionOrders = "monthly": 36 one-month orders of 9.9057 -> 9.91 each = 356.76.
    let c = compare(phone("acp.basic.small", "mainland", json!({"months": 36, "hoursPerMonth": 216, "subscriptionOrders": "monthly"})));
    assert_eq!(c.options[0].total.to_string(), "356.76");
    assert_eq!(c.curve[1].subscription.to_string(), "19.82");
    let caveat = c.caveats.iter().find(|w| w.code == "subscription_monthly_orders").unwrap();
    assert!(caveat.message.contains("monthly renewals") && caveat.message.contains("356.61"), "{}", caveat.message);
    assert!(c.caveats.iter().all(|w| w.code != "subscription_one_order"));
    let e = alicloud_cost::compare_billing_method(&alicloud_cost::decode::Value::from_json_str(
        &phone("acp.basic.small", "mainland", json!({"months": 2, "subscriptionOrders": "yearly"})).to_string()).unwrap()).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("invalid_type", "usage.subscriptionOrders"));
}

#[test]
fn usage_exactly_at_break_even_bills_the_next_period_so_subscription_wins() {
    // 216.75 h -> ceil(216.75 / 4) = 55 periods = 220 h x 0.0457 = 10.054 -> 10.05 > 9.91.
    let c = compare(phone("acp.basic.small", "mainland", json!({"months": 1, "hoursPerMonth": "216.75"})));
    assert_eq!(c.cheapest, Cheapest::Subscription);
    assert_eq!(c.options[1].total.to_string(), "10.05");
    assert_eq!(c.savings.to_string(), "0.14");
}

#[test]
fn zero_usage_costs_nothing_pay_as_you_go() {
    // 0 h: no billing period; the subscription is still one 3-month order, 3 x 9.9057 = 29.7171 -> 29.72,
    // all saved (100%).
    let c = compare(phone("acp.basic.small", "mainland", json!({"months": 3, "hoursPerMonth": 0})));
    assert_eq!(c.options[1].total.to_string(), "0.00");
    assert_eq!((c.cheapest, c.savings.to_string(), c.savings_percent.to_string()), (Cheapest::PayAsYouGo, "29.72".into(), "100.00".into()));
}

#[test]
fn a_thousand_phones_all_month_long() {
    // No hours given: 730 h a month (8,760 / 12). 1,000 x acp.basic.small mainland, 12 months:
    // subscription 1,000 x 9.9057 = 9,905.70 a month, x 12 = 118,868.40;
    // pay-as-you-go ceil(730 / 4) = 183 periods = 732 h x 0.0457 x 1,000 = 33,452.40 a month, x 12 = 401,428.80.
    // Savings 282,560.40 = 70.3887% of 401,428.80 -> 70.39.
    let mut request = phone("acp.basic.small", "mainland", json!({"months": 12}));
    request["quantity"] = json!(1000);
    let c = compare(request);
    assert_eq!((c.options[0].total.to_string(), c.options[1].total.to_string()), ("118868.40".into(), "401428.80".into()));
    assert_eq!((c.cheapest, c.savings.to_string(), c.savings_percent.to_string()), (Cheapest::Subscription, "282560.40".into(), "70.39".into()));
}

#[test]
fn create_release_cycles_bill_each_lifetime_in_whole_periods() {
    // 10 h on each of 22 working days: each lifetime 3 periods = 12 h; 22 x 12 = 264 h x 0.0457
    // = 12.0648 -> 12.06 a month, dearer than 9.91 (one 220 h lifetime would be 10.05).
    let c = compare(phone("acp.basic.small", "mainland", json!({"months": 1, "cycles": {"hours": 10, "perMonth": 22}})));
    assert_eq!(c.options[1].total.to_string(), "12.06");
    assert_eq!(c.options[1].lines[0].quantity.to_string(), "264");
    assert_eq!(c.cheapest, Cheapest::Subscription);
}

#[test]
fn cp7_switching_only_from_pay_as_you_go_to_subscription() {
    // All month long subscription is cheaper: a pay-as-you-go group may switch to it.
    let mut request = phone("acp.std.large", "international", json!({"months": 6}));
    request["current"] = json!("payAsYouGo");
    let s = compare(request).switching.unwrap();
    assert_eq!((s.allowed, s.from, s.to, s.rules.to_vec()), (true, Billing::PayAsYouGo, Billing::Subscription, vec!["CP-7"]));
    // At 40 h a month pay-as-you-go is cheaper, but a subscription group cannot switch to it.
    let mut request = phone("acp.std.large", "international", json!({"months": 6, "hoursPerMonth": 40}));
    request["current"] = json!("subscription");
    let s = compare(request).switching.unwrap();
    assert_eq!((s.allowed, s.from, s.to), (false, Billing::Subscription, Billing::PayAsYouGo));
    assert!(s.reason.contains("cannot switch"), "{}", s.reason);
}

#[test]
fn cloud_phone_caveats_name_their_rules() {
    let c = compare(phone("acp.basic.small", "mainland", json!({"months": 1})));
    let codes: Vec<(&str, Vec<&str>)> = c.caveats.iter().map(|w| (w.code.as_str(), w.rules.to_vec())).collect();
    assert_eq!(codes, [
        ("billed_while_stopped", vec!["CP-5"]),
        ("billing_periods", vec!["CP-3"]),
        ("pay_as_you_go_months", vec!["CP-3", "CP-5"]),
        ("refund_whole_group_only", vec!["CP-8"]),
    ]);
}

#[test]
fn ecs_at_caller_prices() {
    // Subscription 60.00 + disk 2.00 = 62.00 a month; pay-as-you-go 0.10 + 0.004 = 0.104 an hour.
    // Break-even 62 / 0.104 = 596.1538 h -> 596.15. At 300 h: 300 x 0.104 = 31.20 a month; 2 instances,
    // 12 months: subscription 2 x 62 x 12 = 1,488.00, pay-as-you-go 2 x 31.20 x 12 = 748.80 (per month 62.40).
    let c = compare(json!({"product": "ecs", "quantity": 2, "usage": {"months": 12, "hoursPerMonth": 300},
        "prices": {"subscription": {"instance": 60, "systemDisk": 2}, "payAsYouGo": {"instance": "0.10", "systemDisk": "0.004"}}}));
    assert_eq!((c.options[0].total.to_string(), c.options[1].total.to_string()), ("1488.00".into(), "748.80".into()));
    assert_eq!(c.break_even.unwrap().hours_per_month.to_string(), "596.15");
    assert_eq!(c.cheapest, Cheapest::PayAsYouGo);
    assert!(c.switching.is_none());
    // Exactly at a break-even that is a whole number of hours the two tie: 60 / 0.1 = 600 h.
    let c = compare(json!({"product": "ecs", "usage": {"months": 1, "hoursPerMonth": 600},
        "prices": {"subscription": {"instance": 60}, "payAsYouGo": {"instance": "0.1"}}}));
    assert_eq!((c.cheapest, c.savings.to_string()), (Cheapest::Tie, "0.00".into()));
}

#[test]
fn iot_enterprise_against_legacy_public_reuses_the_quote_engine() {
    // Legacy Basic, 604,800 messages a day. November (30 days): 13.61 (RULES.md example).
    // December (31 days): day 1 free, day 2 209,600 -> 0.17, days 3..31 29 x 0.48 = 13.92: 14.09.
    // Pay-as-you-go 27.70 over two months; Enterprise at 10.00 a month = 20.00: saves 7.70 = 27.80%.
    let c = compare(json!({"product": "iot", "edition": "basic", "monthlyPrice": "10", "startMonth": "2026-11",
        "perDay": {"messages": [{"bytes": 100, "count": 604800}]}, "usage": {"months": 2}}));
    let curve: Vec<(String, String)> = c.curve.iter().map(|p| (p.subscription.to_string(), p.pay_as_you_go.to_string())).collect();
    assert_eq!(curve, [("10.00".to_string(), "13.61".to_string()), ("20.00".to_string(), "27.70".to_string())]);
    assert_eq!((c.cheapest, c.savings.to_string(), c.savings_percent.to_string()), (Cheapest::Subscription, "7.70".into(), "27.80".into()));
    // IOT-3: with a trial the first Enterprise month is free: 0 + 10 = 10.00.
    let c = compare(json!({"product": "iot", "edition": "basic", "monthlyPrice": "10", "trial": true, "startMonth": "2026-11",
        "perDay": {"messages": []}, "usage": {"months": 2}}));
    assert_eq!(c.options[0].total.to_string(), "10.00");
    assert!(c.caveats.iter().any(|w| w.rules == vec!["IOT-3"]));
}

#[test]
fn bad_comparisons_are_refused_with_codes() {
    let cases = [
        (phone("acp.basic.small", "mainland", json!({"months": 1, "hoursPerMonth": -1})), ErrorCode::OutOfRange, "usage.hoursPerMonth"),
        (phone("acp.basic.small", "mainland", json!({"months": 1, "hoursPerMonth": 744.5})), ErrorCode::OutOfRange, "usage.hoursPerMonth"),
        (phone("acp.basic.small", "mainland", json!({"months": 0})), ErrorCode::OutOfRange, "usage.months"),
        (phone("acp.basic.small", "mainland", json!({"months": 1, "cycles": {"hours": 24, "perMonth": 32}})), ErrorCode::OutOfRange, "usage.cycles"),
        (phone("acp.basic.small", "mainland", json!({"months": 1, "hoursPerMonth": 1, "cycles": {"hours": 1, "perMonth": 1}})), ErrorCode::UnknownField, "usage.cycles"),
        (phone("acp.nope", "mainland", json!({"months": 1})), ErrorCode::UnknownSpec, "spec"),
        (json!({"product": "rds", "usage": {"months": 1}}), ErrorCode::UnknownProduct, "product"),
        (json!({"product": "ecs", "usage": {"months": 1}, "prices": {"subscription": {"instance": 1}}}), ErrorCode::MissingField, "prices.payAsYouGo"),
        (json!({"product": "iot", "edition": "basic", "monthlyPrice": 1, "startMonth": "9999-11", "perDay": {"messages": []}, "usage": {"months": 3}}), ErrorCode::OutOfRange, "usage.months"),
        (json!({"product": "iot", "edition": "basic", "startMonth": "2026-11", "perDay": {"messages": []}, "usage": {"months": 3}}), ErrorCode::MissingPrice, "monthlyPrice"),
    ];
    for (request, code, path) in cases {
        assert_eq!(error_of(request.clone()), (code, path.to_string()), "{request}");
    }
    // 744 h (31 days x 24) is the most a month can hold, and is accepted.
    compare(phone("acp.basic.small", "mainland", json!({"months": 1, "hoursPerMonth": 744})));
}

#[test]
fn not_bought_yet_says_what_may_be_chosen_now_and_what_can_change_later() {
    // CP-7 (issue 19): with no current method nothing is "not allowed". 100 h a month is far
    // below the 216.75 h break-even, so pay-as-you-go is cheaper; it keeps the move to
    // subscription open. 400 h: subscription is cheaper, and it cannot move back.
    let cheap_hours = compare(phone("acp.basic.small", "mainland", json!({"months": 3, "hoursPerMonth": 100})));
    let s = cheap_hours.switching.unwrap();
    assert!(s.allowed && s.to == Billing::PayAsYouGo);
    assert!(s.reason.starts_with("Not bought yet: either billing method can be chosen now."), "{}", s.reason);
    assert!(s.reason.contains("move to subscription later"), "{}", s.reason);
    let many_hours = compare(phone("acp.basic.small", "mainland", json!({"months": 3, "hoursPerMonth": 400})));
    let s = many_hours.switching.unwrap();
    assert!(s.allowed && s.to == Billing::Subscription);
    assert!(s.reason.contains("cannot move to pay-as-you-go later"), "{}", s.reason);
}
