// budget() and payoff() through the built package: results, invariants, names, every error code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { budget, payoff } from "./package.mjs";
import { assertError } from "./expect.mjs";

const fen = (money) => {
  const [yuan, cents] = money.split(".");
  const sign = yuan.startsWith("-") ? -1n : 1n;
  return sign * (BigInt(yuan.replace("-", "")) * 100n + BigInt(cents));
};
const sum = (items) => items.reduce((a, b) => a + b, 0n);

const worked = (strategy, extra = {}) => ({
  debts: [
    { name: "A", balance: 1000, annualRate: 0.18, minimumPayment: 50 },
    { name: "B", balance: 3000, annualRate: 0.06, minimumPayment: 100 },
    { name: "C", balance: 500, annualRate: 0.12, minimumPayment: 25 },
  ],
  monthlyBudget: 300,
  strategy,
  startDate: "2025-01-15",
  ...extra,
});

/** Invariants of a feasible plan, checked on the JSON the page receives. */
function checkInvariants(input, result) {
  assert.equal(result.feasible, true);
  const balances = sum(input.debts.map((d) => fen(String(Number(d.balance).toFixed(2)))));
  assert.equal(fen(result.totalPaid), balances + fen(result.totalInterest), "Σ payments = Σ balances + interest");
  const rows = result.timeline.flatMap((m) => m.rows.map((r) => ({ ...r, month: m.month })));
  assert.equal(sum(rows.map((r) => fen(r.payment))), fen(result.totalPaid));
  for (const debt of result.debts) {
    const mine = rows.filter((r) => r.name === debt.name);
    const last = mine.at(-1);
    assert.equal(last.month, debt.payoffMonth, `${debt.name} is repaid in its payoff month`);
    assert.equal(last.balance, "0.00");
    assert.ok(mine.slice(0, -1).every((r) => fen(r.balance) > 0n));
    assert.equal(sum(mine.map((r) => fen(r.payment))), fen(debt.paid));
    assert.equal(sum(mine.map((r) => fen(r.interest))), fen(debt.interest));
  }
  for (const month of result.timeline) {
    assert.equal(sum(month.rows.map((r) => fen(r.payment))), fen(month.payment));
  }
  assert.equal(result.months, result.timeline.length);
  assert.equal(result.debtFreeDate, result.timeline.at(-1).date);
}

test("worked case: avalanche 16 months / 205.91, snowball 16 months / 217.22", () => {
  const avalanche = payoff(worked("avalanche"));
  assert.equal(avalanche.months, 16);
  assert.equal(avalanche.totalInterest, "205.91");
  assert.deepEqual(avalanche.debts.map((d) => d.payoffMonth), [6, 16, 8]);
  assert.equal(avalanche.comparison.snowball.totalInterest, "217.22");
  checkInvariants(worked("avalanche"), avalanche);
  const snowball = payoff(worked("snowball"));
  assert.equal(snowball.totalInterest, "217.22");
  assert.deepEqual(snowball.debts.map((d) => d.payoffMonth), [8, 16, 4]);
  checkInvariants(worked("snowball"), snowball);
  assert.deepEqual(snowball.comparison, avalanche.comparison, "the comparison does not depend on the chosen strategy");
});

test("custom order, extra payments, 0% debt, minimum above balance", () => {
  const custom = payoff(worked("custom", { order: ["B", "C"] }));
  checkInvariants(worked("custom", { order: ["B", "C"] }), custom);
  assert.deepEqual(custom.debts.map((d) => d.payoffMonth), [16, 14, 15]);
  const extra = worked("avalanche", { extraPayments: [{ month: 3, amount: "1000" }] });
  const withExtra = payoff(extra);
  checkInvariants(extra, withExtra);
  assert.ok(withExtra.months < 16);
  const zero = {
    debts: [
      { name: "friend", balance: "100", annualRate: 0, minimumPayment: "150" },
      { name: "card", balance: "200", dailyRate: "0.0005", minimumPayment: "50" },
    ],
    monthlyBudget: "200",
    strategy: "avalanche",
    startDate: "2025-01-31",
  };
  const result = payoff(zero);
  checkInvariants(zero, result);
  assert.equal(result.timeline[0].rows[0].payment, "100.00");
  assert.equal(result.debts[0].interest, "0.00");
});

test("infeasible plans report a reason instead of looping", () => {
  const below = payoff({ ...worked("snowball"), monthlyBudget: 100 });
  assert.equal(below.feasible, false);
  assert.equal(below.reason, "BUDGET_BELOW_MINIMUMS");
  assert.equal(below.budgetShortfall, "75.00");
  assert.deepEqual(below.timeline, []);
  assert.equal(below.warnings[0].code, "BUDGET_BELOW_MINIMUMS");
  assert.ok(below.warnings[0].messageZh.includes("75.00"));
  const never = payoff({
    debts: [{ name: "x", balance: "1000000000000", monthlyRate: "1", minimumPayment: 0 }],
    monthlyBudget: "0.01",
    strategy: "avalanche",
    startDate: "2025-01-01",
  });
  assert.equal(never.reason, "NEVER_PAID_OFF", "a balance doubling every month overflows: reported, no trap");
  assert.equal(never.months, null);
  assert.equal(never.comparison.minimumOnly.reason, "NEVER_PAID_OFF");
  assert.deepEqual(never.warnings.map((w) => w.code), ["NEVER_PAID_OFF", "MINIMUM_BELOW_INTEREST"]);
  // The module still works after the overflow.
  assert.equal(payoff(worked("avalanche")).totalInterest, "205.91");
});

