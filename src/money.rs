//! Exact money, rates and the rounding policy.
//!
//! * [`Money`] is a whole number of 分 (fen, 0.01 yuan) in an `i64`: exact, `Copy`, and as fast as
//!   integer arithmetic. Every operation that could overflow is checked and reports
//!   [`ErrorKind::OutOfRange`] instead of wrapping or trapping.
//! * [`Rate`] is a fraction (`0.049` = 4.9%) held as a [`Decimal`]; rate maths (powers, division)
//!   stays in decimals with 28 significant digits, and only the result is rounded to the fen.
//! * [`RoundingPolicy`] says how an amount is rounded to the fen ([`RoundingMode`]) and which
//!   period absorbs what is left over when a sum is divided into parts ([`Residue`]).
//!
//! Text is parsed by a strict grammar ([`parse_decimal`]): `-?digits(.digits)?`, nothing else.

use crate::error::{Error, ErrorKind, Result};
use crate::exact;
use rust_decimal::prelude::*;
use rust_decimal::RoundingStrategy;

/// The most digits a plain decimal may have: what a 96-bit mantissa always holds exactly.
pub const MAX_DIGITS: usize = 28;

/// Why a string is not a plain decimal.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum DecimalSyntax {
    /// Not `-?digits(.digits)?` (exponents, signs, spaces, separators, empty).
    Grammar,
    /// Valid grammar, but more significant digits than a 96-bit decimal holds exactly.
    TooManyDigits,
}

/// Parses a plain decimal: an optional `-`, one or more ASCII digits, optionally `.` and one or
/// more digits. Trailing zeros after the point are insignificant; any other digit beyond
/// [`MAX_DIGITS`] significant digits is an error, never silently rounded.
///
/// ```
/// use repayment_plan::money::{parse_decimal, DecimalSyntax};
/// assert_eq!(parse_decimal("1234.50").unwrap().to_string(), "1234.5"); // exact value, trailing zeros dropped
/// for bad in ["1e2", "1_000", " 1", "", "+1", ".5", "1.", "NaN", "0x10", "１"] {
///     assert_eq!(parse_decimal(bad), Err(DecimalSyntax::Grammar), "{bad:?}");
/// }
/// assert_eq!(parse_decimal("0.12345678901234567890123456789"), Err(DecimalSyntax::TooManyDigits));
/// ```
///
/// # Errors
/// The [`DecimalSyntax`] that the text breaks (a character outside the grammar, too many digits, …).
pub fn parse_decimal(text: &str) -> std::result::Result<Decimal, DecimalSyntax> {
    let bytes = text.as_bytes();
    // `split_first`/`get` rather than indexing: no panic path to link in.
    let (negative, body) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, bytes),
    };
    let point = body.iter().position(|&b| b == b'.');
    let (int_part, frac_part): (&[u8], &[u8]) = match point {
        Some(p) => (
            body.get(..p).unwrap_or_default(),
            body.get(p + 1..).unwrap_or_default(),
        ),
        None => (body, &[]),
    };
    let all_digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    if int_part.is_empty()
        || !all_digits(int_part)
        || (point.is_some() && frac_part.is_empty())
        || !all_digits(frac_part)
    {
        return Err(DecimalSyntax::Grammar);
    }
    // Trailing fractional zeros and leading integer zeros carry no information.
    let frac_len = frac_part.len() - frac_part.iter().rev().take_while(|&&b| b == b'0').count();
    let frac = frac_part.get(..frac_len).unwrap_or_default();
    let int_start = int_part.iter().take_while(|&&b| b == b'0').count();
    let int = int_part.get(int_start..).unwrap_or_default();
    digits_to_decimal(negative, int, frac)
}

