// The pricing page in a real browser: Debian's Chromium driven by playwright-core.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

const ARTIFACTS = new URL("../../test-results/", import.meta.url).pathname;
let server, browser, base;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const started = await startServer({ port: 0 });
  server = started.server;
  base = `http://127.0.0.1:${started.port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function openPage(viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  await page.goto(base);
  await page.waitForSelector("html[data-ready=true]");
  return { page, problems };
}

test("pay-as-you-go: 2 x acp.basic.small, mainland, 5 hours = $0.73", async () => {
  const { page, problems } = await openPage();
  await page.getByLabel("Specification").selectOption("acp.basic.small");
  await page.getByLabel("Region").selectOption("mainland");
  await page.getByLabel("Pay-as-you-go (per hour)").check();
  await page.getByLabel("Number of phones").fill("2");
  await page.getByLabel(/Lifetime in hours/).fill("5");
  // ceil(5 / 4) = 2 periods = 8 h; 8 h x 0.0457 x 2 phones = 0.7312 -> $0.73 (CP-3, CP-6).
  assert.equal(await page.locator("#total").textContent(), "$0.73");
  const row = await page.locator("#lines tbody tr").first().textContent();
  assert.match(row, /CP-3/);
  assert.match(await page.locator("#warnings").textContent(), /does not stop billing/);
  await page.screenshot({ path: `${ARTIFACTS}page-1280.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test("subscription: 3 x acp.std.large, international, 6 months = $595.25", async () => {
  const { page } = await openPage({ width: 375, height: 800 });
  await page.getByLabel("Specification").selectOption("acp.std.large");
  await page.getByLabel("Region").selectOption("international");
  await page.getByLabel("Subscription (per month)").check();
  await page.getByLabel("Number of phones").fill("3");
  await page.getByLabel("Months").fill("6");
  // 33.0697 USD/month x 6 months x 3 phones = 595.2546 -> $595.25 (CP-6).
  assert.equal(await page.locator("#total").textContent(), "$595.25");
  await page.screenshot({ path: `${ARTIFACTS}page-375.png`, fullPage: true });
  await page.close();
});

test("bad input shows the module's message beside the field, and the page recovers", async () => {
  const { page, problems } = await openPage();
  await page.getByLabel("Pay-as-you-go (per hour)").check();
  const hours = page.getByLabel(/Lifetime in hours/);
  for (const bad of ["0", "-3", "abc", "1e9"]) {
    await hours.fill(bad);
    assert.notEqual(await page.locator("#hours-error").textContent(), "", `no message for ${bad}`);
    assert.equal(await hours.getAttribute("aria-invalid"), "true");
    assert.equal(await page.locator("#total").textContent(), "–");
  }
  await page.getByLabel("Number of phones").fill("1.5");
  assert.match(await page.locator("#quantity-error").textContent(), /whole number/);
  await page.getByLabel("Number of phones").fill("1");
  await hours.fill("4");
  // One 4-hour period of acp.basic.small (the first spec) in the mainland: 4 x 0.0457 = 0.1828 -> $0.18.
  assert.equal(await page.locator("#total").textContent(), "$0.18");
  assert.equal(await page.locator("#hours-error").textContent(), "");
  assert.deepEqual(problems, []);
  await page.close();
});
