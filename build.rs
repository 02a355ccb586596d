//! Numbers the message templates (issue 16, size). Every `text!("key")` and `key!("key")`
//! becomes the key's position in `src/messages.js`, found at compile time: the module carries
//! no key strings and no lookup table, a key without a template is a compile error, and the
//! templates file, which ships beside the `.wasm`, is checked once against a hash of these keys
//! (`messages::KEYS_HASH`, computed from `KEYS` at compile time).

use std::fmt::Write;

fn main() {
    println!("cargo:rerun-if-changed=src/messages.js");
    let source = std::fs::read_to_string("src/messages.js").expect("src/messages.js");
    // One template per line, each line starting with its key: `"cp.line.x": ["…", "…"],`.
    let keys: Vec<&str> = source
        .lines()
        .filter_map(|line| line.strip_prefix('"'))
        .map(|rest| rest.split_once('"').expect("a key closed by a quote").0)
        .collect();
    // A key is a u16 position (messages::Key).
    assert!(keys.len() <= usize::from(u16::MAX), "src/messages.js: {} templates, at most {}", keys.len(), u16::MAX);
    for pair in keys.windows(2) {
        // Byte order lets the compile-time lookup search by halves, and shows a key twice.
        assert!(pair[0] < pair[1], "src/messages.js: {:?} must come before {:?}, once", pair[1], pair[0]);
    }
    let mut out = String::from("/// Every key of `src/messages.js`, in the file's order (written by build.rs).\n");
    writeln!(out, "pub const KEYS: [&str; {}] = [", keys.len()).unwrap();
    for key in &keys {
        assert!(key.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b)), "key {key:?}");
        writeln!(out, "    {key:?},").unwrap();
    }
    out.push_str("];\n");
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("message_keys.rs");
    std::fs::write(path, out).unwrap();
}

