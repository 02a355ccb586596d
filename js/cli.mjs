#!/usr/bin/env node
// alicloud-cost: the package's functions on the command line (issue 19).
//   alicloud-cost quote|compare|lifecycle|account <file|-> [--format table|csv|json] [--locale en|zh-CN]
//   alicloud-cost plan PLAN.json [--prices FILE] [--base PLAN.json] [--format table|json|markdown]
//                 [--fail-above-monthly AMOUNT] [--locale en|zh-CN]   (issue 33; exit 3 above the amount)
//                 [--site international|china|japan]
// The request is JSON text (a file, or standard input for "-"); it goes to the *Json text
// functions unchanged, so amounts stay exact decimal strings end to end. A bad request exits 1
// with the error's code, path and message on stderr; a bad command line exits 2.
import { readFileSync } from "node:fs";
import { quoteJson, compareBillingMethodJson, simulateLifecycleJson, simulateAccountJson, quoteTerraformPlanJson } from "./node.js";

const COMMANDS = { quote: quoteJson, compare: compareBillingMethodJson, lifecycle: simulateLifecycleJson, account: simulateAccountJson };
const FORMATS = ["table", "csv", "json"];
const LOCALES = ["en", "zh-CN"];
const SITES = ["international", "china", "japan"];

const LABELS = {
  en: {
    item: "item", kind: "kind", line: "line", formula: "formula", amount: "amount ({currency})", discount: "discount", total: "total",
    upfront: "upfront", monthly: "monthly", oneOff: "one-off", firstYear: "first 12 months",
    month: "month", subscription: "subscription", payAsYouGo: "pay-as-you-go", perMonth: "per month", cheapest: "cheapest", savings: "savings", breakEven: "break-even (hours a month)",
    at: "at (UTC+8)", event: "event", state: "state", credit: "credit ({currency})", billed: "billed", creditRunsOut: "credit runs out", lastSafe: "last safe moment",
    account: "account", firstInterruption: "first interruption", keepRunning: "top-up at start to keep everything running until", deleted: "data deleted",
    which: (words) => ` (${words.join(", ")})`,
    kinds: { subscription: "upfront", monthly: "monthly", oneOff: "one-off", free: "free" },
    option: "option", available: "available", yes: "yes", no: "no", note: "note", outgrown: "outgrown in month", cheapestOption: "cheapest option",
    options: {
      legacyConnectionAndMessages: "legacy public, connection minutes and messages", legacyBasic: "legacy public, Basic", legacyPro: "legacy public, Pro",
      enterprise: "Enterprise Edition", newPublic: "new public (free)",
    },
  },
  "zh-CN": {
    item: "项", kind: "付费方式", line: "计费项", formula: "计算", amount: "金额（{currency}）", discount: "折扣", total: "合计",
    upfront: "预付", monthly: "每月", oneOff: "一次性", firstYear: "首 12 个月合计",
    month: "月", subscription: "包年包月", payAsYouGo: "按量付费", perMonth: "每月", cheapest: "更便宜", savings: "节省", breakEven: "盈亏平衡（每月小时数）",
    at: "时间（UTC+8）", event: "事件", state: "状态", credit: "可用额度（{currency}）", billed: "期间费用", creditRunsOut: "额度用完", lastSafe: "最晚付款时间",
    account: "账户", firstInterruption: "最先中断", keepRunning: "保持全部运行所需的充值（开始时），直至", deleted: "数据删除",
    which: (words) => `（${words.join("，")}）`,
    kinds: { subscription: "预付", monthly: "每月", oneOff: "一次性", free: "免费" },
    option: "选项", available: "可用", yes: "是", no: "否", note: "说明", outgrown: "超出的月份", cheapestOption: "最便宜的选项",
    options: {
      legacyConnectionAndMessages: "旧版公共实例（按连接时长和消息通信计费）", legacyBasic: "旧版公共实例（基础版）", legacyPro: "旧版公共实例（高级版）",
      enterprise: "企业版实例", newPublic: "新版公共实例（免费）",
    },
    // The lifecycle and account tables' event and state columns (issue 29): the page's words (www/i18n.js).
    events: {
      created: "创建", opened: "开户", overdue: "欠费", stopped: "停机", released: "释放", expired: "到期",
      deductionRetry: "重试扣款", payAsYouGoStopped: "按量付费部分停止", payAsYouGoReleased: "按量付费部分释放",
      autoRenewed: "自动续费", autoRenewFailed: "自动续费失败", topUp: "充值", renewed: "续费", renewRefused: "续费被拒绝",
      restored: "服务恢复", settled: "欠费结清", horizonEnd: "模拟期结束",
    },
    states: { running: "运行中", overdue: "欠费", stopped: "已停机", expired: "已到期", released: "已释放" },
  },
};

