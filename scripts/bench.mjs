// `npm run bench` (issues 8, 15): per-call time of the wasm package in Node against the
// same work through the native Rust core (benches/cases.rs) and, where it applies, a
// plain-JS implementation of the same rules with decimal.js (scripts/bench-reference.mjs,
// which must give the same total); the module's start-up time. Prints a table of medians
// and ratios and writes target/bench/results.json.
//
// Not part of `npm test`, and nothing here is asserted: on a shared 2-vCPU machine the
// absolute numbers move by 2x between runs, so read the ratios, which come from one run.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { referenceQuote } from "./bench-reference.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = `${root}target/bench`;
mkdirSync(out, { recursive: true });

// --- the cases -----------------------------------------------------------------------------
const SPECS = ["acp.basic.small", "acp.std.small", "acp.std.medium", "acp.std.large", "acp.perf.large"];
const phone = (i) => ({ product: "cloudPhone", spec: SPECS[i % 5], region: i % 2 ? "international" : "mainland",
  billing: i % 3 ? "payAsYouGo" : "subscription", ...(i % 3 ? { hours: 5 + (i % 700) } : { months: 1 + (i % 12) }), quantity: 1 + (i % 4) });
const cart = (n) => ({ items: Array.from({ length: n }, (_, i) => phone(i)) });
const iotDays = {
  items: [{ product: "iot", instance: "legacyPublic", edition: "pro", month: "2026-12", usage: {
    days: Array.from({ length: 31 }, (_, d) => ({ date: `2026-12-${String(d + 1).padStart(2, "0")}`, livingDevices: 100 + d,
      messages: Array.from({ length: 20 }, (_, b) => ({ bytes: 64 * (b + 1), count: 1000 * (d + 1) + b })) })) } }],
};
// issue 32: the same 31 days x 20 sizes billed by connection minutes and messages: graduated tiers
// over the month's running total and a connection-minute count a day instead of living devices.
const connectionDays = {
  items: [{ product: "iot", instance: "legacyPublic", pricing: "connectionAndMessages", month: "2026-12", activated: "2026-12-01", usage: {
    days: iotDays.items[0].usage.days.map(({ livingDevices, ...day }) => ({ ...day, connectionMinutes: 1440 * livingDevices })) } }],
};
const ecsTenYears = {
  product: "ecs", resource: { billing: "payAsYouGo", attached: ["dataDisk", "eip", "snapshots"] }, start: "2026-01-01",
  account: { balance: "50" }, costPerHour: "0.10", until: "2036-01-01",
  events: Array.from({ length: 120 }, (_, m) => ({ at: `${2026 + Math.floor(m / 12)}-${String(1 + (m % 12)).padStart(2, "0")}-01`, type: "topUp", amount: "80" })),
};
// issue 18: 100 items on one account for a year: phones, ECS, IoT usages and subscriptions, with
// monthly top-ups, and the top-up that keeps everything running. Issue 31: the same 100 items over
// 3 years, 10,000 of them over a year, and the quote of the same 100 items (one month of use each),
// whose ratios the targets are.
const accountItem = (i) => [
  () => ({ product: "cloudPhone", spec: SPECS[i % 5], region: "mainland", billing: "payAsYouGo", quantity: 1 + (i % 3) }),
  () => ({ product: "ecs", billing: "payAsYouGo", prices: { instance: `0.${10 + (i % 90)}` } }),
  () => ({ product: "iot", instance: "legacyPublic", edition: i % 2 ? "pro" : "basic",
    usage: { perDay: { livingDevices: 100 * (i % 100), messages: [{ bytes: 200, count: 10000 * (i % 100) }] } } }),
  () => ({ product: "iot", instance: "enterprise", months: 1 + (i % 6), monthlyPrice: "30", autoRenew: true }),
  () => ({ product: "cloudPhone", spec: SPECS[i % 5], region: "international", billing: "subscription", months: 1 + (i % 12) }),
][i % 5]();
const monthly = (months, amount) => Array.from({ length: months }, (_, m) =>
  ({ at: `${2026 + Math.floor((m + 11) / 12)}-${String(1 + ((m + 11) % 12)).padStart(2, "0")}-01`, type: "topUp", amount }));
