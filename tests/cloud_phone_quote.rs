//! Cloud Phone quotes (CP-2, CP-3, CP-5, CP-6). Every expected value is worked out by
//! hand from the CP-6 table in shared/RULES.md; the arithmetic is in the comments.

mod common;
use alicloud_cost::ErrorCode;
use common::{error_of, quote_json};
use serde_json::json;

fn payg(spec: &str, region: &str, hours: serde_json::Value, quantity: u64) -> serde_json::Value {
    json!({"items": [{"product": "cloudPhone", "spec": spec, "region": region,
                      "billing": "payAsYouGo", "hours": hours, "quantity": quantity}]})
}

fn subscription(spec: &str, region: &str, months: u64, quantity: u64) -> serde_json::Value {
    json!({"items": [{"product": "cloudPhone", "spec": spec, "region": region,
                      "billing": "subscription", "months": months, "quantity": quantity}]})
}

#[test]
fn cp3_pay_as_you_go_bills_whole_four_hour_periods() {
    // acp.basic.small, mainland, 5 h lifetime, 2 phones:
    // ceil(5 / 4) = 2 periods = 8 h; 8 h x 0.0457 x 2 = 0.7312 -> 0.73.
    let q = quote_json(payg("acp.basic.small", "mainland", json!(5), 2)).unwrap();
    assert_eq!(q.trade_price.to_string(), "0.73");
    let line = &q.items[0].lines[0];
    assert_eq!(line.quantity.to_string(), "16"); // 8 h x 2 phones
    assert_eq!(line.unit, "phone-hour");
    assert_eq!(line.unit_price.to_string(), "0.0457");
    assert_eq!(line.exact_amount.to_string(), "0.7312");
    assert_eq!(line.amount.to_string(), "0.73");
    assert_eq!(line.rules, vec!["CP-2", "CP-3", "CP-5", "CP-6"]);
}

#[test]
fn cp3_period_boundaries_four_hours_is_one_period_and_a_moment_more_is_two() {
    // acp.std.large, international, hourly 0.1252, one phone.
    // 4 h   -> 1 period  = 4 h x 0.1252 = 0.5008 -> 0.50
    // 4.01 h -> 2 periods = 8 h x 0.1252 = 1.0016 -> 1.00
    // 0.5 h -> 1 period  = 4 h (a group released soon after creation still pays a period)
    let cases = [(json!(4), "0.50", "4"), (json!("4.01"), "1.00", "8"), (json!(0.5), "0.50", "4"), (json!(8), "1.00", "8")];
    for (hours, total, billed) in cases {
        let q = quote_json(payg("acp.std.large", "international", hours.clone(), 1)).unwrap();
        assert_eq!(q.trade_price.to_string(), total, "hours {hours}");
        assert_eq!(q.items[0].lines[0].quantity.to_string(), billed, "hours {hours}");
    }
}

#[test]
fn cp6_subscription_is_monthly_price_times_months_times_phones() {
    // acp.perf.large, mainland, 36.4224 / month; 3 months x 2 phones = 6 x 36.4224 = 218.5344 -> 218.53.
    let q = quote_json(subscription("acp.perf.large", "mainland", 3, 2)).unwrap();
    assert_eq!(q.original_price.to_string(), "218.53");
    assert_eq!(q.discount_price.to_string(), "0.00");
    assert_eq!(q.trade_price.to_string(), "218.53");
    let line = &q.items[0].lines[0];
    assert_eq!(line.quantity.to_string(), "6");
    assert_eq!(line.unit, "phone-month");
    assert_eq!(line.rules, vec!["CP-2", "CP-6"]);
    assert!(q.items[0].warnings.is_empty());
}

#[test]
fn cp6_every_spec_and_region_is_priced_from_the_published_table() {
    // One month of one phone is the monthly price itself, rounded half-up to cents;
    // 4 hours is one period = 4 x the hourly price.
    let table = [
        ("acp.basic.small", "mainland", "9.91", "0.18"),       // 9.9057; 4 x 0.0457 = 0.1828
        ("acp.basic.small", "international", "15.35", "0.28"), // 15.3538; 4 x 0.0709 = 0.2836
        ("acp.std.small", "mainland", "13.87", "0.23"),        // 13.8679; 4 x 0.0579 = 0.2316
        ("acp.std.small", "international", "21.50", "0.36"),   // 21.4953; 4 x 0.0898 = 0.3592
        ("acp.std.medium", "mainland", "14.93", "0.24"),       // 14.9347; 4 x 0.0610 = 0.2440
        ("acp.std.medium", "international", "23.15", "0.38"),  // 23.1488; 4 x 0.0945 = 0.3780
        ("acp.std.large", "mainland", "21.34", "0.32"),        // 21.3353; 4 x 0.0808 = 0.3232
        ("acp.std.large", "international", "33.07", "0.50"),   // 33.0697; 4 x 0.1252 = 0.5008
        ("acp.perf.large", "mainland", "36.42", "0.61"),       // 36.4224; 4 x 0.1524 = 0.6096
        ("acp.perf.large", "international", "56.45", "0.94"),  // 56.4546; 4 x 0.2362 = 0.9448
    ];
    for (spec, region, month, period) in table {
        let m = quote_json(subscription(spec, region, 1, 1)).unwrap();
        assert_eq!(m.trade_price.to_string(), month, "{spec} {region} monthly");
        let h = quote_json(payg(spec, region, json!(4), 1)).unwrap();
        assert_eq!(h.trade_price.to_string(), period, "{spec} {region} one period");
    }
}

