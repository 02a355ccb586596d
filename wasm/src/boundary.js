// The JS half of the boundary (wasm/src/interop.rs, issue 15): a request crosses into
// the module as the text of one JSON.stringify, read by src/json.rs.
//
// JSON cannot hold everything a JS value can, and the module must still refuse such a
// value with its own code at its own path. So `faithful` first checks that JSON.stringify
// writes the value exactly: finite numbers, strings, booleans, null and undefined, in
// arrays and in objects whose prototype is Object.prototype or null. Anything else gives
// up: NaN and ±Infinity, a function, a symbol, a BigInt, a Date or any value with toJSON,
// a boxed primitive, a Map or a class instance, a getter that throws, a cycle or nesting
// past the module's limit. Then request_text returns undefined and the module walks the
// value field by field, which names the path of what is wrong.
//
// The check is a plain function the engine compiles: a JSON.stringify replacer is
// called back for every value and made the crossing twice as slow (issue 15).

// One more than src/json.rs MAX_DEPTH: deeper requests are refused by the walk.
const MAX_DEPTH = 33;

function faithful(value, depth) {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value);
    case "string":
    case "boolean":
    case "undefined":
      return true;
    case "object": {
      if (value === null) return true;
      if (depth > MAX_DEPTH) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!faithful(value[i], depth + 1)) return false;
        return true;
      }
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return false;
      for (const key in value) if (!faithful(value[key], depth + 1)) return false;
      return true;
    }
    default:
      return false; // function, symbol, bigint
  }
}

/** The request as JSON text, or undefined when the module must walk it. */
export function request_text(value) {
  try {
    if (!faithful(value, 0)) return undefined;
    const text = JSON.stringify(value);
    return text === undefined ? "null" : text;
  } catch {
    return undefined;
  }
}

/**
 * Why JSON.stringify threw on a plan or its options (wasm/src/interop.rs says it): "bigInt" or
 * "cycle" (TypeErrors; every engine's message names a BigInt), "tooDeep" (nesting past the call
 * stack: V8's RangeError, Firefox's "too much recursion"), else "threw:" and what a getter or a
 * toJSON threw.
 */
export function json_refusal(error) {
  const message = String(error?.message ?? error);
  if (error instanceof TypeError) return /BigInt/.test(message) ? "bigInt" : "cycle";
  if (error instanceof RangeError || /recursion/.test(message)) return "tooDeep";
  return `threw:${message}`;
}
