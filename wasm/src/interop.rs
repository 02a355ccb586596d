//! How values cross between JS and the core: a request crosses in as the text of one
//! `JSON.stringify` (`boundary.js`, read by `alicloud_cost::json`), or, for the rare value
//! JSON cannot carry faithfully, by a walk of the JS value; the answer crosses out as
//! JSON text, parsed by `JSON.parse`. [`Error`]s become JS `Error` objects with `code`
//! and `path`. Also the module's allocator and the installation of the message templates.
//!
//! Nothing here can panic on input: every JS access that can throw (a getter, a
//! proxy) is a `Result`, and recursion is bounded by [`MAX_DEPTH`].

use alicloud_cost::decode::{too_deep, Value, MAX_DEPTH};
use alicloud_cost::json::{Origin, MAX_TEXT_BYTES};
use alicloud_cost::messages::{self, Locale};
use alicloud_cost::plan::{PlanEstimate, MAX_PLAN_BYTES};
use alicloud_cost::{key, text, Error, ErrorCode};
use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The allocator of the wasm module: talc in place of Rust's default dlmalloc, for a
/// smaller module (issue 8: the .wasm ships on a web page) and faster allocation.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(module = "/src/boundary.js")]
extern "C" {
    /// The request as JSON text with markers, or None when the value must be walked.
    fn request_text(value: &JsValue) -> Option<String>;
    /// Why `JSON.stringify` threw `error`: "bigInt", "cycle", "tooDeep" or "threw:<message>".
    fn json_refusal(error: &JsValue) -> String;
}

// `src/messages.js` here is a link to the core's templates file (`../../src/messages.js`):
// wasm-bindgen copies it beside the module as a snippet.
#[wasm_bindgen(module = "/src/messages.js")]
extern "C" {
    /// The text of the message templates file (`src/messages.js`), shipped beside the module.
    #[wasm_bindgen(js_name = messageTemplates)]
    fn message_templates() -> String;
}

/// Hands the templates to the core before its first text (once per module instance).
pub fn ensure_messages() -> Result<(), JsValue> {
    if messages::installed() {
        return Ok(());
    }
    messages::install(&message_templates())
        .map_err(|_| to_js_error(Error::new(ErrorCode::Internal, "", "the message templates cannot be read")))
}

/// Answers a JS request, read through its JSON text when it has a faithful one (the
/// [`Value`] borrows from that text while `answer` runs), else walked value by value.
/// Generic only in the call: the reading is shared (issue 16, size).
pub fn answer_request<T>(value: &JsValue, answer: impl FnOnce(&Value) -> Result<T, Error>) -> Result<T, JsValue> {
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
        Some(text) => alicloud_cost::json::parse(text, Origin::JsBoundary),
        None => from_js(value),
    }
    .map_err(to_js_error)
}

/// Answers a caller's JSON text with JSON text.
pub fn answer_text<T: Serialize>(text: &js_sys::JsString, answer: impl FnOnce(&Value) -> Result<T, Error>) -> Result<String, JsValue> {
    let text = copy_text(text)?;
    let request = alicloud_cost::json::parse(&text, Origin::Text).map_err(to_js_error)?;
    text_of(&answer(&request).map_err(to_js_error)?)
}

/// A caller's JSON text, its size checked before it is copied in.
fn copy_text(text: &js_sys::JsString) -> Result<String, JsValue> {
    ensure_messages()?;
    // UTF-16 units: the UTF-8 copy is at least as long.
    if text.length() as usize > MAX_TEXT_BYTES {
        let message = text!(Locale::En, "json.textTooLong", length = text.length(), max = MAX_TEXT_BYTES);
        return Err(to_js_error(Error::new(ErrorCode::TooMany, "", message)));
    }
    Ok(String::from(text))
}

/// Prices a Terraform plan given as an object or as JSON text, with its options (the side
/// file, a base plan, ...) the same way. Both cross as JSON text: a plan is JSON data, and
/// it is read within the plan's own limits (`alicloud_cost::plan::PLAN_LIMITS`).
pub fn answer_plan(plan: &JsValue, options: &JsValue) -> Result<PlanEstimate, JsValue> {
    ensure_messages()?;
    let options = plan_text(options, key!("plan.document.options"))?;
    // No plan at all (null, undefined) is not a plan, not "invalid JSON at byte 0".
    let Some(plan) = plan_text(plan, key!("plan.document.plan"))? else {
        let value = if plan.is_null() { "null" } else { "undefined" };
        return Err(to_js_error(Error::new(ErrorCode::InvalidType, "", text!(Locale::En, "plan.missing", value = value))));
    };
    alicloud_cost::plan::quote_terraform_plan_json(&plan, options.as_deref()).map_err(to_js_error)
}

