// Tool 1: 还款计划 — one loan's schedule with its true annualised cost, and 2–4 offers compared.
import { h } from "../lib/dom.js";
import { tr, say } from "../lib/i18n.js";
import { Form, num, pct, compact } from "../lib/form.js";
import { money, percent } from "../lib/format.js";
import { stat, stats, table, notices } from "../lib/ui.js";
import { stackedArea } from "../lib/chart.js";
import { today, debounce, liveRegion, call, missing, resultBox, inputError } from "../lib/tool.js";

const L = (zh, en) => ({ zh, en });

export const METHODS = [
  { value: "annuity", label: L("等额本息", "Equal payments (annuity)") },
  { value: "equalPrincipal", label: L("等额本金", "Equal principal") },
  { value: "interestOnly", label: L("先息后本", "Interest only, principal at the end") },
  { value: "bullet", label: L("一次性还本付息", "Single repayment at maturity") },
  { value: "flat", label: L("等本等息（按原始本金计息）", "Flat (interest on the original principal)") },
  { value: "feeInstalment", label: L("分期手续费（花呗、信用卡分期）", "Instalments with a fee (Huabei, card)") },
];
const isFee = (v) => v.method === "feeInstalment";
const RATE_KINDS = [
  { value: "annualRate", label: L("年利率", "Annual rate"), when: (v) => !isFee(v) },
  { value: "monthlyRate", label: L("月利率", "Monthly rate"), when: (v) => !isFee(v) },
  { value: "dailyRate", label: L("日利率（借呗等按天计息）", "Daily rate (accrues by day, like Jiebei)"), when: (v) => !isFee(v) },
  { value: "totalFeeRate", label: L("总手续费率", "Total fee rate"), when: isFee },
  { value: "feeRate", label: L("每期手续费率", "Fee rate per period"), when: isFee },
];
const RATE_FIELDS = RATE_KINDS.map((k) => k.value);
/** Methods the package can prepay (the others reject a prepayment). */
const canPrepay = (v) => ["annuity", "equalPrincipal", "interestOnly"].includes(v.method);

const SPEC = [
  { key: "method", type: "select", label: L("还款方式", "Repayment method"), options: METHODS },
  { row: [
    { key: "principal", type: "money", label: L("借款或分期金额", "Amount borrowed") },
    { key: "periods", type: "int", label: L("期数（月）", "Periods (months)") },
  ] },
  { row: [
    { key: "rateKind", type: "select", label: L("利率类型", "Rate type"), options: RATE_KINDS },
    { key: "rate", type: "percent", label: L("利率或费率", "Rate or fee"), hint: L("按合同或 App 上写的填，例如年利率 4.9、日利率 0.05、总手续费率 7.5", "As the contract or app states it, e.g. annual 4.9, daily 0.05, total fee 7.5") },
  ] },
  { key: "issuer", type: "select", label: L("分期规则", "Instalment rules"), when: isFee, hint: L("银行每期手续费相同；花呗的手续费零头算在第一期", "Banks charge the same fee every period; Huabei puts the odd fen in the first"), options: [
    { value: "", label: L("花呗（默认，首期多还零头）", "Huabei (default; odd fen first)") },
    { value: "bank", label: L("银行信用卡分期（末期多还零头）", "Bank card (odd fen last)") },
  ] },
  { key: "startDate", type: "date", label: L("借款日期", "Start date") },
  { details: L("更多选项：首期还款日、手续费、提前还款", "More: first due date, fees, prepayment"), children: [
    { key: "firstDueDate", type: "date", label: L("首期还款日（默认借款日加一个月）", "First due date (default: one month after the start)") },
    { key: "upfrontFee", type: "money", label: L("放款时收取的费用（计入年化）", "Fee charged at drawdown (counts in the APR)") },
    { key: "dayCount", type: "select", label: L("计息天数规则", "Day count"), options: [
      { value: "", label: L("默认", "Default") },
      { value: "30/360", label: L("30/360（按月）", "30/360 (by month)") },
      { value: "actual/360", label: L("实际天数/360", "Actual/360") },
      { value: "actual/365", label: L("实际天数/365", "Actual/365") },
    ] },
    { row: [
      { key: "prepayAfter", when: canPrepay, type: "int", label: L("在第几期后提前还款", "Prepay after period") },
      { key: "prepayAmount", when: canPrepay, type: "money", label: L("提前还款金额", "Prepayment amount") },
    ] },
    { row: [
      { key: "prepayStrategy", when: canPrepay, type: "select", label: L("提前还款后", "After prepaying"), options: [
        { value: "shortenTerm", label: L("月供不变，缩短期限", "Keep the payment, shorten the term") },
        { value: "reducePayment", label: L("期限不变，减少月供", "Keep the term, lower the payment") },
      ] },
      { key: "prepayFee", when: canPrepay, type: "money", label: L("提前还款违约金", "Prepayment fee") },
    ] },
    { key: "lpr", type: "percent", label: L("一年期 LPR（用于 4 倍 LPR 提示，默认 3.0）", "1-year LPR (for the 4×LPR warning; default 3.0)") },
  ] },
];

