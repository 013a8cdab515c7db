// Times repayment-plan side by side with its peers and with the baseline package (main at
// 0397289, before issue #12, built by bench/baseline.sh into bench/baseline/), in one process,
// alternating A B A B after a warm-up, and prints medians and throughput ratios (ours ÷ other:
// above 1 means we are faster), then ours ÷ baseline for A–E against issue #12's floors.
//
//   bash bench/run.sh            (installs the peers into bench/node_modules, builds pkg/ and
//                                 bench/baseline/ if needed)
//
// Nothing here asserts a time: machines are shared and noisy. Results go in the README by hand,
// with the machine and the date.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import * as ours from "../pkg/node.mjs";
import { floatAnnuity, floatEqualPrincipal, decimalAnnuity, floatPayoff } from "./peers.mjs";

const require = createRequire(import.meta.url);
const { Loan } = require("loanjs");
const financial = require("financial");
const formulajs = require("@formulajs/formulajs");
const xirrPeer = require("xirr");

// The baseline package, when built: the same calls as ours, timed alongside.
const baselineDir = new URL("./baseline/", import.meta.url);
const baseline = existsSync(new URL("node.mjs", baselineDir)) ? await import(new URL("node.mjs", baselineDir).href) : null;
const BASELINE = baseline
  ? `baseline ${readFileSync(new URL("COMMIT", baselineDir), "utf8").trim().slice(0, 7)}`
  : "baseline";
if (!baseline) console.log("bench/baseline/ is missing (bash bench/baseline.sh builds it): no baseline column");
/** Our ratio floors against the baseline (ours ÷ baseline throughput), issue #12. */
const FLOORS = { A: 0.8, B: 0.8, C: 0.6, D: 0.8, E: 0.8 };
/** `fn(pkg)` timed for ours and for the baseline, under the labels `ours` and BASELINE. */
function oursAndBaseline(fn) {
  return { ours: () => fn(ours), ...(baseline && { [BASELINE]: () => fn(baseline) }) };
}

const QUICK = process.argv.includes("--quick");
const ROUNDS = QUICK ? 5 : 15;
const TARGET_MS = QUICK ? 20 : 60; // per sample

/** Reads every field of every row, so lazy results cannot cheat. */
function consume(rows) {
  let n = 0;
  for (const row of rows) for (const key in row) n += String(row[key]).length;
  return n;
}

