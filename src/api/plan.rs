//! Budgets and debt-free plans ([`crate::plan`]) as the API takes them: `budget` and `payoff`.
//!
//! Debt and expense names are the user's own text: kept exactly as given (bounded to
//! [`MAX_NAME_CHARS`](super::check::MAX_NAME_CHARS) characters) and written back as strings,
//! never interpreted. In `payoff` they identify debts (`order` refers to them), so they must be
//! non-empty and distinct.

use super::check::{self, Bounds, FieldRule};
use super::de::{self, index, join};
use super::ser;
use super::ts;
use crate::error::{Error, ErrorKind, Result};
use crate::money::Money;
use crate::notice::Notice;
use crate::plan::budget::{self as core_budget, DtiThresholds, Expense, ExpenseKind, TARGET_SPLIT};
use crate::plan::payoff::{
    self as core_payoff, payment_date, Debt, DebtRate, ExtraPayment, Outcome, Payoff, Plan,
    Strategy, MAX_MONTHS, MAX_RATE_DIGITS,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Any amount of money here: 0 … 10¹² yuan.
pub const AMOUNT: Bounds = Bounds::new("0", "1000000000000");
/// An amount that must be positive (a balance, a budget, an extra payment): 0.01 … 10¹² yuan.
pub const POSITIVE_AMOUNT: Bounds = Bounds::new("0.01", AMOUNT.max);
/// A debt-to-income line, a fraction of income: 0 … 1.
pub const DTI: Bounds = Bounds::new("0", "1");
/// An annual rate: 0 … 10 (1000% a year).
pub const ANNUAL_RATE: Bounds = Bounds::new("0", "10");
/// A monthly rate: 0 … 1 (100% a month).
pub const MONTHLY_RATE: Bounds = Bounds::new("0", "1");
/// A daily rate: 0 … 0.03 (3% a day).
pub const DAILY_RATE: Bounds = Bounds::new("0", "0.03");
/// Most debts in one call.
pub const MAX_DEBTS: usize = 100;
/// Most expenses in one budget.
pub const MAX_EXPENSES: usize = 1000;
/// Latest start date: a plan may run 100 years and dates end at 2200-12-31.
pub const LATEST_START: &str = "2100-12-31";

// ---------------------------------------------------------------------------------------------
// budget

crate::choices!(ExpenseKind {
    "essential" => ExpenseKind::Essential,
    "flexible" => ExpenseKind::Flexible,
    "savings" => ExpenseKind::Savings,
});

/// Input of [`budget`]: `{ monthlyIncome, expenses?, debts?, dtiHigh?, dtiCnGuidance? }`, monthly
/// amounts after tax.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BudgetInput {
    /// Income per month after tax, in yuan; 0 … 10¹².
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::MoneyInput")]
    pub monthly_income: Money,
    /// Monthly expenses; at most 1,000; default none.
    #[serde(
        default,
        deserialize_with = "de::opt_objects",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub expenses: Option<Vec<BudgetExpense>>,
    /// The debts, for their minimum payments; at most 100; default none.
    #[serde(
        default,
        deserialize_with = "de::opt_objects",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub debts: Option<Vec<BudgetDebt>>,
    /// Debt-to-income above this raises `DTI_HIGH`; a fraction 0 … 1; default 0.43.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::DecimalInput>")]
    pub dti_high: Option<Decimal>,
    /// Debt-to-income above this raises `DTI_ABOVE_CN_GUIDANCE`; a fraction 0 … 1; default 0.5.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::DecimalInput>")]
    pub dti_cn_guidance: Option<Decimal>,
}

/// One monthly expense of a [`BudgetInput`].
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BudgetExpense {
    /// The user's label, not used in the sums; at most 200 characters.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub name: Option<String>,
    /// Spent per month, in yuan; 0 … 10¹².
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::MoneyInput")]
    pub amount: Money,
    /// `"essential"` (needs), `"flexible"` (wants) or `"savings"`, for the 50/30/20 split.
    #[serde(deserialize_with = "de::req")]
    pub kind: ExpenseKind,
}

/// One debt of a [`BudgetInput`].
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BudgetDebt {
    /// The user's label, not used in the sums; at most 200 characters.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub name: Option<String>,
    /// Its minimum monthly payment, in yuan; 0 … 10¹².
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::MoneyInput")]
    pub minimum_payment: Money,
}

