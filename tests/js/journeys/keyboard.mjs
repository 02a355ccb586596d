// The keyboard alone: the skip link, the tabs with arrow keys, fields with Tab, a category chosen
// with arrow keys, "Add to cart" with Enter, focus always visible.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WIDTHS, shown, visit } from "./harness.mjs";

for (const viewport of Object.values(WIDTHS)) {
  test(`keyboard alone at ${viewport.width} px: an ECS instance priced and added to the cart`, async () => {
    const { page, problems, close } = await visit({ viewport });
    const focused = () => page.evaluate(() => document.activeElement.id || document.activeElement.className);
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "skip");
    await page.keyboard.press("Enter"); // skip to the calculators
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "tab-cloudPhone");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    assert.equal(await focused(), "tab-ecs");
    assert.equal(await page.getAttribute("#tab-ecs", "aria-selected"), "true");
    assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), "solid");
    const tabTo = async (id) => {
      for (let i = 0; i < 25 && (await focused()) !== id; i++) await page.keyboard.press("Tab");
      assert.equal(await focused(), id);
      assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), "solid", `${id} shows its focus`);
    };
    await tabTo("ecs-sub-instance");
    await page.keyboard.type("40");
    await tabTo("add-to-cart");
    await page.keyboard.press("Enter");
    // 1 instance x 1 month x 40 = USD 40.00 (ECS-9).
    assert.equal(await shown(page, "#cart-total"), "USD 40.00");
    assert.deepEqual(problems, []);
    await close();
  });
}

test("keyboard alone on the IoT tab: a category by arrow keys, the day-by-day bill reachable", async () => {
  const { page, problems, close } = await visit();
  const focused = () => page.evaluate(() => document.activeElement.id || document.activeElement.tagName.toLowerCase());
  const tabTo = async (id) => {
    for (let i = 0; i < 40 && (await focused()) !== id; i++) await page.keyboard.press("Tab");
    assert.equal(await focused(), id);
  };
  await tabTo("tab-cloudPhone");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.getAttribute("#tab-iot", "aria-selected"), "true");
  await tabTo("iot-mode-fleet");
  await page.keyboard.press("ArrowDown"); // the radio group's next choice: messages a day
  assert.ok(await page.getByLabel("Messages a day (advanced)").isChecked());
  await tabTo("iot-mix-0-category");
  await page.keyboard.press("ArrowDown"); // the next category: RPC requests from devices
  assert.equal(await page.locator("#iot-mix-0-category").inputValue(), "deviceRpcRequest");
  // The folded day-by-day bill opens from the keyboard, and its table scrolls from the keyboard too.
  await tabTo("summary");
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#item-days details").getAttribute("open"), "");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("role")), "region");
  assert.deepEqual(problems, []);
  await close();
});
