//! JSON front of the time-value functions in [`crate::cost`]: Excel's argument names in camelCase,
//! one object in, one unrounded decimal string (10 places) out.

use super::input::{
    array_value, date_value, decimal_in, decimal_value, each_item, integer_in, option_value, Fields,
};
use super::output::{unrounded, unrounded_root};
use crate::cost::{self, When};
use crate::error::{Error, ErrorKind, Result};
use crate::json::Value;
use rust_decimal::Decimal;

/// Bounds shared by the time-value functions (documented in the README).
const RATE_MIN: &str = "-0.9999999999";
const RATE_MAX: &str = "100";
const AMOUNT_MAX: &str = "1000000000000000";
const AMOUNT_MIN: &str = "-1000000000000000";
/// [`AMOUNT_MAX`] as a number (a test checks they agree).
const AMOUNT_LIMIT: i64 = 1_000_000_000_000_000;
const NPER_MAX: i64 = 100_000;
const MAX_FLOWS: usize = 100_000;

fn rate_field(f: &mut Fields, key: &'static str) -> Result<Decimal> {
    f.req(key, &|v, p| decimal_in(v, p, RATE_MIN, RATE_MAX))
}

fn amount(f: &mut Fields, key: &'static str) -> Result<Decimal> {
    f.req(key, &|v, p| decimal_in(v, p, AMOUNT_MIN, AMOUNT_MAX))
}

fn opt_amount(f: &mut Fields, key: &'static str) -> Result<Decimal> {
    Ok(
        f.opt(key, &|v, p| decimal_in(v, p, AMOUNT_MIN, AMOUNT_MAX))?
            .unwrap_or(Decimal::ZERO),
    )
}

/// `nper`: any decimal in ±100,000 (Excel allows fractional periods), not zero where `nonzero`.
fn nper_field(f: &mut Fields, nonzero: bool) -> Result<Decimal> {
    let n = f.req("nper", &|v, p| decimal_in(v, p, "-100000", "100000"))?;
    if nonzero && n.is_zero() {
        return Err(Error::new(
            ErrorKind::OutOfRange,
            f.path("nper"),
            "nper must not be 0",
            "nper 不能为 0",
        ));
    }
    Ok(n)
}

fn when_field(f: &mut Fields) -> Result<When> {
    Ok(match f.opt("type", &|v, p| integer_in(v, p, 0, 1))? {
        Some(1) => When::Begin,
        _ => When::End,
    })
}

fn guess_field(f: &mut Fields) -> Result<Option<Decimal>> {
    f.opt("guess", &|v, p| decimal_in(v, p, RATE_MIN, RATE_MAX))
}

/// Runs `compute` on the fields of `input`, then rejects keys it did not read.
fn run(input: &Value, compute: impl FnOnce(&mut Fields) -> Result<Decimal>) -> Result<String> {
    run_with(input, compute, unrounded)
}

/// [`run`] for a function whose answer is a solver's root.
fn run_root(input: &Value, compute: impl FnOnce(&mut Fields) -> Result<f64>) -> Result<String> {
    run_with(input, compute, unrounded_root)
}

fn run_with<T>(
    input: &Value,
    compute: impl FnOnce(&mut Fields) -> Result<T>,
    write: fn(T) -> String,
) -> Result<String> {
    let mut fields = Fields::new(input, "")?;
    match compute(&mut fields) {
        Ok(value) => {
            fields.finish()?;
            Ok(write(value))
        }
        Err(error) => Err(fields.explain(error)),
    }
}

/// `pmt({ rate, nper, pv, fv?, type? })`
pub fn pmt(input: &Value) -> Result<String> {
    run(input, |f| {
        let (rate, nper, pv) = (
            rate_field(f, "rate")?,
            nper_field(f, true)?,
            amount(f, "pv")?,
        );
        cost::pmt(rate, nper, pv, opt_amount(f, "fv")?, when_field(f)?)
    })
}

/// `fv({ rate, nper, pmt, pv?, type? })`
pub fn fv(input: &Value) -> Result<String> {
    run(input, |f| {
        let (rate, nper, pmt) = (
            rate_field(f, "rate")?,
            nper_field(f, false)?,
            amount(f, "pmt")?,
        );
        cost::fv(rate, nper, pmt, opt_amount(f, "pv")?, when_field(f)?)
    })
}

