//! The shared schedule builder: due dates, accrual, the period loop, prepayments, repricing,
//! totals, the APR and the warnings. The method modules supply formulas; this file runs them.

use super::{
    annuity, bullet, equal_principal, fee_instalment, flat, interest_only, FeeRate, InterestRate,
    Issuer, Loan, Method, Model, Row, Schedule, Split, Strategy, Totals, MAX_PERIODS,
};
use crate::calendar::{days_between, DayCount, MAX_DATE};
use crate::cost::{self, Apr};
use crate::error::{Error, ErrorKind, Result};
use crate::exact;
use crate::money::{Money, Residue, RoundingMode, RoundingPolicy};
use crate::notice::Notice;
use chrono::NaiveDate;
use rust_decimal::prelude::*;
use std::cmp::Ordering;

const TWELVE: Decimal = Decimal::from_parts(12, 0, 0, false, 0);
/// Largest rate (annual, monthly, daily or fee) the core accepts: 10,000%.
const MAX_RATE: Decimal = Decimal::from_parts(100, 0, 0, false, 0);
/// Largest principal the core accepts: 10 trillion yuan.
const MAX_PRINCIPAL_FEN: i64 = 1_000_000_000_000_000;

/// Builds the schedule of `loan`.
///
/// # Errors
/// * `OUT_OF_RANGE`: principal ≤ 0, periods 0 or above 600, an upfront fee not below the
///   principal, a prepayment or rate change outside the term, dates past 2200.
/// * `MISSING_FIELD` / `CONFLICTING_FIELDS`: a rate missing or given to a fee instalment, a fee
///   on a method that takes none, prepayments or rate changes on a method without a balance.
/// * `INVALID_DATE`: a first due date not after the start.
///
/// See the [module docs](super) for an example.
pub fn build(loan: &Loan) -> Result<Schedule> {
    validate(loan)?;
    let policy = loan.policy();
    let accrual = Accrual::of(loan)?;
    let mut rows = Vec::with_capacity(loan.periods as usize);
    let mut warnings = Vec::new();
    let model = match loan.method {
        Method::Annuity | Method::EqualPrincipal | Method::InterestOnly => {
            amortise_with_residue(loan, policy, accrual, &mut rows, &mut warnings)?;
            balance_model(loan, accrual)?
        }
        Method::Flat => {
            let m = accrual.monthly;
            let interest = if accrual.by_days(1) {
                Charge::OnOriginal(accrual)
            } else {
                Charge::Split(Split::new(
                    flat::total_interest(loan.principal, m, loan.periods, policy.mode)?,
                    loan.periods,
                    policy,
                )?)
            };
            level_rows(loan, policy, interest, None, &mut rows)?;
            flat::model(loan.principal, m, loan.periods)?
        }
        Method::FeeInstalment => {
            let fee = loan.fee.ok_or_else(|| {
                missing(
                    "feeRate",
                    "a fee instalment needs feeRate or totalFeeRate",
                    "分期手续费需要 feeRate 或 totalFeeRate",
                )
            })?;
            let fees = match loan.issuer.unwrap_or_default() {
                Issuer::Alipay => {
                    // Alipay rounds the total fee half-even even though the parts are rounded down.
                    let total_mode = if loan.rounding.is_some() {
                        policy.mode
                    } else {
                        RoundingMode::HalfEven
                    };
                    let total =
                        fee_instalment::total_fee(loan.principal, fee, loan.periods, total_mode)?;
                    Split::new(total, loan.periods, policy)?
                }
                Issuer::Bank => {
                    let each =
                        fee_instalment::period_fee(loan.principal, fee, loan.periods, policy.mode)?;
                    Split::level(each, loan.periods)
                }
            };
            level_rows(loan, policy, Charge::None, Some(fees), &mut rows)?;
            fee_instalment::model(loan.principal, fee, loan.periods)?
        }
        Method::Bullet => {
            let due = loan.due_date(loan.periods)?;
            let exact = exact::mul(loan.principal.to_decimal(), accrual.term_rate(loan, due)?)?;
            let interest = Money::round(exact, policy.mode)?;
            let payment = loan.principal.checked_add(interest)?;
            rows.push(Row {
                period: loan.periods,
                due,
                days: days_between(loan.start, due),
                opening: loan.principal,
                payment,
                principal: loan.principal,
                interest,
                fee: Money::ZERO,
                prepayment: Money::ZERO,
                prepayment_fee: Money::ZERO,
                closing: Money::ZERO,
            });
            bullet::model(loan.principal, exact)?
        }
    };
    let totals = totals(&rows, loan.upfront_fee)?;
    let apr = apr(loan, &rows)?;
    term_warnings(loan, &accrual, &rows, &mut warnings)?;
    cost_warnings(loan, &rows, &apr, &mut warnings)?;
    Ok(Schedule {
        rows,
        totals,
        model,
        apr,
        warnings,
    })
}

/// One of the error makers below.
type Problem = fn(&str, &str, &str) -> Error;

/// `list[i].key`, the field of an item's error.
fn item_field(list: &str, i: usize, key: &str) -> String {
    format!("{list}[{i}].{key}")
}

#[inline(never)]
fn missing(field: &str, en: &str, zh: &str) -> Error {
    Error::new(ErrorKind::MissingField, field, en, zh)
}

#[inline(never)]
fn conflict(field: &str, en: &str, zh: &str) -> Error {
    Error::new(ErrorKind::ConflictingFields, field, en, zh)
}

#[inline(never)]
fn range(field: &str, en: &str, zh: &str) -> Error {
    Error::new(ErrorKind::OutOfRange, field, en, zh)
}

/// The input name of the loan's rate, for error paths.
fn rate_field(loan: &Loan) -> &'static str {
    match loan.rate {
        Some(InterestRate::Monthly(_)) => "monthlyRate",
        Some(InterestRate::Daily(_)) => "dailyRate",
        _ => "annualRate",
    }
}

