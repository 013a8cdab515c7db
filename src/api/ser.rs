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
//!        | '^' index           the string last read under the key of that index (see below)
//!        | 'i' char            a whole number 0 … 93 (code = n + 32)
//!        | '#' len digits      a number
//!        | 't' | 'f' | 'n'     true, false, null
//!        | '{' (key value)* '}'
//!        | '[' value* ']'
//! key   := '=' len name        a key seen for the first time (it gets the next index)
//!        | char(62 + i)        the i-th key defined so far, i < 63 ('>' … '|')
//!        | char(0x100 + i)     the i-th key, i ≥ 63
//! ```
//!
//! `index` is written as a key is. A row mostly repeats strings of the row above (a level
//! payment, a zero fee, the opening balance that is the last closing): the writer refers to the
//! last string of any key with the same text, and the reader reuses that string instead of
//! slicing a new one. Both sides keep, for each key index, the last string read or referred to
//! as that key's value (at any depth; an array's items count under the array's key).
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
    /// Yuan with exactly 2 decimals, as a string: `"-1234.50"`; to a serializer that is not
    /// human-readable (the compact table writer), a [`MONEY`] newtype of the amount in fen.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if !s.is_human_readable() {
            // The compact table writer: whole fen, compared and formatted there.
            return s.serialize_newtype_struct(MONEY, &self.fen());
        }
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
    // About 80 bytes a row (a schedule row is 50–70): one allocation, no doubling.
    let mut writer = Compact::with_capacity(rows.len().saturating_mul(80));
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
/// unless asked and slice helpers (`extend_from_slice`, `copy_from_slice`) stay calls, which
/// cost more than the formatting itself for pieces of a few bytes. So it writes into a
/// zero-filled buffer at a cursor, a byte at a time after one check of room per token, and
/// compares money as whole fen rather than as text (see [`MONEY`]); [`Compact::finish`] checks
/// the UTF-8 once. Measured in `bench/run.mjs` (case A against the baseline).
#[derive(Default)]
struct Compact {
    /// The text so far is `buf[..len]`; the rest is room.
    buf: Vec<u8>,
    len: usize,
    /// Every key name met, by address, with its index; a name met again at another address
    /// (two row types with the same field) is added with the index it already has.
    keys: Vec<(&'static str, usize)>,
    /// How many key indexes are defined.
    defined: usize,
    /// The index of the key whose value is being written (`None` outside any object).
    current: Option<usize>,
    /// For each key index, the last string written under it (what the reader remembers).
    last: Vec<Last>,
    /// The key index of the text, and of the amount, written most recently (`usize::MAX`:
    /// none yet).
    recent_text: usize,
    recent_money: usize,
    /// Where in `keys` to look first for the next key: after the one found last (rows repeat
    /// their key order).
    next_key: usize,
    /// The next `i64` is an amount of money in fen (inside a [`MONEY`] newtype).
    money: bool,
}

/// The last string under a key, as the writer knows it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    None,
    /// Its text is `buf[start..start + len]`.
    Text {
        start: usize,
        len: usize,
    },
    /// It was this amount, written as money.
    Money(i64),
}

/// The newtype name under which money reaches a serializer that is not human-readable (the
/// compact table writer of [`table`]): the amount in fen, so the writer compares and formats
/// integers.
pub const MONEY: &str = "Money";

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

/// Room asked for per token beyond its text: kind, length character (up to 3 bytes), sign.
const TOKEN_ROOM: usize = 8;

impl Compact {
    fn with_capacity(bytes: usize) -> Compact {
        Compact {
            buf: vec![0; bytes.max(64)],
            recent_text: usize::MAX,
            recent_money: usize::MAX,
            ..Compact::default()
        }
    }

    /// The text written, or an error if a caller's bytes were not UTF-8 (a bug).
    fn finish(mut self) -> Result<String, CompactError> {
        self.buf.truncate(self.len);
        String::from_utf8(self.buf).map_err(|_| CompactError("a table is not UTF-8 text".into()))
    }

    /// Makes room for `n` more bytes.
    #[inline(always)]
    fn room(&mut self, n: usize) {
        if self.len + n > self.buf.len() {
            self.grow(n);
        }
    }

