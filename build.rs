//! Numbers the message templates (issue 16, size). Every `text!("key")` and `key!("key")`
//! becomes the key's position in `src/messages.js`, found at compile time: the module carries
//! no key strings and no lookup table, a key without a template is a compile error, and the
//! templates file, which ships beside the `.wasm`, is checked once against [`KEYS_HASH`].

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
    out.push_str("];\n/// FNV-1a of the keys, each followed by a NUL: the shipped file must have these keys.\n");
    writeln!(out, "pub const KEYS_HASH: u32 = {:#x};", keys_hash(keys.iter().copied())).unwrap();
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("message_keys.rs");
    std::fs::write(path, out).unwrap();
}

/// The same function as `messages::keys_hash`.
fn keys_hash<'a>(keys: impl Iterator<Item = &'a str>) -> u32 {
    keys.flat_map(|key| key.bytes().chain([0])).fold(0x811c_9dc5u32, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193))
}
