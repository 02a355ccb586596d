// The cart: add two products, take a discount, export CSV (CP-12) and JSON and read the files back,
// in both languages. Amounts by hand: Cloud Phone pay-as-you-go, 2 x acp.basic.small mainland for
// 5 h: ceil(5 / 4) = 2 periods = 8 h x 0.0457 x 2 = 0.7312 -> 0.73 (CP-3, CP-6); ECS subscription,
// 2 instances x 3 months x (50 + 5) = 330.00 at the customer's prices (ECS-9).
import { test } from "node:test";
import assert from "node:assert/strict";
import { WIDTHS, csvRows, downloaded, fieldsOf, norm, shown, visit } from "./harness.mjs";

const WORDS = {
  en: {
    payAsYouGo: "Pay-as-you-go (per hour)", phones: "Number of phones", hours: "Lifetime in hours", ecs: "ECS", instances: "Instances", months: "Months",
    instancePrice: "Instance, USD per month", diskPrice: "System disk, USD per month", add: "Add to cart", discount: "Discount on the whole cart, %",
    csv: "Export CSV", json: "Export JSON", remove: "Remove item 1",
  },
  "zh-CN": {
    payAsYouGo: "按量付费（按小时）", phones: "云手机数量", hours: "生命周期（小时）", ecs: "云服务器 ECS", instances: "实例数", months: "月数",
    instancePrice: "实例，USD/月", diskPrice: "系统盘，USD/月", add: "加入清单", discount: "整单折扣，%",
    csv: "导出 CSV", json: "导出 JSON", remove: "删除第 1 项",
  },
};

async function fillCart(page, w) {
  const phone = fieldsOf(page, "#panel-cloudPhone");
  await phone(w.payAsYouGo).check();
  await phone(w.phones).fill("2");
  await phone(w.hours).fill("5");
  await page.getByRole("button", { name: w.add }).click();
  await page.getByRole("tab", { name: w.ecs }).click();
  const ecs = fieldsOf(page, "#panel-ecs");
  await ecs(w.instances).fill("2");
  await ecs(w.months).fill("3");
  await ecs(w.instancePrice).fill("50");
  await ecs(new RegExp(w.diskPrice)).fill("5");
  await page.getByRole("button", { name: w.add }).click();
}

test("cart in English: two products, a discount, CSV and JSON read back", async () => {
  const w = WORDS.en;
  const { page, problems, close } = await visit();
  // Nothing to export from an empty cart.
  for (const name of [w.csv, w.json, "If I stop paying…"]) assert.ok(await page.getByRole("button", { name }).isDisabled(), name);
  await fillCart(page, w);
  // 0.73 + 330.00 = USD 330.73.
  assert.equal(await shown(page, "#cart-total"), "USD 330.73");
  // "Added to the cart." is said beside the ECS item just added, not beside the next item configured.
  assert.equal(await shown(page, "#add-status"), "Added to the cart.");
  await fieldsOf(page, "#panel-ecs")(w.instances).fill("3");
  assert.equal(await shown(page, "#add-status"), "");
  await fieldsOf(page, "#panel-ecs")(w.instances).fill("2");
  // The estimate: the ECS subscription is prepaid (330.00), the phones' 5 h a one-off lifetime (0.73),
  // nothing monthly; first 12 months 330.00 + 0.73 = 330.73.
  assert.deepEqual((await page.locator("#cart-estimate dd").allTextContents()).map((t) => t.replace(/\s+/g, " ")), ["USD 330.00", "USD 0.00", "USD 0.73", "USD 330.73"]);

  // 10 % off each item, rounded half-up per item: 0.73 - 0.07 (0.073) = 0.66; 330.00 - 33.00 = 297.00: USD 297.66.
  await page.getByLabel(w.discount).fill("10");
  assert.equal(await shown(page, "#cart-total"), "USD 297.66");
  // The page says so, as the CSV does: before the discount 330.73, less 0.07 + 33.00 = 33.07; and each
  // item's lines end with its discount, so they add up to the item's amount (0.73 - 0.07 = 0.66).
  assert.equal(await shown(page, "#cart-before-discount"), "Before the discount: USD 330.73; discount: -USD 33.07.");
  const phones = page.locator("#cart-items .cart-item").first();
  assert.equal(norm(await phones.locator(".item-amount").textContent()), "USD 0.66");
  assert.deepEqual((await phones.locator("table.lines tbody tr").last().locator("td").allTextContents()).map(norm).slice(1), ["10% of USD 0.73", "-USD 0.07"]);

  const rows = csvRows(await downloaded(page, page.getByRole("button", { name: w.csv })));
  assert.deepEqual(rows[0], ["item", "product", "kind", "item description", "line", "formula", "quantity", "unit", "unit price (USD)", "amount (USD)", "rules"]);
  assert.deepEqual(rows[1].slice(0, 3), ["1", "Cloud Phone", "one-off"]);
  assert.deepEqual(rows[1].slice(6), ["16", "phone-hour", "0.0457", "0.73", "CP-2 CP-3 CP-5 CP-6"]);
  assert.equal(rows.find((r) => r[4] === "discount" && r[0] === "1")[9], "-0.07");
  assert.deepEqual(rows.find((r) => r[1] === "ECS" && r[7] === "instance-month").slice(6, 10), ["6", "instance-month", "50", "300.00"]);
  assert.deepEqual(rows.slice(-5).map((r) => [r[4], r[9]]), [["Total", "297.66"], ["Upfront (subscriptions)", "297.00"], ["Monthly", "0.00"], ["One-off (pay-as-you-go hours)", "0.66"], ["First 12 months", "297.66"]]);

  const exported = JSON.parse(await downloaded(page, page.getByRole("button", { name: w.json })));
  assert.equal(exported.quote.tradePrice, "297.66");
  assert.equal(exported.request.items.length, 2);
  assert.deepEqual(exported.request.discounts, [{ percent: "10" }]);
  assert.equal(exported.request.locale, "en");

  await page.getByLabel(w.discount).fill("");
  assert.ok(await page.locator("#cart-before-discount").isHidden(), "no discount, nothing before it");
  await page.getByRole("button", { name: w.remove }).click();
  assert.equal(await shown(page, "#cart-total"), "USD 330.00");
  assert.deepEqual(problems, []);
  await close();
});

test("cart in Chinese at 375 px: the same figures, the CSV's words and units in Chinese", async () => {
  const w = WORDS["zh-CN"];
  const { page, problems, close } = await visit({ locale: "zh-CN", viewport: WIDTHS.phone });
  await fillCart(page, w);
  await page.getByLabel(w.discount).fill("10");
  assert.equal(await shown(page, "#cart-total"), "USD 297.66");
  const rows = csvRows(await downloaded(page, page.getByRole("button", { name: w.csv })));
  assert.deepEqual(rows[0], ["序号", "产品", "类型", "资源说明", "项目", "公式", "数量", "单位", "单价（USD）", "金额（USD）", "规则"]);
  assert.deepEqual(rows[1].slice(0, 3), ["1", "云手机", "一次性"]);
  assert.deepEqual(rows[1].slice(6, 10), ["16", "台·小时", "0.0457", "0.73"]);
  assert.deepEqual(rows.at(-5).slice(4), ["合计", "", "", "", "", "297.66", ""]);
  const exported = JSON.parse(await downloaded(page, page.getByRole("button", { name: w.json })));
  assert.equal(exported.request.locale, "zh-CN");
  assert.match(exported.quote.items[0].description, /^2 台云手机/);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "nothing wider than the screen");
  assert.deepEqual(problems, []);
  await close();
});
