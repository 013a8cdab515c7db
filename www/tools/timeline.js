// Tool: 逾期时间线 — what typically happens on which day after a missed due date, and what is owed
// on that day. Dates, stages and amounts all come from the package (`overdue` with
// `timeline: true`); the page only lays them out on a line, with today's place among them.
import { h } from "../lib/dom.js";
import { tr, say } from "../lib/i18n.js";
import { Form, num, tidy } from "../lib/form.js";
import { money, count } from "../lib/format.js";
import { stat, stats } from "../lib/ui.js";
import { adviceFor } from "../lib/advice.js";
import { today, debounce, liveRegion, call, missing, resultBox, inputError } from "../lib/tool.js";
import { PRODUCTS, RATE_FIELDS, usesContract, debtInput, debtField, shift, CLASSIFICATION } from "./overdue.js";

const L = (zh, en) => ({ zh, en });

const byDays = (v) => v.from === "days";
const DAY_HINT = L("各机构做法不同，这只是估计，可以按你收到的通知修改（1–3650 天）", "Lenders differ: this is an estimate; change it to match the notices you get (1–3650 days)");

const SPEC = [
  { key: "product", type: "select", label: L("欠款类型", "Kind of debt"), options: PRODUCTS },
  { key: "from", type: "select", label: L("从哪天算起", "Count from"), options: [
    { value: "date", label: L("我知道应还日期", "I know the due date") },
    { value: "days", label: L("我知道今天已逾期几天", "I know how many days late I am today") },
  ] },
  { key: "dueDate", type: "date", label: L("应还日期（到期日）", "Due date"), when: (v) => !byDays(v) },
  { key: "daysLate", type: "int", label: L("今天已逾期几天", "Days late today"), when: byDays, hint: L("到期日的第二天算逾期第 1 天", "The day after the due date is day 1") },
  { key: "principal", type: "money", label: L("没还的本金（或账单金额）", "Unpaid principal (or bill amount)") },
  { row: [
    { key: "interest", type: "money", label: L("其中利息", "Interest in it") },
    { key: "fee", type: "money", label: L("其中手续费", "Fees in it") },
  ] },
  ...RATE_FIELDS,
  { details: L("更多选项：宽限期、上征信和催收的天数", "More: grace days, when reporting and collection start"), children: [
    { key: "penaltyMultiplier", type: "decimal", label: L("罚息倍数（默认 1.5）", "Penalty multiplier (default 1.5)"), when: usesContract },
    { key: "graceDays", type: "int", label: L("宽限期天数（默认 0）", "Grace days (default 0)") },
    { key: "creditReportDays", type: "int", label: L("逾期多少天后上报征信（默认 30）", "Days late before a credit-bureau report (default 30)"), hint: DAY_HINT },
    { key: "collectionAgencyDays", type: "int", label: L("逾期多少天后可能转第三方催收（默认 31）", "Days late before a collection agency (default 31)"), hint: DAY_HINT },
    { key: "legalActionDays", type: "int", label: L("逾期多少天后可能采取法律措施（默认 91）", "Days late before legal steps (default 91)"), hint: DAY_HINT },
  ] },
];

/** What each milestone is called on the page (the package's text says what happens). */
const TITLE = {
  GRACE_END: L("宽限期最后一天", "Last grace day"),
  PENALTY_START: L("开始计罚息、算逾期", "Charges start; the debt is late"),
  BUCKET_M2: L("进入催收阶段 M2", "Collection stage M2"),
  BUCKET_M3: L("进入催收阶段 M3", "Collection stage M3"),
  SUBSTANDARD: L("贷款列为次级", "Classed substandard"),
  DOUBTFUL: L("贷款列为可疑", "Classed doubtful"),
  LOSS: L("贷款列为损失", "Classed loss"),
  CREDIT_REPORT: L("可能上报征信", "Credit-bureau report likely"),
  COLLECTION_AGENCY: L("可能转第三方催收", "A collection agency may take over"),
  LEGAL_ACTION: L("可能采取法律措施", "Legal steps possible"),
};

export function example() {
  return { product: "huabei", from: "days", dueDate: shift(today(), -20), daysLate: "20", principal: "3000", interest: "", fee: "69", contractRateKind: "contractDailyRate" };
}

