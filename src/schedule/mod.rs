//! Instalment schedules for every repayment method, with the IRR-method APR.
//!
//! A [`Loan`] describes the contract; [`build`] turns it into the [`Schedule`] a lender would
//! bill: one [`Row`] per due date, the totals of those rows, the exact-formula figures that
//! calculators quote ([`Model`]), the annualised cost of the real cash flows ([`crate::cost::Apr`])
//! and warnings a borrower should read.
//!
//! | method | 中文 | module |
//! |---|---|---|
//! | [`Method::Annuity`] | 等额本息 | [`annuity`] |
//! | [`Method::EqualPrincipal`] | 等额本金 | [`equal_principal`] |
//! | [`Method::InterestOnly`] | 先息后本 | [`interest_only`] |
//! | [`Method::Bullet`] | 一次性还本付息 | [`bullet`] |
//! | [`Method::Flat`] | 等本等息 | [`flat`] |
//! | [`Method::FeeInstalment`] | 分期手续费 (花呗, credit cards) | [`fee_instalment`] |
//!
//! # Conventions
//! * Amounts are integer fen ([`Money`]) throughout the period loop; only rates are decimals.
//! * Due date k is `start + k months`, clamped to month end (01-31 → 02-29 → 03-31); with a
//!   `first_due` date it is `first_due + (k − 1) months`.
//! * Interest of a regular period is `balance × monthly rate`. A first period that does not end
//!   one month after the start ("odd" first period) accrues `balance × annual × days / basis`
//!   under the loan's [`DayCount`] (30/360 unless given). With a daily rate (借呗), or with an
//!   explicit Actual/360 or Actual/365 day count, every period accrues by its days.
//! * Rounding follows the loan's [`RoundingPolicy`]: see [`default_rounding`].
//!
//! ```
//! use repayment_plan::schedule::{build, Loan, Method, InterestRate};
//! use repayment_plan::money::Money;
//! use repayment_plan::calendar::parse_date;
//! let mut loan = Loan::new(Money::from_fen(100_000_000), Method::Annuity, 360, parse_date("2024-01-15").unwrap());
//! loan.rate = Some(InterestRate::Annual("0.049".parse().unwrap()));
//! let s = build(&loan).unwrap();
//! assert_eq!(s.rows[0].payment.to_string(), "5307.27");
//! assert_eq!(s.totals.interest.to_string(), "910615.12");
//! assert_eq!(s.model.interest.to_string(), "910616.19");
//! ```

pub mod annuity;
mod builder;
pub mod bullet;
pub mod equal_principal;
pub mod fee_instalment;
pub mod flat;
pub mod interest_only;

use crate::calendar::{add_months, DayCount};
use crate::cost::Apr;
use crate::error::{Error, ErrorKind, Result};
use crate::money::{Money, Residue, RoundingMode, RoundingPolicy};
use crate::notice::Notice;
use chrono::NaiveDate;
use rust_decimal::Decimal;

pub use builder::build;

/// Most periods a schedule may have (50 years of months).
pub const MAX_PERIODS: u32 = 600;

/// How the loan is repaid.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Method {
    /// 等额本息: equal payments, interest on the balance.
    Annuity,
    /// 等额本金: equal principal, interest on the balance, falling payments.
    EqualPrincipal,
    /// 先息后本: interest every period, all principal with the last payment.
    InterestOnly,
    /// 一次性还本付息: principal and simple interest in one payment at maturity.
    Bullet,
    /// 等本等息: equal principal, interest every period on the *original* principal.
    Flat,
    /// 分期手续费: equal principal plus a fee on the original principal (花呗, card instalments).
    FeeInstalment,
}

impl Method {
    /// Whether the method charges interest (every method but [`Method::FeeInstalment`]).
    pub fn takes_rate(self) -> bool {
        self != Method::FeeInstalment
    }
    /// Whether the balance can be prepaid or repriced (methods whose interest runs on the balance).
    pub fn amortises_balance(self) -> bool {
        matches!(
            self,
            Method::Annuity | Method::EqualPrincipal | Method::InterestOnly
        )
    }
}

/// The contract interest rate, as the lender states it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum InterestRate {
    /// Per year (`0.049` = 4.9%); monthly rate = annual / 12.
    Annual(Decimal),
    /// Per month (`0.005` = 0.5%, 月息 5 厘).
    Monthly(Decimal),
    /// Per day (`0.0005` = 0.05%, 日息 万五): accrues on the days of each period.
    Daily(Decimal),
}

impl InterestRate {
    /// The rate as given, whatever its period.
    pub fn value(self) -> Decimal {
        match self {
            InterestRate::Annual(r) | InterestRate::Monthly(r) | InterestRate::Daily(r) => r,
        }
    }
}