// A year of monthly top-ups; "over 3 years" is the same account and events with a later
// `until`: what grows is the time, not the state changes.
const account = (items, years) => ({
  start: "2026-12-01", until: `${2026 + years}-12-01`, account: { balance: String(5 * items) },
  items: Array.from({ length: items }, (_, i) => accountItem(i)), events: monthly(12, String(4 * items)),
});
const accountYear = account(100, 1);
// The quote of the same items: a month of use for the pay-as-you-go ones (730 h), the account's
// month for an IoT usage; quote has no auto-renewal.
const asQuoted = (item) => item.billing === "payAsYouGo" ? { ...item, hours: 730 }
  : item.instance === "legacyPublic" ? { ...item, month: "2026-12" }
  : Object.fromEntries(Object.entries(item).filter(([k]) => k !== "autoRenew"));
// issue 33: a Terraform plan of 5,000 resources (Cloud Phone groups, ECS instances with disks,
// disks, EIPs, NAT Gateways and other providers' resources, in modules, as terraform show -json
// writes them: planned values, changes with their after values, configuration), against a
// quote of the same items.
const planResource = (i) => {
  const module = i % 4 === 0 ? "" : `module.m${i % 7}[${i % 3}].`;
  const kind = ["alicloud_cloud_phone_instance_group", "alicloud_instance", "alicloud_ecs_disk", "alicloud_eip_address", "alicloud_nat_gateway", "random_id"][i % 6];
  const values = [
    () => ({ instance_group_spec: SPECS[i % 5], charge_type: i % 2 ? "PrePaid" : "PostPaid", period: 1 + (i % 12), period_unit: "Month",
      amount: 1 + (i % 3), number_of_instances: 1 + (i % 10), auto_renew: false, auto_pay: true, gpu_acceleration: false,
      image_id: "imgc-075cllfeuazh03tg9", instance_group_name: `group-${i}`, office_site_id: null, policy_group_id: null, vswitch_id: null }),
    () => ({ instance_type: ["ecs.g7.large", "ecs.c7.xlarge"][i % 2], instance_charge_type: i % 3 ? "PostPaid" : "PrePaid", period: 1, period_unit: "Month",
      system_disk_category: "cloud_essd", system_disk_size: 40, system_disk_performance_level: "PL1", renewal_status: "Normal",
      data_disks: [{ category: "cloud_essd", size: 100, performance_level: "PL0", encrypted: false, name: null, snapshot_id: null, delete_with_instance: true }],
      internet_charge_type: "PayByBandwidth", internet_max_bandwidth_out: 5, spot_strategy: "NoSpot", image_id: "aliyun_3_x64_20G_alibase_20240819.vhd",
      instance_name: `web-${i}`, security_groups: ["sg-0001"], vswitch_id: "vsw-0001", tags: { team: "platform", index: String(i) }, user_data: null }),
    () => ({ category: "cloud_efficiency", size: 500, payment_type: "PayAsYouGo", disk_name: `logs-${i}`, zone_id: "cn-shanghai-l", encrypted: false }),
    () => ({ payment_type: "PayAsYouGo", internet_charge_type: "PayByBandwidth", bandwidth: "5", isp: "BGP", address_name: `eip-${i}` }),
    () => ({ payment_type: "PayAsYouGo", nat_type: "Enhanced", specification: "Small", internet_charge_type: "PayBySpec", nat_gateway_name: `nat-${i}` }),
    () => ({ byte_length: 8, keepers: null }),
  ][i % 6]();
  return { address: `${module}${kind}.r${i}`, mode: "managed", type: kind, name: `r${i}`, provider_name: "registry.terraform.io/aliyun/alicloud",
    schema_version: 0, values, sensitive_values: {} };
};
const planResources = Array.from({ length: 5000 }, (_, i) => planResource(i));
const bigPlan = {
  format_version: "1.2", terraform_version: "1.9.5", variables: { region: { value: "cn-shanghai" } },
  planned_values: { root_module: { resources: planResources } },
  resource_changes: planResources.map((r) => ({ address: r.address, mode: r.mode, type: r.type, name: r.name, provider_name: r.provider_name,
    change: { actions: ["create"], before: null, after: r.values, after_unknown: { id: true }, before_sensitive: false, after_sensitive: {} } })),
  configuration: { provider_config: { alicloud: { name: "alicloud", expressions: { region: { references: ["var.region"] } } } }, root_module: {} },
  timestamp: "2026-07-01T02:00:00Z",
};
const planOptions = {
  prices: {
    ecs: { instanceTypes: { "ecs.g7.large": { hourly: "0.25", monthly: "120" }, "ecs.c7.xlarge": { hourly: "0.17", monthly: "90" } },
      disks: { cloud_essd: { hourly: "0.0001", monthly: "0.07" }, cloud_efficiency: { hourly: "0.00005" } }, bandwidth: { hourly: "0.02", monthly: "10" } },
    eip: { address: { hourly: "0.005" }, bandwidth: { hourly: "0.02" } },
    natGateway: { Small: { hourly: "0.06" } },
  },
  usage: { alicloud_instance: { hoursPerMonth: 200 } },
};
const planItems = (await import("alicloud-cost")).quoteTerraformPlan(bigPlan, planOptions).resources.filter((r) => r.request).map((r) => r.request);

