// A TypeScript consumer of every function, checked with `tsc --strict` (issue 7): a field
// renamed in the declarations (wasm/requests.d.ts, wasm/results.d.ts) breaks this.
import { quote, compareBillingMethod, simulateLifecycle, catalog, version } from "alicloud-cost";
import { quoteJson, compareBillingMethodJson, simulateLifecycleJson } from "alicloud-cost";
import type { Quote, Line, Comparison, Lifecycle, Entry, State, ErrorCode } from "alicloud-cost";
import type { QuoteRequest, QuoteItem, CompareRequest, LifecycleRequest, CloudPhoneSpecId } from "alicloud-cost";
import { quoteTerraformPlan, quoteTerraformPlanJson } from "alicloud-cost";
import type { PlanEstimate, PlanResource, PlanOptions, Action } from "alicloud-cost";

const q: Quote = quote({ items: [{ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "payAsYouGo", hours: 5 }] });
const paid: string = q.tradePrice; // money is a decimal string
const line: Line = q.items[0].lines[0];
const rules: string[] = line.rules;
const product: "cloudPhone" | "iot" | "ecs" | "eip" | "natGateway" = q.items[0].product;
// The text functions: JSON text in, JSON text out.
const answers: string[] = [quoteJson("{}"), compareBillingMethodJson("{}"), simulateLifecycleJson("{}")];

