//! Reading inputs: serde deserialization with this crate's strict value grammar and error model.
//!
//! Every input type derives `Deserialize` with `deny_unknown_fields`; its leaves (numbers,
//! money, dates, options) are read by the [`Leaf`] impls here, through
//! `#[serde(deserialize_with = "de::req")]` (required) or
//! `#[serde(default, deserialize_with = "de::opt")]` (optional). Bounds are not checked here but
//! by each input's `validate`, so a Rust caller that builds an input by hand gets the same checks.
//!
//! [`from_json`] reads JSON text with `serde_json` and turns every failure into the crate's
//! [`Error`], with the field path found from where in the text serde_json stopped
//! ([`path_at`]: nothing is tracked while reading succeeds):
//!
//! | failure | code | message |
//! |---|---|---|
//! | not JSON, nested too deep | `INVALID_INPUT` | |
//! | the input is not an object | `INVALID_INPUT` | `the input must be an object, not number` |
//! | a key the type does not have | `UNKNOWN_FIELD` | `… is not a known field; did you mean annualRate? (known: …)` |
//! | a required key is absent | `MISSING_FIELD` | `principal is required` |
//! | an object or array of the wrong type | `INVALID_TYPE` | `rounding must be an object, not string` |
//! | a leaf value | as the [`Leaf`] impl says | |
//!
//! Conventions, the same for every function:
//! * numbers: a JSON number, or a string in the strict grammar of [`parse_decimal`]; `null`
//!   (what `JSON.stringify` makes of NaN and ±Infinity) is never a number; a JS number is read
//!   through its shortest round-trip decimal (`0.1` is exactly 0.1);
//! * money: at most 2 decimals; rates: fractions (`0.049` = 4.9%);
//! * dates: `YYYY-MM-DD`; an absent key means "use the default", `null` is an error.

use crate::calendar::parse_date;
use crate::error::{Error, ErrorKind, Result};
use crate::money::{parse_decimal, parse_json_number, DecimalSyntax, Money};
use chrono::NaiveDate;
use rust_decimal::prelude::*;
use serde::de::{self, DeserializeOwned, Deserializer, Visitor};

/// Longest string accepted where a number or date is expected.
const MAX_NUMBER_TEXT: usize = 64;
/// Largest input accepted, in bytes of JSON text.
pub const MAX_INPUT_BYTES: usize = 32 << 20;

/// Stands for the field path in a leaf's message until the path is known.
const PATH: &str = "\u{1}";
/// Frames an [`Error`] carried through serde as a custom error message (see [`carry`]).
const FRAME: char = '\u{0}';

/// Reads JSON text into the input type `T`, with the crate's error for every failure.
///
/// ```
/// use repayment_plan::api::{de::from_json, tvm::PmtInput};
/// let input: PmtInput = from_json(r#"{"rate":"0.005","nper":360,"pv":100000}"#).unwrap();
/// assert_eq!(input.nper.to_string(), "360");
/// let error = from_json::<PmtInput>(r#"{"rate":"0.005","nper":360,"pvv":1}"#).unwrap_err();
/// assert_eq!((error.code(), error.field()), ("UNKNOWN_FIELD", "pvv"));
/// assert!(error.message().contains("did you mean pv?"));
/// ```
///
/// # Errors
/// See the module docs: `INVALID_INPUT`, `UNKNOWN_FIELD`, `MISSING_FIELD`, `INVALID_TYPE`, and
/// each leaf's own errors (`INVALID_NUMBER`, `INVALID_DATE`, `INVALID_OPTION`, …).
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T> {
    let mut value = None;
    read_json(text, &mut |reader| {
        value = Some(T::deserialize(MapOnly(reader))?);
        Ok(())
    })?;
    // `read` ran and succeeded, so the value is there.
    value.ok_or_else(|| invalid_input("internal error: no value".into(), "内部错误：没有值".into()))
}

/// The part of [`from_json`] that does not depend on the type, so that it exists once: the
/// checks, the reader, `read` (which deserializes the type), the end of the text, and the
/// crate's error for any failure.
fn read_json(
    text: &str,
    read: &mut dyn FnMut(&mut JsonReader<'_>) -> serde_json::Result<()>,
) -> Result<()> {
    let text = &admit(text)?;
    let mut reader = serde_json::Deserializer::from_str(text);
    read(&mut reader).map_err(|e| failure(text, e))?;
    reader.end().map_err(|e| explain("", e))
}

/// serde_json's reader of a `&str`.
type JsonReader<'a> = serde_json::Deserializer<serde_json::de::StrRead<'a>>;

/// The checks before reading (size, depth) and the lone-surrogate repair ([`well_formed`]).
fn admit(text: &str) -> Result<std::borrow::Cow<'_, str>> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(invalid_input(
            "the input is larger than 32 MB".into(),
            "输入超过 32 MB".into(),
        ));
    }
    if nesting(text) > MAX_DEPTH {
        return Err(too_deep());
    }
    Ok(well_formed(text))
}

/// The crate's error for serde_json's failure `e` on `text`, with the field path found from
/// where serde_json stopped. Out of [`from_json`] so that it exists once, not once per type.
fn failure(text: &str, e: serde_json::Error) -> Error {
    let message = e.to_string();
    let (at, stop) = if let Some(end) = carried_end(&message, text) {
        (end, Stop::AfterValue)
    } else if message.starts_with("missing field") {
        (offset(text, e.line(), e.column()), Stop::ObjectEnd)
    } else {
        (offset(text, e.line(), e.column()), Stop::AtValue)
    };
    explain(&path_at(text, at, stop), e)
}

/// Deepest nesting accepted; real inputs are at most 4 levels deep.
pub const MAX_DEPTH: usize = 32;

