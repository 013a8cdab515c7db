// Result building blocks: summary figures, tables with CSV export, notices with advice links.
import { h } from "./dom.js";
import { tr, say } from "./i18n.js";
import { money, percent, count } from "./format.js";
import { toCsv, download } from "./csv.js";
import { adviceFor } from "./advice.js";

const FORMAT = { money, rate: percent, int: count, date: (v) => v ?? "", text: (v) => v ?? "" };

/** A figure: label over a big value. */
export function stat(label, value, { kind = "money", big = false, note, key, bad = false } = {}) {
  return h("div", { class: ["stat", big && "big", bad && "bad"], dataset: key ? { key } : {} },
    h("dt", {}, tr(label)),
    h("dd", {}, h("span", { class: "value", dataset: { kind } }, FORMAT[kind](value)), note ? h("small", {}, tr(note)) : null));
}

export const stats = (...items) => h("dl", { class: "stats" }, items.filter(Boolean));

/**
 * A table of rows (objects of the package's strings) with a CSV button.
 * columns: [{ key, label: {zh,en}, kind: "money"|"rate"|"int"|"date"|"text", get?: row => value }]
 */
export function table({ caption, columns, rows, file, rowHeader = 0 }) {
  const get = (c, r) => (c.get ? c.get(r) : r[c.key]);
  const head = h("tr", {}, columns.map((c) => h("th", { scope: "col", class: c.kind !== "text" ? "num" : "" }, tr(c.label))));
  const body = document.createDocumentFragment();
  for (const r of rows) {
    body.append(h("tr", {}, columns.map((c, i) => {
      const v = get(c, r);
      const text = c.kind === "text" ? (v ?? "") : FORMAT[c.kind ?? "money"](v);
      return i === rowHeader ? h("th", { scope: "row", class: c.kind !== "text" ? "num" : "" }, text) : h("td", { class: c.kind !== "text" ? "num" : "" }, text);
    })));
  }
  const captionText = tr(caption);
  const csvButton = h("button", { type: "button", class: "csv", "aria-label": `${tr({ zh: "下载 CSV：", en: "Download CSV: " })}${captionText}` }, tr({ zh: "下载 CSV", en: "Download CSV" }));
  csvButton.addEventListener("click", () => {
    const csv = toCsv(columns.map((c) => tr(c.label)), rows.map((r) => columns.map((c) => get(c, r))));
    download(`${file}.csv`, csv);
  });
  return h("div", { class: "table-box" },
    h("div", { class: "table-head" }, h("h4", {}, captionText), csvButton),
    h("div", { class: "scroll", tabIndex: 0, role: "region", "aria-label": captionText },
      h("table", {}, h("caption", { class: "sr-only" }, captionText), h("thead", {}, head), h("tbody", {}, body))));
}

/**
 * Warnings, flags and next steps from the package, each with the advice it points to.
 * `kind` styles it: "warn" or "step".
 */
export function notices(items, { kind = "warn", title, openAdvice } = {}) {
  if (!Array.isArray(items) || items.length === 0) return null;
  return h("section", { class: ["notices", kind] },
    title ? h("h4", {}, tr(title)) : null,
    h("ul", {}, items.map((n) => {
      const advice = adviceFor(n.code);
      return h("li", { dataset: { code: n.code } },
        h("span", { class: "notice-text" }, say(n)),
        advice && openAdvice
          ? h("button", { type: "button", class: "link", onclick: () => openAdvice(advice.id) }, `${tr({ zh: "怎么办：", en: "What to do: " })}${tr(advice.title)}`)
          : null);
    })));
}
