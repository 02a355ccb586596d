// The assertion of readme.test.mjs: `actual` matches the value a README example shows.
// Objects compare on the keys shown; arrays element by element, with equal length.
import assert from "node:assert/strict";

function matches(actual, shown, path) {
  if (shown !== null && typeof shown === "object") {
    assert.equal(typeof actual, "object", `${path}: expected an object or array, got ${JSON.stringify(actual)}`);
    if (Array.isArray(shown)) {
      assert.ok(Array.isArray(actual), `${path}: expected an array`);
      assert.equal(actual.length, shown.length, `${path}: length`);
    }
    for (const key of Object.keys(shown)) matches(actual[key], shown[key], `${path}.${key}`);
  } else {
    assert.equal(actual, shown, path);
  }
}

export function check(actual, shown, line) {
  matches(actual, shown, `README.md line ${line}`);
}
