// Tool: 催收记录 — a private record of collection contacts. Entries live in this page's memory, and in
// this browser's IndexedDB only after the person turns saving on; one button deletes everything.
// Nothing is sent anywhere and nothing goes into the URL. CSV export and import (the person's own
// file), and a printable report summarised by problem and by date, each problem with where to turn.
import { h, fill } from "../lib/dom.js";
import { tr } from "../lib/i18n.js";
import { toCsv, parseCsv, download } from "../lib/csv.js";
import { openStore, deleteStore } from "../lib/idb.js";
import { today, printPart } from "../lib/tool.js";

const L = (zh, en) => ({ zh, en });
const DB = "repayment-plan-log";
const STORE = "entries";

const CHANNELS = [
  { value: "phone", label: L("电话", "Phone call") },
  { value: "sms", label: L("短信", "SMS") },
  { value: "app", label: L("App 或微信消息", "App or WeChat message") },
  { value: "letter", label: L("信件、律师函", "Letter") },
  { value: "visit", label: L("上门", "Home visit") },
  { value: "family", label: L("联系我的家人", "Contacted my family") },
  { value: "friends", label: L("联系朋友或通讯录", "Contacted friends or phone contacts") },
  { value: "employer", label: L("联系单位或同事", "Contacted my employer or colleagues") },
  { value: "other", label: L("其他", "Other") },
];

/** Where to turn, per problem. Phone numbers are links a phone can dial; nothing is fetched. */
const ROUTES = {
  police: { short: L("110 报警", "110 (police)"), label: L("人身安全受到威胁：拨打 110 报警", "If your safety is threatened: call 110"), tel: "110" },
  hotline: { short: L("12378 投诉", "12378 (complaints)"), label: L("向国家金融监督管理总局消费者投诉热线 12378 投诉（银行、消费金融公司等持牌机构）", "Complain to the NFRA consumer hotline 12378 (banks, consumer-finance companies and other licensed lenders)"), tel: "12378" },
  court: { short: L("12368 核实", "12368 (verify)"), label: L("用 12368 诉讼服务热线（部分地区需加区号）或法院官网上的电话核实，不要用短信里的号码或链接", "Verify through the 12368 litigation hotline (some areas need the area code) or the number on the court's official website, never the number or link in the message"), tel: "12368" },
  platform: { short: L("平台或银行客服投诉", "the lender's complaint channel"), label: L("先向平台或银行的官方客服投诉，记下工单号", "Complain to the platform's or bank's official customer service first and note the ticket number"), advice: "complain" },
};
/** Rules cited (docs/rules-cited.md): only where the source is solid enough, and saying how sure it is. */
const ART68 = L("信用卡：《商业银行信用卡业务监督管理办法》（2011）第六十八条要求发卡银行只向债务人本人及其担保人催收，不得向与债务无关的第三人催收，不得使用暴力、胁迫、恐吓等不正当手段。来源：多个网站转载的条文（二手资料）。",
  "Credit cards: art. 68 of the 2011 credit-card rules (商业银行信用卡业务监督管理办法) says the bank collects only from the debtor and any guarantor, never from unrelated third parties, and never by violence, coercion or intimidation. Source: the article as reproduced on several sites (secondary).");
const FLAGS = [
  { key: "threat", label: L("威胁、恐吓", "Threats"), routes: ["police", "platform", "hotline"], rule: ART68, advice: "evidence" },
  { key: "insult", label: L("辱骂、侮辱", "Insults"), routes: ["platform", "hotline"], advice: "evidence" },
  { key: "thirdParty", label: L("联系家人、朋友或同事", "Contacting third parties"), routes: ["platform", "hotline"], rule: ART68, advice: "complain" },
  { key: "night", label: L("深夜或清晨来电", "Calls at night"), routes: ["platform", "hotline"], advice: "evidence" },
  { key: "fakeLegal", label: L("假冒法院、公安的文书或短信", "Fake court or police documents"), routes: ["court", "police", "platform"], advice: "fakeSms" },
];
const TEXT_FIELDS = [
  { key: "number", label: L("对方号码", "Their number") },
  { key: "staffId", label: L("工号", "Staff ID") },
  { key: "company", label: L("公司或机构", "Company") },
];
/** CSV columns, in order; the header is written in the page's language and read back in either. */
const COLUMNS = [
  { key: "date", label: L("日期", "Date") },
  { key: "time", label: L("时间", "Time") },
  { key: "channel", label: L("方式", "Channel") },
  ...TEXT_FIELDS,
  { key: "summary", label: L("说了什么", "What was said") },
  ...FLAGS.map((f) => ({ key: f.key, label: f.label, flag: true })),
];
const YES = /^(是|yes|y|true|1|x|✓|√)$/i;

