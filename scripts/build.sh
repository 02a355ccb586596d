#!/usr/bin/env bash
# Builds the wasm package from the binding crate (wasm/, `alicloud-cost-wasm`, over the
# core): cargo (release, size-tuned) -> wasm-bindgen (web target,
# which Node, bundlers and browsers all load: js/node.js instantiates it from the file
# system) -> wasm-opt from npm's binaryen: -Oz, after merging functions that differ only
# in constants (instances of one generic function: Node::one_of per enum, Vec::push per
# type, ...; -0.3 KB gzipped, no measurable slowdown). Copies the module into www/pkg/
# for the page, and reports the gzipped sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh

# The package's file names (pkg/alicloud_cost.js, _bg.wasm, .d.ts), whatever the crate's name.
crate=alicloud_cost
# Panic locations name source files: strip the build machine's registry and checkout
# paths from them, so the module is the same on every machine and a little smaller.
remap="--remap-path-prefix=$PWD="
for registry in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  [ -d "$registry" ] && remap="$remap --remap-path-prefix=${registry%/}="
done
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$remap" cargo build --lib --release --target wasm32-unknown-unknown -p alicloud-cost-wasm
rm -rf pkg
wasm-bindgen target/wasm32-unknown-unknown/release/alicloud_cost_wasm.wasm --out-dir pkg --out-name "$crate" --target web
node_modules/.bin/wasm-opt --merge-similar-functions -Oz --strip-debug --strip-producers "pkg/${crate}_bg.wasm" -o "pkg/${crate}_bg.wasm"

# The page ships its own copy of the module: www/ is deployable as it is.
rm -rf www/pkg && mkdir -p www/pkg
cp "pkg/$crate.js" "pkg/${crate}_bg.wasm" www/pkg/
# The snippets the glue imports: the JS half of the boundary (wasm/src/boundary.js) and
# the message templates (src/messages.js).
cp -r pkg/snippets www/pkg/
node scripts/build-page.mjs

node scripts/sizes.mjs
