// schedule, compareOffers and restructure through the built package: reference figures, the
// invariants every schedule keeps, every error code, offer sorting, and the restructure solver.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as lib from "./package.mjs";
import { assertError } from "./expect.mjs";

const fen = (money) => {
  assert.match(money, /^-?\d+\.\d\d$/, `not money: ${money}`);
  return BigInt(money.replace(".", ""));
};
const sum = (rows, key) => rows.reduce((total, row) => total + fen(row[key] ?? "0.00"), 0n);

/** The invariants of issue 3, checked on the JS objects the package returns. */
function assertReconciles(input, result) {
  const { rows, totals } = result;
  assert.ok(rows.length > 0);
  assert.equal(rows[0].opening, typeof input.principal === "string" ? input.principal : Number(input.principal).toFixed(2));
  rows.forEach((row, i) => {
    for (const key of ["opening", "payment", "principal", "interest", "fee", "closing"]) assert.ok(fen(row[key]) >= 0n, `${key} < 0`);
    assert.equal(fen(row.payment), fen(row.principal) + fen(row.interest) + fen(row.fee), `row ${i + 1}`);
    assert.equal(fen(row.closing), fen(row.opening) - fen(row.principal) - fen(row.prepayment ?? "0.00"));
    if (i + 1 < rows.length) assert.equal(row.closing, rows[i + 1].opening);
  });
  assert.equal(rows.at(-1).closing, "0.00");
  assert.equal(sum(rows, "principal") + sum(rows, "prepayment"), fen(rows[0].opening));
  for (const key of ["payment", "principal", "interest", "fee"]) assert.equal(fen(totals[key]), sum(rows, key), `totals.${key}`);
}

const mortgage = { principal: 1000000, method: "annuity", periods: 360, annualRate: "0.049", startDate: "2024-01-15" };

test("the 1,000,000 / 30-year / 4.9% reference loan, both ways", () => {
  const a = lib.schedule(mortgage);
  assertReconciles(mortgage, a);
  assert.equal(a.rows.length, 360);
  assert.deepEqual(
    [a.rows[0].payment, a.rows[0].interest, a.rows[0].principal, a.rows[0].closing],
    ["5307.27", "4083.33", "1223.94", "998776.06"],
  );
  assert.equal(a.rows.at(-1).payment, "5305.19");
  assert.equal(a.totals.interest, "910615.12");
  assert.deepEqual(a.model, { payment: "5307.27", interest: "910616.19", calculatorInterest: "910617.20" });
  assert.deepEqual(a.apr, { periodic: "0.004083", nominal: "0.049000", effective: "0.050116" });
  assert.deepEqual(a.warnings, []); // 4.9% is below every warning level
  assert.equal(a.rows[0].dueDate, "2024-02-15");

  const e = lib.schedule({ ...mortgage, method: "equalPrincipal" });
  assertReconciles(mortgage, e);
  assert.equal(e.rows[0].payment, "6861.11");
  for (let i = 1; i < 12; i++) {
    const fall = fen(e.rows[i - 1].payment) - fen(e.rows[i].payment);
    assert.ok(fall === 1134n || fall === 1135n, `falls ${fall} fen`);
  }
  assert.equal(e.model.interest, "737041.67");
});

test("Alipay instalment and the regulator's APR examples", () => {
  const h = lib.schedule({ principal: "1111.11", method: "feeInstalment", periods: 6, totalFeeRate: "0.045", startDate: "2024-03-01" });
  assert.equal(h.totals.fee, "50.00");
  assert.deepEqual(h.rows.map((r) => r.payment), ["193.56", "193.51", "193.51", "193.51", "193.51", "193.51"]);
  assert.deepEqual(h.warnings.map((w) => w.code), ["APR_ABOVE_4X_LPR", "FEE_RATE_IS_NOT_APR"]);

  const pboc = lib.schedule({ principal: 100000, method: "feeInstalment", periods: 12, feeRate: "0.005", upfrontFee: 1000, startDate: "2024-01-10" });
  assert.equal((Number(pboc.apr.nominal) * 100).toFixed(2), "12.80");
  assert.equal((Number(pboc.apr.effective) * 100).toFixed(2), "13.58");
  assert.equal(pboc.totals.cost, "7000.00");
  assert.ok(pboc.warnings.some((w) => w.code === "UPFRONT_FEE" && w.messageZh.length > 0));

  const card = lib.schedule({ principal: 10000, method: "feeInstalment", periods: 12, feeRate: "0.006", startDate: "2024-01-10" });
  assert.equal(card.apr.nominal, "0.130343");
});

