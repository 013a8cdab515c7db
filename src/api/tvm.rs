//! The time-value functions of [`crate::cost`] as the API takes them: Excel's argument names in
//! camelCase, one input object, one unrounded decimal out (written with 10 places).
//!
//! Signs follow Excel: money received is positive, money paid negative. Amounts are any
//! decimal within ±10¹⁵ (not only money: Excel's functions take any number).

use super::check::{self, Bounds};
use super::de::{self, index};
use super::output::{unrounded_root_text, unrounded_text};
use super::ts;
use crate::cost::{self, When};
use crate::error::{Error, ErrorKind, Result};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};
use ts_rs::TS;

/// A periodic rate: −0.9999999999 … 100 (a fraction: 0.005 = 0.5% per period).
pub const RATE: Bounds = Bounds::new("-0.9999999999", "100");
/// An amount or cash flow: −10¹⁵ … 10¹⁵.
pub const AMOUNT: Bounds = Bounds::new("-1000000000000000", "1000000000000000");
/// `nper` of the functions that take fractional periods: −100,000 … 100,000.
pub const NPER: Bounds = Bounds::new("-100000", "100000");
/// Whole periods (`per`, `nper` of CUMIPMT/CUMPRINC), and `npery`: 1 … 100,000.
pub const WHOLE_PERIODS_MAX: i64 = 100_000;
/// Most cash flows `npv`, `irr` and `xirr` take.
pub const MAX_FLOWS: usize = 100_000;

/// An exact time-value result, written as a string with 10 decimal places
/// (`"-599.5505251528"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, TS)]
#[ts(type = "string")]
pub struct Unrounded(pub Decimal);

impl Serialize for Unrounded {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&unrounded_text(self.0))
    }
}

/// A rate found by a bracketing solver and proved by a sign change, written as a string with
/// 10 decimal places (`"0.3733625335"`). [`cost::root_decimal`] gives it as a decimal.
#[derive(Clone, Copy, Debug, PartialEq, TS)]
#[ts(type = "string")]
pub struct SolvedRate(pub f64);

impl Serialize for SolvedRate {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let text = unrounded_root_text(self.0).map_err(serde::ser::Error::custom)?;
        s.serialize_str(&text)
    }
}

/// Excel's `type`: payments at the end (0, the default) or the beginning (1) of each period.
fn when(path: &str, value: Option<i32>) -> Result<When> {
    check::whole_opt(path, value, 0, 1)?;
    Ok(if value == Some(1) {
        When::Begin
    } else {
        When::End
    })
}

/// `nper` within [`NPER`], and not 0.
fn nonzero_nper(nper: Decimal) -> Result<Decimal> {
    NPER.check("nper", nper)?;
    if nper.is_zero() {
        return Err(Error::new(
            ErrorKind::OutOfRange,
            "nper",
            "nper must not be 0",
            "nper 不能为 0",
        ));
    }
    Ok(nper)
}

/// Input of [`pmt`]: `{ rate, nper, pv, fv?, type? }`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PmtInput {
    /// Interest rate per period, a fraction; −0.9999999999 … 100.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub rate: Decimal,
    /// Number of periods, not 0; may be fractional; −100,000 … 100,000.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub nper: Decimal,
    /// Present value (the amount lent is positive); ±10¹⁵.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub pv: Decimal,
    /// Future value left after the last payment; ±10¹⁵; default 0.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::DecimalInput>")]
    pub fv: Option<Decimal>,
    /// 0 (default): payments at the end of each period; 1: at the beginning.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::CountInput>")]
    pub r#type: Option<i32>,
}