fn too_deep() -> Error {
    invalid_input(
        "the input is nested too deeply".into(),
        "输入嵌套层级过深".into(),
    )
}

/// How deeply JSON text nests (`[[1]]` is 2): brackets outside strings; or, when the text has
/// at most [`MAX_DEPTH`] opening brackets at all, their count (a bound enough to know the depth
/// is within the limit). Checked before reading, so that depth is refused the same way whatever
/// key holds it.
fn nesting(text: &str) -> usize {
    // Fewer opening brackets than the limit anywhere (the usual input): no need to track strings.
    let opening = text.bytes().filter(|&b| b == b'[' || b == b'{').count();
    if opening <= MAX_DEPTH {
        return opening;
    }
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// `text` with each lone surrogate escape (`\ud800` not paired; `JSON.stringify` writes one for
/// a broken string) replaced by `\ufffd`, the replacement character, as the old reader did:
/// serde_json refuses lone surrogates. Same length, so error offsets do not move.
fn well_formed(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("\\u") {
        return text.into();
    }
    let bytes = text.as_bytes();
    let surrogate = |at: usize| -> Option<u16> {
        let hex = text.get(at + 2..at + 6)?;
        (bytes.get(at) == Some(&b'\\') && bytes.get(at + 1) == Some(&b'u'))
            .then(|| u16::from_str_radix(hex, 16).ok())
            .flatten()
            .filter(|u| (0xD800..0xE000).contains(u))
    };
    let mut out = text.as_bytes().to_vec();
    let (mut i, mut escaped) = (0, false);
    while i < bytes.len() {
        if escaped {
            escaped = false;
            i += 1;
            continue;
        }
        if bytes[i] == b'\\' {
            match surrogate(i) {
                Some(high)
                    if high < 0xDC00 && surrogate(i + 6).is_some_and(|low| low >= 0xDC00) =>
                {
                    i += 12;
                    continue;
                }
                Some(_) => out[i + 2..i + 6].copy_from_slice(b"fffd"),
                None => {}
            }
            escaped = true;
        }
        i += 1;
    }
    String::from_utf8(out).map_or(text.into(), Into::into)
}

/// The byte offset of serde_json's error position (line and column, 1-based, in bytes).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column).min(text.len())
}

/// Where serde_json stopped, relative to the value at fault.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// At the value's first character (serde_json refused its type before reading it).
    AtValue,
    /// After the value, or after its opening bracket (a leaf visitor refused it).
    AfterValue,
    /// At the end of the object that lacks a field.
    ObjectEnd,
}

