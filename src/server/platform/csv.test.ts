import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV writer', () => {
  it('guards cells that a spreadsheet would run as a formula', () => {
    for (const bad of ['=1+1', '+45 1234', '-2', '@SUM(A1)', '\tx']) expect(csvCell(bad).startsWith("'") || csvCell(bad).startsWith('"\'')).toBe(true);
    expect(csvCell('Faglærer')).toBe('Faglærer');
  });
  it('quotes the separator, quotes and line breaks', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('a,b', ',')).toBe('"a,b"');
    expect(csvCell('a,b', ';')).toBe('a,b');
    expect(csvCell('sagde "hej"')).toBe('"sagde ""hej"""');
    expect(csvCell('to\nlinjer')).toBe('"to\nlinjer"');
  });
  it('writes CRLF lines, with a BOM when asked', () => {
    expect(toCsv([['a', 1], [null, 'b']], { bom: true })).toBe('\uFEFFa;1\r\n;b\r\n');
  });
});
