// Tool: 协商还款申请书 — a negotiation letter built from the person's own numbers. The debt's parts,
// the monthly capacity (`budget`) and the proposed plan (`restructure`) all come from the package;
// the page only puts them into sentences. Name, ID digits, lender and date are filled on this
// device and never written into the URL.
import { h } from "../lib/dom.js";
import { tr, lang } from "../lib/i18n.js";
import { Form, num, pct, compact } from "../lib/form.js";
import { count, percent, negative } from "../lib/format.js";
import { stat, stats, notices } from "../lib/ui.js";
import { download } from "../lib/csv.js";
import { today, debounce, liveRegion, call, missing, resultBox, inputError, printPart } from "../lib/tool.js";
import { RS_SPEC, example as planExample, budgetInput, restructureInput, restructureField } from "./plan.js";

const L = (zh, en) => ({ zh, en });

const PRODUCTS = [
  { value: "creditCard", label: L("信用卡", "Credit card") },
  { value: "huabei", label: L("花呗", "Huabei") },
  { value: "jiebei", label: L("借呗", "Jiebei") },
  { value: "bankLoan", label: L("银行贷款", "Bank loan") },
];
const PLANS = [
  { value: "personalised", label: L("个性化分期", "Instalments"), inLetter: L("个性化分期", "personalised instalments (个性化分期)") },
  { value: "freeze", label: L("停息挂账", "Frozen interest"), inLetter: L("停息挂账", "frozen interest (停息挂账)") },
  { value: "deferral", label: L("延期还款", "Deferral"), inLetter: L("延期还款", "deferral (延期还款)") },
];
const REASONS = [
  { value: "unemployed", label: L("失业", "Lost my job") },
  { value: "illness", label: L("疾病", "Illness") },
  { value: "incomeDrop", label: L("收入下降", "Income fell") },
  { value: "family", label: L("家庭变故", "Family crisis") },
  { value: "other", label: L("其他", "Other") },
];
const isFrozen = (v) => v.plan === "freeze";

/** The hardship what-if's fields (shared with 预算与还款), with the charges hidden for 停息挂账, which has none. */
const PLAN_FIELDS = RS_SPEC.map((item) => {
  if (item.note) return { note: L("希望贷款方减免的部分：", "What you ask the lender to waive:") };
  if (!item.row?.some((f) => f.key === "chargeKind")) return item;
  return { row: item.row.map((f) => ({ ...f, when: (v, all) => !isFrozen(all) && (!f.when || f.when(v, all)) })) };
});

const SPEC = [
  { row: [
    { key: "product", type: "select", label: L("欠款类型", "Kind of debt"), options: PRODUCTS },
    { key: "plan", type: "select", label: L("申请什么方案", "Plan to ask for"), options: PLANS },
  ] },
  { key: "reason", type: "select", label: L("还不上的原因", "Why you cannot pay"), options: REASONS },
  { key: "reasonText", type: "text", label: L("具体情况（可不填；不会写进网址）", "In your own words (optional; never put in the address)"), hint: L("例如：2024 年 3 月公司裁员，正在找工作。", "E.g. laid off in March 2024, looking for work.") },
  { note: L("每月收支（申请书用它说明你每月能还多少）：", "Monthly budget (the letter uses it to show what you can pay):") },
  { key: "monthlyIncome", type: "money", label: L("每月税后收入", "Monthly income after tax") },
  { row: [
    { key: "essential", type: "money", label: L("必要生活开支", "Essential living costs") },
    { key: "savings", type: "money", label: L("每月储蓄（可不填）", "Monthly savings (optional)") },
  ] },
  { note: L("欠款构成（按账单填写）和你提议的方案：", "The debt as billed, and the plan you propose:") },
  ...PLAN_FIELDS,
];

