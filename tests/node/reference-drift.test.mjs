// docs/reference.md against the package's TypeScript declarations (pkg/index.d.ts), which are
// generated from the Rust input and result types (src/api/ts.rs). Fails when:
//   - a field of a function's input or result type (at any depth) is not named in the function's
//     part of the reference (its "###" section, or its row of the time-value table, plus the
//     intro of its "##" area);
//   - a field table of the reference names a field the function's types do not have;
//   - a time-value row's `{ rate, nper, pv, fv?, type? }` differs from the input type (names or
//     which are optional);
//   - the error codes in the reference's Errors table differ from the `ErrorCode` type;
//   - a field table's "default" cell disagrees with a plain "default X" in the field's doc comment.
// Run `node --test tests/node/reference-drift.test.mjs` after `bash scripts/build.sh`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const dtsPath = join(root, "pkg/index.d.ts");

/** Functions whose input or result reuses another function's types, documented there. */
const SEE_ALSO = { compareOffers: ["schedule"], restructure: ["schedule"], cardInterest: ["overdue"] };
const NOT_API = new Set(["init", "initSync", "version", "default"]);

/** Every exported function of the declarations: its name and the fields of its input and result. */
export function apiFields(dtsText) {
  const fileName = resolve(root, "pkg/__drift__.d.ts");
  const options = { strict: true, noEmit: true, types: [], lib: ["lib.es2020.d.ts", "lib.dom.d.ts"] };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    name === fileName ? ts.createSourceFile(name, dtsText, language, true) : getSourceFile(name, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === fileName || fileExists(name);
  const program = ts.createProgram([fileName], options, host);
  const checker = program.getTypeChecker();
  const functions = new Map();
  for (const statement of program.getSourceFile(fileName).statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name || NOT_API.has(statement.name.text)) continue;
    const signature = checker.getSignatureFromDeclaration(statement);
    const input = statement.parameters[0] ? checker.getTypeAtLocation(statement.parameters[0]) : undefined;
    functions.set(statement.name.text, {
      input: fields(checker, input),
      result: fields(checker, checker.getReturnTypeOfSignature(signature)),
      topLevel: input ? top(checker, input) : new Map(),
      defaults: input ? defaults(checker, input) : new Map(),
    });
  }
  return functions;
}

/** name → optional, of the input's own properties (union members merged). */
function top(checker, type) {
  const out = new Map();
  for (const member of type.isUnion() ? type.types : [type]) {
    for (const p of checker.getPropertiesOfType(member)) out.set(p.name, (p.flags & ts.SymbolFlags.Optional) !== 0);
  }
  return out;
}

/**
 * name → default, of the input's own properties whose doc comment states a plain default
 * (`default 360`, `default: "annuity"`, `default false`); other wordings are not read.
 */
