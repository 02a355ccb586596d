//! Every text written for a person, in the request's language (issue 16).
//!
//! The templates are data: `src/messages.js` holds each text in English and in
//! Simplified Chinese side by side, under one key, so that a reader finds a text and
//! its translation together. The module does not carry them: natively they are
//! compiled in (`include_str!`); in wasm the binding layer hands this same file's text
//! to [`install`] on first use (the file ships beside the `.wasm` as a wasm-bindgen
//! snippet). One parser and one renderer serve both, so the bytes out are the same.
//!
//! A template's `{name}` is replaced by the argument `name`; `{name|one|other}` by the
//! argument followed by `one` when it is "1", else `other` (English plurals); a brace
//! not followed by a letter is text ("{ months }"). Chinese
//! templates name the same arguments. `tests/messages.rs` fails when a key used in the
//! code is missing in either language, or when the two languages or a call site
//! disagree on the arguments: nothing falls back silently.
//!
//! The language of a request is its `locale` field ("en", the default, or "zh-CN"), read
//! once when the request is read (`decode::Ctx`) and passed down: every `text!` names
//! the language it writes in, as a [`Locale`] or anything that knows the request's
//! ([`HasLocale`]: the request's context, a node of the request, ...).

use crate::text::same_key;
use std::cmp::Ordering;
use std::sync::OnceLock;

/// A language the engine writes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    En,
    ZhCn,
}

impl Locale {
    pub const ALL: [(&'static str, Locale); 2] = [("en", Locale::En), ("zh-CN", Locale::ZhCn)];
}

/// What knows the language of the request it is part of: the first argument of `text!`.
pub trait HasLocale {
    fn locale(&self) -> Locale;

    /// True where no one reads the texts: `text!` then writes nothing (and evaluates none
    /// of its arguments). A lifecycle run that only counts what is paid (`keepRunning`'s
    /// run with unlimited credit) is one.
    fn silent(&self) -> bool {
        false
    }
}

impl HasLocale for Locale {
    fn locale(&self) -> Locale {
        *self
    }
}

impl<T: HasLocale + ?Sized> HasLocale for &T {
    fn locale(&self) -> Locale {
        (**self).locale()
    }

    fn silent(&self) -> bool {
        (**self).silent()
    }
}

impl<T: HasLocale + ?Sized> HasLocale for &mut T {
    fn locale(&self) -> Locale {
        (**self).locale()
    }

    fn silent(&self) -> bool {
        (**self).silent()
    }
}

/// A message key: a literal written as `key!("…")`, so that `tests/messages.rs` can
/// find every key the code uses. It holds the key's position in `src/messages.js`,
/// found when the code is compiled ([`index_of`]): the module carries no key strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub u16);

/// `key!("decode.expect.object")`: a [`Key`] to render later. A key that has no
/// template does not compile.
#[macro_export]
macro_rules! key {
    ($key:literal) => {
        $crate::messages::Key(const { $crate::messages::index_of($key) })
    };
}

/// `text!(node, "decode.notInteger", x = 2.5)`: the template rendered with its named
/// arguments in the language of the first argument (a [`Locale`], or anything that
/// implements [`HasLocale`]: the request's context, one of its nodes, ...); an empty
/// string, with no argument evaluated, for a [`HasLocale::silent`] one.
#[macro_export]
macro_rules! text {
    ($to:expr, $key:literal $(,)?) => {
        if $crate::messages::HasLocale::silent(&$to) {
            String::new()
        } else {
            $crate::messages::render_plain($crate::messages::HasLocale::locale(&$to), $crate::key!($key))
        }
    };
    ($to:expr, $key:literal $(, $name:ident = $value:expr)+ $(,)?) => {
        if $crate::messages::HasLocale::silent(&$to) {
            String::new()
        } else {
            $crate::messages::render(
                $crate::messages::HasLocale::locale(&$to),
                $crate::key!($key),
                &[$(stringify!($name)),*],
                &[$(&$value as &dyn $crate::messages::Arg),*],
            )
        }
    };
}

include!(concat!(env!("OUT_DIR"), "/message_keys.rs"));

/// A value a template can show: written straight into the text, without `core::fmt`
/// (issue 15: formatting was a fifth of a one-item answer's time in wasm), in the
/// language of the text it is part of.
pub trait Arg {
    fn push_to(&self, out: &mut String, locale: Locale);
}

impl Arg for str {
    fn push_to(&self, out: &mut String, _: Locale) {
        out.push_str(self);
    }
}

impl Arg for String {
    fn push_to(&self, out: &mut String, _: Locale) {
        out.push_str(self);
    }
}

impl Arg for std::borrow::Cow<'_, str> {
    fn push_to(&self, out: &mut String, _: Locale) {
        out.push_str(self);
    }
}

impl<T: Arg + ?Sized> Arg for &T {
    fn push_to(&self, out: &mut String, locale: Locale) {
        (**self).push_to(out, locale);
    }
}

/// A quantity as a person reads it (hours, GiB, Mbps): "8,760", grouped by thousands in
/// both languages as counts and amounts are (issue 29); JSON fields stay ungrouped.
impl Arg for rust_decimal::Decimal {
    fn push_to(&self, out: &mut String, _: Locale) {
        crate::text::push_grouped_decimal(out, self);
    }
}

/// A count as a person reads it in a formula or a description: "891,800,000", grouped by
/// thousands in both languages (issue 29). Amounts in JSON fields stay ungrouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count<T>(pub T);

impl<T: Copy + Into<u128>> Arg for Count<T> {
    fn push_to(&self, out: &mut String, _: Locale) {
        crate::text::push_grouped(out, self.0.into());
    }
}

/// An amount in a currency, as every text shows money: "USD 9.9057", "JPY 4,862", "USD
/// 1,388.88" (the code first, in both languages; the amount as given: rounding is the
/// caller's, SITE-3; grouped by thousands, as the page shows totals and texts show counts).
/// Amounts in JSON fields stay ungrouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money(pub crate::site::Currency, pub rust_decimal::Decimal);

impl Arg for Money {
    fn push_to(&self, out: &mut String, _: Locale) {
        out.push_str(self.0.code);
        out.push(' ');
        crate::text::push_grouped_decimal(out, &self.1);
    }
}

/// A key shows its template rendered in the language of the text around it.
impl Arg for Key {
    fn push_to(&self, out: &mut String, locale: Locale) {
        out.push_str(&render_plain(locale, *self));
    }
}

impl Key {
    /// The key's template (one without arguments) in `to`'s language.
    pub fn render(self, to: impl HasLocale) -> String {
        render_plain(to.locale(), self)
    }
}

macro_rules! unsigned_args {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn push_to(&self, out: &mut String, _: Locale) {
                crate::text::push_decimal(out, *self as u64);
            }
        }
    )*};
}
unsigned_args!(u8, u16, u32, u64, usize);

