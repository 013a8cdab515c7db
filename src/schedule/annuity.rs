//! 等额本息 — annuity: equal payments; each period's interest is on the outstanding balance and
//! the rest of the payment repays principal.
//!
//! ```text
//! M = P·r·(1+r)^n / ((1+r)^n − 1)        (r = 0: M = P/n)
//! interest_k = B_{k−1}·r,  principal_k = M − interest_k,  B_k = B_{k−1} − principal_k
//! ```
//!
//! Bank rounding (the default): M and every interest_k are rounded half-up to the fen, and the
//! last payment is `B_{n−1} + interest_n`, absorbing the residue. Calculators quote the model
//! total interest `M_exact·n − P`, which differs from the sum of the billed interest by a few yuan
//! on a long loan.
//!
//! ```
//! use repayment_plan::schedule::annuity;
//! use repayment_plan::money::{Money, RoundingMode};
//! let (p, r) = (Money::from_fen(100_000_000), "0.049".parse::<rust_decimal::Decimal>().unwrap() / rust_decimal::Decimal::from(12));
//! assert_eq!(annuity::payment(p, r, 360, RoundingMode::HalfUp).unwrap().to_string(), "5307.27");
//! let model = annuity::model(p, r, 360).unwrap();
//! assert_eq!((model.payment.to_string(), model.interest.to_string()), ("5307.27".into(), "910616.19".into()));
//! ```

use super::Model;
use crate::cost::{self, When};
use crate::error::Result;
use crate::exact;
use crate::money::{Money, RoundingMode};
use rust_decimal::prelude::*;

/// The exact payment `P·r·(1+r)^n / ((1+r)^n − 1)`, `P/n` when r = 0, in yuan.
///
/// # Errors
/// `OUT_OF_RANGE` when `(1+r)^n` or the payment does not fit 28-digit decimals, or `n` is 0.
pub fn exact_payment(principal: Money, r: Decimal, n: u32) -> Result<Decimal> {
    cost::pmt(
        r,
        Decimal::from(n),
        principal.to_decimal(),
        Decimal::ZERO,
        When::End,
    )
    .map(|m| -m)
}

/// The payment rounded to the fen with `mode`.
///
/// # Errors
/// `OUT_OF_RANGE` as [`exact_payment`], or when the payment in fen does not fit an `i64`.
pub fn payment(principal: Money, r: Decimal, n: u32, mode: RoundingMode) -> Result<Money> {
    Money::round(exact_payment(principal, r, n)?, mode)
}

/// Periods needed to repay `balance` with `payment` a period at rate `r`: ⌈NPER⌉, at least 1.
///
/// ```
/// use repayment_plan::schedule::annuity;
/// use repayment_plan::money::Money;
/// // 10,000 at 1% a month paying 1,000: NPER = 10.59 → 11 payments.
/// assert_eq!(annuity::periods_for_payment(Money::from_fen(1_000_000), "0.01".parse().unwrap(), Money::from_fen(100_000)).unwrap(), 11);
/// ```
///
/// # Errors
/// `NO_SOLUTION` when the payment does not exceed the interest of one period.
pub fn periods_for_payment(balance: Money, r: Decimal, payment: Money) -> Result<u32> {
    let n = cost::nper(
        r,
        -payment.to_decimal(),
        balance.to_decimal(),
        Decimal::ZERO,
        When::End,
    )?;
    // A hair above a whole number is rounding noise of the logarithms, not another period.
    let n = exact::sub(n, Decimal::new(1, 12))?;
    // ⌈n⌉, at least 1, and u32::MAX where it does not fit (the caller keeps the shorter of this
    // and the term left). `ceil` cannot overflow: a decimal with a fraction is far below the
    // largest.
    Ok(n.ceil().to_u32().unwrap_or(u32::MAX).max(1))
}

/// The model figures: `M` and `M·n − P`, each rounded half-up once.
///
/// # Errors
/// `OUT_OF_RANGE` when a figure does not fit 28-digit decimals or an `i64` of fen.
pub fn model(principal: Money, r: Decimal, n: u32) -> Result<Model> {
    let m = exact_payment(principal, r, n)?;
    let interest = exact::sub(exact::mul(m, Decimal::from(n))?, principal.to_decimal())?;
    let payment = Money::round(m, RoundingMode::HalfUp)?;
    Ok(Model {
        payment,
        interest: Money::round(interest, RoundingMode::HalfUp)?,
        // What many calculators print: the rounded payment × n − P.
        calculator_interest: Some(
            payment
                .checked_mul_int(i64::from(n))?
                .checked_sub(principal)?,
        ),
    })
}
