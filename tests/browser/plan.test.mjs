// Tool 3 (预算与还款): budget, avalanche vs snowball, the hardship what-if; user text stays text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, closeClean, eventually, figure, yuan, pct, tableText, pkg, showCompare } from "./harness.mjs";

const env = useBrowser();
const has = (name) => typeof pkg[name] === "function";
const XSS = "<img src=x onerror=alert(1)>";

async function fillDebts(page, debts) {
  // make exactly debts.length rows
  while ((await page.locator("#plan-debts fieldset.item").count()) > debts.length) await page.click("#plan-debts fieldset.item .remove >> nth=-1");
  while ((await page.locator("#plan-debts fieldset.item").count()) < debts.length) await page.click("#plan-debts button.add");
  for (const [i, d] of debts.entries()) {
    await page.fill(`#plan-debts-${i}-name`, d.name);
    await page.fill(`#plan-debts-${i}-balance`, d.balance);
    await page.fill(`#plan-debts-${i}-minimumPayment`, d.minimumPayment);
    await page.selectOption(`#plan-debts-${i}-rateKind`, "annualRate");
    await page.fill(`#plan-debts-${i}-rate`, d.rate);
  }
}

test("budget and payoff: the worked case A/B/C at 300 a month, avalanche vs snowball", { skip: !(has("budget") && has("payoff")) && "budget/payoff are not in this build" }, async () => {
  const session = await openPage(env);
  const { page } = session;
  await page.click("#tab-plan");
  await page.fill("#plan-monthlyIncome", "6000");
  await fillDebts(page, [
    { name: "A", balance: "1000", minimumPayment: "50", rate: "18" },
    { name: "B", balance: "3000", minimumPayment: "100", rate: "6" },
    { name: "C", balance: "500", minimumPayment: "25", rate: "12" },
  ]);
  await page.fill("#plan-monthlyBudget", "300");
  await page.fill("#plan-startDate", "2025-01-01");
  const debts = [
    { name: "A", balance: "1000", annualRate: "0.18", minimumPayment: "50" },
    { name: "B", balance: "3000", annualRate: "0.06", minimumPayment: "100" },
    { name: "C", balance: "500", annualRate: "0.12", minimumPayment: "25" },
  ];
  const av = pkg.payoff({ debts, monthlyBudget: "300", strategy: "avalanche", startDate: "2025-01-01" });
  const sb = pkg.payoff({ debts, monthlyBudget: "300", strategy: "snowball", startDate: "2025-01-01" });
  const expenses = await page.evaluate(() => [...document.querySelectorAll("#plan-expenses fieldset.item")].map((f) => ({
    name: f.querySelector("[name$='.name']").value, amount: f.querySelector("[name$='.amount']").value, kind: f.querySelector("[name$='.kind']").value })));
  const budget = pkg.budget({ monthlyIncome: "6000", expenses, debts: debts.map((d) => ({ name: d.name, minimumPayment: d.minimumPayment })) });
  await eventually(async () => assert.equal(await figure(page, "#payoff-result", "totalInterest"), yuan(av.totalInterest)));
  assert.equal(await figure(page, "#budget-result", "surplus"), yuan(budget.surplus));
  assert.equal(await figure(page, "#budget-result", "capacity"), yuan(budget.capacity));
  assert.equal(await figure(page, "#payoff-result", "debtFreeDate"), av.debtFreeDate);
  const cmp = await tableText(page, "#payoff-result");
  assert.deepEqual(cmp[1].slice(1, 4), [String(av.months), av.debtFreeDate, yuan(av.totalInterest)]);
  assert.deepEqual([av.months, av.totalInterest, sb.totalInterest], [16, "205.91", "217.22"], "domain.md §6");
  assert.deepEqual(cmp[2].slice(1, 4), [String(sb.months), sb.debtFreeDate, yuan(sb.totalInterest)]);
  assert.equal(await page.locator("#payoff-result svg.chart").count(), 1, "the payoff timeline chart");
  // the chart can show the snowball plan instead
  await page.selectOption("#plan-chartStrategy", "snowball");
  await eventually(async () => assert.equal(await figure(page, "#payoff-result", "totalInterest"), yuan(sb.totalInterest)));
  await closeClean(session);
});