const OFFER_FIELDS = [
  { key: "name", type: "text", label: L("名称（只用于显示）", "Name (for display only)") },
  { key: "method", type: "select", label: L("还款方式", "Repayment method"), options: METHODS },
  { row: [
    { key: "principal", type: "money", label: L("金额", "Amount") },
    { key: "periods", type: "int", label: L("期数（月）", "Periods (months)") },
  ] },
  { row: [
    { key: "rateKind", type: "select", label: L("利率类型", "Rate type"), options: RATE_KINDS },
    { key: "rate", type: "percent", label: L("利率或费率", "Rate or fee") },
  ] },
];
const COMPARE_SPEC = [
  { key: "startDate", type: "date", label: L("借款日期", "Start date") },
  { list: "offers", legend: L("方案（2–4 个）", "Offers (2–4)"), item: L("方案 {n}", "Offer {n}"), add: L("添加方案", "Add an offer"), min: 2, max: 4, fields: OFFER_FIELDS,
    blank: () => ({ method: "annuity", rateKind: "annualRate" }) },
];

export const PRESETS = [
  { id: "huabei", label: L("花呗分期 3000 元 12 期", "Huabei 3,000 over 12"), values: { method: "feeInstalment", principal: "3000", periods: "12", rateKind: "totalFeeRate", rate: "7.5" } },
  { id: "card", label: L("信用卡分期 1 万元 12 期", "Card instalment 10,000 over 12"), values: { method: "feeInstalment", principal: "10000", periods: "12", rateKind: "feeRate", rate: "0.6", issuer: "bank" } },
  { id: "jiebei", label: L("借呗 1 万元 12 个月", "Jiebei 10,000 over 12 months"), values: { method: "annuity", principal: "10000", periods: "12", rateKind: "dailyRate", rate: "0.04" } },
  { id: "mortgage", label: L("房贷 100 万 30 年 4.9%", "Mortgage 1,000,000, 30 years, 4.9%"), values: { method: "annuity", principal: "1000000", periods: "360", rateKind: "annualRate", rate: "4.9" } },
];

export function example() {
  return {
    loan: { ...PRESETS[0].values, startDate: today(), prepayStrategy: "shortenTerm" },
    compare: {
      startDate: today(),
      offers: [
        { name: "花呗分期 12 期", method: "feeInstalment", principal: "3000", periods: "12", rateKind: "totalFeeRate", rate: "7.5" },
        { name: "借呗 12 个月", method: "annuity", principal: "3000", periods: "12", rateKind: "dailyRate", rate: "0.04" },
      ],
    },
  };
}

/** The schedule input for one loan, from the form's strings. */
export function loanInput(v) {
  const input = compact({
    principal: num(v.principal),
    method: v.method,
    periods: num(v.periods),
    startDate: v.startDate || undefined,
    firstDueDate: v.firstDueDate || undefined,
    upfrontFee: num(v.upfrontFee),
    dayCount: v.dayCount || undefined,
    issuer: isFee(v) ? v.issuer || undefined : undefined,
    lpr: pct(v.lpr),
  });
  if (RATE_FIELDS.includes(v.rateKind)) {
    const rate = pct(v.rate);
    if (rate !== undefined) input[v.rateKind] = rate;
    else input.annualRate = undefined; // leave it missing: the package says which rate is needed
  }
  if (canPrepay(v) && [v.prepayAfter, v.prepayAmount, v.prepayFee].some((x) => num(x) !== undefined)) {
    input.prepayments = [compact({ afterPeriod: num(v.prepayAfter), amount: num(v.prepayAmount), strategy: v.prepayStrategy, fee: num(v.prepayFee) })];
  }
  return input;
}

