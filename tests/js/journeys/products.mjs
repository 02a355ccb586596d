// Price each product from an empty page, as a customer: pick the tab, fill the labelled fields, read
// the total. Prices: src/catalog/default_catalog.rs (CP-6: acp.basic.small mainland 9.9057 a month,
// 0.0457 an hour; acp.std.large international 33.0697 a month); IoT 0.8 USD per million messages of
// up to 512 bytes, 1,000,000 free a month, billed per day (IOT-15..IOT-18), living devices 0.003 a day
// beyond 10 (IOT-19). ECS and Enterprise Edition publish no price: the customer's own (ECS-9, IOT-4).
import { test } from "node:test";
import assert from "node:assert/strict";
import { ARTIFACTS, WIDTHS, fieldsOf, shown, visit } from "./harness.mjs";

for (const [name, viewport] of Object.entries(WIDTHS)) {
  test(`Cloud Phone at ${viewport.width} px: the first price, then pay-as-you-go for 2 phones over 5 hours`, async () => {
    const { page, problems, close } = await visit({ viewport });
    // The form's defaults: 1 x acp.basic.small, mainland, subscription for 1 month: 9.9057 -> USD 9.91 (CP-6).
    assert.equal(await shown(page, "#item-total"), "USD 9.91");
    await page.getByLabel("Pay-as-you-go (per hour)").first().check();
    await page.getByLabel("Number of phones").fill("2");
    await page.getByLabel("Lifetime in hours").fill("5");
    // 5 h of lifetime bill as ceil(5 / 4) = 2 periods of 4 h = 8 h (CP-3); 8 h x 0.0457 x 2 phones = 0.7312 -> USD 0.73.
    assert.equal(await shown(page, "#item-total"), "USD 0.73");
    assert.match(await shown(page, "#item-lines"), /2 phones x 2 x 4-hour periods/);
    // "Add to cart" is in reach without scrolling: inside the first screen.
    const box = await page.locator("#add-to-cart").boundingBox();
    if (name === "desktop") assert.ok(box.y + box.height <= viewport.height, `add to cart at ${box.y}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "nothing wider than the screen");
    await page.screenshot({ path: `${ARTIFACTS}cloud-phone-${viewport.width}.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await close();
  });
}

test("Cloud Phone: 3 x acp.std.large outside China for 6 months", async () => {
  const { page, problems, close } = await visit({ viewport: WIDTHS.phone });
  await page.getByLabel("Specification").first().selectOption({ label: "acp.std.large · 4 vCPU / 8 GiB / 32 GiB" });
  await page.getByLabel("Region").first().selectOption({ label: "Hong Kong (China) and outside China" });
  await page.getByLabel("Number of phones").fill("3");
  await page.getByLabel("Months").first().fill("6");
  // 33.0697 x 6 months x 3 phones = 595.2546 -> USD 595.25 (CP-6).
  assert.equal(await shown(page, "#item-total"), "USD 595.25");
  assert.deepEqual(problems, []);
  await close();
});

test("IoT Platform: the fleet form, messages a day, Enterprise Edition and the new public instance", async () => {
  const { page, problems, close } = await visit();
  await page.getByRole("tab", { name: "IoT Platform" }).click();
  const field = fieldsOf(page, "#panel-iot");
  // The defaults: billed by connection minutes and messages (the newer billing, IOT-25), December 2026,
  // no activation date (no free quota, IOT-28), 1,000 devices online 24 h, one 256-byte message a
  // minute each: 1,440,000 messages a day x 0.5 / 1e6 = 0.72 (IOT-27) and 1,000 x 1,440 = 1,440,000
  // connection minutes x 0.3 / 1e6 = 0.432, cut to 0.43 (IOT-26, IOT-29, IOT-30); 31 days: 22.32 +
  // 13.33 = USD 35.65.
  assert.equal(await shown(page, "#item-total"), "USD 35.65");
  assert.equal(await shown(page, "#iot-minutes-shown"), "Connection minutes this month: 44,640,000 billed, 0 in the free quota.");
  // The fleet's arithmetic names the category as the Category list does, not by its API name (devicePub).
  assert.equal(await shown(page, "#item-lines .arithmetic li"),
    "1,000 devices x 1,440 messages sent from devices (Pub) a day (every 1 min for 24 h online) = 1,440,000 sent");
  // The same fleet billed by the Basic edition: day 1: 1,440,000 - 1,000,000 free = 440,000 x 0.8 / 1e6
  // = 0.352 -> 0.35; days 2..31: 1.152 -> 1.15 x 30 = 34.50. 0.35 + 34.50 = USD 34.85 (Basic bills no devices).
  await field("How the instance is billed").selectOption({ label: "Basic or Pro edition (the earlier billing policy)" });
  assert.equal(await shown(page, "#item-total"), "USD 34.85");
  // RULES.md's IOT-18 example, typed as messages a day: Pro, November, 604,800 messages of 256 bytes a day:
  // 18,144,000 - 1,000,000 free; day 1 free, day 2: 209,600 x 0.8 / 1e6 = 0.16768 -> 0.17, days 3..30:
  // 0.48384 -> 0.48 x 28 = 13.44; 0.17 + 13.44 = USD 13.61.
  await field("Messages a day (advanced)").check();
  await field("Edition").selectOption({ label: "Pro" });
  await field("Billing month").fill("2026-11");
  await field("Bytes per message 1").fill("256");
  await field("Messages a day 1").fill("604800");
  assert.equal(await shown(page, "#item-total"), "USD 13.61");
  // The day-by-day bill is there, folded, and "Add to cart" sits above it.
  await page.getByText("The bill day by day (30 days)").click();
  assert.equal(await page.locator("#item-days tbody tr").count(), 30);
  const button = await page.locator("#add-to-cart").boundingBox();
  const table = await page.locator("#item-days table").boundingBox();
  assert.ok(button.y < table.y, "Add to cart comes before the 30 rows");
  // 12 living devices a day: 2 beyond the 10 free x 0.003 = 0.006 -> 0.01 a day x 30 = 0.30 (IOT-19): 13.91.
  await field("Living devices a day").fill("12");
  assert.equal(await shown(page, "#item-total"), "USD 13.91");

  await field("Instance type").selectOption({ label: "Enterprise Edition (subscription)" });
  // No Enterprise Edition price is published (IOT-4): the field says so and what to type.
  assert.equal(await shown(page, "#iot-ent-price-error"), "No document publishes this price. Type a price in USD such as 12.5, without commas or a currency sign.");
  await field("Monthly price, USD (your contract price; none is published)").fill("100");
  // 1 instance x 12 months x 100 = USD 1,200.00 (IOT-4).
  assert.equal(await shown(page, "#item-total"), "USD 1,200.00");
  await field("Instance type").selectOption({ label: "Public instance (new, free)" });
  assert.equal(await shown(page, "#item-total"), "USD 0.00"); // IOT-2
  assert.deepEqual(problems, []);
  await close();
});

test("IoT Platform: every message category can be picked, each billed as its edition says", async () => {
  const { page, problems, close } = await visit({ viewport: WIDTHS.phone });
  await page.getByRole("tab", { name: "IoT Platform" }).click();
  const field = fieldsOf(page, "#panel-iot");
  await field("Messages a day (advanced)").check();
  await field("Billing month").fill("2026-11");
  await field("Bytes per message 1").fill("256");
  await field("Messages a day 1").fill("604800");
  const category = field("Category 1");
  const offered = async () => (await category.locator("option").allTextContents()).map((t) => t.trim());
  // The engine's catalog names the categories (issue 29).
  const billed = ["Messages sent from devices (Pub)", "RPC requests sent from devices", "Device responses to Revert-RPC", "Messages received by devices (Sub)", "Messages sent from the server (Pub)",
    "Messages sent from the server (PubBroadcast)", "Server responses to devices", "Server Revert-RPC calls", "Server calls to sub-device interfaces"];
  const free = ["CONNECT", "CONNACK", "DISCONNECT", "PINGREQ", "PINGRESP", "PUBACK", "SUBSCRIBE", "SUBACK", "UNSUBSCRIBE", "UNSUBACK", "Messages forwarded by the rules engine"];
  // Billed by connection minutes and messages: no edition, so device shadow and TSL are both billed (IOT-25, IOT-27).
  assert.deepEqual(await offered(), [...billed, "Device shadow messages", "TSL model messages", ...free]);
  // 604,800 messages a day, no minutes: 604,800 x 0.5 / 1e6 = 0.3024 -> 0.30 a day (IOT-29) x 30 = USD 9.00.
  await category.selectOption({ label: "TSL model messages" });
  assert.equal(await shown(page, "#item-total"), "USD 9.00");
  await category.selectOption({ label: "Messages sent from devices (Pub)" });
  await field("How the instance is billed").selectOption({ label: "Basic or Pro edition (the earlier billing policy)" });
  // Basic: the shared categories, device shadow (Basic only), then the free ones (IOT-13, IOT-14); no TSL.
  assert.deepEqual(await offered(), [...billed, "Device shadow messages (Basic only)", ...free]);
  for (const label of [...billed, "Device shadow messages (Basic only)"]) {
    await category.selectOption({ label });
    // The same month as RULES.md's IOT-18 example, in any billed category: USD 13.61.
    assert.equal(await shown(page, "#item-total"), "USD 13.61", label);
    assert.equal(await shown(page, "#iot-mix-error"), "", label);
  }
  for (const label of free) {
    await category.selectOption({ label });
    // Free categories are never billed (IOT-14).
    assert.equal(await shown(page, "#item-total"), "USD 0.00", label);
  }
  await field("Edition").selectOption({ label: "Pro" });
  // Pro: TSL model instead of device shadow.
  assert.deepEqual(await offered(), [...billed, "TSL model messages (Pro only)", ...free]);
  await category.selectOption({ label: "TSL model messages (Pro only)" });
  assert.equal(await shown(page, "#item-total"), "USD 13.61");
  assert.deepEqual(problems, []);
  await close();
});

for (const [locale, viewport] of [["en-US", WIDTHS.phone], ["zh-CN", WIDTHS.phone], ["en-US", WIDTHS.desktop]]) {
  test(`IoT day by day, ${locale} at ${viewport.width} px: on a phone the total and "Add to cart" are in reach after the month's rows, over no focused field and not over the footer; each date on one line`, async () => {
    const { page, problems, close } = await visit({ locale, viewport });
    await page.locator("#tab-iot").click();
    await page.locator("#iot-mode-days").check();
    // The defaults, by connection minutes and messages, December 2026, no activation date (no free
    // quota, IOT-28): 100,000 messages of 256 bytes a day and no connection minutes. The customer
    // types the last day's count, 2,000. Each day is billed alone (IOT-29): 100,000 x 0.5 / 1e6 =
    // 0.05 a day for 30 days = 1.50, and 2,000 x 0.5 / 1e6 = 0.001, cut to 0.00 (IOT-27): USD 1.50.
    await page.locator("#iot-day-30-0").fill("2000");
    await page.locator("#iot-day-30-0").press("Tab");
    await page.waitForFunction(() => document.querySelector("#item-total").textContent.includes("1.50"));
    // Each date on one line: "2026-12-01", never "2026-" over "12-01".
    const lines = await page.locator("#iot-days th[scope=row]").evaluateAll((cells) =>
      cells.map((th) => { const range = document.createRange(); range.selectNodeContents(th); return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size; }));
    assert.deepEqual([lines.length, Math.max(...lines)], [31, 1]);
    const position = () => page.locator("#item-buy").evaluate((bar) => getComputedStyle(bar).position);
    /** Whether a tap at the middle of `selector` reaches it (nothing drawn over it), and its box is on the screen. */
    const reachable = (selector) => page.evaluate((selector) => {
      const node = document.querySelector(selector);
      const box = node.getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return box.top >= 0 && box.bottom <= innerHeight && (hit === node || node.contains(hit));
    }, selector);
    if (viewport.width > 800) {
      // Beside the form, the result keeps its place in its panel: nothing floats over the page, even
      // in a window so short that the result's place is below its foot.
      assert.equal(await position(), "static");
      await page.setViewportSize({ width: viewport.width, height: 250 });
      await page.evaluate(() => scrollTo({ top: 0, behavior: "instant" }));
      await page.waitForFunction(() => document.querySelector("#item-buy-slot").getBoundingClientRect().top > innerHeight);
      await page.evaluate(() => new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame))));
      assert.equal(await position(), "static");
      const [panel, button] = [await page.locator("#item-result").boundingBox(), await page.locator("#add-to-cart").boundingBox()];
      assert.ok(button.y > panel.y && button.y + button.height < panel.y + panel.height, "Add to cart in the result's panel");
      await page.setViewportSize(viewport);
    } else {
      // On the month's last row, without scrolling on: the field the Tab reached is above the bar
      // (a tap reaches it), and so are the total and its button, on top of the page.
      assert.equal(await position(), "fixed");
      assert.equal(await page.evaluate(() => document.activeElement.id), "iot-day-30-dev");
      assert.ok(await reachable("#iot-day-30-dev"), "the focused field is on the screen, not under the bar");
      assert.ok(await reachable("#add-to-cart"), "Add to cart is on the screen, on top");
      assert.ok(await reachable("#item-total"), "the total is on the screen, on top");
      assert.equal(await shown(page, "#item-total"), "USD 1.50");
      const button = await page.locator("#add-to-cart").boundingBox();
      await page.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
      assert.equal(await shown(page, "#add-status"), locale === "en-US" ? "Added to the cart." : "已加入清单。");
      assert.equal(await shown(page, "#cart-total"), "USD 1.50");
      // The whole month by keyboard, the bar grown by the status line: each field the Tab reaches
      // scrolls into view above the bar, never under it.
      await page.locator("#iot-day-0-0").focus();
      for (let i = 0; i < 31 * 2; i++) {
        const id = await page.evaluate(() => document.activeElement.id);
        assert.ok(await reachable(`#${id}`), `${id} is under the bar or off the screen`);
        await page.keyboard.press("Tab");
      }
      // To the page's end in one jump (a fling, the scroll bar dragged down), past the result: the
      // bar is back in its place, above the item's lines, and the footer's last line is there to read.
      const jump = (top) => page.evaluate((top) => scrollTo({ top: top ?? document.documentElement.scrollHeight, behavior: "instant" }), top);
      const settled = (value) => page.waitForFunction((value) => getComputedStyle(document.querySelector("#item-buy")).position === value, value, { timeout: 5000 });
      await jump();
      await settled("static");
      assert.ok(await reachable("#not-included"), "the footer's last line is covered");
      assert.ok((await page.locator("#add-to-cart").boundingBox()).y < (await page.locator("#item-lines").boundingBox()).y);
      // And back to the top in one jump: the result's place is below the screen again, the bar floats.
      await jump(0);
      await settled("fixed");
      assert.ok(await reachable("#add-to-cart"), "Add to cart is on the screen, on top");
    }
    await page.screenshot({ path: `${ARTIFACTS}iot-days-${locale}-${viewport.width}.png` });
    assert.deepEqual(problems, []);
    await close();
  });
}

