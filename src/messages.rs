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
//! The language of a request is its `locale` field ("en", the default, or "zh-CN"),
//! read first by [`in_request_locale`] and kept for the duration of the call.

use crate::decode::{same_key, Node, Value};
use crate::error::{Error, ErrorCode};
use std::cell::Cell;
use std::fmt::{Display, Write};
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

/// A message key: a literal written as `key!("…")`, so that `tests/messages.rs` can
/// find every key the code uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub &'static str);

/// `key!("decode.expect.object")`: a [`Key`] to render later.
#[macro_export]
macro_rules! key {
    ($key:literal) => {
        $crate::messages::Key($key)
    };
}

/// `text!("decode.notInteger", x = 2.5)`: the template rendered in
/// the request's language with its named arguments.
#[macro_export]
macro_rules! text {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::render($crate::messages::Key($key), &[$((stringify!($name), &$value as &dyn ::core::fmt::Display)),*])
    };
}

thread_local! {
    static CURRENT: Cell<Locale> = const { Cell::new(Locale::En) };
}

/// The language of the request being answered on this thread.
pub fn locale() -> Locale {
    CURRENT.with(Cell::get)
}

/// Runs `answer` in the language `locale`, restoring the previous one after.
pub fn in_locale<T>(locale: Locale, answer: impl FnOnce() -> T) -> T {
    let previous = CURRENT.with(|c| c.replace(locale));
    let result = answer();
    CURRENT.with(|c| c.set(previous));
    result
}

/// Runs `answer` in the language of the request's `locale` field. An unknown locale is
/// an `unknown_locale` error at `locale`, in English (the only language both sides share).
pub fn in_request_locale<T>(request: &Value, answer: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
    let locale = request_locale(request)?;
    in_locale(locale, answer)
}

/// The `locale` field of a request object: "en" when absent (or null, or when the request
/// is not an object: its own decoder says so, in English).
pub fn request_locale(request: &Value) -> Result<Locale, Error> {
    match Node::root(request).object().ok().and_then(|fields| fields.get("locale")) {
        Some(node) => node.one_of(&Locale::ALL, ErrorCode::UnknownLocale),
        None => Ok(Locale::En),
    }
}

/// The templates: keys in order, each with its English and Chinese text.
struct Table {
    entries: Vec<(String, [String; 2])>,
    /// Open addressing by [`key_hash`]: index + 1 into `entries`, 0 for an empty slot.
    /// A binary search compared about nine long keys per text and was a third of a
    /// cart's time (issue 15); this compares one.
    slots: Vec<u16>,
}

/// FNV-1a of the key's bytes.
fn key_hash(key: &str) -> usize {
    key.bytes().fold(0x811c_9dc5u32, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)) as usize
}

static TABLE: OnceLock<Table> = OnceLock::new();

/// The templates file as shipped (`src/messages.js`).
#[cfg(not(target_arch = "wasm32"))]
pub const SOURCE: &str = include_str!("messages.js");

/// Reads the templates: the JSON object of `src/messages.js` (the wasm binding layer
/// calls this once with what the snippet's `messageTemplates()` returns). Installing
/// twice keeps the first.
pub fn install(json: &str) -> Result<(), Error> {
    if TABLE.get().is_some() {
        return Ok(());
    }
    let table = parse(json)?;
    let _ = TABLE.set(table);
    Ok(())
}

/// Whether the templates are there to render with.
pub fn installed() -> bool {
    TABLE.get().is_some()
}

fn table() -> Option<&'static Table> {
    #[cfg(not(target_arch = "wasm32"))]
    if TABLE.get().is_none() && !INSTALLING.with(Cell::get) {
        // The file is part of the crate: a parse failure is caught by the tests. While it
        // is being read, a parse error's own text has no template (no recursion).
        INSTALLING.with(|c| c.set(true));
        let _ = install(json_of(SOURCE));
        INSTALLING.with(|c| c.set(false));
    }
    TABLE.get()
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static INSTALLING: Cell<bool> = const { Cell::new(false) };
}

/// The JSON object between `String.raw\`` and the closing backtick of the file.
pub fn json_of(source: &str) -> &str {
    let after = source.split_once("String.raw`").map_or(source, |(_, rest)| rest);
    after.rsplit_once('`').map_or(after, |(json, _)| json)
}

