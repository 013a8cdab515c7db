// Instalment schedules (every repayment method), the IRR-method APR, offer comparison and
// hardship instalment plans. See the README, section "Schedules".

/** How the loan is repaid. */
export type RepaymentMethod =
  /** 等额本息: equal payments. */
  | "annuity"
  /** 等额本金: equal principal, falling payments. */
  | "equalPrincipal"
  /** 先息后本: interest each period, principal at the end. */
  | "interestOnly"
  /** 一次性还本付息: everything at maturity. */
  | "bullet"
  /** 等本等息: interest on the original principal every period. */
  | "flat"
  /** 分期手续费 (花呗, credit-card instalments): a fee instead of interest. */
  | "feeInstalment";

/** How interest for a stretch of days becomes a fraction of a year. */
export type DayCountInput = "30/360" | "actual/360" | "actual/365";

/** An extra repayment of principal made with the regular payment of `afterPeriod`. */
export interface PrepaymentInput {
  /** 1 … periods − 1. */
  afterPeriod: CountInput;
  amount: MoneyInput;
  /** Keep the payment and end sooner, or keep the end date and pay less. */
  strategy: "shortenTerm" | "reducePayment";
  /** The lender's prepayment fee (违约金); default 0. */
  fee?: MoneyInput;
}

/** LPR repricing: from `fromPeriod` (2 … periods) on, the annual rate is `annualRate`. */
export interface RateChangeInput {
  fromPeriod: CountInput;
  annualRate: RateInput;
}

interface ScheduleInputBase {
  /** Amount lent, 0.01 … 100,000,000,000. */
  principal: MoneyInput;
  /** 1 … 600 monthly periods. */
  periods: CountInput;
  /** Drawdown date. */
  startDate: DateString;
  /** Paid or deducted at drawdown (砍头息/服务费); counts in the APR. Default 0, below principal. */
  upfrontFee?: MoneyInput;
  /** Default startDate + 1 month; an odd first period accrues by days. */
  firstDueDate?: DateString;
  /** Overrides the method's default rounding. */
  rounding?: RoundingInput;
  /** 1-year LPR for the 4×LPR warning, default "0.03". */
  lpr?: RateInput;
}

/** An interest-bearing loan: exactly one of the three rates. */
export type InterestLoanInput = ScheduleInputBase & {
  method: Exclude<RepaymentMethod, "feeInstalment">;
  /** Accrual by days for every period (default: monthly, 30/360 for an odd first period; daily rates use actual/360). */
  dayCount?: DayCountInput;
  prepayments?: PrepaymentInput[];
  rateChanges?: RateChangeInput[];
} & (
    | { annualRate: RateInput; monthlyRate?: never; dailyRate?: never }
    | { monthlyRate: RateInput; annualRate?: never; dailyRate?: never }
    | { dailyRate: RateInput; annualRate?: never; monthlyRate?: never }
  );

/** A fee instalment: a per-period fee rate or a total fee rate on the original principal. */
export type FeeInstalmentInput = ScheduleInputBase & {
  method: "feeInstalment";
  /**
   * Whose rules split it: `"alipay"` (default, 花呗: total fee rounded half-even, principal and
   * fee per period rounded down, the first period takes the residues) or `"bank"` (信用卡分期:
   * principal per period rounded half up with the remainder in the last period, the same fee
   * every period = principal × per-period rate rounded half up).
   */
  issuer?: "alipay" | "bank";
} & (
    | { feeRate: RateInput; totalFeeRate?: never }
    | { totalFeeRate: RateInput; feeRate?: never }
  );

export type ScheduleInput = InterestLoanInput | FeeInstalmentInput;

/** One billed instalment. `payment = principal + interest + fee`; `closing = opening − principal − prepayment`. */
export interface ScheduleRow {
  period: number;
  dueDate: DateString;
  /** Calendar days since the previous due date (or the start). */
  days: number;
  opening: Money;
  payment: Money;
  principal: Money;
  interest: Money;
  fee: Money;
  /** Only on a row followed by a prepayment. */
  prepayment?: Money;
  prepaymentFee?: Money;
  closing: Money;
}

/** Sums of the rows: what is billed. */
export interface ScheduleTotals {
  payment: Money;
  principal: Money;
  interest: Money;
  fee: Money;
  /** Only when there are prepayments. */
  prepayment?: Money;
  prepaymentFee?: Money;
  /** interest + fee + prepayment fees + upfront fee. */
  cost: Money;
}

/** The annualised rate of the real cash flows (IRR): nominal = 12 × periodic, effective = (1 + periodic)^12 − 1. */
export interface ScheduleApr {
  periodic: Rate;
  nominal: Rate;
  effective: Rate;
}

export interface ScheduleResult {
  rows: ScheduleRow[];
  totals: ScheduleTotals;
  /** Exact-formula figures calculators quote (the contract as signed), each rounded once. */
  model: {
    payment: Money;
    interest: Money;
    /**
     * Annuity only: total interest as many calculators print it, the rounded payment × periods −
     * principal; neither `interest` (the exact formula) nor `totals.interest` (what is billed).
     */
    calculatorInterest?: Money;
  };
  apr: ScheduleApr;
  /** e.g. APR_ABOVE_24, APR_ABOVE_36, APR_ABOVE_4X_LPR, FLAT_RATE_TRUE_COST, FEE_RATE_IS_NOT_APR. */
  warnings: Notice[];
}

/** The schedule a lender would bill, with totals, model figures, APR and warnings. */
export function schedule(input: ScheduleInput): ScheduleResult;

/** One offer in a {@link compareOffers} result. `totalPaid − principal = totalCost`. */
export interface OfferSummary {
  /** Position of the offer in the input array. */
  index: number;
  name?: string;
  method: RepaymentMethod;
  principal: Money;
  periods: number;
  minPayment: Money;
  maxPayment: Money;
  totalPaid: Money;
  totalCost: Money;
  apr: ScheduleApr;
  warnings: Notice[];
}

/** Several offers side by side, cheapest effective APR first. 1 … 20 offers. */
export function compareOffers(input: Array<ScheduleInput & { name?: string }>): { offers: OfferSummary[] };

/** A hardship instalment plan (个性化分期 / 停息挂账). Give `periods` or `targetPayment`. */
export type RestructureInput = {
  principal: MoneyInput;
  interest?: MoneyInput;
  fees?: MoneyInput;
  /** 违约金 and penalty interest. */
  penalties?: MoneyInput;
  /** Parts the lender forgives. */
  waive?: Array<"interest" | "fees" | "penalties">;
  downPayment?: MoneyInput;
  startDate: DateString;
  rounding?: RoundingInput;
} & (
  | { periods: CountInput; targetPayment?: never }
  | { targetPayment: MoneyInput; periods?: never }
) & (
    | { feeRate?: RateInput; annualRate?: never }
    | { annualRate?: RateInput; feeRate?: never }
  );

export interface RestructureResult {
  /** At most 60. */
  periods: number;
  /** The largest instalment. */
  payment: Money;
  rows: ScheduleRow[];
  totals: ScheduleTotals;
  apr: ScheduleApr;
  /** When a part is waived: the debt as it stands minus everything paid under the plan. */
  savedVersusOverdue?: Money;
  warnings: Notice[];
}

/** Splits a debt into at most 60 monthly instalments; solves periods from a target payment. */
export function restructure(input: RestructureInput): RestructureResult;
