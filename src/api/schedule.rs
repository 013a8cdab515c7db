//! Instalment schedules ([`crate::schedule`]) as the API takes them: `schedule(input)` and
//! `compareOffers([input, …])`.
//!
//! The input is one [`ScheduleInput`]; its `validate` turns it into the core's [`Loan`], with
//! every bound here and the method-specific rules (which rate or fee goes with which method) in
//! the core's [`build`]. The result's rows are a [`ser::table`] field: a compact text at the
//! wasm boundary, a plain array anywhere else.

use super::check::{self, Bounds, FieldRule};
use super::de::{self, index, join};
use super::ser;
use super::ts;
use crate::calendar::DayCount;
use crate::cost::Apr;
use crate::error::{Error, ErrorKind, Result};
use crate::money::{Money, Residue, RoundingMode, RoundingPolicy};
use crate::notice::Notice;
use crate::schedule::{
    build, default_rounding, FeeRate, InterestRate, Issuer, Loan, Method, Prepayment, RateChange,
    Row, Schedule, Strategy, Totals, DEFAULT_LPR, MAX_PERIODS,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// Any amount of a schedule (principal, upfront fee, prepayment and its fee): 0 … 10¹¹ yuan.
pub const AMOUNT: Bounds = Bounds::new("0", "100000000000");
/// An amount that must be positive (the principal, a prepayment): 0.01 … 10¹¹ yuan.
pub const POSITIVE_AMOUNT: Bounds = Bounds::new("0.01", AMOUNT.max);
/// `annualRate`, and a rate change's: 0 … 36 (3600% a year).
pub const ANNUAL_RATE: Bounds = Bounds::new("0", "36");
/// `monthlyRate`: 0 … 3.
pub const MONTHLY_RATE: Bounds = Bounds::new("0", "3");
/// `dailyRate`: 0 … 0.1.
pub const DAILY_RATE: Bounds = Bounds::new("0", "0.1");
/// `feeRate`, per period: 0 … 1.
pub const FEE_RATE: Bounds = Bounds::new("0", "1");
/// `totalFeeRate`, for the whole term: 0 … 10.
pub const TOTAL_FEE_RATE: Bounds = Bounds::new("0", "10");
/// `lpr`: 0 … 1.
pub const LPR: Bounds = Bounds::new("0", "1");
/// The two ways to give a fee instalment's rate: exactly one of them.
const FEE_RATES: &[&str] = &["feeRate", "totalFeeRate"];
/// Most offers `compareOffers` takes.
pub const MAX_OFFERS: usize = 20;

/// How the loan is repaid (the TypeScript name of [`Method`]).
pub type RepaymentMethod = Method;
crate::choices!(RepaymentMethod {
    "annuity" => Method::Annuity,
    "equalPrincipal" => Method::EqualPrincipal,
    "interestOnly" => Method::InterestOnly,
    "bullet" => Method::Bullet,
    "flat" => Method::Flat,
    "feeInstalment" => Method::FeeInstalment,
});

/// How interest for a stretch of days becomes a fraction of a year (the TypeScript name of
/// [`DayCount`]).
pub type DayCountInput = DayCount;
crate::choices!(DayCountInput {
    "30/360" => DayCount::Thirty360,
    "actual/360" => DayCount::Actual360,
    "actual/365" => DayCount::Actual365,
});

crate::choices!(Issuer {
    "alipay" => Issuer::Alipay,
    "bank" => Issuer::Bank,
});

/// What a prepayment does to the payments after it (the TypeScript name of [`Strategy`]).
pub type PrepaymentStrategy = Strategy;
crate::choices!(PrepaymentStrategy {
    "shortenTerm" => Strategy::ShortenTerm,
    "reducePayment" => Strategy::ReducePayment,
});

crate::choices!(RoundingMode {
    "halfUp" => RoundingMode::HalfUp,
    "halfEven" => RoundingMode::HalfEven,
    "down" => RoundingMode::Down,
});

crate::choices!(Residue {
    "first" => Residue::First,
    "last" => Residue::Last,
});

/// Rounding to the fen: the mode, and which period absorbs the residue of a split. A part left
/// out takes the default of the method (or plan).
#[derive(Clone, Debug, PartialEq, Eq, Default, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RoundingInput {
    /// `"halfUp"` (四舍五入, banks), `"halfEven"` (banker's) or `"down"` (toward zero, 花呗's
    /// per-period amounts); default the method's.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub mode: Option<RoundingMode>,
    /// Which period absorbs the residue of a split: `"first"` (花呗) or `"last"` (banks); default
    /// the method's.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub residue: Option<Residue>,
}

