//! ECS quotes at caller prices (ECS-9). Hand-worked values in the comments.

mod common;
use alicloud_cost::ErrorCode;
use common::{error_of, quote_json, total};
use serde_json::json;

#[test]
fn ecs9_pay_as_you_go_prices_each_resource_as_a_line() {
    // 2 instances x 730 h = 1,460 instance-hours:
    // instance 1,460 x 0.25 = 365.00; system disk x 0.01 = 14.60; data disks x 0.02 = 29.20
    // and x 0.03 = 43.80; bandwidth x 0.05 = 73.00. Total 525.60.
    let q = quote_json(json!({"items": [{"product": "ecs", "billing": "payAsYouGo", "hours": 730, "quantity": 2,
        "instanceType": "ecs.g7.large",
        "prices": {"instance": "0.25", "systemDisk": "0.01", "dataDisks": ["0.02", 0.03], "bandwidth": "0.05"}}]}))
    .unwrap();
    let item = &q.items[0];
    let amounts: Vec<(String, String)> = item.lines.iter().map(|l| (l.code.clone(), l.amount.to_string())).collect();
    assert_eq!(
        amounts,
        [("ecs.instance", "365.00"), ("ecs.systemDisk", "14.60"), ("ecs.dataDisk", "29.20"), ("ecs.dataDisk", "43.80"), ("ecs.bandwidth", "73.00")]
            .map(|(c, a)| (c.to_string(), a.to_string()))
    );
    assert_eq!(q.trade_price.to_string(), "525.60");
    assert!(item.lines.iter().all(|l| l.rules == vec!["ECS-9"]));
    assert_eq!(item.warnings[0].code, "caller_price");
}

#[test]
fn ecs9_subscription_is_monthly_price_times_months_times_instances() {
    // 3 instances x 12 months x 50.00 = 1,800.00.
    assert_eq!(total(json!({"items": [{"product": "ecs", "billing": "subscription", "months": 12, "quantity": 3, "prices": {"instance": 50}}]})), "1800.00");
}

#[test]
fn ecs9_instance_prices_may_come_from_the_callers_catalog() {
    // ecs.c7.xlarge at 0.17/h from the catalog, 100 h = 17.00; plus the item's own disk 100 x 0.01 = 1.00.
    let catalog = json!({"ecs": {"instanceTypes": [{"id": "ecs.c7.xlarge", "hourly": "0.17", "monthly": "90"}]}});
    let request = json!({"catalog": catalog, "items": [
        {"product": "ecs", "billing": "payAsYouGo", "hours": 100, "instanceType": "ecs.c7.xlarge", "prices": {"systemDisk": "0.01"}},
        {"product": "ecs", "billing": "subscription", "months": 2, "instanceType": "ecs.c7.xlarge"}
    ]});
    // Item 2: 2 months x 90 = 180.00. Total 18.00 + 180.00 = 198.00.
    assert_eq!(total(request), "198.00");
}

#[test]
fn ecs_without_a_price_or_with_a_bad_one_is_refused() {
    let cases = [
        (json!({"items": [{"product": "ecs", "billing": "payAsYouGo", "hours": 1}]}), ErrorCode::MissingPrice, "items[0].prices.instance"),
        (json!({"items": [{"product": "ecs", "billing": "payAsYouGo", "hours": 1, "instanceType": "ecs.unknown"}]}), ErrorCode::MissingPrice, "items[0].prices.instance"),
        (json!({"items": [{"product": "ecs", "billing": "payAsYouGo", "hours": 1, "prices": {"systemDisk": 1}}]}), ErrorCode::MissingPrice, "items[0].prices.instance"),
        (json!({"items": [{"product": "ecs", "billing": "payAsYouGo", "hours": 1, "prices": {"instance": -0.1}}]}), ErrorCode::OutOfRange, "items[0].prices.instance"),
        (json!({"items": [{"product": "ecs", "billing": "payAsYouGo", "hours": 1, "prices": {"instance": 1, "dataDisks": [1, "x"]}}]}), ErrorCode::InvalidDecimal, "items[0].prices.dataDisks[1]"),
        (json!({"items": [{"product": "ecs", "billing": "payAsYouGo", "hours": 1, "prices": {"instance": 1, "gpu": 1}}]}), ErrorCode::UnknownField, "items[0].prices.gpu"),
        (json!({"items": [{"product": "ecs", "billing": "subscription", "months": 1.5, "prices": {"instance": 1}}]}), ErrorCode::NotAnInteger, "items[0].months"),
        (json!({"items": [{"product": "ecs", "billing": "spot", "hours": 1, "prices": {"instance": 1}}]}), ErrorCode::UnknownBilling, "items[0].billing"),
    ];
    for (request, code, path) in cases {
        assert_eq!(error_of(request.clone()), (code, path.to_string()), "{request}");
    }
}

