//! Time value of money and the annualised cost of credit.
//!
//! # Sign convention (Excel's)
//! Money received is positive, money paid is negative: a 10,000 loan (`pv = 10000`) has a
//! negative payment. `when` says whether payments fall at the [`When::End`] (Excel `type = 0`)
//! or the [`When::Begin`] (`type = 1`) of each period.
//!
//! # Equation
//! Every function here solves the same equation for a different unknown:
//!
//! ```text
//! pv·(1+r)^n + pmt·(1+r·type)·((1+r)^n − 1)/r + fv = 0        (r ≠ 0)
//! pv + pmt·n + fv = 0                                          (r = 0)
//! ```
//!
//! Amount functions ([`pmt`], [`pv`], [`fv`], [`ipmt`], …) are computed in [`Decimal`] with 28
//! significant digits. Rate solvers ([`rate`], [`irr`], [`xirr`]) find the root in `f64` by
//! Newton's method from the guess, fall back to scanning for a sign change and bisecting when
//! Newton fails, and accept an answer only when the function provably changes sign within
//! ±5·10⁻¹¹ of it: they return [`ErrorKind::NoSolution`] rather than a wrong root.
//!
//! ```
//! use repayment_plan::cost::{pmt, When};
//! use rust_decimal::Decimal;
//! let d = |s: &str| s.parse::<Decimal>().unwrap();
//! // Excel: PMT(8%/12, 10, 10000) = -1,037.03
//! let p = pmt(d("0.08") / d("12"), d("10"), d("10000"), Decimal::ZERO, When::End).unwrap();
//! assert_eq!(p.round_dp(2), d("-1037.03"));
//! ```

use crate::calendar::days_between;
use crate::error::{Error, ErrorKind, Result};
use crate::exact::{add, div, mul, sub};
use chrono::NaiveDate;
use rust_decimal::prelude::*;

/// When payments fall within each period.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum When {
    /// End of the period (Excel `type = 0`), the usual loan.
    #[default]
    End,
    /// Beginning of the period (Excel `type = 1`), e.g. rent or an annuity due.
    Begin,
}

impl When {
    fn factor(self) -> Decimal {
        match self {
            When::End => Decimal::ZERO,
            When::Begin => Decimal::ONE,
        }
    }
}

fn overflow() -> Error {
    Error::overflow("")
}

fn no_solution(en: &str, zh: &str) -> Error {
    Error::new(ErrorKind::NoSolution, "", en, zh)
}

/// `(1 + rate)^nper`, by repeated squaring for whole `nper` ([`crate::exact::powi`]), by
/// `exp(nper·ln(1+rate))` otherwise ([`crate::exact::pow`]).
///
/// # Errors
/// `OUT_OF_RANGE` when the power overflows 28-digit decimals, or `1 + rate ≤ 0` with a fractional `nper`.
pub fn growth(rate: Decimal, nper: Decimal) -> Result<Decimal> {
    let base = add(Decimal::ONE, rate)?;
    if base <= Decimal::ZERO {
        return Err(Error::new(
            ErrorKind::OutOfRange,
            "rate",
            "rate must be greater than -1",
            "rate 须大于 -1",
        ));
    }
    if crate::exact::is_whole(nper) {
        if let Some(n) = nper.to_i64() {
            return crate::exact::powi(base, n);
        }
    }
    crate::exact::pow(base, nper)
}

/// `1 + r·type`: a payment at the beginning of a period earns one more period of interest.
fn timing_factor(rate: Decimal, when: When) -> Result<Decimal> {
    add(Decimal::ONE, mul(rate, when.factor())?)
}

/// `((1+r)^n − 1)/r`, the value at the end of `n` periods of 1 paid each period (`n` when r = 0).
fn annuity_factor(rate: Decimal, nper: Decimal, g: Decimal) -> Result<Decimal> {
    if rate.is_zero() {
        return Ok(nper);
    }
    div(sub(g, Decimal::ONE)?, rate)
}

/// The periodic payment of a loan or annuity (Excel `PMT`).
///
/// `pmt = −(pv·(1+r)^n + fv)·r / ((1+r·type)·((1+r)^n − 1))`, and `−(pv + fv)/n` when r = 0.
///
/// # Errors
/// `OUT_OF_RANGE` when `rate ≤ −1`, `nper = 0`, or the result overflows.
///
/// # Example
/// 1,000,000 over 30 years at 4.9% a year: 5,307.27 a month.
/// ```
/// # use repayment_plan::cost::{pmt, When};
/// # use rust_decimal::Decimal;
/// let r = Decimal::new(49, 3) / Decimal::from(12);
/// let m = pmt(r, 360.into(), 1_000_000.into(), Decimal::ZERO, When::End).unwrap();
/// assert_eq!(m.round_dp(2).to_string(), "-5307.27");
/// ```
pub fn pmt(rate: Decimal, nper: Decimal, pv: Decimal, fv: Decimal, when: When) -> Result<Decimal> {
    if nper.is_zero() {
        return Err(Error::new(
            ErrorKind::OutOfRange,
            "nper",
            "nper must not be 0",
            "nper 不能为 0",
        ));
    }
    let g = growth(rate, nper)?;
    let owed = add(mul(pv, g)?, fv)?;
    let divisor = mul(timing_factor(rate, when)?, annuity_factor(rate, nper, g)?)?;
    if divisor.is_zero() {
        return Err(no_solution(
            "no payment can settle this loan",
            "无法求出还款额",
        ));
    }
    Ok(-div(owed, divisor)?)
}

