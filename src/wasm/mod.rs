//! The JavaScript boundary: the only module that knows JS exists.
//!
//! Every export takes one JS value and goes through [`run`]: `JSON.stringify` the input (so a JS
//! number arrives as its shortest round-trip decimal, and getters, proxies and cycles are dealt
//! with by the engine, inside a `try`), parse and compute in plain Rust ([`crate::api`]), and
//! `decode` the result text: `JSON.parse`, except that the rows of a schedule come as a detached
//! table ([`crate::json::JsonWriter::table`]) from which `decode` builds the row objects itself,
//! at under half the cost of `JSON.parse` on the same rows. The objects are the same either way. A failure becomes a JS `Error` named `RepaymentPlanError` with `code`, `field`, `message`
//! and `messageZh`. Nothing here can panic: a panic in wasm is a trap that poisons the module.

use crate::api::{self, ApiFn};
use crate::error::{Error, ErrorKind};
use crate::json::{self, MAX_INPUT_BYTES};
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// The result reader. Text without a table end (U+0001, which JSON text never contains raw) is
// plain JSON. Otherwise tables come first, each ended by U+0001, and the JSON part last holds
// {"\u0000": n} where table n (from 0) goes; a table is
// its column spec and cells separated by U+0002, an empty cell being an absent key; a schedule's rows
// leave out what the row above implies, so repeated strings are made once. Rows are
// built with object literals (one hidden class, no per-key lookups), one per known column spec,
// giving the objects JSON.parse would; an unknown spec is a bug, reported as an internal error.
#[wasm_bindgen(inline_js = r##"
const ROWS = "period#,dueDate,days#,opening,payment,principal,interest,fee,closing";
const PREPAID_ROWS = "period#,dueDate,days#,opening,payment,principal,interest,fee,prepayment,prepaymentFee,closing";
// JSON.stringify(input): undefined when the input is not JSON data (undefined, a function, a
// symbol), "" when the text is longer than max (JSON text is never empty).
export function stringify(input, max) {
  const text = JSON.stringify(input);
  return typeof text !== "string" ? undefined : text.length > max ? "" : text;
}
// A typed result from serde-wasm-bindgen with its detached tables (src/api/ser.rs): each
// placeholder {"\0": n} is replaced by the rows read from tables[n].
export function fill(value, tables) {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = fill(value[i], tables);
    return value;
  }
  if ("\0" in value) return new Compact(tables[value["\0"]]).value();
  for (const key in value) value[key] = fill(value[key], tables);
  return value;
}
// The compact form of src/api/ser.rs: one character of kind, lengths as one character
// (code − 32), keys defined once ("=" + name) then named by one character (code − 62 below
// "}", else code − 256).
class Compact {
  constructor(text) {
    this.text = text;
    this.at = 0;
    this.keys = [];
  }
  sized() {
    const text = this.text;
    const end = this.at + 1 + text.charCodeAt(this.at) - 32;
    const cell = text.slice(this.at + 1, end);
    this.at = end;
    return cell;
  }
  value() {
    const text = this.text;
    switch (text.charCodeAt(this.at++)) {
      case 34: return this.sized(); // "
      case 35: return +this.sized(); // #
      case 116: return true;
      case 102: return false;
      case 110: return null;
      case 91: { // [
        const list = [];
        while (text.charCodeAt(this.at) !== 93) list.push(this.value());
        this.at++;
        return list;
      }
      case 123: { // {
        const object = {};
        for (;;) {
          const c = text.charCodeAt(this.at++);
          if (c === 125) return object; // }
          let key;
          if (c === 61) { // =
            key = this.sized();
            this.keys.push(key);
          } else {
            key = this.keys[c < 125 ? c - 62 : c - 256];
          }
          object[key] = this.value();
        }
      }
      default:
        throw new Error(`bad table at ${this.at - 1}`);
    }
  }
}
export function decode(text) {
  if (text.indexOf("\x01") < 0) return JSON.parse(text);
  const parts = text.split("\x01");
  return fillCells(JSON.parse(parts.pop()), parts);
}
// Its own name: a second `fill` would replace the exported one above.
function fillCells(value, parts) {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = fillCells(value[i], parts);
  } else if ("\0" in value) {
    return table(new Cells(parts[value["\0"]]));
  } else {
    for (const key in value) value[key] = fillCells(value[key], parts);
  }
  return value;
}
// A table's cells, read in order: slicing at each separator costs about half of split(), which
// also builds the array of all of them.
class Cells {
  constructor(text) {
    this.text = text;
    this.at = 0;
  }
  next() {
    const text = this.text;
    let end = text.indexOf("\x02", this.at);
    if (end < 0) end = text.length;
    const cell = text.slice(this.at, end);
    this.at = end + 1;
    return cell;
  }
  // Schedule tables: cells read by length (see `write_row_table` in src/api/schedule.rs).
  take(length) {
    const cell = this.text.slice(this.at, this.at + length);
    this.at += length;
    return cell;
  }
  code() {
    return this.text.charCodeAt(this.at++);
  }
  sized() {
    return this.take(this.code() - 32);
  }
  number() {
    const c = this.code();
    return c === 126 ? +this.sized() : c - 32;
  }
}
function table(c) {
  const spec = c.next();
  if (spec === ROWS) return scheduleRows(c, false);
  if (spec === PREPAID_ROWS) return scheduleRows(c, true);
  throw new Error(`unknown table ${spec}`);
}
// A schedule row (see `write_row_table` in src/api/schedule.rs): the due date, "@" + a bit mask
// of the optional cells present, the days, then the cells present, each read by its length;
// what is absent repeats the row above, as the same string.
function scheduleRows(c, prepaid) {
  const rows = [];
  const end = c.text.length;
  let period = 0, opening = "", payment = "", principal = "", interest = "", fee = "", closing = "";
  while (c.at < end) {
    const dueDate = c.take(10);
    const present = c.code() - 64;
    const days = c.number();
    period = present & 1 ? c.number() : period + 1;
    opening = present & 2 ? c.sized() : closing;
    if (present & 4) payment = c.sized();
    if (present & 8) principal = c.sized();
    if (present & 16) interest = c.sized();
    if (present & 32) fee = c.sized();
    let prepayment = "", prepaymentFee = "";
    if (prepaid) {
      prepayment = c.sized();
      prepaymentFee = c.sized();
    }
    closing = c.sized();
    rows.push(prepayment !== ""
      ? { period, dueDate, days, opening, payment, principal, interest, fee, prepayment, prepaymentFee, closing }
      : { period, dueDate, days, opening, payment, principal, interest, fee, closing });
  }
  return rows;
}
"##)]
extern "C" {
    /// See `stringify` above; throws what `JSON.stringify` throws (a getter's error, a cycle,
    /// a BigInt).
    #[wasm_bindgen(catch)]
    fn stringify(input: &JsValue, max: u32) -> Result<Option<String>, JsValue>;

    /// The result text → JS value; throws only if the text is malformed (a bug).
    #[wasm_bindgen(catch)]
    fn decode(text: &str) -> Result<JsValue, JsValue>;

    /// Puts the detached tables into a typed result; throws only on a malformed table (a bug).
    #[wasm_bindgen(catch)]
    fn fill(value: JsValue, tables: Vec<String>) -> Result<JsValue, JsValue>;
}

