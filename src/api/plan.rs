//! JSON front of budgets and debt-free plans ([`crate::plan`]): `budget` and `payoff`.
//!
//! Debt and expense names are the user's own text: kept exactly as given (bounded to
//! [`MAX_NAME_CHARS`](super::input::MAX_NAME_CHARS) characters) and written back as JSON strings, never interpreted. In
//! `payoff` they identify debts (`order` refers to them), so they must be non-empty and distinct.

use super::input::{
    bool_value, date_value, decimal_in, index, option_value, read_list, read_object, text_value,
    Fields,
};
use super::output::notices;
use crate::error::{Error, ErrorKind, Result};
use crate::json::{JsonWriter, Value, TABLE_FIELD};
use crate::money::Money;
use crate::notice::Notice;
use crate::plan::budget::{self, BudgetInput, DtiThresholds, Expense, ExpenseKind, TARGET_SPLIT};
use crate::plan::payoff::{
    self, payment_date, Debt, DebtRate, ExtraPayment, Outcome, Payoff, Plan, Strategy,
};
use crate::plan::payoff::{MAX_MONTHS, MAX_RATE_DIGITS};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Largest amount of money accepted anywhere here, in yuan (10^12).
const AMOUNT_MAX: &str = "1000000000000";
/// Most debts in one call.
const MAX_DEBTS: usize = 100;
/// Most expenses in one budget.
const MAX_EXPENSES: usize = 1000;
/// Latest start date: a plan may run 100 years and dates end at 2200-12-31.
const LATEST_START: &str = "2100-12-31";
/// Rate bounds: 1000% a year, 100% a month, 3% a day.
const ANNUAL_RATE_MAX: &str = "10";
const MONTHLY_RATE_MAX: &str = "1";
const DAILY_RATE_MAX: &str = "0.03";
const RATE_KEYS: [&str; 3] = ["annualRate", "monthlyRate", "dailyRate"];

fn amount(f: &mut Fields, key: &'static str, min: &str) -> Result<Money> {
    f.req_money(key, min, AMOUNT_MAX)
}

/// A rate fraction in `[0, max]` with at most [`MAX_RATE_DIGITS`] significant digits.
fn rate_in(value: &Value, path: &str, max: &str) -> Result<Decimal> {
    let rate = decimal_in(value, path, "0", max)?;
    if rate.normalize().mantissa().unsigned_abs() >= 10u128.pow(MAX_RATE_DIGITS) {
        let digits = crate::error::int_text(MAX_RATE_DIGITS.into());
        return Err(Error::new(
            ErrorKind::InvalidNumber,
            path,
            format!("{path} has more than {digits} significant digits"),
            format!("{path} 的有效数字超过 {digits} 位"),
        ));
    }
    Ok(rate)
}

/// A debt's name: non-empty user text of at most 200 characters, kept as given.
fn name_value(value: &Value, path: &str) -> Result<String> {
    let name = text_value(value, path)?;
    if name.chars().all(char::is_whitespace) {
        return Err(Error::new(
            ErrorKind::OutOfRange,
            path,
            format!("{path} must not be empty"),
            format!("{path} 不能为空"),
        ));
    }
    Ok(name)
}

/// Names must be distinct: `order` refers to debts by name.
fn check_distinct(names: &[String], path: &str) -> Result<()> {
    for (j, name) in names.iter().enumerate() {
        if names[..j].contains(name) {
            let at = index(path, j) + ".name";
            return Err(Error::new(
                ErrorKind::ConflictingFields,
                &at,
                format!("{at} repeats the name of an earlier debt; each debt needs its own name"),
                format!("{at} 与前面的债务重名；每笔债务须有不同的名称"),
            ));
        }
    }
    Ok(())
}

/// A rate fraction, or `null`.
fn opt_rate(w: &mut JsonWriter, rate: Option<Decimal>) {
    match rate {
        Some(r) => w.rate(r),
        None => w.null(),
    }
}

