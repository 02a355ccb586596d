// A bundler consumer (issue 7): a tiny page that imports "alicloud-cost" is built with
// Vite, exactly as an application would build it, and the built page runs in Chromium
// under the same strict Content Security Policy as www/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, writeFileSync } from "node:fs";
import { build } from "vite";
import { assertPricesInBrowser, consumerPage, writeConsumer } from "./consumer.mjs";

test("a Vite build of a consumer bundles the module and prices in the browser", async () => {
  const app = writeConsumer("vite-consumer");
  writeFileSync(`${app}index.html`, consumerPage("./main.js"));
  await build({ root: app, logLevel: "silent", configFile: false, build: { outDir: `${app}dist`, target: "es2022" } });
  const assets = readdirSync(`${app}dist/assets`);
  assert.ok(assets.some((f) => f.endsWith(".wasm")), `the .wasm is emitted as an asset: ${assets}`);
  await assertPricesInBrowser(`${app}dist/`);
});
