// The speed and size work (docs/performance.md) must not change results: the rows that the wasm
// boundary builds from a detached table are the objects JSON.parse would give, and the download
// stays under its budget. No times are asserted here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as lib from "./package.mjs";

const ROW_KEYS = ["period", "dueDate", "days", "opening", "payment", "principal", "interest", "fee", "closing"];
const PREPAID_KEYS = [...ROW_KEYS.slice(0, 8), "prepayment", "prepaymentFee", "closing"];

/** The row objects keep JSON.parse's key order and types, and equal their own JSON round trip. */
function assertRows(rows, { prepaidPeriods = [] } = {}) {
  assert.ok(Array.isArray(rows) && rows.length > 0);
  for (const row of rows) {
    const prepaid = prepaidPeriods.includes(row.period);
    assert.deepEqual(Object.keys(row), prepaid ? PREPAID_KEYS : ROW_KEYS, `row ${row.period}`);
    assert.equal(typeof row.period, "number");
    assert.equal(typeof row.days, "number");
    assert.match(row.dueDate, /^\d{4}-\d{2}-\d{2}$/);
    for (const key of Object.keys(row).filter((k) => !["period", "days", "dueDate"].includes(k))) {
      assert.match(row[key], /^-?\d+\.\d\d$/, `row ${row.period}.${key}`);
    }
  }
  assert.deepEqual(JSON.parse(JSON.stringify(rows)), rows);
  rows.forEach((row, i) => assert.equal(row.period, i + 1));
}

const toFen = (s) => Math.round(Number(s) * 100);

test("schedule rows from the detached table: keys, order, types, sums", () => {
  const out = lib.schedule({ principal: "1000000", method: "annuity", periods: 360, annualRate: "0.049", startDate: "2026-01-31" });
  assert.deepEqual(Object.keys(out), ["rows", "totals", "model", "apr", "warnings"]);
  assertRows(out.rows);
  assert.equal(out.rows.length, 360);
  assert.equal(out.rows[0].dueDate, "2026-02-28");
  assert.equal(out.rows[0].days, 28);
  assert.equal(out.rows.reduce((s, r) => s + toFen(r.principal), 0), toFen(out.totals.principal));
  assert.equal(out.rows.reduce((s, r) => s + toFen(r.interest), 0), toFen(out.totals.interest));
  for (let i = 1; i < out.rows.length; i++) assert.equal(out.rows[i].opening, out.rows[i - 1].closing);
  assert.equal(out.rows.at(-1).closing, "0.00");
});

test("schedule rows whose cells differ from the row above in every way the table can say", () => {
  // A first period of 354 days (days written as digits, not one character), a rate change and a
  // prepayment (payment, principal and fee cells that change), interest-only rows (closing
  // equal to the closing above) and a bullet: each read back as JSON.parse would give it.
  const cases = [
    { principal: "50000", method: "annuity", periods: 24, annualRate: "0.0725", startDate: "2025-01-31", firstDueDate: "2026-01-20", dayCount: "actual/365",
      rateChanges: [{ fromPeriod: 10, annualRate: "0.03" }], prepayments: [{ afterPeriod: 5, amount: 5000, strategy: "reducePayment", fee: 12.5 }] },
    { principal: "8000", method: "interestOnly", periods: 6, annualRate: "0.12", startDate: "2024-02-29" },
    { principal: "8000", method: "bullet", periods: 1, annualRate: "0.12", startDate: "2024-02-29", firstDueDate: "2025-01-31" },
    { principal: "3000", method: "feeInstalment", periods: 12, feeRate: "0.0075", startDate: "2026-01-15" },
  ];
  for (const input of cases) {
    const out = lib.schedule(input);
    const prepaidPeriods = out.rows.filter((r) => "prepayment" in r).map((r) => r.period);
    assertRows(out.rows, { prepaidPeriods });
    for (let i = 1; i < out.rows.length; i++) assert.equal(out.rows[i].opening, out.rows[i - 1].closing);
    // Every row is whole: payment = principal + interest + fee, to the fen.
    for (const r of out.rows) assert.equal(toFen(r.payment), toFen(r.principal) + toFen(r.interest) + toFen(r.fee), JSON.stringify(r));
  }
  const long = lib.schedule(cases[0]).rows[0];
  assert.ok(long.days > 300, `first period ${long.days} days`);
  assert.equal(long.dueDate, "2026-01-20");
});

test("schedule rows with a prepayment carry prepayment and prepaymentFee before closing", () => {
  const out = lib.schedule({
    principal: 12000, method: "annuity", periods: 12, annualRate: 0, startDate: "2024-01-10",
    prepayments: [{ afterPeriod: 3, amount: 3000, strategy: "shortenTerm", fee: 30 }],
  });
  assertRows(out.rows, { prepaidPeriods: [3] });
  assert.equal(out.rows[2].prepayment, "3000.00");
  assert.equal(out.rows[2].prepaymentFee, "30.00");
  assert.equal(out.rows.length, 9); // 3 + the 6 payments of 1,000 left
});

