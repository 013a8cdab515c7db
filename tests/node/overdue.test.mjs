// overdue() and cardInterest() through the built package: results, reconciliation, advice codes
// and every error the functions introduce.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as lib from "./package.mjs";
import { assertError } from "./expect.mjs";

/** "1234.56" → 123456 (exact: money strings have exactly 2 decimals). */
const fen = (money) => {
  assert.match(money, /^-?\d+\.\d\d$/);
  const negative = money.startsWith("-");
  const [int, frac] = money.replace("-", "").split(".");
  const value = Number(int) * 100 + Number(frac);
  return negative ? -value : value;
};
const sum = (rows) => rows.reduce((total, r) => total + fen(r.amount), 0);

const NEXT_STEPS = [
  "PAY_BY_DUE_DATE", "PAY_WITHIN_GRACE", "PAY_IN_FULL_TO_STOP_INTEREST", "CONTACT_LENDER_NOW",
  "ASK_FOR_REPAYMENT_PLAN", "ASK_PERSONALISED_INSTALMENT", "MAKE_A_BUDGET", "CREDIT_REPORT_RISK",
  "KEEP_COLLECTION_RECORDS", "BEWARE_FAKE_COURT_SMS", "COMPLAIN_ABUSIVE_COLLECTION", "LEGAL_ACTION_POSSIBLE",
];
const WARNINGS = [
  "CHARGES_ABOVE_4X_LPR", "CHARGES_ABOVE_24_PERCENT", "CHARGES_ABOVE_36_PERCENT", "GRACE_ENDING",
  "FULL_STATEMENT_INTEREST", "MINIMUM_NOT_PAID",
];

const loan = {
  product: "bankLoan",
  asOfDate: "2025-06-30",
  contractAnnualRate: 0.0435,
  items: [
    { dueDate: "2025-01-31", principal: "812.34", interest: "97.11" },
    { dueDate: "2025-02-28", principal: 815.28, interest: 94.17, fee: 5 },
    { dueDate: "2025-03-31", principal: "818.24", interest: "91.21" },
    { dueDate: "2025-07-31", principal: "830.12", interest: "79.33" },
  ],
};

function checkReconciles(r) {
  const penalty = r.breakdown.filter((row) => row.kind === "penalty");
  const compound = r.breakdown.filter((row) => row.kind === "compound");
  assert.equal(sum(penalty), fen(r.penaltyInterest));
  assert.equal(sum(compound), fen(r.compoundInterest));
  assert.equal(fen(r.totalCharges), fen(r.penaltyInterest) + fen(r.compoundInterest));
  assert.equal(fen(r.totalDue), fen(r.overdueAmount) + fen(r.totalCharges));
  assert.equal(r.items.reduce((t, s) => t + fen(s.charges), 0), fen(r.totalCharges));
  const pastDue = r.items.filter((s) => s.status !== "notDue");
  assert.equal(pastDue.reduce((t, s) => t + fen(s.amount), 0), fen(r.overdueAmount));
}

test("overdue: several items reconcile to the fen and grow by dailyGrowth", () => {
  const today = lib.overdue(loan);
  checkReconciles(today);
  assert.deepEqual(today.items.map((s) => s.daysPastDue), [150, 122, 91, 0]);
  assert.equal(today.daysPastDue, 150);
  assert.deepEqual(today.stage, { classification: "substandard", bucket: "M5" });
  assert.equal(today.compoundOverdueInterest, true);
  const tomorrow = lib.overdue({ ...loan, asOfDate: "2025-07-01" });
  checkReconciles(tomorrow);
  assert.equal(fen(tomorrow.totalCharges) - fen(today.totalCharges), fen(today.dailyGrowth));
  assert.ok(fen(today.dailyGrowth) > 0);
  // The 5.00 fee is owed but bears no charge: the penalty rows use the principal only.
  assert.equal(today.breakdown.find((r) => r.item === 1 && r.kind === "penalty").base, "815.28");
});

test("overdue: JS numbers and decimal strings give the same result", () => {
  const asStrings = { ...loan, contractAnnualRate: "0.0435", items: loan.items.map((i) => Object.fromEntries(Object.entries(i).map(([k, v]) => [k, String(v)]))) };
  assert.deepEqual(lib.overdue(asStrings), lib.overdue(loan));
});

