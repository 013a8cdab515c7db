//! Checked decimal arithmetic: overflow becomes `OUT_OF_RANGE`, never a panic or a wrapped value.
//!
//! rust_decimal inlines its whole add/multiply/divide at every call site (`#[inline(always)]`);
//! these out-of-line wrappers keep one copy of each in the wasm binary, which roughly halves the
//! size of decimal-heavy code, at the cost of a call.
//!
//! ```
//! use repayment_plan::exact;
//! use rust_decimal::Decimal;
//! assert_eq!(exact::mul(Decimal::new(15, 1), Decimal::TWO).unwrap(), Decimal::new(30, 1));
//! assert_eq!(exact::add(Decimal::MAX, Decimal::ONE).unwrap_err().code(), "OUT_OF_RANGE");
//! assert_eq!(exact::div(Decimal::ONE, Decimal::ZERO).unwrap_err().code(), "OUT_OF_RANGE");
//! ```

use crate::error::{Error, Result};
use rust_decimal::{Decimal, MathematicalOps};

/// `a + b`.
#[inline(never)]
pub fn add(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_add(b).ok_or_else(|| Error::overflow(""))
}

/// `a − b`.
#[inline(never)]
pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_sub(b).ok_or_else(|| Error::overflow(""))
}

/// `a × b` (rounded to 28 significant digits when the exact product needs more).
#[inline(never)]
pub fn mul(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_mul(b).ok_or_else(|| Error::overflow(""))
}

/// `a ÷ b`; division by zero is `OUT_OF_RANGE` too.
#[inline(never)]
pub fn div(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_div(b).ok_or_else(|| Error::overflow(""))
}

/// `base^exp` for a whole exponent, by repeated squaring.
#[inline(never)]
pub fn powi(base: Decimal, exp: i64) -> Result<Decimal> {
    base.checked_powi(exp).ok_or_else(|| Error::overflow(""))
}

/// Natural logarithm of a positive number.
#[inline(never)]
pub fn ln(x: Decimal) -> Result<Decimal> {
    if x <= Decimal::ZERO {
        return Err(Error::overflow(""));
    }
    x.checked_ln().ok_or_else(|| Error::overflow(""))
}

/// `e^x`, for |x| ≤ 64 (beyond that the result leaves the decimal range).
#[inline(never)]
pub fn exp(x: Decimal) -> Result<Decimal> {
    if x.abs() > Decimal::from(64) {
        return Err(Error::overflow(""));
    }
    x.checked_exp().ok_or_else(|| Error::overflow(""))
}
