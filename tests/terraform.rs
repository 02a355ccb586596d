//! quoteTerraformPlan (issue 33) on plans written in `terraform show -json`'s format
//! (tests/terraform/*.json) with the side file tests/terraform/prices.json. Every expected
//! amount is worked out by hand in the comments, from the catalog's CP-6 table
//! (src/catalog/default_catalog.rs) and the side file's prices.

use alicloud_cost::decode::Value;
use alicloud_cost::{quote_terraform_plan, quote_terraform_plan_json, ErrorCode};
use serde_json::{json, Value as Json};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/terraform/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The plan priced with the side file (and `extra` options), as JSON.
fn priced(plan: &str, extra: Json) -> Json {
    let mut options: Json = serde_json::from_str(&fixture("prices.json")).unwrap();
    for (key, value) in extra.as_object().unwrap() {
        options[key] = value.clone();
    }
    let answer = quote_terraform_plan_json(&fixture(plan), Some(&options.to_string())).unwrap_or_else(|e| panic!("{e}"));
    serde_json::to_value(answer).unwrap()
}

fn resource<'a>(answer: &'a Json, address: &str) -> &'a Json {
    answer["resources"].as_array().unwrap().iter().find(|r| r["address"] == address).unwrap_or_else(|| panic!("no {address}"))
}

fn estimate(upfront: &str, monthly: &str, one_off: &str, first_year: &str) -> Json {
    json!({"upfront": upfront, "monthly": monthly, "oneOff": one_off, "firstYear": first_year})
}

fn codes(list: &Json) -> Vec<String> {
    list.as_array().unwrap().iter().map(|w| w["code"].as_str().unwrap().to_string()).collect()
}

