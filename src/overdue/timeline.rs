//! The dated timeline of an overdue debt: what typically happens on which day after the due
//! date, and what is owed on that day.
//!
//! The days are counted from the **earliest due date** of the items, as [`super::assess`] counts
//! the debt's days past due (its oldest item). The milestones, in order of their day:
//!
//! | code | day past due | confidence |
//! |---|---|---|
//! | `GRACE_END` | the last grace day (only with grace days) | the contract's 容时 \[src\] |
//! | `PENALTY_START` | the first day after the grace: charges start, counted from the due date | \[calc\] as [`super::accrue`] |
//! | `BUCKET_M2`, `BUCKET_M3` | 31, 61 (collection buckets) | \[assume\] |
//! | `SUBSTANDARD`, `DOUBTFUL`, `LOSS` | 91, 271, 361 (the 2023 classification rules) | \[src\] |
//! | `CREDIT_REPORT` | [`TimelineDays::credit_report`], default 30 | \[assume\]: lenders differ |
//! | `COLLECTION_AGENCY` | [`TimelineDays::collection_agency`], default 31 | \[assume\] |
//! | `LEGAL_ACTION` | [`TimelineDays::legal_action`], default 91 | \[assume\] |
//!
//! A stage change on or before the first day after the grace is not listed on its own: that
//! day's milestone already shows the stage. A parameter day within the grace days moves to the
//! first day after them (nothing is past due before it). The horizon is therefore the loss stage
//! (day 361) or the latest parameter day, whichever is later: every milestone is listed, however
//! far away, and there are at most ten.

use super::advice;
use super::{assess, Classification, OverdueItem, PenaltyTerms, Product};
use crate::error::{Error, Result};
use crate::money::Money;
use crate::notice::Notice;
use chrono::{Days, NaiveDate};

/// Default of [`TimelineDays::credit_report`]: 30 days past due \[assume\].
pub const DEFAULT_CREDIT_REPORT_DAYS: i64 = 30;
/// Default of [`TimelineDays::collection_agency`]: 31 days (collection bucket M2) \[assume\].
pub const DEFAULT_COLLECTION_AGENCY_DAYS: i64 = 31;
/// Default of [`TimelineDays::legal_action`]: 91 days (substandard) \[assume\].
pub const DEFAULT_LEGAL_ACTION_DAYS: i64 = 91;

/// Milestone: the last of the grace days.
pub const GRACE_END: &str = "GRACE_END";
/// Milestone: the first day past due after the grace; charges start, from the due date.
pub const PENALTY_START: &str = "PENALTY_START";
/// Milestone: 31 days past due, collection bucket M2.
pub const BUCKET_M2: &str = "BUCKET_M2";
/// Milestone: 61 days past due, collection bucket M3.
pub const BUCKET_M3: &str = "BUCKET_M3";
/// Milestone: more than 90 days past due, classified substandard (次级).
pub const SUBSTANDARD: &str = "SUBSTANDARD";
/// Milestone: more than 270 days past due, classified doubtful (可疑).
pub const DOUBTFUL: &str = "DOUBTFUL";
/// Milestone: more than 360 days past due, classified loss (损失).
pub const LOSS: &str = "LOSS";
/// Milestone: a report to the credit reference system (征信) usually follows about now.
pub const CREDIT_REPORT: &str = "CREDIT_REPORT";
/// Milestone: a third-party collection agency may be involved from about now.
pub const COLLECTION_AGENCY: &str = "COLLECTION_AGENCY";
/// Milestone: legal steps may start from about now.
pub const LEGAL_ACTION: &str = "LEGAL_ACTION";

/// Every milestone code, in the order milestones of the same day are listed.
pub const MILESTONE_CODES: [&str; 10] = {
    let mut codes = [""; 10];
    let mut i = 0;
    while i < codes.len() {
        codes[i] = Kind::ALL[i].code();
        i += 1;
    }
    codes
};

/// The milestones, so that each one's code, text and advice are one `match` away (no lookup
/// that could miss).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Kind {
    GraceEnd,
    PenaltyStart,
    BucketM2,
    BucketM3,
    Substandard,
    Doubtful,
    Loss,
    CreditReport,
    CollectionAgency,
    LegalAction,
}

impl Kind {
    /// In the order of [`MILESTONE_CODES`].
    const ALL: [Kind; 10] = [
        Kind::GraceEnd,
        Kind::PenaltyStart,
        Kind::BucketM2,
        Kind::BucketM3,
        Kind::Substandard,
        Kind::Doubtful,
        Kind::Loss,
        Kind::CreditReport,
        Kind::CollectionAgency,
        Kind::LegalAction,
    ];

