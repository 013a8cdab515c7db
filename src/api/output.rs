//! Unrounded decimal results of the time-value functions.

use crate::cost::root_decimal;
use crate::error::Result;
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