#[test]
fn cp5_pay_as_you_go_warns_that_stopping_does_not_stop_billing() {
    let q = quote_json(payg("acp.basic.small", "mainland", json!(10), 1)).unwrap();
    let warning = &q.items[0].warnings[0];
    assert_eq!(warning.code, "billed_while_stopped");
    assert_eq!(warning.rules, vec!["CP-5"]);
}

#[test]
fn cart_totals_are_sums_of_rounded_lines() {
    // 0.7312 -> 0.73 and 218.5344 -> 218.53; total 219.26 (the exact sum 219.2656 would
    // round to 219.27: a customer adding up the lines must get the total shown).
    let q = quote_json(json!({"items": [
        {"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland", "billing": "payAsYouGo", "hours": 5, "quantity": 2},
        {"product": "cloudPhone", "spec": "acp.perf.large", "region": "mainland", "billing": "subscription", "months": 3, "quantity": 2}
    ]}))
    .unwrap();
    assert_eq!(q.trade_price.to_string(), "219.26");
    assert_eq!(q.items[1].index, 1);
    assert_eq!(q.currency, "USD");
}

#[test]
fn quantity_defaults_to_one_and_accepts_decimal_strings() {
    // acp.std.small, mainland, 1 month = 13.8679 -> 13.87; hours "7.5" -> 2 periods = 8 h x 0.0579 = 0.4632 -> 0.46.
    let q = quote_json(json!({"items": [{"product": "cloudPhone", "spec": "acp.std.small", "region": "mainland", "billing": "subscription", "months": "1"}]})).unwrap();
    assert_eq!(q.trade_price.to_string(), "13.87");
    let q = quote_json(payg("acp.std.small", "mainland", json!("7.5"), 1)).unwrap();
    assert_eq!(q.trade_price.to_string(), "0.46");
}

#[test]
fn serialized_quote_uses_camel_case_and_decimal_strings() {
    let q = quote_json(payg("acp.basic.small", "mainland", json!(5), 2)).unwrap();
    let v: serde_json::Value = serde_json::to_value(&q).unwrap();
    assert_eq!(v["tradePrice"], json!("0.73"));
    assert_eq!(v["catalogVersion"], json!("2026-06-17"));
    assert_eq!(v["items"][0]["product"], json!("cloudPhone"));
    assert_eq!(v["items"][0]["lines"][0]["unitPrice"], json!("0.0457"));
    assert_eq!(v["items"][0]["discountPrice"], json!("0.00"));
}

// ---- bad input: a stable code and the path of the field at fault ----

fn item(fields: serde_json::Value) -> serde_json::Value {
    let mut base = json!({"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland", "billing": "payAsYouGo", "hours": 5});
    for (k, v) in fields.as_object().unwrap() {
        if v.is_null() {
            base.as_object_mut().unwrap().remove(k);
        } else {
            base[k] = v.clone();
        }
    }
    json!({"items": [item_ok(), base]})
}

fn item_ok() -> serde_json::Value {
    json!({"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland", "billing": "subscription", "months": 1})
}

#[test]
fn bad_input_has_a_stable_code_and_the_field_path() {
    let cases = [
        (item(json!({"spec": "acp.huge"})), ErrorCode::UnknownSpec, "items[1].spec"),
        (item(json!({"region": "europe"})), ErrorCode::UnknownRegion, "items[1].region"),
        (item(json!({"billing": "monthly"})), ErrorCode::UnknownBilling, "items[1].billing"),
        (item(json!({"product": "rds"})), ErrorCode::UnknownProduct, "items[1].product"),
        (item(json!({"hours": 0})), ErrorCode::OutOfRange, "items[1].hours"),
        (item(json!({"hours": -1})), ErrorCode::OutOfRange, "items[1].hours"),
        (item(json!({"hours": "five"})), ErrorCode::InvalidDecimal, "items[1].hours"),
        (item(json!({"hours": true})), ErrorCode::InvalidType, "items[1].hours"),
        (item(json!({"hours": 876_601})), ErrorCode::OutOfRange, "items[1].hours"),
        (item(json!({"hours": null})), ErrorCode::MissingField, "items[1].hours"),
        (item(json!({"spec": null})), ErrorCode::MissingField, "items[1].spec"),
        (item(json!({"quantity": 0})), ErrorCode::OutOfRange, "items[1].quantity"),
        (item(json!({"quantity": 1.5})), ErrorCode::NotAnInteger, "items[1].quantity"),
        (item(json!({"quantity": 1_000_001})), ErrorCode::OutOfRange, "items[1].quantity"),
        (item(json!({"hour": 5})), ErrorCode::UnknownField, "items[1].hour"),
        (item(json!({"months": 2})), ErrorCode::UnknownField, "items[1].months"),
        (json!({"items": []}), ErrorCode::Empty, "items"),
        (json!({"items": {}}), ErrorCode::InvalidType, "items"),
        (json!({}), ErrorCode::MissingField, "items"),
        (json!({"items": [item_ok()], "itemz": 1}), ErrorCode::UnknownField, "itemz"),
        (json!([]), ErrorCode::InvalidType, ""),
        (json!({"items": [{"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland", "billing": "subscription", "months": 0}]}),
         ErrorCode::OutOfRange, "items[0].months"),
    ];
    for (request, code, path) in cases {
        let got = error_of(request.clone());
        assert_eq!(got, (code, path.to_string()), "request {request}");
    }
}

