// The CLI (issue 19): alicloud-cost quote|compare|lifecycle|account <file|-> in table, CSV and JSON,
// in both label languages, and its error path. Expected values are the hand-worked totals of
// tests/golden.rs (mixed cart) and tests/compare.rs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const cli = new URL("../../js/cli.mjs", import.meta.url).pathname;
const golden = (name) => new URL(`../golden/${name}`, import.meta.url).pathname;
const run = (args, input) => spawnSync(process.execPath, [cli, ...args], { input, encoding: "utf8" });

test("package.json names the CLI as its bin", () => {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  assert.deepEqual(pkg.bin, { "alicloud-cost": "js/cli.mjs" });
  assert.match(readFileSync(cli, "utf8"), /^#!\/usr\/bin\/env node\n/);
});

test("quote: an aligned table that ends with the total, after the estimate", () => {
  // Mixed cart (tests/golden.rs): 618.36 paid; upfront 432.00, monthly 13.91, one-off 172.45,
  // first 12 months 432.00 + 172.45 + 12 x 13.91 = 771.37.
  const r = run(["quote", golden("mixed_cart.request.json")]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split("\n");
  assert.match(lines.at(-1), /^total +618\.36$/);
  assert.match(lines.at(-2), /^first 12 months +771\.37$/);
  assert.match(lines.at(-5), /^upfront +432\.00$/);
  // Aligned: every row of the line table is as wide as its header up to the last column.
  const amountColumn = lines[0].indexOf("amount (USD)");
  assert.ok(amountColumn > 0);
  assert.match(lines.find((l) => l.includes("discount")), /-18\.98$/);
});

test("quote: CSV and JSON carry the same figures; standard input works", () => {
  const request = readFileSync(golden("mixed_cart.request.json"), "utf8");
  const csv = run(["quote", "-", "--format", "csv"], request);
  assert.equal(csv.status, 0, csv.stderr);
  const rows = csv.stdout.replace(/^\ufeff/, "").trimEnd().split("\r\n");
  assert.equal(rows[0], "item,kind,line,formula,amount (USD)");
  assert.equal(rows.at(-1), ",,,total,618.36");
  assert.equal(rows.at(-2), ",,,first 12 months,771.37");
  const json = run(["quote", "-", "--format=json"], request);
  const answer = JSON.parse(json.stdout);
  assert.equal(answer.tradePrice, "618.36");
  assert.equal(answer.estimate.firstYear, "771.37");
  assert.equal(JSON.stringify(answer), JSON.stringify(JSON.parse(readFileSync(golden("mixed_cart.response.json"), "utf8"))), "the same answer as the library");
});

test("compare and lifecycle, with Chinese labels", () => {
  // acp.basic.small, 3 months at 216 h: 3 x 9.9057 = 29.7171 -> 29.72; 54 periods x 4 h x 0.0457
  // = 9.8712 -> 9.87 a month x 3 = 29.61; saving 0.11; break-even 216.75 h.
  const request = JSON.stringify({ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", usage: { months: 3, hoursPerMonth: 216 } });
  const c = run(["compare", "-", "--locale", "zh-CN"], request);
  assert.equal(c.status, 0, c.stderr);
  assert.match(c.stdout, /包年包月 \(每月 9\.91\) +29\.72/);
  assert.match(c.stdout, /盈亏平衡（每月小时数） +216\.75/);
  assert.match(c.stdout.trimEnd().split("\n").at(-1), /^节省 \(更便宜: 按量付费\) +0\.11$/);
  const l = run(["lifecycle", golden("lifecycle_ecs.request.json")]);
  assert.equal(l.status, 0, l.stderr);
  const billed = JSON.parse(readFileSync(golden("lifecycle_ecs.response.json"), "utf8")).billed;
  assert.match(l.stdout.trimEnd().split("\n").at(-1), new RegExp(`^billed +${billed.replace(".", "\\.")}$`));
});

test("a bad request exits 1 with the code, path and message on stderr; a bad command line exits 2", () => {
  const r = run(["quote", "-"], JSON.stringify({ items: [{ product: "cloudPhone", spec: "acp.mega", region: "mainland", billing: "payAsYouGo", hours: 5 }] }));
  assert.equal(r.status, 1);
  assert.equal(r.stdout, "");
  assert.match(r.stderr, /^error: unknown_spec at items\[0\]\.spec: /);
  const malformed = run(["quote", "-"], "{");
  assert.equal(malformed.status, 1);
  assert.match(malformed.stderr, /^error: invalid_type/);
  assert.equal(run(["price", "-"], "{}").status, 2);
  assert.equal(run(["quote", "-", "--format", "xml"], "{}").status, 2);
  assert.equal(run(["quote"]).status, 2);
  assert.equal(run(["quote", "/nonexistent.json"]).status, 2);
  const account = run(["account", "-"], "{}");
  assert.equal(account.status, 1);
  assert.match(account.stderr, /^error: missing_field at start: /);
});

test("account: the merged timeline, then the runway, the first interruption and the top-up", () => {
  // tests/account.rs: two phones at 2 x 0.0457 = 0.0914 an hour on USD 10 run out in the
  // 393,874th second, Dec 5 13:24:34 (UTC+8); deducted on the hour (CP-13), the 110th
  // deduction, at 14:00, is the first unpaid: overdue then, billed 110 x 0.0914 = 10.054 ->
  // 10.05; keeping them running to Dec 10 needs 9 x 24 x 0.0914 = 19.7424 in all: 9.75 more.
  const request = JSON.stringify({ start: "2026-12-01", until: "2026-12-10", account: { balance: "10" },
    items: [{ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "payAsYouGo", quantity: 2 }] });
  const r = run(["account", "-"], request);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split("\n");
  assert.match(lines.at(-1), /^billed +10\.05$/);
  assert.match(r.stdout, /credit runs out +2026-12-05T13:24:34\+08:00/);
  assert.match(r.stdout, /first interruption \(item 1, overdue\) +2026-12-05T14:00:00\+08:00/);
  assert.match(r.stdout, /top-up at start to keep everything running until 2026-12-10T00:00:00\+08:00 +9\.75/);
  const zh = run(["account", "-", "--locale", "zh-CN", "--format", "csv"], request);
  assert.equal(zh.status, 0, zh.stderr);
  assert.match(zh.stdout, /额度用完,2026-12-05T13:24:34\+08:00/);
  // The same summary in Chinese punctuation: full-width parentheses and comma.
  assert.match(zh.stdout, /最先中断（项 1，欠费）,2026-12-05T14:00:00\+08:00/);
});

// ---------------------------------------------------------------- plan (issue 33)
// The plans and side file of tests/terraform/, whose totals tests/terraform.rs works out by hand.
const terraform = (name) => new URL(`../terraform/${name}`, import.meta.url).pathname;
const prices = terraform("prices.json");

test("plan: a table of each resource's lines with an upfront and a monthly column, then before, after and the difference", () => {
  const r = run(["plan", terraform("change_plan.json"), "--prices", prices]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split("\n");
  assert.match(lines[0], /^resource +component +quantity +unit +upfront \(USD\) +monthly \(USD\)$/);
  // The farm grows to 20 phones: 14,400 phone-hours (720 h x 20), 1,020.96 a month.
  assert.match(r.stdout, /alicloud_cloud_phone_instance_group\.farm \(update\) +acp\.basic\.small .* 14400 +phone-hour +1020\.96\n/);
  // A Small NAT Gateway bought for 12 months is upfront; the deleted EIP stops billing.
  assert.match(r.stdout, /alicloud_nat_gateway\.keep \(no-op\) +NAT Gateway instance +12 +gateway-month +480\.00\n/);
  assert.match(r.stdout, /alicloud_eip_address\.old \(delete\) +EIP address +730 +address-hour +-3\.65\n/);
  // Before (prior state) 772.55 a month, after 1,388.88, difference +616.33 (tests/terraform.rs).
  assert.match(r.stdout, /before \(the prior state\) +480\.00 +772\.55 +9750\.60\n/);
  assert.match(r.stdout, /after +480\.00 +1388\.88 +17146\.56\n/);
  assert.match(r.stdout, /difference +\+0\.00 +\+616\.33 +\+7395\.96\n/);
  // Each resource's warning names the resources it applies to; the plan's own names none.
  assert.match(r.stdout, /\n- alicloud_instance\.app: Pay-as-you-go: 730 hours a month assumed/);
  assert.match(r.stdout, /\n- These usage keys match no resource of the plan: /);
});

test("plan: in Chinese, each line's unit is the page's word for it (www/i18n.js), in the table and the comment", async () => {
  const { setLanguage, t } = await import("../../www/i18n.js");
  setLanguage("zh-CN");
  const args = ["plan", terraform("first_plan.json"), "--prices", prices];
  // The unit codes the plan's lines have (the JSON answer), then each as the Chinese table says it.
  const json = JSON.parse(run([...args, "--format", "json"]).stdout);
  const codes = json.resources.flatMap((r) => (r.item ? r.item.lines.map((l) => l.unit) : []));
  assert.ok(codes.includes("phone-month") && codes.includes("instance-hour") && codes.includes("gateway-hour"), codes.join());
  const zh = run([...args, "--locale", "zh-CN"]);
  assert.equal(zh.status, 0, zh.stderr);
  for (const code of new Set(codes)) {
    const word = t(`unit.${code}`);
    assert.notEqual(word, `unit.${code}`, `the page has a word for ${code}`);
    assert.ok(zh.stdout.includes(`  ${word}  `), `${code} is ${word} in the Chinese table`);
  }
  assert.ok(!codes.some((code) => zh.stdout.includes(` ${code} `)), "no unit code is left in English");
  const md = run([...args, "--locale", "zh-CN", "--format", "markdown"]);
  assert.match(md.stdout, /\| 120 \| 台·月 \| 2560\.24 \|/);
});

test("plan: a warning shared by several resources is said once, with every address it applies to", () => {
  // first_plan.json: the disk and both EIPs have no hours a month; both EIPs are pay-by-traffic.
  const r = run(["plan", terraform("first_plan.json"), "--prices", prices]);
  assert.equal(r.status, 0, r.stderr);
  const notes = r.stdout.split("\n").filter((l) => l.startsWith("- "));
  assert.deepEqual(notes.filter((l) => l.includes("730 hours a month assumed")),
    ['- alicloud_ecs_disk.logs, alicloud_eip_address.nat["a"], alicloud_eip_address.nat["b"]: Pay-as-you-go: 730 hours a month assumed (the resource runs all month); give usage.<address or type>.hoursPerMonth in the side file.']);
  assert.ok(notes.includes('- alicloud_nat_gateway.main: The capacity units (CU/LCU) an Enhanced NAT Gateway is billed for by use are not included.'), notes.join("\n"));
  const md = run(["plan", terraform("first_plan.json"), "--prices", prices, "--format", "markdown", "--locale", "zh-CN"]);
  assert.match(md.stdout, /\n- `alicloud_eip_address\.nat\["a"\]`, `alicloud_eip_address\.nat\["b"\]`：按使用流量计费：流量按 GB 计费，未计入。/);
  // The comment punctuates as its notes do: full-width in Chinese, as the table's "未计价：". Its
  // amounts are grouped by thousands, as the engine's texts write money (2,849.14); the table's are plain.
  assert.equal(md.stdout.split("\n")[2], "**每月：+257.58 USD**（0.00 → 257.58） · **预付：+2,849.14 USD**（0.00 → 2,849.14） · 首 12 个月合计：+5,940.10 USD");
  assert.match(md.stdout, /\n\*\*未计价\*\*（3）：\n- `alicloud_instance\.pending`："instance_type" 要到执行/);
  assert.match(md.stdout, /\n- `alicloud_cloud_phone_instance_group\.phones`：2027-07-01T10:00:00\+08:00 到期；/);
  const en = run(["plan", terraform("first_plan.json"), "--prices", prices, "--format", "markdown"]);
  assert.match(en.stdout, /\n\*\*Not priced\*\* \(3\):\n- `alicloud_instance\.pending`: instance_type is known/);
});

test("plan: --base compares with another plan; markdown is a pull-request comment with the difference first", () => {
  const r = run(["plan", terraform("change_plan.json"), "--prices", prices, "--base", terraform("main_branch.json"), "--format", "markdown"]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split("\n");
  assert.equal(lines[0], "### Alibaba Cloud cost of this plan");
  // The main branch leaves 695.90 a month; this plan 1,388.88: +692.98.
  assert.equal(lines[2], "**Monthly: +692.98 USD** (695.90 → 1,388.88) · **Upfront: +0.00 USD** (480.00 → 480.00) · first 12 months: +8,315.76 USD");
  assert.ok(lines.includes("| `alicloud_instance.app` | replace | 0.00 | 367.92 | +0.00 | +182.50 |"), r.stdout);
  assert.match(r.stdout, /<details><summary>Every line, with its formula<\/summary>/);
  assert.match(r.stdout, /\| `alicloud_instance\.app` \| ecs\.g7\.xlarge, pay-as-you-go<br><sub>1 instance x 730 h a month x USD 0\.5\/hour \(ecs\.g7\.xlarge, pay-as-you-go, your price\)<\/sub> \| 730 \| instance-hour \|  \| 365\.00 \|/);
});

test("plan: markdown keeps the engine's texts literal, as a pull-request comment renders them", () => {
  // A GitHub comment reads "usage.<address or type>.values" as an HTML tag named address and drops it,
  // and two "[*]" usage keys as the edges of an italic run that swallows the asterisks. Escaped: &lt; &gt;
  // are entities, \* and a word-edge \_ are backslash escapes; alicloud_instance stays as written.
  const side = JSON.stringify({ usage: { "a._x_[*]": { hoursPerMonth: 1 }, "b[*]": { hoursPerMonth: 1 } } });
  const r = run(["plan", terraform("first_plan.json"), "--prices", "-", "--format", "markdown"], side);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.includes("- `alicloud_instance.pending`: instance_type is known only after apply: give it under usage.&lt;address or type&gt;.values in the side file"), r.stdout);
  assert.ok(r.stdout.includes('These usage keys match no resource of the plan: "a.\\_x\\_[\\*]", "b[\\*]".'), r.stdout);
  // Every "<" left opens or closes one of the comment's own tags.
  for (const [tag] of r.stdout.matchAll(/<[^>]*>?/g)) assert.match(tag, /^<\/?(details|summary|br|sub)>$/, tag);
});

test("plan: what is not priced says why, in Chinese too; JSON is the library's answer", () => {
  const zh = run(["plan", terraform("first_plan.json"), "--prices", prices, "--locale", "zh-CN"]);
  assert.equal(zh.status, 0, zh.stderr);
  assert.match(zh.stdout, /未计价：\n  alicloud_instance\.pending（新建）："instance_type" 要到执行 "terraform apply" 之后才确定/);
  assert.match(zh.stdout, /其他提供方（只计数，不计价）：random 1, aws 1/);
  assert.match(zh.stdout, /差额 +\+2849\.14 +\+257\.58 +\+5940\.10/);
  const json = run(["plan", "-", "--prices", prices, "--format", "json"], readFileSync(terraform("first_plan.json"), "utf8"));
  const answer = JSON.parse(json.stdout);
  assert.deepEqual(answer.estimate, { upfront: "2849.14", monthly: "257.58", oneOff: "0.00", firstYear: "5940.10" });
});

test("plan: exit 3 above --fail-above-monthly, 1 on a bad plan, 2 on a bad command line", () => {
  const args = ["plan", terraform("change_plan.json"), "--prices", prices];
  // 1,388.88 a month: above 1,388.87, not above 1,388.88.
  const above = run([...args, "--fail-above-monthly", "1388.87"]);
  assert.equal(above.status, 3);
  assert.match(above.stderr, /monthly USD 1,388\.88 above the limit of USD 1,388\.87/);
  assert.match(above.stdout, /^resource/, "the estimate is printed all the same");
  assert.equal(run([...args, "--fail-above-monthly", "1388.88"]).status, 0);
  assert.equal(run([...args, "--fail-above-monthly", "1388.880"]).status, 0);
  const bad = run(["plan", "-"], JSON.stringify({ format_version: "0.2", planned_values: {} }));
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /^error: not_supported at format_version: /);
  const badSide = run(["plan", terraform("first_plan.json"), "--prices", "-"], JSON.stringify({ prices: {}, useage: {} }));
  assert.equal(badSide.status, 1);
  assert.match(badSide.stderr, /^error: unknown_field at --prices useage/);
  assert.equal(run([...args, "--fail-above-monthly", "lots"]).status, 2);
  assert.equal(run([...args, "--format", "csv"]).status, 2);
  assert.equal(run(["quote", golden("mixed_cart.request.json"), "--prices", prices]).status, 2, "plan's options only");
  assert.equal(run(["plan"]).status, 2);
  // Standard input is read once: the plan and the side file cannot both be "-" (the second read
  // nothing and was reported as a side file that is not JSON, exit 1).
  const twice = run(["plan", "-", "--prices", "-"], readFileSync(prices, "utf8"));
  assert.equal(twice.status, 2);
  assert.match(twice.stderr, /^only one of the plan, --prices and --base can be - \(standard input\)/);
  assert.equal(run(["plan", terraform("first_plan.json"), "--prices", "-", "--base", "-"], "{}").status, 2);
});

test("plan: a plan, side file or base plan that cannot be read exits 1 (a bad plan or side file), naming it", () => {
  const cases = [
    [["plan", "/nonexistent/plan.json"], /^error: cannot read the plan \/nonexistent\/plan\.json: /],
    [["plan", terraform("first_plan.json"), "--prices", "/nonexistent/prices.json"], /^error: cannot read the side file \/nonexistent\/prices\.json: /],
    [["plan", terraform("first_plan.json"), "--base", "/nonexistent/main.json"], /^error: cannot read the base plan \/nonexistent\/main\.json: /],
    // A directory is there but is not a file to read.
    [["plan", new URL("../terraform/", import.meta.url).pathname], /^error: cannot read the plan .*: a directory, not a file \(EISDIR\)\n$/],
  ];
  for (const [args, message] of cases) {
    const r = run(args);
    assert.equal(r.status, 1, args.join(" "));
    assert.equal(r.stdout, "");
    assert.match(r.stderr, message);
  }
});

test("a file that cannot be read or is not JSON: which file, and what to give, in --locale's language", () => {
  // A binary plan ("terraform plan -out" writes a zip) is the usual mistake in CI: the message names the
  // file and the command whose output to give instead, as the page does (www/i18n.js plan.err.notJson).
  const dir = mkdtempSync(join(tmpdir(), "alicloud-cost-cli-"));
  const binary = join(dir, "tfplan");
  writeFileSync(binary, "PK\u0003\u0004 binary");
  const side = join(dir, "side.json");
  writeFileSync(side, "not json\nat all");
  const cases = [
    [["plan", binary], 1,
      `error: invalid_type: the plan ${binary} is not JSON (expected a value at byte 0): give the file that "terraform show -json PLANFILE" writes, not the binary plan of "terraform plan -out"`,
      `error: invalid_type: 计划 ${binary} 不是 JSON（位置 0）：请给出 "terraform show -json PLANFILE" 写出的文件，而不是 "terraform plan -out" 写出的二进制计划`],
    [["plan", terraform("first_plan.json"), "--base", binary], 1,
      `error: invalid_type at base: the base plan ${binary} is not JSON (expected a value at byte 0): give the file that "terraform show -json PLANFILE" writes, not the binary plan of "terraform plan -out"`,
      `error: invalid_type at base: 基准计划 ${binary} 不是 JSON（位置 0）：请给出 "terraform show -json PLANFILE" 写出的文件，而不是 "terraform plan -out" 写出的二进制计划`],
    // One line, without the file's text that JSON.parse quotes.
    [["plan", terraform("first_plan.json"), "--prices", side], 1,
      `error: invalid_type at --prices: the side file ${side} is not JSON (Unexpected token 'o'): it is an object { "prices": …, "usage": …, "catalog": … }, the catalog if you have one`,
      `error: invalid_type at --prices: 价格与用量文件 ${side} 不是 JSON：应为对象 { "prices": …, "usage": …, "catalog": … }，价格目录 "catalog" 可省略`],
    [["plan", join(dir, "missing.json")], 1,
      `error: cannot read the plan ${join(dir, "missing.json")}: no such file (ENOENT)`,
      `error: 无法读取计划 ${join(dir, "missing.json")}：文件不存在（ENOENT）`],
    [["quote", binary], 1,
      `error: invalid_type: the request ${binary} is not JSON (expected a value at byte 0)`,
      `error: invalid_type: 请求 ${binary} 不是 JSON（位置 0）`],
    [["quote", join(dir, "missing.json")], 2,
      `error: cannot read the request ${join(dir, "missing.json")}: no such file (ENOENT)`,
      `error: 无法读取请求 ${join(dir, "missing.json")}：文件不存在（ENOENT）`],
  ];
  for (const [args, status, en, zh] of cases) {
    const english = run(args);
    assert.equal(english.status, status, args.join(" "));
    assert.equal(english.stderr, `${en}\n`);
    const chinese = run([...args, "--locale", "zh-CN"]);
    assert.equal(chinese.status, status, args.join(" "));
    assert.equal(chinese.stderr, `${zh}\n`);
  }
  const unknownKey = run(["plan", terraform("first_plan.json"), "--prices", "-", "--locale", "zh-CN"], JSON.stringify({ prices: {}, useage: {} }));
  assert.equal(unknownKey.stderr, 'error: unknown_field at --prices useage: 价格与用量文件（标准输入）中有不接受的 "useage"：只能包含 "prices"、"usage" 和 "catalog"\n');
  rmSync(dir, { recursive: true });
});

test("--site prices on that site, in its currency, unless the request names its own (issue 32)", () => {
  // doc 73701 on the Japan site, free million every month (SITE-2, IOT-29): JPY 12,364 billed
  // day by day (tests/iot_generation_quote.rs works it out); the amount column names JPY.
  const request = JSON.stringify({ policy: { iot: { freeQuota: "everyMonth" } }, items: [{ product: "iot", instance: "legacyPublic", pricing: "connectionAndMessages", month: "2026-11",
    usage: { fleet: { devices: 10000, onlineHoursPerDay: 8, messages: [{ every: { minutes: 1 }, bytes: 512 }] } } }] });
  const r = run(["quote", "-", "--site", "japan"], request);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split("\n");
  assert.match(lines[0], /amount \(JPY\)$/);
  assert.match(lines.at(-1), /^total +12364$/);
  assert.ok(!lines.some((l) => /discount/.test(l)), "no discount row for a zero discount in yen");
  // The request's own site wins over --site.
  const own = run(["quote", "-", "--site", "japan", "--format", "json"], JSON.stringify({ ...JSON.parse(request), site: "international" }));
  assert.equal(JSON.parse(own.stdout).currency, "USD");
  assert.equal(run(["quote", "-", "--site", "mars"], request).status, 2);
});

test("compare: every IoT option as a table, the cheapest last", () => {
  // 40 devices every 10 minutes (tests/iot_generation_quote.rs): Basic is free within its
  // monthly million; a new public instance is outgrown in month 2.
  const request = JSON.stringify({ product: "iot", startMonth: "2026-11", usage: { months: 3 }, activated: "2026-11-01",
    fleet: { devices: 40, messages: [{ every: { minutes: 10 }, bytes: 100 }] }, growth: { devicesPercentPerMonth: 30 } });
  const r = run(["compare", "-"], request);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /legacy public, Basic +yes +0\.00/);
  assert.match(r.stdout, /new public \(free\) +no +2 /);
  assert.match(r.stdout.trimEnd().split("\n").at(-1), /^cheapest option +legacy public, Basic$/);
});

test("plan --site prices the plan on that site, in its currency (SITE-1)", () => {
  // tests/terraform.rs works the Japan site out: the db instance's month is 93 yen.
  const r = run(["plan", terraform("first_plan.json"), "--prices", prices, "--site", "japan", "--format", "json"]);
  assert.equal(r.status, 0, r.stderr);
  const answer = JSON.parse(r.stdout);
  assert.equal(answer.currency, "JPY");
  assert.equal(answer.resources.find((x) => x.address === "module.app.module.db.alicloud_instance.db[0]").estimate.monthly, "93");
  // The table's amount columns say yen: the side file's prices read as yen give 258 a month, a bare
  // number that could pass for dollars.
  const table = run(["plan", terraform("first_plan.json"), "--prices", prices, "--site", "japan"]);
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /^resource +component +quantity +unit +upfront \(JPY\) +monthly \(JPY\)\n/);
  assert.match(table.stdout, /\n +upfront \(JPY\) +monthly \(JPY\) +first 12 months \(JPY\)\n/);
  const zh = run(["plan", terraform("first_plan.json"), "--prices", prices, "--site", "japan", "--locale", "zh-CN"]);
  assert.match(zh.stdout, /^资源 +计费项 +数量 +单位 +预付（JPY） +每月（JPY）\n/);
  assert.equal(run(["plan", terraform("first_plan.json"), "--site", "mars"]).status, 2);
});

test("plan --site china: Cloud Phone priced from the side file's catalog, else not priced, naming it (SITE-1)", () => {
  // first_plan.json's phones: 2 groups x 5 phones of acp.std.large in cn-shanghai (the Chinese mainland)
  // for 12 months. No CNY price is published; the side file's catalog gives CNY 150 a phone a month:
  // 10 x 12 x 150 = 18,000.00 upfront (CP-2, CP-6).
  const side = JSON.parse(readFileSync(prices, "utf8"));
  side.catalog = { cloudPhone: { specs: [{ id: "acp.std.large", mainland: { monthly: "150" } }] } };
  const r = run(["plan", terraform("first_plan.json"), "--prices", "-", "--site", "china", "--format", "json"], JSON.stringify(side));
  assert.equal(r.status, 0, r.stderr);
  const answer = JSON.parse(r.stdout);
  assert.equal(answer.currency, "CNY");
  const phones = answer.resources.find((x) => x.address === "alicloud_cloud_phone_instance_group.phones");
  assert.equal(phones.priced, true);
  assert.equal(phones.estimate.upfront, "18000.00");
  // Without the catalog, the table says which option to set.
  const without = run(["plan", terraform("first_plan.json"), "--prices", prices, "--site", "china"]);
  assert.equal(without.status, 0, without.stderr);
  assert.match(without.stdout, /alicloud_cloud_phone_instance_group\.phones \(create\): On the China site, no CNY price is published .* at catalog\.cloudPhone\.specs\[\{ id: "acp\.std\.large" \}\]\.mainland\.monthly in the options/);
});

test("--help and command-line mistakes in --locale's language (issue 29: the CLI's zh-CN output is Chinese)", () => {
  const help = run(["--help"]);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^usage: alicloud-cost <quote\|compare\|lifecycle\|account>/);
  // --locale read before --help, wherever it stands; commands, options and values stay as typed.
  for (const args of [["--locale", "zh-CN", "--help"], ["--help", "--locale=zh-CN"]]) {
    const zh = run(args);
    assert.equal(zh.status, 0);
    assert.match(zh.stdout, /^用法：alicloud-cost <quote\|compare\|lifecycle\|account> <文件\|->/);
    assert.match(zh.stdout, /\n {2}account {4}整个账户：所有资源共用一个余额（simulateAccount\(\)）\n/);
    // No English word but the codes a user types: commands, options, values, function and file names.
    const words = zh.stdout.replace(/--[\w-]+|alicloud-cost|\w+\(\)|PLAN(FILE|\.json)|terraform show -json|estimate\.monthly|quote|compare|lifecycle|account|plan|table|csv|json|markdown|international|china|japan|en|zh-CN|prices|usage|catalog|JSON|Terraform/g, "");
    assert.doesNotMatch(words, /[A-Za-z]{2,}/, words);
  }
  const bad = run(["quote", "-", "--bogus", "--locale", "zh-CN"], "{}");
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^未知选项 --bogus\n用法：/);
  assert.match(run(["quote", "-", "--bogus"], "{}").stderr, /^unknown option --bogus\nusage: /);
  const format = run(["plan", "x.json", "--format", "csv", "--locale", "zh-CN"]);
  assert.equal(format.status, 2);
  assert.equal(format.stderr, "--format 只能是 table、json、markdown 之一\n");
});
