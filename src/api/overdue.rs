//! The API of [`crate::overdue`]: `overdue` (late instalments of 花呗, 借呗, bank loans or any
//! loan) and `cardInterest` (one credit-card statement cycle). Field list, defaults and bounds:
//! the README (section "Overdue") and the doc comment of each input field.
//!
//! The product-dependent defaults (花呗's overdue fee, which rate a 借呗 or a bank quotes, what
//! bears the penalty, whether interest compounds) are decided in one place, [`penalty_terms`],
//! from the constants and [`Product`] methods of [`crate::overdue`]; the card's in
//! [`card_terms`], from [`CardTerms::default`]. An absent optional field stays `None` in the
//! input types: its default depends on the product and is never written into the input.

use super::check::{self, Bounds, FieldRule};
use super::de::{self, index, join};
use super::{ser, ts};
use crate::error::{Error, ErrorKind, Result};
use crate::exact;
use crate::money::Money;
use crate::notice::Notice;
use crate::overdue::advice::{self, Situation};
use crate::overdue::card::{self, CardChargeKind, CardTerms, InterestMode, Payment, Transaction};
use crate::overdue::timeline::{self, TimelineDays};
use crate::overdue::{
    self as core, ChargeKind, Classification, ItemStatus, OverdueItem, PenaltyTerms, Product,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};
use ts_rs::TS;

/// An amount of one item, or a minimum payment: 0 … 10 billion yuan.
pub const AMOUNT: Bounds = Bounds::new("0", "10000000000");
/// A transaction or payment of a card: 0.01 … 10 billion yuan.
pub const CARD_AMOUNT: Bounds = Bounds::new("0.01", AMOUNT.max);
/// A penalty or contract rate per day: 0 … 0.1 (10% a day).
pub const DAILY_RATE: Bounds = Bounds::new("0", "0.1");
/// A contract rate per year: 0 … 10 (1000% a year).
pub const ANNUAL_RATE: Bounds = Bounds::new("0", "10");
/// Penalty rate = contract rate × this: 1 … 10.
pub const MULTIPLIER: Bounds = Bounds::new("1", "10");
/// A rate that is a share of something (LPR, minimum rate, late-fee rate): 0 … 1.
pub const SHARE: Bounds = Bounds::new("0", "1");
/// The card's daily interest rate: 0 … 0.01.
pub const CARD_DAILY_RATE: Bounds = Bounds::new("0", "0.01");
/// The smallest 违约金: 0 … 100,000 yuan.
pub const LATE_FEE_MIN: Bounds = Bounds::new("0", "100000");
/// Grace days of a loan (容时): 0 … 90.
pub const LOAN_GRACE_DAYS_MAX: i64 = 90;
/// Grace days of a card: 0 … 30.
pub const CARD_GRACE_DAYS_MAX: i64 = 30;
/// The days of the timeline's parameters (`creditReportDays`, …): 1 … 3650 (10 years).
pub const TIMELINE_DAYS_MAX: i64 = 3650;
/// Most instalments, transactions or payments in one call.
pub const MAX_ITEMS: usize = 1000;
/// Default 1-year LPR for the 4 × LPR comparison: 3.0% (since 2025-05-20).
pub const DEFAULT_LPR: Decimal = Decimal::from_parts(3, 0, 0, false, 2);

/// Places of the daily rates (6 would hide digits of 0.0735 / 360).
const DAILY_RATE_PLACES: u32 = 10;

/// A TypeScript union of string literals, `"a" | "b"`, declared as `type $name = …`: for the
/// result values below whose names the core defines.
macro_rules! ts_union {
    ($t:ty, $name:literal, $doc:literal, $names:expr) => {
        impl TS for $t {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn docs() -> Option<String> {
                Some(format!("/** {} */\n", $doc))
            }
            fn name(_: &ts_rs::Config) -> String {
                $name.into()
            }
            fn inline(_: &ts_rs::Config) -> String {
                let names: Vec<String> = $names.iter().map(|n| format!("\"{n}\"")).collect();
                names.join(" | ")
            }
            fn decl(cfg: &ts_rs::Config) -> String {
                format!(
                    "type {} = {};",
                    <Self as TS>::name(cfg),
                    <Self as TS>::inline(cfg)
                )
            }
            fn decl_concrete(cfg: &ts_rs::Config) -> String {
                Self::decl(cfg)
            }
            fn output_path() -> Option<std::path::PathBuf> {
                Some(format!("{}.ts", $name).into())
            }
        }
    };
}

/// The output names of the core's enums ([`ItemStatus::name`] and the like) as their serde form
/// and their TypeScript union: the core keeps one name per value.
macro_rules! serialize_by_name {
    ($($t:ident as $name:literal, $doc:literal: [$($variant:ident),*];)*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }
        ts_union!($t, $name, $doc, [$($t::$variant.name()),*]);
    )*};
}
serialize_by_name! {
    ItemStatus as "ItemStatus", "Where an item stands on the as-of date.": [NotDue, InGrace, Overdue];
    ChargeKind as "ChargeKind", "What a breakdown row of `overdue` charges: 罚息 / 逾期费 or 复利.": [Penalty, Compound];
    CardChargeKind as "CardChargeKind", "What a breakdown row of `cardInterest` charges.": [Interest, LateFee];
    Classification as "LoanClassification", "The five-grade loan classification (2023 rules).": [Normal, SpecialMention, Substandard, Doubtful, Loss];
}

/// TypeScript only: the collection bucket names ([`core::BUCKETS`]).
pub struct CollectionBucket;
ts_union!(
    CollectionBucket,
    "CollectionBucket",
    "Collection bucket: M0 not past due, M1 = 1–30 days, M2 = 31–60, …, M6 = 151–180, M6+ beyond.",
    core::BUCKETS
);

/// TypeScript only: the warning codes ([`advice::WARNING_CODES`]).
pub struct OverdueWarningCode;
ts_union!(
    OverdueWarningCode,
    "OverdueWarningCode",
    "Warning codes of `overdue` and `cardInterest`.",
    advice::WARNING_CODES
);

/// TypeScript only: the next-step codes ([`advice::NEXT_STEP_CODES`]).
pub struct NextStepCode;
ts_union!(
    NextStepCode,
    "NextStepCode",
    "Advice codes; the page explains each (README, section \"Overdue\").",
    advice::NEXT_STEP_CODES
);

