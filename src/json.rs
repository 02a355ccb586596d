//! The request as a [`Value`] tree, and the reader of JSON text into it: the request of
//! the text functions (`quoteJson`, ...), of native callers, and of the JS boundary,
//! which crosses as one `JSON.stringify` (issue 15) instead of a walk with several JS
//! calls per value.
//!
//! - Object keys keep their order, so errors come in the order a JS walk finds them.
//! - Numbers keep their text, with trailing fractional zeros dropped ("5.0" is "5", as
//!   JS prints it): they are read as exact decimals later, and no float is parsed or
//!   printed (a float printer would add about 14 KB to the module).
//! - A path is built only when something is wrong, while the error unwinds: a valid
//!   request builds no path string at all.
//! - Limits give coded errors: nesting ([`MAX_DEPTH`]: `too_deep`), the text's size
//!   (`too_many`), a string's size (`out_of_range` at its path), malformed text
//!   (`invalid_type`, with the byte offset).
//!
//! A JS request crosses as JSON text only when JSON holds it exactly
//! (`wasm/src/boundary.js`): NaN, ±Infinity, functions and the like are walked value
//! by value instead, so that they are refused at their path.

use crate::error::{Error, ErrorCode};
use crate::messages::{Key, Locale};
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
    /// keys in order, numbers as their digits (see the module documentation).
    ///
    /// ```
    /// use alicloud_cost::decode::Value;
    /// assert!(Value::from_json_str(r#"{"items": []}"#).is_ok());
    /// let error = Value::from_json_str("{").unwrap_err();
    /// assert_eq!(error.code.as_str(), "invalid_type");
    /// ```
    pub fn from_json_str(text: &'t str) -> Result<Value<'t>, Error> {
        parse(text, Origin::Text)
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

/// The error of nesting deeper than `depth` levels (a request's [`MAX_DEPTH`], or a
/// plan's; the JSON reader's and the JS walk's).
/// Like every error of reading a request, before its `locale` can be read, in English.
pub fn too_deep(depth: usize) -> Error {
    Error::new(ErrorCode::TooDeep, "", text!(Locale::En, "decode.tooDeep", depth = depth))
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
    crate::text::push_decimal(path, index as u64);
    path.push(']');
}

/// Largest request text: 64 MiB (a 10,000-item cart is about 1.5 MB).
pub const MAX_TEXT_BYTES: usize = 64 << 20;
/// Longest string value: 64 KiB (ids are at most 100 characters).
pub const MAX_STRING_BYTES: usize = 64 << 10;
/// Most keys in one object of JSON text: no object of the contract has more than 20,
/// and the bound keeps the duplicate-key check cheap.
pub const MAX_KEYS: usize = 64;

/// The bounds a text is read within: a request's ([`REQUEST`]) or a Terraform plan's
/// (`crate::plan::PLAN_LIMITS`: plans are larger, deeper and have wider objects).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub text_bytes: usize,
    pub depth: usize,
    pub string_bytes: usize,
    /// Most keys in one object of a caller's JSON text (its duplicate check is quadratic).
    pub keys: usize,
}

/// The limits of every request.
pub const REQUEST: Limits = Limits { text_bytes: MAX_TEXT_BYTES, depth: MAX_DEPTH, string_bytes: MAX_STRING_BYTES, keys: MAX_KEYS };

/// Where the text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A caller's JSON text: duplicate keys are refused.
    Text,
    /// `JSON.stringify` of a JS value (`wasm/src/boundary.js`): keys cannot repeat.
    JsBoundary,
}

/// Parses `text` (see the module documentation).
pub fn parse(text: &str, origin: Origin) -> Result<Value<'_>, Error> {
    parse_within(text, origin, &REQUEST)
}

