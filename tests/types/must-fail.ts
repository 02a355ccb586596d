// Must NOT type-check (tests/js/types.test.mjs expects exactly these errors, by line).
import { quote, compareBillingMethod, simulateLifecycle } from "alicloud-cost";

const q = quote({ items: [{ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "payAsYouGo", hours: 5 }] });
const amount: number = q.items[0].lines[0].amount; // line 5: money is a string
const c = compareBillingMethod({ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", usage: { months: 12 } });
const method: "monthly" = c.cheapest; // line 7: not one of "subscription" | "payAsYouGo" | "tie"
const typo = q.tradePrise; // line 8: no such field
quote({ items: [{ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "monthly", months: 1 }] }); // line 9: a wrong enum
quote({ items: [{ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "payAsYouGo" }] }); // line 10: hours missing
quote({ items: [{ product: "cloudPhone", spec: "acp.basic.tiny", region: "mainland", billing: "payAsYouGo", hours: 5 }] }); // line 11: no such spec
quote({ items: [{ product: "iot", instance: "legacyPublic", edition: "pro", month: "2026-12", usage: { perDay: { messages: [{ bytes: 100, count: 1, category: "deviceShadow" }] } } }] }); // line 12: Basic-only category
simulateLifecycle({ product: "ecs", resource: { billing: "subscription" }, start: "2026-12-01" }); // line 13: a subscription needs expiresAt or months
quote({ items: [{ product: "ecs", billing: "payAsYouGo", hours: 5 }] }); // line 14: no price and no catalog instance type (ECS-9)
quote({ items: [{ product: "cloudPhone", spec: "acp.basic.small", region: "mainland", billing: "payAsYouGo", hours: 5, quantiy: 2 }] }); // line 15: a misspelt field
quote({ items: [{ product: "iot", instance: "legacyPublic", edition: "pro", month: "2026-12", usage: { fleet: { devices: 1, messages: [{ perDay: 1, bytes: 1, interface: "UpdateDeviceShadow" }] } } }] }); // line 16: a Basic-only interface

export { amount, method, typo };