#[test]
fn a_first_plan_prices_every_resource_it_creates() {
    let answer = priced("first_plan.json", json!({}));
    assert_eq!(answer["formatVersion"], "1.2");
    assert_eq!(answer["currency"], "USD");

    // CP-2, CP-6: 2 groups x 5 phones of acp.std.large, bought for 1 year (12 months), in
    // cn-shanghai (var.region: the Chinese mainland): 10 x 12 x 21.3353 = 2,560.236 -> 2,560.24.
    let phones = resource(&answer, "alicloud_cloud_phone_instance_group.phones");
    assert_eq!(phones["action"], "create");
    assert_eq!(phones["request"], json!({"product": "cloudPhone", "spec": "acp.std.large", "region": "mainland",
        "billing": "subscription", "months": 12, "quantity": 10}));
    assert_eq!(phones["item"]["lines"][0]["amount"], "2560.24");
    assert_eq!(phones["item"]["lines"][0]["rules"], json!(["CP-2", "CP-6"]));
    assert_eq!(phones["estimate"], estimate("2560.24", "0.00", "0.00", "2560.24"));
    // CP-14: bought at the plan's timestamp, 2026-07-01 02:00 UTC = 10:00 UTC+8; it expires
    // 12 months later and, not renewed, is deleted 15 days after that.
    assert_eq!(phones["lifecycle"]["expiresAt"], "2027-07-01T10:00:00+08:00");
    assert_eq!(phones["lifecycle"]["releasedAt"], "2027-07-16T10:00:00+08:00");
    assert_eq!(phones["lifecycle"]["rules"], json!(["CP-2", "CP-14"]));

    // Two instances of a module at depth 2 (count = 2), pay-as-you-go for 200 h a month
    // (usage "...db[*]"), at the side file's hourly prices (ECS-9):
    // instance 200 x 0.25 = 50.00; system disk 40 GiB of cloud_essd.PL1 at 0.00015 = 0.006/h,
    // x 200 = 1.20; data disk 100 GiB of cloud_essd (no PL0 price: the category's) at
    // 0.0001 = 0.01/h, x 200 = 2.00; bandwidth 10 Mbps x 0.02 = 0.20/h, x 200 = 40.00.
    // 93.20 a month each.
    for i in 0..2 {
        let db = resource(&answer, &format!("module.app.module.db.alicloud_instance.db[{i}]"));
        let lines: Vec<&str> = db["item"]["lines"].as_array().unwrap().iter().map(|l| l["amount"].as_str().unwrap()).collect();
        assert_eq!(lines, ["50.00", "1.20", "2.00", "40.00"]);
        assert_eq!(db["item"]["kind"], "monthly");
        assert_eq!(db["estimate"], estimate("0.00", "93.20", "0.00", "1118.40"));
        assert_eq!(db["warnings"], json!([]), "200 h from the side file: no assumption");
    }

    // for_each: two pay-by-traffic EIPs at 0.005 an hour for their address, 730 h assumed
    // (a warning): 3.65 each; the traffic itself is not included (a warning).
    for key in ["a", "b"] {
        let eip = resource(&answer, &format!("alicloud_eip_address.nat[\"{key}\"]"));
        assert_eq!(eip["estimate"]["monthly"], "3.65");
        assert_eq!(codes(&eip["warnings"]), ["hours_assumed", "traffic_not_included"]);
        assert_eq!(eip["item"]["lines"][0]["rules"], json!(["CP-1"]));
    }
    // An Enhanced NAT Gateway: 730 h (side file, per type) x 0.0625 = 45.625 -> 45.63; its
    // capacity units are billed by use and not included.
    let nat = resource(&answer, "alicloud_nat_gateway.main");
    assert_eq!(nat["estimate"]["monthly"], "45.63");
    assert_eq!(codes(&nat["warnings"]), ["capacity_units_not_included"]);
    // A 500 GiB cloud_efficiency disk on its own: 500 x 0.00005 = 0.025/h x 730 h = 18.25.
    let disk = resource(&answer, "alicloud_ecs_disk.logs");
    assert_eq!(disk["request"], json!({"product": "ecs", "billing": "payAsYouGo", "hoursPerMonth": 730,
        "prices": {"dataDisks": ["0.025"]}}));
    assert_eq!(disk["estimate"]["monthly"], "18.25");

    // Unknown values: the system disk and the data disk's category are known only after
    // apply; the side file's per-type values stand in (cloud_essd, 40 GiB; cloud_efficiency).
    // 3 months at monthly prices: instance 3 x 90 = 270.00; system disk 40 x 0.07 = 2.80 a
    // month, x 3 = 8.40; data disk 100 x 0.035 = 3.50, x 3 = 10.50. 288.90 upfront.
    let batch = resource(&answer, "alicloud_instance.batch");
    let lines: Vec<&str> = batch["item"]["lines"].as_array().unwrap().iter().map(|l| l["amount"].as_str().unwrap()).collect();
    assert_eq!(lines, ["270.00", "8.40", "10.50"]);
    assert_eq!(batch["estimate"], estimate("288.90", "0.00", "0.00", "288.90"));
    // ECS-10: bought 2026-07-01 10:00 for 3 months, the cycle ends at 00:00 on the day
    // after the expiry date 2026-10-01; ECS-11: released 15 days later.
    assert_eq!(batch["lifecycle"]["expiresAt"], "2026-10-02T00:00:00+08:00");
    assert_eq!(batch["lifecycle"]["releasedAt"], "2026-10-17T00:00:00+08:00");
    assert_eq!(batch["lifecycle"]["rules"], json!(["ECS-10", "ECS-11"]));

    // Not priced, each with its reason.
    let pending = resource(&answer, "alicloud_instance.pending");
    assert_eq!((&pending["priced"], &pending["code"], &pending["attribute"]), (&json!(false), &json!("unknown_value"), &json!("instance_type")));
    assert_eq!(resource(&answer, "alicloud_vpc.main")["code"], "unknown_type");
    assert_eq!(resource(&answer, "alicloud_ecp_instance.legacy")["code"], "other_product");
    let zones = resource(&answer, "data.alicloud_zones.default");
    assert_eq!((&zones["action"], &zones["mode"], &zones["code"]), (&json!("read"), &json!("data"), &json!("data_source")));
    let unpriced: Vec<&str> = answer["unpriced"].as_array().unwrap().iter().map(|u| u["address"].as_str().unwrap()).collect();
    // Data sources are never billed: listed, not "unpriced".
    assert_eq!(unpriced, ["alicloud_instance.pending", "alicloud_vpc.main", "alicloud_ecp_instance.legacy"]);
    assert_eq!(answer["otherProviders"], json!([{"provider": "random", "resources": 1}, {"provider": "aws", "resources": 1}]));

    // Totals: upfront 2,560.24 + 288.90 = 2,849.14; monthly 2 x 93.20 + 2 x 3.65 + 45.63 +
    // 18.25 = 257.58; first year 2,849.14 + 12 x 257.58 = 5,940.10. Nothing exists before.
    assert_eq!(answer["estimate"], estimate("2849.14", "257.58", "0.00", "5940.10"));
    assert_eq!(answer["base"], json!({"source": "none", "estimate": estimate("0.00", "0.00", "0.00", "0.00")}));
    assert_eq!(answer["diff"]["estimate"], answer["estimate"]);
    // The side file names a resource this plan does not have.
    assert_eq!(codes(&answer["warnings"]), ["unused_usage"]);
    assert!(answer["warnings"][0]["message"].as_str().unwrap().contains("alicloud_cloud_phone_instance_group.farm"));
}

