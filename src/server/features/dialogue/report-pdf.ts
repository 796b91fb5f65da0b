import PDFDocument from 'pdfkit';
import type { z } from 'zod';
import type { ZDialogueResults, TItemResult } from '../../../shared/api/dialogue-results';
import { translate, type Locale } from '../../platform/messages';
import { pdfText } from '../../platform/pdf-text';
import { todayInCopenhagen } from '../../platform/time';

type Results = z.output<typeof ZDialogueResults>;

const BLUE = '#005d7e';
const PINK = '#c2255c';
const GREY = '#495057';
const INK = '#212529';
const STRIP_WIDTH = 400;

/**
 * A session's results as PDF in the reader's language: per pair its poles, boundary type, a strip
 * of the now and wanted answers with their medians, the shift and the approved comments. The same figures as the page;
 * a slider under the threshold shows its count only.
 */
export async function resultsPdf(r: Results, schoolName: string, locale: Locale): Promise<Buffer> {
  const t = (k: string, vars?: Record<string, string | number>) => pdfText(translate(locale, `dialogue.results.${k}`, vars));
  const text = (x: { da: string; en: string }) => pdfText(locale === 'en' && x.en ? x.en : x.da);
  const fmt = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 });
  const n = (v: number | null | undefined, signed = false) => (v === null || v === undefined ? '–' : `${signed && v > 0 ? '+' : ''}${fmt.format(v)}`);
  const day = (d: string) => new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${d}T00:00:00Z`));

  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: pdfText(r.session.title), Author: pdfText(schoolName) }, lang: locale === 'da' ? 'da-DK' : 'en-GB' } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 100;

  /** One slider's answers as dots on a 0–100 line, its median as a bar across it. */
  const strip = (label: string, s: TItemResult['now'], color: string) => {
    const y = doc.y;
    doc.fontSize(9).fillColor(INK).text(label, 50, y, { width: 90 });
    const x0 = 145;
    doc.moveTo(x0, y + 5).lineTo(x0 + STRIP_WIDTH, y + 5).lineWidth(0.5).strokeColor('#adb5bd').stroke();
    if (s.shown) {
      for (const v of s.values ?? []) doc.circle(x0 + (v / 100) * STRIP_WIDTH, y + 5, 2.2).fillOpacity(0.5).fill(color);
      doc.fillOpacity(1);
      if (s.median !== undefined) doc.rect(x0 + (s.median / 100) * STRIP_WIDTH - 1, y - 1, 2, 12).fill(INK);
    }
    const note = s.shown ? t('pdf.median', { median: n(s.median), count: s.count }) : t('pdf.hidden', { count: s.count });
    doc.fontSize(8).fillColor(s.shown ? INK : GREY).text(note, x0 + STRIP_WIDTH + 6, y, { width: width - STRIP_WIDTH - 100 });
    doc.x = 50;
    doc.y = y + 16;
  };

  doc.fontSize(10).fillColor(GREY).text(pdfText(schoolName));
  doc.moveDown(0.3).fontSize(20).fillColor(BLUE).text(pdfText(r.session.title), { width });
  const closed = r.session.closedAt ? day(r.session.closedAt.toISOString().slice(0, 10)) : '–';
  doc.fontSize(10).fillColor(GREY).text(t('pdf.meta', { participants: r.session.participants, closed, printed: day(todayInCopenhagen()) }), { width });
  for (const i of r.items) {
    if (doc.y > doc.page.height - 130) doc.addPage();
    doc.x = 50;
    doc.moveDown(0.8).fontSize(12).fillColor(INK).text(`${text(i.left)} – ${text(i.right)}`, { width });
    const boundary = r.boundaries.find((b) => b.key === i.boundary);
    if (boundary) doc.fontSize(9).fillColor(GREY).text(text(boundary.name), { width });
    doc.fontSize(8).fillColor(GREY).text(`0 = ${text(i.left)}    100 = ${text(i.right)}`, { width });
    doc.moveDown(0.3);
    strip(t('now'), i.now, BLUE);
    strip(t('wanted'), i.wanted, PINK);
    doc.fontSize(9).fillColor(INK).text(i.shift === null ? t('noShift') : t('shift', { shift: n(i.shift, true) }), 50, doc.y, { width });
    for (const c of i.comments) doc.fontSize(8).fillColor(GREY).text(pdfText(`»${c.text}«${c.nickname ? ` – ${c.nickname}` : ''}`), { width });
  }
  doc.end();
  return done;
}
