//! Input decoding with exact error codes and field paths.
//!
//! Requests arrive as a [`Value`] tree (`crate::json`): read from JSON text, or walked
//! from a JS value by the binding crate. Readers here check types, ranges and unknown
//! fields and name the path of whatever is wrong (`items[3].hours`). serde's derive is
//! not used for input because its tagged enums buffer content and lose the path.

pub use crate::json::{push_field, push_index, too_deep, Value, MAX_DEPTH};

use crate::error::{Error, ErrorCode};
use crate::messages::{HasLocale, Key, Locale};
use crate::site::{Currency, Site};
use crate::text::{closest, exact_decimal, is_plain_decimal, plain_digits, same_key};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::borrow::Cow;

/// What a request says about how to answer it, read once at the top of each public
/// function ([`Ctx::of`]) and passed down: every text of the answer is written in its
/// `locale`, and every amount is in its `site`'s currency. A request's nodes carry it
/// ([`Node::ctx`]), so that an error built at a node speaks the request's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ctx {
    /// The language of the texts written for a person (issue 16).
    pub locale: Locale,
    /// The Alibaba Cloud site whose prices and currency the answer uses (SITE-1).
    pub site: Site,
}

impl Default for Ctx {
    /// English, on the international site: the context of a request that names neither.
    fn default() -> Self {
        Ctx { locale: Locale::En, site: Site::International }
    }
}

impl Ctx {
    /// The fields every request may give beside its own: `locale` and `site`.
    pub const FIELDS: [&'static str; 2] = ["locale", "site"];

    /// The context a request gives: its `locale` field, "en" when absent (or null, or when
    /// the request is not an object: its own decoder says so, in English), and its `site`,
    /// "international" when absent. An unknown locale is an `unknown_locale` error at
    /// `locale`, in English (the only language both sides share); an unknown site is an
    /// `unknown_site` error at `site`, in the request's language.
    pub fn of(request: &Value) -> Result<Ctx, Error> {
        let english = Ctx::default();
        let fields = Node::root(request, &english).object().ok();
        let locale = match fields.and_then(|fields| fields.get("locale")) {
            Some(node) => node.one_of(&Locale::ALL, ErrorCode::UnknownLocale)?,
            None => Locale::En,
        };
        let ctx = Ctx { locale, site: Site::International };
        let site = match Node::root(request, &ctx).object().ok().and_then(|fields| fields.get("site")) {
            Some(node) => node.one_of(&Site::ALL, ErrorCode::UnknownSite)?,
            None => Site::International,
        };
        Ok(Ctx { locale, site })
    }

    /// The currency of every amount in the answer (SITE-1): the site's.
    pub fn currency(&self) -> Currency {
        self.site.currency()
    }
}

impl HasLocale for Ctx {
    fn locale(&self) -> Locale {
        self.locale
    }
}

/// A value together with where it sits in the request: the request's root, from which
/// its path (`items[3].hours`) is found when an error or a text names it, and the
/// request's context, in which its errors are written. Building the path for every
/// field read cost a fifth of an IoT month's decoding (issue 15); a node is four words,
/// copied without allocating.
#[derive(Debug, Clone, Copy)]
pub struct Node<'v> {
    pub value: &'v Value<'v>,
    /// The tree `value` is part of; the path is the way from `root` to `value`.
    root: &'v Value<'v>,
    /// What comes before the way from `root`: the node `root` stands for, when it is
    /// not the request itself (an account item rebuilt with its defaults).
    replaces: Option<&'v Node<'v>>,
    ctx: &'v Ctx,
}

/// The fields of an object node.
#[derive(Clone, Copy)]
pub struct Fields<'v> {
    /// An object node (its entries are read from it: a smaller `Fields` is less code at
    /// each `?` that moves one).
    node: Node<'v>,
}

impl<'v> Node<'v> {
    /// The request `value`, answered in `ctx`.
    pub fn root(value: &'v Value<'v>, ctx: &'v Ctx) -> Self {
        Node { value, root: value, replaces: None, ctx }
    }