function defaults(checker, type) {
  const out = new Map();
  for (const member of type.isUnion() ? type.types : [type]) {
    for (const p of checker.getPropertiesOfType(member)) {
      const doc = ts.displayPartsToString(p.getDocumentationComment(checker));
      const found = /\bdefault:?\s+(`?)(-?\d+(?:\.\d+)?|true|false|"[^"]+")\1(?![\w%]|\.\d)/i.exec(doc);
      if (found) out.set(p.name, found[2].replaceAll('"', ""));
    }
  }
  return out;
}

/** Every property name reachable from `type` (through unions, intersections and arrays). */
function fields(checker, type, out = new Set(), seen = new Set()) {
  if (!type || seen.has(type)) return out;
  seen.add(type);
  if (type.isUnion() || type.isIntersection()) {
    for (const t of type.types) fields(checker, t, out, seen);
    if (type.isUnion()) return out;
  }
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    for (const t of checker.getTypeArguments(type)) fields(checker, t, out, seen);
    return out;
  }
  if (!(type.flags & ts.TypeFlags.Object) && !type.isIntersection()) return out;
  for (const p of checker.getPropertiesOfType(type)) {
    out.add(p.name);
    fields(checker, checker.getNonNullableType(checker.getTypeOfSymbol(p)), out, seen);
  }
  return out;
}

/** The reference split into a function's part: its section (or time-value row) and its area's intro. */
export function parts(reference) {
  const lines = reference.split("\n");
  const heading = (l) => /^(#{2,3}) /.exec(l)?.[1].length;
  const out = new Map();
  let areaIntro = [];
  for (let i = 0; i < lines.length; i++) {
    if (heading(lines[i]) === 2) {
      areaIntro = [];
      for (let j = i + 1; j < lines.length && !heading(lines[j]); j++) areaIntro.push(lines[j]);
    }
    const fn = /^### `(\w+)\(/.exec(lines[i]);
    if (fn) {
      const body = [];
      for (let j = i + 1; j < lines.length && !heading(lines[j]); j++) body.push(lines[j]);
      out.set(fn[1], { own: body.join("\n"), intro: areaIntro.join("\n") });
    }
    const row = /^\| `(\w+)` \| `\{ ([^}]*) \}` \|/.exec(lines[i]);
    if (row) out.set(row[1], { own: lines[i], intro: areaIntro.join("\n"), braces: row[2] });
  }
  return out;
}

/** Every identifier inside a code span of `text`. */
function named(text) {
  const out = new Set();
  for (const [, code] of text.matchAll(/`([^`\n]+)`/g)) for (const w of code.match(/[A-Za-z_]\w*/g) ?? []) out.add(w);
  return out;
}

/** The field names in the first column of the section's `| field | …` tables. */
function tableFields(text) {
  const out = [];
  let inTable = false;
  for (const line of text.split("\n")) {
    if (/^\| (?:\w+ )?field \|/.test(line)) inTable = true;
    else if (!line.startsWith("|")) inTable = false;
    else if (inTable && !/^\|---/.test(line)) {
      const first = line.replace(/\\\|/g, "¦").split("|")[1];
      for (const [, code] of first.matchAll(/`([^`]+)`/g)) {
        for (const w of code.replace(/\[[^\]]*\]/g, "").split(/[.¦\s,]+/)) if (/^[a-z]\w*$/.test(w)) out.push(w);
      }
    }
  }
  return out;
}

