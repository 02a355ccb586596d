// The worker of property.test.mjs: generates and runs the requests, checks each outcome,
// and posts progress after every batch.
import { parentPort, workerData } from "node:worker_threads";
import { readFileSync } from "node:fs";
import { quote, simulateLifecycle, compareBillingMethod, simulateAccount } from "alicloud-cost";
import { seededRandom } from "../../scripts/seeded-random.mjs";

const FUNCTIONS = { quote, simulateLifecycle, compareBillingMethod, simulateAccount };
const NAMES = Object.keys(FUNCTIONS);
const corpus = readFileSync(new URL("../golden/corpus.requests.jsonl", import.meta.url), "utf8")
  .trimEnd()
  .split("\n")
  .map((line) => JSON.parse(line));

// The same 100,000 requests every run.
const { random, pick } = seededRandom(0x0dd5eed);

function deep(depth) {
  let value = {};
  for (let i = 0; i < depth; i++) value = random() < 0.5 ? [value] : { items: value };
  return value;
}

const LONG = "9".repeat(100_000);
const NASTY = [
  () => null, () => undefined, () => true, () => "", () => "x".repeat(100_000), () => LONG, () => "1" + "0".repeat(400),
  () => 1e308, () => -1e308, () => NaN, () => Infinity, () => -Infinity, () => -0, () => 2 ** 53 + 2, () => 1e21, () => 5e-324,
  () => "1e400", () => "-0.0000000000000000000000000001", () => "79228162514264337593543950336", () => 0.1 + 0.2,
  () => [], () => ({}), () => deep(40), () => deep(300), () => "\u0000", () => "\ud800", () => "2026-02-30", () => "2026-13",
  () => "9999-12-31T23:59:59+14:00", () => "0001-01-01",
  () => Symbol("s"), () => () => 1, () => 10n, () => new Date(0), () => new Map([["a", 1]]), () => Object.create(null),
  () => ({ __proto__: { product: "ecs" } }), () => -1, () => 0, () => 1, () => 4294967296, () => 1.5,
  () => "payAsYouGo", () => "subscription", () => "acp.basic.small", () => "enterprise", () => "topUp",
];
// A list one past the 10,000-item limit costs about 5 ms to reject (every element
// crosses into wasm first): rare, so that 100,000 calls stay within seconds.
const OVER_LIMIT = Array.from({ length: 10_001 }, () => ({}));
const nasty = () => (random() < 0.002 ? OVER_LIMIT : pick(NASTY)());

/** Every [container, key] of a JSON-like value, depth first. */
function slots(value, into = []) {
  if (value && typeof value === "object") {
    for (const key of Object.keys(value)) {
      into.push([value, key]);
      slots(value[key], into);
    }
  }
  return into;
}

function randomJson(depth = 0) {
  const r = random();
  if (depth > 3 || r < 0.4) return nasty();
  if (r < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => randomJson(depth + 1));
  const object = {};
  for (let i = Math.floor(random() * 5); i > 0; i--) object[pick(["items", "product", "spec", "usage", "start", "x", "months", "hours"])] = randomJson(depth + 1);
  return object;
}

function mutate(request) {
  const copy = structuredClone(request); // corpus requests are plain JSON
  for (let n = 1 + Math.floor(random() * 2); n > 0; n--) {
    const all = slots(copy);
    if (all.length === 0) break;
    const [container, key] = pick(all);
    const r = random();
    const old = container[key];
    if (typeof old === "number" || (typeof old === "string" && MONEY.test(old))) {
      // Plausible numbers keep many requests valid, so results are checked as often as errors.
      if (r < 0.5) {
        container[key] = pick([Math.floor(random() * 100), random() * 1000, String(Math.floor(random() * 1e6) / 100), Number(old) * 2, 0]);
        continue;
      }
    }
    if (r < 0.6) container[key] = nasty();
    else if (r < 0.75) delete container[key];
    else if (r < 0.9 && !Array.isArray(container)) container[pick(["unknown", "Hours", "constructor", "__proto__", key + "s"])] = nasty();
    else if (Array.isArray(container)) container.push(...Array.from({ length: 50 }, () => container[0])); // shared: fine, nothing writes through it
    else container[key] = [container[key]];
  }
  return copy;
}

const MONEY = /^-?\d+(\.\d+)?$/;
const MONEY_KEYS = new Set(["originalPrice", "discountPrice", "tradePrice", "amount", "total", "perMonth", "savings", "billed", "unitPrice"]);
const TOP_KEY = { quote: "tradePrice", compareBillingMethod: "options", simulateLifecycle: "timeline", simulateAccount: "timeline" };

/** A problem with a returned result, or null. */
function malformed(fn, result) {
  if (!result || typeof result !== "object" || !(TOP_KEY[fn] in result)) return "not a result object";
  let problem = null;
  const visit = (value, key) => {
    if (problem) return;
    if (typeof value === "number" && !Number.isFinite(value)) problem = `${key} is ${value}`;
    else if (MONEY_KEYS.has(key) && value !== undefined && value !== null && !(typeof value === "string" && MONEY.test(value))) {
      problem = `${key} is not a decimal string: ${String(value).slice(0, 40)}`;
    } else if (value && typeof value === "object") for (const k of Object.keys(value)) visit(value[k], Array.isArray(value) ? key : k);
  };
  visit(result, "");
  try {
    JSON.stringify(result);
  } catch (error) {
    problem = `cannot be serialized: ${error.message}`;
  }
  return problem;
}

const known = { items: [{ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "payAsYouGo", hours: 5, quantity: 2 }] };
const { total, batch } = workerData;
const report = { calls: 0, results: 0, errors: 0, failures: [] };
const describe = (request) => {
  try {
    return JSON.stringify(request, (_, v) => (typeof v === "string" && v.length > 60 ? v.slice(0, 60) + "..." : v))?.slice(0, 400);
  } catch {
    return String(request);
  }
};

for (let i = 0; i < total; i++) {
  const base = pick(corpus);
  const r = random();
  const fn = r < 0.1 ? pick(NAMES) : base.fn; // sometimes a request meets the wrong function
  const request = r < 0.05 ? randomJson() : r < 0.1 ? base.request : mutate(base.request);
  report.calls++;
  try {
    const problem = malformed(fn, FUNCTIONS[fn](request));
    report.results++;
    if (problem) report.failures.push({ fn, request: describe(request), problem });
  } catch (error) {
    report.errors++;
    const ok = error instanceof Error && !(error instanceof WebAssembly.RuntimeError) && typeof error.code === "string" && /^[a-z_]+$/.test(error.code) && typeof error.path === "string" && error.message.length > 0;
    if (!ok) report.failures.push({ fn, request: describe(request), problem: `threw ${error?.name}: ${error?.message} (code ${error?.code})` });
  }
  if (report.failures.length > 20) break;
  if ((i + 1) % batch === 0) {
    // The module keeps answering correctly between the batches, not only at the end.
    if (quote(known).tradePrice !== "0.73") report.failures.push({ problem: `wrong answer after ${i + 1} calls` });
    parentPort.postMessage({ type: "progress", calls: i + 1 });
  }
}
report.finalCheck = quote(known).tradePrice;
parentPort.postMessage({ type: "done", ...report });
