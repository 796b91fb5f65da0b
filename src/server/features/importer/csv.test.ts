import { describe, expect, it } from 'vitest';
import { mapColumns, parseDanishDate } from './columns';
import { decode, parseCsv } from './csv';

const utf8 = (s: string) => new TextEncoder().encode(s);
const cells = (bytes: Uint8Array) => {
  const csv = parseCsv(bytes);
  return [csv.header, ...csv.records.map((r) => r.cells)];
};

/** Windows-1252 bytes, written out by hand: ASCII as is, æøåÆØÅé by their cp1252 code. */
const CP1252: Record<string, number> = { æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5, é: 0xe9 };
const cp1252 = (s: string) =>
  Uint8Array.from([...s].map((ch) => {
    const code = CP1252[ch] ?? ch.charCodeAt(0);
    if (code > 0x7f && CP1252[ch] === undefined) throw new Error(`no cp1252 byte given for ${ch}`);
    return code;
  }));

const utf16le = (s: string) => {
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + i * 2] = c & 0xff;
    out[3 + i * 2] = c >> 8;
  }
  return out;
};

describe('decode', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decode(utf8('Søren;Ærø'))).toEqual({ text: 'Søren;Ærø', encoding: 'utf-8' });
    expect(decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Åse')]))).toEqual({ text: 'Åse', encoding: 'utf-8' });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    const bytes = cp1252('Søren Ærbødig;Århus;Østergård;Café');
    expect(bytes[1]).toBe(0xf8);
    expect(decode(bytes)).toEqual({ text: 'Søren Ærbødig;Århus;Østergård;Café', encoding: 'windows-1252' });
  });

  it('reads UTF-16LE with BOM ("Unicode text" from Excel)', () => {
    expect(decode(utf16le('Navn\tE-mail\r\nÅse\tase@x.dk'))).toEqual({ text: 'Navn\tE-mail\r\nÅse\tase@x.dk', encoding: 'utf-16le' });
  });
});

describe('parseCsv', () => {
  it('detects ; , and tab separators', () => {
    expect(parseCsv(utf8('Navn;E-mail\nA;a@x.dk')).separator).toBe(';');
    expect(parseCsv(utf8('Name,Email\nA,a@x.dk')).separator).toBe(',');
    expect(parseCsv(utf8('Navn\tE-mail\nA\ta@x.dk')).separator).toBe('\t');
    expect(cells(utf8('Navn;Stilling\nHansen, Jens;Lærer, tømrer'))).toEqual([['Navn', 'Stilling'], ['Hansen, Jens', 'Lærer, tømrer']]);
  });

  it('handles quoted fields with separators, doubled quotes and line breaks, and CRLF', () => {
    const text = 'Navn;Note;E-mail\r\n"Hansen; Jens";"Sagde ""hej""";j@x.dk\r\n"Åse";"to\r\nlinjer";a@x.dk\r\nBo;;b@x.dk\r\n';
    const csv = parseCsv(utf8(text));
    expect(csv.header).toEqual(['Navn', 'Note', 'E-mail']);
    expect(csv.records.map((r) => r.cells)).toEqual([
      ['Hansen; Jens', 'Sagde "hej"', 'j@x.dk'],
      ['Åse', 'to\r\nlinjer', 'a@x.dk'],
      ['Bo', '', 'b@x.dk'],
    ]);
    // records keep their physical first line; the quoted line break moves Bo to line 5
    expect(csv.records.map((r) => r.line)).toEqual([2, 3, 5]);
  });

  it('keeps physical line numbers across blank lines and skips them', () => {
    const csv = parseCsv(utf8('Navn;E-mail\n\nA;a@x.dk\n;\nB;b@x.dk'));
    expect(csv.records.map((r) => [r.line, r.cells[0]])).toEqual([
      [3, 'A'],
      [5, 'B'],
    ]);
  });

  it('parses the same rows from UTF-8, UTF-8 with BOM, Windows-1252 and UTF-16LE', () => {
    const text = 'Fornavn;Efternavn;E-mail\r\nSøren;Ærbødig;s@x.dk\r\nÅse;Østergård;a@x.dk\r\n';
    const expected = [['Fornavn', 'Efternavn', 'E-mail'], ['Søren', 'Ærbødig', 's@x.dk'], ['Åse', 'Østergård', 'a@x.dk']];
    expect(cells(utf8(text))).toEqual(expected);
    expect(cells(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]))).toEqual(expected);
    expect(parseCsv(cp1252(text)).encoding).toBe('windows-1252');
    expect(cells(cp1252(text))).toEqual(expected);
    expect(cells(utf16le(text))).toEqual(expected);
  });

  it('gives an empty header for an empty file', () => {
    expect(parseCsv(new Uint8Array()).header).toEqual([]);
    expect(parseCsv(utf8('\r\n\r\n')).header).toEqual([]);
  });
});

describe('mapColumns', () => {
  it('maps Danish headers', () => {
    expect(mapColumns(['Navn', 'E-mail', 'Stilling', 'Afdeling', 'Ansættelsesdato'])).toEqual({ name: 0, email: 1, jobTitle: 2, department: 3, employmentStart: 4 });
  });

  it('maps English headers regardless of case, spaces and punctuation', () => {
    expect(mapColumns(['Full name', 'E-Mail Address', 'Job title', 'DEPARTMENT', 'Start date'])).toEqual({ name: 0, email: 1, jobTitle: 2, department: 3, employmentStart: 4 });
  });

  it('maps Fornavn and Efternavn separately and ignores unknown columns', () => {
    expect(mapColumns(['Medarbejdernr.', 'Fornavn', 'Efternavn', 'Mail'])).toEqual({ firstName: 1, lastName: 2, email: 3 });
  });
});

describe('parseDanishDate', () => {
  it.each([
    ['01-08-2024', '2024-08-01'],
    ['1.8.2024', '2024-08-01'],
    ['01/08/2024', '2024-08-01'],
    ['2024-08-01', '2024-08-01'],
    [' 29-02-2024 ', '2024-02-29'],
  ])('reads %s as %s', (input, iso) => {
    expect(parseDanishDate(input)).toBe(iso);
  });

  it.each(['31-02-2024', '29-02-2023', '2024-13-01', '00-01-2024', '1.8.24', 'august 2024', ''])('rejects %s', (input) => {
    expect(parseDanishDate(input)).toBeNull();
  });
});