/// Future value (Excel `FV`): `−(pv·(1+r)^n + pmt·(1+r·type)·((1+r)^n − 1)/r)`.
///
/// ```
/// # use repayment_plan::cost::{fv, When};
/// # use rust_decimal::Decimal;
/// // Excel: FV(6%/12, 10, -200, -500, 1) = 2,581.40
/// let v = fv(Decimal::new(5, 3), 10.into(), (-200).into(), (-500).into(), When::Begin).unwrap();
/// assert_eq!(v.round_dp(2).to_string(), "2581.40");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` when a result does not fit 28-digit decimals (or a division by zero).
pub fn fv(rate: Decimal, nper: Decimal, pmt: Decimal, pv: Decimal, when: When) -> Result<Decimal> {
    let g = growth(rate, nper)?;
    let paid = mul(
        mul(timing_factor(rate, when)?, annuity_factor(rate, nper, g)?)?,
        pmt,
    )?;
    Ok(-add(mul(pv, g)?, paid)?)
}

/// Present value (Excel `PV`): `−(fv + pmt·(1+r·type)·((1+r)^n − 1)/r) / (1+r)^n`.
///
/// ```
/// # use repayment_plan::cost::{pv, When};
/// # use rust_decimal::Decimal;
/// // Excel: PV(8%/12, 240, 500) = -59,777.15
/// let v = pv(Decimal::new(8, 2) / Decimal::from(12), 240.into(), 500.into(), Decimal::ZERO, When::End).unwrap();
/// assert_eq!(v.round_dp(2).to_string(), "-59777.15");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` when a result does not fit 28-digit decimals (or a division by zero).
pub fn pv(rate: Decimal, nper: Decimal, pmt: Decimal, fv: Decimal, when: When) -> Result<Decimal> {
    let g = growth(rate, nper)?;
    let paid = mul(
        mul(timing_factor(rate, when)?, annuity_factor(rate, nper, g)?)?,
        pmt,
    )?;
    Ok(-div(add(fv, paid)?, g)?)
}

/// Number of periods (Excel `NPER`):
/// `ln((pmt·(1+r·type) − fv·r) / (pmt·(1+r·type) + pv·r)) / ln(1+r)`; `−(pv + fv)/pmt` when r = 0.
///
/// # Errors
/// `NO_SOLUTION` when the payment can never reach `fv` (e.g. it does not cover the interest).
///
/// ```
/// # use repayment_plan::cost::{nper, When};
/// # use rust_decimal::Decimal;
/// // Excel: NPER(12%/12, -100, -1000, 10000, 1) = 59.6738657
/// let n = nper(Decimal::new(1, 2), (-100).into(), (-1000).into(), 10000.into(), When::Begin).unwrap();
/// assert_eq!(n.round_dp(7).to_string(), "59.6738657");
/// ```
pub fn nper(rate: Decimal, pmt: Decimal, pv: Decimal, fv: Decimal, when: When) -> Result<Decimal> {
    let never = || {
        no_solution(
            "the payment never repays this amount",
            "按此还款额永远无法还清",
        )
    };
    if rate.is_zero() {
        if pmt.is_zero() {
            return Err(never());
        }
        return Ok(-div(add(pv, fv)?, pmt)?);
    }
    growth(rate, Decimal::ONE)?; // validates rate > -1
    let z = div(mul(pmt, timing_factor(rate, when)?)?, rate)?;
    let (numerator, denominator) = (sub(z, fv)?, add(z, pv)?);
    if denominator.is_zero() || numerator.is_zero() {
        return Err(never());
    }
    let ratio = div(numerator, denominator)?;
    if ratio <= Decimal::ZERO {
        return Err(never());
    }
    div(
        crate::exact::ln(ratio)?,
        crate::exact::ln(add(Decimal::ONE, rate)?)?,
    )
}