    const fn code(self) -> &'static str {
        match self {
            Kind::GraceEnd => GRACE_END,
            Kind::PenaltyStart => PENALTY_START,
            Kind::BucketM2 => BUCKET_M2,
            Kind::BucketM3 => BUCKET_M3,
            Kind::Substandard => SUBSTANDARD,
            Kind::Doubtful => DOUBTFUL,
            Kind::Loss => LOSS,
            Kind::CreditReport => CREDIT_REPORT,
            Kind::CollectionAgency => COLLECTION_AGENCY,
            Kind::LegalAction => LEGAL_ACTION,
        }
    }

    /// What happens, English and Chinese, with `{n}` for the day count it names (the grace
    /// days, the days past due or the parameter) and `{b}` for the bucket: templates rather
    /// than `format!`, and short, to keep the wasm small.
    fn templates(self) -> (&'static str, &'static str) {
        match self {
            Kind::GraceEnd => (
                "The last of the {n} grace days (容时): paying by the end of today counts as on time.",
                "{n} 天宽限期（容时）的最后一天：今天还款视为按时还款。",
            ),
            Kind::PenaltyStart => (
                "Charges start, counted from the due date (today is day {n}), and the debt is past due: bucket {b}.",
                "开始计收罚息或逾期费，从到期日起算（已 {n} 天），欠款转为逾期：{b}。",
            ),
            Kind::BucketM2 => (
                "Collection bucket M2: calls usually grow more frequent. (M1, M2… are a custom, not a rule.)",
                "进入催收阶段 M2，催收通常更频繁（M1、M2 是行业惯例，不是法规）。",
            ),
            Kind::BucketM3 => (
                "Collection bucket M3. Try to agree a plan before day 91.",
                "进入催收阶段 M3。尽量在逾期 90 天内谈妥还款方案。",
            ),
            Kind::Substandard => (
                "Over 90 days: classed substandard (次级) under the 2023 risk-classification rules for commercial banks; bucket {b}.",
                "逾期超过 90 天：按 2023 年《商业银行金融资产风险分类办法》列为次级；{b}。",
            ),
            Kind::Doubtful => (
                "Over 270 days: classed doubtful (可疑).",
                "逾期超过 270 天：列为可疑。",
            ),
            Kind::Loss => (
                "Over 360 days: classed loss (损失), a bookkeeping class: the debt is still owed.",
                "逾期超过 360 天：列为损失。这只是记账分类，欠款仍在。",
            ),
            Kind::CreditReport => (
                "A report to the credit bureau (征信) often follows about now. {n} days is an assumption (creditReportDays): lenders differ, some report sooner.",
                "贷款方常在此前后报送征信。{n} 天只是假设（creditReportDays），各机构不同，有的更早。",
            ),
            Kind::CollectionAgency => (
                "A third-party collection agency may take over from about now. {n} days is an assumption (collectionAgencyDays): lenders differ.",
                "此后可能转给第三方催收机构。{n} 天只是假设（collectionAgencyDays），各机构不同。",
            ),
            Kind::LegalAction => (
                "Legal steps, up to a lawsuit, may start from about now. {n} days is an assumption (legalActionDays): lenders differ.",
                "此后贷款方可能采取法律措施，直至起诉。{n} 天只是假设（legalActionDays），各机构不同。",
            ),
        }
    }

    /// What happens at the milestone, in English and Chinese, naming the day count `day`.
    fn text(self, day: i64, bucket: &str) -> Notice {
        let (en, zh) = self.templates();
        let n = day.to_string();
        let fill = |t: &str| t.replace("{n}", &n).replace("{b}", bucket);
        Notice::new(self.code(), fill(en), fill(zh))
    }

    /// The advice that fits the milestone.
    fn next_step(self, product: Product) -> Notice {
        match self {
            Kind::GraceEnd => advice::pay_within_grace(),
            Kind::PenaltyStart => advice::contact_lender(product),
            Kind::BucketM2 | Kind::Loss => advice::repayment_plan(product),
            Kind::BucketM3 => advice::budget(),
            Kind::Substandard => advice::fake_court_sms(),
            Kind::Doubtful => advice::complain(product),
            Kind::CreditReport => advice::credit_report(),
            Kind::CollectionAgency => advice::keep_records(),
            Kind::LegalAction => advice::legal_action(),
        }
    }
}

/// The days past due at which the events that vary by lender are assumed to happen.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct TimelineDays {
    /// A report to the credit reference system (征信) usually follows.
    pub credit_report: i64,
    /// A third-party collection agency may be involved.
    pub collection_agency: i64,
    /// Legal steps (up to a lawsuit) may start.
    pub legal_action: i64,
}

