//! 等额本金 — equal principal: the principal is split into n equal parts; each period pays its
//! part plus interest on the outstanding balance, so payments fall by `(P/n)·r` a period.
//!
//! ```text
//! principal_k = P/n,  interest_k = (P − (k−1)·P/n)·r,  total interest = P·r·(n+1)/2
//! ```
//!
//! Bank rounding: the part and each interest are rounded half-up; the last period absorbs the
//! residue of the split ([`super::Split`]).
//!
//! ```
//! use repayment_plan::schedule::equal_principal;
//! use repayment_plan::money::Money;
//! let r = "0.049".parse::<rust_decimal::Decimal>().unwrap() / rust_decimal::Decimal::from(12);
//! let model = equal_principal::model(Money::from_fen(100_000_000), r, 360).unwrap();
//! assert_eq!((model.payment.to_string(), model.interest.to_string()), ("6861.11".into(), "737041.67".into()));
//! ```

use super::Model;
use crate::error::Result;
use crate::exact;
use crate::money::{Money, RoundingMode};
use rust_decimal::Decimal;

/// The model figures: first payment `P/n + P·r` and total interest `P·r·(n+1)/2`.
///
/// # Errors
/// `OUT_OF_RANGE` when `n` is 0 or a figure does not fit 28-digit decimals or an `i64` of fen.
pub fn model(principal: Money, r: Decimal, n: u32) -> Result<Model> {
    let p = principal.to_decimal();
    let per_period_interest = exact::mul(p, r)?;
    let first = exact::add(exact::div(p, Decimal::from(n))?, per_period_interest)?;
    let interest = exact::div(
        exact::mul(per_period_interest, Decimal::from(n + 1))?,
        Decimal::TWO,
    )?;
    Ok(Model {
        payment: Money::round(first, RoundingMode::HalfUp)?,
        interest: Money::round(interest, RoundingMode::HalfUp)?,
        calculator_interest: None,
    })
}