/**
 * The `overdue` input for the form's values as of `asOf`, and where its errors belong on the form.
 * "Days late today" becomes the due date that many calendar days before today.
 */
export function timelineInput(v, asOf) {
  let dueDate = v.dueDate || undefined;
  let badDays = false;
  if (byDays(v)) {
    const t = tidy(v.daysLate);
    badDays = t !== "" && !/^\d{1,5}$/.test(t);
    dueDate = t === "" || badDays ? undefined : shift(asOf, -Number(t));
  }
  const input = debtInput({ ...v, asOfDate: asOf, items: [{ dueDate, principal: v.principal, interest: v.interest, fee: v.fee }] });
  input.timeline = true;
  for (const key of ["creditReportDays", "collectionAgencyDays", "legalActionDays"]) {
    const n = num(v[key]);
    if (n !== undefined) input[key] = n;
  }
  return { input, badDays };
}

/** The form field a package error names. */
function fieldOf(path, v) {
  const m = /^items\[0\]\.(\w+)$/.exec(path);
  if (m) return m[1] === "dueDate" && byDays(v) ? "daysLate" : m[1];
  return debtField(path);
}

export function createTimeline(ctx, panel) {
  const live = liveRegion();
  const result = resultBox(L("时间线", "Timeline"), "timeline-result");
  const update = debounce(() => {
    run();
    ctx.changed();
  });
  const form = new Form("timeline", SPEC, update);
  const heading = h("h2", { id: "timeline-title" });
  const intro = h("p", { class: "intro" });
  const headline = h("p", { class: "headline", "aria-hidden": "true" }, tr(L("正在计算…", "Working it out…")));
  const cardNote = h("p", { class: "note" });
  panel.replaceChildren(
    h("div", { class: "tool timeline-tool" }, h("div", { class: "inputs" }, heading, intro, headline, form.el, cardNote), result.el),
    live.el);

  function relabel() {
    heading.textContent = tr(L("逾期时间线", "Timeline"));
    intro.textContent = tr(L("从应还日期算起，逾期后通常在哪一天发生什么：罚息从哪天开始、催收阶段和贷款分类什么时候变、什么时候可能上征信、转第三方催收或被起诉，以及每一天要还多少钱、该做什么。", "From the due date: what usually happens on which day once you are late — when charges start, when the collection stage and the loan's class change, when a credit report, a collection agency or legal steps may follow — with what you owe on each day and what to do."));
    cardNote.textContent = tr(L("信用卡账单的利息和违约金规则不同，请用「逾期计算」里的信用卡部分。", "Credit-card statements follow other rules (interest, late fee): use the credit-card part of the Overdue tab."));
    result.relabel();
    form.relabelAll();
  }
  relabel();

  /** One milestone: its day, what happens, what is owed then, the next step. */
  function milestone(m) {
    const stage = m.stage ?? {};
    const late = m.daysPastDue === 1 ? L("{d} · 逾期 {n} 天 · {s}", "{d} · {n} day late · {s}") : L("{d} · 逾期 {n} 天 · {s}", "{d} · {n} days late · {s}");
    const when = tr(m.daysPastDue > 0 ? late : L("{d} · 宽限期内 · {s}", "{d} · within the grace days · {s}"), {
      d: m.date,
      n: count(m.daysPastDue),
      s: `${tr(CLASSIFICATION[stage.classification] ?? L("", ""))} ${stage.bucket ?? ""}`.trim(),
    });
    const step = m.nextStep ?? {};
    const advice = adviceFor(step.code);
    return h("li", { class: ["milestone", m.reached ? "reached" : "upcoming"], dataset: { code: m.code, date: m.date } },
      h("p", { class: "m-when" }, h("time", { dateTime: m.date }, when), m.reached ? h("span", { class: "m-past" }, tr(L("已过", "passed"))) : null),
      h("h4", { class: "m-title" }, tr(TITLE[m.code] ?? L(m.code, m.code))),
      h("p", { class: "m-owed", dataset: { key: "owed" } },
        tr(L("当天应还 ", "Owed that day ")), h("strong", { class: "value" }, money(m.owed)),
        /[1-9]/.test(m.charges ?? "0") ? h("span", { class: "m-charges" }, tr(L("（其中费用 {c}）", " (charges {c})"), { c: money(m.charges) })) : null),
      h("p", { class: "m-text" }, say(m)),
      h("div", { class: "m-step", dataset: { code: step.code } },
        h("p", {}, h("strong", {}, tr(L("该做什么：", "What to do: "))), say(step)),
        advice ? h("button", { type: "button", class: "link", onclick: () => ctx.openAdvice(advice.id) }, `${tr(L("详细：", "More: "))}${tr(advice.title)}`) : null));
  }

  /** Today's place on the line, with what is owed today. */
  function todayMark(res) {
    return h("li", { class: "milestone today", "aria-current": "date", dataset: { date: res.asOfDate } },
      h("p", { class: "m-when" }, h("time", { dateTime: res.asOfDate }, tr(L("今天 {d}", "Today {d}"), { d: res.asOfDate }))),
      h("p", { class: "m-owed", dataset: { key: "owedToday" } }, tr(L("今天应还 ", "Owed today ")), h("strong", { class: "value" }, money(res.totalDue))));
  }

  function render(res) {
    const list = res.timeline ?? [];
    const next = list.find((m) => !m.reached);
    const items = [];
    let marked = false;
    for (const m of list) {
      if (!m.reached && !marked) {
        items.push(todayMark(res));
        marked = true;
      }
      items.push(milestone(m));
    }
    if (!marked) items.push(todayMark(res));
    result.set(
      stats(
        stat(L("今天应还合计", "Total due today"), res.totalDue, { key: "timelineTotalDue", big: true }),
        h("div", { class: "stat", dataset: { key: "timelineDays" } }, h("dt", {}, tr(L("已逾期", "Days past due"))), h("dd", {}, h("span", { class: "value" }, res.inGrace ? tr(L("宽限期内", "Within grace")) : tr(L("{n} 天", "{n} days"), { n: count(res.daysPastDue) })))),
        stat(L("每多逾期一天增加", "Each extra day adds"), res.dailyGrowth, { key: "timelineDailyGrowth" }),
      ),
      h("ol", { class: "timeline", "aria-label": tr(L("逾期时间线", "Timeline")) }, items),
      h("p", { class: "note" }, tr(L("上征信、第三方催收和法律措施的天数只是估计（可在“更多选项”里修改），各机构做法不同；贷款分类按 2023 年《商业银行金融资产风险分类办法》。金额按你填的利率算，以贷款方账单为准。", "The days for a credit report, a collection agency and legal steps are estimates (change them under “More”); lenders differ. The classes follow the 2023 risk-classification rules for commercial banks. Amounts use the rates you entered; the lender's bill decides."))),
    );
    const line = next
      ? tr(L("今天应还 {t}；下一个节点 {d}：{w}，届时应还 {o}", "Due today {t}; next, on {d}: {w}, owing {o}"), { t: money(res.totalDue), d: next.date, w: tr(TITLE[next.code] ?? L("", "")), o: money(next.owed) })
      : tr(L("今天应还 {t}；时间线上的节点都已经过了", "Due today {t}; every milestone has passed"), { t: money(res.totalDue) });
    headline.textContent = line;
    headline.hidden = false;
    live.say(line);
  }

  function fail(error, path) {
    result.set(inputError(form, path, error));
    headline.hidden = true;
    live.say(say(error));
  }

  function run() {
    if (!ctx.ready) return;
    const v = form.values();
    const { input, badDays } = timelineInput(v, today());
    form.clearErrors();
    if (badDays) {
      fail({ message: "Enter a whole number of days, 0 or more.", messageZh: "请填写整数天数（0 或以上）。" }, "daysLate");
      return;
    }
    const r = call(ctx.rp, "overdue", input);
    if (r.missing) {
      result.set(missing("overdue"));
      headline.hidden = true;
    } else if (r.ok && !Array.isArray(r.value.timeline)) {
      result.set(missing("overdue timeline"));
      headline.hidden = true;
    } else if (r.ok) render(r.value);
    else fail(r.error, fieldOf(r.error.field ?? "", v));
  }

  return {
    update: run,
    relabel,
    getState: () => form.values(),
    setState(state) {
      const ex = example();
      form.setValues(state && typeof state === "object" ? { ...ex, ...state } : ex);
    },
  };
}
