// overdue({ timeline: true }) through the built package: the dated milestones, each one's amounts
// against overdue() run on its date, the order, the day parameters and their errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as lib from "./package.mjs";
import { assertError } from "./expect.mjs";

const MILESTONES = [
  "GRACE_END", "PENALTY_START", "BUCKET_M2", "BUCKET_M3", "SUBSTANDARD", "DOUBTFUL", "LOSS",
  "CREDIT_REPORT", "COLLECTION_AGENCY", "LEGAL_ACTION",
];
/** "1234.56" → 123456. */
const fen = (money) => {
  assert.match(money, /^\d+\.\d\d$/);
  const [int, frac] = money.split(".");
  return Number(int) * 100 + Number(frac);
};

const loan = {
  product: "bankLoan",
  asOfDate: "2025-04-15",
  contractAnnualRate: "0.0435",
  graceDays: 3,
  items: [
    { dueDate: "2025-01-31", principal: "812.34", interest: "97.11" },
    { dueDate: "2025-02-28", principal: 815.28, interest: 94.17, fee: 5 },
    { dueDate: "2025-07-31", principal: "830.12", interest: "79.33" },
  ],
};

test("timeline: every milestone owes what overdue() returns with asOfDate on its date", () => {
  for (const input of [
    loan,
    { ...loan, graceDays: 0, creditReportDays: 45, collectionAgencyDays: 75, legalActionDays: 400 },
    { product: "huabei", asOfDate: "2026-02-01", items: [{ dueDate: "2025-12-31", principal: "3000", fee: "69" }] },
    { product: "jiebei", asOfDate: "2025-06-01", contractDailyRate: "0.0004", graceDays: 40, items: [{ dueDate: "2025-05-20", principal: 5000, interest: 60 }] },
  ]) {
    const r = lib.overdue({ ...input, timeline: true });
    // The same debt without the timeline's own fields (they need timeline: true).
    const { creditReportDays, collectionAgencyDays, legalActionDays, ...plain } = input;
    assert.ok(r.timeline.length >= 5 && r.timeline.length <= MILESTONES.length);
    let previous;
    for (const m of r.timeline) {
      assert.ok(MILESTONES.includes(m.code), m.code);
      assert.match(m.date, /^\d{4}-\d\d-\d\d$/);
      const then = lib.overdue({ ...plain, asOfDate: m.date });
      assert.deepEqual([m.owed, m.charges, m.daysPastDue, m.stage], [then.totalDue, then.totalCharges, then.daysPastDue, then.stage], `${m.code} on ${m.date}`);
      assert.equal(m.reached, m.date <= input.asOfDate);
      assert.ok(m.message.length > 0 && /[\u4e00-\u9fff]/.test(m.messageZh));
      assert.ok(m.nextStep.code && m.nextStep.message && m.nextStep.messageZh);
      if (previous) {
        assert.ok(previous.date <= m.date, "sorted by date");
        assert.ok(fen(previous.owed) <= fen(m.owed), "owed never falls");
      }
      previous = m;
    }
    // The rest of the result is what it is without the timeline.
    const { timeline, ...rest } = r;
    assert.deepEqual(rest, lib.overdue(plain));
    assert.equal("timeline" in lib.overdue(plain), false);
    assert.ok(timeline.length > 0);
  }
});

test("timeline: the days count from the earliest due date; grace, stages and the day parameters", () => {
  const r = lib.overdue({ ...loan, timeline: true });
  assert.deepEqual(r.timeline.map((m) => [m.code, m.date, m.daysPastDue]), [
    ["GRACE_END", "2025-02-03", 0],
    ["PENALTY_START", "2025-02-04", 4],
    ["CREDIT_REPORT", "2025-03-02", 30],
    ["BUCKET_M2", "2025-03-03", 31],
    ["COLLECTION_AGENCY", "2025-03-03", 31],
    ["BUCKET_M3", "2025-04-02", 61],
    ["SUBSTANDARD", "2025-05-02", 91],
    ["LEGAL_ACTION", "2025-05-02", 91],
    ["DOUBTFUL", "2025-10-29", 271],
    ["LOSS", "2026-01-27", 361],
  ]);
  assert.deepEqual(r.timeline.map((m) => m.reached), [true, true, true, true, true, true, false, false, false, false]);
  assert.deepEqual(r.timeline[6].stage, { classification: "substandard", bucket: "M4" });
  assert.match(r.timeline.find((m) => m.code === "CREDIT_REPORT").message, /an assumption \(creditReportDays\)/);
  // A later due date joins what is owed once it is past due: the third item on the loss date.
  const loss = r.timeline.at(-1);
  assert.ok(fen(loss.owed) > fen("812.34") + fen("97.11") + fen("815.28") + fen("94.17") + 500 + fen("830.12") + fen("79.33"));

  const chosen = lib.overdue({ ...loan, timeline: true, creditReportDays: "2", collectionAgencyDays: 500, legalActionDays: 3650 });
  const at = (code) => chosen.timeline.find((m) => m.code === code);
  assert.equal(at("CREDIT_REPORT").date, at("PENALTY_START").date, "a day within the grace moves to the first day past due");
  assert.equal(chosen.timeline.at(-1).code, "LEGAL_ACTION");
  assert.equal(chosen.timeline.at(-1).date, "2035-01-29");
  assert.equal(chosen.timeline.at(-2).code, "COLLECTION_AGENCY");
});

test("timeline: the errors of its parameters", () => {
  const on = { ...loan, timeline: true };
  assertError(() => lib.overdue({ ...on, creditReportDays: 0 }), "OUT_OF_RANGE", "creditReportDays");
  assertError(() => lib.overdue({ ...on, collectionAgencyDays: 3651 }), "OUT_OF_RANGE", "collectionAgencyDays");
  assertError(() => lib.overdue({ ...on, legalActionDays: -1 }), "OUT_OF_RANGE", "legalActionDays");
  assertError(() => lib.overdue({ ...on, legalActionDays: 1.5 }), "INVALID_NUMBER", "legalActionDays");
  assertError(() => lib.overdue({ ...on, timeline: "yes" }), "INVALID_TYPE", "timeline");
  assertError(() => lib.overdue({ ...on, timeline: null }), "INVALID_TYPE", "timeline");
  assertError(() => lib.overdue({ ...loan, legalActionDays: 120 }), "CONFLICTING_FIELDS", "legalActionDays");
  assertError(() => lib.overdue({ ...loan, timeline: false, creditReportDays: 10 }), "CONFLICTING_FIELDS", "creditReportDays");
  assertError(() => lib.overdue({ ...on, creditReportDay: 10 }), "UNKNOWN_FIELD", "creditReportDay");
  const e = assertError(() => lib.overdue({ ...on, creditReportDays: 0 }), "OUT_OF_RANGE");
  assert.match(e.messageZh, /creditReportDays 须在 1 到 3650 之间/);
});