impl RoundingInput {
    /// The policy, with the parts left out taken from `default`.
    pub fn policy(&self, default: RoundingPolicy) -> RoundingPolicy {
        RoundingPolicy {
            mode: self.mode.unwrap_or(default.mode),
            residue: self.residue.unwrap_or(default.residue),
        }
    }
}

/// An extra repayment of principal made with the regular payment of `afterPeriod`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PrepaymentInput {
    /// The period whose due date it is paid on, after that period's payment; 1 … periods − 1.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::CountInput")]
    pub after_period: u32,
    /// Principal repaid, in yuan; 0.01 … 10¹¹.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::MoneyInput")]
    pub amount: Money,
    /// `"shortenTerm"` (keep the payment, end sooner) or `"reducePayment"` (keep the end date,
    /// pay less).
    #[serde(deserialize_with = "de::req")]
    pub strategy: PrepaymentStrategy,
    /// The lender's prepayment fee (违约金), in yuan; 0 … 10¹¹; default 0.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::MoneyInput>")]
    pub fee: Option<Money>,
}

/// LPR repricing: from `fromPeriod` on, the annual rate is `annualRate`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RateChangeInput {
    /// The first period at the new rate; 2 … periods.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::CountInput")]
    pub from_period: u32,
    /// The new annual rate, a fraction; 0 … 36.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::RateInput")]
    pub annual_rate: Decimal,
}

/// Input of [`schedule`]: a loan as the contract states it. An interest-bearing method takes
/// exactly one of `annualRate`, `monthlyRate`, `dailyRate`; `feeInstalment` takes exactly one of
/// `feeRate`, `totalFeeRate`.
// `remote = "Self"`: the derives become the inherent `ScheduleInput::deserialize` and
// `::serialize`, and the trait impls below call them, so that schedule inputs and offers
// (`OfferInput`, one more key) share one reader.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct ScheduleInput {
    /// Amount lent, in yuan; 0.01 … 10¹¹.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::MoneyInput")]
    pub principal: Money,
    /// How it is repaid: `"annuity"` (等额本息), `"equalPrincipal"` (等额本金),
    /// `"interestOnly"` (先息后本), `"bullet"` (一次性还本付息), `"flat"` (等本等息) or
    /// `"feeInstalment"` (分期手续费: 花呗, card instalments).
    #[serde(deserialize_with = "de::req")]
    pub method: RepaymentMethod,
    /// Monthly periods; 1 … 600.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::CountInput")]
    pub periods: u32,
    /// Drawdown date.
    #[serde(deserialize_with = "de::req", serialize_with = "ser::date")]
    #[ts(as = "ts::DateString")]
    pub start_date: NaiveDate,
    /// Interest per year, a fraction (`"0.049"` = 4.9%); 0 … 36.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::RateInput>")]
    pub annual_rate: Option<Decimal>,
    /// Interest per month (月息; `"0.005"` = 0.5%); 0 … 3.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::RateInput>")]
    pub monthly_rate: Option<Decimal>,
    /// Interest per day (日利率; `"0.0005"` = 万五), accrued on each period's days; 0 … 0.1.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::RateInput>")]
    pub daily_rate: Option<Decimal>,
    /// `feeInstalment`: the fee per period on the original principal; 0 … 1.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::RateInput>")]
    pub fee_rate: Option<Decimal>,
    /// `feeInstalment`: the fee for the whole term on the original principal; 0 … 10.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::RateInput>")]
    pub total_fee_rate: Option<Decimal>,
    /// `feeInstalment`: whose rules split it; `"alipay"` (花呗: total fee rounded half-even,
    /// principal and fee per period rounded down, the first period takes the residues) or
    /// `"bank"` (信用卡分期: principal per period rounded half up with the remainder in the last
    /// period, the same fee every period = principal × per-period rate rounded half up); default
    /// "alipay".
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub issuer: Option<Issuer>,
    /// Paid or deducted at drawdown (砍头息/服务费), in yuan; counts in the APR; 0 … 10¹¹, below
    /// the principal; default 0.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::MoneyInput>")]
    pub upfront_fee: Option<Money>,
    /// The first due date; default startDate + 1 month. An odd first period accrues by days.
    #[serde(
        default,
        deserialize_with = "de::opt",
        serialize_with = "ser::date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::DateString>")]
    pub first_due_date: Option<NaiveDate>,
    /// Accrual by days for every period: `"30/360"`, `"actual/360"` or `"actual/365"`; default
    /// monthly accrual (30/360 for an odd first period; a daily rate uses actual/360).
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub day_count: Option<DayCountInput>,
    /// Overrides the method's rounding (see [`default_rounding`]); default the method's.
    #[serde(
        default,
        deserialize_with = "de::opt_object",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub rounding: Option<RoundingInput>,
    /// The 1-year LPR, for the `APR_ABOVE_4X_LPR` warning; a fraction 0 … 1; default 0.03.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::RateInput>")]
    pub lpr: Option<Decimal>,
    /// Extra repayments of principal (annuity, equal principal, interest only); at most 600;
    /// default none.
    #[serde(
        default,
        deserialize_with = "de::opt_objects",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub prepayments: Option<Vec<PrepaymentInput>>,
    /// LPR repricing (annuity, equal principal, interest only); at most 600; default none.
    #[serde(
        default,
        deserialize_with = "de::opt_objects",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub rate_changes: Option<Vec<RateChangeInput>>,
}

