import { fileTypeFromBuffer } from 'file-type';

/**
 * What a feature accepts, decided by the file's content (never by its name or the browser's type):
 * the MIME types file-type may find, and whether plain text (which has no magic bytes) is allowed.
 */
export type Accept = { mimes: ReadonlySet<string>; text: boolean };

/** Photos: raster images sharp decodes (never SVG, which is text and may carry script). */
const IMAGE_MIMES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/tiff']);
/** Short videos, stored as they are. */
const VIDEO_MIMES: ReadonlySet<string> = new Set(['video/mp4', 'video/webm', 'video/quicktime']);
/** Images a browser may show inline when served (their content has been checked again on the way out). */
export const INLINE_IMAGE_MIMES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

export const acceptImages: Accept = { mimes: IMAGE_MIMES, text: false };
export const acceptVideos: Accept = { mimes: VIDEO_MIMES, text: false };

const TEXT_EXT = /\.(txt|csv|md)$/i;
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
 * bytes already show a type that is not accepted (the upload is refused before the rest is read).
 */
export async function headAllowed(head: Buffer, filename: string, accept: Accept): Promise<boolean> {
  const type = await fileTypeFromBuffer(head.subarray(0, HEAD_BYTES));
  if (type) return accept.mimes.has(type.mime);
  return accept.text && textAllowed(head, filename, head.includes(0));
}

/**
 * The decision once the whole file has arrived: its MIME type from the kept leading bytes, or null.
 * Plain text only where accepted, with a text extension, no NUL byte anywhere and no markup at the start.
 */
export async function fileAllowed(sample: Buffer, filename: string, hasNul: boolean, accept: Accept): Promise<string | null> {
  const type = await fileTypeFromBuffer(sample);
  if (type) return accept.mimes.has(type.mime) ? type.mime : null;
  return accept.text && textAllowed(sample, filename, hasNul) ? TEXT_MIME : null;
}

/** The MIME type of a stored file's leading bytes, when its content shows one. */
export async function sniff(head: Buffer): Promise<string | null> {
  return (await fileTypeFromBuffer(head))?.mime ?? null;
}
