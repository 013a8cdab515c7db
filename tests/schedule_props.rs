//! Property tests: invariants every schedule must satisfy, over random loans of every method.
//! Default 512 cases per property (a few seconds); `PROPTEST_CASES=20000 cargo test --release
//! --test schedule_props` for a long run.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use repayment_plan::calendar::{add_months, DayCount};
use repayment_plan::money::{Money, Residue, RoundingMode, RoundingPolicy};
use repayment_plan::plan::restructure::{restructure, Charge, Debt, Request, Term, Waive};
use repayment_plan::schedule::{
    build, FeeRate, InterestRate, Issuer, Loan, Method, Prepayment, RateChange, Schedule,
    Strategy as Prepay,
};
use rust_decimal::prelude::*;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(512);
    ProptestConfig::with_cases(cases)
}

fn rate(max_millionths: i64) -> impl Strategy<Value = Decimal> {
    (0..=max_millionths).prop_map(|n| Decimal::new(n, 6))
}

fn method() -> impl Strategy<Value = Method> {
    prop_oneof![
        Just(Method::Annuity),
        Just(Method::EqualPrincipal),
        Just(Method::InterestOnly),
        Just(Method::Bullet),
        Just(Method::Flat),
        Just(Method::FeeInstalment),
    ]
}

fn policy() -> impl Strategy<Value = Option<RoundingPolicy>> {
    let mode = prop_oneof![
        Just(RoundingMode::HalfUp),
        Just(RoundingMode::HalfEven),
        Just(RoundingMode::Down)
    ];
    let residue = prop_oneof![Just(Residue::First), Just(Residue::Last)];
    prop_oneof![3 => Just(None), 1 => (mode, residue).prop_map(|(mode, residue)| Some(RoundingPolicy { mode, residue }))]
}

prop_compose! {
    fn loan()(
        method in method(),
        principal in prop_oneof![1i64..10_000, 10_000i64..100_000_000, 100_000_000i64..100_000_000_000],
        periods in prop_oneof![1u32..=36, 1u32..=600],
        start_day in 0i64..(365 * 150),
        rate_kind in 0u8..3,
        annual in rate(500_000),
        daily in rate(1_500),
        fee in rate(20_000),
        total_fee in any::<bool>(),
        bank in any::<bool>(),
        upfront_permille in prop_oneof![3 => Just(0i64), 1 => 1i64..300],
        first_due_extra in prop_oneof![3 => Just(None), 1 => (1i64..45).prop_map(Some)],
        day_count in prop_oneof![3 => Just(None), 1 => Just(Some(DayCount::Actual360)), 1 => Just(Some(DayCount::Actual365)), 1 => Just(Some(DayCount::Thirty360))],
        rounding in policy(),
        prepay in proptest::collection::vec((1u32..600, 1i64..100_000_000_000, any::<bool>(), 0i64..100_000), 0..3),
        reprice in proptest::collection::vec((2u32..=600, rate(200_000)), 0..3),
    ) -> Loan {
        let start = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap() + chrono::Duration::days(start_day);
        let mut loan = Loan::new(Money::from_fen(principal), method, periods, start);
        if method == Method::FeeInstalment {
            loan.fee = Some(if total_fee { FeeRate::Total(fee * Decimal::from(5)) } else { FeeRate::PerPeriod(fee / Decimal::from(2)) });
            loan.issuer = bank.then_some(Issuer::Bank);
        } else {
            loan.rate = Some(match rate_kind {
                0 => InterestRate::Annual(annual),
                1 => InterestRate::Monthly(annual / Decimal::from(12)),
                _ => InterestRate::Daily(daily),
            });
            loan.day_count = day_count;
        }
        loan.upfront_fee = Money::from_fen(principal * upfront_permille / 1000);
        loan.first_due = first_due_extra.map(|days| start + chrono::Duration::days(days));
        loan.rounding = rounding;
        if method.amortises_balance() {
            for (after, amount, shorten, fee) in prepay {
                if after < periods && !loan.prepayments.iter().any(|p: &Prepayment| p.after_period == after) {
                    let strategy = if shorten { Prepay::ShortenTerm } else { Prepay::ReducePayment };
                    loan.prepayments.push(Prepayment { after_period: after, amount: Money::from_fen(amount % principal + 1), strategy, fee: Money::from_fen(fee) });
                }
            }
            for (from, annual_rate) in reprice {
                if from <= periods && !loan.rate_changes.iter().any(|c: &RateChange| c.from_period == from) {
                    loan.rate_changes.push(RateChange { from_period: from, annual_rate });
                }
            }
        }
        loan
    }
}