test("every method and option reconciles", () => {
  const base = { principal: "98765.43", periods: 24, startDate: "2024-01-31" };
  const inputs = [
    { ...base, method: "annuity", annualRate: "0.0435" },
    { ...base, method: "annuity", dailyRate: "0.0003", firstDueDate: "2024-03-10" },
    { ...base, method: "equalPrincipal", monthlyRate: "0.004", dayCount: "actual/365" },
    { ...base, method: "interestOnly", annualRate: "0.06", rounding: { mode: "halfEven" } },
    { ...base, method: "bullet", annualRate: "0.05", dayCount: "actual/360" },
    { ...base, method: "flat", monthlyRate: "0.005" },
    { ...base, method: "feeInstalment", feeRate: "0.0075", rounding: { mode: "halfUp", residue: "last" } },
    { ...base, method: "annuity", annualRate: "0.049", prepayments: [{ afterPeriod: 6, amount: 20000, strategy: "shortenTerm", fee: 200 }, { afterPeriod: 12, amount: 10000, strategy: "reducePayment" }], rateChanges: [{ fromPeriod: 13, annualRate: "0.0385" }] },
    { ...base, method: "equalPrincipal", annualRate: "0.049", prepayments: [{ afterPeriod: 3, amount: "5000.5", strategy: "reducePayment" }] },
  ];
  for (const input of inputs) {
    const result = lib.schedule(input);
    assertReconciles(input, result);
    assert.ok(Number(result.apr.nominal) >= 0);
  }
  const shortened = lib.schedule(inputs[7]);
  assert.ok(shortened.rows.length < 24, "the prepayment shortened the term");
  assert.equal(shortened.totals.prepayment, "30000.00");
  assert.equal(shortened.totals.prepaymentFee, "200.00");
});

test("due dates: month-end clamping from the start, leap years", () => {
  const r = lib.schedule({ principal: 1200, method: "equalPrincipal", periods: 13, annualRate: 0, startDate: "2023-01-31" });
  assert.deepEqual(
    r.rows.slice(0, 3).map((x) => [x.dueDate, x.days]),
    [["2023-02-28", 28], ["2023-03-31", 31], ["2023-04-30", 30]],
  );
  assert.equal(r.rows[12].dueDate, "2024-02-29");
});

