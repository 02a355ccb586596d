//! Discounts (originalPrice / discountPrice / tradePrice), caller catalogs, and the
//! Cloud Phone extras (CP-1, CP-10). Hand-worked values in the comments.

mod common;
use alicloud_cost::ErrorCode;
use common::{error_of, quote_json, total};
use serde_json::{json, Value as Json};

fn phone_month(spec: &str) -> Json {
    json!({"product": "cloudPhone", "spec": spec, "region": "mainland", "billing": "subscription", "months": 12})
}

#[test]
fn a_cart_discount_gives_original_discount_and_trade_prices() {
    // 12 x 9.9057 = 118.8684 -> 118.87; 10% off = 11.887 -> 11.89; trade 118.87 - 11.89 = 106.98.
    let q = quote_json(json!({"items": [phone_month("acp.basic.small")], "discounts": [{"percent": 10}]})).unwrap();
    assert_eq!((q.original_price.to_string(), q.discount_price.to_string(), q.trade_price.to_string()),
               ("118.87".into(), "11.89".into(), "106.98".into()));
    assert_eq!(q.items[0].discount_percent.unwrap().to_string(), "10");
}

#[test]
fn the_most_specific_discount_wins() {
    // Item 0: acp.basic.small 118.87, its own 50% -> 59.435 -> 59.44 off, pays 59.43.
    // Item 1: acp.std.small 12 x 13.8679 = 166.4148 -> 166.41, cloudPhone 20% -> 33.282 -> 33.28 off, pays 133.13.
    // Item 2: IoT new public, 0.00; cart 5% of 0 = 0.
    // Totals: original 285.28, discount 92.72, trade 192.56.
    let q = quote_json(json!({
        "items": [phone_month("acp.basic.small"), phone_month("acp.std.small"), {"product": "iot", "instance": "newPublic"}],
        "discounts": [{"percent": 5}, {"percent": "20", "product": "cloudPhone"}, {"percent": 50, "item": 0}]
    }))
    .unwrap();
    let trade: Vec<String> = q.items.iter().map(|i| i.trade_price.to_string()).collect();
    assert_eq!(trade, ["59.43", "133.13", "0.00"]);
    assert_eq!((q.original_price.to_string(), q.discount_price.to_string(), q.trade_price.to_string()),
               ("285.28".into(), "92.72".into(), "192.56".into()));
}

#[test]
fn bad_discounts_are_refused() {
    let with = |d: Json| json!({"items": [phone_month("acp.basic.small")], "discounts": d});
    let cases = [
        (with(json!([{"percent": 0}])), ErrorCode::OutOfRange, "discounts[0].percent"),
        (with(json!([{"percent": 100.5}])), ErrorCode::OutOfRange, "discounts[0].percent"),
        (with(json!([{"percent": 10, "item": 1}])), ErrorCode::OutOfRange, "discounts[0].item"),
        (with(json!([{"percent": 10, "product": "rds"}])), ErrorCode::UnknownProduct, "discounts[0].product"),
        (with(json!([{"percent": 10}, {"percent": 20}])), ErrorCode::DuplicateDiscount, "discounts[1]"),
        (with(json!([{"percent": 10, "coupon": "X"}])), ErrorCode::UnknownField, "discounts[0].coupon"),
    ];
    for (request, code, path) in cases {
        assert_eq!(error_of(request.clone()), (code, path.to_string()), "{request}");
    }
    // 100% off is allowed: everything free.
    assert_eq!(total(with(json!([{"percent": 100}]))), "0.00");
}

#[test]
fn a_caller_catalog_overrides_prices_and_adds_specs_for_that_call_only() {
    // Negotiated: acp.basic.small mainland at 8.00 a month; hourly stays 0.0457.
    // 12 x 8.00 = 96.00. New spec acp.custom.xl at 50 / month mainland: 12 x 50 = 600.00.
    let catalog = json!({"cloudPhone": {"specs": [
        {"id": "acp.basic.small", "mainland": {"monthly": "8.00"}},
        {"id": "acp.custom.xl", "edition": "Custom XL", "vcpu": 16, "mainland": {"monthly": 50, "hourly": "0.2"}, "international": {"monthly": 70, "hourly": "0.3"}}
    ]}});
    let q = quote_json(json!({"catalog": catalog, "items": [phone_month("acp.basic.small"), phone_month("acp.custom.xl"),
        {"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland", "billing": "payAsYouGo", "hours": 4}]}))
    .unwrap();
    let trade: Vec<String> = q.items.iter().map(|i| i.trade_price.to_string()).collect();
    // Item 2: one 4-hour period x 0.0457 (unchanged hourly) = 0.1828 -> 0.18.
    assert_eq!(trade, ["96.00", "600.00", "0.18"]);
    assert_eq!(q.catalog_version, "2026-06-17+caller");
    // The next call sees the embedded prices again: 12 x 9.9057 -> 118.87.
    assert_eq!(total(json!({"items": [phone_month("acp.basic.small")]})), "118.87");
}

