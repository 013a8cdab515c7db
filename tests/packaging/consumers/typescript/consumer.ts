// Type-checked with `strict`: the public API has no `any`.
import init, { pmt, xirr, type RepaymentPlanError, type ErrorCode, type Decimal } from "repayment-plan";

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

void main();