/// The field path (`items[1].fee`) at byte `end` of JSON text: the keys and indices of the
/// objects and arrays open there, read as [`Stop`] says. Computed only on error, so reading a
/// valid input tracks nothing (serde_path_to_error's tracking wrapped every visitor of every
/// input type: about 30 KB of wasm).
pub fn path_at(text: &str, end: usize, stop: Stop) -> String {
    enum Frame {
        Object(Option<String>),
        Array(usize),
    }
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut expecting_key = false;
    // The last byte outside strings and white space: a value rejected for its type may have had
    // its opening bracket read, but is not inside itself.
    let mut last = b' ';
    let mut i = 0;
    while i < end {
        if !bytes[i].is_ascii_whitespace() {
            last = bytes[i];
        }
        match bytes[i] {
            b'{' => {
                stack.push(Frame::Object(None));
                expecting_key = true;
            }
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(_)) => expecting_key = true,
                None => {}
            },
            b':' => expecting_key = false,
            b'"' => {
                // The string's end: the next quote not escaped.
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                if j >= end {
                    break;
                }
                if expecting_key {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        *key = serde_json::from_str(&text[i..=j]).ok();
                    }
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    if stop == Stop::AfterValue && last == b'[' {
        stack.pop();
    }
    if stop == Stop::ObjectEnd {
        // The object whose field is missing, whether or not its `}` was read.
        if let (Some(Frame::Object(key)), true) = (stack.last_mut(), bytes.get(end) != Some(&b'}'))
        {
            *key = None;
        }
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(n) => {
                path.push('[');
                path.push_str(&n.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// `parent.key`, or `key` at the root.
pub fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// `parent[i]`.
pub fn index(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

fn invalid_input(en: String, zh: String) -> Error {
    Error::new(ErrorKind::InvalidInput, "", en, zh)
}

/// The crate's error for a serde_json failure at `path`.
fn explain(path: &str, error: serde_json::Error) -> Error {
    use serde_json::error::Category;
    let text = error.to_string();
    if let Some(carried) = uncarry(&text, path) {
        return carried;
    }
    match error.classify() {
        Category::Data => {}
        Category::Io | Category::Syntax | Category::Eof => {
            if text.starts_with("recursion limit exceeded") {
                return too_deep();
            }
            let (line, column) = (error.line(), error.column());
            return invalid_input(
                format!("the input is not valid JSON (line {line}, column {column})"),
                format!("输入不是有效的 JSON（第 {line} 行第 {column} 列）"),
            );
        }
    }
    // serde's own messages (serde::de::Error's provided methods), followed by serde_json's
    // " at line L column C".
    let message = match text.rfind(" at line ") {
        Some(at) => &text[..at],
        None => text.as_str(),
    };
    if let Some(rest) = message.strip_prefix("unknown field `") {
        return unknown_field(path, rest);
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.trim_end_matches('`');
        let path = join(path, key);
        return Error::new(
            ErrorKind::MissingField,
            &path,
            format!("{path} is required"),
            format!("缺少必填字段 {path}"),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let got = serde_type_name(rest);
        let expected_array = rest.contains("expected a sequence");
        if path.is_empty() {
            return invalid_input(
                format!("the input must be an object, not {got}"),
                format!("输入须为对象，而不是 {got}"),
            );
        }
        let (en, zh) = if expected_array {
            ("an array", "数组")
        } else {
            ("an object", "对象")
        };
        return wrong_type(path, en, zh, got);
    }
    invalid_input(
        format!("the input could not be read: {message}"),
        format!("无法读取输入：{message}"),
    )
}

/// The JSON type name of serde's `Unexpected` text (`integer `5``, `unit value`, …).
fn serde_type_name(unexpected: &str) -> &'static str {
    let first = unexpected.split([' ', ',']).next().unwrap_or("");
    match first {
        "boolean" => "boolean",
        "integer" | "floating" => "number",
        "string" | "character" => "string",
        "unit" | "null" => "null",
        "sequence" => "array",
        _ => "object",
    }
}

/// `UNKNOWN_FIELD` from serde's "unknown field `key`, expected one of `a`, `b`" (after the
/// opening backtick), with a spelling suggestion from the known keys. `at` is the path where
/// reading stopped, which may already end with the key.
fn unknown_field(at: &str, rest: &str) -> Error {
    let end = ["`, expected ", "`, there are no fields"]
        .iter()
        .filter_map(|tail| rest.find(tail))
        .min()
        .unwrap_or(rest.len());
    let (key, expected) = rest.split_at(end);
    let mut known: Vec<&str> = expected
        .split('`')
        .skip(2)
        .step_by(2)
        .filter(|k| !k.is_empty())
        .collect();
    let path = if at.ends_with(key) {
        at.to_string()
    } else {
        join(at, key)
    };
    let suggestion = known
        .iter()
        .map(|k| (edit_distance(key, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min()
        .map(|(_, k)| k);
    let (hint_en, hint_zh) = match suggestion {
        Some(k) => (
            format!("; did you mean {k}?"),
            format!("；是否想填写 {k}？"),
        ),
        None => (String::new(), String::new()),
    };
    known.sort_unstable();
    known.dedup();
    let known = known.join(", ");
    Error::new(
        ErrorKind::UnknownField,
        &path,
        format!("{path} is not a known field{hint_en} (known: {known})"),
        format!("无法识别字段 {path}{hint_zh}（可用字段：{known}）"),
    )
}

/// Levenshtein distance, for spelling suggestions (keys are short).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    // One row of the distance table, updated in place.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().take(64).enumerate() {
        // `diagonal` is the previous row's value one column left; `left` the new row's.
        let (mut diagonal, mut left) = (i, i + 1);
        let mut cells = row.iter_mut();
        if let Some(first) = cells.next() {
            *first = left;
        }
        for (cb, cell) in b.iter().zip(cells) {
            let up = *cell;
            left = (diagonal + usize::from(ca != *cb))
                .min(left + 1)
                .min(up + 1);
            diagonal = up;
            *cell = left;
        }
    }
    row.last().copied().unwrap_or(0)
}

/// `{path} must be {expected}, not {got}`.
pub fn wrong_type(path: &str, expected_en: &str, expected_zh: &str, got: &str) -> Error {
    Error::new(
        ErrorKind::InvalidType,
        path,
        format!("{path} must be {expected_en}, not {got}"),
        format!("{path} 应为{expected_zh}，而不是 {got}"),
    )
}

/// An error of the leaf whose JSON text is `raw` (a slice of the input), as a serde custom
/// error: the value's end (its address, from which [`from_json`] finds the offset in the input
/// and so the field path) and the error's parts, framed by NUL characters, the path written as
/// [`PATH`]. [`from_json`] takes it apart again.
fn carry<E: de::Error>(raw: &str, error: Error) -> E {
    framed(raw.as_ptr() as usize + raw.len(), &error)
}

/// The crate's `error` carried through serde from where no value's text is at hand (a visitor
/// refusing the value's type): end address 0, which is in no input, so its path is where
/// serde_json stopped.
pub fn reject<E: de::Error>(error: Error) -> E {
    framed(0, &error)
}

/// The frame of [`carry`] and [`reject`].
fn framed<E: de::Error>(end: usize, error: &Error) -> E {
    E::custom(format_args!(
        "{FRAME}{end}{FRAME}{}{FRAME}{}{FRAME}{}{FRAME}",
        error.code(),
        error.message(),
        error.message_zh()
    ))
}

/// The offset in `text` where the value of a [`carry`]-framed error ends.
fn carried_end(message: &str, text: &str) -> Option<usize> {
    let end: usize = message.split(FRAME).nth(1)?.parse().ok()?;
    end.checked_sub(text.as_ptr() as usize)
        .filter(|&at| at <= text.len())
}

/// The error [`carry`] framed in `text`, with `path` put in.
fn uncarry(text: &str, path: &str) -> Option<Error> {
    let mut parts = text.split(FRAME).skip(2);
    let (code, en, zh) = (parts.next()?, parts.next()?, parts.next()?);
    let kind = ErrorKind::ALL.into_iter().find(|k| k.code() == code)?;
    Some(Error::new(
        kind,
        path,
        en.replace(PATH, path),
        zh.replace(PATH, path),
    ))
}

/// What serde handed a leaf: the JSON value, without copying strings.
#[derive(Clone, Copy, Debug)]
pub enum Token<'a> {
    /// A JSON number, as the shortest decimal text that reads back as the same double (what
    /// JavaScript's `JSON.stringify` writes), or as an integer.
    Number(Number<'a>),
    Str(&'a str),
    Bool(bool),
    Null,
    Array,
    Object,
}

/// A JSON number, as its text in the input (`JSON.stringify` writes a JS number as
/// `Number.prototype.toString` does: the shortest round-trip digits, plain from 10⁻⁶ to below
/// 10²¹, else `d.ddde±x`). Read as text, never through a double, so `0.1` is exactly 0.1.
#[derive(Clone, Copy, Debug)]
pub struct Number<'a>(&'a str);

impl Token<'_> {
    /// The JSON type name, for messages.
    pub fn type_name(self) -> &'static str {
        match self {
            Token::Number(_) => "number",
            Token::Str(_) => "string",
            Token::Bool(_) => "boolean",
            Token::Null => "null",
            Token::Array => "array",
            Token::Object => "object",
        }
    }

    /// The value, short, for a message: never the whole of a 10 MB string.
    fn echo(self) -> String {
        match self {
            Token::Str(s) => {
                let short: String = s.chars().take(24).collect();
                if short.len() < s.len() {
                    format!("\"{short}…\"")
                } else {
                    format!("\"{short}\"")
                }
            }
            Token::Number(n) => n.text().chars().take(24).collect(),
            other => other.type_name().to_string(),
        }
    }
}

impl Number<'_> {
    /// The number's text, as in the input.
    pub fn text(self) -> String {
        self.0.to_string()
    }

    /// The exact decimal of [`Number::text`].
    fn decimal(self) -> std::result::Result<Decimal, DecimalSyntax> {
        parse_json_number(self.0)
    }
}

/// A value read from one JSON leaf with the crate's strict rules. Implemented for the value
/// types of the inputs; an input field uses it through [`req`], [`opt`] or [`list`].
pub trait Leaf: Sized {
    /// Converts the token; messages write the field path as [`leaf_path`].
    ///
    /// # Errors
    /// The crate's error for a value of the wrong type or grammar.
    fn from_token(token: Token<'_>) -> Result<Self>;
}

/// The placeholder for the field path in a [`Leaf`] error message.
pub fn leaf_path() -> &'static str {
    PATH
}

fn leaf_wrong_type(token: Token<'_>, en: &str, zh: &str) -> Error {
    wrong_type(PATH, en, zh, token.type_name())
}

impl Leaf for Decimal {
    /// A JSON number or a strict decimal string (`"1234.56"`).
    fn from_token(token: Token<'_>) -> Result<Decimal> {
        let parsed = match token {
            Token::Number(n) => n.decimal(),
            Token::Str(text) if text.len() <= MAX_NUMBER_TEXT => parse_decimal(text),
            Token::Str(_) => Err(DecimalSyntax::TooManyDigits),
            Token::Null => {
                return Err(Error::new(
                    ErrorKind::InvalidNumber,
                    PATH,
                    format!("{PATH} must be a finite number or a decimal string such as \"1234.56\" (got null, NaN or Infinity)"),
                    format!("{PATH} 须为有限数字或小数字符串，例如 \"1234.56\"（收到 null、NaN 或 Infinity）"),
                ))
            }
            other => {
                return Err(leaf_wrong_type(
                    other,
                    "a number or a decimal string",
                    "数字或小数字符串",
                ))
            }
        };
        parsed.map_err(|syntax| match syntax {
            DecimalSyntax::Grammar => Error::new(
                ErrorKind::InvalidNumber,
                PATH,
                format!("{PATH} must be a plain decimal such as \"1234.56\" (no exponent, spaces, separators or plus sign); got {}", token.echo()),
                format!("{PATH} 须为普通小数，例如 \"1234.56\"（不能有指数、空格、分隔符或加号）；收到 {}", token.echo()),
            ),
            DecimalSyntax::TooManyDigits => Error::new(
                ErrorKind::InvalidNumber,
                PATH,
                format!("{PATH} has more digits than can be held exactly (at most 28 significant digits); got {}", token.echo()),
                format!("{PATH} 位数过多，无法精确表示（最多 28 位有效数字）；收到 {}", token.echo()),
            ),
        })
    }
}

impl Leaf for Money {
    /// A decimal ([`Decimal`]'s rules) with at most 2 decimal places, saturated into the range
    /// of [`Money`] (±92,233,720,368,547,758.07 yuan) as whole numbers are: every money
    /// field's `validate` bounds lie far inside it, so 10²⁰ yuan fails there with the field's own
    /// range message, not as "more than 2 decimal places".
    fn from_token(token: Token<'_>) -> Result<Money> {
        let yuan = Decimal::from_token(token)?;
        if yuan.round_dp(2) != yuan {
            return Err(Error::new(
                ErrorKind::InvalidNumber,
                PATH,
                format!("{PATH} has more than 2 decimal places; money is exact to the fen (0.01)"),
                format!("{PATH} 超过两位小数；金额精确到分（0.01）"),
            ));
        }
        Ok(
            Money::from_decimal_exact(yuan).unwrap_or(Money::from_fen(
                if yuan.is_sign_negative() {
                    i64::MIN
                } else {
                    i64::MAX
                },
            )),
        )
    }
}

/// A whole number ([`Decimal`]'s rules, no fraction), saturated into `T`'s range: every integer
/// field's `validate` bounds lie strictly inside its type, so a saturated value fails there with
/// the field's own range message, as any other out-of-range value does.
fn whole<T: TryFrom<i64> + Bounded>(token: Token<'_>) -> Result<T> {
    let d = Decimal::from_token(token)?;
    if !d.fract().is_zero() {
        return Err(Error::new(
            ErrorKind::InvalidNumber,
            PATH,
            format!("{PATH} must be a whole number"),
            format!("{PATH} 须为整数"),
        ));
    }
    let n = d.to_i64().unwrap_or(if d.is_sign_negative() {
        i64::MIN
    } else {
        i64::MAX
    });
    Ok(T::try_from(n).unwrap_or(if n < 0 { T::MIN } else { T::MAX }))
}

/// The ends of an integer type, for `whole`.
pub trait Bounded {
    const MIN: Self;
    const MAX: Self;
}

macro_rules! whole_leaf {
    ($($t:ty),*) => {$(
        impl Bounded for $t {
            const MIN: $t = <$t>::MIN;
            const MAX: $t = <$t>::MAX;
        }
        impl Leaf for $t {
            /// A whole number: a JSON number or a decimal string without a fraction.
            fn from_token(token: Token<'_>) -> Result<$t> {
                whole(token)
            }
        }
    )*};
}
whole_leaf!(u8, u32, i32, i64);

impl Leaf for NaiveDate {
    /// `YYYY-MM-DD`, a real date from 1900-01-01 to 2200-12-31.
    fn from_token(token: Token<'_>) -> Result<NaiveDate> {
        match token {
            Token::Str(text) => parse_date(text).ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidDate,
                    PATH,
                    format!("{PATH} must be a real date written YYYY-MM-DD between 1900-01-01 and 2200-12-31; got {}", token.echo()),
                    format!("{PATH} 须为真实日期，格式 YYYY-MM-DD，范围 1900-01-01 至 2200-12-31；收到 {}", token.echo()),
                )
            }),
            other => Err(leaf_wrong_type(other, "a date string YYYY-MM-DD", "日期字符串 YYYY-MM-DD")),
        }
    }
}

impl Leaf for bool {
    fn from_token(token: Token<'_>) -> Result<bool> {
        match token {
            Token::Bool(b) => Ok(b),
            other => Err(leaf_wrong_type(other, "true or false", "true 或 false")),
        }
    }
}

impl Leaf for String {
    /// Any string; its length is checked by `validate`.
    fn from_token(token: Token<'_>) -> Result<String> {
        match token {
            Token::Str(text) => Ok(text.to_string()),
            other => Err(leaf_wrong_type(other, "a string", "字符串")),
        }
    }
}

/// A closed set of string options (`method: "annuity"`): implement this, and [`Leaf`] comes
/// with it (see [`choices!`](crate::choices)).
pub trait Choice: Copy + 'static {
    /// Each option's JSON name, in documentation order.
    const NAMES: &'static [&'static str];
    /// The value of each name in [`Choice::NAMES`], in the same order.
    const VALUES: &'static [Self];
}

