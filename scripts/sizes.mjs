// Reports the gzipped size of the .wasm and of everything the page transfers
// (www/ as served: the HTML, CSS, JS and the module).
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
console.log(`[sizes] wasm ${kb(report.wasmBytes)} raw, ${kb(report.wasmGzipBytes)} gzipped; page total ${kb(pageTotal)} gzipped (${page.length} files)`);
if (process.argv.includes("--json")) console.log(JSON.stringify(report, null, 2));
