// Tool 2: 逾期计算 — what being late costs today and per extra day, the stage, the next steps; and
// the credit-card statement cycle, full-statement interest against interest on the unpaid part.
import { h } from "../lib/dom.js";
import { tr, say } from "../lib/i18n.js";
import { Form, num, pct, compact } from "../lib/form.js";
import { money, percent, count } from "../lib/format.js";
import { stat, stats, table, notices } from "../lib/ui.js";
import { today, debounce, liveRegion, call, missing, resultBox, inputError } from "../lib/tool.js";

const L = (zh, en) => ({ zh, en });

export const PRODUCTS = [
  { value: "huabei", label: L("花呗", "Huabei") },
  { value: "jiebei", label: L("借呗", "Jiebei") },
  { value: "bankLoan", label: L("银行贷款", "Bank loan") },
  { value: "custom", label: L("其他（自己填逾期日费率）", "Other (enter the daily overdue rate)") },
];
export const usesContract = (v) => v.product === "jiebei" || v.product === "bankLoan";
export const usesDaily = (v) => v.product === "huabei" || v.product === "custom";

/** The penalty rate of a debt: a contract rate (借呗, bank loans) or a daily overdue rate (花呗, other); shared with the timeline. */
export const RATE_FIELDS = [
  { key: "contractRateKind", type: "select", label: L("合同利率类型", "Contract rate type"), when: usesContract, options: [
    { value: "contractDailyRate", label: L("日利率", "Daily rate") },
    { value: "contractAnnualRate", label: L("年利率", "Annual rate") },
  ] },
  { key: "contractRate", type: "percent", label: L("合同利率", "Contract rate"), when: usesContract, hint: L("罚息 = 合同利率 × 罚息倍数；例如借呗日利率 0.04", "Penalty = contract rate × multiplier; e.g. Jiebei daily 0.04") },
  { key: "dayBasis", type: "select", label: L("年利率折算为日利率", "Annual rate to a daily rate"), when: (v) => usesContract(v) && v.contractRateKind === "contractAnnualRate", options: [
    { value: "", label: L("÷ 360（默认，多数贷款合同）", "÷ 360 (default, most loan contracts)") },
    { value: "365", label: L("÷ 365（部分银行的罚息示例）", "÷ 365 (some banks' penalty examples)") },
  ], hint: L("看合同或银行的罚息说明：“年利率 × 1.5 ÷ 365” 就选 365", "Check the contract or the bank's penalty note: “annual rate × 1.5 ÷ 365” means 365") },
  { key: "penaltyDailyRate", type: "percent", label: L("逾期日费率（花呗默认 0.05）", "Daily overdue rate (Huabei default 0.05)"), when: usesDaily },
];

const SPEC = [
  { key: "product", type: "select", label: L("欠款类型", "Kind of debt"), options: PRODUCTS },
  { key: "asOfDate", type: "date", label: L("算到哪一天（通常是今天）", "Count up to (usually today)") },
  { list: "items", legend: L("没还的账单或分期", "Unpaid bills or instalments"), item: L("第 {n} 笔", "Item {n}"), add: L("再加一笔", "Add another"), min: 1, max: 24,
    blank: () => ({}),
    fields: [
      { key: "dueDate", type: "date", label: L("应还日期", "Due date") },
      { key: "principal", type: "money", label: L("本金（或账单金额）", "Principal (or bill amount)") },
      { row: [
        { key: "interest", type: "money", label: L("其中利息", "Interest in it") },
        { key: "fee", type: "money", label: L("其中手续费", "Fees in it") },
      ] },
    ] },
  ...RATE_FIELDS,
  { details: L("更多选项：罚息倍数、宽限期、复利", "More: multiplier, grace days, compounding"), children: [
    { key: "penaltyMultiplier", type: "decimal", label: L("罚息倍数（默认 1.5）", "Penalty multiplier (default 1.5)"), when: usesContract },
    { key: "compoundOverdueInterest", type: "select", label: L("逾期利息是否计复利", "Compound the overdue interest"), when: (v) => v.product === "bankLoan", options: [
      { value: "", label: L("默认（银行贷款计复利）", "Default (bank loans compound)") },
      { value: "true", label: L("计复利", "Yes") },
      { value: "false", label: L("不计复利", "No") },
    ] },
    { key: "graceDays", type: "int", label: L("宽限期天数（默认 0）", "Grace days (default 0)") },
    { key: "lpr", type: "percent", label: L("一年期 LPR（默认 3.0）", "1-year LPR (default 3.0)") },
  ] },
];

