//! Overdue (逾期): what being late costs, day by day, and where the debt stands.
//!
//! Two calculations:
//! * [`assess`]: unpaid instalments of 花呗 bills, 借呗 loans, bank loans or any loan, each with its
//!   own due date, accrue a penalty (罚息 / 逾期费) by actual days from the due date, and for
//!   bank loans compound interest (复利) on the unpaid contract interest.
//! * [`card::statement`]: one credit-card statement cycle (interest-free period, full-statement or
//!   unpaid-part interest, minimum payment, 违约金).
//!
//! The rules are those of `domain.md` section 4. Most are not fixed by law, so every one is a
//! parameter with a default per product ([`Product`]):
//!
//! | product | penalty daily rate | on | 复利 on unpaid interest |
//! |---|---|---|---|
//! | 花呗 `Huabei` | 0.05% ([`HUABEI_PENALTY_DAILY_RATE`]) | the whole unpaid amount | no (the fee already covers it) |
//! | 借呗 `Jiebei` | contract daily rate × 1.5 | principal | no |
//! | bank loan | contract rate / 360 × 1.5 | principal | yes, at the penalty rate |
//! | custom | given | principal | no |
//!
//! **Accrual**: an item due on `D` and unpaid on `asOf` is `asOf − D` days past due (chrono,
//! actual days, so month ends and leap days count as they fall). Within the grace days nothing
//! accrues and the item counts as 0 days past due; after them the charge runs from the due date:
//! `charge = base × dailyRate × days`, rounded half-up to the fen once per item and kind. The
//! totals are the sums of these rounded rows, so they reconcile with the breakdown to the fen.

pub mod advice;
pub mod card;
mod stage;
pub mod timeline;

pub use stage::{bucket, Classification, BUCKETS};

use crate::calendar::days_between;
use crate::error::{Error, Result};
use crate::exact;
use crate::money::{Money, RoundingMode};
use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Huabei's overdue fee per day on the unpaid amount of the bill or instalment: 0.05% \[assume\].
pub const HUABEI_PENALTY_DAILY_RATE: Decimal = Decimal::from_parts(5, 0, 0, false, 4);
/// Penalty rate = contract rate × this, for 借呗 and bank loans (+50%, the top of the 30–50% band).
pub const DEFAULT_PENALTY_MULTIPLIER: Decimal = Decimal::from_parts(15, 0, 0, false, 1);
/// Days in the year that turns a bank's annual rate into its daily rate (annual / 360).
pub const DAILY_RATE_BASIS: i64 = 360;
/// Days in the year for [`Overdue::annualised_charge_rate`] (a calendar year, like the legal caps).
pub const ANNUALISING_DAYS: i64 = 365;

/// What kind of debt is late. The product chooses the default rules (see the module docs).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Product {
    /// 花呗 bill or instalment.
    Huabei,
    /// 借呗 cash loan.
    Jiebei,
    /// Bank loan (mortgage, consumer loan).
    BankLoan,
    /// Any other loan: the penalty rate must be given.
    Custom,
    /// A credit-card statement ([`card::statement`]); used for advice only.
    CreditCard,
}

impl Product {
    /// What bears the penalty for this product.
    pub fn penalty_base(self) -> PenaltyBase {
        match self {
            Product::Huabei | Product::CreditCard => PenaltyBase::WholeAmount,
            Product::Jiebei | Product::BankLoan | Product::Custom => PenaltyBase::Principal,
        }
    }

    /// Whether unpaid contract interest compounds at the penalty rate by default (bank loans).
    pub fn compounds_by_default(self) -> bool {
        self == Product::BankLoan
    }
}

/// What the penalty rate is applied to.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PenaltyBase {
    /// principal + interest + fee of the item (花呗's overdue fee).
    WholeAmount,
    /// The principal only (借呗 and bank 罚息); interest may compound separately, fees never bear charges.
    Principal,
}

/// The penalty rules for one debt.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct PenaltyTerms {
    /// Penalty rate per [`rate_days`](Self::rate_days) days, as a fraction: the daily rate is
    /// `rate / rate_days`. Kept as a pair so that an annual rate on a 360-day basis is divided
    /// last and stays exact (`0.0735 / 360`, not a rounded 0.000204166…).
    pub rate: Decimal,
    /// 1 for a daily rate, [`DAILY_RATE_BASIS`] (360) for an annual rate.
    pub rate_days: i64,
    pub base: PenaltyBase,
    /// Unpaid contract interest bears the penalty rate too (复利). Ignored with [`PenaltyBase::WholeAmount`].
    pub compound_overdue_interest: bool,
    /// Days after the due date during which paying counts as on time (容时).
    pub grace_days: i64,
}