/// Builds a decimal from integer and fraction digit strings (already validated as ASCII digits).
fn digits_to_decimal(
    negative: bool,
    int: &[u8],
    frac: &[u8],
) -> std::result::Result<Decimal, DecimalSyntax> {
    let significant = if int.is_empty() {
        frac.len() - frac.iter().take_while(|&&b| b == b'0').count()
    } else {
        int.len() + frac.len()
    };
    if significant > MAX_DIGITS || frac.len() > 28 {
        return Err(DecimalSyntax::TooManyDigits);
    }
    let digits = int.iter().chain(frac);
    // Up to 18 digits fit an i64: the common case, and much cheaper than i128 in wasm.
    if int.len() + frac.len() <= 18 {
        let magnitude = digits.fold(0i64, |acc, &b| acc * 10 + i64::from(b - b'0'));
        return Ok(Decimal::new(
            if negative { -magnitude } else { magnitude },
            frac.len() as u32,
        ));
    }
    let magnitude = digits.fold(0i128, |acc, &b| acc * 10 + i128::from(b - b'0'));
    Decimal::try_from_i128_with_scale(
        if negative { -magnitude } else { magnitude },
        frac.len() as u32,
    )
    .map_err(|_| DecimalSyntax::TooManyDigits)
}

/// The decimal of a JSON number token without exponent and with at most 18 digits (every
/// amount and rate a person types), in one pass; the same decimal as [`parse_decimal`] gives
/// (trailing fractional zeros dropped). `None` for anything else, which takes the general way.
fn short_plain_number(token: &str) -> Option<Decimal> {
    let bytes = token.as_bytes();
    let (negative, body) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, bytes),
    };
    let (mut mantissa, mut digits, mut scale, mut point) = (0i64, 0u32, 0u32, false);
    for &b in body {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if digits > 18 {
                    return None;
                }
                mantissa = mantissa * 10 + i64::from(b - b'0');
                scale += u32::from(point);
            }
            b'.' if !point && digits > 0 => point = true,
            _ => return None,
        }
    }
    if digits == 0 || (point && scale == 0) {
        return None;
    }
    while scale > 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        scale -= 1;
    }
    Some(Decimal::new(
        if negative { -mantissa } else { mantissa },
        scale,
    ))
}

/// A JSON number token of at most 15 digits and no exponent (every amount of money written as
/// a JS number) as its nearest `f64`, without building a decimal: the digits as an integer are
/// exact in `f64`, and so is 10^scale, so one division rounds correctly, the same `f64` as
/// [`crate::cost::to_f64`] of the decimal. `None` for anything else (the caller then takes the
/// decimal way). At most 15 digits also keeps the value inside ±10^15.
///
/// ```
/// # use repayment_plan::money::plain_number_f64;
/// assert_eq!(plain_number_f64("-12000"), Some(-12000.0));
/// assert_eq!(plain_number_f64("1072.5"), Some(1072.5));
/// assert_eq!(plain_number_f64("0.1"), Some(0.1));
/// assert_eq!(plain_number_f64("1e5"), None);
/// assert_eq!(plain_number_f64("1234567890123456"), None); // 16 digits
/// ```
pub fn plain_number_f64(token: &str) -> Option<f64> {
    let bytes = token.as_bytes();
    let (negative, body) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, bytes),
    };
    let (mut mantissa, mut digits, mut scale, mut point) = (0i64, 0, 0i32, false);
    for &b in body {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if digits > 15 {
                    return None;
                }
                mantissa = mantissa * 10 + i64::from(b - b'0');
                scale += i32::from(point);
            }
            b'.' if !point => point = true,
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    let value = mantissa as f64 / 10f64.powi(scale);
    Some(if negative { -value } else { value })
}