/// Cross-field rules (single-field bounds are also checked here, so Rust callers get them too).
#[inline(never)]
fn validate(loan: &Loan) -> Result<()> {
    if loan.principal.fen() <= 0 {
        return Err(range(
            "principal",
            "principal must be greater than 0",
            "本金须大于 0",
        ));
    }
    if loan.periods == 0 || loan.periods > MAX_PERIODS {
        return Err(range(
            "periods",
            "periods must be between 1 and 600",
            "期数须在 1 到 600 之间",
        ));
    }
    if loan.upfront_fee.is_negative() || loan.upfront_fee >= loan.principal {
        return Err(range(
            "upfrontFee",
            "upfrontFee must be at least 0 and less than the principal",
            "upfrontFee 须不小于 0 且小于本金",
        ));
    }
    match (loan.method.takes_rate(), loan.rate, loan.fee) {
        (true, None, _) => {
            return Err(missing(
                "annualRate",
                "this method needs annualRate, monthlyRate or dailyRate",
                "此还款方式需要 annualRate、monthlyRate 或 dailyRate",
            ))
        }
        (true, _, _) if loan.issuer.is_some() => {
            return Err(conflict(
                "issuer",
                "issuer applies to method feeInstalment only",
                "issuer 仅适用于 feeInstalment（分期手续费）方式",
            ));
        }
        (true, _, Some(fee)) => {
            let field = match fee {
                FeeRate::PerPeriod(_) => "feeRate",
                FeeRate::Total(_) => "totalFeeRate",
            };
            return Err(conflict(
                field,
                "only method feeInstalment takes a fee rate; give an interest rate instead",
                "只有 feeInstalment 方式可以填写手续费率，请改填利率",
            ));
        }
        (false, Some(_), _) => {
            return Err(conflict(
                rate_field(loan),
                "method feeInstalment takes feeRate or totalFeeRate, not an interest rate",
                "feeInstalment 方式应填写 feeRate 或 totalFeeRate，而不是利率",
            ))
        }
        (false, None, None) => {
            return Err(missing(
                "feeRate",
                "a fee instalment needs feeRate or totalFeeRate",
                "分期手续费需要 feeRate 或 totalFeeRate",
            ))
        }
        _ => {}
    }
    // These bounds (far beyond any real loan) also keep every decimal product in this module
    // well inside rust_decimal's range, so its plain operators below cannot overflow.
    if loan.principal.fen() > MAX_PRINCIPAL_FEN {
        return Err(range(
            "principal",
            "principal must be at most 10,000,000,000,000",
            "本金不能超过 10,000,000,000,000",
        ));
    }
    let rates = [
        loan.rate.map(|r| (rate_field(loan), r.value())),
        loan.fee.map(|f| ("feeRate", f.value())),
        Some(("lpr", loan.lpr)),
    ];
    for (field, r) in rates.into_iter().flatten() {
        if !(Decimal::ZERO..=MAX_RATE).contains(&r) {
            return Err(range(
                field,
                "the rate must be between 0 and 100",
                "利率须在 0 到 100 之间",
            ));
        }
    }
    if loan.method == Method::FeeInstalment && loan.day_count.is_some() {
        return Err(conflict(
            "dayCount",
            "a fee instalment does not accrue by days; remove dayCount",
            "分期手续费不按天计息，请去掉 dayCount",
        ));
    }
    if let Some(first) = loan.first_due {
        if first <= loan.start {
            return Err(Error::new(
                ErrorKind::InvalidDate,
                "firstDueDate",
                "firstDueDate must be after startDate",
                "firstDueDate 须晚于 startDate",
            ));
        }
        if crate::calendar::add_months(loan.start, 12).is_some_and(|limit| first > limit) {
            return Err(range(
                "firstDueDate",
                "firstDueDate must be within 12 months of startDate",
                "firstDueDate 须在 startDate 后 12 个月内",
            ));
        }
    }
    if loan.due_date(loan.periods)? > MAX_DATE {
        return Err(range(
            "periods",
            "the schedule would run past 2200-12-31",
            "还款计划将超出 2200-12-31",
        ));
    }
    let balance_only = |field: &str| {
        conflict(field, "prepayments and rate changes apply only to methods annuity, equalPrincipal and interestOnly", "提前还款和利率调整只适用于 annuity、equalPrincipal、interestOnly 方式")
    };
    if !loan.method.amortises_balance() {
        if !loan.prepayments.is_empty() {
            return Err(balance_only("prepayments"));
        }
        if !loan.rate_changes.is_empty() {
            return Err(balance_only("rateChanges"));
        }
    }
    for (i, p) in loan.prepayments.iter().enumerate() {
        let earlier = loan.prepayments.get(..i).unwrap_or_default();
        let problem = if p.after_period == 0 || p.after_period >= loan.periods {
            Some((
                range as Problem,
                "afterPeriod",
                "afterPeriod must be between 1 and periods − 1",
                "afterPeriod 须在 1 到 periods − 1 之间",
            ))
        } else if p.amount.fen() <= 0 {
            Some((
                range as Problem,
                "amount",
                "a prepayment amount must be greater than 0",
                "提前还款金额须大于 0",
            ))
        } else if p.fee.is_negative() {
            Some((
                range as Problem,
                "fee",
                "a prepayment fee must not be negative",
                "提前还款违约金不能为负数",
            ))
        } else if earlier.iter().any(|q| q.after_period == p.after_period) {
            Some((
                conflict as Problem,
                "afterPeriod",
                "two prepayments after the same period; combine them",
                "同一期后有两笔提前还款，请合并",
            ))
        } else {
            None
        };
        if let Some((error, key, en, zh)) = problem {
            return Err(error(&item_field("prepayments", i, key), en, zh));
        }
    }
    for (i, c) in loan.rate_changes.iter().enumerate() {
        let earlier = loan.rate_changes.get(..i).unwrap_or_default();
        let problem = if c.from_period < 2 || c.from_period > loan.periods {
            Some((
                range as Problem,
                "fromPeriod",
                "fromPeriod must be between 2 and periods",
                "fromPeriod 须在 2 到 periods 之间",
            ))
        } else if !(Decimal::ZERO..=MAX_RATE).contains(&c.annual_rate) {
            Some((
                range as Problem,
                "annualRate",
                "the rate must be between 0 and 100",
                "利率须在 0 到 100 之间",
            ))
        } else if earlier.iter().any(|d| d.from_period == c.from_period) {
            Some((
                conflict as Problem,
                "fromPeriod",
                "two rate changes from the same period",
                "同一期有两次利率调整",
            ))
        } else {
            None
        };
        if let Some((error, key, en, zh)) = problem {
            return Err(error(&item_field("rateChanges", i, key), en, zh));
        }
    }
    Ok(())
}

