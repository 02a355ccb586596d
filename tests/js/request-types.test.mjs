// The request declarations (wasm/requests.d.ts, written by hand into the .d.ts) against
// the decoders that really read requests (issue 7). Nothing derives them from the
// decoders, so nothing but this test keeps them true:
//
// 1. Differential: every valid corpus request, and every mutation of it (one field
//    dropped, an unknown field added, a string value misspelt), goes both to the decoder
//    and to `tsc --strict` as a typed literal. Where the decoder accepts, tsc must
//    accept; where the decoder rejects the shape (a missing or unknown field, a name
//    outside a closed set), tsc must reject. Errors tsc cannot see (ranges, date text,
//    prices that depend on the caller's catalog) are not compared.
// 2. Closed sets: every literal union equals the list of names the decoder gives in
//    its own "expected one of" message (or the catalog it reads).
// 3. Coverage: every field name a decoder knows (its "known fields" list) occurs in the
//    requests of part 1, so the differential test has exercised it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as api from "alicloud-cost";
import { typecheckLiterals } from "./typed-literals.mjs";

const root = new URL("../../", import.meta.url).pathname;
const dts = readFileSync(`${root}pkg/alicloud_cost.d.ts`, "utf8");
const TYPE_OF = { quote: "QuoteRequest", compareBillingMethod: "CompareRequest", simulateLifecycle: "LifecycleRequest", simulateAccount: "AccountRequest" };

/** Codes that mean "this is not the request's shape": tsc must reject these. */
const SHAPE_ERRORS = new Set([
  "unknown_field", "missing_field", "invalid_type", "unknown_product", "unknown_billing", "unknown_spec",
  "unknown_region", "unknown_edition", "unknown_instance", "unknown_category", "unknown_event_type",
  "category_not_in_edition", "unknown_preset",
]);

/**
 * Rejections no declaration can see, because they depend on the values of the caller's
 * catalog: an Enterprise `spec` or ECS `instanceType` that names an entry it does not
 * have (any string is a valid id), and a price that entry lacks. Each is counted.
 */
function catalogDependent(error) {
  if (error.code === "unknown_spec" && error.message.startsWith("no Enterprise Edition spec")) return "enterprise spec id";
  if (error.code === "missing_price") return "price from the caller's catalog";
  if (error.code === "missing_field" && error.message.startsWith("new spec")) return "a new spec's prices (an id the catalog does not have)";
  return null;
}

function call(fn, request) {
  try {
    api[fn](request);
    return { ok: true };
  } catch (error) {
    return { ok: false, code: error.code, path: error.path, message: error.message };
  }
}

/** Every object in `value` with its path, depth first. */
function* objects(value, path = []) {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* objects(v, [...path, i]);
  } else if (value && typeof value === "object") {
    yield [path, value];
    for (const [k, v] of Object.entries(value)) yield* objects(v, [...path, k]);
  }
}