const CARD_SPEC = [
  { row: [
    { key: "statementDate", type: "date", label: L("账单日", "Statement date") },
    { key: "dueDate", type: "date", label: L("到期还款日", "Payment due date") },
  ] },
  { row: [
    { key: "nextStatementDate", type: "date", label: L("下一个账单日", "Next statement date") },
    { key: "asOfDate", type: "date", label: L("算到哪一天（默认下一个账单日）", "Count up to (default: next statement)") },
  ] },
  { list: "transactions", legend: L("本期账单的消费", "Spending on this statement"), item: L("消费 {n}", "Purchase {n}"), add: L("再加一笔消费", "Add a purchase"), min: 1, max: 30, blank: () => ({}),
    fields: [{ row: [
      { key: "postingDate", type: "date", label: L("记账日", "Posting date") },
      { key: "amount", type: "money", label: L("金额", "Amount") },
    ] }] },
  { list: "payments", legend: L("已经还的钱", "Payments made"), item: L("还款 {n}", "Payment {n}"), add: L("加一笔还款", "Add a payment"), min: 0, max: 10, blank: () => ({}),
    fields: [{ row: [
      { key: "date", type: "date", label: L("还款日期", "Date") },
      { key: "amount", type: "money", label: L("金额", "Amount") },
    ] }] },
  { key: "minimumPayment", type: "money", label: L("账单上的最低还款额（可不填）", "Minimum payment on the statement (optional)"), hint: L("填了就按账单上的数算；不填则按下面的比例估算", "If given, it is used as printed; otherwise it is estimated from the share below") },
  { details: L("更多选项：日利率、最低还款、违约金", "More: daily rate, minimum payment, late fee"), children: [
    { row: [
      { key: "dailyRate", type: "percent", label: L("透支日利率（默认 0.05）", "Daily rate (default 0.05)") },
      { key: "minimumRate", type: "percent", label: L("最低还款比例（默认 10）", "Minimum payment share (default 10)") },
    ] },
    { row: [
      { key: "lateFeeRate", type: "percent", label: L("违约金比例（默认 5）", "Late fee rate (default 5)") },
      { key: "lateFeeMin", type: "money", label: L("违约金最低（默认 10 元）", "Minimum late fee (default 10)") },
    ] },
    { key: "graceDays", type: "int", label: L("宽限期天数（默认 3）", "Grace days (default 3)") },
    { key: "countEndDay", type: "checkbox", label: L("计息天数含最后一天（如招商银行示例）", "Count the last day as an interest day (as in China Merchants Bank's example)"),
      hint: L("有的银行从记账日算到下一个账单日当天（“×13 天”而不是 “×12 天”）；对照账单上的利息选", "Some banks charge up to and including the next statement day (“× 13 days” rather than “× 12”); match it to the interest on your statement") },
  ] },
];

