// Display formatting only. The package returns money as exact decimal strings ("5307.27") and
// rates as fraction strings ("0.128040"); Intl.NumberFormat formats a *string* exactly (no float
// rounding), so what is shown is what the package computed.
import { lang } from "./i18n.js";

const cache = new Map();
function nf(key, options) {
  const k = `${lang()}|${key}`;
  let f = cache.get(k);
  if (!f) {
    f = new Intl.NumberFormat(lang() === "zh" ? "zh-CN" : "en-US", options);
    cache.set(k, f);
  }
  return f;
}

const isDecimal = (v) => typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v);

/** "5307.27" → "¥5,307.27". */
export function money(v) {
  if (!isDecimal(v)) return v ?? "";
  return nf("money", { style: "currency", currency: "CNY", currencyDisplay: "narrowSymbol", minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
}

/** "0.128040" → "12.80%". */
export function percent(v, digits = 2) {
  if (!isDecimal(v)) return v ?? "";
  return nf(`pct${digits}`, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/** A count, e.g. months. */
export function count(v) {
  if (typeof v === "number" || isDecimal(v)) return nf("int", { maximumFractionDigits: 0 }).format(v);
  return v ?? "";
}

/** A compact amount for chart axes ("¥1.2万" / "¥12K"). Only for labels, never for results. */
export function compact(v) {
  return nf("compact", { style: "currency", currency: "CNY", currencyDisplay: "narrowSymbol", notation: "compact", maximumFractionDigits: 1 }).format(v);
}

/** Is this money string negative? (A sign check on the package's string, not arithmetic.) */
export const negative = (v) => typeof v === "string" && v.startsWith("-") && /[1-9]/.test(v);
