// 催收记录: kept in this browser only when saving is on (IndexedDB), gone after "delete everything",
// never in the URL, and a CSV export imports back to the same entries (commas, quotes, line breaks,
// Chinese, formula-like text).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { useBrowser, openPage, closeClean, eventually, ARTIFACTS } from "./harness.mjs";

const env = useBrowser();
const DB = "repayment-plan-log";

async function openLog(page) {
  await page.click("#tab-log");
  await page.waitForSelector("#panel-log[data-loaded]");
}

async function addEntry(page, e) {
  await page.fill("#log-date", e.date);
  await page.fill("#log-time", e.time ?? "");
  await page.selectOption("#log-channel", e.channel ?? "phone");
  for (const key of ["number", "staffId", "company", "summary"]) await page.fill(`#log-${key}`, e[key] ?? "");
  for (const flag of ["threat", "insult", "thirdParty", "night", "fakeLegal"]) await page.setChecked(`#log-flag-${flag}`, !!e.flags?.includes(flag));
  const before = await page.locator("#log-list .log-entry").count();
  await page.click("#log-form button[type=submit]");
  await eventually(async () => assert.equal(await page.locator("#log-list .log-entry").count(), before + 1));
}

const said = (page) => page.locator("#log-list .log-said").allTextContents();
const databases = (page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));

async function reload(page) {
  await page.reload();
  await page.waitForSelector("html[data-ready]");
  await openLog(page);
}

test("an entry survives a reload only when saving is on, and is gone after delete everything", async () => {
  const session = await openPage(env, { width: 360 });
  const { page } = session;
  await openLog(page);
  assert.equal(await page.textContent("#log-title"), "催收记录");
  assert.match(await page.textContent("#log-privacy"), /不会上传/, "says next to the form that nothing leaves the device");
  await addEntry(page, { date: "2026-11-02", time: "21:15", summary: "不保存的记录", flags: ["insult"] });
  assert.deepEqual(await databases(page), [], "nothing is stored before saving is turned on");
  await reload(page);
  assert.deepEqual(await said(page), [], "without saving, a reload forgets the entry");

  await addEntry(page, { date: "2026-11-03", time: "09:30", number: "95188", company: "某某公司", summary: "第一条，保存前记下的", flags: ["thirdParty"] });
  await page.check("#log-save");
  await eventually(async () => assert.deepEqual(await databases(page), [DB]));
  await addEntry(page, { date: "2026-11-04", time: "23:50", channel: "sms", summary: "第二条，保存后记下的", flags: ["night", "threat"] });
  await page.waitForTimeout(100);
  assert.ok(!decodeURIComponent(await page.evaluate(() => location.hash)).includes("保存"), "the log is never in the URL");
  await reload(page);
  assert.equal(await page.isChecked("#log-save"), true, "saving stays on");
  assert.deepEqual(await said(page), ["第二条，保存后记下的", "第一条，保存前记下的"], "newest first, both kept");
  // each flagged problem links to where to turn
  const threat = page.locator("#log-list [data-flag=threat]");
  assert.equal(await threat.locator("a[href='tel:110']").count(), 1);
  assert.equal(await threat.locator("a[href='tel:12378']").count(), 1);
  assert.match(await page.textContent("#log-report"), /第六十八条/, "the rule for threats and third-party contact, with its source");

  // delete everything: asks first, then nothing is left on screen or in the browser
  await page.click("#log-wipe");
  await page.click("#log-wipe-cancel");
  assert.equal((await said(page)).length, 2, "cancel keeps everything");
  await page.click("#log-wipe");
  await page.click("#log-wipe-confirm");
  await eventually(async () => assert.deepEqual(await said(page), []));
  assert.equal(await page.isChecked("#log-save"), false);
  assert.deepEqual(await databases(page), []);
  await reload(page);
  assert.deepEqual(await said(page), []);
  assert.equal(await page.isChecked("#log-save"), false);
  await closeClean(session);
});

test("turning saving off deletes the stored copy but keeps the entries on screen", async () => {
  const session = await openPage(env);
  const { page } = session;
  await openLog(page);
  await page.check("#log-save");
  await addEntry(page, { date: "2026-10-01", summary: "保存的" });
  await eventually(async () => assert.deepEqual(await databases(page), [DB]));
  await page.uncheck("#log-save");
  await eventually(async () => assert.deepEqual(await databases(page), []));
  assert.deepEqual(await said(page), ["保存的"]);
  await reload(page);
  assert.deepEqual(await said(page), []);
  await closeClean(session);
});

const TRICKY = [
  { date: "2026-09-01", time: "08:05", channel: "phone", number: "+86 138 0013 8000", staffId: "A-007", company: "催收公司, 上海分公司", summary: "他说：“今天不还，就去你单位”，\n还说要 \"通知\" 你父母。", flags: ["threat", "thirdParty"] },
  { date: "2026-09-02", time: "23:40", channel: "sms", number: "10690000", company: "", summary: "=HYPERLINK(\"x\")\r\n法院已立案，明天上门执行", flags: ["fakeLegal", "night"] },
  { date: "2026-09-03", time: "", channel: "employer", number: "", staffId: "", company: "某某银行", summary: "打到我单位前台，问我是不是欠钱", flags: [] },
];

test("CSV export imports back to the same entries", async () => {
  const session = await openPage(env, { lang: "en" });
  const { page } = session;
  await openLog(page);
  for (const e of TRICKY) await addEntry(page, e);
  const exported = async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#log-export")]);
    return (await readFile(await download.path())).toString("utf8");
  };
  const first = await exported();
  assert.ok(first.startsWith("\ufeffDate,Time,Channel,"), "a BOM and the English header");
  assert.ok(first.includes('"催收公司, 上海分公司"'), "a comma is quoted");
  assert.ok(first.includes("'=HYPERLINK"), "formula-like text cannot run in a spreadsheet");

  // the file goes back in after everything is deleted
  await page.click("#log-wipe");
  await page.click("#log-wipe-confirm");
  await eventually(async () => assert.deepEqual(await said(page), []));
  const file = fileURLToPath(new URL("log-roundtrip.csv", ARTIFACTS));
  await writeFile(file, first);
  await page.setInputFiles("#panel-log input[type=file]", file);
  await eventually(async () => assert.equal((await said(page)).length, TRICKY.length));
  assert.deepEqual((await said(page)).reverse(), TRICKY.map((e) => e.summary.replace(/\r\n/g, "\n")));
  assert.equal(await exported(), first, "export → import → export gives the same file");
  assert.equal(await page.locator("#log-list [data-flag=fakeLegal] a[href='tel:12368']").count(), 1);

  // importing the same file again adds nothing; a Chinese export reads back too
  await page.setInputFiles("#panel-log input[type=file]", file);
  await eventually(async () => assert.match(await page.textContent("#panel-log [role=status]"), /3 duplicates/));
  assert.equal((await said(page)).length, TRICKY.length);
  await page.click("#lang");
  const zh = await exported();
  assert.ok(zh.startsWith("\ufeff日期,时间,方式,"));
  await page.click("#log-wipe");
  await page.click("#log-wipe-confirm");
  await writeFile(file, zh);
  await page.setInputFiles("#panel-log input[type=file]", file);
  await eventually(async () => assert.equal((await said(page)).length, TRICKY.length));
  assert.equal(await exported(), zh);
  await closeClean(session);
});
