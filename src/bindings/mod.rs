//! The JS boundary: the only module that uses wasm-bindgen and js-sys.
//! A request crosses in as the text of one `JSON.stringify` (`boundary.js`, read by
//! `crate::json`), or, for the rare value JSON cannot carry faithfully, by a walk of
//! the JS value; the pure core answers; the answer crosses out as JSON text, parsed by
//! `JSON.parse`. [`Error`]s become JS `Error` objects with `code` and `path`. The text
//! functions (`quoteJson`, ...) take and give the JSON text itself.
//!
//! Nothing here can panic on input: every JS access that can throw (a getter, a
//! proxy) is a `Result`, and recursion is bounded by [`MAX_DEPTH`].

use crate::decode::{too_deep, Value, MAX_DEPTH};
use crate::error::{Error, ErrorCode};
use crate::json::{Origin, MAX_TEXT_BYTES};
use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use tsify::{Ts, Tsify};
use wasm_bindgen::JsCast;

pub mod requests;

/// The allocator of the wasm module: talc in place of Rust's default dlmalloc, for a
/// smaller module (issue 8: the .wasm ships on a web page) and faster allocation.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

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

#[wasm_bindgen(module = "/src/bindings/boundary.js")]
extern "C" {
    /// The request as JSON text with markers, or None when the value must be walked.
    fn request_text(value: &JsValue) -> Option<String>;
}

#[wasm_bindgen(module = "/src/messages.js")]
extern "C" {
    /// The text of the message templates file (`src/messages.js`), shipped beside the module.
    #[wasm_bindgen(js_name = messageTemplates)]
    fn message_templates() -> String;
}

/// Hands the templates to the core before its first text (once per module instance).
fn ensure_messages() -> Result<(), JsValue> {
    if crate::messages::installed() {
        return Ok(());
    }
    crate::messages::install(&message_templates()).map_err(to_js_error)
}

/// Answers a JS request, read through its JSON text when it has a faithful one (the
/// [`Value`] borrows from that text while `answer` runs), else walked value by value.
/// Generic only in the call: the reading is shared (issue 16, size).
fn answer_request<T>(value: &JsValue, answer: impl FnOnce(&Value) -> Result<T, Error>) -> Result<T, JsValue> {
    let text = request_text_checked(value)?;
    let request = read_request(text.as_deref(), value)?;
    answer(&request).map_err(to_js_error)
}

/// The request's JSON text, or None when it must be walked; the templates installed.
fn request_text_checked(value: &JsValue) -> Result<Option<String>, JsValue> {
    ensure_messages()?;
    Ok(request_text(value))
}

fn read_request<'t>(text: Option<&'t str>, value: &JsValue) -> Result<Value<'t>, JsValue> {
    match text {
        Some(text) => crate::json::parse(text, Origin::JsBoundary),
        None => from_js(value),
    }
    .map_err(to_js_error)
}

/// Answers a caller's JSON text with JSON text.
fn answer_text<T: Serialize>(text: &js_sys::JsString, answer: impl FnOnce(&Value) -> Result<T, Error>) -> Result<String, JsValue> {
    let text = copy_text(text)?;
    let request = crate::json::parse(&text, Origin::Text).map_err(to_js_error)?;
    text_of(&answer(&request).map_err(to_js_error)?)
}

/// A caller's JSON text, its size checked before it is copied in.
fn copy_text(text: &js_sys::JsString) -> Result<String, JsValue> {
    ensure_messages()?;
    // UTF-16 units: the UTF-8 copy is at least as long.
    if text.length() as usize > MAX_TEXT_BYTES {
        let message = text!("json.textTooLong", length = text.length(), max = MAX_TEXT_BYTES);
        return Err(to_js_error(Error::new(ErrorCode::TooMany, "", message)));
    }
    Ok(String::from(text))
}

