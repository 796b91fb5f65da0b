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
const TEXT_MIME = 'text/plain; charset=utf-8';
/** The leading bytes on which the type is first decided, while the rest is still arriving (file-type reads 4100). */
export const HEAD_BYTES = 4100;
/**
 * The leading bytes kept for the final decision: enough for the zip directory entries that tell
 * an Office or OpenDocument file from a plain zip ("[Content_Types].xml", "word/", "mimetype"
 * come first). Reading the stored file again would cost a second pass over it.
 */
export const SAMPLE_BYTES = 64 * 1024;

const textAllowed = (head: Buffer, filename: string, hasNul: boolean) => {
  if (!TEXT_EXT.test(filename) || hasNul) return false;
  const start = head.subarray(0, 4096).toString('utf8').toLowerCase();
  return !/<\s*(script|html|svg|iframe|body|!doctype|object|embed)/.test(start);
};

/**
 * The first look, on the leading bytes while the upload is still arriving: false when the magic
 * bytes already show a type that is not allowed (the upload is refused before the rest is read).
 */
export async function headAllowed(head: Buffer, filename: string): Promise<boolean> {
  const type = await fileTypeFromBuffer(head.subarray(0, HEAD_BYTES));
  if (type) return ALLOWED.has(type.mime);
  return textAllowed(head, filename, head.includes(0));
}

/**
 * The decision once the whole file has arrived: its MIME type from the kept leading bytes, or null.
 * Plain text only with a text extension, no NUL byte anywhere and no markup at the start.
 */
export async function fileAllowed(sample: Buffer, filename: string, hasNul: boolean): Promise<string | null> {
  const type = await fileTypeFromBuffer(sample);
  if (type) return ALLOWED.has(type.mime) ? type.mime : null;
  return textAllowed(sample, filename, hasNul) ? TEXT_MIME : null;
}

const MAX_NAME = 200;
// Control characters (C0, DEL, C1) and format characters (bidi overrides and isolates, zero-width
// characters, the byte-order mark): a name like "rapport\u202Efdp.exe" would show as "rapportexe.pdf".
const UNSAFE = /[\p{Cc}\p{Cf}]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The file's name as the uploader gave it: Unicode NFC (a macOS "å" arrives as "a" + ring),
 * without any folder part, control or direction characters, at most 200 characters (keeping the
 * extension), never empty, never a dot name.
 */
export function cleanFileName(name: string): string {
  const base = name.replace(LONE_SURROGATE, '\uFFFD').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const clean = base.replace(UNSAFE, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').trim();
  const chars = [...clean];
  if (chars.length <= MAX_NAME) return clean || 'fil';
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 12 ? Array.from(clean.slice(dot)) : [];
  return chars.slice(0, MAX_NAME - ext.length).join('').trimEnd() + ext.join('');
}
