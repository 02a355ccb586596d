// Offline after one visit: the service worker has cached every file (pkg/precache.json, the
// package's snippets included); go offline, reload, and the engine still prices.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WIDTHS, fieldsOf, linkFor, shown, visit } from "./harness.mjs";

test("offline after one visit: reload, a shared link, and new prices, all without a network", async () => {
  const { page, problems, context, close } = await visit({ viewport: WIDTHS.phone });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    // Installed: every file of pkg/precache.json is in the cache.
    const files = await (await fetch("pkg/precache.json")).json();
    const cache = await caches.open((await caches.keys())[0]);
    const missing = [];
    for (const f of files) if (!(await cache.match(f))) missing.push(f);
    if (missing.length) throw new Error(`not cached: ${missing.join(", ")}`);
  });
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector("html[data-ready=true]");
  // 1 x acp.basic.small, mainland, 1 month: 9.9057 -> USD 9.91 (CP-6).
  assert.equal(await shown(page, "#item-total"), "USD 9.91");
  await fieldsOf(page, "#panel-cloudPhone")("Months").fill("2");
  // 2 x 9.9057 = 19.8114 -> USD 19.81.
  assert.equal(await shown(page, "#item-total"), "USD 19.81");
  await page.goto(linkFor({ fields: { "cp-months": "3" } }));
  await page.waitForSelector("html[data-ready=true]");
  // 3 x 9.9057 = 29.7171 -> USD 29.72.
  assert.equal(await shown(page, "#item-total"), "USD 29.72");
  await context.setOffline(false);
  assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)), []);
  await close();
});
