//! Invariants of the overdue calculations, for any input: charges never fall as time passes,
//! results are deterministic, and every total reconciles with its breakdown to the fen.
//! `PROPTEST_CASES` overrides the default of 256 cases.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use repayment_plan::money::Money;
use repayment_plan::overdue::card::{
    self, CardChargeKind, CardTerms, InterestMode, Payment, Transaction,
};
use repayment_plan::overdue::{accrue, assess, ChargeKind, OverdueItem, PenaltyBase, PenaltyTerms};
use rust_decimal::Decimal;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + Days::new(offset)
}

fn terms() -> impl Strategy<Value = PenaltyTerms> {
    (
        1i64..20_000,
        prop_oneof![Just(1i64), Just(360i64)],
        any::<bool>(),
        any::<bool>(),
        0i64..10,
    )
        .prop_map(
            |(rate_millionths, rate_days, whole, compound, grace_days)| PenaltyTerms {
                // Up to 2% a day, or up to 2% a year on the 360-day basis.
                rate: Decimal::new(rate_millionths, 6),
                rate_days,
                base: if whole {
                    PenaltyBase::WholeAmount
                } else {
                    PenaltyBase::Principal
                },
                compound_overdue_interest: compound,
                grace_days,
            },
        )
}

fn items() -> impl Strategy<Value = Vec<OverdueItem>> {
    prop::collection::vec(
        (
            0u64..800,
            0i64..100_000_000,
            0i64..5_000_000,
            0i64..1_000_000,
        )
            .prop_map(|(due, p, i, f)| OverdueItem {
                due_date: day(due),
                principal: Money::from_fen(p),
                interest: Money::from_fen(i),
                fee: Money::from_fen(f),
            }),
        1..8,
    )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn charges_never_decrease_as_time_passes(terms in terms(), items in items(), a in 0u64..1200, step in 0u64..400) {
        let earlier = accrue(&terms, &items, day(a)).unwrap().total_charges().unwrap();
        let later = accrue(&terms, &items, day(a + step)).unwrap().total_charges().unwrap();
        prop_assert!(earlier <= later, "{earlier} > {later}");
    }

    #[test]
    fn overdue_reconciles_and_is_deterministic(terms in terms(), items in items(), as_of in 0u64..1200) {
        let o = assess(&terms, &items, day(as_of)).unwrap();
        prop_assert_eq!(&o, &assess(&terms, &items, day(as_of)).unwrap());
        let a = &o.accrual;
        let sum = |kind| Money::sum(a.rows.iter().filter(|r| r.kind == kind).map(|r| r.amount)).unwrap();
        prop_assert_eq!(a.penalty_interest, sum(ChargeKind::Penalty));
        prop_assert_eq!(a.compound_interest, sum(ChargeKind::Compound));
        prop_assert_eq!(o.total_charges, a.penalty_interest.checked_add(a.compound_interest).unwrap());
        prop_assert_eq!(o.total_due, o.overdue_amount.checked_add(o.total_charges).unwrap());
        prop_assert_eq!(Money::sum(a.items.iter().map(|s| s.charges)).unwrap(), o.total_charges);
        let tomorrow = accrue(&terms, &items, day(as_of + 1)).unwrap().total_charges().unwrap();
        prop_assert_eq!(o.daily_growth, tomorrow.checked_sub(o.total_charges).unwrap());
        prop_assert!(!o.daily_growth.is_negative());
        // Every row is its own formula, rounded half-up.
        for r in &a.rows {
            let exact = Decimal::from(r.base.fen()) * r.rate * Decimal::from(r.days) / Decimal::from(r.rate_days);
            let diff = (Decimal::from(r.amount.fen()) - exact).abs();
            prop_assert!(diff <= Decimal::new(5, 1), "{r:?}");
        }
        prop_assert_eq!(o.days_past_due, a.items.iter().map(|s| s.days_past_due).max().unwrap_or(0));
        prop_assert!(o.days_past_due == 0 || o.days_past_due > terms.grace_days);
    }
}

