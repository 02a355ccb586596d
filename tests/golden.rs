//! Golden files: the exact JSON a request produces. tests/wasm.rs checks the same
//! files in Node and in Chromium, so native and wasm answers agree byte for byte.
//! The amounts inside are worked out by hand in the comments below.

use alicloud_cost::decode::Value;

#[test]
fn cloud_phone_quote_golden() {
    // Item 0: ceil(5 / 4) = 2 periods = 8 h x 2 phones = 16 phone-hours x 0.0457 = 0.7312 -> 0.73 (CP-3, CP-6).
    // Item 1: 12 months x 3 phones = 36 phone-months x 56.4546 = 2032.3656 -> 2032.37 (CP-6 international).
    // Total 0.73 + 2032.37 = 2033.10.
    let request = Value::from_json_str(include_str!("golden/cloud_phone_quote.request.json")).unwrap();
    let got = serde_json::to_string(&alicloud_cost::quote(&request).unwrap()).unwrap();
    let expected = include_str!("golden/cloud_phone_quote.response.json").trim_end();
    assert!(got.contains(r#""tradePrice":"2033.10""#));
    assert_eq!(got, expected);
}