for (const locale of ["en-US", "zh-CN"]) {
  test(`IoT messages a day, ${locale} at 375 px: the message table within the form, "Add a message size" and each category's name whole`, async () => {
    const { page, problems, close } = await visit({ locale, viewport: WIDTHS.phone });
    await page.locator("#tab-iot").click();
    await page.locator("#iot-mode-perDay").check();
    await page.locator("#iot-add-row").click();
    const layout = await page.evaluate(() => {
      const field = document.querySelector("#iot-mix-field").getBoundingClientRect();
      const controls = [...document.querySelectorAll("#iot-mix input, #iot-mix select, #iot-mix button, #iot-add-row")];
      const outside = controls.filter((n) => { const r = n.getBoundingClientRect(); return r.left < field.left - 0.5 || r.right > field.right + 0.5; }).map((n) => n.id);
      const button = document.querySelector("#iot-add-row");
      // A select's text cannot be measured in the page: its name, in the select's font, plus its
      // padding and 1.5em for the arrow, must fit the select's width (the default category: 260 px
      // of DejaVu Sans in English, in a select 288 px wide that cut "(Pub)" short).
      const ruler = document.createElement("canvas").getContext("2d");
      const cut = [...document.querySelectorAll("#iot-mix select")].filter((select) => {
        const style = getComputedStyle(select);
        ruler.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const needed = ruler.measureText(select.selectedOptions[0].text).width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 1.5 * parseFloat(style.fontSize);
        return needed > select.getBoundingClientRect().width;
      }).map((select) => select.selectedOptions[0].text);
      return { outside, buttonTextFits: button.scrollWidth <= button.clientWidth, cut };
    });
    assert.deepEqual(layout, { outside: [], buttonTextFits: true, cut: [] });
    assert.deepEqual(problems, []);
    await close();
  });
}

