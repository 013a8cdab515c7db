// Language: Chinese first, English on request. Texts live next to where they are used as
// `{ zh, en }` pairs; `tr()` picks the current one. Static page texts carry `data-i18n` keys.

let current = "zh";
const listeners = new Set();

/** The current language, "zh" or "en". */
export const lang = () => current;

/**
 * Picks the text of the current language (or of `forLang`, for a document written in another
 * language than the page's) from a `{ zh, en }` pair (a plain string passes through).
 */
export function tr(text, vars, forLang = current) {
  let s = typeof text === "string" ? text : text?.[forLang] ?? text?.zh ?? "";
  if (vars) s = s.replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`));
  return s;
}

/** A package error or notice in the current language. */
export const say = (item) => (current === "zh" ? item?.messageZh || item?.message : item?.message || item?.messageZh) ?? "";

export function setLang(next) {
  const previous = current;
  current = next === "en" ? "en" : "zh";
  document.documentElement.lang = current === "zh" ? "zh-CN" : "en";
  for (const el of document.querySelectorAll("[data-i18n]")) {
    const text = STATIC[el.dataset.i18n];
    if (text) el.textContent = tr(text);
  }
  for (const el of document.querySelectorAll("[data-i18n-label]")) {
    const text = STATIC[el.dataset.i18nLabel];
    if (text) el.setAttribute("aria-label", tr(text));
  }
  document.title = tr(STATIC.title);
  // The toggle is written in the other language.
  document.getElementById("lang")?.setAttribute("lang", current === "zh" ? "en" : "zh-CN");
  // Everything is built in the current language; relabel only on a change.
  if (current !== previous) for (const fn of listeners) fn(current);
}

export const onLang = (fn) => listeners.add(fn);

/** Texts of index.html, by `data-i18n` key (the Chinese ones are also written in the HTML). */
export const STATIC = {
  title: { zh: "还款计算器：欠款、逾期与还款计划", en: "Repayment calculator: debts, overdue costs and a plan" },
  skip: { zh: "跳到计算器", en: "Skip to the calculator" },
  heading: { zh: "还款计算器", en: "Repayment calculator" },
  tagline: {
    zh: "算清楚欠多少、什么时候还、要花多少钱，精确到分。所有计算都在你的设备上完成，不会发送任何数据。",
    en: "Know to the fen what you owe, when, and what it costs. Everything is computed on your device; nothing is sent anywhere.",
  },
  langButton: { zh: "English", en: "中文" },
  langLabel: { zh: "Switch to English", en: "切换到中文" },
  tabsLabel: { zh: "计算工具", en: "Tools" },
  tabSchedule: { zh: "还款计划", en: "Schedule" },
  tabOverdue: { zh: "逾期计算", en: "Overdue" },
  tabPlan: { zh: "预算与还款", en: "Budget" },
  tabLetter: { zh: "协商还款申请书", en: "Negotiation letter" },
  tabLog: { zh: "催收记录", en: "Collection log" },
  tabTimeline: { zh: "逾期时间线", en: "Timeline" },
  tabAdvice: { zh: "建议", en: "Advice" },
  footer: {
    zh: "本页仅供参考，具体以合同和贷款方账单为准。页面不使用 Cookie、不做统计、不向任何服务器发送你的数据；输入只保存在网址 # 后面，方便收藏或分享；申请书里的个人信息不写进网址，催收记录只在你打开保存后才存在这个浏览器里。",
    en: "For reference only; your contract and the lender's bill decide. No cookies, no analytics, nothing you type is sent to any server; inputs are kept only after the # in the address so you can bookmark or share them; the letter's personal details never go there, and the collection log is kept in this browser only if you turn saving on.",
  },
  print: { zh: "打印", en: "Print" },
  reset: { zh: "恢复示例", en: "Reset to the example" },
};
