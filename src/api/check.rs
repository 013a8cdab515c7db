//! Bounds and the other rules an input must keep, checked by each input's `validate`.
//!
//! Deserialization ([`super::de`]) only checks types and grammar; the bounds live here and in the
//! input types' `validate` methods, so they hold the same for JSON and for Rust callers that
//! build an input by hand. Every rule's message names the field path.

use crate::error::{Error, ErrorKind, Result};
use crate::money::{parse_decimal, Money};
use rust_decimal::Decimal;

/// Longest free-text string (a debt's name, an offer's label), in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// Inclusive bounds of a number, written as decimal text (the message quotes them as written).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds {
    pub min: &'static str,
    pub max: &'static str,
}

impl Bounds {
    pub const fn new(min: &'static str, max: &'static str) -> Bounds {
        Bounds { min, max }
    }

    fn contains(self, value: Decimal) -> bool {
        // The bounds are constants of this crate, checked by a test of each input module.
        let lo = parse_decimal(self.min).unwrap_or(Decimal::MIN);
        let hi = parse_decimal(self.max).unwrap_or(Decimal::MAX);
        (lo..=hi).contains(&value)
    }

    /// `value`, or `OUT_OF_RANGE` at `path`.
    ///
    /// ```
    /// use repayment_plan::api::check::Bounds;
    /// use rust_decimal::Decimal;
    /// let rate = Bounds::new("0", "36");
    /// assert!(rate.check("annualRate", Decimal::new(49, 3)).is_ok());
    /// let e = rate.check("annualRate", Decimal::from(40)).unwrap_err();
    /// assert_eq!(e.message(), "annualRate must be between 0 and 36");
    /// ```
    ///
    /// # Errors
    /// `OUT_OF_RANGE` when `value` is outside the bounds.
    pub fn check(self, path: &str, value: Decimal) -> Result<Decimal> {
        if self.contains(value) {
            Ok(value)
        } else {
            Err(out_of_range(path, self.min, self.max))
        }
    }

    /// [`Bounds::check`] for an optional value.
    ///
    /// # Errors
    /// As [`Bounds::check`].
    pub fn check_opt(self, path: &str, value: Option<Decimal>) -> Result<()> {
        value.map_or(Ok(()), |v| self.check(path, v).map(drop))
    }

    /// [`Bounds::check`] for an amount of money.
    ///
    /// # Errors
    /// As [`Bounds::check`].
    pub fn money(self, path: &str, value: Money) -> Result<Money> {
        self.check(path, value.to_decimal()).map(|_| value)
    }

    /// [`Bounds::money`] for an optional amount.
    ///
    /// # Errors
    /// As [`Bounds::check`].
    pub fn money_opt(self, path: &str, value: Option<Money>) -> Result<()> {
        value.map_or(Ok(()), |v| self.money(path, v).map(drop))
    }
}

/// `{path} must be between {min} and {max}`.
pub fn out_of_range(path: &str, min: &str, max: &str) -> Error {
    Error::new(
        ErrorKind::OutOfRange,
        path,
        format!("{path} must be between {min} and {max}"),
        format!("{path} 须在 {min} 到 {max} 之间"),
    )
}

/// A whole number within `[min, max]`.
///
/// # Errors
/// `OUT_OF_RANGE` outside the bounds.
pub fn whole<T: Into<i64> + Copy>(path: &str, value: T, min: i64, max: i64) -> Result<T> {
    if (min..=max).contains(&value.into()) {
        Ok(value)
    } else {
        Err(out_of_range(path, &min.to_string(), &max.to_string()))
    }
}

/// [`whole`] for an optional value.
///
/// # Errors
/// As [`whole`].
pub fn whole_opt<T: Into<i64> + Copy>(
    path: &str,
    value: Option<T>,
    min: i64,
    max: i64,
) -> Result<()> {
    value.map_or(Ok(()), |v| whole(path, v, min, max).map(drop))
}

/// A list of `min..=max` items.
///
/// # Errors
/// `OUT_OF_RANGE` for a list of another length.
pub fn items(path: &str, len: usize, min: usize, max: usize) -> Result<()> {
    if (min..=max).contains(&len) {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::OutOfRange,
            path,
            format!("{path} must have between {min} and {max} items"),
            format!("{path} 须包含 {min} 到 {max} 项"),
        ))
    }
}

/// A free-text string of at most [`MAX_NAME_CHARS`] characters.
///
/// # Errors
/// `OUT_OF_RANGE` for a longer string.
pub fn text(path: &str, value: &str) -> Result<()> {
    if value.chars().count() <= MAX_NAME_CHARS {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::OutOfRange,
            path,
            format!("{path} is longer than {MAX_NAME_CHARS} characters"),
            format!("{path} 超过 {MAX_NAME_CHARS} 个字符"),
        ))
    }
}

/// At most one of the `(key, present)` fields of the object at `parent`.
///
/// # Errors
/// `CONFLICTING_FIELDS` at the second present key.
pub fn one_of(parent: &str, fields: &[(&str, bool)]) -> Result<()> {
    let present: Vec<&str> = fields.iter().filter(|(_, p)| *p).map(|(k, _)| *k).collect();
    match present.get(1) {
        None => Ok(()),
        Some(second) => {
            let list = present.join(", ");
            Err(Error::new(
                ErrorKind::ConflictingFields,
                super::de::join(parent, second),
                format!("give only one of {list}"),
                format!("{list} 只能填写其中一个"),
            ))
        }
    }
}
