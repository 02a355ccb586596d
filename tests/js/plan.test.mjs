// quoteTerraformPlan in the built package (issue 33): a plan object or its JSON text, the side
// file as options, errors as JS Errors with code and path. The totals are tests/terraform.rs's,
// worked out by hand there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { quoteTerraformPlan, quoteTerraformPlanJson, quote } from "alicloud-cost";

const text = (name) => readFileSync(new URL(`../terraform/${name}`, import.meta.url), "utf8");
const side = JSON.parse(text("prices.json"));

test("a plan object and its JSON text give the same answer; so does quoteTerraformPlanJson", () => {
  const fromObject = quoteTerraformPlan(JSON.parse(text("first_plan.json")), side);
  // upfront 2,560.24 + 288.90; monthly 2 x 93.20 + 2 x 3.65 + 45.63 + 18.25 = 257.58.
  assert.deepEqual(fromObject.estimate, { upfront: "2849.14", monthly: "257.58", oneOff: "0.00", firstYear: "5940.10" });
  assert.deepEqual(quoteTerraformPlan(text("first_plan.json"), side), fromObject);
  assert.deepEqual(JSON.parse(quoteTerraformPlanJson(text("first_plan.json"), JSON.stringify(side))), fromObject);
  // Each priced resource carries the quote item it became: quote() prices it alike.
  const phones = fromObject.resources[0];
  assert.equal(phones.address, "alicloud_cloud_phone_instance_group.phones");
  assert.deepEqual(quote({ items: [phones.request] }).items[0].lines, phones.item.lines);
});

test("base as an object or as JSON text; the answer in Chinese", () => {
  const options = { ...side, base: JSON.parse(text("main_branch.json")), locale: "zh-CN" };
  const answer = quoteTerraformPlan(JSON.parse(text("change_plan.json")), options);
  // 1,388.88 - 695.90 = 692.98 a month.
  assert.equal(answer.diff.estimate.monthly, "692.98");
  assert.equal(answer.base.source, "base");
  assert.deepEqual(quoteTerraformPlan(text("change_plan.json"), { ...options, base: text("main_branch.json") }), answer);
  assert.match(answer.resources[1].item.lines[0].description, /按量付费/);
});

test("a malformed plan or side file throws a coded Error at its path, and the next call works", () => {
  const cases = [
    [() => quoteTerraformPlan("{"), "invalid_type", ""],
    [() => quoteTerraformPlan({ format_version: "0.2", planned_values: {} }), "not_supported", "format_version"],
    [() => quoteTerraformPlan({ format_version: "1.2", planned_values: { root_module: { resources: [{ address: "alicloud_instance.x", type: "alicloud_instance" }] } } }),
      "missing_field", "planned_values.root_module.resources[0].values"],
    [() => quoteTerraformPlan({ format_version: "1.2", planned_values: {} }, { prices: { eip: { address: {} } } }), "missing_price", "prices.eip.address"],
    [() => quoteTerraformPlan({ format_version: "1.2", planned_values: {} }, { usage: { x: { hours: 1 } } }), "unknown_field", "usage.x.hours"],
    [() => quoteTerraformPlan({ format_version: "1.2", planned_values: {} }, { base: "[" }), "invalid_type", "base"],
    [() => quoteTerraformPlanJson("{}", "{\"locale\": \"fr\"}"), "unknown_locale", "locale"],
  ];
  for (const [call, code, path] of cases) {
    assert.throws(call, (e) => e instanceof Error && e.code === code && e.path === path && e.message.length > 0, `${code} at ${path}`);
    assert.equal(quoteTerraformPlan(text("first_plan.json"), side).estimate.monthly, "257.58");
  }
  // A cycle cannot be written as JSON.
  const cyclic = { format_version: "1.2" };
  cyclic.self = cyclic;
  assert.throws(() => quoteTerraformPlan(cyclic), (e) => e.code === "invalid_type" && /cannot be written as JSON: it refers to itself \(a cycle\)$/.test(e.message));
});

test("what the binding cannot pass on says what is wrong with it: no plan, a cycle, a BigInt, nesting, a getter", () => {
  // Nested deeper than JavaScript's call stack: JSON.stringify gives up before the module's own
  // 128-level limit could say so.
  const deep = {};
  for (let i = 0, at = deep; i < 200_000; i++) at = at.a = {};
  const plan = { format_version: "1.2", planned_values: {} };
  const throwing = { format_version: "1.2", get planned_values() { throw new Error("no access"); } };
  const cases = [
    [() => quoteTerraformPlan(null), "the plan is null, which is not a plan: give the object terraform show -json PLANFILE writes, or its JSON text"],
    [() => quoteTerraformPlan(undefined), "the plan is undefined, which is not a plan: give the object terraform show -json PLANFILE writes, or its JSON text"],
    [() => quoteTerraformPlan(deep), "the plan cannot be written as JSON: it is nested too deeply (a plan nests at most 128 levels)"],
    [() => quoteTerraformPlan(plan, { base: deep }), "the options cannot be written as JSON: it is nested too deeply (a plan nests at most 128 levels)"],
    [() => quoteTerraformPlan({ ...plan, serial: 1n }), "the plan cannot be written as JSON: it holds a BigInt, which JSON cannot hold; give numbers or decimal strings"],
    [() => quoteTerraformPlan(throwing), "the plan cannot be written as JSON: no access"],
  ];
  for (const [call, message] of cases) {
    assert.throws(call, (e) => e instanceof Error && e.code === "invalid_type" && e.path === "" && e.message === message, message);
    assert.equal(quoteTerraformPlan(text("first_plan.json"), side).estimate.monthly, "257.58", "the next call works");
  }
  // Options of null are no options, as before.
  assert.equal(quoteTerraformPlan(plan, null).estimate.monthly, "0.00");
});

test("a 50 MB plan is priced; one over 64 MiB is refused with what to do", () => {
  // One subscription group (1 x 9.9057 = 9.91) among 100,000 resources of another provider.
  const parts = ['{"format_version":"1.2","planned_values":{"root_module":{"resources":[',
    '{"address":"alicloud_cloud_phone_instance_group.g","type":"alicloud_cloud_phone_instance_group","values":{"instance_group_spec":"acp.basic.small","charge_type":"PrePaid"}}'];
  const padding = "x".repeat(480);
  let n = 0;
  for (let size = parts[1].length; size < 50_000_000; n++) {
    const resource = `,{"address":"null_resource.n${n}","type":"null_resource","values":{"triggers":{"v":"${padding}"}}}`;
    parts.push(resource);
    size += resource.length;
  }
  parts.push("]}}}");
  const plan = parts.join("");
  const answer = quoteTerraformPlan(plan, { usage: { alicloud_cloud_phone_instance_group: { values: { region: "cn-beijing" } } } });
  assert.equal(answer.estimate.upfront, "9.91");
  assert.deepEqual(answer.otherProviders, [{ provider: "null", resources: n }]);
  assert.throws(() => quoteTerraformPlan(" ".repeat(64 * 1024 * 1024 + 1)), (e) => e.code === "too_many" && /64 MiB/.test(e.message));
});
