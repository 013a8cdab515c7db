//! Warnings, flags and advice attached to results: a stable code plus English and Chinese text.

/// One warning, flag or piece of advice. `code` is stable (the page chooses what to show by it).
/// In results: `{code, message, messageZh}`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    /// Stable identifier, `UPPER_SNAKE_CASE`.
    pub code: &'static str,
    /// English text.
    pub message: String,
    /// Chinese text.
    pub message_zh: String,
}

impl Notice {
    pub fn new(
        code: &'static str,
        message: impl Into<String>,
        message_zh: impl Into<String>,
    ) -> Notice {
        Notice {
            code,
            message: message.into(),
            message_zh: message_zh.into(),
        }
    }
}