// ---------------------------------------------------------------------------------------------
// budget

/// `budget({ monthlyIncome, expenses?, debts?, dtiHigh?, dtiCnGuidance? })`
pub fn budget(input: &Value) -> Result<String> {
    let request = read_object(input, "", &mut |f| {
        let monthly_income = amount(f, "monthlyIncome", "0")?;
        let kinds = [
            ("essential", ExpenseKind::Essential),
            ("flexible", ExpenseKind::Flexible),
            ("savings", ExpenseKind::Savings),
        ];
        let expenses = read_list(f, "expenses", MAX_EXPENSES, true, &mut |item, path| {
            read_object(item, path, &mut |e| {
                e.opt("name", &text_value)?;
                let amount = amount(e, "amount", "0")?;
                let kind = e.req("kind", &|v, p| option_value(v, p, &kinds))?;
                Ok(Expense { kind, amount })
            })
        })?;
        let debt_minimums = read_list(f, "debts", MAX_DEBTS, true, &mut |item, path| {
            read_object(item, path, &mut |d| {
                d.opt("name", &text_value)?;
                amount(d, "minimumPayment", "0")
            })
        })?;
        let defaults = DtiThresholds::default();
        let threshold = |f: &mut Fields, key: &'static str, default: Decimal| -> Result<Decimal> {
            Ok(f.opt_decimal(key, "0", "1")?.unwrap_or(default))
        };
        let thresholds = DtiThresholds {
            high: threshold(f, "dtiHigh", defaults.high)?,
            cn_guidance: threshold(f, "dtiCnGuidance", defaults.cn_guidance)?,
        };
        Ok(BudgetInput {
            monthly_income,
            expenses,
            debt_minimums,
            thresholds,
        })
    })?;
    let b = budget::budget(&request)?;

    let mut w = JsonWriter::with_capacity(1024);
    w.begin_object();
    w.money_fields(&[
        ("income", b.income),
        ("essential", b.essential),
        ("flexible", b.flexible),
        ("savings", b.savings),
        ("debtMinimums", b.debt_minimums),
        ("capacity", b.capacity),
        ("surplus", b.surplus),
    ]);
    w.key("debtToIncome");
    opt_rate(&mut w, b.debt_to_income);
    w.key("split");
    match b.split {
        Some(split) => write_split(&mut w, split),
        None => w.null(),
    }
    w.key("splitTarget");
    write_split(&mut w, TARGET_SPLIT);
    notices(&mut w, "flags", &b.flags);
    w.end_object();
    Ok(w.finish())
}

fn write_split(w: &mut JsonWriter, split: budget::Split) {
    w.begin_object();
    w.key("needs");
    w.rate(split.needs);
    w.key("wants");
    w.rate(split.wants);
    w.key("savings");
    w.rate(split.savings);
    w.end_object();
}

// ---------------------------------------------------------------------------------------------
// payoff

/// A validated `payoff` input.
struct PayoffRequest {
    names: Vec<String>,
    plan: Plan,
    strategy: Strategy,
    strategy_name: &'static str,
    timeline: bool,
}

fn read_debt(item: &Value, path: &str) -> Result<(String, Debt)> {
    read_object(item, path, &mut |d| {
        let name = d.req("name", &name_value)?;
        let balance = amount(d, "balance", "0.01")?;
        let chosen = d.one_of(&RATE_KEYS)?;
        for key in RATE_KEYS {
            d.get(key); // known keys, for spelling suggestions
        }
        // One read for whichever rate was given (one closure, not one per kind).
        let (key, max, kind): (&'static str, &str, fn(Decimal) -> DebtRate) = match chosen {
            Some("monthlyRate") => ("monthlyRate", MONTHLY_RATE_MAX, DebtRate::Monthly),
            Some("dailyRate") => ("dailyRate", DAILY_RATE_MAX, DebtRate::Daily),
            Some(_) => ("annualRate", ANNUAL_RATE_MAX, DebtRate::Annual),
            None => {
                let at = d.path("annualRate");
                return Err(Error::new(
                    ErrorKind::MissingField,
                    &at,
                    format!("{} needs one of annualRate, monthlyRate or dailyRate (0 for an interest-free debt)", d.own_path()),
                    format!("{} 须填写 annualRate、monthlyRate 或 dailyRate 之一（免息债务填 0）", d.own_path()),
                ));
            }
        };
        let rate = kind(d.req(key, &|v, p| rate_in(v, p, max))?);
        let minimum_payment = amount(d, "minimumPayment", "0")?;
        Ok((
            name,
            Debt {
                balance,
                rate,
                minimum_payment,
            },
        ))
    })
}