    /// Another value at this node's place (an account item rebuilt with its defaults
    /// keeps the path of the item the caller wrote, and the request's context).
    pub fn with_value<'a>(&'a self, value: &'a Value<'a>) -> Node<'a> {
        Node { value, root: value, replaces: Some(self), ctx: self.ctx }
    }

    /// The context of the request this node is part of.
    pub fn ctx(&self) -> &'v Ctx {
        self.ctx
    }

    /// A value inside this node's value (one of its fields or elements).
    fn child(&self, value: &'v Value<'v>) -> Node<'v> {
        Node { value, ..*self }
    }

    /// The node's path as text (`items[3].hours`, or "" at the root).
    pub fn path(&self) -> String {
        let mut out = self.replaces.map(Node::path).unwrap_or_default();
        locate(self.root, self.value, &mut out);
        out
    }

    pub fn error(&self, code: ErrorCode, message: impl Into<String>) -> Error {
        Error::new(code, self.path(), message)
    }

    pub fn wrong_type(&self, expected: Key) -> Error {
        self.error(ErrorCode::InvalidType, text!(self, "decode.wrongType", expected = expected, got = self.value.type_name()))
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
            self.error(code, text!(self, "decode.unknownValue", name = name, choices = names.join(", ")))
        })
    }

    /// A decimal from a decimal string ("0.0457") or a finite JS number.
    pub fn decimal(&self) -> Result<Decimal, Error> {
        match self.value {
            Value::Number(text) => {
                if matches!(&**text, "NaN" | "Infinity" | "-Infinity") {
                    return Err(self.error(ErrorCode::NotFinite, text!(self, "decode.notFinite", text = text)));
                }
                // JS and JSON print 1e21 and up, and 1e-7 and below, with an exponent.
                exact_decimal(text).ok_or_else(|| self.error(ErrorCode::OutOfRange, text!(self, "decode.tooPrecise", text = text)))
            }
            Value::String(s) => parse_decimal_str(s, self.locale()).map_err(|(code, message)| self.error(code, message)),
            _ => Err(self.wrong_type(key!("decode.expect.decimal"))),
        }
    }

    /// A decimal with `min < x <= max`, or `min <= x <= max` when `min_inclusive`.
    pub fn decimal_in(&self, min: Decimal, min_inclusive: bool, max: Decimal) -> Result<Decimal, Error> {
        let x = self.decimal()?;
        let above_min = if min_inclusive { x >= min } else { x > min };
        if !above_min || x > max {
            let lower = if min_inclusive { ">=" } else { ">" };
            return Err(self.error(ErrorCode::OutOfRange, text!(self, "decode.range", lower = lower, min = min, max = max, x = x)));
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
        if !x.fract().is_zero() {
            return Err(self.error(ErrorCode::NotAnInteger, text!(self, "decode.notInteger", x = x)));
        }
        let out_of_range = || self.error(ErrorCode::OutOfRange, text!(self, "decode.integerRange", min = min, max = max, x = x));
        if x < Decimal::from(min) || x > Decimal::from(max) {
            return Err(out_of_range());
        }
        x.to_u64().ok_or_else(out_of_range)
    }
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
    format!("\"{name}\"")
}

/// Parses a plain decimal string ([`is_plain_decimal`]): a price is never guessed at.
fn parse_decimal_str(s: &str, locale: Locale) -> Result<Decimal, (ErrorCode, String)> {
    if !is_plain_decimal(s) {
        return Err((ErrorCode::InvalidDecimal, text!(locale, "decode.invalidDecimal", text = s)));
    }
    exact_decimal(s).ok_or_else(|| (ErrorCode::OutOfRange, text!(locale, "decode.tooManyDigits", text = s)))
}

impl HasLocale for Node<'_> {
    fn locale(&self) -> Locale {
        self.ctx.locale
    }
}

impl HasLocale for Fields<'_> {
    fn locale(&self) -> Locale {
        self.node.ctx.locale
    }
}