/// Parses a JSON number token as produced by `JSON.stringify` for a finite JS number: the shortest
/// decimal that round-trips, possibly with an exponent (`1e+21`, `1e-7`). The conversion is exact:
/// `0.1` becomes exactly 0.1.
///
/// # Errors
/// The [`DecimalSyntax`] that the token breaks (not a JSON number, or more digits than a decimal holds exactly).
pub fn parse_json_number(token: &str) -> std::result::Result<Decimal, DecimalSyntax> {
    if let Some(value) = short_plain_number(token) {
        return Ok(value);
    }
    // A byte search: a `char` pattern decodes UTF-8 as it goes, a visible cost per number.
    let (mantissa_text, exponent) = match token.bytes().position(|b| b == b'e' || b == b'E') {
        Some(i) => {
            // `get` rather than `token[..i]`: `i` is an ASCII position, but an index that can
            // panic links in the panic message code (with Unicode tables) for nothing.
            let (Some(mantissa), Some(after)) = (token.get(..i), token.get(i + 1..)) else {
                return Err(DecimalSyntax::Grammar);
            };
            let exp_text = after.strip_prefix('+').unwrap_or(after);
            let exp: i32 = exp_text.parse().map_err(|_| DecimalSyntax::Grammar)?;
            (mantissa, exp)
        }
        None => (token, 0),
    };
    let value = parse_decimal(mantissa_text)?;
    if exponent == 0 {
        return Ok(value);
    }
    if !(-28..=28).contains(&exponent) {
        return if value.is_zero() {
            Ok(Decimal::ZERO)
        } else {
            Err(DecimalSyntax::TooManyDigits)
        };
    }
    // The out-of-line `exact` operations: rust_decimal's own are inlined at each call.
    let ten = exact::powi(Decimal::TEN, exponent.unsigned_abs().into())
        .map_err(|_| DecimalSyntax::TooManyDigits)?;
    let scaled = if exponent > 0 {
        exact::mul(value, ten)
    } else {
        exact::div(value, ten)
    };
    match scaled {
        // Division may round when the result needs more than 28 digits: detect it by multiplying back.
        Ok(v) if exponent > 0 || exact::mul(v, ten).ok() == Some(value) => Ok(v.normalize()),
        _ => Err(DecimalSyntax::TooManyDigits),
    }
}

/// How an exact amount is rounded to the fen.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum RoundingMode {
    /// 四舍五入: ties away from zero (2.345 → 2.35). Banks' default.
    #[default]
    HalfUp,
    /// Banker's rounding: ties to even (2.345 → 2.34, 2.355 → 2.36).
    HalfEven,
    /// Toward zero (2.349 → 2.34): Alipay per-period amounts.
    Down,
}

impl RoundingMode {
    /// The rust_decimal strategy with the same meaning.
    pub fn strategy(self) -> RoundingStrategy {
        match self {
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::Down => RoundingStrategy::ToZero,
        }
    }
}

/// Which period takes the residue left when a sum is split into rounded parts.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum Residue {
    /// The first period (Alipay instalments).
    First,
    /// The last period (most bank schedules).
    #[default]
    Last,
}

/// Rounding mode plus residue placement: the complete rounding policy of a schedule.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub struct RoundingPolicy {
    pub mode: RoundingMode,
    pub residue: Residue,
}

impl RoundingPolicy {
    /// Banks: half-up, last period absorbs the residue.
    pub const BANK: RoundingPolicy = RoundingPolicy {
        mode: RoundingMode::HalfUp,
        residue: Residue::Last,
    };
    /// Alipay (花呗) instalments: per-period amounts floored, first period absorbs the residue.
    pub const ALIPAY: RoundingPolicy = RoundingPolicy {
        mode: RoundingMode::Down,
        residue: Residue::First,
    };
}

/// An exact amount of money, a whole number of 分 (fen).
///
/// ```
/// use repayment_plan::money::{Money, RoundingMode};
/// use rust_decimal::Decimal;
/// let m = Money::parse("1111.11").unwrap();
/// assert_eq!(m.fen(), 111_111);
/// let fee = m.mul_rate("0.045".parse::<Decimal>().unwrap(), RoundingMode::HalfEven).unwrap();
/// assert_eq!(fee.to_string(), "50.00");
/// assert_eq!(m.split(6).unwrap(), (Money::from_fen(18_518), Money::from_fen(3)));
/// ```
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(i64);