/// `order`: debt names, each naming an existing debt once.
fn read_order(f: &mut Fields, names: &[String]) -> Result<Vec<usize>> {
    let mut order: Vec<usize> = Vec::new();
    read_list(f, "order", MAX_DEBTS, false, &mut |item, path| {
        let name = text_value(item, path)?;
        let Some(i) = names.iter().position(|n| *n == name) else {
            let shown: String = name.chars().take(40).collect();
            return Err(Error::new(
                ErrorKind::InvalidOption,
                path,
                format!("{path} names no debt: \"{shown}\" is not the name of any entry in debts"),
                format!("{path} 指向的债务不存在：debts 中没有名为“{shown}”的债务"),
            ));
        };
        if order.contains(&i) {
            return Err(Error::new(
                ErrorKind::ConflictingFields,
                path,
                format!("{path} lists a debt that is already in the order"),
                format!("{path} 重复列出了已在顺序中的债务"),
            ));
        }
        order.push(i);
        Ok(())
    })?;
    Ok(order)
}

fn read_payoff(f: &mut Fields) -> Result<PayoffRequest> {
    let debts_path = f.path("debts");
    let debts = read_list(f, "debts", MAX_DEBTS, false, &mut read_debt)?;
    let mut names = Vec::with_capacity(debts.len());
    let mut plan_debts = Vec::with_capacity(debts.len());
    for (name, debt) in debts {
        names.push(name);
        plan_debts.push(debt);
    }
    check_distinct(&names, &debts_path)?;
    let monthly_budget = amount(f, "monthlyBudget", "0.01")?;
    let strategies = [
        ("avalanche", "avalanche"),
        ("snowball", "snowball"),
        ("custom", "custom"),
    ];
    let strategy_name = f.req("strategy", &|v, p| option_value(v, p, &strategies))?;
    let strategy = match strategy_name {
        "custom" => Strategy::Custom(read_order(f, &names)?),
        other => {
            if f.has("order") {
                return Err(Error::new(
                    ErrorKind::ConflictingFields,
                    f.path("order"),
                    format!("order is only used with strategy \"custom\", not \"{other}\""),
                    format!("order 仅在 strategy 为 \"custom\" 时使用，而不是 \"{other}\""),
                ));
            }
            if other == "snowball" {
                Strategy::Snowball
            } else {
                Strategy::Avalanche
            }
        }
    };
    let start_date = f.req("startDate", &date_value)?;
    let latest = crate::calendar::parse_date(LATEST_START).unwrap_or(crate::calendar::MAX_DATE);
    if start_date > latest {
        let months = crate::error::int_text(MAX_MONTHS.into());
        return Err(Error::new(
            ErrorKind::OutOfRange,
            f.path("startDate"),
            format!(
                "startDate must be on or before {LATEST_START}: a plan may run {months} months"
            ),
            format!("startDate 不能晚于 {LATEST_START}：还款计划最长 {months} 个月"),
        ));
    }
    let max_month = i64::from(MAX_MONTHS);
    let extra_payments = read_list(
        f,
        "extraPayments",
        MAX_MONTHS as usize,
        true,
        &mut |item, path| {
            read_object(item, path, &mut |e| {
                let month = e.req_integer("month", 1, max_month)? as u32;
                Ok(ExtraPayment {
                    month,
                    amount: amount(e, "amount", "0.01")?,
                })
            })
        },
    )?;
    let timeline = f.opt("timeline", &bool_value)?.unwrap_or(true);
    Ok(PayoffRequest {
        names,
        plan: Plan {
            debts: plan_debts,
            monthly_budget,
            start_date,
            extra_payments,
        },
        strategy,
        strategy_name,
        timeline,
    })
}

