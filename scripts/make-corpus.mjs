// Writes tests/golden/corpus.requests.jsonl: the determinism corpus (issue 8). Each line is
// { name, fn, request }. The same requests must give byte-identical JSON natively
// (tests/golden.rs), in Node, in Chromium and in Firefox (wasm/tests/wasm.rs), and through the
// npm package (tests/js/package.test.mjs); tests/golden.rs also requires that together
// they cite every rule of RULES.md that a calculation can cite.
//
// Deterministic: a seeded generator, so running it again writes the same file. The
// expected answers are written by `BLESS=1 cargo test --test golden corpus`; names that
// start with "error" must fail, all others must succeed.
//
//   node scripts/make-corpus.mjs
import { writeFileSync } from "node:fs";
import { seededRandom } from "./seeded-random.mjs";

const { random, pick } = seededRandom(0x5eed2026);
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

const SPECS = ["acp.basic.small", "acp.std.small", "acp.std.medium", "acp.std.large", "acp.perf.large"];
const REGIONS = ["mainland", "international"];
const BILLABLE = ["devicePub", "deviceRpcRequest", "revertRpcResponse", "deviceSubReceived", "serverPub",
  "serverPubBroadcast", "serverResponse", "serverRevertRpc", "subDevice"];
const FREE = ["connect", "connAck", "disconnect", "pingReq", "pingResp", "pubAck", "subscribe", "subAck",
  "unsubscribe", "unsubAck", "rulesEngineForward"];
const MONTHS = ["2026-11", "2026-12", "2027-01", "2027-02", "2028-02"];

const corpus = [];
const add = (name, fn, request) => corpus.push({ name: `${String(corpus.length).padStart(3, "0")} ${name}`, fn, request });

// --- quote: Cloud Phone (CP-1..CP-6, CP-10) -------------------------------------------
for (const spec of SPECS) {
  for (const region of REGIONS) {
    add(`cloud phone subscription ${spec} ${region}`, "quote", {
      items: [{ product: "cloudPhone", spec, region, billing: "subscription", months: pick([1, 3, 12, 36]), quantity: int(1, 50) }],
    });
    // CP-3: lifetime hours just below, on and just above a 4-hour period boundary.
    for (const hours of [pick([1, 3.99, 0.25]), 4, pick([4.01, 5, 730, 8760])]) {
      add(`cloud phone pay-as-you-go ${spec} ${region} ${hours} h`, "quote", {
        items: [{ product: "cloudPhone", spec, region, billing: "payAsYouGo", hours, quantity: int(1, 9) }],
      });
    }
  }
}
add("cloud phone with NAT gateway and EIP (CP-1)", "quote", {
  items: [{ product: "cloudPhone", spec: "acp.std.small", region: "mainland", billing: "payAsYouGo", hours: 100, quantity: 2,
    internetAccess: { natGatewayPerHour: "0.05", eipPerHour: "0.02" } }],
});
add("cloud phone internet access hours differ from lifetime", "quote", {
  items: [{ product: "cloudPhone", spec: "acp.std.small", region: "international", billing: "payAsYouGo", hours: 100,
    internetAccess: { natGatewayPerHour: "0.05", hours: 40 } }],
});
add("cloud phone from a caller catalog spec", "quote", {
  catalog: { cloudPhone: { specs: [{ id: "acp.custom.xl", mainland: { monthly: "99.90", hourly: "0.1500" },
    international: { monthly: "120", hourly: "0.19" } }] } },
  items: [{ product: "cloudPhone", spec: "acp.custom.xl", region: "mainland", billing: "payAsYouGo", hours: 9 },
    { product: "cloudPhone", spec: "acp.custom.xl", region: "mainland", billing: "subscription", months: 2 }],
});

// --- quote: IoT legacy public, Basic and Pro (IOT-12..IOT-19, IOT-21) --------------------
const message = (categories) => ({ bytes: pick([0, 1, 200, 512, 513, 1024, 4096]), count: pick([0, 1, 999, 33333, 604800, 2000000]),
  category: pick(categories) });
for (let i = 0; i < 40; i++) {
  const edition = i % 2 ? "pro" : "basic";
  const extra = edition === "pro" ? "tsl" : "deviceShadow";
  const categories = [...BILLABLE, ...FREE, extra];
  const month = pick(MONTHS);
  const item = { product: "iot", instance: "legacyPublic", edition, month };
  const perDay = { messages: Array.from({ length: int(1, 4) }, () => message(categories)) };
  if (edition === "pro" || random() < 0.3) perDay.livingDevices = pick([0, 1, 12, 500, 100000]);
  if (i % 4 === 3) {
    const days = int(1, 28);
    item.usage = { days: Array.from({ length: int(1, 5) }, (_, k) => ({ date: `${month}-${String(Math.min(28, days + k)).padStart(2, "0")}`,
      messages: [message(categories)], livingDevices: int(0, 50) })) };
  } else if (i % 4 === 2) {
    item.usage = { perDay, days: int(1, 28) };
  } else {
    item.usage = { perDay };
  }
  if (i % 5 === 0) item.freeQuotaUsed = pick([0, 500000, 1000000, 1500000]);
  add(`iot legacy ${edition} ${month} #${i}`, "quote", { items: [item] });
}
add("iot legacy pro, the RULES.md example month", "quote", {
  items: [{ product: "iot", instance: "legacyPublic", edition: "pro", month: "2026-11",
    usage: { perDay: { messages: [{ bytes: 200, count: 604800 }], livingDevices: 12 } } }],
});
add("iot legacy basic, a day table without dates", "quote", {
  items: [{ product: "iot", instance: "legacyPublic", edition: "basic", month: "2026-12",
    usage: { days: [{ messages: [{ bytes: 100, count: 800000 }] }, { messages: [{ bytes: 600, count: 300000 }] }] } }],
});

