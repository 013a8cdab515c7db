// The boundary conventions every function shares: number grammar, error model, recovery.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as lib from "./package.mjs";
import { assertError } from "./expect.mjs";

const ok = { rate: "0.005", nper: 360, pv: 100000 };
const reference = "-599.5505251528";

test("numbers: strings and JS numbers, read exactly", () => {
  assert.equal(lib.pmt(ok), reference);
  assert.equal(lib.pmt({ rate: 0.005, nper: "360", pv: "100000.00" }), reference);
  assert.equal(lib.npv({ rate: 0, values: [0.1, 0.2] }), "0.3000000000"); // 0.1 is exactly 0.1
  assert.equal(lib.pmt({ ...ok, pv: -0 }), "0.0000000000");
  assert.equal(lib.pmt({ ...ok, fv: undefined }), reference, "undefined means absent");
});

test("numbers: every malformed form is INVALID_NUMBER with its field", () => {
  for (const bad of ["1e2", "1_000", " 1", "1 ", "", "NaN", "Infinity", "+1", ".5", "1.", "0x10", "1,000", "１"]) {
    assertError(() => lib.pmt({ ...ok, pv: bad }), "INVALID_NUMBER", "pv");
  }
  for (const bad of [NaN, Infinity, -Infinity, null]) assertError(() => lib.pmt({ ...ok, pv: bad }), "INVALID_NUMBER", "pv");
  assertError(() => lib.pmt({ ...ok, pv: "1".repeat(29) }), "INVALID_NUMBER", "pv");
  assertError(() => lib.pmt({ ...ok, pv: "1".repeat(10_000_000) }), "INVALID_NUMBER", "pv");
  assertError(() => lib.pmt({ ...ok, pv: 1e300 }), "INVALID_NUMBER", "pv");
  assertError(() => lib.pmt({ ...ok, pv: "1e400" }), "INVALID_NUMBER", "pv");
  assertError(() => lib.pmt({ ...ok, pv: 1e16 }), "OUT_OF_RANGE", "pv");
  assertError(() => lib.pmt({ ...ok, pv: [1] }), "INVALID_TYPE", "pv");
  assertError(() => lib.pmt({ ...ok, pv: true }), "INVALID_TYPE", "pv");
});

test("unknown keys are rejected with a suggestion", () => {
  const e = assertError(() => lib.pmt({ rate: "0.005", nper: 360, pv: 1, typ: 1 }), "UNKNOWN_FIELD", "typ");
  assert.match(e.message, /did you mean type\?/);
  assert.match(e.messageZh, /type/);
  assertError(() => lib.pmt({ rat: "0.005", nper: 360, pv: 1 }), "UNKNOWN_FIELD", "rat");
  assertError(() => lib.pmt(JSON.parse('{"__proto__": 1, "rate": 0, "nper": 1, "pv": 1}')), "UNKNOWN_FIELD", "__proto__");
});

test("hostile JS values are errors, never traps", () => {
  const cyclic = { ...ok };
  cyclic.self = cyclic;
  const cases = [
    undefined, null, 42, "text", [], [ok], () => 1, Symbol("s"), 10n,
    { ...ok, pv: 10n },
    cyclic,
    { get rate() { throw new Error("getter threw"); }, nper: 1, pv: 1 },
    new Proxy({}, { ownKeys() { throw new Error("proxy threw"); } }),
    JSON.parse("[".repeat(5000) + "]".repeat(5000)),
  ];
  for (const input of cases) {
    for (const fn of [lib.pmt, lib.irr, lib.xirr, lib.npv]) {
      let thrown;
      try {
        fn(input);
      } catch (error) {
        thrown = error;
      }
      assert.ok(thrown, "expected an error");
      assert.equal(thrown.name, "RepaymentPlanError", String(thrown?.stack ?? thrown));
      assert.ok(["INVALID_INPUT", "MISSING_FIELD", "INVALID_TYPE", "INVALID_NUMBER"].includes(thrown.code), thrown.code);
    }
    assert.equal(lib.pmt(ok), reference, "the next call still works");
  }
});

test("a JS Date is not a date string", () => {
  assertError(() => lib.xirr({ values: [-1, 2], dates: [new Date(0), "2020-01-01"] }), "INVALID_DATE", "dates[0]");
});

test("error objects carry every documented part", () => {
  const e = assertError(() => lib.pmt({ rate: 0, nper: 0, pv: 1 }), "OUT_OF_RANGE", "nper");
  assert.equal(typeof e.stack, "string");
  assert.deepEqual(Object.keys(e).sort(), ["code", "field", "messageZh", "name"]);
});

test("init is idempotent in Node and version is exposed", async () => {
  await lib.init();
  await lib.default();
  lib.initSync();
  assert.match(lib.version(), /^\d+\.\d+\.\d+$/);
});
