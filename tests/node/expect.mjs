// Helpers shared by the Node tests.
import assert from "node:assert/strict";

/** Asserts `fn()` throws a RepaymentPlanError with `code` (and `field` when given). */
export function assertError(fn, code, field) {
  let thrown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown, `expected ${code}, but nothing was thrown`);
  assert.equal(thrown.name, "RepaymentPlanError", `not a RepaymentPlanError: ${thrown?.stack ?? thrown}`);
  assert.ok(thrown instanceof Error);
  assert.equal(thrown.code, code, thrown.message);
  if (field !== undefined) assert.equal(thrown.field, field, thrown.message);
  assert.ok(thrown.message.length > 0 && thrown.messageZh.length > 0);
  return thrown;
}

/** `expected` is a subset of `actual` (see tests/fixtures/README.md). */
export function assertSubset(actual, expected, path = "") {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path}: expected an array`);
    assert.ok(actual.length >= expected.length, `${path}: expected at least ${expected.length} items`);
    expected.forEach((item, i) => assertSubset(actual[i], item, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === "object") {
    assert.ok(actual !== null && typeof actual === "object", `${path}: expected an object`);
    for (const [key, value] of Object.entries(expected)) {
      assert.ok(key in actual, `${path}.${key}: missing`);
      assertSubset(actual[key], value, `${path}.${key}`);
    }
  } else {
    assert.deepEqual(actual, expected, `${path}`);
  }
}
