//! Checked decimal arithmetic: overflow becomes `OUT_OF_RANGE`, never a panic or a wrapped value.
//!
//! rust_decimal inlines its whole add/multiply/divide at every call site (`#[inline(always)]`);
//! these out-of-line wrappers keep one copy of each in the wasm binary, which roughly halves the
//! size of decimal-heavy code, at the cost of a call.
//!
//! The transcendental functions ([`ln`], [`exp`], [`pow`], [`root`], and [`powi`] from 1024 on)
//! are the crate's own, in 128-bit binary (`exact/wide.rs`), each rounded once to a decimal:
//! correctly rounded but within 10⁻³³ of a rounding boundary, checked against 50-digit values.
//! (rust_decimal's `maths` feature would add ~13 KB of wasm and is a few units off in the 28th
//! digit; the tests compare the two.)
//!
//! ```
//! use repayment_plan::exact;
//! use rust_decimal::Decimal;
//! assert_eq!(exact::mul(Decimal::new(15, 1), Decimal::TWO).unwrap(), Decimal::new(30, 1));
//! assert_eq!(exact::add(Decimal::MAX, Decimal::ONE).unwrap_err().code(), "OUT_OF_RANGE");
//! assert_eq!(exact::div(Decimal::ONE, Decimal::ZERO).unwrap_err().code(), "OUT_OF_RANGE");
//! ```

use crate::error::{Error, Result};
use rust_decimal::Decimal;

mod wide;

/// `a + b`.
#[inline(never)]
pub fn add(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_add(b).ok_or_else(|| Error::overflow(""))
}

/// `a − b`: `a + (−b)`, exactly what `checked_sub` does, with one copy of the adder.
#[inline(never)]
pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal> {
    add(a, -b)
}

/// Whether `d` is a whole number (compared with its truncation: no subtraction code).
pub fn is_whole(d: Decimal) -> bool {
    d.trunc() == d
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

/// `base^exp` for a whole exponent, by repeated squaring: in decimals below 1024 (each of the
/// at most 19 roundings is 10⁻²⁸ relative), in 128-bit binary from 1024 on (where squaring
/// rounded decimals would lose digits), then rounded once. A negative exponent divides 1 by the
/// power.
///
/// ```
/// # use repayment_plan::exact;
/// # use rust_decimal::Decimal;
/// assert_eq!(exact::powi(Decimal::new(11, 1), 3).unwrap(), Decimal::new(1331, 3));
/// assert_eq!(exact::powi(Decimal::TWO, -2).unwrap(), Decimal::new(25, 2));
/// assert_eq!(exact::powi(Decimal::TEN, 29).unwrap_err().code(), "OUT_OF_RANGE");
/// ```
#[inline(never)]
pub fn powi(base: Decimal, exp: i64) -> Result<Decimal> {
    let power = powu(base, exp.unsigned_abs())?;
    if exp < 0 {
        div(Decimal::ONE, power)
    } else {
        Ok(power)
    }
}

/// `base^n`.
fn powu(base: Decimal, n: u64) -> Result<Decimal> {
    if n == 0 || base == Decimal::ONE {
        return Ok(Decimal::ONE);
    }
    if n >= 1024 {
        return wide::powu(base, n).ok_or_else(|| Error::overflow(""));
    }
    let (mut product, mut power, mut rest) = (Decimal::ONE, base, n);
    loop {
        if rest & 1 == 1 {
            product = mul(product, power)?;
        }
        rest >>= 1;
        if rest == 0 {
            break;
        }
        power = mul(power, power)?;
    }
    if n > 2 {
        product.normalize_assign();
    }
    Ok(product)
}

/// `base^x` for a positive base and any decimal exponent: `exp(x·ln base)`, with the product
/// kept to 10⁻³⁶ (not rounded to a decimal in between, which would cost a small base's logarithm
/// its digits), then rounded once. `OUT_OF_RANGE` when `|x·ln base| > 64` (the result would
/// leave the decimal range) or `base ≤ 0`.
///
/// ```
/// # use repayment_plan::exact;
/// # use rust_decimal::Decimal;
/// let root = exact::pow(Decimal::TWO, Decimal::new(5, 1)).unwrap();
/// assert_eq!(root.to_string(), "1.4142135623730950488016887242");
/// // 1.01^59.5: a fractional number of periods at 1%.
/// let growth = exact::pow(Decimal::new(101, 2), Decimal::new(595, 1)).unwrap();
/// assert_eq!(growth.to_string(), "1.8076807784029759816783968472");
/// // 28·ln 10 = 64.5 is beyond the range, although 10^28 itself would fit.
/// assert_eq!(exact::pow(Decimal::TEN, Decimal::from(28)).unwrap_err().code(), "OUT_OF_RANGE");
/// ```
#[inline(never)]
pub fn pow(base: Decimal, x: Decimal) -> Result<Decimal> {
    if base <= Decimal::ZERO {
        return Err(Error::overflow(""));
    }
    wide::pow(base, x).ok_or_else(|| Error::overflow(""))
}

/// `x^(1/n)` for a positive `x` and `n ≥ 1`: `exp(ln(x)/n)` with the quotient kept to 10⁻³⁶,
/// then rounded once, so an exact root (`1.21^(1/2)`, any `x^(1/1)`) comes out exact.
/// `OUT_OF_RANGE` when `x ≤ 0` or `n = 0`.
///
/// ```
/// # use repayment_plan::exact;
/// # use rust_decimal::Decimal;
/// assert_eq!(exact::root(Decimal::new(1331, 3), 3).unwrap(), Decimal::new(11, 1));
/// assert_eq!(exact::root(Decimal::TWO, 12).unwrap().to_string(), "1.0594630943592952645618252949");
/// ```
#[inline(never)]
pub fn root(x: Decimal, n: u32) -> Result<Decimal> {
    if x <= Decimal::ZERO || n == 0 {
        return Err(Error::overflow(""));
    }
    wide::root(x, n).ok_or_else(|| Error::overflow(""))
}

/// Natural logarithm of a positive number, within 10⁻³⁶ of exact before its one rounding to a
/// decimal (so correctly rounded but for values within that of a rounding boundary).
///
/// ```
/// # use repayment_plan::exact;
/// # use rust_decimal::Decimal;
/// assert_eq!(exact::ln(Decimal::TWO).unwrap().to_string(), "0.6931471805599453094172321215");
/// assert_eq!(exact::ln(Decimal::ZERO).unwrap_err().code(), "OUT_OF_RANGE");
/// ```
#[inline(never)]
pub fn ln(x: Decimal) -> Result<Decimal> {
    if x <= Decimal::ZERO {
        return Err(Error::overflow(""));
    }
    wide::ln(x).ok_or_else(|| Error::overflow(""))
}

/// `e^x`, for |x| ≤ 64 (beyond that the result leaves the decimal range), within 10⁻³³
/// relative of exact before its one rounding to a decimal.
///
/// ```
/// # use repayment_plan::exact;
/// # use rust_decimal::Decimal;
/// assert_eq!(exact::exp(Decimal::ONE).unwrap().to_string(), "2.7182818284590452353602874714");
/// assert_eq!(exact::exp(Decimal::from(65)).unwrap_err().code(), "OUT_OF_RANGE");
/// ```
#[inline(never)]
pub fn exp(x: Decimal) -> Result<Decimal> {
    if x.abs() > Decimal::from(64) {
        return Err(Error::overflow(""));
    }
    if x.is_zero() {
        return Ok(Decimal::ONE);
    }
    wide::exp(x).ok_or_else(|| Error::overflow(""))
}
