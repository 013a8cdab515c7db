//! `ln`, fractional powers and large whole powers in 128-bit binary arithmetic, rounded once to
//! a [`Decimal`]: where rust_decimal's `maths` prints wrong digits of the crate's results (the
//! tests in `exact.rs` show one for each). The pieces:
//! * [`Wide`]: a positive number `m·2^e` with a 128-bit `m` whose top bit is set; a product is
//!   truncated to 128 bits, so each operation is within 2⁻¹²⁷ (6·10⁻³⁹) relative of exact.
//! * fixed point with [`FRAC`] = 120 fraction bits (in `u128`/`i128`) for logarithms and the
//!   reduced argument of `exp`: absolute steps of 2⁻¹²⁰ (7.5·10⁻³⁷).
//!
//! Every result is within about 10⁻³³ relative of the exact value when it is rounded (half up) to
//! the nearest decimal of 28 or 29 significant digits, so it is the correctly rounded decimal but
//! for values within 10⁻³³ of a rounding boundary. The unit tests check this against 50-digit
//! values.

use rust_decimal::Decimal;

/// Fraction bits of the fixed-point numbers.
const FRAC: u32 = 120;
/// 1 in fixed point.
const ONE: u128 = 1 << FRAC;
/// ln 2 in fixed point, rounded to nearest.
const LN2: u128 = 921_350_637_599_661_305_226_344_307_672_478_455;
/// √2 in fixed point, rounded to nearest.
const SQRT2: u128 = 1_879_812_259_125_035_246_445_576_347_481_445_757;

/// `m·2^e`, `m` normalised (top bit set) so that it carries 128 significant bits.
#[derive(Copy, Clone, Debug)]
struct Wide {
    m: u128,
    e: i64,
}

impl Wide {
    /// `m·2^e` for `m > 0`, normalised.
    fn new(m: u128, e: i64) -> Wide {
        let shift = m.leading_zeros();
        Wide {
            m: m.checked_shl(shift).unwrap_or(0),
            e: e - i64::from(shift),
        }
    }

    /// `|d|` for `d ≠ 0`: the 128 leading bits of `mantissa / 10^scale`, by long division.
    fn from_decimal(d: Decimal) -> Wide {
        let (m, den) = (d.mantissa().unsigned_abs(), ten_to(d.scale()));
        // m·2^k/den lies in [2^126, 2^128): 128 − lz(m) bits of m, 128 − lz(den) of den.
        let k = 127 + m.leading_zeros() - den.leading_zeros();
        Wide::new(div_bits(m, den, k), -i64::from(k))
    }

    /// The product, truncated to 128 bits.
    fn mul(self, other: Wide) -> Wide {
        let (hi, lo) = mul_256(self.m, other.m);
        let e = self.e + other.e + 128;
        if hi >> 127 == 0 {
            Wide {
                m: hi << 1 | lo >> 127,
                e: e - 1,
            }
        } else {
            Wide { m: hi, e }
        }
    }

    /// The nearest decimal with as many digits as fit (scale ≤ 28, mantissa < 2^96), negated
    /// when `negative`; `None` when the value is 2^96 or more.
    fn to_decimal(self, negative: bool) -> Option<Decimal> {
        if self.e >= 0 {
            return None; // 2^127 or more
        }
        let shift = u32::try_from(self.e.unsigned_abs()).unwrap_or(u32::MAX);
        for scale in (0..=Decimal::MAX_SCALE).rev() {
            // round(value·10^scale) = round((hi·2^128 + lo) / 2^shift): the bits above `shift`
            // plus the bit just below them.
            let (hi, lo) = mul_256(self.m, ten_to(scale));
            let Some(q) = shr_256(hi, lo, shift - 1).map(|b| (b >> 1) + (b & 1)) else {
                continue;
            };
            if q >> 96 == 0 {
                let mut d = Decimal::from_parts(
                    q as u32,
                    (q >> 32) as u32,
                    (q >> 64) as u32,
                    negative && q != 0,
                    scale,
                );
                d.normalize_assign();
                return Some(d);
            }
        }
        None
    }
}

/// `10^k` for `k ≤ 28`.
fn ten_to(k: u32) -> u128 {
    10u128.pow(k)
}