/// A plan or its options as JSON text: a string is the text itself; anything else is
/// written by `JSON.stringify` (its size is checked before the copy into the module).
fn plan_text(value: &JsValue, document: messages::Key) -> Result<Option<String>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let text: js_sys::JsString = match value.as_string() {
        Some(_) => value.clone().unchecked_into(),
        None => js_sys::JSON::stringify(value).map_err(|error| to_js_error(Error::new(ErrorCode::InvalidType, "", not_json_data(&error, document))))?,
    };
    // UTF-16 units: the UTF-8 copy is at least as long.
    if text.length() as usize > MAX_PLAN_BYTES {
        let message = text!(Locale::En, "plan.tooLarge", document = document, bytes = text.length(), max = MAX_PLAN_BYTES);
        return Err(to_js_error(Error::new(ErrorCode::TooMany, "", message)));
    }
    Ok(Some(String::from(text)))
}

/// Why `JSON.stringify` refused a plan or its options, as `boundary.js` tells it from what
/// was thrown: a BigInt, a cycle, nesting deeper than the call stack, or what a getter or a
/// `toJSON` threw.
fn not_json_data(error: &JsValue, document: messages::Key) -> String {
    let why = json_refusal(error);
    match why.as_str() {
        "bigInt" => text!(Locale::En, "plan.notJsonData.bigInt", document = document),
        "cycle" => text!(Locale::En, "plan.notJsonData.cycle", document = document),
        "tooDeep" => text!(Locale::En, "plan.notJsonData.tooDeep", document = document, max = alicloud_cost::plan::PLAN_LIMITS.depth),
        _ => text!(Locale::En, "plan.notJsonData.threw", document = document, message = why.strip_prefix("threw:").unwrap_or(&why)),
    }
}

/// A result crosses as the JSON text the native core writes, parsed by the engine's own
/// `JSON.parse`: the answer is byte for byte the native one by construction (issue 8),
/// maps become plain objects and no number becomes a BigInt, and one serializer in the
/// module (`json_write`) costs less than a value-by-value walk through JS (issue 8, size).
/// Its TypeScript type is the export's `unchecked_return_type` (results.d.ts).
pub fn typed<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let json = text_of(value)?;
    js_sys::JSON::parse(&json).map_err(|_| to_js_error(Error::new(ErrorCode::Internal, "", "the result is not valid JSON")))
}

/// The answer as the JSON text the native core writes.
pub fn text_of<T: Serialize>(value: &T) -> Result<String, JsValue> {
    // Answers hold no floats, bytes or number keys, so writing cannot fail; the message
    // names the impossible.
    alicloud_cost::json_write::to_string(value).map_err(|_| to_js_error(Error::new(ErrorCode::Internal, "", "could not write the result as JSON")))
}

/// A JS `Error` named "AlicloudCostError" with `code` and `path` properties.
pub fn to_js_error(error: Error) -> JsValue {
    let js_error = js_sys::Error::new(&error.message);
    js_error.set_name("AlicloudCostError");
    // Setting a property on a fresh Error cannot fail; ignore the impossible.
    let _ = Reflect::set(&js_error, &"code".into(), &error.code.as_str().into());
    let _ = Reflect::set(&js_error, &"path".into(), &error.path.as_str().into());
    js_error.into()
}

/// Walks a JS value into a [`Value`]. `undefined` properties are skipped (absent),
/// like `JSON.stringify` does; functions, symbols and BigInts are type errors. Like the
/// JSON reader's, its errors are in English: the request's `locale` is not read yet.
pub fn from_js(value: &JsValue) -> Result<Value<'static>, Error> {
    walk(value, "", 0)
}

fn walk(value: &JsValue, path: &str, depth: usize) -> Result<Value<'static>, Error> {
    if depth > MAX_DEPTH {
        return Err(too_deep(MAX_DEPTH));
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
            Error::new(ErrorCode::InvalidType, path, text!(Locale::En, "bindings.unreadableNumber"))
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
            alicloud_cost::decode::push_index(&mut item_path, i);
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
            alicloud_cost::decode::push_field(&mut child_path, &name);
            let child = Reflect::get(object, &key).map_err(|_| {
                Error::new(ErrorCode::InvalidType, child_path.clone(), text!(Locale::En, "bindings.getterThrew"))
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
    Err(Error::new(ErrorCode::InvalidType, path, text!(Locale::En, "json.notData", what = kind)))
}