// --- quote: IoT Enterprise and new public (IOT-2..IOT-4) ------------------------------
for (let i = 0; i < 10; i++) {
  const item = { product: "iot", instance: "enterprise", months: int(1, 24), monthlyPrice: pick(["120", "99.5", "1000", 35]) };
  if (i % 2) item.trial = true;
  if (i % 3 === 0) item.quantity = int(2, 4);
  add(`iot enterprise #${i}`, "quote", { items: [item] });
}
add("iot enterprise spec from a caller catalog", "quote", {
  catalog: { iot: { enterpriseSpecs: [{ id: "standard", monthlyPrice: "120" }] } },
  items: [{ product: "iot", instance: "enterprise", spec: "standard", months: 3, trial: true }],
});
add("iot new public instance is free", "quote", { items: [{ product: "iot", instance: "newPublic" }] });

// --- quote: ECS at caller prices (ECS-2, ECS-3, ECS-9) --------------------------------
for (let i = 0; i < 12; i++) {
  const subscription = i % 2 === 1;
  const prices = { instance: subscription ? pick(["60", "123.45", 9]) : pick(["0.25", "0.0123", 1]) };
  if (i % 3 !== 2) prices.systemDisk = subscription ? "2.00" : "0.004";
  if (i % 4 === 0) prices.dataDisks = subscription ? ["5", "7.5"] : ["0.01"];
  if (i % 5 === 0) prices.bandwidth = subscription ? "23" : "0.03";
  const item = { product: "ecs", billing: subscription ? "subscription" : "payAsYouGo", instanceType: "ecs.g7.large", prices };
  if (subscription) item.months = int(1, 36); else item.hours = pick([1, 24, 730, 0.5, 8760]);
  if (i % 3 === 0) item.quantity = int(2, 20);
  add(`ecs ${item.billing} #${i}`, "quote", { items: [item] });
}
add("ecs instance price from a caller catalog", "quote", {
  catalog: { ecs: { instanceTypes: [{ id: "ecs.c7.xlarge", hourly: "0.30", monthly: "150" }] } },
  items: [{ product: "ecs", billing: "payAsYouGo", hours: 10, instanceType: "ecs.c7.xlarge", prices: {} },
    { product: "ecs", billing: "subscription", months: 2, instanceType: "ecs.c7.xlarge", prices: {} }],
});

// --- quote: carts and discounts --------------------------------------------------------
for (let i = 0; i < 8; i++) {
  const items = [
    { product: "cloudPhone", spec: pick(SPECS), region: pick(REGIONS), billing: "payAsYouGo", hours: int(1, 500), quantity: int(1, 5) },
    { product: "ecs", billing: "payAsYouGo", hours: int(1, 744), prices: { instance: "0.25" } },
    { product: "iot", instance: "enterprise", months: int(1, 6), monthlyPrice: "50" },
    { product: "cloudPhone", spec: pick(SPECS), region: pick(REGIONS), billing: "subscription", months: int(1, 12) },
  ];
  const request = { items };
  if (i % 2) request.discounts = [{ percent: pick([5, 10, 12.5, 100]), product: pick(["ecs", "cloudPhone", "iot"]) }];
  if (i % 4 === 3) request.discounts = [{ percent: 15, item: 0 }, { percent: 10 }];
  add(`mixed cart #${i}`, "quote", request);
}

// --- compareBillingMethod (CP-7, CP-2, ECS, IoT Enterprise against legacy) -------------
for (let i = 0; i < 24; i++) {
  const usage = { months: pick([1, 6, 12, 36]) };
  if (i % 6 === 5) usage.cycles = { hours: int(1, 24), perMonth: int(1, 31) };
  else if (i % 3) usage.hoursPerMonth = pick([0, 10, 100, 216, 216.75, 500, 744]);
  const request = { product: "cloudPhone", spec: pick(SPECS), region: pick(REGIONS), usage };
  if (i % 4 === 1) request.quantity = int(2, 100);
  if (i % 5 === 2) request.current = pick(["payAsYouGo", "subscription"]);
  add(`compare cloud phone #${i}`, "compareBillingMethod", request);
}
for (let i = 0; i < 6; i++) {
  add(`compare ecs #${i}`, "compareBillingMethod", {
    product: "ecs", quantity: int(1, 3), usage: { months: int(1, 24), hoursPerMonth: pick([50, 300, 600, 744]) },
    prices: { subscription: { instance: pick([60, "45.5"]), systemDisk: 2 }, payAsYouGo: { instance: "0.10", systemDisk: "0.004" } },
  });
}
for (let i = 0; i < 6; i++) {
  add(`compare iot enterprise against legacy #${i}`, "compareBillingMethod", {
    product: "iot", edition: pick(["basic", "pro"]), monthlyPrice: pick(["10", "35"]), trial: i % 2 === 1, startMonth: pick(MONTHS),
    perDay: { messages: [{ bytes: pick([100, 700]), count: pick([1000, 604800, 3000000]) }], livingDevices: int(0, 1000) },
    usage: { months: int(1, 6) },
  });
}

