// Reports the gzipped size of the .wasm and of everything the page transfers
// (www/ as served: the HTML, CSS, JS and the module). With --check, exits 1 when
// either is over its budget in size-budget.json (run by `npm test`).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const root = new URL("..", import.meta.url).pathname;
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

const wasm = join(root, "pkg/alicloud_cost_bg.wasm");
const page = walk(join(root, "www")).filter((f) => !f.endsWith(".map"));
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const pageTotal = page.reduce((sum, f) => sum + gz(f), 0);
const report = {
  wasmBytes: statSync(wasm).size,
  wasmGzipBytes: gz(wasm),
  pageFiles: page.map((f) => ({ file: relative(root, f), gzipBytes: gz(f) })),
  pageGzipBytes: pageTotal,
};
const checking = process.argv.includes("--check");
if (!checking) {
  console.log(`[sizes] wasm ${kb(report.wasmBytes)} raw, ${kb(report.wasmGzipBytes)} gzipped; page total ${kb(pageTotal)} gzipped (${page.length} files)`);
}
if (process.argv.includes("--json")) console.log(JSON.stringify(report, null, 2));

if (checking) {
  const budget = JSON.parse(readFileSync(join(root, "size-budget.json"), "utf8"));
  const over = [
    ["wasm", report.wasmGzipBytes, budget.wasmGzipBytes],
    ["page", report.pageGzipBytes, budget.pageGzipBytes],
  ].filter(([, size, limit]) => size > limit);
  for (const [what, size, limit] of over) {
    console.error(`[sizes] ${what} is ${size} bytes gzipped, over its budget of ${limit} (size-budget.json)`);
  }
  if (over.length > 0) process.exit(1);
  console.log(`[sizes] within budget: wasm ${report.wasmGzipBytes} <= ${budget.wasmGzipBytes}, page ${report.pageGzipBytes} <= ${budget.pageGzipBytes}`);
}