impl Money {
    pub const ZERO: Money = Money(0);

    /// From a count of fen.
    pub const fn from_fen(fen: i64) -> Money {
        Money(fen)
    }

    /// The count of fen.
    pub const fn fen(self) -> i64 {
        self.0
    }

    /// Parses a plain decimal with at most 2 decimals (`"1234.5"`, `"-0.01"`).
    pub fn parse(text: &str) -> Option<Money> {
        parse_decimal(text).ok().and_then(Money::from_decimal_exact)
    }

    /// The exact amount in yuan, or `None` when it has fractions of a fen or is too large.
    pub fn from_decimal_exact(yuan: Decimal) -> Option<Money> {
        let fen = exact::mul(yuan, Decimal::ONE_HUNDRED).ok()?;
        if !crate::exact::is_whole(fen) {
            return None;
        }
        fen.to_i64().map(Money)
    }

    /// Rounds an exact amount in yuan to the fen.
    ///
    /// # Errors
    /// `OUT_OF_RANGE` when the amount in fen does not fit an `i64`.
    pub fn round(yuan: Decimal, mode: RoundingMode) -> Result<Money> {
        exact::mul(yuan, Decimal::ONE_HUNDRED)
            .ok()
            .map(|fen| fen.round_dp_with_strategy(0, mode.strategy()))
            .and_then(|fen| fen.to_i64())
            .map(Money)
            .ok_or_else(|| Error::overflow(""))
    }

    /// The amount in yuan as a decimal with scale 2.
    pub fn to_decimal(self) -> Decimal {
        Decimal::new(self.0, 2)
    }

    /// `self × rate`, rounded to the fen.
    ///
    /// # Errors
    /// `OUT_OF_RANGE` when the product in fen does not fit an `i64`.
    pub fn mul_rate(self, rate: Decimal, mode: RoundingMode) -> Result<Money> {
        exact::mul(Decimal::from(self.0), rate)
            .ok()
            .map(|fen| fen.round_dp_with_strategy(0, mode.strategy()))
            .and_then(|fen| fen.to_i64())
            .map(Money)
            .ok_or_else(|| Error::overflow(""))
    }

    /// Splits into `parts` equal whole-fen parts, rounding each part toward zero:
    /// returns `(part, residue)` with `part × parts + residue = self`, `0 ≤ |residue| < parts` fen.
    ///
    /// # Errors
    /// `OUT_OF_RANGE` when `parts` is 0.
    pub fn split(self, parts: u32) -> Result<(Money, Money)> {
        if parts == 0 {
            return Err(Error::new(
                ErrorKind::OutOfRange,
                "",
                "cannot split into 0 parts",
                "不能分成 0 份",
            ));
        }
        let parts = i64::from(parts);
        Ok((Money(self.0 / parts), Money(self.0 % parts)))
    }

    /// `self + other`.
    /// # Errors
    /// `OUT_OF_RANGE` on `i64` overflow.
    pub fn checked_add(self, other: Money) -> Result<Money> {
        self.0
            .checked_add(other.0)
            .map(Money)
            .ok_or_else(|| Error::overflow(""))
    }

    /// `self − other`.
    /// # Errors
    /// `OUT_OF_RANGE` on `i64` overflow.
    pub fn checked_sub(self, other: Money) -> Result<Money> {
        self.0
            .checked_sub(other.0)
            .map(Money)
            .ok_or_else(|| Error::overflow(""))
    }

    /// `self × factor`.
    /// # Errors
    /// `OUT_OF_RANGE` on `i64` overflow.
    pub fn checked_mul_int(self, factor: i64) -> Result<Money> {
        self.0
            .checked_mul(factor)
            .map(Money)
            .ok_or_else(|| Error::overflow(""))
    }

