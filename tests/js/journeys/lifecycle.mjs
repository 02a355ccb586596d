// "If I stop paying": for one item (a balance, a spend rate) and for the whole cart on one balance.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ARTIFACTS, WIDTHS, fieldsOf, norm, shown, visit } from "./harness.mjs";

test("if I stop paying, one pay-as-you-go phone group: the runway, the last safe moment, a readable timeline", async () => {
  const { page, problems, close } = await visit();
  await page.getByRole("tab", { name: "If I stop paying" }).click();
  const field = fieldsOf(page, "#panel-lifecycle");
  await field("Account balance, USD").fill("4.80");
  await field("Pay-as-you-go spend, USD per hour").fill("0.05");
  // 4.80 / 0.05 = 96 h from Dec 1 00:00 UTC+8: overdue on Dec 5 at 00:00 (CP-4); the last safe moment is a
  // second before; released and data deleted on the 16th day, Dec 20 (CP-9).
  assert.equal(await shown(page, "#lc-runway"), "Your balance of USD 4.80 lasts until Dec 5, 2026, 12:00 AM (UTC+8) (4 days).");
  assert.equal(await shown(page, "#lc-last-safe"), "Last safe moment to pay or renew: Dec 4, 2026, 11:59 PM (UTC+8).");
  assert.deepEqual(await page.locator("#lc-timeline > li .badge").allTextContents(), ["running", "overdue", "released"]);
  // The overdue entry's heading gives its moment; its sentences do not repeat it, nor show raw instants.
  const overdue = page.locator("#lc-timeline > li").nth(1);
  assert.equal(norm(await overdue.locator("time").textContent()), "Dec 5, 2026, 12:00 AM (UTC+8)");
  const effects = norm(await overdue.locator(".effects").textContent());
  assert.match(effects, /^the credit ran out after 4 days at USD 0\.05 per hour/);
  assert.match(effects, /before Dec 20, 2026, 12:00 AM \(UTC\+8\)/);
  assert.doesNotMatch(await shown(page, "#lc-timeline"), /\d{4}-\d{2}-\d{2}T/);
  await field("Account balance, USD").fill("9.60");
  assert.match(await shown(page, "#lc-runway"), /Dec 9, 2026.*\(8 days\)/);
  assert.deepEqual(problems, []);
  await close();
});

test("if I stop paying, for the cart: 10 phones for 200 h and a 12-month ECS subscription on USD 500", async () => {
  const { page, problems, close } = await visit({ viewport: WIDTHS.phone });
  const phone = fieldsOf(page, "#panel-cloudPhone");
  await phone("Pay-as-you-go (per hour)").check();
  await phone("Number of phones").fill("10");
  await phone("Lifetime in hours").fill("200");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.getByRole("tab", { name: "ECS" }).click();
  const ecs = fieldsOf(page, "#panel-ecs");
  await ecs("Months").fill("12");
  await ecs("Instance, USD per month").fill("45.50");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.getByRole("button", { name: "If I stop paying…" }).click();
  const field = fieldsOf(page, "#panel-lifecycle");
  await field("Account balance, USD").fill("500");
  const items = page.locator("#lc-items .account-item");
  assert.equal(await items.count(), 2);
  // The phones: 200 h = 50 periods of 4 h x 0.0457 x 10 phones = 91.40, billed from the balance (CP-3, CP-6).
  assert.equal(await items.nth(0).locator(".item-billed").getAttribute("data-amount"), "91.40");
  // The ECS subscription is prepaid: 12 months x 45.50 = 546.00, shown with the item and in a note.
  assert.equal(await items.nth(1).locator(".item-prepaid").getAttribute("data-amount"), "546.00");
  assert.equal(await shown(page, "#lc-prepaid"), "Subscriptions in the cart cost USD 546.00 upfront. Here they count as already bought: the balance pays only for the pay-as-you-go items.");
  // Left out until the engine has issue 31's subscriptions: "buyAtStart" (the page then sends it, and
  // offers "My subscriptions are already bought" for "alreadyPaid"): that USD 500 cannot buy the
  // 546.00 subscription, so the purchase is refused and the answer says so first.
  // Each item's own timeline entries name that item.
  assert.ok((await page.locator("#lc-timeline .who").allTextContents()).some((t) => /^2\. ECS instance x 1, subscription for 12 months$/.test(norm(t))));
  await page.locator("#panel-lifecycle").screenshot({ path: `${ARTIFACTS}account-375.png` });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "nothing wider than the screen");
  assert.deepEqual(problems, []);
  await close();
});

test("if I stop paying, for the cart: the top-up that keeps ECS pay-as-you-go running", async () => {
  const { page, problems, close } = await visit();
  await page.getByRole("tab", { name: "ECS" }).click();
  const ecs = fieldsOf(page, "#panel-ecs");
  await ecs("Pay-as-you-go (per hour)").check();
  await ecs("Hours").fill("1000");
  await ecs("Instance, USD per hour").fill("1");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.getByRole("button", { name: "If I stop paying…" }).click();
  const field = fieldsOf(page, "#panel-lifecycle");
  await field("Account balance, USD").fill("10");
  await field("Keep everything running until").fill("2026-12-11");
  // USD 10 at 1 an hour is used up at 10:00 on Dec 1 (UTC+8) (ECS-13).
  assert.match(await shown(page, "#lc-runway"), /Dec 1, 2026, 10:00 AM \(UTC\+8\) \(10 hours\)/);
  // 240 h to Dec 11 at USD 1 = 240.00, less the 10 = 230.00 at the start.
  assert.equal(await shown(page, "#lc-keep-running"), "To keep everything running until Dec 11, 2026, 12:00 AM (UTC+8), top up USD 230.00 now.");
  assert.ok(await page.locator("#lc-prepaid").isHidden(), "no subscription, no prepaid note");
  assert.deepEqual(problems, []);
  await close();
});
