// 协商还款申请书: the letter carries the package's own figures (restructure, budget) for the inputs on
// the page, in Chinese and English, as text and as a .txt file; the personal blanks never reach the URL.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useBrowser, openPage, closeClean, eventually, figure, yuan, pkg } from "./harness.mjs";

const env = useBrowser();

/** How the letter writes an amount: "12,000.00 元" / "CNY 12,000.00". */
function letterAmount(s, lang = "zh") {
  const text = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(s);
  return lang === "zh" ? `${text} 元` : `CNY ${text}`;
}
const letterText = (page) => page.locator("#letter-box article.letter").innerText();

async function fillLetter(page, v) {
  for (const [key, value] of Object.entries(v)) {
    const sel = `#letter-${key}`;
    const tag = await page.locator(sel).evaluate((e) => (e.type === "checkbox" ? "checkbox" : e.tagName));
    if (tag === "SELECT") await page.selectOption(sel, value);
    else if (tag === "checkbox") await page.setChecked(sel, value);
    else await page.fill(sel, value);
  }
}

test("the letter states the monthly payment, plan and debt that restructure returns for the same inputs", async () => {
  const session = await openPage(env, { width: 360 });
  const { page } = session;
  await page.click("#tab-letter");
  await fillLetter(page, {
    product: "creditCard", plan: "personalised", reason: "unemployed",
    monthlyIncome: "7000", essential: "3000", savings: "500",
    principal: "30000", interest: "2000", fees: "150", penalties: "1000",
    waiveInterest: false, waiveFees: false, waivePenalties: true,
    solveBy: "periods", periods: "24", chargeKind: "feeRate", rate: "0.6", downPayment: "2000", startDate: "2025-01-10",
  });
  const input = { principal: "30000", interest: "2000", fees: "150", penalties: "1000", waive: ["penalties"], periods: 24, feeRate: "0.006", downPayment: "2000", startDate: "2025-01-10" };
  const expected = pkg.restructure(input);
  const budget = pkg.budget({ monthlyIncome: "7000", expenses: [{ amount: "3000", kind: "essential" }, { amount: "500", kind: "savings" }], debts: [{ minimumPayment: expected.payment }] });
  const whole = pkg.restructure({ principal: "30000", interest: "2000", fees: "150", penalties: "1000", periods: 1, startDate: "2025-01-10" });
  await eventually(async () => assert.equal(await figure(page, "#letter-result", "letterPayment"), yuan(expected.payment)));
  assert.equal(await figure(page, "#letter-result", "letterPeriods"), String(expected.periods));
  assert.equal(await figure(page, "#letter-result", "letterCapacity"), yuan(budget.capacity));
  const text = await letterText(page);
  const pay = letterAmount(expected.payment);
  assert.ok(text.includes(`每期 ${pay}`) || text.includes(`每期不超过 ${pay}`), `the letter has the payment ${pay}:\n${text}`);
  for (const amount of [expected.totals.principal, expected.totals.payment, expected.totals.fee, budget.capacity, budget.income, whole.totals.principal]) {
    assert.ok(text.includes(letterAmount(amount)), `the letter has ${amount}`);
  }
  assert.ok(text.includes(`分 ${expected.periods} 期`));
  assert.ok(text.includes("《商业银行信用卡业务监督管理办法》（2011 年）第七十条"), "credit card + 个性化分期 cites art. 70");
  assert.match(await page.textContent("#letter-box .disclaimer"), /模板，不是法律意见/);

  // English, chosen for the letter only: the same figures
  await page.selectOption("#letter-lang", "en");
  await eventually(async () => assert.ok((await letterText(page)).includes(letterAmount(expected.payment, "en"))));
  assert.match(await letterText(page), /Request to agree a repayment plan/);

  // the downloaded .txt is the letter as shown, with the same payment
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#letter-box button:has-text('.txt')")]);
  assert.equal(download.suggestedFilename(), "negotiation-letter.txt");
  const file = (await readFile(await download.path())).toString("utf8");
  assert.ok(file.includes(letterAmount(expected.payment, "en")));
  assert.ok(file.includes("\r\n"), "CRLF for Windows editors");
  assert.match(file, /article 70/);
  await closeClean(session);
});