/// [`parse`] within other limits than a request's.
pub fn parse_within<'t>(text: &'t str, origin: Origin, limits: &Limits) -> Result<Value<'t>, Error> {
    if text.len() > limits.text_bytes {
        return Err(Error::new(
            ErrorCode::TooMany,
            "",
            text!(Locale::En, "json.tooLong", bytes = text.len(), max = limits.text_bytes),
        ));
    }
    let mut reader = Reader { text, bytes: text.as_bytes(), at: 0, origin, limits: *limits };
    let value = reader.value(0).map_err(Failure::into_error)?;
    reader.skip_space();
    if reader.at < reader.bytes.len() {
        return Err(reader.malformed(key!("json.expect.end")).into_error());
    }
    Ok(value)
}

enum Step<'t> {
    Key(Cow<'t, str>),
    Index(usize),
}

/// An error on its way up: the path is collected from the innermost step outwards.
/// Malformed text (its byte offset says where) and nesting too deep are about the
/// whole request, as the JS walk reports them: they collect no path.
struct Failure<'t> {
    code: ErrorCode,
    message: String,
    steps: Vec<Step<'t>>,
    whole_request: bool,
}

impl<'t> Failure<'t> {
    fn whole_request(error: Error) -> Failure<'t> {
        Failure { whole_request: true, ..Failure::from(error) }
    }

    fn at(mut self, step: Step<'t>) -> Failure<'t> {
        if !self.whole_request {
            self.steps.push(step);
        }
        self
    }

    fn into_error(self) -> Error {
        let mut path = String::new();
        for step in self.steps.iter().rev() {
            match step {
                Step::Key(key) => push_field(&mut path, key),
                Step::Index(i) => push_index(&mut path, *i),
            }
        }
        Error::new(self.code, path, self.message)
    }
}

impl From<Error> for Failure<'_> {
    fn from(error: Error) -> Self {
        let error = error.into_parts();
        Failure { code: error.code, message: error.message, steps: Vec::new(), whole_request: false }
    }
}

struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
    origin: Origin,
    limits: Limits,
}