/// Shares of income, to compare with 50 / 30 / 20 (fractions, 6 places).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Shares {
    /// (essential + debt minimums) / income, compared with 0.5.
    #[serde(serialize_with = "ser::fixed::<6, _>")]
    #[ts(as = "ts::DecimalText")]
    pub needs: Decimal,
    /// flexible / income, compared with 0.3.
    #[serde(serialize_with = "ser::fixed::<6, _>")]
    #[ts(as = "ts::DecimalText")]
    pub wants: Decimal,
    /// (savings + any surplus) / income, compared with 0.2.
    #[serde(serialize_with = "ser::fixed::<6, _>")]
    #[ts(as = "ts::DecimalText")]
    pub savings: Decimal,
}

impl From<core_budget::Split> for Shares {
    fn from(split: core_budget::Split) -> Shares {
        Shares {
            needs: split.needs,
            wants: split.wants,
            savings: split.savings,
        }
    }
}

/// Result of [`budget`]: monthly sums in yuan, shares of income, and flags.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BudgetResult {
    /// The monthly income.
    pub income: Money,
    /// Sum of the essential expenses.
    pub essential: Money,
    /// Sum of the flexible expenses.
    pub flexible: Money,
    /// Sum of the savings.
    pub savings: Money,
    /// Sum of the debts' minimum payments.
    pub debt_minimums: Money,
    /// income − essential − savings: what could go to debts at most.
    pub capacity: Money,
    /// capacity − flexible − debt minimums; negative is a shortfall.
    pub surplus: Money,
    /// debt minimums / income (6 places); `null` without income.
    #[serde(serialize_with = "ser::fixed_opt::<6, _>")]
    #[ts(as = "Option<ts::DecimalText>")]
    pub debt_to_income: Option<Decimal>,
    /// The 50/30/20 shares of income; `null` without income.
    pub split: Option<Shares>,
    /// The targets: 0.5, 0.3, 0.2.
    pub split_target: Shares,
    /// What needs attention, each with a stable code (see [`core_budget::FLAG_CODES`]).
    pub flags: Vec<Notice>,
}

