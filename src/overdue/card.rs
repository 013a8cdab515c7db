//! One credit-card statement cycle: the interest-free period, interest when the statement is not
//! paid in full, the minimum payment and the 违约金 (late fee).
//!
//! Rules (`domain.md` §4, each a parameter of [`CardTerms`]):
//! * **Interest-free**: paying the whole statement balance by the due date plus the grace days
//!   (容时, default 3) costs nothing.
//! * **Otherwise** interest accrues at the daily rate (default 0.05%) from each transaction's posting
//!   date to the as-of date on the daily balance, either on the **whole statement**
//!   ([`InterestMode::Full`], 全额计息: payments reduce the balance only from the day they are made)
//!   or on the **unpaid part only** ([`InterestMode::Unpaid`]: what was paid in time is taken off
//!   from the posting date, oldest transactions first).
//! * **Minimum payment** = statement balance × minimum rate (default 10%), rounded half-up.
//! * **违约金** when less than the minimum was paid in time: late-fee rate (default 5%) of the unpaid
//!   part of the minimum, at least the late-fee minimum (default 10.00).
//! * **No interest on the late fee** (rule since 2017): it is added to the new balance only.
//!
//! Each interest segment is rounded half-up to the fen; `interest` is the sum of the rounded rows.
//!
//! The classic bank example: statement on 04-18 with one purchase of 1,000.00 posted 03-30, due
//! 05-07, minimum 100.00 paid on 05-07, interest counted to the next statement on 05-18:
//! full-statement interest 1000 × 0.05% × 38 + 900 × 0.05% × 11 = 19.00 + 4.95 = 23.95;
//! unpaid-part interest 900 × 0.05% × 49 = 22.05.
//!
//! ```
//! use repayment_plan::overdue::card::{statement, CardTerms, InterestMode, Payment, Transaction};
//! use repayment_plan::calendar::parse_date;
//! use repayment_plan::money::Money;
//! let d = |s| parse_date(s).unwrap();
//! let tx = [Transaction { posting_date: d("2025-03-30"), amount: Money::from_fen(100_000) }];
//! let pay = [Payment { date: d("2025-05-07"), amount: Money::from_fen(10_000) }];
//! let full = statement(&CardTerms::default(), d("2025-05-07"), &tx, &pay, d("2025-05-18")).unwrap();
//! assert_eq!(full.interest.to_string(), "23.95");
//! let unpaid = CardTerms { mode: InterestMode::Unpaid, ..CardTerms::default() };
//! let part = statement(&unpaid, d("2025-05-07"), &tx, &pay, d("2025-05-18")).unwrap();
//! assert_eq!(part.interest.to_string(), "22.05");
//! ```

use super::simple_interest;
use crate::calendar::days_between;
use crate::error::{Error, Result};
use crate::money::Money;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Daily interest rate of card debt: 0.05% (18.25% a year).
pub const DEFAULT_DAILY_RATE: Decimal = Decimal::from_parts(5, 0, 0, false, 4);
/// Minimum payment as a share of the statement: 10%.
pub const DEFAULT_MINIMUM_RATE: Decimal = Decimal::from_parts(10, 0, 0, false, 2);
/// 违约金 as a share of the unpaid part of the minimum payment: 5%.
pub const DEFAULT_LATE_FEE_RATE: Decimal = Decimal::from_parts(5, 0, 0, false, 2);
/// Smallest 违约金: 10.00.
pub const DEFAULT_LATE_FEE_MIN: Money = Money::from_fen(1_000);
/// Grace days (容时) after the due date: 3.
pub const DEFAULT_GRACE_DAYS: i64 = 3;

/// On what interest is charged when the statement is not paid in full.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum InterestMode {
    /// 全额计息: the whole statement from each posting date; payments count from their own date.
    #[default]
    Full,
    /// Only the part left unpaid after the grace days, from each posting date.
    Unpaid,
}