/// PMT: the payment per period that turns `pv` into `fv` over `nper` periods.
///
/// `pmt = −(pv·(1+r)ⁿ + fv)·r / ((1+r)ⁿ − 1)/(1 + r·type)`; for r = 0, `−(pv + fv)/n`.
///
/// # Examples
///
/// ```
/// use repayment_plan::api::tvm::{pmt, PmtInput};
/// use rust_decimal::Decimal;
/// let input = PmtInput {
///     rate: Decimal::new(5, 3),
///     nper: Decimal::from(360),
///     pv: Decimal::from(100_000),
///     fv: None,
///     r#type: None,
/// };
/// assert_eq!(pmt(&input).unwrap().0.round_dp(2).to_string(), "-599.55");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` for a field outside its bounds or `nper` 0, or a result too large to hold.
pub fn pmt(input: &PmtInput) -> Result<Unrounded> {
    let rate = RATE.check("rate", input.rate)?;
    let nper = nonzero_nper(input.nper)?;
    let pv = AMOUNT.check("pv", input.pv)?;
    AMOUNT.check_opt("fv", input.fv)?;
    let when = when("type", input.r#type)?;
    cost::pmt(rate, nper, pv, input.fv.unwrap_or_default(), when).map(Unrounded)
}

/// Input of [`fv`]: `{ rate, nper, pmt, pv?, type? }`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FvInput {
    /// Interest rate per period, a fraction; −0.9999999999 … 100.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub rate: Decimal,
    /// Number of periods, may be fractional; −100,000 … 100,000.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub nper: Decimal,
    /// Payment per period; ±10¹⁵.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub pmt: Decimal,
    /// Present value; ±10¹⁵; default 0.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::DecimalInput>")]
    pub pv: Option<Decimal>,
    /// 0 (default): payments at the end of each period; 1: at the beginning.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::CountInput>")]
    pub r#type: Option<i32>,
}

/// FV: the value after `nper` periods of payments `pmt` on a present value `pv`.
///
/// # Examples
///
/// ```
/// # use repayment_plan::api::tvm::{fv, FvInput};
/// # use rust_decimal::Decimal;
/// let input = FvInput { rate: Decimal::new(5, 3), nper: Decimal::from(10),
///     pmt: Decimal::from(-200), pv: Some(Decimal::from(-500)), r#type: Some(1) };
/// assert_eq!(fv(&input).unwrap().0.round_dp(2).to_string(), "2581.40");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` for a field outside its bounds or a result too large to hold.
pub fn fv(input: &FvInput) -> Result<Unrounded> {
    let rate = RATE.check("rate", input.rate)?;
    let nper = NPER.check("nper", input.nper)?;
    let pmt = AMOUNT.check("pmt", input.pmt)?;
    AMOUNT.check_opt("pv", input.pv)?;
    let when = when("type", input.r#type)?;
    cost::fv(rate, nper, pmt, input.pv.unwrap_or_default(), when).map(Unrounded)
}

/// Input of [`pv`]: `{ rate, nper, pmt, fv?, type? }`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PvInput {
    /// Interest rate per period, a fraction; −0.9999999999 … 100.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub rate: Decimal,
    /// Number of periods, may be fractional; −100,000 … 100,000.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub nper: Decimal,
    /// Payment per period; ±10¹⁵.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub pmt: Decimal,
    /// Future value; ±10¹⁵; default 0.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::DecimalInput>")]
    pub fv: Option<Decimal>,
    /// 0 (default): payments at the end of each period; 1: at the beginning.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::CountInput>")]
    pub r#type: Option<i32>,
}

/// PV: what a series of payments is worth today.
///
/// # Examples
///
/// ```
/// # use repayment_plan::api::tvm::{pv, PvInput};
/// # use rust_decimal::Decimal;
/// let input = PvInput { rate: Decimal::new(5, 3), nper: Decimal::from(360),
///     pmt: Decimal::new(-59955, 2), fv: None, r#type: None };
/// assert_eq!(pv(&input).unwrap().0.round_dp(0).to_string(), "100000");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` for a field outside its bounds or a result too large to hold.
pub fn pv(input: &PvInput) -> Result<Unrounded> {
    let rate = RATE.check("rate", input.rate)?;
    let nper = NPER.check("nper", input.nper)?;
    let pmt = AMOUNT.check("pmt", input.pmt)?;
    AMOUNT.check_opt("fv", input.fv)?;
    let when = when("type", input.r#type)?;
    cost::pv(rate, nper, pmt, input.fv.unwrap_or_default(), when).map(Unrounded)
}

/// Input of [`nper`]: `{ rate, pmt, pv, fv?, type? }`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NperInput {
    /// Interest rate per period, a fraction; −0.9999999999 … 100.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub rate: Decimal,
    /// Payment per period; ±10¹⁵.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub pmt: Decimal,
    /// Present value; ±10¹⁵.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub pv: Decimal,
    /// Future value; ±10¹⁵; default 0.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::DecimalInput>")]
    pub fv: Option<Decimal>,
    /// 0 (default): payments at the end of each period; 1: at the beginning.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::CountInput>")]
    pub r#type: Option<i32>,
}

