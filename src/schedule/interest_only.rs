//! 先息后本 — interest only: each period pays interest on the balance; the whole principal is
//! repaid with the last payment (a balloon).
//!
//! ```text
//! interest_k = P·r (k = 1..n),  payment_n = P + P·r,  total interest = P·r·n
//! ```
//!
//! ```
//! use repayment_plan::schedule::interest_only;
//! use repayment_plan::money::Money;
//! let model = interest_only::model(Money::from_fen(1_000_000), "0.01".parse().unwrap(), 12).unwrap();
//! assert_eq!((model.payment.to_string(), model.interest.to_string()), ("100.00".into(), "1200.00".into()));
//! ```

use super::Model;
use crate::error::Result;
use crate::exact;
use crate::money::{Money, RoundingMode};
use rust_decimal::Decimal;

/// The model figures: the regular payment `P·r` and total interest `P·r·n`.
///
/// # Errors
/// `OUT_OF_RANGE` when a figure does not fit 28-digit decimals or an `i64` of fen.
pub fn model(principal: Money, r: Decimal, n: u32) -> Result<Model> {
    let per_period = exact::mul(principal.to_decimal(), r)?;
    Ok(Model {
        payment: Money::round(per_period, RoundingMode::HalfUp)?,
        interest: Money::round(
            exact::mul(per_period, Decimal::from(n))?,
            RoundingMode::HalfUp,
        )?,
        calculator_interest: None,
    })
}
