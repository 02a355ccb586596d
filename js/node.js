// Node entry point: instantiates the module synchronously from the package's own
// file, so `import { quote } from "alicloud-cost"` works with no init step.
import { readFileSync } from "node:fs";
import { initSync } from "../pkg/alicloud_cost.js";

initSync({ module: readFileSync(new URL("../pkg/alicloud_cost_bg.wasm", import.meta.url)) });

export { quote, simulateLifecycle, compareBillingMethod, catalog, version,
  simulateAccount, quoteJson, compareBillingMethodJson, simulateLifecycleJson, simulateAccountJson,
  quoteTerraformPlan, quoteTerraformPlanJson } from "../pkg/alicloud_cost.js";

/** Already initialised in Node; kept so that code written for the browser runs unchanged. */
export default async function init() {}
