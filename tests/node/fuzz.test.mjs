// A short seeded run of the boundary fuzzer (tests/fuzz/hostile.mjs); the long run is
// `node tests/fuzz/hostile.mjs --count 100000` (see README).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as lib from "./package.mjs";
import { cases } from "../fuzz/cases.mjs";
import { fuzz } from "../fuzz/hostile.mjs";

test("every exported function has a fuzz case", () => {
  const exported = Object.keys(lib).filter((k) => typeof lib[k] === "function" && !["init", "initSync", "default", "version"].includes(k));
  const covered = new Set(cases.map((c) => c.fn));
  assert.deepEqual(exported.filter((k) => !covered.has(k)), []);
});

test("hostile inputs: errors with documented codes, no traps, no poisoning", { timeout: 120000 }, () => {
  for (const c of cases) c.expected = lib[c.fn](c.input);
  const count = Number(process.env.FUZZ_COUNT ?? 3000);
  const stats = fuzz({ count, seed: 20261128 });
  assert.equal(stats.calls, count);
  assert.ok(stats.returned > 0 && Object.keys(stats.errors).length >= 5, JSON.stringify(stats));
  console.log(`fuzz: ${JSON.stringify(stats)}`);
});
