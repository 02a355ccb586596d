// No English on the zh-CN page but codes and units (issue 29): every visible text node, the title,
// aria-labels, placeholders, titles and option texts, on every tab and in the states a customer
// reaches (errors, warnings, timelines, the cart), the CSV's and JSON's human columns, and the
// CLI's zh-CN tables.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { WIDTHS, base, csvRows, downloaded, norm, visit } from "./harness.mjs";

/**
 * Latin words that are neither codes nor units. Codes: spec and rule IDs with a dot or a digit
 * (acp.basic.small, CP-3), capitals (USD, ECS, EIP, NAT, TPS, CONNECT, UTC, YYYY-MM-DD), and a
 * value in ASCII quotes ("terraform apply", "instance_type"). A camelCase word (devicePub,
 * monthlyPrice, RenewAndroidInstanceGroups) is an API name, wherever it stands: alone, in quotes,
 * in a path (iot.monthlyPrice, items[0].monthlyPrice), with a digit. The page says what it means
 * in Chinese, or marks it as a code with <code> (which `everythingSaid` leaves out). Only the keys
 * of the plan's price and usage file (issue 33), "prices.natGateway.Enhanced.hourly",
 * "usage.<地址或类型>.hoursPerMonth", are written as the customer types them into that file.
 * The short allow-list, each for a reason:
 */
const ALLOWED = new Set([
  "GiB", "vCPU", // units, as Alibaba's Chinese pages write them
  "Pub", "Sub", "PubBroadcast", "Revert-RPC", // MQTT and IoT message names that Alibaba's Chinese documents keep in Latin letters
  "CoAP", // a protocol's name, spelt in Latin letters in Chinese too (as MQTT and HTTP are)
  "x", // the multiplication sign of the engine's formulas ("2 台 x 1 个月")
  "English", // the language switch names English in English
  "Terraform", // a product's name, as Alibaba's Chinese documents write it
]);

/** A key path of the plan's price and usage file, with its quotes: `"prices.ecs.instanceTypes["ecs.c7.xlarge"].monthly"`. */
const SIDE_FILE_KEY = /"?\b(?:prices|usage)\.[^\s，。；：（）]*/g;

export function latinWords(text) {
  const rest = String(text).replace(SIDE_FILE_KEY, "");
  // API names first, in every word of every token, quoted or not.
  const apiNames = (rest.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((word) => /[a-z][A-Z]/.test(word));
  const tokens = rest.replace(/"[^"\n]*"/g, "").match(/[A-Za-z][A-Za-z0-9._+-]*[A-Za-z0-9]|[A-Za-z]/g) ?? [];
  const english = tokens.filter((word) => !/[._0-9]/.test(word) && !/^[A-Z]+(-[A-Z]+)*$/.test(word));
  return [...new Set([...english, ...apiNames])].filter((word) => !ALLOWED.has(word));
}

/** Everything the page says to a reader or a screen reader, as it stands. */
function everythingSaid(page) {
  return page.evaluate(() => {
    const out = [document.title];
    const shown = (el) => el && el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true }) && !el.closest("template");
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // A <code> element holds a code by its markup (a resource address, a command): not words.
      if (parent?.closest("code")) continue;
      if (parent && !["SCRIPT", "STYLE"].includes(parent.tagName) && (shown(parent) || parent.closest("svg, .visually-hidden"))) out.push(node.textContent);
    }
    for (const el of document.querySelectorAll("[aria-label], [placeholder], [title], [alt]")) {
      if (!shown(el) && !el.closest("svg")) continue;
      for (const name of ["aria-label", "placeholder", "title", "alt"]) if (el.hasAttribute(name)) out.push(el.getAttribute(name));
    }
    for (const select of document.querySelectorAll("select")) {
      if (!shown(select)) continue;
      for (const option of select.options) out.push(option.textContent);
      for (const group of select.querySelectorAll("optgroup")) out.push(group.label);
    }
    return out.join("\n");
  });
}

