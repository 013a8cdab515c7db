// The page as a whole: CSP, privacy (no foreign requests), language, URL fragment, keyboard,
// print layout, offline after the first visit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { useBrowser, openPage, closeClean, eventually } from "./harness.mjs";

const env = useBrowser();

test("strict CSP in the meta tag and the header; no inline script or style anywhere", async () => {
  const html = await readFile(new URL("../../www/index.html", import.meta.url), "utf8");
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "no inline <script>");
  assert.doesNotMatch(html, /\sstyle=|<style|\son[a-z]+=/i, "no style attributes, <style> or handlers");
  const session = await openPage(env);
  const { page } = session;
  const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  for (const directive of ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "connect-src 'self'", "base-uri 'none'", "form-action 'none'"]) {
    assert.ok(meta.includes(directive), directive);
  }
  assert.doesNotMatch(meta, /'unsafe-inline'|'unsafe-eval'|\*|https?:/);
  const response = await page.request.get(env.url);
  assert.match(response.headers()["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'.*frame-ancestors 'none'/);
  assert.equal((await page.request.get(env.url + "pkg/web/repayment_plan_bg.wasm")).headers()["content-type"], "application/wasm");
  // after every tool has rendered, still nothing needs 'unsafe-inline'
  for (const tab of ["overdue", "plan", "advice", "schedule"]) await page.click(`#tab-${tab}`);
  assert.equal(await page.locator("[style]").count(), 0, "no style attributes were created");
  // the policy is enforced: an injected inline script does not run
  await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__inlineRan = true";
    document.body.append(s);
  });
  assert.equal(await page.evaluate(() => window.__inlineRan === true), false);
  session.problems.splice(0, session.problems.length, ...session.problems.filter((p) => !/Content Security Policy/.test(p)));
  await closeClean(session);
});

test("only same-origin requests, and the package is what computes", async () => {
  const session = await openPage(env);
  const urls = [];
  session.page.on("request", (r) => urls.push(r.url()));
  await session.page.reload();
  await session.page.waitForSelector("html[data-ready]");
  assert.ok(urls.some((u) => u.endsWith("/pkg/web/repayment_plan_bg.wasm")));
  assert.ok(urls.every((u) => u.startsWith(env.origin)), urls.join("\n"));
  assert.equal(await session.page.evaluate(() => document.cookie), "");
  await closeClean(session); // also fails on any foreign request, console error or HTTP error
});

test("the first result is on screen in the first frame after the module is ready", async () => {
  // A frame counter from the first script on; the page marks when the module was ready and when
  // the first result was in the page. No frame may be painted between the two (a count, not a
  // time: the times are printed for the record).
  const context = await env.browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__frames = [];
    const tick = () => {
      // What this frame paints: whether the result box holds a result yet.
      const box = document.querySelector("#loan-result .result-body");
      const result = Boolean(box && !box.querySelector(".loading") && /¥\d/.test(box.textContent));
      window.__frames.push({ t: performance.now(), result });
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(env.url);
  await page.waitForSelector("html[data-ready=true]");
  const seen = await page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
    const ready = at("rp:ready");
    const shown = at("rp:first-result");
    const frames = window.__frames;
    return {
      ready,
      shown,
      between: frames.filter((f) => f.t > ready && f.t < shown).length,
      next: frames.find((f) => f.t >= shown),
      earlier: frames.filter((f) => f.t < ready && f.result).length,
    };
  });
  assert.ok(seen.ready > 0 && seen.shown >= seen.ready, JSON.stringify(seen));
  assert.equal(seen.between, 0, "no frame between the module being ready and the first result");
  assert.equal(seen.next?.result, true, "the first frame after it paints the result");
  assert.equal(seen.earlier, 0, "no result before the module was ready (the check can fail)");
  console.log(`first result ${(seen.shown - seen.ready).toFixed(1)} ms after the module was ready; next frame at +${(seen.next.t - seen.ready).toFixed(1)} ms`);
  await context.close();
});