#[test]
fn a_plan_of_changes_prices_before_and_after_with_prior_state() {
    let answer = priced("change_plan.json", json!({}));
    // Update, in cn-hongkong ("Hong Kong (China) and outside China"): acp.basic.small at
    // 0.0709 an hour, kept running 720 h a month (the side file; CP-13). Before 1 x 10
    // phones: 10 x 720 x 0.0709 = 510.48; after 2 x 10: 1,020.96.
    let farm = resource(&answer, "alicloud_cloud_phone_instance_group.farm");
    assert_eq!(farm["action"], "update");
    assert_eq!(farm["estimate"]["monthly"], "1020.96");
    assert_eq!(farm["base"]["estimate"]["monthly"], "510.48");
    assert_eq!(farm["base"]["request"]["quantity"], 10, "the item before is shown where it differs");
    assert_eq!(farm["diff"]["monthly"], "510.48");
    // Replace (delete, create): ecs.g7.large at 0.25 -> ecs.g7.xlarge at 0.50, 730 h assumed,
    // with 40 GiB of cloud_essd (PL0 has no price of its own: 0.0001) = 0.004/h.
    // Before 182.50 + 2.92 = 185.42; after 365.00 + 2.92 = 367.92.
    let app = resource(&answer, "alicloud_instance.app");
    assert_eq!(app["action"], "replace");
    assert_eq!(app["estimate"]["monthly"], "367.92");
    assert_eq!(app["base"]["estimate"]["monthly"], "185.42");
    assert_eq!(app["diff"]["monthly"], "182.50");
    assert!(app["lifecycle"].is_null(), "pay-as-you-go");
    // Delete: an EIP paid by bandwidth, 730 h: address 0.005 x 730 = 3.65, bandwidth 5 Mbps x
    // 0.02 = 0.10/h x 730 = 73.00: 76.65 less a month.
    let eip = resource(&answer, "alicloud_eip_address.old");
    assert_eq!((&eip["action"], &eip["priced"]), (&json!("delete"), &json!(true)));
    assert!(eip["estimate"].is_null());
    assert_eq!(eip["base"]["estimate"]["monthly"], "76.65");
    assert_eq!(eip["diff"]["monthly"], "-76.65");
    // The bandwidth is priced per Mbps, as the side file gives it: 730 h x 5 Mbps = 3,650
    // Mbps-hours x 0.02 = 73.00.
    assert_eq!(eip["base"]["request"]["mbps"], 5);
    assert_eq!(eip["base"]["request"]["prices"], json!({"address": "0.005", "bandwidth": "0.02"}));
    let bandwidth = &eip["base"]["item"]["lines"][1];
    assert_eq!((&bandwidth["unit"], &bandwidth["quantity"], &bandwidth["unitPrice"], &bandwidth["amount"]), (&json!("Mbps-hour"), &json!("3650"), &json!("0.02"), &json!("73.00")));
    // No-op: a Small NAT Gateway bought for 12 months at 40: 480.00 before and after.
    let keep = resource(&answer, "alicloud_nat_gateway.keep");
    assert_eq!(keep["action"], "no-op");
    assert_eq!(keep["estimate"]["upfront"], "480.00");
    assert_eq!(keep["diff"], estimate("0.00", "0.00", "0.00", "0.00"));
    assert!(keep["base"]["request"].is_null(), "the same item before and after is not repeated");
    assert!(keep["lifecycle"].is_null(), "not bought by this plan");

    // Totals. After: upfront 480.00, monthly 1,020.96 + 367.92 = 1,388.88. Before: upfront
    // 480.00, monthly 510.48 + 185.42 + 76.65 = 772.55. Difference: monthly 616.33, first
    // year 12 x 616.33 = 7,395.96.
    assert_eq!(answer["estimate"], estimate("480.00", "1388.88", "0.00", "17146.56"));
    assert_eq!(answer["base"]["source"], "priorState");
    assert_eq!(answer["base"]["estimate"], estimate("480.00", "772.55", "0.00", "9750.60"));
    assert_eq!(answer["diff"]["estimate"], estimate("0.00", "616.33", "0.00", "7395.96"));
}

#[test]
fn a_base_plan_replaces_prior_state_as_what_exists_before() {
    // The main branch's plan leaves the farm at 10 phones and the app on ecs.g7.large (no
    // EIP): before = 510.48 + 185.42 = 695.90 a month and the NAT Gateway's 480.00; the
    // difference is 1,388.88 - 695.90 = 692.98 a month, 12 x 692.98 = 8,315.76 a year.
    let base: Json = serde_json::from_str(&fixture("main_branch.json")).unwrap();
    let answer = priced("change_plan.json", json!({"base": base}));
    assert_eq!(answer["base"]["source"], "base");
    assert_eq!(answer["base"]["estimate"], estimate("480.00", "695.90", "0.00", "8830.80"));
    assert_eq!(answer["diff"]["estimate"], estimate("0.00", "692.98", "0.00", "8315.76"));
    let addresses: Vec<&str> = answer["resources"].as_array().unwrap().iter().map(|r| r["address"].as_str().unwrap()).collect();
    assert_eq!(addresses, ["alicloud_cloud_phone_instance_group.farm", "alicloud_instance.app", "alicloud_nat_gateway.keep"]);
    // The base given as its JSON text (the CLI's --base) reads the same.
    let as_text = priced("change_plan.json", json!({"base": fixture("main_branch.json")}));
    assert_eq!(as_text, answer);
}

#[test]
fn each_resource_is_priced_as_quote_prices_its_item() {
    // The plan's items, quoted as one cart, give the same lines (quote reads the hours of a
    // pay-as-you-go item as one lifetime, a one-off; the plan reads them as every month).
    let answer = priced("first_plan.json", json!({}));
    let priced: Vec<&Json> = answer["resources"].as_array().unwrap().iter().filter(|r| r["request"].is_object()).collect();
    let items: Vec<Json> = priced.iter().map(|r| r["request"].clone()).collect();
    let quote = alicloud_cost::quote(&Value::from_json_str(&json!({"items": items}).to_string()).unwrap()).unwrap();
    let quote = serde_json::to_value(quote).unwrap();
    for (i, resource) in priced.iter().enumerate() {
        assert_eq!(resource["item"]["index"], i);
        assert_eq!(resource["item"]["lines"], quote["items"][i]["lines"], "{}", resource["address"]);
    }
}