/** field → its "default" cell, of the section's field tables that have a default column. */
function tableDefaults(text) {
  const out = new Map();
  let column = -1;
  for (const line of text.split("\n")) {
    const cells = line.replace(/\\\|/g, "¦").split("|").map((c) => c.trim());
    if (/^\| (?:\w+ )?field \|/.test(line)) column = cells.indexOf("default");
    else if (!line.startsWith("|")) column = -1;
    else if (column > 0 && !/^\|---/.test(line)) {
      const field = /^`(\w+)`$/.exec(cells[1])?.[1];
      if (field) out.set(field, cells[column].replace(/[`"]/g, ""));
    }
  }
  return out;
}

/** Every disagreement between the declarations and the reference, as readable lines. */
export function drift(dtsText, reference) {
  const problems = [];
  const api = apiFields(dtsText);
  const docs = parts(reference);
  for (const [name, types] of api) {
    const part = docs.get(name);
    if (!part) {
      problems.push(`${name}: no section in docs/reference.md`);
      continue;
    }
    const related = [part, ...(SEE_ALSO[name] ?? []).map((n) => docs.get(n)).filter(Boolean)];
    const mentioned = named(related.map((p) => `${p.own}\n${p.intro}`).join("\n"));
    for (const [kind, set] of [["input", types.input], ["result", types.result]]) {
      for (const field of set) if (!mentioned.has(field)) problems.push(`${name}: ${kind} field \`${field}\` is not in the reference`);
    }
    const known = new Set([...types.input, ...types.result]);
    for (const field of tableFields(part.own)) {
      if (!known.has(field)) problems.push(`${name}: the reference names \`${field}\`, which the types do not have`);
    }
    const documentedDefaults = tableDefaults(part.own);
    for (const [field, value] of types.defaults) {
      const cell = documentedDefaults.get(field);
      const numbers = (cell ?? "").match(/-?\d+(?:\.\d+)?/g) ?? [];
      const same = /^-?\d/.test(value)
        ? numbers.some((n) => Number(n) === Number(value))
        : new RegExp(`(^|[^\\w])${value}($|[^\\w])`).test(cell ?? "");
      if (cell !== undefined && !same) {
        problems.push(`${name}: the reference gives \`${field}\` the default "${cell}", the types say ${value}`);
      }
    }
    if (part.braces !== undefined) {
      const listed = new Map(part.braces.split(",").map((s) => s.trim()).filter(Boolean).map((s) => [s.replace("?", ""), s.endsWith("?")]));
      for (const [field, optional] of types.topLevel) {
        if (!listed.has(field)) problems.push(`${name}: \`${field}\` is missing from { ${part.braces} }`);
        else if (listed.get(field) !== optional) problems.push(`${name}: \`${field}\` is ${optional ? "optional" : "required"} in the types`);
      }
      for (const field of listed.keys()) if (!types.topLevel.has(field)) problems.push(`${name}: { ${part.braces} } names \`${field}\`, which the input does not have`);
    }
  }
  for (const name of docs.keys()) if (!api.has(name)) problems.push(`${name}: documented, but not a function of the package`);
  const codes = new Set([...(/export type ErrorCode = ([^;]+);/.exec(dtsText)?.[1] ?? "").matchAll(/"(\w+)"/g)].map((m) => m[1]));
  const errors = /^## Errors\n([\s\S]*?)^## /m.exec(reference)?.[1] ?? "";
  const documented = new Set([...errors.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]));
  for (const code of codes) if (!documented.has(code)) problems.push(`error code ${code} is not in the reference's Errors table`);
  for (const code of documented) if (!codes.has(code)) problems.push(`the reference's Errors table has ${code}, which ErrorCode does not`);
  // The overdue warning, next-step and timeline milestone codes: generated unions against their tables.
  for (const [type, heading] of [["OverdueWarningCode", "Warning codes"], ["NextStepCode", "Next-step codes"], ["MilestoneCode", "Timeline milestone codes"]]) {
    const union = new RegExp(`type ${type} = ([^;]+);`).exec(dtsText)?.[1];
    if (!union) continue;
    const typed = new Set([...union.matchAll(/"(\w+)"/g)].map((m) => m[1]));
    const table = new RegExp(`^### ${heading}\\n([\\s\\S]*?)^##`, "m").exec(reference)?.[1] ?? "";
    const listed = new Set([...table.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]));
    for (const code of typed) if (!listed.has(code)) problems.push(`${type} ${code} is not in the reference's ${heading} table`);
    for (const code of listed) if (!typed.has(code)) problems.push(`the reference's ${heading} table has ${code}, which ${type} does not`);
  }
  return problems;
}

/**
 * The warning codes the schedule builder can emit (string literals of src/schedule/ that look
 * like codes, less the error codes) against the schedule section's warnings table: until
 * `schedule` is generated from serde types (issue #12) its codes have no TypeScript union.
 */
export function scheduleWarningDrift(reference, errorCodes) {
  const source = readdirSync(join(root, "src/schedule")).map((f) => readFileSync(join(root, "src/schedule", f), "utf8")).join("\n");
  const emitted = new Set([...source.matchAll(/"([A-Z][A-Z0-9]*_[A-Z0-9_]+)"/g)].map((m) => m[1]).filter((c) => !errorCodes.has(c)));
  const section = parts(reference).get("schedule")?.own ?? "";
  const table = /^Warnings \(`code`\):\n([\s\S]*?)^####/m.exec(section)?.[1] ?? "";
  const listed = new Set([...table.matchAll(/`([A-Z][A-Z0-9]*_[A-Z0-9_]+)`/g)].map((m) => m[1]));
  return [
    ...[...emitted].filter((c) => !listed.has(c)).map((c) => `schedule warning ${c} is not in the reference's warnings table`),
    ...[...listed].filter((c) => !emitted.has(c)).map((c) => `the reference's schedule warnings table has ${c}, which the builder never emits`),
  ];
}

const ready = existsSync(dtsPath);
const reference = readFileSync(join(root, "docs/reference.md"), "utf8");

test("docs/reference.md matches the package's types", { skip: !ready && "build pkg/ first" }, () => {
  assert.deepEqual(drift(readFileSync(dtsPath, "utf8"), reference), []);
});