const cases = [
  { name: "(a) Cloud Phone quote, 1 item", fn: "quote", request: cart(1) },
  { name: "(b) IoT Pro month, 31 days x 20 sizes", fn: "quote", request: iotDays },
  { name: "(j) IoT connection month, 31 days x 20 sizes", fn: "quote", request: connectionDays },
  { name: "(c) cart of 10,000 items", fn: "quote", request: cart(10_000), items: 10_000 },
  { name: "(d) ECS lifecycle, 10 years, monthly top-ups", fn: "simulateLifecycle", request: ecsTenYears },
  { name: "(f) account of 100 items over a year, with keepRunning", fn: "simulateAccount", request: accountYear },
  { name: "(g) quote of the same 100 items", fn: "quote", request: { items: accountYear.items.map(asQuoted) } },
  { name: "(h) account of the 100 items over 3 years", fn: "simulateAccount", request: account(100, 3) },
  { name: "(i) account of 10,000 items over a year", fn: "simulateAccount", request: account(10_000, 1) },
  { name: "(e) Cloud Phone comparison, 36 months", fn: "compareBillingMethod",
    request: { product: "cloudPhone", spec: "acp.std.medium", region: "mainland", quantity: 10, usage: { months: 36, hoursPerMonth: 300 } } },
  { name: "cart of 10 items", fn: "quote", request: cart(10), items: 10 },
  { name: "cart of 1,000 items", fn: "quote", request: cart(1_000), items: 1_000 },
  { name: "(p) Terraform plan, 5,000 resources", fn: "quoteTerraformPlan", request: { plan: bigPlan, options: planOptions } },
  { name: "(q) quote of the plan's items", fn: "quote", request: { items: planItems } },
];
writeFileSync(`${out}/cases.json`, JSON.stringify(cases.map(({ name, fn, request }) => ({ name, fn, request }))));

// --- start-up: a fresh Node process imports the package and makes its first quote -----------
const startupScript = `
  const t0 = performance.now();
  const { quote } = await import("alicloud-cost");
  const t1 = performance.now();
  quote(${JSON.stringify(cart(1))});
  const t2 = performance.now();
  console.log(JSON.stringify({ importMs: t1 - t0, firstQuoteMs: t2 - t1 }));`;
