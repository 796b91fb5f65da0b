import PDFDocument from 'pdfkit';
import { translate, type Locale } from '../../platform/messages';
import { pdfText } from '../../platform/pdf-text';
import type { PersonalDataExport } from './data-rights';

/** Rows of one list shown in the PDF; the JSON download holds them all. */
export const PDF_LIST_LIMIT = 500;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const formats = {
  da: { time: new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' }), day: new Intl.DateTimeFormat('da-DK', { timeZone: 'UTC', dateStyle: 'long' }) },
  en: { time: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' }), day: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'long' }) },
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A field's label from the locale files (personalData.fields.<key>), the key itself when there is none. */
const label = (locale: Locale, key: string) => translate(locale, `personalData.fields.${key}`);

/** Fields whose values are codes, shown by their name in the locale files (personalData.values.<code>, roles.<role>). */
const CODED = new Set(['status', 'kind', 'decision', 'state', 'locale']);
function codeText(locale: Locale, key: string | undefined, v: string): string {
  const path = key === 'role' ? `roles.${v}` : key && CODED.has(key) ? `personalData.values.${v}` : null;
  return path ? translate(locale, path) : v;
}

function valueText(locale: Locale, v: unknown, key?: string): string {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'boolean') return translate(locale, v ? 'personalData.pdf.yes' : 'personalData.pdf.no');
  if (typeof v === 'string') {
    if (ISO_TIME.test(v) && !Number.isNaN(Date.parse(v))) return formats[locale].time.format(new Date(v));
    if (ISO_DAY.test(v)) return formats[locale].day.format(new Date(`${v}T00:00:00Z`));
    const named = codeText(locale, key, v);
    return named.startsWith('personalData.values.') || named.startsWith('roles.') ? v : named;
  }
  if (typeof v === 'number') return v.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB');
  if (Array.isArray(v)) return v.map((x) => valueText(locale, x)).join(isRecord(v[0]) ? '; ' : ', ') || '–';
  if (isRecord(v)) return Object.entries(v).map(([k, x]) => `${label(locale, k)}: ${valueText(locale, x, k)}`).join(', ');
  return String(v);
}

/**
 * A person's data as a readable PDF in their language: one section per module, each field under
 * its label, lists as blocks (at most PDF_LIST_LIMIT rows each, with a note pointing to the JSON
 * download for the rest). Returned as the document stream, ended: the caller sends it as it is read.
 */
export function personalDataPdf(data: PersonalDataExport): PDFKit.PDFDocument {
  const { locale } = data;
  const t = (key: string, vars?: Record<string, string | number>) => pdfText(translate(locale, key, vars));
  const title = translate(locale, 'personalData.pdf.title', { name: data.person.name });
  const doc = new PDFDocument({ size: 'A4', margin: 50, lang: locale === 'da' ? 'da-DK' : 'en-GB', info: { Title: pdfText(title), Author: pdfText(data.school), Subject: t('personalData.pdf.subject') } } as PDFKit.PDFDocumentOptions);
  const text = (s: string, size: number, color = '#212529') => doc.fontSize(size).fillColor(color).text(pdfText(s));
  const field = (key: string, v: unknown, indent = 0) => {
    doc.fontSize(9).fillColor('#495057').text(pdfText(`${label(locale, key)}: `), 50 + indent, undefined, { continued: true }).fillColor('#212529').text(pdfText(valueText(locale, v, key)));
  };

  text(data.school, 10, '#495057');
  doc.moveDown(0.3);
  text(title, 20, '#005d7e');
  text(translate(locale, 'personalData.pdf.exported', { at: valueText(locale, data.exportedAt) }), 9, '#495057');
  doc.moveDown(0.5);
  text(translate(locale, 'personalData.pdf.intro'), 9);

  for (const [module, part] of Object.entries(data.modules)) {
    doc.moveDown();
    doc.x = 50;
    text(translate(locale, `personalData.modules.${module}`), 14, '#005d7e');
    doc.moveDown(0.2);
    for (const [key, v] of Object.entries(part)) {
      doc.x = 50;
      if (Array.isArray(v) && v.some(isRecord)) {
        doc.moveDown(0.3);
        text(`${label(locale, key)} (${v.length})`, 11);
        for (const row of v.slice(0, PDF_LIST_LIMIT)) {
          doc.moveDown(0.2);
          if (isRecord(row)) for (const [k, x] of Object.entries(row)) field(k, x, 10);
          else field(key, row, 10);
        }
        if (v.length > PDF_LIST_LIMIT) text(translate(locale, 'personalData.pdf.more', { count: v.length - PDF_LIST_LIMIT }), 9, '#495057');
        doc.x = 50;
      } else if (isRecord(v)) {
        doc.moveDown(0.3);
        text(label(locale, key), 11);
        for (const [k, x] of Object.entries(v)) field(k, x, 10);
        doc.x = 50;
      } else if (Array.isArray(v) && v.length === 0) {
        field(key, translate(locale, 'personalData.pdf.none'));
      } else {
        field(key, v);
      }
    }
  }
  doc.end();
  return doc;
}