/// TypeScript only: the milestone codes of the timeline ([`timeline::MILESTONE_CODES`]).
pub struct MilestoneCode;
ts_union!(
    MilestoneCode,
    "MilestoneCode",
    "What happens at a milestone of `overdue`'s timeline (docs/reference.md, \"Timeline milestone codes\").",
    timeline::MILESTONE_CODES
);

/// A [`Notice`] whose code is one of `$code`'s, for TypeScript: `Notice & { code: … }`.
macro_rules! ts_notice {
    ($t:ident, $name:literal, $code:ty) => {
        #[doc = concat!("TypeScript only: a [`Notice`] with a code of [`", stringify!($code), "`].")]
        pub struct $t;
        impl TS for $t {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn name(_: &ts_rs::Config) -> String {
                $name.into()
            }
            fn inline(cfg: &ts_rs::Config) -> String {
                format!("Notice & {{ code: {} }}", <$code as TS>::name(cfg))
            }
            fn decl(cfg: &ts_rs::Config) -> String {
                format!(
                    "type {} = {};",
                    <Self as TS>::name(cfg),
                    <Self as TS>::inline(cfg)
                )
            }
            fn decl_concrete(cfg: &ts_rs::Config) -> String {
                Self::decl(cfg)
            }
            fn visit_dependencies(v: &mut impl ts_rs::TypeVisitor)
            where
                Self: 'static,
            {
                v.visit::<Notice>();
                v.visit::<$code>();
            }
            fn output_path() -> Option<std::path::PathBuf> {
                Some(concat!($name, ".ts").into())
            }
        }
    };
}
ts_notice!(OverdueWarning, "OverdueWarning", OverdueWarningCode);
ts_notice!(NextStep, "NextStep", NextStepCode);

/// The kind of debt of [`overdue`]; it chooses the default rules (see [`penalty_terms`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverdueProduct {
    /// 花呗 bill or instalment: 0.05% a day on the whole unpaid amount unless a rate is given.
    Huabei,
    /// 借呗 cash loan: contract daily rate × penalty multiplier, on the principal.
    Jiebei,
    /// Bank loan: contract annual rate / 360 × penalty multiplier, on the principal, with 复利.
    BankLoan,
    /// Any other loan: the penalty rate must be given.
    Custom,
}

crate::choices!(OverdueProduct {
    "huabei" => OverdueProduct::Huabei,
    "jiebei" => OverdueProduct::Jiebei,
    "bankLoan" => OverdueProduct::BankLoan,
    "custom" => OverdueProduct::Custom,
});

impl From<OverdueProduct> for Product {
    fn from(product: OverdueProduct) -> Product {
        match product {
            OverdueProduct::Huabei => Product::Huabei,
            OverdueProduct::Jiebei => Product::Jiebei,
            OverdueProduct::BankLoan => Product::BankLoan,
            OverdueProduct::Custom => Product::Custom,
        }
    }
}

crate::choices!(InterestMode {
    "full" => InterestMode::Full,
    "unpaid" => InterestMode::Unpaid,
});

/// Input of [`overdue`].
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OverdueInput {
    /// `"huabei"`, `"jiebei"`, `"bankLoan"` or `"custom"`: chooses the default rules.
    #[serde(deserialize_with = "de::req")]
    pub product: OverdueProduct,
    /// The day the costs are computed for ("today"), 1900-01-01 … 2200-12-31.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DateString")]
    pub as_of_date: NaiveDate,
    /// The unpaid instalments, any due dates, any order; 1 … 1000 of them.
    #[serde(deserialize_with = "de::objects")]
    pub items: Vec<OverdueItemInput>,
    /// The penalty per day, given directly, a fraction; 0 … 0.1. Default: 花呗 0.0005, other
    /// products none (a contract rate is needed). Not together with a contract rate or
    /// `penaltyMultiplier`.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::RateInput>")]
    pub penalty_daily_rate: Option<Decimal>,
    /// Contract rate per year, a fraction; 0 … 10; the daily rate is annual / `dayBasis`. Not
    /// together with `contractDailyRate`.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::RateInput>")]
    pub contract_annual_rate: Option<Decimal>,
    /// Days in the year by which `contractAnnualRate` is divided into a daily rate: `360` or
    /// `365`; default 360 (banks' loan contracts). Some banks publish their penalties as
    /// "年利率 × 1.5 ÷ 365". Only with `contractAnnualRate`.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, type = "360 | 365")]
    pub day_basis: Option<i32>,
    /// Contract rate per day (借呗 quotes 日利率), a fraction; 0 … 0.1.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::RateInput>")]
    pub contract_daily_rate: Option<Decimal>,
    /// Penalty rate = contract rate × this; 1 … 10; default 1.5. Needs a contract rate.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::DecimalInput>")]
    pub penalty_multiplier: Option<Decimal>,
    /// Whether unpaid contract interest bears the penalty rate too (复利). Default: bank loans
    /// `true`, 借呗 and custom `false`; never `true` for 花呗 (its fee is on the whole amount).
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub compound_overdue_interest: Option<bool>,
    /// Days after each due date that still count as on time (容时); 0 … 90; default 0.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::CountInput>")]
    pub grace_days: Option<i32>,
    /// 1-year LPR at the contract date, for the 4 × LPR warning, a fraction; 0 … 1; default
    /// 0.03.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::RateInput>")]
    pub lpr: Option<Decimal>,
    /// Whether to add `timeline`, the dated milestones from the earliest due date, each with what
    /// is owed that day; default false (the result then has no `timeline` key).
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub timeline: Option<bool>,
    /// Timeline: days past due after which a report to the credit bureau (征信) usually follows;
    /// whole days 1 … 3650; default 30. An assumption: lenders differ. Only with `timeline: true`.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::CountInput>")]
    pub credit_report_days: Option<i32>,
    /// Timeline: days past due from which a third-party collection agency may be involved; whole
    /// days 1 … 3650; default 31. An assumption: lenders differ. Only with `timeline: true`.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::CountInput>")]
    pub collection_agency_days: Option<i32>,
    /// Timeline: days past due from which legal steps (up to a lawsuit) may start; whole days
    /// 1 … 3650; default 91. An assumption: lenders differ. Only with `timeline: true`.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::CountInput>")]
    pub legal_action_days: Option<i32>,
}