/// Interest part of payment `per` (Excel `IPMT`): the interest on the balance after `per − 1`
/// payments; with `type = 1` the first period has no interest and later ones are discounted one period.
///
/// ```
/// # use repayment_plan::cost::{ipmt, When};
/// # use rust_decimal::Decimal;
/// // Excel: IPMT(10%, 3, 3, 8000) = -292.45
/// let i = ipmt(Decimal::new(1, 1), 3, 3.into(), 8000.into(), Decimal::ZERO, When::End).unwrap();
/// assert_eq!(i.round_dp(2).to_string(), "-292.45");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` when a result does not fit 28-digit decimals (or a division by zero).
pub fn ipmt(
    rate: Decimal,
    per: u32,
    nper: Decimal,
    pv: Decimal,
    fv: Decimal,
    when: When,
) -> Result<Decimal> {
    let payment = pmt(rate, nper, pv, fv, when)?;
    if when == When::Begin && per == 1 {
        return Ok(Decimal::ZERO);
    }
    let balance = self::fv(rate, Decimal::from(per - 1), payment, pv, when)?;
    let interest = mul(balance, rate)?;
    match when {
        When::End => Ok(interest),
        When::Begin => div(interest, add(Decimal::ONE, rate)?),
    }
}

/// Principal part of payment `per` (Excel `PPMT`) = `PMT − IPMT`.
///
/// # Errors
/// `OUT_OF_RANGE` when a result does not fit 28-digit decimals (or a division by zero).
pub fn ppmt(
    rate: Decimal,
    per: u32,
    nper: Decimal,
    pv: Decimal,
    fv: Decimal,
    when: When,
) -> Result<Decimal> {
    let payment = pmt(rate, nper, pv, fv, when)?;
    sub(payment, ipmt(rate, per, nper, pv, fv, when)?)
}

/// Cumulative interest paid between periods `start` and `end` inclusive (Excel `CUMIPMT`).
///
/// # Errors
/// `OUT_OF_RANGE` when a period's interest or the running sum does not fit 28-digit decimals.
pub fn cumipmt(
    rate: Decimal,
    nper: u32,
    pv: Decimal,
    start: u32,
    end: u32,
    when: When,
) -> Result<Decimal> {
    (start..=end).try_fold(Decimal::ZERO, |acc, per| {
        add(acc, ipmt(rate, per, nper.into(), pv, Decimal::ZERO, when)?)
    })
}

/// Cumulative principal paid between periods `start` and `end` inclusive (Excel `CUMPRINC`).
///
/// # Errors
/// `OUT_OF_RANGE` when a period's principal or the running sum does not fit 28-digit decimals.
pub fn cumprinc(
    rate: Decimal,
    nper: u32,
    pv: Decimal,
    start: u32,
    end: u32,
    when: When,
) -> Result<Decimal> {
    (start..=end).try_fold(Decimal::ZERO, |acc, per| {
        add(acc, ppmt(rate, per, nper.into(), pv, Decimal::ZERO, when)?)
    })
}

/// Net present value (Excel `NPV`): `Σ valueᵢ / (1+r)^i` for i = 1..n, so the **first value is
/// discounted one period**, as Excel does.
///
/// ```
/// # use repayment_plan::cost::npv;
/// # use rust_decimal::Decimal;
/// // Excel: NPV(10%, -10000, 3000, 4200, 6800) = 1,188.44
/// let v = npv(Decimal::new(1, 1), &[(-10000).into(), 3000.into(), 4200.into(), 6800.into()]).unwrap();
/// assert_eq!(v.round_dp(2).to_string(), "1188.44");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` when a discount factor or the sum does not fit 28-digit decimals, or `1 + rate` is 0.
pub fn npv(rate: Decimal, values: &[Decimal]) -> Result<Decimal> {
    let base = add(Decimal::ONE, rate)?;
    if base.is_zero() {
        return Err(Error::new(
            ErrorKind::OutOfRange,
            "rate",
            "rate must not be -1",
            "rate 不能为 -1",
        ));
    }
    let mut discount = Decimal::ONE;
    let mut total = Decimal::ZERO;
    for value in values {
        discount = div(discount, base)?;
        total = add(total, mul(*value, discount)?)?;
    }
    Ok(total)
}

/// Effective annual rate (Excel `EFFECT`): `(1 + nominal/npery)^npery − 1`.
///
/// ```
/// # use repayment_plan::cost::effect;
/// # use rust_decimal::Decimal;
/// assert_eq!(effect(Decimal::new(525, 4), 4).unwrap().round_dp(7).to_string(), "0.0535427");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` when `npery` is 0 or the power overflows 28-digit decimals.
pub fn effect(nominal: Decimal, npery: u32) -> Result<Decimal> {
    let periodic = div(nominal, Decimal::from(npery))?;
    sub(growth(periodic, Decimal::from(npery))?, Decimal::ONE)
}

/// Nominal annual rate (Excel `NOMINAL`): `npery·((1 + effect)^(1/npery) − 1)`.
///
/// ```
/// # use repayment_plan::cost::nominal;
/// # use rust_decimal::Decimal;
/// assert_eq!(nominal(Decimal::new(53543, 6), 4).unwrap().round_dp(8).to_string(), "0.05250032");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` when `npery` is 0, `1 + effect ≤ 0`, or a result does not fit 28-digit decimals.
pub fn nominal(effect: Decimal, npery: u32) -> Result<Decimal> {
    let root = nth_root(add(Decimal::ONE, effect)?, npery)?;
    mul(sub(root, Decimal::ONE)?, Decimal::from(npery))
}

