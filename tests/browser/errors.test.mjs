// Bad input in every field: the package's message, in the page's language, next to the field;
// the page keeps working and the result comes back once the input is fixed.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, closeClean, eventually, pkg, showCompare } from "./harness.mjs";

const env = useBrowser();
const has = (...names) => names.every((n) => typeof pkg[n] === "function");
const CJK = /[\u4e00-\u9fff]/;
/** Date fields that may be left empty (the package has a default). */
const OPTIONAL_DATES = new Set(["loan-firstDueDate", "card-asOfDate"]);

/** Every visible, user-typed field of a form (names are free text and are left out). */
async function fields(page, formId) {
  await page.$$eval(`#${formId} details`, (ds) => ds.forEach((d) => (d.open = true)));
  return page.$$eval(`#${formId} input`, (inputs) =>
    inputs.filter((i) => i.offsetParent !== null && i.type !== "checkbox" && !i.name.endsWith("name")).map((i) => ({ id: i.id, type: i.type, value: i.value })));
}

async function errorShown(page, formId, fieldId) {
  return page.evaluate(([formId, fieldId]) => {
    const at = document.getElementById(`${fieldId}-error`);
    const form = document.getElementById(`${formId}-error`) ?? document.querySelector(`#${formId} .form-error`);
    const show = (el) => el && !el.hidden && el.textContent.trim() ? el.textContent.trim() : null;
    return { at: show(at), form: show(form), invalid: document.getElementById(fieldId).getAttribute("aria-invalid") };
  }, [formId, fieldId]);
}

async function checkForm(page, formId, resultId, lang, limit = Infinity, only = null) {
  const seen = [];
  for (const f of (await fields(page, formId)).filter((x) => !only || only.includes(x.id)).slice(0, limit)) {
    const bad = f.type === "date" ? "" : "abc";
    if (f.type === "date" && (f.value === "" || OPTIONAL_DATES.has(f.id))) continue;
    await page.fill(`#${f.id}`, bad);
    const shown = await eventually(async () => {
      const s = await errorShown(page, formId, f.id);
      return s.at || s.form ? s : false;
    }).catch(() => null);
    assert.ok(shown, `${f.id}: no message for ${JSON.stringify(bad)}`);
    assert.ok(shown.at, `${f.id}: the message is not next to the field (${shown.form})`);
    assert.equal(shown.invalid, "true", `${f.id}: aria-invalid`);
    assert.equal(CJK.test(shown.at), lang === "zh", `${f.id}: message in ${lang}: ${shown.at}`);
    assert.ok((await page.locator(resultId.split(",").map((r) => `#${r.trim()} .message.error`).join(",")).count()) >= 1, `${f.id}: the result says to fix the input`);
    seen.push(f.id);
    await page.fill(`#${f.id}`, f.value);
    const errorsLeft = resultId.split(",").map((r) => `#${r.trim()} .message.error`).join(",") + `, #${formId} .field-error:not([hidden])`;
    await eventually(async () => (await page.locator(errorsLeft).count()) === 0);
  }
  return seen;
}

// Each test uses its own page: they run side by side (most of the time is waiting for results).
describe("errors", { concurrency: 4 }, () => {
  test("schedule and compare forms, in Chinese and in English", { skip: !has("schedule", "compareOffers") && "schedule is not in this build" }, async () => {
    const session = await openPage(env);
    const { page } = session;
    // a complete prepayment, so that each of its fields is checked on its own
    await page.$eval("#loan-form details", (d) => (d.open = true));
    await page.click('[data-preset="mortgage"]');
    await page.fill("#loan-prepayAfter", "6");
    await page.fill("#loan-prepayAmount", "500");
    const zh = await checkForm(page, "loan-form", "loan-result", "zh");
    assert.ok(zh.length >= 4, zh.join());
    await showCompare(page);
    await checkForm(page, "compare-form", "compare-result", "zh");
    await page.click("#lang");
    await checkForm(page, "loan-form", "loan-result", "en", 3);
    await closeClean(session);
  });

  test("overdue forms (every product's fields) and the card cycle", { skip: !has("overdue", "cardInterest") && "overdue is not in this build" }, async () => {
    const session = await openPage(env);
    const { page } = session;
    await page.click("#tab-overdue");
    await checkForm(page, "debt-form", "debt-result", "zh");
    await page.selectOption("#debt-product", "bankLoan");
    await page.fill("#debt-contractRate", "4.35");
    // the fields only bank loans (and 借呗) show
    const bank = await checkForm(page, "debt-form", "debt-result", "zh", Infinity, ["debt-contractRate", "debt-penaltyMultiplier"]);
    assert.equal(bank.length, 2);
    await checkForm(page, "card-form", "card-result", "zh");
    await closeClean(session);
  });

  test("budget and payoff", { skip: !has("budget", "payoff") && "budget/payoff are not in this build" }, async () => {
    const session = await openPage(env);
    const { page } = session;
    await page.click("#tab-plan");
    // an error of a debt's field may come from budget or from payoff
    await checkForm(page, "plan-form", "budget-result, payoff-result", "zh");
    await closeClean(session);
  });

  test("the hardship what-if", { skip: !has("restructure") && "restructure is not in this build" }, async () => {
    const session = await openPage(env);
    const { page } = session;
    await page.click("#tab-plan");
    await page.locator("#restructure > summary").click();
    await checkForm(page, "rs-form", "rs-result", "zh");
    await page.click("#lang");
    await checkForm(page, "rs-form", "rs-result", "en", 3);
    await closeClean(session);
  });

  test("hostile fragments never break the page", async () => {
    const session = await openPage(env);
    const { page } = session;
    for (const hash of ["#%7B%22schedule%22%3A%7B%22loan%22%3A%5B1%2C2%5D%7D%7D", "#%7B%22overdue%22%3A%7B%22debt%22%3A%7B%22items%22%3A%22x%22%7D%7D%7D", "#%7B%22plan%22%3A%7B%22budget%22%3A%7B%22debts%22%3A%5Bnull%2C7%5D%7D%7D%7D", "#%5B%5D", "#%E0%A4%A"]) {
      await page.goto(env.url + hash);
      await page.reload();
      await page.waitForSelector("html[data-ready]");
      await page.click("#tab-plan");
      await page.click("#tab-overdue");
      assert.equal(await page.locator("#debt-form").count(), 1);
    }
    await closeClean(session);
  });
});