/// One unpaid instalment of [`OverdueInput`].
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OverdueItemInput {
    /// Due date of the instalment.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DateString")]
    pub due_date: NaiveDate,
    /// Unpaid principal, yuan; 0 … 10,000,000,000.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::MoneyInput")]
    pub principal: Money,
    /// Unpaid contract interest of the instalment, yuan; 0 … 10,000,000,000; default 0.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::MoneyInput>")]
    pub interest: Option<Money>,
    /// Unpaid fees (e.g. 花呗 instalment fee), yuan; 0 … 10,000,000,000; default 0. Fees of a
    /// loan never bear charges.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::MoneyInput>")]
    pub fee: Option<Money>,
}

/// Result of [`overdue`].
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OverdueResult {
    /// The as-of date of the input.
    #[ts(as = "ts::DateString")]
    pub as_of_date: NaiveDate,
    /// Days past due of the oldest overdue item; 0 when nothing is beyond its grace.
    #[ts(type = "number")]
    pub days_past_due: i64,
    /// Something is past its due date, but all of it is within the grace days.
    pub in_grace: bool,
    /// Principal + interest + fee of every item past its due date (in grace or overdue).
    pub overdue_amount: Money,
    /// Σ breakdown rows of kind `penalty` (罚息 / 逾期费).
    pub penalty_interest: Money,
    /// Σ breakdown rows of kind `compound` (复利).
    pub compound_interest: Money,
    /// `penaltyInterest + compoundInterest`.
    pub total_charges: Money,
    /// `overdueAmount + totalCharges`: what clears every past-due item today.
    pub total_due: Money,
    /// Charges tomorrow − charges today, both as billed.
    pub daily_growth: Money,
    /// `totalCharges × 365 / Σ(amount × daysPastDue)` over overdue items, 6 places; 0 when
    /// nothing is overdue.
    #[serde(serialize_with = "ser::fixed::<6, _>")]
    #[ts(as = "ts::DecimalText")]
    pub annualised_charge_rate: Decimal,
    /// The penalty rate per day that was applied, 10 places.
    #[serde(serialize_with = "ser::fixed::<DAILY_RATE_PLACES, _>")]
    #[ts(as = "ts::DecimalText")]
    pub penalty_daily_rate: Decimal,
    /// Whether 复利 was applied.
    pub compound_overdue_interest: bool,
    /// One per input item, in input order.
    pub items: Vec<OverdueItemState>,
    /// One row per item and kind of charge.
    pub breakdown: Vec<OverdueChargeRow>,
    /// Where the debt stands.
    pub stage: OverdueStage,
    /// Warnings (charges above 4 × LPR, 24%, 36%; grace ending).
    #[ts(as = "Vec<OverdueWarning>")]
    pub warnings: Vec<Notice>,
    /// Advice, most urgent first.
    #[ts(as = "Vec<NextStep>")]
    pub next_steps: Vec<Notice>,
    /// Only with `timeline: true`: what typically happens on which day, counted from the
    /// earliest due date, sorted by date (milestones of one day in a fixed order), up to the loss
    /// stage (361 days) or the latest of the timeline's day parameters, whichever is later.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub timeline: Option<Vec<TimelineMilestone>>,
}

/// One milestone of [`OverdueResult::timeline`]: its date, the stage and what is owed then.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TimelineMilestone {
    /// What happens (a [`MilestoneCode`]).
    #[ts(as = "MilestoneCode")]
    pub code: &'static str,
    /// The day it happens: the earliest due date + the milestone's days.
    #[serde(serialize_with = "ser::date")]
    #[ts(as = "ts::DateString")]
    pub date: NaiveDate,
    /// Days past due on `date`, as `daysPastDue` counts them (0 on the last grace day).
    #[ts(type = "number")]
    pub days_past_due: i64,
    /// `date` is on or before `asOfDate`: this has already happened.
    pub reached: bool,
    /// The stage on `date`.
    pub stage: OverdueStage,
    /// What clears every past-due item on `date`: `totalDue` of `overdue` with `asOfDate` =
    /// `date`, yuan.
    pub owed: Money,
    /// The charges in it: `totalCharges` on `date`, yuan.
    pub charges: Money,
    /// What happens, English.
    pub message: String,
    /// What happens, Chinese.
    pub message_zh: String,
    /// The advice that fits this day.
    #[ts(as = "NextStep")]
    pub next_step: Notice,
}

/// One input item on the as-of date.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OverdueItemState {
    /// Index of the item in the input.
    #[ts(type = "number")]
    pub item: usize,
    /// Its due date.
    #[serde(serialize_with = "ser::date")]
    #[ts(as = "ts::DateString")]
    pub due_date: NaiveDate,
    /// `"notDue"`, `"inGrace"` or `"overdue"`.
    pub status: ItemStatus,
    /// Days past due; 0 unless `overdue`.
    #[ts(type = "number")]
    pub days_past_due: i64,
    /// Principal + interest + fee.
    pub amount: Money,
    /// The item's penalty + compound interest.
    pub charges: Money,
}

/// One charge of [`overdue`]: `amount = round_half_up(base × rate × days)`.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OverdueChargeRow {
    /// Index of the item in the input.
    #[ts(type = "number")]
    pub item: usize,
    /// The due date: charges run from it.
    #[serde(serialize_with = "ser::date")]
    #[ts(as = "ts::DateString")]
    pub from: NaiveDate,
    /// The as-of date.
    #[serde(serialize_with = "ser::date")]
    #[ts(as = "ts::DateString")]
    pub to: NaiveDate,
    /// Days charged.
    #[ts(type = "number")]
    pub days: i64,
    /// What bears the charge, yuan.
    pub base: Money,
    /// The daily rate, 10 places (computed exactly; the places are for display).
    #[serde(serialize_with = "ser::fixed::<DAILY_RATE_PLACES, _>")]
    #[ts(as = "ts::DecimalText")]
    pub rate: Decimal,
    /// The charge, rounded half-up to the fen.
    pub amount: Money,
    /// `"penalty"` or `"compound"`.
    pub kind: ChargeKind,
}

/// The stage of a debt by its days past due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OverdueStage {
    /// The five-grade classification: `"normal"`, `"specialMention"`, `"substandard"`,
    /// `"doubtful"`, `"loss"`.
    pub classification: Classification,
    /// The collection bucket: `"M0"` … `"M6"`, `"M6+"`.
    #[ts(as = "CollectionBucket")]
    pub bucket: &'static str,
}

impl OverdueStage {
    /// The stage of a debt `days_past_due` days past due.
    pub fn from_days(days_past_due: i64) -> OverdueStage {
        OverdueStage {
            classification: Classification::from_days(days_past_due),
            bucket: core::bucket(days_past_due),
        }
    }
}

