//! `exact::{powi, ln, exp}` (the crate's own, in 128-bit binary) against rust_decimal's `maths`
//! feature (192-bit decimal, enabled for the tests only): whole powers below 1024 are the same
//! decimal digit for digit; everything else agrees to the last digit or two of 28.
//! Their exact values to 50 digits are checked in `src/exact/wide.rs`. Cases: PROPTEST_CASES
//! (default 256).

use proptest::prelude::*;
use repayment_plan::exact;
use rust_decimal::{Decimal, MathematicalOps};

/// Positive decimals from 10⁻¹⁸ to 10¹⁸ with up to 18 significant digits.
fn positive() -> impl Strategy<Value = Decimal> {
    (1i64..i64::MAX, 0u32..=28)
        .prop_map(|(m, s)| Decimal::new(m, s))
        .prop_filter("within 10^±18", |d| {
            *d > Decimal::new(1, 18) && *d < Decimal::from(10i64.pow(18))
        })
}

/// Rates as the time-value functions see them: −0.9999999999 to 100, many near 0.
fn base() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (1i64..1_000_000_000, 4u32..=20).prop_map(|(m, s)| Decimal::ONE + Decimal::new(m, s)),
        (1i64..9_999_999_999, 10u32..=10).prop_map(|(m, s)| Decimal::new(m, s)),
        (1i64..1_010_000, 4u32..=4).prop_map(|(m, s)| Decimal::new(m, s)),
    ]
}

/// `|a − b| ≤ 10⁻²⁶·max(|b|, 1)`: the last two of 28 digits may differ.
fn close(a: Decimal, b: Decimal) -> bool {
    (a - b).abs() <= Decimal::new(1, 26) * b.abs().max(Decimal::ONE)
}

proptest! {
    #[test]
    fn small_powers_are_the_same_decimal(b in base(), n in 0i64..1024, negative in any::<bool>()) {
        let n = if negative { -n } else { n };
        let theirs = b.checked_powi(n);
        let ours = exact::powi(b, n).ok();
        // Same value and the same digits (scale), as later arithmetic may depend on both.
        prop_assert_eq!(ours.map(|d| d.to_string()), theirs.map(|d| d.to_string()));
    }

    #[test]
    fn large_powers_agree_to_the_last_digit(b in base(), n in 1024i64..100_000) {
        if let (Some(theirs), Ok(ours)) = (b.checked_powi(n), exact::powi(b, n)) {
            // Both are the exact power rounded once, to 28 or 29 digits: one unit of the
            // shorter. (Ours is the correctly rounded one where they differ, e.g. 1.0000993464796^67096.)
            let unit = Decimal::new(1, ours.scale().min(theirs.scale()));
            prop_assert!((ours - theirs).abs() <= unit, "{}^{}: {} vs {}", b, n, ours, theirs);
        } else {
            prop_assert_eq!(b.checked_powi(n).is_none(), exact::powi(b, n).is_err(), "{}^{}", b, n);
        }
    }

    #[test]
    fn logarithms_agree(x in positive()) {
        let ours = exact::ln(x).unwrap();
        let theirs = x.checked_ln().unwrap();
        prop_assert!(close(ours, theirs), "ln {}: {} vs {}", x, ours, theirs);
    }

    #[test]
    fn exponentials_agree(m in -64_000_000_000i64..64_000_000_000, s in 9u32..=20) {
        let x = Decimal::new(m, s);
        let ours = exact::exp(x).unwrap();
        let theirs = x.checked_exp().unwrap();
        let unit = Decimal::new(1, ours.scale().max(theirs.scale()));
        prop_assert!(close(ours, theirs) || (ours - theirs).abs() <= unit, "exp {}: {} vs {}", x, ours, theirs);
    }

    /// exp undoes ln, and ln turns products into sums, to 26 digits.
    #[test]
    fn identities(x in positive(), y in positive()) {
        let back = exact::exp(exact::ln(x).unwrap()).unwrap();
        // (Below 10⁻² the 28 decimal places of a Decimal hold fewer than 26 digits.)
        let allowed = x * Decimal::new(1, 26) + Decimal::new(1, 28);
        prop_assert!((back - x).abs() <= allowed, "exp(ln {}) = {}", x, back);
        // Only where the product is exact (it kept every decimal place of both factors).
        if let Some(xy) = x.checked_mul(y).filter(|p| p.scale() == x.scale() + y.scale()) {
            let sum = exact::ln(x).unwrap() + exact::ln(y).unwrap();
            prop_assert!(close(exact::ln(xy).unwrap(), sum), "ln({} × {})", x, y);
        }
    }
}

#[test]
fn domain_errors() {
    assert_eq!(exact::ln(Decimal::ZERO).unwrap_err().code(), "OUT_OF_RANGE");
    assert_eq!(
        exact::ln(Decimal::NEGATIVE_ONE).unwrap_err().code(),
        "OUT_OF_RANGE"
    );
    assert_eq!(
        exact::exp(Decimal::new(6400001, 5)).unwrap_err().code(),
        "OUT_OF_RANGE"
    );
    assert_eq!(exact::exp(Decimal::ZERO).unwrap(), Decimal::ONE);
    assert_eq!(
        exact::powi(Decimal::ZERO, -1).unwrap_err().code(),
        "OUT_OF_RANGE"
    );
    assert_eq!(
        exact::powi(Decimal::TEN, 28).unwrap(),
        Decimal::from_i128_with_scale(10i128.pow(28), 0)
    );
}
