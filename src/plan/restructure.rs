//! 个性化分期 / 停息挂账 — hardship instalments: what a debt costs when the lender agrees to split
//! it into instalments, freezing or forgiving parts of it.
//!
//! The debt is stated in its parts (principal, interest, fees, 违约金 penalties), as art. 70 of the
//! credit-card rules requires the agreement to state them. Waived parts are dropped; a down
//! payment is subtracted; the rest (the *financed* amount) is repaid over at most 60 monthly
//! periods (the 5-year limit of art. 70) by the shared schedule builder ([`crate::schedule`]):
//!
//! * [`Charge::Freeze`] — 停息挂账: no interest and no fee; a fee instalment at 0%.
//! * [`Charge::FeeRate`] — a fee per period on the financed amount (the usual bank offer); a
//!   [`Method::FeeInstalment`] schedule.
//! * [`Charge::AnnualRate`] — interest on the balance; an [`Method::Annuity`] schedule.
//!
//! Give either the number of periods or a target monthly payment; [`restructure`] solves the
//! other. From a target it picks the **fewest** periods whose largest instalment does not exceed
//! the target, so feeding those periods back gives the same plan.
//!
//! ```
//! use repayment_plan::plan::restructure::{restructure, Charge, Debt, Request, Term, Waive};
//! use repayment_plan::money::Money;
//! use repayment_plan::calendar::parse_date;
//! let debt = Debt { principal: Money::from_fen(3_000_000), interest: Money::from_fen(200_000), fees: Money::ZERO, penalties: Money::from_fen(100_000) };
//! let request = Request {
//!     debt,
//!     waive: Waive { interest: false, fees: false, penalties: true },
//!     term: Term::TargetPayment(Money::from_fen(100_000)),
//!     charge: Charge::Freeze,
//!     down_payment: Money::from_fen(200_000),
//!     start: parse_date("2025-01-10").unwrap(),
//!     rounding: None,
//! };
//! let plan = restructure(&request).unwrap();
//! // 30,000 + 2,000 − 2,000 down = 30,000 over 30 months of 1,000.
//! assert_eq!((plan.periods, plan.payment.to_string(), plan.financed.to_string()), (30, "1000.00".into(), "30000.00".into()));
//! ```

use crate::error::{Error, ErrorKind, Result};
use crate::money::{Money, RoundingPolicy};
use crate::notice::Notice;
use crate::schedule::{build, FeeRate, InterestRate, Loan, Method, Schedule};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Most periods a hardship instalment plan may have: 60 months (商业银行信用卡业务监督管理办法 art. 70).
pub const MAX_PERIODS: u32 = 60;

/// The debt as the lender states it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Debt {
    pub principal: Money,
    pub interest: Money,
    pub fees: Money,
    /// 违约金 and penalty interest.
    pub penalties: Money,
}

impl Debt {
    /// Everything owed.
    ///
    /// # Errors
    /// `OUT_OF_RANGE` when the sum overflows.
    pub fn total(&self) -> Result<Money> {
        Money::sum([self.principal, self.interest, self.fees, self.penalties])
    }
}

/// Which parts the lender forgives.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Waive {
    pub interest: bool,
    pub fees: bool,
    pub penalties: bool,
}

/// The length of the plan, or the payment it must fit.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Term {
    Periods(u32),
    TargetPayment(Money),
}

/// What the plan itself costs.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Charge {
    /// 停息挂账: nothing accrues.
    Freeze,
    /// A fee per period on the financed amount.
    FeeRate(Decimal),
    /// Annual interest on the outstanding balance (annuity).
    AnnualRate(Decimal),
}

/// A what-if for a hardship plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub debt: Debt,
    pub waive: Waive,
    pub term: Term,
    pub charge: Charge,
    /// Paid when the plan is signed.
    pub down_payment: Money,
    /// Signing date; instalment k falls due `k` months later.
    pub start: NaiveDate,
    /// `None`: the schedule defaults (fee plans: Alipay rule; interest plans: bank rule).
    pub rounding: Option<RoundingPolicy>,
}