impl OverdueInput {
    /// Where the penalty rate comes from, as [`penalty_terms`] checks it (and the generated
    /// TypeScript type says): one contract rate (times `penaltyMultiplier`) or
    /// `penaltyDailyRate`, exactly one of the three, or none for 花呗 (its own default);
    /// `penaltyMultiplier` only with a contract rate.
    pub const FIELD_RULES: &'static [FieldRule] = &[
        FieldRule::Cases {
            key: "product",
            cases: &[
                (&["huabei"], &[FieldRule::AtMostOne(PENALTY_SOURCES)]),
                (
                    &["jiebei", "bankLoan", "custom"],
                    &[FieldRule::ExactlyOne(PENALTY_SOURCES)],
                ),
            ],
        },
        FieldRule::Needs {
            field: "penaltyMultiplier",
            any_of: CONTRACT_RATES,
        },
    ];
}

/// The contract's rate, given one of two ways.
const CONTRACT_RATES: &[&str] = &["contractAnnualRate", "contractDailyRate"];
/// The fields a penalty rate can come from: a contract rate or the penalty rate itself.
const PENALTY_SOURCES: &[&str] = &[
    "contractAnnualRate",
    "contractDailyRate",
    "penaltyDailyRate",
];

/// The rules of [`overdue`] that depend on the product, all decided here: the penalty rate
/// (given daily, contract × multiplier, or 花呗's default), what bears it, and 复利.
///
/// # Errors
/// `OUT_OF_RANGE` for a rate outside its bounds; `CONFLICTING_FIELDS` for both contract rates,
/// a direct penalty rate with a contract rate or multiplier, or 复利 for 花呗; `MISSING_FIELD`
/// when no penalty rate can be found.
pub fn penalty_terms(input: &OverdueInput) -> Result<PenaltyTerms> {
    let product = Product::from(input.product);
    let daily = input.penalty_daily_rate;
    DAILY_RATE.check_opt("penaltyDailyRate", daily)?;
    let contract_given = [
        input.contract_annual_rate.is_some(),
        input.contract_daily_rate.is_some(),
    ];
    check::one_of("", CONTRACT_RATES, &contract_given)?;
    let contract_key = CONTRACT_RATES
        .iter()
        .zip(contract_given)
        .find(|(_, given)| *given)
        .map(|(k, _)| *k);
    ANNUAL_RATE.check_opt("contractAnnualRate", input.contract_annual_rate)?;
    DAILY_RATE.check_opt("contractDailyRate", input.contract_daily_rate)?;
    MULTIPLIER.check_opt("penaltyMultiplier", input.penalty_multiplier)?;
    let year_days = day_basis(input)?;
    let compound = input.compound_overdue_interest;
    check::whole_opt("graceDays", input.grace_days, 0, LOAN_GRACE_DAYS_MAX)?;

    if daily.is_some() {
        if let Some(other) = contract_key.or(input.penalty_multiplier.map(|_| "penaltyMultiplier"))
        {
            return Err(Error::new(
                ErrorKind::ConflictingFields,
                other,
                format!("give either penaltyDailyRate or a contract rate with penaltyMultiplier, not both ({other})"),
                format!("penaltyDailyRate 与合同利率（及 penaltyMultiplier）只能填写一种（{other}）"),
            ));
        }
    }
    let natural_key = if product == Product::BankLoan {
        "contractAnnualRate"
    } else {
        "contractDailyRate"
    };
    if input.penalty_multiplier.is_some() && contract_key.is_none() {
        return Err(Error::new(
            ErrorKind::MissingField,
            natural_key,
            "penaltyMultiplier needs the contract rate: give contractDailyRate or contractAnnualRate",
            "填写 penaltyMultiplier 时须同时填写合同利率 contractDailyRate 或 contractAnnualRate",
        ));
    }
    if product == Product::Huabei && compound == Some(true) {
        return Err(Error::new(
            ErrorKind::ConflictingFields,
            "compoundOverdueInterest",
            "huabei's overdue fee already applies to the whole unpaid amount, interest and fees included",
            "花呗逾期费已按全部未还金额（含利息和手续费）计算，不能再计复利",
        ));
    }
    let multiplier = input
        .penalty_multiplier
        .unwrap_or(core::DEFAULT_PENALTY_MULTIPLIER);
    let times = |rate: Decimal| exact::mul(rate, multiplier);
    let (rate, rate_days) = match (
        daily,
        input.contract_daily_rate,
        input.contract_annual_rate,
        product,
    ) {
        (Some(d), _, _, _) => (d, 1),
        (None, Some(c), _, _) => (times(c)?, 1),
        (None, None, Some(a), _) => (times(a)?, year_days),
        (None, None, None, Product::Huabei) => (core::HUABEI_PENALTY_DAILY_RATE, 1),
        (None, None, None, _) => {
            let key = if product == Product::Custom {
                "penaltyDailyRate"
            } else {
                natural_key
            };
            return Err(Error::new(
                ErrorKind::MissingField,
                key,
                "the penalty rate is needed: give contractDailyRate or contractAnnualRate (penalty = contract rate × penaltyMultiplier), or penaltyDailyRate",
                "需要罚息利率：请填写 contractDailyRate 或 contractAnnualRate（罚息利率 = 合同利率 × penaltyMultiplier），或直接填写 penaltyDailyRate",
            ));
        }
    };
    Ok(PenaltyTerms {
        rate,
        rate_days,
        base: product.penalty_base(),
        compound_overdue_interest: compound.unwrap_or(product.compounds_by_default()),
        grace_days: input.grace_days.map_or(0, i64::from),
    })
}

/// The items of [`OverdueInput`], checked, with their defaults.
fn overdue_items(input: &[OverdueItemInput]) -> Result<Vec<OverdueItem>> {
    check::items("items", input.len(), 1, MAX_ITEMS)?;
    let mut items = Vec::with_capacity(input.len());
    for (i, item) in input.iter().enumerate() {
        let path = |key| join(&index("items", i), key);
        AMOUNT.money(&path("principal"), item.principal)?;
        AMOUNT.money_opt(&path("interest"), item.interest)?;
        AMOUNT.money_opt(&path("fee"), item.fee)?;
        items.push(OverdueItem {
            due_date: item.due_date,
            principal: item.principal,
            interest: item.interest.unwrap_or(Money::ZERO),
            fee: item.fee.unwrap_or(Money::ZERO),
        });
    }
    Ok(items)
}

