//! Any bytes as the JSON input of `quote` (see src/lib.rs for what is checked).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| alicloud_cost_fuzz::check(data, alicloud_cost::quote));