const PERSONAL = [
  { row: [
    { key: "name", type: "text", label: L("姓名", "Your name") },
    { key: "idLast4", type: "text", label: L("身份证或账户后四位", "Last 4 digits of ID or account") },
  ] },
  { row: [
    { key: "lender", type: "text", label: L("致（贷款机构）", "To (the lender)"), hint: L("例如：某某银行信用卡中心", "E.g. the card centre of your bank") },
    { key: "date", type: "date", label: L("日期", "Date") },
  ] },
];

/** Fields never written into the URL: the letter's personal blanks and the free-text reason. */
const PRIVATE_KEYS = ["reasonText"];

export function example() {
  return { product: "creditCard", plan: "personalised", reason: "incomeDrop", reasonText: "", monthlyIncome: "6000", essential: "3500", savings: "", letterLang: "", ...planExample().restructure };
}

/** The `budget` input: income, the essential costs and savings, and the proposed payment as a debt. */
function letterBudget(v, payment) {
  const expenses = [["essential", "essential"], ["savings", "savings"]].filter(([key]) => num(v[key]) !== undefined);
  return {
    input: compact({
      monthlyIncome: num(v.monthlyIncome),
      expenses: expenses.map(([key, kind]) => ({ amount: num(v[key]), kind })),
      debts: payment ? [{ minimumPayment: payment }] : [],
    }),
    field: (path) => {
      const m = /^expenses\[(\d+)\]/.exec(path);
      return m ? expenses[Number(m[1])]?.[0] ?? path : path;
    },
  };
}

const PARTS = [
  ["principal", L("本金", "Principal")],
  ["interest", L("利息", "Interest")],
  ["fees", L("费用", "Fees")],
  ["penalties", L("违约金、罚息", "Late fees and penalties")],
];
const WAIVE = { interest: "waiveInterest", fees: "waiveFees", penalties: "waivePenalties" };
const has = (v) => typeof v === "string" && /[1-9]/.test(v);

