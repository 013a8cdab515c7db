//! JSON front of [`crate::schedule`]: `schedule(input)` and `compareOffers([input, …])`.
//!
//! Rows are written straight into one pre-sized [`JsonWriter`] buffer: money as integer fen
//! formatted by hand, no intermediate strings.

use super::input::{
    array_value, date_value, decimal_in, index, integer_in, join, money_in, option_value,
    text_value, Fields,
};
use super::output::notices;
use crate::calendar::format_date;
use crate::calendar::DayCount;
use crate::cost::Apr;
use crate::error::{Error, ErrorKind, Result};
use crate::json::{JsonWriter, Value, TABLE_FIELD};
use crate::money::{digit_count, write_digits, Money, Residue, RoundingMode, RoundingPolicy};
use crate::schedule::{
    build, default_rounding, FeeRate, InterestRate, Issuer, Loan, Method, Prepayment, RateChange,
    Row, Schedule, Strategy, Totals, DEFAULT_LPR, MAX_PERIODS,
};
use rust_decimal::Decimal;

/// Largest principal (and any other amount) accepted: 100 billion yuan.
pub(crate) const AMOUNT_MAX: &str = "100000000000";
/// Most offers `compareOffers` takes.
const MAX_OFFERS: usize = 20;

const METHODS: &[(&str, Method)] = &[
    ("annuity", Method::Annuity),
    ("equalPrincipal", Method::EqualPrincipal),
    ("interestOnly", Method::InterestOnly),
    ("bullet", Method::Bullet),
    ("flat", Method::Flat),
    ("feeInstalment", Method::FeeInstalment),
];

fn method_name(method: Method) -> &'static str {
    METHODS
        .iter()
        .find(|(_, m)| *m == method)
        .map_or("annuity", |(name, _)| name)
}

/// `rounding: { mode?, residue? }`; absent parts take `default`'s.
pub(crate) fn rounding_field(
    f: &mut Fields,
    default: RoundingPolicy,
) -> Result<Option<RoundingPolicy>> {
    let Some(value) = f.get("rounding") else {
        return Ok(None);
    };
    let mut r = Fields::new(value, &f.path("rounding"))?;
    let modes = [
        ("halfUp", RoundingMode::HalfUp),
        ("halfEven", RoundingMode::HalfEven),
        ("down", RoundingMode::Down),
    ];
    let mode = r.opt("mode", &|v, p| option_value(v, p, &modes))?;
    let residue = r.opt("residue", &|v, p| {
        option_value(v, p, &[("first", Residue::First), ("last", Residue::Last)])
    })?;
    r.finish()?;
    Ok(Some(RoundingPolicy {
        mode: mode.unwrap_or(default.mode),
        residue: residue.unwrap_or(default.residue),
    }))
}

/// Reads the schedule input object (every key but `name`, which only `compareOffers` takes).
/// An optional rate in `[0, max]` (one shared instance instead of a closure per key: smaller wasm).
#[inline(never)]
pub(crate) fn rate_opt(f: &mut Fields, key: &'static str, max: &str) -> Result<Option<Decimal>> {
    f.opt(key, &|v, p| decimal_in(v, p, "0", max))
}

/// An optional amount of money, at least `min`.
#[inline(never)]
pub(crate) fn money_opt(f: &mut Fields, key: &'static str, min: &str) -> Result<Option<Money>> {
    f.opt(key, &|v, p| money_in(v, p, min, AMOUNT_MAX))
}

/// A required amount of money, at least 0.01.
#[inline(never)]
pub(crate) fn money_req(f: &mut Fields, key: &'static str) -> Result<Money> {
    f.req(key, &|v, p| money_in(v, p, "0.01", AMOUNT_MAX))
}

/// A required period number, 1 … 600.
#[inline(never)]
fn period_req(f: &mut Fields, key: &'static str) -> Result<u32> {
    Ok(f.req(key, &|v, p| integer_in(v, p, 1, i64::from(MAX_PERIODS)))? as u32)
}

