//! Reading a JSON input object into typed values, with exact field paths in every error.
//!
//! [`Fields`] wraps one JSON object. Each getter takes a key, marks it as read and converts its
//! value strictly; [`Fields::finish`] then rejects any key nobody asked for, suggesting the
//! nearest known key, so `anualRate` is an `UNKNOWN_FIELD` error ("did you mean annualRate?")
//! instead of a silently ignored rate.
//!
//! Conventions (the same for every function):
//! * numbers: a JSON number, or a string in the strict grammar of [`parse_decimal`];
//!   `null` (what `JSON.stringify` makes of NaN and ±Infinity) is never a number;
//! * money: at most 2 decimals; rates: fractions (`0.049` = 4.9%);
//! * dates: `YYYY-MM-DD`; an absent key (or `undefined`) means "use the default".

use crate::calendar::parse_date;
use crate::error::{int_text, Error, ErrorKind, Result};
use crate::json::Value;
use crate::money::{parse_decimal, parse_json_number, DecimalSyntax, Money};
use chrono::NaiveDate;
use rust_decimal::prelude::*;

/// Longest string accepted where a number or date is expected.
const MAX_NUMBER_TEXT: usize = 64;
/// Longest free-text string (a debt's name).
pub const MAX_NAME_CHARS: usize = 200;

/// `parent.key`, or `key` at the root.
pub fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// `parent[index]`.
pub fn index(parent: &str, i: usize) -> String {
    let i = crate::error::int_text(i as i64);
    format!("{parent}[{i}]")
}

/// Echo of a bad value for a message: short, and never the whole of a 10 MB string.
fn echo(value: &Value) -> String {
    match value {
        Value::String(s) => {
            let short: String = s.chars().take(24).collect();
            if short.len() < s.len() {
                format!("\"{short}…\"")
            } else {
                format!("\"{short}\"")
            }
        }
        Value::Number(n) => n.chars().take(24).collect(),
        other => other.type_name().to_string(),
    }
}

fn wrong_type(path: &str, expected_en: &str, expected_zh: &str, got: &Value) -> Error {
    Error::new(
        ErrorKind::InvalidType,
        path,
        format!("{path} must be {expected_en}, not {}", got.type_name()),
        format!("{path} 应为{expected_zh}，而不是 {}", got.type_name()),
    )
}

/// A decimal from a JSON number or a strict decimal string.
///
/// # Errors
/// `INVALID_NUMBER` for a value outside the decimal grammar (or with more than 28 significant digits, or `null`); `INVALID_TYPE` for another JSON type.
pub fn decimal_value(value: &Value, path: &str) -> Result<Decimal> {
    let parsed = match value {
        Value::Number(token) => parse_json_number(token),
        Value::String(text) if text.len() <= MAX_NUMBER_TEXT => parse_decimal(text),
        Value::String(_) => Err(DecimalSyntax::TooManyDigits),
        Value::Null => {
            return Err(Error::new(
                ErrorKind::InvalidNumber,
                path,
                format!("{path} must be a finite number or a decimal string such as \"1234.56\" (got null, NaN or Infinity)"),
                format!("{path} 须为有限数字或小数字符串，例如 \"1234.56\"（收到 null、NaN 或 Infinity）"),
            ))
        }
        other => return Err(wrong_type(path, "a number or a decimal string", "数字或小数字符串", other)),
    };
    parsed.map_err(|syntax| match syntax {
        DecimalSyntax::Grammar => Error::new(
            ErrorKind::InvalidNumber,
            path,
            format!("{path} must be a plain decimal such as \"1234.56\" (no exponent, spaces, separators or plus sign); got {}", echo(value)),
            format!("{path} 须为普通小数，例如 \"1234.56\"（不能有指数、空格、分隔符或加号）；收到 {}", echo(value)),
        ),
        DecimalSyntax::TooManyDigits => Error::new(
            ErrorKind::InvalidNumber,
            path,
            format!("{path} has more digits than can be held exactly (at most 28 significant digits); got {}", echo(value)),
            format!("{path} 位数过多，无法精确表示（最多 28 位有效数字）；收到 {}", echo(value)),
        ),
    })
}