/// `pv({ rate, nper, pmt, fv?, type? })`
pub fn pv(input: &Value) -> Result<String> {
    run(input, |f| {
        let (rate, nper, pmt) = (
            rate_field(f, "rate")?,
            nper_field(f, false)?,
            amount(f, "pmt")?,
        );
        cost::pv(rate, nper, pmt, opt_amount(f, "fv")?, when_field(f)?)
    })
}

/// `nper({ rate, pmt, pv, fv?, type? })`
pub fn nper(input: &Value) -> Result<String> {
    run(input, |f| {
        let (rate, pmt, pv) = (rate_field(f, "rate")?, amount(f, "pmt")?, amount(f, "pv")?);
        cost::nper(rate, pmt, pv, opt_amount(f, "fv")?, when_field(f)?)
    })
}

/// The `per` of IPMT/PPMT: a whole period between 1 and `nper`.
fn per_field(f: &mut Fields, nper: Decimal) -> Result<u32> {
    let per = f.req("per", &|v, p| integer_in(v, p, 1, NPER_MAX))?;
    if Decimal::from(per) > nper {
        return Err(Error::new(
            ErrorKind::OutOfRange,
            f.path("per"),
            "per must be between 1 and nper",
            "per 须在 1 到 nper 之间",
        ));
    }
    Ok(per as u32)
}

/// Shared reading of IPMT/PPMT: `{ rate, per, nper, pv, fv?, type? }`.
fn payment_part(
    input: &Value,
    part: fn(Decimal, u32, Decimal, Decimal, Decimal, When) -> Result<Decimal>,
) -> Result<String> {
    run(input, |f| {
        let rate = rate_field(f, "rate")?;
        let nper = nper_field(f, true)?;
        let per = per_field(f, nper)?;
        part(
            rate,
            per,
            nper,
            amount(f, "pv")?,
            opt_amount(f, "fv")?,
            when_field(f)?,
        )
    })
}

/// `ipmt({ rate, per, nper, pv, fv?, type? })`
pub fn ipmt(input: &Value) -> Result<String> {
    payment_part(input, cost::ipmt)
}

/// `ppmt({ rate, per, nper, pv, fv?, type? })`
pub fn ppmt(input: &Value) -> Result<String> {
    payment_part(input, cost::ppmt)
}

/// Shared reading of CUMIPMT/CUMPRINC: Excel requires rate > 0, whole nper > 0, pv > 0 and
/// 1 ≤ startPeriod ≤ endPeriod ≤ nper.
fn cumulative(
    input: &Value,
    sum: fn(Decimal, u32, Decimal, u32, u32, When) -> Result<Decimal>,
) -> Result<String> {
    run(input, |f| {
        let rate = f.req("rate", &|v, p| decimal_in(v, p, "0.0000000001", RATE_MAX))?;
        let nper = f.req("nper", &|v, p| integer_in(v, p, 1, NPER_MAX))? as u32;
        let pv = f.req("pv", &|v, p| decimal_in(v, p, "0.0000000001", AMOUNT_MAX))?;
        let nper_text = crate::error::int_text(i64::from(nper));
        let start = f.req("startPeriod", &|v, p| integer_in(v, p, 1, i64::from(nper)))? as u32;
        let end = f.req("endPeriod", &|v, p| integer_in(v, p, 1, i64::from(nper)))? as u32;
        if start > end {
            return Err(Error::new(
                ErrorKind::OutOfRange,
                f.path("endPeriod"),
                format!("endPeriod must be between startPeriod and nper ({nper_text})"),
                format!("endPeriod 须在 startPeriod 与 nper（{nper_text}）之间"),
            ));
        }
        sum(rate, nper, pv, start, end, when_field(f)?)
    })
}

/// `cumipmt({ rate, nper, pv, startPeriod, endPeriod, type? })`
pub fn cumipmt(input: &Value) -> Result<String> {
    cumulative(input, cost::cumipmt)
}

/// `cumprinc({ rate, nper, pv, startPeriod, endPeriod, type? })`
pub fn cumprinc(input: &Value) -> Result<String> {
    cumulative(input, cost::cumprinc)
}

fn values_field(f: &mut Fields, min: usize) -> Result<Vec<Decimal>> {
    let items = f.req("values", &|v, p| array_value(v, p, min, MAX_FLOWS))?;
    each_item(items, &f.path("values"), &flow_value)
}

