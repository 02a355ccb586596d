//! The WebAssembly package of `alicloud-cost`: the only crate that uses wasm-bindgen,
//! js-sys and talc. Each export is a thin wrapper over the pure core's function of the
//! same name; [`interop`] says how values cross. The text functions (`quoteJson`, ...)
//! take and give the JSON text itself.
//!
//! Built for wasm32 only (`scripts/build.sh`); on other targets this crate is empty.
#![cfg(target_arch = "wasm32")]

mod interop;
pub mod requests;

use interop::{answer_request, answer_text, ensure_messages, to_js_error, typed};
use alicloud_cost::decode::Value;
use tsify::Ts;
use wasm_bindgen::prelude::*;

// The scalar types the derived declarations name: exact decimals and instants cross
// as strings (API.md conventions).
#[wasm_bindgen(typescript_custom_section)]
const SCALAR_TYPES: &str = r#"
/** An exact decimal as a string: money ("13.72", 2 decimals when billed) or a unit price ("0.0457"). */
export type Decimal = string;
/** An instant in RFC 3339 with the billing offset, e.g. "2026-12-05T00:00:00+08:00". */
export type Instant = string;
/** The language of the texts written for a person (issue 16). */
export type Locale = "en" | "zh-CN";
/**
 * The embedded default catalog: prices and billing units, each with its source seed and as-of
 * date, and every billing rule explained for a customer in `options.locale` (default "en").
 */
export function catalog(options?: { locale?: Locale }): Catalog;
/** Lifecycle policies by product and name (src/policy.rs NAMES), e.g. policies.ecs.stopAfterDays. */
export type Policies = { cloudPhone: Record<string, Period>; iot: Record<string, Period>; ecs: Record<string, Period> };
"#;

/// Prices a cart (API.md `quote`). Throws an `Error` with `code` and `path` on bad input.
#[wasm_bindgen(js_name = quote)]
pub fn quote(request: Ts<requests::QuoteRequest>) -> Result<Ts<alicloud_cost::Quote>, JsValue> {
    typed(&answer_request(&request.into(), alicloud_cost::quote)?)
}

/// Compares subscription with pay-as-you-go for the same need (API.md
/// `compareBillingMethod`). Throws an `Error` with `code` and `path` on bad input.
#[wasm_bindgen(js_name = compareBillingMethod)]
pub fn compare_billing_method(request: Ts<requests::CompareRequest>) -> Result<Ts<alicloud_cost::Comparison>, JsValue> {
    typed(&answer_request(&request.into(), alicloud_cost::compare_billing_method)?)
}

/// What happens to a resource over time: expiry, auto-renewal, overdue, stop,
/// release, top-ups (API.md `simulateLifecycle`). Throws an `Error` with `code` and
/// `path` on bad input.
#[wasm_bindgen(js_name = simulateLifecycle)]
pub fn simulate_lifecycle(request: Ts<requests::LifecycleRequest>) -> Result<Ts<alicloud_cost::Lifecycle>, JsValue> {
    typed(&answer_request(&request.into(), alicloud_cost::simulate_lifecycle)?)
}

/// One credit pays for a whole setup: when it runs out, what stops first, what is
/// deleted when, and the top-up that keeps everything running (API.md
/// `simulateAccount`). Throws an `Error` with `code` and `path` on bad input.
#[wasm_bindgen(js_name = simulateAccount)]
pub fn simulate_account(request: Ts<requests::AccountRequest>) -> Result<Ts<alicloud_cost::Account>, JsValue> {
    typed(&answer_request(&request.into(), alicloud_cost::simulate_account)?)
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

/// The embedded default catalog: prices and billing units, each with its source seed
/// and as-of date, and every billing rule explained in `options.locale` (default "en").
/// (Its declaration is written by hand in `SCALAR_TYPES`: the options are optional.)
#[wasm_bindgen(js_name = catalog, skip_typescript)]
pub fn catalog(options: Option<js_sys::Object>) -> Result<Ts<alicloud_cost::Catalog>, JsValue> {
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
#[wasm_bindgen(js_name = version)]
pub fn version() -> Result<Ts<alicloud_cost::Versions>, JsValue> {
    typed(&alicloud_cost::versions())
}
