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
  // The credit is used up at Dec 5 00:00 (the 96th hourly deduction takes its last 0.05); the next
  // deduction, at 01:00, is the first it cannot pay: overdue then (CP-13, CP-4), so the last safe
  // moment is 00:59:59.
  assert.equal(await shown(page, "#lc-runway"), "Your balance of USD 4.80 lasts until 5 Dec 2026, 00:00 (UTC+8) (4 days).");
  assert.equal(await shown(page, "#lc-last-safe"), "Last safe moment to pay or renew: 5 Dec 2026, 00:59:59 (UTC+8).");
  assert.deepEqual(await page.locator("#lc-timeline > li .badge").allTextContents(), ["running", "overdue", "released"]);
  // The overdue entry's heading gives its moment; its sentences name the others for a person, the
  // way the heading does (the engine writes "5 Dec 2026, 00:00 (UTC+8)", the page too), never a raw instant.
  const overdue = page.locator("#lc-timeline > li").nth(1);
  assert.equal(norm(await overdue.locator("time").textContent()), "5 Dec 2026, 01:00 (UTC+8)");
  const effects = norm(await overdue.locator(".effects").textContent());
  assert.match(effects, /^the credit ran out at 5 Dec 2026, 00:00 \(UTC\+8\) after 4 days at USD 0\.05 per hour/);
  assert.match(effects, /before 20 Dec 2026, 01:00 \(UTC\+8\)/);
  assert.doesNotMatch(await shown(page, "#lc-timeline"), /\d{4}-\d{2}-\d{2}T/);
  await field("Account balance, USD").fill("9.60");
  assert.match(await shown(page, "#lc-runway"), /9 Dec 2026.*\(8 days\)/);
  // 1.25 / 0.05 = 25 h from Dec 1 00:00: Dec 2, 1:00 AM, one day and one hour, in the singular.
  await field("Account balance, USD").fill("1.25");
  assert.equal(await shown(page, "#lc-runway"), "Your balance of USD 1.25 lasts until 2 Dec 2026, 01:00 (UTC+8) (1 day 1 hour).");
  assert.deepEqual(problems, []);
  await close();
});

test("if I stop paying, for the cart: 10 phones for 200 h and a 12-month ECS subscription on USD 500", async () => {
  const { page, problems, close } = await visit({ viewport: WIDTHS.phone });
  const phone = fieldsOf(page, "#panel-cloudPhone");
  await page.getByLabel("Specification").first().selectOption({ label: "acp.std.large · 4 vCPU / 8 GiB / 32 GiB" });
  await phone("Pay-as-you-go (per hour)").check();
  await phone("Number of phones").fill("10");
  await phone("Lifetime in hours").fill("200");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await addEcsSubscriptionAndOpenTheAccount(page);
  const field = fieldsOf(page, "#panel-lifecycle");
  await field("Account balance, USD").fill("500");
  const items = page.locator("#lc-items .account-item");
  assert.equal(await items.count(), 2);
  // Worked out by hand. The subscription is bought at the start from the balance (the page sends
  // subscriptions: "buyAtStart"): 12 months x 45.50 = 546.00, more than the 500.00 there is, so it
  // is not bought and never runs; the page says so first.
  assert.equal(await shown(page, "#lc-summary > :first-child"), "Your balance of USD 500.00 cannot buy 2. ECS instance x 1, subscription for 12 months (USD 546.00): it is not bought and never runs. Top up, or tick “My subscriptions are already bought”.");
  assert.equal(await items.nth(1).locator(".item-prepaid").getAttribute("data-amount"), "546.00");
  assert.equal(norm(await items.nth(1).locator(".item-prepaid").textContent()), "not bought: USD 546.00 is more than the balance");
  assert.equal(norm(await items.nth(1).locator(".badge").textContent()), "not bought");
  // The phones are released as planned, not interrupted; the refused ECS never ran: "nothing else".
  assert.equal(await shown(page, "#lc-last-safe"), "Nothing else is interrupted in the simulated period.");
  // The phones: acp.std.large in the Chinese mainland at 0.0808 an hour x 10 = 0.808 an hour, deducted
  // on the hour (CP-13); 200 h is 50 whole 4-hour periods (CP-3), released after them: 200 x 0.808 =
  // 161.60 billed, which the 500.00 pays (338.40 left). Nothing is bought, so no prepaid note.
  assert.equal(await items.nth(0).locator(".item-billed").getAttribute("data-amount"), "161.60");
  assert.ok(await page.locator("#lc-prepaid").isHidden());
  // Everything paid when due until Mar 1, 2027 (the form's default): 546.00 at the start + 161.60 =
  // 707.60, less the 500.00: top up 207.60.
  assert.equal(await shown(page, "#lc-keep-running"), "To keep everything running until 1 Mar 2027, 00:00 (UTC+8), top up USD 207.60 now.");
  // Each item's own timeline entries name that item.
  assert.ok((await page.locator("#lc-timeline .who").allTextContents()).some((t) => /^2\. ECS instance x 1, subscription for 12 months$/.test(norm(t))));
  await page.locator("#panel-lifecycle").screenshot({ path: `${ARTIFACTS}account-375.png` });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "nothing wider than the screen");

  // "My subscriptions are already bought": the 546.00 was paid before; the balance pays the phones.
  await field("My subscriptions are already bought").check();
  assert.equal(await page.locator("#lc-cannot-buy").count(), 0);
  assert.equal(norm(await items.nth(1).locator(".item-prepaid").textContent()), "prepaid USD 546.00");
  assert.equal(await shown(page, "#lc-prepaid"), "Subscriptions in the cart cost USD 546.00 upfront. Here they count as already bought: the balance pays only for the pay-as-you-go items.");
  // 161.60 <= 500.00: nothing to top up.
  assert.match(await shown(page, "#lc-keep-running"), /^Your balance keeps everything running until 1 Mar 2027/);

  // In Chinese, the same.
  await field("My subscriptions are already bought").uncheck();
  await page.getByLabel("Language").selectOption({ label: "简体中文" });
  assert.equal(await shown(page, "#lc-last-safe"), "模拟期内其他资源的服务不会中断。");
  assert.equal(await shown(page, "#lc-cannot-buy"), "您的余额 USD 500.00 不足以购买 2. 1 个 ECS 实例，包年包月 12 个月（USD 546.00）：该资源不会购买，也不会运行。请充值，或勾选“我的包年包月资源已购买”。");
  assert.equal(norm(await items.nth(1).locator(".item-prepaid").textContent()), "未购买：USD 546.00 超出余额");
  await page.locator("#panel-lifecycle").screenshot({ path: `${ARTIFACTS}account-375-zh.png` });
  assert.deepEqual(problems, []);
  await close();
});