test("names are kept exactly as given and returned as text", () => {
  const names = ['<img src=x onerror="alert(1)">', "花呗 🧧", "  spaced  ", "a\"b\\c"];
  const input = {
    debts: names.map((name, i) => ({ name, balance: 100 + i, annualRate: 0.1, minimumPayment: 10 })),
    monthlyBudget: 100,
    strategy: "custom",
    order: [names[2], names[0]],
    startDate: "2025-01-01",
  };
  const result = payoff(input);
  assert.deepEqual(result.debts.map((d) => d.name), names);
  assert.deepEqual(result.timeline[0].rows.map((r) => r.name), names);
  checkInvariants(input, result);
});

test("any text in a name comes back exactly: quotes, backslashes, newlines, emoji, Chinese, controls", () => {
  // The timeline travels in a compact form that length-prefixes strings in UTF-16 units: names
  // with surrogate pairs, line breaks, control characters and JSON-looking text must survive it.
  const names = [
    'say "hi"', "back\\slash\\", "two\nlines", "crlf\r\nend", "\ttab", "花呗 借呗 信用卡",
    "👨‍👩‍👧 family", "🇨🇳", "\u0000\u0001\u0002 controls", "\\u0041 not an escape", '"]}{["', "😀".repeat(200),
  ];
  const input = {
    debts: names.map((name, i) => ({ name, balance: 500 + 100 * i, annualRate: 0.12, minimumPayment: i === 3 ? 1 : 20 })),
    monthlyBudget: 1000,
    strategy: "custom",
    order: [names[11], names[6]],
    startDate: "2025-01-31",
  };
  const result = payoff(input);
  checkInvariants(input, result);
  assert.deepEqual(result.debts.map((d) => d.name), names);
  for (const month of result.timeline) {
    const order = month.rows.map((r) => names.indexOf(r.name));
    assert.ok(order.every((k, j) => k >= 0 && (j === 0 || k > order[j - 1])), `month ${month.month}: ${JSON.stringify(month.rows.map((r) => r.name))}`);
  }
  assert.deepEqual(result.timeline[0].rows.map((r) => r.name), names);
  const below = result.warnings.find((w) => w.code === "MINIMUM_BELOW_INTEREST");
  assert.ok(below.message.includes(`"${names[3]}"`) && below.messageZh.includes(`“${names[3]}”`));
  assert.deepEqual(JSON.parse(JSON.stringify(result)), result);
});

test("20 debts over 360 months: deterministic and fast", () => {
  const debts = Array.from({ length: 20 }, (_, i) => ({
    name: `debt ${i + 1}`,
    balance: (20000 + i * 1234.56).toFixed(2),
    annualRate: (0.03 + (i % 7) * 0.01).toFixed(2),
    minimumPayment: ((20000 + i * 1234.56) * 0.005).toFixed(2),
  }));
  const input = { debts, monthlyBudget: "4100", strategy: "snowball", startDate: "2025-01-31" };
  const first = payoff(input);
  assert.ok(first.months >= 240 && first.months <= 400, `months ${first.months}`);
  checkInvariants(input, first);
  assert.deepEqual(payoff(input), first);
  const runs = 20;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) payoff(input);
  const perCall = (performance.now() - t0) / runs;
  assert.ok(perCall < 250, `${perCall.toFixed(1)} ms per call`);
  const lean = payoff({ ...input, timeline: false });
  assert.deepEqual(lean.timeline, []);
  assert.equal(lean.totalInterest, first.totalInterest);
});

test("budget: shortfall, zero income, all essential, no debts, 50 debts", () => {
  const b = budget({
    monthlyIncome: "8000",
    expenses: [
      { name: "rent", amount: 4000, kind: "essential" },
      { name: "外卖", amount: 1500, kind: "flexible" },
      { amount: 500, kind: "savings" },
    ],
    debts: [{ name: "花呗", minimumPayment: 1000 }, { minimumPayment: "1500" }],
  });
  assert.equal(b.capacity, "3500.00");
  assert.equal(b.surplus, "-500.00");
  assert.equal(b.debtToIncome, "0.312500");
  assert.deepEqual(b.flags.map((f) => f.code), ["SHORTFALL", "NEEDS_OVER_50", "SAVINGS_UNDER_20"]);
  assert.ok(b.flags.every((f) => f.message && f.messageZh));

  const none = budget({ monthlyIncome: 0 });
  assert.equal(none.debtToIncome, null);
  assert.equal(none.split, null);
  assert.deepEqual(none.flags.map((f) => f.code), ["NO_INCOME"]);

  const allEssential = budget({ monthlyIncome: 5000, expenses: [{ amount: 5000, kind: "essential" }] });
  assert.equal(allEssential.surplus, "0.00");
  assert.equal(allEssential.split.needs, "1.000000");

  const many = budget({
    monthlyIncome: 100000,
    debts: Array.from({ length: 50 }, () => ({ minimumPayment: 1000 })),
  });
  assert.equal(many.debtMinimums, "50000.00");
  assert.deepEqual(many.flags.map((f) => f.code).slice(0, 1), ["DTI_HIGH"]);
  const strict = budget({ monthlyIncome: 100000, debts: [{ minimumPayment: 45000 }], dtiCnGuidance: "0.4" });
  assert.equal(strict.flags[0].code, "DTI_ABOVE_CN_GUIDANCE");
});

