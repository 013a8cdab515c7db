// Tool 2 (逾期计算): late instalments and the credit-card cycle, checked against the package.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, closeClean, eventually, figure, yuan, pct, tableText, pkg } from "./harness.mjs";

const env = useBrowser();
const has = (name) => typeof pkg[name] === "function";

test("a 借呗 loan two instalments late: total due, daily growth, stage and next steps", { skip: !has("overdue") && "overdue is not in this build" }, async () => {
  const session = await openPage(env, { width: 360 });
  const { page } = session;
  await page.click("#tab-overdue");
  await page.selectOption("#debt-product", "jiebei");
  await page.fill("#debt-asOfDate", "2025-06-30");
  await page.fill("#debt-items-0-dueDate", "2025-04-10");
  await page.fill("#debt-items-0-principal", "800");
  await page.fill("#debt-items-0-interest", "96.40");
  await page.fill("#debt-items-0-fee", "");
  await page.fill("#debt-items-1-dueDate", "2025-05-10");
  await page.fill("#debt-items-1-principal", "812.50");
  await page.fill("#debt-items-1-interest", "83.90");
  await page.fill("#debt-items-1-fee", "");
  await page.selectOption("#debt-contractRateKind", "contractDailyRate");
  await page.fill("#debt-contractRate", "0.05");
  const expected = pkg.overdue({
    product: "jiebei", asOfDate: "2025-06-30", contractDailyRate: "0.0005",
    items: [{ dueDate: "2025-04-10", principal: "800", interest: "96.40" }, { dueDate: "2025-05-10", principal: "812.50", interest: "83.90" }],
  });
  const R = "#debt-result";
  await eventually(async () => assert.equal(await figure(page, R, "totalDue"), yuan(expected.totalDue)));
  assert.equal(await figure(page, R, "dailyGrowth"), yuan(expected.dailyGrowth));
  assert.equal(await figure(page, R, "totalCharges"), yuan(expected.totalCharges));
  assert.equal(await figure(page, R, "annualisedChargeRate"), pct(expected.annualisedChargeRate));
  assert.match(await figure(page, R, "daysPastDue"), new RegExp(`^${expected.daysPastDue} 天$`));
  assert.match(await page.locator(`${R} .stage strong`).textContent(), new RegExp(expected.stage.bucket));
  // every next step of the package is shown, in Chinese, each linking to its advice
  const steps = await page.locator(`${R} .notices.step li`).evaluateAll((lis) => lis.map((li) => li.dataset.code));
  assert.deepEqual(steps, expected.nextSteps.map((n) => n.code));
  assert.equal(await page.locator(`${R} .notices.step li .notice-text`).first().textContent(), expected.nextSteps[0].messageZh);
  // following an advice link opens the advice tab at that section
  await page.locator(`${R} .notices.step li[data-code="BEWARE_FAKE_COURT_SMS"] button`).click();
  assert.equal(await page.getAttribute("#tab-advice", "aria-selected"), "true");
  assert.equal(await page.evaluate(() => document.activeElement.id), "advice-fakeSms-title");
  // and back to the result
  await page.click("#panel-advice button.back");
  assert.equal(await page.getAttribute("#tab-overdue", "aria-selected"), "true");
  await closeClean(session);
});

test("credit card: full-statement interest against interest on the unpaid part", { skip: !has("cardInterest") && "cardInterest is not in this build" }, async () => {
  const session = await openPage(env, { lang: "en" });
  const { page } = session;
  await page.click("#tab-overdue");
  await page.fill("#card-statementDate", "2025-03-05");
  await page.fill("#card-dueDate", "2025-03-25");
  await page.fill("#card-nextStatementDate", "2025-04-05");
  await page.fill("#card-asOfDate", "");
  await page.fill("#card-transactions-0-postingDate", "2025-02-10");
  await page.fill("#card-transactions-0-amount", "10000");
  await page.click("#card-transactions .remove >> nth=1");
  await page.fill("#card-payments-0-date", "2025-03-25");
  await page.fill("#card-payments-0-amount", "3000");
  const input = (interestMode) => ({
    statementDate: "2025-03-05", dueDate: "2025-03-25", nextStatementDate: "2025-04-05",
    transactions: [{ postingDate: "2025-02-10", amount: "10000" }], payments: [{ date: "2025-03-25", amount: "3000" }], interestMode,
  });
  const full = pkg.cardInterest(input("full"));
  const unpaid = pkg.cardInterest(input("unpaid"));
  assert.notEqual(full.interest, unpaid.interest, "the example shows a difference");
  const R = "#card-result";
  await eventually(async () => assert.equal(await figure(page, R, "fullInterest"), yuan(full.interest, "en")));
  assert.equal(await figure(page, R, "unpaidInterest"), yuan(unpaid.interest, "en"));
  const rows = await tableText(page, R);
  assert.deepEqual(rows.at(-1), ["Carried to the next statement", yuan(full.newBalance, "en"), yuan(unpaid.newBalance, "en")]);
  // English page, English notices from the package
  const warning = full.warnings.find((w) => w.code === "FULL_STATEMENT_INTEREST");
  assert.ok(warning);
  assert.equal(await page.locator(`${R} li[data-code="FULL_STATEMENT_INTEREST"] .notice-text`).textContent(), warning.message);
  await closeClean(session);
});