/// Reads a [`Choice`].
///
/// # Errors
/// `INVALID_OPTION` for a string that is not one of the names; `INVALID_TYPE` for another type.
pub fn choice<T: Choice>(token: Token<'_>) -> Result<T> {
    let at = choice_index(token, T::NAMES)?;
    T::VALUES.get(at).copied().ok_or_else(|| {
        invalid_input(
            "internal error: a choice without a value".into(),
            "内部错误：选项没有值".into(),
        )
    })
}

/// Where the string `token` is in `names`: the part of [`choice`] that does not depend on the
/// type, so that it exists once rather than once per option type.
fn choice_index(token: Token<'_>, names: &[&str]) -> Result<usize> {
    let listed = || {
        let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
        quoted.join(", ")
    };
    match token {
        Token::Str(text) => names.iter().position(|name| *name == text).ok_or_else(|| {
            let names = listed();
            Error::new(
                ErrorKind::InvalidOption,
                PATH,
                format!("{PATH} must be one of {names}; got {}", token.echo()),
                format!("{PATH} 须为以下之一：{names}；收到 {}", token.echo()),
            )
        }),
        other => {
            let names = listed();
            Err(leaf_wrong_type(
                other,
                &format!("one of {names}"),
                &format!("以下之一：{names}"),
            ))
        }
    }
}