/** An amount written as letters write it: "12,000.00 元" / "CNY 12,000.00" (formats the package's string exactly). */
function amount(v, l) {
  const text = new Intl.NumberFormat(l === "zh" ? "zh-CN" : "en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
  return l === "zh" ? `${text} 元` : `CNY ${text}`;
}
function longDate(iso, l) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  if (!m) return iso ?? "";
  return l === "zh" ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

const REASON_TEXT = {
  unemployed: L("失业，暂时没有稳定收入", "I lost my job and have no stable income for now"),
  illness: L("本人或家人患病，医疗支出增加、收入减少", "illness (mine or a family member's) has raised my costs and cut my income"),
  incomeDrop: L("收入大幅下降", "my income has fallen sharply"),
  family: L("家庭发生变故", "my family's circumstances have changed"),
  other: L("个人情况发生变化", "my circumstances have changed"),
};
const PROOF = {
  unemployed: L("离职证明或失业登记材料", "proof of the job loss"),
  illness: L("诊断证明、病历和医疗费票据", "medical certificates and bills"),
  incomeDrop: L("收入证明或银行流水", "proof of income or bank statements"),
  family: L("相关证明材料", "documents showing what happened"),
  other: L("相关证明材料", "supporting documents"),
};

/** Whether the letter cites art. 70 of the 2011 credit-card rules (docs/rules-cited.md): credit cards, 个性化分期 or 停息挂账. */
const citesArt70 = (v) => v.product === "creditCard" && v.plan !== "deferral";

/**
 * The letter as blocks `{ kind, text }` in language `l`: every amount is a string the package
 * returned (or the person's own figure, which the package has just accepted).
 */
export function letterBlocks({ v, me, res, budget, total }, l) {
  const t = (text, vars) => tr(text, vars, l);
  const a = (x) => amount(x, l);
  const blank = (value, width) => value?.trim() || "_".repeat(width);
  const rows = res.rows ?? [];
  const first = rows[0];
  const last = rows.at(-1);
  const product = PRODUCTS.find((p) => p.value === v.product)?.label;
  const plan = PLANS.find((p) => p.value === v.plan)?.value ?? "personalised";
  const out = [];
  const add = (kind, text) => out.push({ kind, text });

  add("title", t(L("协商还款申请书", "Request to agree a repayment plan")));
  add("meta", t(L("致：{x}", "To: {x}"), { x: blank(me.lender, 16) }));
  add("meta", t(L("申请人：{n}", "From: {n}"), { n: blank(me.name, 8) }));
  add("meta", t(L("身份证或账户后四位：{i}", "ID or account number ending: {i}"), { i: blank(me.idLast4, 4) }));
  add("meta", t(L("欠款类型：{p}", "Debt: {p}"), { p: t(product) }));

  const own = (v.reasonText ?? "").trim();
  add("p", t(L("本人因{r}{o}，目前无法按原约定按期足额还款。本人有还款意愿，为避免欠款继续扩大，特向贵方申请协商还款，恳请考虑以下方案。",
    "Because {r}{o}, I can no longer make the payments as originally agreed. I intend to repay, and to stop the debt from growing I ask you to consider the plan below."),
  { r: t(REASON_TEXT[v.reason] ?? REASON_TEXT.other), o: own ? t(L("（{x}）", " ({x})"), { x: own }) : "" }));

  add("h", t(L("一、目前欠款", "1. What I owe")));
  for (const [key, label] of PARTS) if (num(v[key]) !== undefined) add("li", `${t(label)}${t(L("：", ": "))}${a(num(v[key]))}`);
  if (total) add("li", `${t(L("合计", "Total"))}${t(L("：", ": "))}${a(total)}`);

  add("h", t(L("二、我的还款能力", "2. What I can pay")));
  add("p", t(has(budget.savings)
    ? L("本人每月税后收入 {i}，必要生活开支 {e}，储蓄 {s}，每月最多可用于还款 {c}。", "My monthly income after tax is {i}; essential living costs are {e} and savings {s}, which leaves at most {c} a month for repayments.")
    : L("本人每月税后收入 {i}，必要生活开支 {e}，每月最多可用于还款 {c}。", "My monthly income after tax is {i} and essential living costs are {e}, which leaves at most {c} a month for repayments."),
  { i: a(budget.income), e: a(budget.essential), s: a(budget.savings), c: a(budget.capacity) }));

  add("h", t(L("三、申请的方案：{p}", "3. The plan I propose: {p}"), { p: t(PLANS.find((p) => p.value === plan).inLetter) }));
  const waived = PARTS.filter(([key]) => v[WAIVE[key]] && num(v[key]) !== undefined);
  if (waived.length) add("li", t(L("恳请减免：{x}。", "I ask you to waive {x}."), { x: waived.map(([key, label]) => t(L("{p} {a}", "{p} ({a})"), { p: t(label).toLowerCase(), a: a(num(v[key])) })).join(t(L("；", "; "))) }));
  if (has(num(v.downPayment))) add("li", t(L("签约时本人先还 {d}。", "I will pay {d} when the plan is signed."), { d: a(num(v.downPayment)) }));
  const even = rows.every((r) => r.payment === res.payment);
  const pay = even
    ? t(L("每期 {p}", "{p} a month"), { p: a(res.payment) })
    : t(L("每期不超过 {p}（首期 {f}，末期 {l}）", "at most {p} a month (first {f}, last {l})"), { p: a(res.payment), f: a(first?.payment), l: a(last?.payment) });
  const vars = { x: a(res.totals?.principal), n: count(res.periods), pay, f: longDate(first?.dueDate, l), l: longDate(last?.dueDate, l) };
  if (plan === "deferral") {
    add("li", t(L("恳请延期还款：自 {f} 起恢复还款，需偿还的 {x} 分 {n} 期按月偿还，{pay}，最后一期 {l}。",
      "I ask you to defer the payments: repayment restarts on {f}, and the {x} to repay is paid in {n} monthly instalments, {pay}, the last on {l}."), vars));
  } else if (plan === "freeze") {
    add("li", t(L("恳请停息挂账：需偿还的 {x} 分 {n} 期按月偿还，{pay}，首期还款日 {f}，最后一期 {l}。",
      "I ask you to freeze the debt (停息挂账): the {x} to repay is paid in {n} monthly instalments, {pay}, the first due on {f} and the last on {l}."), vars));
  } else {
    add("li", t(L("恳请个性化分期：需偿还的 {x} 分 {n} 期按月偿还，{pay}，首期还款日 {f}，最后一期 {l}。",
      "I ask for personalised instalments: the {x} to repay is paid in {n} monthly instalments, {pay}, the first due on {f} and the last on {l}."), vars));
  }
  const kind = isFrozen(v) ? "freeze" : v.chargeKind;
  if (kind === "feeRate") add("li", t(L("分期期间每期手续费率 {r}（折合年化利率 {apr}），手续费合计 {c}。", "A fee of {r} a month during the plan (an annualised rate of {apr}), {c} in all."), { r: percent(pct(v.rate)), apr: percent(res.apr?.nominal), c: a(res.totals?.fee) }));
  else if (kind === "annualRate") add("li", t(L("分期期间按年利率 {r} 计息，利息合计 {c}。", "Interest at {r} a year during the plan, {c} in all."), { r: percent(pct(v.rate)), c: a(res.totals?.interest) }));
  else add("li", t(L("分期期间停止计收利息和费用。", "No interest or fees during the plan.")));
  add("li", t(L("按此方案分期共还 {p}。", "In all I would repay {p} under the plan."), { p: a(res.totals?.payment) }));
  if (citesArt70(v)) {
    add("cite", t(L("依据：《商业银行信用卡业务监督管理办法》（2011 年）第七十条规定，持卡人欠款超出还款能力且仍有还款意愿的，发卡银行可以与持卡人平等协商，达成个性化分期还款协议，最长期限不超过 5 年；双方签署协议后，发卡银行应当停止对持卡人的催收（持卡人不履行协议的除外）。",
      "Basis: under article 70 of the Measures on the Supervision and Administration of Credit Card Business of Commercial Banks (2011), when a cardholder's debt exceeds their ability to repay and they still intend to repay, the issuing bank may agree a personalised instalment plan of at most 5 years with them; once it is signed, the bank stops collection against the cardholder (unless the cardholder breaks it).")));
  }

  add("h", t(L("四、本人的承诺和请求", "4. My commitment and requests")));
  add("p", t(L("本人承诺按达成的方案按时足额还款。方案达成后，恳请贵方书面（或在官方 App 内）确认欠款构成、每期还款金额和日期，以及分期期间是否计息收费；协商期间，恳请暂缓催收。如需核实，本人可以提供{p}。",
    "I will pay on time and in full under the agreed plan. Once agreed, please confirm in writing (or in your official app) the debt's parts, each instalment's amount and date, and whether interest or fees continue during the plan; and please pause collection while we negotiate. I can provide {p} if needed."),
  { p: t(PROOF[v.reason] ?? PROOF.other) }));

  if (l === "zh") {
    add("close", "此致");
    add("close", "敬礼！");
  } else add("close", "Yours faithfully,");
  add("sign", t(L("申请人（签名）：{n}", "Signed: {n}"), { n: blank(me.name, 10) }));
  add("sign", t(L("日期：{d}", "Date: {d}"), { d: me.date ? longDate(me.date, l) : blank("", 10) }));
  return out;
}

/** The letter as plain text (for copying and the .txt file). */
export function letterText(blocks, eol = "\n") {
  const lines = [];
  for (const [i, b] of blocks.entries()) {
    const prev = blocks[i - 1];
    if (i > 0 && (b.kind !== prev.kind || b.kind === "p" || b.kind === "h") && !(b.kind === "li" && prev.kind === "h")) lines.push("");
    lines.push(b.kind === "li" ? `  · ${b.text}` : b.text);
  }
  return lines.join(eol) + eol;
}

export function createLetter(ctx, panel) {
  const live = liveRegion();
  const result = resultBox(L("你的方案", "Your plan"), "letter-result");
  const update = debounce(() => {
    run();
    ctx.changed();
  });
  const form = new Form("letter", SPEC, update);
  const me = new Form("letter-me", PERSONAL, update);
  const heading = h("h2", { id: "letter-title" });
  const intro = h("p", { class: "intro" });
  const headline = h("p", { class: "headline", "aria-hidden": "true" }, tr(L("正在计算…", "Working it out…")));
  const importButton = h("button", { type: "button", class: "chip", onclick: importFromPlan });
  const meTitle = h("h3", { id: "letter-me-title" });
  const meNote = h("p", { class: "note privacy" });
  const langLabel = h("label", { for: "letter-lang" });
  const langSelect = h("select", { id: "letter-lang", onchange: update });
  const buttons = {
    print: h("button", { type: "button", class: "csv", onclick: () => printPart("letter") }),
    copy: h("button", { type: "button", class: "csv", onclick: copyLetter }),
    txt: h("button", { type: "button", class: "csv", onclick: downloadLetter }),
  };
  const status = h("p", { class: "note", role: "status" });
  const letterTitle = h("h3", { id: "letter-box-title" });
  const paper = h("article", { class: "letter", "aria-labelledby": "letter-box-title" });
  const disclaimer = h("p", { class: "message info disclaimer" });
  const rulesNote = h("p", { class: "note letter-notes" });
  const letterBox = h("section", { class: "letter-box", id: "letter-box", "aria-labelledby": "letter-box-title" },
    h("div", { class: "table-head letter-actions" }, letterTitle, h("div", { class: "letter-buttons" }, buttons.print, buttons.copy, buttons.txt)),
    h("div", { class: "field letter-lang letter-actions" }, langLabel, langSelect),
    status, disclaimer, paper, rulesNote);
  panel.replaceChildren(
    h("div", { class: "tool letter-tool" },
      h("div", { class: "inputs" }, heading, intro, headline, importButton, form.el,
        h("section", { class: "personal", "aria-labelledby": "letter-me-title" }, meTitle, meNote, me.el)),
      h("div", { class: "outputs" }, result.el, letterBox)),
    live.el);
  me.setValues({ date: today() });

  let blocks = null;
  const letterLang = () => (langSelect.value === "zh" || langSelect.value === "en" ? langSelect.value : lang());

  function relabel() {
    heading.textContent = tr(L("协商还款申请书", "Negotiation letter"));
    intro.textContent = tr(L("还不上时，主动写信和贷款方协商。填上你的欠款、收支和想要的方案，这里按计算结果生成一份申请书，可以打印、复制或下载。", "If you cannot keep up, write to the lender and propose a plan. Enter the debt, your budget and the plan you want; the letter is filled in from the results, ready to print, copy or download."));
    importButton.textContent = tr(L("用「预算与还款」里的数字", "Use the numbers from the Budget tab"));
    meTitle.textContent = tr(L("申请书里的个人信息", "Your details for the letter"));
    meNote.textContent = tr(L("这些只在这台设备上填进申请书：不会写进网址，不会保存，也不会发送。刷新页面后需要重新填写。", "These only go into the letter on this device: never into the address, never stored, never sent. Reloading the page clears them."));
    letterTitle.textContent = tr(L("申请书", "The letter"));
    langLabel.textContent = tr(L("申请书语言", "Letter language"));
    const chosen = langSelect.value;
    langSelect.replaceChildren(...[["", L("和页面相同", "Same as the page")], ["zh", L("中文", "Chinese")], ["en", L("英文", "English")]].map(([value, label]) => h("option", { value }, tr(label))));
    langSelect.value = chosen;
    buttons.print.textContent = tr(L("打印", "Print"));
    buttons.copy.textContent = tr(L("复制文本", "Copy text"));
    buttons.txt.textContent = tr(L("下载 .txt", "Download .txt"));
    disclaimer.textContent = tr(L("这是一份模板，不是法律意见。发出前请逐项核对数字和你的合同；情况复杂时，可以拨打 12348 法律服务热线或咨询律师。", "This is a template, not legal advice. Check every figure against your contract before sending it; if things are complicated, call the 12348 legal-service hotline or ask a lawyer."));
    result.relabel();
    form.relabelAll();
    me.relabelAll();
  }
  relabel();

  function importFromPlan() {
    const state = ctx.stateOf?.("plan");
    const ex = planExample();
    const pick = (key) => (state?.[key] && typeof state[key] === "object" ? { ...ex[key], ...state[key] } : ex[key]);
    const next = { ...form.values(), ...pick("restructure") };
    const b = ctx.ready ? call(ctx.rp, "budget", budgetInput(pick("budget"))) : { ok: false };
    if (b.ok) Object.assign(next, { monthlyIncome: b.value.income, essential: b.value.essential, savings: b.value.savings });
    form.setValues(next);
    status.textContent = tr(L("已带入「预算与还款」里的收支和分期试算。", "Filled in from the budget and the what-if in “Budget”."));
    update();
  }

  function renderLetter(data) {
    const l = letterLang();
    blocks = letterBlocks(data, l);
    paper.lang = l === "zh" ? "zh-CN" : "en";
    paper.replaceChildren(...blocks.map((b) => h("p", { class: `l-${b.kind}` }, b.text)));
    rulesNote.textContent = citesArt70(data.v)
      ? tr(L("申请书引用的规定：《商业银行信用卡业务监督管理办法》（2011）第七十条。来源：多个公开网站转载的同一条文（二手资料），我们没能核对到官方发布的原文；发出前可以请银行或律师确认。", "Rule cited: art. 70 of the 2011 credit-card rules. Source: the same text reproduced on several public sites (secondary); we could not check the official publication, so confirm it with the bank or a lawyer before relying on it."))
      : tr(L("这份申请书不引用具体条文：对花呗、借呗、银行贷款的协商和延期，我们没有找到足够可靠的条文来源。", "This letter cites no rule: for Huabei, Jiebei, bank loans and deferrals we found no source solid enough to quote."));
    for (const b of Object.values(buttons)) b.disabled = false;
  }

  function clearLetter() {
    blocks = null;
    paper.replaceChildren(h("p", { class: "note" }, tr(L("先修正左边的输入，申请书会自动生成。", "Fix the input and the letter is filled in again."))));
    for (const b of Object.values(buttons)) b.disabled = true;
  }

  function run() {
    if (!ctx.ready) return;
    const v = form.values();
    const r = call(ctx.rp, "restructure", restructureInput(isFrozen(v) ? { ...v, chargeKind: "freeze" } : v));
    if (r.missing) {
      result.set(missing("restructure"));
      clearLetter();
      return;
    }
    if (!r.ok) {
      result.set(inputError(form, restructureField(r.error.field ?? ""), r.error));
      headline.hidden = true;
      clearLetter();
      return;
    }
    const res = r.value;
    const bi = letterBudget(v, res.payment);
    const b = call(ctx.rp, "budget", bi.input);
    if (!b.ok) {
      result.set(b.missing ? missing("budget") : inputError(form, bi.field(b.error.field ?? ""), b.error));
      headline.hidden = true;
      clearLetter();
      return;
    }
    form.clearErrors();
    // The debt's total, summed by the package: the same parts as one period with nothing waived.
    const whole = call(ctx.rp, "restructure", compact({ principal: num(v.principal), interest: num(v.interest), fees: num(v.fees), penalties: num(v.penalties), periods: 1, startDate: v.startDate || undefined }));
    const budget = b.value;
    const tooMuch = negative(budget.surplus);
    result.set(
      stats(
        stat(L("每期还款", "Monthly payment"), res.payment, { key: "letterPayment", big: true }),
        h("div", { class: "stat big", dataset: { key: "letterPeriods" } }, h("dt", {}, tr(L("期数", "Months"))), h("dd", {}, h("span", { class: "value" }, count(res.periods)))),
        stat(L("每月最多能还", "Most you can pay a month"), budget.capacity, { key: "letterCapacity", bad: tooMuch || negative(budget.capacity), note: L("收入 − 必要开支 − 储蓄", "income − essentials − savings") }),
        stat(L("需偿还的金额", "Amount to repay in the plan"), res.totals?.principal, { key: "letterFinanced" }),
        stat(L("分期共还", "Total repaid in the plan"), res.totals?.payment, { key: "letterTotal" }),
      ),
      tooMuch ? h("div", { class: "message warn" },
        h("p", {}, tr(L("每期 {p} 超过了你每月最多能拿出的钱。可以按你的能力重新算期数，或者先减少开支。", "{p} a month is more than you can pay. Work out the months from what you can afford, or cut spending first."), { p: amount(res.payment, lang()) })),
        has(budget.capacity) ? h("button", { type: "button", class: "chip", onclick: () => {
          form.setValues({ ...form.values(), solveBy: "targetPayment", targetPayment: budget.capacity });
          update();
        } }, tr(L("按每月 {c} 算期数", "Solve the months for {c} a month"), { c: amount(budget.capacity, lang()) })) : null) : null,
      notices(res.warnings, { title: L("谈判时注意", "When you negotiate"), openAdvice: ctx.openAdvice }),
    );
    renderLetter({ v, me: me.values(), res, budget, total: whole.ok ? whole.value.totals?.principal : undefined });
    const line = tr(L("每期 {p}，共 {n} 期", "{p} a month for {n} months"), { p: amount(res.payment, lang()), n: count(res.periods) });
    headline.textContent = line;
    headline.hidden = false;
    live.say(line);
  }

  const fileName = () => (letterLang() === "zh" ? "协商还款申请书.txt" : "negotiation-letter.txt");

  async function copyLetter() {
    if (!blocks) return;
    const text = letterText(blocks);
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      // No clipboard permission (or an old browser): copy through a selected, off-screen text area.
      const area = h("textarea", { class: "sr-only", readOnly: true, "aria-hidden": "true", tabIndex: -1 }, text);
      document.body.append(area);
      area.select();
      ok = document.execCommand?.("copy") ?? false;
      area.remove();
      buttons.copy.focus();
    }
    status.textContent = ok ? tr(L("已复制到剪贴板。", "Copied to the clipboard.")) : tr(L("无法自动复制：请选中申请书的文字后手动复制。", "Could not copy: select the letter's text and copy it by hand."));
  }

  function downloadLetter() {
    if (!blocks) return;
    download(fileName(), letterText(blocks, "\r\n"), "text/plain;charset=utf-8");
    status.textContent = tr(L("已下载 {f}。", "Downloaded {f}."), { f: fileName() });
  }

  return {
    update: run,
    relabel,
    getState() {
      const state = { ...form.values(), letterLang: langSelect.value };
      for (const key of PRIVATE_KEYS) delete state[key];
      return state;
    },
    setState(state) {
      const ex = example();
      const valid = state && typeof state === "object" ? state : {};
      const own = Object.fromEntries(PRIVATE_KEYS.map((key) => [key, form.values()[key] ?? ""]));
      const next = { ...ex, ...valid, ...own };
      form.setValues(next);
      langSelect.value = next.letterLang === "zh" || next.letterLang === "en" ? next.letterLang : "";
    },
  };
}