/// An exact rational rate `num / den` (both positive), derived from the decimal inputs, so that
/// interest in the period loop is one integer multiply and divide: `round(fen × num / den)`.
/// Exact where the decimal would round (0.049 / 12 is 49/12000, not 0.0040833…3), so a tie is
/// rounded as a tie. `None` (falling back to decimals) when a product would not fit in i128.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
struct Ratio {
    num: i128,
    den: i128,
}

impl Ratio {
    fn of(rate: Decimal) -> Option<Ratio> {
        let den = 10i128.checked_pow(rate.scale())?;
        Ratio {
            num: rate.mantissa(),
            den,
        }
        .reduced()
    }

    fn times(self, factor: i64) -> Option<Ratio> {
        Ratio {
            num: self.num.checked_mul(i128::from(factor))?,
            den: self.den,
        }
        .reduced()
    }

    fn over(self, divisor: i64) -> Option<Ratio> {
        Ratio {
            num: self.num,
            den: self.den.checked_mul(i128::from(divisor))?,
        }
        .reduced()
    }

    fn reduced(self) -> Option<Ratio> {
        if self.num < 0 || self.den <= 0 {
            return None;
        }
        let (mut a, mut b) = (self.num, self.den);
        while b != 0 {
            (a, b) = (b, a % b);
        }
        let g = a.max(1);
        Some(Ratio {
            num: self.num / g,
            den: self.den / g,
        })
    }

    /// `amount × num / den` rounded to the fen with `mode`.
    ///
    /// In `i64` when the product fits, as it does for everyday rates and amounts (0.049 / 12 is
    /// 49/12000): wasm has no 128-bit arithmetic, and the emulated `i128` division was most of
    /// a schedule's arithmetic.
    fn apply(self, amount: Money, mode: RoundingMode) -> Option<Money> {
        let small = i64::try_from(self.num)
            .ok()
            .zip(i64::try_from(self.den).ok())
            .and_then(|(num, den)| Some((small_product(amount.fen(), num)?, den)))
            .filter(|&(n, den)| n >= 0 && den > 0);
        let (q, up) = match small {
            Some((n, den)) => {
                let (q, r) = (n / den, n % den);
                (q, Self::rounds_up(mode, q, r.checked_mul(2)?.cmp(&den)))
            }
            None => {
                let n = i128::from(amount.fen()).checked_mul(self.num)?;
                if n < 0 || self.den <= 0 {
                    return None;
                }
                let (q, r) = (n / self.den, n % self.den);
                let q = i64::try_from(q).ok()?;
                (
                    q,
                    Self::rounds_up(mode, q, r.checked_mul(2)?.cmp(&self.den)),
                )
            }
        };
        q.checked_add(i64::from(up)).map(Money::from_fen)
    }

    /// Whether a quotient `q` (not negative) rounds up, given how twice its remainder compares
    /// with the divisor.
    fn rounds_up(mode: RoundingMode, q: i64, twice_remainder: Ordering) -> bool {
        match mode {
            RoundingMode::Down => false,
            RoundingMode::HalfUp => twice_remainder != Ordering::Less,
            RoundingMode::HalfEven => {
                twice_remainder == Ordering::Greater
                    || (twice_remainder == Ordering::Equal && q % 2 == 1)
            }
        }
    }
}

/// `a × b` when it fits in `i64`. Below 2^31 each the product always fits and is one native
/// multiply: `i64::checked_mul` needs a 128-bit product, a library call in wasm.
fn small_product(a: i64, b: i64) -> Option<i64> {
    const SMALL: u64 = 1 << 31;
    if a.unsigned_abs() < SMALL && b.unsigned_abs() < SMALL {
        Some(a * b)
    } else {
        a.checked_mul(b)
    }
}

/// How interest accrues, period by period. The rates are derived once, so the period loop does
/// one multiplication per row.
#[derive(Copy, Clone, Debug)]
struct Accrual {
    /// Whether the contract rate is per day (a repricing keeps it daily).
    daily: bool,
    /// Nominal annual rate (a daily rate × the day-count basis).
    annual: Decimal,
    /// Regular monthly rate, used for payments: annual / 12 (a monthly rate as given).
    monthly: Decimal,
    /// Rate per day counted under `day_count`: a daily rate as given, else annual / basis.
    per_day: Decimal,
    /// `monthly` and `per_day` as exact ratios, when they fit.
    monthly_ratio: Option<Ratio>,
    per_day_ratio: Option<Ratio>,
    /// Whether every period accrues by days (daily rate or explicit day count).
    every_period_by_days: bool,
    /// Whether period 1 is odd-length and so accrues by days.
    odd_first: bool,
    day_count: DayCount,
}

impl Accrual {
    fn of(loan: &Loan) -> Result<Accrual> {
        let daily = matches!(loan.rate, Some(InterestRate::Daily(_)));
        let day_count = loan.day_count.unwrap_or(if daily {
            DayCount::Actual360
        } else {
            DayCount::Thirty360
        });
        let accrual = Accrual {
            daily,
            annual: Decimal::ZERO,
            monthly: Decimal::ZERO,
            per_day: Decimal::ZERO,
            monthly_ratio: None,
            per_day_ratio: None,
            every_period_by_days: daily || loan.day_count.is_some(),
            odd_first: loan.odd_first_period(),
            day_count,
        };
        accrual.with_rate(loan.rate.unwrap_or(InterestRate::Annual(Decimal::ZERO)))
    }

    fn with_rate(self, rate: InterestRate) -> Result<Accrual> {
        let basis = self.day_count.basis();
        let basis_decimal = Decimal::from(basis);
        let (annual, monthly, per_day) = match rate {
            InterestRate::Annual(a) => (a, exact::div(a, TWELVE)?, exact::div(a, basis_decimal)?),
            InterestRate::Monthly(m) => {
                let a = exact::mul(m, TWELVE)?;
                (a, m, exact::div(a, basis_decimal)?)
            }
            InterestRate::Daily(d) => {
                let a = exact::mul(d, basis_decimal)?;
                (a, exact::div(a, TWELVE)?, d)
            }
        };
        let (monthly_ratio, per_day_ratio) = match rate {
            InterestRate::Annual(a) => {
                let r = Ratio::of(a);
                (r.and_then(|r| r.over(12)), r.and_then(|r| r.over(basis)))
            }
            InterestRate::Monthly(m) => {
                let r = Ratio::of(m);
                (r, r.and_then(|r| r.times(12)?.over(basis)))
            }
            InterestRate::Daily(d) => {
                let r = Ratio::of(d);
                (r.and_then(|r| r.times(basis)?.over(12)), r)
            }
        };
        Ok(Accrual {
            annual,
            monthly,
            per_day,
            monthly_ratio,
            per_day_ratio,
            ..self
        })
    }