macro_rules! signed_args {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn push_to(&self, out: &mut String, _: Locale) {
                if *self < 0 {
                    out.push('-');
                }
                crate::text::push_decimal(out, self.unsigned_abs().into());
            }
        }
    )*};
}
signed_args!(i32, i64);

/// A moment written for a person, in UTC+8 (the zone of Alibaba Cloud's bills, which
/// the answers' headings use too): "5 Dec 2026, 00:00 (UTC+8)" / "2026年12月5日
/// 00:00（UTC+8）", with the seconds where they are not zero. The one way a text names
/// a moment; the answers' JSON fields keep RFC 3339. `time::Instant` gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    pub year: i64,
    /// 1..=12.
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl Arg for Moment {
    fn push_to(&self, out: &mut String, locale: Locale) {
        let two = |out: &mut String, n: u8| {
            out.push(char::from(b'0' + n / 10));
            out.push(char::from(b'0' + n % 10));
        };
        let clock = |out: &mut String| {
            two(out, self.hour);
            out.push(':');
            two(out, self.minute);
            if self.second != 0 {
                out.push(':');
                two(out, self.second);
            }
        };
        match locale {
            Locale::En => {
                crate::text::push_decimal(out, u64::from(self.day));
                out.push(' ');
                out.push_str(MONTHS.get(usize::from(self.month.max(1)) - 1).copied().unwrap_or(""));
                out.push(' ');
                self.year.push_to(out, locale);
                out.push_str(", ");
                clock(out);
                out.push_str(" (UTC+8)");
            }
            Locale::ZhCn => {
                self.year.push_to(out, locale);
                out.push('年');
                crate::text::push_decimal(out, u64::from(self.month));
                out.push('月');
                crate::text::push_decimal(out, u64::from(self.day));
                out.push_str("日 ");
                clock(out);
                out.push_str("（UTC+8）");
            }
        }
    }
}