/// One cash flow: an amount within ±[`AMOUNT_MAX`].
fn flow_value(value: &Value, path: &str) -> Result<Decimal> {
    // AMOUNT_MIN and AMOUNT_MAX, built without parsing their text on every call.
    let (lo, hi) = (
        Decimal::new(-AMOUNT_LIMIT, 0),
        Decimal::new(AMOUNT_LIMIT, 0),
    );
    // The common case without formatting the bounds; any failure gets decimal_in's message.
    match decimal_value(value, path) {
        Ok(d) if (lo..=hi).contains(&d) => Ok(d),
        _ => decimal_in(value, path, AMOUNT_MIN, AMOUNT_MAX),
    }
}

/// `values` for the rate solvers, as `f64` ([`cost::to_f64`] of each decimal). A plain number
/// of at most 15 digits, the usual flow, goes straight to its `f64` (the same one) without a
/// decimal: most of the cost of a small `irr` call was building and checking decimals.
fn flows_field(f: &mut Fields, min: usize) -> Result<Vec<f64>> {
    let items = f.req("values", &|v, p| array_value(v, p, min, MAX_FLOWS))?;
    each_item(items, &f.path("values"), &|v, p| {
        if let Value::Number(token) = v {
            if let Some(flow) = crate::money::plain_number_f64(token) {
                return Ok(flow);
            }
        }
        cost::to_f64(flow_value(v, p)?)
    })
}

/// `npv({ rate, values })`
pub fn npv(input: &Value) -> Result<String> {
    run(input, |f| {
        let rate = rate_field(f, "rate")?;
        cost::npv(rate, &values_field(f, 1)?)
    })
}

/// `irr({ values, guess? })`
pub fn irr(input: &Value) -> Result<String> {
    run_root(input, |f| {
        let flows = flows_field(f, 2)?;
        cost::irr_root(&flows, guess_field(f)?).map_err(|e| e.in_field("values"))
    })
}

/// `xirr({ values, dates, guess?, dayCount? })`: dayCount `"actual/365"` (default, Excel) or `"actual/360"`.
pub fn xirr(input: &Value) -> Result<String> {
    run_root(input, |f| {
        let flows = flows_field(f, 2)?;
        let path = f.path("dates");
        let dates = f.req("dates", &|v, p| array_value(v, p, flows.len(), flows.len()))?;
        let dates = each_item(dates, &path, &date_value)?;
        let first = dates.first().copied();
        if let Some(i) = dates.iter().position(|d| Some(*d) < first) {
            return Err(Error::new(
                ErrorKind::InvalidDate,
                super::input::index(&path, i),
                "no date may be earlier than the first date (as in Excel)",
                "任何日期都不能早于第一个日期（与 Excel 相同）",
            ));
        }
        let basis = f.opt("dayCount", &|v, p| {
            option_value(v, p, &[("actual/365", 365), ("actual/360", 360)])
        })?;
        cost::xirr_root(&flows, &dates, guess_field(f)?, basis.unwrap_or(365))
            .map_err(|e| e.in_field("values"))
    })
}

/// `rate({ nper, pmt, pv, fv?, type?, guess? })`
pub fn rate(input: &Value) -> Result<String> {
    run_root(input, |f| {
        let nper = nper_field(f, true)?;
        let (pmt, pv) = (amount(f, "pmt")?, amount(f, "pv")?);
        let (fv, when, guess) = (opt_amount(f, "fv")?, when_field(f)?, guess_field(f)?);
        cost::rate_root(nper, pmt, pv, fv, when, guess)
    })
}

/// `effect({ nominalRate, npery })`
pub fn effect(input: &Value) -> Result<String> {
    run(input, |f| {
        let nominal = f.req("nominalRate", &|v, p| decimal_in(v, p, "0", RATE_MAX))?;
        let npery = f.req("npery", &|v, p| integer_in(v, p, 1, 100_000))? as u32;
        cost::effect(nominal, npery).map_err(|e| e.in_field("nominalRate"))
    })
}

/// `nominal({ effectRate, npery })`
pub fn nominal(input: &Value) -> Result<String> {
    run(input, |f| {
        let effect = f.req("effectRate", &|v, p| decimal_in(v, p, "0", "1000000"))?;
        let npery = f.req("npery", &|v, p| integer_in(v, p, 1, 100_000))? as u32;
        cost::nominal(effect, npery).map_err(|e| e.in_field("effectRate"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amount_limit_is_the_amount_bounds() {
        assert_eq!(AMOUNT_MAX, AMOUNT_LIMIT.to_string());
        assert_eq!(AMOUNT_MIN, (-AMOUNT_LIMIT).to_string());
    }
}