const c: Comparison = compareBillingMethod({ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", usage: { months: 12 } });
const cheaper: "subscription" | "payAsYouGo" | "tie" | "unavailable" = c.cheapest;
const breakEven: string | undefined = c.breakEven?.hoursPerMonth;
const month: number = c.curve[0].month;

const l: Lifecycle = simulateLifecycle({ product: "ecs", resource: { billing: "payAsYouGo" }, start: "2026-12-01" });
const first: Entry = l.timeline[0];
const state: State = first.state;
const safe: string | undefined = l.lastSafeMoment ?? undefined;

const perHour: string | undefined = catalog().cloudPhone.specs[0].mainland.hourly;
const pkg: string = version().package;

// Requests built apart from the call keep their precise types.
const items: QuoteItem[] = [
  { product: "iot", instance: "legacyPublic", edition: "basic", month: "2026-12", usage: { days: [{ date: "2026-12-01", messages: [{ bytes: 600, count: "9007199254740993", category: "deviceShadow" }] }] } },
  { product: "iot", instance: "enterprise", months: 12, spec: "my-enterprise" },
  { product: "iot", instance: "legacyPublic", edition: "pro", month: "2026-12", usage: { fleet: { devices: 10000, onlineHoursPerDay: 8, messages: [{ every: { minutes: 1 }, bytes: 512, interface: "InvokeThingService", receivers: 2 }] } } },
  { product: "iot", instance: "enterprise", months: 12, fleet: { devices: 10000, messages: [{ perDay: 144, bytes: 100, forwarded: true }] } },
  { product: "ecs", billing: "subscription", months: 1, instanceType: "ecs.g7.large" },
  { product: "cloudPhone", spec: "acp.mine" as CloudPhoneSpecId, region: "international", billing: "subscription", months: 1, internetAccess: true },
];
const cart: QuoteRequest = { items, discounts: [{ percent: 10, product: "ecs" }, { percent: "5", item: 0 }] };
const renewing: LifecycleRequest = {
  product: "iot", resource: { instance: "enterprise" }, start: "2026-12-01", months: 1,
  autoRenew: true, renewalPrice: "100", account: { balance: "150" },
};
const shifts: CompareRequest = { product: "cloudPhone", spec: "acp.std.small", region: "mainland", usage: { months: 3, cycles: { hours: 9, perMonth: 22 } } };
// @ts-expect-error: auto-renewal pays from the account: it needs renewalPrice and account (IOT-10)
const unpaid: LifecycleRequest = { product: "iot", resource: { instance: "enterprise" }, start: "2026-12-01", months: 1, autoRenew: true };

// Terraform plans (issue 33): a plan object or its text, the side file as options.
const planOptions: PlanOptions = {
  prices: { ecs: { instanceTypes: { "ecs.g7.large": { hourly: "0.25" } }, disks: { "cloud_essd.PL1": { hourly: 0.00015 } } }, natGateway: { Small: { monthly: "40" } } },
  usage: { alicloud_instance: { hoursPerMonth: 200, values: { system_disk_category: "cloud_essd" } } },
  base: "{}",
  start: "2026-12-01",
  locale: "zh-CN",
};
const estimate: PlanEstimate = quoteTerraformPlan({ format_version: "1.2", planned_values: {} }, planOptions);
const monthlyChange: string = estimate.diff.estimate.monthly;
const firstResource: PlanResource | undefined = estimate.resources[0];
const action: Action | undefined = firstResource?.action;
const planItem: QuoteItem | undefined = firstResource?.request;
const planText: string = quoteTerraformPlanJson("{}", JSON.stringify(planOptions));
// SITE-1: on the China site, Cloud Phone prices come from the options' catalog (quote's shape).
const chinaPlan: PlanOptions = { site: "china", catalog: { cloudPhone: { specs: [{ id: "acp.std.large", mainland: { monthly: "150" } }] } } };
// @ts-expect-error: a catalog's price is a decimal, not a switch
const badChinaPlan: PlanOptions = { site: "china", catalog: { cloudPhone: { specs: [{ id: "acp.std.large", mainland: { monthly: true } }] } } };
const more: QuoteItem[] = [
  { product: "eip", billing: "payAsYouGo", hours: 730, prices: { address: "0.005", bandwidth: "0.1" } },
  { product: "natGateway", billing: "subscription", months: 12, specification: "Small", prices: { gateway: 40 } },
  { product: "ecs", billing: "payAsYouGo", hours: 730, prices: { dataDisks: ["0.025"] } },
];
// Issue 32: a site's currency, the connection-and-messages generation, every IoT option.
const yen: Quote = quote({ site: "japan", policy: { iot: { freeQuota: "everyMonth" } }, items: [
  { product: "iot", instance: "legacyPublic", pricing: "connectionAndMessages", month: "2026-11", activated: "2026-11-01",
    usage: { perDay: { messages: [{ bytes: 512, count: 100, category: "tsl" }], connections: [{ from: "18:23:35", to: "18:25:10", devices: 10, connection: "mqtt" }] } } },
] });
const currency: "USD" | "CNY" | "JPY" = yen.currency;
const model: string | undefined = yen.items[0].pricing?.model;
const options = compareBillingMethod({ product: "iot", startMonth: "2026-11", usage: { months: 6 }, fleet: { devices: 40, connection: "coap", messages: [{ every: { minutes: 10 }, bytes: 100 }] } });
const cheapestOption: string | null | undefined = options.cheapestOption;
const cnyCatalog: string = catalog({ site: "china" }).currency;
// @ts-expect-error: the connection-and-messages generation has no edition (IOT-25)
const edition: QuoteItem = { product: "iot", instance: "legacyPublic", pricing: "connectionAndMessages", edition: "pro", month: "2026-11", usage: { perDay: { messages: [] } } };

function describe(code: ErrorCode): string {
  return code === "unknown_spec" ? "that spec does not exist" : code;
}

// @ts-expect-error: money is a string, never a number
const wrong: number = q.tradePrice;
// @ts-expect-error: "yearly" is not a billing method the comparison can name
const never: boolean = c.cheapest === "yearly";

export { cart, renewing, shifts, unpaid, paid, rules, product, cheaper, breakEven, month, state, safe, perHour, pkg, describe, wrong, never, currency, model, cheapestOption, cnyCatalog, edition };
export { monthlyChange, action, planItem, planText, more };