    /// Interest on `amount` for the stretch `from`–`to` of period `k`, rounded with `mode`.
    fn interest(
        &self,
        amount: Money,
        k: u32,
        from: NaiveDate,
        to: NaiveDate,
        mode: RoundingMode,
    ) -> Result<Money> {
        let exact_ratio = if self.by_days(k) {
            self.per_day_ratio
                .and_then(|r| r.times(self.day_count.days(from, to)))
        } else {
            self.monthly_ratio
        };
        match exact_ratio.and_then(|r| r.apply(amount, mode)) {
            Some(interest) => Ok(interest),
            None => amount.mul_rate(self.period_rate(k, from, to)?, mode),
        }
    }

    fn by_days(&self, k: u32) -> bool {
        self.every_period_by_days || (k == 1 && self.odd_first)
    }

    /// The rate for the stretch `from`–`to` of period `k`: monthly, or per day × days.
    fn period_rate(&self, k: u32, from: NaiveDate, to: NaiveDate) -> Result<Decimal> {
        if !self.by_days(k) {
            return Ok(self.monthly);
        }
        exact::mul(self.per_day, Decimal::from(self.day_count.days(from, to)))
    }

    /// The simple rate over the whole term (bullet): by days when any period would be, else `m·n`.
    fn term_rate(&self, loan: &Loan, due: NaiveDate) -> Result<Decimal> {
        if self.every_period_by_days || self.odd_first {
            Ok(self.period_rate(1, loan.start, due)?.max(Decimal::ZERO))
        } else {
            exact::mul(self.monthly, Decimal::from(loan.periods))
        }
    }

    /// The same loan repriced at a new annual rate (a daily loan keeps accruing daily).
    fn repriced(self, annual: Decimal) -> Result<Accrual> {
        let rate = if self.daily {
            InterestRate::Daily(exact::div(annual, Decimal::from(self.day_count.basis()))?)
        } else {
            InterestRate::Annual(annual)
        };
        self.with_rate(rate)
    }
}

/// The exact-formula figures of a loan whose interest runs on the balance.
fn balance_model(loan: &Loan, accrual: Accrual) -> Result<Model> {
    let (p, m, n) = (loan.principal, accrual.monthly, loan.periods);
    match loan.method {
        Method::EqualPrincipal => equal_principal::model(p, m, n),
        Method::InterestOnly => interest_only::model(p, m, n),
        _ => annuity::model(p, m, n),
    }
}

/// How each period's principal is set in the period loop.
#[derive(Copy, Clone, Debug)]
enum Rule {
    /// Fixed payment, principal = payment − interest (`first_extra` moves a residue to period 1).
    Annuity { payment: Money, first_extra: Money },
    /// Principal parts of a split, `offset` periods after the split was made.
    Parts { split: Split, offset: u32 },
    /// No principal before the last period.
    AtEnd,
}

impl Rule {
    fn initial(
        loan: &Loan,
        accrual: Accrual,
        policy: RoundingPolicy,
        first_extra: Money,
    ) -> Result<Rule> {
        Ok(match loan.method {
            Method::Annuity => Rule::Annuity {
                payment: annuity::payment(
                    loan.principal,
                    accrual.monthly,
                    loan.periods,
                    policy.mode,
                )?,
                first_extra,
            },
            Method::EqualPrincipal => Rule::Parts {
                split: Split::new(loan.principal, loan.periods, policy)?,
                offset: 0,
            },
            _ => Rule::AtEnd,
        })
    }

    fn principal(&self, k: u32, interest: Money, balance: Money) -> Result<Money> {
        let wanted = match *self {
            Rule::Annuity {
                payment,
                first_extra,
            } => {
                let extra = if k == 1 { first_extra } else { Money::ZERO };
                payment
                    .checked_sub(interest)?
                    .checked_add(extra)?
                    .max(Money::ZERO)
            }
            Rule::Parts { split, offset } => split.part(k - offset),
            Rule::AtEnd => Money::ZERO,
        };
        Ok(wanted.min(balance))
    }

    /// After a repricing at the start of period `k`: a new payment from the balance over the remaining term.
    fn repriced(
        self,
        balance: Money,
        r: Decimal,
        remaining: u32,
        mode: RoundingMode,
    ) -> Result<Rule> {
        Ok(match self {
            Rule::Annuity { .. } => Rule::Annuity {
                payment: annuity::payment(balance, r, remaining, mode)?,
                first_extra: Money::ZERO,
            },
            other => other,
        })
    }

    /// After a prepayment following period `k`; may shorten `remaining`.
    fn after_prepayment(
        self,
        strategy: Strategy,
        k: u32,
        balance: Money,
        r: Decimal,
        remaining: &mut u32,
        mode: RoundingMode,
    ) -> Result<Rule> {
        let last_absorbs = RoundingPolicy {
            mode,
            residue: Residue::Last,
        };
        Ok(match (self, strategy) {
            (Rule::Annuity { .. }, Strategy::ReducePayment) => Rule::Annuity {
                payment: annuity::payment(balance, r, *remaining, mode)?,
                first_extra: Money::ZERO,
            },
            (Rule::Annuity { payment, .. }, Strategy::ShortenTerm) => {
                if let Ok(n) = annuity::periods_for_payment(balance, r, payment) {
                    *remaining = n.min(*remaining);
                }
                Rule::Annuity {
                    payment,
                    first_extra: Money::ZERO,
                }
            }
            (Rule::Parts { .. }, Strategy::ReducePayment) => Rule::Parts {
                split: Split::new(balance, *remaining, last_absorbs)?,
                offset: k,
            },
            (Rule::Parts { split, offset }, Strategy::ShortenTerm) => {
                let part = split.part(k + 1 - offset).max(Money::from_fen(1));
                let n = (balance.fen() + part.fen() - 1) / part.fen();
                *remaining = u32::try_from(n).unwrap_or(u32::MAX).min(*remaining).max(1);
                Rule::Parts {
                    split: Split {
                        regular: part,
                        absorbing: part,
                        absorbing_period: 0,
                    },
                    offset: 0,
                }
            }
            (rule, _) => rule,
        })
    }
}

