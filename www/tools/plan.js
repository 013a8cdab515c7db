// Tool 3: 预算与还款 — the monthly budget, a debt-free plan (avalanche vs snowball) with a timeline
// chart, and, when the money does not reach, a hardship-instalment what-if (个性化分期 / 停息挂账).
import { h } from "../lib/dom.js";
import { tr, say } from "../lib/i18n.js";
import { Form, num, pct, compact } from "../lib/form.js";
import { money, count, negative } from "../lib/format.js";
import { stat, stats, table, notices } from "../lib/ui.js";
import { stackedArea } from "../lib/chart.js";
import { today, debounce, liveRegion, call, missing, resultBox, inputError } from "../lib/tool.js";

const L = (zh, en) => ({ zh, en });
const RATE_KINDS = [
  { value: "annualRate", label: L("年利率", "Annual rate") },
  { value: "monthlyRate", label: L("月利率", "Monthly rate") },
  { value: "dailyRate", label: L("日利率", "Daily rate") },
];
const STRATEGIES = [
  { value: "avalanche", label: L("雪崩法：利率最高的先还", "Avalanche: highest rate first") },
  { value: "snowball", label: L("雪球法：余额最小的先还", "Snowball: smallest balance first") },
];

const SPEC = [
  { key: "monthlyIncome", type: "money", label: L("每月税后收入", "Monthly income after tax") },
  { note: L("必要开支：房租、吃饭、交通、水电；弹性开支：购物、娱乐等可以省的；储蓄：每月存下的钱。", "Essential: rent, food, transport, utilities. Flexible: shopping, entertainment — what can be cut. Savings: what you put aside each month.") },
  { list: "expenses", legend: L("每月开支", "Monthly spending"), item: L("开支 {n}", "Expense {n}"), add: L("加一项开支", "Add an expense"), min: 0, max: 30,
    blank: () => ({ kind: "essential" }),
    fields: [
      { key: "name", type: "text", label: L("名称", "Name") },
      { row: [
        { key: "amount", type: "money", label: L("金额", "Amount") },
        { key: "kind", type: "select", label: L("类型", "Kind"), options: [
          { value: "essential", label: L("必要", "Essential") },
          { value: "flexible", label: L("弹性", "Flexible") },
          { value: "savings", label: L("储蓄", "Savings") },
        ] },
      ] },
    ] },
  { list: "debts", legend: L("欠款", "Debts"), item: L("欠款 {n}", "Debt {n}"), add: L("加一笔欠款", "Add a debt"), min: 0, max: 20,
    blank: () => ({ rateKind: "annualRate" }),
    fields: [
      { key: "name", type: "text", label: L("名称（如 花呗、信用卡）", "Name (e.g. Huabei, card)") },
      { row: [
        { key: "balance", type: "money", label: L("还欠多少", "Balance owed") },
        { key: "minimumPayment", type: "money", label: L("每月最低还款", "Minimum monthly payment") },
      ] },
      { row: [
        { key: "rateKind", type: "select", label: L("利率类型", "Rate type"), options: RATE_KINDS },
        { key: "rate", type: "percent", label: L("利率", "Rate") },
      ] },
    ] },
  { row: [
    { key: "monthlyBudget", type: "money", label: L("每月用来还债的钱", "Money for debts each month"), hint: L("包括所有最低还款；留空则用预算算出的最大可还额", "Including all minimums; leave empty to use the most the budget allows") },
    { key: "startDate", type: "date", label: L("从哪天开始", "Starting") },
  ] },
  { key: "chartStrategy", type: "select", label: L("时间线显示哪种还法", "Timeline shows"), options: STRATEGIES },
];

