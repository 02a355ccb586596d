// Compare both billing methods for each product (Cloud Phone, ECS, IoT), as the customer reads the
// answer: the cheaper option, the savings, the break-even, the chart, what may be chosen now.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ARTIFACTS, WIDTHS, fieldsOf, norm, shown, visit } from "./harness.mjs";

for (const [name, viewport] of Object.entries(WIDTHS)) {
  test(`compare Cloud Phone at ${viewport.width} px: 12 months at 200 hours a month`, async () => {
    const { page, problems, close } = await visit({ viewport });
    await page.getByRole("tab", { name: "Compare billing" }).click();
    const field = fieldsOf(page, "#panel-compare");
    await field("Months").fill("12");
    await field("Hours a month").fill("200");
    // Subscription: one 12-month order of acp.basic.small in the mainland, 12 x 9.9057 = 118.8684 -> 118.87.
    // Pay-as-you-go: 200 h = 50 whole 4-hour periods x 0.0457 = 9.14 a month x 12 = 109.68 (CP-3, CP-6).
    // Saving 118.87 - 109.68 = 9.19, 9.19 / 118.87 = 7.73 %.
    assert.equal(await shown(page, "#cmp-headline"), "Cheaper: Pay-as-you-go (per hour), saving USD 9.19 (7.73%) over 12 months.");
    // Break-even 9.9057 / 0.0457 = 216.75 h; in whole periods 54 x 4 = 216 h cost 9.8712 -> 9.87 and
    // 55 x 4 = 220 h cost 10.054 -> 10.05.
    assert.equal(
      await shown(page, "#cmp-break-even"),
      "Pay-as-you-go is cheaper up to 216 hours a month (USD 9.87 a phone); from 220 hours (USD 10.05) the subscription is cheaper. Break-even: 216.75 hours. CP-3CP-6",
    );
    // Not bought yet: what may be chosen now, said once, never "not allowed" (CP-7).
    assert.match(await shown(page, "#cmp-switching"), /^Not bought yet: either billing method can be chosen now\. Choosing pay-as-you-go keeps the option/);
    await field("Billing method today").selectOption({ label: "Subscription (per month)" });
    assert.match(await shown(page, "#cmp-switching"), /^Switching: not allowed\./);
    // The chart: both curves, one dot a month, its labels at least 12 px tall on the screen.
    assert.equal(await page.locator("#cmp-chart svg polyline").count(), 2);
    assert.equal(await page.locator("#cmp-chart svg .dot-subscription").count(), 12);
    const smallest = await page.locator("#cmp-chart svg text").evaluateAll((texts) => Math.min(...texts.map((t) => t.getBoundingClientRect().height)));
    assert.ok(smallest >= 12, `chart labels ${smallest.toFixed(1)} px tall`);
    await page.locator("#panel-compare").screenshot({ path: `${ARTIFACTS}compare-${viewport.width}.png` });
    assert.deepEqual(problems, []);
    await close();
  });
}

test("compare ECS at your prices: 50 a month against 0.10 an hour", async () => {
  const { page, problems, close } = await visit();
  await page.getByRole("tab", { name: "Compare billing" }).click();
  const field = fieldsOf(page, "#panel-compare");
  await field("Product").selectOption({ label: "ECS" });
  await field("Instance, USD per month").fill("50");
  await field("Instance, USD per hour").fill("0.10");
  await field("Months").fill("12");
  await field("Hours a month").fill("200");
  // Subscription 12 x 50 = 600.00; pay-as-you-go 200 h x 0.10 = 20.00 a month x 12 = 240.00 (ECS-9):
  // saving 360.00, 360 / 600 = 60 %. Break-even 50 / 0.10 = 500 hours a month.
  assert.equal(await shown(page, "#cmp-headline"), "Cheaper: Pay-as-you-go (per hour), saving USD 360.00 (60%) over 12 months.");
  assert.match(await shown(page, "#cmp-break-even"), /^Pay-as-you-go is cheaper below 500 hours a month\./);
  assert.deepEqual(problems, []);
  await close();
});

test("compare IoT: Enterprise Edition at your price against a legacy public instance, for one fleet", async () => {
  const { page, problems, close } = await visit({ viewport: WIDTHS.phone });
  await page.getByRole("tab", { name: "Compare billing" }).click();
  const field = fieldsOf(page, "#panel-compare");
  await field("Product").selectOption({ label: "IoT Platform" });
  await field("Compare").selectOption({ label: "Enterprise Edition against the Basic edition" });
  await field("Enterprise Edition, USD per month (your contract price)").fill("100");
  await field("First month").fill("2026-12");
  await field("Devices (each communicates every day)").fill("1000");
  await field("Each device sends one message every, minutes").fill("1");
  await field("Message size, bytes").fill("256");
  await field("Months").fill("12");
  // Enterprise Edition: 12 x 100 = 1,200.00 (IOT-4).
  // Public Basic: 1,000 devices x 1,440 = 1,440,000 messages a day. In a month of n days, day 1 bills
  // 440,000 beyond the 1,000,000 free (0.352 -> 0.35) and each other day 1.152 -> 1.15 (IOT-17, IOT-18):
  // 31 days 0.35 + 30 x 1.15 = 34.85; 30 days 33.70; February (28) 31.40. December 2026 to November
  // 2027: seven months of 31 days (Dec, Jan, Mar, May, Jul, Aug, Oct) 243.95 + four of 30 (Apr, Jun,
  // Sep, Nov) 134.80 + February 31.40 = 410.15. Saving 1,200.00 - 410.15 = 789.85.
  assert.equal(norm(await shown(page, "#cmp-headline")), "Cheaper: Public instance (pay-as-you-go), saving USD 789.85 (65.82%) over 12 months.");
  assert.deepEqual(
    (await page.locator("#cmp-summary .options li").allTextContents()).map(norm),
    ["Enterprise Edition (subscription) USD 1,200.00 · USD 100.00 a month", "Public instance (pay-as-you-go) USD 410.15 · USD 34.18 a month"],
  );
  // Moving between the two is a migration, not a switch of billing method: the caveat says so.
  assert.match(await shown(page, "#cmp-notes"), /different instance types/);
  assert.equal(await page.locator("#cmp-chart svg .dot-payg").count(), 12);
  assert.deepEqual(problems, []);
  await close();
});
