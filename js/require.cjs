// CommonJS entry (`require("alicloud-cost")`). The package is an ES module; Node 20.19+
// and 22.12+ can require() it, older versions cannot: say so plainly instead of
// failing with ERR_REQUIRE_ESM deep inside the package.
"use strict";
try {
  module.exports = require("./node.js");
} catch (error) {
  if (error && (error.code === "ERR_REQUIRE_ESM" || error.code === "ERR_REQUIRE_ASYNC_MODULE")) {
    const hint = new Error(
      'alicloud-cost is an ES module. Use `import { quote } from "alicloud-cost"`, or from CommonJS ' +
        '`const { quote } = await import("alicloud-cost")`; Node 20.19+ and 22.12+ also allow require().',
    );
    hint.code = "ERR_REQUIRE_ESM";
    hint.cause = error;
    throw hint;
  }
  throw error;
}