/// Reads the schedule input object (every key but `name`, which only `compareOffers` takes).
/// Which rate or fee goes with which method is checked by the core ([`build`]).
fn read_loan(f: &mut Fields) -> Result<Loan> {
    let principal = money_req(f, "principal")?;
    let method = f.req("method", &|v, p| option_value(v, p, METHODS))?;
    let periods = period_req(f, "periods")?;
    let start = f.req("startDate", &date_value)?;
    let mut loan = Loan::new(principal, method, periods, start);

    f.one_of(&["annualRate", "monthlyRate", "dailyRate"])?;
    let annual = rate_opt(f, "annualRate", "36")?.map(InterestRate::Annual);
    let monthly = rate_opt(f, "monthlyRate", "3")?.map(InterestRate::Monthly);
    let daily = rate_opt(f, "dailyRate", "0.1")?.map(InterestRate::Daily);
    loan.rate = annual.or(monthly).or(daily);

    f.one_of(&["feeRate", "totalFeeRate"])?;
    let per_period = rate_opt(f, "feeRate", "1")?.map(FeeRate::PerPeriod);
    let total = rate_opt(f, "totalFeeRate", "10")?.map(FeeRate::Total);
    loan.fee = per_period.or(total);
    let issuers = [("alipay", Issuer::Alipay), ("bank", Issuer::Bank)];
    loan.issuer = f.opt("issuer", &|v, p| option_value(v, p, &issuers))?;

    loan.upfront_fee = money_opt(f, "upfrontFee", "0")?.unwrap_or(Money::ZERO);
    loan.first_due = f.opt("firstDueDate", &date_value)?;
    let day_counts = [
        ("30/360", DayCount::Thirty360),
        ("actual/360", DayCount::Actual360),
        ("actual/365", DayCount::Actual365),
    ];
    loan.day_count = f.opt("dayCount", &|v, p| option_value(v, p, &day_counts))?;
    loan.rounding = rounding_field(f, default_rounding(method))?;
    loan.lpr = rate_opt(f, "lpr", "1")?.unwrap_or(DEFAULT_LPR);

    for (i, item) in list(f, "prepayments")?.iter().enumerate() {
        let mut p = Fields::new(item, &index(&f.path("prepayments"), i))?;
        let after_period = period_req(&mut p, "afterPeriod")?;
        let amount = money_req(&mut p, "amount")?;
        let strategies = [
            ("shortenTerm", Strategy::ShortenTerm),
            ("reducePayment", Strategy::ReducePayment),
        ];
        let strategy = p.req("strategy", &|v, q| option_value(v, q, &strategies))?;
        let fee = money_opt(&mut p, "fee", "0")?.unwrap_or(Money::ZERO);
        p.finish()?;
        loan.prepayments.push(Prepayment {
            after_period,
            amount,
            strategy,
            fee,
        });
    }
    for (i, item) in list(f, "rateChanges")?.iter().enumerate() {
        let mut c = Fields::new(item, &index(&f.path("rateChanges"), i))?;
        let from_period = period_req(&mut c, "fromPeriod")?;
        let annual_rate = decimal_in(c.require("annualRate")?, &c.path("annualRate"), "0", "36")?;
        c.finish()?;
        loan.rate_changes.push(RateChange {
            from_period,
            annual_rate,
        });
    }
    Ok(loan)
}