/// The JSON name of a [`Choice`] value.
pub fn choice_name<T: Choice + PartialEq>(value: T) -> &'static str {
    T::VALUES
        .iter()
        .position(|v| *v == value)
        .and_then(|at| T::NAMES.get(at))
        .copied()
        .unwrap_or("")
}

/// Declares the JSON names of an enum's options: implements [`Choice`], [`Leaf`],
/// `Serialize` and `Deserialize` (as the name).
///
/// ```ignore
/// choices!(When { "end" => When::End, "begin" => When::Begin });
/// ```
#[macro_export]
macro_rules! choices {
    ($t:ty { $($name:literal => $value:expr),* $(,)? }) => {
        impl $crate::api::de::Choice for $t {
            const NAMES: &'static [&'static str] = &[$($name),*];
            const VALUES: &'static [$t] = &[$($value),*];
        }
        impl $crate::api::de::Leaf for $t {
            fn from_token(token: $crate::api::de::Token<'_>) -> $crate::Result<$t> {
                $crate::api::de::choice(token)
            }
        }
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.serialize_str($crate::api::de::choice_name(*self))
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<$t, D::Error> {
                $crate::api::de::req(d)
            }
        }
        /// TypeScript: the union of the option names.
        impl ts_rs::TS for $t {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn name(_: &ts_rs::Config) -> String {
                let path = stringify!($t);
                path.rsplit("::").next().unwrap_or(path).trim().to_string()
            }
            fn inline(_: &ts_rs::Config) -> String {
                let names: Vec<String> = [$($name),*].iter().map(|n| format!("\"{n}\"")).collect();
                names.join(" | ")
            }
            fn decl(cfg: &ts_rs::Config) -> String {
                format!("type {} = {};", Self::name(cfg), Self::inline(cfg))
            }
            fn decl_concrete(cfg: &ts_rs::Config) -> String {
                Self::decl(cfg)
            }
            fn output_path() -> Option<std::path::PathBuf> {
                Some(std::path::PathBuf::from(format!("{}.ts", stringify!($t))))
            }
        }
    };
}

/// One JSON value's text, borrowed from the input (serde_json's `RawValue`: the value is
/// checked and skipped, not converted). Leaves are read this way so that a number is read from
/// its text, never through a double, and so that serde_json's value parser is not instantiated
/// once per leaf type. Input types are read with [`from_json`] (serde_json); another
/// deserializer cannot lend raw JSON text and fails with its own error.
type Raw<'de> = &'de serde_json::value::RawValue;