/// The days of the year that divide `contractAnnualRate`: `dayBasis`, default
/// [`core::DAILY_RATE_BASIS`] (360).
///
/// # Errors
/// `INVALID_OPTION` for a `dayBasis` other than 360 or 365; `CONFLICTING_FIELDS` for a
/// `dayBasis` without `contractAnnualRate` (a daily rate has no year to divide).
fn day_basis(input: &OverdueInput) -> Result<i64> {
    let Some(days) = input.day_basis else {
        return Ok(core::DAILY_RATE_BASIS);
    };
    if days != 360 && days != 365 {
        return Err(Error::new(
            ErrorKind::InvalidOption,
            "dayBasis",
            format!("dayBasis must be 360 or 365; got {days}"),
            format!("dayBasis 须为 360 或 365；收到 {days}"),
        ));
    }
    if input.contract_annual_rate.is_none() {
        return Err(Error::new(
            ErrorKind::ConflictingFields,
            "dayBasis",
            "dayBasis divides contractAnnualRate into a daily rate: give it only with contractAnnualRate",
            "dayBasis 用于把 contractAnnualRate 折算为日利率：仅在填写 contractAnnualRate 时使用",
        ));
    }
    Ok(i64::from(days))
}

/// The daily rate `rate / rate_days`.
fn daily_rate(rate: Decimal, rate_days: i64) -> Result<Decimal> {
    exact::div(rate, Decimal::from(rate_days))
}

/// Overdue: what unpaid instalments cost on `asOfDate`, item by item, with the totals, how they
/// grow per day, the stage of the debt, warnings and advice.
///
/// An item due on `D` is `asOfDate − D` days late (actual days). Within `graceDays` nothing
/// accrues; after them `charge = round_half_up(base × dailyRate × days)` per item and kind, from
/// the due date. The rate and what bears it come from [`penalty_terms`].
///
/// # Examples
/// Bank loan at 4.9% (penalty 7.35% a year on 360 days), 1,000 principal + 50 interest due
/// 2025-01-31, unpaid on 2025-03-02: 罚息 1000 × 0.0735 × 30 / 360 = 6.125 → 6.13; 复利 on the
/// 50 of interest 0.30625 → 0.31.
/// ```
/// use repayment_plan::api::overdue::{overdue, OverdueProduct, OverdueInput, OverdueItemInput};
/// use repayment_plan::money::Money;
/// use rust_decimal::Decimal;
/// let input = OverdueInput {
///     product: OverdueProduct::BankLoan,
///     as_of_date: "2025-03-02".parse().unwrap(),
///     items: vec![OverdueItemInput {
///         due_date: "2025-01-31".parse().unwrap(),
///         principal: Money::from_fen(100_000),
///         interest: Some(Money::from_fen(5_000)),
///         fee: None,
///     }],
///     penalty_daily_rate: None,
///     contract_annual_rate: Some(Decimal::new(49, 3)),
///     day_basis: None,
///     contract_daily_rate: None,
///     penalty_multiplier: None,
///     compound_overdue_interest: None,
///     grace_days: None,
///     lpr: None,
///     timeline: None,
///     credit_report_days: None,
///     collection_agency_days: None,
///     legal_action_days: None,
/// };
/// let result = overdue(&input).unwrap();
/// assert_eq!(result.days_past_due, 30);
/// assert_eq!(result.total_charges.to_string(), "6.44");
/// assert_eq!(result.total_due.to_string(), "1056.44");
/// assert_eq!(result.stage.bucket, "M1");
/// assert!(result.timeline.is_none());
///
/// // The timeline: each milestone's `owed` is `totalDue` on its date.
/// let dated = overdue(&OverdueInput { timeline: Some(true), ..input.clone() }).unwrap();
/// let timeline = dated.timeline.unwrap();
/// let m2 = timeline.iter().find(|m| m.code == "BUCKET_M2").unwrap();
/// assert_eq!((m2.date.to_string(), m2.reached), ("2025-03-03".to_string(), false));
/// let then = overdue(&OverdueInput { as_of_date: m2.date, ..input }).unwrap();
/// assert_eq!(m2.owed, then.total_due);
/// ```
///
/// # Errors
/// The errors of [`penalty_terms`]; `OUT_OF_RANGE` for an amount, `graceDays`, `lpr`, a
/// timeline day count or the number of items outside its bounds, or an amount or a date too
/// large to compute with; `CONFLICTING_FIELDS` for a timeline day count without
/// `timeline: true`.
pub fn overdue(input: &OverdueInput) -> Result<OverdueResult> {
    let items = overdue_items(&input.items)?;
    let terms = penalty_terms(input)?;
    SHARE.check_opt("lpr", input.lpr)?;
    let lpr = input.lpr.unwrap_or(DEFAULT_LPR);
    let as_of = input.as_of_date;
    let timeline_days = timeline_days(input)?;

    let result = core::assess(&terms, &items, as_of)?;
    let accrual = result.accrual;
    let item_states = accrual
        .items
        .iter()
        .enumerate()
        .map(|(item, s)| OverdueItemState {
            item,
            due_date: s.due_date,
            status: s.status,
            days_past_due: s.days_past_due,
            amount: s.amount,
            charges: s.charges,
        })
        .collect();
    let breakdown = accrual
        .rows
        .iter()
        .map(|row| {
            Ok(OverdueChargeRow {
                item: row.item,
                from: row.from,
                to: row.to,
                days: row.days,
                base: row.base,
                rate: daily_rate(row.rate, row.rate_days)?,
                amount: row.amount,
                kind: row.kind,
            })
        })
        .collect::<Result<Vec<_>>>()?;

    let mut warnings: Vec<Notice> = Vec::new();
    if result.days_past_due > 0 {
        warnings.extend(advice::charge_warnings(result.annualised_charge_rate, lpr));
    }
    if accrual
        .items
        .iter()
        .any(|s| s.status == ItemStatus::InGrace)
    {
        warnings.push(advice::grace_warning(terms.grace_days));
    }
    let situation = if result.days_past_due > 0 {
        Situation::Overdue(result.days_past_due)
    } else if result.in_grace {
        Situation::InGrace
    } else {
        Situation::NothingPastDue
    };
    Ok(OverdueResult {
        as_of_date: as_of,
        days_past_due: result.days_past_due,
        in_grace: result.in_grace,
        overdue_amount: result.overdue_amount,
        penalty_interest: accrual.penalty_interest,
        compound_interest: accrual.compound_interest,
        total_charges: result.total_charges,
        total_due: result.total_due,
        daily_growth: result.daily_growth,
        annualised_charge_rate: result.annualised_charge_rate,
        penalty_daily_rate: daily_rate(terms.rate, terms.rate_days)?,
        compound_overdue_interest: terms.compound_overdue_interest
            && terms.base == core::PenaltyBase::Principal,
        items: item_states,
        breakdown,
        stage: OverdueStage::from_days(result.days_past_due),
        warnings,
        next_steps: advice::next_steps(input.product.into(), situation),
        timeline: match timeline_days {
            Some(days) => Some(milestones(
                input.product.into(),
                &terms,
                &items,
                &days,
                as_of,
            )?),
            None => None,
        },
    })
}