test("a field renamed in the types is reported", { skip: !ready && "build pkg/ first" }, () => {
  const dts = readFileSync(dtsPath, "utf8").replace(/(export type PmtInput = \{[\s\S]*?)\bnper: /, "$1periods: ");
  assert.deepEqual(drift(dts, reference).filter((p) => p.startsWith("pmt:")), [
    "pmt: input field `periods` is not in the reference",
    "pmt: `periods` is missing from { rate, nper, pv, fv?, type? }",
    "pmt: { rate, nper, pv, fv?, type? } names `nper`, which the input does not have",
  ]);
});

test("a renamed schedule input field is reported both ways", { skip: !ready && "build pkg/ first" }, () => {
  const dts = readFileSync(dtsPath, "utf8").replace(/(export type ScheduleInput = \{[\s\S]*?)\bupfrontFee\?: /, "$1upfrontCharge?: ");
  assert.deepEqual(drift(dts, reference).filter((p) => p.startsWith("schedule:")), [
    "schedule: input field `upfrontCharge` is not in the reference",
    "schedule: the reference names `upfrontFee`, which the types do not have",
  ]);
});

test("a renamed budget input field is reported both ways (its table is headed `input field`)", { skip: !ready && "build pkg/ first" }, () => {
  const dts = readFileSync(dtsPath, "utf8").replace(/(export type BudgetInput = \{[\s\S]*?)\bmonthlyIncome: /, "$1netMonthlyIncome: ");
  assert.deepEqual(drift(dts, reference).filter((p) => p.startsWith("budget:")), [
    "budget: input field `netMonthlyIncome` is not in the reference",
    "budget: the reference names `monthlyIncome`, which the types do not have",
  ]);
});

test("a default changed in the types but not in the reference is reported", { skip: !ready && "build pkg/ first" }, () => {
  const dts = readFileSync(dtsPath, "utf8");
  const changed = dts.replace("0 … 30; default 3.", "0 … 30; default 5.");
  assert.notEqual(changed, dts, "cardInterest's graceDays doc comment changed: update this test");
  assert.deepEqual(drift(changed, reference), ['cardInterest: the reference gives `graceDays` the default "3", the types say 5']);
});

test("a warning code added in Rust but not in the reference is reported", { skip: !ready && "build pkg/ first" }, () => {
  const dts = readFileSync(dtsPath, "utf8").replace('"GRACE_ENDING"', '"GRACE_ENDING" | "GRACE_ENDED"');
  assert.deepEqual(drift(dts, reference), ["OverdueWarningCode GRACE_ENDED is not in the reference's Warning codes table"]);
});

test("a timeline milestone code missing from the reference is reported", { skip: !ready && "build pkg/ first" }, () => {
  const dts = readFileSync(dtsPath, "utf8");
  const changed = dts.replace('"LEGAL_ACTION"', '"LEGAL_ACTION" | "DEBT_SOLD"');
  assert.notEqual(changed, dts, "MilestoneCode changed: update this test");
  assert.deepEqual(drift(changed, reference), ["MilestoneCode DEBT_SOLD is not in the reference's Timeline milestone codes table"]);
  assert.deepEqual(drift(dts, reference.replace("| `BUCKET_M3` | 61 |", "| `BUCKET_M4` | 91 |")), [
    "MilestoneCode BUCKET_M3 is not in the reference's Timeline milestone codes table",
    "the reference's Timeline milestone codes table has BUCKET_M4, which MilestoneCode does not",
  ]);
});

test("the schedule's warning codes in the reference are the ones the builder emits", { skip: !ready && "build pkg/ first" }, () => {
  const errorCodes = new Set([.../export type ErrorCode = ([^;]+);/.exec(readFileSync(dtsPath, "utf8"))[1].matchAll(/"(\w+)"/g)].map((m) => m[1]));
  assert.ok(errorCodes.has("OUT_OF_RANGE"));
  assert.deepEqual(scheduleWarningDrift(reference, errorCodes), []);
  assert.deepEqual(scheduleWarningDrift(reference.replace("| `UPFRONT_FEE` |", "| `UPFRONT_CHARGE` |"), errorCodes), [
    "schedule warning UPFRONT_FEE is not in the reference's warnings table",
    "the reference's schedule warnings table has UPFRONT_CHARGE, which the builder never emits",
  ]);
});