impl<'v> Fields<'v> {
    /// The context of the request these fields are part of.
    pub fn ctx(&self) -> &'v Ctx {
        self.node.ctx
    }

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
        let hint = closest(key, allowed).map(|k| text!(self, "decode.didYouMean", name = k)).unwrap_or_default();
        let known: Vec<String> = allowed.iter().map(|k| quoted(k)).collect();
        Error::new(
            ErrorCode::UnknownField,
            self.child_path(key),
            text!(self, "decode.unknownField", key = key, hint = hint, known = known.join(", ")),
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
        Error::new(ErrorCode::MissingField, self.child_path(key), text!(self, "decode.missingField", key = key, expected = expected))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    const ENGLISH: Ctx = Ctx { locale: Locale::En, site: Site::International };

    fn decimal(value: Value) -> Result<Decimal, Error> {
        Node::root(&value, &ENGLISH).decimal()
    }

    fn integer(value: Value, min: u64, max: u64) -> Result<u64, Error> {
        Node::root(&value, &ENGLISH).integer(min, max)
    }

    #[test]
    fn numbers_become_exact_decimals_by_their_shortest_spelling() {
        assert_eq!(decimal(Value::number(0.1)).unwrap(), dec!(0.1));
        assert_eq!(decimal(Value::number(0.0457)).unwrap(), dec!(0.0457));
        assert_eq!(decimal(Value::number(1e15)).unwrap(), dec!(1000000000000000));
    }

    #[test]
    fn exponent_spellings_from_js_and_json_are_read_exactly() {
        // (1e21).toString() is "1e+21" and (1.5e-7).toString() is "1.5e-7" in JS.
        let read = |text: &str| decimal(Value::Number(text.to_string().into()));
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
            assert_eq!(decimal(Value::number(n)).unwrap_err().code, ErrorCode::NotFinite);
        }
    }

    #[test]
    fn decimal_strings_must_be_plain() {
        assert_eq!(decimal(Value::String("12.50".into())).unwrap().to_string(), "12.50");
        assert_eq!(decimal(Value::String("-3".into())).unwrap(), dec!(-3));
        for bad in ["", "1e5", " 1", "1,000", "1.", ".5", "abc", "NaN", "0x10"] {
            assert_eq!(decimal(Value::String(bad.into())).unwrap_err().code, ErrorCode::InvalidDecimal, "{bad:?}");
        }
        let long = "1".repeat(40);
        assert_eq!(decimal(Value::String(long.into())).unwrap_err().code, ErrorCode::OutOfRange);
    }

    #[test]
    fn integers_check_fraction_and_range() {
        assert_eq!(integer(Value::number(3.0), 1, 10).unwrap(), 3);
        assert_eq!(integer(Value::String("10".into()), 1, 10).unwrap(), 10);
        assert_eq!(integer(Value::number(2.5), 1, 10).unwrap_err().code, ErrorCode::NotAnInteger);
        assert_eq!(integer(Value::number(0.0), 1, 10).unwrap_err().code, ErrorCode::OutOfRange);
        assert_eq!(integer(Value::number(11.0), 1, 10).unwrap_err().code, ErrorCode::OutOfRange);
    }

    #[test]
    fn paths_are_found_from_the_root_when_asked() {
        // Written out by hand from the request's shape.
        let request = Value::from_json_str(r#"{"items": [{"a": 1}, {"usage": {"days": [{}, {"messages": [{"count": 1.5}]}]}}]}"#).unwrap();
        let root = Node::root(&request, &ENGLISH);
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
    fn a_nodes_errors_speak_its_requests_language() {
        // The templates decode.notInteger, in each language, with x = 2.5.
        let value = Value::number(2.5);
        let chinese = Ctx { locale: Locale::ZhCn, site: Site::International };
        assert_eq!(Node::root(&value, &ENGLISH).integer(1, 10).unwrap_err().message, "expected a whole number, got 2.5");
        assert_eq!(Node::root(&value, &chinese).integer(1, 10).unwrap_err().message, "应为整数，实际为 2.5");
        // A value rebuilt in a node's place keeps the request's language.
        let request = Value::from_json_str(r#"{"item": {}}"#).unwrap();
        let root = Node::root(&request, &chinese);
        let item = root.object().unwrap().get("item").unwrap();
        let stand_in = item.with_value(&value);
        assert_eq!(stand_in.integer(1, 10).unwrap_err().message, "应为整数，实际为 2.5");
        // The request's own locale field, read once: unknown ones are refused in English.
        let request = Value::from_json_str(r#"{"locale": "zh-CN"}"#).unwrap();
        assert_eq!(Ctx::of(&request).unwrap(), chinese);
        assert_eq!(Ctx::of(&Value::Null).unwrap(), ENGLISH);
        let unknown = Ctx::of(&Value::from_json_str(r#"{"locale": "fr"}"#).unwrap()).unwrap_err();
        assert_eq!((unknown.code, unknown.path.as_str()), (ErrorCode::UnknownLocale, "locale"));
    }

    #[test]
    fn unknown_fields_are_named_with_a_suggestion() {
        let v = Value::from_json_str(r#"{"hour": 5}"#).unwrap();
        let err = Node::root(&v, &ENGLISH).object().unwrap().only(&["hours", "months"]).unwrap_err();
        assert_eq!(err.code, ErrorCode::UnknownField);
        assert_eq!(err.path, "hour");
        assert!(err.message.contains("did you mean \"hours\""), "{}", err.message);
    }

    #[test]
    fn nesting_beyond_the_limit_is_an_error_not_a_stack_overflow() {
        let deep = "[".repeat(MAX_DEPTH + 2) + &"]".repeat(MAX_DEPTH + 2);
        assert_eq!(Value::from_json_str(&deep).unwrap_err().code, ErrorCode::TooDeep);
    }
}