/// The plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub periods: u32,
    /// The largest instalment (the first one under the default fee rounding).
    pub payment: Money,
    /// What is split into instalments: the unwaived debt less the down payment.
    pub financed: Money,
    /// The forgiven parts.
    pub waived: Money,
    pub schedule: Schedule,
    /// The debt as it stands less everything paid under the plan (down payment included), when a
    /// part is waived. A lower bound of the saving: it ignores the penalties that would keep
    /// accruing if the debt stayed overdue.
    pub saved_versus_overdue: Option<Money>,
    pub warnings: Vec<Notice>,
}

/// `OUT_OF_RANGE` at `field` citing the 60-month (5-year) limit.
pub fn period_limit_error(field: &str) -> Error {
    limit_error(field, "", "")
}

fn limit_error(field: &str, extra_en: &str, extra_zh: &str) -> Error {
    Error::new(
        ErrorKind::OutOfRange,
        field,
        format!("a hardship instalment plan may last at most 60 months (5 years, credit-card rules art. 70){extra_en}"),
        format!("个性化分期最长 60 期（5 年，《商业银行信用卡业务监督管理办法》第七十条）{extra_zh}"),
    )
}

/// The schedule input for `periods` instalments of `financed`.
fn loan(request: &Request, financed: Money, periods: u32) -> Loan {
    let (method, rate, fee) = match request.charge {
        Charge::Freeze => (
            Method::FeeInstalment,
            None,
            Some(FeeRate::PerPeriod(Decimal::ZERO)),
        ),
        Charge::FeeRate(f) => (Method::FeeInstalment, None, Some(FeeRate::PerPeriod(f))),
        Charge::AnnualRate(a) => (Method::Annuity, Some(InterestRate::Annual(a)), None),
    };
    let mut loan = Loan::new(financed, method, periods, request.start);
    loan.rate = rate;
    loan.fee = fee;
    loan.rounding = request.rounding;
    loan
}

/// The largest instalment of a schedule. A schedule without rows (which `build` never makes)
/// is an error, not a payment of 0.00 that would fit every target.
fn largest(schedule: &Schedule) -> Result<Money> {
    schedule
        .rows
        .iter()
        .map(|r| r.payment)
        .max()
        .ok_or_else(|| {
            Error::new(
                ErrorKind::NoSolution,
                "",
                "the schedule has no instalments",
                "还款计划没有任何一期",
            )
        })
}

/// The fewest periods (≤ 60) whose largest instalment fits `target`.
fn solve_periods(request: &Request, financed: Money, target: Money) -> Result<(u32, Schedule)> {
    // What accrues each period regardless of the term: a payment at or below it never repays.
    let per_period_charge = match request.charge {
        Charge::Freeze => Money::ZERO,
        Charge::FeeRate(f) => financed.mul_rate(f, crate::money::RoundingMode::Down)?,
        Charge::AnnualRate(a) => financed.mul_rate(
            crate::exact::div(a, Decimal::from(12))?,
            crate::money::RoundingMode::Down,
        )?,
    };
    if target <= per_period_charge {
        return Err(Error::new(
            ErrorKind::NoSolution,
            "targetPayment",
            format!("{target} a month never repays this debt: the plan's own charge is {per_period_charge} a month"),
            format!("每月 {target} 永远还不清这笔债务：此方案每月的费用/利息就有 {per_period_charge}"),
        ));
    }
    let fits = |n: u32| -> Result<Option<Schedule>> {
        let schedule = build(&loan(request, financed, n))?;
        Ok((largest(&schedule)? <= target).then_some(schedule))
    };
    let Some(longest) = fits(MAX_PERIODS)? else {
        let needed = largest(&build(&loan(request, financed, MAX_PERIODS))?)?;
        return Err(limit_error(
            "targetPayment",
            &format!("; over 60 months the payment is {needed}, more than the target"),
            &format!("；60 期的月供为 {needed}，高于目标金额"),
        ));
    };
    // Binary search for the fewest periods that fit; payments fall as the term grows.
    let (mut lo, mut hi, mut best) = (1, MAX_PERIODS, longest);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match fits(mid)? {
            Some(schedule) => {
                hi = mid;
                best = schedule;
            }
            None => lo = mid + 1,
        }
    }
    Ok((hi, best))
}