impl<'t> Reader<'t> {
    /// Malformed text: in English (a text that cannot be read has no `locale` to read).
    fn malformed(&self, expected: Key) -> Failure<'t> {
        let message = text!(Locale::En, "json.malformed", expected = expected, at = self.at);
        Failure::whole_request(Error::new(ErrorCode::InvalidType, "", message))
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.bytes.get(self.at) == Some(&byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn literal(&mut self, word: &[u8], value: Value<'t>) -> Result<Value<'t>, Failure<'t>> {
        if self.bytes[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.malformed(key!("json.expect.value")))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value<'t>, Failure<'t>> {
        if depth > self.limits.depth {
            return Err(Failure::whole_request(too_deep(self.limits.depth)));
        }
        self.skip_space();
        match self.bytes.get(self.at) {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal(b"true", Value::Bool(true)),
            Some(b'f') => self.literal(b"false", Value::Bool(false)),
            Some(b'n') => self.literal(b"null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.malformed(key!("json.expect.value"))),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value<'t>, Failure<'t>> {
        self.at += 1;
        let mut fields: Vec<(Cow<'t, str>, Value<'t>)> = Vec::new();
        if self.eat(b'}') {
            return Ok(Value::Object(fields));
        }
        loop {
            self.skip_space();
            if self.bytes.get(self.at) != Some(&b'"') {
                return Err(self.malformed(key!("json.expect.key")));
            }
            let key = self.string()?;
            if self.origin == Origin::Text {
                if fields.len() == self.limits.keys {
                    return Err(Failure::from(Error::new(ErrorCode::TooMany, "", text!(Locale::En, "json.tooManyKeys", max = self.limits.keys))));
                }
                if fields.iter().any(|(k, _)| *k == key) {
                    return Err(Failure::from(Error::new(ErrorCode::InvalidType, "", text!(Locale::En, "json.duplicateKey"))).at(Step::Key(key)));
                }
            }
            if !self.eat(b':') {
                return Err(self.malformed(key!("json.expect.colon")));
            }
            match self.value(depth + 1) {
                Ok(value) => fields.push((key, value)),
                Err(failure) => return Err(failure.at(Step::Key(key))),
            }
            if self.eat(b',') {
                continue;
            }
            if self.eat(b'}') {
                return Ok(Value::Object(fields));
            }
            return Err(self.malformed(key!("json.expect.objectNext")));
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value<'t>, Failure<'t>> {
        self.at += 1;
        let mut items = Vec::new();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            match self.value(depth + 1) {
                Ok(value) => items.push(value),
                Err(failure) => return Err(failure.at(Step::Index(items.len()))),
            }
            if self.eat(b',') {
                continue;
            }
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            return Err(self.malformed(key!("json.expect.arrayNext")));
        }
    }

    /// A JSON number, checked against the grammar; its text with trailing fractional
    /// zeros dropped.
    fn number(&mut self) -> Result<Value<'t>, Failure<'t>> {
        let start = self.at;
        let digits = |r: &mut Self| {
            let from = r.at;
            while r.bytes.get(r.at).is_some_and(u8::is_ascii_digit) {
                r.at += 1;
            }
            r.at - from
        };
        if self.bytes[self.at] == b'-' {
            self.at += 1;
        }
        let int_start = self.at;
        let int_digits = digits(self);
        if int_digits == 0 || (int_digits > 1 && self.bytes[int_start] == b'0') {
            self.at = int_start + usize::from(int_digits > 1); // at the digit after a leading 0
            return Err(self.malformed(key!("json.expect.number")));
        }
        let mut fraction = None;
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            let from = self.at;
            if digits(self) == 0 {
                return Err(self.malformed(key!("json.expect.fraction")));
            }
            fraction = Some(from - 1..self.at);
        }
        let mut exponent = false;
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            exponent = true;
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err(self.malformed(key!("json.expect.exponent")));
            }
        }
        let mut end = self.at;
        if let (Some(dot), false) = (fraction, exponent) {
            // "5.50" -> "5.5", "5.0" -> "5": the spelling JS would print, a prefix of the text.
            while self.bytes[end - 1] == b'0' {
                end -= 1;
            }
            if end == dot.start + 1 {
                end -= 1;
            }
        }
        // Only ASCII digits, signs, '.', 'e' and 'E' were taken: char boundaries.
        Ok(Value::Number(Cow::Borrowed(self.text.get(start..end).unwrap_or_default())))
    }

    /// A string: borrowed from the text when it has no escapes, the usual case.
    fn string(&mut self) -> Result<Cow<'t, str>, Failure<'t>> {
        self.at += 1; // the opening quote
        let mut out = Cow::Borrowed("");
        loop {
            let run_start = self.at;
            while let Some(&b) = self.bytes.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The run stops only at ASCII bytes: char boundaries of the text.
            let run = self.text.get(run_start..self.at).unwrap_or_default();
            if out.is_empty() {
                out = Cow::Borrowed(run);
            } else {
                out.to_mut().push_str(run);
            }
            if out.len() > self.limits.string_bytes {
                return Err(Failure::from(Error::new(
                    ErrorCode::OutOfRange,
                    "",
                    text!(Locale::En, "json.longString", max = self.limits.string_bytes),
                )));
            }
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = self.bytes.get(self.at).copied();
                    self.at += 1;
                    let out = out.to_mut();
                    match escaped {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => {
                            let unit = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&unit) && self.bytes[self.at..].starts_with(b"\\u") {
                                // A surrogate pair; a lone surrogate becomes U+FFFD, as JS strings do when
                                // they are made into UTF-8.
                                let save = self.at;
                                self.at += 2;
                                let low = self.hex4()?;
                                if (0xDC00..0xE000).contains(&low) {
                                    0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                                } else {
                                    self.at = save;
                                    0xFFFD
                                }
                            } else {
                                unit
                            };
                            out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                        }
                        _ => return Err(self.malformed(key!("json.expect.escape"))),
                    }
                }
                _ => return Err(self.malformed(key!("json.expect.quote"))),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, Failure<'t>> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = match self.bytes.get(self.at) {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.malformed(key!("json.expect.hex"))),
            };
            unit = unit * 16 + u32::from(digit);
            self.at += 1;
        }
        Ok(unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(json: &str) -> Result<Value<'_>, Error> {
        parse(json, Origin::Text)
    }