test("if I stop paying, for the cart: a balance that buys nothing says so, not that nothing is interrupted", async () => {
  const { page, problems, close } = await visit();
  await addEcsSubscriptionAndOpenTheAccount(page);
  await fieldsOf(page, "#panel-lifecycle")("Account balance, USD").fill("300");
  // 12 x 45.50 = 546.00 > 300.00: refused, and it is the only item.
  assert.equal(await shown(page, "#lc-last-safe"), "Nothing in the cart runs: the balance buys none of it.");
  // Bought at the start and kept to Mar 1, 2027: 546.00 - 300.00 = 246.00 to top up.
  assert.equal(await shown(page, "#lc-keep-running"), "To keep everything running until 1 Mar 2027, 00:00 (UTC+8), top up USD 246.00 now.");
  assert.deepEqual(problems, []);
  await close();
});

test("if I stop paying, for a discounted cart: said to be at list prices, in both languages", async () => {
  // simulateAccount takes no discount: the account view bills the cart at list prices and says so
  // beside the cart's discount, rather than leaving the customer to compare two different amounts.
  const { page, problems, close } = await visit();
  await page.click("#add-to-cart");
  await page.locator("#cart-discount").fill("10");
  await page.getByRole("button", { name: "If I stop paying…" }).click();
  await page.waitForSelector("#lc-list-prices");
  assert.equal(await shown(page, "#lc-list-prices"), "At list prices: the cart's 10% discount is not applied here, so your bills will be lower and your balance may last longer.");
  await page.locator("#lang").selectOption("zh-CN");
  assert.equal(await shown(page, "#lc-list-prices"), "按目录价计算：此处未计入清单的 10% 折扣，您的实际扣费会更少，余额可能用得更久。");
  // No discount, no such note.
  await page.locator("#cart-discount").fill("");
  await page.waitForSelector("#lc-list-prices", { state: "detached" });
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
  assert.match(await shown(page, "#lc-runway"), /1 Dec 2026, 10:00 \(UTC\+8\) \(10 hours\)/);
  // 240 h to Dec 11 at USD 1 = 240.00, less the 10 = 230.00 at the start.
  assert.equal(await shown(page, "#lc-keep-running"), "To keep everything running until 11 Dec 2026, 00:00 (UTC+8), top up USD 230.00 now.");
  assert.ok(await page.locator("#lc-prepaid").isHidden(), "no subscription, no prepaid note");
  assert.deepEqual(problems, []);
  await close();
});

