//! 分期手续费 — fee instalment (花呗分期, credit-card 分期): the principal is split into n parts and
//! a fee on the **original** principal is charged, split the same way.
//!
//! ```text
//! fee = P·F (total rate F)  or  P·f·n (per-period rate f);  payment_k = P/n + fee/n
//! ```
//!
//! Alipay rounding (the default): the total fee is rounded half-even to the fen; per-period
//! principal and fee are rounded down; the **first** period absorbs both residues. Since 2022
//! lenders must also show the annualised rate (IRR): 12 periods at 0.6% a period is 13.03%, not 7.2%.
//!
//! ```
//! use repayment_plan::schedule::{build, FeeRate, Loan, Method};
//! use repayment_plan::money::Money;
//! use repayment_plan::calendar::parse_date;
//! let mut loan = Loan::new(Money::parse("1111.11").unwrap(), Method::FeeInstalment, 6, parse_date("2024-01-01").unwrap());
//! loan.fee = Some(FeeRate::Total("0.045".parse().unwrap()));
//! let s = build(&loan).unwrap();
//! assert_eq!(s.totals.fee.to_string(), "50.00");
//! assert_eq!((s.rows[0].payment.to_string(), s.rows[1].payment.to_string()), ("193.56".into(), "193.51".into()));
//! ```

use super::{FeeRate, Model};
use crate::error::Result;
use crate::exact;
use crate::money::{Money, RoundingMode};
use rust_decimal::Decimal;

/// The total fee as a fraction of the principal: `F`, or `f·n`.
///
/// # Errors
/// `OUT_OF_RANGE` when `f·n` does not fit 28-digit decimals.
pub fn total_rate(fee: FeeRate, n: u32) -> Result<Decimal> {
    match fee {
        FeeRate::Total(total) => Ok(total),
        FeeRate::PerPeriod(f) => exact::mul(f, Decimal::from(n)),
    }
}

/// The total fee `P·F` rounded with `mode` (Alipay: half-even).
///
/// ```
/// use repayment_plan::schedule::{fee_instalment, FeeRate};
/// use repayment_plan::money::{Money, RoundingMode};
/// // 1111.11 × 4.5% = 49.99995 → 50.00
/// let fee = fee_instalment::total_fee(Money::from_fen(111_111), FeeRate::Total("0.045".parse().unwrap()), 6, RoundingMode::HalfEven);
/// assert_eq!(fee.unwrap().to_string(), "50.00");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` when the fee does not fit 28-digit decimals or an `i64` of fen.
pub fn total_fee(principal: Money, fee: FeeRate, n: u32, mode: RoundingMode) -> Result<Money> {
    principal.mul_rate(total_rate(fee, n)?, mode)
}

/// The fee of every period under a bank's rule ([`super::Issuer::Bank`]): `P·f`, or `P·F/n`
/// for a total rate, rounded with `mode` (banks: half up).
///
/// ```
/// use repayment_plan::schedule::{fee_instalment, FeeRate};
/// use repayment_plan::money::{Money, RoundingMode};
/// // 1234.56 × 0.75% = 9.2592 → 9.26 a period (× 12 = 111.12, where the total rounded once is 111.11)
/// let fee = fee_instalment::period_fee(Money::from_fen(123_456), FeeRate::PerPeriod("0.0075".parse().unwrap()), 12, RoundingMode::HalfUp);
/// assert_eq!(fee.unwrap().to_string(), "9.26");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` when `n` is 0 or the fee does not fit 28-digit decimals or an `i64` of fen.
pub fn period_fee(principal: Money, fee: FeeRate, n: u32, mode: RoundingMode) -> Result<Money> {
    let rate = match fee {
        FeeRate::PerPeriod(f) => f,
        FeeRate::Total(total) => exact::div(total, Decimal::from(n))?,
    };
    principal.mul_rate(rate, mode)
}

/// The model figures: the payment `(P + P·F)/n` and the fee `P·F`.
///
/// # Errors
/// `OUT_OF_RANGE` when `n` is 0 or a figure does not fit 28-digit decimals or an `i64` of fen.
pub fn model(principal: Money, fee: FeeRate, n: u32) -> Result<Model> {
    let total = exact::mul(principal.to_decimal(), total_rate(fee, n)?)?;
    let payment = exact::div(exact::add(principal.to_decimal(), total)?, Decimal::from(n))?;
    Ok(Model {
        payment: Money::round(payment, RoundingMode::HalfUp)?,
        interest: Money::round(total, RoundingMode::HalfUp)?,
        calculator_interest: None,
    })
}
