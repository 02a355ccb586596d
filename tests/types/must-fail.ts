// Must NOT type-check (tests/js/types.test.mjs expects exactly these errors, by line).
import { quote, compareBillingMethod } from "alicloud-cost";

const q = quote({ items: [] });
const amount: number = q.items[0].lines[0].amount; // line 5: money is a string
const c = compareBillingMethod({});
const method: "monthly" = c.cheapest; // line 7: not one of "subscription" | "payAsYouGo" | "tie"
const typo = q.tradePrise; // line 8: no such field

export { amount, method, typo };