// --- simulateLifecycle -------------------------------------------------------------------
// Every start is before the events below (2026-12-20 onwards): month ends, a leap February,
// an instant given in UTC that is already the next billing day in UTC+8.
const starts = ["2026-12-01", "2026-01-31", "2024-02-28T23:30:00+08:00", "2026-06-30T16:00:00Z", "2026-03-15T09:30:00+08:00"];
for (let i = 0; i < 8; i++) {
  const request = { product: "cloudPhone", resource: { billing: "payAsYouGo" }, start: pick(starts),
    account: { balance: pick(["4.80", "0", "100", 12]), coupons: pick(["0", "1.5"]) }, costPerHour: pick(["0.05", "0.0457", 0.3]) };
  if (i % 2) request.resource.attached = ["natGateway", "eip"];
  if (i % 3 === 0) request.events = [{ at: "2027-01-10T00:00:00+08:00", type: "topUp", amount: "10" }];
  if (i === 7) request.policy = { cloudPhone: { overdueReleaseAfterDays: 7 } };
  add(`lifecycle cloud phone pay-as-you-go #${i}`, "simulateLifecycle", request);
}
for (let i = 0; i < 4; i++) {
  const request = { product: "cloudPhone", resource: { billing: "subscription" }, start: pick(starts), months: int(1, 12) };
  if (i % 2) request.policy = { cloudPhone: { subscriptionReleaseAfterExpiryDays: 15 } };
  add(`lifecycle cloud phone subscription #${i}`, "simulateLifecycle", request);
}
for (let i = 0; i < 10; i++) {
  const request = { product: "iot", resource: { instance: "enterprise" }, start: pick(starts), months: int(1, 3) };
  if (i % 2 === 0) Object.assign(request, { autoRenew: true, renewalPrice: pick(["100", "20"]), account: { balance: pick(["0", "150", "1000"]), coupons: "30" } });
  if (i % 3 === 1) request.events = [{ at: "2027-06-01T00:00:00+08:00", type: "renew", months: 2 }];
  if (i % 4 === 3) { request.resource.trial = true; delete request.months; } // IOT-3: a trial lasts iot.trialMonths
  if (i === 9) request.until = "2029-01-01";
  add(`lifecycle iot enterprise #${i}`, "simulateLifecycle", request);
}
for (let i = 0; i < 6; i++) {
  const request = { product: "iot", resource: { instance: "legacyPublic" }, start: pick(starts) };
  if (i % 2) request.overdueAt = "2027-04-02T10:00:00+08:00";
  else Object.assign(request, { account: { balance: pick(["3", "0.40", "25"]) }, costPerDay: pick(["0.48", "1.20"]) });
  if (i === 4) request.events = [{ at: "2027-05-01", type: "topUp", amount: 5 }];
  add(`lifecycle iot legacy public #${i}`, "simulateLifecycle", request);
}
add("lifecycle iot enterprise overdue elsewhere, then released (IOT-6, IOT-11)", "simulateLifecycle", {
  product: "iot", resource: { instance: "enterprise" }, start: "2026-12-01", months: 6, overdueAt: "2027-01-05T08:00:00+08:00",
  events: [{ at: "2027-01-10T00:00:00+08:00", type: "renew", months: 1 }, { at: "2027-02-01T00:00:00+08:00", type: "release" }],
});
add("lifecycle iot new public never expires", "simulateLifecycle", { product: "iot", resource: { instance: "newPublic" }, start: "2026-12-01" });
for (let i = 0; i < 10; i++) {
  const request = { product: "ecs", resource: { billing: "payAsYouGo", attached: ["dataDisk", "staticPublicIp", "eip", "snapshots", "customImage"].slice(0, int(0, 5)) },
    start: pick(starts), account: { balance: pick(["30", "0", "500"]), coupons: "6" }, costPerHour: pick(["0.10", "0.25"]) };
  if (i % 2) request.resource.economicalMode = true;
  if (i % 3 === 0) request.events = [{ at: pick(["2026-12-25T12:00:00+08:00", "2027-01-20T12:00:00+08:00"]), type: "topUp", amount: "40" }];
  if (i % 4 === 2) request.events = [{ at: "2026-12-20", type: "release" }];
  if (i === 9) request.policy = { ecs: { stopAfterDays: 10, releaseAfterStopDays: 20 } };
  add(`lifecycle ecs pay-as-you-go #${i}`, "simulateLifecycle", request);
}
add("lifecycle ecs stopped for an overdue payment, then paid: restarts (ECS-7)", "simulateLifecycle", {
  product: "ecs", resource: { billing: "payAsYouGo", attached: ["dataDisk", "snapshots"] }, start: "2026-12-01T09:30:00+08:00",
  account: { balance: "30", coupons: "6" }, costPerHour: "0.10", events: [{ at: "2027-01-05T00:00:00+08:00", type: "topUp", amount: "50" }],
});
for (let i = 0; i < 4; i++) {
  add(`lifecycle ecs subscription with a pay-as-you-go disk #${i}`, "simulateLifecycle", {
    product: "ecs", resource: { billing: "subscription", attached: ["payAsYouGoDisk"] }, start: pick(starts), months: int(1, 6),
    account: { balance: pick(["5", "50"]) }, costPerHour: "0.01",
  });
}

// --- errors: every one must come back as { code, path, message }, identically --------
const errors = [
  ["quote", { items: [] }],
  ["quote", { items: [{ product: "rds" }] }],
  ["quote", { items: [{ product: "cloudPhone", spec: "acp.nope", region: "mainland", billing: "subscription", months: 1 }] }],
  ["quote", { items: [{ product: "cloudPhone", spec: "acp.basic.small", region: "mars", billing: "subscription", months: 1 }] }],
  ["quote", { items: [{ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "payAsYouGo", hours: -1 }] }],
  ["quote", { items: [{ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "payAsYouGo", hours: "1e400" }] }],
  ["quote", { items: [{ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "subscription", months: 1.5 }] }],
  ["quote", { items: [{ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "subscription", months: 1, qty: 2 }] }],
  ["quote", { items: [{ product: "iot", instance: "legacyPublic", edition: "gold", month: "2026-11", usage: { perDay: { messages: [] } } }] }],
  ["quote", { items: [{ product: "iot", instance: "legacyPublic", edition: "basic", month: "2026-13", usage: { perDay: { messages: [] } } }] }],
  ["quote", { items: [{ product: "iot", instance: "legacyPublic", edition: "basic", month: "2026-11", usage: { perDay: { messages: [{ bytes: 1, count: 1, category: "gossip" }] } } }] }],
  ["quote", { items: [{ product: "iot", instance: "legacyPublic", edition: "pro", month: "2026-11", usage: { perDay: { messages: [{ bytes: 1, count: 1, category: "deviceShadow" }] } } }] }],
  ["quote", { items: [{ product: "iot", instance: "enterprise", months: 3 }] }],
  ["quote", { items: [{ product: "ecs", billing: "payAsYouGo", hours: 1, prices: {} }] }],
  ["quote", { items: [{ product: "ecs", billing: "payAsYouGo", hours: 1, prices: { instance: "abc" } }] }],
  ["quote", { items: [{ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "payAsYouGo", hours: 1 }], discounts: [{ percent: 101 }] }],
  ["compareBillingMethod", { product: "cloudPhone", spec: "acp.basic.small", region: "mainland", usage: { months: 0 } }],
  ["compareBillingMethod", { product: "cloudPhone", spec: "acp.basic.small", region: "mainland", usage: { months: 1, hoursPerMonth: 745 } }],
  ["compareBillingMethod", { product: "ecs", usage: { months: 1 }, prices: { subscription: { instance: 1 } } }],
  ["simulateLifecycle", { product: "ecs", resource: { billing: "payAsYouGo" }, start: "2026-12-01", events: [{ at: "2026-12-02", type: "pause" }] }],
  ["simulateLifecycle", { product: "ecs", resource: { billing: "subscription" }, start: "2026-12-01" }],
  ["simulateLifecycle", { product: "iot", resource: { instance: "enterprise" }, start: "2026-12-01", months: 1, autoRenew: true, renewalPrice: 1 }],
  ["simulateLifecycle", { product: "cloudPhone", resource: { billing: "payAsYouGo" }, start: "2026-02-30" }],
  ["simulateLifecycle", { product: "cloudPhone", resource: { billing: "payAsYouGo" }, start: "2026-12-01T25:00:00+08:00" }],
];
for (const [fn, request] of errors) add(`error ${fn}`, fn, request);

