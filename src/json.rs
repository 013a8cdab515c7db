//! A small JSON reader and writer: the wire format of the public API.
//!
//! Inputs arrive as JSON text (the wasm boundary runs `JSON.stringify` on the caller's object, so
//! a JS number arrives as its shortest round-trip decimal, `0.1` as `0.1`). Numbers are kept as
//! their source text in [`Value::Number`] and converted exactly by [`crate::money`], never through
//! `f64`. Outputs are written by [`JsonWriter`] straight into one buffer, because building
//! thousands of strings is where a schedule spends its time.

use crate::error::{int_text, Error, ErrorKind, Result};
use std::sync::atomic::{AtomicBool, Ordering};

/// Deepest nesting accepted; real inputs are at most 4 levels deep.
pub const MAX_DEPTH: usize = 32;
/// Largest input accepted, in bytes.
pub const MAX_INPUT_BYTES: usize = 32 << 20;

/// A parsed JSON value. Objects keep their keys in order (duplicates are rejected).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number exactly as written.
    Number(NumberText),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

/// A number token as written. Every number `JSON.stringify` writes fits in 24 bytes (17
/// significant digits, sign, point and exponent), kept inline: a call with a thousand cash
/// flows then makes no allocation for them. Longer tokens (hand-written JSON) go on the heap.
#[derive(Clone, Debug, PartialEq)]
pub enum NumberText {
    Inline { bytes: [u8; 24], len: u8 },
    Heap(String),
}

impl std::ops::Deref for NumberText {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            NumberText::Inline { bytes, len } => bytes
                .get(..usize::from(*len))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            NumberText::Heap(text) => text,
        }
    }
}

impl From<&str> for NumberText {
    fn from(text: &str) -> NumberText {
        let mut bytes = [0; 24];
        match bytes.get_mut(..text.len()) {
            Some(slot) => {
                slot.copy_from_slice(text.as_bytes());
                NumberText::Inline {
                    bytes,
                    len: text.len() as u8,
                }
            }
            None => NumberText::Heap(text.to_string()),
        }
    }
}

impl Value {
    /// The JSON type name, for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }
}

/// Parses JSON text into a [`Value`]; malformed text, nesting deeper than [`MAX_DEPTH`], duplicate
/// keys and inputs above [`MAX_INPUT_BYTES`] are [`ErrorKind::InvalidInput`].
///
/// # Errors
/// `INVALID_INPUT`, as above.
pub fn parse(text: &str) -> Result<Value> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(invalid("the input is larger than 32 MB", "输入超过 32 MB"));
    }
    let mut parser = Parser {
        bytes: text.as_bytes(),
        pos: 0,
    };
    let value = parser.value(0)?;
    parser.skip_ws();
    if parser.pos != parser.bytes.len() {
        return Err(parser.syntax());
    }
    Ok(value)
}