/// `payoff({ debts, monthlyBudget, strategy, order?, startDate, extraPayments?, timeline? })`
pub fn payoff(input: &Value) -> Result<String> {
    let request = read_object(input, "", &mut read_payoff)?;
    let plan = &request.plan;
    let main = payoff::payoff(plan, &request.strategy, request.timeline)?;
    // The comparison reuses the main run when it is the same strategy.
    let run = |strategy: Strategy| -> Result<Option<Payoff>> {
        if strategy == request.strategy {
            Ok(None)
        } else {
            payoff::payoff(plan, &strategy, false).map(Some)
        }
    };
    let avalanche = run(Strategy::Avalanche)?;
    let snowball = run(Strategy::Snowball)?;
    let minimum_only = payoff::payoff(plan, &Strategy::MinimumOnly, false)?;
    let warnings = payoff_warnings(&request, &main)?;

    // Each name escaped once, then copied into every row that mentions it.
    let mut names: Vec<String> = Vec::with_capacity(request.names.len());
    for name in &request.names {
        let mut w = JsonWriter::new();
        w.string(name);
        names.push(w.finish());
    }
    let name_bytes: usize = names.iter().map(String::len).sum();
    let mut w = JsonWriter::with_capacity(
        2048 + name_bytes * 4 + main.row_count() * (80 + name_bytes / names.len().max(1)),
    );
    let start = plan.start_date;
    let feasible = main.is_paid_off();
    w.begin_object();
    w.key("feasible");
    w.bool(feasible);
    w.key("reason");
    reason(&mut w, &main);
    w.key("strategy");
    w.string(request.strategy_name);
    w.key("months");
    count_or_null(&mut w, feasible.then_some(main.months));
    w.key("debtFreeDate");
    date_or_null(
        &mut w,
        feasible.then(|| payment_date(start, main.months)).flatten(),
    );
    w.key("totalInterest");
    money_or_null(&mut w, feasible.then_some(main.total_interest));
    w.key("totalPaid");
    money_or_null(&mut w, feasible.then_some(main.total_paid));
    w.key("minimumsTotal");
    w.money(plan.minimums_total()?);
    w.key("budgetShortfall");
    w.money(match main.outcome {
        Outcome::BudgetBelowMinimums { shortfall } => shortfall,
        _ => Money::ZERO,
    });

    w.key("debts");
    w.begin_array();
    for (result, name) in main.debts.iter().zip(&names) {
        let month = if matches!(main.outcome, Outcome::BudgetBelowMinimums { .. }) {
            None
        } else {
            result.payoff_month
        };
        w.begin_object();
        w.key("name");
        w.raw(name);
        w.key("payoffMonth");
        count_or_null(&mut w, month);
        w.key("payoffDate");
        date_or_null(&mut w, month.and_then(|m| payment_date(start, m)));
        w.key("interest");
        money_or_null(&mut w, feasible.then_some(result.interest));
        w.key("paid");
        money_or_null(&mut w, feasible.then_some(result.paid));
        w.end_object();
    }
    w.end_array();

    w.key("timeline");
    w.begin_array();
    if feasible {
        write_timeline(&mut w, &main, &names, start)?;
    }
    w.end_array();

    w.key("comparison");
    w.begin_object();
    for (key, result) in [
        ("avalanche", avalanche.as_ref().unwrap_or(&main)),
        ("snowball", snowball.as_ref().unwrap_or(&main)),
        ("minimumOnly", &minimum_only),
    ] {
        w.key(key);
        summary(&mut w, result, &minimum_only, start);
    }
    w.end_object();
    notices(&mut w, "warnings", &warnings);
    w.end_object();
    Ok(w.finish())
}