/// The timeline's day parameters with their defaults, or `None` without `timeline: true`.
///
/// # Errors
/// `OUT_OF_RANGE` for a day count outside 1 … [`TIMELINE_DAYS_MAX`]; `CONFLICTING_FIELDS` for a
/// day count without `timeline: true`.
fn timeline_days(input: &OverdueInput) -> Result<Option<TimelineDays>> {
    let given = [
        ("creditReportDays", input.credit_report_days),
        ("collectionAgencyDays", input.collection_agency_days),
        ("legalActionDays", input.legal_action_days),
    ];
    for (key, value) in given {
        check::whole_opt(key, value, 1, TIMELINE_DAYS_MAX)?;
    }
    if input.timeline != Some(true) {
        return match given.iter().find(|(_, v)| v.is_some()) {
            Some((key, _)) => Err(Error::new(
                ErrorKind::ConflictingFields,
                *key,
                "this day count needs timeline: true",
                "此天数仅用于逾期时间线（timeline: true）",
            )),
            None => Ok(None),
        };
    }
    let defaults = TimelineDays::default();
    let day = |value: Option<i32>, default: i64| value.map_or(default, i64::from);
    Ok(Some(TimelineDays {
        credit_report: day(input.credit_report_days, defaults.credit_report),
        collection_agency: day(input.collection_agency_days, defaults.collection_agency),
        legal_action: day(input.legal_action_days, defaults.legal_action),
    }))
}

/// The timeline of [`overdue`] ([`timeline::timeline`]) in its result form.
fn milestones(
    product: Product,
    terms: &PenaltyTerms,
    items: &[OverdueItem],
    days: &TimelineDays,
    as_of: NaiveDate,
) -> Result<Vec<TimelineMilestone>> {
    let list = timeline::timeline(product, terms, items, days)?;
    let mut out = Vec::with_capacity(list.len());
    for m in list {
        out.push(TimelineMilestone {
            code: m.code,
            date: m.date,
            days_past_due: m.days_past_due,
            reached: m.date <= as_of,
            stage: OverdueStage {
                classification: m.classification,
                bucket: m.bucket,
            },
            owed: m.owed,
            charges: m.charges,
            message: m.text.message,
            message_zh: m.text.message_zh,
            next_step: m.next_step,
        });
    }
    Ok(out)
}

/// Input of [`card_interest`].
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CardInterestInput {
    /// 账单日: the statement date.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DateString")]
    pub statement_date: NaiveDate,
    /// 到期还款日: the due date, after `statementDate`.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DateString")]
    pub due_date: NaiveDate,
    /// The next 账单日, where the interest appears; after `statementDate`.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DateString")]
    pub next_statement_date: NaiveDate,
    /// Interest is counted up to this day; not before `statementDate`; default
    /// `nextStatementDate`.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::DateString>")]
    pub as_of_date: Option<NaiveDate>,
    /// The statement's purchases and cash withdrawals; 1 … 1000 of them.
    #[serde(deserialize_with = "de::objects")]
    pub transactions: Vec<TransactionInput>,
    /// Repayments; 0 … 1000 of them; default none.
    #[serde(
        default,
        deserialize_with = "de::opt_objects",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub payments: Option<Vec<PaymentInput>>,
    /// `"full"` (全额计息: the whole statement from each posting date) or `"unpaid"` (the part
    /// left unpaid only); required, banks differ.
    #[serde(deserialize_with = "de::req")]
    pub interest_mode: InterestMode,
    /// Interest per day, a fraction; 0 … 0.01; default 0.0005 (18.25% a year).
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::RateInput>")]
    pub daily_rate: Option<Decimal>,
    /// Minimum payment = statement balance × this; 0 … 1; default 0.10. Not together with
    /// `minimumPayment`.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::RateInput>")]
    pub minimum_rate: Option<Decimal>,
    /// The minimum printed on the statement, instead of `minimumRate`, yuan; 0 …
    /// 10,000,000,000; capped at the statement balance.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::MoneyInput>")]
    pub minimum_payment: Option<Money>,
    /// 违约金 = this × the unpaid part of the minimum; 0 … 1; default 0.05.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::RateInput>")]
    pub late_fee_rate: Option<Decimal>,
    /// The smallest 违约金, yuan; 0 … 100,000; default 10.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::MoneyInput>")]
    pub late_fee_min: Option<Money>,
    /// 容时: payments up to `dueDate + graceDays` count as on time; 0 … 30; default 3.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::CountInput>")]
    pub grace_days: Option<i32>,
    /// Whether `asOfDate` (by default the next statement date) is an interest day too, as China
    /// Merchants Bank counts in its worked example ("1000 × 0.05% × 24 days + 900 × 0.05% × 13
    /// days"); default `false`: the days between the dates.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub count_end_day: Option<bool>,
}

/// A purchase or cash withdrawal of [`CardInterestInput`].
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TransactionInput {
    /// 记账日: the posting date, on or before `statementDate`.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DateString")]
    pub posting_date: NaiveDate,
    /// Yuan; 0.01 … 10,000,000,000.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::MoneyInput")]
    pub amount: Money,
}

/// A repayment of [`CardInterestInput`].
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PaymentInput {
    /// The day it was paid, `statementDate` … `asOfDate`.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DateString")]
    pub date: NaiveDate,
    /// Yuan; 0.01 … 10,000,000,000.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::MoneyInput")]
    pub amount: Money,
}

