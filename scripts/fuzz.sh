#!/usr/bin/env bash
# Fuzzes the native core's JSON entry points with cargo-fuzz (libFuzzer), a bounded time
# each (default 60 s; `npm run fuzz -- 600` for ten minutes). The corpus in
# fuzz/corpus/<target>/ is kept in the repository: it starts from the determinism corpus
# (tests/golden/corpus.requests.jsonl) and grows with what the fuzzer finds; it is
# minimized before it is written back. A crash leaves its input in fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
# cargo-fuzz needs nightly flags (-Zsanitizer): use a nightly toolchain when there is one,
# else let the stable compiler accept them.
toolchain=()
if rustup toolchain list | grep -q '^nightly'; then toolchain=(+nightly); else export RUSTC_BOOTSTRAP=1; fi

targets=(quote simulate_lifecycle compare_billing_method)
declare -A function_of=([quote]=quote [simulate_lifecycle]=simulateLifecycle [compare_billing_method]=compareBillingMethod)

for target in "${targets[@]}"; do
  corpus="fuzz/corpus/$target"
  if [ ! -d "$corpus" ]; then
    mkdir -p "$corpus"
    node -e '
      const [file, fn, dir] = process.argv.slice(1);
      const fs = require("fs");
      fs.readFileSync(file, "utf8").trimEnd().split("\n").map(JSON.parse)
        .filter((c) => c.fn === fn)
        .forEach((c, i) => fs.writeFileSync(`${dir}/seed-${String(i).padStart(3, "0")}.json`, JSON.stringify(c.request)));
    ' tests/golden/corpus.requests.jsonl "${function_of[$target]}" "$corpus"
  fi
  printf '\n=== fuzz %s for %s s (corpus %s files)\n' "$target" "$seconds" "$(ls "$corpus" | wc -l)"
  cargo "${toolchain[@]}" fuzz run "$target" "$corpus" -- -max_total_time="$seconds" -dict="$PWD/fuzz/json.dict" -max_len=65536 -timeout=10 -print_final_stats=1
  cargo "${toolchain[@]}" fuzz cmin "$target" "$corpus" >/dev/null 2>&1 || true
done