#[test]
fn ecs9_data_disks_bought_on_their_own_need_no_instance_price() {
    // A 100 GiB disk at USD 0.0001 per GiB-hour is 0.01 an hour (a Terraform alicloud_ecs_disk):
    // 730 h x 0.01 = 7.30. Two such disks (quantity 2): 1,460 h x 0.01 = 14.60.
    let q = quote_json(json!({"items": [{"product": "ecs", "billing": "payAsYouGo", "hours": 730, "quantity": 2,
        "prices": {"dataDisks": ["0.01"]}}]}))
    .unwrap();
    let item = &q.items[0];
    assert_eq!(item.lines.len(), 1, "no instance line");
    assert_eq!((item.lines[0].code.as_str(), item.lines[0].amount.to_string()), ("ecs.dataDisk", "14.60".to_string()));
    assert_eq!(item.lines[0].formula, "2 disks x 730 h x USD 0.01/hour (data disk 1, your price)");
    assert_eq!(item.description, "2 data disks bought on their own, pay-as-you-go for 730 h");
    assert_eq!(item.lines[0].rules, ["ECS-9"]);
    // A subscription disk: 3 months x 5.00 = 15.00.
    assert_eq!(total(json!({"items": [{"product": "ecs", "billing": "subscription", "months": 3, "prices": {"dataDisks": [5]}}]})), "15.00");
    // Anything else without an instance price is still an instance missing its price.
    for prices in [json!({"dataDisks": [1], "systemDisk": 1}), json!({"dataDisks": [1], "bandwidth": 1}), json!({"dataDisks": []})] {
        let request = json!({"items": [{"product": "ecs", "billing": "payAsYouGo", "hours": 1, "prices": prices}]});
        assert_eq!(error_of(request), (ErrorCode::MissingPrice, "items[0].prices.instance".to_string()), "{prices}");
    }
    let named = json!({"items": [{"product": "ecs", "billing": "payAsYouGo", "hours": 1, "instanceType": "ecs.g7.large", "prices": {"dataDisks": [1]}}]});
    assert_eq!(error_of(named), (ErrorCode::MissingPrice, "items[0].prices.instance".to_string()));
}

#[test]
fn ecs_kept_running_is_its_hours_each_month_at_your_prices() {
    // hoursPerMonth: an instance kept running (a Terraform plan's), billed every month: 200 h
    // x (0.25 + 0.01) = 52.00 a month, 12 x 52.00 = 624.00 in the first year.
    let q = quote_json(json!({"items": [{"product": "ecs", "billing": "payAsYouGo", "hoursPerMonth": 200, "instanceType": "ecs.g7.large",
        "prices": {"instance": "0.25", "dataDisks": ["0.01"]}}]}))
    .unwrap();
    assert_eq!(q.items[0].lines[0].formula, "1 instance x 200 h a month x USD 0.25/hour (ecs.g7.large, pay-as-you-go, your price)");
    assert_eq!((q.estimate.monthly.to_string(), q.estimate.one_off.to_string(), q.estimate.first_year.to_string()), ("52.00".into(), "0.00".into(), "624.00".into()));
    // ECS-13's USD 0.01 minimum is per lifetime: 0.01 h x 0.1 = 0.001 -> 0.00 a month for an
    // instance kept running, but a 0.01 h lifetime is charged 0.01.
    let tiny = |hours: &str| json!({"items": [{"product": "ecs", "billing": "payAsYouGo", hours: "0.01", "prices": {"instance": "0.1"}}]});
    assert_eq!(total(tiny("hoursPerMonth")), "0.00");
    assert_eq!(total(tiny("hours")), "0.01");
    // A month holds at most 744 hours; hours and hoursPerMonth do not go together.
    assert_eq!(error_of(json!({"items": [{"product": "ecs", "billing": "payAsYouGo", "hoursPerMonth": 745, "prices": {"instance": "1"}}]})),
        (ErrorCode::OutOfRange, "items[0].hoursPerMonth".to_string()));
    assert_eq!(error_of(json!({"items": [{"product": "ecs", "billing": "payAsYouGo", "hoursPerMonth": 1, "hours": 1, "prices": {"instance": "1"}}]})),
        (ErrorCode::UnknownField, "items[0].hours".to_string()));
}
