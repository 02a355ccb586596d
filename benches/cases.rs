//! The native half of `npm run bench` (scripts/bench.mjs): reads the cases that script
//! wrote (`target/bench/cases.json`: `[{ name, fn, request }]`), times each through the
//! pure core, and prints `{ name: { medianMicros, runs } }` as JSON on stdout, so the
//! script can put the wasm and native times side by side. The request is decoded once,
//! outside the timing, as the wasm side's JS object is built outside its timing.
//!
//! A plain timing harness: numbers for comparison within one run, never asserted.

use alicloud_cost::decode::Value;
use std::time::{Duration, Instant};

/// Median of at least 5 runs, and of as many as fit in about half a second (at most 2,001).
fn median_micros(mut call: impl FnMut()) -> (f64, usize) {
    call(); // warm-up
    let mut times = Vec::new();
    let started = Instant::now();
    while times.len() < 5 || (started.elapsed() < Duration::from_millis(500) && times.len() < 2001) {
        let t = Instant::now();
        call();
        times.push(t.elapsed().as_secs_f64() * 1e6);
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times.len())
}

fn answer<T: serde::Serialize>(result: T, json: bool) {
    if json {
        std::hint::black_box(alicloud_cost::json_write::to_string(&result).unwrap());
    } else {
        std::hint::black_box(result);
    }
}

fn main() {
    let path = std::env::args().skip(1).find(|a| !a.starts_with('-')).unwrap_or_else(|| "target/bench/cases.json".into());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e} (run `npm run bench`, which writes it)"));
    let cases: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let mut out = serde_json::Map::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap().to_string();
        let text = case["request"].to_string();
        // A plan's request is read in its own case (past a request's limits).
        let request = Value::from_json_str(&text).unwrap_or(Value::Null);
        let request = std::hint::black_box(&request);
        // A case the engine refuses (an older one: 10,000 account items) is reported, not timed.
        let refused = match case["fn"].as_str().unwrap() {
            "simulateAccount" => alicloud_cost::simulate_account(request).err(),
            _ => None,
        };
        if let Some(error) = refused {
            out.insert(name, serde_json::json!({ "refused": error.code.as_str() }));
            continue;
        }
        // The core alone, and the core plus writing the JSON text the wasm binding hands
        // to JS (wasm/src/interop.rs): the second is the native twin of a wasm call's work.
        let time = |json: bool| match case["fn"].as_str().unwrap() {
            "quote" => median_micros(|| answer(alicloud_cost::quote(request).unwrap(), json)),
            "compareBillingMethod" => median_micros(|| answer(alicloud_cost::compare_billing_method(request).unwrap(), json)),
            "simulateLifecycle" => median_micros(|| answer(alicloud_cost::simulate_lifecycle(request).unwrap(), json)),
            "simulateAccount" => median_micros(|| answer(alicloud_cost::simulate_account(request).unwrap(), json)),
            "quoteTerraformPlan" => {
                // A plan is read within the plan limits (wider objects than a request's).
                let (plan_text, options_text) = (case["request"]["plan"].to_string(), case["request"]["options"].to_string());
                let plan = alicloud_cost::plan::parse(&plan_text, alicloud_cost::key!("plan.document.plan")).unwrap();
                let options = Value::from_json_str(&options_text).unwrap();
                median_micros(|| answer(alicloud_cost::quote_terraform_plan(&plan, &options).unwrap(), json))
            }
            other => panic!("unknown function {other}"),
        };
        let ((core, runs), (with_json, _)) = (time(false), time(true));
        out.insert(name, serde_json::json!({ "medianMicros": core, "withJsonMicros": with_json, "runs": runs }));
    }
    println!("{}", serde_json::Value::Object(out));
}