test("restructure rows come through the same table", () => {
  const input = JSON.parse(readFileSync(new URL("../fixtures/restructure.json", import.meta.url), "utf8"))
    .find((c) => !c.error && c.function === "restructure").input;
  const out = lib.restructure(input);
  assert.deepEqual(Object.keys(out).slice(0, 3), ["periods", "payment", "rows"]);
  assertRows(out.rows);
  assert.equal(out.rows.length, out.periods);
});

test("control characters in names cannot break the table framing", () => {
  const name = "a\u0001b\u0002c\u0000\"\\";
  const out = lib.payoff({
    debts: [{ name, balance: "1000", annualRate: "0.1", minimumPayment: "100" }],
    monthlyBudget: "200", strategy: "avalanche", startDate: "2026-01-15",
  });
  assert.equal(out.debts[0].name, name);
  for (const month of out.timeline) assert.equal(month.rows[0].name, name);
});

test("payoff timeline rows from detached tables: keys, order, names, sums", () => {
  const names = ["x", "花呗", "a\\b", "say \"hi\"", "tab\there", "😀 card"];
  const debts = names.map((name, i) => ({ name, balance: String(1000 + 500 * i), annualRate: "0.12", minimumPayment: "50" }));
  const out = lib.payoff({ debts, monthlyBudget: "900", strategy: "avalanche", startDate: "2026-01-31" });
  assert.ok(out.feasible && out.timeline.length === out.months);
  for (const month of out.timeline) {
    assert.deepEqual(Object.keys(month), ["month", "date", "payment", "interest", "balance", "rows"]);
    assert.ok(month.rows.length > 0);
    let paid = 0;
    for (const row of month.rows) {
      assert.deepEqual(Object.keys(row), ["name", "payment", "interest", "balance"]);
      assert.ok(names.includes(row.name), JSON.stringify(row.name));
      for (const key of ["payment", "interest", "balance"]) assert.match(row[key], /^-?\d+\.\d\d$/);
      paid += toFen(row.payment);
    }
    assert.equal(paid, toFen(month.payment));
  }
  assert.deepEqual(new Set(out.timeline[0].rows.map((r) => r.name)), new Set(names));
  assert.deepEqual(JSON.parse(JSON.stringify(out)), out);
});

test("the browser download is within the size budget (pkg/size.json, written by the build)", () => {
  const size = JSON.parse(readFileSync(new URL("../../pkg/size.json", import.meta.url), "utf8"));
  const script = readFileSync(new URL("../../scripts/package.mjs", import.meta.url), "utf8");
  const budget = Number(script.match(/GZIP_BUDGET_BYTES = (\d+) \* 1024/)[1]) * 1024;
  assert.equal(size.budgetGzip, budget, "pkg/ was built with another budget: rebuild");
  assert.ok(size.downloadGzip > 10 * 1024, "size.json looks wrong");
  assert.ok(size.downloadGzip <= budget, `download ${size.downloadGzip} B gzip > budget ${budget} B`);
  assert.ok(size.wasmGzip < size.downloadGzip);
});

test("irr and xirr give the same answer for flows as JS numbers (the f64 shortcut) and as strings (the decimal way)", () => {
  let seed = 20261128;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let n = 0; n < 300; n++) {
    const count = 2 + Math.floor(random() * 30);
    const flows = [-Math.round(random() * 1e7) / 100 - 1];
    for (let i = 1; i < count; i++) flows.push(Math.round((random() * 2000 - 200) * 100) / 100);
    flows.push(Math.round(random() * 1e6) / 100 + 1);
    const strings = flows.map((v) => v.toFixed(2));
    let asNumbers, asStrings;
    try { asNumbers = lib.irr({ values: flows }); } catch (e) { asNumbers = e.code; }
    try { asStrings = lib.irr({ values: strings }); } catch (e) { asStrings = e.code; }
    assert.equal(asNumbers, asStrings, JSON.stringify(flows));
    const dates = flows.map((_, i) => new Date(Date.UTC(2024, 0, 1 + i * 17)).toISOString().slice(0, 10));
    try { asNumbers = lib.xirr({ values: flows, dates }); } catch (e) { asNumbers = e.code; }
    try { asStrings = lib.xirr({ values: strings, dates }); } catch (e) { asStrings = e.code; }
    assert.equal(asNumbers, asStrings, JSON.stringify(flows));
  }
  // 16 digits and exponents take the decimal way, and agree with the same value as a string.
  assert.equal(lib.irr({ values: [-1234567890.123456, 1e9, 5e8] }), lib.irr({ values: ["-1234567890.123456", "1000000000", "500000000"] }));
});
