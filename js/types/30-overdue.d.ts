// Overdue (逾期): what being late costs day by day, the stage of the debt, warnings and advice.
// Rules and defaults: the README, section "Overdue".

/** The kind of debt; it chooses the default penalty rules. */
export type OverdueProduct = "huabei" | "jiebei" | "bankLoan" | "custom";

/** One unpaid instalment. */
export interface OverdueItemInput {
  dueDate: DateString;
  /** Unpaid principal, ≥ 0. */
  principal: MoneyInput;
  /** Unpaid contract interest of the instalment, ≥ 0 (default 0). */
  interest?: MoneyInput;
  /** Unpaid fees of the instalment, ≥ 0 (default 0). */
  fee?: MoneyInput;
}

/** Input of {@link overdue}. Give the penalty either as `penaltyDailyRate` or as a contract rate (× `penaltyMultiplier`). */
export interface OverdueInput {
  product: OverdueProduct;
  asOfDate: DateString;
  /** 1 to 1000 unpaid instalments, any due dates. */
  items: OverdueItemInput[];
  /** Penalty per day as a fraction (0 to 0.1); huabei default 0.0005. */
  penaltyDailyRate?: RateInput;
  /** Contract rate per year (0 to 10); daily = annual / 360. Excludes `contractDailyRate`. */
  contractAnnualRate?: RateInput;
  /** Contract rate per day (0 to 0.1). Excludes `contractAnnualRate`. */
  contractDailyRate?: RateInput;
  /** Penalty rate = contract rate × this (1 to 10, default 1.5). */
  penaltyMultiplier?: DecimalInput;
  /** Unpaid contract interest bears the penalty rate too (复利); default true for bankLoan, else false; not for huabei. */
  compoundOverdueInterest?: boolean;
  /** Days after a due date that still count as on time (0 to 90, default 0). */
  graceDays?: CountInput;
  /** 1-year LPR for the 4 × LPR comparison (0 to 1, default "0.03"). */
  lpr?: RateInput;
}

/** The five-grade loan classification (2023 rules). */
export type LoanClassification = "normal" | "specialMention" | "substandard" | "doubtful" | "loss";
/** Collection bucket: M0 not past due, M1 = 1–30 days, M2 = 31–60, …, M6 = 151–180, M6+ beyond. */
export type CollectionBucket = "M0" | "M1" | "M2" | "M3" | "M4" | "M5" | "M6" | "M6+";

export interface OverdueStage {
  classification: LoanClassification;
  bucket: CollectionBucket;
}

/** Warning codes of {@link overdue} and {@link cardInterest}. */
export type OverdueWarningCode =
  | "CHARGES_ABOVE_4X_LPR"
  | "CHARGES_ABOVE_24_PERCENT"
  | "CHARGES_ABOVE_36_PERCENT"
  | "GRACE_ENDING"
  | "FULL_STATEMENT_INTEREST"
  | "MINIMUM_NOT_PAID";

/** Advice codes; the page explains each (README, section "Overdue"). */
export type NextStepCode =
  | "PAY_BY_DUE_DATE"
  | "PAY_WITHIN_GRACE"
  | "PAY_IN_FULL_TO_STOP_INTEREST"
  | "CONTACT_LENDER_NOW"
  | "ASK_FOR_REPAYMENT_PLAN"
  | "ASK_PERSONALISED_INSTALMENT"
  | "MAKE_A_BUDGET"
  | "CREDIT_REPORT_RISK"
  | "KEEP_COLLECTION_RECORDS"
  | "BEWARE_FAKE_COURT_SMS"
  | "COMPLAIN_ABUSIVE_COLLECTION"
  | "LEGAL_ACTION_POSSIBLE";

export interface OverdueWarning extends Notice {
  code: OverdueWarningCode;
}
export interface NextStep extends Notice {
  code: NextStepCode;
}

/** One item on the as-of date. */
export interface OverdueItemState {
  /** Index in `items`. */
  item: number;
  dueDate: DateString;
  status: "notDue" | "inGrace" | "overdue";
  /** 0 unless `status` is "overdue". */
  daysPastDue: number;
  /** principal + interest + fee. */
  amount: Money;
  charges: Money;
}