impl ScheduleInput {
    /// Which rates and options go with which method, as [`ScheduleInput::loan`] checks them
    /// (and the generated TypeScript type says): an interest-bearing method takes exactly one of
    /// the three interest rates and no fee rate or `issuer`; `bullet` and `flat` take no
    /// prepayments or rate changes either; `feeInstalment` takes exactly one of the two fee
    /// rates, and no interest rate, `dayCount`, prepayments or rate changes.
    pub const FIELD_RULES: &'static [FieldRule] = &[FieldRule::Cases {
        key: "method",
        cases: &[
            (
                &["annuity", "equalPrincipal", "interestOnly"],
                &[
                    FieldRule::ExactlyOne(check::INTEREST_RATES),
                    FieldRule::NoneOf(&["feeRate", "totalFeeRate", "issuer"]),
                ],
            ),
            (
                &["bullet", "flat"],
                &[
                    FieldRule::ExactlyOne(check::INTEREST_RATES),
                    FieldRule::NoneOf(&[
                        "feeRate",
                        "totalFeeRate",
                        "issuer",
                        "prepayments",
                        "rateChanges",
                    ]),
                ],
            ),
            (
                &["feeInstalment"],
                &[
                    FieldRule::ExactlyOne(FEE_RATES),
                    FieldRule::NoneOf(&[
                        "annualRate",
                        "monthlyRate",
                        "dailyRate",
                        "dayCount",
                        "prepayments",
                        "rateChanges",
                    ]),
                ],
            ),
        ],
    }];

    /// The core's loan, every bound checked; errors name the field under `path` (an offer's
    /// `[2]`, or nothing).
    ///
    /// # Errors
    /// `OUT_OF_RANGE` for a value outside its bounds; `CONFLICTING_FIELDS` for two rates or two
    /// fee rates.
    pub fn loan(&self, path: &str) -> Result<Loan> {
        let at = |key: &str| join(path, key);
        POSITIVE_AMOUNT.money(&at("principal"), self.principal)?;
        check::whole(&at("periods"), self.periods, 1, i64::from(MAX_PERIODS))?;
        let mut loan = Loan::new(self.principal, self.method, self.periods, self.start_date);

        check::one_of(
            path,
            check::INTEREST_RATES,
            &[
                self.annual_rate.is_some(),
                self.monthly_rate.is_some(),
                self.daily_rate.is_some(),
            ],
        )?;
        let rates = [
            (
                self.annual_rate,
                ANNUAL_RATE,
                "annualRate",
                InterestRate::Annual as fn(Decimal) -> InterestRate,
            ),
            (
                self.monthly_rate,
                MONTHLY_RATE,
                "monthlyRate",
                InterestRate::Monthly,
            ),
            (
                self.daily_rate,
                DAILY_RATE,
                "dailyRate",
                InterestRate::Daily,
            ),
        ];
        for (rate, bounds, key, kind) in rates {
            if let Some(rate) = rate {
                loan.rate = Some(kind(bounds.check(&at(key), rate)?));
            }
        }
        check::one_of(
            path,
            FEE_RATES,
            &[self.fee_rate.is_some(), self.total_fee_rate.is_some()],
        )?;
        if let Some(rate) = self.fee_rate {
            loan.fee = Some(FeeRate::PerPeriod(FEE_RATE.check(&at("feeRate"), rate)?));
        }
        if let Some(rate) = self.total_fee_rate {
            loan.fee = Some(FeeRate::Total(
                TOTAL_FEE_RATE.check(&at("totalFeeRate"), rate)?,
            ));
        }
        loan.issuer = self.issuer;
        AMOUNT.money_opt(&at("upfrontFee"), self.upfront_fee)?;
        loan.upfront_fee = self.upfront_fee.unwrap_or(Money::ZERO);
        loan.first_due = self.first_due_date;
        loan.day_count = self.day_count;
        loan.rounding = self
            .rounding
            .as_ref()
            .map(|r| r.policy(default_rounding(self.method)));
        LPR.check_opt(&at("lpr"), self.lpr)?;
        loan.lpr = self.lpr.unwrap_or(DEFAULT_LPR);

        let prepayments = self.prepayments.as_deref().unwrap_or_default();
        check::items(
            &at("prepayments"),
            prepayments.len(),
            0,
            MAX_PERIODS as usize,
        )?;
        for (i, p) in prepayments.iter().enumerate() {
            let at = |key: &str| join(&index(&join(path, "prepayments"), i), key);
            check::whole(
                &at("afterPeriod"),
                p.after_period,
                1,
                i64::from(MAX_PERIODS),
            )?;
            POSITIVE_AMOUNT.money(&at("amount"), p.amount)?;
            AMOUNT.money_opt(&at("fee"), p.fee)?;
            loan.prepayments.push(Prepayment {
                after_period: p.after_period,
                amount: p.amount,
                strategy: p.strategy,
                fee: p.fee.unwrap_or(Money::ZERO),
            });
        }
        let changes = self.rate_changes.as_deref().unwrap_or_default();
        check::items(&at("rateChanges"), changes.len(), 0, MAX_PERIODS as usize)?;
        for (i, c) in changes.iter().enumerate() {
            let at = |key: &str| join(&index(&join(path, "rateChanges"), i), key);
            check::whole(&at("fromPeriod"), c.from_period, 1, i64::from(MAX_PERIODS))?;
            ANNUAL_RATE.check(&at("annualRate"), c.annual_rate)?;
            loan.rate_changes.push(RateChange {
                from_period: c.from_period,
                annual_rate: c.annual_rate,
            });
        }
        Ok(loan)
    }

    /// Checks, builds the schedule, and puts `path` in front of the core's error fields.
    fn build(&self, path: &str) -> Result<(Loan, Schedule)> {
        let loan = self.loan(path)?;
        let schedule = build(&loan).map_err(|e| under(path, e))?;
        Ok((loan, schedule))
    }
}

