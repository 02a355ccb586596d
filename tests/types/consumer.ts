// A TypeScript consumer of every function, checked with `tsc --strict` (issue 7): the
// declarations come from the Rust types (tsify), so a field renamed in Rust breaks this.
import { quote, compareBillingMethod, simulateLifecycle, catalog, version } from "alicloud-cost";
import type { Quote, Line, Comparison, Lifecycle, Entry, State, ErrorCode } from "alicloud-cost";

const q: Quote = quote({ items: [{ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "payAsYouGo", hours: 5 }] });
const paid: string = q.tradePrice; // money is a decimal string
const line: Line = q.items[0].lines[0];
const rules: string[] = line.rules;
const product: "cloudPhone" | "iot" | "ecs" = q.items[0].product;

const c: Comparison = compareBillingMethod({ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", usage: { months: 12 } });
const cheaper: "subscription" | "payAsYouGo" | "tie" = c.cheapest;
const breakEven: string | undefined = c.breakEven?.hoursPerMonth;
const month: number = c.curve[0].month;

const l: Lifecycle = simulateLifecycle({ product: "ecs", resource: { billing: "payAsYouGo" }, start: "2026-12-01" });
const first: Entry = l.timeline[0];
const state: State = first.state;
const safe: string | undefined = l.lastSafeMoment ?? undefined;

const perHour: string | undefined = catalog().cloudPhone.specs[0].mainland.hourly;
const pkg: string = version().package;

function describe(code: ErrorCode): string {
  return code === "unknown_spec" ? "that spec does not exist" : code;
}

// @ts-expect-error: money is a string, never a number
const wrong: number = q.tradePrice;
// @ts-expect-error: "yearly" is not a billing method the comparison can name
const never: boolean = c.cheapest === "yearly";

export { paid, rules, product, cheaper, breakEven, month, state, safe, perHour, pkg, describe, wrong, never };
