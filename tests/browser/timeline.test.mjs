// 逾期时间线: every milestone on the page shows the date, stage and amount the package returns, and
// each amount is what `overdue` returns on that date; today's place, the day parameters, errors
// next to their field, both languages, and the state in the fragment.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, closeClean, eventually, figure, yuan, pkg, todayCN } from "./harness.mjs";

const env = useBrowser();

/** The milestones on the page: code, date, owed text, whether passed, and the next-step code. */
function shown(page) {
  return page.locator("#timeline-result ol.timeline > li").evaluateAll((items) => items.map((li) => ({
    code: li.dataset.code ?? "TODAY",
    date: li.dataset.date,
    owed: li.querySelector(".m-owed strong")?.textContent,
    passed: li.classList.contains("reached"),
    step: li.querySelector(".m-step")?.dataset.code,
    text: li.textContent,
  })));
}

/** The milestones shown, as [code, date] (today's mark left out). */
const dated = (list) => list.filter((m) => m.code !== "TODAY").map((m) => [m.code, m.date]);

async function fill(page, values) {
  for (const [key, value] of Object.entries(values)) {
    const sel = `#timeline-${key}`;
    await page.locator(sel).evaluate((e) => e.closest("details")?.setAttribute("open", "")); // "More" options
    if (await page.locator(sel).evaluate((e) => e.tagName) === "SELECT") await page.selectOption(sel, value);
    else await page.fill(sel, value);
  }
}

/** Shifts an ISO date by whole days (test input only). */
function shift(iso, days) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

test("a bank loan's timeline: every milestone's amount is what overdue returns on its date", async () => {
  const session = await openPage(env, { width: 360 });
  const { page } = session;
  await page.click("#tab-timeline");
  await page.waitForSelector("#timeline-result ol.timeline li");
  await fill(page, { product: "bankLoan", from: "date", principal: "10,000", interest: "350", fee: "", contractRateKind: "contractAnnualRate", contractRate: "4.35", graceDays: "3" });
  const due = shift(todayCN(), -45);
  await fill(page, { dueDate: due });
  const input = { product: "bankLoan", asOfDate: todayCN(), contractAnnualRate: "0.0435", graceDays: "3", items: [{ dueDate: due, principal: "10000", interest: "350" }] };
  const expected = pkg.overdue({ ...input, timeline: true });
  // Wait for the dates of this due date, not just as many milestones: the form's earlier
  // state (20 days late today) has as many, on other dates, until the page recomputes.
  await eventually(async () => assert.deepEqual(dated(await shown(page)), expected.timeline.map((m) => [m.code, m.date])));
  const items = await shown(page);
  assert.equal(items.length, expected.timeline.length + 1);
  const milestones = items.filter((m) => m.code !== "TODAY");
  for (const [i, m] of expected.timeline.entries()) {
    const then = pkg.overdue({ ...input, asOfDate: m.date });
    assert.equal(m.owed, then.totalDue, `${m.code}: the package's own check`);
    assert.equal(milestones[i].owed, yuan(then.totalDue), `${m.code} on ${m.date} shows what overdue returns that day`);
    assert.equal(milestones[i].passed, m.reached);
    assert.equal(milestones[i].step, m.nextStep.code);
    assert.ok(milestones[i].text.includes(m.messageZh), `${m.code} shows the package's text`);
  }
  // Today sits after the milestones already passed, with today's total.
  const at = items.findIndex((m) => m.code === "TODAY");
  assert.equal(at, expected.timeline.filter((m) => m.reached).length);
  assert.equal(items[at].owed, yuan(expected.totalDue));
  assert.equal(await figure(page, "#timeline-result", "timelineTotalDue"), yuan(expected.totalDue));
  assert.equal(await figure(page, "#timeline-result", "timelineDays"), "45 天");
  assert.match(milestones[0].text, /宽限期内/, "the last grace day is not called a day late");
  // The advice link of a next step opens its section.
  await page.locator("#timeline-result .m-step .link").first().click();
  assert.equal(await page.getAttribute("#tab-advice", "aria-selected"), "true");
  await closeClean(session);
});

test("days late today, the assumed days, English, an error next to its field, and the fragment", async () => {
  const session = await openPage(env);
  const { page } = session;
  await page.click("#tab-timeline");
  await page.waitForSelector("#timeline-result ol.timeline li");
  await fill(page, { product: "jiebei", from: "days", daysLate: "12", principal: "5000", interest: "60", fee: "", contractRateKind: "contractDailyRate", contractRate: "0.04", graceDays: "", creditReportDays: "60", collectionAgencyDays: "", legalActionDays: "180" });
  const input = { product: "jiebei", asOfDate: todayCN(), contractDailyRate: "0.0004", items: [{ dueDate: shift(todayCN(), -12), principal: "5000", interest: "60" }] };
  const expected = pkg.overdue({ ...input, timeline: true, creditReportDays: "60", legalActionDays: "180" });
  const credit = expected.timeline.find((m) => m.code === "CREDIT_REPORT");
  assert.equal(credit.daysPastDue, 60);
  await eventually(async () => assert.ok((await shown(page)).some((m) => m.code === "CREDIT_REPORT" && m.date === credit.date)));
  // …and every milestone on its date (the last field filled may still be recomputing).
  await eventually(async () => assert.deepEqual(dated(await shown(page)), expected.timeline.map((m) => [m.code, m.date])));
  for (const m of expected.timeline) {
    const item = (await shown(page)).find((s) => s.code === m.code);
    assert.equal(item.owed, yuan(pkg.overdue({ ...input, asOfDate: m.date }).totalDue), m.code);
  }
  assert.match(await page.textContent("#timeline-result"), /60 天只是假设/);

  // English: the same amounts, the package's English text
  await page.click("#lang");
  await eventually(async () => assert.match(await page.textContent("#timeline-result"), /is an assumption \(legalActionDays\)/));
  const en = await shown(page);
  const legal = expected.timeline.find((m) => m.code === "LEGAL_ACTION");
  assert.equal(en.find((m) => m.code === "LEGAL_ACTION").owed, yuan(legal.owed, "en"));
  assert.equal(await page.textContent("#tab-timeline"), "Timeline");

  // A bad day count: the package's message next to the field, the result says which field
  await page.fill("#timeline-legalActionDays", "0");
  await page.waitForSelector("#timeline-legalActionDays-error:not([hidden])");
  assert.equal(await page.getAttribute("#timeline-legalActionDays", "aria-invalid"), "true");
  assert.match(await page.textContent("#timeline-result"), /Please fix/);
  await page.fill("#timeline-daysLate", "abc");
  await page.fill("#timeline-legalActionDays", "180");
  await page.waitForSelector("#timeline-daysLate-error:not([hidden])");
  await page.fill("#timeline-daysLate", "12");
  await page.waitForSelector("#timeline-result ol.timeline li");

  // The inputs are in the fragment and come back after a reload
  await eventually(async () => assert.match(decodeURIComponent(await page.evaluate(() => location.hash)), /"legalActionDays":"180"/));
  await page.reload();
  await page.waitForSelector("html[data-ready]");
  await page.waitForSelector("#timeline-result ol.timeline li");
  assert.equal(await page.inputValue("#timeline-creditReportDays"), "60");
  assert.ok((await shown(page)).some((m) => m.code === "CREDIT_REPORT" && m.date === credit.date));
  await closeClean(session);
});
