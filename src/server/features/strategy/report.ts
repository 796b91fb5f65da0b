import PDFDocument from 'pdfkit';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { indicators, measurements, type strategies } from '../../db/schema/index';
import { toCsv } from '../../platform/csv';
import { translate } from '../../platform/messages';
import { todayInCopenhagen } from '../../platform/time';
import { listInitiatives, type EffectiveStatus } from './queries';
import { loadTerms } from './terms';

type StrategyRow = typeof strategies.$inferSelect;
const statusLabel = (s: EffectiveStatus) => translate('da', `strategy.status.${s}`);
const STATUS_COLOR: Record<EffectiveStatus, string> = {
  on_track: '#2b8a3e',
  behind: '#e67700',
  at_risk: '#c92a2a',
  no_data: '#868e96',
  not_reached: '#862e9c',
  achieved: '#1864ab',
  stopped: '#495057',
};
const dk = (d: string) => `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;
const num = (n: number) => new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 }).format(n);

async function data(exec: Executor, schoolId: string, s: StrategyRow) {
  const list = await listInitiatives(exec, schoolId, {});
  const ids = list.map((i) => i.id);
  const inds = ids.length ? await exec.select().from(indicators).where(and(eq(indicators.schoolId, schoolId), inArray(indicators.initiativeId, ids))).orderBy(asc(indicators.createdAt)) : [];
  const ms = inds.length
    ? await exec
        .select({ indicatorId: measurements.indicatorId, value: measurements.value, measuredOn: measurements.measuredOn })
        .from(measurements)
        .where(and(eq(measurements.schoolId, schoolId), inArray(measurements.indicatorId, inds.map((i) => i.id))))
        .orderBy(asc(measurements.measuredOn))
    : [];
  const terms = await loadTerms(exec, schoolId);
  const sl = new Map(terms.sigtelinje.map((t) => [t.key, t.label]));
  return { s, list, inds, ms, sl };
}

/** The strategy and its initiatives as CSV (semicolon, UTF-8 with BOM, for Danish Excel). */
export async function reportCsv(exec: Executor, schoolId: string, s: StrategyRow): Promise<string> {
  const { list, inds, sl } = await data(exec, schoolId, s);
  const header = ['Strategi', 'Indsats', 'Hvorfor', 'Niveau', 'Afdeling', 'Ansvarlig', 'Start', 'Slut', 'Status', 'Sigtelinjer', 'Indikatorer'];
  const rows = list.map((i) => [
    s.content.title,
    i.title,
    i.why,
    i.level === 'central' ? 'Central' : 'Afdeling',
    i.departmentName ?? '',
    i.ownerName ?? '',
    i.startsOn,
    i.endsOn,
    statusLabel(i.status),
    i.sigtelinjer.map((k) => sl.get(k) ?? k).join(', '),
    inds
      .filter((x) => x.initiativeId === i.id)
      .map((x) => `${x.name}: ${x.latestValue === null ? '–' : num(x.latestValue)} / ${num(x.target)} ${x.unit} (${statusLabel(x.status)})`)
      .join(' | '),
  ]);
  return toCsv([header, ...rows], { bom: true, separator: ';' });
}

/** A Danish PDF status report: the strategy, status per initiative and every indicator's chart (vector lines). */
export async function reportPdf(exec: Executor, school: { name: string }, s: StrategyRow): Promise<Buffer> {
  const { list, inds, ms, sl } = await data(exec, s.schoolId, s);
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Statusrapport – ${s.content.title}`, Author: school.name, Subject: 'Pædagogisk-digital strategi' }, lang: 'da-DK' } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 100;

  doc.fontSize(10).fillColor('#495057').text(school.name);
  doc.moveDown(0.3).fontSize(22).fillColor('#005d7e').text(`Statusrapport: ${s.content.title}`);
  doc
    .fontSize(10)
    .fillColor('#495057')
    .text(`${s.content.mode === 'strategi' ? 'Strategi' : 'Handleplaner'} · periode ${dk(s.content.periodStart)} – ${dk(s.content.periodEnd)} · version ${s.version} (${s.status === 'published' ? 'udgivet' : 'kladde'}) · udskrevet ${dk(todayInCopenhagen())}`);
  doc.moveDown();
  if (s.content.vision) doc.fontSize(13).fillColor('#212529').text('Vision').fontSize(10).text(s.content.vision).moveDown(0.5);
  if (s.content.fpdgText || s.content.values.length) {
    doc.fontSize(13).text('Fælles pædagogisk-didaktisk grundlag').fontSize(10);
    if (s.content.fpdgText) doc.text(s.content.fpdgText);
    if (s.content.values.length) doc.text(`Værdier: ${s.content.values.join(', ')}`);
    doc.moveDown(0.5);
  }
  if (s.content.sigtelinjer.length) doc.fontSize(10).text(`Sigtelinjer: ${s.content.sigtelinjer.map((k) => sl.get(k) ?? k).join('; ')}`).moveDown(0.5);

  // status summary as a stacked bar
  const counts = new Map<EffectiveStatus, number>();
  for (const i of list) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
  doc.fontSize(13).fillColor('#212529').text(`Indsatser i alt: ${list.length}`);
  const barY = doc.y + 4;
  let x = 50;
  for (const [st, n] of counts) {
    const w = (n / Math.max(1, list.length)) * width;
    doc.rect(x, barY, w, 14).fill(STATUS_COLOR[st]);
    x += w;
  }
  doc.y = barY + 20;
  doc.fontSize(9).fillColor('#212529').text([...counts].map(([st, n]) => `${statusLabel(st)}: ${n}`).join('   '));
  doc.moveDown();

  const chart = (ind: (typeof inds)[number]) => {
    const pts = ms.filter((m) => m.indicatorId === ind.id);
    const h = 90;
    const w = width;
    if (doc.y + h + 30 > doc.page.height - 50) doc.addPage();
    const top = doc.y;
    const t0 = Date.parse(ind.baselineOn);
    const t1 = Math.max(Date.parse(ind.targetOn), ...pts.map((p) => Date.parse(p.measuredOn)));
    const values = [ind.baseline, ind.target, ...pts.map((p) => p.value), ...(ind.tolerance ? [ind.target + ind.tolerance, ind.target - ind.tolerance] : [])];
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    if (hi === lo) hi = lo + 1;
    const pad = (hi - lo) * 0.1;
    lo -= pad;
    hi += pad;
    const px = (t: number) => 90 + ((t - t0) / Math.max(1, t1 - t0)) * (w - 50);
    const py = (v: number) => top + h - ((v - lo) / (hi - lo)) * h;
    doc.lineWidth(0.5).strokeColor('#adb5bd').moveTo(90, top).lineTo(90, top + h).lineTo(50 + w, top + h).stroke();
    doc.fontSize(7).fillColor('#495057').text(num(hi - pad), 50, py(hi - pad) - 3, { width: 36, align: 'right' }).text(num(lo + pad), 50, py(lo + pad) - 3, { width: 36, align: 'right' });
    doc.text(dk(ind.baselineOn), 90, top + h + 3).text(dk(new Date(t1).toISOString().slice(0, 10)), 50 + w - 50, top + h + 3, { width: 50, align: 'right' });
    // expected path (dashed)
    doc.lineWidth(1).strokeColor('#868e96').dash(3, { space: 3 });
    if (ind.direction === 'maintain') doc.moveTo(px(t0), py(ind.target)).lineTo(px(t1), py(ind.target)).stroke();
    else doc.moveTo(px(t0), py(ind.baseline)).lineTo(px(Date.parse(ind.targetOn)), py(ind.target)).lineTo(px(t1), py(ind.target)).stroke();
    doc.undash();
    // measurements (solid line with points)
    if (pts.length) {
      doc.lineWidth(1.5).strokeColor('#005d7e');
      pts.forEach((p, k) => (k === 0 ? doc.moveTo(px(Date.parse(p.measuredOn)), py(p.value)) : doc.lineTo(px(Date.parse(p.measuredOn)), py(p.value))));
      doc.stroke();
      for (const p of pts) doc.circle(px(Date.parse(p.measuredOn)), py(p.value), 2).fill('#005d7e');
    }
    doc.fillColor('#212529');
    doc.y = top + h + 16;
    doc.x = 50;
  };

  for (const i of list) {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc.x = 50;
    doc.fontSize(13).fillColor('#212529').text(i.title, { width });
    doc.fontSize(10).fillColor('#495057').text(`Hvorfor: ${i.why}`, { width });
    doc
      .fillColor(STATUS_COLOR[i.status])
      .text(`Status: ${statusLabel(i.status)}`, { continued: true })
      .fillColor('#495057')
      .text(`  ·  ${i.level === 'central' ? 'Central' : (i.departmentName ?? 'Afdeling')}  ·  ${dk(i.startsOn)} – ${dk(i.endsOn)}${i.ownerName ? `  ·  Ansvarlig: ${i.ownerName}` : ''}`);
    for (const ind of inds.filter((x) => x.initiativeId === i.id)) {
      doc.moveDown(0.3).fontSize(10).fillColor('#212529').text(`${ind.name} (${ind.unit}): udgangspunkt ${num(ind.baseline)}, mål ${num(ind.target)} pr. ${dk(ind.targetOn)}, seneste ${ind.latestValue === null ? '–' : num(ind.latestValue)} – ${statusLabel(ind.status)}`);
      doc.moveDown(0.3);
      chart(ind);
    }
    doc.moveDown();
  }
  if (!list.length) doc.fontSize(10).text('Der er endnu ingen indsatser.');
  doc.end();
  return done;
}
