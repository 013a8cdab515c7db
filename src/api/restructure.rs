//! JSON front of [`crate::plan::restructure`]: `restructure(input)`.

use super::input::{array_value, date_value, index, option_value, Fields};
use super::output::notices;
use super::schedule::{
    rounding_field, write_apr, write_rows, write_totals, writer_for, AMOUNT_MAX,
};
use crate::error::{Error, ErrorKind, Result};
use crate::json::Value;
use crate::money::{Money, RoundingPolicy};
use crate::plan::restructure::{
    period_limit_error, restructure as plan, Charge, Debt, Request, Term, Waive, MAX_PERIODS,
};

#[derive(Copy, Clone)]
enum Part {
    Interest,
    Fees,
    Penalties,
}

fn read(f: &mut Fields) -> Result<Request> {
    let principal = f.req_money("principal", "0.01", AMOUNT_MAX)?;
    let mut part = |key: &'static str| -> Result<Money> {
        Ok(f.opt_money(key, "0", AMOUNT_MAX)?.unwrap_or(Money::ZERO))
    };
    let debt = Debt {
        principal,
        interest: part("interest")?,
        fees: part("fees")?,
        penalties: part("penalties")?,
    };

    let mut waive = Waive::default();
    if let Some(items) = f.opt("waive", &|v, p| array_value(v, p, 0, 3))? {
        let path = f.path("waive");
        let parts = [
            ("interest", Part::Interest),
            ("fees", Part::Fees),
            ("penalties", Part::Penalties),
        ];
        for (i, item) in items.iter().enumerate() {
            match option_value(item, &index(&path, i), &parts)? {
                Part::Interest => waive.interest = true,
                Part::Fees => waive.fees = true,
                Part::Penalties => waive.penalties = true,
            }
        }
    }

    let term = match f.one_of(&["periods", "targetPayment"])? {
        Some("periods") => {
            // Read wide so that 61…600 gets the message citing the 5-year limit.
            let n = f.req_integer("periods", 1, 600)?;
            Term::Periods(n as u32)
        }
        Some(_) => Term::TargetPayment(f.req_money("targetPayment", "0.01", AMOUNT_MAX)?),
        None => {
            return Err(Error::new(
                ErrorKind::MissingField,
                "periods",
                "give periods (at most 60) or targetPayment",
                "请填写 periods（最多 60 期）或 targetPayment",
            ))
        }
    };
    if let Term::Periods(n) = term {
        if n > MAX_PERIODS {
            return Err(period_limit_error(&f.path("periods")));
        }
    }

    let charge = match f.one_of(&["feeRate", "annualRate"])? {
        Some("feeRate") => Charge::FeeRate(f.req_decimal("feeRate", "0", "1")?),
        Some(_) => Charge::AnnualRate(f.req_decimal("annualRate", "0", "36")?),
        None => Charge::Freeze,
    };
    // A 0 rate is a freeze however it is written.
    let charge = match charge {
        Charge::FeeRate(r) | Charge::AnnualRate(r) if r.is_zero() => Charge::Freeze,
        other => other,
    };
    let down_payment = f
        .opt_money("downPayment", "0", AMOUNT_MAX)?
        .unwrap_or(Money::ZERO);
    let start = f.req("startDate", &date_value)?;
    let default = match charge {
        Charge::AnnualRate(_) => RoundingPolicy::BANK,
        _ => RoundingPolicy::ALIPAY,
    };
    let rounding = rounding_field(f, default)?;
    Ok(Request {
        debt,
        waive,
        term,
        charge,
        down_payment,
        start,
        rounding,
    })
}

/// `restructure(input)` → `{ periods, payment, rows, totals, apr, savedVersusOverdue?, warnings }`.
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
/// The input's errors (`UNKNOWN_FIELD`, `MISSING_FIELD`, `INVALID_*`, `OUT_OF_RANGE`, `CONFLICTING_FIELDS`) and the plan's (`NO_SOLUTION` when no plan fits the bounds).
pub fn restructure(input: &Value) -> Result<String> {
    let mut f = Fields::new(input, "")?;
    let request = match read(&mut f) {
        Ok(request) => request,
        Err(error) => return Err(f.explain(error)),
    };
    f.finish()?;
    let result = plan(&request)?;
    let s = &result.schedule;
    let mut w = writer_for(s.rows.len());
    w.begin_object();
    w.key("periods");
    w.count(i64::from(result.periods));
    w.key("payment");
    w.money(result.payment);
    write_rows(&mut w, &s.rows);
    write_totals(&mut w, &s.totals);
    write_apr(&mut w, &s.apr);
    if let Some(saved) = result.saved_versus_overdue {
        w.key("savedVersusOverdue");
        w.money(saved);
    }
    notices(&mut w, "warnings", &result.warnings);
    w.end_object();
    Ok(w.finish())
}