test("停息挂账 freezes the charges and deferral restarts on restructure's first due date; only credit cards cite art. 70", async () => {
  const session = await openPage(env);
  const { page } = session;
  await page.click("#tab-letter");
  await fillLetter(page, { product: "huabei", plan: "freeze", principal: "8000", interest: "", fees: "", penalties: "240", waivePenalties: false, solveBy: "targetPayment", downPayment: "", startDate: "2025-03-31" });
  await page.fill("#letter-targetPayment", "700");
  assert.equal(await page.isVisible("#letter-chargeKind"), false, "停息挂账 has no charges to choose");
  const frozen = pkg.restructure({ principal: "8000", penalties: "240", targetPayment: "700", startDate: "2025-03-31" });
  await eventually(async () => assert.equal(await figure(page, "#letter-result", "letterPayment"), yuan(frozen.payment)));
  let text = await letterText(page);
  assert.ok(text.includes("恳请停息挂账"));
  assert.ok(text.includes(letterAmount(frozen.payment)));
  assert.ok(text.includes("分期期间停止计收利息和费用"));
  assert.ok(!text.includes("第七十条"), "no rule is cited for 花呗");

  await page.selectOption("#letter-plan", "deferral");
  await page.selectOption("#letter-chargeKind", "annualRate");
  await page.fill("#letter-rate", "12");
  const deferred = pkg.restructure({ principal: "8000", penalties: "240", targetPayment: "700", annualRate: "0.12", startDate: "2025-03-31" });
  await eventually(async () => assert.equal(await figure(page, "#letter-result", "letterPayment"), yuan(deferred.payment)));
  text = await letterText(page);
  const [, m, d] = /^\d{4}-(\d{2})-(\d{2})$/.exec(deferred.rows[0].dueDate);
  assert.ok(text.includes(`自 ${deferred.rows[0].dueDate.slice(0, 4)}年${Number(m)}月${Number(d)}日 起恢复还款`), text);
  assert.ok(text.includes(letterAmount(deferred.totals.interest)), "the interest of the plan");
  await closeClean(session);
});

test("the personal blanks and the free-text reason fill the letter but never the URL", async () => {
  const session = await openPage(env);
  const { page } = session;
  await page.click("#tab-letter");
  await page.fill("#letter-me-name", "张小明");
  await page.fill("#letter-me-idLast4", "047X");
  await page.fill("#letter-me-lender", "某某银行信用卡中心");
  await page.fill("#letter-reasonText", "三月被裁员");
  await page.fill("#letter-periods", "30"); // a non-personal change, so the URL is written
  await eventually(async () => {
    const text = await letterText(page);
    for (const s of ["张小明", "047X", "某某银行信用卡中心", "三月被裁员"]) assert.ok(text.includes(s), s);
  });
  await page.waitForFunction(() => JSON.parse(decodeURIComponent(location.hash.slice(1)) || "{}").letter?.periods === "30");
  const hash = decodeURIComponent(await page.evaluate(() => location.hash));
  for (const s of ["张小明", "047X", "某某银行", "三月被裁员"]) assert.ok(!hash.includes(s), `${s} is not in the URL`);
  const letterState = JSON.parse(hash.slice(1)).letter;
  for (const key of ["name", "idLast4", "lender", "date", "reasonText"]) assert.ok(!(key in letterState), `no ${key} in the letter's state`);
  // a reload keeps the plan but not the person
  await page.reload();
  await page.waitForSelector("html[data-ready]");
  assert.equal(await page.inputValue("#letter-periods"), "30");
  assert.equal(await page.inputValue("#letter-me-name"), "");
  assert.equal(await page.inputValue("#letter-reasonText"), "");
  await eventually(async () => assert.ok((await letterText(page)).includes("申请人：________")));
  await closeClean(session);
});

test("a payment above what the budget allows offers to solve the months from the capacity", async () => {
  const session = await openPage(env, { width: 360 });
  const { page } = session;
  await page.click("#tab-letter");
  await fillLetter(page, { monthlyIncome: "4000", essential: "3600", savings: "", principal: "12000", interest: "600", fees: "0", penalties: "300", solveBy: "periods", periods: "12", plan: "freeze", startDate: "2025-01-10" });
  const warn = page.locator("#letter-result .message.warn");
  await eventually(async () => assert.ok(await warn.isVisible()));
  const capacity = pkg.budget({ monthlyIncome: "4000", expenses: [{ amount: "3600", kind: "essential" }] }).capacity;
  await warn.locator("button").click();
  assert.equal(await page.inputValue("#letter-solveBy"), "targetPayment");
  assert.equal(await page.inputValue("#letter-targetPayment"), capacity);
  const waive = (await page.isChecked("#letter-waivePenalties")) ? { waive: ["penalties"] } : {};
  const solved = pkg.restructure({ principal: "12000", interest: "600", fees: "0", penalties: "300", targetPayment: capacity, startDate: "2025-01-10", ...waive });
  await eventually(async () => assert.equal(await figure(page, "#letter-result", "letterPeriods"), String(solved.periods)));
  assert.equal(await warn.count(), 0, "the plan now fits the budget");
  await closeClean(session);
});

