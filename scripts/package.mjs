// Writes the hand-written entry points, types and package.json into pkg/, then checks the size
// budget. Run by scripts/build.sh after wasm-bindgen.
import { readFileSync, writeFileSync, copyFileSync, statSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { transformSync } from "esbuild";

const root = new URL("..", import.meta.url);
const at = (p) => new URL(p, root);
const pkg = (p) => at(`pkg/${p}`);

/**
 * Issue #12's target for what a browser downloads (the web .wasm, its glue and index.js),
 * gzipped: 150 KB (153,600 bytes). NOT MET YET: the serde stack measures about 174 KB while
 * schedule, compareOffers and restructure still also carry the old JSON reader and writer
 * (docs/performance.md has the breakdown). Printed by every build, with the distance to it.
 */
export const GZIP_TARGET_BYTES = 150 * 1024;

/**
 * The enforced ceiling until the target is met: the build fails above it, so the download
 * cannot grow unseen while issue #12 is open. Lower it as the size falls; never raise it
 * without a measurement in docs/performance.md of what the bytes buy.
 */
export const GZIP_BUDGET_BYTES = 180 * 1024;

const cargo = readFileSync(at("Cargo.toml"), "utf8");
const version = cargo.match(/^version = "([^"]+)"/m)[1];

// The inline JS of src/wasm/ (`#[wasm_bindgen(inline_js)]`) comes as snippet modules under
// <glue dir>/snippets/<crate-hash>/, imported by the web glue and require()d, still in ES module
// syntax, by the nodejs glue. Put each into its glue instead, wrapped in a function scope: no
// extra module to fetch, preload or cache, no path that changes with the hash, and no ES module
// syntax in CommonJS. A snippet may only declare top-level functions and constants.
function inlineSnippets(dir) {
  const gluePath = pkg(`${dir}/repayment_plan.js`);
  let glue = readFileSync(gluePath, "utf8");
  const importLine =
    /^(?:import \{ ([\w, ]+) \} from '\.\/(snippets\/[^']+)';|const \{ ([\w, ]+) \} = require\(String\.raw`\.\/(snippets\/[^`]+)`\);)$/gm;
  glue = glue.replace(importLine, (_, esNames, esPath, cjsNames, cjsPath) => {
    const names = esNames ?? cjsNames;
    const body = readFileSync(pkg(`${dir}/${esPath ?? cjsPath}`), "utf8").replace(/^export function /gm, "function ");
    if (/^\s*(export|import)\b/m.test(body)) throw new Error(`${esPath ?? cjsPath}: only \`export function\` is supported`);
    return `const { ${names} } = (() => {\n${body}\nreturn { ${names} };\n})();`;
  });
  if (glue.includes("snippets/")) throw new Error(`${dir}/repayment_plan.js: a snippet reference was not inlined`);
  writeFileSync(gluePath, glue);
  rmSync(pkg(`${dir}/snippets`), { recursive: true, force: true });
}
inlineSnippets("web");
inlineSnippets("node");

// The web glue is minified (whitespace and local names): it is part of every browser download.
// The Node glue stays readable; nothing downloads it.
{
  const gluePath = pkg("web/repayment_plan.js");
  const { code } = transformSync(readFileSync(gluePath, "utf8"), { minify: true, format: "esm", target: "es2020", legalComments: "none" });
  writeFileSync(gluePath, code);
}

// The exported functions, as the nodejs glue defines them (everything but wasm-bindgen internals).
writeFileSync(pkg("node/package.json"), JSON.stringify({ type: "commonjs" }) + "\n");
const glue = createRequire(import.meta.url)(pkg("node/repayment_plan.js").pathname);
const names = Object.keys(glue).filter((n) => !n.startsWith("__") && typeof glue[n] === "function").sort();
if (names.length === 0) throw new Error("no exports found in the wasm-bindgen glue");

