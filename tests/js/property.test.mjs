// Issue 8: 100,000 random and mutated requests against the wasm package. Each call must
// either return a well-formed result or throw an Error with a string `code` and `path`;
// never a trap (WebAssembly.RuntimeError), never a hang; and the module must still give
// the hand-checked answer afterwards.
//
// The calls run in a worker thread that reports after every batch: a call that hangs
// stops the reports, and the main thread then terminates the worker and fails.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Worker } from "node:worker_threads";

const TOTAL = Number(process.env.PROPERTY_REQUESTS ?? 100_000);
const BATCH = 1_000;
const HANG_MS = 20_000; // no batch of 1,000 calls comes near this; only a hang does

test(`${TOTAL.toLocaleString("en")} random and mutated requests: a result or a coded Error, never a trap or a hang`, async () => {
  const worker = new Worker(new URL("./property.worker.mjs", import.meta.url), { workerData: { total: TOTAL, batch: BATCH } });
  const report = await new Promise((resolve, reject) => {
    let timer;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        worker.terminate();
        reject(new Error(`no answer for ${HANG_MS} ms: a call hangs`));
      }, HANG_MS);
    };
    arm();
    worker.on("message", (message) => {
      if (message.type === "progress") return arm();
      clearTimeout(timer);
      resolve(message);
    });
    worker.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  assert.deepEqual(report.failures, [], "calls that broke the contract");
  assert.equal(report.calls, TOTAL);
  // Both kinds of outcome happen in quantity, so neither check above is vacuous.
  assert.ok(report.results > TOTAL / 20, `only ${report.results} results`);
  assert.ok(report.errors > TOTAL / 4, `only ${report.errors} errors`);
  assert.equal(report.finalCheck, "0.73");
});