/// NPER: how many periods of `pmt` repay `pv` (fractional).
///
/// # Examples
///
/// ```
/// # use repayment_plan::api::tvm::{nper, NperInput};
/// # use rust_decimal::Decimal;
/// let input = NperInput { rate: Decimal::new(1, 2), pmt: Decimal::from(-100),
///     pv: Decimal::from(-1000), fv: Some(Decimal::from(10000)), r#type: Some(1) };
/// assert_eq!(nper(&input).unwrap().0.round_dp(4).to_string(), "59.6739");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` for a field outside its bounds; `NO_SOLUTION` when the payment never repays.
pub fn nper(input: &NperInput) -> Result<Unrounded> {
    let rate = RATE.check("rate", input.rate)?;
    let pmt = AMOUNT.check("pmt", input.pmt)?;
    let pv = AMOUNT.check("pv", input.pv)?;
    AMOUNT.check_opt("fv", input.fv)?;
    let when = when("type", input.r#type)?;
    cost::nper(rate, pmt, pv, input.fv.unwrap_or_default(), when).map(Unrounded)
}

/// Input of [`ipmt`] and [`ppmt`]: `{ rate, per, nper, pv, fv?, type? }`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PaymentPartInput {
    /// Interest rate per period, a fraction; −0.9999999999 … 100.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub rate: Decimal,
    /// The period asked about: a whole number from 1 to `nper`.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::CountInput")]
    pub per: u32,
    /// Number of periods, not 0; may be fractional; −100,000 … 100,000.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub nper: Decimal,
    /// Present value; ±10¹⁵.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub pv: Decimal,
    /// Future value; ±10¹⁵; default 0.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::DecimalInput>")]
    pub fv: Option<Decimal>,
    /// 0 (default): payments at the end of each period; 1: at the beginning.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::CountInput>")]
    pub r#type: Option<i32>,
}

type PartFn = fn(Decimal, u32, Decimal, Decimal, Decimal, When) -> Result<Decimal>;