const startups = Array.from({ length: 15 }, () =>
  JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", startupScript], { cwd: root, encoding: "utf8" })));
const bytes = readFileSync(`${root}pkg/alicloud_cost_bg.wasm`);
const compileMs = [];
for (let i = 0; i < 15; i++) {
  const t = performance.now();
  await WebAssembly.compile(bytes);
  compileMs.push(performance.now() - t);
}

// --- wasm: the package in this process ------------------------------------------------------
const pkg = await import("alicloud-cost");
function medianMicros(call) {
  call(); // warm-up
  const times = [];
  const started = performance.now();
  while (times.length < 5 || (performance.now() - started < 500 && times.length < 2001)) {
    const t = performance.now();
    call();
    times.push((performance.now() - t) * 1000);
  }
  return { medianMicros: median(times), runs: times.length };
}
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
// A case an engine refuses (an older one: 10,000 account items) is reported, not timed.
const refused = {};
const call = (fn, request) => (fn === "quoteTerraformPlan" ? () => pkg.quoteTerraformPlan(request.plan, request.options) : () => pkg[fn](request));
const wasm = Object.fromEntries(cases.map(({ name, fn, request }) => {
  try {
    call(fn, request)();
  } catch (error) {
    refused[name] = error.code ?? error.message;
    return [name, { medianMicros: NaN, runs: 0 }];
  }
  return [name, medianMicros(call(fn, request))];
}));

// --- plain JS: the decimal.js implementation, where the rules it knows cover the case ------
const jsCovers = ({ fn, request }) => fn === "quote" && request.items.every((i) => i.product === "cloudPhone" || (i.instance === "legacyPublic" && i.pricing !== "connectionAndMessages"));
const js = {};
for (const c of cases.filter(jsCovers)) {
  const want = pkg.quote(c.request).tradePrice;
  const got = referenceQuote(c.request).tradePrice;
  if (got !== want) throw new Error(`the JS reference disagrees on ${c.name}: ${got}, the package ${want}`);
  js[c.name] = medianMicros(() => referenceQuote(c.request));
}
// Text in, text out: quoteJson against JSON.parse + the JS rules + JSON.stringify on the same text.
const textRows = [];
if (pkg.quoteJson) {
  for (const c of cases.filter((c) => jsCovers(c) && !c.items)) {
    const text = JSON.stringify(c.request);
    textRows.push({ name: `${c.name}, as JSON text`, wasm: medianMicros(() => pkg.quoteJson(text)).medianMicros,
      js: medianMicros(() => JSON.stringify(referenceQuote(JSON.parse(text)))).medianMicros });
  }
}

// --- native: the same cases through the core ------------------------------------------------
const cargo = spawnSync("cargo", ["bench", "--quiet", "--bench", "cases", "--", `${out}/cases.json`], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
if (cargo.status !== 0) throw new Error("cargo bench --bench cases failed");
const native = JSON.parse(cargo.stdout.trim().split("\n").pop());

// --- report ---------------------------------------------------------------------------------
const rows = cases.map(({ name, items }) => {
  const w = wasm[name].medianMicros;
  const n = native[name].medianMicros ?? NaN;
  const j = native[name].withJsonMicros ?? NaN;
  const s = js[name]?.medianMicros;
  return { name, wasmMicros: round(w), nativeMicros: round(n), nativeWithJsonMicros: round(j), jsMicros: s && round(s),
    ratio: round(w / n), ratioToNativeWithJson: round(w / j), wasmToJs: s && round(w / s), nativeToJs: s && round(n / s), items,
    wasmMicrosPerItem: items ? round(w / items) : undefined, nativeMicrosPerItem: items ? round(n / items) : undefined };
});
function round(x) {
  return x >= 100 ? Math.round(x) : Math.round(x * 100) / 100;
}
const startup = {
  importMedianMs: round(median(startups.map((s) => s.importMs))),
  firstQuoteMedianMs: round(median(startups.map((s) => s.firstQuoteMs))),
  compileMedianMs: round(median(compileMs)),
  wasmBytes: bytes.length,
};
const scaling = rows.filter((r) => r.items).sort((a, b) => a.items - b.items);
const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: (await import("node:os")).cpus()[0]?.model,
  startup,
  cases: rows,
  text: textRows.map((r) => ({ name: r.name, wasmMicros: round(r.wasm), jsMicros: round(r.js), wasmToJs: round(r.wasm / r.js) })),
  // issue 32: the connection-and-messages month against the Basic/Pro month (the goal: within 1.2x).
  connectionToBasicPro: {
    wasm: round(wasm["(j) IoT connection month, 31 days x 20 sizes"].medianMicros / wasm["(b) IoT Pro month, 31 days x 20 sizes"].medianMicros),
    native: round(native["(j) IoT connection month, 31 days x 20 sizes"].medianMicros / native["(b) IoT Pro month, 31 days x 20 sizes"].medianMicros),
  },
  linearity: {
    // time per item at 10,000 items over time per item at 10: 1.0 is perfectly linear
    wasm: round(scaling.at(-1).wasmMicrosPerItem / scaling[0].wasmMicrosPerItem),
    native: round(scaling.at(-1).nativeMicrosPerItem / scaling[0].nativeMicrosPerItem),
  },
  // Issue 31's targets, as ratios of two cases of this run (wasm in Node; native beside it).
  targets: [
    ["account of 100 items over a year, with keepRunning / quote of the same 100 items", "(f)", "(g)", 2],
    ["the 100 items over 3 years / over 1 year", "(h)", "(f)", 1.3],
    ["10,000 items over a year / 100 items over a year", "(i)", "(f)", 120],
  ].map(([what, a, b, target]) => {
    const of = (tag) => rows.find((r) => r.name.startsWith(tag));
    return { what, target, wasm: round(of(a).wasmMicros / of(b).wasmMicros), native: round(of(a).nativeMicros / of(b).nativeMicros), refused: refused[of(a).name] };
  }),
};
writeFileSync(`${out}/results.json`, JSON.stringify(results, null, 2) + "\n");

const pad = (s, n) => String(s ?? "").padStart(n);
const x = (v) => (v === undefined ? "" : v + "x");
console.log(`\n${"case".padEnd(46)} ${pad("wasm µs", 9)} ${pad("native µs", 10)} ${pad("+JSON µs", 9)} ${pad("JS µs", 8)} ${pad("wasm/native", 12)} ${pad("/+JSON", 7)} ${pad("wasm/JS", 8)} ${pad("native/JS", 10)} ${pad("µs/item wasm", 13)} ${pad("native", 7)}`);
for (const r of rows) {
  console.log(`${r.name.padEnd(46)} ${pad(r.wasmMicros, 9)} ${pad(r.nativeMicros, 10)} ${pad(r.nativeWithJsonMicros, 9)} ${pad(r.jsMicros, 8)} ${pad(x(r.ratio), 12)} ${pad(x(r.ratioToNativeWithJson), 7)} ${pad(x(r.wasmToJs), 8)} ${pad(x(r.nativeToJs), 10)} ${pad(r.wasmMicrosPerItem, 13)} ${pad(r.nativeMicrosPerItem, 7)}`);
}
for (const r of results.text) console.log(`${r.name.padEnd(46)} ${pad(r.wasmMicros, 9)} ${pad("", 10)} ${pad("", 9)} ${pad(r.jsMicros, 8)} ${pad("", 12)} ${pad("", 7)} ${pad(x(r.wasmToJs), 8)}`);
console.log("wasm: the package's call in Node, JS object in and out; native: the Rust core on a decoded request, built as a Rust caller builds it (opt-level 3; the package is size-tuned, opt-level z);");
console.log("+JSON: native plus writing the answer as JSON text, the work the wasm binding also does before JSON.parse;");
console.log("JS: scripts/bench-reference.mjs (decimal.js, the trade price only; checked to give the same total);");
console.log("as JSON text: quoteJson(text) against JSON.stringify(rules(JSON.parse(text)))");
console.log("\nissue 31's targets (ratios within this run):");
for (const t of results.targets) {
  const verdict = t.refused ? `refused (${t.refused})` : `wasm ${t.wasm}x, native ${t.native}x (target <= ${t.target}x${t.wasm <= t.target ? ", met" : ", NOT met"})`;
  console.log(`  ${t.what}: ${verdict}`);
}
console.log(`\nper-item time at 10,000 items / at 10 items: wasm ${results.linearity.wasm}, native ${results.linearity.native} (1.0 = linear)`);
console.log(`IoT connection-and-messages month (j) / Basic-Pro month (b) (31 days x 20 sizes; issue 32's goal: at most 1.2x): wasm ${results.connectionToBasicPro.wasm}x, native ${results.connectionToBasicPro.native}x`);
const planRow = rows.find((r) => r.name.startsWith("(p)"));
const sameItems = rows.find((r) => r.name.startsWith("(q)"));
console.log(`Terraform plan of 5,000 resources (p) (${planItems.length} priced items) / quote of the same items (q): wasm ${round(planRow.wasmMicros / sameItems.wasmMicros)}x, native ${round(planRow.nativeMicros / sameItems.nativeMicros)}x (target < 10x)`);
console.log(`start-up (median of 15 fresh Node processes): import ${startup.importMedianMs} ms (of which compile ${startup.compileMedianMs} ms), first quote ${startup.firstQuoteMedianMs} ms`);
console.log(`written: target/bench/results.json`);
