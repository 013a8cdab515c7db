// Boundary fuzzing against the built package: hostile JS values in every field of every function.
//
// Every call must either return a plain JSON-like result or throw a RepaymentPlanError with a
// documented code — never a RuntimeError (a wasm trap), never another exception, never a hang —
// and a normal call right after must still return the reference result.
//
//   node tests/fuzz/hostile.mjs [--count N] [--seed S]     (default 100000 inputs)
// The Node test suite runs a short, seeded run of the same generator (tests/node/fuzz.test.mjs).

import * as lib from "../node/package.mjs";
import { cases } from "./cases.mjs";

export const DOCUMENTED_CODES = new Set([
  "INVALID_INPUT", "INVALID_TYPE", "INVALID_NUMBER", "OUT_OF_RANGE", "MISSING_FIELD",
  "UNKNOWN_FIELD", "INVALID_DATE", "INVALID_OPTION", "CONFLICTING_FIELDS", "NO_SOLUTION",
]);

/** Small, fast, seeded PRNG (mulberry32), so every failure can be replayed from its seed. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tenMegabytes = "9".repeat(10 * 1024 * 1024);
function deep(depth) {
  let v = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}
function throwingGetter() {
  const o = {};
  Object.defineProperty(o, "x", { enumerable: true, get() { throw new Error("getter threw"); } });
  return o;
}

/** Values nobody should pass, and a few edge values that are valid in some fields. */
export const HOSTILE = [
  () => null, () => undefined, () => NaN, () => Infinity, () => -Infinity, () => -0, () => 0,
  () => 1e308, () => -1e308, () => 5e-324, () => 2 ** 53 + 2, () => 0.1 + 0.2, () => -1, () => 1e15, () => 1e-7,
  () => "1e400", () => "", () => " ", () => "💸💸", () => "１２", () => "0x1F", () => "-", () => "1e2", () => "1_000",
  () => "NaN", () => "Infinity", () => "-0.00", () => "00012.50", () => "0.000000000000000000000000000001",
  () => "79228162514264337593543950335", () => "2025-02-30", () => "2024-02-29", () => "1899-12-31", () => "2200-12-31",
  () => "9999-99-99", () => "<img src=x onerror=alert(1)>", () => "\u0000", () => "\ud800",
  () => tenMegabytes, () => [], () => [1], () => [null], () => {}, () => ({ a: 1 }), () => deep(200), () => deep(5000),
  () => JSON.parse('{"__proto__": {"polluted": true}}'), () => ({ constructor: 1 }), () => throwingGetter(),
  () => new Proxy({}, { ownKeys() { throw new Error("proxy threw"); } }),
  () => true, () => false, () => Symbol("s"), () => 10n, () => () => 1, () => new Date(0), () => new Number(5),
  () => new String("1"), () => Array.from({ length: 1000 }, () => 1), () => Object.create(null),
];

const clone = (v) => (v === undefined ? undefined : structuredClone(v));

/** Every path (array of keys) to a value inside a valid input. */
function paths(value, prefix = []) {
  const out = [prefix];
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, Array.isArray(value) ? Number(k) : k]));
  }
  return out;
}

function setAt(root, path, value) {
  if (path.length === 0) return value;
  let node = root;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path.at(-1)] = value;
  return root;
}

/** One hostile variant of a valid input. */
export function mutate(valid, rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const input = clone(valid);
  const roll = rand();
  if (roll < 0.08) return pick(HOSTILE)();
  if (roll < 0.16) return { ...input, [pick(["anualRate", "extra", "__proto__", "constructor", "toString", "periodz"])]: pick(HOSTILE)() };
  const path = pick(paths(input).slice(1));
  if (!path) return pick(HOSTILE)();
  if (roll < 0.24) {
    // Delete the field.
    const parent = path.slice(0, -1).reduce((n, k) => n[k], input);
    if (Array.isArray(parent)) parent.splice(path.at(-1), 1);
    else delete parent[path.at(-1)];
    return input;
  }
  return setAt(input, path, pick(HOSTILE)());
}

function isJsonLike(v, depth = 0) {
  if (depth > 64) return false;
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => isJsonLike(x, depth + 1));
  if (typeof v === "object") return Object.values(v).every((x) => isJsonLike(x, depth + 1));
  return false;
}

/** Runs `count` hostile calls; returns counts, throws on the first violation. */
export function fuzz({ count, seed = 1, log = () => {} }) {
  const rand = random(seed);
  const stats = { calls: 0, returned: 0, errors: {} };
  const slowest = { ms: 0, name: "" };
  for (let i = 0; i < count; i++) {
    const c = cases[Math.floor(rand() * cases.length)];
    const input = mutate(c.input, rand);
    const started = performance.now();
    let result;
    let thrown;
    try {
      result = lib[c.fn](input);
    } catch (error) {
      thrown = error;
    }
    const ms = performance.now() - started;
    if (ms > slowest.ms) Object.assign(slowest, { ms, name: c.fn });
    stats.calls++;
    const where = `call ${i} (seed ${seed}) ${c.fn}(${describe(input)})`;
    if (thrown) {
      if (thrown?.name !== "RepaymentPlanError" || !DOCUMENTED_CODES.has(thrown.code) || typeof thrown.field !== "string"
        || !thrown.message || !thrown.messageZh) {
        throw new Error(`${where} threw something else: ${thrown?.stack ?? thrown}`);
      }
      stats.errors[thrown.code] = (stats.errors[thrown.code] ?? 0) + 1;
    } else {
      if (!isJsonLike(result)) throw new Error(`${where} returned a non-JSON value`);
      stats.returned++;
    }
    // The module is not poisoned: the reference call still gives the reference result.
    const again = lib[c.fn](c.input);
    if (JSON.stringify(c.check(again)) !== JSON.stringify(c.check(c.expected ?? again))) {
      throw new Error(`${where}: the next normal call returned a different result`);
    }
    if (i > 0 && i % 20000 === 0) log(`${i} calls…`);
  }
  return { ...stats, slowestMs: Math.round(slowest.ms), slowestFunction: slowest.name };
}

function describe(input) {
  try {
    const text = JSON.stringify(input, (k, v) => (typeof v === "bigint" ? `${v}n` : v));
    return text === undefined ? String(input) : text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return Object.prototype.toString.call(input);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const count = arg("--count", 100000);
  const seed = arg("--seed", Date.now() % 1e9);
  for (const c of cases) c.expected = lib[c.fn](c.input);
  const started = performance.now();
  const stats = fuzz({ count, seed, log: console.log });
  console.log(JSON.stringify({ seed, ...stats, seconds: Math.round((performance.now() - started) / 1000) }, null, 2));
  console.log(`hostile inputs: ${stats.calls} passed, 0 failed`);
}