    fn number(json: &str) -> String {
        match text(json).unwrap() {
            Value::Number(n) => n.into_owned(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn keys_keep_their_order_and_numbers_their_digits() {
        let v = text(r#"{"b": 1, "a": [true, null, "x\u00e9\ud83d\ude00"]}"#).unwrap();
        let Value::Object(fields) = v else { panic!() };
        assert_eq!(fields.iter().map(|(k, _)| &**k).collect::<Vec<_>>(), ["b", "a"]);
        assert_eq!(fields[1].1, Value::Array(vec![Value::Bool(true), Value::Null, Value::String("xé😀".into())]));
        // Exact digits; trailing fractional zeros dropped as JS prints them.
        for (json, kept) in [("0.1", "0.1"), ("5.0", "5"), ("5.50", "5.5"), ("-0.0", "-0"), ("100", "100"), ("1E5", "1E5"),
            ("0.10000000000000000555", "0.10000000000000000555"), ("2.50e3", "2.50e3")] {
            assert_eq!(number(json), kept, "{json}");
        }
    }

    #[test]
    fn malformed_text_is_invalid_type_with_the_byte() {
        for (json, byte) in [("{", 1), (r#"{"a" 1}"#, 5), ("[1,]", 3), ("01", 1), ("1.", 2), ("-", 1), ("\"abc", 4),
            (r#""\q""#, 3), ("tru", 0), ("{} x", 3), ("", 0)] {
            let e = text(json).unwrap_err();
            assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidType, ""), "{json}");
            assert!(e.message.ends_with(&format!("at byte {byte}")), "{json}: {}", e.message);
        }
    }

    #[test]
    fn limits_give_coded_errors_at_their_path() {
        // MAX_DEPTH + 1 levels are fine; one more is too deep (for the whole request, as
        // the JS walk says it).
        let nested = |levels: usize| "[".repeat(levels) + &"]".repeat(levels);
        assert!(text(&nested(MAX_DEPTH + 1)).is_ok());
        let e = text(&nested(MAX_DEPTH + 2)).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::TooDeep, ""));
        // A string one byte over the limit, at its path.
        let long = format!(r#"{{"items": [{{"spec": "{}"}}]}}"#, "x".repeat(MAX_STRING_BYTES + 1));
        let e = text(&long).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::OutOfRange, "items[0].spec"));
        assert!(text(&format!(r#""{}""#, "x".repeat(MAX_STRING_BYTES))).is_ok());
        // A key given twice in JSON text.
        let e = text(r#"{"items": [{"hours": 1, "hours": 2}]}"#).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidType, "items[0].hours"));
        let many = format!("{{{}}}", (0..=MAX_KEYS).map(|i| format!(r#""k{i}": 0"#)).collect::<Vec<_>>().join(","));
        assert_eq!(text(&many).unwrap_err().code, ErrorCode::TooMany);
    }

    #[test]
    fn numbers_keys_and_plain_strings_borrow_from_the_text() {
        // Issue 15: no allocation for what the text already holds; an escape needs its own copy.
        let json = r#"{"plain": "x", "esc\u0061ped": "a\"b", "n": 1.50}"#;
        let Value::Object(fields) = text(json).unwrap() else { panic!() };
        let borrowed = |cow: &Cow<'_, str>| matches!(cow, Cow::Borrowed(_));
        assert!(borrowed(&fields[0].0));
        assert!(matches!(&fields[0].1, Value::String(s) if borrowed(s) && s == "x"));
        assert!(!borrowed(&fields[1].0) && fields[1].0 == "escaped");
        assert!(matches!(&fields[1].1, Value::String(s) if !borrowed(s) && s == "a\"b"));
        assert!(matches!(&fields[2].1, Value::Number(n) if borrowed(n) && n == "1.5"));
    }

}
