// CSV export of any result table: the package's own strings (plain "1234.56", no ¥ or separators)
// so a spreadsheet reads them as numbers. A UTF-8 BOM lets Excel read Chinese headers.

const NUMBER = /^-?\d+(\.\d+)?$/;

function cell(value) {
  let s = value === undefined || value === null ? "" : String(value);
  // A text cell starting with = + - @ would run as a formula in a spreadsheet (names are user text).
  if (!NUMBER.test(s) && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header, rows) {
  return "\ufeff" + [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export function download(filename, text) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
