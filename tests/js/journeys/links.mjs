// The share link: the whole estimate in the URL, reopened exactly; a damaged or hostile link says so
// in the page's language and never runs script.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WIDTHS, base, fieldsOf, linkFor, shown, visit } from "./harness.mjs";

test("a shared link reopens the estimate exactly: tab, fields, cart and language", async () => {
  const { page, problems, close } = await visit({ locale: "zh-CN" });
  const phone = fieldsOf(page, "#panel-cloudPhone");
  await phone("按量付费（按小时）").check();
  await phone("云手机数量").fill("2");
  await phone("生命周期（小时）").fill("5");
  await page.getByRole("button", { name: "加入清单" }).click();
  await page.getByRole("tab", { name: "云服务器 ECS" }).click();
  const ecs = fieldsOf(page, "#panel-ecs");
  await ecs("按量付费（按小时）").check();
  await ecs("小时数").fill("100");
  await ecs("实例，USD/小时").fill("0.5");
  // The link follows the edits (after 150 ms).
  await page.waitForFunction(() => document.getElementById("share-link").value !== "" && new URL(document.getElementById("share-link").value).searchParams.has("s") && document.getElementById("ecs-payg-instance").value === "0.5" && Date.now() - Number(document.documentElement.dataset.urlSynced) > 0);
  await page.waitForTimeout(300);
  const link = await page.locator("#share-link").inputValue();
  assert.equal(link, page.url());

  // Opened in an English browser: the link's language and everything else come back.
  const again = await visit({ url: link, viewport: WIDTHS.phone });
  assert.equal(await again.page.getAttribute("html", "lang"), "zh-CN");
  assert.equal(await again.page.getAttribute("#tab-ecs", "aria-selected"), "true");
  // 1 instance x 100 h x 0.5 = USD 50.00 (ECS-9); the cart: 2 phones, 5 h -> 8 h x 0.0457 x 2 = 0.7312 -> 0.73.
  assert.equal(await shown(again.page, "#item-total"), "USD 50.00");
  assert.equal(await shown(again.page, "#cart-total"), "USD 0.73");
  assert.equal(await again.page.locator("#ecs-payg-instance").inputValue(), "0.5");
  assert.deepEqual([...problems, ...again.problems], []);
  await again.close();
  await close();
});

test("a link made before prices were kept per billing method keeps its price on its method", async () => {
  const { page, problems, close } = await visit({ url: linkFor({ tab: "ecs", fields: { "ecs-billing": "payAsYouGo", "ecs-hours": "10", "ecs-instance": "2" } }) });
  // 1 instance x 10 h x 2 = USD 20.00, typed as an hourly price.
  assert.equal(await shown(page, "#item-total"), "USD 20.00");
  assert.equal(await page.locator("#ecs-sub-instance").inputValue(), "");
  assert.deepEqual(problems, []);
  await close();
});

test("damaged and hostile links: a reason in the page's language, the defaults, no script run", async () => {
  const broken = await visit({ url: `${base()}?s=%%%not-base64`, locale: "zh-CN" });
  assert.equal(await shown(broken.page, "#link-error"), "无法读取此链接（链接已损坏），已显示默认配置。");
  // The defaults: 1 x acp.basic.small, mainland, 1 month: 9.9057 -> 9.91 (CP-6).
  assert.equal(await shown(broken.page, "#item-total"), "USD 9.91");
  await broken.page.selectOption("#lang", "en");
  assert.equal(await shown(broken.page, "#link-error"), "This link could not be read (it is damaged). The calculator shows its defaults instead.");
  const other = await visit({ url: `${base()}?s=${Buffer.from(JSON.stringify({ v: 2 })).toString("base64url")}` });
  assert.match(await shown(other.page, "#link-error"), /it is not an estimate of this calculator/);

  const hostile = linkFor({
    fields: { "cp-billing": "payAsYouGo", "cp-hours": '<img src=x onerror="alert(1)">', "cp-spec": "<script>alert(2)</script>" },
    mix: [{ bytes: "1", count: "1", category: '"><svg onload=alert(3)>' }],
    cart: [{ product: "cloudPhone", spec: "<b onmouseover=alert(4)>x</b>", region: "mainland", billing: "subscription", months: 1 }],
  });
  const { page, problems, close } = await visit({ url: hostile });
  await page.getByRole("tab", { name: "IoT Platform" }).click();
  await page.getByRole("tab", { name: "Cloud Phone" }).click();
  assert.equal(await page.locator("img, svg[onload], b").count(), 0, "no markup from the link");
  assert.equal(await shown(page, "#cp-spec-error"), "Pick a specification from the list.");
  assert.match(await shown(page, "#cart-error"), /unknown Cloud Phone spec/);
  assert.deepEqual([...broken.problems, ...other.problems, ...problems], []);
  for (const visitor of [broken, other]) await visitor.close();
  await close();
});
