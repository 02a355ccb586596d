//! Input decoding with exact error codes and field paths.
//!
//! Requests arrive as a [`Value`] tree: from a JS value (the binding layer walks it) or
//! from JSON text natively. Readers here check types, ranges and unknown fields and
//! name the path of whatever is wrong (`items[3].hours`). serde's derive is not used
//! for input because its tagged enums buffer content and lose the path.

use crate::error::{Error, ErrorCode};
use crate::messages::Key;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::borrow::Cow;

/// Deepest nesting accepted anywhere in a request (valid requests need far less);
/// guards recursion against hostile or cyclic input.
pub const MAX_DEPTH: usize = 32;

/// A JSON-like value. Its texts borrow from the request text they were read from when
/// they can (`'t`): a number, a key or a string without escapes allocates nothing, which
/// was a quarter of an IoT month's time in wasm (issue 15). A walk of a JS value owns them.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'t> {
    Null,
    Bool(bool),
    /// A number as its shortest decimal text, the way JS and JSON print it ("0.1",
    /// "1e+21"), or "NaN", "Infinity", "-Infinity" from JS: those are reported as
    /// such, never silently turned into null. Text rather than `f64` because JS
    /// already prints numbers, and Rust's float printer would add 14 KB to the wasm.
    Number(Cow<'t, str>),
    String(Cow<'t, str>),
    Array(Vec<Value<'t>>),
    /// Fields in their original order.
    Object(Vec<(Cow<'t, str>, Value<'t>)>),
}

impl<'t> Value<'t> {
    /// A number from an `f64`, for native callers and tests (the wasm binding takes
    /// the text from JS).
    pub fn number(x: f64) -> Value<'static> {
        Value::Number(Cow::Owned(match x {
            x if x.is_nan() => "NaN".to_string(),
            f64::INFINITY => "Infinity".to_string(),
            f64::NEG_INFINITY => "-Infinity".to_string(),
            x => x.to_string(),
        }))
    }

    /// Parses JSON text (the text functions, native callers, golden files, fuzzing):
    /// keys in order, numbers as their digits (see [`crate::json`]).
    ///
    /// ```
    /// use alicloud_cost::decode::Value;
    /// assert!(Value::from_json_str(r#"{"items": []}"#).is_ok());
    /// let error = Value::from_json_str("{").unwrap_err();
    /// assert_eq!(error.code.as_str(), "invalid_type");
    /// ```
    pub fn from_json_str(text: &'t str) -> Result<Value<'t>, Error> {
        crate::json::parse(text, crate::json::Origin::Text)
    }

    /// The JSON type name used in error messages.
    pub fn type_name(&self) -> Key {
        match self {
            Value::Null => key!("decode.type.null"),
            Value::Bool(_) => key!("decode.type.boolean"),
            Value::Number(_) => key!("decode.type.number"),
            Value::String(_) => key!("decode.type.string"),
            Value::Array(_) => key!("decode.type.array"),
            Value::Object(_) => key!("decode.type.object"),
        }
    }
}

pub fn too_deep() -> Error {
    Error::new(ErrorCode::TooDeep, "", text!("decode.tooDeep", depth = MAX_DEPTH))
}

/// A value together with where it sits in the request: the request's root, from which
/// its path (`items[3].hours`) is found when an error or a text names it. Building the
/// path for every field read cost a fifth of an IoT month's decoding (issue 15); a node
/// is now three words, copied without allocating.
#[derive(Debug, Clone, Copy)]
pub struct Node<'v> {
    pub value: &'v Value<'v>,
    /// The tree `value` is part of; the path is the way from `root` to `value`.
    root: &'v Value<'v>,
    /// What comes before the way from `root`.
    prefix: Prefix<'v>,
}

/// Where `root` stands, when it is not the request itself: the node it replaces (an
/// account item rebuilt with its defaults). One word, so that a `Node` is three: less
/// code at every `?` that moves one (issue 16, size).
type Prefix<'v> = Option<&'v Node<'v>>;

/// The fields of an object node.
#[derive(Clone, Copy)]
pub struct Fields<'v> {
    /// An object node (its entries are read from it: a smaller `Fields` is less code at
    /// each `?` that moves one).
    node: Node<'v>,
}

