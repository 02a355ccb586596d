// The pricing page in a customer's hands (issue 29): journeys a customer takes, in Debian's Chromium
// driven by playwright-core, against www/ as scripts/serve.mjs serves it (strict CSP, compression).
// One server and one browser for the whole suite; each journey is in tests/js/journeys/. Amounts
// are worked out by hand in the journeys' comments, from RULES.md and the catalog's prices
// (src/catalog/default_catalog.rs), never copied from the page. Screenshots go to test-results/.
import { after, before } from "node:test";
import { setUp, tearDown } from "./journeys/harness.mjs";

before(setUp);
after(tearDown);

await import("./journeys/products.mjs");
await import("./journeys/cart.mjs");
await import("./journeys/compare.mjs");
await import("./journeys/lifecycle.mjs");
await import("./journeys/plan.mjs");
await import("./journeys/links.mjs");
await import("./journeys/sites.mjs");
await import("./journeys/language.mjs");
await import("./journeys/errors.mjs");
await import("./journeys/keyboard.mjs");
await import("./journeys/offline.mjs");
await import("./journeys/first-price.mjs");
await import("./journeys/chinese.mjs");
await import("./journeys/accessibility.mjs");