/// Prices a cart (API.md `quote`). Throws an `Error` with `code` and `path` on bad input.
#[wasm_bindgen(js_name = quote)]
pub fn quote(request: Ts<requests::QuoteRequest>) -> Result<Ts<crate::quote::Quote>, JsValue> {
    typed(&answer_request(&request.into(), crate::quote::quote)?)
}

/// Compares subscription with pay-as-you-go for the same need (API.md
/// `compareBillingMethod`). Throws an `Error` with `code` and `path` on bad input.
#[wasm_bindgen(js_name = compareBillingMethod)]
pub fn compare_billing_method(request: Ts<requests::CompareRequest>) -> Result<Ts<crate::compare::Comparison>, JsValue> {
    typed(&answer_request(&request.into(), crate::compare::compare_billing_method)?)
}

/// What happens to a resource over time: expiry, auto-renewal, overdue, stop,
/// release, top-ups (API.md `simulateLifecycle`). Throws an `Error` with `code` and
/// `path` on bad input.
#[wasm_bindgen(js_name = simulateLifecycle)]
pub fn simulate_lifecycle(request: Ts<requests::LifecycleRequest>) -> Result<Ts<crate::lifecycle::Lifecycle>, JsValue> {
    typed(&answer_request(&request.into(), crate::lifecycle::simulate_lifecycle)?)
}

/// One credit pays for a whole setup: when it runs out, what stops first, what is
/// deleted when, and the top-up that keeps everything running (API.md
/// `simulateAccount`). Throws an `Error` with `code` and `path` on bad input.
#[wasm_bindgen(js_name = simulateAccount)]
pub fn simulate_account(request: Ts<requests::AccountRequest>) -> Result<Ts<crate::lifecycle::Account>, JsValue> {
    typed(&answer_request(&request.into(), crate::lifecycle::simulate_account)?)
}

/// `quote` for a request given as JSON text; the answer as JSON text (API.md "Text in,
/// text out"). Throws the same coded errors, and `invalid_type` for malformed text.
#[wasm_bindgen(js_name = quoteJson)]
pub fn quote_json(text: js_sys::JsString) -> Result<String, JsValue> {
    answer_text(&text, crate::quote::quote)
}

/// `compareBillingMethod` for JSON text, answering JSON text.
#[wasm_bindgen(js_name = compareBillingMethodJson)]
pub fn compare_billing_method_json(text: js_sys::JsString) -> Result<String, JsValue> {
    answer_text(&text, crate::compare::compare_billing_method)
}

/// `simulateLifecycle` for JSON text, answering JSON text.
#[wasm_bindgen(js_name = simulateLifecycleJson)]
pub fn simulate_lifecycle_json(text: js_sys::JsString) -> Result<String, JsValue> {
    answer_text(&text, crate::lifecycle::simulate_lifecycle)
}

/// `simulateAccount` for JSON text, answering JSON text.
#[wasm_bindgen(js_name = simulateAccountJson)]
pub fn simulate_account_json(text: js_sys::JsString) -> Result<String, JsValue> {
    answer_text(&text, crate::lifecycle::simulate_account)
}

/// The embedded default catalog: prices and billing units, each with its source seed
/// and as-of date, and every billing rule explained in `options.locale` (default "en").
/// (Its declaration is written by hand in `SCALAR_TYPES`: the options are optional.)
#[wasm_bindgen(js_name = catalog, skip_typescript)]
pub fn catalog(options: Option<js_sys::Object>) -> Result<Ts<crate::catalog::Catalog>, JsValue> {
    let catalog = match options {
        Some(options) => answer_request(&options.into(), crate::catalog::catalog_for)?,
        None => {
            ensure_messages()?;
            crate::catalog::catalog_for(&Value::Null).map_err(to_js_error)?
        }
    };
    typed(&catalog)
}

/// `{ package, catalog }` versions.
#[wasm_bindgen(js_name = version)]
pub fn version() -> Result<Ts<crate::Versions>, JsValue> {
    typed(&crate::versions())
}

