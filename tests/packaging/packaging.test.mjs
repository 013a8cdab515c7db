// Packaging tests: `npm pack` the real tarball, install it into fresh consumer projects and use it
// as people will: Node ESM, Node CJS, TypeScript (strict, Node16 and Bundler resolution), a browser
// page with native ES modules, and a Vite build running in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, rmSync, existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const work = join(repo, "tests/packaging/work");
const consumers = join(repo, "tests/packaging/consumers");
const bin = (name) => join(repo, "node_modules/.bin", name);
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const reference = "-5307.2672062281"; // PMT(0.004083…, 360, 1000000), checked with Python decimal at 60 digits

let tarball;
before(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const packed = JSON.parse(run("npm", ["pack", join(repo, "pkg"), "--json", "--pack-destination", work], repo));
  tarball = join(work, packed[0].filename);
  const files = packed[0].files.map((f) => f.path);
  for (const needed of ["package.json", "index.js", "index.d.ts", "node.mjs", "node.cjs", "web/repayment_plan_bg.wasm", "node/repayment_plan_bg.wasm"]) {
    assert.ok(files.includes(needed), `tarball lacks ${needed}: ${files.join(", ")}`);
  }
  for (const name of readdirSync(consumers)) {
    cpSync(join(consumers, name), join(work, name), { recursive: true });
    run("npm", ["init", "-y"], join(work, name));
    run("npm", ["install", "--no-audit", "--no-fund", "--offline", tarball], join(work, name));
  }
});

test("Node.js ESM: import from the package name, no manual wasm loading", () => {
  const out = JSON.parse(run("node", ["index.mjs"], join(work, "node-esm")));
  assert.equal(out.payment, reference);
  assert.equal(out.code, "RepaymentPlanError:NO_SOLUTION");
  assert.match(out.version, /^\d+\.\d+\.\d+$/);
});

test("Node.js CommonJS: require()", () => {
  const out = JSON.parse(run("node", ["index.cjs"], join(work, "node-cjs")));
  assert.deepEqual(out, { payment: "-100.0000000000", npv: "1188.4434123352", sameAsEsm: true });
});

test("TypeScript strict: Node16 (import and require) and Bundler resolution", () => {
  const dir = join(work, "typescript");
  run(bin("tsc"), ["-p", "tsconfig.json"], dir);
  run(bin("tsc"), ["-p", "tsconfig.bundler.json"], dir);
  const types = readFileSync(join(dir, "node_modules/repayment-plan/index.d.ts"), "utf8");
  assert.doesNotMatch(types, /(:\s*any\b|<any>|\bany\[\])/, "the public types use no `any`");
});

/** Serves `dir` on a free localhost port. */
function serve(dir) {
  const types = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(dir, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

let browser;
async function openPage(dir) {
  if (!browser) {
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  }
  const server = await serve(dir);
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => document.getElementById("out").textContent !== "loading", null, { timeout: 20000 });
  const text = await page.textContent("#out");
  await page.close();
  server.close();
  return { out: JSON.parse(text), errors };
}
after(() => browser?.close());

test("browser: native ES modules with an import map, init() idempotent, clear error before init", async () => {
  const { out, errors } = await openPage(join(work, "browser"));
  assert.deepEqual(errors, []);
  assert.deepEqual(out, { early: "NOT_INITIALIZED", payment: reference, npv: "1188.4434123352" });
});

test("bundler: vite build, run in headless Chromium", async () => {
  const dir = join(work, "vite");
  run(bin("vite"), ["build"], dir);
  const assets = readdirSync(join(dir, "dist/assets"));
  assert.ok(assets.some((f) => f.endsWith(".wasm")), `vite shipped the wasm: ${assets}`);
  const { out, errors } = await openPage(join(dir, "dist"));
  assert.deepEqual(errors, []);
  assert.equal(out.payment, reference);
});
