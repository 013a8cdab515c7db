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

/// The three ways to give an interest rate (a loan's, a debt's): exactly one of them.
pub const INTEREST_RATES: &[&str] = &["annualRate", "monthlyRate", "dailyRate"];

/// At most one of the `fields` of the object at `parent`; `given[i]` says whether `fields[i]`
/// is there. The field lists are the ones the input's `FIELD_RULES` name.
///
/// # Errors
/// `CONFLICTING_FIELDS` at the second present key.
pub fn one_of(parent: &str, fields: &[&str], given: &[bool]) -> Result<()> {
    let present: Vec<&str> = fields
        .iter()
        .zip(given)
        .filter(|(_, given)| **given)
        .map(|(k, _)| *k)
        .collect();
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

/// Which of an input's optional fields go together, beyond each field's own type: "exactly one
/// of the three rates", "no fee rate with an interest-bearing method".
///
/// An input type states its rules once (`FIELD_RULES`); the generated TypeScript writes them
/// into the type ([`super::ts`]), so that `tsc` rejects `{ annualRate, dailyRate }` as the
/// reader does, and `tests/field_rules.rs` runs the reader on every combination of the fields
/// to check that it accepts exactly what the rules admit ([`FieldRule::admits`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldRule {
    /// At most one of the fields.
    AtMostOne(&'static [&'static str]),
    /// Exactly one of the fields.
    ExactlyOne(&'static [&'static str]),
    /// None of the fields.
    NoneOf(&'static [&'static str]),
    /// With `field`, at least one of `any_of` too.
    Needs {
        field: &'static str,
        any_of: &'static [&'static str],
    },
    /// By the value of the option field `key`: the rules of the case listing it. The cases
    /// cover every value of the option.
    Cases {
        key: &'static str,
        cases: &'static [(&'static [&'static str], &'static [FieldRule])],
    },
}

impl FieldRule {
    /// Whether an input object keeps this rule: `present` says which keys it has, `option` the
    /// string value of an option field.
    ///
    /// ```
    /// use repayment_plan::api::check::FieldRule;
    /// let rule = FieldRule::ExactlyOne(&["periods", "targetPayment"]);
    /// assert!(rule.admits(&|k| k == "periods", &|_| None));
    /// assert!(!rule.admits(&|_| true, &|_| None));
    /// assert!(!rule.admits(&|_| false, &|_| None));
    /// ```
    pub fn admits(
        &self,
        present: &dyn Fn(&str) -> bool,
        option: &dyn Fn(&str) -> Option<String>,
    ) -> bool {
        let count = |fields: &[&str]| fields.iter().filter(|f| present(f)).count();
        match *self {
            FieldRule::AtMostOne(fields) => count(fields) <= 1,
            FieldRule::ExactlyOne(fields) => count(fields) == 1,
            FieldRule::NoneOf(fields) => count(fields) == 0,
            FieldRule::Needs { field, any_of } => !present(field) || count(any_of) > 0,
            FieldRule::Cases { key, cases } => {
                let value = option(key);
                cases
                    .iter()
                    .filter(|(values, _)| value.as_deref().is_some_and(|v| values.contains(&v)))
                    .all(|(_, rules)| rules.iter().all(|r| r.admits(present, option)))
            }
        }
    }

    /// The rule as a TypeScript type, to intersect with the input's object type: a field given
    /// is `{}` (present, not null), a field ruled out is `?: never`.
    ///
    /// ```
    /// use repayment_plan::api::check::FieldRule;
    /// assert_eq!(
    ///     FieldRule::AtMostOne(&["feeRate", "annualRate"]).typescript(),
    ///     "({ annualRate?: never } | { feeRate?: never })"
    /// );
    /// ```
    pub fn typescript(&self) -> String {
        let absent = |fields: &[&str], except: &str| {
            fields
                .iter()
                .filter(|f| **f != except)
                .map(|f| format!("{f}?: never"))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let union = |parts: Vec<String>| format!("({})", parts.join(" | "));
        match *self {
            FieldRule::AtMostOne(fields) => union(
                fields
                    .iter()
                    .map(|f| format!("{{ {} }}", absent(fields, f)))
                    .collect(),
            ),
            FieldRule::ExactlyOne(fields) => union(
                fields
                    .iter()
                    .map(|f| match absent(fields, f).as_str() {
                        "" => format!("{{ {f}: {{}} }}"),
                        others => format!("{{ {f}: {{}}; {others} }}"),
                    })
                    .collect(),
            ),
            FieldRule::NoneOf(fields) => format!("{{ {} }}", absent(fields, "")),
            FieldRule::Needs { field, any_of } => union(
                std::iter::once(format!("{{ {field}?: never }}"))
                    .chain(any_of.iter().map(|f| format!("{{ {f}: {{}} }}")))
                    .collect(),
            ),
            // One case a line: `(\n    | { method: "a" | "b" } & … \n    | …\n  )`.
            FieldRule::Cases { key, cases } => {
                let cases: Vec<String> = cases
                    .iter()
                    .map(|(values, rules)| {
                        let values: Vec<String> =
                            values.iter().map(|v| format!("\"{v}\"")).collect();
                        let mut parts = vec![format!("{{ {key}: {} }}", values.join(" | "))];
                        parts.extend(rules.iter().map(FieldRule::typescript));
                        format!("\n    | {}", parts.join(" & "))
                    })
                    .collect();
                format!("({}\n  )", cases.concat())
            }
        }
    }
}