    /// Sums amounts, failing on overflow.
    ///
    /// # Errors
    /// `OUT_OF_RANGE` when the sum overflows an `i64` of fen.
    pub fn sum<I: IntoIterator<Item = Money>>(items: I) -> Result<Money> {
        items.into_iter().try_fold(Money::ZERO, Money::checked_add)
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }
    pub fn is_negative(self) -> bool {
        self.0 < 0
    }
    pub fn abs(self) -> Money {
        Money(self.0.saturating_abs())
    }
    pub fn min(self, other: Money) -> Money {
        Money(self.0.min(other.0))
    }
    pub fn max(self, other: Money) -> Money {
        Money(self.0.max(other.0))
    }

    /// `"-1234.56"` as ASCII bytes, formed right to left in `buf` without allocating.
    ///
    /// ```
    /// # use repayment_plan::money::Money;
    /// let mut buf = [0; 24];
    /// assert_eq!(Money::from_fen(-123456).format(&mut buf), b"-1234.56");
    /// assert_eq!(Money::from_fen(5).format(&mut buf), b"0.05");
    /// ```
    pub fn format(self, buf: &mut [u8; 24]) -> &[u8] {
        // 24 bytes hold any amount: a sign, 17 digits of yuan, the point and 2 of fen.
        // `start ≤ buf.len()` by the saturating subtraction: the slice cannot fail.
        let start = buf.len().saturating_sub(self.formatted_len());
        self.write_at(buf, start);
        &buf[start..]
    }

    /// How many bytes [`Money::format`] writes.
    pub fn formatted_len(self) -> usize {
        usize::from(self.0 < 0) + digit_count(self.0.unsigned_abs() / 100) + 3
    }

    /// Writes the text into `buf` from `start`; returns where it ends (`start`, writing
    /// nothing, when it does not fit).
    pub fn write_at(self, buf: &mut [u8], start: usize) -> usize {
        let end = start + self.formatted_len();
        if end > buf.len() {
            return start;
        }
        let fen = self.0.unsigned_abs();
        // In u32 when it fits (below 42.9 million yuan): a u64 division by a constant is a
        // 128-bit multiply, a library call in wasm.
        let (yuan, cents) = match u32::try_from(fen) {
            Ok(small) => (u64::from(small / 100), (small % 100) as usize),
            Err(_) => (fen / 100, (fen % 100) as usize),
        };
        buf[end - 3] = b'.';
        buf[end - 2] = DIGIT_PAIRS[cents * 2];
        buf[end - 1] = DIGIT_PAIRS[cents * 2 + 1];
        // The width checked above leaves room for the digits (and the sign before them).
        let digits_start = fill_digits(buf, end - 3, yuan);
        if self.0 < 0 {
            buf[digits_start - 1] = b'-';
        }
        end
    }
}

/// `"00"`, `"01"`, … `"99"`: numbers are formed two digits at a time.
const DIGIT_PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// How many decimal digits `n` has.
pub fn digit_count(n: u64) -> usize {
    let mut count = 1;
    let mut bound = 10u64;
    while count < 20 && n >= bound {
        count += 1;
        bound = bound.wrapping_mul(10);
    }
    count
}

/// Writes the decimal digits of `n` into `buf` ending just before `end`; returns where they
/// start (`end`, writing nothing, when they do not fit).
///
/// ```
/// # use repayment_plan::money::write_digits;
/// let mut buf = [0; 24];
/// assert_eq!(write_digits(&mut buf, 24, 1234567), 17);
/// assert_eq!(&buf[17..], b"1234567");
/// assert_eq!(write_digits(&mut buf, 20, u64::MAX), 0);
/// assert_eq!(&buf[..20], b"18446744073709551615");
/// assert_eq!(write_digits(&mut buf, 2, 123), 2); // no room
/// ```
///
/// Two digits per step, in `u32` once the number fits: a `u64` division by a constant becomes a
/// 128-bit multiply, a library call in wasm, while a `u32` one is a native 64-bit multiply.
/// Plain indexing only: at the size-first optimisation level a slice-range helper is a call.
pub fn write_digits(buf: &mut [u8], end: usize, n: u64) -> usize {
    if end > buf.len() || end < digit_count(n) {
        return end;
    }
    fill_digits(buf, end, n)
}

