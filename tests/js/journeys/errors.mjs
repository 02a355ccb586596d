// A customer who types "10,000", "1 KB" or a day that does not exist is told, beside the field and in
// the page's language, what is wrong and what to type; the engine's code and path stay for developers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WIDTHS, fieldsOf, linkFor, shown, visit } from "./harness.mjs";

test("errors in English: what is wrong, then what to type, beside the field; the page recovers", async () => {
  const { page, problems, close } = await visit();
  const phone = fieldsOf(page, "#panel-cloudPhone");
  await phone("Number of phones").fill("10,000");
  assert.equal(await shown(page, "#cp-quantity-error"), "Write 10000 without commas. Type a whole number from 1 to 1000000, such as 10.");
  assert.equal(await phone("Number of phones").getAttribute("aria-invalid"), "true");
  assert.match(await phone("Number of phones").getAttribute("aria-describedby"), /cp-quantity-error/);
  // The engine's code and path stay on the message for developers.
  assert.equal(await page.locator("#cp-quantity-error").getAttribute("data-code"), "invalid_decimal");
  assert.equal(await page.locator("#cp-quantity-error").getAttribute("data-path"), "items[0].quantity");
  assert.equal(await shown(page, "#item-total"), "–");
  assert.ok(await page.getByRole("button", { name: "Add to cart" }).isDisabled());
  await phone("Number of phones").fill("1.5");
  assert.equal(await shown(page, "#cp-quantity-error"), "1.5 is not a whole number. Type a whole number from 1 to 1000000, such as 10.");
  await phone("Number of phones").fill("1");
  assert.equal(await shown(page, "#cp-quantity-error"), "");
  assert.equal(await shown(page, "#item-total"), "USD 9.91");

  await page.getByRole("tab", { name: "IoT Platform" }).click();
  const iot = fieldsOf(page, "#panel-iot");
  await iot("Message size, bytes").fill("1 KB");
  assert.equal(await shown(page, "#iot-fleet-bytes-error"), "Type the number alone, without a unit. Type a whole number of bytes such as 256 (1 KB is 1024), without units.");
  await iot("Message size, bytes").fill("1024");
  // 1,024 bytes count as 2 messages of 512 (IOT-15, IOT-27): 2,880,000 a day x 0.5 / 1e6 = 1.44;
  // 1,000 devices x 1,440 minutes x 0.3 / 1e6 = 0.432 -> 0.43 (IOT-29); 31 days: 44.64 + 13.33 = USD 57.97.
  assert.equal(await shown(page, "#item-total"), "USD 57.97");

  // A balance written with a decimal comma, as much of Europe writes it: "4,80" is 4.80, and the
  // advice is the point, never "480" (a hundred times the amount).
  await page.getByRole("tab", { name: "If I stop paying" }).click();
  const balance = fieldsOf(page, "#panel-lifecycle")("Account balance, USD");
  await balance.fill("4,80");
  assert.equal(await shown(page, "#lc-balance-error"), "Write 4.80, with a point before the decimals. Type a price in USD such as 12.5, without commas or a currency sign.");
  // A thousands comma keeps its advice: 1,000 is one thousand.
  await balance.fill("1,000");
  assert.equal(await shown(page, "#lc-balance-error"), "Write 1000 without commas. Type a price in USD such as 12.5, without commas or a currency sign.");
  await balance.fill("4.80");
  assert.equal(await shown(page, "#lc-balance-error"), "");
  assert.deepEqual(problems, []);
  await close();
});

test("errors in Chinese at 375 px, and a day that does not exist from a link", async () => {
  const { page, problems, close } = await visit({ locale: "zh-CN", viewport: WIDTHS.phone });
  await fieldsOf(page, "#panel-cloudPhone")("云手机数量").fill("10,000");
  assert.equal(await shown(page, "#cp-quantity-error"), "请去掉逗号，写成 10000。请输入 1 到 1000000 之间的整数，例如 10。");
  await close();

  const linked = await visit({ url: linkFor({ tab: "lifecycle", lang: "en", fields: { "lc-start": "2026-02-30" } }) });
  assert.equal(await shown(linked.page, "#lc-start-error"), "There is no day 2026-02-30. Type a date as YYYY-MM-DD, such as 2026-12-01, or pick one.");
  await fieldsOf(linked.page, "#panel-lifecycle")("Start date").fill("2026-12-01");
  assert.equal(await shown(linked.page, "#lc-start-error"), "");
  assert.deepEqual([...problems, ...linked.problems], []);
  await linked.close();
});