/// Shared checks of IPMT/PPMT.
fn payment_part(input: &PaymentPartInput, part: PartFn) -> Result<Unrounded> {
    let rate = RATE.check("rate", input.rate)?;
    let nper = nonzero_nper(input.nper)?;
    let per = check::whole("per", input.per, 1, WHOLE_PERIODS_MAX)?;
    if Decimal::from(per) > nper {
        return Err(Error::new(
            ErrorKind::OutOfRange,
            "per",
            "per must be between 1 and nper",
            "per 须在 1 到 nper 之间",
        ));
    }
    let pv = AMOUNT.check("pv", input.pv)?;
    AMOUNT.check_opt("fv", input.fv)?;
    let when = when("type", input.r#type)?;
    part(rate, per, nper, pv, input.fv.unwrap_or_default(), when).map(Unrounded)
}

/// IPMT: the interest part of payment `per`.
///
/// # Examples
///
/// ```
/// # use repayment_plan::api::tvm::{ipmt, PaymentPartInput};
/// # use rust_decimal::Decimal;
/// let input = PaymentPartInput { rate: Decimal::new(1, 2), per: 1, nper: Decimal::from(12),
///     pv: Decimal::from(1000), fv: None, r#type: None };
/// assert_eq!(ipmt(&input).unwrap().0.round_dp(2).to_string(), "-10.00");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` for a field outside its bounds (`per` above `nper`) or a result too large.
pub fn ipmt(input: &PaymentPartInput) -> Result<Unrounded> {
    payment_part(input, cost::ipmt)
}

/// PPMT: the principal part of payment `per`.
///
/// # Examples
///
/// ```
/// # use repayment_plan::api::tvm::{ppmt, PaymentPartInput};
/// # use rust_decimal::Decimal;
/// let input = PaymentPartInput { rate: Decimal::new(1, 2), per: 1, nper: Decimal::from(12),
///     pv: Decimal::from(1000), fv: None, r#type: None };
/// assert_eq!(ppmt(&input).unwrap().0.round_dp(2).to_string(), "-78.85");
/// ```
///
/// # Errors
/// As [`ipmt`].
pub fn ppmt(input: &PaymentPartInput) -> Result<Unrounded> {
    payment_part(input, cost::ppmt)
}

/// Input of [`cumipmt`] and [`cumprinc`]: `{ rate, nper, pv, startPeriod, endPeriod, type? }`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CumulativeInput {
    /// Interest rate per period, above 0 (as Excel requires); 0.0000000001 … 100.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub rate: Decimal,
    /// Number of periods, a whole number 1 … 100,000.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::CountInput")]
    pub nper: u32,
    /// Present value, above 0; 0.0000000001 … 10¹⁵.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub pv: Decimal,
    /// First period summed, 1 … `nper`.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::CountInput")]
    pub start_period: u32,
    /// Last period summed, `startPeriod` … `nper`.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::CountInput")]
    pub end_period: u32,
    /// 0 (default): payments at the end of each period; 1: at the beginning.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::CountInput>")]
    pub r#type: Option<i32>,
}

type SumFn = fn(Decimal, u32, Decimal, u32, u32, When) -> Result<Decimal>;

/// Shared checks of CUMIPMT/CUMPRINC: Excel requires rate > 0, whole nper > 0, pv > 0 and
/// 1 ≤ startPeriod ≤ endPeriod ≤ nper.
fn cumulative(input: &CumulativeInput, sum: SumFn) -> Result<Unrounded> {
    let rate = Bounds::new("0.0000000001", RATE.max).check("rate", input.rate)?;
    let nper = check::whole("nper", input.nper, 1, WHOLE_PERIODS_MAX)?;
    let pv = Bounds::new("0.0000000001", AMOUNT.max).check("pv", input.pv)?;
    let start = check::whole("startPeriod", input.start_period, 1, i64::from(nper))?;
    let end = check::whole("endPeriod", input.end_period, 1, i64::from(nper))?;
    if start > end {
        return Err(Error::new(
            ErrorKind::OutOfRange,
            "endPeriod",
            format!("endPeriod must be between startPeriod and nper ({nper})"),
            format!("endPeriod 须在 startPeriod 与 nper（{nper}）之间"),
        ));
    }
    let when = when("type", input.r#type)?;
    sum(rate, nper, pv, start, end, when).map(Unrounded)
}

/// CUMIPMT: the interest paid from `startPeriod` to `endPeriod`.
///
/// # Examples
///
/// ```
/// # use repayment_plan::api::tvm::{cumipmt, CumulativeInput};
/// # use rust_decimal::Decimal;
/// let input = CumulativeInput { rate: Decimal::new(75, 4), nper: 360, pv: Decimal::from(125_000),
///     start_period: 13, end_period: 24, r#type: None };
/// assert_eq!(cumipmt(&input).unwrap().0.round_dp(2).to_string(), "-11135.23");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` for a field outside its bounds or periods out of order.
pub fn cumipmt(input: &CumulativeInput) -> Result<Unrounded> {
    cumulative(input, cost::cumipmt)
}

/// CUMPRINC: the principal repaid from `startPeriod` to `endPeriod`.
///
/// # Examples
///
/// ```
/// # use repayment_plan::api::tvm::{cumprinc, CumulativeInput};
/// # use rust_decimal::Decimal;
/// let input = CumulativeInput { rate: Decimal::new(75, 4), nper: 360, pv: Decimal::from(125_000),
///     start_period: 13, end_period: 24, r#type: None };
/// assert_eq!(cumprinc(&input).unwrap().0.round_dp(2).to_string(), "-934.11");
/// ```
///
/// # Errors
/// As [`cumipmt`].
pub fn cumprinc(input: &CumulativeInput) -> Result<Unrounded> {
    cumulative(input, cost::cumprinc)
}

/// Every flow within [`AMOUNT`] (the list's length checked by the caller), each error naming
/// its index. Checked against the bounds as numbers: no bound text parsed per flow.
fn check_flows(values: &[Decimal]) -> Result<()> {
    let limit = Decimal::from(1_000_000_000_000_000i64);
    match values.iter().position(|v| v.abs() > limit) {
        Some(i) => AMOUNT.check(&index("values", i), values[i]).map(drop),
        None => Ok(()),
    }
}

/// The flows as `f64` for the rate solvers ([`cost::to_f64`] of each).
fn flows_f64(values: &[Decimal]) -> Result<Vec<f64>> {
    values.iter().map(|v| cost::to_f64(*v)).collect()
}

/// Input of [`npv`]: `{ rate, values }`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NpvInput {
    /// Discount rate per period, a fraction; −0.9999999999 … 100.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub rate: Decimal,
    /// Cash flows at the end of periods 1, 2, …; 1 … 100,000 of them, each ±10¹⁵.
    #[serde(deserialize_with = "de::list")]
    #[ts(as = "Vec<ts::DecimalInput>")]
    pub values: Vec<Decimal>,
}

