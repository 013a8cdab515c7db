//! The JavaScript boundary: the only module that knows JS exists.
//!
//! Every export takes one JS value and goes through [`run_typed`]: `JSON.stringify` the input
//! (so a JS number arrives as its shortest round-trip decimal, and getters, proxies and cycles
//! are dealt with by the engine, inside a `try`), read it with serde ([`crate::api::de`]),
//! compute in plain Rust ([`crate::api`]), and hand the result to serde-wasm-bindgen, with long
//! row lists detached as compact text ([`crate::api::ser::table`]) that `fill` turns into the row
//! objects. A failure becomes a JS `Error` named `RepaymentPlanError` with `code`, `field`,
//! `message` and `messageZh`. Nothing here can panic: a panic in wasm is a trap that poisons the
//! module.

use crate::api;
use crate::api::de::MAX_INPUT_BYTES;
use crate::error::{Error, ErrorKind};
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(inline_js = r##"
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
  if ("\0" in value) return readTable(tables[value["\0"]]);
  for (const key in value) value[key] = fill(value[key], tables);
  return value;
}
// The compact form of src/api/ser.rs: one character of kind, lengths as one character
// (code − 32), keys defined once ("=" + name) then named by one character (code − 62 below
// "}", else code − 256); "^" + a key's character repeats the last string read under that key.
// Tuned for V8 on a 360-row schedule (bench/run.mjs, case A): closure state rather than an
// object's fields, key names interned once (a sliced string as a property name is looked up
// in the string table at every store), the scalar cells of an object read in its own loop,
// and one store site per position (rows have their keys in the same order, so each site sees
// one name and stays monomorphic, where one `object[key] = v` site sees them all).
function readTable(text) {
  let at = 0;
  const keys = [];
  const last = []; // by key index: the last string read under it
  const intern = (name) => Object.keys({ [name]: 0 })[0];
  const sized = () => {
    const end = at + 1 + text.charCodeAt(at) - 32;
    const cell = text.slice(at + 1, end);
    at = end;
    return cell;
  };
  const object = () => {
    const o = {};
    for (let n = 0; ; n++) {
      let c = text.charCodeAt(at++);
      if (c === 125) return o; // }
      let i;
      if (c === 61) { // =
        i = keys.length;
        keys.push(intern(sized()));
      } else {
        i = c < 125 ? c - 62 : c - 256;
      }
      const key = keys[i];
      let v;
      c = text.charCodeAt(at);
      if (c === 34) { // "
        at++;
        v = last[i] = sized();
      } else if (c === 94) { // ^
        const r = text.charCodeAt(at + 1);
        at += 2;
        v = last[i] = last[r < 125 ? r - 62 : r - 256];
      } else if (c === 105) { // i
        v = text.charCodeAt(at + 1) - 32;
        at += 2;
      } else {
        v = value(i);
      }
      switch (n) {
        case 0: o[key] = v; break;
        case 1: o[key] = v; break;
        case 2: o[key] = v; break;
        case 3: o[key] = v; break;
        case 4: o[key] = v; break;
        case 5: o[key] = v; break;
        case 6: o[key] = v; break;
        case 7: o[key] = v; break;
        case 8: o[key] = v; break;
        case 9: o[key] = v; break;
        case 10: o[key] = v; break;
        case 11: o[key] = v; break;
        case 12: o[key] = v; break;
        case 13: o[key] = v; break;
        case 14: o[key] = v; break;
        case 15: o[key] = v; break;
        default: o[key] = v;
      }
    }
  };
  // The value at `at`, read as the value of key index k (-1: not in an object).
  const value = (k) => {
    const c = text.charCodeAt(at++);
    switch (c) {
      case 34: { // "
        const s = sized();
        if (k >= 0) last[k] = s;
        return s;
      }
      case 94: { // ^
        const r = text.charCodeAt(at++);
        const s = last[r < 125 ? r - 62 : r - 256];
        if (k >= 0) last[k] = s;
        return s;
      }
      case 105: return text.charCodeAt(at++) - 32; // i
      case 123: return object(); // {
      case 91: { // [
        const list = [];
        while (text.charCodeAt(at) !== 93) list.push(value(k));
        at++;
        return list;
      }
      case 35: return +sized(); // #
      case 116: return true;
      case 102: return false;
      case 110: return null;
      default: throw new Error(`bad table at ${at - 1}`);
    }
  };
  return value(-1);
}
"##)]
extern "C" {
    /// See `stringify` above; throws what `JSON.stringify` throws (a getter's error, a cycle,
    /// a BigInt).
    #[wasm_bindgen(catch)]
    fn stringify(input: &JsValue, max: u32) -> Result<Option<String>, JsValue>;

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

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen(js_name = version, skip_typescript)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