/// The position of `key` in `src/messages.js`, by halves over [`KEYS`] (in byte order,
/// which build.rs checks). Evaluated at compile time: a missing key stops the build.
pub const fn index_of(key: &str) -> u16 {
    let (mut low, mut high) = (0, KEYS.len());
    while low < high {
        let middle = (low + high) / 2;
        match compare(KEYS[middle].as_bytes(), key.as_bytes()) {
            Ordering::Less => low = middle + 1,
            Ordering::Greater => high = middle,
            Ordering::Equal => return middle as u16,
        }
    }
    panic!("a message key has no template in src/messages.js")
}

/// Byte order, in a `const fn`.
const fn compare(a: &[u8], b: &[u8]) -> Ordering {
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return if a[i] < b[i] { Ordering::Less } else { Ordering::Greater };
        }
        i += 1;
    }
    if a.len() < b.len() {
        Ordering::Less
    } else if a.len() > b.len() {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}

/// The templates in the file's order: a [`Key`] is an index into it.
struct Table {
    entries: Vec<(String, [String; 2])>,
}

/// FNV-1a, continued over `key` and a NUL after it: a hash of a list of keys, in order.
const fn hash_key(mut hash: u32, key: &[u8]) -> u32 {
    let mut i = 0;
    while i <= key.len() {
        let byte = if i < key.len() { key[i] } else { 0 };
        hash = (hash ^ byte as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}

const FNV_START: u32 = 0x811c_9dc5;

/// The hash of [`KEYS`], worked out when compiling: the templates file read at run time
/// must give the same (one number in the module rather than the keys).
pub const KEYS_HASH: u32 = {
    let (mut hash, mut i) = (FNV_START, 0);
    while i < KEYS.len() {
        hash = hash_key(hash, KEYS[i].as_bytes());
        i += 1;
    }
    hash
};

static TABLE: OnceLock<Table> = OnceLock::new();

/// The templates file as shipped (`src/messages.js`).
#[cfg(not(target_arch = "wasm32"))]
pub const SOURCE: &str = include_str!("messages.js");

/// The templates file cannot be read: a line is not `"key": ["English", "Chinese"],`, or
/// its keys are not the ones this module was compiled with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadTemplates;

/// Reads the templates: the text of `src/messages.js`, or the object between its
/// backticks (the wasm binding crate calls this once with what the snippet's
/// `messageTemplates()` returns). Installing twice keeps the first.
pub fn install(source: &str) -> Result<(), BadTemplates> {
    if TABLE.get().is_some() {
        return Ok(());
    }
    let table = parse(source)?;
    let _ = TABLE.set(table);
    Ok(())
}

/// Whether the templates are there to render with.
pub fn installed() -> bool {
    TABLE.get().is_some()
}

fn table() -> Option<&'static Table> {
    // The file is part of the crate natively: a parse failure is caught by the tests.
    #[cfg(not(target_arch = "wasm32"))]
    if TABLE.get().is_none() {
        let _ = install(SOURCE);
    }
    TABLE.get()
}

/// Reads every template line of `source`: each starts with its key, `"key": ["…", "…"],`
/// (one template per line, as build.rs reads the keys); other lines are not templates.
/// The texts are JSON strings; `\"` and `\\` are the escapes they use.
fn parse(source: &str) -> Result<Table, BadTemplates> {
    let mut entries = Vec::new();
    for line in source.lines().filter(|line| line.starts_with('"')) {
        let (key, rest) = string(line)?;
        let rest = rest.strip_prefix(':').ok_or(BadTemplates)?.trim_start().strip_prefix('[').ok_or(BadTemplates)?;
        let (en, rest) = string(rest)?;
        let rest = rest.strip_prefix(',').ok_or(BadTemplates)?.trim_start();
        let (zh, rest) = string(rest)?;
        if !matches!(rest, "]" | "],") {
            return Err(BadTemplates);
        }
        entries.push((key, [en, zh]));
    }
    // The keys this module was compiled with, in the same order: a stale copy of the file
    // beside the `.wasm` would otherwise give every text another's words.
    if entries.iter().fold(FNV_START, |hash, (key, _)| hash_key(hash, key.as_bytes())) != KEYS_HASH {
        return Err(BadTemplates);
    }
    Ok(Table { entries })
}

/// The JSON string at the start of `text` (after spaces), and what follows it (spaces
/// skipped). The text between escapes is copied in runs: this runs over the whole file on
/// a page's first price.
fn string(text: &str) -> Result<(String, &str), BadTemplates> {
    let mut rest = text.trim_start().strip_prefix('"').ok_or(BadTemplates)?;
    let mut out = String::new();
    loop {
        let at = rest.find(['"', '\\']).ok_or(BadTemplates)?;
        out.push_str(rest.get(..at).ok_or(BadTemplates)?);
        let mut tail = rest.get(at..).ok_or(BadTemplates)?.chars();
        if tail.next() == Some('"') {
            return Ok((out, tail.as_str().trim_start()));
        }
        match tail.next() {
            Some(escaped @ ('"' | '\\' | '/')) => out.push(escaped),
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            _ => return Err(BadTemplates),
        }
        rest = tail.as_str();
    }
}

/// The template of `key` in `locale`, if the templates are there.
pub fn template(key: Key, locale: Locale) -> Option<&'static str> {
    Some(&table()?.entries.get(usize::from(key.0))?.1[locale as usize])
}