impl<'v> Node<'v> {
    pub fn root(value: &'v Value<'v>) -> Self {
        Node { value, root: value, prefix: None }
    }

    /// Another value at this node's place (an account item rebuilt with its defaults
    /// keeps the path of the item the caller wrote).
    pub fn with_value<'a>(&'a self, value: &'a Value<'a>) -> Node<'a> {
        Node { value, root: value, prefix: Some(self) }
    }

    /// A value inside this node's value (one of its fields or elements).
    fn child(&self, value: &'v Value<'v>) -> Node<'v> {
        Node { value, ..*self }
    }

    /// The node's path as text (`items[3].hours`, or "" at the root).
    pub fn path(&self) -> String {
        let mut out = self.prefix.map(Node::path).unwrap_or_default();
        locate(self.root, self.value, &mut out);
        out
    }

    pub fn error(&self, code: ErrorCode, message: impl Into<String>) -> Error {
        Error::new(code, self.path(), message)
    }

    pub fn wrong_type(&self, expected: Key) -> Error {
        self.error(ErrorCode::InvalidType, text!("decode.wrongType", expected = expected, got = self.value.type_name()))
    }

    pub fn object(&self) -> Result<Fields<'v>, Error> {
        match self.value {
            Value::Object(_) => Ok(Fields { node: *self }),
            _ => Err(self.wrong_type(key!("decode.expect.object"))),
        }
    }

    /// The elements of an array node, each with its path (`items[0]`, `items[1]`, ...).
    pub fn elements(&self) -> Result<impl ExactSizeIterator<Item = Node<'v>> + '_, Error> {
        match self.value {
            Value::Array(items) => Ok(items.iter().map(|value| self.child(value))),
            _ => Err(self.wrong_type(key!("decode.expect.array"))),
        }
    }

    pub fn str(&self) -> Result<&'v str, Error> {
        match self.value {
            Value::String(s) => Ok(s),
            _ => Err(self.wrong_type(key!("decode.expect.string"))),
        }
    }

    pub fn bool(&self) -> Result<bool, Error> {
        match self.value {
            Value::Bool(b) => Ok(*b),
            _ => Err(self.wrong_type(key!("decode.expect.bool"))),
        }
    }

    /// One of a fixed set of names; `code` is the error code for any other name.
    pub fn one_of<T: Copy>(&self, choices: &[(&str, T)], code: ErrorCode) -> Result<T, Error> {
        let name = self.str()?;
        choices.iter().find(|(n, _)| *n == name).map(|(_, t)| *t).ok_or_else(|| {
            let names: Vec<String> = choices.iter().map(|(n, _)| quoted(n)).collect();
            self.error(code, text!("decode.unknownValue", name = name, choices = crate::messages::join(&names, ", ")))
        })
    }

    /// A decimal from a decimal string ("0.0457") or a finite JS number.
    pub fn decimal(&self) -> Result<Decimal, Error> {
        match self.value {
            Value::Number(text) => {
                if matches!(&**text, "NaN" | "Infinity" | "-Infinity") {
                    return Err(self.error(ErrorCode::NotFinite, text!("decode.notFinite", text = text)));
                }
                // JS and JSON print 1e21 and up, and 1e-7 and below, with an exponent.
                exact_decimal(text).ok_or_else(|| self.error(ErrorCode::OutOfRange, text!("decode.tooPrecise", text = text)))
            }
            Value::String(s) => parse_decimal_str(s).map_err(|(code, message)| self.error(code, message)),
            _ => Err(self.wrong_type(key!("decode.expect.decimal"))),
        }
    }

    /// A decimal with `min < x <= max`, or `min <= x <= max` when `min_inclusive`.
    pub fn decimal_in(&self, min: Decimal, min_inclusive: bool, max: Decimal) -> Result<Decimal, Error> {
        let x = self.decimal()?;
        let above_min = if min_inclusive { x >= min } else { x > min };
        if !above_min || x > max {
            let lower = if min_inclusive { ">=" } else { ">" };
            return Err(self.error(ErrorCode::OutOfRange, text!("decode.range", lower = lower, min = min, max = max, x = x)));
        }
        Ok(x)
    }

    /// A whole number in `min..=max`, from a JS number or a string of digits.
    pub fn integer(&self, min: u64, max: u64) -> Result<u64, Error> {
        // Most counts are plain digits: read them without a Decimal (issue 15). Up to 19
        // digits cannot overflow a u64; anything else takes the checked path below.
        if let Value::Number(text) = self.value {
            if let Some(n) = plain_digits(text.as_bytes()).filter(|n| (min..=max).contains(n)) {
                return Ok(n);
            }
        }
        self.integer_checked(min, max)
    }

    /// [`Node::integer`] for anything but plain digits in range: kept out of line, so
    /// that the common case does not pay for its stack frame (issue 15).
    #[cold]
    #[inline(never)]
    fn integer_checked(&self, min: u64, max: u64) -> Result<u64, Error> {
        let x = self.decimal()?;
        if !crate::money::is_whole(x) {
            return Err(self.error(ErrorCode::NotAnInteger, text!("decode.notInteger", x = x)));
        }
        let out_of_range = || self.error(ErrorCode::OutOfRange, text!("decode.integerRange", min = min, max = max, x = x));
        if x < Decimal::from(min) || x > Decimal::from(max) {
            return Err(out_of_range());
        }
        x.to_u64().ok_or_else(out_of_range)
    }
}

