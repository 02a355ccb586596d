// What makes the first price fast on a phone (issue 29), checked as facts rather than timed (the
// figure is a benchmark: npm run bench, scripts/bench-page.mjs): the whole module graph and the
// .wasm are preloaded from the HTML, the server compresses, and the CSP stays strict.
import { test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { base } from "./harness.mjs";

function get(path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base()), { headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("index.html preloads every module of the page and the package, and the .wasm as init() fetches it", async () => {
  const html = (await get("/")).body.toString("utf8");
  const files = JSON.parse((await get("/pkg/precache.json")).body.toString("utf8"));
  // www/plan.js (the Terraform plan tab) loads when its tab opens: precached for offline, never
  // preloaded, so it does not compete with the first price.
  const onDemand = ["plan.js"];
  const modules = files.filter((f) => f.endsWith(".js") && f !== "app.js" && !onDemand.includes(f));
  assert.ok(modules.some((f) => f.startsWith("pkg/snippets/")), "the package's snippets are listed");
  for (const f of modules) assert.ok(html.includes(`<link rel="modulepreload" href="${f}">`), `modulepreload ${f}`);
  for (const f of onDemand) {
    assert.ok(files.includes(f), `${f} is precached`);
    assert.ok(!html.includes(`href="${f}"`), `${f} is not preloaded`);
  }
  assert.ok(html.includes('<link rel="preload" href="pkg/alicloud_cost_bg.wasm" as="fetch" type="application/wasm" crossorigin>'));
  // The first estimate is in the HTML already: the price and its lines, before any script runs.
  assert.match(html, /<output id="item-total" aria-live="polite"><!-- build:first-total -->USD\s9\.91<!-- \/build:first-total -->/);
  assert.match(html, /<template data-first-estimate="zh-CN">/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>|\sstyle="|\son[a-z]+="/, "no inline script, style or handler");
});

test("the server compresses as the browser accepts, and keeps the CSP strict", async () => {
  const plain = await get("/pkg/alicloud_cost_bg.wasm", { "accept-encoding": "identity" });
  const br = await get("/pkg/alicloud_cost_bg.wasm", { "accept-encoding": "gzip, deflate, br" });
  const gz = await get("/pkg/alicloud_cost_bg.wasm", { "accept-encoding": "gzip" });
  assert.equal(plain.headers["content-encoding"], undefined);
  assert.equal(br.headers["content-encoding"], "br");
  assert.equal(gz.headers["content-encoding"], "gzip");
  assert.equal(br.headers["content-type"], "application/wasm");
  assert.ok(br.body.length < gz.body.length && gz.body.length < plain.body.length / 2, `${br.body.length} < ${gz.body.length} < ${plain.body.length} / 2`);
  assert.equal(br.headers.vary, "Accept-Encoding");
  // A return visit revalidates for nothing.
  const { etag } = (await get("/")).headers;
  assert.equal((await get("/", { "if-none-match": etag })).status, 304);
  const csp = br.headers["content-security-policy"];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
});
