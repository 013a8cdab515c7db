//! Property tests of the core: exact parsing and formatting, and the time-value identities.
//! Short by default (PROPTEST_CASES, 256 in scripts/test.sh); the long run is
//! `PROPTEST_CASES=1000000 cargo test --release --test props_core`.

use proptest::prelude::*;
use repayment_plan::cost::{self, When};
use repayment_plan::money::{parse_decimal, Money};
use rust_decimal::Decimal;

fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..=18).prop_map(|(m, s)| Decimal::new(m, s))
}

proptest! {
    #[test]
    fn decimals_round_trip_through_the_strict_grammar(d in decimal()) {
        prop_assert_eq!(parse_decimal(&d.to_string()).unwrap(), d);
    }

    #[test]
    fn money_formats_and_parses_back(fen in any::<i64>().prop_filter("i64::MIN has no positive twin", |f| *f != i64::MIN)) {
        let m = Money::from_fen(fen);
        prop_assert_eq!(Money::parse(&m.to_string()), Some(m));
    }

    /// The solvers' shortcut from a JSON number token to `f64` gives the same `f64` as the
    /// decimal way, whenever it applies: any digits and point placement up to 15 digits, and it
    /// declines what it cannot do exactly.
    #[test]
    fn plain_numbers_convert_like_their_decimals(mantissa in any::<i64>(), scale in 0u32..=18) {
        let token = Decimal::new(mantissa, scale).to_string();
        let decimal = repayment_plan::money::parse_json_number(&token).unwrap();
        let via_decimal = cost::to_f64(decimal).unwrap();
        match repayment_plan::money::plain_number_f64(&token) {
            Some(fast) => prop_assert_eq!(fast.to_bits(), via_decimal.to_bits(), "{}", token),
            None => prop_assert!(token.bytes().filter(u8::is_ascii_digit).count() > 15, "{}", token),
        }
    }

    #[test]
    fn the_input_reader_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = repayment_plan::api::de::from_json::<repayment_plan::api::schedule::ScheduleInput>(&text);
        let _ = repayment_plan::api::de::from_json::<repayment_plan::api::schedule::CompareOffersInput>(&text);
    }

    /// pmt, pv, fv, nper and rate are inverses of each other, and the IRR of a loan's cash flows
    /// is its rate.
    #[test]
    fn time_value_identities(rate_bp in 1u32..500, nper in 1u32..600, pv_fen in 1i64..10_000_000_000_000, begin in any::<bool>()) {
        let rate = Decimal::new(rate_bp.into(), 4); // 0.01% .. 5% per period
        let pv = Decimal::new(pv_fen, 2);
        let when = if begin { When::Begin } else { When::End };
        let n = Decimal::from(nper);
        let payment = cost::pmt(rate, n, pv, Decimal::ZERO, when).unwrap();
        let back = cost::pv(rate, n, payment, Decimal::ZERO, when).unwrap();
        prop_assert!((back - pv).abs() <= pv * Decimal::new(1, 18), "pv {pv} came back as {back}");
        // fv subtracts two numbers of size pv·(1+r)^n; 28 significant digits leave a residue
        // of that size × 1e-27 (found by the 10^6-case run: 590 periods at 4.92% left 0.000002).
        let left = cost::fv(rate, n, payment, pv, when).unwrap();
        let growth = cost::growth(rate, n).unwrap();
        prop_assert!(left.abs() <= pv * growth * Decimal::new(1, 26), "fv after paying off: {left}");
        let periods = cost::nper(rate, payment, pv, Decimal::ZERO, when).unwrap();
        prop_assert!((periods - n).abs() < Decimal::new(1, 9), "nper {periods} ≠ {nper}");
        // (One payment at the start repays pv at any rate: every rate is a root, so skip it.)
        if nper > 1 || !begin {
            let solved = cost::rate(n, payment, pv, Decimal::ZERO, when, None).unwrap();
            prop_assert!((solved - rate).abs() < Decimal::new(1, 9), "rate {solved} ≠ {rate}");
        }
        if !begin {
            let mut flows = vec![-pv];
            flows.extend(std::iter::repeat_n(-payment, nper as usize));
            let irr = cost::irr(&flows, None).unwrap();
            prop_assert!((irr - rate).abs() < Decimal::new(1, 9), "irr {irr} ≠ {rate}");
        }
    }

    /// Interest and principal parts add up to the payment, and cumulative principal repays the loan.
    #[test]
    fn payment_parts_add_up(rate_bp in 1u32..300, nper in 1u32..120, pv_fen in 100i64..1_000_000_000) {
        let rate = Decimal::new(rate_bp.into(), 4);
        let pv = Decimal::new(pv_fen, 2);
        let n = Decimal::from(nper);
        let payment = cost::pmt(rate, n, pv, Decimal::ZERO, When::End).unwrap();
        let per = nper.div_ceil(2);
        let parts = cost::ipmt(rate, per, n, pv, Decimal::ZERO, When::End).unwrap()
            + cost::ppmt(rate, per, n, pv, Decimal::ZERO, When::End).unwrap();
        prop_assert!((parts - payment).abs() < Decimal::new(1, 12));
        let principal = cost::cumprinc(rate, nper, pv, 1, nper, When::End).unwrap();
        prop_assert!((principal + pv).abs() < Decimal::new(1, 8), "cumprinc {principal} vs {pv}");
    }
}
