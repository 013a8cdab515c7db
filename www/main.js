// The page: tabs, language, URL-fragment state, and the tools. It collects input, calls the
// package (./pkg/index.js, built from the Rust library) and shows what the package returns.
import init, * as rp from "./pkg/index.js";
import { setLang, lang, onLang } from "./lib/i18n.js";
import { readState, writeState } from "./lib/state.js";
import { createSchedule } from "./tools/schedule.js";
import { createOverdue } from "./tools/overdue.js";
import { createPlan } from "./tools/plan.js";
import { createAdvice } from "./tools/advice.js";

const TABS = ["schedule", "overdue", "plan", "letter", "log", "timeline", "advice"];
const FACTORIES = { schedule: createSchedule, overdue: createOverdue, plan: createPlan, advice: createAdvice };
/**
 * Tools imported when their tab first opens. They are preloaded (index.html) but not evaluated
 * with the first screen: importing them up front tripled Lighthouse's mobile total blocking time.
 */
const LAZY = {
  letter: () => import("./tools/letter.js").then((m) => m.createLetter),
  log: () => import("./tools/log.js").then((m) => m.createLog),
  timeline: () => import("./tools/timeline.js").then((m) => m.createTimeline),
};
const tabButton = (name) => document.getElementById(`tab-${name}`);
const panel = (name) => document.getElementById(`panel-${name}`);

let activeTab = "schedule";
const tools = {}; // built tools; the others are built the first time their tab opens
let pending = {}; // state for tools not built yet
const ctx = { rp, openAdvice, changed: saveState, stateOf, ready: false };

/** The tool behind a tab, built on first use. */
function tool(name) {
  if (tools[name]) return tools[name];
  if (LAZY[name]) {
    tools[name] = {}; // until the module is here; its state stays in `pending`
    LAZY[name]().then((create) => {
      tools[name] = create(ctx, panel(name));
      tools[name].setState?.(pending[name]);
      if (activeTab === name) tools[name].update?.();
    }, (error) => {
      delete tools[name];
      panel(name).textContent = `无法加载 / Could not load: ${error?.message ?? error}`;
    });
  } else {
    tools[name] = FACTORIES[name](ctx, panel(name));
    tools[name].setState?.(pending[name]);
  }
  return tools[name];
}

/** A tool's current state (or what the URL holds for one not built yet): the letter reads the budget tab's. */
function stateOf(name) {
  return tools[name]?.getState ? tools[name].getState() : pending[name];
}

function saveState() {
  const state = { tab: activeTab, lang: lang() };
  for (const name of TABS) {
    const value = tools[name]?.getState ? tools[name].getState() : pending[name];
    if (value !== undefined) state[name] = value;
  }
  writeState(state);
}

function showTab(name, { focus = false, save = true } = {}) {
  if (!TABS.includes(name)) name = "schedule";
  activeTab = name;
  tool(name);
  for (const t of TABS) {
    const selected = t === name;
    tabButton(t).setAttribute("aria-selected", String(selected));
    tabButton(t).tabIndex = selected ? 0 : -1;
    panel(t).hidden = !selected;
  }
  if (focus) tabButton(name).focus();
  tools[name].update?.();
  if (save) saveState();
}

/** After a tab is chosen further down the page, brings the top of its panel into view (under the sticky tab bar). */
function revealPanelTop(name) {
  const bar = document.querySelector("[role=tablist]");
  const top = panel(name).getBoundingClientRect().top - bar.getBoundingClientRect().height;
  if (top < 0) window.scrollBy({ top });
}

/** Opens the advice tab at one section, with a way back to the result that linked there. */
function openAdvice(id) {
  const from = activeTab;
  showTab("advice");
  tools.advice.reveal(id, from === "advice" ? null : () => showTab(from, { focus: true }));
}

function wireTabs() {
  for (const t of TABS) {
    tabButton(t).addEventListener("click", () => {
      showTab(t);
      revealPanelTop(t);
    });
  }
  document.querySelector("[role=tablist]").addEventListener("keydown", (e) => {
    const i = TABS.indexOf(activeTab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    showTab(TABS[(next + TABS.length) % TABS.length], { focus: true });
  });
}

function applyState(state) {
  const valid = state && typeof state === "object" ? state : {};
  pending = Object.fromEntries(TABS.map((t) => [t, valid[t]]));
  setLang(valid.lang === "en" ? "en" : "zh");
  for (const [name, built] of Object.entries(tools)) built.setState?.(pending[name]);
  // Showing what is already in the fragment (or the example) changes nothing worth writing back.
  showTab(TABS.includes(valid.tab) ? valid.tab : "schedule", { save: false });
}

/** Lets the browser paint and handle input before the next piece of work (keeps tasks short). */
const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve, 0));

async function main() {
  const loading = init(); // fetch and compile the package while the page is being built
  loading.catch(() => {}); // handled below, after building; not an unhandled rejection meanwhile
  await yieldToBrowser();
  wireTabs();
  document.getElementById("lang").addEventListener("click", () => {
    setLang(lang() === "zh" ? "en" : "zh");
    saveState();
  });
  document.getElementById("print").addEventListener("click", () => window.print());
  document.getElementById("reset").addEventListener("click", () => {
    applyState({ tab: activeTab, lang: lang() });
    history.replaceState(null, "", location.pathname + location.search);
  });
  onLang(() => {
    for (const built of Object.values(tools)) built.relabel?.();
    tools[activeTab]?.update?.();
  });
  window.addEventListener("hashchange", () => applyState(readState()));

  // Fill the forms (and the language) first, so the page is laid out while the module loads.
  applyState(readState());
  performance.mark("rp:built");
  await loading;
  // The first result is computed and put in the page in the same task as the module became
  // ready, so the next frame shows it (tests/browser/page.test.mjs checks no frame comes between).
  performance.mark("rp:ready");
  ctx.ready = true;
  tools[activeTab].update?.();
  performance.mark("rp:first-result");
  await yieldToBrowser(); // a result's charts and tables follow in the next task
  performance.mark("rp:rendered");
  document.documentElement.dataset.ready = "true";
}

main().catch((error) => {
  const box = document.createElement("p");
  box.className = "message error";
  box.setAttribute("role", "alert");
  box.textContent = `计算模块加载失败 / The calculator could not load: ${error?.message ?? error}`;
  document.getElementById("tools").prepend(box);
  document.documentElement.dataset.ready = "error";
});

if ("serviceWorker" in navigator && location.protocol !== "file:") {
  window.addEventListener("load", () => navigator.serviceWorker.register("sw.js").catch(() => undefined));
}
