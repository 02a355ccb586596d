//! The core's layers (issue 30): each module of `src/` sits in one layer of [`LAYERS`], and
//! may use only modules of lower layers: no arrow up, none sideways between modules of one
//! layer, so no import circle can form. This test reads every `src/**/*.rs`, finds each
//! `crate::…` and `super::…` path and each `text!`/`key!` (which use `messages`), and fails
//! on any that breaks the order. A new module needs a row here.

use std::path::Path;

/// Lowest first. A module is a path under `src/` (`products::iot` covers `products/iot/*`);
/// a file belongs to the longest row that is a prefix of its module path.
const LAYERS: &[&[&str]] = &[
    // Leaves: digits, decimals written and read, closest names; sites and their currencies.
    &["text", "site"],
    // Texts for a person; answers written as JSON text.
    &["messages", "json_write"],
    &["error"],
    // The request: the `Value` tree and the JSON reader; then its readers, with the request's context.
    &["json"],
    &["decode"],
    &["time", "money"],
    &["policy", "rules"],
    // The vocabulary of a bill: lines, warnings, quoted items, limits.
    &["bill"],
    &["catalog"],
    // One module per product: decoding and rating.
    &["products::cloud_phone", "products::ecs", "products::iot", "products::network"],
    // The answers: the quote envelope, comparisons, and what a lifecycle answers.
    &["quote", "compare", "lifecycle::answer"],
    // Lifecycles (issues 30, 31): the one interface the engine calls, and the state every
    // resource has; a subscription's term; each product's rules; the requests read into
    // a setup; the engine, which calls the products and never the other way; the
    // answers it is shaped into (and the step-by-step reference of the tests).
    &["lifecycle::product"],
    &["lifecycle::subscription"],
    &["lifecycle::cloud_phone", "lifecycle::ecs", "lifecycle::iot"],
    &["lifecycle::request"],
    &["lifecycle::account_request"],
    &["lifecycle::engine"],
    &["lifecycle::account"],
    &["lifecycle::stepwise"],
    &["lifecycle"],
    // Terraform plans (issue 33), on top of quote.
    &["plan"],
    // The crate root and module lists: they only declare modules and re-export.
    &["", "products"],
];

/// The row and layer of a module path (`products::iot::fleet` -> `products::iot`).
fn layer_of(module: &str) -> Option<(&'static str, usize)> {
    LAYERS
        .iter()
        .enumerate()
        .flat_map(|(layer, rows)| rows.iter().map(move |row| (*row, layer)))
        .filter(|(row, _)| row.is_empty() || module == *row || module.starts_with(&format!("{row}::")))
        .max_by_key(|(row, _)| row.len())
}

/// `src/products/iot/fleet.rs` -> `products::iot::fleet`; `src/lib.rs` -> ``.
fn module_of(relative: &Path) -> String {
    let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let file = parts.pop().unwrap();
    match file.as_str() {
        "lib.rs" | "mod.rs" => {}
        other => parts.push(other.trim_end_matches(".rs").to_string()),
    }
    parts.join("::")
}

/// The code of `source` with comments, strings and character literals blanked out (their
/// line breaks kept), so that paths and braces in them are not read as code.
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let rest = &chars[i..];
        if rest.starts_with(&['/', '/']) {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if rest.starts_with(&['/', '*']) {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i..].starts_with(&['/', '*']) {
                    depth += 1;
                    i += 2;
                } else if chars[i..].starts_with(&['*', '/']) {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if rest[0] == 'r' && rest.get(1).is_some_and(|c| *c == '#' || *c == '"') && (i == 0 || !chars[i - 1].is_alphanumeric()) {
            // A raw string: r"…", r#"…"#, ...
            let hashes = rest[1..].iter().take_while(|c| **c == '#').count();
            if rest.get(1 + hashes) != Some(&'"') {
                out.push(rest[0]);
                i += 1;
                continue;
            }
            i += 2 + hashes;
            let close: Vec<char> = std::iter::once('"').chain(std::iter::repeat('#').take(hashes)).collect();
            while i < chars.len() && !chars[i..].starts_with(&close) {
                out.push(blank(chars[i]));
                i += 1;
            }
            i += close.len();
            out.push_str("\"\"");
        } else if rest[0] == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                out.push(blank(chars[i]));
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if rest[0] == '\'' && (rest.get(2) == Some(&'\'') || (rest.get(1) == Some(&'\\'))) {
            // A character literal ('{', '\n', '\u{8}'); a lifetime ('a) has no closing quote.
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(rest[0]);
            i += 1;
        }
    }
    out
}

