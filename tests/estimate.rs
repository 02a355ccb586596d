//! The cart as an estimate (issue 19): upfront, monthly, one-off and the first 12 months.
//! Hand-worked from the catalog's published prices (CP-6) and RULES.md's IoT example.

mod common;
use alicloud_cost::bill::ItemKind;
use common::quote_json;
use serde_json::json;

fn cart(discounts: serde_json::Value) -> serde_json::Value {
    json!({
        "items": [
            // CP-2/CP-6: 12 months x 9.9057 = 118.8684 -> 118.87, prepaid.
            {"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland", "billing": "subscription", "months": 12},
            // CP-3: 100 h = 25 whole 4-hour periods x 4 h x 0.0457 = 4.57, billed once (a lifetime, not a month).
            {"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland", "billing": "payAsYouGo", "hours": 100},
            // RULES.md's IoT example, day by day: 13.61 a month.
            {"product": "iot", "instance": "legacyPublic", "edition": "basic", "month": "2026-11", "usage": {"perDay": {"messages": [{"bytes": 200, "count": 604800}]}}},
            {"product": "iot", "instance": "newPublic"}
        ],
        "discounts": discounts
    })
}

#[test]
fn upfront_monthly_one_off_and_first_year_per_item_and_for_the_cart() {
    let q = quote_json(cart(json!([]))).unwrap();
    let kinds: Vec<ItemKind> = q.items.iter().map(|i| i.kind).collect();
    assert_eq!(kinds, [ItemKind::Subscription, ItemKind::OneOff, ItemKind::Monthly, ItemKind::Free]);
    let e = |i: usize| {
        let e = &q.items[i].estimate;
        [e.upfront.to_string(), e.monthly.to_string(), e.one_off.to_string(), e.first_year.to_string()]
    };
    assert_eq!(e(0), ["118.87", "0.00", "0.00", "118.87"]);
    assert_eq!(e(1), ["0.00", "0.00", "4.57", "4.57"]);
    // 12 x 13.61 = 163.32.
    assert_eq!(e(2), ["0.00", "13.61", "0.00", "163.32"]);
    // The cart: 118.87 upfront, 13.61 a month, 4.57 once; 118.87 + 4.57 + 163.32 = 286.76.
    let c = &q.estimate;
    assert_eq!(
        [c.upfront.to_string(), c.monthly.to_string(), c.one_off.to_string(), c.first_year.to_string()],
        ["118.87", "13.61", "4.57", "286.76"]
    );
}

#[test]
fn discounts_reach_the_estimate() {
    // 10 % off the cart, rounded per item: 118.87 - 11.89 = 106.98; 4.57 - 0.46 = 4.11;
    // 13.61 - 1.36 = 12.25. First year: 106.98 + 4.11 + 12 x 12.25 = 258.09.
    let q = quote_json(cart(json!([{"percent": 10}]))).unwrap();
    let c = &q.estimate;
    assert_eq!(
        [c.upfront.to_string(), c.monthly.to_string(), c.one_off.to_string(), c.first_year.to_string()],
        ["106.98", "12.25", "4.11", "258.09"]
    );
}

#[test]
fn a_subscriptions_hourly_internet_access_is_one_off_not_upfront() {
    // CP-10: a subscription group's NAT Gateway and EIP are billed by the hour: 100 h x 0.05
    // = 5.00 and 100 h x 0.02 = 2.00, once; the 1-month subscription 9.9057 -> 9.91 is upfront.
    // 10 % off the item: upfront 9.91 - 0.99 = 8.92; the trade price 16.91 - 1.69 = 15.22;
    // one-off is the rest, 15.22 - 8.92 = 6.30.
    let q = quote_json(json!({"items": [{"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland", "billing": "subscription", "months": 1,
        "internetAccess": {"natGatewayPerHour": "0.05", "eipPerHour": "0.02", "hours": 100}}], "discounts": [{"percent": 10, "item": 0}]}))
    .unwrap();
    let e = &q.items[0].estimate;
    assert_eq!(q.items[0].trade_price.to_string(), "15.22");
    assert_eq!([e.upfront.to_string(), e.one_off.to_string(), e.first_year.to_string()], ["8.92", "6.30", "15.22"]);
}