/// The columns of a month's detached row table (see [`JsonWriter::table`]): `name"` is a
/// string column whose cells are JSON string literals.
const PLAN_ROW_COLUMNS: &[u8] = b"name\",payment,interest,balance";

fn write_timeline(
    w: &mut JsonWriter,
    result: &Payoff,
    names: &[String],
    start: NaiveDate,
) -> Result<()> {
    // Each debt's constant row opening, `{"name":"A","payment":"`.
    let mut prefixes: Vec<String> = Vec::with_capacity(names.len());
    for name in names {
        prefixes.push(format!("{{\"name\":{name},\"payment\":\""));
    }
    let mut scratch =
        String::with_capacity(128 + prefixes.iter().map(String::len).max().unwrap_or(0));
    let mut table: Vec<u8> = Vec::new();
    for (month, rows) in result.timeline() {
        let (mut payment, mut interest, mut balance) = (0i64, 0i64, 0i64);
        for row in rows {
            payment = payment
                .checked_add(row.payment.fen())
                .ok_or_else(|| Error::overflow(""))?;
            interest = interest
                .checked_add(row.interest.fen())
                .ok_or_else(|| Error::overflow(""))?;
            balance = balance
                .checked_add(row.balance.fen())
                .ok_or_else(|| Error::overflow(""))?;
        }
        w.begin_object();
        w.key("month");
        w.count(i64::from(month));
        w.key("date");
        date_or_null(w, payment_date(start, month));
        w.key("payment");
        w.money(Money::from_fen(payment));
        w.key("interest");
        w.money(Money::from_fen(interest));
        w.key("balance");
        w.money(Money::from_fen(balance));
        if w.detaches_tables() {
            // The same rows as a detached table; a name is a cell as its JSON string literal,
            // so it can hold any text and is never empty.
            table.clear();
            table.extend_from_slice(PLAN_ROW_COLUMNS);
            for row in rows {
                scratch.clear();
                scratch.push(char::from(TABLE_FIELD));
                scratch.push_str(names.get(row.debt).map_or("\"\"", String::as_str));
                for amount in [row.payment, row.interest, row.balance] {
                    scratch.push(char::from(TABLE_FIELD));
                    amount.write_to(&mut scratch);
                }
                table.extend_from_slice(scratch.as_bytes());
            }
            w.table("rows", &table);
            w.end_object();
            continue;
        }
        w.key("rows");
        w.begin_array();
        for row in rows {
            // `{"name":…,"payment":"…","interest":"…","balance":"…"}` composed in one reused
            // buffer: a few appends per row instead of a writer call per token.
            scratch.clear();
            scratch.push_str(
                prefixes
                    .get(row.debt)
                    .map_or("{\"name\":\"\",\"payment\":\"", String::as_str),
            );
            row.payment.write_to(&mut scratch);
            scratch.push_str("\",\"interest\":\"");
            row.interest.write_to(&mut scratch);
            scratch.push_str("\",\"balance\":\"");
            row.balance.write_to(&mut scratch);
            scratch.push_str("\"}");
            w.raw(&scratch);
        }
        w.end_array();
        w.end_object();
    }
    Ok(())
}

/// The stable code of why a plan is not feasible, or `null`.
fn reason(w: &mut JsonWriter, result: &Payoff) {
    match result.outcome {
        Outcome::PaidOff => w.null(),
        Outcome::BudgetBelowMinimums { .. } => w.string("BUDGET_BELOW_MINIMUMS"),
        Outcome::NeverPaidOff => w.string("NEVER_PAID_OFF"),
    }
}