/// An optional array of at most 600 items (absent: empty).
fn list<'a>(f: &mut Fields<'a>, key: &'static str) -> Result<&'a [Value]> {
    Ok(
        f.opt(key, &|v, p| array_value(v, p, 0, MAX_PERIODS as usize))?
            .unwrap_or(&[]),
    )
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

/// Reads and builds one loan at `path`; `named` accepts the `name` label of `compareOffers`.
fn read_and_build(
    value: &Value,
    path: &str,
    named: bool,
) -> Result<(Loan, Schedule, Option<String>)> {
    let mut f = Fields::new(value, path)?;
    let read = read_loan(&mut f).and_then(|loan| {
        let name = if named {
            f.opt("name", &text_value)?
        } else {
            None
        };
        Ok((loan, name))
    });
    let (loan, name) = match read {
        Ok(ok) => ok,
        Err(error) => return Err(f.explain(error)),
    };
    f.finish()?;
    let schedule = build(&loan).map_err(|e| under(path, e))?;
    Ok((loan, schedule, name))
}

/// Bytes of output per row, to size the buffer once.
const ROW_BYTES: usize = 200;

/// One row of output formed in a stack buffer and appended to the rows text in one copy. At
/// the size-first optimisation level nothing is inlined unless asked, and slice helpers
/// (`copy_from_slice`, range indexing) stay calls, which in a loop of thousands of short
/// pieces cost more than the arithmetic: so the writes here are plain indexed loops. A row
/// needs under 300 of the 384 bytes; writes past the end are dropped.
struct RowBuf {
    bytes: [u8; 384],
    len: usize,
}

impl RowBuf {
    #[inline(always)]
    fn byte(&mut self, b: u8) {
        if self.len < self.bytes.len() {
            self.bytes[self.len] = b;
            self.len += 1;
        }
    }

    #[inline(always)]
    fn put(&mut self, piece: &[u8]) {
        let mut i = 0;
        while i < piece.len() {
            self.byte(piece[i]);
            i += 1;
        }
    }

    /// `YYYY-MM-DD`, one range check for the ten bytes.
    fn date(&mut self, date: chrono::NaiveDate) {
        if let Some(slot) = self.bytes.get_mut(self.len..self.len + 10) {
            slot.iter_mut()
                .zip(format_date(date))
                .for_each(|(to, from)| *to = from);
            self.len += 10;
        }
    }

    /// Written in place.
    fn money(&mut self, amount: Money) {
        self.len = amount.write_at(&mut self.bytes, self.len);
    }

    fn count(&mut self, n: u64) {
        let end = self.len + digit_count(n);
        if write_digits(&mut self.bytes, end, n) < end {
            self.len = end;
        }
    }

    /// A number in a schedule table: below 94 one printable ASCII character (`n + 32`), which
    /// the reader turns into a number without making a string; else `~` and its digits as a
    /// [`RowBuf::sized`] cell.
    fn table_count(&mut self, n: u64) {
        match u8::try_from(n) {
            Ok(small) if small < 94 => self.byte(small + 32),
            _ => {
                self.byte(b'~');
                self.sized(|text| text.count(n));
            }
        }
    }

    /// A cell of a schedule table: its length as one character (`length + 32`), then the text
    /// `write` writes (at most 94 bytes: an amount is at most 21), so the reader takes it by
    /// length, with no separator to search for.
    fn sized(&mut self, write: impl FnOnce(&mut RowBuf)) {
        let at = self.len;
        self.byte(b' ');
        write(self);
        let length = self.len.saturating_sub(at + 1).min(94) as u8;
        if let Some(slot) = self.bytes.get_mut(at) {
            *slot = length + 32;
        }
    }

    /// An amount as a [`RowBuf::sized`] cell (written straight after its length character:
    /// this runs for every amount of every row).
    fn sized_money(&mut self, amount: Money) {
        let at = self.len;
        let end = amount.write_at(&mut self.bytes, at + 1);
        if let (Some(slot), Ok(length @ 1..=94)) =
            (self.bytes.get_mut(at), u8::try_from(end - at - 1))
        {
            *slot = length + 32;
            self.len = end;
        }
    }

    /// `,"key":"1234.56"`-style: `key` holds the punctuation before the value.
    fn json_money(&mut self, key: &[u8], amount: Money) {
        self.put(key);
        self.byte(b'"');
        self.money(amount);
        self.byte(b'"');
    }

    fn append_to(&mut self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.bytes.get(..self.len).unwrap_or_default());
        self.len = 0;
    }
}

/// The columns of a detached row table (see [`JsonWriter::table`]) when no row has a prepayment.
const ROW_COLUMNS: &[u8] = b"period#,dueDate,days#,opening,payment,principal,interest,fee,closing";
/// The columns when some row has one; the prepayment cells of the other rows are empty, as those
/// keys are absent from their JSON objects.
const PREPAID_ROW_COLUMNS: &[u8] =
    b"period#,dueDate,days#,opening,payment,principal,interest,fee,prepayment,prepaymentFee,closing";

/// `"rows": [{period, dueDate, days, opening, payment, principal, interest, fee, closing}, …]`;
/// a row with a prepayment also has `prepayment` and `prepaymentFee`. The array is formed as
/// bytes and handed to the writer once, as JSON or as a detached table.
pub(crate) fn write_rows(w: &mut JsonWriter, rows: &[Row]) {
    let mut out: Vec<u8> = Vec::with_capacity(2 + rows.len() * ROW_BYTES);
    if w.detaches_tables() {
        write_row_table(&mut out, rows);
    } else {
        write_row_json(&mut out, rows);
    }
    w.table("rows", &out);
}