/// An error saying `path` must lie in `[min, max]`.
pub fn out_of_range(path: &str, min: &str, max: &str) -> Error {
    Error::new(
        ErrorKind::OutOfRange,
        path,
        format!("{path} must be between {min} and {max}"),
        format!("{path} 须在 {min} 到 {max} 之间"),
    )
}

/// A decimal within `[min, max]` (bounds given as decimal text, used in the message too).
///
/// # Errors
/// As [`decimal_value`]; `OUT_OF_RANGE` outside `[min, max]`.
pub fn decimal_in(value: &Value, path: &str, min: &str, max: &str) -> Result<Decimal> {
    let d = decimal_value(value, path)?;
    // The crate's own parser: `Decimal::from_str_exact` would link in rust_decimal's (~3 KB).
    debug_assert!(
        parse_decimal(min).is_ok() && parse_decimal(max).is_ok(),
        "bounds {min}, {max}"
    );
    let lo = parse_decimal(min).unwrap_or(Decimal::MIN);
    let hi = parse_decimal(max).unwrap_or(Decimal::MAX);
    if d < lo || d > hi {
        return Err(out_of_range(path, min, max));
    }
    Ok(d)
}

/// Money (at most 2 decimals) within `[min, max]` yuan.
///
/// # Errors
/// As [`decimal_in`]; `INVALID_NUMBER` for more than 2 decimal places.
pub fn money_in(value: &Value, path: &str, min: &str, max: &str) -> Result<Money> {
    let d = decimal_in(value, path, min, max)?;
    Money::from_decimal_exact(d).ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidNumber,
            path,
            format!("{path} has more than 2 decimal places; money is exact to the fen (0.01)"),
            format!("{path} 超过两位小数；金额精确到分（0.01）"),
        )
    })
}

/// A whole number within `[min, max]`.
///
/// # Errors
/// As [`decimal_value`]; `INVALID_NUMBER` for a fraction; `OUT_OF_RANGE` outside `[min, max]`.
pub fn integer_in(value: &Value, path: &str, min: i64, max: i64) -> Result<i64> {
    let d = decimal_value(value, path)?;
    if !crate::exact::is_whole(d) {
        return Err(Error::new(
            ErrorKind::InvalidNumber,
            path,
            format!("{path} must be a whole number"),
            format!("{path} 须为整数"),
        ));
    }
    d.to_i64()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| out_of_range(path, &int_text(min), &int_text(max)))
}

/// A `YYYY-MM-DD` date.
///
/// # Errors
/// `INVALID_DATE` for a string that is not a real date `YYYY-MM-DD` from 1900-01-01 to 2200-12-31; `INVALID_TYPE` for another JSON type.
pub fn date_value(value: &Value, path: &str) -> Result<NaiveDate> {
    match value {
        Value::String(text) => parse_date(text).ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidDate,
                path,
                format!("{path} must be a real date written YYYY-MM-DD between 1900-01-01 and 2200-12-31; got {}", echo(value)),
                format!("{path} 须为真实日期，格式 YYYY-MM-DD，范围 1900-01-01 至 2200-12-31；收到 {}", echo(value)),
            )
        }),
        other => Err(wrong_type(path, "a date string YYYY-MM-DD", "日期字符串 YYYY-MM-DD", other)),
    }
}

/// One of a fixed set of string options.
///
/// # Errors
/// `INVALID_OPTION` for a string that is not one of the names; `INVALID_TYPE` for another JSON type.
pub fn option_value<T: Copy>(value: &Value, path: &str, choices: &[(&str, T)]) -> Result<T> {
    let names = || {
        let mut list = String::new();
        for (i, (name, _)) in choices.iter().enumerate() {
            list.push_str(if i == 0 { "\"" } else { ", \"" });
            list.push_str(name);
            list.push('"');
        }
        list
    };
    match value {
        Value::String(text) => choices
            .iter()
            .find(|(name, _)| name == text)
            .map(|(_, v)| *v)
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidOption,
                    path,
                    format!("{path} must be one of {}; got {}", names(), echo(value)),
                    format!("{path} 须为以下之一：{}；收到 {}", names(), echo(value)),
                )
            }),
        other => Err(wrong_type(
            path,
            &format!("one of {}", names()),
            &format!("以下之一：{}", names()),
            other,
        )),
    }
}