/** Where a package error's field path points in the loan form. */
export function loanField(path) {
  if (RATE_FIELDS.includes(path)) return "rate";
  const m = /^prepayments\[0\]\.(\w+)$/.exec(path);
  if (m) return { afterPeriod: "prepayAfter", amount: "prepayAmount", strategy: "prepayStrategy", fee: "prepayFee" }[m[1]] ?? "prepayAmount";
  if (path.startsWith("prepayments")) return "prepayAmount";
  return path;
}

const COLUMNS = [
  { key: "period", label: L("期", "No."), kind: "int" },
  { key: "dueDate", label: L("还款日", "Due date"), kind: "date" },
  { key: "payment", label: L("还款额", "Payment") },
  { key: "principal", label: L("本金", "Principal") },
  { key: "interest", label: L("利息", "Interest") },
  { key: "fee", label: L("手续费", "Fee") },
  { key: "closing", label: L("剩余本金", "Balance after") },
];

export function createSchedule(ctx, panel) {
  const live = liveRegion();
  const result = resultBox(L("结果", "Result"), "loan-result");
  const compareResult = resultBox(L("比较结果（按实际年化从低到高）", "Comparison (lowest effective APR first)"), "compare-result");
  const update = debounce(() => {
    run();
    ctx.changed();
  });
  const form = new Form("loan", SPEC, update);
  // The comparison is below the first screen: its form is built after the first result.
  let compareForm = null;
  let compareState;
  const compareBox = h("div", { class: "inputs" });
  function buildCompare() {
    if (compareForm) return;
    compareForm = new Form("compare", COMPARE_SPEC, update);
    compareForm.setValues(compareState);
    compareBox.append(compareForm.el);
  }

  const presetButtons = PRESETS.map((p) => {
    const b = h("button", { type: "button", class: "chip", dataset: { preset: p.id } });
    b.addEventListener("click", () => {
      form.setValues({ ...form.values(), issuer: "", ...p.values, firstDueDate: "", upfrontFee: "", prepayAfter: "", prepayAmount: "", prepayFee: "" });
      update();
    });
    return { b, p };
  });
  const presetsLabel = h("p", { class: "presets-label", id: "loan-presets-label" });
  // The title and introduction are in index.html, so the first paint already explains the page.
  const heading = document.getElementById("schedule-title") ?? h("h2", {});
  const intro = document.getElementById("schedule-intro") ?? h("p", { class: "intro" });
  const headline = h("p", { class: "headline", "aria-hidden": "true" }, tr(L("正在计算…", "Working it out…")));
  const compareHeading = h("h2", {});
  const compareIntro = h("p", { class: "intro" });
  compareBox.append(compareHeading, compareIntro);

  // Build around the static title and introduction without moving them (no repaint, no shift).
  const firstTool = intro.closest(".tool") ?? h("div", { class: "tool" });
  const inputs = intro.closest(".inputs") ?? h("div", { class: "inputs" }, heading, intro);
  if (!firstTool.contains(inputs)) firstTool.append(inputs);
  inputs.append(headline, presetsLabel, h("div", { class: "presets", role: "group", "aria-labelledby": "loan-presets-label" }, presetButtons.map((x) => x.b)), form.el);
  firstTool.append(result.el);
  if (!panel.contains(firstTool)) panel.append(firstTool);
  panel.append(h("div", { class: "tool compare" }, compareBox, compareResult.el), live.el);

  function relabel() {
    heading.textContent = tr(L("还款计划与真实年化利率", "Schedule and true annual cost"));
    intro.textContent = tr(L("输入借款或分期的条件，看每期还多少、总共多花多少，以及按内部收益率（IRR）法算出的年化利率——这是监管要求贷款方披露的口径。", "Enter the loan or instalment terms to see each payment, the total cost, and the annualised rate by the IRR method — the figure lenders must disclose."));
    presetsLabel.textContent = tr(L("常见例子：", "Common cases:"));
    for (const { b, p } of presetButtons) b.textContent = tr(p.label);
    compareHeading.textContent = tr(L("比较几个方案", "Compare offers"));
    compareIntro.textContent = tr(L("比如“花呗分期 12 期还是借呗借 12 个月？”——把每个方案填进来，按实际年化利率比较。", "For example “Huabei instalments or a Jiebei loan over 12 months?” — enter each offer and compare by effective APR."));
    result.relabel();
    compareResult.relabel();
    form.relabelAll();
    compareForm?.relabelAll();
  }
  relabel();

  function renderLoan(res) {
    const rows = res.rows ?? [];
    const first = rows[0];
    const last = rows.at(-1);
    const varies = first && last && first.payment !== last.payment;
    const hasFee = rows.some((r) => /[1-9]/.test(r.fee ?? "0"));
    const summary = stats(
      stat(L("每期还款", "Payment per period"), first?.payment, { key: "payment", big: true }),
      varies ? stat(L("最后一期", "Last payment"), last.payment, { key: "lastPayment" }) : null,
      hasFee && !/[1-9]/.test(res.totals?.interest ?? "0") ? null : stat(L("总利息", "Total interest"), res.totals?.interest, { key: "interest" }),
      hasFee ? stat(L("总手续费", "Total fees"), res.totals?.fee, { key: "fee" }) : null,
      stat(L("总还款", "Total repaid"), res.totals?.payment, { key: "totalPayment" }),
      stat(L("借款总成本（利息加费用）", "Total cost (interest + fees)"), res.totals?.cost, { key: "cost" }),
      stat(L("年化利率（IRR，名义）", "APR (IRR, nominal)"), res.apr?.nominal, { key: "nominal", kind: "rate", big: true }),
      stat(L("实际年化（复利）", "Effective annual rate"), res.apr?.effective, { key: "effective", kind: "rate" }),
    );
    const model = !hasFee && res.model && (res.model.payment !== first?.payment || res.model.interest !== res.totals?.interest)
      ? h("p", { class: "note" }, tr(L("按公式不取整计算：每期 {p}，总利息 {i}（很多计算器给出的是这个数；上面是按分取整后实际要还的）。", "By the exact formula: {p} per period, interest {i} (what many calculators quote; the figures above are what is billed, rounded to the fen)."), { p: money(res.model.payment), i: money(res.model.interest) }),
        res.model.calculatorInterest
          ? h("span", { class: "calculator" }, " ", tr(L("有的计算器按“月供 × 期数 − 本金”算总利息：{c}。", "Some calculators print interest as “payment × periods − principal”: {c}."), { c: money(res.model.calculatorInterest) }))
          : null)
      : null;
    result.set(summary, model, notices(res.warnings, { title: L("提醒", "Warnings"), openAdvice: ctx.openAdvice }));
    const line = tr(L("每期还 {p}，总共多付 {c}，年化利率 {a}", "Pay {p} a period; it costs {c} in total; APR {a}"), { p: money(first?.payment), c: money(res.totals?.cost), a: percent(res.apr?.nominal) });
    headline.textContent = line;
    headline.hidden = false;
    live.say(line);
    // Charts and the table in a task of their own: the figures above show first.
    const generation = ++renders;
    setTimeout(() => {
      if (generation === renders) result.append(details(rows, first, last, hasFee));
    }, 0);
  }

  let renders = 0;
  function details(rows, first, last, hasFee) {
    const x = rows.map((r) => r.period);
    const hasInterest = rows.some((r) => /[1-9]/.test(r.interest ?? "0"));
    const charts = rows.length
      ? h("div", { class: "charts" },
          stackedArea({ title: L("剩余本金", "Balance remaining"), summary: tr(L("从 {a} 降到 {b}", "from {a} down to {b}"), { a: money(first.opening), b: money(last.closing) }), x: [0, ...x], series: [{ label: tr(L("剩余本金", "Balance")), values: [first.opening, ...rows.map((r) => r.closing)] }] }),
          stackedArea({ title: L("每期还款构成", "What each payment is made of"), summary: tr(L("每期还款 {a} 至 {b}", "payments from {a} to {b}"), { a: money(first.payment), b: money(last.payment) }), x, series: [
            { label: tr(L("本金", "Principal")), values: rows.map((r) => r.principal) },
            ...(hasInterest ? [{ label: tr(L("利息", "Interest")), values: rows.map((r) => r.interest) }] : []),
            ...(hasFee ? [{ label: tr(L("手续费", "Fee")), values: rows.map((r) => r.fee) }] : []),
          ] }))
      : null;
    const fragment = document.createDocumentFragment();
    fragment.append(...[charts, table({ caption: L("还款明细", "Schedule"), columns: COLUMNS.filter((c) => c.key !== "fee" || hasFee), rows, file: "schedule" })].filter(Boolean));
    return fragment;
  }

  function renderCompare(res, names) {
    // offers come sorted by effective APR; `index` is each one's place in the form
    const offers = (res.offers ?? []).map((o) => ({ ...o, name: names[o.index] || tr(L("方案 {n}", "Offer {n}"), { n: o.index + 1 }) }));
    compareResult.set(
      table({
        caption: L("方案比较", "Offers compared"),
        file: "offers",
        rows: offers,
        columns: [
          { key: "name", label: L("方案", "Offer"), kind: "text" },
          { key: "minPayment", label: L("每期最低", "Lowest payment") },
          { key: "maxPayment", label: L("每期最高", "Highest payment") },
          { key: "totalCost", label: L("总成本", "Total cost") },
          { key: "nominal", label: L("年化（名义）", "APR (nominal)"), kind: "rate", get: (o) => o.apr?.nominal },
          { key: "effective", label: L("实际年化", "Effective APR"), kind: "rate", get: (o) => o.apr?.effective },
        ],
      }),
      ...offers.map((o) => notices(o.warnings, { title: { zh: `${o.name}：提醒`, en: `${o.name}: warnings` }, openAdvice: ctx.openAdvice })),
    );
  }

  let compareTimer = 0;
  let compareNear = typeof IntersectionObserver !== "function";
  function run() {
    if (!ctx.ready) return;
    runLoan();
    // The comparison sits below the first screen: build and compute it in a task of its own, once
    // it comes near the screen.
    clearTimeout(compareTimer);
    if (compareNear) compareTimer = setTimeout(runCompare, 0);
  }
  if (!compareNear) {
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      compareNear = true;
      if (ctx.ready) runCompare();
    }, { rootMargin: "400px 0px" });
    observer.observe(compareResult.el);
  }

  function runLoan() {
    const v = form.values();
    const r = call(ctx.rp, "schedule", loanInput(v));
    if (r.missing) {
      renders++;
      result.set(missing("schedule"));
      headline.hidden = true;
    }
    else if (r.ok) {
      form.clearErrors();
      renderLoan(r.value);
    } else {
      renders++;
      result.set(inputError(form, loanField(r.error.field ?? ""), r.error));
      headline.hidden = true;
      live.say(say(r.error));
    }
  }

  function runCompare() {
    buildCompare();
    const cv = compareForm.values();
    const inputs = cv.offers.map((o) => loanInput({ ...o, startDate: cv.startDate }));
    const c = call(ctx.rp, "compareOffers", inputs);
    if (c.missing) compareResult.set(missing("compareOffers"));
    else if (c.ok) {
      compareForm.clearErrors();
      renderCompare(c.value, cv.offers.map((o) => o.name));
    } else {
      const path = c.error.field ?? "";
      const m = /^(?:offers)?\[?(\d+)\]?\.?(.*)$/.exec(path);
      const mapped = m ? (m[2] === "startDate" ? "startDate" : `offers[${m[1]}].${loanField(m[2])}`) : path;
      compareResult.set(inputError(compareForm, mapped, c.error));
    }
  }

  return {
    update: run,
    relabel() {
      relabel();
    },
    getState: () => ({ loan: form.values(), compare: compareForm ? compareForm.values() : compareState }),
    setState(state) {
      const ex = example();
      form.setValues(state?.loan && typeof state.loan === "object" ? { ...ex.loan, ...state.loan } : ex.loan);
      compareState = state?.compare && typeof state.compare === "object" ? { ...ex.compare, ...state.compare } : ex.compare;
      compareForm?.setValues(compareState);
    },
  };
}
