//! Writing results: how money, fixed-place decimals and dates serialize, and the compact form
//! of long row lists.
//!
//! Result types derive `Serialize`. Money is a string of yuan with 2 decimals (`"5307.27"`), a
//! rate or ratio a string with the places its field documents ([`fixed`]), a date `YYYY-MM-DD`.
//!
//! ## Long row lists
//! A schedule has hundreds of rows; building them as JS objects one `Reflect.set` at a time
//! (serde-wasm-bindgen) costs several times the arithmetic. A field holding rows is marked
//! `#[serde(serialize_with = "ser::table")]`. Serialized normally (serde_json, any Rust
//! serializer) it is the usual array. When the wasm boundary turns [`detach_tables`] on, it is
//! written instead in the compact text form below and replaced in the result by a placeholder
//! object `{"\u0000": n}`; the boundary's JS then builds the rows from the text. The form is
//! generic (driven by whatever the row types serialize), so a new row field needs no change
//! here or in JS:
//!
//! ```text
//! value := '"' len text        a string (len: one char, code = UTF-16 length + 32)
//!        | '#' len digits      a number
//!        | 't' | 'f' | 'n'     true, false, null
//!        | '{' (key value)* '}'
//!        | '[' value* ']'
//! key   := '=' len name        a key seen for the first time (it gets the next index)
//!        | char(62 + i)        the i-th key defined so far, i < 63 ('>' … '|')
//!        | char(0x100 + i)     the i-th key, i ≥ 63
//! ```
//!
//! Short strings, numbers and the first 63 keys are ASCII, so a table of ASCII names is ASCII
//! text: the boundary's UTF-8 decoding takes its fast path and JS keeps it as a one-byte string.

use crate::calendar::format_date;
use crate::money::{write_decimal_fixed, write_digits, Money};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::ser::{self, Impossible, Serialize, SerializeMap, Serializer};
use std::cell::RefCell;
use std::fmt::{self, Display};

impl Serialize for Money {
    /// Yuan with exactly 2 decimals, as a string: `"-1234.50"`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 24];
        let text = self.format(&mut buf);
        // `format` writes ASCII digits, '-' and '.'.
        s.serialize_str(std::str::from_utf8(text).map_err(ser::Error::custom)?)
    }
}

/// A decimal as a string with exactly `P` places (rounded half away from zero):
/// `#[serde(serialize_with = "ser::fixed::<6, _>")]`.
///
/// # Errors
/// Only the serializer's own.
pub fn fixed<const P: u32, S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    let mut out = String::with_capacity(24);
    write_decimal_fixed(&mut out, *value, P);
    s.serialize_str(&out)
}

/// [`fixed`] for an optional decimal (`None` is `null`).
///
/// # Errors
/// Only the serializer's own.
pub fn fixed_opt<const P: u32, S: Serializer>(
    value: &Option<Decimal>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => fixed::<P, S>(v, s),
        None => s.serialize_none(),
    }
}

/// A date as `YYYY-MM-DD`, without chrono's formatting machinery (it runs for every row):
/// `#[serde(serialize_with = "ser::date")]`.
///
/// # Errors
/// Only the serializer's own.
pub fn date<S: Serializer>(value: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    let bytes = format_date(*value);
    s.serialize_str(std::str::from_utf8(&bytes).map_err(ser::Error::custom)?)
}

/// [`date`] for an optional date (`None` is `null`).
///
/// # Errors
/// Only the serializer's own.
pub fn date_opt<S: Serializer>(value: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(d) => date(d, s),
        None => s.serialize_none(),
    }
}