/// Converts a leaf's JSON text with `L`, the error carrying where the value ends.
fn leaf<L: Leaf, E: de::Error>(raw: &str) -> std::result::Result<L, E> {
    with_token(raw, L::from_token).map_err(|error| carry(raw, error))
}

/// The [`Token`] of one JSON value's text, handed to `convert`. A string with escapes is
/// unescaped into a temporary.
fn with_token<T>(raw: &str, convert: fn(Token<'_>) -> Result<T>) -> Result<T> {
    let token = match raw.as_bytes().first() {
        Some(b'"') => {
            let inner = raw.get(1..raw.len() - 1).unwrap_or("");
            // A byte loop: for a short string, cheaper than the call of a memchr search.
            if inner.bytes().any(|b| b == b'\\') {
                let unescaped: String = serde_json::from_str(raw).map_err(|e| {
                    invalid_input(
                        format!("the input could not be read: {e}"),
                        format!("无法读取输入：{e}"),
                    )
                })?;
                return convert(Token::Str(&unescaped));
            }
            Token::Str(inner)
        }
        Some(b't') => Token::Bool(true),
        Some(b'f') => Token::Bool(false),
        Some(b'n') => Token::Null,
        Some(b'[') => Token::Array,
        Some(b'{') => Token::Object,
        _ => Token::Number(Number(raw)),
    };
    convert(token)
}

/// A required leaf field: `#[serde(deserialize_with = "de::req")]`.
///
/// # Errors
/// The leaf's own error (see [`Leaf`]).
pub fn req<'de, D: Deserializer<'de>, L: Leaf>(d: D) -> std::result::Result<L, D::Error> {
    let raw: Raw<'de> = de::Deserialize::deserialize(d)?;
    leaf(raw.get())
}

/// An optional leaf field, where `null` is an error, not "absent":
/// `#[serde(default, deserialize_with = "de::opt")]`.
///
/// # Errors
/// The leaf's own error (see [`Leaf`]).
pub fn opt<'de, D: Deserializer<'de>, L: Leaf>(d: D) -> std::result::Result<Option<L>, D::Error> {
    req(d).map(Some)
}

/// A list of leaves (`values: [1, 2]`): `#[serde(deserialize_with = "de::list")]`; an element's
/// error names its index (`values[17]`).
///
/// # Errors
/// `INVALID_TYPE` when the value is not an array; the element's own error.
pub fn list<'de, D: Deserializer<'de>, L: Leaf>(d: D) -> std::result::Result<Vec<L>, D::Error> {
    let raw: Raw<'de> = de::Deserialize::deserialize(d)?;
    let raw = raw.get();
    if !raw.starts_with('[') {
        return match with_token(raw, not_array) {
            Err(error) => Err(carry(raw, error)),
            Ok(never) => match never {},
        };
    }
    let mut out = Vec::new();
    for_each_element(raw, &mut |element| {
        out.push(leaf(element)?);
        Ok(())
    })?;
    Ok(out)
}

/// Hands each element of a JSON array's text (checked by serde_json already) to `f`, as a
/// slice of it. Reading each element as its own `RawValue` instead costs about as much again
/// as the numbers' arithmetic (serde_json matches its private marker name twice per element).
fn for_each_element<E>(
    raw: &str,
    f: &mut dyn FnMut(&str) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let bytes = raw.as_bytes();
    let mut at = skip_whitespace(bytes, 1);
    while let Some(&first) = bytes.get(at) {
        let start = at;
        at = match first {
            b']' => break,
            b'"' => string_end(bytes, at),
            b'[' | b'{' => nested_end(bytes, at),
            // A number, true, false or null: up to the next delimiter.
            _ => {
                let rest = bytes.get(at..).unwrap_or_default();
                at + rest
                    .iter()
                    .position(|b| matches!(b, b',' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
                    .unwrap_or(rest.len())
            }
        };
        f(raw.get(start..at).unwrap_or(""))?;
        at = skip_whitespace(bytes, at);
        if bytes.get(at) != Some(&b',') {
            break;
        }
        at = skip_whitespace(bytes, at + 1);
    }
    Ok(())
}

/// The first index from `at` that is not JSON whitespace.
fn skip_whitespace(bytes: &[u8], at: usize) -> usize {
    let rest = bytes.get(at..).unwrap_or_default();
    at + rest
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .unwrap_or(rest.len())
}

/// The index just after the string that opens at `at`.
fn string_end(bytes: &[u8], mut at: usize) -> usize {
    at += 1;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'"' => return at + 1,
            b'\\' => at += 2,
            _ => at += 1,
        }
    }
    at
}

/// The index just after the array or object that opens at `at`.
fn nested_end(bytes: &[u8], mut at: usize) -> usize {
    let mut depth = 0usize;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'"' => {
                at = string_end(bytes, at);
                continue;
            }
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return at + 1;
                }
            }
            _ => {}
        }
        at += 1;
    }
    at
}

/// The error for a list field given another type.
fn not_array(token: Token<'_>) -> Result<std::convert::Infallible> {
    Err(leaf_wrong_type(token, "an array", "数组"))
}

/// [`list`], optional (absent: `None`).
///
/// # Errors
/// As [`list`].
pub fn opt_list<'de, D: Deserializer<'de>, L: Leaf>(
    d: D,
) -> std::result::Result<Option<Vec<L>>, D::Error> {
    list(d).map(Some)
}