fn parse(json: &str) -> Result<Table, Error> {
    let bad = || Error::new(ErrorCode::Internal, "", "the message templates cannot be read");
    // Parsed like the boundary's own text: no per-object key limit (a request's object
    // has at most 64 keys; this one has hundreds).
    let Value::Object(fields) = crate::json::parse(json, crate::json::Origin::JsBoundary)? else {
        return Err(bad());
    };
    let mut entries = Vec::with_capacity(fields.len());
    for (key, value) in fields {
        let Value::Array(texts) = value else { return Err(bad()) };
        let [Value::String(en), Value::String(zh)] = &texts[..] else { return Err(bad()) };
        entries.push((key, [en.clone(), zh.clone()]));
    }
    // Keys in strictly increasing order: a reader finds a text where the order says, and
    // no key is there twice. The slots below index them by hash.
    if entries.windows(2).any(|pair| pair[0].0 >= pair[1].0) || entries.len() >= usize::from(u16::MAX) {
        return Err(bad());
    }
    // At most half full, so that a probe ends soon at an empty slot.
    let mut slots = vec![0u16; (entries.len() * 2).next_power_of_two()];
    let mask = slots.len() - 1;
    for (index, (key, _)) in entries.iter().enumerate() {
        let mut slot = key_hash(key) & mask;
        while slots[slot] != 0 {
            slot = (slot + 1) & mask;
        }
        slots[slot] = index as u16 + 1;
    }
    Ok(Table { entries, slots })
}

/// The template of `key` in `locale`, if there is one.
pub fn template(key: &str, locale: Locale) -> Option<&'static str> {
    let table = table()?;
    let mask = table.slots.len() - 1;
    let mut slot = key_hash(key) & mask;
    loop {
        let (k, texts) = table.entries.get(usize::from(*table.slots.get(slot)?).checked_sub(1)?)?;
        if same_key(k, key) {
            return Some(&texts[locale as usize]);
        }
        slot = (slot + 1) & mask;
    }
}

/// Every key of the templates, with both texts (for tests and the catalog's rules).
pub fn all() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    table().into_iter().flat_map(|t| t.entries.iter().map(|(k, [en, zh])| (k.as_str(), en.as_str(), zh.as_str())))
}

/// The text of `key` in the request's language, its `{name}`s replaced by `args`.
pub fn render(key: Key, args: &[(&str, &dyn Display)]) -> String {
    render_in(locale(), key, args)
}

/// [`render`] in a given language.
pub fn render_in(locale: Locale, key: Key, args: &[(&str, &dyn Display)]) -> String {
    let Some(template) = template(key.0, locale) else {
        // tests/messages.rs makes this unreachable for every key in the code; the key
        // itself is shown rather than another language's text.
        debug_assert!(false, "no template for {}", key.0);
        return format!("[{}]", key.0);
    };
    let mut out = String::with_capacity(template.len() + 16);
    // Braces and bars are ASCII, so their byte positions are char boundaries. `get`
    // rather than slicing: no slice-bounds panic machinery is linked into the module, and
    // a byte scan rather than split_once's char searcher (issue 15: a tenth of a cart).
    let find = |text: &str, byte: u8| text.bytes().position(|b| b == byte);
    let split = |text: &'static str, byte: u8| {
        find(text, byte).map(|at| (text.get(..at).unwrap_or_default(), text.get(at + 1..).unwrap_or_default()))
    };
    let mut rest = template;
    while let Some(open) = find(rest, b'{') {
        out.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 1..).unwrap_or_default();
        rest = after;
        if !after.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
            // "{ balance, coupons? }": a brace followed by a space is text, not an argument.
            out.push('{');
            continue;
        }
        let Some(close) = find(after, b'}') else {
            out.push('{');
            break;
        };
        let placeholder = after.get(..close).unwrap_or_default();
        rest = after.get(close + 1..).unwrap_or_default();
        // `{name}`, or `{n|one|other}` for English plurals.
        let (name, plural) = match split(placeholder, b'|') {
            Some((name, forms)) => (name, split(forms, b'|')),
            None => (placeholder, None),
        };
        match args.iter().find(|(n, _)| same_key(n, name)) {
            Some((_, value)) => {
                let start = out.len();
                let _ = write!(out, "{value}");
                if let Some((one, other)) = plural {
                    let is_one = out.get(start..) == Some("1");
                    out.push(' ');
                    out.push_str(if is_one { one } else { other });
                }
            }
            None => {
                debug_assert!(false, "{} has no argument {name}", key.0);
                out.push('{');
                out.push_str(placeholder);
                out.push('}');
            }
        }
    }
    out.push_str(rest);
    out
}

/// A [`Key`] rendered in the request's language (for texts passed around as keys).
impl Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&render(*self, &[]))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_shipped_templates_parse() {
        super::parse(super::json_of(super::SOURCE)).unwrap();
    }
}