#[test]
fn a_caller_catalog_may_change_iot_rates_and_name_its_version() {
    // Negotiated 0.5 per million past the quota: 2,000,000 messages on one day, 1,000,000 free,
    // 1,000,000 x 0.5 / 1e6 = 0.50.
    let q = quote_json(json!({"catalog": {"version": "acme-2026-q4", "iot": {"messagePrice": "0.5"}},
        "items": [{"product": "iot", "instance": "legacyPublic", "edition": "basic", "month": "2026-12",
                   "usage": {"days": [{"messages": [{"bytes": 100, "count": 2000000}]}]}}]}))
    .unwrap();
    assert_eq!(q.trade_price.to_string(), "0.50");
    assert_eq!(q.catalog_version, "acme-2026-q4");
}

#[test]
fn bad_catalogs_are_refused_with_their_path() {
    let with = |c: Json| json!({"catalog": c, "items": [phone_month("acp.basic.small")]});
    let specs = |s: Json| with(json!({"cloudPhone": {"specs": [s]}}));
    let cases = [
        (specs(json!({"id": "acp.basic.small", "mainland": {"monthly": -1}})), ErrorCode::OutOfRange, "catalog.cloudPhone.specs[0].mainland.monthly"),
        (specs(json!({"id": "acp.new", "mainland": {"monthly": 1, "hourly": 1}})), ErrorCode::MissingField, "catalog.cloudPhone.specs[0].international"),
        (specs(json!({"id": "acp.new", "mainland": {"monthly": 1}, "international": {"monthly": 1, "hourly": 1}})), ErrorCode::MissingField, "catalog.cloudPhone.specs[0].mainland.hourly"),
        (specs(json!({"id": "", "mainland": {"monthly": 1}})), ErrorCode::OutOfRange, "catalog.cloudPhone.specs[0].id"),
        (specs(json!({"id": "acp.basic.small", "europe": {"monthly": 1}})), ErrorCode::UnknownField, "catalog.cloudPhone.specs[0].europe"),
        (with(json!({"iot": {"messagePrice": "cheap"}})), ErrorCode::InvalidDecimal, "catalog.iot.messagePrice"),
        (with(json!({"ecs": {"instanceTypes": [{"id": "ecs.x"}]}})), ErrorCode::MissingPrice, "catalog.ecs.instanceTypes[0]"),
        (with(json!({"rds": {}})), ErrorCode::UnknownField, "catalog.rds"),
    ];
    for (request, code, path) in cases {
        assert_eq!(error_of(request.clone()), (code, path.to_string()), "{request}");
    }
}

#[test]
fn cp1_internet_access_adds_nat_gateway_and_eip_at_caller_rates() {
    // Pay-as-you-go 10 h: phone ceil(10 / 4) = 3 periods = 12 h x 0.0457 = 0.5484 -> 0.55;
    // NAT Gateway 10 h x 0.05 = 0.50; EIP 10 h x 0.02 = 0.20. Total 1.25.
    let q = quote_json(json!({"items": [{"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland",
        "billing": "payAsYouGo", "hours": 10, "internetAccess": {"natGatewayPerHour": 0.05, "eipPerHour": "0.02"}}]}))
    .unwrap();
    let codes: Vec<&str> = q.items[0].lines.iter().map(|l| l.code.as_str()).collect();
    assert_eq!(codes, ["cloudPhone.payAsYouGo", "cloudPhone.natGateway", "cloudPhone.eip"]);
    assert_eq!(q.trade_price.to_string(), "1.25");
    assert!(q.items[0].warnings.iter().any(|w| w.code == "dependent_resources_keep_billing" && w.rules == vec!["CP-10"]));
}

#[test]
fn cp1_internet_access_without_rates_is_a_not_included_warning() {
    // Subscription, 1 month of acp.basic.small = 9.91; NAT and EIP not included.
    let q = quote_json(json!({"items": [{"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland",
        "billing": "subscription", "months": 1, "internetAccess": true}]}))
    .unwrap();
    assert_eq!(q.trade_price.to_string(), "9.91");
    let codes: Vec<&str> = q.items[0].warnings.iter().map(|w| w.code.as_str()).collect();
    assert_eq!(codes, ["nat_gateway_not_included", "eip_not_included", "dependent_resources_keep_billing"]);
    // A subscription group's NAT rate needs the hours it runs; 730 h x 0.04 = 29.20, + 9.91 = 39.11.
    let base = json!({"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland", "billing": "subscription", "months": 1});
    let mut missing = base.clone();
    missing["internetAccess"] = json!({"natGatewayPerHour": 0.04});
    assert_eq!(error_of(json!({"items": [missing]})), (ErrorCode::MissingField, "items[0].internetAccess.hours".to_string()));
    let mut with_hours = base;
    with_hours["internetAccess"] = json!({"natGatewayPerHour": 0.04, "hours": 730});
    assert_eq!(total(json!({"items": [with_hours]})), "39.11");
}