/// Builds the plan.
///
/// # Errors
/// * `OUT_OF_RANGE`: more than 60 periods (the 5-year limit), a target that needs more than 60,
///   no principal, a down payment that covers the whole debt.
/// * `NO_SOLUTION`: a target payment not above the plan's own monthly charge (never repays).
///
/// See the [module docs](self) for an example.
pub fn restructure(request: &Request) -> Result<Plan> {
    let debt = request.debt;
    if debt.principal.fen() <= 0 {
        return Err(Error::new(
            ErrorKind::OutOfRange,
            "principal",
            "principal must be greater than 0",
            "本金须大于 0",
        ));
    }
    let waive = request.waive;
    let pick = |amount: Money, waived: bool| if waived { Money::ZERO } else { amount };
    let owed = Money::sum([
        debt.principal,
        pick(debt.interest, waive.interest),
        pick(debt.fees, waive.fees),
        pick(debt.penalties, waive.penalties),
    ])?;
    let waived = debt.total()?.checked_sub(owed)?;
    if request.down_payment.is_negative() || request.down_payment >= owed {
        return Err(Error::new(
            ErrorKind::OutOfRange,
            "downPayment",
            format!("downPayment must be at least 0 and less than the debt to instalment ({owed})"),
            format!("downPayment 须不小于 0 且小于需分期的债务（{owed}）"),
        ));
    }
    let financed = owed.checked_sub(request.down_payment)?;
    let (periods, schedule) = match request.term {
        Term::Periods(n) if n == 0 || n > MAX_PERIODS => return Err(period_limit_error("periods")),
        Term::Periods(n) => (n, build(&loan(request, financed, n))?),
        Term::TargetPayment(target) => solve_periods(request, financed, target)?,
    };
    let paid = request.down_payment.checked_add(schedule.totals.payment)?;
    let any_waived = waive.interest || waive.fees || waive.penalties;
    let saved_versus_overdue = if any_waived {
        Some(debt.total()?.checked_sub(paid)?)
    } else {
        None
    };
    let mut warnings: Vec<Notice> = Vec::new();
    for notice in &schedule.warnings {
        if !(request.charge == Charge::Freeze && notice.code == "FEE_RATE_IS_NOT_APR") {
            warnings.push(notice.clone());
        }
    }
    advice(request, &mut warnings);
    Ok(Plan {
        periods,
        payment: largest(&schedule)?,
        financed,
        waived,
        schedule,
        saved_versus_overdue,
        warnings,
    })
}

/// What a borrower negotiating a plan should know.
fn advice(request: &Request, warnings: &mut Vec<Notice>) {
    match request.charge {
        Charge::Freeze => warnings.push(Notice::new(
            "INTEREST_FROZEN",
            "no interest or fees accrue under this plan (停息挂账): make sure the agreement says so",
            "此方案停息挂账，不再产生利息和费用：请确认协议中写明",
        )),
        _ => warnings.push(Notice::new(
            "CHARGES_CONTINUE",
            "this plan still charges interest or fees every period: compare its annualised rate with other options",
            "此方案每期仍收取利息或手续费：请用年化利率与其他方案比较",
        )),
    }
    if !request.debt.penalties.is_zero() && !request.waive.penalties {
        warnings.push(Notice::new(
            "ASK_TO_WAIVE_PENALTIES",
            "penalties (违约金) are included in the plan: lenders often agree to waive them, ask",
            "违约金已计入分期：银行常可减免，请主动申请",
        ));
    }
    warnings.push(Notice::new(
        "GET_IT_IN_WRITING",
        "get the agreement in writing: it must state the debt's parts, each instalment's amount and date, and whether interest and fees continue",
        "请签订书面协议：协议须写明债务构成、每期金额和日期，以及是否继续计息收费",
    ));
}
