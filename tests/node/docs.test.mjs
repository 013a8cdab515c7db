// The documentation's examples and links, checked against the built package (pkg/).
//
// Every ```js run block in README.md, README.zh-CN.md and docs/*.md runs in its own Node
// process against pkg/ (`import … from "repayment-plan"` / `require("repayment-plan")` are
// pointed at pkg/node.mjs / pkg/node.cjs). A line ending in `// → <JS value>` asserts that the
// expression before the comment deep-equals that value; a block may also use node:assert
// itself. A block with no check fails: an example that asserts nothing could drift unseen.
// Other fences (```js without `run`, ```html, ```sh) are illustrations and are not run; the
// browser and bundler entries are exercised by tests/packaging/.
//
// Every relative link in the same files must name an existing file, and a `#fragment` into a
// Markdown file must match one of its headings (GitHub's anchor rules).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync, existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const pkg = join(root, "pkg");
const files = [
  "README.md",
  "README.zh-CN.md",
  ...readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`),
];

/** The fenced blocks of a Markdown text: { info, code, line } (line: 1-based, of the first code line). */
export function fences(text) {
  const blocks = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, marker, info] = open;
    const body = [];
    let j = i + 1;
    while (j < lines.length && !lines[j].trimStart().startsWith(marker)) body.push(lines[j++].slice(indent.length));
    blocks.push({ info: info.trim(), code: body.join("\n"), line: i + 2 });
    i = j;
  }
  return blocks;
}

/** The example as a runnable module: package specifiers resolved, `// →` lines turned into checks. */
export function runnable(code, where) {
  const commonjs = /\brequire\(/.test(code);
  let checks = 0;
  const body = code
    .split("\n")
    .map((line, k) => {
      const arrow = /^(\s*)(.+?);?\s*\/\/ → (.+)$/.exec(line);
      if (!arrow) return line;
      const [, indent, expr, expected] = arrow;
      if (/^(const|let|var|import|return)\b/.test(expr)) {
        throw new Error(`${where}+${k}: put the value checked by "// →" in an expression of its own`);
      }
      checks++;
      return `${indent}__expect((${expr}), (${expected}), ${JSON.stringify(`${where}+${k}`)});`;
    })
    .join("\n")
    .replaceAll('from "repayment-plan"', `from ${JSON.stringify(pathToFileURL(join(pkg, "node.mjs")).href)}`)
    .replaceAll('require("repayment-plan")', `require(${JSON.stringify(join(pkg, "node.cjs"))})`);
  if (/\bassert\b/.test(code)) checks++;
  const prelude = commonjs
    ? 'const __assert = require("node:assert/strict");'
    : 'import __assert from "node:assert/strict";';
  const expect = "function __expect(actual, expected, where) { __assert.deepStrictEqual(actual, expected, where); }";
  return { source: `${prelude}\n${expect}\n${body}\n`, commonjs, checks };
}

const examples = files.flatMap((file) =>
  fences(readFileSync(join(root, file), "utf8"))
    .filter((b) => /^js\b/.test(b.info) && b.info.split(/\s+/).includes("run"))
    .map((b) => ({ ...b, where: `${file}:${b.line}` })),
);

test("the README has a runnable example for Node ESM, Node CJS and the bundler entry", () => {
  const readme = examples.filter((e) => e.where.startsWith("README.md:"));
  assert.ok(readme.some((e) => e.code.includes('from "repayment-plan"') && !e.code.includes("init")), "ESM");
  assert.ok(readme.some((e) => e.code.includes('require("repayment-plan")')), "CJS");
  assert.ok(readme.some((e) => e.code.includes("await init()")), "bundler");
  assert.ok(examples.length >= 8, `only ${examples.length} runnable examples`);
});

test("docs/reference.md has a worked example that runs for every function of the package", async () => {
  assert.ok(existsSync(join(pkg, "node.mjs")), "build pkg/ first: bash scripts/build.sh");
  const api = await import(pathToFileURL(join(pkg, "node.mjs")).href);
  const functions = Object.keys(api).filter((name) => typeof api[name] === "function" && !["init", "initSync", "version", "default"].includes(name));
  const reference = examples.filter((e) => e.where.startsWith("docs/reference.md:")).map((e) => e.code).join("\n");
  const missing = functions.filter((name) => !new RegExp(`\\b${name}\\(`).test(reference));
  assert.ok(functions.length >= 21, `only ${functions.length} functions found in pkg/node.mjs`);
  assert.deepEqual(missing, [], `functions without a runnable worked example in docs/reference.md: ${missing.join(", ")}`);
});

const work = mkdtempSync(join(tmpdir(), "docs-examples-"));
test.after(() => rmSync(work, { recursive: true, force: true }));

for (const example of examples) {
  test(`example ${example.where}`, () => {
    assert.ok(existsSync(join(pkg, "node.mjs")), "build pkg/ first: bash scripts/build.sh");
    const { source, commonjs, checks } = runnable(example.code, example.where);
    assert.ok(checks > 0, `${example.where}: the example checks nothing (add "// → value" or node:assert)`);
    const file = join(work, `${example.where.replace(/[^\w]+/g, "_")}.${commonjs ? "cjs" : "mjs"}`);
    writeFileSync(file, source);
    const run = spawnSync(process.execPath, [file], { encoding: "utf8" });
    assert.equal(run.status, 0, `${example.where} failed:\n${run.stderr}`);
  });
}

test("a wrong value after // → fails the example", () => {
  const { source } = runnable('const { pmt } = require("repayment-plan");\npmt({ rate: "0.005", nper: 360, pv: 100000 }); // → "-599.55"', "self-test");
  const file = join(work, "self-test.cjs");
  writeFileSync(file, source);
  const run = spawnSync(process.execPath, [file], { encoding: "utf8" });
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /-599\.5505251528/);
});

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading) {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, "")
    .replace(/ /g, "-");
}

function anchors(text) {
  const seen = new Map();
  const out = new Set();
  const outside = fences(text).reduce((t, b) => t.replace(b.code, ""), text);
  for (const m of outside.matchAll(/^#{1,6} (.+)$/gm)) {
    const base = slug(m[1].trim());
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

test("every relative link names an existing file and heading", () => {
  const broken = [];
  for (const file of files) {
    const text = readFileSync(join(root, file), "utf8");
    const prose = fences(text).reduce((t, b) => t.replace(b.code, ""), text).replace(/`[^`\n]*`/g, "");
    for (const [, target] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      const [path, fragment] = target.split("#");
      const resolved = path ? resolve(dirname(join(root, file)), path) : join(root, file);
      if (!existsSync(resolved)) {
        broken.push(`${file}: ${target} (no such file)`);
      } else if (fragment !== undefined && resolved.endsWith(".md") && !anchors(readFileSync(resolved, "utf8")).has(decodeURIComponent(fragment))) {
        broken.push(`${file}: ${target} (no such heading)`);
      }
    }
  }
  assert.deepEqual(broken, []);
});

test("the package's README is the repository's README", { skip: !existsSync(join(pkg, "README.md")) }, () => {
  assert.equal(readFileSync(join(pkg, "README.md"), "utf8"), readFileSync(join(root, "README.md"), "utf8"));
});
