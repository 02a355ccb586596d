//! Answers as JSON text: a small `serde::Serializer` that writes what `serde_json`'s compact
//! writer writes, byte for byte (`tests/golden.rs` compares the two on every corpus answer).
//!
//! Why not serde_json (issue 16, size): its writer inlined key escaping and separators into
//! every field of every answer type, 26 KB of the module's code. Here each field is one call
//! to a shared, non-generic step (`Writer::key`) and one to the value's own `serialize`.
//! The answers hold strings, whole numbers, booleans, nulls, lists and objects with string
//! keys: no floats (amounts are decimal strings), no byte strings, no number keys. Those
//! are refused with [`Unwritable`] rather than written differently from serde_json.

use serde::ser::{self, Serialize};
use std::fmt;

/// The JSON text of an answer.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Unwritable> {
    let mut writer = Writer { out: String::with_capacity(256), first: true };
    value.serialize(&mut writer)?;
    Ok(writer.out)
}

/// A value that JSON text of an answer does not hold (a float, bytes, a number as a key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unwritable;

impl fmt::Display for Unwritable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value JSON text of an answer does not hold")
    }
}

impl std::error::Error for Unwritable {}

impl ser::Error for Unwritable {
    // The message is dropped on purpose: formatting it links serde's messages into the module.
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unwritable
    }
}

/// The JSON text being written, and where the next comma goes.
pub struct Writer {
    out: String,
    /// No element or field written yet in the innermost open list or object.
    first: bool,
}

impl Writer {
    /// A comma before every element but the first.
    #[inline(never)]
    fn separate(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
    }

    #[inline(never)]
    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.first = true;
    }

    /// Closing a list or object ends an element of the one around it (so `first` is false).
    #[inline(never)]
    fn close(&mut self, bracket: char) {
        self.out.push(bracket);
        self.first = false;
    }

    /// `,"key":` (the comma unless first).
    #[inline(never)]
    fn key(&mut self, key: &str) {
        self.separate();
        self.string(key);
        self.out.push(':');
    }

    /// A JSON string, escaped as serde_json escapes: `"` and `\`, the short escapes
    /// `\b \f \n \r \t`, other control characters as `\u00xx`; everything else verbatim,
    /// copied in runs (a 1,000-item cart's answer is 768 KB of text).
    #[inline(never)]
    fn string(&mut self, text: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.out.push('"');
        let mut run_start = 0;
        for (at, &byte) in text.as_bytes().iter().enumerate() {
            let short = match byte {
                b'"' => '"',
                b'\\' => '\\',
                0x08 => 'b',
                0x0c => 'f',
                b'\n' => 'n',
                b'\r' => 'r',
                b'\t' => 't',
                0..=0x1f => 'u',
                _ => continue,
            };
            // Escaped bytes are ASCII, so `at` is a char boundary; `get` rather than
            // slicing links no slice-error printing (ARCHITECTURE.md, size).
            self.out.push_str(text.get(run_start..at).unwrap_or_default());
            run_start = at + 1;
            self.out.push('\\');
            self.out.push(short);
            if short == 'u' {
                self.out.push_str("00");
                self.out.push(char::from(HEX[usize::from(byte >> 4)]));
                self.out.push(char::from(HEX[usize::from(byte & 0xf)]));
            }
        }
        self.out.push_str(text.get(run_start..).unwrap_or_default());
        self.out.push('"');
    }

    fn unsigned(&mut self, n: u64) {
        crate::text::push_decimal(&mut self.out, n);
    }

    #[inline(never)]
    fn signed(&mut self, n: i64) {
        if n < 0 {
            self.out.push('-');
        }
        self.unsigned(n.unsigned_abs());
    }
}

