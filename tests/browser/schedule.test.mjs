// Tool 1 (还款计划): the reference loan typed as a user would, checked against the package.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, closeClean, eventually, figure, yuan, pct, tableText, pkg, showCompare } from "./harness.mjs";

const env = useBrowser();
const has = (name) => typeof pkg[name] === "function";
const R = "#loan-result";

test("the first screen already shows the worked example's result", { skip: !has("schedule") && "schedule is not in this build" }, async () => {
  const session = await openPage(env, { width: 360, height: 740 });
  const { page } = session;
  const values = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll("#loan-form [name]")].map((e) => [e.name, e.value])));
  const expected = pkg.schedule({ principal: values.principal, method: values.method, periods: values.periods, startDate: values.startDate, totalFeeRate: "0.075" });
  assert.equal(values.method, "feeInstalment");
  assert.equal(values.rate, "7.5");
  await eventually(async () => assert.equal(await figure(page, R, "payment"), yuan(expected.rows[0].payment)));
  assert.equal(await figure(page, R, "nominal"), pct(expected.apr.nominal));
  // the headline under the title is visible on a phone without scrolling
  const headline = page.locator("#panel-schedule .headline");
  assert.ok(await headline.isVisible());
  assert.ok((await headline.boundingBox()).y < 740, "the headline is on the first screen");
  assert.match(await headline.textContent(), new RegExp(yuan(expected.rows[0].payment).replace(/[.$]/g, "\\$&")));
  await closeClean(session);
});

test("reference loan 1,000,000 / 30 years / 4.9% → ¥5,307.27, every figure from the package", { skip: !has("schedule") && "schedule is not in this build" }, async () => {
  const session = await openPage(env);
  const { page } = session;
  await page.selectOption("#loan-method", "annuity");
  await page.fill("#loan-principal", "1,000,000");
  await page.fill("#loan-periods", "360");
  await page.selectOption("#loan-rateKind", "annualRate");
  await page.fill("#loan-rate", "4.9");
  await page.fill("#loan-startDate", "2025-01-15");
  const expected = pkg.schedule({ principal: "1000000", method: "annuity", periods: 360, annualRate: "0.049", startDate: "2025-01-15" });
  assert.equal(expected.rows[0].payment, "5307.27");
  await eventually(async () => assert.equal(await figure(page, R, "payment"), "¥5,307.27"));
  assert.equal(await figure(page, R, "interest"), yuan(expected.totals.interest));
  assert.equal(await figure(page, R, "totalPayment"), yuan(expected.totals.payment));
  assert.equal(await figure(page, R, "lastPayment"), yuan(expected.rows.at(-1).payment));
  assert.equal(await figure(page, R, "nominal"), pct(expected.apr.nominal));
  assert.equal(await figure(page, R, "effective"), pct(expected.apr.effective));
  const rows = await tableText(page, R);
  assert.equal(rows.length, 361, "header + 360 rows");
  assert.deepEqual(rows[1].slice(0, 5), ["1", expected.rows[0].dueDate, "¥5,307.27", yuan(expected.rows[0].principal), yuan(expected.rows[0].interest)]);
  assert.equal(rows[1][4], "¥4,083.33");
  assert.equal(rows[360][2], yuan(expected.rows[359].payment));
  // the model figure calculators quote is shown, labelled
  assert.match(await page.locator(`${R} .note`).first().textContent(), /910,616\.19/);
  // and the figure calculators that multiply the rounded payment print, labelled as such
  assert.equal(expected.model.calculatorInterest, "910617.20");
  assert.match(await page.locator(`${R} .note .calculator`).textContent(), /910,617\.20/);
  // two charts with text alternatives
  assert.equal(await page.locator(`${R} svg.chart[role=img][aria-label]`).count(), 2);
  // CSV of the schedule: the package's plain strings
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(`${R} button.csv`)]);
  const bytes = await (await import("node:fs/promises")).readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM for Excel");
  const csv = bytes.subarray(3).toString("utf8");
  const lines = csv.trim().split(/\r\n/);
  assert.equal(lines.length, 361);
  assert.match(lines[0], /^期,还款日,还款额/);
  assert.equal(lines[1], ["1", expected.rows[0].dueDate, "5307.27", expected.rows[0].principal, "4083.33", expected.rows[0].closing].join(","));
  await closeClean(session);
});

