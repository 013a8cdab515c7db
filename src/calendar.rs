//! Dates: strict `YYYY-MM-DD` parsing, due dates, and day counts.
//!
//! Due date k of a loan drawn on `start` is `start + k months`, clamped to the last day of a
//! shorter month, always counted from the start (never from the previous due date), so a loan
//! drawn on 01-31 falls due 02-29 (leap year), 03-31, 04-30:
//!
//! ```
//! use repayment_plan::calendar::{add_months, parse_date};
//! let start = parse_date("2024-01-31").unwrap();
//! let due: Vec<String> = (1..=3).map(|k| add_months(start, k).unwrap().to_string()).collect();
//! assert_eq!(due, ["2024-02-29", "2024-03-31", "2024-04-30"]);
//! ```

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// Earliest date accepted anywhere.
pub const MIN_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => panic!(),
};
/// Latest date accepted anywhere (also bounds every computed due date).
pub const MAX_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2200, 12, 31) {
    Some(d) => d,
    None => panic!(),
};

/// Parses exactly `YYYY-MM-DD` (4-digit year, 2-digit month and day) into a real calendar date
/// between [`MIN_DATE`] and [`MAX_DATE`]; `2025-02-30`, `2025-2-3` and `2025-02-03T00:00` are rejected.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    // A fixed-size array and `get`: no index that could panic (and link in panic code).
    let b: &[u8; 10] = text.as_bytes().try_into().ok()?;
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        b.get(range)?.iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let date = NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    (MIN_DATE..=MAX_DATE).contains(&date).then_some(date)
}

/// `YYYY-MM-DD` as ASCII bytes (years clamped to 0000–9999).
pub fn format_date(date: NaiveDate) -> [u8; 10] {
    let y = date.year().clamp(0, 9999) as u32;
    let (m, d) = (date.month(), date.day());
    let digit = |n: u32| b'0' + (n % 10) as u8;
    [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(d / 10),
        digit(d),
    ]
}

/// Appends `YYYY-MM-DD`: the bytes of [`format_date`] (the row loops' date formatter), each
/// taken as the `char` it is, so nothing can fail or be substituted.
pub fn write_date(out: &mut String, date: NaiveDate) {
    out.extend(format_date(date).map(char::from));
}

/// `start + months`, clamped to the end of the month; `None` past [`MAX_DATE`].
///
/// What `NaiveDate::checked_add_months` gives (a test compares them over 1900–2200), by month
/// arithmetic and one date construction: chrono's own way was a tenth of a schedule's time.
pub fn add_months(start: NaiveDate, months: u32) -> Option<NaiveDate> {
    let index = i64::from(start.year()) * 12 + i64::from(start.month0()) + i64::from(months);
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = index.rem_euclid(12) as u32 + 1;
    let day = start.day().min(days_in_month(year, month));
    NaiveDate::from_ymd_opt(year, month, day).filter(|d| *d <= MAX_DATE)
}

/// Days in `month` (1–12) of `year`, by the Gregorian leap-year rule.
fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    // From day numbers: the same count as `(to - from).num_days()`, without its panic path.
    i64::from(to.num_days_from_ce()) - i64::from(from.num_days_from_ce())
}

/// How interest for a stretch of days is converted into a fraction of a year.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum DayCount {
    /// 30/360 (US/NASD): every month has 30 days, so a regular month is exactly 1/12 year.
    #[default]
    Thirty360,
    /// Actual days / 360: Chinese banks' daily rate = annual / 360.
    Actual360,
    /// Actual days / 365: Excel's XIRR, and some lenders' daily rate = annual / 365.
    Actual365,
}

impl DayCount {
    /// Days in the stretch under this convention.
    pub fn days(self, from: NaiveDate, to: NaiveDate) -> i64 {
        match self {
            DayCount::Thirty360 => days_30_360(from, to),
            DayCount::Actual360 | DayCount::Actual365 => days_between(from, to),
        }
    }