#[test]
fn an_unknown_region_and_a_missing_price_name_what_to_give() {
    // The provider's region comes from an environment variable: not in the plan.
    let plan = json!({"format_version": "1.1", "planned_values": {"root_module": {"resources": [
        {"address": "alicloud_cloud_phone_instance_group.g", "mode": "managed", "type": "alicloud_cloud_phone_instance_group", "name": "g",
         "values": {"instance_group_spec": "acp.basic.small", "charge_type": "PostPaid", "amount": 1, "number_of_instances": 3}},
        {"address": "alicloud_instance.x", "mode": "managed", "type": "alicloud_instance", "name": "x",
         "values": {"instance_type": "ecs.r8.large", "system_disk_category": "cloud_auto", "system_disk_size": 40}}]}}});
    let answer = serde_json::to_value(quote_terraform_plan_json(&plan.to_string(), None).unwrap()).unwrap();
    let group = resource(&answer, "alicloud_cloud_phone_instance_group.g");
    assert_eq!((&group["code"], &group["attribute"]), (&json!("unknown_value"), &json!("region")));
    let instance = resource(&answer, "alicloud_instance.x");
    assert_eq!((&instance["code"], &instance["attribute"]), (&json!("missing_price"), &json!("prices.ecs.instanceTypes[\"ecs.r8.large\"].hourly")));
    // The side file gives the region (Singapore: international, 0.0709) and 100 h:
    // 25 periods = 100 h x 3 phones x 0.0709 = 21.27.
    let options = json!({"usage": {"alicloud_cloud_phone_instance_group.g": {"hoursPerMonth": 100, "values": {"region": "ap-southeast-1"}}}});
    let answer = serde_json::to_value(quote_terraform_plan_json(&plan.to_string(), Some(&options.to_string())).unwrap()).unwrap();
    assert_eq!(resource(&answer, "alicloud_cloud_phone_instance_group.g")["estimate"]["monthly"], "21.27");
}