/// The paths a `use` or an expression names from `at` on: `a::b` gives `a::b`,
/// `a::{b, c::{d, e}}` gives `a::b`, `a::c::d` and `a::c::e`. Each leading `super::`
/// climbs one module from `prefix` (`super::x` under `lifecycle::stepwise` gives
/// `lifecycle::x`), so a reach upward written `super::super::x` is seen for what it is.
fn paths_at(code: &str, prefix: &str) -> Vec<String> {
    let (mut code, mut prefix) = (code, prefix);
    while let Some(rest) = code.strip_prefix("super::") {
        code = rest;
        prefix = prefix.rsplit_once("::").map_or("", |(parent, _)| parent);
    }
    let segment: String = code.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
    let rest = &code[segment.len()..];
    let joined = |tail: &str| if prefix.is_empty() { tail.to_string() } else if tail.is_empty() { prefix.to_string() } else { format!("{prefix}::{tail}") };
    if !((segment.is_empty() || segment.ends_with("::")) && rest.trim_start().starts_with('{')) {
        return vec![joined(segment.trim_end_matches(':'))];
    }
    // A group: split its items at the top-level commas.
    let base = joined(segment.trim_end_matches(':'));
    let group = &rest.trim_start()[1..];
    let (mut depth, mut start, mut items) = (0usize, 0usize, Vec::new());
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[start..i]);
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.iter().map(|item| item.trim()).filter(|item| !item.is_empty()).flat_map(|item| paths_at(item, &base)).collect()
}

/// The modules a file's code uses, each with its line: `crate::a::b` paths, `super::`
/// paths (from an inline `mod` of the file, `super` is the file's own module; each
/// further `super::` climbs one more), and the `text!`/`key!` macros (`messages`).
fn uses(module: &str, code: &str) -> Vec<(usize, String)> {
    let parent = module.rsplit_once("::").map_or("", |(parent, _)| parent);
    // The byte ranges of inline `mod name { … }` blocks, where `super` is this file's module.
    let mut inline_mods: Vec<(usize, usize)> = Vec::new();
    let mut open: Vec<(usize, bool)> = Vec::new();
    let mut line_start = 0;
    for (at, c) in code.char_indices() {
        match c {
            '\n' => line_start = at + 1,
            '{' => {
                let words: Vec<&str> = code[line_start..at].split_whitespace().collect();
                open.push((at, matches!(words.as_slice(), ["mod", _] | ["pub", "mod", _])));
            }
            '}' => {
                if let Some((start, true)) = open.pop() {
                    inline_mods.push((start, at));
                }
            }
            _ => {}
        }
    }
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    let is_word_start = |at: usize| at == 0 || !code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':' || c == '$');
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::").filter(|(at, _)| is_word_start(*at)) {
        let after = &code[at + "crate::".len()..];
        let name_len = after.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').count();
        if after[name_len..].starts_with('!') {
            found.push((line_of(at), "messages".to_string()));
            continue;
        }
        found.extend(paths_at(after, "").into_iter().map(|path| (line_of(at), path)));
    }
    for (at, _) in code.match_indices("super::").filter(|(at, _)| is_word_start(*at)) {
        let base = if inline_mods.iter().any(|(start, end)| (*start..*end).contains(&at)) { module } else { parent };
        found.extend(paths_at(&code[at + "super::".len()..], base).into_iter().map(|path| (line_of(at), path)));
    }
    for mac in ["text!(", "key!("] {
        for (at, _) in code.match_indices(mac).filter(|(at, _)| is_word_start(*at)) {
            found.push((line_of(at), "messages".to_string()));
        }
    }
    found.sort();
    found
}