/// A result crosses as the JSON text the native core writes, parsed by the engine's own
/// `JSON.parse`: the answer is byte for byte the native one by construction (issue 8),
/// maps become plain objects and no number becomes a BigInt, and one serializer in the
/// module (`json_write`) costs less than a value-by-value walk through JS (issue 8, size).
/// `Ts<T>` only labels that value with `T`'s TypeScript type (tsify) for the .d.ts.
fn typed<T: Serialize + Tsify>(value: &T) -> Result<Ts<T>, JsValue>
where
    T::JsType: JsCast,
{
    let json = text_of(value)?;
    js_sys::JSON::parse(&json)
        .map(Ts::new_unchecked)
        .map_err(|_| to_js_error(Error::new(ErrorCode::Internal, "", "the result is not valid JSON")))
}

/// The answer as the JSON text the native core writes.
fn text_of<T: Serialize>(value: &T) -> Result<String, JsValue> {
    // Answers hold no floats, bytes or number keys, so writing cannot fail; the message
    // names the impossible.
    crate::json_write::to_string(value).map_err(|_| to_js_error(Error::new(ErrorCode::Internal, "", "could not write the result as JSON")))
}

/// A JS `Error` named "AlicloudCostError" with `code` and `path` properties.
fn to_js_error(error: Error) -> JsValue {
    let js_error = js_sys::Error::new(&error.message);
    js_error.set_name("AlicloudCostError");
    // Setting a property on a fresh Error cannot fail; ignore the impossible.
    let _ = Reflect::set(&js_error, &"code".into(), &error.code.as_str().into());
    let _ = Reflect::set(&js_error, &"path".into(), &error.path.as_str().into());
    js_error.into()
}

/// Walks a JS value into a [`Value`]. `undefined` properties are skipped (absent),
/// like `JSON.stringify` does; functions, symbols and BigInts are type errors.
pub fn from_js(value: &JsValue) -> Result<Value<'static>, Error> {
    walk(value, "", 0)
}

fn walk(value: &JsValue, path: &str, depth: usize) -> Result<Value<'static>, Error> {
    if depth > MAX_DEPTH {
        return Err(too_deep());
    }
    if value.is_null() || value.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Value::Bool(b));
    }
    if value.as_f64().is_some() {
        // JS prints the shortest text that reads back as the same double ("0.1",
        // "1e+21", "NaN"): the core parses that, with no float printer of its own.
        let number: &js_sys::Number = value.unchecked_ref();
        return number.to_string_with_radix(10).map(|text| Value::Number(String::from(text).into())).map_err(|_| {
            Error::new(ErrorCode::InvalidType, path, text!("bindings.unreadableNumber"))
        });
    }
    if let Some(s) = value.as_string() {
        return Ok(Value::String(s.into()));
    }
    if Array::is_array(value) {
        let array: &Array = value.unchecked_ref();
        let mut items = Vec::with_capacity(array.length() as usize);
        for (i, item) in array.iter().enumerate() {
            let mut item_path = String::from(path);
            crate::decode::push_index(&mut item_path, i);
            items.push(walk(&item, &item_path, depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    if value.is_object() && !value.is_function() {
        let object: &Object = value.unchecked_ref();
        let mut fields = Vec::new();
        for key in Object::keys(object).iter() {
            let Some(name) = key.as_string() else { continue };
            let mut child_path = String::from(path);
            crate::decode::push_field(&mut child_path, &name);
            let child = Reflect::get(object, &key).map_err(|_| {
                Error::new(ErrorCode::InvalidType, child_path.clone(), text!("bindings.getterThrew"))
            })?;
            if child.is_undefined() {
                continue;
            }
            let child = walk(&child, &child_path, depth + 1)?;
            fields.push((name.into(), child));
        }
        return Ok(Value::Object(fields));
    }
    let kind = if value.is_function() {
        key!("json.function")
    } else if value.is_bigint() {
        key!("json.bigint")
    } else {
        key!("json.symbol")
    };
    Err(Error::new(ErrorCode::InvalidType, path, text!("json.notData", what = kind)))
}
