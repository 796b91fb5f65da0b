import PDFDocument from 'pdfkit';
import type { z } from 'zod';
import type { ZReportCell, ZSurveyReport } from '../../../shared/api/surveys-report';
import { translate, type Locale } from '../../platform/messages';
import { pdfText } from '../../platform/pdf-text';
import { todayInCopenhagen } from '../../platform/time';

type Report = z.output<typeof ZSurveyReport>;
type Cell = z.output<typeof ZReportCell>;

const BLUE = '#005d7e';
const GREY = '#495057';
const INK = '#212529';

/**
 * The report as PDF in the reader's language: what to look at first, then per group the areas
 * (with the network's median where there is one), the items with their means and "ved ikke", the
 * largest gaps and the trend. The same figures as the page; nothing hidden there is shown here.
 */
export async function reportPdf(report: Report, schoolName: string, locale: Locale): Promise<Buffer> {
  const t = (k: string, vars?: Record<string, string | number>) => pdfText(translate(locale, `surveys.report.${k}`, vars));
  const fmt = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const n = (v: number | null) => (v === null ? '–' : fmt.format(v));
  const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)} %`);
  const day = (d: string) => new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${d}T00:00:00Z`));
  const group = (g: string) => t(`group.${g}`);

  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: pdfText(report.round.name), Author: pdfText(schoolName) }, lang: locale === 'da' ? 'da-DK' : 'en-GB' } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 100;
  const heading = (s: string, size = 14) => {
    if (doc.y > doc.page.height - 120) doc.addPage();
    doc.x = 50;
    doc.moveDown(0.6).fontSize(size).fillColor(INK).text(s, { width });
  };
  const line = (s: string, color = INK) => doc.fontSize(10).fillColor(color).text(s, { width });
  /** A mean as a bar on the 1–5 scale, with the text beside it. */
  const bar = (label: string, c: Cell, extra = '') => {
    if (doc.y > doc.page.height - 70) doc.addPage();
    const y = doc.y;
    doc.fontSize(9).fillColor(INK).text(pdfText(label), 50, y, { width: width - 170 });
    const after = doc.y;
    const x0 = 50 + width - 160;
    doc.rect(x0, y + 1, 100, 8).fill('#e9ecef');
    if (c.mean !== null) doc.rect(x0, y + 1, ((c.mean - 1) / 4) * 100, 8).fill(BLUE);
    doc.fontSize(9).fillColor(c.mean === null ? GREY : INK).text(c.mean === null ? t('hidden') : `${n(c.mean)}${extra}`, x0 + 105, y, { width: 55 });
    doc.x = 50;
    doc.y = Math.max(after, y + 12) + 2;
  };

  doc.fontSize(10).fillColor(GREY).text(pdfText(schoolName));
  doc.moveDown(0.3).fontSize(20).fillColor(BLUE).text(pdfText(report.round.name), { width });
  line(t('pdf.period', { from: day(report.round.opensOn), to: day(report.round.closesOn), printed: day(todayInCopenhagen()) }), GREY);
  if (report.results === 'none') {
    heading(t('empty.notYet'), 12);
    doc.end();
    return done;
  }
  if (report.results === 'live') line(t('live'), GREY);

  heading(t('firstLook.title'));
  for (const g of report.firstLook.gaps) line(`• ${t('firstLook.gap', { item: pdfText(g.text[locale]), a: group(report.filter.compare[0]), b: group(report.filter.compare[1]), am: n(g.a), bm: n(g.b) })}`);
  for (const l of report.firstLook.lowest) line(`• ${t('firstLook.lowest', { item: pdfText(l.text[locale]), group: group(l.group), mean: n(l.mean) })}`);
  for (const f of report.firstLook.falls) line(`• ${t('firstLook.fall', { item: pdfText(f.text[locale]), group: group(f.group), from: n(f.previous), to: n(f.current) })}`);
  if (!report.firstLook.gaps.length && !report.firstLook.lowest.length && !report.firstLook.falls.length) line(t('firstLook.nothing'), GREY);

  for (const g of report.groups) {
    heading(`${group(g.group)} · ${g.respondents === null ? t('fewer') : t('respondents', { count: g.respondents })}`, 15);
    if (g.respondents === null) continue;
    heading(t('areas.title'), 12);
    for (const a of g.areas) bar(a.title[locale], a.school, a.benchmark ? `  (${t('benchmark.median')} ${n(a.benchmark.median)})` : '');
    heading(t('items.title'), 12);
    for (const a of g.areas) {
      doc.moveDown(0.2).fontSize(10).fillColor(BLUE).text(pdfText(a.title[locale]), { width });
      for (const i of g.items.filter((x) => x.area === a.area)) bar(i.text[locale], i.school, i.school.dontKnowShare ? ` · ${t('dontKnowShort')} ${pct(i.school.dontKnowShare)}` : '');
    }
  }
  if (report.gap.items.length) {
    heading(t('gap.title', { a: group(report.filter.compare[0]), b: group(report.filter.compare[1]) }));
    for (const x of report.gap.items.slice(0, 15)) line(`${n(x.a)} / ${n(x.b)} (${x.gap > 0 ? '+' : ''}${n(x.gap)})  ${pdfText(x.text[locale])}`);
  }
  if (report.trend.rounds.length) {
    heading(t('trend.title'));
    line(report.trend.rounds.map((r) => `${pdfText(r.name)} (${day(r.closesOn)})`).join(' → '), GREY);
    for (const s of report.trend.areas) line(`${group(s.group)}, ${pdfText(s.title[locale])}: ${s.points.map((p) => n(p.mean)).join(' → ')}`);
  }
  doc.end();
  return done;
}