/** A calendar date `days` away from `iso` (building examples; the timeline's "days late today"). */
export function shift(iso, days) {
  const d = new Date(`${iso}T12:00:00`);
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function example() {
  const t = today();
  return {
    debt: {
      product: "huabei", asOfDate: t, contractRateKind: "contractDailyRate",
      items: [
        { dueDate: shift(t, -40), principal: "1500", interest: "", fee: "34.50" },
        { dueDate: shift(t, -10), principal: "1500", interest: "", fee: "34.50" },
      ],
    },
    card: {
      statementDate: shift(t, -25), dueDate: shift(t, -5), nextStatementDate: shift(t, 5), asOfDate: "",
      transactions: [{ postingDate: shift(t, -50), amount: "5000" }, { postingDate: shift(t, -35), amount: "3000" }],
      payments: [{ date: shift(t, -5), amount: "2000" }],
    },
  };
}

export function debtInput(v) {
  const input = compact({
    product: v.product,
    asOfDate: v.asOfDate || undefined,
    items: v.items.map((i) => compact({ dueDate: i.dueDate || undefined, principal: num(i.principal), interest: num(i.interest), fee: num(i.fee) })),
    graceDays: num(v.graceDays),
    lpr: pct(v.lpr),
  });
  if (usesContract(v)) {
    const rate = pct(v.contractRate);
    if (rate !== undefined) input[v.contractRateKind || "contractDailyRate"] = rate;
    if (v.contractRateKind === "contractAnnualRate" && v.dayBasis) input.dayBasis = Number(v.dayBasis);
    const m = num(v.penaltyMultiplier);
    if (m !== undefined) input.penaltyMultiplier = m;
    if (v.product === "bankLoan" && v.compoundOverdueInterest) input.compoundOverdueInterest = v.compoundOverdueInterest === "true";
  } else {
    const rate = pct(v.penaltyDailyRate);
    if (rate !== undefined) input.penaltyDailyRate = rate;
  }
  return input;
}

export const debtField = (path) => (path === "contractAnnualRate" || path === "contractDailyRate" ? "contractRate" : path);

export function cardInput(v, interestMode) {
  return compact({
    statementDate: v.statementDate || undefined,
    dueDate: v.dueDate || undefined,
    nextStatementDate: v.nextStatementDate || undefined,
    asOfDate: v.asOfDate || undefined,
    transactions: v.transactions.map((t) => compact({ postingDate: t.postingDate || undefined, amount: num(t.amount) })),
    payments: v.payments.map((p) => compact({ date: p.date || undefined, amount: num(p.amount) })),
    interestMode,
    dailyRate: pct(v.dailyRate),
    minimumPayment: num(v.minimumPayment),
    // the printed minimum replaces the estimate
    minimumRate: num(v.minimumPayment) === undefined ? pct(v.minimumRate) : undefined,
    lateFeeRate: pct(v.lateFeeRate),
    lateFeeMin: num(v.lateFeeMin),
    graceDays: num(v.graceDays),
    countEndDay: v.countEndDay || undefined,
  });
}

export const CLASSIFICATION = {
  normal: L("正常", "Normal"),
  specialMention: L("关注", "Special mention"),
  substandard: L("次级", "Substandard"),
  doubtful: L("可疑", "Doubtful"),
  loss: L("损失", "Loss"),
};

/** What usually happens next at this bucket (M0, M1, …, M6+), in the article's terms. */
function whatNext(bucket) {
  const m = Number(/^M(\d+)/.exec(bucket ?? "")?.[1] ?? 0);
  if (m === 0) return L("还没有逾期（或仍在宽限期内）：在到期日或宽限期结束前还上，就不会产生逾期费用。", "Nothing is past due yet (or you are within the grace days): pay before the due date or the end of the grace days and nothing is charged.");
  if (m === 1) return L("逾期 1–30 天：通常是 App 和短信提醒、电话催收。现在还上或主动联系贷款方，影响最小。", "1–30 days late: usually app and SMS reminders and phone calls. Paying now, or contacting the lender yourself, limits the damage.");
  if (m <= 3) return L("逾期 31–90 天：电话催收会更频繁，可能转给第三方催收机构，征信也可能受影响。尽快协商分期或延期，并保留所有催收记录。", "31–90 days late: more frequent calls, possibly a third-party collection agency, and your credit report may be affected. Negotiate instalments or an extension now and keep every collection record.");
  return L("逾期超过 90 天：贷款被列为次级或更差，可能委外催收、上报征信，甚至起诉。主动协商还款方案；收到“法院”短信先通过官方渠道核实。", "Over 90 days late: the loan is classed substandard or worse; outsourced collection, credit reporting and a lawsuit are possible. Negotiate a plan yourself, and verify any “court” message through official channels.");
}

const KIND = {
  penalty: L("罚息/逾期费", "Penalty"), penaltyInterest: L("罚息", "Penalty interest"), compound: L("复利", "Compound interest"), compoundInterest: L("复利", "Compound interest"),
  overdueFee: L("逾期费", "Overdue fee"), interest: L("利息", "Interest"), lateFee: L("违约金", "Late fee"),
};
const kindLabel = (k) => (KIND[k] ? tr(KIND[k]) : k);

export function createOverdue(ctx, panel) {
  const live = liveRegion();
  const result = resultBox(L("结果", "Result"), "debt-result");
  const cardResult = resultBox(L("结果：全额计息与按未还部分计息", "Result: full-statement interest vs interest on the unpaid part"), "card-result");
  const update = debounce(() => {
    run();
    ctx.changed();
  });
  const form = new Form("debt", SPEC, update);
  const cardForm = new Form("card", CARD_SPEC, update);
  const heading = h("h2", {});
  const intro = h("p", { class: "intro" });
  const headline = h("p", { class: "headline", "aria-hidden": "true" }, tr(L("正在计算…", "Working it out…")));
  const cardHeading = h("h2", {});
  const cardIntro = h("p", { class: "intro" });
  panel.replaceChildren(
    h("div", { class: "tool" }, h("div", { class: "inputs" }, heading, intro, headline, form.el), result.el),
    h("div", { class: "tool card" }, h("div", { class: "inputs" }, cardHeading, cardIntro, cardForm.el), cardResult.el),
    live.el);

  function relabel() {
    heading.textContent = tr(L("逾期了，现在要还多少", "Late: what you owe now"));
    intro.textContent = tr(L("填上没还的账单，看今天一共要还多少、每多拖一天多付多少、处在哪个阶段、下一步该怎么做。", "Enter the unpaid bills to see what is due today, what each extra day adds, which stage you are in, and what to do next."));
    cardHeading.textContent = tr(L("信用卡：没还清时利息怎么算", "Credit card: interest when the statement is not paid in full"));
    cardIntro.textContent = tr(L("有的银行按全额计息（整笔账单从记账日起算利息，已还部分也算），有的只对没还的部分计息。同一张账单，两种算法放在一起比较。", "Some banks charge interest on the whole statement from each posting date (even the part you paid); others only on the unpaid part. The same statement, both ways."));
    result.relabel();
    cardResult.relabel();
    form.relabelAll();
    cardForm.relabelAll();
  }
  relabel();

  function renderDebt(res) {
    const stage = res.stage ?? {};
    const items = res.items ?? [];
    result.set(
      stats(
        stat(L("今天应还合计", "Total due today"), res.totalDue, { key: "totalDue", big: true }),
        stat(L("每多逾期一天增加", "Each extra day adds"), res.dailyGrowth, { key: "dailyGrowth", big: true }),
        h("div", { class: "stat", dataset: { key: "daysPastDue" } }, h("dt", {}, tr(L("已逾期", "Days past due"))), h("dd", {}, h("span", { class: "value" }, res.inGrace ? tr(L("宽限期内", "Within grace")) : tr(L("{n} 天", "{n} days"), { n: count(res.daysPastDue) })))),
        stat(L("逾期本息", "Overdue amount"), res.overdueAmount, { key: "overdueAmount" }),
        stat(L("罚息与逾期费", "Penalty charges"), res.penaltyInterest, { key: "penaltyInterest" }),
        /[1-9]/.test(res.compoundInterest ?? "0") ? stat(L("复利", "Compound interest"), res.compoundInterest, { key: "compoundInterest" }) : null,
        stat(L("逾期费用合计", "All charges"), res.totalCharges, { key: "totalCharges" }),
        stat(L("费用折合年化", "Charges as a yearly rate"), res.annualisedChargeRate, { key: "annualisedChargeRate", kind: "rate" }),
      ),
      h("section", { class: "stage" },
        h("h4", {}, tr(L("所处阶段", "Stage"))),
        h("p", {}, h("strong", {}, `${tr(CLASSIFICATION[stage.classification] ?? L(stage.classification ?? "", stage.classification ?? ""))} · ${stage.bucket ?? ""}`)),
        h("p", {}, tr(whatNext(stage.bucket))),
        h("button", { type: "button", class: "link", onclick: () => ctx.openAdvice("escalation") }, tr(L("催收通常怎么升级 →", "How collection usually escalates →")))),
      notices(res.warnings, { title: L("提醒", "Warnings"), openAdvice: ctx.openAdvice }),
      notices(res.nextSteps, { kind: "step", title: L("下一步", "Next steps"), openAdvice: ctx.openAdvice }),
      items.length ? table({ caption: L("每笔的情况", "Each item"), file: "overdue-items", rows: items, columns: [
        { key: "item", label: L("笔", "Item"), kind: "text", get: (r) => String((r.item ?? 0) + 1) },
        { key: "dueDate", label: L("应还日期", "Due date"), kind: "date" },
        { key: "daysPastDue", label: L("逾期天数", "Days late"), kind: "int" },
        { key: "amount", label: L("欠款", "Owed") },
        { key: "charges", label: L("费用", "Charges") },
      ] }) : null,
      table({ caption: L("费用明细", "How the charges add up"), file: "overdue-breakdown", rows: res.breakdown ?? [], columns: [
        { key: "item", label: L("笔", "Item"), kind: "text", get: (r) => String((r.item ?? 0) + 1) },
        { key: "from", label: L("从", "From"), kind: "date" },
        { key: "to", label: L("到", "To"), kind: "date" },
        { key: "days", label: L("天数", "Days"), kind: "int" },
        { key: "base", label: L("计费基数", "Base") },
        { key: "rate", label: L("日费率", "Daily rate"), kind: "text", get: (r) => percent(r.rate, 4) },
        { key: "amount", label: L("金额", "Amount") },
        { key: "kind", label: L("类型", "Kind"), kind: "text", get: (r) => kindLabel(r.kind) },
      ] }),
    );
    const line = tr(L("今天应还 {t}，每多拖一天多 {d}", "Due today {t}; each extra day adds {d}"), { t: money(res.totalDue), d: money(res.dailyGrowth) });
    headline.textContent = line;
    headline.hidden = false;
    live.say(line);
  }

  function renderCard(full, unpaid) {
    const rows = [
      ["statementBalance", L("本期账单金额", "Statement balance")],
      ["minimumPayment", L("最低还款额", "Minimum payment")],
      ["paid", L("已还", "Paid")],
      ["interest", L("利息", "Interest")],
      ["lateFee", L("违约金", "Late fee")],
      ["newBalance", L("计入下期的欠款", "Carried to the next statement")],
    ].map(([key, label]) => ({ label: tr(label), full: full[key], unpaid: unpaid[key] }));
    const codes = new Set();
    const merge = (list) => (list ?? []).filter((n) => !codes.has(n.code) && codes.add(n.code));
    cardResult.set(
      stats(
        stat(L("全额计息：利息", "Full-statement interest"), full.interest, { key: "fullInterest", big: true }),
        stat(L("按未还部分计息：利息", "Interest on the unpaid part"), unpaid.interest, { key: "unpaidInterest", big: true }),
      ),
      table({ caption: L("两种计息方式对比", "The two ways compared"), file: "card-interest", rows, columns: [
        { key: "label", label: L("项目", "Item"), kind: "text" },
        { key: "full", label: L("全额计息", "Full statement") },
        { key: "unpaid", label: L("只对未还部分计息", "Unpaid part only") },
      ] }),
      notices([...merge(full.warnings), ...merge(unpaid.warnings)], { title: L("提醒", "Warnings"), openAdvice: ctx.openAdvice }),
      notices(merge(full.nextSteps), { kind: "step", title: L("下一步", "Next steps"), openAdvice: ctx.openAdvice }),
    );
  }

  function run() {
    if (!ctx.ready) return;
    const r = call(ctx.rp, "overdue", debtInput(form.values()));
    if (r.missing) {
      result.set(missing("overdue"));
      headline.hidden = true;
    }
    else if (r.ok) {
      form.clearErrors();
      renderDebt(r.value);
    } else {
      result.set(inputError(form, debtField(r.error.field ?? ""), r.error));
      headline.hidden = true;
      live.say(say(r.error));
    }
    const cv = cardForm.values();
    const full = call(ctx.rp, "cardInterest", cardInput(cv, "full"));
    const unpaid = full.ok ? call(ctx.rp, "cardInterest", cardInput(cv, "unpaid")) : full;
    if (full.missing) cardResult.set(missing("cardInterest"));
    else if (full.ok && unpaid.ok) {
      cardForm.clearErrors();
      renderCard(full.value, unpaid.value);
    } else {
      const error = (full.ok ? unpaid : full).error;
      cardResult.set(inputError(cardForm, error.field ?? "", error));
    }
  }

  return {
    update: run,
    relabel,
    getState: () => ({ debt: form.values(), card: cardForm.values() }),
    setState(state) {
      const ex = example();
      form.setValues(state?.debt && typeof state.debt === "object" ? { ...ex.debt, ...state.debt } : ex.debt);
      cardForm.setValues(state?.card && typeof state.card === "object" ? { ...ex.card, ...state.card } : ex.card);
    },
  };
}
