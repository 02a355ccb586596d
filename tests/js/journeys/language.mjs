// Switching language back and forth: every text follows, nothing stale stays ("Loading…", an old
// status, an English title), on every tab.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WIDTHS, shown, visit } from "./harness.mjs";

test("switch language back and forth: the page, the engine's texts and the status lines follow", async () => {
  const { page, problems, close } = await visit({ viewport: WIDTHS.phone });
  // Every word of the page has its Chinese.
  assert.deepEqual(await page.evaluate(async () => (await import("./i18n.js")).untranslated()), []);
  await page.getByRole("button", { name: "Add to cart" }).click();
  assert.equal(await shown(page, "#add-status"), "Added to the cart.");
  for (let round = 0; round < 2; round++) {
    await page.getByLabel("Language").selectOption({ label: "简体中文" });
    assert.equal(await page.title(), "阿里云费用计算器：云手机、物联网平台、云服务器 ECS");
    assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
    assert.equal(await shown(page, "#add-status"), "已加入清单。");
    assert.equal(await shown(page, "#status"), "", "never 'Loading the price engine…' again");
    assert.equal(await shown(page, ".skip"), "跳到计算器");
    // The engine's own words, in Chinese: 1 x acp.basic.small, mainland, 1 month (CP-6).
    assert.equal(await shown(page, "#item-lines .description"), "1 台云手机 acp.basic.small，中国内地，包年包月 1 个月");
    assert.match(await shown(page, "#sources"), /阿里云：云手机计费说明，更新于 2026年3月10日/);
    await page.getByRole("tab", { name: "欠费会怎样" }).click();
    assert.match(await shown(page, "#lc-timeline"), /欠费/);

    await page.getByLabel("语言").selectOption({ label: "English" });
    assert.equal(await page.title(), "Alibaba Cloud cost calculator: Cloud Phone, IoT Platform, ECS");
    assert.equal(await shown(page, "#add-status"), "Added to the cart.");
    assert.equal(await shown(page, "#status"), "");
    assert.match(await shown(page, "#lc-timeline"), /overdue/);
    const chinese = (await page.locator("body").innerText()).replace("简体中文", "").match(/[\u4e00-\u9fff]+/g);
    assert.equal(chinese, null, "no Chinese left on the English page but the language's own name");
    await page.getByRole("tab", { name: "Cloud Phone" }).click();
    assert.equal(await shown(page, "#item-lines .description"), "1 phone acp.basic.small, mainland, subscription for 1 month");
    assert.match(await shown(page, "#sources"), /Alibaba Cloud: Cloud Phone billing, last updated March 10, 2026/);
  }
  assert.deepEqual(problems, []);
  await close();
});

test("the footer dates each source as its document does, one date format per language", async () => {
  const { page, problems, close } = await visit({ viewport: WIDTHS.phone });
  const sources = () => page.locator("#sources li").evaluateAll((items) => items.map((li) => li.textContent.replace(/\s+/g, " ").trim()));
  const cites = () => page.locator("#rule-list .rule-source").allTextContents();
  // Seed 000 (IoT Platform: Billing FAQ, IOT-1..IOT-5) reads "Last Updated: Jun 17, 2026"; seed 003
  // (Cloud Phone billing) "Mar 10, 2026"; the notice on the billing unit is dated 2025-04-21 (CP-13);
  // the 2019 edition of ECS auto-renewal is dated 2019-05-30 (ECS-15's policies, which cite it alone);
  // seed 002 (the Basic and Pro billing policy) states no date, so none is shown.
  for (const [language, expected, undated] of [
    ["English", ["IoT Platform billing FAQ, last updated June 17, 2026", "Alibaba Cloud: Cloud Phone billing, last updated March 10, 2026",
      "Alibaba Cloud notice: billing unit of pay-as-you-go Cloud Phone, last updated April 21, 2025", "ECS: auto-renewal (2019 edition), last updated May 30, 2019"],
      "IoT Platform billing policy (Basic and Pro)"],
    ["简体中文", ["物联网平台计费常见问题，更新于 2026年6月17日", "阿里云：云手机计费说明，更新于 2026年3月10日",
      "阿里云公告：按量付费云手机计费时长单位变更，更新于 2025年4月21日", "ECS：自动续费（2019 年版），更新于 2019年5月30日"], "物联网平台计费说明（基础版和高级版）"],
  ]) {
    await page.locator("#lang").selectOption({ label: language });
    const listed = await sources();
    for (const line of [...expected, undated]) assert.ok(listed.includes(line), `${line} in ${JSON.stringify(listed)}`);
    // One format: no "2025-04-21" beside "April 21, 2025", in the footer or in the rules' sources.
    assert.deepEqual(listed.filter((line) => /\d{4}-\d{2}-\d{2}/.test(line)), []);
    assert.deepEqual((await cites()).filter((line) => /\d{4}-\d{2}-\d{2}/.test(line)), []);
  }
  assert.deepEqual(problems, []);
  await close();
});

test("a Chinese visitor sees Chinese first: the title and the first estimate before the engine arrives", async () => {
  // The engine held back (its .wasm never answers): what shows is the page and the first estimate
  // prerendered at build time by the same engine (scripts/build-page.mjs), in the visitor's language.
  const { page, problems, close } = await visit({ locale: "zh-CN", viewport: WIDTHS.phone, wait: false, prepare: (context) => context.route("**/*.wasm", () => {}) });
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
  assert.equal(await page.title(), "阿里云费用计算器：云手机、物联网平台、云服务器 ECS");
  // 1 x acp.basic.small, mainland, 1 month: 9.9057 -> USD 9.91 (CP-6).
  assert.equal(await shown(page, "#item-total"), "USD 9.91");
  assert.equal(await shown(page, "#item-lines .description"), "1 台云手机 acp.basic.small，中国内地，包年包月 1 个月");
  assert.equal(await page.getAttribute("html", "data-ready"), null, "the live engine has not priced anything yet");
  assert.deepEqual(problems, []);
  await close();
});