/** Times one implementation: ops per sample are calibrated once, then each sample is timed. */
function sampler(fn) {
  let reps = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < reps; i++) fn();
    const ms = performance.now() - t;
    if (ms > TARGET_MS / 4 || reps > 1e6) break;
    reps *= 2;
  }
  return () => {
    const t = performance.now();
    for (let i = 0; i < reps; i++) fn();
    return ((performance.now() - t) * 1000) / reps; // µs per op
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs implementations alternately, ROUNDS samples each after one warm-up round. */
function compare(name, impls) {
  const entries = Object.entries(impls).filter(([, fn]) => fn);
  const samplers = entries.map(([label, fn]) => [label, sampler(fn)]);
  const samples = Object.fromEntries(samplers.map(([label]) => [label, []]));
  for (let round = -1; round < ROUNDS; round++) {
    for (const [label, sample] of samplers) {
      const us = sample();
      if (round >= 0) samples[label].push(us);
    }
  }
  const medians = Object.fromEntries(Object.entries(samples).map(([l, xs]) => [l, median(xs)]));
  const oursUs = medians.ours;
  console.log(`\n${name}`);
  for (const [label, us] of Object.entries(medians)) {
    const other = label === BASELINE ? "baseline" : "peer";
    const ratio = label === "ours" ? "" : `  ours/${other} throughput ${(us / oursUs).toFixed(2)}×`;
    console.log(`  ${label.padEnd(28)} ${us.toFixed(2).padStart(10)} µs/op${ratio}`);
  }
  return medians;
}

const has = (fn) => typeof ours[fn] === "function";
const start = "2026-01-15";
const results = {};

// A: 360-period annuity schedule, every row materialised and every field read.
if (has("schedule")) {
  const input = { principal: "1000000", method: "annuity", periods: 360, annualRate: "0.049", startDate: start };
  results.A = compare("A: 360-period annuity schedule (rows materialised, every field read)", {
    ...oursAndBaseline((lib) => consume(lib.schedule(input).rows)),
    "loanjs (floats)": () => consume(Loan(1000000, 360, 4.9, "annuity").installments),
    "decimal.js schedule": () => consume(decimalAnnuity(1000000, 360, "0.049")),
    "float loop": () => consume(floatAnnuity(1000000, 360, 0.049)),
  });
  // B: 360-period equal-principal schedule.
  const inputB = { ...input, method: "equalPrincipal" };
  results.B = compare("B: 360-period equal-principal schedule", {
    ...oursAndBaseline((lib) => consume(lib.schedule(inputB).rows)),
    "loanjs (floats)": () => consume(Loan(1000000, 360, 4.9, "diminishing").installments),
    "float loop": () => consume(floatEqualPrincipal(1000000, 360, 0.049)),
  });
} else console.log("\nA, B: schedule() not in this build — skipped");

// C: APR of a 12-period fee instalment (IRR).
{
  const flows = [-12000, ...Array(12).fill(1072)]; // 12,000 at 0.6% a month fee: 1000 + 72 a period
  results.C = compare("C: APR of a 12-period fee instalment (IRR)", {
    ...oursAndBaseline((lib) => lib.irr({ values: flows })),
    ...(has("schedule") && {
      "ours: schedule(...).apr": () => ours.schedule({ principal: "12000", method: "feeInstalment", periods: 12, feeRate: "0.006", startDate: start }).apr.nominal,
    }),
    "financial (numpy port)": () => financial.irr(flows),
    "@formulajs/formulajs": () => formulajs.IRR(flows),
  });
}

// D: XIRR of 1,000 dated flows.
{
  const values = [];
  const dates = [];
  const day = Date.UTC(2020, 0, 1);
  for (let i = 0; i < 1000; i++) {
    values.push(i === 0 ? -500000 : 700 + (i % 7) * 3);
    dates.push(new Date(day + i * 86400000 * 3).toISOString().slice(0, 10));
  }
  const asDates = dates.map((d) => new Date(d));
  const transactions = values.map((amount, i) => ({ amount, when: asDates[i] }));
  results.D = compare("D: XIRR of 1,000 dated flows", {
    ...oursAndBaseline((lib) => lib.xirr({ values, dates })),
    "xirr (npm)": () => xirrPeer(transactions),
    "@formulajs/formulajs": () => formulajs.XIRR(values, asDates),
  });
}

// E: payoff plan, 20 debts over up to 360 months.
if (has("payoff")) {
  const debts = Array.from({ length: 20 }, (_, i) => ({
    name: `debt ${i + 1}`,
    balance: String(2000 + i * 1500),
    annualRate: (0.04 + (i % 10) * 0.02).toFixed(2),
    minimumPayment: String(20 + i * 5),
  }));
  const budget = 3500;
  results.E = compare("E: payoff plan, 20 debts (avalanche)", {
    ...oursAndBaseline((lib) => lib.payoff({ debts, monthlyBudget: String(budget), strategy: "avalanche", startDate: start }).months),
    "float loop (same algorithm)": () => floatPayoff(debts, budget),
  });
} else console.log("\nE: payoff() not in this build — skipped");

// F: cold start — import and first call in a new Node process.
{
  const coldStart = (entry) =>
    `const t=performance.now(); const m=await import(${JSON.stringify(entry.href)}); m.pmt({rate:"0.005",nper:360,pv:100000}); console.log(performance.now()-t)`;
  const programs = {
    ours: coldStart(new URL("../pkg/node.mjs", import.meta.url)),
    ...(baseline && { [BASELINE]: coldStart(new URL("node.mjs", baselineDir)) }),
    loanjs: `const t=performance.now(); const {Loan}=(await import("module")).createRequire(${JSON.stringify(import.meta.url)})("loanjs"); Loan(1000,12,5); console.log(performance.now()-t)`,
    "decimal.js": `const t=performance.now(); const D=(await import("module")).createRequire(${JSON.stringify(import.meta.url)})("decimal.js"); new D("1.5").mul(2).toFixed(2); console.log(performance.now()-t)`,
  };
  const samples = Object.fromEntries(Object.keys(programs).map((k) => [k, []]));
  for (let round = 0; round < (QUICK ? 3 : 9); round++) {
    for (const [label, code] of Object.entries(programs)) {
      const out = spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" });
      samples[label].push(Number(out.stdout.trim()));
    }
  }
  console.log("\nF: cold start, import + first call in a new Node process");
  for (const [label, xs] of Object.entries(samples)) console.log(`  ${label.padEnd(28)} ${median(xs).toFixed(2).padStart(10)} ms`);
}

// Growth: schedule and payoff cost by size (should be linear).
if (has("schedule")) {
  console.log("\nGrowth: schedule time by periods");
  for (const periods of [12, 120, 360, 600]) {
    const input = { principal: "1000000", method: "annuity", periods, annualRate: "0.049", startDate: start };
    const us = median(Array.from({ length: ROUNDS }, sampler(() => consume(ours.schedule(input).rows))));
    console.log(`  ${String(periods).padStart(4)} periods ${us.toFixed(1).padStart(9)} µs  (${(us / periods).toFixed(3)} µs/period)`);
  }
}
if (has("payoff")) {
  console.log("\nGrowth: payoff time by debts (same budget share)");
  for (const n of [1, 10, 50]) {
    const debts = Array.from({ length: n }, (_, i) => ({ name: `d${i}`, balance: "5000", annualRate: "0.12", minimumPayment: "100" }));
    const input = { debts, monthlyBudget: String(n * 250), strategy: "avalanche", startDate: start };
    const us = median(Array.from({ length: ROUNDS }, sampler(() => ours.payoff(input).months)));
    console.log(`  ${String(n).padStart(3)} debts ${us.toFixed(1).padStart(9)} µs  (${(us / n).toFixed(2)} µs/debt)`);
  }
}

// Ours against the baseline, case by case, with the floors of issue #12.
if (baseline) {
  console.log(`\nOurs against the ${BASELINE} package (throughput ratio; issue #12 floor)`);
  for (const [name, floor] of Object.entries(FLOORS)) {
    const medians = results[name];
    if (!medians?.[BASELINE]) {
      console.log(`  ${name}  not run`);
      continue;
    }
    const ratio = medians[BASELINE] / medians.ours;
    const verdict = ratio >= floor ? "meets" : "BELOW";
    console.log(`  ${name}  ${medians.ours.toFixed(2).padStart(9)} µs vs ${medians[BASELINE].toFixed(2).padStart(9)} µs  ${ratio.toFixed(2)}×  (floor ${floor}×: ${verdict})`);
  }
}

console.log(`\nmachine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
