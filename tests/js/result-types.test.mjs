// The result declarations (wasm/results.d.ts, written by hand) against what the module
// really answers (issue 30). Nothing derives them from the Rust types any more, so this
// test keeps them true:
//
// 1. Every answer of the corpus, in English and in Chinese, and of catalog() and
//    version(), type-checks under `tsc --strict` as a literal of its result type: a field
//    the declarations lack is an excess property, a field they require and the answer
//    lacks is missing, a value of another type (a number for a decimal string) is wrong.
// 2. Every field the declarations name occurs in one of those answers, so that part 1
//    has seen it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as api from "alicloud-cost";
import { typecheckLiterals } from "./typed-literals.mjs";

const root = new URL("../../", import.meta.url).pathname;
const RESULT_OF = { quote: "Quote", compareBillingMethod: "Comparison", simulateLifecycle: "Lifecycle", simulateAccount: "Account" };

const corpus = readFileSync(`${root}tests/golden/corpus.requests.jsonl`, "utf8").trim().split("\n").map((l) => JSON.parse(l));
const answers = [];
for (const { name, fn, request } of corpus) {
  for (const locale of ["en", "zh-CN"]) {
    try {
      answers.push({ name: `${name} (${locale})`, type: RESULT_OF[fn], value: api[fn]({ ...request, locale }) });
    } catch {
      // The corpus's error cases: their errors are checked by the golden tests.
    }
  }
}
for (const locale of ["en", "zh-CN"]) answers.push({ name: `catalog (${locale})`, type: "Catalog", value: api.catalog({ locale }) });
// Terraform plans (issue 33): the fixtures of tests/terraform/, a first plan and a change
// (before from its prior_state, and from a base plan), with the side file.
const fixture = (name) => readFileSync(`${root}tests/terraform/${name}`, "utf8");
const side = JSON.parse(fixture("prices.json"));
for (const locale of ["en", "zh-CN"]) {
  for (const [name, plan, base] of [["first plan", "first_plan.json"], ["change", "change_plan.json"], ["change against a base", "change_plan.json", "main_branch.json"]]) {
    const options = { ...side, locale, ...(base ? { base: fixture(base) } : {}) };
    answers.push({ name: `plan: ${name} (${locale})`, type: "PlanEstimate", value: api.quoteTerraformPlan(fixture(plan), options) });
  }
}
answers.push({ name: "version", type: "Versions", value: api.version() });

test("every corpus answer type-checks as its declared result type", () => {
  assert.ok(answers.length > 400, `only ${answers.length} answers`);
  const { run, rejected } = typecheckLiterals("result-types", answers.map((a) => [a.type, a.value]));
  assert.equal(run.stderr, "");
  const errors = [...rejected].map(([i, error]) => `${answers[i]?.name ?? `line ${i + 2}`}: ${error}`);
  assert.deepEqual(errors.slice(0, 20), [], `${errors.length} answers disagree with wasm/results.d.ts`);
  assert.equal(run.status, 0, run.stdout.slice(0, 2000));
});

test("every field the result declarations name occurs in an answer", () => {
  const declarations = readFileSync(`${root}wasm/results.d.ts`, "utf8").replace(/\/\*\*[\s\S]*?\*\//g, "");
  const declared = new Set();
  for (const [, body] of declarations.matchAll(/export interface \w+ \{([\s\S]*?)\n\}/g)) {
    for (const [, field] of body.matchAll(/^\s+(\w+)\??:/gm)) declared.add(field);
  }
  assert.ok(declared.size > 100, `only ${declared.size} fields read from wasm/results.d.ts`);
  const seen = new Set();
  const walk = (value) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        seen.add(key);
        walk(child);
      }
    }
  };
  answers.forEach((a) => walk(a.value));
  assert.deepEqual([...declared].filter((field) => !seen.has(field)), []);
});