/// Whose rules split a [`Method::FeeInstalment`] into periods.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum Issuer {
    /// 花呗 (the default): the total fee rounded half-even; principal and fee per period rounded
    /// down, the **first** period absorbing both residues.
    #[default]
    Alipay,
    /// A bank's card instalment (信用卡分期), as the banks' term sheets publish it: principal per
    /// period rounded half up with the remainder in the **last** period, and the fee the same in
    /// every period, principal × per-period rate (`feeRate`, or `totalFeeRate / periods`)
    /// rounded half up, with no remainder.
    Bank,
}

/// The instalment fee of [`Method::FeeInstalment`].
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FeeRate {
    /// Per period, on the original principal: total fee = P·f·n.
    PerPeriod(Decimal),
    /// For the whole term: total fee = P·F.
    Total(Decimal),
}

impl FeeRate {
    /// The rate as given.
    pub fn value(self) -> Decimal {
        match self {
            FeeRate::PerPeriod(f) | FeeRate::Total(f) => f,
        }
    }
}

/// What to do with the payments after a prepayment.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Strategy {
    /// Keep the payment, end sooner (new n = NPER).
    ShortenTerm,
    /// Keep the end date, lower the payment (new M = PMT on the remaining balance).
    ReducePayment,
}

/// An extra repayment of principal made together with a regular payment.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Prepayment {
    /// Made on the due date of this period, after its regular payment (1-based).
    pub after_period: u32,
    pub amount: Money,
    pub strategy: Strategy,
    /// The lender's prepayment fee (违约金), a cost of credit.
    pub fee: Money,
}

/// A repricing (LPR): from this period on the annual rate is `annual_rate` and the payment is
/// recomputed from the opening balance and the remaining term.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct RateChange {
    pub from_period: u32,
    pub annual_rate: Decimal,
}

/// A loan or instalment bill. Build one with [`Loan::new`] and set the optional parts.
#[derive(Clone, Debug, PartialEq)]
pub struct Loan {
    pub principal: Money,
    pub method: Method,
    pub periods: u32,
    pub start: NaiveDate,
    /// Required by every method but [`Method::FeeInstalment`], which must not have one.
    pub rate: Option<InterestRate>,
    /// Required by [`Method::FeeInstalment`] only.
    pub fee: Option<FeeRate>,
    /// [`Method::FeeInstalment`] only; `None`: [`Issuer::Alipay`].
    pub issuer: Option<Issuer>,
    /// Paid or deducted at drawdown: the borrower receives `principal − upfront_fee`.
    pub upfront_fee: Money,
    /// The first due date when it is not one month after the start.
    pub first_due: Option<NaiveDate>,
    /// `None`: monthly accrual (30/360 for an odd first period); daily rates accrue on actual days.
    pub day_count: Option<DayCount>,
    /// `None`: [`default_rounding`] for the method.
    pub rounding: Option<RoundingPolicy>,
    pub prepayments: Vec<Prepayment>,
    pub rate_changes: Vec<RateChange>,
    /// 1-year LPR for the 4×LPR warning.
    pub lpr: Decimal,
}

/// Default 1-year LPR (since 2025-05-20), for the 4×LPR warning.
pub const DEFAULT_LPR: Decimal = Decimal::from_parts(3, 0, 0, false, 2);

impl Loan {
    /// A loan with no rate, fee or options yet.
    pub fn new(principal: Money, method: Method, periods: u32, start: NaiveDate) -> Loan {
        Loan {
            principal,
            method,
            periods,
            start,
            rate: None,
            fee: None,
            issuer: None,
            upfront_fee: Money::ZERO,
            first_due: None,
            day_count: None,
            rounding: None,
            prepayments: Vec::new(),
            rate_changes: Vec::new(),
            lpr: DEFAULT_LPR,
        }
    }

    /// The rounding policy in force: the loan's own, or the method's default.
    pub fn policy(&self) -> RoundingPolicy {
        self.rounding.unwrap_or(match self.issuer {
            Some(Issuer::Bank) => RoundingPolicy::BANK,
            _ => default_rounding(self.method),
        })
    }

    /// Due date of period `k` (1-based).
    ///
    /// # Errors
    /// `OUT_OF_RANGE` (field `periods`) when the date would fall after 2200-12-31.
    pub fn due_date(&self, k: u32) -> Result<NaiveDate> {
        let date = match self.first_due {
            Some(first) => add_months(first, k - 1),
            None => add_months(self.start, k),
        };
        date.ok_or_else(|| {
            Error::new(
                ErrorKind::OutOfRange,
                "periods",
                "the schedule would run past 2200-12-31",
                "还款计划将超出 2200-12-31",
            )
        })
    }

    /// Whether the first period is not exactly one month long.
    pub fn odd_first_period(&self) -> bool {
        self.first_due
            .is_some_and(|first| add_months(self.start, 1) != Some(first))
    }
}

