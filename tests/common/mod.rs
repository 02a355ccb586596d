//! Helpers shared by the integration tests.
#![allow(dead_code)]

use alicloud_cost::decode::Value;
use alicloud_cost::{quote, Error, ErrorCode, Quote};

pub fn quote_json(request: serde_json::Value) -> Result<Quote, Error> {
    quote(&Value::from_json_str(&request.to_string()).expect("test JSON"))
}

/// The (code, path) of the error a request produces.
pub fn error_of(request: serde_json::Value) -> (ErrorCode, String) {
    let e = quote_json(request.clone()).expect_err(&format!("expected an error for {request}"));
    (e.code, e.path.clone())
}

pub fn total(request: serde_json::Value) -> String {
    quote_json(request).unwrap().trade_price.to_string()
}

/// Simulates a lifecycle request written as JSON; the result as JSON.
#[allow(dead_code)]
pub fn lifecycle_json(request: &str) -> serde_json::Value {
    let value = Value::from_json_str(request).expect("request JSON");
    let result = alicloud_cost::simulate_lifecycle(&value).unwrap_or_else(|e| panic!("{}: {}", e.path, e.message));
    serde_json::to_value(result).unwrap()
}

/// The error a lifecycle request written as JSON produces.
#[allow(dead_code)]
pub fn lifecycle_error(request: &str) -> Error {
    let value = Value::from_json_str(request).expect("request JSON");
    alicloud_cost::simulate_lifecycle(&value).expect_err("an error")
}