fn check_rows(loan: &Loan, s: &Schedule) -> Result<(), TestCaseError> {
    let rows = &s.rows;
    prop_assert!(!rows.is_empty());
    prop_assert_eq!(rows[0].opening, loan.principal);
    let mut principal = 0i64;
    for (i, row) in rows.iter().enumerate() {
        for amount in [
            row.opening,
            row.payment,
            row.principal,
            row.interest,
            row.fee,
            row.prepayment,
            row.prepayment_fee,
            row.closing,
        ] {
            prop_assert!(
                !amount.is_negative(),
                "negative amount in row {}: {:?}",
                i + 1,
                row
            );
        }
        prop_assert_eq!(
            row.payment.fen(),
            row.principal.fen() + row.interest.fen() + row.fee.fen(),
            "row {}",
            i + 1
        );
        prop_assert_eq!(
            row.closing.fen(),
            row.opening.fen() - row.principal.fen() - row.prepayment.fen()
        );
        if let Some(next) = rows.get(i + 1) {
            prop_assert_eq!(row.closing, next.opening);
            prop_assert!(next.due > row.due);
        }
        if loan.first_due.is_none() {
            prop_assert_eq!(Some(row.due), add_months(loan.start, row.period));
        }
        prop_assert!(row.days > 0);
        principal += row.principal.fen() + row.prepayment.fen();
    }
    prop_assert_eq!(principal, loan.principal.fen());
    prop_assert_eq!(rows.last().unwrap().closing, Money::ZERO);
    let sum = |f: fn(&repayment_plan::schedule::Row) -> Money| {
        rows.iter().map(|r| f(r).fen()).sum::<i64>()
    };
    let t = s.totals;
    prop_assert_eq!(t.payment.fen(), sum(|r| r.payment));
    prop_assert_eq!(t.principal.fen(), sum(|r| r.principal));
    prop_assert_eq!(t.interest.fen(), sum(|r| r.interest));
    prop_assert_eq!(t.fee.fen(), sum(|r| r.fee));
    prop_assert_eq!(t.prepayment.fen(), sum(|r| r.prepayment));
    prop_assert_eq!(
        t.cost.fen(),
        t.interest.fen() + t.fee.fen() + t.prepayment_fee.fen() + loan.upfront_fee.fen()
    );
    Ok(())
}

