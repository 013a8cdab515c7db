// The wasm heap (Rust's standard allocator) reuses its memory: thousands of varied calls — big
// schedules, payoffs with up to 50 debts, long XIRR series, errors — and the instance's memory
// stops growing. The peak is printed (a wasm memory never shrinks: its size is its peak), to
// compare with the crate's former own allocator (src/alloc.rs, removed by issue #12): 3,538,944
// bytes on this same workload (the bench/baseline/ package of 0397289; docs said 3.7 MB).
// The package does not expose its memory, so this test instantiates the web build itself
// (initSync returns the wasm exports, `memory` among them) and runs the calls there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as web from "../../pkg/web/repayment_plan.js";

const exports = web.initSync({ module: readFileSync(new URL("../../pkg/web/repayment_plan_bg.wasm", import.meta.url)) });
const memoryBytes = () => exports.memory.buffer.byteLength;

/** A small seeded generator (mulberry32), so every run makes the same calls. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One varied call, as `[function, input]`: big schedules, 50-debt payoffs, long XIRR series, errors. */
function variedCall(next) {
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const kinds = [
    () => [web.schedule, { principal: int(1000, 2000000), method: next() < 0.5 ? "annuity" : "equalPrincipal", periods: int(1, 600), annualRate: "0.049", startDate: "2024-01-31", prepayments: next() < 0.3 ? [{ afterPeriod: 1, amount: 100, strategy: "shortenTerm" }] : [] }],
    () => [web.payoff, {
      debts: Array.from({ length: int(1, 50) }, (_, i) => ({ name: `债务${i}`, balance: int(100, 50000), annualRate: int(1, 36) / 100, minimumPayment: int(30, 600) })),
      monthlyBudget: int(2000, 40000),
      strategy: next() < 0.5 ? "avalanche" : "snowball",
      startDate: "2025-01-15",
    }],
    () => [web.compareOffers, Array.from({ length: int(1, 8) }, () => ({ principal: int(1000, 100000), method: "feeInstalment", periods: int(1, 36), feeRate: "0.006", startDate: "2024-01-10" }))],
    () => {
      const n = int(2, 1000);
      return [web.xirr, { values: [-n * 100, ...Array.from({ length: n - 1 }, () => 110)], dates: Array.from({ length: n }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10)) }];
    },
    () => [web.overdue, { product: "bankLoan", asOfDate: "2025-03-02", contractAnnualRate: "0.049", items: Array.from({ length: int(1, 60) }, (_, i) => ({ dueDate: `2024-${String((i % 12) + 1).padStart(2, "0")}-15`, principal: String(int(1, 5000)) })) }],
    () => [web.cardInterest, { statementDate: "2025-04-18", dueDate: "2025-05-07", nextStatementDate: "2025-05-18", interestMode: "full", transactions: Array.from({ length: int(1, 100) }, () => ({ postingDate: "2025-03-30", amount: String(int(1, 9000)) })), payments: [] }],
    () => [web.budget, { monthlyIncome: int(1000, 30000), expenses: [{ name: "rent", amount: int(0, 5000), kind: "essential" }], debts: [{ name: "花呗", minimumPayment: int(0, 3000) }] }],
    () => [web.restructure, { principal: int(1000, 90000), interest: 2000, fees: 300, penalties: 1000, waive: ["penalties"], targetPayment: int(500, 5000), feeRate: "0.003", startDate: "2025-01-10" }],
    // Errors: a missing key, a long bad number, junk items, a value JSON cannot hold.
    () => [web.xirr, { values: Array.from({ length: int(1, 1000) }, () => int(1, 300)) }],
    () => [web.schedule, { principal: "x".repeat(int(1, 5000)), periods: 12 }],
    () => [web.payoff, { debts: Array.from({ length: int(1, 500) }, () => ({ balance: -1 })), monthlyBudget: 1 }],
    () => [web.npv, { rate: "0.1", values: Array.from({ length: int(1, 2000) }, () => "1e400") }],
  ];
  return kinds[int(0, kinds.length - 1)]();
}

/** Makes a call: a result, or an expected RepaymentPlanError; anything else fails the test. */
function run([fn, input]) {
  try {
    return fn(input);
  } catch (error) {
    assert.equal(error.name, "RepaymentPlanError", String(error));
    return error;
  }
}

test("a varied workload repeated: the wasm memory stops growing", { timeout: 300000 }, (t) => {
  const next = random(20261128);
  const calls = Array.from({ length: 500 }, () => variedCall(next));
  const start = memoryBytes();
  // Two passes reach the peak the allocator needs for this mix of calls…
  for (let pass = 0; pass < 2; pass++) calls.forEach(run);
  const settled = memoryBytes();
  // …after which thousands more of the same calls take no new memory.
  for (let pass = 0; pass < 8; pass++) calls.forEach(run);
  const end = memoryBytes();
  const report =
    `wasm memory: ${start} bytes at start, ${settled} after 1,000 calls, ${end} after 5,000; ` +
    `peak ${end.toLocaleString("en-US")} bytes (former own allocator: 3,538,944)`;
  console.log(report);
  t.diagnostic(report);
  assert.equal(end, settled, "memory grew while the same calls were repeated");
  assert.ok(settled < 64 * 1024 * 1024, `memory ${settled} bytes`);
});

test("the same big call repeated does not grow memory", () => {
  const big = { principal: 1000000, method: "annuity", periods: 600, annualRate: "0.049", startDate: "2024-01-15" };
  web.schedule(big);
  const settled = memoryBytes();
  for (let i = 0; i < 200; i++) assert.equal(web.schedule(big).rows.length, 600);
  assert.equal(memoryBytes(), settled);
});