/// [`write_digits`] once the caller has checked that the digits fit.
fn fill_digits(buf: &mut [u8], end: usize, n: u64) -> usize {
    let mut i = end;
    let mut rest = n;
    while rest > u64::from(u32::MAX) {
        i -= 1;
        buf[i] = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    let mut small = rest as u32;
    while small >= 100 {
        let pair = (small % 100) as usize * 2;
        small /= 100;
        i -= 2;
        buf[i] = DIGIT_PAIRS[pair];
        buf[i + 1] = DIGIT_PAIRS[pair + 1];
    }
    if small >= 10 {
        let pair = small as usize * 2;
        i -= 2;
        buf[i] = DIGIT_PAIRS[pair];
        buf[i + 1] = DIGIT_PAIRS[pair + 1];
    } else {
        i -= 1;
        buf[i] = b'0' + small as u8;
    }
    i
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut buf = [0u8; 24];
        f.write_str(&String::from_iter(
            self.format(&mut buf).iter().map(|&b| char::from(b)),
        ))
    }
}

/// Appends the decimal digits of `n` (core formatting; for the JSON writer's counts).
pub fn write_u64(out: &mut String, n: u64) {
    out.push_str(&n.to_string());
}

/// `value` rounded half away from zero to exactly `places` decimals (`"0.128040"`): the
/// rounded decimal's `Display` (which writes its scale's decimals, at most `places`), padded
/// with zeros. Not `{:.places$}`: rust_decimal writes that into a 32-byte buffer and panics
/// beyond it (29 digits with 10 places; the test below has that case). Any decimal has a text,
/// so nothing can fail.
///
/// ```
/// use repayment_plan::money::fixed_text;
/// assert_eq!(fixed_text("0.12804".parse().unwrap(), 6), "0.128040");
/// assert_eq!(fixed_text("-0.0000004".parse().unwrap(), 6), "0.000000"); // no "-0"
/// ```
pub fn fixed_text(value: Decimal, places: u32) -> String {
    let mut rounded = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    if rounded.is_zero() {
        // A negative value that rounds to zero is written without its sign.
        rounded.set_sign_positive(true);
    }
    let mut text = rounded.to_string();
    let missing = places.saturating_sub(rounded.scale());
    if missing > 0 {
        if rounded.scale() == 0 {
            text.push('.');
        }
        text.push_str(&"0".repeat(missing as usize));
    }
    text
}

/// Appends [`fixed_text`] of `value` (for the JSON writer).
pub fn write_decimal_fixed(out: &mut String, value: Decimal, places: u32) {
    out.push_str(&fixed_text(value, places));
}