    #[inline(never)]
    fn grow(&mut self, n: usize) {
        let size = (self.buf.len() * 2).max(self.len + n + 64);
        self.buf.resize(size, 0);
    }

    /// Appends one byte (after [`Compact::room`]; a byte with no room is dropped, and the
    /// table then fails to read, rather than the writer panicking).
    #[inline(always)]
    fn byte(&mut self, b: u8) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }

    /// Appends `bytes` (after [`Compact::room`]).
    #[inline(always)]
    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.byte(b);
        }
    }

    /// Appends the UTF-8 of `code` (below the surrogates) after `kind` (none when 0).
    #[inline(always)]
    fn code(&mut self, kind: u8, code: usize) -> Out {
        self.room(TOKEN_ROOM);
        if kind != 0 {
            self.byte(kind);
        }
        match u8::try_from(code) {
            Ok(byte) if byte < 0x80 => {
                self.byte(byte);
                Ok(())
            }
            _ => self.wide_code(code),
        }
    }

    #[inline(never)]
    fn wide_code(&mut self, code: usize) -> Out {
        let c = u32::try_from(code)
            .ok()
            .filter(|c| *c < 0xD800)
            .and_then(char::from_u32)
            .ok_or_else(|| CompactError("a string too long for a table cell".into()))?;
        self.bytes(c.encode_utf8(&mut [0; 4]).as_bytes());
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
        self.room(text.len());
        self.bytes(text.as_bytes());
        Ok(())
    }

    /// A reference (`^`) to a key whose last string the reader already has, if `same` says it
    /// is the one to write: the current key's (a level payment), or the most recent string's
    /// of the same kind (the opening balance that is the closing just above). Only these two are
    /// tried: a search of every key costs more than it saves. Remembers it as the current key's
    /// last string.
    #[inline(always)]
    fn repeat(
        &mut self,
        current: usize,
        recent: usize,
        same: impl Fn(&Compact, Last) -> bool,
    ) -> Result<bool, CompactError> {
        let mine = self.last.get(current).copied().unwrap_or(Last::None);
        let (found, value) = if same(self, mine) {
            (current, mine)
        } else {
            let theirs = self.last.get(recent).copied().unwrap_or(Last::None);
            if !same(self, theirs) {
                return Ok(false);
            }
            (recent, theirs)
        };
        self.code(b'^', key_code(found))?;
        self.remember(current, value);
        Ok(true)
    }

    #[inline(always)]
    fn remember(&mut self, key: usize, value: Last) {
        if let Some(slot) = self.last.get_mut(key) {
            *slot = value;
        }
        match value {
            Last::Money(_) => self.recent_money = key,
            _ => self.recent_text = key,
        }
    }

    /// A string value: a reference to an equal string the reader has (see [`Compact::repeat`]), or the text. Repeats
    /// are looked for only inside objects, where both sides track keys.
    fn string(&mut self, text: &str) -> Out {
        let Some(current) = self.current else {
            return self.text(b'"', text);
        };
        let wanted = text.as_bytes();
        // A byte loop, cheaper here than the call of a slice comparison; most dates differ
        // in their last bytes, so it compares from the end.
        let same = |c: &Compact, last: Last| match last {
            Last::Text { start, len } if len == wanted.len() => match c.buf.get(start..start + len)
            {
                Some(had) => {
                    let mut i = len;
                    while i > 0 && had[i - 1] == wanted[i - 1] {
                        i -= 1;
                    }
                    i == 0
                }
                None => false,
            },
            _ => false,
        };
        if self.repeat(current, self.recent_text, same)? {
            return Ok(());
        }
        self.text(b'"', text)?;
        let value = Last::Text {
            start: self.len - wanted.len(),
            len: wanted.len(),
        };
        self.remember(current, value);
        Ok(())
    }

    /// An amount in fen, as the string `"-1234.56"` (or a reference to an equal one).
    fn money(&mut self, fen: i64) -> Out {
        if let Some(current) = self.current {
            if self.repeat(current, self.recent_money, |_, last| {
                last == Last::Money(fen)
            })? {
                return Ok(());
            }
            self.remember(current, Last::Money(fen));
        }
        let amount = Money::from_fen(fen);
        let len = amount.formatted_len();
        self.room(len + TOKEN_ROOM);
        self.byte(b'"');
        self.byte(len as u8 + 32);
        self.len = amount.write_at(&mut self.buf, self.len);
        Ok(())
    }

    /// A whole number, its digits written without formatting machinery.
    fn integer(&mut self, negative: bool, magnitude: u64) -> Out {
        self.room(24 + TOKEN_ROOM);
        if let (false, Ok(small @ 0..=93)) = (negative, u8::try_from(magnitude)) {
            self.byte(b'i');
            self.byte(small + 32);
            return Ok(());
        }
        // '#', the length, then up to 20 digits with room for a sign in front of them.
        let mut digits = [0u8; 24];
        let mut start = write_digits(&mut digits, 24, magnitude);
        if negative {
            start -= 1;
            digits[start] = b'-';
        }
        self.byte(b'#');
        self.byte((24 - start) as u8 + 32);
        self.bytes(digits.get(start..).unwrap_or_default());
        Ok(())
    }

    /// Writes a field's key and returns its index.
    fn key(&mut self, key: &'static str) -> Result<usize, CompactError> {
        // A field's name is the same static string in every row: found by its address.
        let mut found = None;
        if let Some(&(k, i)) = self.keys.get(self.next_key) {
            if std::ptr::eq(k, key) {
                found = Some((self.next_key, i));
            }
        }
        if found.is_none() {
            for (at, &(k, i)) in self.keys.iter().enumerate() {
                if std::ptr::eq(k, key) {
                    found = Some((at, i));
                    break;
                }
            }
        }
        // The key after this one; after the last, the first (the next row's).
        self.next_key = match found {
            Some((at, _)) if at + 1 < self.keys.len() => at + 1,
            _ => 0,
        };
        let known = match found {
            Some((_, i)) => Some(i),
            None => {
                let same = self.keys.iter().find(|(k, _)| *k == key).map(|&(_, i)| i);
                self.keys.push((key, same.unwrap_or(self.defined)));
                same
            }
        };
        match known {
            Some(i) => self.code(0, key_code(i)).map(|()| i),
            None => {
                let i = self.defined;
                self.defined += 1;
                self.last.push(Last::None);
                self.text(b'=', key).map(|()| i)
            }
        }
    }
}

