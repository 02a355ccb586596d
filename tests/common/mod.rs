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
    (e.code, e.path)
}

pub fn total(request: serde_json::Value) -> String {
    quote_json(request).unwrap().trade_price.to_string()
}
