//! A monthly budget: how much can go to debts, whether it is enough, and what to do about it.
//!
//! ```text
//! capacity      = income − essential − savings           what could go to debts at most
//! surplus       = capacity − flexible − debtMinimums     negative: a shortfall
//! debtToIncome  = debtMinimums / income
//! split.needs   = (essential + debtMinimums) / income    compared with 50%
//! split.wants   = flexible / income                      compared with 30%
//! split.savings = (savings + max(surplus, 0)) / income   compared with 20%
//! ```
//!
//! Minimum debt payments count as needs (the 50/30/20 rule); the rule's 20% is savings *and*
//! extra debt payments, so the unspent surplus counts there. Debt-to-income above 43% is the
//! common "too high" line abroad \[src\]; Chinese bank guidance of at most 50% is an assumption and
//! a parameter ([`DtiThresholds`]).
//!
//! Flags are independent conditions, each with a stable code (see [`FLAG_CODES`]) that a page can
//! use to choose advice, and an English and a Chinese message.

use crate::error::{Error, ErrorKind, Result};
use crate::money::{percent_text, Money};
use crate::notice::Notice;
use rust_decimal::Decimal;

/// What an expense is, for the 50/30/20 comparison.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ExpenseKind {
    /// Rent, food, transport, utilities, medicine: needs.
    Essential,
    /// What could be cut: wants.
    Flexible,
    /// Money put aside (emergency fund, pension top-up).
    Savings,
}

/// One monthly expense.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Expense {
    pub kind: ExpenseKind,
    pub amount: Money,
}

/// The debt-to-income lines that raise a flag (fractions of income).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct DtiThresholds {
    /// Above this: `DTI_HIGH`. Default 0.43, the common "too high" line abroad \[src\].
    pub high: Decimal,
    /// Above this: `DTI_ABOVE_CN_GUIDANCE`. Default 0.50, Chinese bank guidance \[assume\].
    pub cn_guidance: Decimal,
}

impl Default for DtiThresholds {
    fn default() -> DtiThresholds {
        DtiThresholds {
            high: Decimal::new(43, 2),
            cn_guidance: Decimal::new(50, 2),
        }
    }
}

/// The inputs of [`budget`]: monthly amounts after tax.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BudgetInput {
    pub monthly_income: Money,
    pub expenses: Vec<Expense>,
    /// The minimum monthly payment of each debt.
    pub debt_minimums: Vec<Money>,
    pub thresholds: DtiThresholds,
}

/// Shares of income, to compare with 50 / 30 / 20.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Split {
    pub needs: Decimal,
    pub wants: Decimal,
    pub savings: Decimal,
}

/// The 50/30/20 targets.
pub const TARGET_SPLIT: Split = Split {
    needs: Decimal::from_parts(50, 0, 0, false, 2),
    wants: Decimal::from_parts(30, 0, 0, false, 2),
    savings: Decimal::from_parts(20, 0, 0, false, 2),
};

/// Every flag code [`budget`] may raise, in the order they are listed.
pub const FLAG_CODES: [&str; 9] = [
    "NO_INCOME",
    "CAPACITY_BELOW_MINIMUMS",
    "SHORTFALL",
    "DTI_ABOVE_CN_GUIDANCE",
    "DTI_HIGH",
    "NEEDS_OVER_50",
    "WANTS_OVER_30",
    "SAVINGS_UNDER_20",
    "SURPLUS_FOR_DEBTS",
];

/// The result of [`budget`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Budget {
    pub income: Money,
    pub essential: Money,
    pub flexible: Money,
    pub savings: Money,
    pub debt_minimums: Money,
    /// income − essential − savings.
    pub capacity: Money,
    /// capacity − flexible − debt minimums; negative is a shortfall.
    pub surplus: Money,
    /// debt minimums / income; `None` without income.
    pub debt_to_income: Option<Decimal>,
    /// `None` without income.
    pub split: Option<Split>,
    pub flags: Vec<Notice>,
}

