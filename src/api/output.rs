//! Shared pieces of result JSON.

use crate::json::JsonWriter;
use crate::notice::Notice;
use rust_decimal::Decimal;

/// Places of an unrounded decimal result (the time-value functions).
pub const UNROUNDED_PLACES: u32 = 10;

/// A lone unrounded decimal as the whole result: `"-1037.0320893296"`.
pub fn unrounded(value: Decimal) -> String {
    let mut w = JsonWriter::new();
    w.decimal_fixed(value, UNROUNDED_PLACES);
    w.finish()
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
