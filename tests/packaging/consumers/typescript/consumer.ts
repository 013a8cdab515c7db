// Type-checked with `strict`: the public API has no `any`.
import init, { pmt, xirr, type RepaymentPlanError, type ErrorCode, type Unrounded } from "repayment-plan";
import { overdue, cardInterest, type OverdueResult, type CardInterestResult, type NextStepCode, type Money } from "repayment-plan";
import type { TimelineMilestone, MilestoneCode, LoanClassification } from "repayment-plan";
import { ipmt, ppmt, pv, fv, nper, rate, npv, irr, effect, nominal, cumipmt, cumprinc, type SolvedRate } from "repayment-plan";
import { budget, payoff, type BudgetResult, type PayoffResult, type PayoffMonth } from "repayment-plan";
import { schedule, compareOffers, restructure, type ScheduleInput, type ScheduleResult, type ScheduleRow } from "repayment-plan";
import type { CompareOffersResult, OfferSummary, RestructureInput, RestructureResult, RepaymentMethod } from "repayment-plan";

async function main(): Promise<Unrounded> {
  await init();
  const payment: Unrounded = pmt({ rate: "0.005", nper: 360, pv: 100000, type: 0 });
  const rate: string = xirr({ values: [-100, 110], dates: ["2020-01-01", "2021-01-01"], dayCount: "actual/365" });
  try {
    pmt({ rate: "0.005", nper: 360, pv: 1 });
  } catch (e) {
    const error = e as RepaymentPlanError;
    const code: ErrorCode = error.code;
    const field: string = error.field;
    console.log(code, field, error.messageZh);
  }
  return `${payment} ${rate}`;
}

// @ts-expect-error: unknown keys are type errors too
pmt({ rate: "0.005", nper: 360, pv: 1, anualRate: 1 });
// @ts-expect-error: a required field is missing
pmt({ rate: "0.005", nper: 360 });

/** overdue and cardInterest: inputs, results, the stage and the typed advice codes. */
function lateCosts(): Money {
  const loan: OverdueResult = overdue({
    product: "bankLoan",
    asOfDate: "2025-03-02",
    contractAnnualRate: "0.049",
    graceDays: 3,
    items: [{ dueDate: "2025-01-31", principal: 1000, interest: "50" }],
  });
  const step: NextStepCode | undefined = loan.nextSteps[0]?.code;
  const card: CardInterestResult = cardInterest({
    statementDate: "2025-04-18",
    dueDate: "2025-05-07",
    nextStatementDate: "2025-05-18",
    interestMode: "full",
    transactions: [{ postingDate: "2025-03-30", amount: "1000" }],
    payments: [{ date: "2025-05-07", amount: 100 }],
  });
  const kind: "interest" | "lateFee" | undefined = card.breakdown[0]?.kind;
  return `${loan.totalDue} ${loan.stage.bucket} ${loan.breakdown[0]?.rate} ${step} ${card.newBalance} ${kind}`;
}

/** overdue's timeline: optional in the result, typed milestones with their codes and amounts. */
function timeline(): string {
  const dated: OverdueResult = overdue({
    product: "huabei",
    asOfDate: "2025-03-02",
    timeline: true,
    creditReportDays: 45,
    collectionAgencyDays: "60",
    items: [{ dueDate: "2025-01-31", principal: 1000 }],
  });
  // @ts-expect-error: the timeline is only there with timeline: true, so it may be undefined
  const first: TimelineMilestone = dated.timeline[0];
  const milestones: TimelineMilestone[] = dated.timeline ?? [];
  const lines = milestones.map((m) => {
    const code: MilestoneCode = m.code;
    const owed: Money = m.owed;
    const classification: LoanClassification = m.stage.classification;
    const reached: boolean = m.reached;
    const step: NextStepCode = m.nextStep.code;
    return `${m.date} ${code} ${m.daysPastDue} ${owed} ${m.charges} ${classification} ${reached} ${m.messageZh} ${step}`;
  });
  return `${first?.code} ${lines.join("\n")}`;
}