// --- rules beyond the seeds (issue 14): CP-13, CP-14, ECS-10..ECS-14 ----------------------
// Appended after the errors and without the random generator, so that every earlier
// request keeps its number and its values.
const payg = { product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "payAsYouGo", hours: 5 };
add("dated: cloud phone group created before 2025-05-06 billed per second (CP-13)", "quote", {
  items: [{ ...payg, createdAt: "2025-05-05T23:59:59+08:00" }, { ...payg, createdAt: "2025-05-06" }],
});
add("dated: compare a group created before the 4-hour period (CP-13)", "compareBillingMethod", {
  product: "cloudPhone", spec: "acp.std.small", region: "international", createdAt: "2024-01-01", usage: { months: 3, hoursPerMonth: 100.5 },
});
add("dated: lifecycle of a per-second group released mid-period (CP-13)", "simulateLifecycle", {
  product: "cloudPhone", resource: { billing: "payAsYouGo", createdAt: "2025-01-01" }, start: "2026-12-01", costPerHour: "0.0457",
  events: [{ at: "2026-12-01T01:30:00+08:00", type: "release" }],
});
add("dated: cloud phone subscription deleted 15 days after expiry (CP-14)", "simulateLifecycle", {
  product: "cloudPhone", resource: { billing: "subscription" }, start: "2026-12-01", months: 1, until: "2027-02-01",
});
add("dated: ecs subscription cycle, renewal from the old end (ECS-10)", "simulateLifecycle", {
  product: "ecs", resource: { billing: "subscription", attached: ["staticPublicIp", "eip"] }, start: "2019-08-09T13:00:00+08:00", months: 1,
  events: [{ at: "2019-09-01", type: "renew", months: 1 }], until: "2019-12-01",
});
add("dated: ecs subscription expires, renewed late from the old end (ECS-11)", "simulateLifecycle", {
  product: "ecs", resource: { billing: "subscription" }, start: "2026-12-01T10:00:00+08:00", months: 1,
  events: [{ at: "2027-01-10", type: "renew", months: 1 }], until: "2027-04-01",
});
add("dated: ecs auto-renewal paid from the balance at 08:00 (ECS-12)", "simulateLifecycle", {
  product: "ecs", resource: { billing: "subscription" }, start: "2026-12-01T10:00:00+08:00", months: 1, autoRenew: true,
  renewalPrice: "30", account: { balance: "45" }, until: "2027-04-01",
});
add("dated: ecs auto-renewal never paid: serves 15 days, released at 30 (ECS-12)", "simulateLifecycle", {
  product: "ecs", resource: { billing: "subscription" }, start: "2026-03-24T10:00:00+08:00", months: 1, autoRenew: true,
  renewalPrice: "30", account: { balance: "1" }, until: "2026-07-01",
});
add("dated: ecs pay-as-you-go settled on the hour, minimum 0.01 (ECS-13)", "quote", {
  items: [{ product: "ecs", billing: "payAsYouGo", hours: "0.0416666667", quantity: 3, prices: { instance: "0.06" } }],
});
add("dated: ecs china site preset (ECS-14)", "simulateLifecycle", {
  product: "ecs", resource: { billing: "payAsYouGo", attached: ["dataDisk"] }, start: "2026-12-01T09:30:00+08:00",
  account: { balance: "10" }, costPerHour: "0.10", policy: { preset: "ecsChinaSite" },
});
// One price for one purchase (issue 19): monthly renewals as the explicit option.
add("compare cloud phone as 36 monthly renewals", "compareBillingMethod", {
  product: "cloudPhone", spec: "acp.basic.small", region: "mainland", usage: { months: 36, hoursPerMonth: 216, subscriptionOrders: "monthly" },
});
add("compare iot enterprise with a trial, monthly renewals", "compareBillingMethod", {
  product: "iot", edition: "basic", monthlyPrice: "10", trial: true, startMonth: "2026-12",
  perDay: { messages: [{ bytes: 200, count: 50000 }] }, usage: { months: 3, subscriptionOrders: "monthly" },
});
add("error dated: createdAt on a subscription group", "quote", {
  items: [{ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "subscription", months: 1, createdAt: "2025-01-01" }],
});
add("error dated: an unknown policy preset", "simulateLifecycle", {
  product: "ecs", resource: { billing: "payAsYouGo" }, start: "2026-12-01", policy: { preset: "chinaSite" },
});