/// A boolean.
///
/// # Errors
/// `INVALID_TYPE` for anything but `true` or `false`.
pub fn bool_value(value: &Value, path: &str) -> Result<bool> {
    match value {
        Value::Bool(b) => Ok(*b),
        other => Err(wrong_type(path, "true or false", "true 或 false", other)),
    }
}

/// A short free-text string (names), at most [`MAX_NAME_CHARS`] characters.
///
/// # Errors
/// `OUT_OF_RANGE` for a string longer than [`MAX_NAME_CHARS`]; `INVALID_TYPE` for another JSON type.
pub fn text_value(value: &Value, path: &str) -> Result<String> {
    match value {
        Value::String(text) if text.chars().count() <= MAX_NAME_CHARS => Ok(text.clone()),
        Value::String(_) => {
            let max = crate::error::int_text(MAX_NAME_CHARS as i64);
            Err(Error::new(
                ErrorKind::OutOfRange,
                path,
                format!("{path} is longer than {max} characters"),
                format!("{path} 超过 {max} 个字符"),
            ))
        }
        other => Err(wrong_type(path, "a string", "字符串", other)),
    }
}

/// The items of an array with their paths; `max` items at most.
///
/// # Errors
/// `OUT_OF_RANGE` for fewer than `min` or more than `max` items; `INVALID_TYPE` for another JSON type.
pub fn array_value<'a>(
    value: &'a Value,
    path: &str,
    min: usize,
    max: usize,
) -> Result<&'a [Value]> {
    match value {
        Value::Array(items) if (min..=max).contains(&items.len()) => Ok(items),
        Value::Array(_) => Err(Error::new(
            ErrorKind::OutOfRange,
            path,
            format!("{path} must have between {min} and {max} items"),
            format!("{path} 须包含 {min} 到 {max} 项"),
        )),
        other => Err(wrong_type(path, "an array", "数组", other)),
    }
}

/// Converts every item of an array with `convert(item, path)`.
///
/// The item's path (`values[17]`) is formed only when its conversion fails, by converting it
/// again with the path: 1,000 cash flows then cost no 1,000 formatted strings, and the error is
/// the one `convert` gives with the path.
///
/// # Errors
/// The first error `convert` gives, with the item's path.
pub fn each_item<T>(
    items: &[Value],
    path: &str,
    convert: &dyn Fn(&Value, &str) -> Result<T>,
) -> Result<Vec<T>> {
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match convert(item, "") {
            Ok(value) => out.push(value),
            Err(_) => {
                convert(item, &index(path, i))?;
            }
        }
    }
    Ok(out)
}

/// Reads the object at `path` ("" for the whole input) with `read`, then rejects keys it did not
/// read; a missing key that is a near-miss of a given one is reported as that misspelling.
///
/// `read` is a `&mut dyn FnMut` so that the wasm module holds one copy of this per result type,
/// not one per call site with the reader inlined into it.
///
/// # Errors
/// As [`Fields::new`] and [`Fields::finish`], and whatever `read` gives.
pub fn read_object<T>(
    value: &Value,
    path: &str,
    read: &mut dyn FnMut(&mut Fields) -> Result<T>,
) -> Result<T> {
    let mut fields = Fields::new(value, path)?;
    match read(&mut fields) {
        Ok(result) => {
            fields.finish()?;
            Ok(result)
        }
        Err(error) => Err(fields.explain(error)),
    }
}