test("every error code, with its field", () => {
  const ok = { principal: 10000, method: "annuity", periods: 12, annualRate: "0.05", startDate: "2024-01-10" };
  lib.schedule(ok);
  assertError(() => lib.schedule({ ...ok, principal: 0 }), "OUT_OF_RANGE", "principal");
  assertError(() => lib.schedule({ ...ok, principal: -1 }), "OUT_OF_RANGE", "principal");
  assertError(() => lib.schedule({ ...ok, periods: 0 }), "OUT_OF_RANGE", "periods");
  assertError(() => lib.schedule({ ...ok, periods: 601 }), "OUT_OF_RANGE", "periods");
  assertError(() => lib.schedule({ ...ok, principal: "1.001" }), "INVALID_NUMBER", "principal");
  assertError(() => lib.schedule({ ...ok, annualRate: "5%" }), "INVALID_NUMBER", "annualRate");
  assertError(() => lib.schedule({ ...ok, prepayments: {} }), "INVALID_TYPE", "prepayments");
  assertError(() => lib.schedule({ ...ok, startDate: undefined }), "MISSING_FIELD", "startDate");
  assertError(() => lib.schedule({ ...ok, annualRate: undefined }), "MISSING_FIELD", "annualRate");
  assertError(() => lib.schedule({ ...ok, anualRate: "0.05", annualRate: undefined }), "UNKNOWN_FIELD", "anualRate");
  assertError(() => lib.schedule({ ...ok, startDate: "2024-02-30" }), "INVALID_DATE", "startDate");
  assertError(() => lib.schedule({ ...ok, firstDueDate: "2024-01-09" }), "INVALID_DATE", "firstDueDate");
  assertError(() => lib.schedule({ ...ok, method: "equalInstalment" }), "INVALID_OPTION", "method");
  assertError(() => lib.schedule({ ...ok, dayCount: "act/365" }), "INVALID_OPTION", "dayCount");
  assertError(() => lib.schedule({ ...ok, dailyRate: "0.0005" }), "CONFLICTING_FIELDS", "dailyRate");
  assertError(() => lib.schedule({ ...ok, totalFeeRate: "0.05" }), "CONFLICTING_FIELDS", "totalFeeRate");
  assertError(() => lib.schedule({ ...ok, method: "feeInstalment" }), "CONFLICTING_FIELDS", "annualRate");
  assertError(() => lib.schedule({ ...ok, method: "bullet", rateChanges: [{ fromPeriod: 2, annualRate: "0.04" }] }), "CONFLICTING_FIELDS", "rateChanges");
  assertError(() => lib.schedule({ ...ok, prepayments: [{ afterPeriod: 1, amount: 1, strategy: "shortenTerm", extra: 1 }] }), "UNKNOWN_FIELD", "prepayments[0].extra");
  // A cost so extreme for a single day that no annualised rate exists in range.
  assertError(() => lib.schedule({ ...ok, principal: "0.05", upfrontFee: "0.01", periods: 1, firstDueDate: "2024-01-11" }), "NO_SOLUTION", "");
  assertError(() => lib.schedule([ok]), "INVALID_INPUT", "");
  assertError(() => lib.compareOffers(ok), "INVALID_INPUT", "");
  assertError(() => lib.compareOffers([]), "OUT_OF_RANGE", "");
  assertError(() => lib.compareOffers([ok, { ...ok, periods: 0 }]), "OUT_OF_RANGE", "[1].periods");
  assertError(() => lib.compareOffers([ok, { ...ok, nmae: "x" }]), "UNKNOWN_FIELD", "[1].nmae");
  assert.equal(lib.schedule(ok).rows.length, 12, "the module still works after errors");
});

test("compareOffers sorts by effective APR and keeps each offer's index", () => {
  const start = "2024-01-10";
  const offers = [
    { name: "借呗 12 个月", principal: 10000, method: "equalPrincipal", periods: 12, dailyRate: "0.0004", startDate: start },
    { name: "花呗分期 12 期", principal: 10000, method: "feeInstalment", periods: 12, feeRate: "0.006", startDate: start },
    { name: "bank", principal: 10000, method: "annuity", periods: 12, annualRate: "0.0435", startDate: start },
    { name: "flat", principal: 10000, method: "flat", periods: 12, monthlyRate: "0.01", startDate: start, upfrontFee: 200 },
  ];
  const { offers: sorted } = lib.compareOffers(offers);
  assert.equal(sorted.length, 4);
  const effective = sorted.map((o) => Number(o.apr.effective));
  assert.deepEqual([...effective].sort((a, b) => a - b), effective);
  assert.deepEqual(sorted.map((o) => o.index).sort(), [0, 1, 2, 3]);
  for (const o of sorted) {
    const single = lib.schedule(Object.fromEntries(Object.entries(offers[o.index]).filter(([k]) => k !== "name")));
    assert.equal(o.name, offers[o.index].name);
    assert.deepEqual(o.apr, single.apr);
    assert.equal(o.totalCost, single.totals.cost);
    assert.equal(fen(o.totalPaid) - fen(o.principal), fen(o.totalCost));
    assert.ok(fen(o.minPayment) <= fen(o.maxPayment));
  }
  assert.equal(sorted[0].name, "bank");
  assert.equal(sorted.at(-1).name, "flat");
});

