// The page: tabs, language, URL-fragment state, and the four tools. It collects input, calls the
// package (./pkg/index.js, built from the Rust library) and shows what the package returns.
import init, * as rp from "./pkg/index.js";
import { setLang, lang, onLang } from "./lib/i18n.js";
import { readState, writeState } from "./lib/state.js";
import { createSchedule } from "./tools/schedule.js";
import { createOverdue } from "./tools/overdue.js";
import { createPlan } from "./tools/plan.js";
import { createAdvice } from "./tools/advice.js";

const TABS = ["schedule", "overdue", "plan", "advice"];
const tabButton = (name) => document.getElementById(`tab-${name}`);
const panel = (name) => document.getElementById(`panel-${name}`);

let activeTab = "schedule";
const tools = {};

function saveState() {
  const state = { tab: activeTab, lang: lang() };
  for (const [name, tool] of Object.entries(tools)) if (tool.getState) state[name] = tool.getState();
  writeState(state);
}

function showTab(name, { focus = false } = {}) {
  if (!TABS.includes(name)) name = "schedule";
  activeTab = name;
  for (const t of TABS) {
    const selected = t === name;
    tabButton(t).setAttribute("aria-selected", String(selected));
    tabButton(t).tabIndex = selected ? 0 : -1;
    panel(t).hidden = !selected;
  }
  if (focus) tabButton(name).focus();
  tools[name]?.update?.();
  saveState();
}

function openAdvice(id) {
  showTab("advice");
  tools.advice.reveal(id);
}

function wireTabs() {
  for (const t of TABS) tabButton(t).addEventListener("click", () => showTab(t));
  document.querySelector("[role=tablist]").addEventListener("keydown", (e) => {
    const i = TABS.indexOf(activeTab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    showTab(TABS[(next + TABS.length) % TABS.length], { focus: true });
  });
}

function applyState(state) {
  for (const [name, tool] of Object.entries(tools)) tool.setState?.(state?.[name]);
  setLang(state?.lang === "en" ? "en" : "zh");
  showTab(TABS.includes(state?.tab) ? state.tab : "schedule");
}

async function main() {
  const ctx = { rp, openAdvice, changed: saveState, ready: false };
  tools.schedule = createSchedule(ctx, panel("schedule"));
  tools.overdue = createOverdue(ctx, panel("overdue"));
  tools.plan = createPlan(ctx, panel("plan"));
  tools.advice = createAdvice(ctx, panel("advice"));
  wireTabs();
  document.getElementById("lang").addEventListener("click", () => {
    setLang(lang() === "zh" ? "en" : "zh");
    saveState();
  });
  document.getElementById("print").addEventListener("click", () => window.print());
  document.getElementById("reset").addEventListener("click", () => {
    applyState({ tab: activeTab, lang: lang() });
    saveState();
  });
  onLang(() => {
    for (const tool of Object.values(tools)) tool.relabel?.();
    tools[activeTab]?.update?.();
  });
  window.addEventListener("hashchange", () => applyState(readState()));

  // Fill the forms (and the language) first, so the page is laid out while the module loads.
  applyState(readState());
  await init();
  ctx.ready = true;
  tools[activeTab].update?.();
  document.documentElement.dataset.ready = "true";
}

main().catch((error) => {
  const box = document.createElement("p");
  box.className = "message error";
  box.setAttribute("role", "alert");
  box.textContent = `计算模块加载失败 / The calculator could not load: ${error?.message ?? error}`;
  document.getElementById("tools").prepend(box);
});

if ("serviceWorker" in navigator && location.protocol !== "file:") {
  window.addEventListener("load", () => navigator.serviceWorker.register("sw.js").catch(() => undefined));
}