#[test]
fn a_cart_over_ten_thousand_items_is_refused() {
    let items: Vec<_> = (0..10_001).map(|_| item_ok()).collect();
    assert_eq!(error_of(json!({"items": items})), (ErrorCode::TooMany, "items".to_string()));
    let items: Vec<_> = (0..10_000).map(|_| item_ok()).collect();
    // 10,000 x 9.9057 -> 9.91 each = 99,100.00
    assert_eq!(quote_json(json!({"items": items})).unwrap().trade_price.to_string(), "99100.00");
}

#[test]
fn cp13_a_group_kept_running_is_billed_every_hour_of_the_month() {
    // acp.basic.small, mainland (0.0457 an hour), 2 phones kept running 730 h a month: billed
    // and deducted every hour (CP-13), so 2 x 730 x 0.0457 = 66.722 -> 66.72 a month. As one
    // 730 h lifetime it would be 183 periods = 732 h (CP-3): 2 x 732 x 0.0457 = 66.90.
    let running = json!({"items": [{"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland",
        "billing": "payAsYouGo", "hoursPerMonth": 730, "quantity": 2}]});
    let q = quote_json(running).unwrap();
    let item = &q.items[0];
    let line = &item.lines[0];
    assert_eq!((line.quantity.to_string(), line.exact_amount.to_string(), line.amount.to_string()), ("1460".into(), "66.7220".into(), "66.72".into()));
    assert_eq!(line.formula, "2 phones x 730 h a month x USD 0.0457/hour (kept running: billed every hour, CP-13; the 4-hour period rounds once, at release)");
    assert_eq!(line.rules, ["CP-2", "CP-3", "CP-5", "CP-6", "CP-13"]);
    assert_eq!(item.description, "2 phones acp.basic.small, mainland, pay-as-you-go, kept running 730 h a month");
    // It recurs every month while the group runs: monthly in the estimate, 12 x 66.72 a year.
    assert_eq!((q.estimate.monthly.to_string(), q.estimate.one_off.to_string(), q.estimate.first_year.to_string()), ("66.72".into(), "0.00".into(), "800.64".into()));
    let lifetime = quote_json(payg("acp.basic.small", "mainland", json!(730), 2)).unwrap();
    assert_eq!((lifetime.trade_price.to_string(), lifetime.estimate.one_off.to_string()), ("66.90".into(), "66.90".into()));
}

#[test]
fn hours_per_month_is_a_month_of_a_running_group_not_a_lifetime() {
    let item = |extra: serde_json::Value| {
        let mut item = json!({"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland", "billing": "payAsYouGo"});
        item.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        json!({"items": [item]})
    };
    // A month holds at most 31 x 24 = 744 hours; a lifetime and its creation go with `hours`.
    assert_eq!(error_of(item(json!({"hoursPerMonth": 745}))), (ErrorCode::OutOfRange, "items[0].hoursPerMonth".to_string()));
    assert_eq!(error_of(item(json!({"hoursPerMonth": 10, "hours": 10}))), (ErrorCode::UnknownField, "items[0].hours".to_string()));
    assert_eq!(error_of(item(json!({"hoursPerMonth": 10, "createdAt": "2025-01-01"}))), (ErrorCode::UnknownField, "items[0].createdAt".to_string()));
    assert_eq!(error_of(item(json!({"billing": "subscription", "months": 1, "hoursPerMonth": 10}))), (ErrorCode::UnknownField, "items[0].hoursPerMonth".to_string()));
    // An account runs a pay-as-you-go group by the hour until it is released: not this field.
    let account = alicloud_cost::decode::Value::from_json_str(r#"{"start": "2026-12-01", "account": {"balance": "10"}, "items": [
        {"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland", "billing": "payAsYouGo", "hoursPerMonth": 730}]}"#).unwrap();
    let error = alicloud_cost::simulate_account(&account).unwrap_err();
    assert_eq!((error.code, error.path.as_str()), (ErrorCode::NotSupported, "items[0].hoursPerMonth"));
}