impl ser::Serializer for &mut Writer {
    type Ok = ();
    type Error = Unwritable;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Result<(), Unwritable> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Unwritable> {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Unwritable> {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Unwritable> {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unwritable> {
        self.signed(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Unwritable> {
        self.unsigned(v.into());
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Unwritable> {
        self.unsigned(v.into());
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Unwritable> {
        self.unsigned(v.into());
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unwritable> {
        self.unsigned(v);
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_f64(self, _: f64) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_char(self, v: char) -> Result<(), Unwritable> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Unwritable> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_none(self) -> Result<(), Unwritable> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unwritable> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unwritable> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unwritable> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Unwritable> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Unwritable> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, variant: &'static str, value: &T) -> Result<(), Unwritable> {
        self.open('{');
        self.key(variant);
        value.serialize(&mut *self)?;
        self.close('}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Unwritable> {
        self.open('[');
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Unwritable> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Unwritable> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Self, Unwritable> {
        self.open('{');
        self.key(variant);
        self.serialize_seq(None)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Unwritable> {
        self.open('{');
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Unwritable> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Self, Unwritable> {
        self.open('{');
        self.key(variant);
        self.serialize_map(None)
    }
}

impl ser::SerializeSeq for &mut Writer {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.separate();
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Unwritable> {
        self.close(']');
        Ok(())
    }
}

impl ser::SerializeTuple for &mut Writer {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Unwritable> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for &mut Writer {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Unwritable> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for &mut Writer {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Unwritable> {
        self.close(']');
        self.close('}');
        Ok(())
    }
}

impl ser::SerializeMap for &mut Writer {
    type Ok = ();
    type Error = Unwritable;
    /// Keys are strings in every answer; a key that serializes as anything else would
    /// not be JSON, so only strings are taken (`KeyWriter`).
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unwritable> {
        key.serialize(KeyWriter(self))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Unwritable> {
        self.close('}');
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Writer {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Unwritable> {
        self.key(key);
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Unwritable> {
        self.close('}');
        Ok(())
    }
}

impl ser::SerializeStructVariant for &mut Writer {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Unwritable> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<(), Unwritable> {
        self.close('}');
        self.close('}');
        Ok(())
    }
}

/// A map key: a string, written as `,"key":`; anything else is [`Unwritable`].
struct KeyWriter<'w>(&'w mut Writer);

impl<'w> ser::Serializer for KeyWriter<'w> {
    type Ok = ();
    type Error = Unwritable;
    type SerializeSeq = ser::Impossible<(), Unwritable>;
    type SerializeTuple = ser::Impossible<(), Unwritable>;
    type SerializeTupleStruct = ser::Impossible<(), Unwritable>;
    type SerializeTupleVariant = ser::Impossible<(), Unwritable>;
    type SerializeMap = ser::Impossible<(), Unwritable>;
    type SerializeStruct = ser::Impossible<(), Unwritable>;
    type SerializeStructVariant = ser::Impossible<(), Unwritable>;

    fn serialize_str(self, v: &str) -> Result<(), Unwritable> {
        self.0.key(v);
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Unwritable> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Unwritable> {
        value.serialize(self)
    }
    fn serialize_bool(self, _: bool) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_i8(self, _: i8) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_i16(self, _: i16) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_i32(self, _: i32) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_i64(self, _: i64) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_u8(self, _: u8) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_u16(self, _: u16) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_u32(self, _: u32) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_u64(self, _: u64) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_f32(self, _: f32) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_f64(self, _: f64) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_char(self, _: char) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_none(self) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_unit(self) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Unwritable> {
        Err(Unwritable)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unwritable> {
        Err(Unwritable)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Unwritable> {
        Err(Unwritable)
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeTupleVariant, Unwritable> {
        Err(Unwritable)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unwritable> {
        Err(Unwritable)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Unwritable> {
        Err(Unwritable)
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeStructVariant, Unwritable> {
        Err(Unwritable)
    }
}

#[cfg(test)]
mod tests {
    use super::to_string;
    use std::collections::BTreeMap;

    #[test]
    fn writes_what_serde_json_writes() {
        // Escapes worked from RFC 8259 and serde_json's choices: the short forms for
        // \b \f \n \r \t, lowercase \u00xx for the other controls, DEL and non-ASCII verbatim.
        let text = "a\"b\\c\u{8}\u{c}\n\r\t\u{1}\u{1f}\u{7f}é元";
        assert_eq!(to_string(text).unwrap(), "\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001f\u{7f}é元\"");
        assert_eq!(to_string(text).unwrap(), serde_json::to_string(text).unwrap());
        assert_eq!(to_string(&(u64::MAX, i64::MIN, 0u8, -7i32)).unwrap(), "[18446744073709551615,-9223372036854775808,0,-7]");
        let mut map = BTreeMap::new();
        map.insert("b", vec![Some(true), None]);
        map.insert("a", vec![]);
        assert_eq!(to_string(&map).unwrap(), r#"{"a":[],"b":[true,null]}"#);
        assert_eq!(to_string(&map).unwrap(), serde_json::to_string(&map).unwrap());
    }

    #[test]
    fn refuses_what_an_answer_never_holds() {
        assert!(to_string(&1.5f64).is_err());
        let mut map = BTreeMap::new();
        map.insert(1u32, "number key");
        assert!(to_string(&map).is_err());
    }
}