/// One unpaid instalment.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct OverdueItem {
    pub due_date: NaiveDate,
    pub principal: Money,
    /// Contract interest of the instalment, unpaid.
    pub interest: Money,
    /// Fees of the instalment (e.g. 花呗 instalment fee), unpaid. Never bears charges on loans.
    pub fee: Money,
}

impl OverdueItem {
    /// principal + interest + fee.
    ///
    /// # Errors
    /// `OUT_OF_RANGE` when the sum overflows.
    pub fn amount(&self) -> Result<Money> {
        Money::sum([self.principal, self.interest, self.fee])
    }
}

/// Where one item stands on the as-of date.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ItemStatus {
    /// The due date has not passed (`asOf ≤ dueDate`).
    NotDue,
    /// Past the due date but within the grace days: nothing accrues.
    InGrace,
    /// Past the grace days: charges run from the due date.
    Overdue,
}

impl ItemStatus {
    pub fn name(self) -> &'static str {
        match self {
            ItemStatus::NotDue => "notDue",
            ItemStatus::InGrace => "inGrace",
            ItemStatus::Overdue => "overdue",
        }
    }
}

/// What a breakdown row charges.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ChargeKind {
    /// 罚息 / 逾期费 on the overdue principal (or the whole amount for 花呗).
    Penalty,
    /// 复利: penalty-rate interest on unpaid contract interest.
    Compound,
}

impl ChargeKind {
    pub fn name(self) -> &'static str {
        match self {
            ChargeKind::Penalty => "penalty",
            ChargeKind::Compound => "compound",
        }
    }
}

/// One charge: `amount = round_half_up(base × rate × days)`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct ChargeRow {
    /// Index of the item in the input.
    pub item: usize,
    /// The due date (charges run from it).
    pub from: NaiveDate,
    /// The as-of date.
    pub to: NaiveDate,
    pub days: i64,
    pub base: Money,
    /// The rate per `rate_days` days, as in [`PenaltyTerms`]; daily rate = `rate / rate_days`.
    pub rate: Decimal,
    pub rate_days: i64,
    pub amount: Money,
    pub kind: ChargeKind,
}

/// One item on the as-of date.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct ItemState {
    pub due_date: NaiveDate,
    pub status: ItemStatus,
    /// 0 unless [`ItemStatus::Overdue`].
    pub days_past_due: i64,
    /// principal + interest + fee.
    pub amount: Money,
    /// The item's penalty + compound interest.
    pub charges: Money,
}

/// The charges on one date, item by item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accrual {
    pub items: Vec<ItemState>,
    pub rows: Vec<ChargeRow>,
    pub penalty_interest: Money,
    pub compound_interest: Money,
}

impl Accrual {
    /// penalty + compound interest.
    ///
    /// # Errors
    /// `OUT_OF_RANGE` when the sum overflows.
    pub fn total_charges(&self) -> Result<Money> {
        self.penalty_interest.checked_add(self.compound_interest)
    }
}