const USAGE = `usage: alicloud-cost <quote|compare|lifecycle|account> <file|-> [--format table|csv|json] [--locale en|zh-CN]
                     [--site international|china|japan]
       alicloud-cost plan <PLAN.json|-> [--prices FILE] [--base PLAN.json] [--format table|json|markdown]
                          [--fail-above-monthly AMOUNT] [--locale en|zh-CN] [--site international|china|japan]
  quote      a cart (the request of quote())
  compare    subscription against pay-as-you-go (compareBillingMethod())
  lifecycle  what happens over time (simulateLifecycle())
  account    a whole account: one credit for every item (simulateAccount())
  plan       a Terraform plan (terraform show -json PLANFILE): each resource's cost, what exists before
             (--base, or the plan's prior state) and the difference (quoteTerraformPlan()); --prices is the
             side file { prices, usage, catalog }; markdown is a pull-request comment
  --fail-above-monthly AMOUNT  exit 3 (after printing the estimate) when the monthly cost after the
             change, estimate.monthly, is above AMOUNT (in the site's currency): what recurs every month (pay-as-you-go
             resources' hours a month); subscriptions are paid upfront and do not count there
The request is JSON; "-" reads it from standard input. The default format is an aligned table ending with the total.
--site prices on that Alibaba Cloud site, in its currency (unless the request names its own site).`;

// The same usage in Chinese, for --locale zh-CN (issue 29: the CLI's zh-CN output is Chinese but for
// codes): commands, options and values stay as they are typed.
const USAGE_ZH = `用法：alicloud-cost <quote|compare|lifecycle|account> <文件|-> [--format table|csv|json] [--locale en|zh-CN]
                    [--site international|china|japan]
      alicloud-cost plan <PLAN.json|-> [--prices 文件] [--base PLAN.json] [--format table|json|markdown]
                         [--fail-above-monthly 金额] [--locale en|zh-CN] [--site international|china|japan]
  quote      购物车报价（quote() 的请求）
  compare    包年包月与按量付费对比（compareBillingMethod()）
  lifecycle  资源随时间的变化（simulateLifecycle()）
  account    整个账户：所有资源共用一个余额（simulateAccount()）
  plan       Terraform 计划（terraform show -json PLANFILE 的输出）：每个资源的费用、变更前已有的资源
             （--base，或计划中的当前状态）及差额（quoteTerraformPlan()）；--prices 为价格与用量文件
             { prices, usage, catalog }；markdown 格式为拉取请求评论
  --fail-above-monthly 金额  变更后的每月费用（estimate.monthly，按站点币种）超过该金额时，打印估算后以退出码 3 结束：
             只计每月重复发生的费用（按量付费资源每月的时长）；包年包月资源预付，不计入
请求为 JSON；"-" 表示从标准输入读取。默认格式为对齐的表格，末行为合计。
--site 按该阿里云站点及其币种计价（请求自己指定站点时除外）。`;

/** The command line's own messages (the usage, a bad option) in --locale's language. */
const ARG_MESSAGES = {
  en: {
    usage: USAGE,
    needsValue: (flag) => `${flag} needs a value`,
    unknownOption: (arg) => `unknown option ${arg}`,
    oneOf: (flag, values) => `${flag} must be one of ${values.join(", ")}`,
    planOnly: (flag) => `${flag} is an option of plan only`,
    amount: "--fail-above-monthly must be an amount such as 500 or 499.99",
    unknownCommand: (command) => `unknown command "${command}"`,
    oneRequest: (command) => `${command} takes one request: a file, or - for standard input`,
    onePlan: "plan takes one plan: a file, or - for standard input",
    oneStdin: "only one of the plan, --prices and --base can be - (standard input); give the others as files",
  },
  "zh-CN": {
    usage: USAGE_ZH,
    needsValue: (flag) => `${flag} 需要一个值`,
    unknownOption: (arg) => `未知选项 ${arg}`,
    oneOf: (flag, values) => `${flag} 只能是 ${values.join("、")} 之一`,
    planOnly: (flag) => `${flag} 只能用于 plan 命令`,
    amount: "--fail-above-monthly 须为金额，例如 500 或 499.99",
    unknownCommand: (command) => `未知命令 "${command}"`,
    oneRequest: (command) => `${command} 只接受一个请求：一个文件，或 - 表示标准输入`,
    onePlan: "plan 只接受一个计划：一个文件，或 - 表示标准输入",
    oneStdin: "计划、--prices 和 --base 中只能有一个为 -（标准输入）；其余请以文件给出",
  },
};

/** The language the command line asks for, read before the rest (so that --help and a bad option use it). */
function argLocale(argv) {
  const at = argv.findIndex((arg) => arg === "--locale" || arg.startsWith("--locale="));
  const value = at < 0 ? undefined : argv[at].includes("=") ? argv[at].split("=")[1] : argv[at + 1];
  return value === "zh-CN" ? "zh-CN" : "en";
}