// @ts-expect-error: the day counts are whole numbers given as numbers or strings, not booleans
overdue({ product: "huabei", asOfDate: "2025-03-02", timeline: true, legalActionDays: true, items: [{ dueDate: "2025-01-31", principal: 1 }] });
// @ts-expect-error: not a product of overdue
overdue({ product: "creditCard", asOfDate: "2025-03-02", items: [{ dueDate: "2025-01-31", principal: 1 }] });
// @ts-expect-error: interestMode is required
cardInterest({ statementDate: "2025-04-18", dueDate: "2025-05-07", nextStatementDate: "2025-05-18", transactions: [] });

/** The other time-value functions: each input type, each result a decimal string. */
function timeValue(): string {
  const parts: Unrounded[] = [
    ipmt({ rate: "0.005", per: 1, nper: 360, pv: 100000 }),
    ppmt({ rate: 0.005, per: "2", nper: 360, pv: "100000", fv: 0, type: 1 }),
    pv({ rate: "0.005", nper: 360, pmt: "-599.55" }),
    fv({ rate: "0.005", nper: 12, pmt: -100, pv: 0 }),
    nper({ rate: "0.01", pmt: -100, pv: 1000 }),
    npv({ rate: "0.1", values: [-100, "60", 60] }),
    effect({ nominalRate: "0.0525", npery: 4 }),
    nominal({ effectRate: "0.053543", npery: 4 }),
    cumipmt({ rate: "0.0075", nper: 360, pv: 125000, startPeriod: 13, endPeriod: 24, type: 0 }),
    cumprinc({ rate: "0.0075", nper: 360, pv: 125000, startPeriod: 1, endPeriod: 1 }),
  ];
  const solved: SolvedRate[] = [rate({ nper: 12, pmt: -100, pv: 1000, guess: "0.01" }), irr({ values: [-100, 60, 60] })];
  return [...parts, ...solved].join(" ");
}

/** budget and payoff: inputs with their nested lists, results with their optional parts. */
function plans(): string {
  const b: BudgetResult = budget({
    monthlyIncome: "8000",
    expenses: [{ name: "rent", amount: 2500, kind: "essential" }, { amount: "600", kind: "flexible" }],
    debts: [{ name: "card", minimumPayment: "300" }],
    dtiHigh: "0.4",
  });
  const p: PayoffResult = payoff({
    debts: [
      { name: "card", balance: "5000", annualRate: "0.18", minimumPayment: "200" },
      { name: "huabei", balance: 2000, dailyRate: "0.0005", minimumPayment: 100 },
    ],
    monthlyBudget: 800,
    strategy: "avalanche",
    startDate: "2026-01-15",
    extraPayments: [{ month: 3, amount: "500" }],
  });
  const months: PayoffMonth[] = p.timeline;
  const months2: number | null = p.months;
  return `${b.surplus} ${b.debtToIncome} ${b.flags[0]?.code} ${months.length} ${months2} ${p.debtFreeDate} ${p.comparison.snowball.totalInterest}`;
}

/** schedule, compareOffers and restructure: every input field kind and the row type. */
function schedules(): string {
  const input: ScheduleInput = {
    principal: "100000",
    method: "annuity",
    periods: 24,
    annualRate: "0.049",
    startDate: "2026-01-15",
    firstDueDate: "2026-02-20",
    dayCount: "actual/360",
    rounding: { mode: "halfEven", residue: "last" },
    lpr: "0.03",
    upfrontFee: 100,
    prepayments: [{ afterPeriod: 6, amount: 10000, strategy: "shortenTerm", fee: "50" }],
    rateChanges: [{ fromPeriod: 13, annualRate: "0.045" }],
  };
  const s: ScheduleResult = schedule(input);
  const row: ScheduleRow | undefined = s.rows[0];
  const prepaid: string | undefined = s.rows.find((r) => r.prepayment !== undefined)?.prepaymentFee;
  const card = schedule({ principal: 6000, method: "feeInstalment", periods: 12, feeRate: "0.006", issuer: "bank", startDate: "2026-01-15" });
  const offers: CompareOffersResult = compareOffers([{ ...input, name: "bank" }, { principal: 100000, method: "flat", periods: 24, monthlyRate: "0.005", startDate: "2026-01-15" }]);
  const cheapest: OfferSummary | undefined = offers.offers[0];
  const method: RepaymentMethod | undefined = cheapest?.method;
  const plan: RestructureInput = { principal: 30000, interest: 2000, penalties: 1000, waive: ["penalties"], downPayment: 2000, targetPayment: 1000, startDate: "2026-01-10" };
  const r: RestructureResult = restructure(plan);
  // Each method with the rate it takes (the field rules: exactly one rate, the right kind).
  const daily = schedule({ principal: 1000, method: "equalPrincipal", periods: 3, dailyRate: "0.0003", startDate: "2026-01-15" });
  const total = schedule({ principal: 1000, method: "feeInstalment", periods: 3, totalFeeRate: "0.05", startDate: "2026-01-15" });
  const frozen = restructure({ principal: 1000, periods: 12, startDate: "2026-01-15" });
  const days: number = (row?.days ?? 0) + daily.rows.length + total.rows.length + frozen.rows.length;
  return `${row?.dueDate} ${days} ${prepaid} ${s.model.calculatorInterest} ${s.apr.effective} ${s.warnings.length} ${card.totals.fee} ${cheapest?.name} ${method} ${r.periods} ${r.savedVersusOverdue} ${r.rows.length}`;
}