test("if I stop paying, for the cart: doc 73701's fleet billed by connection minutes and messages, day by day", async () => {
  const { page, problems, close } = await visit({ viewport: WIDTHS.phone });
  // doc 73701's fleet on the IoT tab (the newer billing, the default): 10,000 devices online 8 h a
  // day, one 512-byte message a minute. A day: 4,800,000 messages and 4,800,000 connection minutes.
  await page.getByRole("tab", { name: "IoT Platform" }).click();
  const iot = fieldsOf(page, "#panel-iot");
  await iot("Billing month").fill("2026-11");
  await iot("Devices (each communicates every day)").fill("10000");
  await iot("Hours online a day").fill("8");
  await iot("Message size, bytes").fill("512");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.getByRole("button", { name: "If I stop paying…" }).click();
  const field = fieldsOf(page, "#panel-lifecycle");
  await field("Start date").fill("2026-11-01");
  await field("Account balance, USD").fill("80");
  await field("Keep everything running until").fill("2026-12-01");
  // Worked out by hand (IOT-26, IOT-27, IOT-29; no activation date, so no free quota): minutes 4.8 x
  // 0.3 = 1.44 a day; messages 4.8 x 0.5 = 2.40 on days 1..20 (96,000,000 in the month), 2.32 on
  // day 21, which crosses 100,000,000 (4,000,000 x 0.5 + 800,000 x 0.4), 1.92 after. USD 80 pays
  // 20 days of 3.84 (76.80); day 21's 3.76 is the first bill it cannot pay: overdue when the day
  // ends, Nov 22 00:00; stopped 24 hours later (IOT-8), after Nov 22's 3.36: billed 83.92.
  const items = page.locator("#lc-items .account-item");
  assert.equal(await items.count(), 1, "the item is in the account, not left out");
  assert.match(norm(await items.nth(0).locator("h3").textContent()), /^1\. IoT Platform legacy public instance billed by connection minutes and messages: the same usage every day, 4,800,000 billable messages and 4,800,000 connection minutes; USD 3\.84 for a day at the start of a month, free quota aside$/);
  assert.equal(await items.nth(0).locator(".item-billed").getAttribute("data-amount"), "83.92");
  assert.match(await shown(page, "#lc-first-stop"), /^First to stop: item 1, .*: stopped, on 23 Nov 2026, 00:00 \(UTC\+8\)\.$/);
  assert.equal(await shown(page, "#lc-last-safe"), "Last safe moment to pay or renew: 22 Nov 2026, 23:59:59 (UTC+8).");
  // The month with every bill paid: 20 x 3.84 + 3.76 + 9 x 3.36 = 110.80 (doc 73701's 67.6 + 43.2),
  // less the 80: top up 30.80.
  assert.equal(await shown(page, "#lc-keep-running"), "To keep everything running until 1 Dec 2026, 00:00 (UTC+8), top up USD 30.80 now.");
  assert.match(await shown(page, "#lc-summary"), /Billed per day \(IOT-29\)/);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "nothing wider than the screen");
  await page.locator("#panel-lifecycle").screenshot({ path: `${ARTIFACTS}account-connection-375.png` });
  // In Chinese, the same account.
  await page.getByLabel("Language").selectOption({ label: "简体中文" });
  assert.match(norm(await items.nth(0).locator("h3").textContent()), /^1\. 物联网平台旧版公共实例，按连接时长和消息通信计费：每天用量相同，4,800,000 条计费消息、4,800,000 分钟连接时长；不计免费额度时，月初一天为 USD 3\.84$/);
  assert.match(await shown(page, "#lc-summary"), /按天结算（IOT-29）/);
  await page.locator("#panel-lifecycle").screenshot({ path: `${ARTIFACTS}account-connection-375-zh.png` });
  assert.deepEqual(problems, []);
  await close();
});

/** Adds a 12-month ECS subscription at USD 45.50 a month to the cart, then opens the cart's "If I stop paying". */
async function addEcsSubscriptionAndOpenTheAccount(page) {
  await page.getByRole("tab", { name: "ECS" }).click();
  const ecs = fieldsOf(page, "#panel-ecs");
  await ecs("Months").fill("12");
  await ecs("Instance, USD per month").fill("45.50");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.getByRole("button", { name: "If I stop paying…" }).click();
}
