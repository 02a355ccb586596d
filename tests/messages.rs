//! The message templates (src/messages.js, issue 16): every key the code uses has both
//! languages, the languages and the call sites agree on the arguments, and no template is
//! left unused. Nothing may fall back silently, so each of these is a failure.

use alicloud_cost::messages::{all, render, Locale};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The argument names of a template: `{name}` and `{name|one|other}`; a brace followed by
/// anything but a letter is text.
fn arguments(template: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let close = rest.find('}').expect("an unclosed argument");
            names.insert(rest[..close].split('|').next().unwrap().to_string());
        }
    }
    names
}

fn sources(dir: &Path, into: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
        }
    }
}

/// Every `key!("…")` and `text!(locale, "…", name = …)` of the core and of the binding
/// crate: the key, and for `text!` the argument names it passes.
fn uses() -> Vec<(String, String, Option<BTreeSet<String>>)> {
    let mut files = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    sources(&root.join("src"), &mut files);
    sources(&root.join("wasm/src"), &mut files);
    let mut found = Vec::new();
    for (file, text) in &files {
        for (macro_name, with_args) in [("key!(", false), ("text!(", true)] {
            let mut rest = text.as_str();
            while let Some(at) = rest.find(macro_name) {
                rest = &rest[at + macro_name.len()..];
                // The key is the call's first string literal: right after `key!(`, and after
                // the locale (a plain path: `self`, `ctx`, `Locale::En`) in `text!`. Anything
                // else is not a call with a key (the macros' own definitions).
                let Some(quote) = rest.find('"') else { break };
                let before_key = &rest[..quote];
                let plain = if with_args { !before_key.contains(['(', ')', '$', '{', ';', '"']) } else { before_key.is_empty() };
                if !plain {
                    continue;
                }
                let body_start = &rest[quote + 1..];
                let key_end = body_start.find('"').unwrap();
                let key = &body_start[..key_end];
                if key == "…" || key.contains(' ') {
                    continue; // the doc comments' examples
                }
                // The call's text up to its closing parenthesis (arguments hold no strings
                // with parentheses in this crate).
                let mut depth = 1;
                let call: String = body_start[key_end + 1..]
                    .chars()
                    .take_while(|&c| {
                        depth += match c {
                            '(' => 1,
                            ')' => -1,
                            _ => 0,
                        };
                        depth > 0
                    })
                    .collect();
                let args = with_args.then(|| {
                    call.split(',')
                        .filter_map(|part| part.split_once(" = ").map(|(name, _)| name.trim().to_string()))
                        .filter(|name| name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && !name.is_empty())
                        .collect()
                });
                found.push((file.clone(), key.to_string(), args));
            }
        }
    }
    found
}

#[test]
fn every_template_has_both_languages_with_the_same_arguments() {
    let templates: Vec<_> = all().collect();
    assert!(templates.len() > 300, "only {} templates", templates.len());
    for (key, en, zh) in &templates {
        assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "{key} is empty in a language");
        assert_eq!(arguments(en), arguments(zh), "{key}: English and Chinese name different arguments");
        for text in [en, zh] {
            assert!(!text.contains('`') && !text.contains("${"), "{key}: a backtick or ${{ breaks src/messages.js");
        }
    }
    // Chinese that is the English unchanged is a missing translation, except for names
    // that are the same in both (MQTT packets, EIP, JSON punctuation).
    let same: Vec<&str> = templates.iter().filter(|(_, en, zh)| en == zh).map(|(k, _, _)| *k).collect();
    let allowed = |k: &str| {
        // MQTT packets and the protocols devices connect over keep their names in Chinese too.
        k.starts_with("iot.category.")
            || matches!(k, "connection.coap" | "connection.http" | "connection.mqtt")
            || matches!(k, "decode.type.null" | "cpLife.eip" | "json.expect.colon" | "expect.ecsUsage" | "expect.monthsUsage")
    };
    let untranslated: Vec<&&str> = same.iter().filter(|k| !allowed(k)).collect();
    assert!(untranslated.is_empty(), "not translated: {untranslated:?}");
}