test("restructure: periods solved from a target payment and back agree", () => {
  const debt = { principal: 48000, interest: "3210.55", fees: 600, penalties: "1234.56", startDate: "2025-02-28" };
  for (const charge of [{}, { feeRate: "0.004" }, { annualRate: "0.06" }]) {
    for (const target of ["1100.00", "1500.00", "2345.67", "9999.99"]) {
      const solved = lib.restructure({ ...debt, ...charge, waive: ["penalties"], targetPayment: target });
      assert.ok(solved.periods >= 1 && solved.periods <= 60);
      assert.ok(fen(solved.payment) <= fen(target), `${solved.payment} > ${target}`);
      const back = lib.restructure({ ...debt, ...charge, waive: ["penalties"], periods: solved.periods });
      assert.deepEqual(back, solved);
      if (solved.periods > 1) {
        const shorter = lib.restructure({ ...debt, ...charge, waive: ["penalties"], periods: solved.periods - 1 });
        assert.ok(fen(shorter.payment) > fen(target), "one period fewer would exceed the target");
      }
      assertReconciles({ principal: solved.rows[0].opening }, solved);
      assert.equal(fen(solved.payment), solved.rows.reduce((m, r) => (fen(r.payment) > m ? fen(r.payment) : m), 0n));
      assert.ok("savedVersusOverdue" in solved);
    }
  }
  const freeze = lib.restructure({ ...debt, waive: ["interest", "fees", "penalties"], periods: 48 });
  assert.equal(freeze.rows[0].opening, "48000.00");
  assert.equal(freeze.totals.cost, "0.00");
  assert.equal(freeze.savedVersusOverdue, "5045.11");
  assert.ok(freeze.warnings.some((w) => w.code === "INTEREST_FROZEN"));
});

test("restructure errors", () => {
  const debt = { principal: 20000, startDate: "2025-01-10" };
  const e = assertError(() => lib.restructure({ ...debt, periods: 61 }), "OUT_OF_RANGE", "periods");
  assert.match(e.message, /60 months/);
  assert.match(e.messageZh, /60 期/);
  assertError(() => lib.restructure({ ...debt, feeRate: "0.005", targetPayment: 100 }), "NO_SOLUTION", "targetPayment");
  assertError(() => lib.restructure({ ...debt, feeRate: "0.005", targetPayment: 200 }), "OUT_OF_RANGE", "targetPayment");
  assertError(() => lib.restructure({ ...debt, periods: 12, targetPayment: 1000 }), "CONFLICTING_FIELDS", "targetPayment");
  assertError(() => lib.restructure({ ...debt, periods: 12, feeRate: "0.005", annualRate: "0.05" }), "CONFLICTING_FIELDS", "annualRate");
  assertError(() => lib.restructure(debt), "MISSING_FIELD", "periods");
  assertError(() => lib.restructure({ ...debt, periods: 12, downPayment: 20000 }), "OUT_OF_RANGE", "downPayment");
  assertError(() => lib.restructure({ ...debt, periods: 12, waive: ["principal"] }), "INVALID_OPTION", "waive[0]");
  assertError(() => lib.restructure({ ...debt, periods: 12, waive: "fees" }), "INVALID_TYPE", "waive");
  assertError(() => lib.restructure({ ...debt, periods: 12, startDate: "2025-13-01" }), "INVALID_DATE", "startDate");
  assertError(() => lib.restructure({ ...debt, periods: 12, fees: "1.234" }), "INVALID_NUMBER", "fees");
  assertError(() => lib.restructure({ ...debt, periods: 12, penalty: 5 }), "UNKNOWN_FIELD", "penalty");
});