/// The 256-bit product `a·b` as (high, low) halves.
fn mul_256(a: u128, b: u128) -> (u128, u128) {
    const LOW: u128 = u64::MAX as u128;
    let (a1, a0, b1, b0) = (a >> 64, a & LOW, b >> 64, b & LOW);
    let (p00, p01, p10, p11) = (a0 * b0, a0 * b1, a1 * b0, a1 * b1);
    let middle = (p00 >> 64) + (p01 & LOW) + (p10 & LOW);
    (
        p11 + (p01 >> 64) + (p10 >> 64) + (middle >> 64),
        p00 & LOW | middle << 64,
    )
}

/// `⌊(hi·2^128 + lo) / 2^shift⌋`, `None` when it needs more than 128 bits.
fn shr_256(hi: u128, lo: u128, shift: u32) -> Option<u128> {
    match shift {
        0 => (hi == 0).then_some(lo),
        1..=127 => (hi >> shift == 0).then(|| hi << (128 - shift) | lo >> shift),
        128..=255 => Some(hi >> (shift - 128)),
        _ => Some(0),
    }
}

/// `⌊num·2^k / den⌋` by binary long division; needs `0 < den < 2^127` and a result below 2^128.
fn div_bits(num: u128, den: u128, k: u32) -> u128 {
    let (mut q, mut r) = (num / den, num % den);
    for _ in 0..k {
        r <<= 1;
        q <<= 1;
        if r >= den {
            r -= den;
            q |= 1;
        }
    }
    q
}

/// `a·b` in fixed point (truncated).
fn mul_fixed(a: u128, b: u128) -> u128 {
    let (hi, lo) = mul_256(a, b);
    hi << (128 - FRAC) | lo >> FRAC
}

/// `|base|^n` (negated for a negative base and odd `n`) by repeated squaring of 128-bit
/// binary numbers: for exponents where squaring rounded 28-digit decimals would lose digits.
/// `None` when the result is 2^96 or more.
pub(super) fn powu(base: Decimal, mut n: u64) -> Option<Decimal> {
    let negative = base.is_sign_negative() && n & 1 == 1;
    if base.is_zero() {
        return Some(Decimal::ZERO);
    }
    let mut power = Wide::from_decimal(base);
    let mut product: Option<Wide> = None;
    loop {
        if n & 1 == 1 {
            product = Some(product.map_or(power, |p| p.mul(power)));
        }
        n >>= 1;
        if n == 0 {
            break;
        }
        power = power.mul(power);
        // A power of 2^127 or more only grows (its base is above 1): the result overflows. One
        // below 2^-2^32 only shrinks: the result is 0, and the cap keeps exponents from wrapping.
        if power.e >= 0 {
            return None;
        }
        power.e = power.e.max(-(1 << 32));
    }
    product.and_then(|p| p.to_decimal(negative))
}

/// `base^x` for `base > 0` and any `x`, as `exp(x·ln base)` with nothing rounded in between (so
/// a tiny rate's logarithm keeps its digits); `None` when `|x·ln base| > 64`.
pub(super) fn pow(base: Decimal, x: Decimal) -> Option<Decimal> {
    let log = ln_fixed(base);
    if log == 0 || x.is_zero() {
        return Some(Decimal::ONE);
    }
    let product = Wide::new(log.unsigned_abs(), -i64::from(FRAC)).mul(Wide::from_decimal(x));
    // In fixed point: m·2^(e + FRAC), a right shift as the value is below 2^7.
    let shift = u32::try_from(-(product.e + i64::from(FRAC))).ok()?;
    let magnitude = product.m.checked_shr(shift).unwrap_or(0);
    if magnitude > 64 * ONE {
        return None;
    }
    let negative = (log < 0) != x.is_sign_negative();
    exp_fixed(if negative {
        -(magnitude as i128)
    } else {
        magnitude as i128
    })
}

