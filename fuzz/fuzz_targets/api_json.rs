//! Fuzzes the whole JSON → input → result path of every API function.
//!
//! Input: a function name, a newline, then JSON text (the seed corpus is made from
//! tests/fixtures/*.json by `fuzz/seed.sh`). Every call must return `Ok` or an `Err` with a
//! documented code; a panic (which would be a trap in wasm) is a bug. Successful results must be
//! valid JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use repayment_plan::{api, ErrorKind};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (name, input) = text.split_once('\n').unwrap_or(("", text));
    // An unknown name still exercises the parser: try every function on it.
    let functions: Vec<&str> = match api::FUNCTION_NAMES.iter().find(|n| **n == name) {
        Some(n) => vec![*n],
        None => api::FUNCTION_NAMES.to_vec(),
    };
    for function in functions {
        match api::call(function, input) {
            Ok(out) => assert!(
                serde_json::from_str::<serde_json::Value>(&out).is_ok(),
                "{function} wrote invalid JSON: {out}"
            ),
            Err(e) => assert!(ErrorKind::ALL.contains(&e.kind()) && !e.message().is_empty() && !e.message_zh().is_empty()),
        }
    }
});