fn invalid(en: &str, zh: &str) -> Error {
    Error::new(ErrorKind::InvalidInput, "", en, zh)
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn syntax(&self) -> Error {
        invalid(
            &format!(
                "the input is not valid JSON (at byte {})",
                int_text(self.pos as i64)
            ),
            &format!(
                "输入不是有效的 JSON（第 {} 字节）",
                int_text(self.pos as i64)
            ),
        )
    }

    fn skip_ws(&mut self) {
        while matches!(self.bytes.get(self.pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.bytes.get(self.pos) == Some(&byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn literal(&mut self, word: &[u8], value: Value) -> Result<Value> {
        if self.bytes[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.syntax())
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value> {
        if depth > MAX_DEPTH {
            return Err(invalid(
                "the input is nested too deeply",
                "输入嵌套层级过深",
            ));
        }
        self.skip_ws();
        match self.bytes.get(self.pos) {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal(b"true", Value::Bool(true)),
            Some(b'f') => self.literal(b"false", Value::Bool(false)),
            Some(b'n') => self.literal(b"null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.syntax()),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value> {
        self.pos += 1;
        let mut fields: Vec<(String, Value)> = Vec::new();
        self.skip_ws();
        if self.eat(b'}') {
            return Ok(Value::Object(fields));
        }
        loop {
            self.skip_ws();
            if self.bytes.get(self.pos) != Some(&b'"') {
                return Err(self.syntax());
            }
            let key = self.string()?;
            self.skip_ws();
            if !self.eat(b':') {
                return Err(self.syntax());
            }
            let value = self.value(depth + 1)?;
            if fields.iter().any(|(k, _)| *k == key) {
                return Err(Error::new(
                    ErrorKind::InvalidInput,
                    key,
                    "the same key appears twice",
                    "同一字段出现了两次",
                ));
            }
            fields.push((key, value));
            self.skip_ws();
            if self.eat(b',') {
                continue;
            }
            if self.eat(b'}') {
                return Ok(Value::Object(fields));
            }
            return Err(self.syntax());
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            if self.eat(b',') {
                continue;
            }
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            return Err(self.syntax());
        }
    }

    fn number(&mut self) -> Result<Value> {
        let start = self.pos;
        self.eat(b'-');
        let digits = |p: &mut Self| {
            let s = p.pos;
            while p.bytes.get(p.pos).is_some_and(u8::is_ascii_digit) {
                p.pos += 1;
            }
            p.pos > s
        };
        if !digits(self) {
            return Err(self.syntax());
        }
        if self.eat(b'.') && !digits(self) {
            return Err(self.syntax());
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if !digits(self) {
                return Err(self.syntax());
            }
        }
        // The slice is ASCII by construction.
        let text = std::str::from_utf8(&self.bytes[start..self.pos]).map_err(|_| self.syntax())?;
        Ok(Value::Number(text.into()))
    }

    fn string(&mut self) -> Result<String> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while let Some(&b) = self.bytes.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // Input came from a &str and we stopped at an ASCII byte, so this is a char boundary.
            out.push_str(
                std::str::from_utf8(&self.bytes[run_start..self.pos]).map_err(|_| self.syntax())?,
            );
            match self.bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escaped = *self.bytes.get(self.pos).ok_or_else(|| self.syntax())?;
                    self.pos += 1;
                    match escaped {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let unit = self.hex4()?;
                            let ch = if (0xD800..0xDC00).contains(&unit) {
                                // A high surrogate must be followed by \u + low surrogate.
                                if self.bytes[self.pos..].starts_with(b"\\u") {
                                    self.pos += 2;
                                    let low = self.hex4()?;
                                    if !(0xDC00..0xE000).contains(&low) {
                                        return Err(self.syntax());
                                    }
                                    char::from_u32(
                                        0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00),
                                    )
                                } else {
                                    None
                                }
                            } else {
                                char::from_u32(unit)
                            };
                            // Lone surrogates (possible in JS strings) become U+FFFD.
                            out.push(ch.unwrap_or('\u{FFFD}'));
                        }
                        _ => return Err(self.syntax()),
                    }
                }
                _ => return Err(self.syntax()),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32> {
        let end = self.pos + 4;
        let hex = self.bytes.get(self.pos..end).ok_or_else(|| self.syntax())?;
        let mut unit = 0u32;
        for &h in hex {
            let digit = (h as char).to_digit(16).ok_or_else(|| self.syntax())?;
            unit = unit * 16 + digit;
        }
        self.pos = end;
        Ok(unit)
    }
}

/// Whether new writers detach tables (see [`JsonWriter::table`]); only the wasm boundary sets it.
static DETACH_TABLES: AtomicBool = AtomicBool::new(false);

/// Makes every [`JsonWriter`] created from now on write tables detached, before the JSON text.
///
/// Only for a reader that puts them back (the wasm boundary's `decode`): the output is no longer
/// plain JSON. Native callers and tests never set it.
pub fn detach_tables(on: bool) {
    DETACH_TABLES.store(on, Ordering::Relaxed);
}

/// Ends each detached table (the JSON text comes after the last).
pub const TABLE_START: char = '\u{1}';
/// Separates the fields of a detached table.
pub const TABLE_FIELD: u8 = 2;

/// Writes JSON into one growing buffer. Commas are placed automatically.
///
/// ```
/// use repayment_plan::json::JsonWriter;
/// use repayment_plan::money::Money;
/// let mut w = JsonWriter::new();
/// w.begin_object();
/// w.key("payment");
/// w.money(Money::from_fen(530_727));
/// w.key("rows");
/// w.begin_array();
/// w.count(1);
/// w.count(2);
/// w.end_array();
/// w.end_object();
/// assert_eq!(w.finish(), r#"{"payment":"5307.27","rows":[1,2]}"#);
/// ```
#[derive(Default)]
pub struct JsonWriter {
    out: String,
    /// True right after an opening bracket or a key: the next item needs no comma.
    fresh: bool,
    /// Detached tables, each followed by [`TABLE_START`], when [`detach_tables`] is on.
    tables: Option<String>,
    /// How many tables are in `tables`.
    detached: u64,
}

impl JsonWriter {
    pub fn new() -> JsonWriter {
        JsonWriter::with_capacity(256)
    }

    /// With room for `bytes` of output, to avoid regrowing for large schedules.
    pub fn with_capacity(bytes: usize) -> JsonWriter {
        JsonWriter::create(bytes, DETACH_TABLES.load(Ordering::Relaxed))
    }

    fn create(bytes: usize, detach: bool) -> JsonWriter {
        JsonWriter {
            out: String::with_capacity(if detach { 256 } else { bytes }),
            fresh: true,
            tables: detach.then(|| String::with_capacity(bytes / 2)),
            detached: 0,
        }
    }

    fn item(&mut self) {
        if !self.fresh {
            self.out.push(',');
        }
        self.fresh = false;
    }

    pub fn begin_object(&mut self) {
        self.item();
        self.out.push('{');
        self.fresh = true;
    }
    pub fn end_object(&mut self) {
        self.out.push('}');
        self.fresh = false;
    }
    pub fn begin_array(&mut self) {
        self.item();
        self.out.push('[');
        self.fresh = true;
    }
    pub fn end_array(&mut self) {
        self.out.push(']');
        self.fresh = false;
    }

    /// An object key; keys are our own identifiers and need no escaping.
    pub fn key(&mut self, key: &str) {
        self.item();
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str("\":");
        self.fresh = true;
    }

    /// A string value, escaped.
    pub fn string(&mut self, text: &str) {
        self.item();
        self.out.push('"');
        for ch in text.chars() {
            match ch {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                c if (c as u32) < 0x20 => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.out.push_str("\\u00");
                    self.out.push(HEX[(c as usize) >> 4] as char);
                    self.out.push(HEX[(c as usize) & 15] as char);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    /// Money as a string with exactly 2 decimals.
    pub fn money(&mut self, amount: crate::money::Money) {
        self.item();
        self.out.push('"');
        amount.write_to(&mut self.out);
        self.out.push('"');
    }

    /// `"key": "1234.56"` for each pair, in order.
    pub fn money_fields(&mut self, fields: &[(&str, crate::money::Money)]) {
        for &(key, amount) in fields {
            self.key(key);
            self.money(amount);
        }
    }

    /// A rate as a fraction string with 6 decimals.
    pub fn rate(&mut self, rate: rust_decimal::Decimal) {
        self.decimal_fixed(rate, 6);
    }

    /// A decimal string with exactly `places` decimals.
    pub fn decimal_fixed(&mut self, value: rust_decimal::Decimal, places: u32) {
        self.item();
        self.out.push('"');
        crate::money::write_decimal_fixed(&mut self.out, value, places);
        self.out.push('"');
    }

    /// A date as `"YYYY-MM-DD"`.
    pub fn date(&mut self, date: chrono::NaiveDate) {
        self.item();
        self.out.push('"');
        crate::calendar::write_date(&mut self.out, date);
        self.out.push('"');
    }

    /// A count (a JSON number).
    pub fn count(&mut self, n: i64) {
        self.item();
        if n < 0 {
            self.out.push('-');
        }
        crate::money::write_u64(&mut self.out, n.unsigned_abs());
    }

    pub fn bool(&mut self, b: bool) {
        self.item();
        self.out.push_str(if b { "true" } else { "false" });
    }

    pub fn null(&mut self) {
        self.item();
        self.out.push_str("null");
    }

    /// Writes pre-formed JSON (e.g. a nested result) as one value.
    pub fn raw(&mut self, json: &str) {
        self.item();
        self.out.push_str(json);
    }

    /// Whether tables go apart from the JSON text (see [`JsonWriter::table`]).
    pub fn detaches_tables(&self) -> bool {
        self.tables.is_some()
    }

    /// `"key": <array of flat objects>`, in the form [`JsonWriter::detaches_tables`] asks for.
    ///
    /// Plain: `rows` is the array as JSON text. Detached: `rows` is a table for a JS reader that
    /// builds the objects itself, which costs a fraction of `JSON.parse`: the column spec (`name`
    /// for a string column, `name#` for a number; comma-separated, in key order), then every
    /// row's cells, all separated by [`TABLE_FIELD`]; an empty cell is an absent key, and no cell
    /// contains a control character. A table may lay its rows out its own way (a schedule's
    /// leaves out what the row above implies: `write_row_table` in `src/api/schedule.rs`). The
    /// value in the JSON text is then `{"\u0000": n}`: table n (from 0) of those written before
    /// the text, each followed by [`TABLE_START`]. Before, not after: the tables are most of the
    /// result, and the short JSON text is then what is appended at the end rather than copied to
    /// the front of them. Either way `rows` is ASCII. The reader in `src/wasm/` builds
    /// the rows of each column spec it knows with an object literal; a new table needs its spec
    /// added there.
    pub fn table(&mut self, key: &str, rows: &[u8]) {
        self.key(key);
        let rows = std::str::from_utf8(rows).unwrap_or_default();
        match &mut self.tables {
            Some(tables) => {
                tables.push_str(rows);
                tables.push(TABLE_START);
                self.raw("{\"\\u0000\":");
                crate::money::write_u64(&mut self.out, self.detached);
                self.out.push('}');
                self.detached += 1;
            }
            None => self.raw(if rows.is_empty() { "[]" } else { rows }),
        }
    }

    /// The JSON text (after the detached tables, if any).
    pub fn finish(self) -> String {
        match self.tables {
            Some(mut tables) if !tables.is_empty() => {
                tables.push_str(&self.out);
                tables
            }
            _ => self.out,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_json_stringify_writes() {
        let v =
            parse(r#" {"a": [1, -2.5e-7, "x\u00e9\ud83d\ude00\n"], "b": {"c": null, "d": true}} "#)
                .unwrap();
        let Value::Object(fields) = v else { panic!() };
        assert_eq!(fields[0].0, "a");
        assert_eq!(
            fields[0].1,
            Value::Array(vec![
                Value::Number("1".into()),
                Value::Number("-2.5e-7".into()),
                Value::String("xé😀\n".into())
            ])
        );
    }

    #[test]
    fn rejects_malformed_duplicate_and_deep() {
        for bad in [
            "",
            "{",
            "{\"a\":}",
            "[1,]",
            "01x",
            "{\"a\":1}x",
            "\"\\ud800\\u0041\"",
            "nul",
            "-",
            "1.",
            "[1e]",
        ] {
            assert_eq!(
                parse(bad).map_err(|e| e.kind()).err(),
                Some(ErrorKind::InvalidInput),
                "{bad}"
            );
        }
        assert_eq!(parse(r#"{"a":1,"a":2}"#).unwrap_err().field(), "a");
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert_eq!(parse(&deep).unwrap_err().kind(), ErrorKind::InvalidInput);
        assert!(parse(&("[".repeat(20) + &"]".repeat(20))).is_ok());
    }

    #[test]
    fn tables_inline_or_detached() {
        let write = |detach: bool, rows: &[u8]| {
            let mut w = JsonWriter::create(16, detach);
            w.begin_object();
            w.key("n");
            w.count(2);
            w.table("rows", rows);
            w.table("more", rows);
            w.key("ok");
            w.bool(true);
            w.end_object();
            w.finish()
        };
        assert_eq!(
            write(false, br#"[{"a":"1.00"}]"#),
            r#"{"n":2,"rows":[{"a":"1.00"}],"more":[{"a":"1.00"}],"ok":true}"#
        );
        assert_eq!(
            write(false, b""),
            r#"{"n":2,"rows":[],"more":[],"ok":true}"#
        );
        assert_eq!(
            write(true, b"a\x021.00"),
            "a\u{2}1.00\u{1}a\u{2}1.00\u{1}{\"n\":2,\"rows\":{\"\\u0000\":0},\"more\":{\"\\u0000\":1},\"ok\":true}"
        );
        // The JSON part is plain JSON: the reader parses it before putting the tables in.
        let text = write(true, b"a\x021.00");
        let json_part = text.split(TABLE_START).next_back().unwrap_or_default();
        assert!(parse(json_part).is_ok());
    }

    #[test]
    fn writer_escapes_strings() {
        let mut w = JsonWriter::new();
        w.begin_array();
        w.string("<img src=x onerror=\"alert(1)\">\\\u{1}");
        w.count(-42);
        w.end_array();
        let text = w.finish();
        assert_eq!(text, r#"["<img src=x onerror=\"alert(1)\">\\\u0001",-42]"#);
        assert!(parse(&text).is_ok());
    }
}