function fail(message, code = 2) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** A bad command line: what is wrong, then the usage, in `A`'s language (ARG_MESSAGES); exit 2. */
const failWithUsage = (A, message) => fail(`${message}\n${A.usage}`);

/** Options only `plan` takes, and its formats. */
const PLAN_OPTIONS = ["--prices", "--base", "--fail-above-monthly"];
const PLAN_FORMATS = ["table", "json", "markdown"];

function parseArgs(argv) {
  const options = { format: "table", locale: "en", site: undefined, positional: [] };
  const A = ARG_MESSAGES[argLocale(argv)];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") ? arg.split(/=(.*)/s) : [arg];
    if (flag === "--help" || flag === "-h") {
      process.stdout.write(`${A.usage}\n`);
      process.exit(0);
    } else if (flag === "--format" || flag === "--locale" || flag === "--site" || PLAN_OPTIONS.includes(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined) failWithUsage(A, A.needsValue(flag));
      options[flag.slice(2)] = value;
    } else if (arg.startsWith("--")) {
      failWithUsage(A, A.unknownOption(arg));
    } else options.positional.push(arg);
  }
  const plan = options.positional[0] === "plan";
  const formats = plan ? PLAN_FORMATS : FORMATS;
  if (!formats.includes(options.format)) fail(A.oneOf("--format", formats));
  for (const flag of PLAN_OPTIONS) if (!plan && options[flag.slice(2)] !== undefined) failWithUsage(A, A.planOnly(flag));
  if (options["fail-above-monthly"] !== undefined && !/^\d+(\.\d+)?$/.test(options["fail-above-monthly"])) {
    fail(A.amount);
  }
  if (!LOCALES.includes(options.locale)) fail(A.oneOf("--locale", LOCALES));
  if (options.site !== undefined && !SITES.includes(options.site)) fail(A.oneOf("--site", SITES));
  return options;
}

/** Display width: CJK and full-width characters take two columns in a terminal. */
function width(text) {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return n;
}