/// Adds up a monthly budget and flags what needs attention ([`core_budget::budget`]):
/// capacity = income − essential − savings, surplus = capacity − flexible − debt minimums,
/// debtToIncome = debt minimums / income, and the 50/30/20 split of income.
///
/// # Examples
///
/// ```
/// use repayment_plan::api::plan::{budget, BudgetDebt, BudgetExpense, BudgetInput};
/// use repayment_plan::money::Money;
/// use repayment_plan::plan::budget::ExpenseKind;
/// let yuan = |y: i64| Money::from_fen(y * 100);
/// let expense = |amount, kind| BudgetExpense { name: None, amount: yuan(amount), kind };
/// let result = budget(&BudgetInput {
///     monthly_income: yuan(8000),
///     expenses: Some(vec![
///         expense(4000, ExpenseKind::Essential),
///         expense(1500, ExpenseKind::Flexible),
///         expense(500, ExpenseKind::Savings),
///     ]),
///     debts: Some(vec![BudgetDebt { name: Some("花呗".into()), minimum_payment: yuan(2500) }]),
///     dti_high: None,
///     dti_cn_guidance: None,
/// })
/// .unwrap();
/// assert_eq!((result.capacity.to_string(), result.surplus.to_string()), ("3500.00".into(), "-500.00".into()));
/// let json = serde_json::to_value(&result).unwrap();
/// assert_eq!((&json["debtToIncome"], &json["split"]["needs"]), (&"0.312500".into(), &"0.812500".into()));
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` for an amount, threshold, name or list outside its bounds, or a sum beyond
/// exact range.
pub fn budget(input: &BudgetInput) -> Result<BudgetResult> {
    let monthly_income = AMOUNT.money("monthlyIncome", input.monthly_income)?;
    let expenses = input.expenses.as_deref().unwrap_or_default();
    check::items("expenses", expenses.len(), 0, MAX_EXPENSES)?;
    for (i, e) in expenses.iter().enumerate() {
        let path = index("expenses", i);
        if let Some(name) = &e.name {
            check::text(&join(&path, "name"), name)?;
        }
        AMOUNT.money(&join(&path, "amount"), e.amount)?;
    }
    let debts = input.debts.as_deref().unwrap_or_default();
    check::items("debts", debts.len(), 0, MAX_DEBTS)?;
    for (i, d) in debts.iter().enumerate() {
        let path = index("debts", i);
        if let Some(name) = &d.name {
            check::text(&join(&path, "name"), name)?;
        }
        AMOUNT.money(&join(&path, "minimumPayment"), d.minimum_payment)?;
    }
    DTI.check_opt("dtiHigh", input.dti_high)?;
    DTI.check_opt("dtiCnGuidance", input.dti_cn_guidance)?;
    let defaults = DtiThresholds::default();
    let b = core_budget::budget(&core_budget::BudgetInput {
        monthly_income,
        expenses: expenses
            .iter()
            .map(|e| Expense {
                kind: e.kind,
                amount: e.amount,
            })
            .collect(),
        debt_minimums: debts.iter().map(|d| d.minimum_payment).collect(),
        thresholds: DtiThresholds {
            high: input.dti_high.unwrap_or(defaults.high),
            cn_guidance: input.dti_cn_guidance.unwrap_or(defaults.cn_guidance),
        },
    })?;
    Ok(BudgetResult {
        income: b.income,
        essential: b.essential,
        flexible: b.flexible,
        savings: b.savings,
        debt_minimums: b.debt_minimums,
        capacity: b.capacity,
        surplus: b.surplus,
        debt_to_income: b.debt_to_income,
        split: b.split.map(Shares::from),
        split_target: TARGET_SPLIT.into(),
        flags: b.flags,
    })
}

// ---------------------------------------------------------------------------------------------
// payoff

/// Where the money above the minimums goes, as `payoff` takes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PayoffStrategy {
    /// Highest rate first.
    Avalanche,
    /// Smallest balance first.
    Snowball,
    /// The debts named in `order` first, in that order; the others after them in input order.
    Custom,
}

crate::choices!(PayoffStrategy {
    "avalanche" => PayoffStrategy::Avalanche,
    "snowball" => PayoffStrategy::Snowball,
    "custom" => PayoffStrategy::Custom,
});

/// Input of [`payoff`]:
/// `{ debts, monthlyBudget, strategy, order?, startDate, extraPayments?, timeline? }`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PayoffInput {
    /// The debts; 1 … 100 of them, with distinct names.
    #[serde(deserialize_with = "de::objects")]
    pub debts: Vec<PayoffDebt>,
    /// Paid towards the debts every month, in yuan; 0.01 … 10¹².
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::MoneyInput")]
    pub monthly_budget: Money,
    /// `"avalanche"` (highest rate first), `"snowball"` (smallest balance first) or `"custom"`
    /// (the debts in `order` first).
    #[serde(deserialize_with = "de::req")]
    pub strategy: PayoffStrategy,
    /// With `"custom"` only, and then required: debt names, each naming a debt once;
    /// 1 … 100 of them.
    #[serde(
        default,
        deserialize_with = "de::opt_list",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub order: Option<Vec<String>>,
    /// The date of the first monthly payment (`YYYY-MM-DD`), at the latest 2100-12-31.
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::DateString")]
    pub start_date: NaiveDate,
    /// One-off amounts added to a month's budget; at most 1,200; default none.
    #[serde(
        default,
        deserialize_with = "de::opt_objects",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub extra_payments: Option<Vec<ExtraPaymentInput>>,
    /// Whether to return the month-by-month timeline; default true.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub timeline: Option<bool>,
}

/// One debt of a [`PayoffInput`]: exactly one of `annualRate`, `monthlyRate`, `dailyRate`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PayoffDebt {
    /// The user's name for it, not only spaces, at most 200 characters; `order` refers to it.
    #[serde(deserialize_with = "de::req")]
    pub name: String,
    /// Owed on the first payment date, in yuan; 0.01 … 10¹².
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::MoneyInput")]
    pub balance: Money,
    /// Nominal annual rate, a fraction; 0 … 10; at most 18 significant digits.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::DecimalInput>")]
    pub annual_rate: Option<Decimal>,
    /// Monthly rate (月利率), a fraction; 0 … 1; at most 18 significant digits.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::DecimalInput>")]
    pub monthly_rate: Option<Decimal>,
    /// Daily rate (日利率), a fraction charged on actual days; 0 … 0.03; at most 18
    /// significant digits.
    #[serde(
        default,
        deserialize_with = "de::opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, as = "Option<ts::DecimalInput>")]
    pub daily_rate: Option<Decimal>,
    /// The minimum monthly payment, in yuan; 0 … 10¹².
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::MoneyInput")]
    pub minimum_payment: Money,
}

/// A one-off amount added to the budget of one month.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExtraPaymentInput {
    /// The month, 1 … 1,200 (month 1 is `startDate`).
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::CountInput")]
    pub month: u32,
    /// The amount, in yuan; 0.01 … 10¹².
    #[serde(deserialize_with = "de::req")]
    #[ts(as = "ts::MoneyInput")]
    pub amount: Money,
}

/// Why a plan is not feasible.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Infeasible {
    /// The budget does not cover the sum of the minimums.
    BudgetBelowMinimums,
    /// The debts are not repaid within 100 years.
    NeverPaidOff,
}

/// Result of [`payoff`]. Amounts are yuan; `null` where the plan is not feasible.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoffResult {
    /// Whether every debt is repaid.
    pub feasible: bool,
    /// Why not; `null` when feasible.
    pub reason: Option<Infeasible>,
    /// The strategy of this plan, as given.
    pub strategy: PayoffStrategy,
    /// Months until debt-free.
    pub months: Option<u32>,
    /// The date of the last payment.
    pub debt_free_date: Option<NaiveDate>,
    /// Interest paid over the plan.
    pub total_interest: Option<Money>,
    /// Everything paid: the balances plus `totalInterest`.
    pub total_paid: Option<Money>,
    /// Sum of the minimum payments.
    pub minimums_total: Money,
    /// How far the budget falls below the minimums; 0.00 when it covers them.
    pub budget_shortfall: Money,
    /// Each debt, in input order.
    pub debts: Vec<PayoffDebtResult>,
    /// Month by month (empty when not feasible or not asked for).
    #[serde(serialize_with = "ser::table")]
    pub timeline: Vec<PayoffMonth>,
    /// This plan's strategy against the others and against paying only the minimums.
    pub comparison: Comparison,
    /// Why the plan fails, and each debt whose minimum does not cover its interest.
    pub warnings: Vec<Notice>,
}

/// What happens to one debt.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoffDebtResult {
    /// Its name, as given.
    pub name: String,
    /// The month its balance reaches 0.00; `null` if never (or the budget is too small).
    pub payoff_month: Option<u32>,
    /// That month's payment date.
    pub payoff_date: Option<NaiveDate>,
    /// Interest paid on it.
    pub interest: Option<Money>,
    /// Paid to it: its balance plus `interest`.
    pub paid: Option<Money>,
}

/// One month of the timeline.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoffMonth {
    /// 1 for the month of `startDate`.
    pub month: u32,
    /// The payment date: `startDate` plus `month − 1` months, clamped to the month's end.
    #[serde(serialize_with = "ser::date_opt")]
    pub date: Option<NaiveDate>,
    /// Paid this month, all debts.
    pub payment: Money,
    /// Interest accrued this month, all debts.
    pub interest: Money,
    /// Owed after this month, all debts.
    pub balance: Money,
    /// Each debt still owed at the start of the month, in input order.
    pub rows: Vec<PayoffRow>,
}

/// One debt in one month.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoffRow {
    /// The debt's name.
    pub name: String,
    /// Paid to it this month (its minimum plus any share of the rest).
    pub payment: Money,
    /// Interest accrued after the payment, owed at the next payment.
    pub interest: Money,
    /// Owed after the payment and the interest: 0.00 in its payoff month.
    pub balance: Money,
}

/// Each strategy's outcome on the same debts and budget.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// Highest rate first.
    pub avalanche: StrategySummary,
    /// Smallest balance first.
    pub snowball: StrategySummary,
    /// Only the minimums every month.
    pub minimum_only: StrategySummary,
}

/// One strategy's outcome.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StrategySummary {
    /// Whether every debt is repaid.
    pub feasible: bool,
    /// Why not; `null` when feasible.
    pub reason: Option<Infeasible>,
    /// Months until debt-free.
    pub months: Option<u32>,
    /// The date of the last payment.
    pub debt_free_date: Option<NaiveDate>,
    /// Interest paid.
    pub total_interest: Option<Money>,
    /// Interest saved against paying only the minimums; `null` unless both are feasible.
    pub interest_saved: Option<Money>,
}

/// A rate within `bounds` with at most [`MAX_RATE_DIGITS`] significant digits.
fn check_rate(path: &str, bounds: Bounds, rate: Decimal) -> Result<Decimal> {
    bounds.check(path, rate)?;
    if rate.normalize().mantissa().unsigned_abs() >= 10u128.pow(MAX_RATE_DIGITS) {
        let digits = MAX_RATE_DIGITS.to_string();
        return Err(Error::new(
            ErrorKind::InvalidNumber,
            path,
            format!("{path} has more than {digits} significant digits"),
            format!("{path} 的有效数字超过 {digits} 位"),
        ));
    }
    Ok(rate)
}

impl PayoffDebt {
    /// Exactly one of the three rates, as `payoff` checks them (and the generated TypeScript
    /// type says).
    pub const FIELD_RULES: &'static [FieldRule] = &[FieldRule::ExactlyOne(check::INTEREST_RATES)];
}

/// A debt checked: its name, balance, rate (exactly one of three) and minimum.
fn check_debt(debt: &PayoffDebt, path: &str) -> Result<Debt> {
    let name_path = join(path, "name");
    check::text(&name_path, &debt.name)?;
    if debt.name.chars().all(char::is_whitespace) {
        return Err(Error::new(
            ErrorKind::OutOfRange,
            &name_path,
            format!("{name_path} must not be empty"),
            format!("{name_path} 不能为空"),
        ));
    }
    let balance = POSITIVE_AMOUNT.money(&join(path, "balance"), debt.balance)?;
    check::one_of(
        path,
        check::INTEREST_RATES,
        &[
            debt.annual_rate.is_some(),
            debt.monthly_rate.is_some(),
            debt.daily_rate.is_some(),
        ],
    )?;
    let (key, bounds, rate, kind): (_, _, _, fn(Decimal) -> DebtRate) =
        match (debt.annual_rate, debt.monthly_rate, debt.daily_rate) {
            (Some(r), _, _) => ("annualRate", ANNUAL_RATE, r, DebtRate::Annual),
            (_, Some(r), _) => ("monthlyRate", MONTHLY_RATE, r, DebtRate::Monthly),
            (_, _, Some(r)) => ("dailyRate", DAILY_RATE, r, DebtRate::Daily),
            (None, None, None) => {
                return Err(Error::new(
                    ErrorKind::MissingField,
                    join(path, "annualRate"),
                    format!("{path} needs one of annualRate, monthlyRate or dailyRate (0 for an interest-free debt)"),
                    format!("{path} 须填写 annualRate、monthlyRate 或 dailyRate 之一（免息债务填 0）"),
                ))
            }
        };
    let rate = kind(check_rate(&join(path, key), bounds, rate)?);
    let minimum_payment = AMOUNT.money(&join(path, "minimumPayment"), debt.minimum_payment)?;
    Ok(Debt {
        balance,
        rate,
        minimum_payment,
    })
}

/// `order`: debt names, each naming a debt once, as debt indexes.
fn check_order(order: Option<&[String]>, names: &[&str]) -> Result<Vec<usize>> {
    let Some(order) = order else {
        return Err(Error::new(
            ErrorKind::MissingField,
            "order",
            "order is required",
            "缺少必填字段 order",
        ));
    };
    check::items("order", order.len(), 1, MAX_DEBTS)?;
    let mut indexes: Vec<usize> = Vec::with_capacity(order.len());
    for (k, name) in order.iter().enumerate() {
        let path = index("order", k);
        check::text(&path, name)?;
        let Some(i) = names.iter().position(|n| n == name) else {
            let shown: String = name.chars().take(40).collect();
            return Err(Error::new(
                ErrorKind::InvalidOption,
                &path,
                format!("{path} names no debt: \"{shown}\" is not the name of any entry in debts"),
                format!("{path} 指向的债务不存在：debts 中没有名为“{shown}”的债务"),
            ));
        };
        if indexes.contains(&i) {
            return Err(Error::new(
                ErrorKind::ConflictingFields,
                &path,
                format!("{path} lists a debt that is already in the order"),
                format!("{path} 重复列出了已在顺序中的债务"),
            ));
        }
        indexes.push(i);
    }
    Ok(indexes)
}

/// The checked input: the plan and the strategy.
fn check_payoff(input: &PayoffInput) -> Result<(Plan, Strategy)> {
    check::items("debts", input.debts.len(), 1, MAX_DEBTS)?;
    let mut debts = Vec::with_capacity(input.debts.len());
    for (i, debt) in input.debts.iter().enumerate() {
        debts.push(check_debt(debt, &index("debts", i))?);
    }
    let names: Vec<&str> = input.debts.iter().map(|d| d.name.as_str()).collect();
    // Names must be distinct: `order` refers to debts by name.
    for (j, name) in names.iter().enumerate() {
        if names[..j].contains(name) {
            let at = join(&index("debts", j), "name");
            return Err(Error::new(
                ErrorKind::ConflictingFields,
                &at,
                format!("{at} repeats the name of an earlier debt; each debt needs its own name"),
                format!("{at} 与前面的债务重名；每笔债务须有不同的名称"),
            ));
        }
    }
    let monthly_budget = POSITIVE_AMOUNT.money("monthlyBudget", input.monthly_budget)?;
    let strategy = match input.strategy {
        PayoffStrategy::Custom => Strategy::Custom(check_order(input.order.as_deref(), &names)?),
        other => {
            if input.order.is_some() {
                let name = de::choice_name(other);
                return Err(Error::new(
                    ErrorKind::ConflictingFields,
                    "order",
                    format!("order is only used with strategy \"custom\", not \"{name}\""),
                    format!("order 仅在 strategy 为 \"custom\" 时使用，而不是 \"{name}\""),
                ));
            }
            if other == PayoffStrategy::Snowball {
                Strategy::Snowball
            } else {
                Strategy::Avalanche
            }
        }
    };
    let latest = crate::calendar::parse_date(LATEST_START).unwrap_or(crate::calendar::MAX_DATE);
    if input.start_date > latest {
        let months = MAX_MONTHS.to_string();
        return Err(Error::new(
            ErrorKind::OutOfRange,
            "startDate",
            format!(
                "startDate must be on or before {LATEST_START}: a plan may run {months} months"
            ),
            format!("startDate 不能晚于 {LATEST_START}：还款计划最长 {months} 个月"),
        ));
    }
    let extras = input.extra_payments.as_deref().unwrap_or_default();
    check::items("extraPayments", extras.len(), 0, MAX_MONTHS as usize)?;
    let mut extra_payments = Vec::with_capacity(extras.len());
    for (i, extra) in extras.iter().enumerate() {
        let path = index("extraPayments", i);
        let month = check::whole(&join(&path, "month"), extra.month, 1, MAX_MONTHS.into())?;
        let amount = POSITIVE_AMOUNT.money(&join(&path, "amount"), extra.amount)?;
        extra_payments.push(ExtraPayment { month, amount });
    }
    let plan = Plan {
        debts,
        monthly_budget,
        start_date: input.start_date,
        extra_payments,
    };
    Ok((plan, strategy))
}

/// A debt-free plan ([`core_payoff::payoff`]): every month each debt gets its minimum, and the
/// rest of the budget (plus any extra payment) goes to the debts in the strategy's order;
/// interest accrues after the payment, rounded half-up to the fen. The plan is compared with
/// the other strategies and with paying only the minimums.
///
/// # Examples
///
/// ```
/// use repayment_plan::api::plan::{payoff, PayoffDebt, PayoffInput, PayoffStrategy};
/// use repayment_plan::money::Money;
/// use rust_decimal::Decimal;
/// let debt = |name: &str, balance: i64, rate: i64, minimum: i64| PayoffDebt {
///     name: name.into(),
///     balance: Money::from_fen(balance * 100),
///     annual_rate: Some(Decimal::new(rate, 2)),
///     monthly_rate: None,
///     daily_rate: None,
///     minimum_payment: Money::from_fen(minimum * 100),
/// };
/// let plan = payoff(&PayoffInput {
///     debts: vec![debt("A", 1000, 18, 50), debt("B", 3000, 6, 100), debt("C", 500, 12, 25)],
///     monthly_budget: Money::from_fen(30_000),
///     strategy: PayoffStrategy::Avalanche,
///     order: None,
///     start_date: "2025-01-15".parse().unwrap(),
///     extra_payments: None,
///     timeline: None,
/// })
/// .unwrap();
/// assert_eq!(plan.months, Some(16));
/// assert_eq!(plan.total_interest.unwrap().to_string(), "205.91");
/// assert_eq!(plan.timeline[0].rows[0].balance.to_string(), "837.38");
/// assert_eq!(plan.comparison.snowball.total_interest.unwrap().to_string(), "217.22");
/// ```
///
/// # Errors
/// `OUT_OF_RANGE` for a field outside its bounds or a blank name; `INVALID_NUMBER` for a rate
/// with more than 18 significant digits; `CONFLICTING_FIELDS` for two rates on a debt, a
/// repeated name or order entry, or `order` without `"custom"`; `MISSING_FIELD` for a debt
/// without a rate or `"custom"` without `order`; `INVALID_OPTION` for an order entry that names
/// no debt.
pub fn payoff(input: &PayoffInput) -> Result<PayoffResult> {
    let (plan, strategy) = check_payoff(input)?;
    let plan = &plan;
    let main = core_payoff::payoff(plan, &strategy, input.timeline.unwrap_or(true))?;
    // The comparison reuses the main run when it is the same strategy.
    let run = |other: Strategy| -> Result<Option<Payoff>> {
        if other == strategy {
            Ok(None)
        } else {
            core_payoff::payoff(plan, &other, false).map(Some)
        }
    };
    let avalanche = run(Strategy::Avalanche)?;
    let snowball = run(Strategy::Snowball)?;
    let minimum_only = core_payoff::payoff(plan, &Strategy::MinimumOnly, false)?;
    let warnings = payoff_warnings(input, plan, &main)?;

    let start = plan.start_date;
    let feasible = main.is_paid_off();
    let below_minimums = matches!(main.outcome, Outcome::BudgetBelowMinimums { .. });
    let debts = main
        .debts
        .iter()
        .zip(&input.debts)
        .map(|(result, debt)| {
            let month = if below_minimums {
                None
            } else {
                result.payoff_month
            };
            PayoffDebtResult {
                name: debt.name.clone(),
                payoff_month: month,
                payoff_date: month.and_then(|m| payment_date(start, m)),
                interest: feasible.then_some(result.interest),
                paid: feasible.then_some(result.paid),
            }
        })
        .collect();
    let minimums_total = plan.minimums_total()?;
    let timeline = if feasible {
        timeline(&main, &input.debts, start)?
    } else {
        Vec::new()
    };
    let summary = |result: &Payoff| summary(result, &minimum_only, start);
    Ok(PayoffResult {
        feasible,
        reason: reason(&main),
        strategy: input.strategy,
        months: feasible.then_some(main.months),
        debt_free_date: feasible.then(|| payment_date(start, main.months)).flatten(),
        total_interest: feasible.then_some(main.total_interest),
        total_paid: feasible.then_some(main.total_paid),
        minimums_total,
        budget_shortfall: match main.outcome {
            Outcome::BudgetBelowMinimums { shortfall } => shortfall,
            _ => Money::ZERO,
        },
        debts,
        timeline,
        comparison: Comparison {
            avalanche: summary(avalanche.as_ref().unwrap_or(&main)),
            snowball: summary(snowball.as_ref().unwrap_or(&main)),
            minimum_only: summary(&minimum_only),
        },
        warnings,
    })
}

