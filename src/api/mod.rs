//! The public API: one typed function per export, `fn(&Input) -> Result<Output>`, with serde
//! input and result types (the list is [`for_each_function`](crate::for_each_function)).
//!
//! A Rust program calls the functions directly; [`call`] runs one on JSON text (what the native
//! tests, the fixtures and the fuzz target use), and the wasm boundary (`src/wasm/`) does the same
//! from a JS value.

pub mod check;
pub mod de;
pub mod output;
pub mod overdue;
pub mod plan;
pub mod restructure;
pub mod schedule;
pub mod ser;
pub mod ts;
pub mod tvm;

use crate::error::{Error, ErrorKind, Result};

/// Calls `$callback!` with the list of typed API functions, `jsName => path::function, Input,
/// Output;` each: the one list that the JSON entry [`call`], the wasm exports and the generated
/// TypeScript ([`ts::declarations`]) follow.
#[macro_export]
macro_rules! for_each_function {
    ($callback:ident) => {
        $callback! {
            pmt => $crate::api::tvm::pmt, $crate::api::tvm::PmtInput, $crate::api::tvm::Unrounded;
            ipmt => $crate::api::tvm::ipmt, $crate::api::tvm::PaymentPartInput, $crate::api::tvm::Unrounded;
            ppmt => $crate::api::tvm::ppmt, $crate::api::tvm::PaymentPartInput, $crate::api::tvm::Unrounded;
            pv => $crate::api::tvm::pv, $crate::api::tvm::PvInput, $crate::api::tvm::Unrounded;
            fv => $crate::api::tvm::fv, $crate::api::tvm::FvInput, $crate::api::tvm::Unrounded;
            nper => $crate::api::tvm::nper, $crate::api::tvm::NperInput, $crate::api::tvm::Unrounded;
            rate => $crate::api::tvm::rate, $crate::api::tvm::RateInput, $crate::api::tvm::SolvedRate;
            npv => $crate::api::tvm::npv, $crate::api::tvm::NpvInput, $crate::api::tvm::Unrounded;
            irr => $crate::api::tvm::irr, $crate::api::tvm::IrrInput, $crate::api::tvm::SolvedRate;
            xirr => $crate::api::tvm::xirr, $crate::api::tvm::XirrInput, $crate::api::tvm::SolvedRate;
            effect => $crate::api::tvm::effect, $crate::api::tvm::EffectInput, $crate::api::tvm::Unrounded;
            nominal => $crate::api::tvm::nominal, $crate::api::tvm::NominalInput, $crate::api::tvm::Unrounded;
            cumipmt => $crate::api::tvm::cumipmt, $crate::api::tvm::CumulativeInput, $crate::api::tvm::Unrounded;
            cumprinc => $crate::api::tvm::cumprinc, $crate::api::tvm::CumulativeInput, $crate::api::tvm::Unrounded;
            budget => $crate::api::plan::budget, $crate::api::plan::BudgetInput, $crate::api::plan::BudgetResult;
            payoff => $crate::api::plan::payoff, $crate::api::plan::PayoffInput, $crate::api::plan::PayoffResult;
            overdue => $crate::api::overdue::overdue, $crate::api::overdue::OverdueInput, $crate::api::overdue::OverdueResult;
            cardInterest => $crate::api::overdue::card_interest, $crate::api::overdue::CardInterestInput, $crate::api::overdue::CardInterestResult;
            schedule => $crate::api::schedule::schedule, $crate::api::schedule::ScheduleInput, $crate::api::schedule::ScheduleResult;
            compareOffers => $crate::api::schedule::compare_offers, $crate::api::schedule::CompareOffersInput, $crate::api::schedule::CompareOffersResult;
            restructure => $crate::api::restructure::restructure, $crate::api::restructure::RestructureInput, $crate::api::restructure::RestructureResult;
        }
    };
}

/// The JS name of every API function, in the order of [`crate::for_each_function`].
pub const FUNCTION_NAMES: &[&str] = {
    macro_rules! names {
        ($($js:ident => $function:path, $input:ty, $output:ty;)*) => {
            &[$(stringify!($js)),*]
        };
    }
    crate::for_each_function!(names)
};

/// Runs a typed API function on JSON text: [`de::from_json`], the function, `serde_json`.
///
/// # Errors
/// The input's and the function's errors.
pub fn json_call<I: serde::de::DeserializeOwned, O: serde::Serialize>(
    text: &str,
    function: fn(&I) -> Result<O>,
) -> Result<String> {
    let input = de::from_json::<I>(text)?;
    let output = function(&input)?;
    serde_json::to_string(&output).map_err(|e| {
        Error::new(
            ErrorKind::InvalidInput,
            "",
            format!("internal error: {e}"),
            format!("内部错误：{e}"),
        )
    })
}

/// Calls the function named `name` on JSON text.
///
/// ```
/// let out = repayment_plan::api::call("pmt", r#"{"rate":"0.005","nper":360,"pv":100000}"#).unwrap();
/// assert_eq!(out, "\"-599.5505251528\"");
/// let err = repayment_plan::api::call("pmt", r#"{"rate":"0.005","nper":360,"pvv":100000}"#).unwrap_err();
/// assert_eq!((err.code(), err.field()), ("UNKNOWN_FIELD", "pvv"));
/// ```
///
/// # Errors
/// `INVALID_INPUT` for an unknown function name; otherwise the function's own errors.
pub fn call(name: &str, input: &str) -> Result<String> {
    macro_rules! dispatch {
        ($($js:ident => $function:path, $input:ty, $output:ty;)*) => {
            match name {
                $(stringify!($js) => return json_call::<$input, _>(input, $function),)*
                _ => {}
            }
        };
    }
    for_each_function!(dispatch);
    Err(Error::new(
        ErrorKind::InvalidInput,
        "",
        format!("no function {name}"),
        format!("没有函数 {name}"),
    ))
}