function* strings(value, path = []) {
  if (typeof value === "string") yield path;
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

function at(value, path) {
  return path.reduce((v, k) => v[k], value);
}

function mutants(request) {
  const out = [];
  for (const [path, object] of objects(request)) {
    for (const key of Object.keys(object)) {
      const copy = structuredClone(request);
      delete at(copy, path)[key];
      out.push({ kind: "drop", where: [...path, key].join("."), request: copy });
    }
    const copy = structuredClone(request);
    at(copy, path).zzz = 1;
    out.push({ kind: "add", where: [...path, "zzz"].join("."), request: copy });
  }
  for (const path of strings(request)) {
    const copy = structuredClone(request);
    at(copy, path.slice(0, -1))[path.at(-1)] = "zzz";
    out.push({ kind: path.at(-1) === "spec" ? "spec" : "rename", where: path.join("."), request: copy });
  }
  return out;
}

const corpus = readFileSync(`${root}tests/golden/corpus.requests.jsonl`, "utf8").trim().split("\n").map((l) => JSON.parse(l));
const addsSpecs = (r) => (r.catalog?.cloudPhone?.specs ?? []).some((s) => !api.catalog().cloudPhone.specs.some((k) => k.id === s.id));
// Fields no corpus request uses (part 3 finds them), in requests of their own.
const supplement = [
  {
    name: "IoT rates and a catalog version",
    fn: "quote",
    request: {
      catalog: {
        version: "my-2027",
        iot: { messagePrice: "0.8", messagesPerPriceUnit: 1000000, messageUnitBytes: 512, freeMessagesPerMonth: 1000000, livingDevicePricePerDay: "0.005", freeLivingDevicesPerDay: 100 },
      },
      items: [{ product: "iot", instance: "legacyPublic", edition: "pro", month: "2027-01", usage: { perDay: { messages: [{ bytes: 700, count: 5000, category: "tsl" }], livingDevices: 300 } } }],
    },
  },
  {
    name: "the connection-and-messages generation with every caller price and month-to-date count",
    fn: "quote",
    request: {
      site: "japan",
      catalog: { iot: { connectionAndMessages: { messageTiers: [{ above: 0, price: 50 }], minutePrice: "30", freeMessagesPerMonth: 0, freeMinutesPerMonth: 500000 } } },
      items: [{ product: "iot", instance: "legacyPublic", pricing: "connectionAndMessages", month: "2027-01", activated: "2026-12-15",
        monthToDate: { messages: 1000, connectionMinutes: 20000 }, usage: { perDay: { messages: [{ bytes: 100, count: 5000 }], connectionMinutes: 900 } } }],
    },
  },
  {
    name: "an existing Cloud Phone spec overridden field by field, and CP-13's cut-over",
    fn: "quote",
    request: {
      catalog: { cloudPhone: { periodsSince: "2025-05-06", specs: [{ id: "acp.basic.small", edition: "Lightweight", vcpu: 2, memoryGib: 4, storageGib: 32,
        mainland: { monthly: "9" }, international: { hourly: "0.07" } }] } },
      items: [{ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "subscription", months: 1 }],
    },
  },
  {
    name: "ECS subscription with an expiry date and deduction days",
    fn: "simulateLifecycle",
    request: {
      product: "ecs",
      resource: { billing: "subscription", attached: ["eip"] },
      start: "2026-12-01",
      expiresAt: "2027-03-01T00:00:00+08:00",
      policy: { ecs: { secondDeductionAfterDays: 5, thirdDeductionAfterDays: 10 } },
    },
  },
  {
    name: "ECS auto-renewal with every ECS-12 policy value",
    fn: "simulateLifecycle",
    request: {
      product: "ecs",
      resource: { billing: "subscription" },
      start: "2026-12-01",
      months: 1,
      autoRenew: true,
      renewalPrice: "30",
      account: { balance: "40" },
      policy: { ecs: { autoRenewMonths: 2, autoRenewFirstAttemptDaysBeforeExpiry: 5, autoRenewAttemptHour: 9,
        autoRenewServingAfterExpiryDays: 10, autoRenewReleaseAfterExpiryDays: 20 } },
    },
  },
  {
    name: "ECS auto-renewal on the 2019 schedule, its five attempts moved (ECS-15)",
    fn: "simulateLifecycle",
    request: {
      product: "ecs",
      resource: { billing: "subscription" },
      start: "2026-12-01",
      months: 1,
      autoRenew: true,
      renewalPrice: "30",
      account: { balance: "40" },
      policy: { preset: "ecsAutoRenewal2019", ecs: { autoRenew2019FirstAttemptDaysBeforeExpiry: 5, autoRenew2019SecondAttemptDaysBeforeExpiry: 2,
        autoRenew2019FourthAttemptDaysAfterExpiry: 3, autoRenew2019FifthAttemptDaysAfterExpiry: 10 } },
    },
  },
  {
    name: "what a Terraform plan buys beside instances (issue 33): an EIP, a NAT Gateway, disks on their own",
    fn: "quote",
    request: {
      items: [
        { product: "eip", billing: "payAsYouGo", hours: 730, quantity: 2, prices: { address: "0.005", bandwidth: "0.1" } },
        { product: "eip", billing: "subscription", months: 12, mbps: 10, prices: { bandwidth: 3 } },
        { product: "natGateway", billing: "subscription", months: 12, specification: "Small", prices: { gateway: "40" } },
        { product: "ecs", billing: "payAsYouGo", hours: 730, prices: { dataDisks: ["0.025"] } },
        { product: "cloudPhone", spec: "acp.basic.small", region: "international", billing: "payAsYouGo", hoursPerMonth: 730, quantity: 3 },
        { product: "ecs", billing: "payAsYouGo", hoursPerMonth: 200, instanceType: "ecs.g7.large", prices: { instance: "0.25", dataDisks: ["0.01"] } },
        { product: "natGateway", billing: "payAsYouGo", hoursPerMonth: 730, prices: { gateway: "0.0625" } },
      ],
      discounts: [{ percent: 10, product: "natGateway" }],
    },
  },
];
const bases = [...corpus, ...supplement].filter((c) => call(c.fn, c.request).ok);
// A spec the request's own catalog adds is a string the declarations cannot know; the
// README says to write it `as CloudPhoneSpecId`. Those requests are left out.
const typedBases = bases.filter((c) => !addsSpecs(c.request));

// The corpus's own error requests are compared too (kind "corpus").
const cases = corpus.filter((c) => !call(c.fn, c.request).ok).map((c) => ({ ...c, kind: "corpus", where: "" }));
for (const base of typedBases) {
  cases.push({ fn: base.fn, kind: "valid", where: "", request: base.request, name: base.name });
  for (const m of mutants(base.request)) cases.push({ fn: base.fn, name: base.name, ...m });
}

test("tsc and the decoders agree on every corpus request and on every mutation of one", (t) => {
  assert.ok(typedBases.length >= 150, `only ${typedBases.length} valid corpus requests`);
  const { run, rejected } = typecheckLiterals("request-types", cases.map((c) => [TYPE_OF[c.fn], c.request]));
  assert.equal(run.stderr, "");

  const disagreements = [];
  const tally = { agreeAccept: 0, agreeReject: 0, notComparable: 0, catalogDependent: {} };
  for (const [i, c] of cases.entries()) {
    const decoded = call(c.fn, c.request);
    const tscRejects = rejected.has(i);
    const label = `${c.name} / ${c.kind} ${c.where}`;
    if (decoded.ok) {
      if (tscRejects) disagreements.push(`${label}: the decoder accepts, tsc says ${rejected.get(i)}`);
      else tally.agreeAccept++;
    } else if (SHAPE_ERRORS.has(decoded.code)) {
      const reason = catalogDependent(decoded);
      if (reason && !tscRejects) tally.catalogDependent[reason] = (tally.catalogDependent[reason] ?? 0) + 1;
      else if (!tscRejects) disagreements.push(`${label}: the decoder says ${decoded.code} at ${decoded.path} (${decoded.message}), tsc accepts`);
      else tally.agreeReject++;
    } else {
      const reason = catalogDependent(decoded);
      if (reason && !tscRejects) tally.catalogDependent[reason] = (tally.catalogDependent[reason] ?? 0) + 1;
      else tally.notComparable++;
    }
  }
  assert.deepEqual(disagreements.slice(0, 20), [], `${disagreements.length} disagreements`);
  // Both directions were really exercised, on thousands of requests.
  assert.ok(tally.agreeAccept > 300 && tally.agreeReject > 2000, JSON.stringify(tally));
  const explained = Object.values(tally.catalogDependent).reduce((a, b) => a + b, 0);
  assert.ok(explained < cases.length / 50, `too many catalog-dependent cases: ${JSON.stringify(tally)}`);
  t.diagnostic(`${cases.length} cases from ${typedBases.length} requests: ${JSON.stringify(tally)}`);
});

/** The string literals of a declared union, following aliases it names. */
function literals(name) {
  const match = dts.match(new RegExp(`export type ${name} = ([^;]*);`));
  assert.ok(match, `no alias ${name} in the .d.ts`);
  return match[1].split("|").flatMap((part) => {
    const term = part.trim();
    return term.startsWith('"') ? [JSON.parse(term)] : literals(term);
  });
}

/** The names the decoder lists in an "expected one of" message. */
function decoderNames(fn, request, code) {
  const result = call(fn, request);
  assert.equal(result.code, code, JSON.stringify(result));
  return [...result.message.split("expected one of")[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

const sorted = (list) => [...new Set(list)].sort();
const cloudPhoneItem = (changes) => ({ items: [{ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "payAsYouGo", hours: 5, ...changes }] });
const legacyItem = (edition, category) => ({
  items: [{ product: "iot", instance: "legacyPublic", edition, month: "2026-12", usage: { perDay: { messages: [{ bytes: 100, count: 10, category }] } } }],
});
const lifecycle = (product, resource) => ({ product, resource, start: "2026-12-01", months: 1 });

test("every literal union is the decoder's own list of names", () => {
  assert.deepEqual(sorted(literals("CloudPhoneSpecId")), sorted(api.catalog().cloudPhone.specs.map((s) => s.id)));
  assert.deepEqual(sorted(literals("Region")), sorted(decoderNames("quote", cloudPhoneItem({ region: "zzz" }), "unknown_region")));
  assert.deepEqual(sorted(literals("Billing")), sorted(decoderNames("quote", cloudPhoneItem({ billing: "zzz" }), "unknown_billing")));
  assert.deepEqual(sorted(literals("Product")), sorted(decoderNames("quote", cloudPhoneItem({ product: "zzz" }), "unknown_product")));
  assert.deepEqual(sorted(literals("Site")), sorted(decoderNames("quote", { ...cloudPhoneItem({}), site: "zzz" }, "unknown_site")));
  const sessionItem = (connection) => ({ items: [{ product: "iot", instance: "legacyPublic", pricing: "connectionAndMessages", month: "2026-12",
    usage: { perDay: { messages: [], connections: [{ from: "10:00:00", to: "10:00:01", connection }] } } }] });
  assert.deepEqual(sorted(literals("Connection")), sorted(decoderNames("quote", sessionItem("zzz"), "invalid_type")));
  const instances = [...dts.matchAll(/instance: ("[^"]+"(?: \| "[^"]+")*)/g)].flatMap((m) => m[1].split(" | ").map((s) => JSON.parse(s)));
  assert.deepEqual(sorted(instances), sorted(decoderNames("quote", { items: [{ product: "iot", instance: "zzz" }] }, "unknown_instance")));
  const eventTypes = [...dts.matchAll(/type: "(\w+)"/g)].map((m) => m[1]);
  const eventRequest = { ...lifecycle("ecs", { billing: "subscription" }), events: [{ at: "2026-12-02", type: "zzz" }] };
  assert.deepEqual(sorted(eventTypes), sorted(decoderNames("simulateLifecycle", eventRequest, "unknown_event_type")));

  // Categories: the union of both editions is the decoder's list, and each edition's
  // union is exactly the categories that edition accepts (IOT-13).
  const all = decoderNames("quote", legacyItem("basic", "zzz"), "unknown_category");
  assert.deepEqual(sorted([...literals("BasicCategory"), ...literals("ProCategory")]), sorted(all));
  for (const [edition, alias] of [["basic", "BasicCategory"], ["pro", "ProCategory"]]) {
    const accepted = all.filter((category) => call("quote", legacyItem(edition, category)).ok);
    assert.deepEqual(sorted(literals(alias)), sorted(accepted), alias);
  }

  // Attachments (CP-10, ECS-5, ECS-2) per resource kind.
  for (const [alias, product, resource] of [
    ["CloudPhoneAttachment", "cloudPhone", { billing: "subscription" }],
    ["EcsPayAsYouGoAttachment", "ecs", { billing: "payAsYouGo" }],
    ["EcsSubscriptionAttachment", "ecs", { billing: "subscription" }],
  ]) {
    const request = lifecycle(product, { ...resource, attached: ["zzz"] });
    if (resource.billing === "payAsYouGo") delete request.months;
    assert.deepEqual(sorted(literals(alias)), sorted(decoderNames("simulateLifecycle", request, "unknown_field")), alias);
  }

  // Policy names: the override's keys are the policies catalog() lists: the counts, and IoT's and
  // ECS's choices between readings (IotChoices, EcsChoices, each with the names catalog() gives).
  const choicesOf = (name) => {
    const body = dts.match(new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`))[1].replace(/\/\*\*[\s\S]*?\*\//g, "");
    return Object.fromEntries([...body.matchAll(/^\s+(\w+)\?: ([^;]+);/gm)].map(([, key, values]) => [key, values.split("|").map((v) => JSON.parse(v.trim()))]));
  };
  for (const [product, group] of Object.entries(api.catalog().policies)) {
    const declared = dts.match(new RegExp(`${product}\\?: Partial<Record<([^,]*), Count>>(?: & (\\w+Choices))?`));
    assert.ok(declared, product);
    const choiceNames = declared[2] ? choicesOf(declared[2]) : {};
    const names = declared[1].split("|").map((s) => JSON.parse(s.trim())).concat(Object.keys(choiceNames));
    assert.deepEqual(sorted(names), sorted(Object.keys(group)), product);
    for (const [name, period] of Object.entries(group).filter(([, p]) => p.choices)) assert.deepEqual(choiceNames[name], period.choices, name);
  }
});

test("every field a decoder knows occurs in the requests the differential test checks", () => {
  const known = new Set();
  for (const c of cases.filter((c) => c.kind === "add")) {
    const result = call(c.fn, c.request);
    const list = result.message?.split("known fields: ")[1];
    if (result.code === "unknown_field" && list) for (const m of list.matchAll(/"([^"]+)"/g)) known.add(m[1]);
  }
  const seen = new Set();
  for (const c of typedBases) for (const [, object] of objects(c.request)) for (const key of Object.keys(object)) seen.add(key);
  assert.ok(known.size > 60, `${known.size} known fields`);
  assert.deepEqual([...known].filter((k) => !seen.has(k)).sort(), []);
});