/// `x^(1/n)` for x > 0 ([`crate::exact::root`]: correctly rounded, and exact where the root is).
fn nth_root(x: Decimal, n: u32) -> Result<Decimal> {
    if x <= Decimal::ZERO {
        return Err(Error::new(
            ErrorKind::OutOfRange,
            "effectRate",
            "effectRate must be greater than -1",
            "effectRate 须大于 -1",
        ));
    }
    crate::exact::root(x, n)
}

// ---------------------------------------------------------------------------------------------
// Rate solvers
// ---------------------------------------------------------------------------------------------

/// Largest periodic rate a solver searches up to (1,000,000% per period).
const MAX_SOLVER_RATE: f64 = 10_000.0;
/// Half-width of the interval in which a root must be proved by a sign change.
const PROOF_WIDTH: f64 = 5e-11;

/// Finds `r > −1` with `f(r) = 0`, preferring the root nearest `guess` (Excel's behaviour).
///
/// `f` returns the value and its derivative. Newton's method runs first (fast for the usual
/// well-behaved cash flows); when it diverges or leaves the domain, the solver scans outward from
/// the guess in `ln(1+r)` for a sign change and bisects it. Either way a root is returned only if
/// `f` changes sign within ±`PROOF_WIDTH` (5·10⁻¹¹) of it.
///
/// `f` is a trait object, not a generic: one copy of the solver in the wasm for all its callers.
pub fn solve_rate(f: &dyn Fn(f64) -> (f64, f64), guess: f64) -> Option<f64> {
    let value = |r: f64| f(r).0;
    let proven = |r: f64| is_proven_root(&value, r);
    let guess = if guess.is_finite() && guess > -1.0 {
        guess
    } else {
        0.1
    };

    // Newton from the guess; once a step is below 1e-12 take one more (convergence is quadratic,
    // so that lands at f64 precision) and stop.
    let mut r = guess;
    let mut converged = false;
    for _ in 0..100 {
        let (y, dy) = f(r);
        if y == 0.0 || !dy.is_finite() || dy == 0.0 {
            break;
        }
        let next = r - y / dy;
        if !next.is_finite() || next <= -1.0 || next > MAX_SOLVER_RATE {
            break;
        }
        let small = (next - r).abs() <= 1e-12 * next.abs().max(1.0);
        r = next;
        if converged {
            break;
        }
        converged = small;
    }
    if r.is_finite() && r > -1.0 && proven(r) {
        // Newton may have stopped on its iteration limit after a slow approach (a root within the
        // proof width, but not yet at f64 precision): finish with a few steps inside that width.
        return Some(polish(f, r));
    }

    // Scan outward from the guess in x = ln(1 + r) for a sign change, nearest first.
    let x0 = guess.ln_1p();
    let (x_min, x_max) = ((1e-12f64).ln(), MAX_SOLVER_RATE.ln_1p());
    // e^x − 1 rather than exp_m1: the scan points need no relative precision near r = 0 (the
    // bracket is bisected and proved on `value` itself), and libm's expm1 is 0.7 KB of wasm.
    let to_rate = |x: f64| x.exp() - 1.0;
    let sign_change = |a: f64, b: f64| {
        let (fa, fb) = (value(to_rate(a)), value(to_rate(b)));
        fa.is_finite() && fb.is_finite() && (fa == 0.0 || fb == 0.0 || (fa < 0.0) != (fb < 0.0))
    };
    let mut step = 0.01;
    let (mut up, mut down) = (x0, x0);
    while up < x_max || down > x_min {
        if up < x_max {
            let next = (up + step).min(x_max);
            if sign_change(up, next) {
                return bisect(&value, to_rate(up), to_rate(next)).filter(|&r| proven(r));
            }
            up = next;
        }
        if down > x_min {
            let next = (down - step).max(x_min);
            if sign_change(next, down) {
                return bisect(&value, to_rate(next), to_rate(down)).filter(|&r| proven(r));
            }
            down = next;
        }
        step *= 1.3;
    }
    None
}

/// A proven root refined by Newton steps that stay within the proof width (found by the
/// 10^6-case run: a 234-period bullet loan whose Newton run crawled in from far below and stopped
/// on its iteration limit 9·10⁻¹² from the root).
fn polish(f: &dyn Fn(f64) -> (f64, f64), mut r: f64) -> f64 {
    for _ in 0..4 {
        let (y, dy) = f(r);
        if y == 0.0 || dy == 0.0 || !dy.is_finite() {
            break;
        }
        let next = r - y / dy;
        if !next.is_finite() || (next - r).abs() > PROOF_WIDTH * r.abs().max(1.0) || next == r {
            break;
        }
        r = next;
    }
    r
}