/// The period loop for methods whose interest runs on the balance, with the residue placed per
/// the policy. For `residue: first` on an annuity, the first period's principal is adjusted until
/// the last payment equals the others (any fen left over by interest rounding stays in the last).
fn amortise_with_residue(
    loan: &Loan,
    policy: RoundingPolicy,
    accrual: Accrual,
    rows: &mut Vec<Row>,
    warnings: &mut Vec<Notice>,
) -> Result<()> {
    let mut first_extra = Money::ZERO;
    amortise(loan, policy, accrual, first_extra, rows, warnings)?;
    let adjustable = loan.method == Method::Annuity
        && policy.residue == Residue::First
        && loan.periods > 1
        && loan.prepayments.is_empty()
        && loan.rate_changes.is_empty();
    if !adjustable {
        return Ok(());
    }
    let r = accrual.monthly;
    let growth = cost::growth(r, Decimal::from(loan.periods - 1))?;
    for _ in 0..6 {
        let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
            break;
        };
        let regular = rows.get(1).map_or(first.payment, |row| row.payment);
        let deviation = last.payment.checked_sub(regular)?;
        if deviation.is_zero() {
            break;
        }
        let shift = Money::round(exact::div(deviation.to_decimal(), growth)?, policy.mode)?;
        let shift = if shift.is_zero() {
            Money::from_fen(deviation.fen().signum())
        } else {
            shift
        };
        first_extra = first_extra.checked_add(shift)?;
        rows.clear();
        warnings.clear();
        amortise(loan, policy, accrual, first_extra, rows, warnings)?;
    }
    Ok(())
}

fn amortise(
    loan: &Loan,
    policy: RoundingPolicy,
    mut accrual: Accrual,
    first_extra: Money,
    rows: &mut Vec<Row>,
    warnings: &mut Vec<Notice>,
) -> Result<()> {
    let mode = policy.mode;
    let mut rule = Rule::initial(loan, accrual, policy, first_extra)?;
    let mut balance = loan.principal;
    let mut remaining = loan.periods;
    let mut previous_due = loan.start;
    let mut k = 1;
    while !balance.is_zero() && remaining > 0 {
        if let Some(change) = loan.rate_changes.iter().find(|c| c.from_period == k) {
            accrual = accrual.repriced(change.annual_rate)?;
            rule = rule.repriced(balance, accrual.monthly, remaining, mode)?;
        }
        let due = loan.due_date(k)?;
        let interest = accrual.interest(balance, k, previous_due, due, mode)?;
        let principal = if remaining == 1 {
            balance
        } else {
            rule.principal(k, interest, balance)?
        };
        let mut row = Row {
            period: k,
            due,
            days: days_between(previous_due, due),
            opening: balance,
            payment: principal.checked_add(interest)?,
            principal,
            interest,
            fee: Money::ZERO,
            prepayment: Money::ZERO,
            prepayment_fee: Money::ZERO,
            closing: balance.checked_sub(principal)?,
        };
        balance = row.closing;
        remaining -= 1;
        if let Some(p) = loan.prepayments.iter().find(|p| p.after_period == k) {
            if !balance.is_zero() {
                if p.amount > balance {
                    warnings.push(prepayment_capped(k, p.amount, balance));
                }
                row.prepayment = p.amount.min(balance);
                row.prepayment_fee = p.fee;
                balance = balance.checked_sub(row.prepayment)?;
                row.closing = balance;
                if !balance.is_zero() {
                    rule = rule.after_prepayment(
                        p.strategy,
                        k,
                        balance,
                        accrual.monthly,
                        &mut remaining,
                        mode,
                    )?;
                }
            }
        }
        rows.push(row);
        previous_due = due;
        k += 1;
    }
    for p in loan.prepayments.iter().filter(|p| p.after_period >= k) {
        warnings.push(Notice::new(
            "PREPAYMENT_AFTER_PAYOFF",
            format!("the prepayment after period {} was not applied: the loan is already repaid by then", p.after_period),
            format!("第 {} 期后的提前还款未计入：此前贷款已还清", p.after_period),
        ));
    }
    Ok(())
}

fn prepayment_capped(k: u32, asked: Money, balance: Money) -> Notice {
    Notice::new(
        "PREPAYMENT_CAPPED",
        format!("the prepayment after period {k} ({asked}) is more than the balance; only {balance} is needed to clear the loan"),
        format!("第 {k} 期后的提前还款（{asked}）超过剩余本金；结清只需 {balance}"),
    )
}

/// The charge of a level-principal method (flat interest or an instalment fee).
#[derive(Copy, Clone)]
enum Charge {
    None,
    /// A rounded total split into parts.
    Split(Split),
    /// Interest on the original principal accrued by the days of each period.
    OnOriginal(Accrual),
}

/// Rows of the level-principal methods (flat, fee instalment): principal split per the policy,
/// interest from `interest`, fee from `fee`.
fn level_rows(
    loan: &Loan,
    policy: RoundingPolicy,
    interest: Charge,
    fee: Option<Split>,
    rows: &mut Vec<Row>,
) -> Result<()> {
    let principal_split = Split::new(loan.principal, loan.periods, policy)?;
    let mut balance = loan.principal;
    let mut previous_due = loan.start;
    for k in 1..=loan.periods {
        let due = loan.due_date(k)?;
        let principal = if k == loan.periods {
            balance
        } else {
            principal_split.part(k).min(balance)
        };
        let interest = match interest {
            Charge::None => Money::ZERO,
            Charge::Split(split) => split.part(k),
            Charge::OnOriginal(accrual) => {
                accrual.interest(loan.principal, k, previous_due, due, policy.mode)?
            }
        };
        let fee = fee.map_or(Money::ZERO, |split| split.part(k));
        rows.push(Row {
            period: k,
            due,
            days: days_between(previous_due, due),
            opening: balance,
            payment: principal.checked_add(interest)?.checked_add(fee)?,
            principal,
            interest,
            fee,
            prepayment: Money::ZERO,
            prepayment_fee: Money::ZERO,
            closing: balance.checked_sub(principal)?,
        });
        balance = balance.checked_sub(principal)?;
        previous_due = due;
    }
    Ok(())
}