test("Chinese first; the English toggle relabels everything and is kept in the URL", async () => {
  const session = await openPage(env);
  const { page } = session;
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  assert.equal(await page.textContent("#tab-schedule"), "还款计划");
  assert.equal(await page.textContent("label[for=loan-principal]"), "借款或分期金额");
  await page.click("#lang");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.textContent("#tab-schedule"), "Schedule");
  assert.equal(await page.textContent("label[for=loan-principal]"), "Amount borrowed");
  assert.equal(await page.textContent("#lang"), "中文");
  assert.equal(await page.textContent("#loan-result-title"), "Result");
  assert.match(await page.textContent("#loan-result"), /Payment per period|This build/);
  // inputs and language survive a reload (state lives in the fragment only)
  await page.fill("#loan-principal", "4321");
  await page.waitForFunction(() => decodeURIComponent(location.hash).includes("4321"));
  assert.match(decodeURIComponent(new URL(page.url()).hash), /"lang":"en"/);
  await page.reload();
  await page.waitForSelector("html[data-ready]");
  assert.equal(await page.inputValue("#loan-principal"), "4321");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  // a broken fragment falls back to the worked example
  await page.goto(env.url + "#%7Bnot-json");
  await page.reload();
  await page.waitForSelector("html[data-ready]");
  assert.equal(await page.inputValue("#loan-principal"), "3000");
  await closeClean(session);
});

test("keyboard: skip link, tabs with arrow keys, and results reachable", async () => {
  const session = await openPage(env, { width: 360 });
  const { page } = session;
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip");
  await page.focus("#tab-schedule");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-overdue");
  assert.equal(await page.isVisible("#panel-overdue"), true);
  assert.equal(await page.isVisible("#panel-schedule"), false);
  await page.keyboard.press("End");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-advice");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-schedule");
  // every tool tab has a polite live region for its summary
  for (const tab of ["overdue", "plan", "advice", "schedule"]) await page.click(`#tab-${tab}`);
  assert.equal(await page.locator("[role=tabpanel] [aria-live=polite]").count(), 3);
  await closeClean(session);
});

test("print layout hides the controls and shows whole tables", async () => {
  const session = await openPage(env);
  const { page } = session;
  await page.click("#tab-overdue");
  await page.waitForSelector("#debt-result .scroll");
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible(".tabs"), false);
  assert.equal(await page.isVisible("#debt-result button.csv"), false);
  assert.equal(await page.locator("#debt-result .scroll").first().evaluate((e) => getComputedStyle(e).maxHeight), "none");
  await closeClean(session);
});

test("every static text of index.html has both languages, and the Chinese matches the HTML", async () => {
  const { STATIC } = await import("../../www/lib/i18n.js");
  const html = await readFile(new URL("../../www/index.html", import.meta.url), "utf8");
  const keys = [...html.matchAll(/data-i18n(?:-label)?="(\w+)"/g)].map((m) => m[1]);
  assert.ok(keys.length >= 10);
  for (const key of keys) assert.ok(STATIC[key]?.zh && STATIC[key]?.en, key);
  for (const [, key, text] of html.matchAll(/data-i18n="(\w+)"[^>]*>([^<]*)</g)) {
    if (key !== "langButton") assert.equal(text, STATIC[key].zh, key);
  }
});

test("every module is preloaded by index.html and cached by the service worker", async () => {
  const www = new URL("../../www/", import.meta.url);
  const html = await readFile(new URL("index.html", www), "utf8");
  const sw = await readFile(new URL("sw.js", www), "utf8");
  const modules = ["main.js"];
  for (const dir of ["lib", "tools"]) for (const f of await readdir(new URL(`${dir}/`, www))) modules.push(`${dir}/${f}`);
  for (const m of modules) {
    assert.ok(html.includes(`<link rel="modulepreload" href="${m}">`), `index.html preloads ${m}`);
    assert.ok(sw.includes(`"${m}"`), `sw.js caches ${m}`);
  }
});

test("works offline after the first visit (service worker)", async () => {
  const context = await env.browser.newContext({ serviceWorkers: "allow" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(env.url);
  await page.waitForSelector("html[data-ready]");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await eventually(async () => (await page.evaluate(() => caches.keys())).length === 1);
  await page.reload(); // the worker now controls the page and has cached what it fetched
  await page.waitForSelector("html[data-ready]");
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector("html[data-ready]", { timeout: 10000 });
  assert.ok(await page.locator("#loan-result [data-key=payment]").count() + (await page.locator("#loan-result .message").count()) > 0);
  assert.deepEqual(errors, []);
  await context.close();
});