#[test]
fn malformed_plans_are_errors_with_their_path() {
    let error = |plan: &str| quote_terraform_plan_json(plan, None).unwrap_err();
    // Not JSON: the byte where it goes wrong, and which document.
    let e = error("{\"format_version\": ");
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidType, ""));
    assert!(e.message.starts_with("the plan: "), "{}", e.message);
    // Another format: Terraform 1.0 wrote 0.2.
    let e = error(r#"{"format_version": "0.2", "planned_values": {}}"#);
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::NotSupported, "format_version"));
    // A state, not a plan.
    let e = error(r#"{"format_version": "1.0", "values": {}}"#);
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::MissingField, "planned_values"));
    // A resource without values, in a child module.
    let e = error(r#"{"format_version": "1.2", "planned_values": {"root_module": {"child_modules": [{"address": "module.a",
        "resources": [{"address": "module.a.alicloud_instance.x", "type": "alicloud_instance"}]}]}}}"#);
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::MissingField, "planned_values.root_module.child_modules[0].resources[0].values"));
    // Actions Terraform does not write.
    let e = error(r#"{"format_version": "1.2", "planned_values": {}, "resource_changes": [{"address": "a.b", "change": {"actions": ["explode"]}}]}"#);
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::NotSupported, "resource_changes[0].change.actions"));
    // A side-file mistake is an error at its path, in the options.
    let options = r#"{"prices": {"ecs": {"instanceTypes": {"ecs.g7.large": {"hourly": "0,25"}}}}}"#;
    let e = quote_terraform_plan_json(r#"{"format_version": "1.2", "planned_values": {}}"#, Some(options)).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidDecimal, "prices.ecs.instanceTypes.ecs.g7.large.hourly"));
    // A base plan's errors are under "base", in the request's language.
    let plan = r#"{"format_version": "1.2", "planned_values": {}}"#;
    let e = quote_terraform_plan_json(plan, Some(r#"{"locale": "zh-CN", "base": "{\"format_version\": \"9\"}"}"#)).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::NotSupported, "base.format_version"));
    assert!(e.message.contains("计划格式"), "{}", e.message);
}

#[test]
fn a_plan_of_50_mb_is_read_and_one_over_64_mib_is_refused() {
    // 50 MB: one priced group and 100,000 resources of another provider, each with a 400-byte
    // value, within the documented limit of 64 MiB.
    let padding = "x".repeat(400);
    let mut text = String::from(r#"{"format_version": "1.2", "planned_values": {"root_module": {"resources": ["#);
    text.push_str(r#"{"address": "alicloud_cloud_phone_instance_group.g", "type": "alicloud_cloud_phone_instance_group",
        "values": {"instance_group_spec": "acp.basic.small", "charge_type": "PrePaid", "period": 1, "region": "cn-beijing"}}"#);
    let mut i = 0;
    while text.len() < 50_000_000 {
        text.push_str(&format!(r#",{{"address": "null_resource.n{i}", "type": "null_resource", "values": {{"triggers": {{"v": "{padding}"}}}}}}"#));
        i += 1;
    }
    text.push_str("]}}}");
    // 1 phone x 9.9057 = 9.91 (the region from the side file: the plan has no configuration).
    let options = json!({"usage": {"alicloud_cloud_phone_instance_group": {"values": {"region": "cn-beijing"}}}}).to_string();
    let answer = quote_terraform_plan_json(&text, Some(&options)).unwrap();
    assert_eq!(answer.estimate.upfront.to_string(), "9.91");
    assert_eq!(answer.other_providers[0].resources, i);
    // One byte over 64 MiB: refused before it is read, with what to do.
    let too_large = " ".repeat(alicloud_cost::plan::MAX_PLAN_BYTES + 1);
    let e = quote_terraform_plan_json(&too_large, None).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::TooMany, ""));
    assert!(e.message.contains("64 MiB"), "{}", e.message);
}

#[test]
fn nothing_in_a_plan_panics() {
    // Every prefix of a real plan, and values of every wrong type at every place of a small
    // one: each an answer or an error value.
    let text = fixture("change_plan.json");
    for end in (0..text.len()).step_by(97) {
        let _ = quote_terraform_plan_json(&text[..end], None);
    }
    let plan: Json = serde_json::from_str(&fixture("first_plan.json")).unwrap();
    let mut paths = Vec::new();
    collect_paths(&plan, &mut Vec::new(), &mut paths);
    for path in paths.iter().step_by(7) {
        for replacement in [json!(null), json!(-1), json!("x"), json!([]), json!({}), json!(true), json!(1e300)] {
            let mut mutated = plan.clone();
            *pointer(&mut mutated, path) = replacement;
            let _ = quote_terraform_plan(&Value::from_json_str(&mutated.to_string()).unwrap(), &Value::Null);
        }
    }
}

fn collect_paths(value: &Json, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(at.clone());
    match value {
        Json::Object(map) => {
            for (k, v) in map {
                at.push(k.clone());
                collect_paths(v, at, out);
                at.pop();
            }
        }
        Json::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                at.push(i.to_string());
                collect_paths(v, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn pointer<'a>(value: &'a mut Json, path: &[String]) -> &'a mut Json {
    path.iter().fold(value, |v, step| match v {
        Json::Array(items) => &mut items[step.parse::<usize>().unwrap()],
        other => &mut other[step.as_str()],
    })
}

#[test]
fn cp14_ecs11_expiry_counts_from_start_or_the_plans_timestamp() {
    let mut plan: Json = serde_json::from_str(&fixture("first_plan.json")).unwrap();
    plan.as_object_mut().unwrap().remove("timestamp");
    let side: Json = serde_json::from_str(&fixture("prices.json")).unwrap();
    let answer = |plan: &Json, options: Json| -> Json {
        let mut all = side.clone();
        for (k, v) in options.as_object().unwrap() {
            all[k] = v.clone();
        }
        serde_json::to_value(quote_terraform_plan_json(&plan.to_string(), Some(&all.to_string())).unwrap()).unwrap()
    };
    // No timestamp, no start: how long, not when, and a warning.
    let undated = answer(&plan, json!({}));
    let phones = resource(&undated, "alicloud_cloud_phone_instance_group.phones");
    assert!(phones["lifecycle"]["expiresAt"].is_null());
    assert_eq!(phones["lifecycle"]["summary"], "Expires 12 months after it is bought; if not renewed, deleted with its phones 15 days later.");
    assert!(codes(&undated["warnings"]).contains(&"no_start".to_string()));
    // start 2026-12-01 (00:00 UTC+8): 12 months -> 2027-12-01 (CP-2); deleted 15 days later (CP-14).
    let dated = answer(&plan, json!({"start": "2026-12-01"}));
    let phones = resource(&dated, "alicloud_cloud_phone_instance_group.phones");
    assert_eq!(phones["lifecycle"]["expiresAt"], "2027-12-01T00:00:00+08:00");
    assert_eq!(phones["lifecycle"]["releasedAt"], "2027-12-16T00:00:00+08:00");
    // ECS-10: 3 months from 2026-12-01 00:00 is 2027-03-01, the cycle ends 2027-03-02 00:00.
    assert_eq!(resource(&dated, "alicloud_instance.batch")["lifecycle"]["expiresAt"], "2027-03-02T00:00:00+08:00");
    // Auto-renewal (auto_renew; renewal_status "AutoRenewal"): it expires, but is not released.
    plan["planned_values"]["root_module"]["resources"][0]["values"]["auto_renew"] = json!(true);
    plan["planned_values"]["root_module"]["resources"][1]["values"]["renewal_status"] = json!("AutoRenewal");
    let renewing = answer(&plan, json!({"start": "2026-12-01"}));
    for address in ["alicloud_cloud_phone_instance_group.phones", "alicloud_instance.batch"] {
        let lifecycle = &resource(&renewing, address)["lifecycle"];
        assert_eq!(lifecycle["autoRenew"], true, "{address}");
        assert!(lifecycle["releasedAt"].is_null(), "{address}");
    }
    assert_eq!(resource(&renewing, "alicloud_instance.batch")["lifecycle"]["rules"], json!(["ECS-10", "ECS-12"]));
    // The first 12 months count one term, as quote does (its items have no auto-renewal): the
    // 3-month instance's 288.90 stays 288.90, and a warning says the other 9 months renew
    // (ECS-12). The 12-month phones' first 12 months are their one term: no warning.
    let batch = resource(&renewing, "alicloud_instance.batch");
    assert_eq!(batch["estimate"], estimate("288.90", "0.00", "0.00", "288.90"));
    let warning = batch["warnings"].as_array().unwrap().iter().find(|w| w["code"] == "renewals_not_counted").expect("renewals_not_counted");
    assert_eq!(warning["rules"], json!(["ECS-12"]));
    assert_eq!(warning["message"], "Auto-renewal is on: the first 12 months count one term of 3 months; auto-renewal (ECS-12) renews the instance before it expires, so the other 9 months of those 12 are billed too and are not included.");
    assert!(!codes(&resource(&renewing, "alicloud_cloud_phone_instance_group.phones")["warnings"]).contains(&"renewals_not_counted".to_string()));
    // Without auto-renewal, nothing renews: no warning.
    assert!(!codes(&resource(&dated, "alicloud_instance.batch")["warnings"]).contains(&"renewals_not_counted".to_string()));
}

#[test]
fn an_auto_renewing_cloud_phone_group_says_its_first_12_months_count_one_term() {
    // 2 phones x 3 months x 9.9057 = 59.4342 -> 59.43 upfront (CP-2, CP-6), the first 12 months
    // 59.43 too: one term. Auto-renewal would renew it 3 times in those 12 months; no Cloud
    // Phone document used here describes its auto-renewal, so the warning cites no rule.
    let mut plan: Json = serde_json::from_str(&one_group_plan("PrePaid", 2)).unwrap();
    plan["planned_values"]["root_module"]["resources"][0]["values"]["auto_renew"] = json!(true);
    for (locale, text) in [
        ("en", "Auto-renewal is on: the first 12 months count one term of 3 months; the group renews automatically at expiry, so the other 9 months of those 12 are billed too and are not included."),
        ("zh-CN", "已开启自动续费：首 12 个月合计只计入一个 3 个月的期限；实例组到期后自动续费，这 12 个月中其余 9 个月同样计费，未计入。"),
    ] {
        let options = json!({"locale": locale});
        let answer = serde_json::to_value(quote_terraform_plan_json(&plan.to_string(), Some(&options.to_string())).unwrap()).unwrap();
        let group = resource(&answer, "alicloud_cloud_phone_instance_group.g");
        assert_eq!(group["estimate"], estimate("59.43", "0.00", "0.00", "59.43"));
        assert_eq!(group["warnings"], json!([{"code": "renewals_not_counted", "message": text, "rules": []}]));
    }
}

#[test]
fn the_first_plans_answer_is_its_golden_file() {
    // tests/wasm.rs checks that the package answers these bytes in Node, Chromium and
    // Firefox. BLESS=1 rewrites the file after a deliberate change; the diff is the review.
    let answer = quote_terraform_plan_json(&fixture("first_plan.json"), Some(&fixture("prices.json"))).unwrap();
    let text = alicloud_cost::json_write::to_string(&answer).unwrap();
    let path = format!("{}/tests/terraform/first_plan.response.json", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, format!("{text}\n")).unwrap();
    }
    assert_eq!(text, std::fs::read_to_string(&path).unwrap().trim_end());
}

#[test]
fn computed_switches_known_only_after_apply_do_not_stop_a_price() {
    // A pay-as-you-go instance as the provider plans it when the configuration leaves
    // spot_strategy and renewal_status out: both computed, so unknown. Neither sets a price
    // (a spot instance is one whose configuration says so): 730 h x 0.25 + 730 x 40 x 0.0001
    // = 182.50 + 2.92 = 185.42.
    let plan = json!({"format_version": "1.2", "planned_values": {"root_module": {"resources": [
        {"address": "alicloud_instance.x", "type": "alicloud_instance", "values": {"instance_type": "ecs.g7.large",
         "instance_charge_type": "PostPaid", "system_disk_category": "cloud_essd", "system_disk_size": 40}},
        {"address": "alicloud_cloud_phone_instance_group.g", "type": "alicloud_cloud_phone_instance_group",
         "values": {"instance_group_spec": "acp.basic.small", "charge_type": "PrePaid", "period": 1}}]}},
        "resource_changes": [
        {"address": "alicloud_instance.x", "change": {"actions": ["create"], "after_unknown": {"spot_strategy": true, "renewal_status": true, "id": true}}},
        {"address": "alicloud_cloud_phone_instance_group.g", "change": {"actions": ["create"], "after_unknown": {"auto_renew": true, "gpu_acceleration": true}}}]});
    let options = json!({"prices": {"ecs": {"instanceTypes": {"ecs.g7.large": {"hourly": "0.25"}}, "disks": {"cloud_essd": {"hourly": "0.0001"}}}},
        "usage": {"alicloud_cloud_phone_instance_group": {"values": {"region": "cn-hangzhou"}}}});
    let answer = serde_json::to_value(quote_terraform_plan_json(&plan.to_string(), Some(&options.to_string())).unwrap()).unwrap();
    assert_eq!(resource(&answer, "alicloud_instance.x")["estimate"]["monthly"], "185.42");
    // 1 phone x 1 month x 9.9057 = 9.91; auto-renewal unknown: the lifecycle says when it is deleted.
    let group = resource(&answer, "alicloud_cloud_phone_instance_group.g");
    assert_eq!(group["estimate"]["upfront"], "9.91");
    assert_eq!(group["lifecycle"]["autoRenew"], false);
    // A spot strategy the configuration sets is not priced.
    let mut spot = plan.clone();
    spot["planned_values"]["root_module"]["resources"][0]["values"]["spot_strategy"] = json!("SpotAsPriceGo");
    let answer = serde_json::to_value(quote_terraform_plan_json(&spot.to_string(), Some(&options.to_string())).unwrap()).unwrap();
    assert_eq!(resource(&answer, "alicloud_instance.x")["attribute"], "spot_strategy");
}

#[test]
fn a_plan_is_answered_in_the_options_locale() {
    // The options' locale reaches every text of the answer: the items' lines (quote's own
    // product code), the plan's reasons, warnings and lifecycle summaries, and its errors.
    let answer = priced("first_plan.json", json!({"locale": "zh-CN"}));
    let pending = resource(&answer, "alicloud_instance.pending");
    // Names to copy into the side file are in ASCII quotes, as the engine's other messages write codes.
    assert_eq!(pending["reason"], r#""instance_type" 要到执行 "terraform apply" 之后才确定：请在价格与用量文件的 "usage.<地址或类型>.values" 中给出"#);
    assert_eq!(resource(&answer, "data.alicloud_zones.default")["reason"], "数据源：只读取，不计费");
    assert_eq!(
        resource(&answer, "alicloud_cloud_phone_instance_group.phones")["lifecycle"]["summary"],
        "2027-07-01T10:00:00+08:00 到期；如不续费，将在 15 天后（2027-07-16T10:00:00+08:00）自动删除实例组及其实例，且不可恢复。"
    );
    let disk = resource(&answer, "alicloud_ecs_disk.logs");
    assert!(disk["warnings"][0]["message"].as_str().unwrap().starts_with("按量付费：假设每月 730 小时"), "{}", disk["warnings"]);
    assert!(disk["item"]["description"].as_str().unwrap().contains("独立购买的数据盘"), "{}", disk["item"]["description"]);
    // A plan's error at its path, in the options' language.
    let error = quote_terraform_plan_json(r#"{"format_version": "0.2", "planned_values": {}}"#, Some(r#"{"locale": "zh-CN"}"#)).unwrap_err();
    assert_eq!((error.code, error.path.as_str()), (ErrorCode::NotSupported, "format_version"));
    assert!(error.message.starts_with(r#""format_version" 0.2 不是本计算器可读取的计划格式"#), "{}", error.message);
}

#[test]
fn cp13_a_pay_as_you_go_group_costs_its_hours_a_month_at_the_hourly_price() {
    // A group of 2 acp.basic.small phones in cn-shenzhen (the Chinese mainland: 0.0457 an
    // hour) that keeps running: deducted every hour (CP-13), its 4-hour period rounded once,
    // at release (CP-3). 730 h a month assumed: 2 x 730 x 0.0457 = 66.722 -> 66.72 (a 730 h
    // lifetime would bill 732 h: 66.90). From the side file, 300 h: 2 x 300 x 0.0457 = 27.42.
    let plan = r#"{"format_version": "1.2", "planned_values": {"root_module": {"resources": [
        {"address": "alicloud_cloud_phone_instance_group.qa", "mode": "managed", "type": "alicloud_cloud_phone_instance_group",
         "values": {"instance_group_spec": "acp.basic.small", "charge_type": "PostPaid", "number_of_instances": 2, "amount": 1}}]}},
        "configuration": {"provider_config": {"alicloud": {"expressions": {"region": {"constant_value": "cn-shenzhen"}}}}}}"#;
    let answer = serde_json::to_value(quote_terraform_plan_json(plan, None).unwrap()).unwrap();
    let qa = resource(&answer, "alicloud_cloud_phone_instance_group.qa");
    assert_eq!(qa["request"], json!({"product": "cloudPhone", "spec": "acp.basic.small", "region": "mainland",
        "billing": "payAsYouGo", "hoursPerMonth": 730, "quantity": 2}));
    assert_eq!(qa["item"]["lines"][0]["formula"], "2 phones x 730 h a month x USD 0.0457/hour (kept running: billed every hour, CP-13; the 4-hour period rounds once, at release)");
    assert_eq!(qa["estimate"], estimate("0.00", "66.72", "0.00", "800.64"));
    assert_eq!(codes(&qa["warnings"]), ["hours_assumed"]);
    let side = r#"{"usage": {"alicloud_cloud_phone_instance_group.qa": {"hoursPerMonth": 300}}}"#;
    let answer = serde_json::to_value(quote_terraform_plan_json(plan, Some(side)).unwrap()).unwrap();
    assert_eq!(resource(&answer, "alicloud_cloud_phone_instance_group.qa")["estimate"]["monthly"], "27.42");
}

#[test]
fn a_plan_on_the_japan_site_is_priced_in_yen_and_names_what_no_document_publishes() {
    // SITE-1..SITE-3: on the Japan site every amount is in JPY, rounded to the yen, and the side
    // file's prices are read as yen. Seed 003 publishes Cloud Phone only in USD, so the phones
    // are not priced, naming the catalog field to supply; nothing is converted.
    let answer = priced("first_plan.json", json!({"site": "japan"}));
    assert_eq!(answer["currency"], "JPY");
    let phones = resource(&answer, "alicloud_cloud_phone_instance_group.phones");
    assert_eq!(phones["priced"], false);
    assert!(phones["reason"].as_str().unwrap().contains("catalog.cloudPhone.specs[{ id: \"acp.std.large\" }].mainland.monthly"), "{phones}");
    assert_eq!(phones["code"], "price_not_published");
    // The side file's ECS prices as yen, 200 h a month (ECS-9): instance 200 x 0.25 = 50;
    // system disk 40 GiB x 0.00015 = 0.006/h, x 200 = 1.2 -> 1 (to the yen, half-up); data
    // disk 200 x 0.01 = 2; bandwidth 200 x 0.2 = 40: 93 a month.
    let db = resource(&answer, "module.app.module.db.alicloud_instance.db[0]");
    let amounts: Vec<&str> = db["item"]["lines"].as_array().unwrap().iter().map(|l| l["amount"].as_str().unwrap()).collect();
    assert_eq!(amounts, ["50", "1", "2", "40"]);
    assert_eq!(db["estimate"]["monthly"], "93");
    assert!(db["item"]["lines"][0]["formula"].as_str().unwrap().contains("JPY 0.25/hour"));
}

/// One Cloud Phone group of `phones` acp.basic.small in cn-shanghai (the Chinese mainland),
/// `charge` (`"PrePaid"` for 3 months, or `"PostPaid"`).
fn one_group_plan(charge: &str, phones: u64) -> String {
    json!({"format_version": "1.2", "planned_values": {"root_module": {"resources": [
        {"address": "alicloud_cloud_phone_instance_group.g", "mode": "managed", "type": "alicloud_cloud_phone_instance_group",
         "name": "g", "values": {"instance_group_spec": "acp.basic.small", "charge_type": charge, "period": 3,
         "period_unit": "Month", "number_of_instances": phones, "amount": 1}}]}},
        "configuration": {"provider_config": {"alicloud": {"name": "alicloud",
         "expressions": {"region": {"constant_value": "cn-shanghai"}}}}}})
    .to_string()
}

#[test]
fn site1_a_china_site_plan_prices_cloud_phone_from_the_options_catalog() {
    // SITE-1: seed 003 publishes Cloud Phone in USD only; on the China site the caller's catalog
    // (same shape as quote's) gives the CNY price. 2 phones x 3 months x CNY 71.35 = 428.10
    // upfront (CP-2, CP-6), and the first 12 months are that one term: 428.10.
    let options = json!({"site": "china", "catalog": {"cloudPhone": {"specs": [
        {"id": "acp.basic.small", "mainland": {"monthly": "71.35"}}]}}});
    let answer = serde_json::to_value(quote_terraform_plan_json(&one_group_plan("PrePaid", 2), Some(&options.to_string())).unwrap()).unwrap();
    assert_eq!(answer["currency"], "CNY");
    let group = resource(&answer, "alicloud_cloud_phone_instance_group.g");
    assert_eq!(group["priced"], true, "{group}");
    assert_eq!(group["item"]["lines"][0]["unitPrice"], "71.35");
    assert_eq!(group["item"]["lines"][0]["amount"], "428.10");
    assert_eq!(group["estimate"], estimate("428.10", "0.00", "0.00", "428.10"));
    assert_eq!(answer["estimate"], estimate("428.10", "0.00", "0.00", "428.10"));
    assert_eq!(answer["unpriced"], json!([]));
    // A bad catalog is the request's error at its path, as in quote.
    let bad = json!({"site": "china", "catalog": {"cloudPhone": {"specs": [{"id": "acp.basic.small", "mainland": {"monthly": "-1"}}]}}});
    let error = quote_terraform_plan_json(&one_group_plan("PrePaid", 2), Some(&bad.to_string())).unwrap_err();
    assert_eq!(error.path, "catalog.cloudPhone.specs[0].mainland.monthly");
}

#[test]
fn site1_without_a_catalog_a_china_site_group_names_the_option_to_set() {
    // No CNY price is published (SITE-1): not priced, never converted from USD; the code is
    // quote's `price_not_published` and the attribute is the option the caller can set.
    for (charge, per) in [("PrePaid", "monthly"), ("PostPaid", "hourly")] {
        let answer = serde_json::to_value(quote_terraform_plan_json(&one_group_plan(charge, 2), Some(r#"{"site": "china"}"#)).unwrap()).unwrap();
        let group = resource(&answer, "alicloud_cloud_phone_instance_group.g");
        let field = format!("catalog.cloudPhone.specs[{{ id: \"acp.basic.small\" }}].mainland.{per}");
        assert_eq!(group["priced"], false);
        assert_eq!(group["code"], "price_not_published");
        assert_eq!(group["attribute"], field.as_str());
        let reason = group["reason"].as_str().unwrap();
        assert!(reason.contains(&format!("at {field} in the options")), "{reason}");
        assert!(reason.contains("CNY"), "{reason}");
        assert_eq!(answer["unpriced"][0]["code"], "price_not_published");
        assert_eq!(answer["estimate"], estimate("0.00", "0.00", "0.00", "0.00"));
    }
    let zh = serde_json::to_value(quote_terraform_plan_json(&one_group_plan("PrePaid", 2), Some(r#"{"site": "china", "locale": "zh-CN"}"#)).unwrap()).unwrap();
    assert!(zh["resources"][0]["reason"].as_str().unwrap().contains("价格与用量文件的 \"catalog\""));
}