fn totals(rows: &[Row], upfront_fee: Money) -> Result<Totals> {
    // Summed in i128, where 600 rows of i64 cannot overflow, and checked once at the end: a
    // checked i64 addition per amount per row was a visible part of a schedule's time.
    let (mut payment, mut principal, mut interest) = (0i128, 0i128, 0i128);
    let (mut fee, mut prepayment, mut prepayment_fee) = (0i128, 0i128, 0i128);
    for row in rows {
        payment += i128::from(row.payment.fen());
        principal += i128::from(row.principal.fen());
        interest += i128::from(row.interest.fen());
        fee += i128::from(row.fee.fen());
        prepayment += i128::from(row.prepayment.fen());
        prepayment_fee += i128::from(row.prepayment_fee.fen());
    }
    let money = |sum: i128| {
        i64::try_from(sum)
            .map(Money::from_fen)
            .map_err(|_| Error::overflow(""))
    };
    let mut t = Totals {
        payment: money(payment)?,
        principal: money(principal)?,
        interest: money(interest)?,
        fee: money(fee)?,
        prepayment: money(prepayment)?,
        prepayment_fee: money(prepayment_fee)?,
        ..Totals::default()
    };
    t.cost = Money::sum([t.interest, t.fee, t.prepayment_fee, upfront_fee])?;
    Ok(t)
}

/// The IRR-method APR of the real cash flows: the lender pays out `principal − upfrontFee`, the
/// borrower pays each row's payment, prepayment and prepayment fee. Regular monthly periods use
/// the periodic IRR (nominal = 12·r, effective = (1+r)^12 − 1); an odd first period uses XIRR on
/// the dates (Actual/365), reported as its monthly equivalent.
#[inline(never)]
fn apr(loan: &Loan, rows: &[Row]) -> Result<Apr> {
    let net = loan.principal.checked_sub(loan.upfront_fee)?;
    let flow = |row: &Row| -> Result<Decimal> {
        Ok(row
            .payment
            .checked_add(row.prepayment)?
            .checked_add(row.prepayment_fee)?
            .to_decimal())
    };
    if loan.odd_first_period() {
        let mut values = Vec::with_capacity(rows.len() + 1);
        let mut dates = Vec::with_capacity(rows.len() + 1);
        values.push(-net.to_decimal());
        dates.push(loan.start);
        for row in rows {
            values.push(flow(row)?);
            dates.push(row.due);
        }
        let effective =
            cost::xirr(&values, &dates, Some(Decimal::new(1, 1)), 365).map_err(beyond_solver)?;
        let nominal = cost::nominal(effective, 12)?;
        return Ok(Apr {
            periodic: exact::div(nominal, TWELVE)?,
            nominal,
            effective,
        });
    }
    // The flows in yuan as f64: whole fen below 2^53 are exact, and the solver works in f64
    // anyway (cost::irr would convert each decimal, which costs more than solving).
    let last = rows.last().map_or(0, |row| row.period as usize);
    let mut flows = vec![0f64; last + 1];
    if let Some(first) = flows.first_mut() {
        *first = -(net.fen() as f64) / 100.0;
    }
    for row in rows {
        if let Some(slot) = flows.get_mut(row.period as usize) {
            *slot += (row.payment.fen() + row.prepayment.fen() + row.prepayment_fee.fen()) as f64
                / 100.0;
        }
    }
    let guess = irr_guess(net, rows).to_f64().unwrap_or(0.01);
    let periodic = cost::irr_f64(&flows, guess)
        .and_then(Decimal::from_f64)
        .ok_or_else(|| beyond_solver(Error::new(ErrorKind::NoSolution, "", "", "")))?;
    // An effective rate beyond the decimal range (a fee of 255 times a 0.01 loan) is "too high".
    let effective = cost::growth(periodic, TWELVE)
        .and_then(|g| exact::sub(g, Decimal::ONE))
        .map_err(|e| {
            beyond_solver(Error::new(
                ErrorKind::NoSolution,
                "",
                e.message(),
                e.message_zh(),
            ))
        })?;
    Ok(Apr {
        periodic,
        nominal: exact::mul(periodic, TWELVE)?,
        effective,
    })
}

/// A starting point for the IRR solver close to the root, so Newton needs few steps: the cost of
/// credit over the balance-periods it was charged on, `(Σ paid − net) / Σ opening × length`.
fn irr_guess(net: Money, rows: &[Row]) -> Decimal {
    let (mut paid, mut balance_periods, mut previous) = (0i128, 0i128, 0i128);
    for row in rows {
        let period = i128::from(row.period);
        paid += i128::from(row.payment.fen() + row.prepayment.fen() + row.prepayment_fee.fen());
        balance_periods += i128::from(row.opening.fen()) * (period - previous);
        previous = period;
    }
    let cost = paid - i128::from(net.fen());
    match (
        Decimal::from_i128(cost),
        Decimal::from_i128(balance_periods),
    ) {
        (Some(c), Some(b)) if !b.is_zero() => exact::div(c, b).unwrap_or(Decimal::ZERO),
        _ => Decimal::ZERO,
    }
}

/// An APR the solver cannot reach is one so extreme (fees large against a few days) that no
/// figure would be meaningful; say so rather than repeat the solver's words.
fn beyond_solver(error: Error) -> Error {
    if error.kind() != ErrorKind::NoSolution {
        return error;
    }
    Error::new(
        ErrorKind::NoSolution,
        "",
        "the annualised rate is too high to compute: the cost is extreme for so short a time",
        "年化利率过高，无法计算：相对于如此短的期限，费用极高",
    )
}

/// `0.128040` → `"12.80%"`.
fn percent(rate: Decimal) -> String {
    crate::money::percent_text(rate, 2)
}

/// How far the last payment may differ from the one before it, as a share of that one, before
/// [`term_warnings`] says so: 10% (issue #14).
const FINAL_PAYMENT_TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 1);

