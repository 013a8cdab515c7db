//! 等本等息 — flat (add-on) rate: equal principal, and every period interest on the **original**
//! principal, so the borrower keeps paying interest on money already repaid.
//!
//! ```text
//! interest_k = P·m,  payment = P/n + P·m,  total interest = P·m·n
//! ```
//!
//! Its true cost (the IRR) is roughly 1.8–2× the quoted rate: 12 months at 1% a month flat is an
//! APR of about 21.46%, not 12%. The total interest is rounded once and split like the principal
//! ([`super::Split`]).
//!
//! ```
//! use repayment_plan::schedule::{build, flat, InterestRate, Loan, Method};
//! use repayment_plan::money::Money;
//! use repayment_plan::calendar::parse_date;
//! let model = flat::model(Money::from_fen(1_200_000), "0.01".parse().unwrap(), 12).unwrap();
//! assert_eq!((model.payment.to_string(), model.interest.to_string()), ("1120.00".into(), "1440.00".into()));
//! let mut loan = Loan::new(Money::from_fen(1_200_000), Method::Flat, 12, parse_date("2024-01-01").unwrap());
//! loan.rate = Some(InterestRate::Monthly("0.01".parse().unwrap()));
//! let apr = build(&loan).unwrap().apr;
//! assert_eq!(apr.nominal.round_dp(4).to_string(), "0.2146");
//! ```

use super::Model;
use crate::error::Result;
use crate::exact;
use crate::money::{Money, RoundingMode};
use rust_decimal::Decimal;

/// Total interest `P·m·n` rounded with `mode`.
///
/// # Errors
/// `OUT_OF_RANGE` when the interest does not fit 28-digit decimals or an `i64` of fen.
pub fn total_interest(principal: Money, m: Decimal, n: u32, mode: RoundingMode) -> Result<Money> {
    principal.mul_rate(exact::mul(m, Decimal::from(n))?, mode)
}

/// The model figures: the payment `P/n + P·m` and total interest `P·m·n`.
///
/// # Errors
/// `OUT_OF_RANGE` when `n` is 0 or a figure does not fit 28-digit decimals or an `i64` of fen.
pub fn model(principal: Money, m: Decimal, n: u32) -> Result<Model> {
    let p = principal.to_decimal();
    let per_period_interest = exact::mul(p, m)?;
    let payment = exact::add(exact::div(p, Decimal::from(n))?, per_period_interest)?;
    Ok(Model {
        payment: Money::round(payment, RoundingMode::HalfUp)?,
        interest: Money::round(
            exact::mul(per_period_interest, Decimal::from(n))?,
            RoundingMode::HalfUp,
        )?,
        calculator_interest: None,
    })
}
