//! Checked decimal arithmetic: overflow becomes `OUT_OF_RANGE`, never a panic or a wrapped value.
//!
//! rust_decimal inlines its whole add/multiply/divide at every call site (`#[inline(always)]`);
//! these out-of-line wrappers keep one copy of each in the wasm binary, which roughly halves the
//! size of decimal-heavy code, at the cost of a call.
//!
//! Powers, roots and logarithms: rust_decimal's `maths` feature wherever it gives the digits
//! the crate prints ([`root`], and [`powi`] below 1024, where it is the same repeated squaring),
//! and the crate's own, in 128-bit binary (`exact/wide.rs`), where it does not: [`ln`], [`pow`]
//! and [`powi`] from 1024 on. Those are each rounded once to a decimal (correctly rounded but
//! within 10⁻³³ of a rounding boundary, checked against 50-digit values); rust_decimal's are a
//! few units off in the 28th digit, enough to print a wrong 10th decimal of `nper`, `fv` or `pv`.
//! The tests below show one such result for each function kept, and `tests/exact_math.rs`
//! compares the two over random inputs. rust_decimal's checked (`checked_*`) functions only: its
//! others panic on overflow, a trap in wasm.
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

mod wide;

/// `a + b`.
///
/// # Errors
/// `OUT_OF_RANGE` when the sum leaves the 96-bit decimal range.
#[inline(never)]
pub fn add(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_add(b).ok_or_else(|| Error::overflow(""))
}

/// `a − b`: `a + (−b)`, exactly what `checked_sub` does, with one copy of the adder.
///
/// # Errors
/// `OUT_OF_RANGE` when the difference leaves the 96-bit decimal range.
#[inline(never)]
pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal> {
    add(a, -b)
}

/// Whether `d` is a whole number (compared with its truncation: no subtraction code).
pub fn is_whole(d: Decimal) -> bool {
    d.trunc() == d
}

/// `a × b` (rounded to 28 significant digits when the exact product needs more).
///
/// # Errors
/// `OUT_OF_RANGE` when the product leaves the 96-bit decimal range.
#[inline(never)]
pub fn mul(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_mul(b).ok_or_else(|| Error::overflow(""))
}

/// `a ÷ b`; division by zero is `OUT_OF_RANGE` too.
///
/// # Errors
/// `OUT_OF_RANGE` when `b` is 0 or the quotient leaves the decimal range.
#[inline(never)]
pub fn div(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_div(b).ok_or_else(|| Error::overflow(""))
}

/// `base^exp` for a whole exponent, by repeated squaring: below 1024 rust_decimal's
/// `checked_powi` (in decimals: each of the at most 19 roundings is 10⁻²⁸ relative), from 1024
/// on in 128-bit binary (where squaring rounded decimals would lose digits, and rust_decimal's
/// 192-bit decimal squaring is a unit off in the 28th digit where ours is correctly rounded),
/// then rounded once. A negative exponent divides 1 by the power.
///
/// ```
/// # use repayment_plan::exact;
/// # use rust_decimal::Decimal;
/// assert_eq!(exact::powi(Decimal::new(11, 1), 3).unwrap(), Decimal::new(1331, 3));
/// assert_eq!(exact::powi(Decimal::TWO, -2).unwrap(), Decimal::new(25, 2));
/// assert_eq!(exact::powi(Decimal::TEN, 29).unwrap_err().code(), "OUT_OF_RANGE");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` when the power overflows, or `base` is 0 with a negative `exp`.
#[inline(never)]
pub fn powi(base: Decimal, exp: i64) -> Result<Decimal> {
    let n = exp.unsigned_abs();
    if n < 1024 {
        return base.checked_powi(exp).ok_or_else(|| Error::overflow(""));
    }
    let power = wide::powu(base, n).ok_or_else(|| Error::overflow(""))?;
    if exp < 0 {
        div(Decimal::ONE, power)
    } else {
        Ok(power)
    }
}

/// `base^x` for a positive base and any decimal exponent: `exp(x·ln base)`, with the product
/// kept to 10⁻³⁶ (not rounded to a decimal in between, which would cost a small base's logarithm
/// its digits), then rounded once. `OUT_OF_RANGE` when `|x·ln base| > 64` (the result would
/// leave the decimal range) or `base ≤ 0`. The crate's own: rust_decimal's `checked_powd`
/// rounds `ln base` and the product to 28 places, which costs digits in proportion to `x` and
/// prints wrong decimals of `fv` (see the tests).
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
///
/// # Errors
/// `OUT_OF_RANGE` when `base` is not positive or the power overflows.
#[inline(never)]
pub fn pow(base: Decimal, x: Decimal) -> Result<Decimal> {
    if base <= Decimal::ZERO {
        return Err(Error::overflow(""));
    }
    wide::pow(base, x).ok_or_else(|| Error::overflow(""))
}

