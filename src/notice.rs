//! Warnings, flags and advice attached to results: a stable code plus English and Chinese text.

/// One warning, flag or piece of advice. `code` is stable (the page chooses what to show by it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub code: &'static str,
    pub message: String,
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