/// The items of the array at `key` (`min..=max` items; absent = empty when `optional`), each
/// read with `read(item, path)` where `path` is `key[i]`.
///
/// # Errors
/// `MISSING_FIELD` when absent and not `optional`; as [`array_value`] (a required list needs at
/// least one item); whatever `read` gives.
pub fn read_list<T>(
    f: &mut Fields,
    key: &'static str,
    max: usize,
    optional: bool,
    read: &mut dyn FnMut(&Value, &str) -> Result<T>,
) -> Result<Vec<T>> {
    let path = f.path(key);
    let items = if optional {
        f.opt(key, &|v, p| array_value(v, p, 0, max))?
            .unwrap_or(&[])
    } else {
        f.req(key, &|v, p| array_value(v, p, 1, max))?
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.push(read(item, &index(&path, i))?);
    }
    Ok(out)
}

/// One JSON object being read. See the module docs.
pub struct Fields<'a> {
    path: String,
    entries: &'a [(String, Value)],
    used: Vec<bool>,
    /// Every key a getter asked for, to suggest the right spelling of an unknown key.
    known: Vec<&'static str>,
}

impl<'a> Fields<'a> {
    /// Reads `value` (at `path`, empty for the root) as an object.
    ///
    /// # Errors
    /// `INVALID_INPUT` (at the root) or `INVALID_TYPE` when `value` is not an object.
    pub fn new(value: &'a Value, path: &str) -> Result<Fields<'a>> {
        match value {
            Value::Object(entries) => Ok(Fields {
                path: path.to_string(),
                entries,
                used: vec![false; entries.len()],
                known: Vec::new(),
            }),
            other if path.is_empty() => Err(Error::new(
                ErrorKind::InvalidInput,
                "",
                format!("the input must be an object, not {}", other.type_name()),
                format!("输入须为对象，而不是 {}", other.type_name()),
            )),
            other => Err(wrong_type(path, "an object", "对象", other)),
        }
    }

    /// The path of a key of this object.
    pub fn path(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// The path of this object itself.
    pub fn own_path(&self) -> &str {
        &self.path
    }

    /// The value of `key`, marking it read; `None` when absent.
    pub fn get(&mut self, key: &'static str) -> Option<&'a Value> {
        self.known.push(key);
        let entries: &'a [(String, Value)] = self.entries;
        let ((_, value), used) = entries
            .iter()
            .zip(self.used.iter_mut())
            .find(|((k, _), _)| k == key)?;
        *used = true;
        Some(value)
    }

    /// Whether `key` is present (without reading it).
    pub fn has(&self, key: &str) -> bool {
        self.entries.iter().any(|(k, _)| k == key)
    }

    /// The value of a required key.
    ///
    /// # Errors
    /// `MISSING_FIELD` when the key is absent.
    pub fn require(&mut self, key: &'static str) -> Result<&'a Value> {
        let path = self.path(key);
        self.get(key).ok_or_else(|| {
            Error::new(
                ErrorKind::MissingField,
                &path,
                format!("{path} is required"),
                format!("缺少必填字段 {path}"),
            )
        })
    }

    /// Converts a required key with `convert(value, path)`.
    ///
    /// `convert` is a `&dyn Fn` rather than a generic closure so that the dozens of call sites
    /// share one copy of this function per result type in the wasm module.
    ///
    /// # Errors
    /// `MISSING_FIELD` when the key is absent; whatever `convert` gives.
    pub fn req<T>(
        &mut self,
        key: &'static str,
        convert: &dyn Fn(&'a Value, &str) -> Result<T>,
    ) -> Result<T> {
        let value = self.require(key)?;
        convert(value, &self.path(key))
    }

    /// Converts an optional key with `convert(value, path)`.
    ///
    /// # Errors
    /// Whatever `convert` gives.
    pub fn opt<T>(
        &mut self,
        key: &'static str,
        convert: &dyn Fn(&'a Value, &str) -> Result<T>,
    ) -> Result<Option<T>> {
        match self.get(key) {
            Some(value) => convert(value, &self.path(key)).map(Some),
            None => Ok(None),
        }
    }

    // Typed getters for the common conversions: a direct call per field where `req`/`opt` with
    // a closure would add a closure, its vtable and a call shim per call site (wasm size).

    /// A required money field within `[min, max]` yuan ([`money_in`]).
    ///
    /// # Errors
    /// `MISSING_FIELD` when absent; as [`money_in`].
    pub fn req_money(&mut self, key: &'static str, min: &str, max: &str) -> Result<Money> {
        let value = self.require(key)?;
        money_in(value, &self.path(key), min, max)
    }

    /// An optional money field within `[min, max]` yuan ([`money_in`]).
    ///
    /// # Errors
    /// As [`money_in`].
    pub fn opt_money(&mut self, key: &'static str, min: &str, max: &str) -> Result<Option<Money>> {
        match self.get(key) {
            Some(value) => money_in(value, &self.path(key), min, max).map(Some),
            None => Ok(None),
        }
    }

    /// A required decimal field within `[min, max]` ([`decimal_in`]).
    ///
    /// # Errors
    /// `MISSING_FIELD` when absent; as [`decimal_in`].
    pub fn req_decimal(&mut self, key: &'static str, min: &str, max: &str) -> Result<Decimal> {
        let value = self.require(key)?;
        decimal_in(value, &self.path(key), min, max)
    }

    /// An optional decimal field within `[min, max]` ([`decimal_in`]).
    ///
    /// # Errors
    /// As [`decimal_in`].
    pub fn opt_decimal(
        &mut self,
        key: &'static str,
        min: &str,
        max: &str,
    ) -> Result<Option<Decimal>> {
        match self.get(key) {
            Some(value) => decimal_in(value, &self.path(key), min, max).map(Some),
            None => Ok(None),
        }
    }

    /// A required whole number within `[min, max]` ([`integer_in`]).
    ///
    /// # Errors
    /// `MISSING_FIELD` when absent; as [`integer_in`].
    pub fn req_integer(&mut self, key: &'static str, min: i64, max: i64) -> Result<i64> {
        let value = self.require(key)?;
        integer_in(value, &self.path(key), min, max)
    }

    /// An optional whole number within `[min, max]` ([`integer_in`]).
    ///
    /// # Errors
    /// As [`integer_in`].
    pub fn opt_integer(&mut self, key: &'static str, min: i64, max: i64) -> Result<Option<i64>> {
        match self.get(key) {
            Some(value) => integer_in(value, &self.path(key), min, max).map(Some),
            None => Ok(None),
        }
    }

    /// Fails with `CONFLICTING_FIELDS` when more than one of `keys` is present; returns which one is.
    ///
    /// # Errors
    /// `CONFLICTING_FIELDS` when more than one of `keys` is present.
    pub fn one_of(&self, keys: &[&'static str]) -> Result<Option<&'static str>> {
        let present: Vec<&'static str> = keys.iter().copied().filter(|k| self.has(k)).collect();
        if let Some(second) = present.get(1) {
            let list = comma_list(&present);
            return Err(Error::new(
                ErrorKind::ConflictingFields,
                self.path(second),
                format!("give only one of {list}"),
                format!("{list} 只能填写其中一个"),
            ));
        }
        Ok(present.first().copied())
    }

    /// Chooses the error to report when reading failed with `error`: a missing field whose name
    /// is a near-miss of a key that was given is reported as that unknown key ("did you mean …"),
    /// anything else as it is. Keys not yet read are not reported: reading stopped early.
    pub fn explain(self, error: Error) -> Error {
        if error.kind() != ErrorKind::MissingField {
            return error;
        }
        let field = error.field();
        let missing = match field.bytes().rposition(|b| b == b'.') {
            Some(dot) => field.get(dot + 1..).unwrap_or(""),
            None => field,
        };
        let near_miss = self.entries.iter().zip(&self.used).any(|((key, _), used)| {
            !used && edit_distance(key, missing) <= 2.max(missing.len() / 4)
        });
        if near_miss {
            self.finish().err().unwrap_or(error)
        } else {
            error
        }
    }

    /// Rejects keys that no getter asked for.
    ///
    /// # Errors
    /// `UNKNOWN_FIELD` for the first key no getter asked for, with a "did you mean" suggestion.
    pub fn finish(self) -> Result<()> {
        let Some((key, _)) = self
            .used
            .iter()
            .position(|used| !used)
            .and_then(|i| self.entries.get(i))
        else {
            return Ok(());
        };
        let path = join(&self.path, key);
        let suggestion = self
            .known
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
        let mut known: Vec<&str> = self.known.clone();
        known.sort_unstable();
        known.dedup();
        let known = comma_list(&known);
        Err(Error::new(
            ErrorKind::UnknownField,
            &path,
            format!("{path} is not a known field{hint_en} (known: {known})"),
            format!("无法识别字段 {path}{hint_zh}（可用字段：{known}）"),
        ))
    }
}

/// `a, b, c`: what `items.join(", ")` gives, without the generic join's code.
fn comma_list(items: &[&str]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(item);
    }
    out
}

/// Levenshtein distance, for spelling suggestions (keys are short).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    // One row of the distance table, updated in place; iterators rather than indexing (no
    // bounds checks to link panic code for).
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    #[test]
    fn reads_fields_and_rejects_unknown() {
        let v = parse(r#"{"principal":"1000.5","anualRate":0.049}"#).unwrap();
        let mut f = Fields::new(&v, "").unwrap();
        let p = f
            .req("principal", &|v, p| money_in(v, p, "0.01", "100000000000"))
            .unwrap();
        assert_eq!(p.fen(), 100_050);
        assert!(f.opt("annualRate", &decimal_value).unwrap().is_none());
        let e = f.finish().unwrap_err();
        assert_eq!((e.code(), e.field()), ("UNKNOWN_FIELD", "anualRate"));
        assert!(
            e.message().contains("did you mean annualRate?"),
            "{}",
            e.message()
        );
    }

    #[test]
    fn edit_distances() {
        for (a, b, d) in [
            ("kitten", "sitting", 3),
            ("", "abc", 3),
            ("abc", "", 3),
            ("anualRate", "annualRate", 1),
            ("利率", "利息", 1),
            ("flaw", "lawn", 2),
        ] {
            assert_eq!(edit_distance(a, b), d, "{a} {b}");
        }
    }

    #[test]
    fn conversion_errors_carry_paths() {
        let v = parse(r#"{"debts":[{"r":"1e2"},{"r":null},{"r":"0.001"},{"r":[1]}]}"#).unwrap();
        let mut f = Fields::new(&v, "").unwrap();
        let items = f.req("debts", &|v, p| array_value(v, p, 1, 50)).unwrap();
        let codes: Vec<(String, String)> = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let mut d = Fields::new(item, &index("debts", i)).unwrap();
                let e = d.req("r", &|v, p| money_in(v, p, "0", "10")).unwrap_err();
                (e.code().to_string(), e.field().to_string())
            })
            .collect();
        assert_eq!(codes[0], ("INVALID_NUMBER".into(), "debts[0].r".into()));
        assert_eq!(codes[1], ("INVALID_NUMBER".into(), "debts[1].r".into()));
        assert_eq!(codes[2], ("INVALID_NUMBER".into(), "debts[2].r".into()));
        assert_eq!(codes[3], ("INVALID_TYPE".into(), "debts[3].r".into()));
    }

    #[test]
    fn missing_conflicting_range_and_dates() {
        let v = parse(r#"{"a":"5","b":"6","d":"2025-02-30","n":"12.5"}"#).unwrap();
        let mut f = Fields::new(&v, "loan").unwrap();
        assert_eq!(f.require("x").unwrap_err().field(), "loan.x");
        assert_eq!(
            f.one_of(&["a", "b"]).unwrap_err().code(),
            "CONFLICTING_FIELDS"
        );
        assert_eq!(
            f.req("a", &|v, p| decimal_in(v, p, "0", "1"))
                .unwrap_err()
                .code(),
            "OUT_OF_RANGE"
        );
        assert_eq!(f.req("d", &date_value).unwrap_err().code(), "INVALID_DATE");
        assert_eq!(
            f.req("n", &|v, p| integer_in(v, p, 1, 600))
                .unwrap_err()
                .code(),
            "INVALID_NUMBER"
        );
        assert_eq!(
            Fields::new(&Value::Null, "").err().unwrap().code(),
            "INVALID_INPUT"
        );
    }
}
