// The JS half of the boundary (src/bindings/mod.rs, issue 15): a request crosses into
// the module as the text of one JSON.stringify, read by src/json.rs.
//
// JSON cannot hold everything a JS value can, and the module must still refuse such a
// value with its own code at its own path. So the replacer marks, as a string that
// starts with NUL, NaN and ±Infinity (refused as not_finite) and functions, symbols and
// BigInts (refused as invalid_type). Values whose JSON is not simply their own fields
// give up instead: a toJSON (a Date), a boxed primitive, a Map or a class instance, a
// string that itself starts with NUL, and anything stringify cannot write (a cycle, a
// getter that throws, nesting past the stack). Then request_text returns undefined and
// the module walks the value field by field, exactly as it always did.
const GIVE_UP = Symbol("give up");

function mark(key, value) {
  // The value after toJSON: if that changed it, the walk decides.
  if (!Object.is(this[key], value)) throw GIVE_UP;
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? value : `\u0000${value}`;
    case "string":
      if (value.charCodeAt(0) === 0) throw GIVE_UP;
      return value;
    case "object": {
      if (value === null || Array.isArray(value)) return value;
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) throw GIVE_UP;
      return value;
    }
    case "function":
      return "\u0000function";
    case "bigint":
      return "\u0000bigint";
    case "symbol":
      return "\u0000symbol";
    default:
      return value; // boolean, undefined
  }
}

/** The request as JSON text with markers, or undefined when the module must walk it. */
export function request_text(value) {
  try {
    const text = JSON.stringify(value, mark);
    return text === undefined ? "null" : text;
  } catch {
    return undefined;
  }
}