/// The rows as a detached table. Most cells of a schedule repeat what the row above implies
/// (the next period, the opening balance that is the last closing, a level payment, a zero
/// fee); those are left out, so the reader makes a new string only for what is new, which is
/// most of the cost on the JS side. After the column spec and one [`TABLE_FIELD`], rows follow
/// each other without separators, every cell read by its length: `dueDate` (always 10
/// characters), one character `@` + a bit mask of the optional cells written (bit 0 `period` …
/// bit 5 `fee`), `days` ([`RowBuf::table_count`]), then `period` (a number, when not the one
/// above plus 1, or 1 first), `opening` (when not the closing above), `payment`, `principal`,
/// `interest`, `fee` (each when not the same as above), the two prepayment cells (a prepaid
/// table only; empty when none) and `closing`, each amount a [`RowBuf::sized`] cell.
fn write_row_table(out: &mut Vec<u8>, rows: &[Row]) {
    let prepaid = rows.iter().any(|row| !row.prepayment.is_zero());
    out.extend_from_slice(if prepaid {
        PREPAID_ROW_COLUMNS
    } else {
        ROW_COLUMNS
    });
    out.push(TABLE_FIELD);
    let mut text = RowBuf {
        bytes: [0; 384],
        len: 0,
    };
    let mut above: Option<&Row> = None;
    for row in rows {
        let next_period = above.map_or(1, |a| a.period.saturating_add(1));
        // Each optional amount with what the row above implies for it (nothing in row 1).
        let amounts = [
            (row.opening, above.map(|a| a.closing)),
            (row.payment, above.map(|a| a.payment)),
            (row.principal, above.map(|a| a.principal)),
            (row.interest, above.map(|a| a.interest)),
            (row.fee, above.map(|a| a.fee)),
        ];
        let mut mask = 0u8;
        for (bit, (amount, implied)) in amounts.iter().enumerate() {
            if *implied != Some(*amount) {
                mask |= 1 << bit;
            }
        }
        let write_period = row.period != next_period;
        text.date(row.due);
        text.byte(b'@' + (mask << 1 | u8::from(write_period)));
        text.table_count(row.days.unsigned_abs());
        if write_period {
            text.table_count(u64::from(row.period));
        }
        for (bit, (amount, _)) in amounts.iter().enumerate() {
            if mask & (1 << bit) != 0 {
                text.sized_money(*amount);
            }
        }
        if prepaid {
            if row.prepayment.is_zero() {
                text.put(b"  "); // two empty cells: no prepayment on this row
            } else {
                text.sized_money(row.prepayment);
                text.sized_money(row.prepayment_fee);
            }
        }
        text.sized_money(row.closing);
        text.append_to(out);
        above = Some(row);
    }
}

/// The rows as a JSON array (for Rust callers).
fn write_row_json(out: &mut Vec<u8>, rows: &[Row]) {
    let mut text = RowBuf {
        bytes: [0; 384],
        len: 0,
    };
    out.push(b'[');
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            text.byte(b',');
        }
        text.put(b"{\"period\":");
        text.count(u64::from(row.period));
        text.put(b",\"dueDate\":\"");
        text.date(row.due);
        text.put(b"\",\"days\":");
        text.count(row.days.unsigned_abs());
        text.json_money(b",\"opening\":", row.opening);
        text.json_money(b",\"payment\":", row.payment);
        text.json_money(b",\"principal\":", row.principal);
        text.json_money(b",\"interest\":", row.interest);
        text.json_money(b",\"fee\":", row.fee);
        if !row.prepayment.is_zero() {
            text.json_money(b",\"prepayment\":", row.prepayment);
            text.json_money(b",\"prepaymentFee\":", row.prepayment_fee);
        }
        text.json_money(b",\"closing\":", row.closing);
        text.byte(b'}');
        text.append_to(out);
    }
    out.push(b']');
}

/// `"totals": {payment, principal, interest, fee, cost}` (+ `prepayment`, `prepaymentFee` when any).
pub(crate) fn write_totals(w: &mut JsonWriter, t: &Totals) {
    w.key("totals");
    w.begin_object();
    w.money_fields(&[
        ("payment", t.payment),
        ("principal", t.principal),
        ("interest", t.interest),
        ("fee", t.fee),
    ]);
    if !t.prepayment.is_zero() {
        w.key("prepayment");
        w.money(t.prepayment);
        w.key("prepaymentFee");
        w.money(t.prepayment_fee);
    }
    w.key("cost");
    w.money(t.cost);
    w.end_object();
}

/// `"apr": {periodic, nominal, effective}`.
pub(crate) fn write_apr(w: &mut JsonWriter, apr: &Apr) {
    w.key("apr");
    w.begin_object();
    w.key("periodic");
    w.rate(apr.periodic);
    w.key("nominal");
    w.rate(apr.nominal);
    w.key("effective");
    w.rate(apr.effective);
    w.end_object();
}

