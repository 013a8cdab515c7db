// The schedule row path alone, warm: ours and the baseline package (bench/baseline/, built by
// bench/baseline.sh) alternated in one process, 9 rounds of 400 calls after 100 warm-up calls
// each, every row's every field read; prints the medians. `bench/run.mjs` times the same call as
// its case A among the peers, where V8's tier-up and the other cases' garbage weigh on it; this
// isolates the steady state.
//
//   node bench/rows.mjs
import { existsSync } from "node:fs";
import * as ours from "../pkg/node.mjs";

const baselineUrl = new URL("./baseline/node.mjs", import.meta.url);
if (!existsSync(baselineUrl)) throw new Error("bench/baseline/ is missing: run bash bench/baseline.sh");
const baseline = await import(baselineUrl.href);

function consume(rows) {
  let n = 0;
  for (const row of rows) for (const key in row) n += String(row[key]).length;
  return n;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const start = "2026-01-15";
for (const method of ["annuity", "equalPrincipal"]) {
  const input = { principal: "1000000", method, periods: 360, annualRate: "0.049", startDate: start };
  // The rows are the same (the baseline predates some result fields, not the rows).
  if (JSON.stringify(ours.schedule(input).rows) !== JSON.stringify(baseline.schedule(input).rows)) throw new Error(`${method}: rows differ`);
  const times = { ours: [], baseline: [] };
  for (let round = 0; round < 9; round++) {
    for (const [label, lib] of [["ours", ours], ["baseline", baseline]]) {
      for (let i = 0; i < 100; i++) consume(lib.schedule(input).rows);
      const t = performance.now();
      for (let i = 0; i < 400; i++) consume(lib.schedule(input).rows);
      times[label].push(((performance.now() - t) / 400) * 1000);
    }
  }
  const [o, b] = [median(times.ours), median(times.baseline)];
  console.log(`${method.padEnd(15)} ours ${o.toFixed(0).padStart(5)} µs  baseline ${b.toFixed(0).padStart(5)} µs  ours/baseline throughput ${(b / o).toFixed(2)}×`);
}