/// Whether `value` changes sign within ±[`PROOF_WIDTH`] (relative above 1) of `r`.
fn is_proven_root(value: &dyn Fn(f64) -> f64, r: f64) -> bool {
    let width = PROOF_WIDTH * r.abs().max(1.0) * 0.5;
    let (lo, hi) = (value(r - width), value(r + width));
    lo == 0.0 || hi == 0.0 || (lo < 0.0) != (hi < 0.0)
}

/// Bisection on a bracket with a sign change, to the last bit.
fn bisect(value: &dyn Fn(f64) -> f64, mut lo: f64, mut hi: f64) -> Option<f64> {
    let mut f_lo = value(lo);
    if f_lo == 0.0 {
        return Some(lo);
    }
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        let f_mid = value(mid);
        if f_mid == 0.0 {
            return Some(mid);
        }
        if (f_mid < 0.0) == (f_lo < 0.0) {
            lo = mid;
            f_lo = f_mid;
        } else {
            hi = mid;
        }
    }
    Some(0.5 * (lo + hi))
}

/// The nearest `f64` of a decimal.
///
/// A decimal is `mantissa / 10^scale`; when both are exact in `f64` (mantissa below 2^53,
/// 10^scale up to 10^22), one IEEE division gives the correctly rounded result, much cheaper than
/// `Decimal::to_f64` (amounts in fen always qualify). Other values take the general conversion.
///
/// # Errors
/// `OUT_OF_RANGE` when the decimal has no `f64` value (never for a 96-bit decimal in practice; kept so no path can panic).
pub fn to_f64(value: Decimal) -> Result<f64> {
    const EXACT_MANTISSA: u128 = 1 << 53;
    let (mantissa, scale) = (value.mantissa(), value.scale());
    if mantissa.unsigned_abs() < EXACT_MANTISSA && scale <= 22 {
        Some(mantissa as f64 / 10f64.powi(scale as i32))
    } else {
        value.to_f64()
    }
    .ok_or_else(overflow)
}

fn to_f64_all(values: &[Decimal]) -> Result<Vec<f64>> {
    values.iter().map(|&v| to_f64(v)).collect()
}

/// A proved root of the solver, or `NO_SOLUTION` with the function's message. Roots beyond
/// ±10^28 (not a rate) are refused too, so every root converts to a [`Decimal`].
fn proved(root: Option<f64>, en: &str, zh: &str) -> Result<f64> {
    root.filter(|r| r.abs() < 1e28)
        .ok_or_else(|| no_solution(en, zh))
}

/// A proved root as a decimal: `Decimal::from_f64`, the double without its excess binary
/// digits (0.1 is 0.1).
///
/// # Errors
/// `OUT_OF_RANGE` for a root no decimal holds (not finite, or beyond ±7.9·10²⁸): the solvers
/// refuse such roots before, so this is a guard, never a silent 0.
pub fn root_decimal(root: f64) -> Result<Decimal> {
    Decimal::from_f64(root).ok_or_else(overflow)
}

/// Checks a cash-flow series has both signs, as every IRR needs (the `f64` of a decimal has
/// its sign, and is zero only when the decimal is).
fn require_sign_change(flows: &[f64]) -> Result<()> {
    let has_pos = flows.iter().any(|&v| v > 0.0);
    let has_neg = flows.iter().any(|&v| v < 0.0);
    if has_pos && has_neg {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::NoSolution,
            "values",
            "values need at least one positive and one negative cash flow",
            "现金流中至少需要一笔正数和一笔负数",
        ))
    }
}

/// Internal rate of return per period (Excel `IRR`): `r` with `Σ valueᵢ/(1+r)^i = 0`, i from 0.
///
/// ```
/// # use repayment_plan::cost::irr;
/// # use rust_decimal::Decimal;
/// let flows: Vec<Decimal> = [-70000, 12000, 15000, 18000, 21000, 26000].map(Decimal::from).to_vec();
/// assert_eq!(irr(&flows, None).unwrap().round_dp(9).to_string(), "0.086630948");
/// ```
///
/// # Errors
/// `NO_SOLUTION` when the flows do not change sign or no root can be proved.
pub fn irr(values: &[Decimal], guess: Option<Decimal>) -> Result<Decimal> {
    irr_root(&to_f64_all(values)?, guess).and_then(root_decimal)
}

/// [`irr`] of flows already converted by [`to_f64`], as the solver's `f64` root (see
/// [`root_decimal`]).
///
/// # Errors
/// `NO_SOLUTION` when the flows do not change sign or no root can be proved.
pub fn irr_root(flows: &[f64], guess: Option<Decimal>) -> Result<f64> {
    require_sign_change(flows)?;
    let guess = guess.and_then(|g| g.to_f64()).unwrap_or(0.1);
    proved(
        irr_f64(flows, guess),
        "no internal rate of return was found for these cash flows",
        "这组现金流找不到内部收益率",
    )
}