/// The card's rules.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct CardTerms {
    pub daily_rate: Decimal,
    pub mode: InterestMode,
    /// Minimum payment = statement balance × this, unless `minimum_payment` is given.
    pub minimum_rate: Decimal,
    /// The minimum payment printed on the statement (which also counts instalments, fees and any
    /// earlier unpaid minimum in full); capped at the statement balance.
    pub minimum_payment: Option<Money>,
    pub late_fee_rate: Decimal,
    pub late_fee_min: Money,
    pub grace_days: i64,
    /// Whether the end of the accrual (the as-of date) is an interest day too. China Merchants
    /// Bank's worked example counts it: purchase 1,000 posted 03-30, minimum 100 paid on the due
    /// date 04-23, interest to the next statement 05-05 = 1000 × 0.05% × 24 days + 900 × 0.05% ×
    /// 13 days (the 12 nights from 04-23, and 05-05 itself). Default `false`: the nights between.
    pub count_end_day: bool,
}

impl Default for CardTerms {
    fn default() -> CardTerms {
        CardTerms {
            daily_rate: DEFAULT_DAILY_RATE,
            mode: InterestMode::Full,
            minimum_rate: DEFAULT_MINIMUM_RATE,
            minimum_payment: None,
            late_fee_rate: DEFAULT_LATE_FEE_RATE,
            late_fee_min: DEFAULT_LATE_FEE_MIN,
            grace_days: DEFAULT_GRACE_DAYS,
            count_end_day: false,
        }
    }
}

/// A purchase or cash withdrawal on the statement.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Transaction {
    pub posting_date: NaiveDate,
    pub amount: Money,
}

/// A repayment.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Payment {
    pub date: NaiveDate,
    pub amount: Money,
}

/// What a card breakdown row charges.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CardChargeKind {
    /// Interest on the balance over `from → to`.
    Interest,
    /// 违约金: `rate` × the unpaid part of the minimum (`base`), at least the late-fee minimum.
    LateFee,
}

impl CardChargeKind {
    pub fn name(self) -> &'static str {
        match self {
            CardChargeKind::Interest => "interest",
            CardChargeKind::LateFee => "lateFee",
        }
    }
}

/// One charge of the cycle.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct CardRow {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: i64,
    pub base: Money,
    pub rate: Decimal,
    pub amount: Money,
    pub kind: CardChargeKind,
}

/// The cycle on the as-of date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// Σ transactions.
    pub statement_balance: Money,
    pub minimum_payment: Money,
    /// Σ payments up to the as-of date.
    pub paid: Money,
    /// Σ payments made by the due date + grace days.
    pub paid_on_time: Money,
    /// The whole statement was paid by the due date + grace days.
    pub paid_in_full: bool,
    /// The grace days are over: interest and 违约金 are decided.
    pub settled: bool,
    /// The as-of date is after the due date but within the grace days.
    pub in_grace: bool,
    /// Days since the due date while the minimum is still not paid (after the grace days); 0 otherwise.
    pub days_past_due: i64,
    pub interest: Money,
    pub late_fee: Money,
    /// `statement_balance − paid + interest + late_fee` (negative = money in your favour).
    pub new_balance: Money,
    pub rows: Vec<CardRow>,
}

