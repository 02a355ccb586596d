// What the npm package ships and how each runtime loads it (issue 7): the files of
// `npm pack`, the metadata a registry page shows, and CommonJS `require`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const root = new URL("../../", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root)));

test("npm pack ships only what a consumer needs", () => {
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8" }));
  const files = packed.files.map((f) => f.path).sort();
  assert.deepEqual(files, [
    "API.md", "CHANGELOG.md", "LICENSE", "README.md", "RULES.md",
    "js/cli.mjs", "js/node.js", "js/require.cjs", "js/web.js", // cli.mjs: the alicloud-cost bin (issue 19)
    "package.json",
    "pkg/alicloud_cost.d.ts", "pkg/alicloud_cost.js", "pkg/alicloud_cost_bg.wasm", "pkg/alicloud_cost_bg.wasm.d.ts",
    // The JS half of the boundary (wasm/src/boundary.js), imported by the glue.
    ...files.filter((f) => /^pkg\/snippets\/alicloud-cost-wasm-[0-9a-f]+\/src\/boundary\.js$/.test(f)),
    // The message templates in both languages (src/messages.js, issue 16), read by the module on first use.
    ...files.filter((f) => /^pkg\/snippets\/alicloud-cost-wasm-[0-9a-f]+\/src\/messages\.js$/.test(f)),
  ]);
  assert.equal(files.filter((f) => f.includes("/snippets/")).length, 2, "both snippets ship");
  // Small enough to notice a stray file: the module is about 340 KiB of the total (issue 17 added
  // 30 KiB, simulateAccount 45 KiB with its declarations, the templates in two languages 95 KiB;
  // Terraform plans 70 KiB (59 KiB of module, their texts, declarations, CLI and README); issue 32's sites
  // and connection-and-messages generation about 30 KiB with its declarations (751 KiB in all after both);
  // issue 31's account engine about 40 KiB (module, texts, declarations: 791 KiB after the three); the CLI's
  // own file messages in both languages about 6 KiB (816 KiB); the account's messages daily_rounding
  // (IOT-18) about 7 KiB (6 KiB of module, its texts, the docs).
  assert.ok(packed.unpackedSize < 850_000, `unpacked ${packed.unpackedSize} B`);
});

test("RULES.md, which README and every result's rule IDs point to, is the team's rule text", (t) => {
  const shared = new URL("../shared/RULES.md", root);
  let original;
  try {
    original = readFileSync(shared, "utf8");
  } catch {
    t.skip("no ../shared/RULES.md beside this checkout");
    return;
  }
  assert.equal(readFileSync(new URL("RULES.md", root), "utf8"), original, "copy ../shared/RULES.md into RULES.md");
});

test("package metadata: license, no made-up repository, keywords, types, sideEffects, engines", () => {
  assert.equal(pkg.license, "MIT");
  const cargo = readFileSync(new URL("Cargo.toml", root), "utf8");
  // Issue 19: no repository, homepage or bug tracker URL that does not exist. The project
  // has no public home yet; add these fields when it does.
  for (const field of ["repository", "homepage", "bugs"]) assert.equal(pkg[field], undefined, field);
  assert.doesNotMatch(cargo, /^(repository|homepage|documentation) =/m);
  assert.ok(pkg.keywords.includes("alibaba-cloud") && pkg.keywords.length >= 5);
  assert.equal(pkg.types, "./pkg/alicloud_cost.d.ts");
  assert.deepEqual(pkg.sideEffects, ["./js/node.js"]);
  assert.equal(pkg.engines.node, ">=18");
  assert.equal(cargo.match(/^version = "(.*)"$/m)[1], pkg.version, "Cargo.toml and package.json versions in step");
  assert.match(readFileSync(new URL("CHANGELOG.md", root), "utf8"), new RegExp(`^## \\[${pkg.version.replaceAll(".", "\\.")}\\]`, "m"), "CHANGELOG has the version");
});

test("CommonJS require works on this Node, or fails saying to use import", () => {
  const require = createRequire(import.meta.url);
  let loaded;
  try {
    loaded = require("alicloud-cost");
  } catch (error) {
    assert.equal(error.code, "ERR_REQUIRE_ESM");
    assert.match(error.message, /is an ES module\. Use `import/);
    return;
  }
  // ceil(5 / 4) = 2 periods = 8 h x 0.0457 x 2 phones = 0.7312 -> 0.73 (CP-3, CP-6).
  const q = loaded.quote({ items: [{ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "payAsYouGo", hours: 5, quantity: 2 }] });
  assert.equal(q.tradePrice, "0.73");
});

test("the CommonJS message, when require(esm) is unavailable", () => {
  const out = execFileSync(process.execPath, ["--no-experimental-require-module", "-e", `
    try { require("alicloud-cost"); console.log("loaded"); }
    catch (e) { console.log(e.code + " " + e.message); }`], { cwd: root, encoding: "utf8" });
  assert.match(out, /^ERR_REQUIRE_ESM alicloud-cost is an ES module\. Use `import \{ quote \} from "alicloud-cost"`/);
});