/// A core error names the input key (`periods`); under `compareOffers` it needs the offer's path.
fn under(prefix: &str, error: Error) -> Error {
    if prefix.is_empty() {
        return error;
    }
    let field = if error.field().is_empty() {
        prefix.to_string()
    } else {
        join(prefix, error.field())
    };
    Error::new(error.kind(), field, error.message(), error.message_zh())
}

/// One billed instalment: `payment = principal + interest + fee`,
/// `closing = opening − principal − prepayment`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleRow {
    /// 1, 2, …
    pub period: u32,
    /// When it is due.
    #[serde(serialize_with = "ser::date")]
    #[ts(as = "ts::DateString")]
    pub due_date: NaiveDate,
    /// Calendar days since the previous due date (or the start).
    #[ts(type = "number")]
    pub days: i64,
    /// The balance before this payment.
    pub opening: Money,
    /// What is billed: principal + interest + fee.
    pub payment: Money,
    /// Principal repaid.
    pub principal: Money,
    /// Interest charged.
    pub interest: Money,
    /// Instalment fee charged.
    pub fee: Money,
    /// Only on a row followed by a prepayment: the principal prepaid.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub prepayment: Option<Money>,
    /// Only on a row followed by a prepayment: the lender's fee for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub prepayment_fee: Option<Money>,
    /// The balance after this payment and any prepayment.
    pub closing: Money,
}