// @ts-expect-error: a method the package does not have
schedule({ principal: 1, method: "balloon", periods: 1, annualRate: 0, startDate: "2026-01-15" });
// @ts-expect-error: a prepayment needs its strategy
schedule({ principal: 1, method: "annuity", periods: 2, annualRate: 0, startDate: "2026-01-15", prepayments: [{ afterPeriod: 1, amount: 1 }] });
// @ts-expect-error: waive lists parts of the debt only
restructure({ principal: 1, periods: 1, startDate: "2026-01-15", waive: ["principal"] });

// The field rules (which optional fields go together), as the readers check them.
// @ts-expect-error: two interest rates
schedule({ principal: 1, method: "annuity", periods: 1, annualRate: "0.05", dailyRate: "0.0003", startDate: "2026-01-15" });
// @ts-expect-error: an interest-bearing method needs a rate
schedule({ principal: 1, method: "annuity", periods: 1, startDate: "2026-01-15" });
// @ts-expect-error: a fee rate belongs to feeInstalment
schedule({ principal: 1, method: "annuity", periods: 1, annualRate: "0.05", feeRate: "0.006", startDate: "2026-01-15" });
// @ts-expect-error: a fee instalment does not accrue by days
schedule({ principal: 1, method: "feeInstalment", periods: 1, feeRate: "0.006", dayCount: "actual/365", startDate: "2026-01-15" });
// @ts-expect-error: no prepayments on a bullet loan
schedule({ principal: 1, method: "bullet", periods: 2, annualRate: "0.05", startDate: "2026-01-15", prepayments: [{ afterPeriod: 1, amount: 1, strategy: "shortenTerm" }] });
// @ts-expect-error: an offer keeps the same rules
compareOffers([{ name: "x", principal: 1, method: "flat", periods: 1, monthlyRate: "0.005", annualRate: "0.06", startDate: "2026-01-15" }]);
// @ts-expect-error: periods or targetPayment, not both
restructure({ principal: 1, periods: 1, targetPayment: 1, startDate: "2026-01-15" });
// @ts-expect-error: periods or targetPayment, one of them
restructure({ principal: 1, startDate: "2026-01-15" });
// @ts-expect-error: a debt has one rate
payoff({ debts: [{ name: "a", balance: 1, annualRate: "0.1", dailyRate: "0.0003", minimumPayment: 1 }], monthlyBudget: 1, strategy: "avalanche", startDate: "2026-01-15" });
// @ts-expect-error: a bank loan's penalty needs a rate
overdue({ product: "bankLoan", asOfDate: "2025-03-02", items: [{ dueDate: "2025-01-31", principal: 1 }] });
// @ts-expect-error: penaltyMultiplier multiplies a contract rate
overdue({ product: "huabei", asOfDate: "2025-03-02", penaltyMultiplier: "1.5", items: [{ dueDate: "2025-01-31", principal: 1 }] });
// @ts-expect-error: a minimum rate or a minimum payment, not both
cardInterest({ statementDate: "2025-04-18", dueDate: "2025-05-07", nextStatementDate: "2025-05-18", transactions: [], interestMode: "full", minimumRate: "0.1", minimumPayment: 100 });

void main();
void lateCosts;
void timeline;
void timeValue;
void plans;
void schedules;
