//! What every fuzz target checks: any bytes, read as a JSON request, give a result or an
//! Error and never panic (the harness turns a panic, an overflow or a hang into a crash).
use alicloud_cost::decode::Value;
use alicloud_cost::Error;

pub fn check<T: serde::Serialize>(data: &[u8], call: fn(&Value) -> Result<T, Error>) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(request) = Value::from_json_str(text) else { return };
    match call(&request) {
        // A result always serializes (money as strings, no float).
        Ok(result) => drop(alicloud_cost::json_write::to_string(&result).expect("a result serializes")),
        Err(error) => assert!(!error.message.is_empty(), "an error has a message"),
    }
}