impl Default for TimelineDays {
    fn default() -> TimelineDays {
        TimelineDays {
            credit_report: DEFAULT_CREDIT_REPORT_DAYS,
            collection_agency: DEFAULT_COLLECTION_AGENCY_DAYS,
            legal_action: DEFAULT_LEGAL_ACTION_DAYS,
        }
    }
}

/// One milestone: its day and what [`assess`] says of the debt on that day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Milestone {
    /// One of [`MILESTONE_CODES`].
    pub code: &'static str,
    pub date: NaiveDate,
    /// Days past due on `date`, as [`assess`] counts them (0 on the last grace day).
    pub days_past_due: i64,
    pub classification: Classification,
    pub bucket: &'static str,
    /// [`super::Overdue::total_due`] on `date`.
    pub owed: Money,
    /// [`super::Overdue::total_charges`] on `date`.
    pub charges: Money,
    /// What happens, in English and Chinese (the notice's code is the milestone's).
    pub text: Notice,
    /// The advice that fits the day: one of [`advice::NEXT_STEP_CODES`].
    pub next_step: Notice,
}

/// The milestones of `items` under `terms` (see the module docs), sorted by date; `product`
/// chooses the wording of the advice.
///
/// # Errors
/// `OUT_OF_RANGE` when a date would leave the calendar or an amount would overflow exact
/// arithmetic. No items: no milestones.
///
/// # Example
/// 花呗, 1,000.00 due 2025-03-10, no grace days: charges start on 03-11 (0.50 a day), M2 on
/// 04-10 (31 days: 1015.50 owed).
/// ```
/// use repayment_plan::overdue::timeline::{timeline, TimelineDays, PENALTY_START, BUCKET_M2};
/// use repayment_plan::overdue::{OverdueItem, PenaltyTerms, Product, HUABEI_PENALTY_DAILY_RATE};
/// use repayment_plan::money::Money;
/// let terms = PenaltyTerms { rate: HUABEI_PENALTY_DAILY_RATE, rate_days: 1,
///     base: Product::Huabei.penalty_base(), compound_overdue_interest: false, grace_days: 0 };
/// let item = OverdueItem { due_date: "2025-03-10".parse().unwrap(), principal: Money::from_fen(100_000),
///     interest: Money::ZERO, fee: Money::ZERO };
/// let t = timeline(Product::Huabei, &terms, &[item], &TimelineDays::default()).unwrap();
/// assert_eq!((t[0].code, t[0].date.to_string(), t[0].owed.to_string()), (PENALTY_START, "2025-03-11".into(), "1000.50".into()));
/// let m2 = t.iter().find(|m| m.code == BUCKET_M2).unwrap();
/// assert_eq!((m2.date.to_string(), m2.owed.to_string()), ("2025-04-10".into(), "1015.50".into()));
/// ```
pub fn timeline(
    product: Product,
    terms: &PenaltyTerms,
    items: &[OverdueItem],
    days: &TimelineDays,
) -> Result<Vec<Milestone>> {
    let Some(due) = items.iter().map(|i| i.due_date).min() else {
        return Ok(Vec::new());
    };
    let grace = terms.grace_days;
    let first = grace + 1;
    // (milestone, day past due, the day count its text names); a stage the first day past
    // due already shows is left out.
    let mut plan: Vec<(Kind, i64, i64)> = Vec::with_capacity(Kind::ALL.len());
    if grace > 0 {
        plan.push((Kind::GraceEnd, grace, grace));
    }
    plan.push((Kind::PenaltyStart, first, first));
    for (kind, day) in [
        (Kind::BucketM2, 31),
        (Kind::BucketM3, 61),
        (Kind::Substandard, 91),
        (Kind::Doubtful, 271),
        (Kind::Loss, 361),
    ] {
        if day > first {
            plan.push((kind, day, day));
        }
    }
    // Each after the milestones of its day and before later ones: milestones of the same day
    // keep the order of MILESTONE_CODES (a sort would cost the wasm more than this).
    for (kind, day) in [
        (Kind::CreditReport, days.credit_report),
        (Kind::CollectionAgency, days.collection_agency),
        (Kind::LegalAction, days.legal_action),
    ] {
        let at_day = day.max(first);
        let at = plan
            .iter()
            .position(|&(_, d, _)| d > at_day)
            .unwrap_or(plan.len());
        plan.insert(at, (kind, at_day, day));
    }

    let mut out = Vec::with_capacity(plan.len());
    for (kind, day, named) in plan {
        let date = due
            .checked_add_days(Days::new(day.unsigned_abs()))
            .ok_or_else(|| Error::overflow("items"))?;
        let o = assess(terms, items, date)?;
        out.push(Milestone {
            code: kind.code(),
            date,
            days_past_due: o.days_past_due,
            classification: o.classification,
            bucket: o.bucket,
            owed: o.total_due,
            charges: o.total_charges,
            text: kind.text(named, o.bucket),
            next_step: kind.next_step(product),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    // 花呗's terms with these grace days, as the overdue tests use them.
    use crate::overdue::tests::huabei as terms;

    fn item(due: &str) -> OverdueItem {
        OverdueItem {
            due_date: due.parse().unwrap(),
            principal: Money::from_fen(100_000),
            interest: Money::ZERO,
            fee: Money::ZERO,
        }
    }

    fn codes_and_days(t: &[Milestone]) -> Vec<(&'static str, i64)> {
        t.iter().map(|m| (m.code, m.days_past_due)).collect()
    }

    #[test]
    fn default_days_without_grace() {
        let t = timeline(
            Product::Huabei,
            &terms(0),
            &[item("2025-01-31")],
            &TimelineDays::default(),
        )
        .unwrap();
        assert_eq!(
            codes_and_days(&t),
            [
                (PENALTY_START, 1),
                (CREDIT_REPORT, 30),
                (BUCKET_M2, 31),
                (COLLECTION_AGENCY, 31),
                (BUCKET_M3, 61),
                (SUBSTANDARD, 91),
                (LEGAL_ACTION, 91),
                (DOUBTFUL, 271),
                (LOSS, 361),
            ]
        );
        // 01-31 + 30 days = 03-02 (2025 is not a leap year); 1000 × 0.0005 × 30 = 15.00.
        assert_eq!(t[1].date.to_string(), "2025-03-02");
        assert_eq!(t[1].owed.to_string(), "1015.00");
        assert_eq!(t[1].charges.to_string(), "15.00");
        assert_eq!(
            (t[5].classification, t[5].bucket),
            (Classification::Substandard, "M4")
        );
        assert_eq!(t[8].classification, Classification::Loss);
        for m in &t {
            assert!(advice::NEXT_STEP_CODES.contains(&m.next_step.code));
            assert!(MILESTONE_CODES.contains(&m.text.code) && m.text.code == m.code);
        }
    }

    #[test]
    fn grace_moves_the_start_and_folds_stages_already_reached() {
        let days = TimelineDays {
            credit_report: 5,
            collection_agency: 400,
            legal_action: 120,
        };
        let t = timeline(Product::Jiebei, &terms(40), &[item("2025-01-01")], &days).unwrap();
        assert_eq!(
            codes_and_days(&t),
            [
                (GRACE_END, 0),
                (PENALTY_START, 41),
                (CREDIT_REPORT, 41),
                (BUCKET_M3, 61),
                (SUBSTANDARD, 91),
                (LEGAL_ACTION, 120),
                (DOUBTFUL, 271),
                (LOSS, 361),
                (COLLECTION_AGENCY, 400),
            ]
        );
        assert_eq!(t[0].date.to_string(), "2025-02-10");
        assert_eq!(t[0].charges, Money::ZERO);
        // 41 days at once: 1000 × 0.0005 × 41 = 20.50.
        assert_eq!(t[1].charges.to_string(), "20.50");
        assert_eq!(t[1].bucket, "M2");
        assert!(t[1].text.message.contains("day 41"));
    }

    #[test]
    fn days_count_from_the_earliest_due_date() {
        let items = [item("2025-03-10"), item("2025-02-10")];
        let t = timeline(Product::Huabei, &terms(0), &items, &TimelineDays::default()).unwrap();
        assert_eq!(t[0].date.to_string(), "2025-02-11");
        // On 03-13 (M2 of the first), the second item is 3 days late: 1000 + 15.50 + 1000 + 1.50.
        let m2 = t.iter().find(|m| m.code == BUCKET_M2).unwrap();
        assert_eq!(
            (m2.date.to_string(), m2.owed.to_string()),
            ("2025-03-13".into(), "2017.00".into())
        );
    }

    #[test]
    fn the_end_of_the_calendar_is_an_error() {
        let t = timeline(
            Product::Huabei,
            &terms(0),
            &[OverdueItem {
                due_date: NaiveDate::MAX,
                ..item("2025-01-01")
            }],
            &TimelineDays::default(),
        );
        assert_eq!(t.unwrap_err().code(), "OUT_OF_RANGE");
    }
}
