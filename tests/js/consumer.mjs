// What the bundler tests (vite.test.mjs, webpack.test.mjs) share: the tiny consumer page an
// application would write, and its built copy opened in Chromium under the page's strict CSP.
import assert from "node:assert/strict";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../../scripts/chromium.mjs";
import { startServer } from "../../scripts/serve.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** A consumer app in target/<name>/ that depends on this package and prices one cart in main.js. */
export function writeConsumer(name) {
  const app = `${root}target/${name}/`;
  rmSync(app, { recursive: true, force: true });
  mkdirSync(`${app}node_modules`, { recursive: true });
  symlinkSync(root, `${app}node_modules/alicloud-cost`, "dir"); // as `npm install` of a local package would
  writeFileSync(`${app}package.json`, JSON.stringify({ name: "consumer", private: true, type: "module" }));
  writeFileSync(`${app}main.js`, `
    import init, { quote } from "alicloud-cost";
    await init();
    const q = quote({ items: [{ product: "cloudPhone", spec: "acp.std.large", region: "international",
                                billing: "subscription", months: 6, quantity: 3 }] });
    document.getElementById("total").textContent = q.tradePrice;`);
  return app;
}

/** The page that loads the built `script` (a module). */
export const consumerPage = (script) => `<!doctype html><title>consumer</title><output id="total"></output><script type="module" src="${script}"></script>`;

/** Serves the built `dist` as www/ is served (its CSP) and checks the page's total in Chromium. */
export async function assertPricesInBrowser(dist) {
  const { server, port } = await startServer({ port: 0, root: dist });
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
}
