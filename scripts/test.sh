#!/usr/bin/env bash
# Every test: native cargo tests, wasm-bindgen tests in Node and in headless
# Chromium and Firefox, the built package in Node (including 100,000 random and
# mutated requests), and the page in Chromium via Playwright.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh --browser

step() { printf '\n=== %s\n' "$*"; }

step "native: cargo test (with the rustdoc examples), cargo doc without warnings, cargo clippy (with clippy.toml's bans)"
cargo test --quiet
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet
cargo clippy --quiet -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown -p alicloud-cost-wasm -- -D warnings

step "build: wasm package"
bash scripts/build.sh
node scripts/sizes.mjs --check

export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/webdriver.json"

wasm_test=(cargo test --target wasm32-unknown-unknown -p alicloud-cost-wasm --test wasm)

step "wasm: wasm-bindgen-test in Node"
"${wasm_test[@]}"

step "wasm: wasm-bindgen-test in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 "${wasm_test[@]}"

step "wasm: wasm-bindgen-test in headless Firefox"
# The runner prefers GECKODRIVER over CHROMEDRIVER when both are set.
GECKODRIVER="$(command -v geckodriver)" WASM_BINDGEN_USE_BROWSER=1 "${wasm_test[@]}"

step "js: the package in Node (contents, README examples, a Vite build), the page in Chromium"
node --test --test-reporter=spec tests/js/