/// `{feasible, reason, months, debtFreeDate, totalInterest, interestSaved}` for the comparison.
fn summary(w: &mut JsonWriter, result: &Payoff, minimum_only: &Payoff, start: NaiveDate) {
    let feasible = result.is_paid_off();
    w.begin_object();
    w.key("feasible");
    w.bool(feasible);
    w.key("reason");
    reason(w, result);
    w.key("months");
    count_or_null(w, feasible.then_some(result.months));
    w.key("debtFreeDate");
    date_or_null(
        w,
        feasible
            .then(|| payment_date(start, result.months))
            .flatten(),
    );
    w.key("totalInterest");
    money_or_null(w, feasible.then_some(result.total_interest));
    w.key("interestSaved");
    let saved = (feasible && minimum_only.is_paid_off())
        .then(|| {
            minimum_only
                .total_interest
                .checked_sub(result.total_interest)
                .ok()
        })
        .flatten();
    money_or_null(w, saved);
    w.end_object();
}

/// Warnings: why the plan fails (same code as `reason`), and each debt whose minimum does not
/// even cover its first month's interest.
fn payoff_warnings(request: &PayoffRequest, main: &Payoff) -> Result<Vec<Notice>> {
    let plan = &request.plan;
    let mut warnings = Vec::new();
    match main.outcome {
        Outcome::PaidOff => {}
        Outcome::BudgetBelowMinimums { shortfall } => warnings.push(Notice::new(
            "BUDGET_BELOW_MINIMUMS",
            format!("The monthly budget is {shortfall} short of the minimum payments. Missing minimums brings penalty interest and credit records: ask the lenders for a hardship plan (个性化分期, 停息挂账, 延期) before a payment is missed."),
            format!("每月预算比最低还款额合计少 {shortfall} 元。未还足最低还款会产生罚息并影响征信：请在逾期前主动联系债权人申请个性化分期、停息挂账或延期还款。"),
        )),
        Outcome::NeverPaidOff => warnings.push(Notice::new(
            "NEVER_PAID_OFF",
            format!("With this budget the debts are not repaid within {} years: interest grows as fast as the payments. Raise the budget, or ask the lenders to stop or reduce interest (停息挂账, 个性化分期).", MAX_MONTHS / 12),
            format!("按此预算，{} 年内无法还清：利息增长与还款一样快。请提高每月还款预算，或向债权人申请停息挂账、个性化分期以减免利息。", MAX_MONTHS / 12),
        )),
    }
    let days = payment_date(plan.start_date, 2).map_or(30, |next| {
        crate::calendar::days_between(plan.start_date, next)
    });
    for (debt, name) in plan.debts.iter().zip(&request.names) {
        let interest = payoff::month_interest(debt.balance, debt.rate, days)?;
        if debt.minimum_payment <= interest && !interest.is_zero() {
            warnings.push(Notice::new(
                "MINIMUM_BELOW_INTEREST",
                format!("The minimum payment of \"{name}\" ({}) does not cover its monthly interest ({interest}): paying only the minimum, this debt never shrinks.", debt.minimum_payment),
                format!("“{name}”的最低还款额（{} 元）不足以支付每月利息（{interest} 元）：只还最低还款，这笔债务永远不会减少。", debt.minimum_payment),
            ));
        }
    }
    Ok(warnings)
}

fn count_or_null(w: &mut JsonWriter, n: Option<u32>) {
    match n {
        Some(n) => w.count(i64::from(n)),
        None => w.null(),
    }
}

fn date_or_null(w: &mut JsonWriter, date: Option<NaiveDate>) {
    match date {
        Some(d) => w.date(d),
        None => w.null(),
    }
}

fn money_or_null(w: &mut JsonWriter, amount: Option<Money>) {
    match amount {
        Some(m) => w.money(m),
        None => w.null(),
    }
}

#[cfg(test)]
mod tests {
    use crate::api::call;
    use crate::json::{parse, Value};