/// The JS exception for an [`Error`].
fn to_js_error(error: &Error) -> JsValue {
    let js = js_sys::Error::new(error.message());
    js.set_name("RepaymentPlanError");
    // Reflect::set on a fresh Error object cannot fail; ignore the impossible error rather than panic.
    for (key, value) in [
        ("code", error.code()),
        ("field", error.field()),
        ("messageZh", error.message_zh()),
    ] {
        let _ = Reflect::set(&js, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    js.into()
}

/// The message of whatever JS threw, for wrapping it in our error.
fn thrown_message(thrown: &JsValue) -> String {
    thrown
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| thrown.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
        .chars()
        .take(200)
        .collect()
}

/// `JSON.stringify(input)`, refusing what is not a JSON object-like value. One call into JS,
/// which also copies the text in: a call across the boundary costs about as much as the
/// arithmetic of a small function like `irr`.
fn input_text(input: &JsValue) -> Result<String, Error> {
    let invalid = |en: String, zh: String| Error::new(ErrorKind::InvalidInput, "", en, zh);
    match stringify(input, MAX_INPUT_BYTES as u32) {
        Err(thrown) => {
            let why = thrown_message(&thrown);
            Err(invalid(
                format!("the input could not be read as JSON data: {why}"),
                format!("无法将输入读取为 JSON 数据：{why}"),
            ))
        }
        Ok(None) => Err(invalid(
            "the input must be an object, not undefined or a function".into(),
            "输入须为对象，而不是 undefined 或函数".into(),
        )),
        Ok(Some(text)) if text.is_empty() => Err(invalid(
            "the input is larger than 32 MB".into(),
            "输入超过 32 MB".into(),
        )),
        Ok(Some(text)) => Ok(text),
    }
}

/// An internal failure (a bug) as our error, rather than a trap.
fn internal(why: &str) -> JsValue {
    to_js_error(&Error::new(
        ErrorKind::InvalidInput,
        "",
        format!("internal error: {why}"),
        format!("内部错误：{why}"),
    ))
}

/// Runs one typed API function on a JS value: `JSON.stringify` in JS (the guard: getters,
/// proxies, cycles and BigInt fail there, inside a `try`, never inside wasm), then serde_json
/// with the crate's errors ([`api::de::from_json`]), the function, and serde-wasm-bindgen for
/// the result, with its row lists detached ([`api::ser::table`]).
///
/// Why serde_json for the input, not `serde_wasm_bindgen::from_value`: from_value ignores
/// `deny_unknown_fields` (a misspelt `anualRate` would be dropped silently) and is about 2×
/// slower on long lists (1,000 flows of `xirr`); the text is made by `JSON.stringify` anyway.
fn run_typed<I: serde::de::DeserializeOwned, O: serde::Serialize>(
    input: JsValue,
    function: fn(&I) -> crate::Result<O>,
) -> Result<JsValue, JsValue> {
    let output = input_text(&input)
        .and_then(|text| api::de::from_json::<I>(&text))
        .and_then(|parsed| function(&parsed))
        .map_err(|error| to_js_error(&error))?;
    api::ser::detach_tables(true);
    let value = output.serialize(&result_serializer());
    finish(value)
}

/// serde-wasm-bindgen's serializer as results use it: `None` as `null`, maps as plain objects.
fn result_serializer() -> serde_wasm_bindgen::Serializer {
    serde_wasm_bindgen::Serializer::new()
        .serialize_missing_as_null(true)
        .serialize_maps_as_objects(true)
}

/// The serialized result with its detached tables filled in (the part of [`run_typed`] that
/// does not depend on the types, kept out of its per-function copies).
fn finish(value: Result<JsValue, serde_wasm_bindgen::Error>) -> Result<JsValue, JsValue> {
    let tables = api::ser::detach_tables(false);
    let value = value.map_err(|e| internal(&e.to_string()))?;
    if tables.is_empty() {
        return Ok(value);
    }
    fill(value, tables).map_err(|thrown| internal(&thrown_message(&thrown)))
}

/// Runs one API function on a JS value.
fn run(input: JsValue, function: ApiFn) -> Result<JsValue, JsValue> {
    json::detach_tables(true);
    let result = input_text(&input)
        .and_then(|text| json::parse(&text))
        .and_then(|value| function(&value));
    match result {
        Ok(out) => decode(&out).map_err(|thrown| {
            // Our writer emits valid JSON; if it ever did not, say so instead of trapping.
            let why = thrown_message(&thrown);
            to_js_error(&Error::new(
                ErrorKind::InvalidInput,
                "",
                format!("internal error: {why}"),
                format!("内部错误：{why}"),
            ))
        }),
        Err(error) => Err(to_js_error(&error)),
    }
}

/// Declares one wasm export per API function. TypeScript types are hand-written in `js/`.
macro_rules! exports {
    ($($rust_name:ident as $js_name:ident => $function:path;)*) => {$(
        #[wasm_bindgen(js_name = $js_name, skip_typescript)]
        pub fn $rust_name(input: JsValue) -> Result<JsValue, JsValue> {
            run(input, $function)
        }
    )*};
}

/// Declares one wasm export per typed API function (the list is [`crate::for_each_function`]).
macro_rules! typed_exports {
    ($($js:ident => $function:path, $input:ty, $output:ty;)*) => {$(
        #[wasm_bindgen(js_name = $js, skip_typescript)]
        #[allow(non_snake_case)]
        pub fn $js(input: JsValue) -> Result<JsValue, JsValue> {
            run_typed::<$input, _>(input, $function)
        }
    )*};
}

crate::for_each_function!(typed_exports);

exports! {
    schedule as schedule => api::schedule::schedule;
    compare_offers as compareOffers => api::schedule::compare_offers;
    restructure as restructure => api::restructure::restructure;
}

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen(js_name = version, skip_typescript)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