/// NPV: Σ valuesₖ / (1 + rate)ᵏ, k from 1 (Excel's convention).
///
/// # Examples
///
/// ```
/// # use repayment_plan::api::tvm::{npv, NpvInput};
/// # use rust_decimal::Decimal;
/// let input = NpvInput { rate: Decimal::new(1, 1),
///     values: [-10000, 3000, 4200, 6800].map(Decimal::from).to_vec() };
/// assert_eq!(npv(&input).unwrap().0.round_dp(2).to_string(), "1188.44");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` for a field outside its bounds or a result too large.
pub fn npv(input: &NpvInput) -> Result<Unrounded> {
    let rate = RATE.check("rate", input.rate)?;
    check::items("values", input.values.len(), 1, MAX_FLOWS)?;
    check_flows(&input.values)?;
    cost::npv(rate, &input.values).map(Unrounded)
}

/// Input of [`irr`]: `{ values, guess? }`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IrrInput {
    /// Cash flows of equal periods, the first at time 0; 2 … 100,000 of them, each ±10¹⁵, with
    /// both signs.
    #[serde(deserialize_with = "de::list")]
    #[ts(as = "Vec<ts::DecimalInput>")]
    pub values: Vec<Decimal>,
    /// Where the solver starts looking; −0.9999999999 … 100; default 0.1.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::DecimalInput>")]
    pub guess: Option<Decimal>,
}

/// IRR: the periodic rate at which the flows' NPV is 0, found by bracketing and proved by a
/// sign change.
///
/// # Examples
///
/// ```
/// # use repayment_plan::api::tvm::{irr, IrrInput};
/// # use rust_decimal::Decimal;
/// let input = IrrInput { values: [-70000, 12000, 15000, 18000, 21000, 26000].map(Decimal::from).to_vec(),
///     guess: None };
/// assert_eq!(serde_json::to_string(&irr(&input).unwrap()).unwrap(), "\"0.0866309480\"");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` for a field outside its bounds; `NO_SOLUTION` (at `values`) when the flows
/// have one sign or no root is proved.
pub fn irr(input: &IrrInput) -> Result<SolvedRate> {
    check::items("values", input.values.len(), 2, MAX_FLOWS)?;
    check_flows(&input.values)?;
    RATE.check_opt("guess", input.guess)?;
    let flows = flows_f64(&input.values)?;
    cost::irr_root(&flows, input.guess)
        .map(SolvedRate)
        .map_err(|e| e.in_field("values"))
}

