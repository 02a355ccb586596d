// Browser and bundler entry point: call `await init()` once before the first call.
// The module is fetched from beside this file (new URL(..., import.meta.url)), which
// bundlers such as Vite and webpack 5 follow and copy.
export { default, initSync, quote, simulateLifecycle, compareBillingMethod, catalog, version,
  simulateAccount, quoteJson, compareBillingMethodJson, simulateLifecycleJson, simulateAccountJson,
  quoteTerraformPlan, quoteTerraformPlanJson } from "../pkg/alicloud_cost.js";
