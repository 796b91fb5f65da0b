/** Characters the PDF's standard font (Helvetica, WinAnsi) can show besides Latin-1: the Windows-1252 extras. */
const WIN_ANSI_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((c) => c.codePointAt(0)));
const showable = (cp: number) => (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(cp) || cp === 0x0a;

/** Text the standard font can draw: letters outside its set lose their accents ("ő" → "o"), tabs become spaces, anything else "?". */
export function pdfText(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (showable(cp)) out += ch;
    else if (cp === 0x09 || cp === 0x0d) out += ' ';
    else {
      const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += [...base].every((c) => showable(c.codePointAt(0) ?? 0)) && base ? base : '?';
    }
  }
  return out;
}