const channelLabel = (value) => CHANNELS.find((c) => c.value === value)?.label ?? value ?? "";
const sortKey = (e) => `${e.date ?? ""}T${e.time ?? ""}`;
const newId = () => globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
/** An entry's content without its id: two entries with the same content are the same contact. */
const contentKey = (e) => JSON.stringify(COLUMNS.map((c) => (c.flag ? !!e.flags?.[c.key] : e[c.key] ?? "")));

function nowTime() {
  const d = new Date();
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

/** Entries from CSV text: a header row in either language (or none, then columns in export order). */
export function entriesFromCsv(text) {
  const rows = parseCsv(text);
  if (rows.length === 0) return [];
  const norm = (s) => String(s ?? "").trim().toLowerCase();
  const index = (cell) => COLUMNS.findIndex((c) => [c.key, c.label.zh, c.label.en].some((n) => norm(n) === norm(cell)));
  const mapped = rows[0].map(index);
  const hasHeader = mapped.filter((i) => i >= 0).length >= 3;
  const order = hasHeader ? mapped : COLUMNS.map((_, i) => i);
  return rows.slice(hasHeader ? 1 : 0).map((row) => {
    const e = { id: newId(), flags: {} };
    for (const [i, cell] of row.entries()) {
      const col = COLUMNS[order[i]];
      if (!col) continue;
      if (col.flag) e.flags[col.key] = YES.test(cell.trim());
      else if (col.key === "channel") e.channel = CHANNELS.find((c) => [c.value, c.label.zh, c.label.en].some((n) => norm(n) === norm(cell)))?.value ?? cell;
      else e[col.key] = cell;
    }
    return e;
  }).filter((e) => COLUMNS.some((c) => (c.flag ? e.flags[c.key] : e[c.key])));
}

export function entriesToCsv(entries) {
  return toCsv(COLUMNS.map((c) => tr(c.label)), entries.map((e) => COLUMNS.map((c) => {
    if (c.flag) return e.flags?.[c.key] ? tr(L("是", "yes")) : "";
    if (c.key === "channel") return tr(channelLabel(e.channel));
    return e[c.key] ?? "";
  })));
}

export function createLog(ctx, panel) {
  let entries = [];
  let store = null; // the open IndexedDB store while saving is on
  let editing = null; // id of the entry in the form

  // Labels set again when the language changes.
  const labels = [];
  const lab = (el, text, attr) => {
    labels.push({ el, text, attr });
    return el;
  };
  const relabelStatic = () => {
    for (const { el, text, attr } of labels) {
      if (attr) el.setAttribute(attr, tr(text));
      else el.textContent = tr(text);
    }
  };

  const field = (id, label, input, hint) => {
    input.id = id;
    if (hint) input.setAttribute("aria-describedby", `${id}-hint`);
    return h("div", { class: ["field", input.type === "date" && "t-date"] },
      lab(h("label", { for: id }), label),
      h("div", { class: "control" }, input),
      hint ? lab(h("p", { class: "hint", id: `${id}-hint` }), hint) : null);
  };

  // The entry form.
  const inputs = {
    date: h("input", { type: "date", required: true, "aria-required": "true" }),
    time: h("input", { type: "time" }),
    channel: h("select", {}, CHANNELS.map((c) => lab(h("option", { value: c.value }), c.label))),
    summary: h("textarea", { rows: 4 }),
  };
  for (const f of TEXT_FIELDS) inputs[f.key] = h("input", { type: "text", autocomplete: "off" });
  const flagBoxes = Object.fromEntries(FLAGS.map((f) => [f.key, h("input", { type: "checkbox", id: `log-flag-${f.key}` })]));
  const dateError = h("p", { class: "field-error", id: "log-date-error", hidden: true });
  inputs.date.setAttribute("aria-describedby", "log-date-error");
  const submit = h("button", { type: "submit", class: "primary" });
  const cancel = h("button", { type: "button", class: "add", hidden: true, onclick: () => resetForm() });
  const form = h("form", { class: "tool-form log-form", id: "log-form", noValidate: true },
    h("div", { class: "row" }, h("div", { class: "field t-date" }, lab(h("label", { for: "log-date" }), L("日期", "Date")), h("div", { class: "control" }, inputs.date), dateError), field("log-time", L("时间", "Time"), inputs.time)),
    field("log-channel", L("方式", "Channel"), inputs.channel),
    h("fieldset", { class: "list who" }, lab(h("legend"), L("谁联系的你", "Who contacted you")),
      ...TEXT_FIELDS.map((f) => field(`log-${f.key}`, f.label, inputs[f.key]))),
    field("log-summary", L("说了什么", "What was said"), inputs.summary, L("尽量照原话记下；有录音、截图的，写下文件名。", "Write it down as close to word for word as you can; note the file name of any recording or screenshot.")),
    h("fieldset", { class: "list flags" }, lab(h("legend"), L("有没有这些问题", "Any of these problems")),
      ...FLAGS.map((f) => h("div", { class: "field check" }, flagBoxes[f.key], lab(h("label", { for: `log-flag-${f.key}` }), f.label)))),
    h("div", { class: "form-buttons" }, submit, cancel));
  inputs.date.id = "log-date";
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    saveEntry();
  });

  // Storage controls, said next to the form: nothing leaves the device.
  const privacy = lab(h("p", { class: "message info privacy", id: "log-privacy" }), L("记录只留在这台设备的这个浏览器里：不会上传，不会写进网址，也不会发给任何人。要在下次打开时还看得到，请打开下面的“保存”。", "The log stays in this browser on this device: it is never uploaded, never put in the address, never sent to anyone. To still have it next time, turn on saving below."));
  const saveBox = h("input", { type: "checkbox", id: "log-save", disabled: true });
  saveBox.setAttribute("aria-describedby", "log-save-state");
  const saveState = h("p", { class: "hint", id: "log-save-state" });
  const status = h("p", { class: "note log-status", role: "status" });
  const wipe = h("button", { type: "button", class: "danger", id: "log-wipe" });
  const confirmText = h("p", { class: "confirm-text", id: "log-confirm-text" });
  const confirmYes = h("button", { type: "button", class: "danger", id: "log-wipe-confirm" });
  const confirmNo = h("button", { type: "button", class: "add", id: "log-wipe-cancel" });
  const confirmBox = h("div", { class: "message warn confirm", role: "group", "aria-labelledby": "log-confirm-text", hidden: true }, confirmText, h("div", { class: "form-buttons" }, confirmYes, confirmNo));
  const storage = h("section", { class: "storage", "aria-labelledby": "log-storage-title" },
    lab(h("h3", { id: "log-storage-title" }), L("保存与删除", "Saving and deleting")),
    h("div", { class: "field check" }, saveBox, lab(h("label", { for: "log-save" }), L("在这个浏览器里保存记录（IndexedDB）", "Keep the log in this browser (IndexedDB)")), saveState),
    wipe, confirmBox);

  // The list, the file buttons and the report.
  const fileInput = h("input", { type: "file", accept: ".csv,text/csv", class: "sr-only", tabIndex: -1, "aria-hidden": "true" });
  const exportButton = h("button", { type: "button", class: "csv", id: "log-export" });
  const importButton = h("button", { type: "button", class: "csv", id: "log-import", onclick: () => fileInput.click() });
  const printButton = h("button", { type: "button", class: "csv", id: "log-print" });
  const list = h("ol", { class: "log-list", id: "log-list", "aria-labelledby": "log-list-title" });
  const report = h("section", { class: "log-report", id: "log-report", "aria-labelledby": "log-report-title" });
  const heading = lab(h("h2", { id: "log-title" }), L("催收记录", "Collection log"));
  panel.replaceChildren(
    h("div", { class: "tool log-tool" },
      h("div", { class: "inputs" }, heading,
        lab(h("p", { class: "intro" }), L("每次被催收都记一笔：什么时候、怎么联系的、谁、说了什么、有没有威胁辱骂或骚扰家人。这些记录是投诉和报警的依据。", "Write down every collection contact: when, how, who, what was said, and whether there were threats, insults or contact with your family. This record is what a complaint or police report rests on.")),
        privacy, form, storage),
      h("div", { class: "outputs" },
        h("section", { class: "results log-results", "aria-labelledby": "log-list-title" },
          h("div", { class: "table-head" }, lab(h("h3", { id: "log-list-title" }), L("记录", "Entries")), h("div", { class: "letter-buttons" }, exportButton, importButton, printButton)),
          status, list, fileInput),
        report)),
  );

  function relabel() {
    relabelStatic();
    submit.textContent = tr(editing ? L("保存修改", "Save changes") : L("记下这一条", "Add this entry"));
    cancel.textContent = tr(L("取消修改", "Cancel editing"));
    exportButton.textContent = tr(L("导出 CSV", "Export CSV"));
    importButton.textContent = tr(L("导入 CSV", "Import CSV"));
    printButton.textContent = tr(L("打印报告", "Print the report"));
    wipe.textContent = tr(L("删除全部记录", "Delete everything"));
    confirmYes.textContent = tr(L("确定删除", "Yes, delete"));
    confirmNo.textContent = tr(L("取消", "Cancel"));
    showSaving();
    render();
  }

  function showSaving() {
    saveBox.checked = !!store;
    saveState.textContent = tr(store
      ? L("已打开：记录保存在这个浏览器里，刷新或下次打开还在。关掉它会删除这里保存的副本（屏幕上的记录保留到关闭页面）。", "On: the log is kept in this browser and is still here after a reload. Turning it off deletes the stored copy (what is on screen stays until you close the page).")
      : L("未打开：记录只在这个页面里，刷新或关闭页面就没了。", "Off: the log lives only in this page and is gone on reload or when the page closes."));
  }

  function resetForm() {
    editing = null;
    form.reset();
    inputs.date.value = today();
    inputs.time.value = nowTime();
    dateError.hidden = true;
    inputs.date.removeAttribute("aria-invalid");
    relabel();
  }

  function readForm() {
    const e = { id: editing ?? newId(), date: inputs.date.value, time: inputs.time.value, channel: inputs.channel.value, summary: inputs.summary.value, flags: {} };
    for (const f of TEXT_FIELDS) e[f.key] = inputs[f.key].value.trim();
    for (const f of FLAGS) e.flags[f.key] = flagBoxes[f.key].checked;
    return e;
  }

  async function persist(action) {
    if (!store) return;
    try {
      await action(store);
    } catch (error) {
      status.textContent = tr(L("保存到浏览器失败：{m}", "Could not save in the browser: {m}"), { m: error?.message ?? error });
    }
  }

  async function saveEntry() {
    if (!inputs.date.value) {
      dateError.textContent = tr(L("请填写日期。", "Please enter the date."));
      dateError.hidden = false;
      inputs.date.setAttribute("aria-invalid", "true");
      inputs.date.focus();
      return;
    }
    const entry = readForm();
    const wasEditing = editing;
    entries = [...entries.filter((e) => e.id !== entry.id), entry];
    await persist((s) => s.put(entry));
    resetForm();
    status.textContent = tr(wasEditing ? L("已保存修改。", "Changes saved.") : L("已记下。", "Entry added.")) + (store ? "" : tr(L("（未打开保存：刷新页面后会消失）", " (saving is off: it is gone on reload)")));
    inputs.date.focus();
  }

  function edit(entry) {
    editing = entry.id;
    for (const key of ["date", "time", "channel", "summary", ...TEXT_FIELDS.map((f) => f.key)]) inputs[key].value = entry[key] ?? "";
    for (const f of FLAGS) flagBoxes[f.key].checked = !!entry.flags?.[f.key];
    relabel();
    inputs.date.focus();
  }

  async function remove(entry) {
    entries = entries.filter((e) => e.id !== entry.id);
    await persist((s) => s.remove(entry.id));
    if (editing === entry.id) resetForm();
    else render();
    status.textContent = tr(L("已删除这一条。", "Entry deleted."));
    (list.querySelector("button") ?? exportButton).focus();
  }

  const routeItems = (flag) => [
    ...flag.routes.map((r) => {
      const route = ROUTES[r];
      if (route.tel) return h("li", {}, h("a", { href: `tel:${route.tel}` }, tr(route.label)));
      return h("li", {}, h("button", { type: "button", class: "link", onclick: () => ctx.openAdvice(route.advice) }, tr(route.label)));
    }),
    h("li", {}, h("button", { type: "button", class: "link", onclick: () => ctx.openAdvice(flag.advice) }, tr(L("怎么保留证据、怎么投诉 →", "How to keep evidence and complain →")))),
  ];

  function card(e) {
    const flagged = FLAGS.filter((f) => e.flags?.[f.key]);
    const who = TEXT_FIELDS.map((f) => (e[f.key] ? `${tr(f.label)}${tr(L("：", ": "))}${e[f.key]}` : null)).filter(Boolean).join(tr(L("；", "; ")));
    return h("li", { class: "log-entry", dataset: { id: e.id } },
      h("p", { class: "log-when" }, h("strong", {}, `${e.date ?? ""} ${e.time ?? ""}`.trim()), " · ", tr(channelLabel(e.channel))),
      who ? h("p", { class: "log-who" }, who) : null,
      e.summary ? h("p", { class: "log-said" }, e.summary) : null,
      flagged.length ? h("ul", { class: "log-flags" }, flagged.map((f) => h("li", { dataset: { flag: f.key } },
        h("strong", {}, tr(f.label)),
        h("ul", { class: "routes" }, routeItems(f))))) : null,
      h("div", { class: "form-buttons" },
        h("button", { type: "button", class: "add", onclick: () => edit(e), "aria-label": tr(L("修改 {d} 的记录", "Edit the entry of {d}"), { d: `${e.date} ${e.time}`.trim() }) }, tr(L("修改", "Edit"))),
        h("button", { type: "button", class: "remove", onclick: () => remove(e), "aria-label": tr(L("删除 {d} 的记录", "Delete the entry of {d}"), { d: `${e.date} ${e.time}`.trim() }) }, tr(L("删除", "Delete")))));
  }

  const simpleTable = (caption, head, rows, cls) => h("div", { class: ["table-box", cls] },
    h("h4", {}, caption),
    h("div", { class: "scroll", tabIndex: 0, role: "region", "aria-label": caption },
      h("table", {}, h("caption", { class: "sr-only" }, caption),
        h("thead", {}, h("tr", {}, head.map((x) => h("th", { scope: "col" }, x)))),
        h("tbody", {}, rows.map((r) => h("tr", {}, r.map((x, i) => (i === 0 ? h("th", { scope: "row" }, x) : h("td", {}, x)))))))));

  const reportTitle = lab(h("h3", { id: "log-report-title" }), L("催收记录报告：按问题和日期汇总", "Collection log report: by problem and by date"));
  function renderReport(sorted) {
    const title = reportTitle;
    if (sorted.length === 0) {
      fill(report, title, h("p", { class: "note" }, tr(L("还没有记录。", "No entries yet."))));
      return;
    }
    const byFlag = FLAGS.map((f) => {
      const hits = sorted.filter((e) => e.flags?.[f.key]);
      return hits.length ? [tr(f.label), String(hits.length), [...new Set(hits.map((e) => e.date))].flatMap((d, i) => [i ? tr(L("、", ", ")) : "", h("span", { class: "nowrap" }, d)]), f.routes.map((r) => tr(ROUTES[r].short)).join(tr(L("；", "; ")))] : null;
    }).filter(Boolean);
    const rules = [...new Set(FLAGS.filter((f) => f.rule && sorted.some((e) => e.flags?.[f.key])).map((f) => f.rule))];
    const dates = [...new Set(sorted.map((e) => e.date))];
    const byDate = dates.map((d) => {
      const day = sorted.filter((e) => e.date === d);
      return [d, String(day.length), [...new Set(day.map((e) => tr(channelLabel(e.channel))))].join(tr(L("、", ", "))),
        FLAGS.filter((f) => day.some((e) => e.flags?.[f.key])).map((f) => tr(f.label)).join(tr(L("、", ", ")))];
    });
    fill(report, title,
      h("p", { class: "note" }, tr(L("共 {n} 条记录，{a} 至 {b}。", "{n} entries, {a} to {b}."), { n: sorted.length, a: sorted[0].date, b: sorted.at(-1).date })),
      byFlag.length
        ? simpleTable(tr(L("按问题", "By problem")), [tr(L("问题", "Problem")), tr(L("次数", "Times")), tr(L("日期", "Dates")), tr(L("可以找谁", "Where to turn"))], byFlag)
        : h("p", { class: "note" }, tr(L("没有标记问题。", "No problems flagged."))),
      rules.map((rule) => h("p", { class: "note rule" }, tr(rule))),
      simpleTable(tr(L("按日期", "By date")), [tr(L("日期", "Date")), tr(L("次数", "Contacts")), tr(L("方式", "Channels")), tr(L("问题", "Problems"))], byDate),
      simpleTable(tr(L("全部记录", "All entries")), COLUMNS.slice(0, 7).map((c) => tr(c.label)).concat(tr(L("问题", "Problems"))),
        sorted.map((e) => [e.date, e.time, tr(channelLabel(e.channel)), e.number, e.staffId, e.company, e.summary, FLAGS.filter((f) => e.flags?.[f.key]).map((f) => tr(f.label)).join(tr(L("、", ", ")))]), "print-only"));
  }

  function render() {
    const sorted = [...entries].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    fill(list, sorted.length ? [...sorted].reverse().map(card) : h("li", { class: "note empty" }, tr(L("还没有记录。用这里的表单记下第一条。", "No entries yet. Use the form to add the first one."))));
    exportButton.disabled = printButton.disabled = wipe.disabled = sorted.length === 0 && !store;
    renderReport(sorted);
  }

  saveBox.addEventListener("change", async () => {
    saveBox.disabled = true;
    try {
      if (saveBox.checked) {
        store = await openStore(DB, STORE, { create: true });
        await store.putAll(entries);
        status.textContent = tr(L("已打开保存：{n} 条记录保存在这个浏览器里。", "Saving is on: {n} entries are kept in this browser."), { n: entries.length });
      } else {
        store?.close();
        store = null;
        await deleteStore(DB);
        status.textContent = tr(L("已关闭保存，并删除了这个浏览器里保存的副本。", "Saving is off and the copy kept in this browser is deleted."));
      }
    } catch (error) {
      store = null;
      status.textContent = tr(L("这个浏览器不能保存（可能是无痕模式）：{m}", "This browser cannot keep the log (private mode?): {m}"), { m: error?.message ?? error });
    }
    saveBox.disabled = false;
    showSaving();
  });

  wipe.addEventListener("click", () => {
    confirmText.textContent = tr(L("确定删除全部 {n} 条记录，以及这个浏览器里保存的副本？删除后无法恢复；需要的话先导出 CSV。", "Delete all {n} entries and the copy kept in this browser? This cannot be undone; export a CSV first if you need it."), { n: entries.length });
    confirmBox.hidden = false;
    confirmNo.focus();
  });
  confirmNo.addEventListener("click", () => {
    confirmBox.hidden = true;
    wipe.focus();
  });
  confirmYes.addEventListener("click", async () => {
    entries = [];
    store?.close();
    store = null;
    try {
      await deleteStore(DB);
    } catch {
      // nothing was stored
    }
    confirmBox.hidden = true;
    resetForm();
    status.textContent = tr(L("已删除全部记录，这个浏览器里没有保存任何记录。", "Everything is deleted; nothing is kept in this browser."));
    inputs.date.focus();
  });

  exportButton.addEventListener("click", () => {
    const sorted = [...entries].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    download(`${tr(L("催收记录", "collection-log"))}-${today()}.csv`, entriesToCsv(sorted));
    status.textContent = tr(L("已导出 {n} 条记录。这个文件里有你的隐私，请妥善保管。", "Exported {n} entries. The file holds private details: keep it safe."), { n: sorted.length });
  });
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (!file) return;
    const imported = entriesFromCsv(await file.text());
    const known = new Set(entries.map(contentKey));
    const fresh = imported.filter((e) => !known.has(contentKey(e)) && known.add(contentKey(e)));
    entries = [...entries, ...fresh];
    await persist((s) => s.putAll(fresh));
    render();
    status.textContent = tr(L("导入了 {n} 条记录（跳过重复的 {d} 条）。", "Imported {n} entries ({d} duplicates skipped)."), { n: fresh.length, d: imported.length - fresh.length });
    importButton.focus();
  });
  printButton.addEventListener("click", () => printPart("log"));

  resetForm();
  // Saving is on when the database exists: it is created only by turning saving on.
  openStore(DB, STORE, { create: false })
    .then(async (s) => {
      if (s) {
        store = s;
        const saved = await s.all();
        const known = new Set(saved.map((e) => e.id));
        entries = [...saved, ...entries.filter((e) => !known.has(e.id))];
      }
    })
    .catch((error) => {
      status.textContent = tr(L("无法读取这个浏览器里保存的记录：{m}", "Could not read the log kept in this browser: {m}"), { m: error?.message ?? error });
    })
    .finally(() => {
      saveBox.disabled = false;
      panel.dataset.loaded = "true";
      showSaving();
      render();
    });

  return { relabel, update() {} };
}