/// A deserializer that reads structs only from JSON objects. A derived struct also accepts an
/// array of its fields in order (`[1, "annuity"]`), which no caller means: every struct in an
/// input is read through this ([`from_json`] at the root; [`object`], [`objects`] below).
struct MapOnly<D>(D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for MapOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> std::result::Result<V::Value, D::Error> {
        self.0.deserialize_any(v)
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> std::result::Result<V::Value, D::Error> {
        self.0.deserialize_map(v)
    }
    /// As a struct: serde_json refuses anything but an object before the visitor sees it.
    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> std::result::Result<V::Value, D::Error> {
        self.0.deserialize_map(v)
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct enum identifier
        ignored_any
    }
}

/// A nested object field: `#[serde(deserialize_with = "de::object")]` (see `MapOnly`).
///
/// # Errors
/// `INVALID_TYPE` when the value is not an object; the object's own errors.
pub fn object<'de, D: Deserializer<'de>, T: de::Deserialize<'de>>(
    d: D,
) -> std::result::Result<T, D::Error> {
    T::deserialize(MapOnly(d))
}

/// [`object`], optional (absent: `None`; `null` is an error).
///
/// # Errors
/// As [`object`].
pub fn opt_object<'de, D: Deserializer<'de>, T: de::Deserialize<'de>>(
    d: D,
) -> std::result::Result<Option<T>, D::Error> {
    object(d).map(Some)
}

/// A list of objects: `#[serde(deserialize_with = "de::objects")]`.
///
/// # Errors
/// `INVALID_TYPE` when the value is not an array of objects; each object's own errors.
pub fn objects<'de, D: Deserializer<'de>, T: de::Deserialize<'de>>(
    d: D,
) -> std::result::Result<Vec<T>, D::Error> {
    struct Item<T>(T);
    impl<'de, T: de::Deserialize<'de>> de::Deserialize<'de> for Item<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
            object(d).map(Item)
        }
    }
    let items: Vec<Item<T>> = de::Deserialize::deserialize(d)?;
    Ok(items.into_iter().map(|Item(t)| t).collect())
}