/// Warnings when a balance-based schedule does not keep its contracted term:
///
/// * `SCHEDULE_ENDS_EARLY`: fewer rows than `periods`, unless a prepayment chose to shorten the
///   term. The rounded payment pays the balance off early (0.12 yuan over 24 periods pays
///   0.01 a month for 12), or interest on actual days falls short of what the payment assumes.
/// * `LARGE_FINAL_PAYMENT`: the last payment differs from the one before it by more than
///   [`FINAL_PAYMENT_TOLERANCE`]: with a daily rate and actual days, months of 28–31 days
///   accrue other than the 30-day month the level payment assumes, and the last period settles
///   the difference.
///
/// Interest-only and bullet loans repay the principal at the end by design (their own
/// `BALLOON_PAYMENT` warning); level methods (flat, fee instalment) keep their term.
///
/// # Errors
/// `OUT_OF_RANGE` only if an amount is too large to compare (not for a built schedule).
fn term_warnings(
    loan: &Loan,
    accrual: &Accrual,
    rows: &[Row],
    warnings: &mut Vec<Notice>,
) -> Result<()> {
    if !matches!(loan.method, Method::Annuity | Method::EqualPrincipal) {
        return Ok(());
    }
    let (why_en, why_zh) = if accrual.every_period_by_days {
        (
            "interest is charged on the actual days of each month, while the payment assumes months of equal length",
            "利息按每月实际天数计算，而月供按等长月份计算",
        )
    } else {
        (
            "each payment is rounded to the fen, and the rounding adds up",
            "每期还款四舍五入到分，误差逐期累积",
        )
    };
    let shortened = loan
        .prepayments
        .iter()
        .any(|p| p.strategy == Strategy::ShortenTerm);
    let paid = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    if paid < loan.periods && !shortened {
        let periods = loan.periods;
        warnings.push(Notice::new(
            "SCHEDULE_ENDS_EARLY",
            format!("the loan is repaid after {paid} payments, not the {periods} contracted: {why_en}; check the schedule against the lender's"),
            format!("贷款在第 {paid} 期就已还清，而不是约定的 {periods} 期：{why_zh}；请与贷款机构的还款计划核对"),
        ));
    }
    if let [.., before, last] = rows {
        let difference = last.payment.checked_sub(before.payment)?.to_decimal().abs();
        let allowed = exact::mul(before.payment.to_decimal(), FINAL_PAYMENT_TOLERANCE)?;
        if difference > allowed {
            let (amount, regular, due) = (last.payment, before.payment, last.due);
            warnings.push(Notice::new(
                "LARGE_FINAL_PAYMENT",
                format!("the last payment, {amount} on {due}, differs from the one before it ({regular}) by more than 10%: {why_en}"),
                format!("最后一期（{due}）应还 {amount}，与前一期 {regular} 相差超过 10%：{why_zh}"),
            ));
        }
    }
    Ok(())
}