export const RS_SPEC = [
  { row: [
    { key: "principal", type: "money", label: L("本金", "Principal") },
    { key: "interest", type: "money", label: L("已产生的利息", "Interest so far") },
  ] },
  { row: [
    { key: "fees", type: "money", label: L("费用", "Fees") },
    { key: "penalties", type: "money", label: L("违约金、罚息", "Late fees, penalties") },
  ] },
  { note: L("贷款方同意减免的部分：", "What the lender agrees to waive:") },
  { row: [
    { key: "waiveInterest", type: "checkbox", label: L("减免利息", "Waive interest") },
    { key: "waiveFees", type: "checkbox", label: L("减免费用", "Waive fees") },
    { key: "waivePenalties", type: "checkbox", label: L("减免违约金", "Waive late fees") },
  ] },
  { key: "solveBy", type: "select", label: L("按什么算", "Solve for"), options: [
    { value: "periods", label: L("我定期数，算每期还多少", "I choose the months; show the payment") },
    { value: "targetPayment", label: L("我定每期能还多少，算要几期", "I choose the payment; show the months") },
  ] },
  { key: "periods", type: "int", label: L("分几期（最多 60 期）", "Months (at most 60)"), when: (v) => v.solveBy !== "targetPayment" },
  { key: "targetPayment", type: "money", label: L("每期能还多少", "Payment I can afford"), when: (v) => v.solveBy === "targetPayment" },
  { row: [
    { key: "chargeKind", type: "select", label: L("分期期间的收费", "Charges during the plan"), options: [
      { value: "freeze", label: L("停息挂账（不再计息收费）", "Frozen (no interest or fees)") },
      { value: "feeRate", label: L("每期手续费率", "Fee rate per month") },
      { value: "annualRate", label: L("年利率", "Annual interest rate") },
    ] },
    { key: "rate", type: "percent", label: L("费率或利率", "Rate"), when: (v) => v.chargeKind !== "freeze" },
  ] },
  { row: [
    { key: "downPayment", type: "money", label: L("首付（先还一部分）", "Down payment") },
    { key: "startDate", type: "date", label: L("开始日期", "Start date") },
  ] },
];

export function example() {
  const t = today();
  return {
    budget: {
      monthlyIncome: "8000",
      expenses: [
        { name: "房租", amount: "2200", kind: "essential" },
        { name: "吃饭", amount: "1500", kind: "essential" },
        { name: "交通和话费", amount: "400", kind: "essential" },
        { name: "购物娱乐", amount: "800", kind: "flexible" },
        { name: "存款", amount: "200", kind: "savings" },
      ],
      debts: [
        { name: "信用卡", balance: "12000", minimumPayment: "1200", rateKind: "annualRate", rate: "18" },
        { name: "借呗", balance: "8000", minimumPayment: "800", rateKind: "dailyRate", rate: "0.05" },
        { name: "花呗", balance: "3000", minimumPayment: "300", rateKind: "annualRate", rate: "15" },
      ],
      monthlyBudget: "2900",
      startDate: t,
      chartStrategy: "avalanche",
    },
    restructure: { principal: "12000", interest: "600", fees: "0", penalties: "300", waivePenalties: true, solveBy: "periods", periods: "36", chargeKind: "feeRate", rate: "0.5", startDate: t },
  };
}

export function budgetInput(v) {
  return compact({
    monthlyIncome: num(v.monthlyIncome),
    expenses: v.expenses.map((e) => compact({ name: e.name, amount: num(e.amount), kind: e.kind })),
    debts: v.debts.map((d) => compact({ name: d.name, minimumPayment: num(d.minimumPayment) })),
  });
}

export function payoffInput(v, strategy, fallbackBudget) {
  return compact({
    debts: v.debts.map((d) => {
      const debt = compact({ name: d.name, balance: num(d.balance), minimumPayment: num(d.minimumPayment) });
      const rate = pct(d.rate);
      if (rate !== undefined) debt[d.rateKind || "annualRate"] = rate;
      return debt;
    }),
    monthlyBudget: num(v.monthlyBudget) ?? fallbackBudget,
    strategy,
    startDate: v.startDate || undefined,
  });
}

export function restructureInput(v) {
  const input = compact({
    principal: num(v.principal),
    interest: num(v.interest),
    fees: num(v.fees),
    penalties: num(v.penalties),
    downPayment: num(v.downPayment),
    startDate: v.startDate || undefined,
  });
  const waive = [v.waiveInterest && "interest", v.waiveFees && "fees", v.waivePenalties && "penalties"].filter(Boolean);
  if (waive.length) input.waive = waive;
  if (v.solveBy === "targetPayment") {
    const t = num(v.targetPayment);
    if (t !== undefined) input.targetPayment = t;
  } else {
    const p = num(v.periods);
    if (p !== undefined) input.periods = p;
  }
  if (v.chargeKind === "feeRate" || v.chargeKind === "annualRate") {
    const r = pct(v.rate);
    if (r !== undefined) input[v.chargeKind] = r;
  }
  return input;
}