/// `value` as a percentage with one decimal, `"43.5%"`.
fn percent(value: Decimal) -> String {
    percent_text(value, 1)
}

/// Adds up a monthly budget and flags what needs attention. See the module docs for the formulas.
///
/// # Errors
///
/// `OUT_OF_RANGE` when an amount or threshold is negative or a sum leaves exact range.
///
/// # Example
///
/// Income 8,000; rent and food 4,000; eating out 1,500; savings 500; minimums 2,500 (花呗 and a
/// card): 3,500 could go to debts, but flexible spending and minimums leave 500 short.
///
/// ```
/// use repayment_plan::money::Money;
/// use repayment_plan::plan::budget::{budget, BudgetInput, Expense, ExpenseKind};
/// let yuan = |y: i64| Money::from_fen(y * 100);
/// let result = budget(&BudgetInput {
///     monthly_income: yuan(8000),
///     expenses: vec![
///         Expense { kind: ExpenseKind::Essential, amount: yuan(4000) },
///         Expense { kind: ExpenseKind::Flexible, amount: yuan(1500) },
///         Expense { kind: ExpenseKind::Savings, amount: yuan(500) },
///     ],
///     debt_minimums: vec![yuan(1000), yuan(1500)],
///     ..BudgetInput::default()
/// })
/// .unwrap();
/// assert_eq!((result.capacity.to_string(), result.surplus.to_string()), ("3500.00".into(), "-500.00".into()));
/// assert_eq!(result.debt_to_income.unwrap().to_string(), "0.3125");
/// let codes: Vec<&str> = result.flags.iter().map(|f| f.code).collect();
/// assert_eq!(codes, ["SHORTFALL", "NEEDS_OVER_50", "SAVINGS_UNDER_20"]);
/// ```
pub fn budget(input: &BudgetInput) -> Result<Budget> {
    let t = input.thresholds;
    if input.monthly_income.is_negative()
        || input.expenses.iter().any(|e| e.amount.is_negative())
        || input.debt_minimums.iter().any(|m| m.is_negative())
        || t.high.is_sign_negative()
        || t.cn_guidance.is_sign_negative()
    {
        return Err(Error::new(
            ErrorKind::OutOfRange,
            "",
            "amounts and thresholds must not be negative",
            "金额和阈值不能为负数",
        ));
    }
    let income = input.monthly_income;
    // The three totals in one pass (one loop in the wasm code, not one per kind).
    let (mut essential, mut flexible, mut savings) = (Money::ZERO, Money::ZERO, Money::ZERO);
    for e in &input.expenses {
        let total = match e.kind {
            ExpenseKind::Essential => &mut essential,
            ExpenseKind::Flexible => &mut flexible,
            ExpenseKind::Savings => &mut savings,
        };
        *total = total.checked_add(e.amount)?;
    }
    let mut debt_minimums = Money::ZERO;
    for &minimum in &input.debt_minimums {
        debt_minimums = debt_minimums.checked_add(minimum)?;
    }
    let capacity = income.checked_sub(essential)?.checked_sub(savings)?;
    let surplus = capacity.checked_sub(flexible)?.checked_sub(debt_minimums)?;

    let share = |amount: Money| -> Option<Decimal> {
        if income.is_zero() {
            return None;
        }
        Decimal::from(amount.fen()).checked_div(Decimal::from(income.fen()))
    };
    let debt_to_income = share(debt_minimums);
    let split = match (
        share(essential.checked_add(debt_minimums)?),
        share(flexible),
        share(savings.checked_add(surplus.max(Money::ZERO))?),
    ) {
        (Some(needs), Some(wants), Some(savings)) => Some(Split {
            needs,
            wants,
            savings,
        }),
        _ => None,
    };

    let mut flags = Vec::new();
    if income.is_zero() {
        flags.push(Notice::new(
            "NO_INCOME",
            "No income was entered, so debts cannot be planned from income. Enter any income you have, even irregular; without income, tell the lenders before payments are missed.",
            "未填写收入，无法按收入安排还款。请填写所有收入（包括不固定收入）；如确实没有收入，请在逾期前主动告知债权人。",
        ));
    }
    if debt_minimums > capacity.max(Money::ZERO) {
        let gap = debt_minimums.checked_sub(capacity.max(Money::ZERO))?;
        flags.push(Notice::new(
            "CAPACITY_BELOW_MINIMUMS",
            format!("Even with no flexible spending, income after essentials and savings is {gap} short of the minimum payments. Ask the lenders for a hardship plan (个性化分期, 延期) before payments are missed."),
            format!("即使不花任何弹性支出，扣除必要支出和储蓄后的收入仍比最低还款额少 {gap} 元。请在逾期前主动联系债权人申请个性化分期或延期还款。"),
        ));
    }
    if surplus.is_negative() {
        let short = surplus.abs();
        flags.push(Notice::new(
            "SHORTFALL",
            format!("Spending and minimum payments exceed income by {short} a month."),
            format!("每月支出和最低还款额合计超出收入 {short} 元。"),
        ));
    }
    if let Some(dti) = debt_to_income {
        if dti > t.cn_guidance {
            flags.push(Notice::new(
                "DTI_ABOVE_CN_GUIDANCE",
                format!("Minimum debt payments take {} of income, above the {} that Chinese banks generally accept: new credit is unlikely and should not be sought.", percent(dti), percent(t.cn_guidance)),
                format!("每月最低还款占收入的 {}，高于国内银行一般可接受的 {}：不宜再申请新的借款。", percent(dti), percent(t.cn_guidance)),
            ));
        }
        if dti > t.high {
            flags.push(Notice::new(
                "DTI_HIGH",
                format!("Minimum debt payments take {} of income, above the {} commonly seen as too high.", percent(dti), percent(t.high)),
                format!("每月最低还款占收入的 {}，高于通常认为过高的 {}。", percent(dti), percent(t.high)),
            ));
        }
    }
    if let Some(split) = split {
        if split.needs > TARGET_SPLIT.needs {
            flags.push(Notice::new(
                "NEEDS_OVER_50",
                format!("Needs (essentials and minimum payments) take {} of income; the 50/30/20 rule suggests at most 50%.", percent(split.needs)),
                format!("必要支出和最低还款占收入的 {}；50/30/20 法则建议不超过 50%。", percent(split.needs)),
            ));
        }
        if split.wants > TARGET_SPLIT.wants {
            flags.push(Notice::new(
                "WANTS_OVER_30",
                format!("Flexible spending takes {} of income; the 50/30/20 rule suggests at most 30%. This is the first place to find money for debts.", percent(split.wants)),
                format!("弹性支出占收入的 {}；50/30/20 法则建议不超过 30%。这是为还款腾出资金的首选。", percent(split.wants)),
            ));
        }
        if split.savings < TARGET_SPLIT.savings {
            flags.push(Notice::new(
                "SAVINGS_UNDER_20",
                format!("Savings and extra debt payments come to {} of income; the 50/30/20 rule suggests at least 20%.", percent(split.savings)),
                format!("储蓄和额外还款占收入的 {}；50/30/20 法则建议至少 20%。", percent(split.savings)),
            ));
        }
    }
    if surplus > Money::ZERO && !debt_minimums.is_zero() {
        flags.push(Notice::new(
            "SURPLUS_FOR_DEBTS",
            format!("{surplus} is left each month: paying it on top of the minimums (highest rate first) makes you debt-free sooner and costs less interest."),
            format!("每月还剩 {surplus} 元：在最低还款之外用于还款（先还利率最高的）可更早还清、少付利息。"),
        ));
    }

    Ok(Budget {
        income,
        essential,
        flexible,
        savings,
        debt_minimums,
        capacity,
        surplus,
        debt_to_income,
        split,
        flags,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yuan(y: i64) -> Money {
        Money::from_fen(y * 100)
    }

    fn input(
        income: i64,
        essential: i64,
        flexible: i64,
        savings: i64,
        minimums: &[i64],
    ) -> BudgetInput {
        let expenses = [
            (ExpenseKind::Essential, essential),
            (ExpenseKind::Flexible, flexible),
            (ExpenseKind::Savings, savings),
        ]
        .into_iter()
        .filter(|&(_, a)| a > 0)
        .map(|(kind, a)| Expense {
            kind,
            amount: yuan(a),
        })
        .collect();
        BudgetInput {
            monthly_income: yuan(income),
            expenses,
            debt_minimums: minimums.iter().map(|&m| yuan(m)).collect(),
            thresholds: DtiThresholds::default(),
        }
    }

    fn codes(b: &Budget) -> Vec<&'static str> {
        b.flags.iter().map(|f| f.code).collect()
    }

    #[test]
    fn zero_income() {
        let b = budget(&input(0, 2000, 0, 0, &[300])).unwrap();
        assert_eq!((b.debt_to_income, b.split), (None, None));
        assert_eq!(b.surplus, yuan(-2300));
        assert_eq!(
            codes(&b),
            ["NO_INCOME", "CAPACITY_BELOW_MINIMUMS", "SHORTFALL"]
        );
        assert!(
            b.flags[1].message.contains("300.00"),
            "{}",
            b.flags[1].message
        );
    }

    #[test]
    fn all_essential_no_debts() {
        let b = budget(&input(5000, 5000, 0, 0, &[])).unwrap();
        assert_eq!((b.capacity, b.surplus), (Money::ZERO, Money::ZERO));
        assert_eq!(b.split.unwrap().needs, Decimal::ONE);
        assert_eq!(codes(&b), ["NEEDS_OVER_50", "SAVINGS_UNDER_20"]);
    }

    #[test]
    fn dti_lines_and_parameter() {
        let b = budget(&input(10000, 2000, 1000, 2000, &[4400])).unwrap();
        assert_eq!(b.debt_to_income, Some(Decimal::new(44, 2)));
        assert_eq!(
            codes(&b),
            ["DTI_HIGH", "NEEDS_OVER_50", "SURPLUS_FOR_DEBTS"]
        );
        assert!(b.flags[0].message.contains("44.0%") && b.flags[0].message.contains("43.0%"));
        let mut strict = input(10000, 2000, 1000, 2000, &[4400]);
        strict.thresholds.cn_guidance = Decimal::new(40, 2);
        assert_eq!(codes(&budget(&strict).unwrap())[0], "DTI_ABOVE_CN_GUIDANCE");
        // Exactly on the line is not above it.
        assert!(!codes(&budget(&input(100, 0, 0, 0, &[43])).unwrap()).contains(&"DTI_HIGH"));
    }

    #[test]
    fn healthy_budget_and_fifty_debts() {
        let b = budget(&input(10000, 3000, 2000, 2000, &[1000])).unwrap();
        assert_eq!(
            b.split.unwrap(),
            Split {
                needs: Decimal::new(4, 1),
                wants: Decimal::new(2, 1),
                savings: Decimal::new(4, 1)
            }
        );
        assert_eq!(codes(&b), ["SURPLUS_FOR_DEBTS"]);
        let many = budget(&input(100_000, 10_000, 0, 0, &[1000; 50])).unwrap();
        assert_eq!(many.debt_minimums, yuan(50_000));
        // 50% exactly: above the 43% line, not above the 50% guidance.
        assert_eq!(
            codes(&many),
            ["DTI_HIGH", "NEEDS_OVER_50", "SURPLUS_FOR_DEBTS"]
        );
    }

    #[test]
    fn flags_are_documented_and_bilingual() {
        let all = [
            input(0, 2000, 0, 0, &[300]),
            input(100, 10, 40, 0, &[60]),
            input(1000, 0, 0, 0, &[10]),
        ];
        for i in &all {
            for flag in budget(i).unwrap().flags {
                assert!(FLAG_CODES.contains(&flag.code), "{}", flag.code);
                assert!(flag.message_zh.chars().any(|c| c as u32 > 0x2E80));
            }
        }
        assert!(budget(&input(-1, 0, 0, 0, &[])).is_err());
    }
}