/// The recorded months with their totals and rows.
fn timeline(result: &Payoff, debts: &[PayoffDebt], start: NaiveDate) -> Result<Vec<PayoffMonth>> {
    let mut months = Vec::with_capacity(result.months as usize);
    for (month, rows) in result.timeline() {
        let (mut payment, mut interest, mut balance) = (Money::ZERO, Money::ZERO, Money::ZERO);
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            payment = payment.checked_add(row.payment)?;
            interest = interest.checked_add(row.interest)?;
            balance = balance.checked_add(row.balance)?;
            out.push(PayoffRow {
                name: debts
                    .get(row.debt)
                    .map_or_else(String::new, |d| d.name.clone()),
                payment: row.payment,
                interest: row.interest,
                balance: row.balance,
            });
        }
        months.push(PayoffMonth {
            month,
            date: payment_date(start, month),
            payment,
            interest,
            balance,
            rows: out,
        });
    }
    Ok(months)
}

/// Why a run is not feasible; `None` when it is.
fn reason(result: &Payoff) -> Option<Infeasible> {
    match result.outcome {
        Outcome::PaidOff => None,
        Outcome::BudgetBelowMinimums { .. } => Some(Infeasible::BudgetBelowMinimums),
        Outcome::NeverPaidOff => Some(Infeasible::NeverPaidOff),
    }
}