/// The value of 1 to 19 ASCII digits (which cannot overflow a u64), else None.
fn plain_digits(text: &[u8]) -> Option<u64> {
    if text.is_empty() || text.len() > 19 {
        return None;
    }
    let mut n = 0u64;
    for &byte in text {
        let digit = byte.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        n = n * 10 + u64::from(digit);
    }
    Some(n)
}

/// Whether two keys are equal: an inline loop, which for keys of a few bytes is faster
/// than the call to `memcmp` that `==` makes (issue 15: a fifth of an IoT month's decoding).
pub(crate) fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// Appends field `key` to a path: `items[0]` -> `items[0].hours`, "" -> `hours`. With
/// [`push_index`], the one spelling of paths for the decoders, the JSON reader and the
/// JS walk.
pub fn push_field(path: &mut String, key: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
}

/// Appends element `index` to a path: `items` -> `items[3]`.
pub fn push_index(path: &mut String, index: usize) {
    path.push('[');
    push_decimal(path, index as u64);
    path.push(']');
}

/// Appends the way from `from` to `target` (`.days[3]`, without the first dot at the
/// start of a path); false when `target` is not inside `from`. Depth is bounded by
/// [`MAX_DEPTH`], which every parsed request respects.
fn locate(from: &Value, target: &Value, out: &mut String) -> bool {
    if std::ptr::eq(from, target) {
        return true;
    }
    let start = out.len();
    match from {
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                push_index(out, index);
                if locate(item, target, out) {
                    return true;
                }
                out.truncate(start);
            }
        }
        Value::Object(entries) => {
            for (key, value) in entries {
                push_field(out, key);
                if locate(value, target, out) {
                    return true;
                }
                out.truncate(start);
            }
        }
        _ => {}
    }
    false
}

/// `"name"`, as a list of allowed names shows each.
fn quoted(name: &str) -> String {
    let mut text = String::with_capacity(name.len() + 2);
    text.push('"');
    text.push_str(name);
    text.push('"');
    text
}

/// Appends `n` with leading zeros to `width` characters, a minus sign counting as one
/// ("2026", "07", "-005"), as `format!("{n:0width$}")` writes it without `core::fmt`.
pub fn push_padded(out: &mut String, n: i64, width: usize) {
    let mut digits = 1;
    let mut rest = n.unsigned_abs();
    while rest >= 10 {
        rest /= 10;
        digits += 1;
    }
    if n < 0 {
        out.push('-');
        digits += 1;
    }
    for _ in digits..width {
        out.push('0');
    }
    push_decimal(out, n.unsigned_abs());
}