test("a bank loan's penalty on a 365-day year: the dayBasis choice reaches the package", { skip: !has("overdue") && "overdue is not in this build" }, async () => {
  const session = await openPage(env, { width: 360 });
  const { page } = session;
  await page.click("#tab-overdue");
  await page.selectOption("#debt-product", "bankLoan");
  await page.fill("#debt-asOfDate", "2025-03-02");
  await page.fill("#debt-items-0-dueDate", "2025-01-31");
  await page.fill("#debt-items-0-principal", "10000");
  await page.fill("#debt-items-0-interest", "");
  await page.fill("#debt-items-0-fee", "");
  // one instalment: remove the example's others
  while (await page.locator("#debt-form fieldset.item").count() > 1) await page.locator("#debt-form fieldset.item .remove").last().click();
  await page.selectOption("#debt-contractRateKind", "contractAnnualRate");
  await page.fill("#debt-contractRate", "4.9");
  const R = "#debt-result";
  const input = (extra) => ({ product: "bankLoan", asOfDate: "2025-03-02", contractAnnualRate: "0.049", items: [{ dueDate: "2025-01-31", principal: "10000" }], ...extra });
  const on360 = pkg.overdue(input({}));
  const on365 = pkg.overdue(input({ dayBasis: 365 }));
  assert.notEqual(on360.penaltyInterest, on365.penaltyInterest);
  assert.ok(await page.locator("#debt-dayBasis").isVisible(), "the choice shows for an annual rate");
  await page.selectOption("#debt-dayBasis", "365");
  await eventually(async () => assert.equal(await figure(page, R, "penaltyInterest"), yuan(on365.penaltyInterest)));
  await page.selectOption("#debt-dayBasis", "");
  await eventually(async () => assert.equal(await figure(page, R, "penaltyInterest"), yuan(on360.penaltyInterest)));
  // a daily contract rate has no year to divide: the choice is not offered
  await page.selectOption("#debt-contractRateKind", "contractDailyRate");
  await eventually(async () => assert.equal(await page.locator("#debt-dayBasis").count() && (await page.locator("#debt-dayBasis").isVisible()), false));
  await closeClean(session);
});

test("credit card: counting the last day (countEndDay) reaches the package", { skip: !has("cardInterest") && "cardInterest is not in this build" }, async () => {
  const session = await openPage(env, { width: 360 });
  const { page } = session;
  await page.click("#tab-overdue");
  await page.fill("#card-statementDate", "2025-04-05");
  await page.fill("#card-dueDate", "2025-04-23");
  await page.fill("#card-nextStatementDate", "2025-05-05");
  await page.fill("#card-asOfDate", "");
  await page.fill("#card-transactions-0-postingDate", "2025-03-30");
  await page.fill("#card-transactions-0-amount", "1000");
  while (await page.locator("#card-transactions fieldset.item").count() > 1) await page.locator("#card-transactions .remove").last().click();
  while (await page.locator("#card-payments fieldset.item").count() > 1) await page.locator("#card-payments .remove").last().click();
  await page.fill("#card-payments-0-date", "2025-04-23");
  await page.fill("#card-payments-0-amount", "100");
  const input = (extra) => ({
    statementDate: "2025-04-05", dueDate: "2025-04-23", nextStatementDate: "2025-05-05",
    transactions: [{ postingDate: "2025-03-30", amount: "1000" }], payments: [{ date: "2025-04-23", amount: "100" }], interestMode: "full", ...extra,
  });
  const nights = pkg.cardInterest(input({}));
  const counted = pkg.cardInterest(input({ countEndDay: true }));
  assert.equal(counted.interest, "17.85", "China Merchants Bank's 1000 × 0.05% × 24 + 900 × 0.05% × 13");
  const R = "#card-result";
  await eventually(async () => assert.equal(await figure(page, R, "fullInterest"), yuan(nights.interest)));
  const box = page.locator("#card-countEndDay");
  if (!(await box.isVisible())) await page.locator("#card-form details summary").last().click();
  await box.check();
  await eventually(async () => assert.equal(await figure(page, R, "fullInterest"), yuan(counted.interest)));
  await closeClean(session);
});
