// The built npm package as a Node consumer imports it: by name, no init step.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { quote, simulateLifecycle, compareBillingMethod, simulateAccount, catalog, version } from "alicloud-cost";

const payg = (overrides = {}) => ({
  items: [{ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "payAsYouGo", hours: 5, quantity: 2, ...overrides }],
});

test("CP-3/CP-6: 2 phones, 5 h pay-as-you-go in the mainland cost 0.73", () => {
  // ceil(5 / 4) = 2 periods = 8 h; 8 h x 0.0457 USD/h x 2 phones = 0.7312 -> "0.73".
  const q = quote(payg());
  assert.equal(q.tradePrice, "0.73");
  assert.equal(q.currency, "USD");
  const [line] = q.items[0].lines;
  assert.deepEqual(
    { quantity: line.quantity, unit: line.unit, unitPrice: line.unitPrice, amount: line.amount },
    { quantity: "16", unit: "phone-hour", unitPrice: "0.0457", amount: "0.73" },
  );
  assert.deepEqual(line.rules, ["CP-2", "CP-3", "CP-5", "CP-6"]);
});

test("CP-6: subscription, international, 12 months of acp.std.medium", () => {
  // 23.1488 USD/month x 12 months = 277.7856 -> "277.79".
  const q = quote({ items: [{ product: "cloudPhone", spec: "acp.std.medium", region: "international", billing: "subscription", months: 12 }] });
  assert.equal(q.tradePrice, "277.79");
});

test("bad input throws an Error with code and path, and the next call works", () => {
  const cases = [
    [payg({ spec: "acp.mega" }), "unknown_spec", "items[0].spec"],
    [payg({ region: "eu" }), "unknown_region", "items[0].region"],
    [payg({ billing: "yearly" }), "unknown_billing", "items[0].billing"],
    [payg({ hours: 0 }), "out_of_range", "items[0].hours"],
    [payg({ hours: NaN }), "not_finite", "items[0].hours"],
    [payg({ hours: Infinity }), "not_finite", "items[0].hours"],
    [payg({ hours: "lots" }), "invalid_decimal", "items[0].hours"],
    [payg({ hours: undefined }), "missing_field", "items[0].hours"],
    [payg({ hourz: 5 }), "unknown_field", "items[0].hourz"],
    [{}, "missing_field", "items"],
  ];
  for (const [request, code, path] of cases) {
    assert.throws(
      () => quote(request),
      (e) => e instanceof Error && e.code === code && e.path === path && e.message.length > 0,
      `${code} at ${path}`,
    );
    assert.equal(quote(payg()).tradePrice, "0.73");
  }
});

test("simulateAccount: bad input (10,001 items, until past 10 years, an event before start, an item no account runs) throws with code and path, and the next call works", async () => {
  const { simulateAccount } = await import("alicloud-cost");
  const phones = { product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "payAsYouGo", quantity: 2 };
  const account = (extra) => ({ start: "2026-12-01", account: { balance: "10" }, items: [phones], ...extra });
  const cases = [
    [account({ items: Array.from({ length: 10_001 }, () => ({ product: "iot", instance: "newPublic" })) }), "too_many", "items"],
    [account({ until: "2036-12-01T00:00:01+08:00" }), "out_of_range", "until"],
    [account({ events: [{ at: "2026-11-30", type: "topUp", amount: 5 }] }), "date_out_of_period", "events[0].at"],
    [account({ items: [{ product: "iot", instance: "legacyPublic", edition: "basic", usage: { days: [{ messages: [] }] } }] }), "not_supported", "items[0].usage.days"],
  ];
  for (const [request, code, path] of cases) {
    assert.throws(() => simulateAccount(request), (e) => e.code === code && e.path === path && e.message.length > 0, `${code} at ${path}`);
    // tests/account.rs: two phones at 0.0914 an hour on USD 10: the 110th hourly deduction, at 14:00 on
    // Dec 5 (UTC+8), is the first the credit cannot pay (CP-13).
    assert.equal(simulateAccount(account({})).firstInterruption.at, "2026-12-05T14:00:00+08:00");
  }
});

test("catalog() returns the CP-6 table with sources; version() matches package.json and Cargo.toml", () => {
  const c = catalog();
  assert.equal(c.cloudPhone.specs.length, 5);
  assert.deepEqual(c.cloudPhone.specs[0].international, { monthly: "15.3538", hourly: "0.0709" });
  assert.equal(c.cloudPhone.source.seed, "003_e741d612e9202b56.txt");
  // Policies are data with their rule and source: CP-9 releases overdue phones from the 16th day.
  assert.deepEqual(
    [c.policies.cloudPhone.overdueReleaseAfterDays.value, c.policies.cloudPhone.overdueReleaseAfterDays.rule],
    [15, "CP-9"],
  );
  assert.equal(c.policies.ecs.releaseAfterStopDays.unit, "days");
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url)));
  const cargoVersion = readFileSync(new URL("../../Cargo.toml", import.meta.url), "utf8").match(/^version = "(.+)"$/m)[1];
  assert.equal(version().package, pkg.version);
  assert.equal(version().package, cargoVersion);
  assert.equal(version().catalog, c.version);
});