/// `e^x` for `x` in fixed point, `|x| < 65`: `x = k·ln 2 + r` with `0 ≤ r < ln 2`, `e^r` by its
/// Taylor series, times `2^k`.
fn exp_fixed(x: i128) -> Option<Decimal> {
    let k = x.div_euclid(LN2 as i128);
    let r = (x - k * LN2 as i128) as u128;
    let (mut sum, mut term, mut i) = (ONE + r, r, 2);
    while term != 0 {
        term = mul_fixed(term, r) / i;
        sum += term;
        i += 1;
    }
    Wide::new(sum, k as i64 - i64::from(FRAC)).to_decimal(false)
}

/// `ln x` for `x > 0`.
pub(super) fn ln(x: Decimal) -> Option<Decimal> {
    let log = ln_fixed(x);
    if log == 0 {
        return Some(Decimal::ZERO);
    }
    Wide::new(log.unsigned_abs(), -i64::from(FRAC)).to_decimal(log < 0)
}

/// `ln x` in fixed point for `x > 0` (`|ln x| < 67`): `x = 2^k·f` with `√½ ≤ f < √2`,
/// `ln f = 2·atanh((f − 1)/(f + 1))` by its series, plus `k·ln 2`.
fn ln_fixed(x: Decimal) -> i128 {
    let w = Wide::from_decimal(x);
    // x = (w.m / 2^127)·2^(w.e + 127), the first factor in [1, 2).
    let (mut f, mut k) = (w.m >> (127 - FRAC), w.e + 127);
    if f >= SQRT2 {
        f >>= 1;
        k += 1;
    }
    let (distance, below_one) = if f >= ONE {
        (f - ONE, false)
    } else {
        (ONE - f, true)
    };
    // |z| ≤ 0.172, so z^(2i+1) falls below 2^-120 within 25 terms.
    let z = div_bits(distance, f + ONE, FRAC);
    let z2 = mul_fixed(z, z);
    let (mut sum, mut power, mut odd) = (z, z, 3);
    while power != 0 {
        power = mul_fixed(power, z2);
        sum += power / odd;
        odd += 2;
    }
    let ln_f = if below_one {
        -2 * sum as i128
    } else {
        2 * sum as i128
    };
    i128::from(k) * LN2 as i128 + ln_f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// `got` is `want` rounded to the nearest decimal (28 places, or fewer where the mantissa
    /// would pass 2^96: parsing rounds the same way).
    fn assert_correctly_rounded(got: Decimal, want: &str) {
        assert_eq!(got, d(want), "{got} is not {want} rounded");
    }

    #[test]
    fn long_division_and_products_are_exact_where_they_can_be() {
        assert_eq!(div_bits(1, 3, 4), 5); // 16/3
        assert_eq!(div_bits(10, 10, 120), ONE);
        let (hi, lo) = mul_256(u128::MAX, u128::MAX);
        assert_eq!((hi, lo), (u128::MAX - 1, 1));
        assert_eq!(shr_256(1, 0, 1), Some(1 << 127));
        assert_eq!(shr_256(1, 0, 0), None);
        assert_eq!(shr_256(5, 7, 300), Some(0));
        let w = Wide::from_decimal(d("0.75"));
        assert_eq!((w.m, w.e), (3 << 126, -128));
        assert_eq!(w.to_decimal(true), Some(d("-0.75")));
        assert_eq!(w.mul(w).to_decimal(false), Some(d("0.5625")));
    }

    #[test]
    fn conversion_keeps_every_digit_and_rounds_the_rest() {
        for text in [
            "79228162514264337593543950335",
            "1",
            "0.0000000000000000000000000001",
            "3.1415926535897932384626433833",
            "123456789.123456789",
        ] {
            assert_eq!(Wide::from_decimal(d(text)).to_decimal(false), Some(d(text)));
        }
        // 2^96 does not fit; 2^-100 rounds to 0 at 28 places.
        assert_eq!(Wide::new(1, 96).to_decimal(false), None);
        assert_eq!(Wide::new(1, -100).to_decimal(true), Some(Decimal::ZERO));
        // 2/3 rounds up in the 28th place.
        assert_eq!(
            Wide::new(div_bits(2, 3, 126), -126).to_decimal(false),
            Some(d("0.6666666666666666666666666667"))
        );
    }

    /// Reference values computed with Python's mpmath at 60 digits, cut to 50.
    #[test]
    fn logarithms_match_fifty_digit_values() {
        let cases = [
            ("2", "0.69314718055994530941723212145817656807550013436026"),
            ("10", "2.3025850929940456840179914546843642076011014886288"),
            (
                "0.5",
                "-0.69314718055994530941723212145817656807550013436026",
            ),
            (
                "1.0000000001",
                "0.000000000099999999995000000000333333333308333333335333",
            ),
            (
                "0.9999999999",
                "-0.00000000010000000000500000000033333333335833333333533",
            ),
            (
                "1.004083333333333333333333333",
                "0.0040750191531390676446157538700676418400997388147883",
            ),
            (
                "79228162514264337593543950335",
                "66.542129333754749704054283659972328760764476709698",
            ),
            (
                "0.0000000000000000000000000001",
                "-64.472382603833279152503760731162197812830841681606",
            ),
            ("101", "4.6151205168412594508841982669129891568908825871976"),
            (
                "1.4142135623730950488016887242",
                "0.34657359027997265470861606072223070691665515060748",
            ),
            (
                "0.7071067811865475244008443621",
                "-0.34657359027997265470861606073594586115884498375277",
            ),
        ];
        for (x, want) in cases {
            assert_correctly_rounded(ln(d(x)).unwrap(), want);
        }
        assert_eq!(ln(Decimal::ONE), Some(Decimal::ZERO));
    }

    #[test]
    fn fractional_powers_match_fifty_digit_values() {
        let cases = [
            (
                "1.01",
                "59.5",
                "1.8076807784029759816783968471899996992448928130776",
            ),
            (
                "1.0000000001",
                "0.5",
                "1.0000000000499999999987500000000624999999960937500",
            ),
            (
                "0.5",
                "-3.25",
                "9.5136569200217685337399997644838073223437767397105",
            ),
            // A small rate's logarithm keeps its digits (rounded to a decimal first, it would
            // leave the 26th digit wrong).
            (
                "1.00000003561177128",
                "855.12",
                "1.0000304528009918534045349111311498395430893037733",
            ),
            (
                "1.0041666666666666666666666667",
                "-359.999",
                "0.22382752631654306480814567407321051247702895514723",
            ),
            (
                "101",
                "9.7",
                "27664149677208896318.976473573004736308392230808729",
            ),
            (
                "0.0000000001",
                "-2.75",
                "3162277660168379331998893544.4327185337195551393252",
            ),
        ];
        for (base, x, want) in cases {
            assert_correctly_rounded(pow(d(base), d(x)).unwrap(), want);
        }
        assert_eq!(pow(d("1.5"), Decimal::ZERO), Some(Decimal::ONE));
        assert_eq!(pow(Decimal::ONE, d("123.4")), Some(Decimal::ONE));
        // |x·ln base| > 64 either way: e^±64.47.
        assert_eq!(pow(Decimal::TEN, d("28")), None);
        assert_eq!(pow(Decimal::TEN, d("-28")), None);
        assert_eq!(pow(d("1.0001"), d("-99999999999999999999999")), None);
    }

    #[test]
    fn large_powers_match_fifty_digit_values() {
        let cases = [
            (
                "1.0001",
                100_000,
                "22015.456048552198645701456581658715520597641827115",
            ),
            (
                "0.9999",
                100_000,
                "0.000045377233958961173094377338332962484051588201723164",
            ),
            (
                "1.004083333333333333333333333",
                1200,
                "132.95662986035166288603068873607186964606738818452",
            ),
            (
                "-1.001",
                2001,
                "-7.3890573292097004940901901222914647199171263463726",
            ),
        ];
        for (x, n, want) in cases {
            assert_correctly_rounded(powu(d(x), n).unwrap(), want);
        }
        assert_eq!(powu(d("1.01"), 100_000), None);
        assert_eq!(powu(d("0.5"), 100_000), Some(Decimal::ZERO));
        // Exponents far below 2^-2^32 are capped, not wrapped.
        assert_eq!(powu(d("1E-28"), 1 << 40), Some(Decimal::ZERO));
        assert_eq!(powu(d("-0.999"), u64::MAX), Some(Decimal::ZERO));
        assert_eq!(powu(d("1.0000000001"), u64::MAX), None);
        assert_eq!(powu(Decimal::ZERO, 5000), Some(Decimal::ZERO));
    }
}