/// The day count of XIRR.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum XirrDayCount {
    /// Actual days / 365 (Excel's).
    Actual365,
    /// Actual days / 360.
    Actual360,
}

crate::choices!(XirrDayCount {
    "actual/365" => XirrDayCount::Actual365,
    "actual/360" => XirrDayCount::Actual360,
});

/// Input of [`xirr`]: `{ values, dates, guess?, dayCount? }`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XirrInput {
    /// Cash flows, each ±10¹⁵, with both signs; 2 … 100,000 of them.
    #[serde(deserialize_with = "de::list")]
    #[ts(as = "Vec<ts::DecimalInput>")]
    pub values: Vec<Decimal>,
    /// The date of each flow (`YYYY-MM-DD`), as many as `values`; none before the first.
    #[serde(deserialize_with = "de::list")]
    #[ts(as = "Vec<ts::DateString>")]
    pub dates: Vec<NaiveDate>,
    /// Where the solver starts looking; −0.9999999999 … 100; default 0.1.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::DecimalInput>")]
    pub guess: Option<Decimal>,
    /// `"actual/365"` (default, Excel) or `"actual/360"`.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub day_count: Option<XirrDayCount>,
}

/// XIRR: the annual rate at which dated flows discount to 0:
/// Σ valuesₖ / (1 + r)^((dateₖ − date₀)/365) = 0.
///
/// # Examples
///
/// ```
/// # use repayment_plan::api::tvm::{xirr, XirrInput};
/// # use rust_decimal::Decimal;
/// let dates = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]
///     .map(|d| d.parse().unwrap()).to_vec();
/// let values = [-10000, 2750, 4250, 3250, 2750].map(Decimal::from).to_vec();
/// let rate = xirr(&XirrInput { values, dates, guess: None, day_count: None }).unwrap();
/// assert_eq!(serde_json::to_string(&rate).unwrap(), "\"0.3733625335\"");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` for a field outside its bounds or `dates` of another length than `values`;
/// `INVALID_DATE` for a date before the first; `NO_SOLUTION` (at `values`) as for [`irr`].
pub fn xirr(input: &XirrInput) -> Result<SolvedRate> {
    let count = input.values.len();
    check::items("values", count, 2, MAX_FLOWS)?;
    check_flows(&input.values)?;
    check::items("dates", input.dates.len(), count, count)?;
    let first = input.dates.first().copied();
    if let Some(i) = input.dates.iter().position(|d| Some(*d) < first) {
        return Err(Error::new(
            ErrorKind::InvalidDate,
            index("dates", i),
            "no date may be earlier than the first date (as in Excel)",
            "任何日期都不能早于第一个日期（与 Excel 相同）",
        ));
    }
    RATE.check_opt("guess", input.guess)?;
    let basis = match input.day_count {
        Some(XirrDayCount::Actual360) => 360,
        _ => 365,
    };
    let flows = flows_f64(&input.values)?;
    cost::xirr_root(&flows, &input.dates, input.guess, basis)
        .map(SolvedRate)
        .map_err(|e| e.in_field("values"))
}

/// Input of [`rate`]: `{ nper, pmt, pv, fv?, type?, guess? }`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename = "RateFunctionInput")] // `RateInput` is the TS name of a rate value (a DecimalInput)
pub struct RateInput {
    /// Number of periods, not 0; may be fractional; −100,000 … 100,000.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub nper: Decimal,
    /// Payment per period; ±10¹⁵.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub pmt: Decimal,
    /// Present value; ±10¹⁵.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub pv: Decimal,
    /// Future value; ±10¹⁵; default 0.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::DecimalInput>")]
    pub fv: Option<Decimal>,
    /// 0 (default): payments at the end of each period; 1: at the beginning.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::CountInput>")]
    pub r#type: Option<i32>,
    /// Where the solver starts looking; −0.9999999999 … 100; default 0.1.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::DecimalInput>")]
    pub guess: Option<Decimal>,
}

