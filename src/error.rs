//! One error type for the whole library.
//!
//! Every failure, whatever the function, is an [`Error`]: a stable machine-readable [`ErrorKind`]
//! (whose [`ErrorKind::code`] never changes once released), the path of the input field at fault
//! (`debts[2].annualRate`, empty when the whole input is at fault) and a readable message in
//! English and in Chinese. The wasm boundary turns it into a JS `Error` named
//! `RepaymentPlanError` with the same four parts; nothing else in the crate knows about JS.

use std::fmt;

/// What went wrong, as a closed set of stable codes.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The input as a whole is not usable: not an object, not valid JSON, a getter threw, too large.
    InvalidInput,
    /// A field has the wrong JSON type (a string where an array is expected, …).
    InvalidType,
    /// A number is not in the strict grammar (`"1e2"`, `"1_000"`, `" 1"`, `""`, NaN, Infinity),
    /// has more digits than a 96-bit decimal holds exactly, or money has more than 2 decimals.
    InvalidNumber,
    /// A value is outside its documented bounds, or a result would overflow exact arithmetic.
    OutOfRange,
    /// A required field is absent.
    MissingField,
    /// A key that the function does not know (usually a misspelling such as `anualRate`).
    UnknownField,
    /// A date is not a real `YYYY-MM-DD` calendar date, or dates are in an impossible order.
    InvalidDate,
    /// A string option is not one of the documented choices (`method: "annuty"`).
    InvalidOption,
    /// Fields that exclude each other were both given (two rates at once, a fee on a method that takes none).
    ConflictingFields,
    /// A solver found no root in its bracket, or a plan can never be paid off.
    NoSolution,
}

impl ErrorKind {
    /// Every kind, for documentation and tests.
    pub const ALL: [ErrorKind; 10] = [
        ErrorKind::InvalidInput,
        ErrorKind::InvalidType,
        ErrorKind::InvalidNumber,
        ErrorKind::OutOfRange,
        ErrorKind::MissingField,
        ErrorKind::UnknownField,
        ErrorKind::InvalidDate,
        ErrorKind::InvalidOption,
        ErrorKind::ConflictingFields,
        ErrorKind::NoSolution,
    ];

    /// The stable code, e.g. `"OUT_OF_RANGE"`.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::InvalidInput => "INVALID_INPUT",
            ErrorKind::InvalidType => "INVALID_TYPE",
            ErrorKind::InvalidNumber => "INVALID_NUMBER",
            ErrorKind::OutOfRange => "OUT_OF_RANGE",
            ErrorKind::MissingField => "MISSING_FIELD",
            ErrorKind::UnknownField => "UNKNOWN_FIELD",
            ErrorKind::InvalidDate => "INVALID_DATE",
            ErrorKind::InvalidOption => "INVALID_OPTION",
            ErrorKind::ConflictingFields => "CONFLICTING_FIELDS",
            ErrorKind::NoSolution => "NO_SOLUTION",
        }
    }

    /// A short generic description in English, used as a prefix-free fallback and in docs.
    pub fn summary(self) -> &'static str {
        match self {
            ErrorKind::InvalidInput => "the input is not a usable object",
            ErrorKind::InvalidType => "a field has the wrong type",
            ErrorKind::InvalidNumber => "a number is not a plain decimal",
            ErrorKind::OutOfRange => "a value is outside its allowed range",
            ErrorKind::MissingField => "a required field is missing",
            ErrorKind::UnknownField => "an unknown field was given",
            ErrorKind::InvalidDate => "a date is not a valid YYYY-MM-DD date",
            ErrorKind::InvalidOption => "a value is not one of the allowed options",
            ErrorKind::ConflictingFields => "fields that exclude each other were given together",
            ErrorKind::NoSolution => "no solution exists for this input",
        }
    }

    /// The same description in Chinese.
    pub fn summary_zh(self) -> &'static str {
        match self {
            ErrorKind::InvalidInput => "输入不是可用的对象",
            ErrorKind::InvalidType => "字段类型不正确",
            ErrorKind::InvalidNumber => "数字格式不正确（须为普通小数）",
            ErrorKind::OutOfRange => "数值超出允许范围",
            ErrorKind::MissingField => "缺少必填字段",
            ErrorKind::UnknownField => "存在无法识别的字段",
            ErrorKind::InvalidDate => "日期无效（格式须为 YYYY-MM-DD）",
            ErrorKind::InvalidOption => "取值不在允许的选项中",
            ErrorKind::ConflictingFields => "互斥的字段被同时填写",
            ErrorKind::NoSolution => "此输入无解",
        }
    }
}

/// A failure: kind, field path, and a message in English and Chinese.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    field: String,
    message: String,
    message_zh: String,
}

impl Error {
    /// A new error. `field` is the input path (`items[0].dueDate`), empty for the whole input.
    ///
    /// Not inlined: the three conversions would otherwise be copied into each of the many call
    /// sites (1.2 KB of wasm).
    #[inline(never)]
    pub fn new(
        kind: ErrorKind,
        field: impl Into<String>,
        message: impl Into<String>,
        message_zh: impl Into<String>,
    ) -> Error {
        Error {
            kind,
            field: field.into(),
            message: message.into(),
            message_zh: message_zh.into(),
        }
    }

    /// The error for arithmetic that would leave exact range: results this large are not credible
    /// amounts, so they are reported rather than wrapped or rounded.
    pub fn overflow(field: impl Into<String>) -> Error {
        Error::new(
            ErrorKind::OutOfRange,
            field,
            "the numbers are too large to compute exactly",
            "数值过大，无法精确计算",
        )
    }

    /// Returns the same error with `field` set, when it had none (used to blame an overflow on the
    /// input that caused it).
    pub fn in_field(mut self, field: &str) -> Error {
        if self.field.is_empty() {
            self.field = field.to_string();
        }
        self
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
    pub fn field(&self) -> &str {
        &self.field
    }
    pub fn message(&self) -> &str {
        &self.message
    }
    pub fn message_zh(&self) -> &str {
        &self.message_zh
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.code(), self.message)
        } else {
            write!(f, "{} at {}: {}", self.code(), self.field, self.message)
        }
    }
}

impl std::error::Error for Error {}

/// Shorthand used throughout the crate.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_distinct_and_has_both_languages() {
        let mut codes: Vec<_> = ErrorKind::ALL.iter().map(|k| k.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), ErrorKind::ALL.len());
        for kind in ErrorKind::ALL {
            assert!(!kind.summary().is_empty() && !kind.summary_zh().is_empty());
            assert!(
                kind.summary_zh().chars().any(|c| c as u32 > 0x2E80),
                "{kind:?} zh"
            );
        }
    }

    #[test]
    fn display_names_field() {
        let e = Error::new(
            ErrorKind::MissingField,
            "debts[2].annualRate",
            "required",
            "必填",
        );
        assert_eq!(
            e.to_string(),
            "MISSING_FIELD at debts[2].annualRate: required"
        );
        assert_eq!(
            Error::overflow("").in_field("principal").field(),
            "principal"
        );
    }
}
