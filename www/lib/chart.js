// Hand-written SVG charts: stacked areas over periods. Amount strings become floats here only to
// place pixels; every number the reader sees comes from the package, in the tables and summaries.
import { s, h } from "./dom.js";
import { compact, count } from "./format.js";
import { tr } from "./i18n.js";

const W = 360;
const H = 190;
const PAD = { left: 50, right: 10, top: 10, bottom: 26 };
export const COLORS = ["#1f6fb2", "#d9822b", "#2e8540", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d", "#b7950b"];

/**
 * A stacked area chart.
 * @param {object} o
 * @param {{zh,en}} o.title     accessible name
 * @param {string} o.summary    one-sentence text alternative (already localised)
 * @param {Array<{label: string, values: string[]}>} o.series   money strings per x
 * @param {string[]} o.x         x labels (period numbers or dates)
 */
export function stackedArea({ title, summary, series, x }) {
  const n = x.length;
  const values = series.map((sr) => sr.values.map((v) => Math.max(0, Number(v) || 0)));
  const totals = x.map((_, i) => values.reduce((acc, v) => acc + (v[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const px = (i) => PAD.left + (n <= 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const py = (v) => PAD.top + plotH - (v / max) * plotH;

  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", class: "chart", focusable: "false" });
  const titleEl = s("title", {}, tr(title));
  const descEl = s("desc", {}, summary);
  svg.append(titleEl, descEl);
  // grid and axis labels
  for (const frac of [0, 0.5, 1]) {
    const y = py(max * frac);
    svg.append(s("line", { x1: PAD.left, x2: W - PAD.right, y1: y, y2: y, class: "grid" }));
    svg.append(s("text", { x: PAD.left - 4, y: y + 4, "text-anchor": "end", class: "axis" }, compact(max * frac)));
  }
  const base = new Array(n).fill(0);
  series.forEach((sr, k) => {
    const top = base.map((b, i) => b + (values[k][i] ?? 0));
    let d = "";
    if (n === 1) {
      const bw = plotW / 4;
      d = `M${px(0) - bw},${py(base[0])}L${px(0) - bw},${py(top[0])}L${px(0) + bw},${py(top[0])}L${px(0) + bw},${py(base[0])}Z`;
    } else {
      d = top.map((v, i) => `${i ? "L" : "M"}${px(i).toFixed(1)},${py(v).toFixed(1)}`).join("");
      for (let i = n - 1; i >= 0; i--) d += `L${px(i).toFixed(1)},${py(base[i]).toFixed(1)}`;
      d += "Z";
    }
    svg.append(s("path", { d, fill: COLORS[k % COLORS.length], class: "area" }));
    for (let i = 0; i < n; i++) base[i] = top[i];
  });
  svg.append(s("line", { x1: PAD.left, x2: W - PAD.right, y1: py(0), y2: py(0), class: "axis-line" }));
  const ticks = n <= 1 ? [0] : [0, Math.floor((n - 1) / 2), n - 1];
  for (const i of new Set(ticks)) {
    svg.append(s("text", { x: px(i), y: H - 8, "text-anchor": i === 0 && n > 1 ? "start" : i === n - 1 && n > 1 ? "end" : "middle", class: "axis" }, count(x[i])));
  }
  svg.setAttribute("aria-label", `${tr(title)}. ${summary}`);
  const legend = h("ul", { class: "legend" }, series.map((sr, k) => h("li", {}, h("span", { class: `swatch c${k % COLORS.length}`, "aria-hidden": "true" }), sr.label)));
  return h("figure", { class: "chart-box" }, h("figcaption", {}, tr(title)), svg, legend);
}