/// RATE: the periodic rate at which `nper` payments of `pmt` repay `pv`.
///
/// # Examples
///
/// ```
/// # use repayment_plan::api::tvm::{rate, RateInput};
/// # use rust_decimal::Decimal;
/// let input = RateInput { nper: Decimal::from(48), pmt: Decimal::from(-200),
///     pv: Decimal::from(8000), fv: None, r#type: None, guess: None };
/// assert_eq!(serde_json::to_string(&rate(&input).unwrap()).unwrap(), "\"0.0077014725\"");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` for a field outside its bounds; `NO_SOLUTION` when no root is proved.
pub fn rate(input: &RateInput) -> Result<SolvedRate> {
    let nper = nonzero_nper(input.nper)?;
    let pmt = AMOUNT.check("pmt", input.pmt)?;
    let pv = AMOUNT.check("pv", input.pv)?;
    AMOUNT.check_opt("fv", input.fv)?;
    let when = when("type", input.r#type)?;
    RATE.check_opt("guess", input.guess)?;
    cost::rate_root(
        nper,
        pmt,
        pv,
        input.fv.unwrap_or_default(),
        when,
        input.guess,
    )
    .map(SolvedRate)
}

/// Input of [`effect`]: `{ nominalRate, npery }`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EffectInput {
    /// Nominal annual rate, a fraction; 0 … 100.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub nominal_rate: Decimal,
    /// Compounding periods per year, 1 … 100,000.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::CountInput")]
    pub npery: u32,
}

/// EFFECT: the effective annual rate (1 + nominal/npery)^npery − 1.
///
/// # Examples
///
/// ```
/// # use repayment_plan::api::tvm::{effect, EffectInput};
/// # use rust_decimal::Decimal;
/// let out = effect(&EffectInput { nominal_rate: Decimal::new(525, 4), npery: 4 }).unwrap();
/// assert_eq!(serde_json::to_string(&out).unwrap(), "\"0.0535426674\"");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` for a field outside its bounds or a result too large (at `nominalRate`).
pub fn effect(input: &EffectInput) -> Result<Unrounded> {
    let nominal = Bounds::new("0", RATE.max).check("nominalRate", input.nominal_rate)?;
    let npery = check::whole("npery", input.npery, 1, WHOLE_PERIODS_MAX)?;
    cost::effect(nominal, npery)
        .map(Unrounded)
        .map_err(|e| e.in_field("nominalRate"))
}

/// Input of [`nominal`]: `{ effectRate, npery }`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NominalInput {
    /// Effective annual rate, a fraction; 0 … 1,000,000.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DecimalInput")]
    pub effect_rate: Decimal,
    /// Compounding periods per year, 1 … 100,000.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::CountInput")]
    pub npery: u32,
}

/// NOMINAL: the nominal annual rate of an effective one, npery·((1 + effect)^(1/npery) − 1).
///
/// # Examples
///
/// ```
/// # use repayment_plan::api::tvm::{nominal, NominalInput};
/// # use rust_decimal::Decimal;
/// let out = nominal(&NominalInput { effect_rate: Decimal::new(53543, 6), npery: 4 }).unwrap();
/// assert_eq!(serde_json::to_string(&out).unwrap(), "\"0.0525003199\"");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` for a field outside its bounds or a result too large (at `effectRate`).
pub fn nominal(input: &NominalInput) -> Result<Unrounded> {
    let effect = Bounds::new("0", "1000000").check("effectRate", input.effect_rate)?;
    let npery = check::whole("npery", input.npery, 1, WHOLE_PERIODS_MAX)?;
    cost::nominal(effect, npery)
        .map(Unrounded)
        .map_err(|e| e.in_field("effectRate"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::parse_decimal;

    #[test]
    fn bounds_are_decimals() {
        for b in [RATE, AMOUNT, NPER] {
            assert!(parse_decimal(b.min).is_ok() && parse_decimal(b.max).is_ok());
        }
        assert_eq!(
            Decimal::from(1_000_000_000_000_000i64),
            parse_decimal(AMOUNT.max).unwrap()
        );
    }
}