/// The character code that names key index `i`.
fn key_code(i: usize) -> usize {
    if i < ASCII_KEYS {
        62 + i
    } else {
        0x100 + i
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
        self.room(1);
        self.byte(if v { b't' } else { b'f' });
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
        if std::mem::take(&mut self.money) {
            return self.money(v);
        }
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
        self.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Out {
        self.string(v)
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
        self.room(1);
        self.byte(b'n');
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Out {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Out {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, name: &'static str, value: &T) -> Out {
        self.money = std::ptr::eq(name, MONEY) || name == MONEY;
        value.serialize(&mut *self)?;
        self.money = false;
        Ok(())
    }
    /// Not human-readable: money comes as fen in a [`MONEY`] newtype.
    fn is_human_readable(&self) -> bool {
        false
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
        self.room(1);
        self.byte(b'[');
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
        self.room(1);
        self.byte(b'{');
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
        self.room(1);
        self.byte(b']');
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
        self.room(1);
        self.byte(b']');
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Compact {
    type Ok = ();
    type Error = CompactError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Out {
        let outer = self.current;
        self.current = Some(self.key(key)?);
        value.serialize(&mut **self)?;
        self.current = outer;
        Ok(())
    }
    fn end(self) -> Out {
        self.room(1);
        self.byte(b'}');
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
        // Row 2: period 2 as one character, its date a reference to row 1's (key 1).
        let expected = format!(
            "[{{={}periodi{}={}dueDate\"{}2024-02-29={}payment\"{}5307.27={}name\"{}花呗}}\
             {{{}i{}{}^{}{}\"{}-0.05={}prepayment\"{}1000.00{}\"{}a\"b}}]",
            c(6),
            c(1),
            c(7),
            c(10),
            c(7),
            c(7),
            c(4),
            c(2),
            k(0),
            c(2),
            k(1),
            k(1),
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

    /// Reads the compact form back as the module docs define it (what the boundary's JS does):
    /// the value at `at`, under key index `key` (`None` outside objects).
    fn read(
        text: &[u16],
        at: &mut usize,
        keys: &mut Vec<String>,
        last: &mut Vec<String>,
        key: Option<usize>,
    ) -> serde_json::Value {
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
        let index = |c: u16| usize::from(c) - if c < 0x7D { 62 } else { 0x100 };
        let remember = |last: &mut Vec<String>, s: &String| {
            if let Some(k) = key {
                last.resize(last.len().max(k + 1), String::new());
                last[k] = s.clone();
            }
        };
        match next(at) {
            0x22 => {
                let s = sized(at);
                remember(last, &s);
                Value::String(s)
            }
            0x5E => {
                let s = last[index(next(at))].clone();
                remember(last, &s);
                Value::String(s)
            }
            0x69 => Value::from(next(at) - 32),
            0x23 => serde_json::from_str(&sized(at)).unwrap(),
            0x74 => Value::Bool(true),
            0x66 => Value::Bool(false),
            0x6E => Value::Null,
            0x5B => {
                let mut items = Vec::new();
                while text[*at] != 0x5D {
                    items.push(read(text, at, keys, last, key));
                }
                *at += 1;
                Value::Array(items)
            }
            0x7B => {
                let mut object = serde_json::Map::new();
                loop {
                    let i = match next(at) {
                        0x7D => return Value::Object(object),
                        0x3D => {
                            keys.push(sized(at));
                            keys.len() - 1
                        }
                        c => index(c),
                    };
                    let value = read(text, at, keys, last, Some(i));
                    object.insert(keys[i].clone(), value);
                }
            }
            other => panic!("bad kind {other} at {}", *at - 1),
        }
    }

    /// Real schedules (repeats of the row above, the opening that is the closing above, a
    /// prepayment on some rows only) read back as serde_json writes them.
    #[test]
    fn schedules_read_back_as_the_json() {
        use crate::api::schedule::{schedule, ScheduleInput};
        for text in [
            r#"{"principal":1000000,"method":"annuity","periods":360,"annualRate":"0.049","startDate":"2024-01-31"}"#,
            r#"{"principal":"3000","method":"feeInstalment","periods":12,"feeRate":"0.006","startDate":"2024-01-31"}"#,
            r#"{"principal":200000,"method":"equalPrincipal","periods":60,"dailyRate":"0.0002","startDate":"2024-01-31","prepayments":[{"afterPeriod":12,"amount":50000,"strategy":"reducePayment","fee":100}]}"#,
        ] {
            let input: ScheduleInput = crate::api::de::from_json(text).unwrap();
            let rows = schedule(&input).unwrap().rows;
            let mut writer = Compact::with_capacity(0);
            rows.serialize(&mut writer).unwrap();
            let compact: Vec<u16> = writer.finish().unwrap().encode_utf16().collect();
            let (mut at, mut keys, mut last) = (0, Vec::new(), Vec::new());
            let value = read(&compact, &mut at, &mut keys, &mut last, None);
            assert_eq!(value, serde_json::to_value(&rows).unwrap(), "{text}");
            assert!(
                compact.contains(&u16::from(b'^')),
                "{text}: repeats are referred to"
            );
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
    /// row types, strings and amounts repeated under the same and under other keys: read back,
    /// the compact text is what serde_json writes.
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
        let mut writer = Compact::with_capacity(0);
        rows.serialize(&mut writer).unwrap();
        let text: Vec<u16> = writer.finish().unwrap().encode_utf16().collect();
        let (mut at, mut keys, mut last) = (0, Vec::new(), Vec::new());
        let value = read(&text, &mut at, &mut keys, &mut last, None);
        assert_eq!(at, text.len());
        assert_eq!(value, serde_json::to_value(&rows).unwrap());
        // `payment` of Mixed and of Row: one key; k60…k69 beyond the ASCII range.
        assert_eq!(keys.iter().filter(|k| *k == "payment").count(), 1);
        assert!(keys.len() > ASCII_KEYS);
    }
}