/// The periodic IRR of equally spaced flows already in `f64` (flow i at the end of period i),
/// solved and proved by [`solve_rate`]; `None` when no root can be proved.
pub fn irr_f64(flows: &[f64], guess: f64) -> Option<f64> {
    let f = |r: f64| {
        // Accumulates Σ cᵢ·v^i with v = 1/(1+r), and its derivative in r.
        let v = 1.0 / (1.0 + r);
        let (mut total, mut slope, mut discount) = (0.0, 0.0, 1.0);
        for (i, c) in flows.iter().enumerate() {
            total += c * discount;
            slope -= i as f64 * c * discount * v;
            discount *= v;
        }
        (total, slope)
    };
    solve_rate(&f, guess)
}

/// Annualised return of dated cash flows (Excel `XIRR`):
/// `Σ valueᵢ / (1+r)^((dᵢ − d₀)/basis) = 0` with `basis` 365 (Excel) or 360.
///
/// ```
/// # use repayment_plan::cost::xirr;
/// # use repayment_plan::calendar::parse_date;
/// # use rust_decimal::Decimal;
/// let values = [-10000, 2750, 4250, 3250, 2750].map(Decimal::from);
/// let dates = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"].map(|d| parse_date(d).unwrap());
/// // Excel's documentation shows 0.373362535: its Newton stops at a tolerance of 1e-8; the exact
/// // root is 0.37336253352 and agrees with Excel to 8 decimals.
/// assert_eq!(xirr(&values, &dates, None, 365).unwrap().round_dp(10).to_string(), "0.3733625335");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` when a value has no `f64`; `NO_SOLUTION` when the flows do not change sign or no root can be proved.
pub fn xirr(
    values: &[Decimal],
    dates: &[NaiveDate],
    guess: Option<Decimal>,
    basis: u32,
) -> Result<Decimal> {
    xirr_root(&to_f64_all(values)?, dates, guess, basis).and_then(root_decimal)
}

/// [`xirr`] of flows already converted by [`to_f64`], as the solver's `f64` root (see
/// [`root_decimal`]).
///
/// # Errors
/// `NO_SOLUTION` when the flows do not change sign or no root can be proved.
pub fn xirr_root(
    flows: &[f64],
    dates: &[NaiveDate],
    guess: Option<Decimal>,
    basis: u32,
) -> Result<f64> {
    require_sign_change(flows)?;
    let first = dates[0];
    let years: Vec<f64> = dates
        .iter()
        .map(|&d| days_between(first, d) as f64 / f64::from(basis))
        .collect();
    let guess = guess.and_then(|g| g.to_f64()).unwrap_or(0.1);
    // Exact evaluation: one `exp` per flow.
    let exact = |r: f64| {
        let ln_base = r.ln_1p();
        let (mut total, mut slope) = (0.0, 0.0);
        for (c, t) in flows.iter().zip(&years) {
            let discounted = c * (-t * ln_base).exp();
            total += discounted;
            slope -= t * discounted / (1.0 + r);
        }
        (total, slope)
    };
    // Fast evaluation for the search: the discount factor of each flow from the previous one's,
    // times the factor of the day gap between them, computed only when the gap changes (regular
    // instalments have a handful of distinct gaps), so a few `exp` calls instead of one per flow.
    // Its rounding error grows with the number of flows, so its root is only the starting point
    // of the exact solver, which then needs a step or two and proves the root as always.
    let days: Vec<i64> = dates.iter().map(|&d| days_between(first, d)).collect();
    let fast = |r: f64| {
        let per_day = r.ln_1p() / f64::from(basis);
        let (mut total, mut slope) = (0.0, 0.0);
        let (mut discount, mut day, mut gap, mut gap_factor) = (1.0, 0i64, 0i64, 1.0);
        for ((c, t), &d) in flows.iter().zip(&years).zip(&days) {
            if d != day {
                if d - day != gap {
                    gap = d - day;
                    gap_factor = (-(gap as f64) * per_day).exp();
                }
                discount *= gap_factor;
                day = d;
            }
            let discounted = c * discount;
            total += discounted;
            slope -= t * discounted / (1.0 + r);
        }
        (total, slope)
    };
    let root = match solve_rate(&fast, guess) {
        Some(start) => solve_rate(&exact, start).or_else(|| solve_rate(&exact, guess)),
        None => solve_rate(&exact, guess),
    };
    proved(
        root,
        "no annualised return was found for these dated cash flows",
        "这组带日期的现金流找不到年化收益率",
    )
}

