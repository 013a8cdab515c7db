// Forms built from a small spec: labelled inputs, repeatable rows (debts, items…), an error slot
// next to every field, and the values as plain strings. No arithmetic happens here; the package
// validates everything and its errors are shown next to the field they name.
import { h } from "./dom.js";
import { tr } from "./i18n.js";

const FULL_WIDTH = /[\uff10-\uff19\uff0e\uff0d]/g; // ０-９ ． －

/**
 * Tidies what people type on a phone before it goes to the package: full-width digits, thousands
 * separators, spaces, currency and percent signs. Anything else passes through unchanged, so the
 * package reports it (with the field) if it is not a number.
 */
export function tidy(text) {
  return String(text ?? "")
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[。]/g, ".")
    .replace(/[\s,，¥￥元%]/g, "");
}

/** A required number field: the tidied text, or undefined when empty (the package then says it is missing). */
export const num = (text) => {
  const t = tidy(text);
  return t === "" ? undefined : t;
};

/**
 * A percentage typed by the user ("4.9") as the fraction the package takes ("0.049"), by moving the
 * decimal point two places: exact text manipulation, no floating point. Text that is not a plain
 * decimal passes through so the package reports it.
 */
export function pct(text) {
  const t = tidy(text);
  if (t === "") return undefined;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return t;
  const [, sign, int, frac = ""] = m;
  const point = int.length - 2; // where the decimal point goes after dividing by 100
  const digits = (point < 1 ? "0".repeat(1 - point) : "") + int + frac;
  const at = Math.max(point, 1);
  const whole = digits.slice(0, at).replace(/^0+(?=\d)/, "");
  const fraction = digits.slice(at).replace(/0+$/, "");
  const out = fraction ? `${whole}.${fraction}` : whole;
  return /[1-9]/.test(out) ? sign + out : "0";
}

/** Optional fields: drop undefined and "" so the package applies its documented default. */
export function compact(obj) {
  const out = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined && v !== "") out[k] = v;
  return out;
}

const INPUT = {
  money: { type: "text", inputMode: "decimal", autocomplete: "off", spellcheck: false },
  percent: { type: "text", inputMode: "decimal", autocomplete: "off", spellcheck: false },
  decimal: { type: "text", inputMode: "decimal", autocomplete: "off", spellcheck: false },
  int: { type: "text", inputMode: "numeric", autocomplete: "off", spellcheck: false },
  date: { type: "date" },
  text: { type: "text", autocomplete: "off" },
};
const UNIT = { money: { zh: "元", en: "yuan" }, percent: { zh: "%", en: "%" } };

export class Form {
  /**
   * @param {string} id     prefix for element ids
   * @param {Array} spec    fields, `{ list }` groups and `{ details }` sections
   * @param {() => void} onChange
   */
  constructor(id, spec, onChange) {
    this.id = id;
    this.spec = spec;
    this.onChange = onChange;
    this.fields = new Map(); // path → { input, err, def, wrap }
    this.lists = new Map(); // key → { def, box, rows: [ { el, legend } ], addButton }
    this.relabels = [];
    this.formError = h("p", { class: "form-error", id: `${id}-form-error`, hidden: true });
    this.el = h("form", { class: "tool-form", noValidate: true, id: `${id}-form` });
    this.el.addEventListener("submit", (e) => e.preventDefault());
    this.el.addEventListener("input", () => this.changed());
    this.el.addEventListener("change", () => this.changed());
    this.el.append(...this.build(spec, "", this.el), this.formError);
    this.lastError = null;
  }

  changed() {
    this.refreshVisibility();
    this.onChange();
  }

  label(el, text, vars) {
    const set = () => (el.textContent = tr(text, vars));
    set();
    this.relabels.push({ el, set });
    return el;
  }

  build(spec, prefix, parent) {
    const out = [];
    for (const item of spec) {
      if (item.list) out.push(this.buildList(item));
      else if (item.details) {
        const summary = this.label(h("summary"), item.details);
        const box = h("details", { class: "more", open: !!item.open }, summary);
        box.append(...this.build(item.children, prefix, box));
        out.push(box);
      } else if (item.row) {
        const row = h("div", { class: "row" });
        row.append(...this.build(item.row, prefix, row));
        out.push(row);
      } else if (item.note) {
        out.push(this.label(h("p", { class: "note" }), item.note));
      } else out.push(this.buildField(item, prefix));
    }
    return out;
  }