fn rust_files(dir: &Path, into: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

#[test]
fn every_module_uses_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let module = module_of(relative);
        let Some((row, layer)) = layer_of(&module) else {
            problems.push(format!("src/{}: module `{module}` has no row in LAYERS (tests/layers.rs)", relative.display()));
            continue;
        };
        let code = code_only(&std::fs::read_to_string(file).unwrap());
        for (line, used) in uses(&module, &code) {
            checked += 1;
            // `crate::Name` where Name is no module: an item the crate root re-exports, which
            // would hide which layer it comes from.
            let Some((used_row, used_layer)) = layer_of(&used).filter(|(r, _)| !r.is_empty() || used.is_empty()) else {
                problems.push(format!("src/{}:{line}: `{used}` is not a module path of the crate; name the module", relative.display()));
                continue;
            };
            if used_row == row {
                continue;
            }
            if used_layer >= layer {
                let way = if used_layer == layer { "sideways to" } else { "up to" };
                problems.push(format!(
                    "src/{}:{line}: `{row}` (layer {layer}) uses `{used}`, {way} `{used_row}` (layer {used_layer})",
                    relative.display()
                ));
            }
        }
    }
    assert!(checked > 300, "only {checked} uses found: is the reader broken?");
    assert!(problems.is_empty(), "{} imports break the layers of tests/layers.rs:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_reader_finds_what_it_must() {
    // Worked by hand: a file of `lifecycle::engine` with a comment, a string, a char and a
    // test module.
    let code = code_only(
        "use super::answer::State; // crate::quote in a comment\n\
         use crate::bill::Line;\n\
         let s = \"crate::quote in a string\"; let c = '{';\n\
         fn f<'a>(x: &'a str) { text!(x, \"k\") }\n\
         #[cfg(test)]\n\
         mod tests {\n\
             use super::Sim;\n\
         }\n\
         use super::request::Plan;\n\
         mod tests {\n\
             fn g() { super::super::engine::run(); super::super::super::plan::x(); }\n\
         }\n",
    );
    let found = uses("lifecycle::engine", &code);
    let found: Vec<(usize, &str)> = found.iter().map(|(line, used)| (*line, used.as_str())).collect();
    assert_eq!(
        found,
        [(1, "lifecycle::answer::State"), (2, "bill::Line"), (4, "messages"), (7, "lifecycle::engine::Sim"), (9, "lifecycle::request::Plan"), (11, "lifecycle::engine::run"), (11, "plan::x")]
    );
    let grouped = code_only("use crate::{bill::{limits, Line}, decode::Node};\nuse super::{answer, request::Kind};\n");
    let found = uses("lifecycle::engine", &grouped);
    let found: Vec<(usize, &str)> = found.iter().map(|(line, used)| (*line, used.as_str())).collect();
    assert_eq!(found, [(1, "bill::Line"), (1, "bill::limits"), (1, "decode::Node"), (2, "lifecycle::answer"), (2, "lifecycle::request::Kind")]);
    // From the file of `products::iot::fleet`, `super` is `products::iot`, `super::super`
    // is `products` and `super::super::super` the crate: a reach sideways to
    // `products::ecs` and one up from layer 9 to `quote` (layer 10).
    let up = code_only("use super::super::ecs::Spec;\nfn f() { super::super::super::quote::quote_item(); }\n");
    let found = uses("products::iot::fleet", &up);
    assert_eq!(found, [(1, "products::ecs::Spec".to_string()), (2, "quote::quote_item".to_string())]);
    assert_eq!(layer_of("products::iot::fleet"), Some(("products::iot", 9)));
    assert_eq!(layer_of("lifecycle::answer"), Some(("lifecycle::answer", 10)));
    assert_eq!(layer_of("lifecycle::engine"), Some(("lifecycle::engine", 16)));
    assert_eq!(layer_of("lifecycle"), Some(("lifecycle", 19)));
    assert_eq!(module_of(Path::new("products/iot/mod.rs")), "products::iot");
}
