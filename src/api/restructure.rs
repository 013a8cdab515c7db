//! Hardship instalment plans ([`crate::plan::restructure`]) as the API takes them:
//! `restructure(input)`.

use super::check::{self, FieldRule};
use super::de;
use super::schedule::{
    rows, RoundingInput, ScheduleApr, ScheduleRow, ScheduleTotals, AMOUNT, ANNUAL_RATE, FEE_RATE,
    POSITIVE_AMOUNT,
};
use super::ser;
use super::ts;
use crate::error::{Error, ErrorKind, Result};
use crate::money::{Money, RoundingPolicy};
use crate::notice::Notice;
use crate::plan::restructure::{
    period_limit_error, restructure as plan, Charge, Debt, Request, Term, Waive, MAX_PERIODS,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A part of the debt the lender may forgive.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum WaivePart {
    Interest,
    Fees,
    Penalties,
}

crate::choices!(WaivePart {
    "interest" => WaivePart::Interest,
    "fees" => WaivePart::Fees,
    "penalties" => WaivePart::Penalties,
});

/// Input of [`restructure`]: a hardship instalment plan (个性化分期 / 停息挂账). Give exactly one
/// of `periods` and `targetPayment`, and at most one of `feeRate` and `annualRate` (neither: no
/// interest and no fee, 停息挂账).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RestructureInput {
    /// The principal owed, in yuan; 0.01 … 10¹¹.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::MoneyInput")]
    pub principal: Money,
    /// Interest owed, in yuan; 0 … 10¹¹; default 0.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::MoneyInput>")]
    pub interest: Option<Money>,
    /// Fees owed, in yuan; 0 … 10¹¹; default 0.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::MoneyInput>")]
    pub fees: Option<Money>,
    /// 违约金 and penalty interest owed, in yuan; 0 … 10¹¹; default 0.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::MoneyInput>")]
    pub penalties: Option<Money>,
    /// The parts the lender forgives: `"interest"`, `"fees"`, `"penalties"`; at most 3; default
    /// none.
    #[serde(
        default,
        deserialize_with = "de::opt_list",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub waive: Option<Vec<WaivePart>>,
    /// Monthly periods; 1 … 60 (the 5-year limit of the credit-card rules, art. 70).
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::CountInput>")]
    pub periods: Option<u32>,
    /// The most the person can pay a month, in yuan: the plan takes the fewest periods whose
    /// largest instalment fits; 0.01 … 10¹¹.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::MoneyInput>")]
    pub target_payment: Option<Money>,
    /// A fee per period on the financed amount (the usual bank offer), a fraction; 0 … 1; 0 is
    /// a freeze.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::RateInput>")]
    pub fee_rate: Option<Decimal>,
    /// Interest per year on the balance, a fraction; 0 … 36; 0 is a freeze.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::RateInput>")]
    pub annual_rate: Option<Decimal>,
    /// Paid when the plan starts, in yuan; 0 … 10¹¹; default 0.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::MoneyInput>")]
    pub down_payment: Option<Money>,
    /// When the plan starts; the first instalment is due a month later.
    #[serde(deserialize_with = "de::req", serialize_with = "ser::date")]
    #[ts(as = "ts::DateString")]
    pub start_date: NaiveDate,
    /// Overrides the rounding: default half up with the residue last under an annual rate, else
    /// rounded down with the residue first (花呗's).
    #[serde(
        default,
        deserialize_with = "de::opt_object",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub rounding: Option<RoundingInput>,
}

/// How the plan's length is given: exactly one of them.
const TERMS: &[&str] = &["periods", "targetPayment"];
/// What the plan charges: at most one of them (neither: 停息挂账).
const CHARGES: &[&str] = &["feeRate", "annualRate"];

impl RestructureInput {
    /// Exactly one of `periods` and `targetPayment`, at most one of `feeRate` and `annualRate`,
    /// as [`RestructureInput::request`] checks them (and the generated TypeScript type says).
    pub const FIELD_RULES: &'static [FieldRule] =
        &[FieldRule::ExactlyOne(TERMS), FieldRule::AtMostOne(CHARGES)];