test("IOT-18: the published example from Node: 13.61 billed per day, 13.72 rated as a whole", () => {
  // 604,800 messages a day for November's 30 days; day 1 free, day 2 209,600 -> 0.17,
  // days 3..30 0.48 each: 0.17 + 28 x 0.48 = 13.61. As one month: 17,144,000 x 0.8 / 1e6 = 13.7152 -> 13.72.
  const q = quote({ items: [{ product: "iot", instance: "legacyPublic", edition: "basic", month: "2026-11",
    usage: { perDay: { messages: [{ bytes: 300, count: 604800 }] } } }] });
  assert.equal(q.tradePrice, "13.61");
  assert.equal(q.items[0].days.length, 30);
  assert.equal(q.items[0].days[1].chargeableMessages, "209600");
  assert.match(q.items[0].warnings.find((w) => w.code === "daily_rounding").message, /13\.72/);
});

test("ECS-9: caller prices with a discount: 730 h x 0.25 = 182.50, 15% off = 27.375 -> 27.38, pays 155.12", () => {
  const q = quote({ items: [{ product: "ecs", billing: "payAsYouGo", hours: 730, prices: { instance: "0.25" } }], discounts: [{ percent: 15 }] });
  assert.deepEqual([q.originalPrice, q.discountPrice, q.tradePrice], ["182.50", "27.38", "155.12"]);
});

test("compareBillingMethod: acp.basic.small mainland breaks even at 9.9057 / 0.0457 = 216.75 h", () => {
  // 216 h = 54 periods x 4 h x 0.0457 = 9.8712 -> 9.87 a month; the subscription is one 36-month order,
  // 36 x 9.9057 = 356.6052 -> 356.61 (as quote prices it): pay-as-you-go wins, 355.32 against 356.61.
  const c = compareBillingMethod({ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", usage: { months: 36, hoursPerMonth: 216 } });
  assert.equal(c.cheapest, "payAsYouGo");
  assert.equal(c.breakEven.hoursPerMonth, "216.75");
  assert.equal(c.breakEven.lastWinningHours, "216");
  assert.deepEqual(c.options.map((o) => o.total), ["356.61", "355.32"]);
  assert.equal(c.curve.length, 36);
  assert.equal(c.switching.rules[0], "CP-7");
  assert.throws(() => compareBillingMethod({ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", usage: { months: 1, hoursPerMonth: -1 } }),
    (e) => e.code === "out_of_range" && e.path === "usage.hoursPerMonth");
});

test("simulateLifecycle: ECS overdue at T stops at T+15 and is released at T+30 (ECS-3, ECS-4)", () => {
  // T = 2026-12-10 09:00: stopped 12-25 09:00, released 2027-01-09 09:00; billing 12-01 to 12-25 09:00 = 585 h x 0.10 = 58.50.
  const l = simulateLifecycle({ product: "ecs", resource: { billing: "payAsYouGo" }, start: "2026-12-01",
    overdueAt: "2026-12-10T01:00:00Z", costPerHour: 0.1 });
  assert.deepEqual(l.timeline.map((e) => e.event), ["created", "overdue", "deductionRetry", "deductionRetry", "stopped", "released"]);
  assert.equal(l.lastSafeMoment, "2026-12-25T08:59:59+08:00");
  assert.equal(l.dataDeletedAt, "2027-01-09T09:00:00+08:00");
  assert.equal(l.billed, "58.50");
  assert.throws(() => simulateLifecycle({ product: "ecs", resource: { billing: "payAsYouGo" }, start: "2026-12-01", until: "2026-11-01" }),
    (e) => e.code === "out_of_range" && e.path === "until");
});

test("the determinism corpus: every request gives the native bytes through the package (issue 8)", () => {
  const fns = { quote, simulateLifecycle, compareBillingMethod, simulateAccount };
  const lines = (name) => readFileSync(new URL(`../golden/${name}`, import.meta.url), "utf8").trimEnd().split("\n");
  const requests = lines("corpus.requests.jsonl").map((line) => JSON.parse(line));
  // Issue 16: in both languages; the Chinese answers have `locale: "zh-CN"` on the request.
  for (const [locale, file] of [[undefined, "corpus.responses.jsonl"], ["zh-CN", "corpus.responses.zh-CN.jsonl"]]) {
    const responses = lines(file);
    assert.ok(requests.length >= 200 && requests.length === responses.length);
    requests.forEach(({ name, fn, request }, i) => {
      const isObject = request !== null && typeof request === "object" && !Array.isArray(request);
      const asked = locale && isObject ? { ...request, locale } : request;
      let answer;
      try {
        answer = fns[fn](asked);
      } catch ({ code, path, message }) {
        answer = { error: { code, path, message } };
      }
      assert.equal(JSON.stringify(answer), responses[i], `${locale ?? "en"} ${name}`);
    });
  }
});
