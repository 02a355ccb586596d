#!/usr/bin/env bash
# Installs what the build and the tests need, and nothing that is already there.
# Idempotent: a second run only checks versions and returns in seconds.
#   scripts/ensure-tools.sh           build tools (wasm32 target, wasm-bindgen-cli, npm packages)
#   scripts/ensure-tools.sh --browser also the test browsers: Debian's chromium, chromium-driver
#                                     and firefox-esr, and geckodriver built from crates.io
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=no
[ "${1:-}" = "--browser" ] && want_browser=yes

say() { printf '[ensure-tools] %s\n' "$*"; }

# 1. The wasm32 target of the one rustup toolchain, and clippy (npm test lints with it).
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
if ! cargo clippy --version >/dev/null 2>&1; then
  say "adding rust component clippy"
  rustup component add clippy
fi

# 2. wasm-bindgen-cli at exactly the binding crate's pinned version: the CLI and the
#    library must agree byte for byte on the generated glue (wasm/Cargo.toml pins "=X").
bindgen_version=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' wasm/Cargo.toml | head -n1)
[ -n "$bindgen_version" ] || { echo "cannot read the pinned wasm-bindgen version from wasm/Cargo.toml" >&2; exit 1; }
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
have_runner=$(command -v wasm-bindgen-test-runner || true)
if [ "$have" != "$bindgen_version" ] || [ -z "$have_runner" ]; then
  say "installing wasm-bindgen-cli $bindgen_version (found '${have:-none}'); this takes a few minutes"
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

# 3. npm packages (binaryen's wasm-opt, playwright-core, ...): reinstall only when
#    package-lock.json changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi

# 4. The browser tests only: Debian's chromium, chromium-driver and firefox-esr, and
#    geckodriver (Firefox's WebDriver) from crates.io, as Debian does not package it.
if [ "$want_browser" = yes ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/firefox-esr ]; then
    say "installing chromium, chromium-driver and firefox-esr (apt)"
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver firefox-esr >/dev/null
  fi
  geckodriver_version=0.37.1
  if [ "$(geckodriver --version 2>/dev/null | awk 'NR==1 {print $2}')" != "$geckodriver_version" ]; then
    say "installing geckodriver $geckodriver_version (cargo); this takes a few minutes"
    cargo install geckodriver --version "$geckodriver_version" --force
  fi
fi
say "tools ready"
