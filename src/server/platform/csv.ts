/**
 * The one CSV writer. Every cell is guarded against spreadsheet formula injection (a cell that
 * starts with = + - @ or a tab/CR gets a leading apostrophe, as OWASP recommends) and quoted when
 * it holds the separator, a quote or a line break. Lines end in CRLF (RFC 4180).
 */
export type CsvOptions = { separator?: ';' | ',' | '\t'; bom?: boolean };

export function csvCell(value: string | number | null | undefined, separator: CsvOptions['separator'] = ';'): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  const needsQuotes = safe.includes(separator) || /["\n\r]/.test(safe);
  return needsQuotes ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[], options: CsvOptions = {}): string {
  const separator = options.separator ?? ';';
  const body = rows.map((cells) => cells.map((c) => csvCell(c, separator)).join(separator)).join('\r\n');
  return `${options.bom ? '\uFEFF' : ''}${body}\r\n`;
}
