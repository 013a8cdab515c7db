//! Where a debt stands by days past due: the banks' five-grade classification and the collection
//! bucket.

/// The five-grade loan classification of the 2023 commercial-bank risk rules (金融资产风险分类办法):
/// any amount past due is at least special mention; more than 90 days substandard; more than 270
/// doubtful; more than 360 loss.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Classification {
    /// 正常: nothing past due (or only within the grace days).
    Normal,
    /// 关注: 1–90 days past due.
    SpecialMention,
    /// 次级: 91–270 days.
    Substandard,
    /// 可疑: 271–360 days.
    Doubtful,
    /// 损失: more than 360 days.
    Loss,
}

impl Classification {
    /// The class for `days_past_due` (0 or less = normal).
    ///
    /// ```
    /// use repayment_plan::overdue::Classification;
    /// assert_eq!(Classification::from_days(0), Classification::Normal);
    /// assert_eq!(Classification::from_days(90), Classification::SpecialMention);
    /// assert_eq!(Classification::from_days(91), Classification::Substandard);
    /// assert_eq!(Classification::from_days(361), Classification::Loss);
    /// ```
    pub fn from_days(days_past_due: i64) -> Classification {
        match days_past_due {
            i64::MIN..=0 => Classification::Normal,
            1..=90 => Classification::SpecialMention,
            91..=270 => Classification::Substandard,
            271..=360 => Classification::Doubtful,
            _ => Classification::Loss,
        }
    }

    /// The output name: `"normal"`, `"specialMention"`, `"substandard"`, `"doubtful"`, `"loss"`.
    pub fn name(self) -> &'static str {
        match self {
            Classification::Normal => "normal",
            Classification::SpecialMention => "specialMention",
            Classification::Substandard => "substandard",
            Classification::Doubtful => "doubtful",
            Classification::Loss => "loss",
        }
    }
}

/// Collection bucket names, by completed 30-day blocks: M0 = not past due, M1 = 1–30 days,
/// M2 = 31–60, …, M6 = 151–180, and `M6+` for more than 180 days.
pub const BUCKETS: [&str; 8] = ["M0", "M1", "M2", "M3", "M4", "M5", "M6", "M6+"];

/// The collection bucket for `days_past_due`.
///
/// ```
/// use repayment_plan::overdue::bucket;
/// let names: Vec<_> = [0, 1, 30, 31, 180, 181].iter().map(|&d| bucket(d)).collect();
/// assert_eq!(names, ["M0", "M1", "M1", "M2", "M6", "M6+"]);
/// ```
pub fn bucket(days_past_due: i64) -> &'static str {
    let index = if days_past_due <= 0 {
        0
    } else {
        ((days_past_due - 1) / 30 + 1).min(7)
    };
    BUCKETS[index as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        let cases = [
            (0, "normal", "M0"),
            (1, "specialMention", "M1"),
            (30, "specialMention", "M1"),
            (31, "specialMention", "M2"),
            (60, "specialMention", "M2"),
            (61, "specialMention", "M3"),
            (90, "specialMention", "M3"),
            (91, "substandard", "M4"),
            (150, "substandard", "M5"),
            (151, "substandard", "M6"),
            (180, "substandard", "M6"),
            (181, "substandard", "M6+"),
            (270, "substandard", "M6+"),
            (271, "doubtful", "M6+"),
            (360, "doubtful", "M6+"),
            (361, "loss", "M6+"),
            (100_000, "loss", "M6+"),
        ];
        for (days, class, b) in cases {
            assert_eq!(
                (Classification::from_days(days).name(), bucket(days)),
                (class, b),
                "{days}"
            );
        }
        assert_eq!(bucket(-5), "M0");
    }
}
