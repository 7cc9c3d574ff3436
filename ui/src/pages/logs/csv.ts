/** Cell is a value of a CSV row. */
export type Cell = string | number | boolean | null | undefined;

/**
 * csvField writes one field per RFC 4180: quoted when it holds a comma,
 * quote, line break or edge space, quotes doubled. A field a spreadsheet
 * would run as a formula (= + - @ tab, CR) gets a leading apostrophe.
 */
export function csvField(v: Cell): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** toCsv is the header and rows as CSV text with CRLF line ends. */
export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** downloadCsv saves CSV text as a file (with a BOM, so spreadsheet programs read UTF-8). */
export function downloadCsv(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