// IoT fleets (issue 17): IOT-20, IOT-22..IOT-24. Appended, as above.
const fleetSpecs = { iot: { enterpriseSpecs: [
  { id: "base", monthlyPrice: "100", onlineDevices: 100000, messagingTps: 100, forwardingTps: 100 },
  { id: "large", monthlyPrice: "400", onlineDevices: 500000, messagingTps: 500, forwardingTps: 500 },
] } };
add("fleet: the pricing page example, 18,144,000 messages (IOT-22)", "quote", {
  items: [{ product: "iot", instance: "legacyPublic", edition: "basic", month: "2026-11",
    usage: { fleet: { devices: 1, messages: [{ every: { seconds: 1 }, bytes: 410, receivers: 6 }] } } }],
});
add("fleet: doc 73701, 10,000 devices online 8 h on Pro (IOT-22, IOT-19)", "quote", {
  items: [{ product: "iot", instance: "legacyPublic", edition: "pro", month: "2026-11",
    usage: { fleet: { devices: 10000, onlineHoursPerDay: 8, messages: [{ every: { minutes: 1 }, bytes: 512 }] } } }],
});
add("fleet: interfaces, free-to-call subscribe and a TSL call (IOT-20)", "quote", {
  items: [{ product: "iot", instance: "legacyPublic", edition: "pro", month: "2027-02",
    usage: { days: 7, fleet: { devices: 300, onlineHoursPerDay: "12.5", messages: [
      { perDay: 40, bytes: 900, interface: "InvokeThingService" },
      { every: { minutes: 15 }, bytes: 300, interface: "IOT_MQTT_Subscribe", forwarded: true },
    ] } } }],
});
add("fleet: enterprise sized from the published example (IOT-23)", "quote", {
  catalog: fleetSpecs,
  items: [{ product: "iot", instance: "enterprise", months: 12, fleet: { devices: 10000, messages: [
    { every: { minutes: 10 }, bytes: 100, forwarded: true }, { every: { minutes: 20 }, bytes: 100, category: "serverPub" },
  ] } }],
});
add("fleet: small enough for a new public instance (IOT-24)", "quote", {
  catalog: fleetSpecs,
  items: [{ product: "iot", instance: "enterprise", months: 1, fleet: { devices: 50, messages: [{ every: { seconds: 10 }, bytes: 64 }] } }],
});
add("fleet: compare a growing fleet that outgrows its spec (IOT-23)", "compareBillingMethod", {
  product: "iot", edition: "basic", startMonth: "2026-11", usage: { months: 6 }, catalog: fleetSpecs,
  fleet: { devices: 50000, messages: [{ every: { seconds: 600 }, bytes: 100 }] }, growth: { devicesPercentPerMonth: 10 },
});
add("error fleet: no spec holds the fleet", "quote", {
  catalog: fleetSpecs,
  items: [{ product: "iot", instance: "enterprise", months: 1, fleet: { devices: 400000, messages: [{ every: { seconds: 400 }, bytes: 1 }] } }],
});
add("error fleet: an interface of the other edition", "quote", {
  items: [{ product: "iot", instance: "legacyPublic", edition: "pro", month: "2026-11",
    usage: { fleet: { devices: 1, messages: [{ perDay: 1, bytes: 1, interface: "UpdateDeviceShadow" }] } } }],
});
add("error fleet: an interval of zero", "compareBillingMethod", {
  product: "iot", edition: "basic", startMonth: "2026-11", usage: { months: 2 }, monthlyPrice: "5",
  fleet: { devices: 10, messages: [{ every: { seconds: 0 }, bytes: 1 }] },
});

// simulateAccount (issue 18): one credit for a whole setup. Appended, as above.
const phonesPayg = (quantity) => ({ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "payAsYouGo", quantity });
const ecsPayg = (price) => ({ product: "ecs", billing: "payAsYouGo", prices: { instance: price } });
add("account: two phones run out of credit (CP-4, CP-9)", "simulateAccount", {
  start: "2026-12-01", account: { balance: "10" }, items: [phonesPayg(2)],
});
add("account: one credit, every item overdue at once (ECS-1)", "simulateAccount", {
  start: "2026-12-01", until: "2027-01-15", account: { balance: "10" },
  items: [ecsPayg("1"), phonesPayg(1), { product: "iot", instance: "enterprise", months: 3, monthlyPrice: "20" }],
});
add("account: IoT daily bills with the month's free quota (IOT-17, IOT-18)", "simulateAccount", {
  start: "2026-12-01", until: "2027-01-10", account: { balance: "3", coupons: "1.5" },
  items: [{ product: "iot", instance: "legacyPublic", edition: "basic", usage: { perDay: { messages: [{ bytes: 100, count: 2000000 }] } } }],
});
add("account: a fleet, a top-up that settles, an auto-renewal (IOT-9, IOT-10)", "simulateAccount", {
  start: "2026-12-01T09:30:00+08:00", until: "2027-03-01", account: { balance: "40" },
  items: [
    { product: "iot", instance: "legacyPublic", edition: "pro", usage: { fleet: { devices: 2000, messages: [{ every: { minutes: 5 }, bytes: 200 }] } } },
    { product: "iot", instance: "enterprise", months: 1, monthlyPrice: "25", autoRenew: true },
    { product: "iot", instance: "newPublic" },
  ],
  events: [{ at: "2026-12-20", type: "topUp", amount: "60" }],
});
const subscriptionsAccount = {
  start: "2026-12-01", until: "2027-06-01", account: { balance: "100" },
  items: [
    { product: "cloudPhone", spec: "acp.std.small", region: "international", billing: "subscription", months: 1, quantity: 3 },
    { product: "ecs", billing: "subscription", months: 1, prices: { instance: "30", systemDisk: "2" }, autoRenew: true },
    { ...ecsPayg("0.35"), hours: 300 },
    { ...phonesPayg(1), createdAt: "2025-01-01" },
  ],
  events: [
    { at: "2026-12-25", type: "renew", item: 0, months: 2 },
    { at: "2027-02-01", type: "release", item: 3 },
    { at: "2027-03-01", type: "topUp", amount: "200" },
  ],
};
add("account: subscriptions, renewals and releases (CP-14, ECS-10, ECS-12)", "simulateAccount", subscriptionsAccount);
add("account: China site preset (ECS-14)", "simulateAccount", {
  start: "2026-12-01", until: "2027-02-01", account: { balance: "5" }, locale: "en", policy: { preset: "ecsChinaSite" }, items: [ecsPayg("0.2"), phonesPayg(3)],
});
add("error account: an event names a missing item", "simulateAccount", {
  start: "2026-12-01", account: { balance: "5" }, items: [phonesPayg(1)], events: [{ at: "2026-12-02", type: "release", item: 3 }],
});
add("error account: an event outside the period", "simulateAccount", {
  start: "2026-12-01", until: "2026-12-31", account: { balance: "5" }, items: [phonesPayg(1)], events: [{ at: "2027-01-02", type: "topUp", amount: 5 }],
});
add("error account: an ECS item without a price (ECS-9)", "simulateAccount", {
  start: "2026-12-01", account: { balance: "5" }, items: [{ product: "ecs", billing: "payAsYouGo" }],
});