/// [`objects`], optional (absent: `None`).
///
/// # Errors
/// As [`objects`].
pub fn opt_objects<'de, D: Deserializer<'de>, T: de::Deserialize<'de>>(
    d: D,
) -> std::result::Result<Option<Vec<T>>, D::Error> {
    objects(d).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct Probe {
        #[serde(deserialize_with = "req")]
        principal: Money,
        #[serde(default, deserialize_with = "opt")]
        annual_rate: Option<Decimal>,
        #[serde(default, deserialize_with = "opt")]
        periods: Option<u32>,
        #[serde(default, deserialize_with = "objects")]
        items: Vec<Item>,
        #[serde(default, deserialize_with = "opt_list")]
        dates: Option<Vec<NaiveDate>>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct Item {
        #[serde(deserialize_with = "req")]
        fee: Money,
    }

    fn error(text: &str) -> (String, String, String) {
        let e = from_json::<Probe>(text).expect_err(text);
        (e.code().into(), e.field().into(), e.message().into())
    }

    #[test]
    fn reads_leaves() {
        let p: Probe = from_json(
            r#"{"principal":1000.5,"annualRate":"0.049","periods":"12","items":[{"fee":0.1}],"dates":["2024-01-31"]}"#,
        )
        .unwrap();
        assert_eq!(p.principal.fen(), 100_050);
        assert_eq!(p.annual_rate.unwrap().to_string(), "0.049");
        assert_eq!(p.periods, Some(12));
        assert_eq!(p.items[0].fee.fen(), 10);
        assert_eq!(p.dates.unwrap()[0].to_string(), "2024-01-31");
    }

    #[test]
    fn errors_carry_paths_and_messages() {
        let (code, field, message) = error(r#"{"principal":1,"anualRate":0.049}"#);
        assert_eq!(
            (code.as_str(), field.as_str()),
            ("UNKNOWN_FIELD", "anualRate")
        );
        assert_eq!(
            message,
            "anualRate is not a known field; did you mean annualRate? (known: annualRate, dates, items, periods, principal)"
        );
        let (code, field, _) = error(r#"{"principal":1,"items":[{"fee":1},{"fe":2}]}"#);
        assert_eq!(
            (code.as_str(), field.as_str()),
            ("UNKNOWN_FIELD", "items[1].fe")
        );
        let (code, field, message) = error(r#"{"principal":1,"items":[{"fee":1},{"fee":"1e2"}]}"#);
        assert_eq!(
            (code.as_str(), field.as_str()),
            ("INVALID_NUMBER", "items[1].fee")
        );
        assert!(
            message.starts_with("items[1].fee must be a plain decimal"),
            "{message}"
        );
        let (code, field, message) = error(r#"{"annualRate":0.049}"#);
        assert_eq!(
            (code.as_str(), field.as_str(), message.as_str()),
            ("MISSING_FIELD", "principal", "principal is required")
        );
        for (text, field) in [
            (r#"{"principal":1,"items":[{"fee":1},{}]}"#, "items[1].fee"),
            (
                r#"{"principal":1,"items":[{"fee":1},{ } ]}"#,
                "items[1].fee",
            ),
            (r#"{"items":[{"fee":1}]}"#, "principal"),
            (
                r#"{"items":[{"fee":1}] , "principal" : 1 , "periods" : "x"}"#,
                "periods",
            ),
            (
                r#"{"principal":1,"items":[{"fee":1},{"fee":"a\"b"}]}"#,
                "items[1].fee",
            ),
            (
                "{\n \"principal\": 1,\n \"items\": [\n {\"fee\": 1.234}]}",
                "items[0].fee",
            ),
        ] {
            assert_eq!(error(text).1, field, "{text}");
        }
        // A value of the wrong type is blamed on its own path, not on its first item.
        assert_eq!(error(r#"{"principal":[1]}"#).1, "principal");
        assert_eq!(error(r#"{"principal":1,"dates":[[1]]}"#).1, "dates[0]");
        let (code, field, message) = error(r#"{"principal":null}"#);
        assert_eq!(
            (code.as_str(), field.as_str()),
            ("INVALID_NUMBER", "principal")
        );
        assert!(message.contains("got null, NaN or Infinity"));
        let (code, _, message) = error(r#"{"principal":1,"items":5}"#);
        assert_eq!(
            (code.as_str(), message.as_str()),
            ("INVALID_TYPE", "items must be an array, not number")
        );
        let (code, _, message) = error(r#"{"principal":1,"items":[true]}"#);
        assert_eq!(
            (code.as_str(), message.as_str()),
            ("INVALID_TYPE", "items[0] must be an object, not boolean")
        );
        let (code, _, message) = error(r#"{"principal":1,"dates":{}}"#);
        assert_eq!(
            (code.as_str(), message.as_str()),
            ("INVALID_TYPE", "dates must be an array, not object")
        );
        let (code, field, _) = error(r#"{"principal":1,"dates":["2024-02-30"]}"#);
        assert_eq!(
            (code.as_str(), field.as_str()),
            ("INVALID_DATE", "dates[0]")
        );
        let (code, field, message) = error(r#"{"principal":1,"periods":12.5}"#);
        assert_eq!(
            (code.as_str(), field.as_str(), message.as_str()),
            (
                "INVALID_NUMBER",
                "periods",
                "periods must be a whole number"
            )
        );
        let (code, field, message) = error("[1]");
        assert_eq!(
            (code.as_str(), field.as_str(), message.as_str()),
            (
                "INVALID_INPUT",
                "",
                "the input must be an object, not array"
            )
        );
        let (code, _, message) = error(r#"{"principal":1,"items":[[1]]}"#);
        assert_eq!(
            (code.as_str(), message.as_str()),
            ("INVALID_TYPE", "items[0] must be an object, not array")
        );
        assert_eq!(error("{").0, "INVALID_INPUT");
        assert_eq!(error(r#"{"principal":1} x"#).0, "INVALID_INPUT");
        // Deep values are refused whole, whichever key holds them.
        for depth in [33, 100, 5000] {
            let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let (code, field, message) = error(&format!(r#"{{"principal":1,"x":{deep}}}"#));
            assert_eq!(
                (code.as_str(), field.as_str(), message.as_str()),
                ("INVALID_INPUT", "", "the input is nested too deeply")
            );
        }
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Named {
        #[serde(deserialize_with = "req")]
        name: String,
    }

    #[test]
    fn lone_surrogates_read_as_the_replacement_character() {
        for (text, name) in [
            (r#"{"name":"a\ud800b"}"#, "a\u{fffd}b"),
            (r#"{"name":"\udc00"}"#, "\u{fffd}"),
            (r#"{"name":"😀\ud83d\ude00\\ud800"}"#, "😀😀\\ud800"),
        ] {
            let named: Named = from_json(text).unwrap();
            assert_eq!(named.name, name, "{text}");
        }
    }

    #[test]
    fn saturates_whole_numbers() {
        for (text, periods) in [
            (r#"{"principal":1,"periods":1e15}"#, u32::MAX),
            (
                r#"{"principal":1,"periods":"99999999999999999999"}"#,
                u32::MAX,
            ),
            (r#"{"principal":1,"periods":-5}"#, 0),
        ] {
            let p: Probe = from_json(text).unwrap();
            assert_eq!(p.periods, Some(periods), "{text}");
        }
    }

    #[test]
    fn saturates_money() {
        for (text, fen) in [
            (r#"{"principal":1e20}"#, i64::MAX),
            (r#"{"principal":"-100000000000000000000.5"}"#, i64::MIN),
            (r#"{"principal":"92233720368547758.07"}"#, i64::MAX),
            (r#"{"principal":"-0.10"}"#, -10),
        ] {
            let p: Probe = from_json(text).unwrap();
            assert_eq!(p.principal.fen(), fen, "{text}");
        }
        let (code, field, _) = error(r#"{"principal":"100000000000000000000.001"}"#);
        assert_eq!(
            (code.as_str(), field.as_str()),
            ("INVALID_NUMBER", "principal")
        );
    }

    /// Numbers are read from their text as `JSON.stringify` writes them, never through a
    /// double: `0.1` is exactly 0.1, and 17 significant digits stay 17.
    #[test]
    fn numbers_are_read_from_their_text() {
        for (text, expected) in [
            ("0.1", "0.1"),
            ("-12000", "-12000"),
            ("1e+21", "1000000000000000000000"),
            ("1.5e-7", "0.00000015"),
            ("123.456", "123.456"),
            ("0.30000000000000004", "0.30000000000000004"),
            ("123456789012345680000", "123456789012345680000"),
            ("-0.5", "-0.5"),
        ] {
            let probe: Probe =
                from_json(&format!(r#"{{"principal":1,"annualRate":{text}}}"#)).unwrap();
            assert_eq!(probe.annual_rate.unwrap().to_string(), expected, "{text}");
        }
    }

    /// A string leaf with escapes is unescaped before it is read.
    #[test]
    fn escaped_strings_are_unescaped() {
        let probe: Probe =
            from_json(r#"{"principal":"1\u0030","dates":["2025\u002d01-31"]}"#).unwrap();
        assert_eq!(probe.principal.to_string(), "10.00");
        assert_eq!(probe.dates.unwrap()[0].to_string(), "2025-01-31");
    }

    #[test]
    fn edit_distances() {
        for (a, b, d) in [
            ("kitten", "sitting", 3),
            ("", "abc", 3),
            ("abc", "", 3),
            ("anualRate", "annualRate", 1),
            ("利率", "利息", 1),
        ] {
            assert_eq!(edit_distance(a, b), d, "{a} {b}");
        }
    }
}