test("equal principal, by preset then method: first payment 6861.11", { skip: !has("schedule") && "schedule is not in this build" }, async () => {
  const session = await openPage(env, { width: 360 });
  const { page } = session;
  await page.click('[data-preset="mortgage"]');
  await page.selectOption("#loan-method", "equalPrincipal");
  const start = await page.inputValue("#loan-startDate");
  const expected = pkg.schedule({ principal: "1000000", method: "equalPrincipal", periods: 360, annualRate: "0.049", startDate: start });
  assert.equal(expected.rows[0].payment, "6861.11");
  await eventually(async () => assert.equal(await figure(page, R, "payment"), "¥6,861.11"));
  assert.equal(await figure(page, R, "interest"), yuan(expected.totals.interest));
  await closeClean(session);
});

test("compareOffers: three offers, sorted by effective APR, names as text", { skip: !has("compareOffers") && "compareOffers is not in this build" }, async () => {
  const session = await openPage(env);
  const { page } = session;
  await showCompare(page);
  await page.fill("#compare-startDate", "2025-03-01");
  await page.click("#compare-offers button.add");
  await page.fill("#compare-offers-2-name", "银行消费贷");
  await page.selectOption("#compare-offers-2-method", "annuity");
  await page.fill("#compare-offers-2-principal", "3000");
  await page.fill("#compare-offers-2-periods", "12");
  await page.selectOption("#compare-offers-2-rateKind", "annualRate");
  await page.fill("#compare-offers-2-rate", "3.6");
  const offers = [
    { principal: "3000", method: "feeInstalment", periods: 12, totalFeeRate: "0.075", startDate: "2025-03-01" },
    { principal: "3000", method: "annuity", periods: 12, dailyRate: "0.0004", startDate: "2025-03-01" },
    { principal: "3000", method: "annuity", periods: 12, annualRate: "0.036", startDate: "2025-03-01" },
  ];
  const expected = pkg.compareOffers(offers).offers;
  const names = ["花呗分期 12 期", "借呗 12 个月", "银行消费贷"];
  await eventually(async () => {
    const rows = await tableText(page, "#compare-result");
    assert.equal(rows.length, 4);
    assert.deepEqual(rows.slice(1).map((r) => r[0]), expected.map((o) => names[o.index]));
    assert.deepEqual(rows.slice(1).map((r) => r[5]), expected.map((o) => pct(o.apr.effective)));
    assert.deepEqual(rows.slice(1).map((r) => r[3]), expected.map((o) => yuan(o.totalCost)));
  });
  await closeClean(session);
});

test("a daily-rate loan that does not keep its term says so, in the package's words", { skip: !has("schedule") && "schedule is not in this build" }, async () => {
  const session = await openPage(env);
  const { page } = session;
  await page.selectOption("#loan-method", "annuity");
  await page.fill("#loan-principal", "100000");
  await page.fill("#loan-periods", "360");
  await page.selectOption("#loan-rateKind", "dailyRate");
  await page.fill("#loan-rate", "0.01");
  await page.fill("#loan-startDate", "2025-01-15");
  const expected = pkg.schedule({ principal: "100000", method: "annuity", periods: 360, dailyRate: "0.0001", startDate: "2025-01-15" });
  const warning = expected.warnings.find((w) => w.code === "LARGE_FINAL_PAYMENT");
  assert.ok(warning, "the package warns");
  const item = page.locator(`${R} li[data-code="LARGE_FINAL_PAYMENT"]`);
  await eventually(async () => assert.equal(await item.locator(".notice-text").textContent(), warning.messageZh));
  await closeClean(session);
});

test("the card-instalment preset uses the bank's rule, Huabei's the Alipay rule", { skip: !has("schedule") && "schedule is not in this build" }, async () => {
  const session = await openPage(env, { width: 360 });
  const { page } = session;
  const start = await page.inputValue("#loan-startDate");
  await page.click('button[data-preset="card"]');
  const bank = pkg.schedule({ principal: "10000", method: "feeInstalment", periods: 12, feeRate: "0.006", startDate: start, issuer: "bank" });
  assert.equal(await page.inputValue("#loan-issuer"), "bank");
  await eventually(async () => assert.equal(await figure(page, R, "payment"), yuan(bank.rows[0].payment)));
  assert.equal(await figure(page, R, "lastPayment"), yuan(bank.rows[11].payment));
  const rows = await tableText(page, R);
  assert.equal(rows[12][3], yuan(bank.rows[11].principal), "the remainder in the last period");
  // back to Huabei: the Alipay rule again (the issuer does not stick)
  await page.click('button[data-preset="huabei"]');
  assert.equal(await page.inputValue("#loan-issuer"), "");
  const alipay = pkg.schedule({ principal: "3000", method: "feeInstalment", periods: 12, totalFeeRate: "0.075", startDate: start });
  await eventually(async () => assert.equal(await figure(page, R, "payment"), yuan(alipay.rows[0].payment)));
  await closeClean(session);
});
