// The TypeScript declarations (issue 7; written by hand in wasm/requests.d.ts and
// wasm/results.d.ts, issue 30): they must accept a strict consumer of every function and
// reject misuse.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

const root = new URL("../../", import.meta.url).pathname;
const tsc = (project) => spawnSync(`${root}node_modules/.bin/tsc`, ["-p", `${root}tests/types/${project}`], { encoding: "utf8" });

test("a strict consumer of every function type-checks (tsc --strict), its @ts-expect-error lines included", () => {
  const run = tsc("tsconfig.json");
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

test("misuse fails to type-check, each on its own line", () => {
  const run = tsc("tsconfig.must-fail.json");
  assert.notEqual(run.status, 0);
  const lines = [...run.stdout.matchAll(/must-fail\.ts\((\d+),\d+\): error (TS\d+)/g)].map((m) => `${m[1]} ${m[2]}`);
  // Results misused (5, 7, 8); requests: a wrong enum (9), a missing field (10), a spec
  // not in the catalog (11), a category of the other edition (12), a subscription with no
  // expiry (13), ECS with no price (14), a misspelt field (15), a Basic-only interface on Pro (16).
  assert.deepEqual(
    lines,
    ["5 TS2322", "7 TS2322", "8 TS2551", "9 TS2322", "10 TS2322", "11 TS2322", "12 TS2322", "13 TS2345", "14 TS2322", "15 TS2561", "16 TS2322"],
    run.stdout,
  );
});

test("no `any` in the public surface (only wasm-bindgen's raw InitOutput exports use it)", () => {
  const dts = readFileSync(`${root}pkg/alicloud_cost.d.ts`, "utf8");
  const publicPart = dts.replace(/export interface InitOutput \{[^}]*\}/, "").replace(/\/\*\*[\s\S]*?\*\//g, "");
  assert.doesNotMatch(publicPart, /\bany\b/);
  for (const fn of ["quote", "compareBillingMethod", "simulateLifecycle", "simulateAccount"]) {
    assert.match(dts, new RegExp(`export function ${fn}\\(request: [A-Z]\\w+Request\\): `), fn);
  }
});

test("the README's TypeScript examples type-check", () => {
  const readme = readFileSync(`${root}README.md`, "utf8");
  const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((m) => m[1]);
  assert.ok(blocks.length >= 1);
  const dir = `${root}target/readme-ts`;
  mkdirSync(dir, { recursive: true });
  const files = blocks.map((code, i) => {
    writeFileSync(`${dir}/block${i}.ts`, `${code}\nexport {};\n`);
    return `block${i}.ts`;
  });
  writeFileSync(`${dir}/tsconfig.json`, JSON.stringify({ extends: `${root}tests/types/tsconfig.json`, files }));
  const run = spawnSync(`${root}node_modules/.bin/tsc`, ["-p", `${dir}/tsconfig.json`], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