#[test]
fn every_key_in_the_code_has_a_template_and_every_template_is_used() {
    let templates: BTreeMap<&str, (&str, &str)> = all().map(|(k, en, zh)| (k, (en, zh))).collect();
    let uses = uses();
    assert!(uses.len() > 300, "found only {} uses", uses.len());
    let mut problems = Vec::new();
    for (file, key, args) in &uses {
        match templates.get(key.as_str()) {
            None => problems.push(format!("{file}: {key} has no template")),
            Some((en, _)) => {
                if let Some(args) = args {
                    if *args != arguments(en) {
                        problems.push(format!("{file}: {key} is given {args:?} but its template names {:?}", arguments(en)));
                    }
                }
            }
        }
    }
    let used: BTreeSet<&str> = uses.iter().map(|(_, k, _)| k.as_str()).collect();
    for key in templates.keys() {
        // Rule texts are looked up by the rule's ID (catalog().rules).
        if !used.contains(key) && !key.starts_with("rule.") {
            problems.push(format!("{key} is not used by the code"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn english_plurals_and_literal_braces_render() {
    // Worked by hand from the templates' syntax: {n|one|other} and "{ " as text.
    let key = alicloud_cost::key!("cp.formula.subscription");
    let names = ["phones", "months", "price"];
    let values: [&dyn alicloud_cost::messages::Arg; 3] = [&1, &12, &"USD 9.9057"];
    assert_eq!(render(Locale::En, key, &names, &values), "1 phone x 12 months x USD 9.9057/month");
    assert_eq!(render(Locale::ZhCn, key, &names, &values), "1 台 x 12 个月 x USD 9.9057/月");
    assert_eq!(render(Locale::En, alicloud_cost::key!("expect.monthsUsage"), &[], &[]), "{ months }");
}

#[test]
fn every_rule_of_rules_md_is_explained_in_both_languages_with_its_document() {
    use alicloud_cost::catalog::catalog_for;
    use alicloud_cost::decode::Value;
    let rules_md = include_str!("../RULES.md");
    let ids: BTreeSet<String> = rules_md
        .lines()
        .filter_map(|line| line.strip_prefix("| "))
        .filter_map(|rest| rest.split(" |").next())
        .filter(|id| id.split_once('-').is_some_and(|(p, n)| ["CP", "IOT", "ECS", "SITE"].contains(&p) && n.parse::<u32>().is_ok()))
        .map(str::to_string)
        .collect();
    assert_eq!(ids.len(), 63, "RULES.md's rule IDs: {ids:?}");
    // Every rule RULES.md specifies is computed and explained for customers.
    let en = catalog_for(&Value::Null).unwrap().rules;
    let zh = catalog_for(&Value::from_json_str(r#"{"locale": "zh-CN"}"#).unwrap()).unwrap().rules;
    let explained: BTreeSet<String> = en.iter().map(|r| r.id.to_string()).collect();
    assert_eq!(explained, ids);
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for (e, z) in en.iter().zip(&zh) {
        assert_eq!(e.id, z.id);
        assert!(!cjk(&e.text) && !cjk(&e.source), "{}: English with Chinese in it", e.id);
        assert!(cjk(&z.text) && cjk(&z.source), "{}: not Chinese", z.id);
        // No specification notes for customers (issue 16): RULES.md's "Choice:" and
        // "Model ... and say so" stay in RULES.md.
        assert!(!e.text.contains("Choice") && !e.text.contains("Model "), "{}: {}", e.id, e.text);
    }
    // CP-3 for a customer, checked by hand against seed 003: the 4-hour period, 5 h as 8.
    assert_eq!(zh[2].text, "按量付费从实例组创建起计费，到您释放它时所在的 4 小时计费周期结束为止：5 小时按 8 小时计费。");
}

#[test]
fn a_locale_other_than_en_and_zh_cn_is_an_error_at_locale_in_every_function() {
    use alicloud_cost::decode::Value;
    let quote = Value::from_json_str(r#"{"locale": "fr", "items": []}"#).unwrap();
    let error = alicloud_cost::quote(&quote).unwrap_err();
    assert_eq!((error.code.as_str(), error.path.as_str()), ("unknown_locale", "locale"));
    assert!(error.message.contains("\"en\", \"zh-CN\""), "{}", error.message);
    let options = Value::from_json_str(r#"{"locale": "zh"}"#).unwrap();
    let error = alicloud_cost::catalog::catalog_for(&options).unwrap_err();
    assert_eq!((error.code.as_str(), error.path.as_str()), ("unknown_locale", "locale"));
    // The options' other errors are in their own language, as a request's are.
    let options = Value::from_json_str(r#"{"locale": "zh-CN", "lang": "en"}"#).unwrap();
    let error = alicloud_cost::catalog::catalog_for(&options).unwrap_err();
    assert_eq!((error.code.as_str(), error.path.as_str()), ("unknown_field", "lang"));
    assert_eq!(error.message, "未知字段 \"lang\"（可用字段：\"locale\", \"site\"）");
    let lifecycle = Value::from_json_str(r#"{"locale": 1}"#).unwrap();
    assert_eq!(alicloud_cost::simulate_lifecycle(&lifecycle).unwrap_err().code.as_str(), "invalid_type");
}

#[test]
fn chinese_spaces_a_latin_or_number_run_and_never_a_particle_after_a_duration() {
    // The zh templates' convention (most of them already): a space between a Latin/number
    // run and Chinese ("{count} 个", "ECS 实例"), none inside an Alibaba term written
    // without one (公网NAT网关, 固定公网IP), none before a particle after a duration
    // ("{after}后": "4 天后", never "4 天 后").
    for (key, _, zh) in all() {
        // {rate} ("每小时 USD 0.05") and {at} (" 08:00 UTC+8 ") end in a Latin/number run.
        for run in ["{rate}", "{hour}:00 UTC+8"] {
            if let Some(at) = zh.find(run) {
                let next = zh[at + run.len()..].chars().next();
                assert!(!next.is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{key}: {run} right before a Chinese character: {zh}");
            }
        }
        assert!(!zh.contains("} 后"), "{key}: a space before 后: {zh}");
        assert!(!zh.replace("公网NAT网关", "").contains("NAT网关"), "{key}: NAT 网关 (TERMS-zh.md) is written with a space: {zh}");
    }
    // Rendered: "按每小时 USD 0.05 可用 4 天", "计费 4 天后".
    let rate = render(Locale::ZhCn, alicloud_cost::key!("rate.perHour"), &["amount"], &[&"USD 0.05"]);
    let runway = render(Locale::ZhCn, alicloud_cost::key!("lifecycle.runway"), &["credit", "rate", "lasts", "until"], &[&"USD 4.80", &rate, &"4 天", &"2026年12月5日"]);
    assert_eq!(runway, "可用额度 USD 4.80 按每小时 USD 0.05 可用 4 天：到 2026年12月5日 为止");
    let ran_out = render(Locale::ZhCn, alicloud_cost::key!("lifecycle.creditRanOut"), &["rate", "after", "at"], &[&rate, &"4 天", &"2026年12月5日"]);
    assert_eq!(ran_out, "按每小时 USD 0.05 计费 4 天后，可用额度于 2026年12月5日 用完");
}
