// A Terraform plan on the page (issue 33): the customer drops or chooses the JSON of
// `terraform show -json` and their side file, the page prices it in the browser (nothing is
// uploaded: the test fails on any request but the page's own files), shows the estimate in total
// and per resource, the resources it cannot price and why, and adds the priced ones to the cart.
// Fixtures: tests/terraform/ (the same plans as tests/terraform.rs). Amounts by hand:
// - change_plan.json with prices.json, before from its prior state (CP-6, CP-13; ECS-9, CP-1 at the
//   side file's prices):
//   farm: acp.basic.small in cn-hongkong (international, 0.0709 an hour), kept running 720 h a month
//     (the side file): before 10 phones x 720 x 0.0709 = 510.48; after 20 phones: 1,020.96;
//   app: 730 h a month (assumed) x (instance + 40 GiB cloud_essd at 0.0001 = 0.004): before
//     ecs.g7.large 0.25: 182.50 + 2.92 = 185.42; after ecs.g7.xlarge 0.50: 365.00 + 2.92 = 367.92;
//   keep: a Small NAT Gateway, 12 months x 40 = 480.00 upfront, before and after;
//   old: an EIP the plan deletes: 730 x 0.005 + 730 x 5 Mbps x 0.02 = 3.65 + 73.00 = 76.65 a month.
//   Before: upfront 480.00, monthly 510.48 + 185.42 + 76.65 = 772.55, first year 480.00 + 12 x 772.55
//   = 9,750.60. After: 480.00, 1,020.96 + 367.92 = 1,388.88, 480.00 + 12 x 1,388.88 = 17,146.56.
//   Difference: monthly +616.33, first year +7,395.96.
// - first_plan.json with prices.json, nothing before: upfront 10 phones x 12 months x 21.3353 =
//   2,560.24 and 3 months x (90 + 40 x 0.07 + 100 x 0.035) = 288.90, 2,849.14; monthly 2 x 93.20
//   + 2 x 3.65 + 45.63 + 18.25 = 257.58; first year 2,849.14 + 12 x 257.58 = 5,940.10.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { ARTIFACTS, WIDTHS, base, norm, shown, visit } from "./harness.mjs";

const FIXTURES = new URL("../../terraform/", import.meta.url).pathname;
const fixture = (name) => readFileSync(`${FIXTURES}${name}`, "utf8");

/** The totals table as rows of shown texts: [label, ...amounts] (less the column names a phone repeats in each cell). */
async function totals(page) {
  return (await page.locator("#plan-totals tbody tr").evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.lastChild.textContent)))).map((r) => r.map(norm));
}

/** Drops a file on a drop zone, as a browser does when a file is dragged onto it. */
async function drop(page, zone, name, text) {
  const transfer = await page.evaluateHandle(([name, text]) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type: "application/json" }));
    return data;
  }, [name, text]);
  await page.dispatchEvent(zone, "dragover", { dataTransfer: transfer });
  await page.dispatchEvent(zone, "drop", { dataTransfer: transfer });
}

/** Every request the page makes goes to its own server: the plan is never uploaded. */
function ownRequestsOnly(page) {
  const elsewhere = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(base()) && !request.url().startsWith("blob:") && !request.url().startsWith("data:")) elsewhere.push(request.url());
  });
  return elsewhere;
}

