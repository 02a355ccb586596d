//! EIP and NAT Gateway items: products of their own (CP-1), at the caller's prices.
//! Hand-worked values in the comments.

mod common;
use alicloud_cost::ErrorCode;
use common::{error_of, quote_json, total};
use serde_json::json;

#[test]
fn cp1_an_eip_is_its_address_and_its_bandwidth_at_your_prices() {
    // 730 h: address 730 x 0.004 = 2.92; bandwidth (5 Mbps at 0.02 = 0.10 an hour) 730 x 0.10 = 73.00. 75.92.
    let q = quote_json(json!({"items": [{"product": "eip", "billing": "payAsYouGo", "hours": 730,
        "prices": {"address": "0.004", "bandwidth": "0.10"}}]}))
    .unwrap();
    let item = &q.items[0];
    let lines: Vec<(&str, String)> = item.lines.iter().map(|l| (l.code.as_str(), l.amount.to_string())).collect();
    assert_eq!(lines, [("eip.address", "2.92".to_string()), ("eip.bandwidth", "73.00".to_string())]);
    assert_eq!(item.lines[0].formula, "1 x 730 h x USD 0.004/hour (EIP address, your price)");
    assert_eq!(item.lines[0].unit, "address-hour");
    assert!(item.lines.iter().all(|l| l.rules == ["CP-1"]));
    assert_eq!(item.warnings[0].code, "caller_price");
    assert_eq!(q.trade_price.to_string(), "75.92");
    // Pay-as-you-go for hours is a one-off amount in the estimate, as ECS's is.
    assert_eq!(q.estimate.one_off.to_string(), "75.92");
}

#[test]
fn cp1_with_mbps_an_eips_bandwidth_is_priced_per_mbps_and_counted_in_mbps_hours() {
    // 2 addresses x 730 h x 5 Mbps = 7,300 Mbps-hours x 0.02 = 146.00 (the same as 2 x 730 x 0.10
    // per address); the address fee stays per address: 1,460 address-hours x 0.004 = 5.84.
    let q = quote_json(json!({"items": [{"product": "eip", "billing": "payAsYouGo", "hours": 730, "quantity": 2, "mbps": 5,
        "prices": {"address": "0.004", "bandwidth": "0.02"}}]}))
    .unwrap();
    let bandwidth = &q.items[0].lines[1];
    assert_eq!((bandwidth.unit.as_str(), bandwidth.quantity.to_string(), bandwidth.amount.to_string()), ("Mbps-hour", "7300".to_string(), "146.00".to_string()));
    assert_eq!(bandwidth.formula, "2 x 730 h x 5 Mbps x USD 0.02 per Mbps per hour (EIP bandwidth, your price)");
    assert_eq!(q.items[0].lines[0].unit, "address-hour");
    assert_eq!(q.trade_price.to_string(), "151.84");
    // A subscription: 12 months x 10 Mbps x 3 = 360.00 for 120 Mbps-months.
    let q = quote_json(json!({"items": [{"product": "eip", "billing": "subscription", "months": 12, "mbps": 10, "prices": {"bandwidth": 3}}]})).unwrap();
    let line = &q.items[0].lines[0];
    assert_eq!((line.unit.as_str(), line.quantity.to_string(), line.amount.to_string()), ("Mbps-month", "120".to_string(), "360.00".to_string()));
    // mbps is an EIP's: above 0, at most 10,000; a NAT Gateway has none.
    let (_, path) = error_of(json!({"items": [{"product": "eip", "billing": "subscription", "months": 1, "mbps": 0, "prices": {"bandwidth": 3}}]}));
    assert_eq!(path, "items[0].mbps");
    let error = error_of(json!({"items": [{"product": "natGateway", "billing": "subscription", "months": 1, "mbps": 5, "prices": {"gateway": 3}}]}));
    assert_eq!(error, (ErrorCode::UnknownField, "items[0].mbps".to_string()));
}

#[test]
fn cp1_a_nat_gateway_subscription_is_prepaid() {
    // 2 gateways x 12 months x 45.00 = 1,080.00, all upfront.
    let q = quote_json(json!({"items": [{"product": "natGateway", "billing": "subscription", "months": 12, "quantity": 2,
        "specification": "Small", "prices": {"gateway": 45}}]}))
    .unwrap();
    assert_eq!(q.trade_price.to_string(), "1080.00");
    assert_eq!(q.estimate.upfront.to_string(), "1080.00");
    assert_eq!(q.items[0].description, "2 x NAT Gateway (Small), subscription for 12 months");
    assert_eq!(q.items[0].lines[0].unit, "gateway-month");
    // A discount may name the product: 10 % of 1,080.00 = 108.00.
    let discounted = json!({"discounts": [{"percent": 10, "product": "natGateway"}], "items": [{"product": "natGateway",
        "billing": "subscription", "months": 12, "quantity": 2, "prices": {"gateway": 45}}]});
    assert_eq!(total(discounted), "972.00");
}

#[test]
fn cp1_eip_and_nat_gateway_items_are_checked_like_any_other() {
    let cases = [
        (json!({"product": "eip", "billing": "payAsYouGo", "hours": 1, "prices": {}}), ErrorCode::MissingPrice, "items[0].prices.address"),
        (json!({"product": "natGateway", "billing": "payAsYouGo", "hours": 1, "prices": {}}), ErrorCode::MissingPrice, "items[0].prices.gateway"),
        (json!({"product": "eip", "billing": "payAsYouGo", "hours": 1}), ErrorCode::MissingField, "items[0].prices"),
        (json!({"product": "eip", "billing": "payAsYouGo", "hours": 1, "prices": {"gateway": 1}}), ErrorCode::UnknownField, "items[0].prices.gateway"),
        (json!({"product": "eip", "billing": "payAsYouGo", "hours": 1, "specification": "Small", "prices": {"address": 1}}), ErrorCode::UnknownField, "items[0].specification"),
        (json!({"product": "natGateway", "billing": "subscription", "hours": 1, "prices": {"gateway": 1}}), ErrorCode::UnknownField, "items[0].hours"),
        (json!({"product": "natGateway", "billing": "payAsYouGo", "hours": 1, "prices": {"gateway": -1}}), ErrorCode::OutOfRange, "items[0].prices.gateway"),
        (json!({"product": "vpn", "billing": "payAsYouGo", "hours": 1}), ErrorCode::UnknownProduct, "items[0].product"),
    ];
    for (item, code, path) in cases {
        assert_eq!(error_of(json!({"items": [item]})), (code, path.to_string()), "{item}");
    }
    // compareBillingMethod and simulateLifecycle cover cloudPhone, iot and ecs only.
    let request = alicloud_cost::decode::Value::from_json_str(r#"{"product": "eip"}"#).unwrap();
    assert_eq!(alicloud_cost::compare_billing_method(&request).unwrap_err().code, ErrorCode::UnknownProduct);
}

#[test]
fn cp1_an_eip_kept_running_is_a_monthly_amount() {
    // 730 h a month x 0.004 = 2.92 every month: monthly in the estimate, not one-off.
    let q = quote_json(json!({"items": [{"product": "eip", "billing": "payAsYouGo", "hoursPerMonth": 730, "prices": {"address": "0.004"}}]})).unwrap();
    assert_eq!(q.items[0].description, "1 x EIP, pay-as-you-go for 730 h a month");
    assert_eq!((q.estimate.monthly.to_string(), q.estimate.one_off.to_string()), ("2.92".into(), "0.00".into()));
}
