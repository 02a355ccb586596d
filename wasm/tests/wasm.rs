//! The binding layer, run by wasm-bindgen-test in Node and in headless Chromium and Firefox
//! (scripts/test.sh runs this file three times; WASM_BINDGEN_USE_BROWSER and the driver variables pick).
#![cfg(target_arch = "wasm32")]

/// The exported functions, and the text functions by name.
mod bindings {
    use wasm_bindgen::JsValue;

    pub use alicloud_cost_wasm::{compare_billing_method, quote, simulate_account, simulate_lifecycle, version};

    pub fn catalog() -> Result<JsValue, JsValue> {
        alicloud_cost_wasm::catalog(None)
    }
    /// The text functions: JSON text in, JSON text out.
    pub fn text(function: &str, text: &str) -> Result<String, JsValue> {
        let text = js_sys::JsString::from(text);
        match function {
            "quote" => alicloud_cost_wasm::quote_json(text),
            "compareBillingMethod" => alicloud_cost_wasm::compare_billing_method_json(text),
            "simulateLifecycle" => alicloud_cost_wasm::simulate_lifecycle_json(text),
            "simulateAccount" => alicloud_cost_wasm::simulate_account_json(text),
            other => panic!("unknown function {other}"),
        }
    }
}
use js_sys::{Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

fn get_str(value: &JsValue, key: &str) -> String {
    get(value, key).as_string().unwrap_or_else(|| panic!("{key} is not a string"))
}

fn payg_request(hours: &str) -> String {
    format!(r#"{{"items":[{{"product":"cloudPhone","spec":"acp.basic.small","region":"mainland","billing":"payAsYouGo","hours":{hours},"quantity":2}}]}}"#)
}

/// Asserts that `result` is a thrown JS Error with this code and path.
fn assert_js_error(result: Result<JsValue, JsValue>, code: &str, path: &str) {
    let error = result.expect_err("expected an error");
    assert!(error.is_instance_of::<js_sys::Error>(), "not an Error");
    assert_eq!(get_str(&error, "code"), code);
    assert_eq!(get_str(&error, "path"), path);
    assert!(!get_str(&error, "message").is_empty());
}

#[wasm_bindgen_test]
fn quote_from_js_matches_the_hand_calculation() {
    // ceil(5 / 4) = 2 periods = 8 h; 8 h x 0.0457 x 2 phones = 0.7312 -> "0.73" (CP-3, CP-6).
    let quote = bindings::quote(js(&payg_request("5"))).unwrap();
    assert_eq!(get_str(&quote, "tradePrice"), "0.73");
    let item = js_sys::Array::from(&get(&quote, "items")).get(0);
    let line = js_sys::Array::from(&get(&item, "lines")).get(0);
    assert_eq!(get_str(&line, "quantity"), "16"); // 8 h x 2 phones
    assert_eq!(get_str(&line, "unitPrice"), "0.0457");
    assert_eq!(get_str(&line, "exactAmount"), "0.7312");
}

#[wasm_bindgen_test]
fn wasm_output_is_byte_identical_to_the_native_golden_files() {
    type Call = fn(JsValue) -> Result<JsValue, JsValue>;
    let goldens: [(Call, &str, &str); 4] = [
        (bindings::quote, include_str!("../../tests/golden/cloud_phone_quote.request.json"), include_str!("../../tests/golden/cloud_phone_quote.response.json")),
        (bindings::quote, include_str!("../../tests/golden/mixed_cart.request.json"), include_str!("../../tests/golden/mixed_cart.response.json")),
        (bindings::simulate_lifecycle, include_str!("../../tests/golden/lifecycle_ecs.request.json"), include_str!("../../tests/golden/lifecycle_ecs.response.json")),
        (
            bindings::simulate_lifecycle,
            include_str!("../../tests/golden/lifecycle_iot_enterprise.request.json"),
            include_str!("../../tests/golden/lifecycle_iot_enterprise.response.json"),
        ),
    ];
    for (call, request, response) in goldens {
        let result = call(js(request)).unwrap();
        let json = JSON::stringify(&result).unwrap().as_string().unwrap();
        assert_eq!(json, response.trim_end());
    }
}

#[wasm_bindgen_test]
fn simulate_lifecycle_from_js() {
    // 4.80 at 0.05/h lasts 96 h: the 97th hourly deduction, at 12-05 01:00, is the first unpaid
    // (CP-13): overdue then; released on the 16th day, 12-20 01:00 (CP-9).
    let request = js(r#"{"product":"cloudPhone","resource":{"billing":"payAsYouGo"},"start":"2026-12-01","account":{"balance":"4.80"},"costPerHour":0.05}"#);
    let lifecycle = bindings::simulate_lifecycle(request).unwrap();
    assert_eq!(get_str(&lifecycle, "dataDeletedAt"), "2026-12-20T01:00:00+08:00");
    assert_eq!(get_str(&lifecycle, "lastSafeMoment"), "2026-12-05T00:59:59+08:00");
    let bad = js(r#"{"product":"ecs","resource":{"billing":"payAsYouGo"},"start":"2026-12-01","events":[{"at":"2026-12-02","type":"pause"}]}"#);
    assert_js_error(bindings::simulate_lifecycle(bad), "unknown_event_type", "events[0].type");
}

#[wasm_bindgen_test]
fn numbers_may_be_decimal_strings() {
    let quote = bindings::quote(js(&payg_request("\"5\""))).unwrap();
    assert_eq!(get_str(&quote, "tradePrice"), "0.73");
}

#[wasm_bindgen_test]
fn bad_input_throws_a_coded_error_and_the_next_call_still_works() {
    let request = js(&payg_request("5"));
    let item = js_sys::Array::from(&get(&request, "items")).get(0);
    let cases: Vec<(JsValue, &str, &str)> = vec![
        (JsValue::from_f64(f64::NAN), "not_finite", "items[0].hours"),
        (JsValue::from_f64(f64::INFINITY), "not_finite", "items[0].hours"),
        (JsValue::from_f64(0.0), "out_of_range", "items[0].hours"),
        (JsValue::from_f64(-4.0), "out_of_range", "items[0].hours"),
        (JsValue::from_str("five"), "invalid_decimal", "items[0].hours"),
        (JsValue::from_bool(true), "invalid_type", "items[0].hours"),
        (js_sys::BigInt::from(5u32).into(), "invalid_type", "items[0].hours"),
        (JsValue::UNDEFINED, "missing_field", "items[0].hours"),
    ];
    for (hours, code, path) in cases {
        Reflect::set(&item, &"hours".into(), &hours).unwrap();
        assert_js_error(bindings::quote(request.clone()), code, path);
        // The module keeps working after every error.
        assert_eq!(get_str(&bindings::quote(js(&payg_request("5"))).unwrap(), "tradePrice"), "0.73");
    }
}

#[wasm_bindgen_test]
fn unknown_names_are_reported_with_their_own_codes() {
    let cases = [
        (r#""spec":"acp.basic.small""#, r#""spec":"acp.huge""#, "unknown_spec", "items[0].spec"),
        (r#""region":"mainland""#, r#""region":"mars""#, "unknown_region", "items[0].region"),
        (r#""billing":"payAsYouGo""#, r#""billing":"weekly""#, "unknown_billing", "items[0].billing"),
        (r#""quantity":2"#, r#""quantity":2,"colour":"red""#, "unknown_field", "items[0].colour"),
        (r#""spec":"acp.basic.small","#, "", "missing_field", "items[0].spec"),
    ];
    for (from, to, code, path) in cases {
        let request = payg_request("5").replace(from, to);
        assert_js_error(bindings::quote(js(&request)), code, path);
    }
}

#[wasm_bindgen_test]
fn hostile_values_are_errors_not_traps() {
    // A getter that throws.
    let throwing = js_sys::Function::new_no_args("throw new Error('boom')");
    let item = js(r#"{"product":"cloudPhone","spec":"acp.basic.small","region":"mainland","billing":"payAsYouGo"}"#);
    let descriptor = js_sys::Object::new();
    Reflect::set(&descriptor, &"get".into(), &throwing).unwrap();
    Reflect::set(&descriptor, &"enumerable".into(), &JsValue::TRUE).unwrap();
    let target: &js_sys::Object = item.unchecked_ref();
    Reflect::define_property(target, &"hours".into(), &descriptor).unwrap();
    let request = js_sys::Object::new();
    Reflect::set(&request, &"items".into(), &js_sys::Array::of1(&item)).unwrap();
    assert_js_error(bindings::quote(request.into()), "invalid_type", "items[0].hours");

    // A cycle: bounded by the depth limit.
    let cyclic = js_sys::Object::new();
    Reflect::set(&cyclic, &"items".into(), &cyclic).unwrap();
    assert_js_error(bindings::quote(cyclic.into()), "too_deep", "");

    // Not an object at all.
    assert_js_error(bindings::quote(JsValue::from_str("cheap please")), "invalid_type", "");
    assert_js_error(bindings::quote(js_sys::Function::new_no_args("").into()), "invalid_type", "");

    assert_eq!(get_str(&bindings::quote(js(&payg_request("5"))).unwrap(), "tradePrice"), "0.73");
}

#[wasm_bindgen_test]
fn catalog_and_version_are_plain_objects() {
    let catalog = bindings::catalog().unwrap();
    let specs = js_sys::Array::from(&get(&get(&catalog, "cloudPhone"), "specs"));
    assert_eq!(specs.length(), 5);
    // CP-6 first row: acp.basic.small mainland 9.9057 / month, as a string.
    assert_eq!(get_str(&get(&specs.get(0), "mainland"), "monthly"), "9.9057");
    let version = bindings::version().unwrap();
    assert_eq!(get_str(&version, "package"), env!("CARGO_PKG_VERSION"));
    assert_eq!(get_str(&version, "catalog"), get_str(&catalog, "version"));
}

#[wasm_bindgen_test]
fn compare_billing_method_from_js() {
    // acp.basic.small mainland: break-even 9.9057 / 0.0457 = 216.7549 -> "216.75" h (CP-3, CP-6);
    // at 216 h pay-as-you-go costs 9.8712 -> 9.87 against 9.91.
    let request = js(r#"{"product":"cloudPhone","spec":"acp.basic.small","region":"mainland","usage":{"months":1,"hoursPerMonth":216}}"#);
    let comparison = bindings::compare_billing_method(request).unwrap();
    assert_eq!(get_str(&comparison, "cheapest"), "payAsYouGo");
    assert_eq!(get_str(&get(&comparison, "breakEven"), "hoursPerMonth"), "216.75");
    let bad = js(r#"{"product":"cloudPhone","spec":"acp.basic.small","region":"mainland","usage":{"months":1,"hoursPerMonth":745}}"#);
    assert_js_error(bindings::compare_billing_method(bad), "out_of_range", "usage.hoursPerMonth");
}

/// The determinism corpus (tests/golden.rs, issue 8): every request gives the exact
/// bytes the native core gives, here in whichever runtime runs this file (Node, Chromium,
/// Firefox). Errors compare as `{"error":{code,path,message}}`, built from the thrown Error.
#[wasm_bindgen_test]
fn corpus_answers_are_byte_identical_to_native() {
    let requests = include_str!("../../tests/golden/corpus.requests.jsonl");
    let english = include_str!("../../tests/golden/corpus.responses.jsonl");
    // Issue 16: and in Chinese, with `locale: "zh-CN"` on every request object.
    let chinese = include_str!("../../tests/golden/corpus.responses.zh-CN.jsonl");
    let mut compared = 0;
    for (locale, responses) in [(None, english), (Some("zh-CN"), chinese)] {
    for (line, expected) in requests.lines().zip(responses.lines()) {
        let case = js(line);
        if let Some(locale) = locale {
            let request = get(&case, "request");
            if request.is_object() && !js_sys::Array::is_array(&request) {
                Reflect::set(&request, &"locale".into(), &locale.into()).unwrap();
            }
        }
        let name = get_str(&case, "name");
        let call: fn(JsValue) -> Result<JsValue, JsValue> = match get_str(&case, "fn").as_str() {
            "quote" => bindings::quote,
            "compareBillingMethod" => bindings::compare_billing_method,
            "simulateLifecycle" => bindings::simulate_lifecycle,
            "simulateAccount" => bindings::simulate_account,
            other => panic!("unknown function {other}"),
        };
        let answer = match call(get(&case, "request")) {
            Ok(result) => result,
            Err(thrown) => {
                let error = js_sys::Object::new();
                for key in ["code", "path", "message"] {
                    Reflect::set(&error, &key.into(), &get(&thrown, key)).unwrap();
                }
                let wrapper = js_sys::Object::new();
                Reflect::set(&wrapper, &"error".into(), &error).unwrap();
                wrapper.into()
            }
        };
        let json = JSON::stringify(&answer).unwrap().as_string().unwrap();
        assert_eq!(json, expected, "{name}");
        compared += 1;
    }
    }
    assert!(compared >= 400, "compared {compared}");
}

/// Issue 15: the text functions give the native answer's exact text for every corpus
/// request, and the same coded errors.
#[wasm_bindgen_test]
fn text_functions_answer_the_corpus_with_the_native_text() {
    let requests = include_str!("../../tests/golden/corpus.requests.jsonl");
    let responses = include_str!("../../tests/golden/corpus.responses.jsonl");
    for (line, expected) in requests.lines().zip(responses.lines()) {
        let case = js(line);
        let request = JSON::stringify(&get(&case, "request")).unwrap().as_string().unwrap();
        let answer = match bindings::text(&get_str(&case, "fn"), &request) {
            Ok(text) => text,
            Err(thrown) => {
                let error = js_sys::Object::new();
                for key in ["code", "path", "message"] {
                    Reflect::set(&error, &key.into(), &get(&thrown, key)).unwrap();
                }
                format!(r#"{{"error":{}}}"#, JSON::stringify(&error).unwrap().as_string().unwrap())
            }
        };
        assert_eq!(answer, expected, "{}", get_str(&case, "name"));
    }
}

/// Issue 15: what JSON.stringify cannot carry is still refused with its code at its path,
/// in every engine's JSON.stringify.
#[wasm_bindgen_test]
fn the_json_boundary_keeps_every_code_and_path() {
    let with_hours = |hours: &JsValue| {
        let request = js(&payg_request("1"));
        let items = get(&request, "items");
        Reflect::set(&get(&items, "0"), &"hours".into(), hours).unwrap();
        request
    };
    // NaN and the infinities: not_finite at the field (JSON.stringify alone would write null).
    for n in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert_js_error(bindings::quote(with_hours(&JsValue::from_f64(n))), "not_finite", "items[0].hours");
    }
    // A function, a symbol, a BigInt: invalid_type at the field (stringify would drop or throw).
    let function: JsValue = js_sys::Function::new_no_args("return 1").into();
    let symbol: JsValue = js_sys::Symbol::for_("x").into();
    let bigint: JsValue = js_sys::BigInt::from(5u32).into();
    for value in [function, symbol, bigint] {
        assert_js_error(bindings::quote(with_hours(&value)), "invalid_type", "items[0].hours");
    }
    // undefined is absent, as before: a missing field.
    assert_js_error(bindings::quote(with_hours(&JsValue::UNDEFINED)), "missing_field", "items[0].hours");
    // A Date has a toJSON: the walk decides, as before (an object where a number belongs).
    let date: JsValue = js_sys::Date::new_0().into();
    assert_js_error(bindings::quote(with_hours(&date)), "invalid_type", "items[0].hours");
    // A boxed number is an object too, not the number inside it.
    let boxed: JsValue = js_sys::Number::new(&JsValue::from_f64(5.0)).into();
    assert_js_error(bindings::quote(with_hours(&boxed)), "invalid_type", "items[0].hours");
    // A string of the caller's that starts with NUL is a string like any other.
    assert_js_error(bindings::quote(with_hours(&JsValue::from_str("\u{0}NaN"))), "invalid_decimal", "items[0].hours");
    // Numbers cross with JS's own spelling: 5 hours and "5" both give 0.73 for 2 phones.
    assert_eq!(get_str(&bindings::quote(with_hours(&JsValue::from_f64(5.0))).unwrap(), "tradePrice"), "0.73");
}

/// Issue 15: malformed text, deep nesting and huge strings are coded errors, and the
/// module keeps working after each.
#[wasm_bindgen_test]
fn the_text_functions_refuse_bad_text_with_codes() {
    let error = |text: &str| {
        let thrown = bindings::text("quote", text).expect_err("an error");
        (get_str(&thrown, "code"), get_str(&thrown, "path"))
    };
    assert_eq!(error("{\"items\": ["), ("invalid_type".to_string(), String::new()));
    assert_eq!(error("not json"), ("invalid_type".to_string(), String::new()));
    assert_eq!(error(&("[".repeat(100) + &"]".repeat(100))), ("too_deep".to_string(), String::new()));
    let huge = format!(r#"{{"items": [{{"product": "{}"}}]}}"#, "x".repeat(100_000));
    assert_eq!(error(&huge), ("out_of_range".to_string(), "items[0].product".to_string()));
    assert_eq!(error(r#"{"items": [{"hours": 1, "hours": 2}]}"#), ("invalid_type".to_string(), "items[0].hours".to_string()));
    // Same answer as the object function, as text; 5.0 is read as 5.
    let text = bindings::text("quote", &payg_request("5.0")).unwrap();
    let object = JSON::stringify(&bindings::quote(js(&payg_request("5"))).unwrap()).unwrap().as_string().unwrap();
    assert_eq!(text, object);
    assert!(text.contains(r#""tradePrice":"0.73""#));
}

/// Issue 33: a Terraform plan, as an object and as text, answers the native bytes; a
/// malformed one throws a coded error.
#[wasm_bindgen_test]
fn quote_terraform_plan_answers_the_native_bytes() {
    let plan = include_str!("../../tests/terraform/first_plan.json");
    let options = include_str!("../../tests/terraform/prices.json");
    let expected = include_str!("../../tests/terraform/first_plan.response.json").trim_end();
    let object = alicloud_cost_wasm::quote_terraform_plan(js(plan), js(options)).unwrap();
    assert_eq!(JSON::stringify(&object).unwrap().as_string().unwrap(), expected);
    let text = alicloud_cost_wasm::quote_terraform_plan_json(plan.into(), Some(options.into())).unwrap();
    assert_eq!(text, expected);
    let thrown = alicloud_cost_wasm::quote_terraform_plan(js(r#"{"format_version": "0.2", "planned_values": {}}"#), JsValue::UNDEFINED);
    assert_js_error(thrown, "not_supported", "format_version");
}
