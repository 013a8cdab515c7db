//! Shared pieces of result JSON.

use crate::cost::root_decimal;
use crate::error::Result;
use crate::json::JsonWriter;
use crate::notice::Notice;
use rust_decimal::Decimal;

/// Places of an unrounded decimal result (the time-value functions).
pub const UNROUNDED_PLACES: u32 = 10;

/// An unrounded decimal result with [`UNROUNDED_PLACES`] places: `-1037.0320893296`.
pub fn unrounded_text(value: Decimal) -> String {
    let mut out = String::with_capacity(24);
    crate::money::write_decimal_fixed(&mut out, value, UNROUNDED_PLACES);
    out
}

/// A lone unrounded decimal as the whole result: `"-1037.0320893296"`.
pub fn unrounded(value: Decimal) -> String {
    format!("\"{}\"", unrounded_text(value))
}

/// [`unrounded_text`] of a solver's root as [`root_decimal`] gives it, without that conversion
/// (a good part of a small call's time) when the answer cannot differ. Scaled to the last
/// place, a root below 100 is off by under 2·10⁻⁴ of a unit (f64 rounding, and the digits the
/// decimal conversion drops), so away from a tie it rounds to the same last digit.
///
/// # Errors
/// As [`root_decimal`]: `OUT_OF_RANGE` for a root no decimal holds.
pub fn unrounded_root_text(root: f64) -> Result<String> {
    let scaled = root * 1e10;
    let fraction = (scaled - scaled.trunc()).abs();
    if root.abs() < 100.0 && (fraction - 0.5).abs() > 0.01 {
        // |scaled| < 10^12, so the cast is exact.
        return Ok(unrounded_text(Decimal::new(
            scaled.round() as i64,
            UNROUNDED_PLACES,
        )));
    }
    Ok(unrounded_text(root_decimal(root)?))
}

/// [`unrounded_root_text`] as a JSON string.
///
/// # Errors
/// As [`unrounded_root_text`].
pub fn unrounded_root(root: f64) -> Result<String> {
    Ok(format!("\"{}\"", unrounded_root_text(root)?))
}

/// `"key": [{code, message, messageZh}, …]`.
pub fn notices(w: &mut JsonWriter, key: &str, list: &[Notice]) {
    w.key(key);
    w.begin_array();
    for notice in list {
        w.begin_object();
        w.key("code");
        w.string(notice.code);
        w.key("message");
        w.string(&notice.message);
        w.key("messageZh");
        w.string(&notice.message_zh);
        w.end_object();
    }
    w.end_array();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut gives the text the decimal conversion gives, for every kind of root:
    /// pseudo-random ones over the whole range, ties at the last place, and tiny or huge ones.
    #[test]
    fn root_text_matches_the_decimal_conversion() {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut roots = vec![
            0.0,
            -0.0,
            1e-12,
            -4e-11,
            5e-11,
            0.1,
            0.00000000005,
            99.99999999995,
        ];
        for _ in 0..60_000 {
            let bits = next();
            let unit = (bits >> 11) as f64 / (1u64 << 53) as f64; // [0, 1)
            let magnitude = [1e-6, 0.01, 0.5, 3.0, 99.0, 150.0][(bits % 6) as usize];
            let root = (unit * 2.0 - 1.0) * magnitude;
            roots.push(root);
            // A tie at the 10th decimal, and its neighbours.
            let tie = ((root * 1e10).trunc() + 0.5) / 1e10;
            roots.extend([
                tie,
                f64::from_bits(tie.to_bits() + 1),
                f64::from_bits(tie.to_bits() - 1),
            ]);
        }
        for root in roots {
            assert_eq!(
                unrounded_root(root).unwrap(),
                unrounded(root_decimal(root).unwrap()),
                "{root:e}"
            );
        }
    }
}