/// `x^(1/n)` for a positive `x` and `n ≥ 1`: rust_decimal's `exp(ln(x)/n)` (within a unit
/// or two of the 28th digit; every `nominal` and schedule APR prints the digits of the crate's
/// former correctly rounded root). `OUT_OF_RANGE` when `x ≤ 0` or `n = 0`.
///
/// ```
/// # use repayment_plan::exact;
/// # use rust_decimal::Decimal;
/// assert_eq!(exact::root(Decimal::new(121, 2), 2).unwrap(), Decimal::new(11, 1));
/// assert_eq!(exact::root(Decimal::TWO, 12).unwrap().to_string(), "1.0594630943592952645618252950");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` when `x ≤ 0` or `n` is 0.
#[inline(never)]
pub fn root(x: Decimal, n: u32) -> Result<Decimal> {
    if x <= Decimal::ZERO || n == 0 {
        return Err(Error::overflow(""));
    }
    x.checked_ln()
        .and_then(|log| log.checked_div(Decimal::from(n)))
        .and_then(|log| log.checked_exp())
        .ok_or_else(|| Error::overflow(""))
}

/// Natural logarithm of a positive number, within 10⁻³⁶ of exact before its one rounding to a
/// decimal (so correctly rounded but for values within that of a rounding boundary). The
/// crate's own: rust_decimal's reduces by rounded constants and is a few units off in the 28th
/// place, which for a tiny rate's `ln(1 + r)` (few significant digits) shows in `nper`'s 10th
/// decimal (see the tests).
///
/// ```
/// # use repayment_plan::exact;
/// # use rust_decimal::Decimal;
/// assert_eq!(exact::ln(Decimal::TWO).unwrap().to_string(), "0.6931471805599453094172321215");
/// assert_eq!(exact::ln(Decimal::ZERO).unwrap_err().code(), "OUT_OF_RANGE");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` when `x ≤ 0`.
#[inline(never)]
pub fn ln(x: Decimal) -> Result<Decimal> {
    if x <= Decimal::ZERO {
        return Err(Error::overflow(""));
    }
    wide::ln(x).ok_or_else(|| Error::overflow(""))
}

#[cfg(test)]
mod tests {
    //! Why [`ln`], [`pow`] and [`powi`] from 1024 on are the crate's own: for each, a result the
    //! crate prints (10 decimals) that rust_decimal's function gets wrong. Found by running
    //! 220,000 random time-value and schedule calls both ways; the exact values are mpmath's at
    //! 80 digits. (Everywhere else the two printed the same.)
    use super::*;
    use crate::cost::{self, When};
    use crate::money::fixed_text;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// `fv` from a growth factor `g = (1+r)^n`, as `cost::fv` computes it.
    fn fv_with_growth(r: Decimal, g: Decimal, pmt: Decimal, pv: Decimal) -> String {
        let paid = (Decimal::ONE + r) * ((g - Decimal::ONE) / r) * pmt;
        fixed_text(-(pv * g + paid), 10)
    }

    /// NPER at 0.00000002% a period: ln(1 + r) has only 18 significant digits in 28 places, so a
    /// few units in the last place move the 10th decimal of 1.4 billion periods.
    #[test]
    fn own_ln_because_rust_decimal_misprints_nper() {
        let (r, pmt, pv) = (d("0.0000000002"), d("58.10"), d("93888622651.40"));
        let ours = cost::nper(r, pmt, pv, Decimal::ZERO, When::Begin).unwrap();
        // Exact: −1400252513.32122136509467862557983…
        assert_eq!(fixed_text(ours, 10), "-1400252513.3212213651");
        let z = pmt * (Decimal::ONE + r) / r;
        let theirs =
            (z / (z + pv)).checked_ln().unwrap() / (Decimal::ONE + r).checked_ln().unwrap();
        assert_eq!(fixed_text(theirs, 10), "-1400252513.3212213644");
    }

    /// FV over 40.5 periods at 55.46%.
    #[test]
    fn own_pow_because_rust_decimal_misprints_fv() {
        let (r, n, pmt, pv) = (d("0.5546"), d("40.5"), d("9232911619.60"), d("-90316"));
        let ours = cost::fv(r, n, pmt, pv, When::Begin).unwrap();
        // Exact: −1491186007606456359.19427685506584471963…
        assert_eq!(fixed_text(ours, 10), "-1491186007606456359.1942768551");
        let theirs = (Decimal::ONE + r).checked_powd(n).unwrap();
        assert_eq!(
            fv_with_growth(r, theirs, pmt, pv),
            "-1491186007606456359.1942768652"
        );
    }

    /// FV over 40,013 periods: rust_decimal's 192-bit squaring is a unit off in the 28th digit
    /// of the growth factor, and (g − 1)/r multiplies that by 10⁷.
    #[test]
    fn own_large_powers_because_rust_decimal_misprints_fv() {
        let (r, n, pmt, pv) = (d("0.0000000414"), 40_013, d("48265966643.58"), d("-9"));
        let ours = cost::fv(r, n.into(), pmt, pv, When::Begin).unwrap();
        // Exact: −1932866654977091.02303464046130551122…
        assert_eq!(fixed_text(ours, 10), "-1932866654977091.0230346405");
        let theirs = (Decimal::ONE + r).checked_powi(n).unwrap();
        assert_eq!(
            fv_with_growth(r, theirs, pmt, pv),
            "-1932866654977091.0230346406"
        );
    }
}
