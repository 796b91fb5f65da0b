import { fileTypeFromBuffer } from 'file-type';

/** What may be uploaded to the library, checked by content (never by the name or the browser's type). */
const TEXT_EXT = /\.(txt|csv|md)$/i;
const ALLOWED = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.oasis.opendocument.spreadsheet',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'video/mp4',
  'video/webm',
  'audio/mpeg',
  'application/zip',
]);

/** The MIME type by content, if it is allowed. Plain text only with a text extension and no markup. */
export async function detectAllowed(buffer: Buffer, filename: string): Promise<string | null> {
  const type = await fileTypeFromBuffer(buffer);
  if (type) return ALLOWED.has(type.mime) ? type.mime : null;
  if (!TEXT_EXT.test(filename) || buffer.includes(0)) return null;
  const head = buffer.subarray(0, 4096).toString('utf8').toLowerCase();
  if (/<\s*(script|html|svg|iframe|body|!doctype|object|embed)/.test(head)) return null;
  return 'text/plain; charset=utf-8';
}

const safeName = (name: string) =>
  (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._ -]/g, '_')
      .slice(-120) || 'fil'
  ).replace(/^\.+/, '');

export { safeName };