/// `rate` as a percentage for messages, rounded half away from zero to `places` decimals
/// (at most 6: more are cut to 6).
///
/// `round(rate·100, places)` is `round(rate, places + 2)` with the point moved two places: the
/// rounded rate's digits, scaled to exactly `places + 2` decimals, are an `i128` below
/// 7.93·10²⁸·10⁸ < 2¹²⁷, so every rate has a percentage and nothing can overflow.
///
/// ```
/// use repayment_plan::money::percent_text;
/// use rust_decimal::Decimal;
/// assert_eq!(percent_text(Decimal::new(4349, 4), 1), "43.5%");
/// assert_eq!(percent_text(Decimal::new(1825, 4), 2), "18.25%");
/// assert_eq!(percent_text(Decimal::new(-5, 5), 2), "-0.01%");
/// assert_eq!(percent_text(Decimal::new(-4, 5), 2), "0.00%");
/// assert_eq!(percent_text(Decimal::MAX, 1), "7922816251426433759354395033500.0%");
/// ```
pub fn percent_text(rate: Decimal, places: u32) -> String {
    let places = places.min(6);
    let rounded = rate.round_dp_with_strategy(places + 2, RoundingStrategy::MidpointAwayFromZero);
    // After the rounding the scale is at most places + 2 ≤ 8.
    let hundredths = rounded.mantissa() * 10i128.pow((places + 2).saturating_sub(rounded.scale()));
    let unit = 10i128.pow(places);
    let sign = if hundredths < 0 { "-" } else { "" };
    let (whole, fraction) = (hundredths.abs() / unit, hundredths.abs() % unit);
    if places == 0 {
        format!("{sign}{whole}%")
    } else {
        format!("{sign}{whole}.{fraction:0width$}%", width = places as usize)
    }
}

/// A rate as a fraction (`0.049` = 4.9% per year, month or day, as the context says).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rate(pub Decimal);

impl Rate {
    pub const ZERO: Rate = Rate(Decimal::ZERO);

    pub fn value(self) -> Decimal {
        self.0
    }

    /// Appends the rate with the 6 decimals used for every output rate (`"0.128040"`).
    pub fn write_to(self, out: &mut String) {
        write_decimal_fixed(out, self.0, 6);
    }
}

impl std::fmt::Display for Rate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&fixed_text(self.0, 6))
    }
}

#[cfg(test)]
mod tests {

    /// The one-pass path of `parse_json_number` gives what the general path gives, scale
    /// included, for every short plain JSON number.
    #[test]
    fn short_plain_numbers_match_the_general_path() {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut tokens: Vec<String> = ["0", "-0", "0.5", "10", "1.50", "-12000.000", "0.000001"]
            .iter()
            .map(|t| t.to_string())
            .collect();
        for _ in 0..50_000 {
            let bits = next();
            let int = (bits % 1_000_000_000).to_string();
            let frac = ((bits >> 32) % 10_000_000_000).to_string();
            let sign = if bits & 1 == 0 { "" } else { "-" };
            tokens.push(format!("{sign}{int}"));
            tokens.push(format!("{sign}{int}.{frac}"));
            tokens.push(format!("{sign}0.{frac}0"));
        }
        for token in tokens {
            let fast = short_plain_number(&token);
            let general = parse_decimal(&token).unwrap();
            if let Some(fast) = fast {
                assert_eq!((fast, fast.scale()), (general, general.scale()), "{token}");
            }
            assert_eq!(parse_json_number(&token).unwrap().scale(), general.scale());
        }
    }

    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn strict_grammar() {
        for good in [
            "0",
            "-0",
            "1234.56",
            "0.049",
            "007",
            "1.000000000000000000000000000000000",
        ] {
            assert!(parse_decimal(good).is_ok(), "{good}");
        }
        assert_eq!(
            parse_decimal("1.000000000000000000000000000000000").unwrap(),
            Decimal::ONE
        );
        for bad in [
            "1e2", "1_000", " 1", "1 ", "", "-", "NaN", "Infinity", "+1", ".5", "1.", "1,000",
            "--1", "1.2.3",
        ] {
            assert_eq!(parse_decimal(bad), Err(DecimalSyntax::Grammar), "{bad}");
        }
        assert_eq!(
            parse_decimal("99999999999999999999999999999"),
            Err(DecimalSyntax::TooManyDigits)
        );
        assert!(parse_decimal("7922816251426433759354395033").is_ok());
    }