test("the letter can start from the budget tab's numbers, summed by the package", async () => {
  const session = await openPage(env);
  const { page } = session;
  await page.click("#tab-plan");
  await page.fill("#plan-monthlyIncome", "9100");
  await page.locator("#restructure > summary").click();
  await page.fill("#rs-principal", "15000");
  await page.waitForFunction(() => JSON.parse(decodeURIComponent(location.hash.slice(1)) || "{}").plan?.restructure?.principal === "15000");
  const expenses = await page.evaluate(() => [...document.querySelectorAll("#plan-expenses fieldset.item")].map((f) => ({
    name: f.querySelector("[name$='.name']").value, amount: f.querySelector("[name$='.amount']").value, kind: f.querySelector("[name$='.kind']").value })));
  const budget = pkg.budget({ monthlyIncome: "9100", expenses });
  await page.click("#tab-letter");
  await page.click("#panel-letter .chip");
  assert.equal(await page.inputValue("#letter-monthlyIncome"), budget.income);
  assert.equal(await page.inputValue("#letter-essential"), budget.essential);
  assert.equal(await page.inputValue("#letter-principal"), "15000");
  await eventually(async () => assert.equal(await figure(page, "#letter-result", "letterCapacity"), yuan(budget.capacity)));
  await closeClean(session);
});

test("an input the package refuses is shown next to its field, and the letter waits", async () => {
  const session = await openPage(env);
  const { page } = session;
  await page.click("#tab-letter");
  await page.fill("#letter-periods", "72");
  await eventually(async () => assert.ok(await page.locator("#letter-periods-error").isVisible()));
  assert.equal(await page.locator("#letter-box button:has-text('.txt')").isDisabled(), true);
  await page.fill("#letter-periods", "24");
  await eventually(async () => assert.equal(await page.locator("#letter-box button:has-text('.txt')").isDisabled(), false));
  await closeClean(session);
});

test("a bookmarked fragment opens straight on the letter with its plan (the tool loads when its tab opens)", async () => {
  const state = { tab: "letter", lang: "en", letter: { plan: "freeze", product: "jiebei", principal: "5000", interest: "", fees: "", penalties: "", solveBy: "periods", periods: "10", startDate: "2025-06-15" } };
  const session = await openPage(env, { hash: "#" + encodeURIComponent(JSON.stringify(state)) });
  const { page } = session;
  const expected = pkg.restructure({ principal: "5000", periods: 10, startDate: "2025-06-15" });
  await eventually(async () => assert.equal(await figure(page, "#letter-result", "letterPayment"), yuan(expected.payment, "en")));
  assert.ok((await letterText(page)).includes(`${letterAmount(expected.payment, "en")} a month`));
  assert.equal(await page.textContent("#letter-title"), "Negotiation letter");
  await closeClean(session);
});

test("Print prints the letter alone", async () => {
  const session = await openPage(env);
  const { page } = session;
  await page.click("#tab-letter");
  await page.waitForSelector("#letter-box article.letter .l-title");
  // window.print() is synchronous: see what is printed while it runs
  await page.evaluate(() => {
    window.print = () => {
      const shown = (sel) => [...document.querySelectorAll(sel)].some((e) => e.getClientRects().length > 0);
      window.printed = { part: document.documentElement.dataset.print, letter: shown("#letter-box article.letter"), form: shown("#letter-form"), header: shown("header.top"), result: shown("#letter-result") };
    };
  });
  await page.emulateMedia({ media: "print" });
  await page.locator("#letter-box button:has-text('打印')").evaluate((b) => b.click()); // print media hides the buttons
  assert.deepEqual(await page.evaluate(() => window.printed), { part: "letter", letter: true, form: false, header: false, result: false });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.print), undefined, "back to the normal page afterwards");
  await closeClean(session);
});