/// Interest rate per period of an annuity (Excel `RATE`), solving the module equation for r.
///
/// ```
/// # use repayment_plan::cost::{rate, When};
/// # use rust_decimal::Decimal;
/// // Excel: RATE(48, -200, 8000) = 0.77% a month
/// let r = rate(48.into(), (-200).into(), 8000.into(), Decimal::ZERO, When::End, None).unwrap();
/// assert_eq!(r.round_dp(9).to_string(), "0.007701472");
/// ```
///
/// # Errors
/// `NO_SOLUTION` when no rate can be proved to solve the annuity (e.g. payments that never repay).
pub fn rate(
    nper: Decimal,
    pmt: Decimal,
    pv: Decimal,
    fv: Decimal,
    when: When,
    guess: Option<Decimal>,
) -> Result<Decimal> {
    rate_root(nper, pmt, pv, fv, when, guess).and_then(root_decimal)
}

/// [`rate`] as the solver's `f64` root (see [`root_decimal`]).
///
/// # Errors
/// `NO_SOLUTION` when no rate can be proved to solve the annuity (e.g. payments that never repay).
pub fn rate_root(
    nper: Decimal,
    pmt: Decimal,
    pv: Decimal,
    fv: Decimal,
    when: When,
    guess: Option<Decimal>,
) -> Result<f64> {
    let [n, p, pv, fv] = [nper, pmt, pv, fv].map(|d| d.to_f64().unwrap_or(f64::NAN));
    let t = if when == When::Begin { 1.0 } else { 0.0 };
    let f = |r: f64| {
        if r.abs() < 1e-9 {
            // Second-order expansion around r = 0 avoids 0/0.
            let value = pv + p * n + fv + r * (pv * n + p * (n * (n - 1.0) / 2.0 + t * n));
            let slope = pv * n + p * (n * (n - 1.0) / 2.0 + t * n);
            return (value, slope);
        }
        let g = (n * r.ln_1p()).exp();
        let dg = n * g / (1.0 + r);
        let a = (g - 1.0) / r;
        let da = (dg * r - (g - 1.0)) / (r * r);
        let value = pv * g + p * (1.0 + r * t) * a + fv;
        let slope = pv * dg + p * (t * a + (1.0 + r * t) * da);
        (value, slope)
    };
    proved(
        solve_rate(&f, guess.and_then(|g| g.to_f64()).unwrap_or(0.1)),
        "no interest rate makes these payments repay this amount",
        "找不到使这些还款额还清该金额的利率",
    )
}

/// Annualised cost of a periodic cash-flow series, as the PBoC requires it disclosed (IRR method).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Apr {
    /// IRR per period.
    pub periodic: Decimal,
    /// `periodic × periods_per_year`: the figure lenders must show (年化利率).
    pub nominal: Decimal,
    /// `(1 + periodic)^periods_per_year − 1`.
    pub effective: Decimal,
}

