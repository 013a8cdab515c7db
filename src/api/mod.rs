//! The public API as JSON in, JSON out: what the wasm boundary exposes, callable from plain Rust.
//!
//! Each function takes the parsed input object and returns its result as JSON text. The wasm
//! boundary (`src/wasm/`) only converts the JS value to JSON text and back; the native tests and
//! the fuzz target call [`call`] with the same JSON the Node tests use.

pub mod input;
pub mod output;
pub mod overdue;
pub mod plan;
pub mod restructure;
pub mod schedule;
pub mod tvm;

use crate::error::{Error, ErrorKind, Result};
use crate::json::{self, Value};

/// An API function: parsed input → JSON text.
pub type ApiFn = fn(&Value) -> Result<String>;

/// Every exported function, by its JS name.
pub const FUNCTIONS: &[(&str, ApiFn)] = &[
    ("pmt", tvm::pmt),
    ("ipmt", tvm::ipmt),
    ("ppmt", tvm::ppmt),
    ("pv", tvm::pv),
    ("fv", tvm::fv),
    ("nper", tvm::nper),
    ("rate", tvm::rate),
    ("npv", tvm::npv),
    ("irr", tvm::irr),
    ("xirr", tvm::xirr),
    ("effect", tvm::effect),
    ("nominal", tvm::nominal),
    ("cumipmt", tvm::cumipmt),
    ("cumprinc", tvm::cumprinc),
    ("schedule", schedule::schedule),
    ("compareOffers", schedule::compare_offers),
    ("restructure", restructure::restructure),
    ("overdue", overdue::overdue),
    ("cardInterest", overdue::card_interest),
    ("budget", plan::budget),
    ("payoff", plan::payoff),
];

/// Calls the function named `name` on JSON text.
///
/// ```
/// let out = repayment_plan::api::call("pmt", r#"{"rate":"0.005","nper":360,"pv":100000}"#).unwrap();
/// assert_eq!(out, "\"-599.5505251528\"");
/// let err = repayment_plan::api::call("pmt", r#"{"rate":"0.005","nper":360,"pvv":100000}"#).unwrap_err();
/// assert_eq!((err.code(), err.field()), ("UNKNOWN_FIELD", "pvv"));
/// ```
pub fn call(name: &str, input: &str) -> Result<String> {
    let function = FUNCTIONS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, f)| *f)
        .ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidInput,
                "",
                format!("no function {name}"),
                format!("没有函数 {name}"),
            )
        })?;
    function(&json::parse(input)?)
}
