/**
 * Reading the CSV files that Danish HR systems and Excel really export: `;`, `,` or tab
 * separators, UTF-8 with or without BOM, Windows-1252, and UTF-16 ("Unicode text") with BOM.
 */
export type CsvRecord = { line: number; cells: string[] };
export type ParsedCsv = { encoding: 'utf-8' | 'windows-1252' | 'utf-16le'; separator: ';' | ',' | '\t'; header: string[]; records: CsvRecord[] };

export function decode(bytes: Uint8Array): { text: string; encoding: ParsedCsv['encoding'] } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

function detectSeparator(firstLine: string): ParsedCsv['separator'] {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}

/** RFC 4180 parsing with quotes, doubled quotes and line breaks inside quotes; each record keeps its first line number. */
export function parseCsv(bytes: Uint8Array): ParsedCsv {
  const { text, encoding } = decode(bytes);
  const firstBreak = text.search(/\r?\n/);
  const separator = detectSeparator(firstBreak === -1 ? text : text.slice(0, firstBreak));
  const rows: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: recordLine, cells });
  }
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [head, ...records] = nonEmpty;
  return { encoding, separator, header: head ? head.cells.map((c) => c.trim()) : [], records };
}