/// The APR of cash flows seen from the lender: `flows[0]` is minus the net amount lent, later
/// entries the borrower's payments, one per period.
///
/// Regulator's example: 100,000 lent, 1,000 fee deducted, 12 × 8,833.3 → 12.80% nominal, 13.58% effective.
/// ```
/// # use repayment_plan::cost::apr;
/// # use rust_decimal::Decimal;
/// let mut flows = vec![Decimal::from(-99000)];
/// flows.extend(std::iter::repeat(Decimal::new(88333, 1)).take(12));
/// let a = apr(&flows, 12).unwrap();
/// assert_eq!((a.nominal.round_dp(4).to_string(), a.effective.round_dp(4).to_string()), ("0.1280".into(), "0.1358".into()));
/// ```
///
/// # Errors
/// `NO_SOLUTION` when the flows have no provable IRR; `OUT_OF_RANGE` when the annualised rate does not fit 28-digit decimals.
pub fn apr(flows: &[Decimal], periods_per_year: u32) -> Result<Apr> {
    let periodic = irr(flows, Some(Decimal::new(1, 2)))?;
    let nominal = mul(periodic, Decimal::from(periods_per_year))?;
    let effective = sub(
        growth(periodic, Decimal::from(periods_per_year))?,
        Decimal::ONE,
    )?;
    Ok(Apr {
        periodic,
        nominal,
        effective,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn excel_documented_examples() {
        let r = d("0.09") / d("12");
        assert_eq!(
            cumipmt(r, 360, d("125000"), 13, 24, When::End)
                .unwrap()
                .round_dp(5),
            d("-11135.23213")
        );
        assert_eq!(
            cumipmt(r, 360, d("125000"), 1, 1, When::End)
                .unwrap()
                .round_dp(2),
            d("-937.50")
        );
        assert_eq!(
            cumprinc(r, 360, d("125000"), 13, 24, When::End)
                .unwrap()
                .round_dp(7),
            d("-934.1071234")
        );
        assert_eq!(
            cumprinc(r, 360, d("125000"), 1, 1, When::End)
                .unwrap()
                .round_dp(8),
            d("-68.27827118")
        );
        let ipmt1 = ipmt(
            d("0.1") / d("12"),
            1,
            d("36"),
            d("8000"),
            Decimal::ZERO,
            When::End,
        )
        .unwrap();
        assert_eq!(ipmt1.round_dp(2), d("-66.67"));
        assert_eq!(
            ppmt(
                d("0.1") / d("12"),
                1,
                d("24"),
                d("2000"),
                Decimal::ZERO,
                When::End
            )
            .unwrap()
            .round_dp(2),
            d("-75.62")
        );
        assert_eq!(
            ppmt(
                d("0.08"),
                10,
                d("10"),
                d("200000"),
                Decimal::ZERO,
                When::End
            )
            .unwrap()
            .round_dp(2),
            d("-27598.05")
        );
        assert_eq!(
            pmt(
                d("0.06") / d("12"),
                d("216"),
                Decimal::ZERO,
                d("50000"),
                When::End
            )
            .unwrap()
            .round_dp(2),
            d("-129.08")
        );
        assert_eq!(
            nper(d("0.01"), d("-100"), d("-1000"), Decimal::ZERO, When::End)
                .unwrap()
                .round_dp(7),
            d("-9.5785940")
        );
        let flows = [-70000, 12000, 15000, 18000, 21000].map(Decimal::from);
        assert_eq!(irr(&flows, None).unwrap().round_dp(9), d("-0.021244848"));
        assert_eq!(
            irr(&flows[..3], Some(d("-0.1"))).unwrap().round_dp(9),
            d("-0.443506941")
        );
    }

    #[test]
    fn zero_rate_and_errors() {
        assert_eq!(
            pmt(Decimal::ZERO, d("12"), d("1200"), Decimal::ZERO, When::End).unwrap(),
            d("-100")
        );
        assert_eq!(
            fv(Decimal::ZERO, d("12"), d("-100"), Decimal::ZERO, When::End).unwrap(),
            d("1200")
        );
        assert_eq!(
            nper(
                Decimal::ZERO,
                d("-100"),
                d("1200"),
                Decimal::ZERO,
                When::End
            )
            .unwrap(),
            d("12")
        );
        assert_eq!(
            nper(d("0.01"), d("-5"), d("1000"), Decimal::ZERO, When::End)
                .unwrap_err()
                .code(),
            "NO_SOLUTION"
        );
        assert_eq!(
            irr(&[d("100"), d("200")], None).unwrap_err().code(),
            "NO_SOLUTION"
        );
        assert_eq!(
            pmt(d("1000"), d("100000"), d("1"), Decimal::ZERO, When::End)
                .unwrap_err()
                .code(),
            "OUT_OF_RANGE"
        );
        assert_eq!(
            pmt(d("-1"), d("12"), d("1"), Decimal::ZERO, When::End)
                .unwrap_err()
                .code(),
            "OUT_OF_RANGE"
        );
    }

    #[test]
    fn solver_proves_roots_and_finds_the_one_near_the_guess() {
        // (1+r)^2 form with two roots: flows -100, 230, -132 have IRR 10% and 20%.
        let flows = [d("-100"), d("230"), d("-132")];
        assert_eq!(irr(&flows, Some(d("0.05"))).unwrap().round_dp(10), d("0.1"));
        assert_eq!(irr(&flows, Some(d("0.25"))).unwrap().round_dp(10), d("0.2"));
        // Huge, long series still converges.
        let mut big = vec![d("-100000000000")];
        big.extend(std::iter::repeat(d("1000000000")).take(600));
        let r = irr(&big, None).unwrap();
        assert!(r > d("0.0098") && r < d("0.0100"), "{r}");
    }

    /// Regression (10^6-case property run): Newton from far above the root of a 234-period bullet
    /// loan overshoots below it, crawls back and used to stop on its iteration limit 9·10⁻¹² away.
    #[test]
    fn slow_newton_approach_is_polished_to_f64_precision() {
        let mut flows = vec![d("-4856450.10")];
        flows.extend(std::iter::repeat_n(Decimal::ZERO, 233));
        flows.push(d("36481016.96"));
        let r = irr(&flows, Some(d("0.0278285"))).unwrap();
        // Exact root: (36481016.96 / 4856450.10)^(1/234) − 1 = 0.00865469143218789…
        assert!(
            (r - d("0.00865469143218789")).abs() < d("0.000000000000001"),
            "{r}"
        );
    }

    #[test]
    fn fractional_periods() {
        let p = pmt(
            d("0.01"),
            d("59.6738657"),
            d("-1000"),
            d("10000"),
            When::Begin,
        )
        .unwrap();
        assert_eq!(p.round_dp(4), d("-100.0000"));
        assert_eq!(
            nominal(effect(d("0.0525"), 4).unwrap(), 4)
                .unwrap()
                .round_dp(20),
            d("0.0525")
        );
    }
}