    /// Days in a year under this convention.
    pub fn basis(self) -> i64 {
        match self {
            DayCount::Thirty360 | DayCount::Actual360 => 360,
            DayCount::Actual365 => 365,
        }
    }

    /// The year fraction `days / basis`, exact.
    pub fn year_fraction(self, from: NaiveDate, to: NaiveDate) -> Decimal {
        Decimal::from(self.days(from, to)) / Decimal::from(self.basis())
    }
}

/// Days between two dates under 30/360 (US/NASD rule, as Excel's DAYS360 with method FALSE).
pub fn days_30_360(from: NaiveDate, to: NaiveDate) -> i64 {
    let (y1, m1, mut d1) = (from.year() as i64, from.month() as i64, from.day() as i64);
    let (y2, m2, mut d2) = (to.year() as i64, to.month() as i64, to.day() as i64);
    let last_of_feb = |d: NaiveDate| d.month() == 2 && d.succ_opt().is_some_and(|n| n.month() == 3);
    if last_of_feb(from) && last_of_feb(to) {
        d2 = 30;
    }
    if last_of_feb(from) {
        d1 = 30;
    }
    if d2 == 31 && d1 >= 30 {
        d2 = 30;
    }
    if d1 == 31 {
        d1 = 30;
    }
    (y2 - y1) * 360 + (m2 - m1) * 30 + (d2 - d1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The month arithmetic agrees with chrono's for every start day of 1900–2200 (month ends,
    /// leap days) and a spread of month counts up to 100 years.
    #[test]
    fn add_months_is_chronos_clamped_addition() {
        let mut day = date("1900-01-01");
        while day <= MAX_DATE {
            for months in [
                0, 1, 2, 3, 11, 12, 13, 23, 24, 47, 48, 59, 119, 359, 600, 1199,
            ] {
                let chrono = day
                    .checked_add_months(chrono::Months::new(months))
                    .filter(|d| *d <= MAX_DATE);
                assert_eq!(add_months(day, months), chrono, "{day} + {months}");
            }
            day = day.succ_opt().unwrap();
        }
    }

    fn date(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn strict_dates() {
        for bad in [
            "2025-02-30",
            "2025-2-3",
            "2025-02-03T00:00",
            "",
            "20250203",
            "2025-13-01",
            "1899-12-31",
            "abcd-ef-gh",
            "２０２５-01-01",
        ] {
            assert!(parse_date(bad).is_none(), "{bad}");
        }
        assert_eq!(date("2024-02-29").to_string(), "2024-02-29");
        // The row loops' formatter writes what chrono's Display writes, for every valid date.
        let mut day = MIN_DATE;
        while day <= MAX_DATE {
            let mut s = String::new();
            write_date(&mut s, day);
            assert_eq!(s, day.to_string());
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn month_end_clamping_counts_from_start() {
        let start = date("2023-01-31");
        let due: Vec<_> = (1..=4)
            .map(|k| add_months(start, k).unwrap().to_string())
            .collect();
        assert_eq!(
            due,
            ["2023-02-28", "2023-03-31", "2023-04-30", "2023-05-31"]
        );
        assert!(add_months(date("2200-06-01"), 12).is_none());
    }

    #[test]
    fn day_counts() {
        let (a, b) = (date("2024-01-15"), date("2024-03-15"));
        assert_eq!(DayCount::Actual365.days(a, b), 60);
        assert_eq!(DayCount::Thirty360.days(a, b), 60);
        assert_eq!(
            DayCount::Actual360.year_fraction(a, b),
            Decimal::from(60) / Decimal::from(360)
        );
        assert_eq!(days_30_360(date("2023-01-31"), date("2023-02-28")), 28);
        assert_eq!(days_30_360(date("2024-01-30"), date("2024-03-31")), 60);
        assert_eq!(days_between(date("2024-02-28"), date("2024-03-01")), 2);
        assert_eq!(days_between(date("2023-02-28"), date("2023-03-01")), 1);
    }
}