test("a Terraform plan in English at 1280 px: dropped, priced before and after, added to the cart", async () => {
  const { page, problems, close } = await visit({ viewport: WIDTHS.desktop });
  const elsewhere = ownRequestsOnly(page);
  await page.getByRole("tab", { name: "Terraform plan" }).click();
  assert.equal(await shown(page, "#plan-offline"), "Priced here in your browser, even offline: your files are not uploaded anywhere.");
  await page.getByLabel("Your prices and usage").setInputFiles(`${FIXTURES}prices.json`);
  await drop(page, "#plan-drop", "change_plan.json", fixture("change_plan.json"));
  await page.waitForSelector("#plan-totals");
  assert.deepEqual(await totals(page), [
    ["Upfront (subscriptions)", "USD 480.00", "USD 480.00", "USD 0.00"],
    ["Monthly", "USD 772.55", "USD 1,388.88", "+USD 616.33"],
    ["One-off (pay-as-you-go hours)", "USD 0.00", "USD 0.00", "USD 0.00"],
    ["First 12 months", "USD 9,750.60", "USD 17,146.56", "+USD 7,395.96"],
  ]);
  assert.deepEqual(await page.locator("#plan-totals thead th").allTextContents(), ["Before", "After", "Difference"]);
  // Per resource: what apply does, what it costs after, and the change.
  const summary = async (address) => norm(await page.locator(`[data-address="${address}"] summary`).textContent());
  assert.equal(await summary("alicloud_cloud_phone_instance_group.farm"), "alicloud_cloud_phone_instance_group.farm changed USD 1,020.96 a month (+USD 510.48)");
  assert.equal(await summary("alicloud_instance.app"), "alicloud_instance.app replaced USD 367.92 a month (+USD 182.50)");
  assert.equal(await summary("alicloud_nat_gateway.keep"), "alicloud_nat_gateway.keep unchanged USD 480.00 upfront");
  assert.equal(await summary("alicloud_eip_address.old"), "alicloud_eip_address.old deleted was USD 76.65 a month");
  // Opened, a resource shows its lines with formulas and rules (CP-13: hours x the hourly price).
  await page.locator('[data-address="alicloud_cloud_phone_instance_group.farm"] summary').click();
  const farm = page.locator('[data-address="alicloud_cloud_phone_instance_group.farm"]');
  assert.match(norm(await farm.locator("table.lines td.formula").first().textContent()), /^20 phones x 720 h a month x USD 0\.0709\/hour \(kept running: billed every hour, CP-13/);
  assert.match(norm(await farm.textContent()), /Before: 10 phones acp\.basic\.small, international, pay-as-you-go, kept running 720 h a month, USD 510\.48\./);
  await page.screenshot({ path: `${ARTIFACTS}plan-en-1280.png`, fullPage: true });

  // The three resources the plan leaves join the cart as the quote items they became (the deleted EIP does not).
  await page.getByRole("button", { name: "Add the priced resources to the cart (3)" }).click();
  assert.equal(await shown(page, "#plan-add-status"), "Added 3 resources to the cart.");
  // 1,020.96 + 367.92 + 480.00 = 1,868.88; the cart's estimate is the plan's "after".
  assert.equal(await shown(page, "#cart-total"), "USD 1,868.88");
  assert.deepEqual((await page.locator("#cart-estimate dd").allTextContents()).map(norm), ["USD 480.00", "USD 1,388.88", "USD 0.00", "USD 17,146.56"]);
  assert.deepEqual(elsewhere, []);
  assert.deepEqual(problems, []);
  await close();
});

test("a Terraform plan in Chinese at 375 px: chosen, a first plan, what is not priced and why", async () => {
  const { page, problems, close } = await visit({ locale: "zh-CN", viewport: WIDTHS.phone });
  const elsewhere = ownRequestsOnly(page);
  await page.getByRole("tab", { name: "Terraform 计划" }).click();
  await page.getByLabel("计划文件").setInputFiles(`${FIXTURES}first_plan.json`);
  // Without the side file the ECS, EIP and NAT Gateway prices are missing: said per resource.
  await page.waitForSelector("#plan-totals");
  assert.match(await shown(page, "#plan-unpriced"), /没有文档公布此价格：请在价格与用量文件中给出 "prices\.ecs\.instanceTypes\["ecs\.c7\.xlarge"\]\.monthly"/);
  await drop(page, "#plan-side-drop", "prices.json", fixture("prices.json"));
  await page.waitForFunction(() => document.querySelector('#plan-totals [data-row="monthly"] td')?.dataset.amount === "257.58");
  assert.deepEqual(await totals(page), [
    ["预付（包年包月）", "USD 2,849.14"],
    ["每月", "USD 257.58"],
    ["一次性（按量付费时长）", "USD 0.00"],
    ["首 12 个月合计", "USD 5,940.10"],
  ]);
  assert.equal(await shown(page, "#plan-totals thead th"), "此计划");
  // Not priced, each with its reason in the customer's language: a value known only after apply,
  // a type this calculator does not price, the older Elastic Cloud Phone.
  assert.deepEqual(await page.locator("#plan-unpriced li").evaluateAll((items) => items.map((li) => li.dataset.code)), ["unknown_value", "unknown_type", "other_product"]);
  assert.equal(await shown(page, '#plan-unpriced [data-code="unknown_value"] code'), "alicloud_instance.pending");
  assert.match(await shown(page, '#plan-unpriced [data-code="unknown_value"] .plan-reason'), /^"instance_type" 要到执行 "terraform apply" 之后才确定/);
  assert.equal(await shown(page, "#plan-data-sources"), "1 个数据源：只读取，不计费。");
  // The subscription it buys: when it expires and is deleted if not renewed (CP-14).
  await page.locator('[data-address="alicloud_cloud_phone_instance_group.phones"] summary').click();
  assert.match(await shown(page, '[data-address="alicloud_cloud_phone_instance_group.phones"] .plan-lifecycle'), /^2027年7月1日 10:00（UTC\+8）到期；如不续费，将在 15 天后（2027年7月16日 10:00（UTC\+8））自动删除实例组及其实例，且不可恢复。/);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "nothing wider than the screen");
  await page.screenshot({ path: `${ARTIFACTS}plan-zh-375.png`, fullPage: true });
  await page.getByRole("button", { name: "将已计价的资源加入清单（8 个）" }).click();
  // 2,849.14 upfront and 257.58 a month in the cart too.
  assert.deepEqual((await page.locator("#cart-estimate dd").allTextContents()).map(norm), ["USD 2,849.14", "USD 257.58", "USD 0.00", "USD 5,940.10"]);
  assert.deepEqual(elsewhere, []);
  assert.deepEqual(problems, []);
  await close();
});