copyFileSync(at("js/node.cjs"), pkg("node.cjs"));
writeFileSync(pkg("node.mjs"), readFileSync(at("js/node.mjs.in"), "utf8").replace("__EXPORTS__", names.join(", ")));

// Browser entry: each export checks init() ran, so an early call gets a clear error, not a
// TypeError. Minified like the glue, as it is part of every browser download.
const wrappers = names.map((n) => `export const ${n} = /* @__PURE__ */ checked(glue.${n});`).join("\n");
const entry = readFileSync(at("js/index.js.in"), "utf8").replace("__WRAPPERS__", wrappers);
writeFileSync(pkg("index.js"), transformSync(entry, { minify: true, format: "esm", target: "es2020", legalComments: "none" }).code);

// Types: generated from the Rust types (scripts/build.sh runs `cargo run --example typescript`
// into pkg/index.d.ts); one self-contained file that serves both import (index.d.ts) and
// require (index.d.cts).
copyFileSync(pkg("index.d.ts"), pkg("index.d.cts"));

const manifest = {
  name: "repayment-plan",
  version,
  description:
    "Exact (to the fen) repayment schedules, IRR-method APR, overdue costs, budgets and debt-free plans for Chinese consumer credit. Rust + WebAssembly.",
  license: "MIT",
  type: "module",
  main: "./node.cjs",
  module: "./index.js",
  types: "./index.d.ts",
  exports: {
    ".": {
      node: {
        import: { types: "./index.d.ts", default: "./node.mjs" },
        require: { types: "./index.d.cts", default: "./node.cjs" },
      },
      types: "./index.d.ts",
      default: "./index.js",
    },
    "./repayment_plan_bg.wasm": "./web/repayment_plan_bg.wasm",
    "./package.json": "./package.json",
  },
  files: ["index.js", "index.d.ts", "index.d.cts", "node.mjs", "node.cjs", "web/", "node/", "README.md"],
  sideEffects: false,
  engines: { node: ">=18" },
  keywords: ["loan", "amortization", "apr", "irr", "xirr", "repayment", "wasm", "decimal", "huabei", "还款"],
};
writeFileSync(pkg("package.json"), JSON.stringify(manifest, null, 2) + "\n");
copyFileSync(at("README.md"), pkg("README.md"));

// Size: what a browser downloads.
const shipped = ["web/repayment_plan_bg.wasm", "web/repayment_plan.js", "index.js"];
let raw = 0;
let gz = 0;
for (const f of shipped) {
  const bytes = readFileSync(pkg(f));
  raw += bytes.length;
  gz += gzipSync(bytes, { level: 9 }).length;
}
const wasmBytes = statSync(pkg("web/repayment_plan_bg.wasm")).size;
const wasmGz = gzipSync(readFileSync(pkg("web/repayment_plan_bg.wasm")), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const bytes = (n) => `${n.toLocaleString("en-US")} bytes`;
console.log(`pkg/: ${names.length} functions; wasm ${kb(wasmBytes)} raw, ${kb(wasmGz)} gzip; ` +
  `browser download (wasm + glue + index.js) ${kb(raw)} raw, ${kb(gz)} gzip (${bytes(gz)}); ` +
  `ceiling ${kb(GZIP_BUDGET_BYTES)} gzip (${bytes(GZIP_BUDGET_BYTES)}); ` +
  `issue #12's target ${kb(GZIP_TARGET_BYTES)}: ${gz > GZIP_TARGET_BYTES ? `${kb(gz - GZIP_TARGET_BYTES)} over` : "met"}`);
writeFileSync(pkg("size.json"), JSON.stringify({ wasmBytes, wasmGzip: wasmGz, downloadBytes: raw, downloadGzip: gz, budgetGzip: GZIP_BUDGET_BYTES, targetGzip: GZIP_TARGET_BYTES }, null, 2) + "\n");
if (gz > GZIP_BUDGET_BYTES) {
  console.error(`size budget exceeded: ${bytes(gz)} gzip > ${bytes(GZIP_BUDGET_BYTES)}`);
  process.exit(1);
}