thread_local! {
    /// The detached tables of the result being serialized, while the boundary wants them.
    static TABLES: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

/// Makes [`table`] fields detach their rows (`true`, before serializing a result) or stop
/// (`false`, after), returning the tables detached since the last call, in placeholder order.
pub fn detach_tables(on: bool) -> Vec<String> {
    TABLES.with(|tables| {
        let mut tables = tables.borrow_mut();
        let taken = tables.take().unwrap_or_default();
        *tables = on.then(Vec::new);
        taken
    })
}

/// The key of a detached table's placeholder object.
pub const PLACEHOLDER_KEY: &str = "\u{0}";

/// A field of rows (see the module docs): `#[serde(serialize_with = "ser::table")]`.
///
/// # Errors
/// Only the serializer's own; a row type the compact form cannot hold (a map with non-string
/// keys, bytes) is reported as a serializer error.
pub fn table<T: Serialize, S: Serializer>(rows: &[T], s: S) -> Result<S::Ok, S::Error> {
    let detached = TABLES.with(|tables| tables.borrow().is_some());
    if !detached {
        return s.collect_seq(rows);
    }
    // About 64 bytes a row (a schedule row is 60–80): one allocation instead of a dozen doublings.
    let mut writer = Compact {
        out: Vec::with_capacity(rows.len().saturating_mul(64)),
        ..Compact::default()
    };
    rows.serialize(&mut writer).map_err(ser::Error::custom)?;
    let text = writer.finish().map_err(ser::Error::custom)?;
    let n = TABLES.with(|tables| {
        let mut tables = tables.borrow_mut();
        let list = tables.get_or_insert_with(Vec::new);
        list.push(text);
        list.len() - 1
    });
    let mut placeholder = s.serialize_map(Some(1))?;
    placeholder.serialize_entry(PLACEHOLDER_KEY, &n)?;
    placeholder.end()
}

/// The compact text writer (see the module docs).
///
/// It runs for every cell of every row, in a module built for size, where nothing is inlined
/// unless asked: so each token is appended with as few calls as possible (one for its kind and
/// length, one for its text), into bytes that [`Compact::finish`] checks once.
#[derive(Default)]
struct Compact {
    out: Vec<u8>,
    /// Every key name met, by address, with its index; a name met again at another address
    /// (two row types with the same field) is added with the index it already has.
    keys: Vec<(&'static str, usize)>,
    /// How many key indexes are defined.
    defined: usize,
}

/// A failure of the compact writer: a value it cannot hold.
#[derive(Debug)]
pub struct CompactError(String);

impl Display for CompactError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CompactError {}

impl ser::Error for CompactError {
    fn custom<T: Display>(msg: T) -> Self {
        CompactError(msg.to_string())
    }
}

type Out = Result<(), CompactError>;

/// First key index written as a non-ASCII character (`0x100 + i`); below it, `62 + i`.
const ASCII_KEYS: usize = 63;

impl Compact {
    /// The text written, or an error if a caller's bytes were not UTF-8 (a bug).
    fn finish(self) -> Result<String, CompactError> {
        String::from_utf8(self.out).map_err(|_| CompactError("a table is not UTF-8 text".into()))
    }

    /// Appends the UTF-8 of `code` (below the surrogates) after `kind` (none when 0).
    fn code(&mut self, kind: u8, code: usize) -> Out {
        let mut head = [kind, 0, 0, 0, 0];
        let len = match u8::try_from(code) {
            Ok(byte) if byte < 0x80 => {
                head[1] = byte;
                1
            }
            _ => u32::try_from(code)
                .ok()
                .filter(|c| *c < 0xD800)
                .and_then(char::from_u32)
                .ok_or_else(|| CompactError("a string too long for a table cell".into()))?
                .encode_utf8(&mut head[1..])
                .len(),
        };
        let from = usize::from(kind == 0);
        self.out.extend_from_slice(&head[from..=len]);
        Ok(())
    }

    /// `kind`, the length character (UTF-16 length + 32) and the text.
    fn text(&mut self, kind: u8, text: &str) -> Out {
        // Most cells are short ASCII (amounts, dates, keys): no UTF-16 count needed.
        let units = if text.len() < 96 && text.is_ascii() {
            text.len()
        } else {
            text.encode_utf16().count()
        };
        self.code(kind, units + 32)?;
        self.out.extend_from_slice(text.as_bytes());
        Ok(())
    }

    /// A whole number, its digits written without formatting machinery.
    fn integer(&mut self, negative: bool, magnitude: u64) -> Out {
        // '#', the length, then up to 20 digits with room for a sign in front of them.
        let mut buf = [0u8; 24];
        let mut start = write_digits(&mut buf, 24, magnitude);
        if negative {
            start -= 1;
            buf[start] = b'-';
        }
        buf[start - 1] = (24 - start) as u8 + 32;
        buf[start - 2] = b'#';
        self.out.extend_from_slice(&buf[start - 2..]);
        Ok(())
    }

    fn key(&mut self, key: &'static str) -> Out {
        // A field's name is the same static string in every row: found by its address.
        let known = match self.keys.iter().find(|(k, _)| std::ptr::eq(*k, key)) {
            Some(&(_, i)) => Some(i),
            None => {
                let same = self.keys.iter().find(|(k, _)| *k == key).map(|&(_, i)| i);
                self.keys.push((key, same.unwrap_or(self.defined)));
                same
            }
        };
        match known {
            Some(i) if i < ASCII_KEYS => self.code(0, 62 + i),
            Some(i) => self.code(0, 0x100 + i),
            None => {
                self.defined += 1;
                self.text(b'=', key)
            }
        }
    }
}

fn unsupported(what: &str) -> CompactError {
    CompactError(format!("a table cannot hold {what}"))
}

impl<'a> Serializer for &'a mut Compact {
    type Ok = ();
    type Error = CompactError;
    type SerializeSeq = &'a mut Compact;
    type SerializeTuple = &'a mut Compact;
    type SerializeTupleStruct = Impossible<(), CompactError>;
    type SerializeTupleVariant = Impossible<(), CompactError>;
    type SerializeMap = Impossible<(), CompactError>;
    type SerializeStruct = &'a mut Compact;
    type SerializeStructVariant = Impossible<(), CompactError>;

    fn serialize_bool(self, v: bool) -> Out {
        self.out.push(if v { b't' } else { b'f' });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Out {
        self.integer(v < 0, u64::from(v.unsigned_abs()))
    }
    fn serialize_i16(self, v: i16) -> Out {
        self.integer(v < 0, u64::from(v.unsigned_abs()))
    }
    fn serialize_i32(self, v: i32) -> Out {
        self.integer(v < 0, u64::from(v.unsigned_abs()))
    }
    fn serialize_i64(self, v: i64) -> Out {
        self.integer(v < 0, v.unsigned_abs())
    }
    fn serialize_u8(self, v: u8) -> Out {
        self.integer(false, u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Out {
        self.integer(false, u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Out {
        self.integer(false, u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Out {
        self.integer(false, v)
    }
    fn serialize_f32(self, v: f32) -> Out {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Out {
        if v.is_finite() {
            // Rust's shortest round-trip digits (no exponent): `+text` in JS gives the same double.
            self.text(b'#', &v.to_string())
        } else {
            self.serialize_unit()
        }
    }
    fn serialize_char(self, v: char) -> Out {
        self.text(b'"', v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Out {
        self.text(b'"', v)
    }
    fn serialize_bytes(self, _: &[u8]) -> Out {
        Err(unsupported("bytes"))
    }
    fn serialize_none(self) -> Out {
        self.serialize_unit()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Out {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Out {
        self.out.push(b'n');
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Out {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Out {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Out {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Out {
        Err(unsupported("an enum with data"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, CompactError> {
        self.out.push(b'[');
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, CompactError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, CompactError> {
        Err(unsupported("a tuple struct"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, CompactError> {
        Err(unsupported("an enum with data"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, CompactError> {
        Err(unsupported("a map"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, CompactError> {
        self.out.push(b'{');
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, CompactError> {
        Err(unsupported("an enum with data"))
    }
}

impl ser::SerializeSeq for &mut Compact {
    type Ok = ();
    type Error = CompactError;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Out {
        value.serialize(&mut **self)
    }
    fn end(self) -> Out {
        self.out.push(b']');
        Ok(())
    }
}

impl ser::SerializeTuple for &mut Compact {
    type Ok = ();
    type Error = CompactError;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Out {
        value.serialize(&mut **self)
    }
    fn end(self) -> Out {
        self.out.push(b']');
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Compact {
    type Ok = ();
    type Error = CompactError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Out {
        self.key(key)?;
        value.serialize(&mut **self)
    }
    fn end(self) -> Out {
        self.out.push(b'}');
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Row {
        period: u32,
        #[serde(serialize_with = "date")]
        due_date: NaiveDate,
        payment: Money,
        #[serde(skip_serializing_if = "Option::is_none")]
        prepayment: Option<Money>,
        name: String,
    }

    #[derive(serde::Serialize)]
    struct Result {
        #[serde(serialize_with = "table")]
        rows: Vec<Row>,
        #[serde(serialize_with = "fixed::<6, _>")]
        rate: Decimal,
    }

    fn sample() -> Result {
        let day = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        Result {
            rows: vec![
                Row {
                    period: 1,
                    due_date: day,
                    payment: Money::from_fen(530_727),
                    prepayment: None,
                    name: "花呗".into(),
                },
                Row {
                    period: 2,
                    due_date: day,
                    payment: Money::from_fen(-5),
                    prepayment: Some(Money::from_fen(100_000)),
                    name: "a\"b".into(),
                },
            ],
            rate: Decimal::new(12804, 5),
        }
    }

    #[test]
    fn plain_serializers_see_an_array() {
        assert_eq!(
            serde_json::to_string(&sample()).unwrap(),
            r#"{"rows":[{"period":1,"dueDate":"2024-02-29","payment":"5307.27","name":"花呗"},{"period":2,"dueDate":"2024-02-29","payment":"-0.05","prepayment":"1000.00","name":"a\"b"}],"rate":"0.128040"}"#
        );
    }

    #[test]
    fn detached_rows_are_compact_text() {
        detach_tables(true);
        let json = serde_json::to_string(&sample()).unwrap();
        let tables = detach_tables(false);
        assert_eq!(json, r#"{"rows":{"\u0000":0},"rate":"0.128040"}"#);
        let c = |n: usize| char::from_u32(n as u32 + 32).unwrap();
        let k = |i: u32| char::from_u32(62 + i).unwrap();
        let expected = format!(
            "[{{={}period#{}1={}dueDate\"{}2024-02-29={}payment\"{}5307.27={}name\"{}花呗}}\
             {{{}#{}2{}\"{}2024-02-29{}\"{}-0.05={}prepayment\"{}1000.00{}\"{}a\"b}}]",
            c(6),
            c(1),
            c(7),
            c(10),
            c(7),
            c(7),
            c(4),
            c(2),
            k(0),
            c(1),
            k(1),
            c(10),
            k(2),
            c(5),
            c(10),
            c(7),
            k(3),
            c(3)
        );
        assert_eq!(tables, vec![expected]);
        assert!(detach_tables(false).is_empty());
    }

    /// Reads the compact form back as the module docs define it (what the boundary's JS does).
    fn read(text: &[u16], at: &mut usize, keys: &mut Vec<String>) -> serde_json::Value {
        use serde_json::Value;
        let next = |at: &mut usize| {
            *at += 1;
            text[*at - 1]
        };
        let sized = |at: &mut usize| {
            let len = usize::from(next(at)) - 32;
            *at += len;
            String::from_utf16(&text[*at - len..*at]).unwrap()
        };
        match next(at) {
            0x22 => Value::String(sized(at)),
            0x23 => serde_json::from_str(&sized(at)).unwrap(),
            0x74 => Value::Bool(true),
            0x66 => Value::Bool(false),
            0x6E => Value::Null,
            0x5B => {
                let mut items = Vec::new();
                while text[*at] != 0x5D {
                    items.push(read(text, at, keys));
                }
                *at += 1;
                Value::Array(items)
            }
            0x7B => {
                let mut object = serde_json::Map::new();
                loop {
                    let key = match next(at) {
                        0x7D => return Value::Object(object),
                        0x3D => {
                            keys.push(sized(at));
                            keys.last().unwrap().clone()
                        }
                        c if c < 0x7D => keys[usize::from(c) - 62].clone(),
                        c => keys[usize::from(c) - 0x100].clone(),
                    };
                    let value = read(text, at, keys);
                    object.insert(key, value);
                }
            }
            other => panic!("bad kind {other} at {}", *at - 1),
        }
    }

    /// A row with as many fields as asked, named `k0`, `k1`, …: more than the ASCII key range.
    struct Wide(Vec<&'static str>);

    impl Serialize for Wide {
        fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            use serde::ser::SerializeStruct;
            let mut row = s.serialize_struct("Wide", self.0.len())?;
            for (i, key) in self.0.iter().enumerate() {
                row.serialize_field(key, &(i as i64 - 40))?;
            }
            row.end()
        }
    }

    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Mixed {
        name: String,
        payment: Money,
        ok: bool,
        missing: Option<u8>,
        ratio: f64,
        nested: Vec<Row>,
        wide: Wide,
    }

    /// Every kind of value, texts of any UTF-16 length, past 63 keys, the same field name in two
    /// row types: read back, the compact text is what serde_json writes.
    #[test]
    fn compact_text_reads_back_as_the_json() {
        let names = [
            "say \"hi\"",
            "back\\slash",
            "two\nlines",
            "花呗",
            "👨‍👩‍👧",
            "🇨🇳",
            "\u{0}\u{1}",
            "}]=",
        ];
        let long = "😀".repeat(200);
        let wide: Vec<&'static str> = (0..70)
            .map(|i| &*Box::leak(format!("k{i}").into_boxed_str()))
            .collect();
        let rows: Vec<Mixed> = names
            .iter()
            .copied()
            .chain([long.as_str()])
            .enumerate()
            .map(|(i, name)| Mixed {
                name: name.into(),
                payment: Money::from_fen(-(i as i64) * 12_345),
                ok: i % 2 == 0,
                missing: (i % 3 == 0).then_some(i as u8),
                ratio: (i as f64 + 0.5) / 8.0,
                nested: sample().rows,
                wide: Wide(wide.clone()),
            })
            .collect();
        let mut writer = Compact::default();
        rows.serialize(&mut writer).unwrap();
        let text: Vec<u16> = writer.finish().unwrap().encode_utf16().collect();
        let (mut at, mut keys) = (0, Vec::new());
        let value = read(&text, &mut at, &mut keys);
        assert_eq!(at, text.len());
        assert_eq!(value, serde_json::to_value(&rows).unwrap());
        // `payment` of Mixed and of Row: one key; k60…k69 beyond the ASCII range.
        assert_eq!(keys.iter().filter(|k| *k == "payment").count(), 1);
        assert!(keys.len() > ASCII_KEYS);
    }
}