/// Charges on `as_of` for each item (see the module docs for the rule).
///
/// # Errors
/// `OUT_OF_RANGE` when an amount would overflow exact arithmetic.
///
/// # Example
/// 花呗: 1,000.00 due 2024-02-28, still unpaid on 2024-03-01 (leap year: 2 days late):
/// 1000 × 0.0005 × 2 = 1.00.
/// ```
/// use repayment_plan::overdue::{accrue, OverdueItem, PenaltyTerms, Product, HUABEI_PENALTY_DAILY_RATE};
/// use repayment_plan::calendar::parse_date;
/// use repayment_plan::money::Money;
/// let terms = PenaltyTerms {
///     rate: HUABEI_PENALTY_DAILY_RATE,
///     rate_days: 1,
///     base: Product::Huabei.penalty_base(),
///     compound_overdue_interest: false,
///     grace_days: 0,
/// };
/// let item = OverdueItem {
///     due_date: parse_date("2024-02-28").unwrap(),
///     principal: Money::from_fen(100_000),
///     interest: Money::ZERO,
///     fee: Money::ZERO,
/// };
/// let a = accrue(&terms, &[item], parse_date("2024-03-01").unwrap()).unwrap();
/// assert_eq!((a.rows[0].days, a.penalty_interest.to_string()), (2, "1.00".to_string()));
/// ```
pub fn accrue(terms: &PenaltyTerms, items: &[OverdueItem], as_of: NaiveDate) -> Result<Accrual> {
    let mut accrual = Accrual {
        items: Vec::with_capacity(items.len()),
        rows: Vec::with_capacity(items.len() * 2),
        penalty_interest: Money::ZERO,
        compound_interest: Money::ZERO,
    };
    for (index, item) in items.iter().enumerate() {
        let amount = item.amount()?;
        let late_days = days_between(item.due_date, as_of);
        let status = if late_days <= 0 {
            ItemStatus::NotDue
        } else if late_days <= terms.grace_days {
            ItemStatus::InGrace
        } else {
            ItemStatus::Overdue
        };
        let mut state = ItemState {
            due_date: item.due_date,
            status,
            days_past_due: 0,
            amount,
            charges: Money::ZERO,
        };
        if status == ItemStatus::Overdue {
            state.days_past_due = late_days;
            let (penalty_base, compound_base) = match terms.base {
                PenaltyBase::WholeAmount => (amount, Money::ZERO),
                PenaltyBase::Principal if terms.compound_overdue_interest => {
                    (item.principal, item.interest)
                }
                PenaltyBase::Principal => (item.principal, Money::ZERO),
            };
            for (kind, base) in [
                (ChargeKind::Penalty, penalty_base),
                (ChargeKind::Compound, compound_base),
            ] {
                if base.is_zero() {
                    continue;
                }
                let row = charge_row(index, item.due_date, as_of, base, terms, kind)?;
                state.charges = state.charges.checked_add(row.amount)?;
                let total = match kind {
                    ChargeKind::Penalty => &mut accrual.penalty_interest,
                    ChargeKind::Compound => &mut accrual.compound_interest,
                };
                *total = total.checked_add(row.amount)?;
                accrual.rows.push(row);
            }
        }
        accrual.items.push(state);
    }
    Ok(accrual)
}

/// `base × rate × days(from → to) / rate_days`, rounded half-up to the fen (division last, so
/// exact ties round as a person with a calculator would).
fn charge_row(
    item: usize,
    from: NaiveDate,
    to: NaiveDate,
    base: Money,
    terms: &PenaltyTerms,
    kind: ChargeKind,
) -> Result<ChargeRow> {
    let days = days_between(from, to);
    let amount = simple_interest(base, terms.rate, days, terms.rate_days)?;
    Ok(ChargeRow {
        item,
        from,
        to,
        days,
        base,
        rate: terms.rate,
        rate_days: terms.rate_days,
        amount,
        kind,
    })
}

/// `round_half_up(base × rate × days / per_days)` to the fen: the one formula behind every
/// charge of this module (penalty, 复利, card interest, minimum payment, 违约金). The division
/// comes last, so an annual rate on a 360-day basis stays exact and ties round as on paper.
fn simple_interest(base: Money, rate: Decimal, days: i64, per_days: i64) -> Result<Money> {
    let fen = exact::mul(Decimal::from(base.fen()), rate)?;
    let fen = exact::div(
        exact::mul(fen, Decimal::from(days))?,
        Decimal::from(per_days),
    )?;
    fen.round_dp_with_strategy(0, RoundingMode::HalfUp.strategy())
        .to_i64()
        .map(Money::from_fen)
        .ok_or_else(|| Error::overflow(""))
}

/// The full picture on the as-of date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overdue {
    pub accrual: Accrual,
    /// Days past due of the oldest overdue item (0 when nothing is past its grace).
    pub days_past_due: i64,
    /// Something is past its due date but every such item is still within the grace days.
    pub in_grace: bool,
    /// What is unpaid of every item whose due date has passed (in grace or overdue).
    pub overdue_amount: Money,
    pub total_charges: Money,
    /// `overdue_amount + total_charges`: what clears every past-due item today.
    pub total_due: Money,
    /// How much the charges grow if nothing is paid until tomorrow (may include an item leaving its grace).
    pub daily_growth: Money,
    /// `total_charges × 365 / Σ(amount × days past due)` over overdue items: the charges as a
    /// simple yearly rate on what is overdue; 0 when nothing is overdue.
    pub annualised_charge_rate: Decimal,
    pub classification: Classification,
    pub bucket: &'static str,
}