test("overdue: advice is chosen by stage and product, from the documented codes", () => {
  const huabei = (asOfDate, extra = {}) =>
    lib.overdue({ product: "huabei", asOfDate, items: [{ dueDate: "2025-01-01", principal: 1000 }], ...extra });
  const codes = (r) => r.nextSteps.map((n) => n.code);
  assert.deepEqual(codes(huabei("2024-12-31")), ["PAY_BY_DUE_DATE"]);
  assert.deepEqual(codes(huabei("2025-01-02", { graceDays: 3 })), ["PAY_WITHIN_GRACE", "CONTACT_LENDER_NOW"]);
  assert.ok(!codes(huabei("2025-01-31")).includes("COMPLAIN_ABUSIVE_COLLECTION"));
  assert.ok(codes(huabei("2025-02-01")).includes("COMPLAIN_ABUSIVE_COLLECTION"));
  assert.ok(codes(huabei("2025-04-02")).includes("LEGAL_ACTION_POSSIBLE"));
  for (const r of [huabei("2026-01-01"), lib.overdue(loan), huabei("2025-01-02", { graceDays: 3 })]) {
    for (const n of r.nextSteps) {
      assert.ok(NEXT_STEPS.includes(n.code), n.code);
      assert.ok(n.message.length > 20 && /[\u4e00-\u9fff]/.test(n.messageZh));
    }
    for (const w of r.warnings) assert.ok(WARNINGS.includes(w.code), w.code);
  }
  const credit = huabei("2025-03-01").nextSteps.find((n) => n.code === "CREDIT_REPORT_RISK");
  assert.doesNotMatch(credit.message, /\b\d+ days\b/, "never a fixed day count before reporting");
  assert.match(huabei("2025-03-01").nextSteps.find((n) => n.code === "BEWARE_FAKE_COURT_SMS").messageZh, /法院/);
});

test("overdue: warnings at 4×LPR, 24% and 36%", () => {
  const custom = (penaltyDailyRate, lpr) =>
    lib.overdue({ product: "custom", asOfDate: "2025-01-11", penaltyDailyRate, lpr, items: [{ dueDate: "2025-01-01", principal: 1000 }] });
  assert.deepEqual(custom("0.0003", "0.03").warnings, []); // 10.95% a year
  assert.deepEqual(custom("0.0004", "0.03").warnings.map((w) => w.code), ["CHARGES_ABOVE_4X_LPR"]); // 14.6%
  assert.deepEqual(custom("0.0007", "0.03").warnings.map((w) => w.code), ["CHARGES_ABOVE_4X_LPR", "CHARGES_ABOVE_24_PERCENT"]);
  assert.equal(custom("0.0011", "0.2").warnings.map((w) => w.code).join(), "CHARGES_ABOVE_24_PERCENT,CHARGES_ABOVE_36_PERCENT");
});

test("overdue: every error the function introduces", () => {
  const ok = { product: "huabei", asOfDate: "2025-03-01", items: [{ dueDate: "2025-01-10", principal: "100" }] };
  assertError(() => lib.overdue({ ...ok, product: "creditCard" }), "INVALID_OPTION", "product");
  assertError(() => lib.overdue({ ...ok, items: [] }), "OUT_OF_RANGE", "items");
  assertError(() => lib.overdue({ ...ok, items: {} }), "INVALID_TYPE", "items");
  assertError(() => lib.overdue({ ...ok, items: [{ dueDate: "2025-01-10", principal: -1 }] }), "OUT_OF_RANGE", "items[0].principal");
  assertError(() => lib.overdue({ ...ok, items: [{ dueDate: "2025-01-10", principal: "1e3" }] }), "INVALID_NUMBER", "items[0].principal");
  assertError(() => lib.overdue({ ...ok, items: [{ dueDate: "2025-01-10", principal: "1.001" }] }), "INVALID_NUMBER", "items[0].principal");
  assertError(() => lib.overdue({ ...ok, items: [ok.items[0], { dueDate: "2025-02-30", principal: 1 }] }), "INVALID_DATE", "items[1].dueDate");
  assertError(() => lib.overdue({ ...ok, items: [{ principal: 1 }] }), "MISSING_FIELD", "items[0].dueDate");
  assertError(() => lib.overdue({ ...ok, asOfDate: undefined }), "MISSING_FIELD", "asOfDate");
  assertError(() => lib.overdue({ ...ok, product: "jiebei" }), "MISSING_FIELD", "contractDailyRate");
  assertError(() => lib.overdue({ ...ok, penaltyMultiplier: 2 }), "MISSING_FIELD", "contractDailyRate");
  assertError(() => lib.overdue({ ...ok, penaltyDailyRate: "0.001", contractAnnualRate: "0.1" }), "CONFLICTING_FIELDS", "contractAnnualRate");
  assertError(() => lib.overdue({ ...ok, compoundOverdueInterest: true }), "CONFLICTING_FIELDS", "compoundOverdueInterest");
  assertError(() => lib.overdue({ ...ok, compoundOverdueInterest: "yes" }), "INVALID_TYPE", "compoundOverdueInterest");
  assertError(() => lib.overdue({ ...ok, graceDay: 3 }), "UNKNOWN_FIELD", "graceDay");
  assertError(() => lib.overdue({ ...ok, penaltyDailyRate: "0.2" }), "OUT_OF_RANGE", "penaltyDailyRate");
  assertError(() => lib.overdue(null), "INVALID_INPUT", "");
  // The module still works after errors.
  assert.equal(lib.overdue(ok).daysPastDue, 50);
});