/// Appends the decimal digits of `n`.
pub fn push_decimal(out: &mut String, n: u64) {
    let mut digits = [0u8; 20];
    let first = write_digits(&mut digits, n);
    out.extend(digits[first..].iter().map(|&d| d as char));
}

/// Writes the decimal digits of `n` at the end of `digits` (20 places hold any u64);
/// returns where they start.
pub fn write_digits(digits: &mut [u8], mut n: u64) -> usize {
    let mut first = digits.len();
    loop {
        first -= 1;
        digits[first] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return first;
        }
    }
}

/// `text` split around the first `byte` (ASCII, so its position is a char boundary):
/// `str::split_once` without its char searcher (issue 15, speed; issue 16, size).
pub fn split_at_byte(text: &str, byte: u8) -> Option<(&str, &str)> {
    let at = text.bytes().position(|b| b == byte)?;
    Some((text.get(..at)?, text.get(at + 1..)?))
}

/// Parses a plain decimal string: optional sign, digits, optional fraction. No
/// exponent, no spaces, no thousands separators: a price is never guessed at.
fn parse_decimal_str(s: &str) -> Result<Decimal, (ErrorCode, String)> {
    let body = s.strip_prefix('-').unwrap_or(s);
    let point = split_at_byte(body, b'.');
    let (int, frac) = point.unwrap_or((body, ""));
    let well_formed = !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && !(point.is_some() && frac.is_empty());
    if !well_formed {
        return Err((ErrorCode::InvalidDecimal, text!("decode.invalidDecimal", text = s)));
    }
    exact_decimal(s).ok_or_else(|| (ErrorCode::OutOfRange, text!("decode.tooManyDigits", text = s)))
}