/// Result of [`card_interest`].
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardInterestResult {
    /// The day interest is counted to.
    #[ts(as = "ts::DateString")]
    pub as_of_date: NaiveDate,
    /// Σ transactions.
    pub statement_balance: Money,
    /// The minimum payment (given, or statement × minimum rate), at most the statement balance.
    pub minimum_payment: Money,
    /// Σ payments up to the as-of date.
    pub paid: Money,
    /// Σ payments by the due date + grace days.
    pub paid_on_time: Money,
    /// The whole statement was paid by the due date + grace days.
    pub paid_in_full: bool,
    /// The grace days are over: interest and 违约金 are decided.
    pub settled: bool,
    /// The as-of date is after the due date but within the grace days.
    pub in_grace: bool,
    /// Days since the due date while the minimum is unpaid (after the grace days); 0 otherwise.
    #[ts(type = "number")]
    pub days_past_due: i64,
    /// Σ interest rows.
    pub interest: Money,
    /// 违约金.
    pub late_fee: Money,
    /// `statementBalance − paid + interest + lateFee` (negative = money in your favour).
    pub new_balance: Money,
    /// The interest segments and the late fee.
    pub breakdown: Vec<CardChargeRow>,
    /// Where the debt stands.
    pub stage: OverdueStage,
    /// Warnings (grace ending, 全额计息, minimum not paid).
    #[ts(as = "Vec<OverdueWarning>")]
    pub warnings: Vec<Notice>,
    /// Advice, most urgent first.
    #[ts(as = "Vec<NextStep>")]
    pub next_steps: Vec<Notice>,
}

/// One charge of [`card_interest`].
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardChargeRow {
    /// First day of the segment.
    #[serde(serialize_with = "ser::date")]
    #[ts(as = "ts::DateString")]
    pub from: NaiveDate,
    /// Its end.
    #[serde(serialize_with = "ser::date")]
    #[ts(as = "ts::DateString")]
    pub to: NaiveDate,
    /// Days charged.
    #[ts(type = "number")]
    pub days: i64,
    /// What bears the charge, yuan.
    pub base: Money,
    /// The daily rate (interest) or the late-fee rate, 10 places.
    #[serde(serialize_with = "ser::fixed::<DAILY_RATE_PLACES, _>")]
    #[ts(as = "ts::DecimalText")]
    pub rate: Decimal,
    /// The charge, rounded half-up to the fen.
    pub amount: Money,
    /// `"interest"` or `"lateFee"`.
    pub kind: CardChargeKind,
}

fn date_order_error(path: String, en: &str, zh: &str) -> Error {
    Error::new(ErrorKind::InvalidDate, path, en, zh)
}

/// The as-of date of a cycle, with the cycle's dates checked for order.
fn cycle_as_of(input: &CardInterestInput) -> Result<NaiveDate> {
    let statement_date = input.statement_date;
    let as_of = input.as_of_date.unwrap_or(input.next_statement_date);
    if input.due_date <= statement_date {
        return Err(date_order_error(
            "dueDate".into(),
            "dueDate must be after statementDate",
            "dueDate 须晚于 statementDate",
        ));
    }
    if input.next_statement_date <= statement_date {
        return Err(date_order_error(
            "nextStatementDate".into(),
            "nextStatementDate must be after statementDate",
            "nextStatementDate 须晚于 statementDate",
        ));
    }
    if as_of < statement_date {
        return Err(date_order_error(
            "asOfDate".into(),
            "asOfDate must not be before statementDate",
            "asOfDate 不能早于 statementDate",
        ));
    }
    Ok(as_of)
}

/// The transactions, checked: posted on or before the statement date, amounts within bounds.
fn transactions(input: &CardInterestInput) -> Result<Vec<Transaction>> {
    check::items("transactions", input.transactions.len(), 1, MAX_ITEMS)?;
    let mut out = Vec::with_capacity(input.transactions.len());
    for (i, t) in input.transactions.iter().enumerate() {
        let path = |key| join(&index("transactions", i), key);
        if t.posting_date > input.statement_date {
            return Err(date_order_error(
                path("postingDate"),
                "a transaction on this statement must be posted on or before statementDate",
                "本期账单的交易入账日期不能晚于 statementDate",
            ));
        }
        CARD_AMOUNT.money(&path("amount"), t.amount)?;
        out.push(Transaction {
            posting_date: t.posting_date,
            amount: t.amount,
        });
    }
    Ok(out)
}

/// The payments, checked: dated from the statement date to `as_of`, amounts within bounds.
fn payments(input: &CardInterestInput, as_of: NaiveDate) -> Result<Vec<Payment>> {
    let given = input.payments.as_deref().unwrap_or_default();
    check::items("payments", given.len(), 0, MAX_ITEMS)?;
    let mut out = Vec::with_capacity(given.len());
    for (i, p) in given.iter().enumerate() {
        let path = |key| join(&index("payments", i), key);
        if p.date < input.statement_date || p.date > as_of {
            return Err(date_order_error(
                path("date"),
                "a payment must be dated between statementDate and asOfDate",
                "还款日期须在 statementDate 与 asOfDate 之间",
            ));
        }
        CARD_AMOUNT.money(&path("amount"), p.amount)?;
        out.push(Payment {
            date: p.date,
            amount: p.amount,
        });
    }
    Ok(out)
}

/// How the card's minimum payment is given: at most one of them.
const CARD_MINIMUMS: &[&str] = &["minimumRate", "minimumPayment"];

impl CardInterestInput {
    /// At most one of `minimumRate` and `minimumPayment`, as [`card_terms`] checks them (and
    /// the generated TypeScript type says).
    pub const FIELD_RULES: &'static [FieldRule] = &[FieldRule::AtMostOne(CARD_MINIMUMS)];
}

/// The card's rules: the given fields, checked, and [`CardTerms::default`] for the others.
///
/// # Errors
/// `OUT_OF_RANGE` for a field outside its bounds; `CONFLICTING_FIELDS` for both `minimumRate`
/// and `minimumPayment`.
pub fn card_terms(input: &CardInterestInput) -> Result<CardTerms> {
    let defaults = CardTerms::default();
    CARD_DAILY_RATE.check_opt("dailyRate", input.daily_rate)?;
    check::one_of(
        "",
        CARD_MINIMUMS,
        &[
            input.minimum_rate.is_some(),
            input.minimum_payment.is_some(),
        ],
    )?;
    SHARE.check_opt("minimumRate", input.minimum_rate)?;
    AMOUNT.money_opt("minimumPayment", input.minimum_payment)?;
    SHARE.check_opt("lateFeeRate", input.late_fee_rate)?;
    LATE_FEE_MIN.money_opt("lateFeeMin", input.late_fee_min)?;
    check::whole_opt("graceDays", input.grace_days, 0, CARD_GRACE_DAYS_MAX)?;
    Ok(CardTerms {
        mode: input.interest_mode,
        daily_rate: input.daily_rate.unwrap_or(defaults.daily_rate),
        minimum_rate: input.minimum_rate.unwrap_or(defaults.minimum_rate),
        minimum_payment: input.minimum_payment,
        late_fee_rate: input.late_fee_rate.unwrap_or(defaults.late_fee_rate),
        late_fee_min: input.late_fee_min.unwrap_or(defaults.late_fee_min),
        grace_days: input.grace_days.map_or(defaults.grace_days, i64::from),
        count_end_day: input.count_end_day.unwrap_or(defaults.count_end_day),
    })
}

