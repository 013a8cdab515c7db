// Type-checked with `strict`: the public API has no `any`.
import init, { pmt, xirr, type RepaymentPlanError, type ErrorCode, type Decimal } from "repayment-plan";
import { overdue, cardInterest, type OverdueResult, type CardInterestResult, type NextStepCode, type Money } from "repayment-plan";

async function main(): Promise<Decimal> {
  await init();
  const payment: Decimal = pmt({ rate: "0.005", nper: 360, pv: 100000, type: 0 });
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

// @ts-expect-error: not a product of overdue
overdue({ product: "creditCard", asOfDate: "2025-03-02", items: [{ dueDate: "2025-01-31", principal: 1 }] });
// @ts-expect-error: interestMode is required
cardInterest({ statementDate: "2025-04-18", dueDate: "2025-05-07", nextStatementDate: "2025-05-18", transactions: [] });

void main();
void lateCosts;