/// The statement cycle of `transactions` due on `due_date`, seen on `as_of` (see the module docs).
/// Transactions and payments may come in any order.
///
/// # Errors
/// `OUT_OF_RANGE` when an amount would overflow exact arithmetic.
///
/// # Example
/// 违约金: statement 5,000.00, minimum 500.00, only 200.00 paid by the due date: the unpaid
/// minimum is 300.00 and the fee 5% × 300 = 15.00; a statement of 150.00 left unpaid gets the
/// minimum fee: 5% × 15.00 = 0.75 → 10.00.
/// ```
/// use repayment_plan::overdue::card::{statement, CardTerms, Payment, Transaction};
/// use repayment_plan::calendar::parse_date;
/// use repayment_plan::money::Money;
/// let d = |s| parse_date(s).unwrap();
/// let tx = [Transaction { posting_date: d("2025-06-05"), amount: Money::from_fen(500_000) }];
/// let pay = [Payment { date: d("2025-07-15"), amount: Money::from_fen(20_000) }];
/// let s = statement(&CardTerms::default(), d("2025-07-15"), &tx, &pay, d("2025-07-20")).unwrap();
/// assert_eq!((s.minimum_payment.to_string(), s.late_fee.to_string()), ("500.00".into(), "15.00".into()));
/// let small = [Transaction { posting_date: d("2025-06-05"), amount: Money::from_fen(15_000) }];
/// let s = statement(&CardTerms::default(), d("2025-07-15"), &small, &[], d("2025-07-20")).unwrap();
/// assert_eq!(s.late_fee.to_string(), "10.00");
/// ```
pub fn statement(
    terms: &CardTerms,
    due_date: NaiveDate,
    transactions: &[Transaction],
    payments: &[Payment],
    as_of: NaiveDate,
) -> Result<Statement> {
    let statement_balance = Money::sum(transactions.iter().map(|t| t.amount))?;
    let minimum_payment = match terms.minimum_payment {
        Some(given) => given,
        None => simple_interest(statement_balance, terms.minimum_rate, 1, 1)?,
    }
    .min(statement_balance);
    let grace_end = due_date
        .checked_add_days(chrono::Days::new(terms.grace_days.unsigned_abs()))
        .ok_or_else(|| Error::overflow("graceDays"))?;
    let on_time = |p: &&Payment| p.date <= grace_end;
    let paid = Money::sum(payments.iter().map(|p| p.amount))?;
    let paid_on_time = Money::sum(payments.iter().filter(on_time).map(|p| p.amount))?;
    let paid_in_full = paid_on_time >= statement_balance;
    let settled = as_of > grace_end;
    let in_grace = as_of > due_date && !settled;

    let mut rows = Vec::new();
    let mut interest = Money::ZERO;
    let mut late_fee = Money::ZERO;
    let mut days_past_due = 0;
    if settled && !paid_in_full {
        for row in interest_rows(
            terms,
            transactions,
            payments,
            paid_on_time,
            grace_end,
            as_of,
        )? {
            interest = interest.checked_add(row.amount)?;
            rows.push(row);
        }
    }
    if settled && paid_on_time < minimum_payment {
        let unpaid_minimum = minimum_payment.checked_sub(paid_on_time)?;
        let fee = simple_interest(unpaid_minimum, terms.late_fee_rate, 1, 1)?;
        late_fee = fee.max(terms.late_fee_min);
        rows.push(CardRow {
            from: due_date,
            to: grace_end,
            days: 0,
            base: unpaid_minimum,
            rate: terms.late_fee_rate,
            amount: late_fee,
            kind: CardChargeKind::LateFee,
        });
        if minimum_covered_on(payments, minimum_payment)?.map_or(true, |date| date > as_of) {
            days_past_due = days_between(due_date, as_of);
        }
    }
    let new_balance = statement_balance
        .checked_sub(paid)?
        .checked_add(interest)?
        .checked_add(late_fee)?;
    Ok(Statement {
        statement_balance,
        minimum_payment,
        paid,
        paid_on_time,
        paid_in_full,
        settled,
        in_grace,
        days_past_due,
        interest,
        late_fee,
        new_balance,
        rows,
    })
}

/// The date on which payments, in date order, first add up to `minimum`.
fn minimum_covered_on(payments: &[Payment], minimum: Money) -> Result<Option<NaiveDate>> {
    let mut total = Money::ZERO;
    for (date, _, fen) in by_date(payments.iter().map(|p| (p.date, 1, p.amount.fen()))) {
        total = total.checked_add(Money::from_fen(fen))?;
        if total >= minimum {
            return Ok(Some(date));
        }
    }
    Ok(None)
}

/// Dated amounts `(date, order on the same day, fen)` in date order (then by order and amount:
/// tuples that compare equal are the same value, so an unstable sort gives the same list).
fn by_date(list: impl Iterator<Item = (NaiveDate, u8, i64)>) -> Vec<(NaiveDate, u8, i64)> {
    let mut sorted: Vec<_> = list.collect();
    sorted.sort_unstable();
    sorted
}

