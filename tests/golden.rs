//! Golden files: the exact JSON a request produces. wasm/tests/wasm.rs checks the same
//! files in Node and in Chromium, so native and wasm answers agree byte for byte.
//! The amounts inside are worked out by hand in the comments below.

use alicloud_cost::decode::Value;

/// An answer as the package writes it (`json_write`), checked against serde_json, an
/// independent writer, byte for byte: every golden file and corpus answer is both.
fn written<T: serde::Serialize>(answer: &T) -> String {
    let ours = alicloud_cost::json_write::to_string(answer).unwrap();
    assert_eq!(ours, serde_json::to_string(answer).unwrap());
    ours
}

/// `BLESS=1` rewrites `response_file` after a deliberate change; the diff is the review.
fn check(request: &str, expected: &str, totals: &str, response_file: &str) {
    let request = Value::from_json_str(request).unwrap();
    let got = written(&alicloud_cost::quote(&request).unwrap());
    assert!(got.contains(totals), "{got}");
    if std::env::var_os("BLESS").is_some() {
        let path = format!("{}/tests/golden/{response_file}", env!("CARGO_MANIFEST_DIR"));
        std::fs::write(path, format!("{got}\n")).unwrap();
        return;
    }
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
        "cloud_phone_quote.response.json",
    );
}

#[test]
fn mixed_cart_golden() {
    // 0: caller price 8.00 x 12 months x 2 phones = 192.00.
    // 1: acp.std.medium international, 10 h -> 3 periods = 12 h x 0.0945 = 1.134 -> 1.13; NAT 10 h x 0.05 = 0.50: 1.63.
    // 2: IoT Pro, 604,800 messages a day in November: 13.61 (the RULES.md example, IOT-18);
    //    12 living devices: 2 x 0.003 = 0.006 -> 0.01 a day x 30 = 0.30 (IOT-19): 13.91; rated as
    //    one month, 60 device-days x 0.003 = 0.18: a daily_rounding warning says both (IOT-19).
    // 3: Enterprise "standard" at 120, 3 months with a trial month: 2 x 120 = 240.00 (IOT-3).
    // 4: ECS 730 h x 0.25 = 182.50 + 730 h x 0.01 = 7.30 = 189.80; ECS 10% = 18.98 off: 170.82.
    // Totals: 637.34 original, 18.98 discount, 618.36 paid.
    // Estimate (issue 19): upfront 192.00 + 240.00 = 432.00 (subscriptions); monthly 13.91 (the
    // IoT month); one-off 1.63 + 170.82 = 172.45 (lifetimes in hours); first 12 months
    // 432.00 + 172.45 + 12 x 13.91 (166.92) = 771.37.
    let estimate = r#""estimate":{"upfront":"432.00","monthly":"13.91","oneOff":"172.45","firstYear":"771.37"}"#;
    assert!(include_str!("golden/mixed_cart.response.json").contains(estimate));
    assert!(include_str!("golden/mixed_cart.response.json").contains("USD 0.30 over these 30 days. Rated as one monthly total the same living devices would be USD 0.18."));
    check(
        include_str!("golden/mixed_cart.request.json"),
        include_str!("golden/mixed_cart.response.json"),
        r#""originalPrice":"637.34","discountPrice":"18.98","tradePrice":"618.36""#,
        "mixed_cart.response.json",
    );
}

/// `BLESS=1` rewrites `response_file` after a deliberate change; the diff is the review.
fn check_lifecycle(request: &str, expected: &str, response_file: &str) {
    let request = Value::from_json_str(request).unwrap();
    let got = written(&alicloud_cost::simulate_lifecycle(&request).unwrap());
    if std::env::var_os("BLESS").is_some() {
        let path = format!("{}/tests/golden/{response_file}", env!("CARGO_MANIFEST_DIR"));
        std::fs::write(path, format!("{got}\n")).unwrap();
        return;
    }
    assert_eq!(got, expected.trim_end());
}

