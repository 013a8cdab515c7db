// Shared by the browser tests: one static server and one headless Chromium (Debian's, never a
// downloaded one) per test file, a fresh context per page, and watchers for console errors,
// page errors and any request that leaves the page's origin.
import { after, before } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

export const ARTIFACTS = new URL("../artifacts/", import.meta.url);
mkdirSync(ARTIFACTS, { recursive: true });

const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

/** Starts the server and browser for this file; returns a getter for `{ url, browser }`. */
export function useBrowser() {
  const env = {};
  before(async () => {
    env.server = await startServer({ port: 0 });
    env.url = env.server.url;
    env.origin = new URL(env.url).origin;
    env.browser = await chromium.launch(LAUNCH);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * Opens the page in a new context. Returns `{ page, context, problems }`: `problems` collects
 * console errors, uncaught exceptions, failed same-origin requests and any foreign request.
 */
export async function openPage(env, { width = 1280, height = 900, hash = "", bypassCSP = false, lang } = {}) {
  const context = await env.browser.newContext({
    viewport: { width, height },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    bypassCSP,
    serviceWorkers: "block",
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.protocol === "blob:" || u.protocol === "data:") return;
    if (u.origin !== env.origin) problems.push(`foreign request: ${r.url()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(env.url + hash);
  await page.waitForSelector("html[data-ready]", { timeout: 15000 });
  if (lang === "en") await page.click("#lang");
  return { page, context, problems };
}

/** Asserts nothing went wrong on the page, then closes its context. */
export async function closeClean({ context, problems }) {
  await context.close();
  assert.deepEqual(problems, [], problems.join("\n"));
}

/** Polls `fn` in Node until it returns a truthy value or throws the last assertion after `ms`. */
export async function eventually(fn, ms = 4000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const v = await fn();
      if (v !== false) return v;
      if (Date.now() > end) assert.fail("condition not met in time");
    } catch (e) {
      if (Date.now() > end) throw e;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The text of the result figure `data-key=key` under `scope`. */
export const figure = (page, scope, key) => page.locator(`${scope} [data-key="${key}"] .value`).first().textContent();

/** Fills an input as a user would (select all, type) and leaves it, firing input and change. */
export async function type(page, selector, text) {
  await page.fill(selector, text);
}

/** Display format the page uses for money, from the package's string. */
export function yuan(s, lang = "zh") {
  return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { style: "currency", currency: "CNY", currencyDisplay: "narrowSymbol", minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(s);
}
export function pct(s, digits = 2, lang = "zh") {
  return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(s);
}

/** The table under `scope` as arrays of cell texts (header row first). */
export function tableText(page, scope) {
  return page.locator(`${scope} table`).first().evaluate((t) => [...t.rows].map((r) => [...r.cells].map((c) => c.textContent)));
}

/** The package, as Node loads it (the same build the page serves). */
export { default as init } from "../../pkg/node.mjs";
export * as pkg from "../../pkg/node.mjs";

/** Today in Asia/Shanghai as YYYY-MM-DD (the browser context runs in that zone). */
export function todayCN() {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

/** Scrolls to the offers comparison, which is built when it comes near the screen. */
export async function showCompare(page) {
  await page.locator("#compare-result").scrollIntoViewIfNeeded();
  await page.waitForSelector("#compare-form");
}