/// Interest on the daily balance from the first posting date to `as_of`, one row per stretch of
/// constant balance.
fn interest_rows(
    terms: &CardTerms,
    transactions: &[Transaction],
    payments: &[Payment],
    paid_on_time: Money,
    grace_end: NaiveDate,
    as_of: NaiveDate,
) -> Result<Vec<CardRow>> {
    // Balance changes: (date, order, change in fen); postings sort before payments on the same day.
    let mut changes: Vec<(NaiveDate, u8, i64)> =
        Vec::with_capacity(transactions.len() + payments.len());
    let mut paid_off = paid_on_time.fen();
    let postings = transactions
        .iter()
        .map(|t| (t.posting_date, 0, t.amount.fen()));
    for (date, order, fen) in by_date(postings) {
        let base = match terms.mode {
            InterestMode::Full => fen,
            // Unpaid mode: on-time payments cover the oldest transactions first.
            InterestMode::Unpaid => {
                let covered = paid_off.min(fen);
                paid_off -= covered;
                fen - covered
            }
        };
        changes.push((date, order, base));
    }
    for p in payments {
        // In unpaid mode the on-time payments are already taken off the bases.
        if terms.mode == InterestMode::Full || p.date > grace_end {
            changes.push((p.date, 1, -p.amount.fen()));
        }
    }
    changes.sort_unstable();
    // Counting the end day: the accrual runs to the day after it.
    let end = if terms.count_end_day {
        as_of
            .succ_opt()
            .ok_or_else(|| Error::overflow("asOfDate"))?
    } else {
        as_of
    };

    let mut rows = Vec::new();
    let mut balance: i64 = 0;
    for (i, &(date, _, change)) in changes.iter().enumerate() {
        balance = balance
            .checked_add(change)
            .ok_or_else(|| Error::overflow(""))?
            .max(0);
        let next = changes.get(i + 1).map_or(end, |c| c.0).min(end);
        if balance == 0 || next <= date {
            continue;
        }
        let days = days_between(date, next);
        let base = Money::from_fen(balance);
        let amount = simple_interest(base, terms.daily_rate, days, 1)?;
        rows.push(CardRow {
            from: date,
            to: next,
            days,
            base,
            rate: terms.daily_rate,
            amount,
            kind: CardChargeKind::Interest,
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::parse_date;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }
    fn tx(date: &str, fen: i64) -> Transaction {
        Transaction {
            posting_date: d(date),
            amount: Money::from_fen(fen),
        }
    }
    fn pay(date: &str, fen: i64) -> Payment {
        Payment {
            date: d(date),
            amount: Money::from_fen(fen),
        }
    }

    #[test]
    fn paid_in_full_within_grace_costs_nothing() {
        let s = statement(
            &CardTerms::default(),
            d("2025-05-07"),
            &[tx("2025-03-30", 100_000)],
            &[pay("2025-05-10", 100_000)],
            d("2025-05-18"),
        )
        .unwrap();
        assert!(s.paid_in_full && s.settled);
        assert_eq!(
            (s.interest, s.late_fee, s.new_balance),
            (Money::ZERO, Money::ZERO, Money::ZERO)
        );
        // One day later than the grace: interest on everything, the payment counts from its date.
        let s = statement(
            &CardTerms::default(),
            d("2025-05-07"),
            &[tx("2025-03-30", 100_000)],
            &[pay("2025-05-11", 100_000)],
            d("2025-05-18"),
        )
        .unwrap();
        assert!(!s.paid_in_full);
        assert_eq!(s.interest.to_string(), "21.00"); // 1000 × 0.0005 × 42
        assert_eq!(
            s.late_fee.to_string(),
            "10.00",
            "the minimum was not paid in time either"
        );
    }

    #[test]
    fn full_and_unpaid_modes_with_two_transactions() {
        let txs = [tx("2025-04-10", 60_000), tx("2025-03-30", 40_000)];
        let pays = [pay("2025-05-07", 50_000)];
        let full = statement(
            &CardTerms::default(),
            d("2025-05-07"),
            &txs,
            &pays,
            d("2025-05-18"),
        )
        .unwrap();
        // 400 × 11 days (03-30 → 04-10) + 1000 × 27 (04-10 → 05-07) + 500 × 11 (05-07 → 05-18), × 0.0005
        let amounts: Vec<String> = full.rows.iter().map(|r| r.amount.to_string()).collect();
        assert_eq!(amounts, ["2.20", "13.50", "2.75"]);
        assert_eq!(full.interest.to_string(), "18.45");
        let unpaid = CardTerms {
            mode: InterestMode::Unpaid,
            ..CardTerms::default()
        };
        let part = statement(&unpaid, d("2025-05-07"), &txs, &pays, d("2025-05-18")).unwrap();
        // 500 paid covers the 400 of 03-30 and 100 of 04-10: 500 × 38 days (04-10 → 05-18) = 9.50.
        assert_eq!(part.interest.to_string(), "9.50");
    }

    #[test]
    fn late_fee_bears_no_interest() {
        let txs = [tx("2025-06-05", 500_000)];
        let base = statement(
            &CardTerms::default(),
            d("2025-07-15"),
            &txs,
            &[],
            d("2025-08-20"),
        )
        .unwrap();
        let dear = CardTerms {
            late_fee_min: Money::from_fen(100_000),
            ..CardTerms::default()
        };
        let other = statement(&dear, d("2025-07-15"), &txs, &[], d("2025-08-20")).unwrap();
        assert_eq!(base.late_fee.to_string(), "25.00");
        assert_eq!(other.late_fee.to_string(), "1000.00");
        assert_eq!(base.interest, other.interest);
        assert_eq!(
            other
                .new_balance
                .checked_sub(base.new_balance)
                .unwrap()
                .to_string(),
            "975.00"
        );
        assert_eq!(base.days_past_due, 36);
    }

    #[test]
    fn minimum_from_the_statement_overrides_the_rate() {
        let terms = CardTerms {
            minimum_payment: Some(Money::from_fen(30_000)),
            ..CardTerms::default()
        };
        let s = statement(
            &terms,
            d("2025-05-07"),
            &[tx("2025-03-30", 100_000)],
            &[pay("2025-05-07", 10_000)],
            d("2025-05-18"),
        )
        .unwrap();
        // 300.00 minimum, 100.00 paid: 5% × 200.00 = 10.00.
        assert_eq!(
            (s.minimum_payment.to_string(), s.late_fee.to_string()),
            ("300.00".into(), "10.00".into())
        );
        let capped = CardTerms {
            minimum_payment: Some(Money::from_fen(500_000)),
            ..CardTerms::default()
        };
        let s = statement(
            &capped,
            d("2025-05-07"),
            &[tx("2025-03-30", 100_000)],
            &[],
            d("2025-05-18"),
        )
        .unwrap();
        assert_eq!(s.minimum_payment.to_string(), "1000.00");
    }

    #[test]
    fn nothing_decided_before_the_grace_ends() {
        let s = statement(
            &CardTerms::default(),
            d("2025-05-07"),
            &[tx("2025-03-30", 100_000)],
            &[],
            d("2025-05-09"),
        )
        .unwrap();
        assert!(s.in_grace && !s.settled);
        assert_eq!(
            (s.interest, s.late_fee, s.days_past_due),
            (Money::ZERO, Money::ZERO, 0)
        );
    }

    #[test]
    fn minimum_paid_late_cures_days_past_due_but_not_the_fee() {
        let s = statement(
            &CardTerms::default(),
            d("2025-05-07"),
            &[tx("2025-03-30", 100_000)],
            &[pay("2025-05-12", 10_000)],
            d("2025-05-18"),
        )
        .unwrap();
        assert_eq!(
            (s.late_fee.to_string(), s.days_past_due),
            ("10.00".to_string(), 0)
        );
    }
}
