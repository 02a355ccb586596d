// A webpack 5 consumer (README: "Bundlers (Vite, webpack 5) resolve the package's default export
// condition ... and copy the .wasm for you"): the same tiny page as vite.test.mjs, built with
// webpack's own API as an application's build would, then run in Chromium under a strict CSP.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import webpack from "webpack";
import { launchChromium } from "../../scripts/chromium.mjs";
import { startServer } from "../../scripts/serve.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const app = `${root}target/webpack-consumer/`;

test("a webpack 5 build of a consumer bundles the module and prices in the browser", async () => {
  rmSync(app, { recursive: true, force: true });
  mkdirSync(`${app}node_modules`, { recursive: true });
  mkdirSync(`${app}dist`, { recursive: true });
  symlinkSync(root, `${app}node_modules/alicloud-cost`, "dir"); // as `npm install` of a local package would
  writeFileSync(`${app}package.json`, JSON.stringify({ name: "consumer", private: true, type: "module" }));
  writeFileSync(`${app}dist/index.html`, `<!doctype html><title>consumer</title><output id="total"></output><script type="module" src="./main.js"></script>`);
  writeFileSync(`${app}main.js`, `
    import init, { quote } from "alicloud-cost";
    await init();
    const q = quote({ items: [{ product: "cloudPhone", spec: "acp.std.large", region: "international",
                                billing: "subscription", months: 6, quantity: 3 }] });
    document.getElementById("total").textContent = q.tradePrice;`);

  const stats = await new Promise((resolve, reject) =>
    webpack(
      {
        mode: "production",
        context: app,
        entry: "./main.js",
        output: { path: `${app}dist`, filename: "main.js", module: true, publicPath: "auto" },
        experiments: { outputModule: true },
        resolve: { symlinks: false },
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
  assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
  const files = readdirSync(`${app}dist`);
  assert.ok(files.some((f) => f.endsWith(".wasm")), `the .wasm is emitted as an asset: ${files}`);

  const { server, port } = await startServer({ port: 0, root: `${app}dist/` });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`http://127.0.0.1:${port}/`);
    // CP-6: acp.std.large international 33.0697/month x 6 months x 3 phones = 595.2546 -> 595.25.
    await page.waitForFunction(() => document.getElementById("total").textContent !== "");
    assert.equal(await page.textContent("#total"), "595.25");
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    server.close();
  }
});
