// A webpack 5 consumer (README: "Bundlers (Vite, webpack 5) resolve the package's default export
// condition ... and copy the .wasm for you"): the same tiny page as vite.test.mjs, built with
// webpack's own API as an application's build would, then run in Chromium under a strict CSP.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import webpack from "webpack";
import { assertPricesInBrowser, consumerPage, writeConsumer } from "./consumer.mjs";

test("a webpack 5 build of a consumer bundles the module and prices in the browser", async () => {
  const app = writeConsumer("webpack-consumer");
  mkdirSync(`${app}dist`, { recursive: true });
  writeFileSync(`${app}dist/index.html`, consumerPage("./main.js"));
  const stats = await new Promise((resolve, reject) =>
    webpack(
      {
        mode: "production",
        context: app,
        entry: "./main.js",
        output: { path: `${app}dist`, filename: "main.js", module: true, publicPath: "auto" },
        experiments: { outputModule: true },
        resolve: { symlinks: false },
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
  assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
  const files = readdirSync(`${app}dist`);
  assert.ok(files.some((f) => f.endsWith(".wasm")), `the .wasm is emitted as an asset: ${files}`);
  await assertPricesInBrowser(`${app}dist/`);
});
