// Type-checked with `strict`: the public API has no `any`.
import init, { pmt, xirr, type RepaymentPlanError, type ErrorCode, type Unrounded } from "repayment-plan";
import { overdue, cardInterest, type OverdueResult, type CardInterestResult, type NextStepCode, type Money } from "repayment-plan";
import type { TimelineMilestone, MilestoneCode, LoanClassification } from "repayment-plan";

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

void main();
void lateCosts;
void timeline;
