//! 一次性还本付息 — bullet: principal and simple interest in one payment at maturity.
//!
//! ```text
//! interest = P·r_month·n                    (monthly accrual, the default)
//! interest = P·annual·days/basis            (by days: a daily rate, an explicit day count or an odd first period)
//! ```
//!
//! The schedule has a single row, numbered `n`, due `n` months after the start.
//!
//! ```
//! use repayment_plan::schedule::{build, InterestRate, Loan, Method};
//! use repayment_plan::money::Money;
//! use repayment_plan::calendar::{parse_date, DayCount};
//! let mut loan = Loan::new(Money::from_fen(1_000_000), Method::Bullet, 12, parse_date("2024-01-01").unwrap());
//! loan.rate = Some(InterestRate::Annual("0.0365".parse().unwrap()));
//! loan.day_count = Some(DayCount::Actual365);
//! let s = build(&loan).unwrap();
//! // 2024 is a leap year: 366 days at 3.65%/365 = 0.01% a day.
//! assert_eq!((s.rows.len(), s.rows[0].days, s.rows[0].interest.to_string()), (1, 366, "366.00".into()));
//! ```

use super::Model;
use crate::error::Result;
use crate::money::{Money, RoundingMode};

/// The model figures: the single payment `P + interest` and the interest, where `interest` is the
/// exact (unrounded) accrual of the whole term.
///
/// # Errors
/// `OUT_OF_RANGE` when a figure does not fit an `i64` of fen.
pub fn model(principal: Money, interest: rust_decimal::Decimal) -> Result<Model> {
    let interest = Money::round(interest, RoundingMode::HalfUp)?;
    Ok(Model {
        payment: principal.checked_add(interest)?,
        interest,
        calculator_interest: None,
    })
}
