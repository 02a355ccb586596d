//! Any bytes as the JSON input of `compare_billing_method` (see src/lib.rs for what is checked).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| alicloud_cost_fuzz::check(data, alicloud_cost::compare_billing_method));