test("简体中文 everywhere: no English word on any tab, in any state, in the exports", async () => {
  // The check itself can fail: English words and API names are found, codes and units are not.
  assert.deepEqual(latinWords('Add to cart: USD 9.91, acp.basic.small, devicePub, CP-3, 4 vCPU, "monthly", Loading…'), ["Add", "to", "cart", "devicePub", "Loading"]);
  // An API name in quotes, in a path, with a digit, in a Chinese sentence: found all the same.
  assert.deepEqual(latinWords('请填写 "monthlyPrice"；iot.monthlyPrice、items[0].legacyPublic、devicePub2，按 payAsYouGo 计费').sort(), ["devicePub2", "items", "legacyPublic", "monthlyPrice", "payAsYouGo"]);
  // The plan's price and usage file: its keys as the customer types them, and nothing after them.
  assert.deepEqual(latinWords('请在价格与用量文件中给出 "prices.ecs.instanceTypes["ecs.c7.xlarge"].monthly"、"usage.<地址或类型>.hoursPerMonth"，或 "natGateway"'), ["natGateway"]);
  const { page, problems, close } = await visit({ locale: "zh-CN", viewport: WIDTHS.phone });
  const leftovers = {};
  const check = async (where) => {
    const words = latinWords(await everythingSaid(page));
    if (words.length) leftovers[where] = words;
  };
  const tab = (name) => page.getByRole("tab", { name }).click();
  const add = () => page.getByRole("button", { name: "加入清单" }).click();

  await check("云手机");
  await add();
  await page.locator("#cp-billing-payAsYouGo").check();
  await page.locator("#cp-internet").check();
  await check("云手机：按量付费和公网访问");
  await add();
  await page.locator("#cp-quantity").fill("10,000");
  await check("云手机：错误");
  await page.locator("#cp-quantity").fill("1");

  await tab("物联网平台");
  await check("物联网平台：设备规模");
  await page.locator("#iot-fleet-bytes").fill("1 KB");
  await check("物联网平台：错误");
  await page.locator("#iot-fleet-bytes").fill("256");
  await add();
  await page.locator("#iot-mode-perDay").check();
  await page.locator("#iot-minutes").fill("90000");
  await check("物联网平台：连接时长和消息通信");
  await page.locator("#iot-pricing").selectOption("basicPro");
  await page.locator("#iot-edition").selectOption("pro");
  await check("物联网平台：每天消息数");
  await page.locator("#iot-mode-days").check();
  await page.locator("#item-days summary").click();
  await check("物联网平台：逐日");
  await page.locator("#iot-instance").selectOption("enterprise");
  await page.locator("#iot-ent-price").fill("100");
  await page.locator("#iot-ent-size").check();
  await check("物联网平台：企业版");
  await add();
  await page.locator("#iot-instance").selectOption("newPublic");
  await check("物联网平台：新版公共实例");

  await tab("云服务器 ECS");
  await check("ECS：未填价格");
  await page.locator("#ecs-sub-instance").fill("45.50");
  await check("ECS：包年包月");
  await add();
  await page.locator("#ecs-billing-payAsYouGo").check();
  await page.locator("#ecs-payg-instance").fill("0.5");
  await check("ECS：按量付费");
  await add();

  await tab("计费方式对比");
  await check("对比：云手机");
  await page.locator("#cmp-current").selectOption("subscription");
  await check("对比：云手机，已购买");
  for (const product of ["ecs", "iot"]) {
    await page.locator("#cmp-product").selectOption(product);
    await check(`对比：${product}`);
  }
  await page.locator("#cmp-iot-edition").selectOption("basic");
  await check("对比：企业版与基础版");
  await page.locator("#cmp-iot-edition").selectOption("");

  await tab("欠费会怎样");
  for (const resource of await page.locator("#lc-resource option").evaluateAll((os) => os.map((o) => o.value))) {
    await page.locator("#lc-resource").selectOption(resource);
    if (resource === "cart") await page.locator("#lc-balance").fill("500");
    await check(`欠费会怎样：${resource}`);
  }

  // A Terraform plan (issue 33): the empty tab, a plan without prices (its reasons), with them, a
  // resource opened, a file that is not JSON; then its resources join the cart (and the exports below).
  const terraform = new URL("../../terraform/", import.meta.url).pathname;
  await tab("Terraform 计划");
  await check("Terraform 计划：空");
  await page.setInputFiles("#plan-file", `${terraform}first_plan.json`);
  await page.waitForSelector("#plan-totals");
  await check("Terraform 计划：未给价格");
  // The side file's hint and a side file that is not JSON: its three keys, the catalog optional.
  assert.equal(norm(await page.locator("#plan-side-hint").textContent()), 'ECS、EIP 和 NAT 网关的价格（没有文档公布）、每月小时数，以及您的价格目录（如有），一个 JSON 文件： { "prices": …, "usage": …, "catalog": … }');
  await page.setInputFiles("#plan-side", { name: "prices.json", mimeType: "application/json", buffer: Buffer.from("{ prices: 1 }") });
  await page.waitForFunction(() => document.getElementById("plan-side-error").textContent !== "");
  assert.equal(norm(await page.locator("#plan-side-error").textContent()), '此文件不是 JSON：应为对象 { "prices": …, "usage": …, "catalog": … }，价格目录 "catalog" 可省略。');
  await check("Terraform 计划：价格文件不是 JSON");
  await page.setInputFiles("#plan-side", `${terraform}prices.json`);
  await page.waitForFunction(() => document.querySelector('#plan-totals [data-row="monthly"] td')?.dataset.amount === "257.58");
  for (const summary of await page.locator("#plan-resources summary").all()) await summary.click();
  await check("Terraform 计划：已计价");
  await page.setInputFiles("#plan-file", `${terraform}change_plan.json`);
  await page.waitForFunction(() => document.querySelectorAll("#plan-totals thead th").length === 3);
  await page.locator("#plan-resources summary").first().click();
  await check("Terraform 计划：变更前后");
  await page.getByRole("button", { name: /^将已计价的资源加入清单/ }).click();
  await check("Terraform 计划：已加入清单");

  const rows = csvRows(await downloaded(page, page.getByRole("button", { name: "导出 CSV" })));
  // The human columns: every header, product, kind, item description, line, formula, unit.
  const human = [rows[0].join(" "), ...rows.slice(1).map((r) => [r[1], r[2], r[3], r[4], r[5], r[7]].join(" "))].join("\n");
  if (latinWords(human).length) leftovers.CSV = latinWords(human);
  const exported = JSON.parse(await downloaded(page, page.getByRole("button", { name: "导出 JSON" })));
  const said = [];
  const walk = (v, key) => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
    else if (typeof v === "string" && ["description", "formula", "message"].includes(key)) said.push(v);
  };
  walk(exported.quote);
  if (latinWords(said.join("\n")).length) leftovers.JSON = latinWords(said.join("\n"));

  await page.getByRole("tab", { name: "云手机" }).click();
  await page.locator("#rule-list").scrollIntoViewIfNeeded();
  await check("计费规则和页脚");
  // The walk reaches the title, aria-labels and option texts, not just the visible text.
  const everything = await everythingSaid(page);
  for (const expected of ["阿里云费用计算器", "删除第 1 项", "中国香港及海外"]) assert.ok(everything.includes(expected), expected);
  assert.deepEqual(leftovers, {});
  // No text shown as its key for want of one, in any state above or in the exports ("product.eip"
  // has no camelCase word to give it away).
  assert.deepEqual(await page.evaluate(async () => (await import("./i18n.js")).missingKeys()), []);
  assert.deepEqual(problems, []);
  await close();

  const damaged = await visit({ url: `${base()}?s=%%%`, locale: "zh-CN" });
  assert.deepEqual(latinWords(await everythingSaid(damaged.page)), [], "a damaged link's message");
  await damaged.close();
});