test("a file that is not a plan is said beside it, in the customer's words; the next file is priced", async () => {
  const { page, problems, close } = await visit({ viewport: WIDTHS.phone });
  await page.click("#tab-plan");
  await drop(page, "#plan-drop", "tfplan", "binary plan \u0000\u0001");
  await page.waitForFunction(() => document.getElementById("plan-file-error").textContent !== "");
  assert.equal(await shown(page, "#plan-file-error"), 'This file is not a plan in JSON: choose the file that "terraform show -json PLANFILE" writes, not the binary plan of "terraform plan -out".');
  await drop(page, "#plan-side-drop", "prices.json", "{ prices: 1 }");
  await page.waitForFunction(() => document.getElementById("plan-side-error").textContent !== "");
  assert.equal(await shown(page, "#plan-side-error"), 'This file is not JSON: it is an object { "prices": …, "usage": …, "catalog": … }, the catalog if you have one.');
  assert.equal(await shown(page, "#plan-side-hint code"), '{ "prices": …, "usage": …, "catalog": … }');
  await drop(page, "#plan-side-drop", "prices.json", JSON.stringify({ prices: { eip: { address: {} } } }));
  // Dropped on the tab's heading rather than on its zone: still the plan, and the page stays.
  await drop(page, "#panel-plan h2", "plan.json", fixture("first_plan.json"));
  await page.waitForFunction(() => document.getElementById("plan-side-error").dataset.path === "prices.eip.address");
  assert.match(await shown(page, "#plan-side-error"), /^At "prices\.eip\.address": give "hourly"/);
  await drop(page, "#plan-side-drop", "prices.json", fixture("prices.json"));
  await page.waitForSelector("#plan-totals");
  assert.equal(await shown(page, "#plan-side-error"), "");
  assert.deepEqual(problems, []);
  await close();
});

test("the plan tab from the keyboard: its file buttons show focus, its resources open, the cart takes them", async () => {
  const { page, problems, close } = await visit({ viewport: WIDTHS.desktop });
  const focused = () => page.evaluate(() => document.activeElement.id || document.activeElement.tagName.toLowerCase());
  await page.focus("#tab-cloudPhone");
  await page.keyboard.press("End");
  assert.equal(await page.getAttribute("#tab-plan", "aria-selected"), "true");
  const tabTo = async (id) => {
    for (let i = 0; i < 30 && (await focused()) !== id; i++) await page.keyboard.press("Tab");
    assert.equal(await focused(), id);
  };
  await tabTo("plan-file");
  // The visible button of the focused file input shows the focus ring.
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("#plan-file + .file-button")).outlineStyle), "solid");
  // (A file dialog is the browser's own: the file is given as the dialog would give it.)
  await page.setInputFiles("#plan-file", `${FIXTURES}change_plan.json`);
  await tabTo("plan-side");
  await page.setInputFiles("#plan-side", `${FIXTURES}prices.json`);
  await page.waitForFunction(() => document.querySelector('#plan-totals [data-row="monthly"] td:nth-child(3)')?.dataset.amount === "1388.88");
  await tabTo("plan-add");
  await page.keyboard.press("Tab");
  assert.equal(await focused(), "summary");
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#plan-resources details").first().getAttribute("open"), "");
  await page.focus("#plan-add");
  await page.keyboard.press("Enter");
  assert.equal(await shown(page, "#cart-total"), "USD 1,868.88");
  assert.deepEqual(problems, []);
  await close();
});

test("a plan chosen while the tab's code is still loading is priced, not lost (a slow phone)", async () => {
  // The tab's code (plan.js) is held back until the customer has chosen both files; the service
  // worker is blocked so that the page's own request for it is the one held. Totals as the first
  // test's "after": upfront 480.00, monthly 1,388.88.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const { page, problems, close } = await visit({
    viewport: WIDTHS.phone,
    options: { serviceWorkers: "block" },
    prepare: (context) => context.route(/\/plan\.js$/, async (route) => (await held, route.continue())),
  });
  await page.click("#tab-plan");
  await page.setInputFiles("#plan-side", `${FIXTURES}prices.json`);
  await page.setInputFiles("#plan-file", `${FIXTURES}change_plan.json`);
  release();
  await page.waitForFunction(() => document.querySelector('#plan-totals [data-row="monthly"] td:nth-child(3)')?.dataset.amount === "1388.88");
  assert.equal(await page.getAttribute('#plan-totals [data-row="upfront"] td:nth-child(3)', "data-amount"), "480.00");
  assert.deepEqual(problems, []);
  await close();
});
