// axe-core on every tab, in both languages, at both widths (issue 29): no serious or critical
// violation. The page's CSP forbids the injected script, hence bypassCSP in these contexts only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { WIDTHS, visit } from "./harness.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TABS = ["tab-cloudPhone", "tab-iot", "tab-ecs", "tab-compare", "tab-lifecycle", "tab-plan"];
const TERRAFORM = new URL("../../terraform/", import.meta.url).pathname;

for (const locale of ["en-US", "zh-CN"]) {
  for (const viewport of Object.values(WIDTHS)) {
    test(`axe-core, ${locale} at ${viewport.width} px: no serious or critical violation on any tab`, async () => {
      const { page, problems, close } = await visit({ locale, viewport, options: { bypassCSP: true } });
      await page.addScriptTag({ content: AXE });
      // A cart with an item, so the cart, its estimate and its buttons are there to check.
      await page.click("#add-to-cart");
      const found = {};
      for (const tab of TABS) {
        await page.click(`#${tab}`);
        if (tab === "tab-iot") {
          // The day-by-day bill open: its table scrolls sideways at 375 px.
          await page.locator("#iot-mode-perDay").check();
          await page.locator("#item-days summary").click();
        }
        if (tab === "tab-ecs") await page.locator("#ecs-sub-instance").fill("45.50");
        if (tab === "tab-plan") {
          // A plan with prior state priced, one resource opened, and what is not priced.
          await page.setInputFiles("#plan-file", `${TERRAFORM}change_plan.json`);
          await page.waitForSelector("#plan-totals");
          await page.locator("#plan-resources summary").first().click();
        }
        // The lifecycle tab twice: one resource, then the whole cart (its items, the prepaid notice).
        // The IoT tab twice: then day by day, on its last row (on a phone the total and "Add to cart"
        // float at the screen's foot, app.js floatTotalOnPhones).
        const variants = { "tab-lifecycle": ["cloudPhone.payAsYouGo", "cart"], "tab-iot": [null, "days"] }[tab] ?? [null];
        for (const variant of variants) {
          if (tab === "tab-lifecycle") await page.locator("#lc-resource").selectOption(variant);
          if (variant === "days") {
            await page.locator("#iot-mode-days").check();
            await page.locator("#iot-day-30-0").focus();
          }
          const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
          for (const v of violations.filter((v) => ["serious", "critical"].includes(v.impact))) {
            found[`${tab}${variant ? ` (${variant})` : ""}: ${v.id}`] = v.nodes.map((n) => n.target.join(" ")).slice(0, 5);
          }
        }
      }
      assert.deepEqual(found, {});
      assert.deepEqual(problems, []);
      await close();
    });
  }
}