// The connection-and-messages generation and sites (issue 32: IOT-25..IOT-30, SITE-1..SITE-3). Appended.
const doc73701 = { devices: 10000, onlineHoursPerDay: 8, messages: [{ every: { minutes: 1 }, bytes: 512 }] };
const generation = (extra) => ({ product: "iot", instance: "legacyPublic", pricing: "connectionAndMessages", month: "2026-11", ...extra });
add("generation: doc 73701's fleet, 67.60 of messages and 43.20 of connection minutes (IOT-27, IOT-30)", "quote", {
  items: [generation({ usage: { fleet: doc73701 } })],
});
add("generation: the same fleet in its activation month, free quota (IOT-28)", "quote", {
  items: [generation({ activated: "2026-11-01", usage: { fleet: doc73701 } })],
});
add("generation: sessions in natural minutes, a CoAP group free, half-up days (IOT-26, IOT-29)", "quote", {
  policy: { iot: { dailyAmounts: "halfUp" } },
  items: [generation({ activated: "2026-10-15", monthToDate: { messages: 99000000 }, usage: { perDay: {
    messages: [{ bytes: 300, count: 333333 }, { bytes: 700, count: 1000, category: "tsl" }, { bytes: 1, count: 50, category: "pingReq" }],
    connections: [{ from: "18:23:35", to: "18:25:10", devices: 700 }, { from: "18:23:15", to: "18:23:59", devices: 700 },
      { from: "00:00:00", to: "23:59:59", devices: 30, group: "gateways" }, { from: "08:00:00", to: "20:00:00", devices: 500, connection: "coap" }],
  }, days: 20 } })],
});
add("generation: a day table with counted minutes, every month's free quota (IOT-28 policy)", "quote", {
  policy: { iot: { freeQuota: "everyMonth" } },
  items: [generation({ month: "2027-02", usage: { days: [
    { date: "2027-02-05", messages: [{ bytes: 512, count: 60000000 }], connectionMinutes: 900000 },
    { date: "2027-02-01", messages: [{ bytes: 1024, count: 30000000 }], connectionMinutes: 2500000 },
    { messages: [{ bytes: 2048, count: 123456789, category: "deviceShadow" }] },
  ] } })],
});
add("site: the Japan site's doc 73701, every month, cut to the yen (SITE-2, SITE-3)", "quote", {
  site: "japan", policy: { iot: { freeQuota: "everyMonth" } }, items: [generation({ usage: { fleet: doc73701 } })],
});
add("site: the China site, messages in CNY, minutes inside the free quota (SITE-1, SITE-2)", "quote", {
  site: "china", items: [generation({ activated: "2026-11-20", usage: { perDay: { messages: [{ bytes: 200, count: 3000000 }], connectionMinutes: 10000 } } })],
});
add("site: the China site with your CNY minute price and Cloud Phone prices (SITE-1)", "quote", {
  site: "china",
  catalog: { cloudPhone: { specs: [{ id: "acp.basic.small", mainland: { monthly: "69", hourly: "0.32" } }] }, iot: { connectionAndMessages: { minutePrice: "2.1" } } },
  items: [generation({ usage: { fleet: doc73701 } }), { product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "payAsYouGo", hours: 9, quantity: 2 }],
});
add("site: the Japan site with your third tier above 1,000,000,000 messages (SITE-2)", "quote", {
  site: "japan",
  catalog: { iot: { connectionAndMessages: { messageTiers: [{ above: 0, price: 56 }, { above: 100000000, price: 45 }, { above: 1000000000, price: 35 }] } } },
  items: [generation({ usage: { perDay: { messages: [{ bytes: 100, count: 40000000 }] } } })],
});
add("site: an ECS lifetime in JPY, with its one-yen minimum (ECS-13, SITE-3)", "quote", {
  site: "japan", items: [{ product: "ecs", billing: "payAsYouGo", hours: 0.5, quantity: 3, prices: { instance: "1.5" } }],
});
add("site: a lifecycle in CNY (SITE-1)", "simulateLifecycle", {
  site: "china", product: "cloudPhone", resource: { billing: "payAsYouGo" }, start: "2026-12-01", account: { balance: "33.3" }, costPerHour: "0.32",
});
add("generation: compare every IoT option for a growing fleet (IOT-23, IOT-24, IOT-25)", "compareBillingMethod", {
  product: "iot", startMonth: "2026-11", usage: { months: 6 }, activated: "2026-11-01", catalog: fleetSpecs,
  fleet: { devices: 30, onlineHoursPerDay: 12, messages: [{ every: { minutes: 10 }, bytes: 600 }] }, growth: { devicesPercentPerMonth: 60 },
});
add("generation: compare every option on the Japan site, where only some are priced (SITE-1)", "compareBillingMethod", {
  product: "iot", site: "japan", startMonth: "2026-11", usage: { months: 3 }, monthlyPrice: "15000",
  fleet: { devices: 100000, messages: [{ every: { seconds: 30 }, bytes: 100, category: "tsl" }], connection: "mqtt" }, growth: { devicesPercentPerMonth: 40 },
});
add("error generation: neither edition nor pricing (IOT-25)", "quote", {
  items: [{ product: "iot", instance: "legacyPublic", month: "2026-11", usage: { perDay: { messages: [] } } }],
});
add("error generation: an edition with connection-and-messages pricing (IOT-25)", "quote", {
  items: [generation({ edition: "pro", usage: { perDay: { messages: [] } } })],
});
add("error generation: a session past midnight (IOT-26, IOT-29)", "quote", {
  items: [generation({ usage: { perDay: { messages: [], connections: [{ from: "22:00:00", to: "01:30:00" }] } } })],
});
add("error generation: usage before activation (IOT-28)", "quote", {
  items: [generation({ activated: "2026-11-10", usage: { days: [{ date: "2026-11-09", messages: [] }] } })],
});
add("error site: no CNY minute price beyond the free quota (SITE-1)", "quote", {
  site: "china", items: [generation({ usage: { fleet: doc73701 } })],
});
add("error site: a Cloud Phone in JPY without your price (SITE-1)", "quote", {
  site: "japan", items: [{ product: "cloudPhone", spec: "acp.std.small", region: "international", billing: "subscription", months: 1 }],
});
add("error site: Basic on the China site without your message price (SITE-1)", "quote", {
  site: "china", items: [{ product: "iot", instance: "legacyPublic", edition: "basic", month: "2026-11", usage: { perDay: { messages: [{ bytes: 1, count: 1 }] } } }],
});
add("error site: an unknown site", "quote", { site: "europe", items: [{ product: "iot", instance: "newPublic" }] });
add("generation: compare doc 73701's fleet growing into the third tier, with Enterprise specs (IOT-27, IOT-23)", "compareBillingMethod", {
  product: "iot", startMonth: "2027-01", usage: { months: 4 }, activated: "2026-12-01", catalog: fleetSpecs, fleet: doc73701, growth: { devicesPercentPerMonth: 100 },
});
// --- issue 31: subscriptions bought from the credit, the older ECS readings, texts for people ---
// (Appended, so that the requests above keep their numbers.)
add("account: subscriptions already paid, renewals and releases (CP-14, ECS-10, ECS-12)", "simulateAccount", { ...subscriptionsAccount, subscriptions: "alreadyPaid" });
// Issue 31's account: 10 acp.std.large phones for 200 h (161.60) and a 12-month ECS subscription at 45.50
// (546.00) on USD 500: the subscription cannot be bought.
const cartAccount = (balance) => ({
  start: "2026-12-01", until: "2026-12-31", account: { balance },
  items: [
    { product: "cloudPhone", spec: "acp.std.large", region: "mainland", billing: "payAsYouGo", hours: 200, quantity: 10 },
    { product: "ecs", billing: "subscription", months: 12, prices: { instance: "45.50" } },
  ],
});
add("account: the credit cannot buy a subscription, said first (buyAtStart)", "simulateAccount", cartAccount("500"));
add("account: a subscription bought at start, then the phones run out (buyAtStart, CP-13)", "simulateAccount", cartAccount("600"));
add("account: mixed items, monthly top-ups, keepRunning in one pass", "simulateAccount", {
  start: "2026-12-01T09:30:00+08:00", until: "2027-03-01", account: { balance: "80" },
  items: [
    phonesPayg(2), ecsPayg("0.12"),
    { product: "iot", instance: "legacyPublic", edition: "pro", usage: { perDay: { livingDevices: 25, messages: [{ bytes: 300, count: 500000 }] } } },
    { product: "iot", instance: "enterprise", months: 1, monthlyPrice: "15", autoRenew: true },
  ],
  events: [{ at: "2027-01-01", type: "topUp", amount: "100" }, { at: "2027-02-01", type: "topUp", amount: "100" }],
});
add("dated: ecs auto-renewal, the 2019 schedule before and after expiry (ECS-15)", "simulateLifecycle", {
  product: "ecs", resource: { billing: "subscription" }, start: "2016-03-24T10:00:00+08:00", months: 1, autoRenew: true,
  renewalPrice: "30", account: { balance: "1" }, policy: { preset: "ecsAutoRenewal2019" },
  events: [{ at: "2016-04-30", type: "topUp", amount: "30" }], until: "2016-07-01",
});
add("dated: ecs auto-renewal, the 2019 schedule as a policy value, paid 3 days before (ECS-15)", "simulateLifecycle", {
  product: "ecs", resource: { billing: "subscription", attached: ["staticPublicIp"] }, start: "2026-11-05T10:00:00+08:00", months: 1, autoRenew: true,
  renewalPrice: "30", account: { balance: "100" }, policy: { ecs: { autoRenewSchedule: "fiveAttempts2019" } }, until: "2027-03-01",
});
add("dated: ecs snapshots behind disks and images kept, the older reading (ECS-16)", "simulateLifecycle", {
  product: "ecs", resource: { billing: "payAsYouGo", attached: ["dataDisk", "snapshots", "customImage"] }, start: "2026-12-01",
  overdueAt: "2026-12-10T09:00:00+08:00", costPerHour: "0.10", policy: { ecs: { snapshotsAfterRelease: "keepInUse" } }, until: "2027-01-20",
});
add("dated: ecs lifetime of one second is billed a cent (ECS-13)", "simulateLifecycle", {
  product: "ecs", resource: { billing: "payAsYouGo" }, start: "2026-12-01", account: { balance: "5" }, costPerHour: "0.06",
  events: [{ at: "2026-12-01T00:00:01+08:00", type: "release" }], until: "2026-12-01T00:10:00+08:00",
});
add("dated: cloud phone overdue at the first hourly deduction unpaid (CP-13)", "simulateLifecycle", {
  product: "cloudPhone", resource: { billing: "payAsYouGo" }, start: "2026-12-01", account: { balance: "1.00" }, costPerHour: "0.30", until: "2026-12-20",
});
add("quote iot pro device management rounded per day (IOT-19)", "quote", {
  items: [{ product: "iot", instance: "legacyPublic", edition: "pro", month: "2026-11", usage: { perDay: { messages: [], livingDevices: 15 } } }],
});
add("error account: until past 10 years", "simulateAccount", {
  start: "2026-12-01", until: "2036-12-01T00:00:01+08:00", account: { balance: "5" }, items: [phonesPayg(1)],
});
add("error account: an event before start", "simulateAccount", {
  start: "2026-12-01", account: { balance: "5" }, items: [phonesPayg(1)], events: [{ at: "2026-11-30T23:59:59+08:00", type: "topUp", amount: 5 }],
});
add("error account: an item the account cannot run (a usage given day by day)", "simulateAccount", {
  start: "2026-12-01", account: { balance: "5" },
  items: [{ product: "iot", instance: "legacyPublic", edition: "basic", usage: { days: [{ messages: [{ bytes: 100, count: 10 }] }] } }],
});
add("error account: subscriptions neither bought at start nor already paid", "simulateAccount", {
  start: "2026-12-01", account: { balance: "5" }, items: [phonesPayg(1)], subscriptions: "later",
});