/// Everything about the overdue items on `as_of`: charges, totals, growth per day, stage.
///
/// `daily_growth` = charges on `as_of + 1` − charges on `as_of`, both rounded as billed.
///
/// # Errors
/// `OUT_OF_RANGE` when an amount would overflow exact arithmetic.
///
/// # Example
/// Bank loan at 4.9% a year, penalty × 1.5 = 7.35% a year on a 360-day basis; instalment of 1,000
/// principal + 50 interest due 2025-01-31, unpaid on 2025-03-02 (30 days): penalty
/// 1000 × 0.0735 × 30 / 360 = 6.125 → 6.13; 复利 50 × 0.0735 × 30 / 360 = 0.30625 → 0.31.
/// ```
/// use repayment_plan::overdue::{assess, OverdueItem, PenaltyTerms, PenaltyBase};
/// use repayment_plan::calendar::parse_date;
/// use repayment_plan::money::Money;
/// use rust_decimal::Decimal;
/// let terms = PenaltyTerms { rate: Decimal::new(735, 4), rate_days: 360, base: PenaltyBase::Principal,
///                            compound_overdue_interest: true, grace_days: 0 };
/// let item = OverdueItem { due_date: parse_date("2025-01-31").unwrap(), principal: Money::from_fen(100_000),
///                          interest: Money::from_fen(5_000), fee: Money::ZERO };
/// let o = assess(&terms, &[item], parse_date("2025-03-02").unwrap()).unwrap();
/// assert_eq!(o.days_past_due, 30);
/// assert_eq!(o.accrual.penalty_interest.to_string(), "6.13");
/// assert_eq!(o.accrual.compound_interest.to_string(), "0.31");
/// assert_eq!(o.total_due.to_string(), "1056.44");
/// assert_eq!(o.bucket, "M1");
/// ```
pub fn assess(terms: &PenaltyTerms, items: &[OverdueItem], as_of: NaiveDate) -> Result<Overdue> {
    let accrual = accrue(terms, items, as_of)?;
    let total_charges = accrual.total_charges()?;
    let tomorrow = as_of
        .succ_opt()
        .ok_or_else(|| Error::overflow("asOfDate"))?;
    let daily_growth = accrue(terms, items, tomorrow)?
        .total_charges()?
        .checked_sub(total_charges)?;

    let past_due = accrual
        .items
        .iter()
        .filter(|s| s.status != ItemStatus::NotDue);
    let overdue_amount = Money::sum(past_due.map(|s| s.amount))?;
    let days_past_due = accrual
        .items
        .iter()
        .map(|s| s.days_past_due)
        .max()
        .unwrap_or(0);
    let in_grace = days_past_due == 0
        && accrual
            .items
            .iter()
            .any(|s| s.status == ItemStatus::InGrace);

    // Σ amount × days, in fen-days (bounded: i64 fen × days fits in i128).
    let exposure = accrual
        .items
        .iter()
        .try_fold(0i128, |sum, s| {
            sum.checked_add(i128::from(s.amount.fen()) * i128::from(s.days_past_due))
        })
        .ok_or_else(|| Error::overflow(""))?;
    let annualised_charge_rate = if exposure > 0 {
        let exposure =
            Decimal::try_from_i128_with_scale(exposure, 0).map_err(|_| Error::overflow(""))?;
        let charges = exact::mul(
            Decimal::from(total_charges.fen()),
            Decimal::from(ANNUALISING_DAYS),
        )?;
        exact::div(charges, exposure)?
    } else {
        Decimal::ZERO
    };

    Ok(Overdue {
        days_past_due,
        in_grace,
        overdue_amount,
        total_charges,
        total_due: overdue_amount.checked_add(total_charges)?,
        daily_growth,
        annualised_charge_rate,
        classification: Classification::from_days(days_past_due),
        bucket: bucket(days_past_due),
        accrual,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::parse_date;

    fn date(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn item(due: &str, principal: i64, interest: i64, fee: i64) -> OverdueItem {
        OverdueItem {
            due_date: date(due),
            principal: Money::from_fen(principal),
            interest: Money::from_fen(interest),
            fee: Money::from_fen(fee),
        }
    }

    /// 花呗's terms with `grace_days` (also used by the timeline's tests).
    pub(super) fn huabei(grace_days: i64) -> PenaltyTerms {
        PenaltyTerms {
            rate: HUABEI_PENALTY_DAILY_RATE,
            rate_days: 1,
            base: PenaltyBase::WholeAmount,
            compound_overdue_interest: false,
            grace_days,
        }
    }

    #[test]
    fn day_counts_across_month_ends_and_leap_years() {
        let terms = huabei(0);
        // 2024 is a leap year: 01-31 → 03-01 is 30 days; 2023: 29 days; 2023-12-31 → 2024-01-01 is 1.
        for (due, as_of, days) in [
            ("2024-01-31", "2024-03-01", 30),
            ("2023-01-31", "2023-03-01", 29),
            ("2023-12-31", "2024-01-01", 1),
            ("2024-02-29", "2025-02-28", 365),
            ("2023-02-28", "2024-02-29", 366),
        ] {
            let a = accrue(&terms, &[item(due, 100_000, 0, 0)], date(as_of)).unwrap();
            assert_eq!(a.rows[0].days, days, "{due} → {as_of}");
            assert_eq!(a.penalty_interest.fen(), 50 * days, "0.50 a day on 1000");
        }
    }

    #[test]
    fn several_items_with_their_own_due_dates() {
        let items = [
            item("2025-01-10", 30_000, 0, 1_000),
            item("2025-02-10", 30_000, 0, 1_000),
            item("2025-03-10", 30_000, 0, 1_000),
        ];
        let o = assess(&huabei(0), &items, date("2025-03-01")).unwrap();
        let days: Vec<_> = o.accrual.items.iter().map(|s| s.days_past_due).collect();
        assert_eq!(days, [50, 19, 0]);
        assert_eq!(o.accrual.items[2].status, ItemStatus::NotDue);
        // 310 × 0.0005 × 50 = 7.75; 310 × 0.0005 × 19 = 2.945 → 2.95.
        assert_eq!(o.accrual.penalty_interest.to_string(), "10.70");
        assert_eq!(o.overdue_amount.to_string(), "620.00");
        assert_eq!(o.total_due.to_string(), "630.70");
        assert_eq!(o.days_past_due, 50);
        assert_eq!(o.daily_growth.to_string(), "0.31"); // 310 × 0.0005 × 2 = 0.31 more tomorrow
    }

    #[test]
    fn grace_accrues_nothing_then_counts_from_due_date() {
        let items = [item("2025-03-10", 100_000, 0, 0)];
        let in_grace = assess(&huabei(3), &items, date("2025-03-13")).unwrap();
        assert!(in_grace.in_grace);
        assert_eq!(
            (in_grace.days_past_due, in_grace.total_charges),
            (0, Money::ZERO)
        );
        assert_eq!(in_grace.classification, Classification::Normal);
        assert_eq!(in_grace.overdue_amount.to_string(), "1000.00");
        // Tomorrow the grace is over and 4 days accrue at once.
        assert_eq!(in_grace.daily_growth.to_string(), "2.00");
        let after = assess(&huabei(3), &items, date("2025-03-14")).unwrap();
        assert!(!after.in_grace);
        assert_eq!(
            (after.days_past_due, after.total_charges.to_string()),
            (4, "2.00".to_string())
        );
    }

    #[test]
    fn nothing_due_is_not_an_error() {
        let o = assess(
            &huabei(0),
            &[item("2025-03-10", 100_000, 0, 0)],
            date("2025-03-10"),
        )
        .unwrap();
        assert_eq!(
            (o.days_past_due, o.in_grace, o.total_due),
            (0, false, Money::ZERO)
        );
        assert_eq!((o.bucket, o.annualised_charge_rate), ("M0", Decimal::ZERO));
    }

    #[test]
    fn fees_never_bear_loan_charges_and_compound_is_optional() {
        let rate = Decimal::new(75, 5); // 0.00075 = 0.05% × 1.5
        let mut terms = PenaltyTerms {
            rate,
            rate_days: 1,
            base: PenaltyBase::Principal,
            compound_overdue_interest: true,
            grace_days: 0,
        };
        let items = [item("2025-01-01", 100_000, 10_000, 5_000)];
        let o = assess(&terms, &items, date("2025-01-11")).unwrap();
        assert_eq!(o.accrual.penalty_interest.to_string(), "7.50"); // 1000 × 0.00075 × 10
        assert_eq!(o.accrual.compound_interest.to_string(), "0.75"); // 100 × 0.00075 × 10
        assert_eq!(o.overdue_amount.to_string(), "1150.00");
        terms.compound_overdue_interest = false;
        let o = assess(&terms, &items, date("2025-01-11")).unwrap();
        assert_eq!(
            (o.accrual.compound_interest, o.accrual.rows.len()),
            (Money::ZERO, 1)
        );
    }

    #[test]
    fn annualised_rate_of_huabei_is_18_25_percent() {
        let o = assess(
            &huabei(0),
            &[item("2025-01-01", 100_000, 0, 0)],
            date("2025-01-31"),
        )
        .unwrap();
        assert_eq!(o.annualised_charge_rate, Decimal::new(1825, 4));
    }

    #[test]
    fn overflow_is_an_error_not_a_trap() {
        let terms = PenaltyTerms {
            rate: Decimal::ONE,
            ..huabei(0)
        };
        let big = item("1900-01-01", i64::MAX / 4, 0, 0);
        assert!(assess(&terms, &[big], date("2200-12-31")).is_err());
    }
}