/// Default rounding of each method: banks round half-up and let the **last** period absorb the
/// residue; [`Method::FeeInstalment`] follows Alipay — per-period principal and fee rounded down,
/// the **first** period absorbs both residues (its total fee is rounded half-even, see
/// [`fee_instalment::total_fee`]).
///
/// ```
/// use repayment_plan::schedule::{default_rounding, Method};
/// use repayment_plan::money::RoundingPolicy;
/// assert_eq!(default_rounding(Method::Annuity), RoundingPolicy::BANK);
/// assert_eq!(default_rounding(Method::FeeInstalment), RoundingPolicy::ALIPAY);
/// ```
pub fn default_rounding(method: Method) -> RoundingPolicy {
    match method {
        Method::FeeInstalment => RoundingPolicy::ALIPAY,
        _ => RoundingPolicy::BANK,
    }
}

/// One billed instalment.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub period: u32,
    pub due: NaiveDate,
    /// Calendar days since the previous due date (or the start).
    pub days: i64,
    pub opening: Money,
    /// `principal + interest + fee`.
    pub payment: Money,
    pub principal: Money,
    pub interest: Money,
    pub fee: Money,
    /// Extra principal repaid after this payment (0 when none).
    pub prepayment: Money,
    /// The fee charged for that prepayment.
    pub prepayment_fee: Money,
    /// `opening − principal − prepayment`.
    pub closing: Money,
}

/// Sums of the rows: what is billed.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub payment: Money,
    pub principal: Money,
    pub interest: Money,
    pub fee: Money,
    pub prepayment: Money,
    pub prepayment_fee: Money,
    /// Everything paid beyond the principal: interest + fees + prepayment fees + upfront fee.
    pub cost: Money,
}

/// The exact-formula figures calculators quote, for the contract as signed (no prepayments,
/// no rate changes), each rounded half-up to the fen once.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Model {
    /// The regular (for equal principal: the first) payment.
    pub payment: Money,
    /// Total interest (for a fee instalment: the total fee) over the term.
    pub interest: Money,
    /// Annuity only: the total interest as many calculators print it, the rounded payment × n −
    /// principal. It is neither the exact formula (`interest`) nor the billed sum
    /// (`totals.interest`): the three can differ by a few yuan, and this is why a calculator
    /// and a lender's schedule disagree.
    pub calculator_interest: Option<Money>,
}

/// A built schedule.
#[derive(Clone, Debug, PartialEq)]
pub struct Schedule {
    pub rows: Vec<Row>,
    pub totals: Totals,
    pub model: Model,
    pub apr: Apr,
    pub warnings: Vec<Notice>,
}

/// A sum split into `n` rounded parts with one period absorbing the residue.
///
/// Each part is `total / n` rounded by the policy's mode; the absorbing period (first or last)
/// takes `total − part·(n − 1)`. Should rounding up leave the absorbing part negative (tiny
/// totals), the parts are rounded down instead.
///
/// ```
/// use repayment_plan::schedule::Split;
/// use repayment_plan::money::{Money, RoundingPolicy};
/// let s = Split::new(Money::from_fen(111_111), 6, RoundingPolicy::ALIPAY).unwrap();
/// assert_eq!((s.part(1).fen(), s.part(2).fen()), (18_521, 18_518));
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Split {
    pub regular: Money,
    pub absorbing: Money,
    pub absorbing_period: u32,
}

impl Split {
    /// Splits `total` into `n` parts (`n` 0 is taken as 1) by `policy`.
    /// # Errors
    /// `OUT_OF_RANGE` when a part does not fit an `i64` of fen.
    pub fn new(total: Money, n: u32, policy: RoundingPolicy) -> Result<Split> {
        let exact = crate::exact::div(Decimal::new(total.fen(), 2), Decimal::from(n.max(1)))?;
        let mut regular = Money::round(exact, policy.mode)?;
        let others = i64::from(n.max(1) - 1);
        let mut absorbing = total.checked_sub(regular.checked_mul_int(others)?)?;
        if absorbing.is_negative() {
            regular = Money::round(exact, RoundingMode::Down)?;
            absorbing = total.checked_sub(regular.checked_mul_int(others)?)?;
        }
        let absorbing_period = match policy.residue {
            Residue::First => 1,
            Residue::Last => n.max(1),
        };
        Ok(Split {
            regular,
            absorbing,
            absorbing_period,
        })
    }

    /// `n` equal parts of `each`, with no residue (a bank's per-period fee).
    pub fn level(each: Money, n: u32) -> Split {
        Split {
            regular: each,
            absorbing: each,
            absorbing_period: n.max(1),
        }
    }

    /// The part of period `k` (1-based).
    pub fn part(&self, k: u32) -> Money {
        if k == self.absorbing_period {
            self.absorbing
        } else {
            self.regular
        }
    }
}
