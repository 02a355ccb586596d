//! The WebAssembly package of `alicloud-cost`: the only crate that uses wasm-bindgen,
//! js-sys and talc. Each export is a thin wrapper over the pure core's function of the
//! same name; [`interop`] says how values cross. The text functions (`quoteJson`, ...)
//! take and give the JSON text itself.
//!
//! Built for wasm32 only (`scripts/build.sh`); on other targets this crate is empty.
#![cfg(target_arch = "wasm32")]

mod interop;

use alicloud_cost::decode::Value;
use interop::{answer_plan, answer_request, answer_text, ensure_messages, text_of, to_js_error, typed};
use wasm_bindgen::prelude::*;

// The TypeScript declarations of the requests and of the results, written by hand beside
// this crate: wasm-bindgen writes them into pkg/alicloud_cost.d.ts, where the exports below
// name them (`unchecked_param_type`, `unchecked_return_type`).
#[wasm_bindgen(typescript_custom_section)]
const REQUEST_TYPES: &str = include_str!("../requests.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const RESULT_TYPES: &str = include_str!("../results.d.ts");

/// Prices a cart (API.md `quote`). Throws an `Error` with `code` and `path` on bad input.
#[wasm_bindgen(js_name = quote, unchecked_return_type = "Quote")]
pub fn quote(#[wasm_bindgen(unchecked_param_type = "QuoteRequest")] request: JsValue) -> Result<JsValue, JsValue> {
    typed(&answer_request(&request, alicloud_cost::quote)?)
}

/// Compares subscription with pay-as-you-go for the same need (API.md
/// `compareBillingMethod`). Throws an `Error` with `code` and `path` on bad input.
#[wasm_bindgen(js_name = compareBillingMethod, unchecked_return_type = "Comparison")]
pub fn compare_billing_method(#[wasm_bindgen(unchecked_param_type = "CompareRequest")] request: JsValue) -> Result<JsValue, JsValue> {
    typed(&answer_request(&request, alicloud_cost::compare_billing_method)?)
}

/// What happens to a resource over time: expiry, auto-renewal, overdue, stop,
/// release, top-ups (API.md `simulateLifecycle`). Throws an `Error` with `code` and
/// `path` on bad input.
#[wasm_bindgen(js_name = simulateLifecycle, unchecked_return_type = "Lifecycle")]
pub fn simulate_lifecycle(#[wasm_bindgen(unchecked_param_type = "LifecycleRequest")] request: JsValue) -> Result<JsValue, JsValue> {
    typed(&answer_request(&request, alicloud_cost::simulate_lifecycle)?)
}

/// One credit pays for a whole setup: when it runs out, what stops first, what is
/// deleted when, and the top-up that keeps everything running (API.md
/// `simulateAccount`). Throws an `Error` with `code` and `path` on bad input.
#[wasm_bindgen(js_name = simulateAccount, unchecked_return_type = "Account")]
pub fn simulate_account(#[wasm_bindgen(unchecked_param_type = "AccountRequest")] request: JsValue) -> Result<JsValue, JsValue> {
    typed(&answer_request(&request, alicloud_cost::simulate_account)?)
}

/// `quote` for a request given as JSON text; the answer as JSON text (API.md "Text in,
/// text out"). Throws the same coded errors, and `invalid_type` for malformed text.
#[wasm_bindgen(js_name = quoteJson)]
pub fn quote_json(text: js_sys::JsString) -> Result<String, JsValue> {
    answer_text(&text, alicloud_cost::quote)
}

/// `compareBillingMethod` for JSON text, answering JSON text.
#[wasm_bindgen(js_name = compareBillingMethodJson)]
pub fn compare_billing_method_json(text: js_sys::JsString) -> Result<String, JsValue> {
    answer_text(&text, alicloud_cost::compare_billing_method)
}

/// `simulateLifecycle` for JSON text, answering JSON text.
#[wasm_bindgen(js_name = simulateLifecycleJson)]
pub fn simulate_lifecycle_json(text: js_sys::JsString) -> Result<String, JsValue> {
    answer_text(&text, alicloud_cost::simulate_lifecycle)
}

/// `simulateAccount` for JSON text, answering JSON text.
#[wasm_bindgen(js_name = simulateAccountJson)]
pub fn simulate_account_json(text: js_sys::JsString) -> Result<String, JsValue> {
    answer_text(&text, alicloud_cost::simulate_account)
}

/// Prices a Terraform plan, `terraform show -json PLANFILE`'s output as an object or its
/// JSON text (API.md "Terraform plans"). Throws an `Error` with `code` and `path`.
/// (Its declaration is in results.d.ts: the options are optional.)
#[wasm_bindgen(js_name = quoteTerraformPlan, skip_typescript)]
pub fn quote_terraform_plan(plan: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    typed(&answer_plan(&plan, &options)?)
}

/// `quoteTerraformPlan` for JSON text (the plan's, and the options'), answering JSON text.
#[wasm_bindgen(js_name = quoteTerraformPlanJson, skip_typescript)]
pub fn quote_terraform_plan_json(plan: js_sys::JsString, options: Option<js_sys::JsString>) -> Result<String, JsValue> {
    text_of(&answer_plan(&plan.into(), &options.map_or(JsValue::UNDEFINED, JsValue::from))?)
}

/// The embedded default catalog: prices and billing units, each with its source seed
/// and as-of date, and every billing rule explained in `options.locale` (default "en").
/// (Its declaration is in results.d.ts: the options are optional.)
#[wasm_bindgen(js_name = catalog, skip_typescript)]
pub fn catalog(options: Option<js_sys::Object>) -> Result<JsValue, JsValue> {
    let catalog = match options {
        Some(options) => answer_request(&options.into(), alicloud_cost::catalog::catalog_for)?,
        None => {
            ensure_messages()?;
            alicloud_cost::catalog::catalog_for(&Value::Null).map_err(to_js_error)?
        }
    };
    typed(&catalog)
}

/// `{ package, catalog }` versions.
#[wasm_bindgen(js_name = version, unchecked_return_type = "Versions")]
pub fn version() -> Result<JsValue, JsValue> {
    typed(&alicloud_cost::versions())
}
