// Budgets and debt-free plans. Names are the user's own text, returned exactly as given.

/** What an expense is, for the 50/30/20 comparison. */
export type ExpenseKind = "essential" | "flexible" | "savings";

export interface BudgetInput {
  /** Monthly income after tax, ≥ 0. */
  monthlyIncome: MoneyInput;
  /** Monthly expenses (default none; at most 1000). */
  expenses?: { name?: string; amount: MoneyInput; kind: ExpenseKind }[];
  /** Debts' minimum monthly payments (default none; at most 100). They count as needs. */
  debts?: { name?: string; minimumPayment: MoneyInput }[];
  /** Debt-to-income above this raises `DTI_HIGH`; default `"0.43"`, in [0, 1]. */
  dtiHigh?: RateInput;
  /** Debt-to-income above this raises `DTI_ABOVE_CN_GUIDANCE`; default `"0.50"` (an assumption), in [0, 1]. */
  dtiCnGuidance?: RateInput;
}

/** Shares of income (fractions with 6 decimals). */
export interface BudgetSplit {
  /** (essential + debt minimums) / income. */
  needs: Rate;
  /** flexible / income. */
  wants: Rate;
  /** (savings + positive surplus) / income: savings and extra debt payments. */
  savings: Rate;
}

/** Stable codes of budget flags. */
export type BudgetFlagCode =
  | "NO_INCOME"
  | "CAPACITY_BELOW_MINIMUMS"
  | "SHORTFALL"
  | "DTI_ABOVE_CN_GUIDANCE"
  | "DTI_HIGH"
  | "NEEDS_OVER_50"
  | "WANTS_OVER_30"
  | "SAVINGS_UNDER_20"
  | "SURPLUS_FOR_DEBTS";

export interface BudgetFlag extends Notice {
  code: BudgetFlagCode;
}

export interface BudgetResult {
  income: Money;
  essential: Money;
  flexible: Money;
  savings: Money;
  debtMinimums: Money;
  /** income − essential − savings: the most that could go to debts. */
  capacity: Money;
  /** capacity − flexible − debtMinimums; negative is a shortfall. */
  surplus: Money;
  /** debtMinimums / income; `null` without income. */
  debtToIncome: Rate | null;
  /** `null` without income. */
  split: BudgetSplit | null;
  /** The 50/30/20 targets: `"0.500000"`, `"0.300000"`, `"0.200000"`. */
  splitTarget: BudgetSplit;
  /** Independent conditions, most serious first. */
  flags: BudgetFlag[];
}

/** A monthly budget: capacity for debts, surplus or shortfall, debt-to-income, 50/30/20 and flags. */
export function budget(input: BudgetInput): BudgetResult;

/** A debt's rate: exactly one of the three (`0` for an interest-free debt). */
export type DebtRateInput =
  | { annualRate: RateInput; monthlyRate?: never; dailyRate?: never }
  | { monthlyRate: RateInput; annualRate?: never; dailyRate?: never }
  | { dailyRate: RateInput; annualRate?: never; monthlyRate?: never };

export type PayoffDebtInput = {
  /** Non-empty, at most 200 characters, distinct among the debts. */
  name: string;
  /** Owed on the first payment date, ≥ 0.01. */
  balance: MoneyInput;
  /** ≥ 0; a minimum above the balance just repays the balance. */
  minimumPayment: MoneyInput;
} & DebtRateInput;

export type PayoffStrategy = "avalanche" | "snowball" | "custom";

export interface PayoffInput {
  /** 1 to 100 debts. */
  debts: PayoffDebtInput[];
  /** Paid toward the debts every month, ≥ 0.01. */
  monthlyBudget: MoneyInput;
  strategy: PayoffStrategy;
  /** Only with `"custom"` (and then required): debt names to pay first, in order; others follow in input order. */
  order?: string[];
  /** The first payment date; at most 2100-12-31. */
  startDate: DateString;
  /** One-off amounts added to month `month` (1 to 1200). */
  extraPayments?: { month: CountInput; amount: MoneyInput }[];
  /** Whether to return the month-by-month timeline (default true). */
  timeline?: boolean;
}

/** Why a plan is not feasible. */
export type PayoffReason = "BUDGET_BELOW_MINIMUMS" | "NEVER_PAID_OFF";

export interface PayoffWarning extends Notice {
  code: PayoffReason | "MINIMUM_BELOW_INTEREST";
}

export interface PayoffDebtResult {
  name: string;
  /** The month (1-based) its balance reaches 0.00; `null` if it never does. */
  payoffMonth: number | null;
  payoffDate: DateString | null;
  /** Interest accrued on it; `null` unless the plan is feasible. */
  interest: Money | null;
  /** Paid to it (= balance + interest); `null` unless the plan is feasible. */
  paid: Money | null;
}

export interface PayoffRow {
  name: string;
  payment: Money;
  /** Accrued after this month's payment, owed at the next. */
  interest: Money;
  /** After the payment and the interest; 0.00 in the payoff month. */
  balance: Money;
}

export interface PayoffMonth {
  month: number;
  date: DateString;
  /** Totals of the rows. */
  payment: Money;
  interest: Money;
  balance: Money;
  /** One per debt still owed at the start of the month, in input order. */
  rows: PayoffRow[];
}

export interface PayoffSummary {
  feasible: boolean;
  reason: PayoffReason | null;
  months: number | null;
  debtFreeDate: DateString | null;
  totalInterest: Money | null;
  /** Interest saved against paying only the minimums; `null` unless both are feasible. */
  interestSaved: Money | null;
}

export interface PayoffResult {
  feasible: boolean;
  reason: PayoffReason | null;
  strategy: PayoffStrategy;
  /** `null` unless feasible. */
  months: number | null;
  debtFreeDate: DateString | null;
  totalInterest: Money | null;
  totalPaid: Money | null;
  /** Σ minimum payments. */
  minimumsTotal: Money;
  /** Σ minimums − budget when the budget is below them, else `"0.00"`. */
  budgetShortfall: Money;
  debts: PayoffDebtResult[];
  /** Empty unless feasible (or when `timeline: false`). */
  timeline: PayoffMonth[];
  comparison: { avalanche: PayoffSummary; snowball: PayoffSummary; minimumOnly: PayoffSummary };
  warnings: PayoffWarning[];
}

/**
 * A debt-free plan, month by month (the unbury.us algorithm): each month every minimum is paid,
 * the rest of the budget goes to the debts in strategy order, then interest accrues, rounded
 * half-up to the fen. Stops at 1200 months with `NEVER_PAID_OFF`.
 */
export function payoff(input: PayoffInput): PayoffResult;
