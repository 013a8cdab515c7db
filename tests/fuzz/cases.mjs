// One valid input per exported function: the fuzzer mutates these, and after every hostile call
// checks the valid call still returns the same result (`check` picks what to compare).
const whole = (r) => r;

export const cases = [
  { fn: "pmt", input: { rate: "0.005", nper: 360, pv: 100000, fv: 0, type: 0 }, check: whole },
  { fn: "ipmt", input: { rate: "0.1", per: 3, nper: 3, pv: 8000 }, check: whole },
  { fn: "ppmt", input: { rate: "0.08", per: 10, nper: 10, pv: 200000 }, check: whole },
  { fn: "pv", input: { rate: "0.005", nper: 240, pmt: 500 }, check: whole },
  { fn: "fv", input: { rate: "0.005", nper: 10, pmt: -200, pv: -500, type: 1 }, check: whole },
  { fn: "nper", input: { rate: "0.01", pmt: -100, pv: -1000, fv: 10000, type: 1 }, check: whole },
  { fn: "rate", input: { nper: 48, pmt: -200, pv: 8000, guess: "0.01" }, check: whole },
  { fn: "npv", input: { rate: "0.1", values: [-10000, 3000, 4200, 6800] }, check: whole },
  { fn: "irr", input: { values: [-70000, 12000, 15000, 18000, 21000, 26000], guess: 0.1 }, check: whole },
  { fn: "xirr", input: { values: [-10000, 2750, 4250, 3250, 2750], dates: ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"], dayCount: "actual/365" }, check: whole },
  { fn: "effect", input: { nominalRate: "0.0525", npery: 4 }, check: whole },
  { fn: "nominal", input: { effectRate: "0.053543", npery: 4 }, check: whole },
  { fn: "cumipmt", input: { rate: "0.0075", nper: 360, pv: 125000, startPeriod: 13, endPeriod: 24, type: 0 }, check: whole },
  { fn: "cumprinc", input: { rate: "0.0075", nper: 360, pv: 125000, startPeriod: 13, endPeriod: 24, type: 0 }, check: whole },
  { fn: "schedule", input: { principal: 100000, method: "annuity", periods: 24, annualRate: "0.049", startDate: "2024-01-31", upfrontFee: 500, firstDueDate: "2024-03-10", dayCount: "actual/365", rounding: { mode: "halfUp", residue: "last" }, prepayments: [{ afterPeriod: 6, amount: 10000, strategy: "shortenTerm", fee: 100 }], rateChanges: [{ fromPeriod: 13, annualRate: "0.0385" }], lpr: "0.03" }, check: whole },
  { fn: "compareOffers", input: [{ name: "a", principal: 10000, method: "feeInstalment", periods: 12, feeRate: "0.006", startDate: "2024-01-10" }, { principal: 10000, method: "equalPrincipal", periods: 12, dailyRate: "0.0004", startDate: "2024-01-10" }], check: whole },
  { fn: "restructure", input: { principal: 30000, interest: 2000, fees: 300, penalties: 1000, waive: ["penalties"], targetPayment: 1000, feeRate: "0.003", downPayment: 2000, startDate: "2025-01-10", rounding: { mode: "down", residue: "first" } }, check: whole },
  { fn: "overdue", input: { product: "bankLoan", asOfDate: "2025-03-02", contractAnnualRate: "0.049", graceDays: 3, items: [{ dueDate: "2025-01-31", principal: "1000", interest: "50", fee: "5" }, { dueDate: "2025-02-28", principal: "1000" }] }, check: whole },
  { fn: "cardInterest", input: { statementDate: "2025-04-18", dueDate: "2025-05-07", nextStatementDate: "2025-05-18", interestMode: "full", transactions: [{ postingDate: "2025-03-30", amount: "1000" }], payments: [{ date: "2025-05-07", amount: "100" }] }, check: whole },
  { fn: "budget", input: { monthlyIncome: 8000, expenses: [{ name: "rent", amount: 4000, kind: "essential" }, { amount: 1500, kind: "flexible" }], debts: [{ name: "花呗", minimumPayment: 1000 }], dtiHigh: "0.43" }, check: whole },
  { fn: "payoff", input: { debts: [{ name: "A", balance: 1000, annualRate: 0.18, minimumPayment: 50 }, { name: "B", balance: 3000, monthlyRate: "0.005", minimumPayment: 100 }, { name: "C", balance: 500, dailyRate: "0.0004", minimumPayment: 25 }], monthlyBudget: 300, strategy: "custom", order: ["B"], startDate: "2025-01-15", extraPayments: [{ month: 2, amount: 100 }] }, check: whole },
];