    fn get<'a>(v: &'a Value, path: &[&str]) -> &'a Value {
        path.iter().fold(v, |v, key| match v {
            Value::Object(fields) => &fields.iter().find(|(k, _)| k == key).unwrap().1,
            Value::Array(items) => &items[key.parse::<usize>().unwrap()],
            _ => panic!("{key}"),
        })
    }

    fn s(text: &str) -> Value {
        Value::String(text.into())
    }

    const WORKED: &str = r#""debts":[{"name":"A","balance":1000,"annualRate":0.18,"minimumPayment":50},{"name":"B","balance":3000,"annualRate":0.06,"minimumPayment":100},{"name":"C","balance":500,"annualRate":0.12,"minimumPayment":25}],"monthlyBudget":300,"startDate":"2025-01-15""#;

    #[test]
    fn worked_case_through_json() {
        let out =
            parse(&call("payoff", &format!(r#"{{{WORKED},"strategy":"avalanche"}}"#)).unwrap())
                .unwrap();
        assert_eq!(get(&out, &["months"]), &Value::Number("16".into()));
        assert_eq!(get(&out, &["totalInterest"]), &s("205.91"));
        assert_eq!(get(&out, &["debtFreeDate"]), &s("2026-04-15"));
        assert_eq!(
            get(&out, &["comparison", "snowball", "totalInterest"]),
            &s("217.22")
        );
        assert_eq!(get(&out, &["debts", "0", "payoffDate"]), &s("2025-06-15"));
        assert_eq!(
            get(&out, &["timeline", "0", "rows", "0", "balance"]),
            &s("837.38")
        );
        assert_eq!(get(&out, &["reason"]), &Value::Null);
    }

    #[test]
    fn field_errors() {
        let cases = [
            (
                r#""strategy":"custom","order":["A","D"]"#,
                "INVALID_OPTION",
                "order[1]",
            ),
            (
                r#""strategy":"custom","order":["A","A"]"#,
                "CONFLICTING_FIELDS",
                "order[1]",
            ),
            (r#""strategy":"custom""#, "MISSING_FIELD", "order"),
            (
                r#""strategy":"avalanche","order":["A"]"#,
                "CONFLICTING_FIELDS",
                "order",
            ),
            (r#""strategy":"avalanch""#, "INVALID_OPTION", "strategy"),
            (
                r#""strategy":"snowball","extraPayments":[{"month":1201,"amount":1}]"#,
                "OUT_OF_RANGE",
                "extraPayments[0].month",
            ),
        ];
        for (extra, code, field) in cases {
            let e = call("payoff", &format!(r#"{{{WORKED},{extra}}}"#)).unwrap_err();
            assert_eq!((e.code(), e.field()), (code, field), "{extra}: {e}");
        }
        let dup = WORKED.replace(r#""name":"C""#, r#""name":"A""#);
        let e = call("payoff", &format!(r#"{{{dup},"strategy":"snowball"}}"#)).unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("CONFLICTING_FIELDS", "debts[2].name")
        );
        let two_rates = WORKED.replace(
            r#""annualRate":0.06"#,
            r#""annualRate":0.06,"dailyRate":0.0005"#,
        );
        let e = call(
            "payoff",
            &format!(r#"{{{two_rates},"strategy":"snowball"}}"#),
        )
        .unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("CONFLICTING_FIELDS", "debts[1].dailyRate")
        );
        let misspelled = WORKED.replace(r#""annualRate":0.06"#, r#""anualRate":0.06"#);
        let e = call(
            "payoff",
            &format!(r#"{{{misspelled},"strategy":"snowball"}}"#),
        )
        .unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("UNKNOWN_FIELD", "debts[1].anualRate")
        );
        let none = WORKED.replace(r#","annualRate":0.06"#, "");
        let e = call("payoff", &format!(r#"{{{none},"strategy":"snowball"}}"#)).unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("MISSING_FIELD", "debts[1].annualRate")
        );
    }
}