#[test]
fn ecs_lifecycle_golden() {
    // Credit 30 + 6 coupons at 0.10/h = 360 h: the credit runs out 12-16 09:30, and the hourly
    // settlement at 10:00 fails (ECS-13), owing 0.05: T = 12-16 10:00 (ECS-1). Retries at T+7
    // (16.85 owed) and T+14 (33.65); stopped at T+15 = 12-31 10:00 owing 36.05 (ECS-4).
    // A 40 top-up at that moment restarts it (ECS-7; economical mode ECS-6) with 3.95, which
    // lasts 39.5 h: runs out 2027-01-02 01:30, overdue at 02:00, stopped 01-17 02:00, released
    // 02-01 02:00. Billed: 720.5 h to the stop (72.05) + 400 h from the restart to the second
    // stop (40.00) = 112.05.
    check_lifecycle(include_str!("golden/lifecycle_ecs.request.json"), include_str!("golden/lifecycle_ecs.response.json"), "lifecycle_ecs.response.json");
    let got = include_str!("golden/lifecycle_ecs.response.json");
    assert!(got.contains(r#""lastSafeMoment":"2026-12-31T09:59:59+08:00","creditRunsOutAt":"2026-12-16T09:30:00+08:00""#));
    assert!(got.contains(r#""billed":"112.05""#));
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
        "lifecycle_iot_enterprise.response.json",
    );
    let got = include_str!("golden/lifecycle_iot_enterprise.response.json");
    assert!(got.contains(r#""dataDeletedAt":"2026-07-15T10:00:00+08:00","lastSafeMoment":"2026-04-30T09:59:59+08:00""#));
    assert!(got.contains(r#""billed":"400.00""#));
}

/// The determinism corpus (issue 8): 200+ requests from scripts/make-corpus.mjs, one a
/// line, and the exact JSON each must give, one a line. wasm/tests/wasm.rs checks the same
/// two files in Node, Chromium and Firefox, and tests/js/package.test.mjs through the npm
/// package. `BLESS=1 cargo test --test golden corpus` rewrites the answers after a
/// deliberate change; the diff is then the review.
mod corpus {
    use alicloud_cost::decode::Value;
    use serde_json::Value as Json;
    use std::collections::BTreeSet;

    const REQUESTS: &str = include_str!("golden/corpus.requests.jsonl");
    const RESPONSES_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/corpus.responses.jsonl");

    /// What a request gives, as the one line the corpus stores: the result's JSON, or
    /// `{"error":{code,path,message}}`.
    fn answer(function: &str, request: &Json) -> String {
        let text = request.to_string();
        let request = Value::from_json_str(&text).unwrap();
        let result = match function {
            "quote" => alicloud_cost::quote(&request).map(|r| super::written(&r)),
            "compareBillingMethod" => alicloud_cost::compare_billing_method(&request).map(|r| super::written(&r)),
            "simulateLifecycle" => alicloud_cost::simulate_lifecycle(&request).map(|r| super::written(&r)),
            "simulateAccount" => alicloud_cost::simulate_account(&request).map(|r| super::written(&r)),
            other => panic!("unknown function {other}"),
        };
        match result {
            Ok(json) => json,
            Err(error) => format!(r#"{{"error":{}}}"#, super::written(&error)),
        }
    }

    const RESPONSES_ZH_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/corpus.responses.zh-CN.jsonl");

    /// The request with `locale: "zh-CN"` (issue 16); a root that is not an object has
    /// nowhere to say it and stays as it is.
    fn in_chinese(request: &Json) -> Json {
        let mut request = request.clone();
        if let Some(root) = request.as_object_mut() {
            root.insert("locale".into(), Json::from("zh-CN"));
        }
        request
    }

    /// The fields written for a person (API.md "Additions": locale).
    const TEXT_FIELDS: [&str; 5] = ["description", "formula", "message", "reason", "effects"];

    /// `value` without its text fields, which are gathered into `texts`.
    fn without_texts(value: &Json, texts: &mut Vec<String>) -> Json {
        match value {
            Json::Object(fields) => Json::Object(
                fields
                    .iter()
                    .filter_map(|(k, v)| {
                        if TEXT_FIELDS.contains(&k.as_str()) {
                            collect_strings(v, texts);
                            None
                        } else {
                            Some((k.clone(), without_texts(v, texts)))
                        }
                    })
                    .collect(),
            ),
            Json::Array(items) => Json::Array(items.iter().map(|v| without_texts(v, texts)).collect()),
            other => other.clone(),
        }
    }

    fn collect_strings(value: &Json, into: &mut Vec<String>) {
        match value {
            Json::String(s) => into.push(s.clone()),
            Json::Array(items) => items.iter().for_each(|v| collect_strings(v, into)),
            _ => {}
        }
    }

    fn requests() -> Vec<Json> {
        REQUESTS.lines().map(|line| serde_json::from_str(line).unwrap()).collect()
    }

    #[test]
    fn corpus_answers_are_unchanged_and_fail_only_where_named() {
        let requests = requests();
        assert!(requests.len() >= 200, "the corpus must hold at least 200 requests");
        let answers: Vec<String> = requests.iter().map(|c| answer(c["fn"].as_str().unwrap(), &c["request"])).collect();
        let misnamed: Vec<String> = requests
            .iter()
            .zip(&answers)
            .filter(|(case, got)| got.starts_with(r#"{"error":"#) != (case["name"].as_str().unwrap().split(' ').nth(1) == Some("error")))
            .map(|(case, got)| format!("{}: {got}", case["name"]))
            .collect();
        assert!(misnamed.is_empty(), "fails where it should succeed, or the reverse:\n{}", misnamed.join("\n"));
        same_as_stored(RESPONSES_PATH, &requests, &answers);
    }

    /// Issue 16: the corpus in Chinese. Its answers are stored (the wasm tests compare them
    /// byte for byte too); set aside the texts, each is the English answer exactly; and every
    /// text is Chinese: it has a CJK character (an English text left over fails here).
    #[test]
    fn the_corpus_in_chinese_gives_the_same_numbers_with_chinese_texts() {
        let requests = requests();
        let mut english_left = Vec::new();
        let mut answers = Vec::new();
        for case in &requests {
            let function = case["fn"].as_str().unwrap();
            let en: Json = serde_json::from_str(&answer(function, &case["request"])).unwrap();
            let zh_text = answer(function, &in_chinese(&case["request"]));
            let zh: Json = serde_json::from_str(&zh_text).unwrap();
            let (mut en_texts, mut zh_texts) = (Vec::new(), Vec::new());
            assert_eq!(without_texts(&en, &mut en_texts), without_texts(&zh, &mut zh_texts), "{}", case["name"]);
            assert_eq!(en_texts.len(), zh_texts.len(), "{}", case["name"]);
            let root_is_object = case["request"].is_object();
            for text in zh_texts.iter().filter(|_| root_is_object) {
                if !text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                    english_left.push(format!("{}: {text}", case["name"]));
                }
            }
            answers.push(zh_text);
        }
        assert!(english_left.is_empty(), "texts without Chinese:\n{}", english_left.join("\n"));
        same_as_stored(RESPONSES_ZH_PATH, &requests, &answers);
    }

    /// The answers are the stored ones, line for line (`BLESS=1` rewrites the file first).
    fn same_as_stored(path: &str, requests: &[Json], answers: &[String]) {
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(path, answers.join("\n") + "\n").unwrap();
        }
        let expected = std::fs::read_to_string(path).unwrap();
        let expected: Vec<&str> = expected.lines().collect();
        assert_eq!(expected.len(), answers.len(), "{path} is out of step: BLESS=1 rewrites it");
        for ((case, got), want) in requests.iter().zip(answers).zip(expected) {
            assert_eq!(got, want, "{}", case["name"]);
        }
    }

    fn collect_rules(value: &Json, into: &mut BTreeSet<String>) {
        match value {
            Json::Object(map) => {
                for (key, child) in map {
                    match (key.as_str(), child) {
                        ("rules", Json::Array(ids)) => into.extend(ids.iter().filter_map(|id| id.as_str().map(String::from))),
                        _ => collect_rules(child, into),
                    }
                }
            }
            Json::Array(list) => list.iter().for_each(|child| collect_rules(child, into)),
            _ => {}
        }
    }

    /// Rules that no calculation can cite, each with the reason; every other rule of
    /// RULES.md must be cited somewhere in the corpus's answers.
    const NOT_CITED_BY_A_CALCULATION: [(&str, &str); 4] = [
        ("CP-11", "connecting to a phone is free: there is nothing to bill or to warn about"),
        ("CP-12", "bills export as CSV: the page's export, not a price"),
        ("IOT-1", "activating IoT Platform is free: no request prices activation"),
        ("ECS-8", "prevention advice (alerts, auto-release): no amount or date follows from it"),
    ];

    #[test]
    fn corpus_cites_every_rule_a_calculation_can_cite() {
        let mut cited = BTreeSet::new();
        for line in std::fs::read_to_string(RESPONSES_PATH).unwrap().lines() {
            collect_rules(&serde_json::from_str(line).unwrap(), &mut cited);
        }
        let rules = include_str!("../RULES.md");
        let ids: BTreeSet<String> = rules
            .lines()
            .filter_map(|line| line.strip_prefix("| "))
            .filter_map(|rest| rest.split(' ').next())
            .filter(|id| id.contains('-') && id.chars().last().is_some_and(|c| c.is_ascii_digit()))
            .map(String::from)
            .collect();
        assert!(ids.len() >= 40, "read {} rule IDs from RULES.md", ids.len());
        let exempt: BTreeSet<String> = NOT_CITED_BY_A_CALCULATION.iter().map(|(id, _)| id.to_string()).collect();
        let missing: Vec<&String> = ids.iter().filter(|id| !cited.contains(*id) && !exempt.contains(*id)).collect();
        assert!(missing.is_empty(), "no corpus answer cites {missing:?}");
        let stale: Vec<&String> = exempt.iter().filter(|id| cited.contains(*id) || !ids.contains(*id)).collect();
        assert!(stale.is_empty(), "exempt but cited, or not a rule: {stale:?}");
    }
}