/// Card interest: one credit-card statement cycle on `asOfDate` — the interest-free period,
/// interest when the statement is not paid in full (whole statement or unpaid part), the
/// minimum payment and the 违约金 — with the stage, warnings and advice (rules:
/// [`crate::overdue::card`]).
///
/// # Examples
/// Statement on 04-18 with one purchase of 1,000.00 posted 03-30, due 05-07, the minimum 100.00
/// paid on 05-07: 全额计息 to the next statement on 05-18 is
/// 1000 × 0.05% × 38 + 900 × 0.05% × 11 = 19.00 + 4.95 = 23.95.
/// ```
/// use repayment_plan::api::overdue::{card_interest, CardInterestInput, PaymentInput, TransactionInput};
/// use repayment_plan::money::Money;
/// use repayment_plan::overdue::card::InterestMode;
/// let d = |s: &str| s.parse().unwrap();
/// let input = CardInterestInput {
///     statement_date: d("2025-04-18"),
///     due_date: d("2025-05-07"),
///     next_statement_date: d("2025-05-18"),
///     as_of_date: None,
///     transactions: vec![TransactionInput { posting_date: d("2025-03-30"), amount: Money::from_fen(100_000) }],
///     payments: Some(vec![PaymentInput { date: d("2025-05-07"), amount: Money::from_fen(10_000) }]),
///     interest_mode: InterestMode::Full,
///     daily_rate: None,
///     minimum_rate: None,
///     minimum_payment: None,
///     late_fee_rate: None,
///     late_fee_min: None,
///     grace_days: None,
///     count_end_day: None,
/// };
/// let result = card_interest(&input).unwrap();
/// assert_eq!(result.interest.to_string(), "23.95");
/// assert_eq!(result.new_balance.to_string(), "923.95");
/// ```
///
/// # Errors
/// `INVALID_DATE` for dates out of order (a due date or next statement not after the statement
/// date, an as-of date before it, a transaction posted after it, a payment outside the cycle);
/// the errors of [`card_terms`]; `OUT_OF_RANGE` for an amount or a list outside its bounds.
pub fn card_interest(input: &CardInterestInput) -> Result<CardInterestResult> {
    let as_of = cycle_as_of(input)?;
    let transactions = transactions(input)?;
    let payments = payments(input, as_of)?;
    let terms = card_terms(input)?;

    let s = card::statement(&terms, input.due_date, &transactions, &payments, as_of)?;
    let breakdown = s
        .rows
        .iter()
        .map(|row| CardChargeRow {
            from: row.from,
            to: row.to,
            days: row.days,
            base: row.base,
            rate: row.rate,
            amount: row.amount,
            kind: row.kind,
        })
        .collect();

    let unpaid = s.paid < s.statement_balance;
    let mut warnings = Vec::new();
    if s.in_grace && unpaid {
        warnings.push(advice::grace_warning(terms.grace_days));
    }
    if s.settled && !s.paid_in_full && terms.mode == InterestMode::Full && !s.paid_on_time.is_zero()
    {
        warnings.push(Notice::new(
            advice::FULL_STATEMENT_INTEREST,
            "The statement was not paid in full in time, so interest is charged on the whole statement from each posting date, including the part you paid (全额计息).",
            "本期账单未在期限内全额还清，按全额计息：整笔账单从各笔交易入账日起计息，已还部分也要计息。",
        ));
    }
    if !s.late_fee.is_zero() {
        warnings.push(Notice::new(
            advice::MINIMUM_NOT_PAID,
            "Less than the minimum payment was paid by the end of the grace days: a late fee (违约金) is charged and the payment counts as overdue.",
            "宽限期结束前的还款不足最低还款额：产生违约金，并记为逾期。",
        ));
    }
    let owes = s.new_balance.fen() > 0;
    let situation = if s.days_past_due > 0 {
        Situation::Overdue(s.days_past_due)
    } else if !owes {
        Situation::PaidOff
    } else if s.in_grace {
        Situation::InGrace
    } else if s.settled {
        Situation::MinimumPaid
    } else {
        Situation::NothingPastDue
    };
    Ok(CardInterestResult {
        as_of_date: as_of,
        statement_balance: s.statement_balance,
        minimum_payment: s.minimum_payment,
        paid: s.paid,
        paid_on_time: s.paid_on_time,
        paid_in_full: s.paid_in_full,
        settled: s.settled,
        in_grace: s.in_grace,
        days_past_due: s.days_past_due,
        interest: s.interest,
        late_fee: s.late_fee,
        new_balance: s.new_balance,
        breakdown,
        stage: OverdueStage::from_days(s.days_past_due),
        warnings,
        next_steps: advice::next_steps(Product::CreditCard, situation),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::parse_decimal;

    #[test]
    fn bounds_are_decimals() {
        for b in [
            AMOUNT,
            CARD_AMOUNT,
            DAILY_RATE,
            ANNUAL_RATE,
            MULTIPLIER,
            SHARE,
            CARD_DAILY_RATE,
            LATE_FEE_MIN,
        ] {
            assert!(parse_decimal(b.min).is_ok() && parse_decimal(b.max).is_ok());
        }
    }

    #[test]
    fn without_timeline_the_result_is_unchanged() {
        let base = r#"{"product":"huabei","asOfDate":"2025-03-02","items":[{"dueDate":"2025-01-31","principal":"1000"}]"#;
        let plain = crate::api::call("overdue", &format!("{base}}}")).unwrap();
        let off = crate::api::call("overdue", &format!(r#"{base},"timeline":false}}"#)).unwrap();
        assert_eq!(plain, off);
        assert!(!plain.contains("timeline"));
        let on = crate::api::call("overdue", &format!(r#"{base},"timeline":true}}"#)).unwrap();
        let at = on.find(r#","timeline":["#).expect("a timeline");
        assert_eq!(
            format!("{}}}", &on[..at]),
            plain,
            "the timeline is only added"
        );
    }
}
