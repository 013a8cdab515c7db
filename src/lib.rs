//! # repayment-plan
//!
//! Exact repayment arithmetic for Chinese consumer credit (花呗, 借呗, credit cards, bank loans):
//! time-value functions, instalment schedules with the IRR-method APR, overdue costs, budgets and
//! debt-free plans. Compiled to WebAssembly for the browser and Node.js; usable from Rust.
//!
//! ## Conventions
//! * **Money** is exact to the fen: [`money::Money`] counts 分 in an `i64`, every operation that
//!   could overflow is checked and reported as `OUT_OF_RANGE`, never wrapped or trapped.
//! * **Rates** are fractions (`0.049` = 4.9%) in [`rust_decimal::Decimal`]; rate solvers work in
//!   `f64` and prove each root by a sign change (see [`cost`]).
//! * **Signs** in [`cost`] follow Excel: money received positive, money paid negative.
//! * **Rounding** is an explicit [`money::RoundingPolicy`]: a mode (half-up, half-even, down) and
//!   which period absorbs the residue (first or last).
//! * **Dates** are `chrono::NaiveDate`; due dates are `start + k months`, clamped to month end
//!   ([`calendar`]).
//! * **Errors** are one [`Error`] type with a stable code, the input field path and messages in
//!   English and Chinese.
//!
//! ## Layers
//! The core modules ([`money`], [`calendar`], [`cost`], …) are plain Rust. [`api`] has one typed
//! function per export, with serde input and result types (and [`api::call`] to run one on JSON
//! text); `src/wasm/` (built only for `wasm32`) is the only code that knows about JavaScript.
//!
//! ```
//! // The same call the JS package makes: JSON in, JSON out.
//! let out = repayment_plan::api::call("effect", r#"{"nominalRate":"0.0525","npery":4}"#).unwrap();
//! assert_eq!(out, "\"0.0535426674\"");
//! ```

// No `unsafe` anywhere: the wasm build uses the standard allocator, and every operation on
// money is checked.
#![forbid(unsafe_code)]

/// The README's Rust example, compiled and run as a doctest (`cargo test --doc`), so the first
/// thing a Rust user copies keeps working. Only built for doctests: it is not API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub mod api;
pub mod calendar;
pub mod cost;
pub mod error;
pub mod exact;
pub mod money;
pub mod notice;
pub mod overdue;
pub mod plan;
pub mod schedule;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::{Error, ErrorKind, Result};
