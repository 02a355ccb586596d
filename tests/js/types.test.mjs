// The TypeScript declarations (issue 7): generated from the Rust types by tsify, they
// must accept a strict consumer of every function and reject misuse.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

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
  assert.deepEqual(lines, ["5 TS2322", "7 TS2322", "8 TS2551"], run.stdout);
});

test("no `any` in the declarations of results", () => {
  const dts = readFileSync(`${root}pkg/alicloud_cost.d.ts`, "utf8");
  for (const fn of ["quote", "compareBillingMethod", "simulateLifecycle", "catalog", "version"]) {
    assert.doesNotMatch(dts, new RegExp(`export function ${fn}\\([^)]*\\): any;`), fn);
  }
});