pub(crate) fn writer_for(rows: usize) -> JsonWriter {
    JsonWriter::with_capacity(1024 + rows * ROW_BYTES)
}

/// `schedule(input)` → `{ rows, totals, model, apr, warnings }`.
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
/// The input's errors (`UNKNOWN_FIELD`, `MISSING_FIELD`, `INVALID_*`, `OUT_OF_RANGE`, `CONFLICTING_FIELDS`) and the schedule's (`OUT_OF_RANGE` for a schedule past 2200-12-31 or amounts too large to hold).
pub fn schedule(input: &Value) -> Result<String> {
    let (_, s, _) = read_and_build(input, "", false)?;
    let mut w = writer_for(s.rows.len());
    w.begin_object();
    write_rows(&mut w, &s.rows);
    write_totals(&mut w, &s.totals);
    w.key("model");
    w.begin_object();
    w.key("payment");
    w.money(s.model.payment);
    w.key("interest");
    w.money(s.model.interest);
    if let Some(calculator) = s.model.calculator_interest {
        w.key("calculatorInterest");
        w.money(calculator);
    }
    w.end_object();
    write_apr(&mut w, &s.apr);
    notices(&mut w, "warnings", &s.warnings);
    w.end_object();
    Ok(w.finish())
}

/// `compareOffers([input, …])` → `{ offers: [summary, …] }`, cheapest effective APR first.
///
/// Each summary: `{ index, name?, method, principal, periods, minPayment, maxPayment, totalPaid,
/// totalCost, apr, warnings }`, where `index` is the offer's position in the input and
/// `totalPaid − principal = totalCost`.
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
/// `INVALID_INPUT` unless the input is an array; `OUT_OF_RANGE` unless it holds 1 to 20 offers;
/// each offer's [`schedule`] errors, with the offer's index in the path (`[0].method`).
pub fn compare_offers(input: &Value) -> Result<String> {
    let items = match input {
        Value::Array(items) if (1..=MAX_OFFERS).contains(&items.len()) => items,
        Value::Array(_) => {
            let max = crate::error::int_text(MAX_OFFERS as i64);
            return Err(Error::new(
                ErrorKind::OutOfRange,
                "",
                format!("give between 1 and {max} offers"),
                format!("请提供 1 到 {max} 个方案"),
            ));
        }
        other => {
            return Err(Error::new(
                ErrorKind::InvalidInput,
                "",
                format!(
                    "the input must be an array of schedule inputs, not {}",
                    other.type_name()
                ),
                format!("输入须为还款计划输入的数组，而不是 {}", other.type_name()),
            ))
        }
    };
    let mut offers = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let (loan, s, name) = read_and_build(item, &index("", i), true)?;
        offers.push((i, loan, s, name));
    }
    // Stable insertion sort: at most 20 offers, and it keeps the library's sort code out of wasm.
    for i in 1..offers.len() {
        let mut j = i;
        while j > 0 && offers[j - 1].2.apr.effective > offers[j].2.apr.effective {
            offers.swap(j - 1, j);
            j -= 1;
        }
    }
    let mut w = JsonWriter::with_capacity(512 * offers.len());
    w.begin_object();
    w.key("offers");
    w.begin_array();
    for (i, loan, s, name) in &offers {
        w.begin_object();
        w.key("index");
        w.count(*i as i64);
        if let Some(name) = name {
            w.key("name");
            w.string(name);
        }
        w.key("method");
        w.string(method_name(loan.method));
        w.key("principal");
        w.money(loan.principal);
        w.key("periods");
        w.count(i64::from(loan.periods));
        let min = s
            .rows
            .iter()
            .map(|r| r.payment)
            .min()
            .unwrap_or(Money::ZERO);
        let max = s
            .rows
            .iter()
            .map(|r| r.payment)
            .max()
            .unwrap_or(Money::ZERO);
        w.key("minPayment");
        w.money(min);
        w.key("maxPayment");
        w.money(max);
        let paid = Money::sum([
            s.totals.payment,
            s.totals.prepayment,
            s.totals.prepayment_fee,
            loan.upfront_fee,
        ])?;
        w.key("totalPaid");
        w.money(paid);
        w.key("totalCost");
        w.money(s.totals.cost);
        write_apr(&mut w, &s.apr);
        notices(&mut w, "warnings", &s.warnings);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    Ok(w.finish())
}