/** Rows as aligned columns; `numeric` columns are right-aligned. */
function table(rows, numeric = []) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => width(String(r[c] ?? "")))));
  return rows
    .map((row) =>
      row
        .map((cell, c) => {
          const text = String(cell ?? "");
          const pad = " ".repeat(widths[c] - width(text));
          return numeric.includes(c) ? pad + text : text + pad;
        })
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function csv(rows) {
  const cell = (value) => {
    let s = String(value ?? "");
    // A text cell starting with = + - @ would run as a formula in a spreadsheet; amounts are left as numbers.
    if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(",")).join("\r\n");
}

function quoteRows(q, L) {
  const rows = [[L.item, L.kind, L.line, L.formula, L.amount]];
  for (const item of q.items) {
    for (const line of item.lines) rows.push([item.index + 1, L.kinds[item.kind] ?? item.kind, line.description, line.formula, line.amount]);
    if (Number(item.discountPrice) !== 0) rows.push([item.index + 1, L.kinds[item.kind] ?? item.kind, L.discount, "", `-${item.discountPrice}`]);
  }
  const e = q.estimate;
  const summary = [[L.upfront, e.upfront], [L.monthly, e.monthly], [L.oneOff, e.oneOff], [L.firstYear, e.firstYear], [L.total, q.tradePrice]];
  return { rows, summary };
}

function compareRows(c, L) {
  if (c.iotOptions) return iotOptionRows(c, L);
  const rows = [[L.month, L.subscription, L.payAsYouGo]];
  for (const point of c.curve) rows.push([point.month, point.subscription, point.payAsYouGo]);
  const [sub, payg] = c.options;
  const cheapest = { subscription: L.subscription, payAsYouGo: L.payAsYouGo, tie: "=" }[c.cheapest];
  const summary = [
    [`${L.subscription} (${L.perMonth} ${sub.perMonth})`, sub.total],
    [`${L.payAsYouGo} (${L.perMonth} ${payg.perMonth})`, payg.total],
  ];
  if (c.breakEven?.hoursPerMonth) summary.push([L.breakEven, c.breakEven.hoursPerMonth]);
  summary.push([`${L.savings} (${L.cheapest}: ${cheapest})`, c.savings]);
  return { rows, summary };
}

/** An IoT comparison of every option (no edition): one row per option, the cheapest last. */
function iotOptionRows(c, L) {
  const rows = [[L.option, L.available, L.total, L.outgrown, L.note]];
  for (const o of c.iotOptions) {
    rows.push([L.options[o.option] ?? o.option, o.available ? L.yes : L.no, o.total ?? "", o.outgrownAt?.month ?? "", o.available ? "" : o.reason ?? ""]);
  }
  const summary = [[L.cheapestOption, c.cheapestOption ? L.options[c.cheapestOption] ?? c.cheapestOption : ""]];
  return { rows, summary };
}

/** An event or state code in the labels' language; English keeps the codes (scripts read them). */
const said = (words, code) => (code === undefined || code === null ? "" : words?.[code] ?? code);

function lifecycleRows(r, L) {
  const rows = [[L.at, L.event, L.state, L.credit]];
  for (const entry of r.timeline) rows.push([entry.at, said(L.events, entry.event), said(L.states, entry.state), entry.credit ?? ""]);
  const summary = [];
  if (r.creditRunsOutAt) summary.push([L.creditRunsOut, r.creditRunsOutAt]);
  if (r.lastSafeMoment) summary.push([L.lastSafe, r.lastSafeMoment]);
  summary.push([L.billed, r.billed]);
  return { rows, summary };
}

function accountRows(a, L) {
  const rows = [[L.at, L.item, L.event, L.state, L.credit]];
  for (const entry of a.timeline) rows.push([entry.at, entry.item === undefined ? L.account : entry.item + 1, said(L.events, entry.event), said(L.states, entry.state), entry.credit]);
  const summary = [];
  if (a.creditRunsOutAt) summary.push([L.creditRunsOut, a.creditRunsOutAt]);
  if (a.firstInterruption) summary.push([`${L.firstInterruption}${L.which([`${L.item} ${a.firstInterruption.item + 1}`, said(L.events, a.firstInterruption.event)])}`, a.firstInterruption.at]);
  if (a.lastSafeMoment) summary.push([L.lastSafe, a.lastSafeMoment]);
  for (const item of a.items) {
    if (item.dataDeletedAt) summary.push([`${L.deleted}${L.which([`${L.item} ${item.index + 1}`])}`, item.dataDeletedAt]);
  }
  if (a.keepRunning) summary.push([`${L.keepRunning} ${a.keepRunning.until}`, a.keepRunning.topUp]);
  summary.push([L.billed, a.billed]);
  return { rows, summary };
}

const VIEWS = { quote: quoteRows, compare: compareRows, lifecycle: lifecycleRows, account: accountRows };
const NUMERIC = { quote: [0, 4], compare: [0, 1, 2], lifecycle: [3], account: [1, 4] };

/**
 * The request in `--locale`'s language (issue 16) and on `--site`'s site (issue 32), unless it
 * names its own.
 */
function withOptions(text, locale, site) {
  let request;
  try {
    request = JSON.parse(text);
  } catch {
    return text; // malformed: the engine says where
  }
  if (request === null || typeof request !== "object" || Array.isArray(request)) return text;
  const extra = {};
  if (!("locale" in request)) extra.locale = locale;
  if (site !== undefined && !("site" in request)) extra.site = site;
  return Object.keys(extra).length ? JSON.stringify({ ...request, ...extra }) : text;
}

/** The labels with the answer's currency where they name it ("amount (JPY)"). */
function labelsFor(L, answer) {
  const currency = answer.currency ?? "USD";
  return Object.fromEntries(Object.entries(L).map(([k, v]) => [k, typeof v === "string" ? v.replace("{currency}", currency) : v]));
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const [command, source, extra] = options.positional;
  const A = ARG_MESSAGES[options.locale];
  if (!command) fail(A.usage);
  if (command === "plan") return runPlan(options, source, extra);
  if (!(command in COMMANDS)) failWithUsage(A, A.unknownCommand(command));
  if (source === undefined || extra !== undefined) failWithUsage(A, A.oneRequest(command));
  // A request that cannot be read is a bad command line (exit 2), as it always was for these commands.
  const text = readText(source, "request", options.locale, 2);
  let answer;
  try {
    answer = COMMANDS[command](withOptions(text, options.locale, options.site));
  } catch (error) {
    if (error.code === "invalid_type" && error.path === "" && /not valid JSON: /.test(error.message)) {
      // Which file is not JSON, in --locale's language.
      const M = FILE_MESSAGES[options.locale];
      fail(`error: invalid_type: ${M.notJson(fileName("request", source, options.locale), jsonDetail(error.message, options.locale))}`, 1);
    }
    const where = error.path ? ` at ${error.path}` : "";
    fail(`error: ${error.code ?? "internal"}${where}: ${error.message}`, 1);
  }
  if (options.format === "json") {
    process.stdout.write(`${JSON.stringify(JSON.parse(answer), null, 2)}\n`);
    return;
  }
  const parsed = JSON.parse(answer);
  const L = labelsFor(LABELS[options.locale], parsed);
  const { rows, summary } = VIEWS[command](parsed, L);
  if (options.format === "csv") {
    const blank = rows[0].map(() => "");
    const tail = summary.map(([label, value]) => [...blank.slice(0, -2), label, value]);
    process.stdout.write(`\ufeff${csv([...rows, ...tail])}\r\n`);
    return;
  }
  process.stdout.write(`${table(rows, NUMERIC[command])}\n\n${table(summary, [1])}\n`);
}

// ---------------------------------------------------------------- plan (issue 33)

const PLAN_LABELS = {
  en: {
    resource: "resource", component: "component", quantity: "quantity", unit: "unit", upfront: "upfront", monthly: "monthly",
    firstYear: "first 12 months", action: "action", change: "monthly change", upfrontChange: "upfront change", before: "before", after: "after", difference: "difference",
    subscriptions: "Subscriptions this plan buys",
    sources: { base: "the base plan", priorState: "the prior state", none: "nothing" },
    notPriced: "Not priced", dataSources: "data sources (never billed)", otherProviders: "other providers (counted, not priced)",
    title: "Alibaba Cloud cost of this plan", lines: "Every line, with its formula", expires: "expires",
    monthlyHeadline: "Monthly", upfrontHeadline: "Upfront", warnings: "Notes", over: "above the limit of",
    // Terraform's own words for what apply does.
    actions: { create: "create", update: "update", replace: "replace", delete: "delete", "no-op": "no-op", read: "read", forget: "forget" },
    colon: ": ", paren: (text) => ` (${text})`,
  },
  "zh-CN": {
    resource: "资源", component: "计费项", quantity: "数量", unit: "单位", upfront: "预付", monthly: "每月",
    firstYear: "首 12 个月合计", action: "操作", change: "每月变化", upfrontChange: "预付变化", before: "变更前", after: "变更后", difference: "差额",
    subscriptions: "此计划购买的包年包月资源",
    sources: { base: "基准计划", priorState: "当前状态", none: "无" },
    notPriced: "未计价", dataSources: "数据源（不计费）", otherProviders: "其他提供方（只计数，不计价）",
    title: "此计划的阿里云费用", lines: "全部计费项及其计算", expires: "到期",
    monthlyHeadline: "每月", upfrontHeadline: "预付", warnings: "说明", over: "超过上限",
    // The page's words (www/i18n.js plan.action.*).
    actions: { create: "新建", update: "变更", replace: "替换", delete: "删除", "no-op": "不变", read: "读取", forget: "移出管理（仍计费）" },
    colon: "：", paren: (text) => `（${text}）`,
    // A line's unit: the engine writes a code ("phone-hour"); these are the page's words for the units a
    // plan's lines have (www/i18n.js unit.*, localized for the page's CSV in issue 29). English keeps the codes.
    units: {
      "phone-hour": "台·小时", "phone-month": "台·月", "phone-second": "台·秒", "instance-hour": "实例·小时", "instance-month": "实例·月",
      "disk-hour": "块·小时", "disk-month": "块·月", "address-hour": "个·小时", "address-month": "个·月", "Mbps-hour": "Mbps·小时", "Mbps-month": "Mbps·月",
      "gateway-hour": "个·小时", "gateway-month": "个·月", hour: "小时", month: "月", adjustment: "调整",
    },
  },
};

/** A line's unit in the labels' language. */
const unitText = (unit, L) => L.units?.[unit] ?? unit;

/** `a > b` for plain decimal strings ("-12.5", "500"): no floats near money. */
function decimalAbove(a, b) {
  const parse = (text) => {
    const negative = text.startsWith("-");
    const [int, frac = ""] = text.replace(/^[-+]/, "").split(".");
    return { negative: negative && /[1-9]/.test(text), int: int.replace(/^0+(?=\d)/, ""), frac };
  };
  const x = parse(a);
  const y = parse(b);
  if (x.negative !== y.negative) return y.negative;
  const width = Math.max(x.frac.length, y.frac.length);
  const digits = (d) => d.int.padStart(40, "0") + d.frac.padEnd(width, "0");
  const cmp = digits(x) < digits(y) ? -1 : digits(x) > digits(y) ? 1 : 0;
  return x.negative ? cmp < 0 : cmp > 0;
}

const signed = (amount) => (amount.startsWith("-") ? amount : `+${amount}`);

/**
 * An amount in a sentence, grouped by thousands as the engine's texts write money ("USD 1,388.88",
 * messages::Money) and the page shows totals: "1388.88" -> "1,388.88", "+2849.14" -> "+2,849.14".
 * Only sentences: the table's and CSV's amount columns stay plain decimals, as the JSON has them.
 */
const grouped = (amount) => amount.replace(/\d+/, (int) => int.replace(/\B(?=(\d{3})+$)/g, ","));

/**
 * The CLI's own messages about the files it reads, in --locale's language (the engine's are already):
 * which file, what is wrong with it, and what to give instead. "error:" and the code stay as they are
 * for scripts. The page says the same (www/i18n.js plan.err.*).
 */
const FILE_MESSAGES = {
  en: {
    files: { request: "the request", plan: "the plan", side: "the side file", base: "the base plan" },
    stdin: (file) => `${file} on standard input`,
    reasons: { ENOENT: "no such file", EISDIR: "a directory, not a file", EACCES: "permission denied" },
    code: (code) => ` (${code})`,
    detail: (detail) => ` (${detail.text})`,
    cannotRead: (file, reason) => `cannot read ${file}: ${reason}`,
    notJson: (file, detail) => `${file} is not JSON${detail}`,
    planNotJson: (file, detail) => `${file} is not JSON${detail}: give the file that "terraform show -json PLANFILE" writes, not the binary plan of "terraform plan -out"`,
    sideNotJson: (file, detail) => `${file} is not JSON${detail}: it is an object { "prices": …, "usage": …, "catalog": … }, the catalog if you have one`,
    sideNotObject: (file) => `${file} is not an object: it is { "prices": …, "usage": …, "catalog": … }, the catalog if you have one`,
    sideUnknownKey: (file, key) => `${file} has "${key}", which it does not take: it holds "prices", "usage" and "catalog"`,
  },
  "zh-CN": {
    files: { request: "请求", plan: "计划", side: "价格与用量文件", base: "基准计划" },
    stdin: (file) => `${file}（标准输入）`,
    reasons: { ENOENT: "文件不存在", EISDIR: "这是目录，不是文件", EACCES: "没有读取权限" },
    code: (code) => `（${code}）`,
    // The parser's own words are English: only where it went wrong.
    detail: (detail) => (detail.at === undefined ? "" : `（位置 ${detail.at}）`),
    cannotRead: (file, reason) => `无法读取${file}：${reason}`,
    notJson: (file, detail) => `${file}不是 JSON${detail}`,
    planNotJson: (file, detail) => `${file}不是 JSON${detail}：请给出 "terraform show -json PLANFILE" 写出的文件，而不是 "terraform plan -out" 写出的二进制计划`,
    sideNotJson: (file, detail) => `${file}不是 JSON${detail}：应为对象 { "prices": …, "usage": …, "catalog": … }，价格目录 "catalog" 可省略`,
    sideNotObject: (file) => `${file}不是对象：应为 { "prices": …, "usage": …, "catalog": … }，价格目录 "catalog" 可省略`,
    sideUnknownKey: (file, key) => `${file}中有不接受的 "${key}"：只能包含 "prices"、"usage" 和 "catalog"`,
  },
};

/** "the side file prices.json" / "价格与用量文件 prices.json " ("-": standard input). */
function fileName(what, source, locale) {
  const M = FILE_MESSAGES[locale];
  if (source === "-") return M.stdin(M.files[what]);
  return locale === "zh-CN" ? `${M.files[what]} ${source} ` : `${M.files[what]} ${source}`;
}

/** A file's text, or `error: cannot read ...` and `code` (exit 1 for a plan or side file, as the contract says). */
function readText(source, what, locale, code = 1) {
  try {
    return readFileSync(source === "-" ? 0 : source, "utf8");
  } catch (error) {
    const M = FILE_MESSAGES[locale];
    const reason = M.reasons[error.code] ? `${M.reasons[error.code]}${M.code(error.code)}` : error.message;
    return fail(`error: ${M.cannotRead(fileName(what, source, locale).trimEnd(), reason)}`, code);
  }
}

/**
 * Where a text is not JSON, in --locale's words: the parser's complaint on one line, without the text
 * it quotes (which may be a whole binary plan), and the position where it says one.
 */
function jsonDetail(message, locale) {
  const text = String(message).replace(/^.*not valid JSON: /s, "").split(/[\n,]/)[0].trim();
  const at = /(?:at byte|at position) (\d+)/.exec(message)?.[1];
  return FILE_MESSAGES[locale].detail({ text, at });
}

/** The side file's parts: what no document publishes, usage, and a catalog (quote's) for what the site does not publish. */
const SIDE_FILE_KEYS = ["prices", "usage", "catalog"];

function runPlan(options, source, extra) {
  const A = ARG_MESSAGES[options.locale];
  if (source === undefined || extra !== undefined) failWithUsage(A, A.onePlan);
  // Standard input is read once: a second "-" would read nothing and be blamed on the wrong file.
  if ([source, options.prices, options.base].filter((name) => name === "-").length > 1) {
    fail(A.oneStdin);
  }
  const M = FILE_MESSAGES[options.locale];
  const planText = readText(source, "plan", options.locale);
  const planOptions = { locale: options.locale, ...(options.site !== undefined && { site: options.site }) };
  if (options.prices !== undefined) {
    const sideFile = fileName("side", options.prices, options.locale);
    const sideText = readText(options.prices, "side", options.locale);
    let side;
    try {
      side = JSON.parse(sideText);
    } catch (error) {
      fail(`error: invalid_type at --prices: ${M.sideNotJson(sideFile, jsonDetail(error.message, options.locale))}`, 1);
    }
    if (side === null || typeof side !== "object" || Array.isArray(side)) fail(`error: invalid_type at --prices: ${M.sideNotObject(sideFile)}`, 1);
    for (const key of Object.keys(side)) {
      if (!SIDE_FILE_KEYS.includes(key)) fail(`error: unknown_field at --prices ${key}: ${M.sideUnknownKey(sideFile, key)}`, 1);
    }
    Object.assign(planOptions, side);
  }
  if (options.base !== undefined) planOptions.base = readText(options.base, "base", options.locale);
  let answer;
  try {
    answer = JSON.parse(quoteTerraformPlanJson(planText, JSON.stringify(planOptions)));
  } catch (error) {
    // A plan or base plan that is not JSON (often the binary plan of "terraform plan -out"): which
    // file, and the one to give instead, in the user's language; the engine's own words have no locale.
    const notJson = error.code === "invalid_type" && /not valid JSON: /.test(error.message) && (error.path === "" || error.path === "base");
    if (notJson) {
      const file = error.path === "base" ? fileName("base", options.base, options.locale) : fileName("plan", source, options.locale);
      fail(`error: invalid_type${error.path ? ` at ${error.path}` : ""}: ${M.planNotJson(file, jsonDetail(error.message, options.locale))}`, 1);
    }
    const where = error.path ? ` at ${error.path}` : "";
    fail(`error: ${error.code ?? "internal"}${where}: ${error.message}`, 1);
  }
  const L = PLAN_LABELS[options.locale];
  if (options.format === "json") process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
  else if (options.format === "markdown") process.stdout.write(`${planMarkdown(answer, L)}\n`);
  else process.stdout.write(`${planTable(answer, L)}\n`);
  const limit = options["fail-above-monthly"];
  if (limit !== undefined && decimalAbove(answer.estimate.monthly, limit)) {
    process.stderr.write(`${L.monthly} ${answer.currency} ${grouped(answer.estimate.monthly)} ${L.over} ${answer.currency} ${grouped(limit)}\n`);
    process.exit(3);
  }
}

/** A line's amount goes to upfront (a subscription) or monthly (pay-as-you-go every month). */
const column = (item) => (item.kind === "subscription" ? 4 : 5);

function planTable(a, L) {
  // The amount columns name the currency, as quote's table does ("amount (JPY)"): on --site japan
  // a bare 289 is yen, not dollars.
  const upfront = `${L.upfront}${L.paren(a.currency)}`;
  const monthly = `${L.monthly}${L.paren(a.currency)}`;
  const rows = [[L.resource, L.component, L.quantity, L.unit, upfront, monthly]];
  for (const r of a.resources) {
    // A deletion shows what stops being billed, as negative amounts.
    const item = r.item ?? (r.action === "delete" ? r.base?.item : undefined);
    if (!item) continue;
    item.lines.forEach((line, i) => {
      const row = [i === 0 ? `${r.address}${L.paren(L.actions[r.action])}` : "", line.description, line.quantity, unitText(line.unit, L), "", ""];
      row[column(item)] = r.item ? line.amount : `-${line.amount}`;
      rows.push(row);
    });
    if (r.lifecycle?.expiresAt) rows.push(["", `${L.expires} ${r.lifecycle.expiresAt}`, "", "", "", ""]);
  }
  const out = [table(rows, [2, 4, 5])];
  const notPriced = a.resources.filter((r) => !r.priced && r.mode === "managed");
  if (notPriced.length > 0) {
    out.push(`${L.notPriced}${L.colon.trim()}\n${notPriced.map((r) => `  ${r.address}${L.paren(L.actions[r.action])}${L.colon}${r.reason}`).join("\n")}`);
  }
  out.push(planCounts(a, L));
  const total = [["", upfront, monthly, `${L.firstYear}${L.paren(a.currency)}`]];
  const e = (x) => [x.upfront, x.monthly, x.firstYear];
  total.push([`${L.before}${L.paren(L.sources[a.base.source])}`, ...e(a.base.estimate)]);
  total.push([L.after, ...e(a.estimate)]);
  total.push([L.difference, ...e(a.diff.estimate).map(signed)]);
  out.push(table(total, [1, 2, 3]));
  const notes = planNotes(a);
  if (notes.length > 0) out.push(notes.map((n) => `- ${noteText(n, L)}`).join("\n"));
  return out.filter((part) => part !== "").join("\n\n");
}

function planCounts(a, L) {
  const parts = [];
  const data = a.resources.filter((r) => r.mode === "data").length;
  if (data > 0) parts.push(`${L.dataSources}${L.colon}${data}`);
  if (a.otherProviders.length > 0) parts.push(`${L.otherProviders}${L.colon}${a.otherProviders.map((p) => `${p.provider} ${p.resources}`).join(", ")}`);
  return parts.join("\n");
}

/**
 * The plan's warnings, then each resource's once, with the addresses it applies to: `{ message, addresses }`
 * (none for the plan's own).
 */
function planNotes(a) {
  const notes = a.warnings.map((w) => ({ message: w.message, addresses: [] }));
  for (const r of a.resources) {
    for (const w of r.warnings ?? []) {
      const note = notes.find((n) => n.message === w.message && n.addresses.length > 0);
      if (note) note.addresses.push(r.address);
      else notes.push({ message: w.message, addresses: [r.address] });
    }
  }
  return notes;
}

/** A note as one line: the resources it applies to, then its message (as "Not priced" lists them). */
const noteText = (note, L, address = (text) => text) =>
  (note.addresses.length > 0 ? note.addresses.map(address).join(", ") + L.colon : "") + note.message;

/** A pull-request comment: the difference first, then each resource, then every line. */
function planMarkdown(a, L) {
  // The engine's texts as literal text: GitHub reads "<address or type>" as an HTML tag and drops
  // it, and two "[*]" usage keys as the edges of an italic run; & < > become entities, the rest
  // of Markdown's punctuation is escaped with a backslash (an underscore inside a word, as in
  // alicloud_instance, emphasises nothing and stays as it is).
  const cell = (text) => String(text ?? "")
    .replace(/[\\`*~|]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c])
    .replace(/\n/g, " ");
  const code = (text) => `\`${String(text).replace(/`/g, "'")}\``;
  const d = a.diff.estimate;
  const out = [`### ${L.title}`, ""];
  const change = (amount) => grouped(signed(amount));
  out.push(`**${L.monthlyHeadline}${L.colon}${change(d.monthly)} ${a.currency}**${L.paren(`${grouped(a.base.estimate.monthly)} → ${grouped(a.estimate.monthly)}`)} · `
    + `**${L.upfrontHeadline}${L.colon}${change(d.upfront)} ${a.currency}**${L.paren(`${grouped(a.base.estimate.upfront)} → ${grouped(a.estimate.upfront)}`)} · `
    + `${L.firstYear}${L.colon}${change(d.firstYear)} ${a.currency}`);
  out.push("", `| ${L.resource} | ${L.action} | ${L.upfront} | ${L.monthly} | ${L.upfrontChange} | ${L.change} |`, "|---|---|--:|--:|--:|--:|");
  for (const r of a.resources.filter((r) => r.priced)) {
    const now = r.estimate ?? { upfront: "", monthly: "" };
    const [upfront, monthly] = r.diff ? [signed(r.diff.upfront), signed(r.diff.monthly)] : ["", ""];
    out.push(`| ${code(r.address)} | ${L.actions[r.action]} | ${now.upfront} | ${now.monthly} | ${upfront} | ${monthly} |`);
  }
  const bought = a.resources.filter((r) => r.lifecycle);
  if (bought.length > 0) {
    out.push("", `**${L.subscriptions}**`);
    for (const r of bought) out.push(`- ${code(r.address)}${L.colon}${cell(r.lifecycle.summary)}`);
  }
  const notPriced = a.resources.filter((r) => !r.priced && r.mode === "managed");
  if (notPriced.length > 0) {
    out.push("", `**${L.notPriced}**${L.paren(notPriced.length)}${L.colon.trim()}`);
    for (const r of notPriced) out.push(`- ${code(r.address)}${L.colon}${cell(r.reason)}`);
  }
  const counts = planCounts(a, L);
  if (counts) out.push("", counts.split("\n").join(" · "));
  const lines = [`| ${L.resource} | ${L.component} | ${L.quantity} | ${L.unit} | ${L.upfront} | ${L.monthly} |`, "|---|---|--:|---|--:|--:|"];
  for (const r of a.resources.filter((r) => r.item)) {
    for (const line of r.item.lines) {
      const amounts = ["", ""];
      amounts[column(r.item) - 4] = line.amount;
      lines.push(`| ${code(r.address)} | ${cell(line.description)}<br><sub>${cell(line.formula)}</sub> | ${line.quantity} | ${unitText(line.unit, L)} | ${amounts.join(" | ")} |`);
    }
  }
  out.push("", `<details><summary>${L.lines}</summary>`, "", ...lines, "", "</details>");
  const notes = planNotes(a);
  if (notes.length > 0) out.push("", `**${L.warnings}**`, ...notes.map((n) => `- ${noteText({ ...n, message: cell(n.message) }, L, code)}`));
  return out.join("\n");
}

main();