/// Every key of the templates, with both texts (for tests and the catalog's rules).
pub fn all() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    table().into_iter().flat_map(|t| t.entries.iter().map(|(k, [en, zh])| (k.as_str(), en.as_str(), zh.as_str())))
}


/// [`render`] for a text without arguments: a smaller call at each of its sites.
pub fn render_plain(locale: Locale, key: Key) -> String {
    render(locale, key, &[], &[])
}

/// The text of `key` in `locale`, each `{name}` replaced by the value at `name`'s place
/// in `names`. The names are one constant list per call site, apart from the values, so
/// that a call site stores only its values (issue 16, size).
pub fn render(locale: Locale, key: Key, names: &[&str], values: &[&dyn Arg]) -> String {
    let Some(template) = template(key, locale) else {
        // Unreachable: every key has a template (checked when compiling) and the binding
        // layer installs the templates before any request is read.
        debug_assert!(false, "no template number {}", key.0);
        return String::new();
    };
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        rest = after;
        if !after.starts_with(|c: char| c.is_ascii_alphabetic()) {
            // "{ balance, coupons? }": a brace followed by a space is text, not an argument.
            out.push('{');
            continue;
        }
        let Some((placeholder, tail)) = after.split_once('}') else {
            out.push('{');
            break;
        };
        rest = tail;
        // `{name}`, or `{n|one|other}` for English plurals.
        let (name, plural) = match placeholder.split_once('|') {
            Some((name, forms)) => (name, forms.split_once('|')),
            None => (placeholder, None),
        };
        match names.iter().position(|n| same_key(n, name)).and_then(|at| values.get(at)) {
            Some(value) => {
                let start = out.len();
                value.push_to(&mut out, locale);
                if let Some((one, other)) = plural {
                    let is_one = out.len() == start + 1 && out.ends_with('1');
                    out.push(' ');
                    out.push_str(if is_one { one } else { other });
                }
            }
            None => {
                debug_assert!(false, "template number {} has no argument {name}", key.0);
                out.push('{');
                out.push_str(placeholder);
                out.push('}');
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{parse, Locale, KEYS, SOURCE};

    #[test]
    fn the_shipped_templates_parse_as_a_file_and_as_the_object_the_snippet_returns() {
        let file = parse(SOURCE).unwrap();
        assert_eq!(file.entries.len(), KEYS.len());
        // messageTemplates() returns the text between the backticks.
        let object = SOURCE.split_once("String.raw`").unwrap().1.rsplit_once('`').unwrap().0;
        assert_eq!(parse(object).unwrap().entries, file.entries);
        // A template with escapes, read as JSON reads it.
        let escape = file.entries.iter().find(|(key, _)| key == "json.expect.escape").unwrap();
        assert_eq!(escape.1[0], r"an escape such as \n or \u0041");
    }

    #[test]
    fn a_templates_file_with_other_keys_than_the_build_is_refused() {
        // A key is a position: a stale file beside the `.wasm` would misplace every text.
        let renamed = SOURCE.replacen("\"unit.seconds\"", "\"unit.secondz\"", 1);
        assert_ne!(renamed, SOURCE);
        assert!(parse(&renamed).is_err());
        // Without the first template: every key one place off.
        let first = SOURCE.lines().find(|line| line.starts_with('"')).unwrap();
        assert!(parse(&SOURCE.replacen(first, "", 1)).is_err());
        // A line that is not a template line.
        assert!(parse(&SOURCE.replacen(first, &first.replacen(": [", ": ", 1), 1)).is_err());
    }

    #[test]
    fn keys_are_numbered_in_the_files_order() {
        // "unit.seconds" is the file's last line; the first line's key is KEYS[0].
        assert_eq!(usize::from(crate::key!("unit.seconds").0), KEYS.len() - 1);
        assert_eq!(super::index_of(KEYS[0]), 0);
        assert_eq!(super::template(crate::key!("unit.seconds"), Locale::ZhCn), Some("{n} 秒"));
    }
}
