//! JSON front of [`crate::overdue`]: `overdue` (late instalments of 花呗, 借呗, bank loans or any
//! loan) and `cardInterest` (one credit-card statement cycle). Field list, defaults and bounds:
//! the README (section "Overdue").

use super::input::{bool_value, date_value, option_value, read_list, read_object, Fields};
use super::output::notices;
use crate::error::{Error, ErrorKind, Result};
use crate::exact;
use crate::json::{JsonWriter, Value};
use crate::money::Money;
use crate::notice::Notice;
use crate::overdue::advice::{self, Situation};
use crate::overdue::card::{self, CardTerms, InterestMode, Payment, Transaction};
use crate::overdue::{
    self as core, Classification, ItemStatus, OverdueItem, PenaltyTerms, Product,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Largest amount of one item, transaction or payment: 10 billion yuan.
const AMOUNT_MAX: &str = "10000000000";
/// Most instalments, transactions or payments in one call.
const MAX_ITEMS: usize = 1000;
/// Places of the daily rates in breakdown rows (6 would hide digits of 0.0735 / 360).
const DAILY_RATE_PLACES: u32 = 10;
/// Default 1-year LPR for the 4 × LPR comparison: 3.0% (since 2025-05-20).
const DEFAULT_LPR: Decimal = Decimal::from_parts(3, 0, 0, false, 2);

fn money_field(f: &mut Fields, key: &'static str, min: &str) -> Result<Option<Money>> {
    f.opt_money(key, min, AMOUNT_MAX)
}

fn rate_field(f: &mut Fields, key: &'static str, max: &str) -> Result<Option<Decimal>> {
    f.opt_decimal(key, "0", max)
}

fn date_order_error(path: String, en: &str, zh: &str) -> Error {
    Error::new(ErrorKind::InvalidDate, path, en, zh)
}

/// The penalty rule from the product and the optional rate fields (see the docs table).
fn penalty_terms(f: &mut Fields, product: Product) -> Result<PenaltyTerms> {
    let daily = rate_field(f, "penaltyDailyRate", "0.1")?;
    let contract_key = f.one_of(&["contractAnnualRate", "contractDailyRate"])?;
    let contract_annual = rate_field(f, "contractAnnualRate", "10")?;
    let contract_daily = rate_field(f, "contractDailyRate", "0.1")?;
    let multiplier = f.opt_decimal("penaltyMultiplier", "1", "10")?;
    let compound = f.opt("compoundOverdueInterest", &bool_value)?;
    let grace_days = f.opt_integer("graceDays", 0, 90)?.unwrap_or(0);

    if daily.is_some() {
        if let Some(other) = contract_key.or(multiplier.map(|_| "penaltyMultiplier")) {
            return Err(Error::new(
                ErrorKind::ConflictingFields,
                f.path(other),
                format!("give either penaltyDailyRate or a contract rate with penaltyMultiplier, not both ({other})"),
                format!("penaltyDailyRate 与合同利率（及 penaltyMultiplier）只能填写一种（{other}）"),
            ));
        }
    }
    let natural_key = if product == Product::BankLoan {
        "contractAnnualRate"
    } else {
        "contractDailyRate"
    };
    if multiplier.is_some() && contract_key.is_none() {
        return Err(Error::new(
            ErrorKind::MissingField,
            f.path(natural_key),
            "penaltyMultiplier needs the contract rate: give contractDailyRate or contractAnnualRate",
            "填写 penaltyMultiplier 时须同时填写合同利率 contractDailyRate 或 contractAnnualRate",
        ));
    }
    if product == Product::Huabei && compound == Some(true) {
        return Err(Error::new(
            ErrorKind::ConflictingFields,
            f.path("compoundOverdueInterest"),
            "huabei's overdue fee already applies to the whole unpaid amount, interest and fees included",
            "花呗逾期费已按全部未还金额（含利息和手续费）计算，不能再计复利",
        ));
    }
    let multiplier = multiplier.unwrap_or(core::DEFAULT_PENALTY_MULTIPLIER);
    let times = |rate: Decimal| exact::mul(rate, multiplier);
    let (rate, rate_days) = match (daily, contract_daily, contract_annual, product) {
        (Some(d), _, _, _) => (d, 1),
        (None, Some(c), _, _) => (times(c)?, 1),
        (None, None, Some(a), _) => (times(a)?, core::DAILY_RATE_BASIS),
        (None, None, None, Product::Huabei) => (core::HUABEI_PENALTY_DAILY_RATE, 1),
        (None, None, None, _) => {
            let key = if product == Product::Custom {
                "penaltyDailyRate"
            } else {
                natural_key
            };
            return Err(Error::new(
                ErrorKind::MissingField,
                f.path(key),
                "the penalty rate is needed: give contractDailyRate or contractAnnualRate (penalty = contract rate × penaltyMultiplier), or penaltyDailyRate",
                "需要罚息利率：请填写 contractDailyRate 或 contractAnnualRate（罚息利率 = 合同利率 × penaltyMultiplier），或直接填写 penaltyDailyRate",
            ));
        }
    };
    Ok(PenaltyTerms {
        rate,
        rate_days,
        base: product.penalty_base(),
        compound_overdue_interest: compound.unwrap_or(product.compounds_by_default()),
        grace_days,
    })
}

fn read_item(value: &Value, path: &str) -> Result<OverdueItem> {
    read_object(value, path, &mut |f| {
        Ok(OverdueItem {
            due_date: f.req("dueDate", &date_value)?,
            principal: f.req_money("principal", "0", AMOUNT_MAX)?,
            interest: money_field(f, "interest", "0")?.unwrap_or(Money::ZERO),
            fee: money_field(f, "fee", "0")?.unwrap_or(Money::ZERO),
        })
    })
}

fn write_stage(w: &mut JsonWriter, days_past_due: i64) {
    w.key("stage");
    w.begin_object();
    w.key("classification");
    w.string(Classification::from_days(days_past_due).name());
    w.key("bucket");
    w.string(core::bucket(days_past_due));
    w.end_object();
}

/// The daily rate `rate / rate_days`.
fn daily_rate(rate: Decimal, rate_days: i64) -> Result<Decimal> {
    exact::div(rate, Decimal::from(rate_days))
}

/// One breakdown row of either function.
struct ChargeLine {
    from: NaiveDate,
    to: NaiveDate,
    days: i64,
    base: Money,
    rate: Decimal,
    amount: Money,
}

/// `{item?, from, to, days, base, rate, amount, kind}`; the rate with [`DAILY_RATE_PLACES`] decimals.
fn write_charge(w: &mut JsonWriter, item: Option<usize>, line: &ChargeLine, kind: &str) {
    w.begin_object();
    if let Some(item) = item {
        w.key("item");
        w.count(item as i64);
    }
    w.key("from");
    w.date(line.from);
    w.key("to");
    w.date(line.to);
    w.key("days");
    w.count(line.days);
    w.key("base");
    w.money(line.base);
    w.key("rate");
    w.decimal_fixed(line.rate, DAILY_RATE_PLACES);
    w.key("amount");
    w.money(line.amount);
    w.key("kind");
    w.string(kind);
    w.end_object();
}

/// `overdue({ product, asOfDate, items, penaltyDailyRate?, contractAnnualRate? | contractDailyRate?,
/// penaltyMultiplier?, compoundOverdueInterest?, graceDays?, lpr? })`
pub fn overdue(input: &Value) -> Result<String> {
    let (product, as_of, items, terms, lpr) = read_object(input, "", &mut |f| {
        let product = f.req("product", &|v, p| {
            option_value(
                v,
                p,
                &[
                    ("huabei", Product::Huabei),
                    ("jiebei", Product::Jiebei),
                    ("bankLoan", Product::BankLoan),
                    ("custom", Product::Custom),
                ],
            )
        })?;
        let as_of = f.req("asOfDate", &date_value)?;
        let items = read_list(f, "items", MAX_ITEMS, false, &mut read_item)?;
        let terms = penalty_terms(f, product)?;
        let lpr = rate_field(f, "lpr", "1")?.unwrap_or(DEFAULT_LPR);
        Ok((product, as_of, items, terms, lpr))
    })?;

    let result = core::assess(&terms, &items, as_of)?;
    let accrual = &result.accrual;
    let mut w = JsonWriter::with_capacity(2048 + 256 * items.len());
    w.begin_object();
    w.key("asOfDate");
    w.date(as_of);
    w.key("daysPastDue");
    w.count(result.days_past_due);
    w.key("inGrace");
    w.bool(result.in_grace);
    w.key("overdueAmount");
    w.money(result.overdue_amount);
    w.key("penaltyInterest");
    w.money(accrual.penalty_interest);
    w.key("compoundInterest");
    w.money(accrual.compound_interest);
    w.key("totalCharges");
    w.money(result.total_charges);
    w.key("totalDue");
    w.money(result.total_due);
    w.key("dailyGrowth");
    w.money(result.daily_growth);
    w.key("annualisedChargeRate");
    w.rate(result.annualised_charge_rate);
    w.key("penaltyDailyRate");
    w.decimal_fixed(daily_rate(terms.rate, terms.rate_days)?, DAILY_RATE_PLACES);
    w.key("compoundOverdueInterest");
    w.bool(terms.compound_overdue_interest && terms.base == core::PenaltyBase::Principal);
    w.key("items");
    w.begin_array();
    for (i, s) in accrual.items.iter().enumerate() {
        w.begin_object();
        w.key("item");
        w.count(i as i64);
        w.key("dueDate");
        w.date(s.due_date);
        w.key("status");
        w.string(s.status.name());
        w.key("daysPastDue");
        w.count(s.days_past_due);
        w.key("amount");
        w.money(s.amount);
        w.key("charges");
        w.money(s.charges);
        w.end_object();
    }
    w.end_array();
    w.key("breakdown");
    w.begin_array();
    for row in &accrual.rows {
        let daily = daily_rate(row.rate, row.rate_days)?;
        let line = ChargeLine {
            from: row.from,
            to: row.to,
            days: row.days,
            base: row.base,
            rate: daily,
            amount: row.amount,
        };
        write_charge(&mut w, Some(row.item), &line, row.kind.name());
    }
    w.end_array();
    write_stage(&mut w, result.days_past_due);

    let mut warnings: Vec<Notice> = Vec::new();
    if result.days_past_due > 0 {
        warnings.extend(advice::charge_warnings(result.annualised_charge_rate, lpr));
    }
    if accrual
        .items
        .iter()
        .any(|s| s.status == ItemStatus::InGrace)
    {
        warnings.push(advice::grace_warning(terms.grace_days));
    }
    notices(&mut w, "warnings", &warnings);
    let situation = if result.days_past_due > 0 {
        Situation::Overdue(result.days_past_due)
    } else if result.in_grace {
        Situation::InGrace
    } else {
        Situation::NothingPastDue
    };
    notices(&mut w, "nextSteps", &advice::next_steps(product, situation));
    w.end_object();
    Ok(w.finish())
}

/// The card's dates, checked for order.
struct Cycle {
    statement_date: NaiveDate,
    due_date: NaiveDate,
    as_of: NaiveDate,
}

fn read_cycle(f: &mut Fields) -> Result<Cycle> {
    let statement_date = f.req("statementDate", &date_value)?;
    let due_date = f.req("dueDate", &date_value)?;
    let next_statement = f.req("nextStatementDate", &date_value)?;
    let as_of = f.opt("asOfDate", &date_value)?.unwrap_or(next_statement);
    if due_date <= statement_date {
        return Err(date_order_error(
            f.path("dueDate"),
            "dueDate must be after statementDate",
            "dueDate 须晚于 statementDate",
        ));
    }
    if next_statement <= statement_date {
        return Err(date_order_error(
            f.path("nextStatementDate"),
            "nextStatementDate must be after statementDate",
            "nextStatementDate 须晚于 statementDate",
        ));
    }
    if as_of < statement_date {
        return Err(date_order_error(
            f.path("asOfDate"),
            "asOfDate must not be before statementDate",
            "asOfDate 不能早于 statementDate",
        ));
    }
    Ok(Cycle {
        statement_date,
        due_date,
        as_of,
    })
}

fn read_transactions(f: &mut Fields, cycle: &Cycle) -> Result<Vec<Transaction>> {
    read_list(f, "transactions", MAX_ITEMS, false, &mut |v, path| {
        read_object(v, path, &mut |t| {
            let posting_date = t.req("postingDate", &date_value)?;
            if posting_date > cycle.statement_date {
                return Err(date_order_error(
                    t.path("postingDate"),
                    "a transaction on this statement must be posted on or before statementDate",
                    "本期账单的交易入账日期不能晚于 statementDate",
                ));
            }
            let amount = t.req_money("amount", "0.01", AMOUNT_MAX)?;
            Ok(Transaction {
                posting_date,
                amount,
            })
        })
    })
}

fn read_payments(f: &mut Fields, cycle: &Cycle) -> Result<Vec<Payment>> {
    read_list(f, "payments", MAX_ITEMS, true, &mut |v, path| {
        read_object(v, path, &mut |p| {
            let date = p.req("date", &date_value)?;
            if date < cycle.statement_date || date > cycle.as_of {
                return Err(date_order_error(
                    p.path("date"),
                    "a payment must be dated between statementDate and asOfDate",
                    "还款日期须在 statementDate 与 asOfDate 之间",
                ));
            }
            let amount = p.req_money("amount", "0.01", AMOUNT_MAX)?;
            Ok(Payment { date, amount })
        })
    })
}

fn read_card_terms(f: &mut Fields) -> Result<CardTerms> {
    let defaults = CardTerms::default();
    Ok(CardTerms {
        mode: f.req("interestMode", &|v, p| {
            option_value(
                v,
                p,
                &[
                    ("full", InterestMode::Full),
                    ("unpaid", InterestMode::Unpaid),
                ],
            )
        })?,
        daily_rate: rate_field(f, "dailyRate", "0.01")?.unwrap_or(defaults.daily_rate),
        minimum_rate: {
            f.one_of(&["minimumRate", "minimumPayment"])?;
            rate_field(f, "minimumRate", "1")?.unwrap_or(defaults.minimum_rate)
        },
        minimum_payment: money_field(f, "minimumPayment", "0")?,
        late_fee_rate: rate_field(f, "lateFeeRate", "1")?.unwrap_or(defaults.late_fee_rate),
        late_fee_min: f
            .opt_money("lateFeeMin", "0", "100000")?
            .unwrap_or(defaults.late_fee_min),
        grace_days: f
            .opt_integer("graceDays", 0, 30)?
            .unwrap_or(defaults.grace_days),
    })
}

/// `cardInterest({ statementDate, dueDate, nextStatementDate, asOfDate?, transactions, payments?,
/// dailyRate?, interestMode, minimumRate? | minimumPayment?, lateFeeRate?, lateFeeMin?, graceDays? })`
pub fn card_interest(input: &Value) -> Result<String> {
    let (cycle, transactions, payments, terms) = read_object(input, "", &mut |f| {
        let cycle = read_cycle(f)?;
        let transactions = read_transactions(f, &cycle)?;
        let payments = read_payments(f, &cycle)?;
        let terms = read_card_terms(f)?;
        Ok((cycle, transactions, payments, terms))
    })?;

    let s = card::statement(
        &terms,
        cycle.due_date,
        &transactions,
        &payments,
        cycle.as_of,
    )?;
    let mut w = JsonWriter::with_capacity(2048 + 192 * (transactions.len() + payments.len()));
    w.begin_object();
    w.key("asOfDate");
    w.date(cycle.as_of);
    w.money_fields(&[
        ("statementBalance", s.statement_balance),
        ("minimumPayment", s.minimum_payment),
        ("paid", s.paid),
        ("paidOnTime", s.paid_on_time),
    ]);
    w.key("paidInFull");
    w.bool(s.paid_in_full);
    w.key("settled");
    w.bool(s.settled);
    w.key("inGrace");
    w.bool(s.in_grace);
    w.key("daysPastDue");
    w.count(s.days_past_due);
    w.money_fields(&[
        ("interest", s.interest),
        ("lateFee", s.late_fee),
        ("newBalance", s.new_balance),
    ]);
    w.key("breakdown");
    w.begin_array();
    for row in &s.rows {
        let line = ChargeLine {
            from: row.from,
            to: row.to,
            days: row.days,
            base: row.base,
            rate: row.rate,
            amount: row.amount,
        };
        write_charge(&mut w, None, &line, row.kind.name());
    }
    w.end_array();
    write_stage(&mut w, s.days_past_due);

    let unpaid = s.paid < s.statement_balance;
    let mut warnings = Vec::new();
    if s.in_grace && unpaid {
        warnings.push(advice::grace_warning(terms.grace_days));
    }
    if s.settled && !s.paid_in_full && terms.mode == InterestMode::Full && !s.paid_on_time.is_zero()
    {
        warnings.push(Notice::new(
            advice::FULL_STATEMENT_INTEREST,
            "The statement was not paid in full in time, so interest is charged on the whole statement from each posting date, including the part you paid (全额计息).",
            "本期账单未在期限内全额还清，按全额计息：整笔账单从各笔交易入账日起计息，已还部分也要计息。",
        ));
    }
    if !s.late_fee.is_zero() {
        warnings.push(Notice::new(
            advice::MINIMUM_NOT_PAID,
            "Less than the minimum payment was paid by the end of the grace days: a late fee (违约金) is charged and the payment counts as overdue.",
            "宽限期结束前的还款不足最低还款额：产生违约金，并记为逾期。",
        ));
    }
    notices(&mut w, "warnings", &warnings);
    let owes = s.new_balance.fen() > 0;
    let situation = if s.days_past_due > 0 {
        Situation::Overdue(s.days_past_due)
    } else if !owes {
        Situation::PaidOff
    } else if s.in_grace {
        Situation::InGrace
    } else if s.settled {
        Situation::MinimumPaid
    } else {
        Situation::NothingPastDue
    };
    notices(
        &mut w,
        "nextSteps",
        &advice::next_steps(Product::CreditCard, situation),
    );
    w.end_object();
    Ok(w.finish())
}