/** Where a package error's field points: rates of a debt are typed in its one "rate" box. */
export function planField(path) {
  const m = /^(debts\[\d+\]\.)(annualRate|monthlyRate|dailyRate)$/.exec(path);
  return m ? `${m[1]}rate` : path;
}
export function restructureField(path) {
  if (path === "feeRate" || path === "annualRate") return "rate";
  if (path.startsWith("waive")) return "waiveInterest";
  return path;
}

const SHORTFALL_CODES = new Set(["SHORTFALL", "CAPACITY_BELOW_MINIMUMS", "NO_INCOME"]);

export function createPlan(ctx, panel) {
  const live = liveRegion();
  const budgetResult = resultBox(L("预算", "Budget"), "budget-result");
  const payoffResult = resultBox(L("还清计划", "Debt-free plan"), "payoff-result");
  const rsResult = resultBox(L("分期试算结果", "What-if result"), "rs-result");
  const update = debounce(() => {
    run();
    ctx.changed();
  });
  const form = new Form("plan", SPEC, update);
  const rsForm = new Form("rs", RS_SPEC, update);
  const heading = h("h2", {});
  const intro = h("p", { class: "intro" });
  const headline = h("p", { class: "headline", "aria-hidden": "true" }, tr(L("正在计算…", "Working it out…")));
  const rsSummary = h("summary", {});
  const rsIntro = h("p", { class: "intro" });
  const rsBanner = h("p", { class: "message warn", hidden: true });
  const pickLabel = h("p", { class: "presets-label", id: "rs-pick-label" });
  const pick = h("div", { class: "presets", role: "group", "aria-labelledby": "rs-pick-label" });
  const rsBox = h("details", { class: "what-if", id: "restructure" }, rsSummary, rsBanner, rsIntro, pickLabel, pick, rsForm.el, rsResult.el);
  panel.replaceChildren(
    h("div", { class: "tool" }, h("div", { class: "inputs" }, heading, intro, headline, form.el), h("div", { class: "outputs" }, budgetResult.el, payoffResult.el)),
    rsBox,
    live.el);

  function relabel() {
    heading.textContent = tr(L("预算与还清计划", "Budget and debt-free plan"));
    intro.textContent = tr(L("先算清每月收支，再看按什么顺序还、哪天能还清。雪崩法利息最少，雪球法更快看到一笔笔还清。", "First the monthly budget, then the order to repay and the day you are debt-free. Avalanche costs the least interest; snowball clears single debts sooner."));
    rsSummary.textContent = tr(L("还不上时：个性化分期 / 停息挂账试算", "If you cannot keep up: hardship instalment what-if"));
    rsIntro.textContent = tr(L("信用卡可申请最长 60 期的个性化分期；网贷可以协商延期或分期。先算出每月能承受的金额，再去和贷款方谈。", "Credit cards allow personalised instalments of up to 60 months; online loans can be extended or split by agreement. Work out what you can afford before you talk to the lender."));
    pickLabel.textContent = tr(L("用哪笔欠款试算：", "Try it with a debt:"));
    budgetResult.relabel();
    payoffResult.relabel();
    rsResult.relabel();
    form.relabelAll();
    rsForm.relabelAll();
  }
  relabel();

  function renderPick(debts) {
    pick.replaceChildren(...debts.filter((d) => d.balance).map((d, i) =>
      h("button", { type: "button", class: "chip", onclick: () => {
        rsForm.setValues({ ...rsForm.values(), principal: d.balance, interest: "", fees: "", penalties: "" });
        update();
      } }, d.name || tr(L("欠款 {n}", "Debt {n}"), { n: i + 1 }))));
  }

  function renderBudget(b) {
    const short = negative(b.surplus);
    const splitRows = b.split ? [
      { part: tr(L("必要开支（含最低还款）", "Needs (incl. minimum payments)")), actual: b.split.needs, guide: b.splitTarget?.needs },
      { part: tr(L("弹性开支", "Wants")), actual: b.split.wants, guide: b.splitTarget?.wants },
      { part: tr(L("储蓄和额外还款", "Savings and extra repayment")), actual: b.split.savings, guide: b.splitTarget?.savings },
    ] : [];
    budgetResult.set(
      stats(
        stat(short ? L("每月缺口", "Monthly shortfall") : L("每月结余", "Monthly surplus"), b.surplus, { key: "surplus", big: true, bad: short }),
        stat(L("最多可用于还债", "Most that can go to debts"), b.capacity, { key: "capacity", note: L("收入 − 必要开支 − 储蓄", "income − essentials − savings") }),
        stat(L("收入", "Income"), b.income, { key: "income" }),
        stat(L("必要开支", "Essential"), b.essential, { key: "essential" }),
        stat(L("弹性开支", "Flexible"), b.flexible, { key: "flexible" }),
        stat(L("储蓄", "Savings"), b.savings, { key: "savings" }),
        stat(L("最低还款合计", "Minimum payments"), b.debtMinimums, { key: "debtMinimums" }),
        b.debtToIncome != null ? stat(L("还款收入比", "Debt-to-income"), b.debtToIncome, { key: "debtToIncome", kind: "rate" }) : null,
      ),
      splitRows.length ? table({ caption: L("和 50/30/20 比较", "Against 50/30/20"), file: "budget-split", rows: splitRows, columns: [
        { key: "part", label: L("部分", "Part"), kind: "text" },
        { key: "actual", label: L("你的占比", "Your share"), kind: "rate" },
        { key: "guide", label: L("50/30/20 参考", "50/30/20 guide"), kind: "rate" },
      ] }) : null,
      notices(b.flags, { title: L("提示", "Flags"), openAdvice: ctx.openAdvice }),
    );
    return short || (b.flags ?? []).some((f) => SHORTFALL_CODES.has(f.code));
  }

  function reasonText(res) {
    if (res.reason === "BUDGET_BELOW_MINIMUMS") return L("每月用来还债的钱不够付所有最低还款。需要和贷款方协商分期或延期，看下面的试算。", "The money for debts does not cover all minimum payments. You need to negotiate instalments or an extension — see the what-if below.");
    if (res.reason === "NEVER_PAID_OFF") return L("按这个金额，利息比还款涨得还快，永远还不清。需要增加还款或协商停息分期。", "At this amount the interest grows faster than the payments: the debts are never repaid. Pay more or negotiate a frozen-interest plan.");
    return L("这个计划无法还清。", "This plan does not repay the debts.");
  }

  function renderPayoff(plan, chosen) {
    const cmp = plan.comparison ?? {};
    const neverText = tr(L("还不清", "never"));
    const cmpRows = [
      ["avalanche", L("雪崩法（利率高的先还）", "Avalanche (highest rate first)")],
      ["snowball", L("雪球法（余额小的先还）", "Snowball (smallest balance first)")],
      ["minimumOnly", L("只还最低还款", "Minimum payments only")],
    ].filter(([key]) => cmp[key]).map(([key, label]) => ({ key, name: tr(label), ...cmp[key] }));
    const comparison = cmpRows.length ? table({ caption: L("几种还法比较", "Strategies compared"), file: "payoff-comparison", rows: cmpRows, columns: [
      { key: "name", label: L("还法", "Strategy"), kind: "text" },
      { key: "months", label: L("月数", "Months"), kind: "text", get: (r) => (r.feasible === false || r.months == null ? neverText : count(r.months)) },
      { key: "debtFreeDate", label: L("还清日期", "Debt-free"), kind: "date" },
      { key: "totalInterest", label: L("总利息", "Total interest") },
      { key: "interestSaved", label: L("比只还最低省下的利息", "Interest saved vs minimums only") },
    ] }) : null;
    const warnings = notices(plan.warnings, { title: L("提醒", "Warnings"), openAdvice: ctx.openAdvice });
    if (!plan.feasible) {
      payoffResult.set(h("p", { class: "message warn" }, tr(reasonText(plan))), warnings, comparison);
      live.say(tr(reasonText(plan)));
      return false;
    }
    const timeline = plan.timeline ?? [];
    const names = (plan.debts ?? []).map((d) => d.name);
    // rows list only the debts still owed that month, by name
    const series = names.map((name) => ({
      label: name,
      values: timeline.map((m) => (m.rows ?? []).find((r) => r.name === name)?.balance ?? "0"),
    }));
    const longRows = timeline.flatMap((m) => (m.rows ?? []).map((r) => ({ month: m.month, date: m.date, ...r })));
    payoffResult.set(
      stats(
        stat(L("还清日期", "Debt-free on"), plan.debtFreeDate, { key: "debtFreeDate", kind: "date", big: true }),
        h("div", { class: "stat", dataset: { key: "months" } }, h("dt", {}, tr(L("需要", "Takes"))), h("dd", {}, h("span", { class: "value" }, tr(L("{n} 个月", "{n} months"), { n: count(plan.months) })))),
        stat(L("总利息", "Total interest"), plan.totalInterest, { key: "totalInterest" }),
        stat(L("总共还", "Total paid"), plan.totalPaid, { key: "totalPaid" }),
      ),
      warnings,
      comparison,
      timeline.length ? stackedArea({
        title: chosen === "snowball" ? L("雪球法：每笔欠款的余额", "Snowball: balance of each debt") : L("雪崩法：每笔欠款的余额", "Avalanche: balance of each debt"),
        summary: tr(L("{n} 个月后全部还清，{d}", "all repaid after {n} months, {d}"), { n: count(plan.months), d: plan.debtFreeDate ?? "" }),
        x: timeline.map((m) => m.month),
        series,
      }) : null,
      table({ caption: L("每笔欠款", "Each debt"), file: "payoff-debts", rows: plan.debts ?? [], columns: [
        { key: "name", label: L("欠款", "Debt"), kind: "text" },
        { key: "payoffMonth", label: L("第几个月还清", "Paid off in month"), kind: "int" },
        { key: "payoffDate", label: L("还清日期", "Paid off on"), kind: "date" },
        { key: "interest", label: L("利息", "Interest") },
        { key: "paid", label: L("共还", "Paid") },
      ] }),
      table({ caption: L("逐月明细", "Month by month"), file: "payoff-timeline", rows: longRows, columns: [
        { key: "month", label: L("月", "Month"), kind: "int" },
        { key: "date", label: L("日期", "Date"), kind: "date" },
        { key: "name", label: L("欠款", "Debt"), kind: "text" },
        { key: "payment", label: L("还款", "Payment") },
        { key: "interest", label: L("利息", "Interest") },
        { key: "balance", label: L("余额", "Balance") },
      ] }),
    );
    live.say(tr(L("{d} 还清，总利息 {i}", "Debt-free on {d}, total interest {i}"), { d: plan.debtFreeDate ?? "", i: money(plan.totalInterest) }));
    return true;
  }

  function renderRestructure(res) {
    const rows = res.rows ?? [];
    rsResult.set(
      stats(
        stat(L("每期还款", "Monthly payment"), res.payment, { key: "rsPayment", big: true }),
        h("div", { class: "stat big", dataset: { key: "rsPeriods" } }, h("dt", {}, tr(L("期数", "Months"))), h("dd", {}, h("span", { class: "value" }, count(res.periods)))),
        stat(L("分期总还款", "Total repaid in the plan"), res.totals?.payment, { key: "rsTotal" }),
        stat(L("分期成本", "Cost of the plan"), res.totals?.cost, { key: "rsCost" }),
        stat(L("年化利率（IRR）", "APR (IRR)"), res.apr?.nominal, { key: "rsApr", kind: "rate" }),
        res.savedVersusOverdue != null ? stat(L("比按原欠款还清少付（负数为多付）", "Less than repaying the debt as it stands (negative: more)"), res.savedVersusOverdue, { key: "rsSaved", bad: negative(res.savedVersusOverdue) }) : null,
      ),
      notices(res.warnings, { title: L("谈判时注意", "When you negotiate"), openAdvice: ctx.openAdvice }),
      table({ caption: L("分期明细", "Instalments"), file: "restructure", rows, columns: [
        { key: "period", label: L("期", "No."), kind: "int" },
        { key: "dueDate", label: L("还款日", "Due date"), kind: "date" },
        { key: "payment", label: L("还款额", "Payment") },
        { key: "principal", label: L("本金", "Principal") },
        { key: "interest", label: L("利息", "Interest") },
        { key: "fee", label: L("手续费", "Fee") },
        { key: "closing", label: L("剩余", "Remaining") },
      ] }),
    );
  }

  const fail = (box, f, mapPath, error) => {
    box.set(inputError(f, mapPath(error.field ?? ""), error));
    return error;
  };

  function run() {
    if (!ctx.ready) return;
    const v = form.values();
    renderPick(v.debts);
    let shortfall = false;
    let capacity;
    let debtFree = null;
    let formError = null;
    const b = call(ctx.rp, "budget", budgetInput(v));
    if (b.missing) budgetResult.set(missing("budget"));
    else if (b.ok) {
      shortfall = renderBudget(b.value);
      capacity = b.value.capacity;
    } else formError = fail(budgetResult, form, planField, b.error);

    if (v.debts.length === 0) payoffResult.set(h("p", { class: "message info" }, tr(L("加上你的欠款，就能看到还清计划。", "Add your debts to see a debt-free plan."))));
    else if (formError) payoffResult.set();
    else if (num(v.monthlyBudget) === undefined && capacity !== undefined && (negative(capacity) || !/[1-9]/.test(capacity))) {
      shortfall = true;
      payoffResult.set(h("p", { class: "message warn" }, tr(L("按预算，收入扣除必要开支和储蓄后已经没有钱还债。需要和贷款方协商，看下面的试算。", "After essentials and savings nothing is left for debts. You need to negotiate — see the what-if below."))));
    } else {
      const strategy = v.chartStrategy === "snowball" ? "snowball" : "avalanche";
      const p = call(ctx.rp, "payoff", payoffInput(v, strategy, capacity));
      if (p.missing) payoffResult.set(missing("payoff"));
      else if (p.ok) {
        if (!renderPayoff(p.value, strategy)) shortfall = true;
        else debtFree = p.value.debtFreeDate;
        form.clearErrors();
      } else formError = fail(payoffResult, form, planField, p.error);
    }
    if (!formError && b.ok) form.clearErrors();
    const parts = [];
    if (b.ok) parts.push(tr(negative(b.value.surplus) ? L("每月缺口 {s}", "Short {s} a month") : L("每月结余 {s}", "{s} left each month"), { s: money(b.value.surplus) }));
    if (debtFree) parts.push(tr(L("{d} 还清", "debt-free on {d}"), { d: debtFree }));
    else if (shortfall) parts.push(tr(L("需要协商分期", "instalments needed")));
    headline.textContent = parts.join(" · ");
    headline.hidden = parts.length === 0;

    rsBanner.hidden = !shortfall;
    rsBanner.textContent = tr(L("钱不够还：可以试试向贷款方申请分期，下面按你的情况算一算。", "The money does not reach: consider asking the lender for instalments — here is what that could look like."));
    if (shortfall) rsBox.open = true;
    if (!rsBox.open) return;
    const r = call(ctx.rp, "restructure", restructureInput(rsForm.values()));
    if (r.missing) rsResult.set(missing("restructure"));
    else if (r.ok) {
      rsForm.clearErrors();
      renderRestructure(r.value);
    } else fail(rsResult, rsForm, restructureField, r.error);
  }
  rsBox.addEventListener("toggle", () => rsBox.open && run());

  return {
    update: run,
    relabel,
    getState: () => ({ budget: form.values(), restructure: rsForm.values() }),
    setState(state) {
      const ex = example();
      form.setValues(state?.budget && typeof state.budget === "object" ? { ...ex.budget, ...state.budget } : ex.budget);
      rsForm.setValues(state?.restructure && typeof state.restructure === "object" ? { ...ex.restructure, ...state.restructure } : ex.restructure);
    },
  };
}