/// `[-]digits[.digits][(e|E)[+|-]digits]` read exactly, or None when it is not that or
/// does not fit a Decimal: a mantissa beyond 96 bits, more than 28 decimal places, an
/// exponent beyond 28. The values of rust_decimal's `from_str_exact` and
/// `from_scientific` (the tests compare them), without their parsers: about 13 KB of
/// the module (issue 16, size). Unlike `from_scientific`, a mantissa too long to be exact
/// is refused rather than rounded: no JS number has one.
pub fn exact_decimal(text: &str) -> Option<Decimal> {
    const MAX_SCALE: u32 = 28;
    const MAX_MANTISSA: u128 = (1 << 96) - 1;
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (body, exponent) = match text.bytes().position(|b| b == b'e' || b == b'E') {
        Some(at) => (text.get(..at)?, Some(text.get(at + 1..)?)),
        None => (text, None),
    };
    let (mut mantissa, mut scale, mut digits, mut in_fraction) = (0u128, 0u32, 0usize, false);
    for byte in body.bytes() {
        match byte {
            b'0'..=b'9' => {
                mantissa = mantissa.checked_mul(10)?.checked_add(u128::from(byte - b'0')).filter(|m| *m <= MAX_MANTISSA)?;
                digits += 1;
                scale += u32::from(in_fraction);
            }
            b'.' if !in_fraction => in_fraction = true,
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    if let Some(exponent) = exponent {
        let (exponent_negative, exponent_digits) = match exponent.as_bytes().split_first() {
            Some((b'-', tail)) => (true, tail),
            Some((b'+', tail)) => (false, tail),
            _ => (false, exponent.as_bytes()),
        };
        // plain_digits refuses an empty exponent ("1e", "1e+").
        let exponent = plain_digits(exponent_digits).filter(|e| *e <= u64::from(MAX_SCALE))? as u32;
        if exponent_negative {
            scale += exponent;
        } else if exponent <= scale {
            scale -= exponent;
        } else {
            for _ in scale..exponent {
                mantissa = mantissa.checked_mul(10).filter(|m| *m <= MAX_MANTISSA)?;
            }
            scale = 0;
        }
    }
    if scale > MAX_SCALE {
        return None;
    }
    let mut decimal = Decimal::from_parts(mantissa as u32, (mantissa >> 32) as u32, (mantissa >> 64) as u32, false, scale);
    decimal.set_sign_negative(negative && mantissa != 0); // "-0" is 0, as rust_decimal reads it
    Some(decimal)
}

impl<'v> Fields<'v> {
    /// The object's path as text.
    pub fn path(&self) -> String {
        self.node.path()
    }

    /// The object's fields as written.
    pub fn entries(&self) -> &'v [(Cow<'v, str>, Value<'v>)] {
        match self.node.value {
            Value::Object(entries) => entries,
            _ => &[],
        }
    }

    /// The path of field `key` of this object (`items[0].hours`, or `hours` at the root).
    pub fn child_path(&self, key: &str) -> String {
        let mut path = self.path();
        push_field(&mut path, key);
        path
    }

    /// Rejects every field not in `allowed`, with a suggestion for near misses.
    pub fn only(&self, allowed: &[&str]) -> Result<(), Error> {
        match self.entries().iter().find(|(key, _)| !allowed.iter().any(|allowed| same_key(allowed, key))) {
            Some((key, _)) => Err(self.unknown_field(key, allowed)),
            None => Ok(()),
        }
    }

    /// The error of [`Fields::only`], out of line (issue 15, as [`Node::integer`]'s).
    #[cold]
    #[inline(never)]
    fn unknown_field(&self, key: &str, allowed: &[&str]) -> Error {
        let hint = closest(key, allowed).map(|k| text!("decode.didYouMean", name = k)).unwrap_or_default();
        let known: Vec<String> = allowed.iter().map(|k| quoted(k)).collect();
        Error::new(
            ErrorCode::UnknownField,
            self.child_path(key),
            text!("decode.unknownField", key = key, hint = hint, known = crate::messages::join(&known, ", ")),
        )
    }

    /// The field `key`, if present (an explicit `null` counts as absent, like
    /// `undefined` in JS).
    pub fn get(&self, key: &str) -> Option<Node<'v>> {
        self.entries().iter().find(|(k, v)| same_key(k, key) && !matches!(v, Value::Null)).map(|(_, value)| self.node.child(value))
    }

    /// The optional boolean field `key`: false when absent (or null).
    pub fn flag(&self, key: &str) -> Result<bool, Error> {
        self.get(key).map_or(Ok(false), |n| n.bool())
    }

    /// The field `key`; `expected` describes it in the error when it is missing.
    pub fn required(&self, key: &str, expected: Key) -> Result<Node<'v>, Error> {
        self.get(key).ok_or_else(|| self.missing_field(key, expected))
    }

    /// The error of [`Fields::required`], out of line (issue 15, as [`Node::integer`]'s).
    #[cold]
    #[inline(never)]
    fn missing_field(&self, key: &str, expected: Key) -> Error {
        Error::new(ErrorCode::MissingField, self.child_path(key), text!("decode.missingField", key = key, expected = expected))
    }
}