test("a shortfall opens the hardship what-if, computed by restructure", { skip: !has("restructure") && "restructure is not in this build" }, async () => {
  const session = await openPage(env, { width: 360 });
  const { page } = session;
  await page.click("#tab-plan");
  await page.fill("#plan-monthlyIncome", "3000");
  await page.fill("#plan-monthlyBudget", "");
  if (has("budget")) {
    await eventually(async () => assert.equal(await page.locator("#restructure").evaluate((d) => d.open), true));
    assert.ok(await page.locator("#restructure .message.warn").isVisible());
  } else {
    await page.click("#restructure > summary");
  }
  // use the credit-card debt's balance, then solve the months from an affordable payment
  await page.locator("#restructure .presets button", { hasText: "信用卡" }).click();
  assert.equal(await page.inputValue("#rs-principal"), "12000");
  await page.fill("#rs-interest", "600");
  await page.fill("#rs-penalties", "300");
  await page.selectOption("#rs-solveBy", "targetPayment");
  await page.fill("#rs-targetPayment", "500");
  await page.selectOption("#rs-chargeKind", "freeze");
  const start = await page.inputValue("#rs-startDate");
  const waivePenalties = await page.isChecked("#rs-waivePenalties");
  const expected = pkg.restructure({ principal: "12000", interest: "600", penalties: "300", targetPayment: "500", startDate: start, ...(waivePenalties ? { waive: ["penalties"] } : {}) });
  await eventually(async () => assert.equal(await figure(page, "#rs-result", "rsPayment"), yuan(expected.payment)));
  assert.equal(await figure(page, "#rs-result", "rsPeriods"), String(expected.periods));
  const codes = await page.locator("#rs-result .notices li").evaluateAll((l) => l.map((x) => x.dataset.code));
  assert.deepEqual(codes, expected.warnings.map((w) => w.code));
  // more than 60 months is refused with the package's message next to the field
  await page.selectOption("#rs-solveBy", "periods");
  await page.fill("#rs-periods", "72");
  await eventually(async () => assert.ok(await page.locator("#rs-periods-error").isVisible()));
  assert.equal(await page.getAttribute("#rs-periods", "aria-invalid"), "true");
  await closeClean(session);
});

test("a debt named like HTML is shown as text, never run", async () => {
  const session = await openPage(env);
  const { page } = session;
  await page.click("#tab-plan");
  await page.fill("#plan-debts-0-name", XSS);
  if (has("payoff")) {
    // in the payoff tables and the chart legend, as text
    await eventually(async () => assert.ok((await page.locator("#payoff-result td, #payoff-result th").allTextContents()).includes(XSS)));
    assert.ok((await page.locator("#payoff-result .legend li").allTextContents()).includes(XSS));
  }
  await page.locator("#restructure > summary").click();
  await eventually(async () => assert.equal(await page.locator("#restructure .presets button").first().textContent(), XSS));
  // the same name in the offers comparison table
  await page.click("#tab-schedule");
  await showCompare(page);
  await page.fill("#compare-offers-0-name", XSS);
  if (has("compareOffers")) await eventually(async () => assert.ok((await tableText(page, "#compare-result")).some((r) => r[0] === XSS)));
  await page.waitForTimeout(300);
  assert.equal(await page.locator("img").count(), 0, "no element was created from the name");
  // and it survives a reload through the URL fragment, still as text
  await page.waitForFunction((name) => {
    const state = JSON.parse(decodeURIComponent(location.hash.slice(1)) || "{}");
    return state.tab === "schedule" && state.schedule?.compare?.offers?.[0]?.name === name;
  }, XSS);
  await page.reload();
  await page.waitForSelector("html[data-ready]");
  await showCompare(page);
  assert.equal(await page.inputValue("#compare-offers-0-name"), XSS);
  assert.equal(await page.locator("img").count(), 0);
  await closeClean(session);
});

test("CSV export keeps a name that looks like a formula as text", { skip: !has("payoff") && "payoff is not in this build" }, async () => {
  const session = await openPage(env);
  const { page } = session;
  await page.click("#tab-plan");
  await page.fill("#plan-debts-0-name", "=1+1");
  await eventually(async () => assert.ok((await page.locator("#payoff-result td, #payoff-result th").allTextContents()).includes("=1+1")));
  const box = page.locator("#payoff-result .table-box", { hasText: "每笔欠款" });
  const [download] = await Promise.all([page.waitForEvent("download"), box.locator("button.csv").click()]);
  assert.equal(download.suggestedFilename(), "payoff-debts.csv");
  const text = (await (await import("node:fs/promises")).readFile(await download.path())).toString("utf8");
  const row = text.split(/\r\n/).find((l) => l.includes("=1+1"));
  assert.match(row, /^'=1\+1,\d+,\d{4}-\d{2}-\d{2},\d+\.\d{2},\d+\.\d{2}$/);
  await closeClean(session);
});