    /// The core's request, every bound checked.
    ///
    /// # Errors
    /// `OUT_OF_RANGE` for a value outside its bounds (61 … 600 periods with the 5-year limit's
    /// message); `CONFLICTING_FIELDS` for both `periods` and `targetPayment`, or both rates;
    /// `MISSING_FIELD` for neither `periods` nor `targetPayment`.
    pub fn request(&self) -> Result<Request> {
        let principal = POSITIVE_AMOUNT.money("principal", self.principal)?;
        AMOUNT.money_opt("interest", self.interest)?;
        AMOUNT.money_opt("fees", self.fees)?;
        AMOUNT.money_opt("penalties", self.penalties)?;
        let debt = Debt {
            principal,
            interest: self.interest.unwrap_or(Money::ZERO),
            fees: self.fees.unwrap_or(Money::ZERO),
            penalties: self.penalties.unwrap_or(Money::ZERO),
        };

        let parts = self.waive.as_deref().unwrap_or_default();
        check::items("waive", parts.len(), 0, 3)?;
        let mut waive = Waive::default();
        for part in parts {
            match part {
                WaivePart::Interest => waive.interest = true,
                WaivePart::Fees => waive.fees = true,
                WaivePart::Penalties => waive.penalties = true,
            }
        }

        check::one_of(
            "",
            TERMS,
            &[self.periods.is_some(), self.target_payment.is_some()],
        )?;
        let term = match (self.periods, self.target_payment) {
            (Some(n), _) => {
                // Checked wide first, so that 61 … 600 gets the message citing the 5-year limit.
                check::whole("periods", n, 1, 600)?;
                if n > MAX_PERIODS {
                    return Err(period_limit_error("periods"));
                }
                Term::Periods(n)
            }
            (None, Some(target)) => {
                Term::TargetPayment(POSITIVE_AMOUNT.money("targetPayment", target)?)
            }
            (None, None) => {
                return Err(Error::new(
                    ErrorKind::MissingField,
                    "periods",
                    "give periods (at most 60) or targetPayment",
                    "请填写 periods（最多 60 期）或 targetPayment",
                ))
            }
        };

        check::one_of(
            "",
            CHARGES,
            &[self.fee_rate.is_some(), self.annual_rate.is_some()],
        )?;
        let charge = match (self.fee_rate, self.annual_rate) {
            (Some(rate), _) => Charge::FeeRate(FEE_RATE.check("feeRate", rate)?),
            (None, Some(rate)) => Charge::AnnualRate(ANNUAL_RATE.check("annualRate", rate)?),
            (None, None) => Charge::Freeze,
        };
        // A 0 rate is a freeze however it is written.
        let charge = match charge {
            Charge::FeeRate(r) | Charge::AnnualRate(r) if r.is_zero() => Charge::Freeze,
            other => other,
        };
        AMOUNT.money_opt("downPayment", self.down_payment)?;
        let default = match charge {
            Charge::AnnualRate(_) => RoundingPolicy::BANK,
            _ => RoundingPolicy::ALIPAY,
        };
        Ok(Request {
            debt,
            waive,
            term,
            charge,
            down_payment: self.down_payment.unwrap_or(Money::ZERO),
            start: self.start_date,
            rounding: self.rounding.as_ref().map(|r| r.policy(default)),
        })
    }
}

/// Result of [`restructure`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestructureResult {
    /// The number of monthly instalments; at most 60.
    pub periods: u32,
    /// The largest instalment.
    pub payment: Money,
    /// One row per instalment.
    #[serde(serialize_with = "ser::table")]
    pub rows: Vec<ScheduleRow>,
    /// Sums of the rows.
    pub totals: ScheduleTotals,
    /// The IRR-method APR of the plan.
    pub apr: ScheduleApr,
    /// When a part is waived: the debt as it stands minus everything paid under the plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub saved_versus_overdue: Option<Money>,
    /// What to check before agreeing, each with a stable code.
    pub warnings: Vec<Notice>,
}

/// Splits a debt into at most 60 monthly instalments, freezing or forgiving parts of it; solves
/// the periods from a target payment ([`crate::plan::restructure::restructure`]).
///
/// # Examples
/// 停息挂账: 30,000 principal and 2,000 interest, penalties of 1,000 waived, 2,000 down, then
/// 1,000 a month with no interest: 30 periods.
/// ```
/// let input = r#"{"principal":30000,"interest":2000,"penalties":1000,"startDate":"2025-01-10","waive":["penalties"],"downPayment":2000,"targetPayment":1000}"#;
/// let out = repayment_plan::api::call("restructure", input).unwrap();
/// assert!(out.starts_with(r#"{"periods":30,"payment":"1000.00""#));
/// ```
///
/// # Errors
/// The bounds' errors ([`RestructureInput::request`]) and the plan's (`NO_SOLUTION` when no
/// plan fits the bounds).
pub fn restructure(input: &RestructureInput) -> Result<RestructureResult> {
    let result = plan(&input.request()?)?;
    let s = &result.schedule;
    Ok(RestructureResult {
        periods: result.periods,
        payment: result.payment,
        rows: rows(&s.rows),
        totals: ScheduleTotals::from(&s.totals),
        apr: ScheduleApr::from(&s.apr),
        saved_versus_overdue: result.saved_versus_overdue,
        warnings: result.warnings,
    })
}