fn card_case() -> impl Strategy<Value = (CardTerms, Vec<Transaction>, Vec<Payment>)> {
    let transactions = prop::collection::vec(
        (0u64..60, 1i64..2_000_000).prop_map(|(d, fen)| Transaction {
            posting_date: day(d),
            amount: Money::from_fen(fen),
        }),
        1..6,
    );
    // Statement on day 60, due on day 80; payments between day 60 and day 100.
    let payments = prop::collection::vec(
        (60u64..100, 1i64..2_000_000).prop_map(|(d, fen)| Payment {
            date: day(d),
            amount: Money::from_fen(fen),
        }),
        0..4,
    );
    let terms = (any::<bool>(), 0i64..6, 1i64..2000, 0i64..3000).prop_map(
        |(unpaid, grace_days, rate, fee_min)| CardTerms {
            mode: if unpaid {
                InterestMode::Unpaid
            } else {
                InterestMode::Full
            },
            grace_days,
            daily_rate: Decimal::new(rate, 6),
            late_fee_min: Money::from_fen(fee_min),
            ..CardTerms::default()
        },
    );
    (terms, transactions, payments)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn card_reconciles_and_never_falls_over_time((terms, txs, pays) in card_case(), a in 100u64..200, step in 0u64..100) {
        let due = day(80);
        let s = card::statement(&terms, due, &txs, &pays, day(a)).unwrap();
        prop_assert_eq!(&s, &card::statement(&terms, due, &txs, &pays, day(a)).unwrap());
        let sum = |kind| Money::sum(s.rows.iter().filter(|r| r.kind == kind).map(|r| r.amount)).unwrap();
        prop_assert_eq!(s.interest, sum(CardChargeKind::Interest));
        prop_assert_eq!(s.late_fee, sum(CardChargeKind::LateFee));
        let expected = s.statement_balance.checked_sub(s.paid).unwrap().checked_add(s.interest).unwrap().checked_add(s.late_fee).unwrap();
        prop_assert_eq!(s.new_balance, expected);
        let later = card::statement(&terms, due, &txs, &pays, day(a + step)).unwrap();
        prop_assert!(s.interest <= later.interest && s.late_fee == later.late_fee);
        // Interest on the unpaid part never exceeds interest on the whole statement (up to the
        // half-fen per row that rounding full's extra segments may take away).
        let full = card::statement(&CardTerms { mode: InterestMode::Full, ..terms }, due, &txs, &pays, day(a)).unwrap();
        let part = card::statement(&CardTerms { mode: InterestMode::Unpaid, ..terms }, due, &txs, &pays, day(a)).unwrap();
        let slack = Money::from_fen(full.rows.len() as i64);
        prop_assert!(part.interest <= full.interest.checked_add(slack).unwrap(), "{} > {}", part.interest, full.interest);
        // The late fee never bears interest: changing its floor changes nothing else.
        let dearer = card::statement(&CardTerms { late_fee_min: Money::from_fen(1_000_000), ..terms }, due, &txs, &pays, day(a)).unwrap();
        prop_assert_eq!(dearer.interest, s.interest);
        // Counting the end day adds exactly one interest day on the balance left at the end,
        // when interest runs at all: the same rows, the last one a day longer. (Payments here all
        // come before the as-of date, so the balance on it is the last row's.)
        let counted = card::statement(&CardTerms { count_end_day: true, ..terms }, due, &txs, &pays, day(a)).unwrap();
        let days = |rows: &[card::CardRow]| rows.iter().filter(|r| r.kind == CardChargeKind::Interest).map(|r| r.days).sum::<i64>();
        let ran = s.rows.iter().any(|r| r.kind == CardChargeKind::Interest && r.to == day(a));
        prop_assert_eq!(days(&counted.rows), days(&s.rows) + i64::from(ran));
        prop_assert!(counted.interest >= s.interest);
    }
}