test("the CLI's zh-CN tables: no English word in the lifecycle and account tables", () => {
  const cli = new URL("../../../js/cli.mjs", import.meta.url).pathname;
  const run = (command, request) => spawnSync(process.execPath, [cli, command, "-", "--locale", "zh-CN"], { input: JSON.stringify(request), encoding: "utf8" });
  const lifecycle = run("lifecycle", { product: "cloudPhone", resource: { billing: "payAsYouGo" }, start: "2026-12-01", account: { balance: "4.80" }, costPerHour: "0.05" });
  assert.equal(lifecycle.status, 0, lifecycle.stderr);
  // 4.80 / 0.05 = 96 h: the 97th hourly deduction, at Dec 5 01:00, is the first unpaid: overdue then
  // (CP-13, CP-4), released 15 days later (CP-9).
  assert.match(lifecycle.stdout, /2026-12-05T01:00:00\+08:00 {2}欠费 {2}欠费/);
  assert.match(lifecycle.stdout, /2026-12-20T01:00:00\+08:00 {2}释放 {2}已释放/);
  const account = run("account", { start: "2026-12-01", account: { balance: "10" }, items: [{ product: "ecs", billing: "payAsYouGo", prices: { instance: "1" } }] });
  assert.equal(account.status, 0, account.stderr);
  // Instants are RFC 3339 codes ("T" marks the time): left out, the rest has no English word.
  // A plan's table: resource addresses, units ("phone-month") and provider names are codes.
  const plan = spawnSync(process.execPath, [cli, "plan", new URL("../../terraform/first_plan.json", import.meta.url).pathname, "--prices", new URL("../../terraform/prices.json", import.meta.url).pathname, "--locale", "zh-CN"], { encoding: "utf8" });
  assert.equal(plan.status, 0, plan.stderr);
  const planWords = plan.stdout.replace(/\S*alicloud_\S*/g, "").replace(/\b[a-z]+-(hour|month)\b|\bhour\b/g, "").replace(/^(其他提供方.*：).*$/m, "$1");
  for (const out of [lifecycle.stdout, account.stdout, planWords]) assert.deepEqual(latinWords(out.replace(/\d{4}-\d{2}-\d{2}T[\d:]+\+08:00/g, "")), []);
});