/// One run of the comparison, with the interest it saves against paying only the minimums.
fn summary(result: &Payoff, minimum_only: &Payoff, start: NaiveDate) -> StrategySummary {
    let feasible = result.is_paid_off();
    StrategySummary {
        feasible,
        reason: reason(result),
        months: feasible.then_some(result.months),
        debt_free_date: feasible
            .then(|| payment_date(start, result.months))
            .flatten(),
        total_interest: feasible.then_some(result.total_interest),
        interest_saved: (feasible && minimum_only.is_paid_off())
            .then(|| {
                minimum_only
                    .total_interest
                    .checked_sub(result.total_interest)
                    .ok()
            })
            .flatten(),
    }
}

/// Warnings: why the plan fails (same code as `reason`), and each debt whose minimum does not
/// even cover its first month's interest.
fn payoff_warnings(input: &PayoffInput, plan: &Plan, main: &Payoff) -> Result<Vec<Notice>> {
    let mut warnings = Vec::new();
    match main.outcome {
        Outcome::PaidOff => {}
        Outcome::BudgetBelowMinimums { shortfall } => warnings.push(Notice::new(
            "BUDGET_BELOW_MINIMUMS",
            format!("The monthly budget is {shortfall} short of the minimum payments. Missing minimums brings penalty interest and credit records: ask the lenders for a hardship plan (个性化分期, 停息挂账, 延期) before a payment is missed."),
            format!("每月预算比最低还款额合计少 {shortfall} 元。未还足最低还款会产生罚息并影响征信：请在逾期前主动联系债权人申请个性化分期、停息挂账或延期还款。"),
        )),
        Outcome::NeverPaidOff => warnings.push(Notice::new(
            "NEVER_PAID_OFF",
            format!("With this budget the debts are not repaid within {} years: interest grows as fast as the payments. Raise the budget, or ask the lenders to stop or reduce interest (停息挂账, 个性化分期).", MAX_MONTHS / 12),
            format!("按此预算，{} 年内无法还清：利息增长与还款一样快。请提高每月还款预算，或向债权人申请停息挂账、个性化分期以减免利息。", MAX_MONTHS / 12),
        )),
    }
    let days = payment_date(plan.start_date, 2).map_or(30, |next| {
        crate::calendar::days_between(plan.start_date, next)
    });
    for (debt, given) in plan.debts.iter().zip(&input.debts) {
        let name = &given.name;
        let interest = core_payoff::month_interest(debt.balance, debt.rate, days)?;
        if debt.minimum_payment <= interest && !interest.is_zero() {
            warnings.push(Notice::new(
                "MINIMUM_BELOW_INTEREST",
                format!("The minimum payment of \"{name}\" ({}) does not cover its monthly interest ({interest}): paying only the minimum, this debt never shrinks.", debt.minimum_payment),
                format!("“{name}”的最低还款额（{} 元）不足以支付每月利息（{interest} 元）：只还最低还款，这笔债务永远不会减少。", debt.minimum_payment),
            ));
        }
    }
    Ok(warnings)
}