test("payoff errors carry codes and field paths", () => {
  const base = worked("avalanche");
  const withDebt = (i, patch) => ({ ...base, debts: base.debts.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  assertError(() => payoff(worked("custom", { order: ["A", "Z"] })), "INVALID_OPTION", "order[1]");
  assertError(() => payoff(worked("custom", { order: ["A", "A"] })), "CONFLICTING_FIELDS", "order[1]");
  assertError(() => payoff(worked("custom")), "MISSING_FIELD", "order");
  assertError(() => payoff(worked("snowball", { order: ["A"] })), "CONFLICTING_FIELDS", "order");
  assertError(() => payoff(withDebt(2, { name: "A" })), "CONFLICTING_FIELDS", "debts[2].name");
  assertError(() => payoff(withDebt(1, { name: " " })), "OUT_OF_RANGE", "debts[1].name");
  assertError(() => payoff(withDebt(1, { name: "x".repeat(201) })), "OUT_OF_RANGE", "debts[1].name");
  assertError(() => payoff(withDebt(1, { dailyRate: 0.0005 })), "CONFLICTING_FIELDS", "debts[1].dailyRate");
  const noRate = { ...base, debts: [{ name: "A", balance: 1, minimumPayment: 1 }] };
  assertError(() => payoff(noRate), "MISSING_FIELD", "debts[0].annualRate");
  const misspelled = { ...base, debts: [{ name: "A", balance: 1, anualRate: 0.1, minimumPayment: 1 }] };
  const e = assertError(() => payoff(misspelled), "UNKNOWN_FIELD", "debts[0].anualRate");
  assert.match(e.message, /did you mean annualRate/);
  assertError(() => payoff(withDebt(0, { annualRate: "10.5" })), "OUT_OF_RANGE", "debts[0].annualRate");
  assertError(() => payoff(withDebt(0, { annualRate: "0.1234567890123456789" })), "INVALID_NUMBER", "debts[0].annualRate");
  assertError(() => payoff(withDebt(0, { balance: "0" })), "OUT_OF_RANGE", "debts[0].balance");
  assertError(() => payoff(withDebt(0, { minimumPayment: "1.001" })), "INVALID_NUMBER", "debts[0].minimumPayment");
  assertError(() => payoff({ ...base, strategy: "fastest" }), "INVALID_OPTION", "strategy");
  assertError(() => payoff({ ...base, startDate: "2101-01-01" }), "OUT_OF_RANGE", "startDate");
  assertError(() => payoff({ ...base, startDate: "2025-02-30" }), "INVALID_DATE", "startDate");
  assertError(() => payoff({ ...base, extraPayments: [{ month: 0, amount: 1 }] }), "OUT_OF_RANGE", "extraPayments[0].month");
  assertError(() => payoff({ ...base, extraPayments: [{ month: 2 }] }), "MISSING_FIELD", "extraPayments[0].amount");
  assertError(() => payoff({ ...base, debts: [] }), "OUT_OF_RANGE", "debts");
  assertError(() => payoff({ ...base, debts: Array(101).fill(base.debts[0]) }), "OUT_OF_RANGE", "debts");
  assertError(() => payoff({ ...base, timeline: "yes" }), "INVALID_TYPE", "timeline");
  assertError(() => payoff({ ...base, monthlyBudget: null }), "INVALID_NUMBER", "monthlyBudget");
});

test("budget errors carry codes and field paths", () => {
  assertError(() => budget({}), "MISSING_FIELD", "monthlyIncome");
  assertError(() => budget({ monthlyIncome: -1 }), "OUT_OF_RANGE", "monthlyIncome");
  assertError(() => budget({ monthlyIncome: 1, expenses: [{ amount: 1, kind: "fun" }] }), "INVALID_OPTION", "expenses[0].kind");
  assertError(() => budget({ monthlyIncome: 1, expenses: [{ amount: 1 }] }), "MISSING_FIELD", "expenses[0].kind");
  assertError(() => budget({ monthlyIncome: 1, debts: [{ minimumPayment: 1, balance: 5 }] }), "UNKNOWN_FIELD", "debts[0].balance");
  assertError(() => budget({ monthlyIncome: 1, dtiHigh: 2 }), "OUT_OF_RANGE", "dtiHigh");
  assertError(() => budget({ monthlyIncome: 1, expenses: {} }), "INVALID_TYPE", "expenses");
});
