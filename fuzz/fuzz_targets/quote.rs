//! Any bytes as the JSON input of `quote`: it returns a result or an Error, never
//! panics (the harness turns a panic, an overflow or a hang into a crash report).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(request) = alicloud_cost::decode::Value::from_json_str(text) else { return };
    match alicloud_cost::quote(&request) {
        // A result always serializes (money as strings, no float).
        Ok(result) => drop(serde_json::to_string(&result).expect("a result serializes")),
        Err(error) => assert!(!error.message.is_empty(), "an error has a message"),
    }
});