/// Warnings about the cost and shape of the loan.
#[inline(never)]
fn cost_warnings(loan: &Loan, rows: &[Row], apr: &Apr, warnings: &mut Vec<Notice>) -> Result<()> {
    let nominal = apr.nominal;
    let shown = percent(nominal);
    if nominal > Decimal::new(36, 2) {
        warnings.push(Notice::new(
            "APR_ABOVE_36",
            format!("the annualised rate (IRR) is {shown}, above 36%: the old legal red line still used by regulators as a warning level"),
            format!("年化利率（IRR）为 {shown}，超过 36%：监管和媒体仍以此为警戒线"),
        ));
    } else if nominal > Decimal::new(24, 2) {
        warnings.push(Notice::new(
            "APR_ABOVE_24",
            format!("the annualised rate (IRR) is {shown}, above 24%: a warning level used by regulators"),
            format!("年化利率（IRR）为 {shown}，超过 24%：属于监管关注的高利率"),
        ));
    }
    let four_lpr = exact::mul(loan.lpr, Decimal::from(4))?;
    if nominal > four_lpr {
        let limit = percent(four_lpr);
        warnings.push(Notice::new(
            "APR_ABOVE_4X_LPR",
            format!("the annualised rate {shown} is above 4 × the 1-year LPR ({limit}): in private lending the excess is not protected by courts (licensed lenders are outside this rule)"),
            format!("年化利率 {shown} 超过一年期 LPR 的 4 倍（{limit}）：民间借贷中超出部分不受法院保护（持牌金融机构不适用此规定）"),
        ));
    }
    match loan.method {
        Method::Flat => {
            let quoted = percent(Accrual::of(loan)?.annual);
            warnings.push(Notice::new(
                "FLAT_RATE_TRUE_COST",
                format!("interest is charged on the original principal every period: the quoted {quoted} a year is really {shown} (IRR), roughly twice as much"),
                format!("每期都按最初本金计息：标称年利率 {quoted}，实际年化（IRR）为 {shown}，约为标称的两倍"),
            ));
        }
        Method::FeeInstalment => {
            let fee = match loan.fee {
                Some(f) => fee_instalment::total_rate(f, loan.periods)?,
                None => Decimal::ZERO,
            };
            let simple = percent(exact::div(
                exact::mul(fee, TWELVE)?,
                Decimal::from(loan.periods),
            )?);
            warnings.push(Notice::new(
                "FEE_RATE_IS_NOT_APR",
                format!("the instalment fee looks like {simple} a year, but you repay the principal as you go: the annualised rate (IRR) is {shown}"),
                format!("分期手续费看似年化 {simple}，但本金逐期归还，实际年化利率（IRR）为 {shown}"),
            ));
        }
        Method::InterestOnly | Method::Bullet => {
            if let Some(last) = rows.last() {
                let due = last.due;
                warnings.push(Notice::new(
                    "BALLOON_PAYMENT",
                    format!(
                        "the whole principal falls due with the last payment: {} on {due}",
                        last.payment
                    ),
                    format!("全部本金在最后一期到期：{due} 应还 {}", last.payment),
                ));
            }
        }
        _ => {}
    }
    if !loan.upfront_fee.is_zero() {
        let received = loan.principal.checked_sub(loan.upfront_fee)?;
        warnings.push(Notice::new(
            "UPFRONT_FEE",
            format!("you receive only {received} but repay {}: the upfront fee is part of the annualised rate", loan.principal),
            format!("实际到手 {received}，却要归还本金 {}：砍头费已计入年化利率", loan.principal),
        ));
    }
    if loan.odd_first_period() {
        if let Some(first) = rows.first() {
            let days = first.days;
            warnings.push(Notice::new(
                "ODD_FIRST_PERIOD",
                format!(
                    "the first period is {days} days long, so its interest differs from the others"
                ),
                format!("首期为 {days} 天，因此首期利息与其他期不同"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::parse_date;
    use crate::schedule::{FeeRate, Prepayment, RateChange};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn loan(method: Method, principal: i64, periods: u32, rate: InterestRate) -> Loan {
        let mut loan = Loan::new(
            Money::from_fen(principal),
            method,
            periods,
            parse_date("2024-01-15").unwrap(),
        );
        loan.rate = Some(rate);
        loan
    }

    #[test]
    fn ratio_rounds_exact_ties() {
        // 60.00 × 4.9% / 12 = 0.245 exactly: a tie the 28-digit decimal 0.0040833…3 would miss.
        let r = Ratio::of(d("0.049")).and_then(|r| r.over(12)).unwrap();
        assert_eq!((r.num, r.den), (49, 12_000));
        assert_eq!(
            r.apply(Money::from_fen(6_000), RoundingMode::HalfUp),
            Some(Money::from_fen(25))
        );
        assert_eq!(
            r.apply(Money::from_fen(6_000), RoundingMode::HalfEven),
            Some(Money::from_fen(24))
        );
        assert_eq!(
            r.apply(Money::from_fen(6_000), RoundingMode::Down),
            Some(Money::from_fen(24))
        );
        let huge = Ratio::of(d("0.1234567890123456789012345678")).unwrap();
        assert_eq!(
            huge.apply(Money::from_fen(1_000_000_000_000_000), RoundingMode::HalfUp),
            None,
            "falls back to decimals"
        );
    }

    #[test]
    fn decimal_fallback_agrees_off_ties() {
        let exact = loan(
            Method::Annuity,
            123_456_789,
            120,
            InterestRate::Annual(d("0.0435")),
        );
        let precise = loan(
            Method::Annuity,
            123_456_789,
            120,
            InterestRate::Monthly(d("0.003625000000000000000000000")),
        );
        let (a, b) = (build(&exact).unwrap(), build(&precise).unwrap());
        assert_eq!(a.rows, b.rows);
    }

    #[test]
    fn split_places_the_residue() {
        let first = Split::new(
            Money::from_fen(100),
            3,
            RoundingPolicy {
                mode: RoundingMode::Down,
                residue: Residue::First,
            },
        )
        .unwrap();
        assert_eq!(
            (
                first.part(1).fen(),
                first.part(2).fen(),
                first.part(3).fen()
            ),
            (34, 33, 33)
        );
        let last = Split::new(Money::from_fen(200), 3, RoundingPolicy::BANK).unwrap();
        assert_eq!((last.part(1).fen(), last.part(3).fen()), (67, 66));
        // Rounding 9 fen / 6 up to 2 would leave the absorbing part negative: parts round down.
        let tiny = Split::new(Money::from_fen(9), 6, RoundingPolicy::BANK).unwrap();
        assert_eq!((tiny.part(1).fen(), tiny.part(6).fen()), (1, 4));
    }

    #[test]
    fn odd_first_period_accrues_by_days() {
        let mut l = loan(
            Method::InterestOnly,
            3_600_000,
            3,
            InterestRate::Annual(d("0.12")),
        );
        l.first_due = Some(parse_date("2024-03-01").unwrap());
        let s = build(&l).unwrap();
        // 30/360 days from 01-15 to 03-01 = 46: 36,000 × 12% × 46/360 = 552.00; then 360.00 a month.
        assert_eq!((s.rows[0].days, s.rows[0].interest.fen()), (46, 55_200));
        assert_eq!(s.rows[1].interest.fen(), 36_000);
        assert_eq!(s.rows[1].due, parse_date("2024-04-01").unwrap());
        assert!(s.warnings.iter().any(|w| w.code == "ODD_FIRST_PERIOD"));
    }

    #[test]
    fn daily_loan_repriced_keeps_accruing_daily() {
        let mut l = loan(
            Method::EqualPrincipal,
            1_200_000,
            3,
            InterestRate::Daily(d("0.0005")),
        );
        l.rate_changes.push(RateChange {
            from_period: 2,
            annual_rate: d("0.09"),
        });
        let s = build(&l).unwrap();
        // Period 1: 12,000 × 0.05% × 31 days = 186.00; period 2: 8,000 × 9%/360 × 29 days = 58.00.
        assert_eq!(s.rows[0].interest.fen(), 18_600);
        assert_eq!((s.rows[1].days, s.rows[1].interest.fen()), (29, 5_800));
    }

    #[test]
    fn equal_principal_shorten_term_keeps_the_part() {
        let mut l = loan(
            Method::EqualPrincipal,
            1_200_000,
            12,
            InterestRate::Annual(Decimal::ZERO),
        );
        l.prepayments.push(Prepayment {
            after_period: 2,
            amount: Money::from_fen(250_000),
            strategy: Strategy::ShortenTerm,
            fee: Money::ZERO,
        });
        let s = build(&l).unwrap();
        // 12,000 − 2,000 − 2,500 = 7,500 left at 1,000 a period: 8 more rows, the last 500.
        assert_eq!(s.rows.len(), 10);
        assert_eq!(s.rows[9].payment.fen(), 50_000);
    }

    #[test]
    fn validation_names_fields() {
        let mut l = loan(Method::Annuity, 100, 12, InterestRate::Annual(d("0.05")));
        l.fee = Some(FeeRate::Total(d("0.01")));
        assert_eq!(build(&l).unwrap_err().field(), "totalFeeRate");
        let mut l = loan(Method::Annuity, 100, 12, InterestRate::Annual(d("101")));
        assert_eq!(build(&l).unwrap_err().code(), "OUT_OF_RANGE");
        l.rate = Some(InterestRate::Annual(d("0.05")));
        l.first_due = Some(l.start);
        assert_eq!(build(&l).unwrap_err().code(), "INVALID_DATE");
    }
}
