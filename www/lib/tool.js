// What every tool shares: a debounced update as you type, a polite live region with a one-line
// summary for screen readers, today's date, and calling a package function safely.
import { h, fill } from "./dom.js";
import { tr, say } from "./i18n.js";

/** Today's date as YYYY-MM-DD in local time (the user's "today"). */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Prints one part of the page alone (the print stylesheet hides the rest under `html[data-print=part]`). */
export function printPart(part) {
  document.documentElement.dataset.print = part;
  window.print();
  delete document.documentElement.dataset.print;
}

export function debounce(fn, ms = 90) {
  let t = 0;
  return () => {
    clearTimeout(t);
    t = setTimeout(fn, ms);
  };
}

/** A region that announces a short summary when it changes. */
export function liveRegion() {
  const el = h("p", { class: "sr-only", "aria-live": "polite", "aria-atomic": "true" });
  let last = "";
  let t = 0;
  return {
    el,
    say(text) {
      clearTimeout(t);
      // Wait until typing pauses, so a screen reader is not interrupted on every key.
      t = setTimeout(() => {
        if (text !== last) el.textContent = last = text;
      }, 700);
    },
  };
}

/**
 * Calls package function `name`; returns `{ ok: true, value }`, `{ ok: false, error }` for a
 * package error, or `{ ok: false, missing: true }` when this build lacks the function.
 */
export function call(rp, name, input) {
  if (typeof rp[name] !== "function") return { ok: false, missing: true };
  try {
    return { ok: true, value: rp[name](input) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The box shown when the package in use does not have a function yet. */
export function missing(name) {
  return h("p", { class: "message info" },
    tr({ zh: "此版本的计算模块还没有 {name} 功能，所以这里暂时无法给出结果。", en: "This build of the calculator does not include {name} yet, so no result can be shown here." }, { name }));
}

/** A results container with a heading; `set(...)` replaces its content. */
export function resultBox(title, id) {
  const heading = h("h3", {});
  const body = h("div", { class: "result-body" }, h("p", { class: "loading" }, tr({ zh: "正在加载计算模块…", en: "Loading the calculator…" })));
  const el = h("section", { class: "results", id, "aria-labelledby": `${id}-title` }, heading, body);
  heading.id = `${id}-title`;
  return {
    el,
    relabel: () => (heading.textContent = tr(title)),
    set: (...children) => fill(body, ...children),
    append: (...children) => body.append(...children),
  };
}

/**
 * Shows a package error next to its field in `form` (at `path`) and returns the line for the
 * result area: which field to fix, and the package's message in the page's language.
 */
export function inputError(form, path, error) {
  form.showError(path, error);
  const label = form.fieldLabel(path);
  const lead = label ? tr({ zh: "请先修正「{f}」：", en: "Please fix “{f}”: " }, { f: label }) : tr({ zh: "请先修正输入：", en: "Please fix the input: " });
  return h("p", { class: "message error" }, lead, say(error));
}