// --- issue 32, deliverable 5: the connection-and-messages generation billed per day in accounts and lifecycles ---
// doc 73701's fleet: 4,800,000 messages and minutes a day; USD 3.84 a day on days 1..20, 3.76 on day 21 (the
// tier crossing), 3.36 after (tests/iot_connection_account.rs works them out).
const connectionItem = (extra) => ({ product: "iot", instance: "legacyPublic", pricing: "connectionAndMessages", usage: { fleet: doc73701 }, ...extra });
add("account: doc 73701's fleet by connection minutes and messages, overdue at the first daily bill it cannot pay, stopped, topped up, restored (IOT-29, IOT-8, IOT-9)", "simulateAccount", {
  start: "2026-11-01", until: "2026-12-03", account: { balance: "80" }, items: [connectionItem({})],
  events: [{ at: "2026-11-25T10:00:00+08:00", type: "topUp", amount: "20" }],
});
add("account: the tier crossing's day cut to the cent, rounded half up by policy (IOT-27, IOT-29)", "simulateAccount", {
  start: "2026-11-02", until: "2026-11-25", account: { balance: "76.71" }, policy: { iot: { dailyAmounts: "halfUp" } },
  items: [connectionItem({ monthToDate: { messages: 4800001, connectionMinutes: 4800000 } })],
});
add("account: the Japan site in whole yen, the free quota every month (SITE-3, IOT-28)", "simulateAccount", {
  site: "japan", start: "2026-11-01", until: "2026-12-01", account: { balance: "10000" }, policy: { iot: { freeQuota: "everyMonth" } }, items: [connectionItem({})],
});
add("account: activated, the free quota of two months; CoAP sessions pay no minutes (IOT-26, IOT-28)", "simulateAccount", {
  start: "2026-11-20", until: "2027-01-05", account: { balance: "20" }, items: [connectionItem({ activated: "2026-11-01", usage: { perDay: {
    messages: [{ bytes: 900, count: 2000000 }], connections: [{ from: "08:00:00", to: "17:59:59", devices: 500 }, { from: "08:00:00", to: "17:59:59", devices: 300, group: "sensors", connection: "coap" }],
  } } })],
});
add("dated: iot lifecycle billed by connection minutes and messages, stopped and restored (IOT-29, IOT-8, IOT-9)", "simulateLifecycle", {
  product: "iot", resource: { instance: "legacyPublic", pricing: "connectionAndMessages", usage: { fleet: doc73701 } },
  start: "2026-11-01", until: "2026-11-30", account: { balance: "80" }, events: [{ at: "2026-11-25T10:00:00+08:00", type: "topUp", amount: "20" }],
});
add("dated: iot lifecycle by connection minutes and messages with your day counts: stopped after 48 hours, restored within 10 minutes (IOT-8, IOT-9)", "simulateLifecycle", {
  product: "iot", resource: { instance: "legacyPublic", pricing: "connectionAndMessages", usage: { fleet: doc73701 } },
  policy: { iot: { legacyStopAfterOverdueHours: 48, restoreWithinMinutes: 10, billWithinHoursAfterCycle: 2 } },
  start: "2026-11-01", until: "2026-11-30", account: { balance: "80" }, events: [{ at: "2026-11-25T10:00:00+08:00", type: "topUp", amount: "20" }],
});
add("account: Enterprise Edition with your day counts: auto-renewal attempts to 3 days before expiry, release 7 days after it (IOT-5, IOT-10)", "simulateAccount", {
  start: "2026-12-01", until: "2027-04-01", account: { balance: "100" },
  policy: { iot: { enterpriseReleaseAfterExpiryDays: 7, autoRenewLastAttemptDaysBeforeExpiry: 3 } },
  items: [{ product: "iot", instance: "enterprise", months: 1, monthlyPrice: "30", autoRenew: true }],
});
add("dated: iot Enterprise Edition trial of two months, your day count (IOT-3)", "simulateLifecycle", {
  product: "iot", resource: { instance: "enterprise", trial: true }, start: "2026-12-01", until: "2027-03-01", policy: { iot: { trialMonths: 2 } },
});
add("error account: no CNY price for connection minutes, at the item (SITE-1)", "simulateAccount", {
  site: "china", start: "2026-11-01", account: { balance: "80" }, items: [connectionItem({})],
});
add("error lifecycle: a usage without the generation's pricing", "simulateLifecycle", {
  product: "iot", resource: { instance: "legacyPublic", usage: { fleet: doc73701 } }, start: "2026-11-01", costPerDay: "3",
});

writeFileSync(new URL("../tests/golden/corpus.requests.jsonl", import.meta.url), corpus.map((c) => JSON.stringify(c)).join("\n") + "\n");
console.log(`${corpus.length} requests`);