impl From<&Row> for ScheduleRow {
    fn from(row: &Row) -> ScheduleRow {
        let prepaid = !row.prepayment.is_zero();
        ScheduleRow {
            period: row.period,
            due_date: row.due,
            days: row.days,
            opening: row.opening,
            payment: row.payment,
            principal: row.principal,
            interest: row.interest,
            fee: row.fee,
            prepayment: prepaid.then_some(row.prepayment),
            prepayment_fee: prepaid.then_some(row.prepayment_fee),
            closing: row.closing,
        }
    }
}

/// The rows of a core schedule as results list them.
pub(crate) fn rows(rows: &[Row]) -> Vec<ScheduleRow> {
    rows.iter().map(ScheduleRow::from).collect()
}

/// Sums of the rows: what is billed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleTotals {
    /// Sum of the payments.
    pub payment: Money,
    /// Sum of the principal repaid by payments (without prepayments).
    pub principal: Money,
    /// Sum of the interest.
    pub interest: Money,
    /// Sum of the instalment fees.
    pub fee: Money,
    /// Only when there are prepayments: their sum.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub prepayment: Option<Money>,
    /// Only when there are prepayments: the sum of their fees.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub prepayment_fee: Option<Money>,
    /// interest + fee + prepayment fees + upfront fee: what the credit costs.
    pub cost: Money,
}

impl From<&Totals> for ScheduleTotals {
    fn from(t: &Totals) -> ScheduleTotals {
        let prepaid = !t.prepayment.is_zero();
        ScheduleTotals {
            payment: t.payment,
            principal: t.principal,
            interest: t.interest,
            fee: t.fee,
            prepayment: prepaid.then_some(t.prepayment),
            prepayment_fee: prepaid.then_some(t.prepayment_fee),
            cost: t.cost,
        }
    }
}

/// Exact-formula figures calculators quote (the contract as signed), each rounded once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleModel {
    /// The regular payment by the exact formula.
    pub payment: Money,
    /// Total interest by the exact formula.
    pub interest: Money,
    /// Annuity only: total interest as many calculators print it, the rounded payment × periods
    /// − principal; neither `interest` (the exact formula) nor `totals.interest` (what is
    /// billed).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub calculator_interest: Option<Money>,
}

/// The annualised rate of the real cash flows (IRR), fractions with 6 places:
/// nominal = 12 × periodic, effective = (1 + periodic)¹² − 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleApr {
    /// The IRR per month.
    #[serde(serialize_with = "ser::fixed::<6, _>")]
    #[ts(as = "ts::DecimalText")]
    pub periodic: Decimal,
    /// 12 × periodic: the figure lenders must show (年化利率, IRR method).
    #[serde(serialize_with = "ser::fixed::<6, _>")]
    #[ts(as = "ts::DecimalText")]
    pub nominal: Decimal,
    /// (1 + periodic)¹² − 1, compounded.
    #[serde(serialize_with = "ser::fixed::<6, _>")]
    #[ts(as = "ts::DecimalText")]
    pub effective: Decimal,
}

impl From<&Apr> for ScheduleApr {
    fn from(apr: &Apr) -> ScheduleApr {
        ScheduleApr {
            periodic: apr.periodic,
            nominal: apr.nominal,
            effective: apr.effective,
        }
    }
}