#[cfg(test)]
mod tests {
    use crate::api::call;
    use serde_json::Value;

    fn get<'a>(v: &'a Value, path: &[&str]) -> &'a Value {
        path.iter().fold(v, |v, key| match v {
            Value::Object(fields) => &fields[*key],
            Value::Array(items) => &items[key.parse::<usize>().unwrap()],
            _ => panic!("{key}"),
        })
    }

    fn parse(text: &str) -> serde_json::Result<Value> {
        serde_json::from_str(text)
    }

    fn s(text: &str) -> Value {
        Value::String(text.into())
    }

    const WORKED: &str = r#""debts":[{"name":"A","balance":1000,"annualRate":0.18,"minimumPayment":50},{"name":"B","balance":3000,"annualRate":0.06,"minimumPayment":100},{"name":"C","balance":500,"annualRate":0.12,"minimumPayment":25}],"monthlyBudget":300,"startDate":"2025-01-15""#;

    #[test]
    fn worked_case_through_json() {
        let out =
            parse(&call("payoff", &format!(r#"{{{WORKED},"strategy":"avalanche"}}"#)).unwrap())
                .unwrap();
        assert_eq!(get(&out, &["months"]), &Value::from(16));
        assert_eq!(get(&out, &["totalInterest"]), &s("205.91"));
        assert_eq!(get(&out, &["debtFreeDate"]), &s("2026-04-15"));
        assert_eq!(
            get(&out, &["comparison", "snowball", "totalInterest"]),
            &s("217.22")
        );
        assert_eq!(get(&out, &["debts", "0", "payoffDate"]), &s("2025-06-15"));
        assert_eq!(
            get(&out, &["timeline", "0", "rows", "0", "balance"]),
            &s("837.38")
        );
        assert_eq!(get(&out, &["reason"]), &Value::Null);
    }

    #[test]
    fn field_errors() {
        let cases = [
            (
                r#""strategy":"custom","order":["A","D"]"#,
                "INVALID_OPTION",
                "order[1]",
            ),
            (
                r#""strategy":"custom","order":["A","A"]"#,
                "CONFLICTING_FIELDS",
                "order[1]",
            ),
            (r#""strategy":"custom""#, "MISSING_FIELD", "order"),
            (
                r#""strategy":"avalanche","order":["A"]"#,
                "CONFLICTING_FIELDS",
                "order",
            ),
            (r#""strategy":"avalanch""#, "INVALID_OPTION", "strategy"),
            (
                r#""strategy":"snowball","extraPayments":[{"month":1201,"amount":1}]"#,
                "OUT_OF_RANGE",
                "extraPayments[0].month",
            ),
        ];
        for (extra, code, field) in cases {
            let e = call("payoff", &format!(r#"{{{WORKED},{extra}}}"#)).unwrap_err();
            assert_eq!((e.code(), e.field()), (code, field), "{extra}: {e}");
        }
        let dup = WORKED.replace(r#""name":"C""#, r#""name":"A""#);
        let e = call("payoff", &format!(r#"{{{dup},"strategy":"snowball"}}"#)).unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("CONFLICTING_FIELDS", "debts[2].name")
        );
        let two_rates = WORKED.replace(
            r#""annualRate":0.06"#,
            r#""annualRate":0.06,"dailyRate":0.0005"#,
        );
        let e = call(
            "payoff",
            &format!(r#"{{{two_rates},"strategy":"snowball"}}"#),
        )
        .unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("CONFLICTING_FIELDS", "debts[1].dailyRate")
        );
        let misspelled = WORKED.replace(r#""annualRate":0.06"#, r#""anualRate":0.06"#);
        let e = call(
            "payoff",
            &format!(r#"{{{misspelled},"strategy":"snowball"}}"#),
        )
        .unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("UNKNOWN_FIELD", "debts[1].anualRate")
        );
        let none = WORKED.replace(r#","annualRate":0.06"#, "");
        let e = call("payoff", &format!(r#"{{{none},"strategy":"snowball"}}"#)).unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("MISSING_FIELD", "debts[1].annualRate")
        );
    }
}