const card = {
  statementDate: "2025-04-18",
  dueDate: "2025-05-07",
  nextStatementDate: "2025-05-18",
  interestMode: "full",
  transactions: [{ postingDate: "2025-03-30", amount: 600 }, { postingDate: "2025-04-10", amount: "400.00" }],
  payments: [{ date: "2025-05-07", amount: 100 }],
};

test("cardInterest: full vs unpaid, breakdown reconciles, fee bears no interest", () => {
  const full = lib.cardInterest(card);
  const part = lib.cardInterest({ ...card, interestMode: "unpaid" });
  for (const r of [full, part]) {
    assert.equal(sum(r.breakdown.filter((row) => row.kind === "interest")), fen(r.interest));
    assert.equal(fen(r.newBalance), fen(r.statementBalance) - fen(r.paid) + fen(r.interest) + fen(r.lateFee));
  }
  // full: 600 × 11 days + 1000 × 27 + 900 × 11, × 0.0005 = 3.30 + 13.50 + 4.95
  assert.equal(full.interest, "21.75");
  // unpaid: the 100 paid covers the oldest purchase first: 500 × 49 + 400 × 38, × 0.0005 = 12.25 + 7.60
  assert.equal(part.interest, "19.85");
  const late = { ...card, payments: [] };
  const cheap = lib.cardInterest(late);
  const dear = lib.cardInterest({ ...late, lateFeeMin: 500 });
  assert.equal(cheap.lateFee, "10.00"); // 5% of 100.00 = 5.00 → floor 10.00
  assert.equal(dear.lateFee, "500.00");
  assert.equal(cheap.interest, dear.interest);
  assert.deepEqual(cheap.warnings.map((w) => w.code), ["MINIMUM_NOT_PAID"]);
  assert.equal(cheap.nextSteps[1].code, "ASK_PERSONALISED_INSTALMENT");
  assert.match(cheap.nextSteps[1].message, /60 months/);
});

test("cardInterest: paid in full in time is free and needs no advice", () => {
  const r = lib.cardInterest({ ...card, payments: [{ date: "2025-05-10", amount: 1000 }] });
  assert.equal(r.paidInFull, true);
  assert.deepEqual([r.interest, r.lateFee, r.newBalance], ["0.00", "0.00", "0.00"]);
  assert.deepEqual([r.breakdown, r.warnings, r.nextSteps], [[], [], []]);
  const before = lib.cardInterest({ ...card, payments: [], asOfDate: "2025-05-01" });
  assert.deepEqual(before.nextSteps.map((n) => n.code), ["PAY_BY_DUE_DATE"]);
});

test("cardInterest: every error the function introduces", () => {
  assertError(() => lib.cardInterest({ ...card, interestMode: undefined }), "MISSING_FIELD", "interestMode");
  assertError(() => lib.cardInterest({ ...card, interestMode: "all" }), "INVALID_OPTION", "interestMode");
  assertError(() => lib.cardInterest({ ...card, dueDate: "2025-04-18" }), "INVALID_DATE", "dueDate");
  assertError(() => lib.cardInterest({ ...card, nextStatementDate: "2025-04-01" }), "INVALID_DATE", "nextStatementDate");
  assertError(() => lib.cardInterest({ ...card, asOfDate: "2025-04-17" }), "INVALID_DATE", "asOfDate");
  assertError(() => lib.cardInterest({ ...card, transactions: [{ postingDate: "2025-04-30", amount: 1 }] }), "INVALID_DATE", "transactions[0].postingDate");
  assertError(() => lib.cardInterest({ ...card, transactions: [{ postingDate: "2025-04-01", amount: 0 }] }), "OUT_OF_RANGE", "transactions[0].amount");
  assertError(() => lib.cardInterest({ ...card, payments: [{ date: "2025-05-19", amount: 1 }] }), "INVALID_DATE", "payments[0].date");
  assertError(() => lib.cardInterest({ ...card, payments: [{ date: "2025-05-01", amount: -1 }] }), "OUT_OF_RANGE", "payments[0].amount");
  assertError(() => lib.cardInterest({ ...card, payments: [{ date: "2025-05-01", amont: 1 }] }), "UNKNOWN_FIELD", "payments[0].amont");
  assertError(() => lib.cardInterest({ ...card, graceDays: 31 }), "OUT_OF_RANGE", "graceDays");
  assertError(() => lib.cardInterest({ ...card, minimumRate: "1.5" }), "OUT_OF_RANGE", "minimumRate");
  assertError(() => lib.cardInterest({ ...card, statementDate: "2025-13-01" }), "INVALID_DATE", "statementDate");
});