  buildField(def, prefix) {
    const path = prefix + def.key;
    const domId = `${this.id}-${path.replace(/[[\].]+/g, "-").replace(/-$/, "")}`;
    const err = h("p", { class: "field-error", id: `${domId}-error`, hidden: true });
    let input;
    if (def.type === "select") {
      input = h("select", { id: domId, name: path });
      for (const o of def.options) {
        const opt = this.label(h("option", { value: o.value }), o.label);
        opt.__when = o.when;
        input.append(opt);
      }
    } else if (def.type === "checkbox") {
      input = h("input", { id: domId, name: path, type: "checkbox", value: def.value ?? "on" });
    } else {
      input = h("input", { id: domId, name: path, ...INPUT[def.type ?? "text"] });
    }
    input.dataset.path = path;
    const described = [];
    let hint = null;
    if (def.hint) {
      hint = this.label(h("p", { class: "hint", id: `${domId}-hint` }), def.hint);
      described.push(hint.id);
    }
    described.push(err.id);
    input.setAttribute("aria-describedby", described.join(" "));
    const label = this.label(h("label", { for: domId }), def.label);
    let wrap;
    if (def.type === "checkbox") {
      wrap = h("div", { class: "field check" }, input, label, hint, err);
    } else {
      const unit = UNIT[def.type] ? this.label(h("span", { class: "unit", "aria-hidden": "true" }), UNIT[def.type]) : null;
      wrap = h("div", { class: ["field", def.wide && "wide", def.type && `t-${def.type}`] }, label, h("div", { class: "control" }, input, unit), hint, err);
    }
    this.fields.set(path, { input, err, def, wrap });
    return wrap;
  }

  buildList(def) {
    const rowsBox = h("div", { class: "rows" });
    const addButton = h("button", { type: "button", class: "add" });
    this.label(addButton, def.add);
    const legend = this.label(h("legend"), def.legend);
    const box = h("fieldset", { class: "list", id: `${this.id}-${def.list}` }, legend, rowsBox, addButton);
    const list = { def, box: rowsBox, rows: [], addButton };
    addButton.addEventListener("click", () => {
      this.addRow(list, def.blank?.() ?? {});
      list.rows.at(-1)?.el.querySelector("input, select")?.focus();
      this.changed();
    });
    this.lists.set(def.list, list);
    return box;
  }

  addRow(list, values) {
    const { def } = list;
    if (list.rows.length >= (def.max ?? 50)) return;
    const index = list.rows.length;
    const legend = h("legend");
    const row = { el: null, legend, index };
    const removeButton = h("button", { type: "button", class: "remove" });
    const removeLabel = { zh: "删除第 {n} 项", en: "Remove item {n}" };
    const relabelRow = () => {
      legend.textContent = tr(def.item, { n: row.index + 1 });
      removeButton.textContent = tr({ zh: "删除", en: "Remove" });
      removeButton.setAttribute("aria-label", tr(removeLabel, { n: row.index + 1 }));
    };
    relabelRow();
    this.relabels.push({ el: legend, set: relabelRow });
    row.el = h("fieldset", { class: "item" }, legend, ...this.build(def.fields, `${def.list}[${index}].`, null), removeButton);
    removeButton.addEventListener("click", () => {
      const all = this.values()[def.list];
      all.splice(row.index, 1);
      this.setList(def.list, all);
      this.changed();
      (list.rows[Math.min(row.index, list.rows.length - 1)]?.el.querySelector("input, select") ?? list.addButton).focus();
    });
    list.rows.push(row);
    list.box.append(row.el);
    this.setFieldValues(def.fields, `${def.list}[${index}].`, values);
    this.refreshList(list);
  }

  refreshList(list) {
    const { def } = list;
    list.addButton.hidden = list.rows.length >= (def.max ?? 50);
    for (const r of list.rows) r.el.querySelector(".remove").hidden = list.rows.length <= (def.min ?? 0);
  }

  setList(key, values) {
    const list = this.lists.get(key);
    for (const r of list.rows) {
      r.el.remove();
      for (const p of [...this.fields.keys()]) if (p.startsWith(`${key}[`)) this.fields.delete(p);
    }
    list.rows = [];
    const rows = Array.isArray(values) ? values.slice(0, list.def.max ?? 50) : [];
    for (const v of rows) this.addRow(list, v && typeof v === "object" ? v : {});
    while (list.rows.length < (list.def.min ?? 0)) this.addRow(list, list.def.blank?.() ?? {});
    this.refreshList(list);
  }