/// NPV of the real cash flows at the reported rate: ≈ 0.
fn check_apr(loan: &Loan, s: &Schedule) -> Result<(), TestCaseError> {
    let net = (loan.principal.fen() - loan.upfront_fee.fen()) as f64 / 100.0;
    let flows = s.rows.iter().map(|r| {
        (
            r,
            (r.payment.fen() + r.prepayment.fen() + r.prepayment_fee.fen()) as f64 / 100.0,
        )
    });
    let npv: f64 = if loan.odd_first_period() {
        let effective = s.apr.effective.to_f64().unwrap();
        -net + flows
            .map(|(r, c)| {
                c * (1.0 + effective).powf(-((r.due - loan.start).num_days() as f64) / 365.0)
            })
            .sum::<f64>()
    } else {
        let periodic = s.apr.periodic.to_f64().unwrap();
        -net + flows
            .map(|(r, c)| c * (1.0 + periodic).powi(-(r.period as i32)))
            .sum::<f64>()
    };
    // 0.01 yuan, relative to the size of the loan beyond 10 million (f64 has ~16 digits).
    let tolerance = 0.01f64.max(net * 1e-9);
    prop_assert!(
        npv.abs() <= tolerance,
        "NPV {} at the reported APR {:?}",
        npv,
        s.apr
    );
    let nominal = s.apr.periodic * Decimal::from(12);
    prop_assert!((nominal - s.apr.nominal).abs() < Decimal::new(1, 12));
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_schedule_reconciles(loan in loan()) {
        match build(&loan) {
            Ok(s) => {
                check_rows(&loan, &s)?;
                check_apr(&loan, &s)?;
            }
            // The only refusals a valid random loan may meet: dates past 2200, or an APR beyond
            // any computable figure (an upfront fee against a few days, fees against a few fen).
            Err(e) => prop_assert!(
                (e.code() == "OUT_OF_RANGE" && e.field() == "periods")
                    || (e.code() == "NO_SOLUTION" && (loan.odd_first_period() || loan.principal.fen() < 10_000)),
                "{e}"
            ),
        }
    }

    /// `SCHEDULE_ENDS_EARLY` and `LARGE_FINAL_PAYMENT` say exactly what the rows show, and only
    /// for the balance-based methods (issue #14).
    #[test]
    fn term_warnings_say_what_the_rows_show(loan in loan()) {
        let Ok(s) = build(&loan) else { return Ok(()) };
        let has = |code: &str| s.warnings.iter().any(|w| w.code == code);
        let balance_based = matches!(loan.method, Method::Annuity | Method::EqualPrincipal);
        let shortened = loan.prepayments.iter().any(|p| p.strategy == Prepay::ShortenTerm);
        let early = balance_based && !shortened && (s.rows.len() as u32) < loan.periods;
        prop_assert_eq!(has("SCHEDULE_ENDS_EARLY"), early);
        let jump = match s.rows.as_slice() {
            [.., before, last] => {
                let difference = (last.payment.fen() - before.payment.fen()).abs();
                // More than 10%: difference × 10 > before (in fen, exactly).
                difference * 10 > before.payment.fen()
            }
            _ => false,
        };
        prop_assert_eq!(has("LARGE_FINAL_PAYMENT"), balance_based && jump);
    }

    /// An ordinary loan (a yearly rate on calendar months, at least 100 yuan a payment) keeps
    /// its term: no false alarm.
    #[test]
    fn ordinary_loans_keep_their_term(principal in 100_000i64..100_000_000_000, periods in 1u32..=360, annual in rate(240_000), equal_principal in any::<bool>()) {
        let method = if equal_principal { Method::EqualPrincipal } else { Method::Annuity };
        let mut loan = Loan::new(Money::from_fen(principal * i64::from(periods)), method, periods, NaiveDate::from_ymd_opt(2024, 3, 10).unwrap());
        loan.rate = Some(InterestRate::Annual(annual));
        let s = build(&loan).unwrap();
        prop_assert_eq!(s.rows.len() as u32, periods);
        prop_assert!(!s.warnings.iter().any(|w| w.code == "SCHEDULE_ENDS_EARLY" || w.code == "LARGE_FINAL_PAYMENT"), "{:?}", s.warnings);
    }

    #[test]
    fn regular_first_period_dates_and_rates(principal in 100i64..100_000_000_000, periods in 2u32..=360, annual in rate(300_000), day in 1u32..=31) {
        let start = NaiveDate::from_ymd_opt(2024, 1, day).unwrap_or(NaiveDate::from_ymd_opt(2024, 1, 28).unwrap());
        let mut loan = Loan::new(Money::from_fen(principal), Method::Annuity, periods, start);
        loan.rate = Some(InterestRate::Annual(annual));
        let s = build(&loan).unwrap();
        // Every payment but the last equals the rounded formula payment.
        let m = repayment_plan::schedule::annuity::payment(loan.principal, annual / Decimal::from(12), periods, RoundingMode::HalfUp).unwrap();
        for row in &s.rows[..s.rows.len() - 1] {
            if !row.principal.is_zero() {
                prop_assert_eq!(row.payment, m);
            }
        }
        for row in &s.rows {
            prop_assert!(row.due.day() == start.day() || row.due.day() < start.day());
        }
    }

    #[test]
    fn restructure_target_and_periods_agree(financed in 10_000i64..10_000_000, fee in rate(20_000), freeze in any::<bool>(), target in 100i64..5_000_000) {
        let request = |term| Request {
            debt: Debt { principal: Money::from_fen(financed), interest: Money::ZERO, fees: Money::ZERO, penalties: Money::ZERO },
            waive: Waive::default(),
            term,
            charge: if freeze { Charge::Freeze } else { Charge::FeeRate(fee) },
            down_payment: Money::ZERO,
            start: NaiveDate::from_ymd_opt(2025, 3, 31).unwrap(),
            rounding: None,
        };
        let target = Money::from_fen(target);
        match restructure(&request(Term::TargetPayment(target))) {
            Ok(plan) => {
                prop_assert!(plan.payment <= target);
                let back = restructure(&request(Term::Periods(plan.periods))).unwrap();
                prop_assert_eq!(back.payment, plan.payment);
                prop_assert_eq!(&back.schedule.rows, &plan.schedule.rows);
                if plan.periods > 1 {
                    let shorter = restructure(&request(Term::Periods(plan.periods - 1))).unwrap();
                    prop_assert!(shorter.payment > target);
                }
                let s = &plan.schedule;
                let paid: i64 = s.rows.iter().map(|r| r.principal.fen()).sum();
                prop_assert_eq!(paid, financed);
            }
            Err(e) => prop_assert!(e.code() == "NO_SOLUTION" || e.code() == "OUT_OF_RANGE", "{e}"),
        }
    }
}
