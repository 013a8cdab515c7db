//! The crate's own `exact::{ln, pow}` and `powi` from 1024 on (128-bit binary) against
//! rust_decimal's `maths` feature (192-bit decimal): they agree to the last digit or two of 28.
//! Their exact values to 50 digits are checked in `src/exact/wide.rs`, and `src/exact.rs` has,
//! for each, a printed result that rust_decimal gets wrong. Cases: PROPTEST_CASES (default 256).

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
    fn large_powers_agree_to_the_last_digit(b in base(), n in 1024i64..100_000) {
        if let (Some(theirs), Ok(ours)) = (b.checked_powi(n), exact::powi(b, n)) {
            // Both are the exact power rounded once, to 28 or 29 digits: one unit of the
            // shorter. (Ours is the correctly rounded one where they differ, e.g. 1.0000993464796^67096.)
            let unit = Decimal::new(1, ours.scale().min(theirs.scale()));
            prop_assert!((ours - theirs).abs() <= unit, "{}^{}: {} vs {}", b, n, ours, theirs);
        } else if let Ok(ours) = exact::powi(b, n) {
            // Theirs gives up a little below the top of the range (1.000887457202^75003 =
            // 7.846…·10²⁸ fits: ours; theirs: overflow).
            prop_assert!(ours > Decimal::from(10i128.pow(28)), "{}^{} = {} overflowed theirs", b, n, ours);
        } else {
            prop_assert!(b.checked_powi(n).is_none(), "{}^{} overflowed ours only", b, n);
        }
    }

    #[test]
    fn logarithms_agree(x in positive()) {
        let ours = exact::ln(x).unwrap();
        let theirs = x.checked_ln().unwrap();
        prop_assert!(close(ours, theirs), "ln {}: {} vs {}", x, ours, theirs);
    }

    /// rust_decimal rounds `ln base` to 28 decimal places (±5·10⁻²⁹) and `x·ln base` again before
    /// `exp`, which costs it digits in proportion to `x` (ours is the correctly rounded power in
    /// 1887 of 1888 cases checked with mpmath, theirs in 7; e.g. 1.000001^-30785.4 =
    /// 0.96968365978535148379506407394…: ours …0739, theirs …0751).
    #[test]
    fn fractional_powers_agree(b in base(), m in -10_000_000i64..10_000_000, s in 1u32..=6) {
        let x = Decimal::new(m, s);
        let theirs = b.checked_ln().and_then(|l| l.checked_mul(x)).filter(|p| p.abs() <= Decimal::from(64)).and_then(|p| p.checked_exp());
        match (exact::pow(b, x), theirs) {
            (Ok(ours), Some(theirs)) => {
                // (Their ln is itself up to ~10 units off in the 28th place: it reduces by
                // rounded constants (e, ln 10) and subtracts, e.g. 1.000000000777313314^49073.7 = 1.00003814636791660654976113663…:
                // ours …611366, theirs …760692.)
                let relative = x.abs() * Decimal::new(2, 27) + Decimal::new(2, 26);
                let allowed = relative * theirs.max(Decimal::ONE) + Decimal::new(1, 27);
                prop_assert!((ours - theirs).abs() <= allowed, "{}^{}: {} vs {}", b, x, ours, theirs);
            }
            // Either both leave the range, or the product sits at the ±64 edge.
            (ours, theirs) => prop_assert_eq!(ours.is_ok(), theirs.is_some(), "{}^{}", b, x),
        }
    }

    /// For a whole exponent, pow and powi give the same number but for powi's roundings: one per
    /// squaring or product of decimals, each up to 10⁻²⁸ relative and multiplied by the exponent
    /// still to come (e.g. 0.3955269978^-6 = 261.181975864839214982154885882…: pow …588,
    /// powi …8872).
    #[test]
    fn whole_exponents_agree_with_powi(b in base(), n in -2000i64..2000) {
        if let (Ok(p), Ok(q)) = (exact::pow(b, Decimal::from(n)), exact::powi(b, n)) {
            // (A negative power divides 1 by a positive one held to 28 decimal places.)
            let relative = (Decimal::from(n.abs()) + q.abs()) * Decimal::new(1, 28) + Decimal::new(1, 26);
            let allowed = relative * q.abs().max(Decimal::ONE) + Decimal::new(1, 27);
            prop_assert!((p - q).abs() <= allowed, "{}^{}: {} vs {}", b, n, p, q);
        }
    }

    /// ln turns products into sums, to 26 digits; and a root undoes the power (`root` is
    /// rust_decimal's `exp(ln x / n)`, `powi` below 1024 its `checked_powi`).
    #[test]
    fn identities(x in positive(), y in positive(), n in 1u32..20) {
        // Only where the product is exact (it kept every decimal place of both factors).
        if let Some(xy) = x.checked_mul(y).filter(|p| p.scale() == x.scale() + y.scale()) {
            let sum = exact::ln(x).unwrap() + exact::ln(y).unwrap();
            prop_assert!(close(exact::ln(xy).unwrap(), sum), "ln({} × {})", x, y);
        }
        // (Where the power keeps 26 digits: at least 0.01 with 28 decimal places.)
        if let Some(power) = exact::powi(x, n.into()).ok().filter(|p| *p >= Decimal::new(1, 2)) {
            let back = exact::root(power, n).unwrap();
            // To 25 digits: rust_decimal's exp reaches e^k by powers of a 28-digit e, which
            // costs the 27th digit above e^30 (root(29947294622291142, 1) = …141.999999999684).
            prop_assert!((back - x).abs() <= x * Decimal::new(1, 25), "({}^{})^(1/{}) = {}", x, n, n, back);
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
        exact::root(Decimal::ZERO, 2).unwrap_err().code(),
        "OUT_OF_RANGE"
    );
    assert_eq!(
        exact::root(Decimal::TWO, 0).unwrap_err().code(),
        "OUT_OF_RANGE"
    );
    assert_eq!(
        exact::powi(Decimal::ZERO, -1).unwrap_err().code(),
        "OUT_OF_RANGE"
    );
    assert_eq!(
        exact::powi(Decimal::TEN, 28).unwrap(),
        Decimal::from_i128_with_scale(10i128.pow(28), 0)
    );
    assert_eq!(
        exact::powi(Decimal::TEN, 1024).unwrap_err().code(),
        "OUT_OF_RANGE"
    );
}
