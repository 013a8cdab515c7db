// CSV export of any result table (and reading a CSV back): the package's own strings (plain "1234.56", no ¥ or separators)
// so a spreadsheet reads them as numbers. A UTF-8 BOM lets Excel read Chinese headers.

const NUMBER = /^-?\d+(\.\d+)?$/;

function cell(value) {
  let s = value === undefined || value === null ? "" : String(value);
  // A text cell starting with = + - @ would run as a formula in a spreadsheet (names are user text).
  if (!NUMBER.test(s) && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Reads CSV text (RFC 4180: quoted cells with "" escapes, commas and line breaks inside quotes,
 * CRLF or LF) into rows of strings. A leading BOM is dropped, blank lines are skipped, and the `'`
 * that `toCsv` puts before formula-like text is taken off again, so export → import gives back
 * what was exported.
 */
export function parseCsv(text) {
  const src = String(text ?? "").replace(/^\ufeff/, "");
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
    cell = "";
  };
  const endRow = () => {
    endCell();
    if (row.length > 1 || row[0] !== "") rows.push(row);
    row = [];
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") endCell();
    else if (c === "\n") endRow();
    else if (c === "\r") {
      if (src[i + 1] !== "\n") endRow();
    } else cell += c;
  }
  if (cell !== "" || row.length) endRow();
  return rows;
}

export function toCsv(header, rows) {
  return "\ufeff" + [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export function download(filename, text, type = "text/csv;charset=utf-8") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
