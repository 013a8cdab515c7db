// Runs the same inputs through two builds of the package and reports every difference in
// results or errors (code, field, message, messageZh), byte for byte (JSON.stringify).
//
//   node scripts/compare-pkgs.mjs OLD_PKG_DIR [NEW_PKG_DIR=pkg] [--function NAME]
//
// Inputs: every fixture input (tests/fixtures/*.json) and, for each, mutations that should
// fail or change the result: each key dropped, misspelt, or set to null, "x", [], {}, -1, 0,
// 1e30, "1e2", true, 0.123; each array item likewise; an unknown key added. Used to prove a
// refactoring changed nothing a user sees (issue #12).
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const args = process.argv.slice(2);
const only = args.includes("--function") ? args[args.indexOf("--function") + 1] : null;
const dirs = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--function");
const require = createRequire(import.meta.url);
const load = (dir) => require(path.resolve(dir, "node.cjs"));
const [oldPkg, newPkg] = [load(dirs[0]), load(dirs[1] ?? "pkg")];

function outcome(pkg, name, input) {
  try {
    return { ok: JSON.stringify(pkg[name](input)) };
  } catch (e) {
    return { error: [e.name, e.code, e.field, e.message, e.messageZh].join(" | ") };
  }
}

const BAD = [null, "x", [], {}, -1, 0, 1e30, "1e2", true, 0.123, "2024-02-30", 12.5, "annuity"];

/** The input and its mutations. */
function* variants(input) {
  yield input;
  if (Array.isArray(input)) {
    for (let i = 0; i < input.length; i++) {
      for (const v of variants(input[i])) yield input.map((x, j) => (j === i ? v : x));
    }
    return;
  }
  if (typeof input !== "object" || input === null) {
    for (const bad of BAD) yield bad;
    return;
  }
  yield { ...input, zzUnknown: 1 };
  for (const key of Object.keys(input)) {
    const { [key]: dropped, ...rest } = input;
    yield rest;
    yield { ...rest, [key.slice(0, -1)]: dropped };
    for (const bad of BAD) yield { ...input, [key]: bad };
    const value = input[key];
    if (typeof value === "object" && value !== null) {
      for (const v of variants(value)) yield { ...input, [key]: v };
    }
  }
}

const fixtures = "tests/fixtures";
let compared = 0;
const differences = [];
for (const file of readdirSync(fixtures).filter((f) => f.endsWith(".json")).sort()) {
  for (const testCase of JSON.parse(readFileSync(path.join(fixtures, file), "utf8"))) {
    if (only && testCase.function !== only) continue;
    if (typeof newPkg[testCase.function] !== "function") continue;
    const seen = new Set();
    for (const input of variants(testCase.input)) {
      const key = JSON.stringify(input);
      if (seen.has(key)) continue;
      seen.add(key);
      compared++;
      const [a, b] = [outcome(oldPkg, testCase.function, input), outcome(newPkg, testCase.function, input)];
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        differences.push({ function: testCase.function, fixture: testCase.name, input: key.slice(0, 300), old: a, new: b });
      }
    }
  }
}
for (const d of differences.slice(0, 40)) console.log(JSON.stringify(d, null, 1).slice(0, 1500));
// Differences by function and by what changed (result, or error code old → new).
const kinds = {};
for (const d of differences) {
  const code = (o) => (o.error ? o.error.split(" | ")[1] : "result");
  const kind = `${d.function}: ${code(d.old)} → ${code(d.new)}`;
  kinds[kind] = (kinds[kind] ?? 0) + 1;
}
for (const [kind, n] of Object.entries(kinds).sort()) console.log(`${String(n).padStart(6)}  ${kind}`);
console.log(`${compared} inputs compared, ${differences.length} differences`);
process.exitCode = differences.length ? 1 : 0;
