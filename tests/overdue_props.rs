//! Invariants of the overdue calculations, for any input: charges never fall as time passes,
//! results are deterministic, and every total reconciles with its breakdown to the fen.
//! `PROPTEST_CASES` overrides the default of 256 cases.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use repayment_plan::api::overdue::{overdue, OverdueInput, OverdueItemInput, OverdueProduct};
use repayment_plan::money::Money;
use repayment_plan::overdue::card::{
    self, CardChargeKind, CardTerms, InterestMode, Payment, Transaction,
};
use repayment_plan::overdue::timeline::{self, TimelineDays, MILESTONE_CODES};
use repayment_plan::overdue::{
    accrue, assess, ChargeKind, OverdueItem, PenaltyBase, PenaltyTerms, Product,
};
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

fn timeline_days() -> impl Strategy<Value = TimelineDays> {
    (1i64..=3650, 1i64..=3650, 1i64..=3650).prop_map(|(c, a, l)| TimelineDays {
        credit_report: c,
        collection_agency: a,
        legal_action: l,
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn amounts_never_fall_as_dates_move_forward(terms in terms(), items in items(), a in 0u64..1200, step in 0u64..400) {
        let earlier = assess(&terms, &items, day(a)).unwrap();
        let later = assess(&terms, &items, day(a + step)).unwrap();
        prop_assert!(earlier.total_due <= later.total_due, "{} > {}", earlier.total_due, later.total_due);
        prop_assert!(earlier.overdue_amount <= later.overdue_amount);
        prop_assert!(earlier.days_past_due <= later.days_past_due);
    }

    #[test]
    fn timeline_is_dated_in_order_and_owes_what_assess_says(terms in terms(), items in items(), days in timeline_days()) {
        let t = timeline::timeline(Product::Custom, &terms, &items, &days).unwrap();
        let due = items.iter().map(|i| i.due_date).min().unwrap();
        prop_assert!(t.len() >= 5 && t.len() <= MILESTONE_CODES.len());
        let mut codes: Vec<_> = t.iter().map(|m| m.code).collect();
        codes.sort_unstable();
        codes.dedup();
        prop_assert_eq!(codes.len(), t.len(), "a code twice");
        for pair in t.windows(2) {
            // Sorted by date; what is owed and the stage never go back as the dates move forward.
            prop_assert!(pair[0].date <= pair[1].date);
            prop_assert!(pair[0].owed <= pair[1].owed, "{} > {}", pair[0].owed, pair[1].owed);
            prop_assert!(pair[0].charges <= pair[1].charges);
            prop_assert!(pair[0].days_past_due <= pair[1].days_past_due);
            prop_assert!(pair[0].classification <= pair[1].classification);
        }
        for m in &t {
            let o = assess(&terms, &items, m.date).unwrap();
            prop_assert_eq!((m.owed, m.charges, m.days_past_due), (o.total_due, o.total_charges, o.days_past_due));
            prop_assert!(m.date > due && (m.date - due).num_days() >= terms.grace_days);
            prop_assert!(!m.text.message.is_empty() && !m.text.message_zh.is_empty() && !m.next_step.message.is_empty());
        }
        // The first day past due is always listed, the day after the grace.
        let start = t.iter().find(|m| m.code == timeline::PENALTY_START).unwrap();
        prop_assert_eq!((start.date - due).num_days(), terms.grace_days + 1);
    }

    #[test]
    fn each_milestone_owes_what_overdue_returns_on_its_date(
        principals in prop::collection::vec((0u64..400, 0i64..10_000_000, 0i64..100_000), 1..4),
        bank in any::<bool>(),
        grace in 0i32..=90,
        days in (1i32..=3650, 1i32..=3650, 1i32..=3650),
        as_of in 0u64..800,
    ) {
        let input = OverdueInput {
            product: if bank { OverdueProduct::BankLoan } else { OverdueProduct::Huabei },
            as_of_date: day(as_of),
            items: principals.iter().map(|&(due, p, i)| OverdueItemInput {
                due_date: day(due),
                principal: Money::from_fen(p),
                interest: Some(Money::from_fen(i)),
                fee: None,
            }).collect(),
            penalty_daily_rate: None,
            contract_annual_rate: bank.then(|| Decimal::new(49, 3)),
            day_basis: None,
            contract_daily_rate: None,
            penalty_multiplier: None,
            compound_overdue_interest: None,
            grace_days: Some(grace),
            lpr: None,
            timeline: Some(true),
            credit_report_days: Some(days.0),
            collection_agency_days: Some(days.1),
            legal_action_days: Some(days.2),
        };
        let result = overdue(&input).unwrap();
        let plain = overdue(&OverdueInput { timeline: None, credit_report_days: None, collection_agency_days: None, legal_action_days: None, ..input.clone() }).unwrap();
        prop_assert!(plain.timeline.is_none());
        prop_assert_eq!(&OverdueResultWithout(&result), &OverdueResultWithout(&plain), "the timeline changes nothing else");
        for m in result.timeline.as_ref().unwrap() {
            let then = overdue(&OverdueInput { as_of_date: m.date, ..input.clone() }).unwrap();
            prop_assert_eq!(m.owed, then.total_due, "{} on {}", m.code, m.date);
            prop_assert_eq!(m.charges, then.total_charges);
            prop_assert_eq!(m.days_past_due, then.days_past_due);
            prop_assert_eq!(m.stage, then.stage);
            prop_assert_eq!(m.reached, m.date <= input.as_of_date);
        }
    }
}

/// An `overdue` result less its timeline, for comparing the rest.
#[derive(Debug)]
struct OverdueResultWithout<'a>(&'a repayment_plan::api::overdue::OverdueResult);

impl PartialEq for OverdueResultWithout<'_> {
    fn eq(&self, other: &Self) -> bool {
        let strip = |r: &repayment_plan::api::overdue::OverdueResult| {
            let mut r = r.clone();
            r.timeline = None;
            r
        };
        strip(self.0) == strip(other.0)
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