/// The allowed name closest to `key` (case-insensitive equality, or at most two
/// edits), for "did you mean" hints.
pub fn closest<'a>(key: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let lower = key.to_ascii_lowercase();
    allowed
        .iter()
        .map(|k| (edit_distance(&lower, &k.to_ascii_lowercase()), *k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// `items` in the order of `key`, equal keys in their original order (a stable sort).
/// Every list the decoders order sorts `(key, index)` pairs with one routine, so the
/// module carries one sort instead of one per element type (issue 8, size): a bottom-up
/// merge sort, stable and O(n log n), a fraction of the standard library's sort
/// (2.8 KB of wasm, issue 16).
pub fn stable_sorted_by_key<T>(items: Vec<T>, key: impl Fn(&T) -> i64) -> Vec<T> {
    let mut order: Vec<(i64, usize)> = items.iter().enumerate().map(|(i, item)| (key(item), i)).collect();
    let mut merged = order.clone();
    let mut width = 1;
    while width < order.len() {
        for start in (0..order.len()).step_by(2 * width) {
            let middle = (start + width).min(order.len());
            let end = (start + 2 * width).min(order.len());
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                // `<=`: on equal keys the left (earlier) one goes first.
                if right == end || (left < middle && order[left].0 <= order[right].0) {
                    *slot = order[left];
                    left += 1;
                } else {
                    *slot = order[right];
                    right += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|(_, i)| slots[i].take()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn node<'a>(v: &'a Value<'a>) -> Node<'a> {
        Node::root(v)
    }

    #[test]
    fn numbers_become_exact_decimals_by_their_shortest_spelling() {
        assert_eq!(node(&Value::number(0.1)).decimal().unwrap(), dec!(0.1));
        assert_eq!(node(&Value::number(0.0457)).decimal().unwrap(), dec!(0.0457));
        assert_eq!(node(&Value::number(1e15)).decimal().unwrap(), dec!(1000000000000000));
    }

    #[test]
    fn exponent_spellings_from_js_and_json_are_read_exactly() {
        // (1e21).toString() is "1e+21" and (1.5e-7).toString() is "1.5e-7" in JS.
        let read = |text: &str| node(&Value::Number(text.into())).decimal();
        assert_eq!(read("1e+21").unwrap(), dec!(1000000000000000000000));
        assert_eq!(read("1.5e-7").unwrap(), dec!(0.00000015));
        assert_eq!(read("-2E3").unwrap(), dec!(-2000));
        // 1e300 or 5e-324 cannot be a price: out of range, never a panic or a zero.
        for text in ["1e+300", "5e-324", "1.7976931348623157e+308"] {
            assert_eq!(read(text).unwrap_err().code, ErrorCode::OutOfRange, "{text}");
        }
    }

    #[test]
    fn non_finite_numbers_are_rejected_with_their_own_code() {
        for n in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(node(&Value::number(n)).decimal().unwrap_err().code, ErrorCode::NotFinite);
        }
    }

    #[test]
    fn decimal_strings_must_be_plain() {
        assert_eq!(node(&Value::String("12.50".into())).decimal().unwrap().to_string(), "12.50");
        assert_eq!(node(&Value::String("-3".into())).decimal().unwrap(), dec!(-3));
        for bad in ["", "1e5", " 1", "1,000", "1.", ".5", "abc", "NaN", "0x10"] {
            let err = node(&Value::String(bad.into())).decimal().unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidDecimal, "{bad:?}");
        }
        let long = "1".repeat(40);
        assert_eq!(node(&Value::String(long.into())).decimal().unwrap_err().code, ErrorCode::OutOfRange);
    }

    #[test]
    fn integers_check_fraction_and_range() {
        assert_eq!(node(&Value::number(3.0)).integer(1, 10).unwrap(), 3);
        assert_eq!(node(&Value::String("10".into())).integer(1, 10).unwrap(), 10);
        assert_eq!(node(&Value::number(2.5)).integer(1, 10).unwrap_err().code, ErrorCode::NotAnInteger);
        assert_eq!(node(&Value::number(0.0)).integer(1, 10).unwrap_err().code, ErrorCode::OutOfRange);
        assert_eq!(node(&Value::number(11.0)).integer(1, 10).unwrap_err().code, ErrorCode::OutOfRange);
    }

    #[test]
    fn decimals_are_read_as_rust_decimal_reads_them() {
        // rust_decimal's own parsers are the reference (they are no longer in the module).
        let cases = [
            "0", "-0", "5", "0.0457", "0.04570", "007.5", "-12.340", "1e21", "1e+21", "1.5e+21", "1.2E10", "1e-7",
            "1.5e-7", "-2.5e-3", "12.5e1", "12.50e1", "1.25e2", "1e28", "1e-28", "79228162514264337593543950335",
            "7922816251426433759354395033.5", "0.0000000000000000000000000001", "1e0", "0e5", "-0.0",
        ];
        for text in cases {
            let reference = if text.contains(['e', 'E']) { Decimal::from_scientific(text) } else { Decimal::from_str_exact(text) }.ok();
            let ours = exact_decimal(text);
            assert_eq!(ours, reference, "{text}");
            // Equal values can differ in scale and sign of zero: compare the spelling too.
            assert_eq!(ours.map(|d| d.to_string()), reference.map(|d| d.to_string()), "{text}");
        }
        // Beyond a Decimal: refused, as rust_decimal refuses them.
        for text in ["79228162514264337593543950336", "0.00000000000000000000000000001", "1e29", "1e-29", "1e-28.5", "e5", "1e", "1e+", "", "-", "1.2.3"] {
            assert_eq!(exact_decimal(text), None, "{text}");
        }
    }

    #[test]
    fn the_sort_is_stable_and_ordered() {
        // Pairs of (key, label): equal keys keep their order (b1 before b2, c1 before c2).
        let items = vec![(3, "c1"), (1, "a"), (2, "b1"), (3, "c2"), (0, "z"), (2, "b2"), (-5, "m")];
        let sorted: Vec<&str> = stable_sorted_by_key(items, |(k, _)| *k).into_iter().map(|(_, l)| l).collect();
        assert_eq!(sorted, ["m", "z", "a", "b1", "b2", "c1", "c2"]);
        for n in [0, 1, 2, 5, 64, 100] {
            let reversed: Vec<i64> = (0..n).rev().collect();
            assert_eq!(stable_sorted_by_key(reversed, |k| *k), (0..n).collect::<Vec<i64>>());
        }
    }

    #[test]
    fn paths_are_found_from_the_root_when_asked() {
        // Written out by hand from the request's shape.
        let request = Value::from_json_str(r#"{"items": [{"a": 1}, {"usage": {"days": [{}, {"messages": [{"count": 1.5}]}]}}]}"#).unwrap();
        let root = Node::root(&request);
        let items = root.object().unwrap().required("items", key!("decode.expect.array")).unwrap();
        let second = items.elements().unwrap().nth(1).unwrap();
        let day = second.object().unwrap().get("usage").unwrap().object().unwrap().get("days").unwrap();
        let message = day.elements().unwrap().nth(1).unwrap().object().unwrap().get("messages").unwrap();
        let count = message.elements().unwrap().next().unwrap().object().unwrap().get("count").unwrap();
        assert_eq!(count.integer(0, 10).unwrap_err().path, "items[1].usage.days[1].messages[0].count");
        assert_eq!(root.path(), "");
        let missing = second.object().unwrap().required("product", key!("decode.expect.string")).unwrap_err();
        assert_eq!(missing.path, "items[1].product");
        // A rebuilt value keeps the place of the node it stands for.
        let rebuilt = Value::from_json_str(r#"{"hours": "x"}"#).unwrap();
        let stand_in = second.with_value(&rebuilt);
        let hours = stand_in.object().unwrap().get("hours").unwrap();
        assert_eq!(hours.decimal().unwrap_err().path, "items[1].hours");
    }

    #[test]
    fn unknown_fields_are_named_with_a_suggestion() {
        let v = Value::from_json_str(r#"{"hour": 5}"#).unwrap();
        let err = Node::root(&v).object().unwrap().only(&["hours", "months"]).unwrap_err();
        assert_eq!(err.code, ErrorCode::UnknownField);
        assert_eq!(err.path, "hour");
        assert!(err.message.contains("did you mean \"hours\""), "{}", err.message);
    }

    #[test]
    fn nesting_beyond_the_limit_is_an_error_not_a_stack_overflow() {
        let deep = "[".repeat(MAX_DEPTH + 2) + &"]".repeat(MAX_DEPTH + 2);
        assert_eq!(Value::from_json_str(&deep).unwrap_err().code, ErrorCode::TooDeep);
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("hours", "hours"), 0);
        assert_eq!(edit_distance("hour", "hours"), 1);
        assert_eq!(edit_distance("qunatity", "quantity"), 2);
    }

    #[test]
    fn padded_numbers_are_what_format_writes() {
        // The reference is `format!("{n:0w$}")`: the minus sign counts toward the width.
        for (n, width) in [(0, 2), (7, 2), (12, 2), (123, 2), (2026, 4), (987, 4), (-5, 4), (-12345, 2), (i64::MIN, 0), (i64::MAX, 20)] {
            let mut text = String::from("x");
            super::push_padded(&mut text, n, width);
            assert_eq!(text, format!("x{n:0width$}"));
        }
    }

}
