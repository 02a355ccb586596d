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
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as api from "alicloud-cost";

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
answers.push({ name: "version", type: "Versions", value: api.version() });

test("every corpus answer type-checks as its declared result type", () => {
  assert.ok(answers.length > 400, `only ${answers.length} answers`);
  const dir = `${root}target/result-types`;
  mkdirSync(dir, { recursive: true });
  // One statement per line: a tsc error's line number names the answer.
  const types = [...new Set(answers.map((a) => a.type))].join(", ");
  const header = `import type { ${types} } from "alicloud-cost";\n`;
  const body = answers.map((a, i) => `export const a${i}: ${a.type} = ${JSON.stringify(a.value)};`).join("\n");
  writeFileSync(`${dir}/answers.ts`, header + body + "\n");
  writeFileSync(
    `${dir}/tsconfig.json`,
    JSON.stringify({ extends: `${root}tests/types/tsconfig.json`, files: ["answers.ts"], compilerOptions: { skipLibCheck: true } }),
  );
  const run = spawnSync(`${root}node_modules/.bin/tsc`, ["-p", `${dir}/tsconfig.json`], { encoding: "utf8", maxBuffer: 1 << 28 });
  assert.equal(run.stderr, "");
  const errors = [...run.stdout.matchAll(/answers\.ts\((\d+),\d+\): error (TS\d+): ([^\n]*)/g)].map(
    (m) => `${answers[Number(m[1]) - 2]?.name ?? `line ${m[1]}`}: ${m[2]} ${m[3]}`,
  );
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