/// Result of [`schedule`]: the schedule a lender would bill, with totals, model figures, APR
/// and warnings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleResult {
    /// One row per instalment.
    #[serde(serialize_with = "ser::table")]
    pub rows: Vec<ScheduleRow>,
    /// Sums of the rows.
    pub totals: ScheduleTotals,
    /// The exact-formula figures.
    pub model: ScheduleModel,
    /// The IRR-method APR.
    pub apr: ScheduleApr,
    /// e.g. `APR_ABOVE_24`, `APR_ABOVE_36`, `APR_ABOVE_4X_LPR`, `FLAT_RATE_TRUE_COST`,
    /// `FEE_RATE_IS_NOT_APR`, `SCHEDULE_ENDS_EARLY`, `LARGE_FINAL_PAYMENT`.
    pub warnings: Vec<Notice>,
}

/// The schedule a lender would bill ([`crate::schedule::build`]): one row per period, totals,
/// the exact-formula model figures, the IRR-method APR and warnings.
///
/// # Examples
/// The reference loan: 1,000,000 over 30 years at 4.9%.
/// ```
/// let input = r#"{"principal":1000000,"method":"annuity","periods":360,"annualRate":"0.049","startDate":"2024-01-15"}"#;
/// let out = repayment_plan::api::call("schedule", input).unwrap();
/// assert!(out.contains(r#""payment":"5307.27""#));
/// assert!(out.contains(r#""model":{"payment":"5307.27","interest":"910616.19","calculatorInterest":"910617.20"}"#));
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` and `CONFLICTING_FIELDS` from the bounds ([`ScheduleInput::loan`]); the
/// schedule's own (a rate or fee that does not fit the method, `OUT_OF_RANGE` for a schedule past
/// 2200-12-31 or amounts too large to hold).
pub fn schedule(input: &ScheduleInput) -> Result<ScheduleResult> {
    let (_, s) = input.build("")?;
    Ok(ScheduleResult {
        rows: rows(&s.rows),
        totals: ScheduleTotals::from(&s.totals),
        model: ScheduleModel {
            payment: s.model.payment,
            interest: s.model.interest,
            calculator_interest: s.model.calculator_interest,
        },
        apr: ScheduleApr::from(&s.apr),
        warnings: s.warnings,
    })
}

// ---------------------------------------------------------------------------------------------
// compareOffers

/// One offer of [`compare_offers`]: a [`ScheduleInput`] with an optional label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct OfferInput {
    /// The user's label for the offer, written back in its summary; at most 200 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub name: Option<String>,
    /// The loan offered.
    #[serde(flatten)]
    #[ts(flatten)]
    pub loan: ScheduleInput,
}

impl Serialize for ScheduleInput {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        ScheduleInput::serialize(self, s)
    }
}

impl<'de> Deserialize<'de> for ScheduleInput {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<ScheduleInput, D::Error> {
        let (loan, _) = d.deserialize_map(LoanVisitor { named: false })?;
        Ok(loan)
    }
}

/// Reads `name`, and hands every other key to [`ScheduleInput`]'s own reader, so that an offer
/// is a schedule input with one more key and nothing is listed twice. An unknown key is reported
/// with `name` among the known ones.
impl<'de> Deserialize<'de> for OfferInput {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<OfferInput, D::Error> {
        let (loan, name) = d.deserialize_map(LoanVisitor { named: true })?;
        Ok(OfferInput { name, loan })
    }
}

/// The one reader of a schedule input's object, with its `name` when `named` (an offer).
struct LoanVisitor {
    named: bool,
}

impl<'de> Visitor<'de> for LoanVisitor {
    type Value = (ScheduleInput, Option<String>);
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a schedule input object")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> std::result::Result<Self::Value, A::Error> {
        let mut name = None;
        let loan =
            ScheduleInput::deserialize(serde::de::value::MapAccessDeserializer::new(TakeName {
                map,
                named: self.named,
                name: &mut name,
            }))?;
        Ok((loan, name))
    }
}

/// The keys of a schedule input object, with `name` taken out when it is an offer's (see
/// [`LoanVisitor`]).
struct TakeName<'a, A> {
    map: A,
    named: bool,
    name: &'a mut Option<String>,
}

/// A key handed to [`ScheduleInput`]'s field reader; its "unknown field" error keeps the list
/// of known keys, so that `name` can be added to it.
#[derive(Debug)]
struct KeyError {
    message: String,
    known: Option<&'static [&'static str]>,
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for KeyError {}

impl serde::de::Error for KeyError {
    fn custom<T: fmt::Display>(message: T) -> KeyError {
        KeyError {
            message: message.to_string(),
            known: None,
        }
    }
    fn unknown_field(field: &str, expected: &'static [&'static str]) -> KeyError {
        KeyError {
            message: field.to_string(),
            known: Some(expected),
        }
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for TakeName<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> std::result::Result<Option<K::Value>, A::Error> {
        use serde::de::{Error as _, IntoDeserializer};
        loop {
            let Some(key) = self.map.next_key::<std::borrow::Cow<'de, str>>()? else {
                return Ok(None);
            };
            if self.named && key == "name" {
                if self.name.is_some() {
                    return Err(A::Error::duplicate_field("name"));
                }
                let OfferName(name) = self.map.next_value()?;
                *self.name = Some(name);
                continue;
            }
            let key_reader: serde::de::value::StrDeserializer<'_, KeyError> =
                key.as_ref().into_deserializer();
            return match seed.deserialize(key_reader) {
                Ok(field) => Ok(Some(field)),
                Err(KeyError {
                    known: Some(known), ..
                }) => {
                    let offer: &[&str] = if self.named { &["name"] } else { &[] };
                    let known: Vec<String> = known
                        .iter()
                        .chain(offer)
                        .map(|k| format!("`{k}`"))
                        .collect();
                    Err(A::Error::custom(format_args!(
                        "unknown field `{key}`, expected one of {}",
                        known.join(", ")
                    )))
                }
                Err(other) => Err(A::Error::custom(other)),
            };
        }
    }

    fn next_value_seed<V: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> std::result::Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

/// An offer's `name`, read as the other leaves are.
struct OfferName(String);

impl<'de> Deserialize<'de> for OfferName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<OfferName, D::Error> {
        de::req(d).map(OfferName)
    }
}

/// Input of [`compare_offers`]: 1 … 20 offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct CompareOffersInput(pub Vec<OfferInput>);

/// An array of offer objects; anything else is `INVALID_INPUT` with the old message.
impl<'de> Deserialize<'de> for CompareOffersInput {
    fn deserialize<D: Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<CompareOffersInput, D::Error> {
        struct OffersVisitor;
        fn not_array<E: serde::de::Error>(got: &str) -> E {
            de::reject(Error::new(
                ErrorKind::InvalidInput,
                "",
                format!("the input must be an array of schedule inputs, not {got}"),
                format!("输入须为还款计划输入的数组，而不是 {got}"),
            ))
        }
        impl<'de> Visitor<'de> for OffersVisitor {
            type Value = CompareOffersInput;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array of schedule inputs")
            }
            fn visit_seq<S: serde::de::SeqAccess<'de>>(
                self,
                mut seq: S,
            ) -> std::result::Result<CompareOffersInput, S::Error> {
                let mut offers = Vec::new();
                while let Some(offer) = seq.next_element::<OfferInput>()? {
                    offers.push(offer);
                }
                Ok(CompareOffersInput(offers))
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                _: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                Err(not_array("object"))
            }
            fn visit_str<E: serde::de::Error>(
                self,
                _: &str,
            ) -> std::result::Result<Self::Value, E> {
                Err(not_array("string"))
            }
            fn visit_bool<E: serde::de::Error>(
                self,
                _: bool,
            ) -> std::result::Result<Self::Value, E> {
                Err(not_array("boolean"))
            }
            fn visit_i64<E: serde::de::Error>(self, _: i64) -> std::result::Result<Self::Value, E> {
                Err(not_array("number"))
            }
            fn visit_u64<E: serde::de::Error>(self, _: u64) -> std::result::Result<Self::Value, E> {
                Err(not_array("number"))
            }
            fn visit_f64<E: serde::de::Error>(self, _: f64) -> std::result::Result<Self::Value, E> {
                Err(not_array("number"))
            }
            fn visit_unit<E: serde::de::Error>(self) -> std::result::Result<Self::Value, E> {
                Err(not_array("null"))
            }
        }
        d.deserialize_any(OffersVisitor)
    }
}

/// One offer in a [`compare_offers`] result: `totalPaid − principal = totalCost`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OfferSummary {
    /// Position of the offer in the input array.
    pub index: usize,
    /// The offer's label, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub name: Option<String>,
    /// How it is repaid.
    pub method: RepaymentMethod,
    /// The amount lent.
    pub principal: Money,
    /// The contracted number of periods.
    pub periods: u32,
    /// The smallest payment of the schedule.
    pub min_payment: Money,
    /// The largest payment of the schedule.
    pub max_payment: Money,
    /// Everything paid: payments, prepayments with their fees, and the upfront fee.
    pub total_paid: Money,
    /// What the credit costs (the schedule's `totals.cost`).
    pub total_cost: Money,
    /// The IRR-method APR.
    pub apr: ScheduleApr,
    /// The schedule's warnings.
    pub warnings: Vec<Notice>,
}

/// Result of [`compare_offers`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CompareOffersResult {
    /// The offers, cheapest effective APR first (ties keep the input order).
    pub offers: Vec<OfferSummary>,
}

/// Several offers side by side, cheapest effective APR first: each offer's schedule summed up.
///
/// # Examples
/// ```
/// let offers = r#"[{"name":"bank","principal":10000,"method":"annuity","periods":12,"annualRate":"0.06","startDate":"2025-01-15"},
///                 {"name":"flat","principal":10000,"method":"flat","periods":12,"monthlyRate":"0.005","startDate":"2025-01-15"}]"#;
/// let out = repayment_plan::api::call("compareOffers", offers).unwrap();
/// // Cheapest effective APR first: the annuity at 6% beats the "0.5% a month" flat loan.
/// assert!(out.find(r#""name":"bank""#).unwrap() < out.find(r#""name":"flat""#).unwrap());
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` unless there are 1 to 20 offers, or for a name over 200 characters; each
/// offer's [`schedule`] errors, with the offer's index in the path (`[0].method`).
pub fn compare_offers(input: &CompareOffersInput) -> Result<CompareOffersResult> {
    let offers = &input.0;
    if !(1..=MAX_OFFERS).contains(&offers.len()) {
        let max = MAX_OFFERS.to_string();
        return Err(Error::new(
            ErrorKind::OutOfRange,
            "",
            format!("give between 1 and {max} offers"),
            format!("请提供 1 到 {max} 个方案"),
        ));
    }
    let mut summaries = Vec::with_capacity(offers.len());
    for (i, offer) in offers.iter().enumerate() {
        let path = index("", i);
        if let Some(name) = &offer.name {
            check::text(&join(&path, "name"), name)?;
        }
        let (loan, s) = offer.loan.build(&path)?;
        // A schedule has at least one row (periods ≥ 1); if one ever had none, say so rather
        // than print 0.00 as its payment.
        let payments = s.rows.iter().map(|r| r.payment);
        let (Some(min_payment), Some(max_payment)) = (payments.clone().min(), payments.max())
        else {
            return Err(Error::new(
                ErrorKind::InvalidInput,
                join(&path, "periods"),
                "internal error: a schedule without rows",
                "内部错误：还款计划没有任何一期",
            ));
        };
        summaries.push(OfferSummary {
            index: i,
            name: offer.name.clone(),
            method: loan.method,
            principal: loan.principal,
            periods: loan.periods,
            min_payment,
            max_payment,
            total_paid: Money::sum([
                s.totals.payment,
                s.totals.prepayment,
                s.totals.prepayment_fee,
                loan.upfront_fee,
            ])?,
            total_cost: s.totals.cost,
            apr: ScheduleApr::from(&s.apr),
            warnings: s.warnings,
        });
    }
    // Equal APRs keep the input order (the index breaks ties).
    summaries.sort_unstable_by_key(|s| (s.apr.effective, s.index));
    Ok(CompareOffersResult { offers: summaries })
}