  relabelAll() {
    // Rows that were removed take their labels with them.
    this.relabels = this.relabels.filter(({ el }) => this.el.contains(el));
    for (const { set } of this.relabels) set();
    if (this.lastError) this.showError(this.lastError.path, this.lastError.error);
  }

  readFields(spec, prefix, out) {
    for (const item of spec) {
      if (item.list) {
        const list = this.lists.get(item.list);
        out[item.list] = list.rows.map((_, i) => this.readFields(item.fields, `${item.list}[${i}].`, {}));
      } else if (item.details) this.readFields(item.children, prefix, out);
      else if (item.row) this.readFields(item.row, prefix, out);
      else if (item.key) {
        const f = this.fields.get(prefix + item.key);
        if (f) out[item.key] = f.def.type === "checkbox" ? f.input.checked : f.input.value;
      }
    }
    return out;
  }

  /** The current values: strings (booleans for checkboxes), lists as arrays of objects. */
  values() {
    return this.readFields(this.spec, "", {});
  }

  setFieldValues(spec, prefix, values) {
    for (const item of spec) {
      if (item.list) this.setList(item.list, values[item.list]);
      else if (item.details) this.setFieldValues(item.children, prefix, values);
      else if (item.row) this.setFieldValues(item.row, prefix, values);
      else if (item.key) {
        const f = this.fields.get(prefix + item.key);
        if (!f) continue;
        const v = values?.[item.key];
        if (f.def.type === "checkbox") f.input.checked = v === true;
        else if (f.def.type === "select") {
          const ok = [...f.input.options].some((o) => o.value === v);
          f.input.value = ok ? v : f.def.options[0].value;
        } else f.input.value = typeof v === "string" || typeof v === "number" ? String(v) : "";
      }
    }
  }

  setValues(values) {
    this.setFieldValues(this.spec, "", values ?? {});
    this.refreshVisibility();
  }

  /** Shows or hides fields and select options whose `when(values)` says so. */
  refreshVisibility() {
    const values = this.values();
    for (const [path, f] of this.fields) {
      const rowValues = rowOf(values, path);
      if (f.def.when) f.wrap.hidden = !f.def.when(rowValues, values);
      if (f.def.type === "select") {
        let selectedHidden = false;
        for (const o of f.input.options) {
          const show = !o.__when || o.__when(rowValues, values);
          o.hidden = !show;
          o.disabled = !show;
          if (!show && o.selected) selectedHidden = true;
        }
        if (selectedHidden) {
          const first = [...f.input.options].find((o) => !o.disabled);
          if (first) f.input.value = first.value;
        }
      }
    }
  }

  clearErrors() {
    this.lastError = null;
    for (const { input, err } of this.fields.values()) {
      if (!err.hidden) {
        err.hidden = true;
        err.textContent = "";
      }
      input.removeAttribute("aria-invalid");
    }
    this.formError.hidden = true;
    this.formError.textContent = "";
  }

  /** The label of the field at `path` in the current language, with its row ("第 2 笔 · 本金"). */
  fieldLabel(path) {
    const f = path && this.fields.get(path);
    if (!f) return "";
    const row = f.wrap.closest("fieldset.item")?.querySelector("legend")?.textContent;
    const label = tr(f.def.label);
    return row ? `${row} · ${label}` : label;
  }

  /**
   * Shows `error` (a package error, or `{ message, messageZh }`) next to the field at `path`, or
   * at the end of the form when no visible field matches. Returns the element that shows it.
   */
  showError(path, error) {
    this.clearErrors();
    this.lastError = { path, error };
    const f = path && this.fields.get(path);
    const message = error.messageZh !== undefined ? tr({ zh: error.messageZh, en: error.message }) : String(error.message ?? error);
    if (f && !f.wrap.hidden && !f.wrap.closest("[hidden]")) {
      const details = f.wrap.closest("details");
      if (details) details.open = true;
      f.err.textContent = message;
      f.err.hidden = false;
      f.input.setAttribute("aria-invalid", "true");
      return f.err;
    }
    this.formError.textContent = message;
    this.formError.hidden = false;
    return this.formError;
  }
}

function rowOf(values, path) {
  const m = /^(\w+)\[(\d+)\]\./.exec(path);
  return m ? values[m[1]]?.[Number(m[2])] ?? {} : values;
}