/** One charge: amount = round_half_up(base × rate × days). */
export interface OverdueChargeRow {
  item: number;
  /** The due date. */
  from: DateString;
  /** The as-of date. */
  to: DateString;
  days: number;
  base: Money;
  /** Daily rate, 10 decimals. */
  rate: string;
  amount: Money;
  kind: "penalty" | "compound";
}

export interface OverdueResult {
  asOfDate: DateString;
  /** Days past due of the oldest overdue item; 0 within grace or before any due date. */
  daysPastDue: number;
  /** Something is past its due date, but all of it is within the grace days. */
  inGrace: boolean;
  /** Unpaid amount of every item past its due date (in grace or overdue). */
  overdueAmount: Money;
  penaltyInterest: Money;
  compoundInterest: Money;
  totalCharges: Money;
  /** overdueAmount + totalCharges. */
  totalDue: Money;
  /** What one more unpaid day adds now. */
  dailyGrowth: Money;
  /** totalCharges × 365 / Σ(amount × daysPastDue), 6 decimals. */
  annualisedChargeRate: Rate;
  /** The penalty rate per day that was applied, 10 decimals. */
  penaltyDailyRate: string;
  /** Whether 复利 was applied. */
  compoundOverdueInterest: boolean;
  items: OverdueItemState[];
  breakdown: OverdueChargeRow[];
  stage: OverdueStage;
  warnings: OverdueWarning[];
  nextSteps: NextStep[];
}

/** What being late costs today, how it grows, and which stage the debt is in. */
export function overdue(input: OverdueInput): OverdueResult;

/** Input of {@link cardInterest}: one credit-card statement cycle. */
export interface CardInterestInput {
  statementDate: DateString;
  /** After statementDate. */
  dueDate: DateString;
  /** After statementDate; the default asOfDate. */
  nextStatementDate: DateString;
  /** Not before statementDate; default nextStatementDate. */
  asOfDate?: DateString;
  /** 1 to 1000 transactions posted on or before statementDate, amounts ≥ 0.01. */
  transactions: { postingDate: DateString; amount: MoneyInput }[];
  /** Repayments dated from statementDate to asOfDate, amounts ≥ 0.01 (default none). */
  payments?: { date: DateString; amount: MoneyInput }[];
  /** Daily interest rate (0 to 0.01, default 0.0005). */
  dailyRate?: RateInput;
  /** full: whole statement from each posting date when not paid in full (全额计息); unpaid: the unpaid part only. */
  interestMode: "full" | "unpaid";
  /** Minimum payment share (0 to 1, default 0.10). */
  minimumRate?: RateInput;
  /** The minimum payment printed on the statement (≥ 0, capped at the statement balance); excludes `minimumRate`. */
  minimumPayment?: MoneyInput;
  /** 违约金 share of the unpaid minimum (0 to 1, default 0.05). */
  lateFeeRate?: RateInput;
  /** Smallest 违约金 (0 to 100000, default 10). */
  lateFeeMin?: MoneyInput;
  /** Grace days after dueDate (0 to 30, default 3). */
  graceDays?: CountInput;
}

export interface CardChargeRow {
  from: DateString;
  to: DateString;
  days: number;
  base: Money;
  /** Daily interest rate, or the late-fee rate; 10 decimals. */
  rate: string;
  amount: Money;
  kind: "interest" | "lateFee";
}

export interface CardInterestResult {
  asOfDate: DateString;
  statementBalance: Money;
  minimumPayment: Money;
  /** All payments up to asOfDate. */
  paid: Money;
  /** Payments by dueDate + graceDays. */
  paidOnTime: Money;
  paidInFull: boolean;
  /** The grace days are over: interest and 违约金 are decided. */
  settled: boolean;
  inGrace: boolean;
  /** Days since dueDate while the minimum is still unpaid after the grace; else 0. */
  daysPastDue: number;
  interest: Money;
  lateFee: Money;
  /** statementBalance − paid + interest + lateFee (negative = in your favour). */
  newBalance: Money;
  breakdown: CardChargeRow[];
  stage: OverdueStage;
  warnings: OverdueWarning[];
  nextSteps: NextStep[];
}

/** One credit-card statement cycle: interest-free period, interest, minimum payment, 违约金. */
export function cardInterest(input: CardInterestInput): CardInterestResult;