    #[test]
    fn json_numbers_are_exact() {
        assert_eq!(parse_json_number("0.1").unwrap(), d("0.1"));
        assert_eq!(
            parse_json_number("1e+21").unwrap(),
            d("1000000000000000000000")
        );
        assert_eq!(parse_json_number("1e-7").unwrap(), d("0.0000001"));
        assert_eq!(parse_json_number("1.5e-7").unwrap(), d("0.00000015"));
        assert_eq!(parse_json_number("-2.5e3").unwrap(), d("-2500"));
        assert!(parse_json_number("1e400").is_err());
        assert_eq!(parse_json_number("0e400").unwrap(), Decimal::ZERO);
        assert!(parse_json_number("5e-324").is_err());
    }

    #[test]
    fn money_parse_round_and_format() {
        assert_eq!(Money::parse("1234.5").unwrap().to_string(), "1234.50");
        assert_eq!(Money::parse("-0.01").unwrap().to_string(), "-0.01");
        assert!(Money::parse("0.001").is_none());
        assert_eq!(
            Money::round(d("2.345"), RoundingMode::HalfUp)
                .unwrap()
                .to_string(),
            "2.35"
        );
        assert_eq!(
            Money::round(d("2.345"), RoundingMode::HalfEven)
                .unwrap()
                .to_string(),
            "2.34"
        );
        assert_eq!(
            Money::round(d("-2.349"), RoundingMode::Down)
                .unwrap()
                .to_string(),
            "-2.34"
        );
        assert_eq!(
            Money::from_fen(i64::MIN + 1).to_string(),
            "-92233720368547758.07"
        );
        assert!(Money::from_fen(i64::MAX)
            .checked_add(Money::from_fen(1))
            .is_err());
        let shown: Vec<String> = [0, 5, -5, 100, -1234, i64::MIN]
            .iter()
            .map(|&f| Money::from_fen(f).to_string())
            .collect();
        assert_eq!(
            shown,
            [
                "0.00",
                "0.05",
                "-0.05",
                "1.00",
                "-12.34",
                "-92233720368547758.08"
            ]
        );
    }

    #[test]
    fn fixed_decimal_format() {
        let mut s = String::new();
        write_decimal_fixed(&mut s, d("0.12804"), 6);
        s.push(' ');
        write_decimal_fixed(&mut s, d("-1037.03208932960"), 10);
        s.push(' ');
        write_decimal_fixed(&mut s, d("5"), 2);
        s.push(' ');
        write_decimal_fixed(&mut s, d("-0.0000004"), 6);
        assert_eq!(s, "0.128040 -1037.0320893296 5.00 0.000000");
        // Every decimal has its text: the largest with 10 places (its digits times 10¹⁰ are
        // more than a u128 holds, where the former hand-written version saturated).
        assert_eq!(
            fixed_text(Decimal::MAX, 10),
            "79228162514264337593543950335.0000000000"
        );
        assert_eq!(
            fixed_text(Decimal::MIN, 0),
            "-79228162514264337593543950335"
        );
        assert_eq!(fixed_text(d("0.5"), 0), "1");
        assert_eq!(
            fixed_text(d("-0.0000000000000000000000000001"), 28),
            "-0.0000000000000000000000000001"
        );
    }

    /// The fen formatter gives what core formatting gives, for every width and sign.
    #[test]
    fn fen_text_matches_core_formatting() {
        let mut fen = 1i64;
        for _ in 0..19 {
            for n in [fen - 1, fen, fen + 7, -fen, -fen - 3] {
                let want = format!(
                    "{}{}.{:02}",
                    if n < 0 { "-" } else { "" },
                    n.unsigned_abs() / 100,
                    n.unsigned_abs() % 100
                );
                let mut buf = [0u8; 24];
                assert_eq!(Money::from_fen(n).format(&mut buf), want.as_bytes());
                assert_eq!(Money::from_fen(n).to_string(), want);
            }
            fen = fen.saturating_mul(10);
        }
        for n in [i64::MAX, i64::MIN] {
            assert_eq!(
                Money::from_fen(n).to_string().len(),
                Money::from_fen(n).formatted_len()
            );
        }
    }
}