test("ECS: prices per billing method, never reinterpreted when the method changes", async () => {
  const { page, problems, close } = await visit();
  await page.getByRole("tab", { name: "ECS" }).click();
  const panel = page.locator("#panel-ecs");
  assert.match(await shown(page, "#ecs-empty"), /Enter your instance price/);
  assert.ok(await page.locator("#add-to-cart").isDisabled());
  await panel.getByLabel("Instances").fill("2");
  await panel.getByLabel("Months").fill("3");
  await panel.getByLabel("Instance, USD per month").fill("45.50");
  // 2 instances x 3 months x 45.50 = USD 273.00 (ECS-9).
  assert.equal(await shown(page, "#item-total"), "USD 273.00");
  await panel.getByLabel("Pay-as-you-go (per hour)").check();
  // The hourly price is its own field, still empty: no price is made up from the monthly one.
  assert.equal(await panel.getByLabel("Instance, USD per hour").inputValue(), "");
  assert.equal(await shown(page, "#item-total"), "–");
  assert.match(await shown(page, "#ecs-empty"), /Enter your instance price/);
  await panel.getByLabel("Instance, USD per hour").fill("0.1");
  await panel.getByLabel(/System disk, USD per hour/).fill("0.01");
  // 2 instances x 730 h x (0.1 + 0.01) = 146.00 + 14.60 = USD 160.60.
  assert.equal(await shown(page, "#item-total"), "USD 160.60");
  await panel.getByLabel("Subscription (per month)").check();
  assert.equal(await panel.getByLabel("Instance, USD per month").inputValue(), "45.50");
  assert.equal(await shown(page, "#item-total"), "USD 273.00");
  assert.deepEqual(problems, []);
  await close();
});
