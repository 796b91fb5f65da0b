import { availableParallelism } from 'node:os';
import { rm } from 'node:fs/promises';
import type { FastifyRequest } from 'fastify';
import sharp from 'sharp';
import type { Config } from '../../config';
import { AppError, invalid } from '../errors';
import { acceptImages } from './content';
import { incomingPath, variantKey } from './paths';
import { quotaExceeded } from './quota';
import { moveIntoPlace, type StoreOptions, storeFile, type Upload } from './receive';

/** The display copy's long side and the thumbnail's, in pixels. */
const DISPLAY_PX = 1600;
const THUMB_PX = 400;
/** Larger images are refused before they are decoded (a 16-bit 100 MP image would take ~600 MB). */
const MAX_MEGAPIXELS = 60;
/** One image's work may take this long before it is given up. */
const TIMEOUT_S = 20;
/** Images worked on at once (sharp runs in libuv's pool, one image per core), and waiting at most. */
const RUNNING = Math.max(1, availableParallelism());
const WAITING = 32;

// libvips's cache keeps decoded images for reuse; every photo is decoded once, so it would only hold memory
sharp.cache(false);

let running = 0;
const queue: (() => void)[] = [];
/** Runs `work` when one of RUNNING slots is free; 503 busy when too many already wait. */
async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (running >= RUNNING) {
    if (queue.length >= WAITING) throw new AppError(503, 'busy', { headers: { 'retry-after': '5' } });
    await new Promise<void>((resolve) => queue.push(resolve));
  } else running++;
  try {
    return await work();
  } finally {
    const next = queue.shift();
    if (next) next();
    else running--;
  }
}

/** A received photo: the original (private, never served) and its two stripped copies, all kept or discarded together. */
export type PhotoUpload = Upload & {
  /** The display copy's and the thumbnail's keys (`variantKey(key, …)`); serve them with `serveFile(…, { as: 'inline-image' })`. */
  displayKey: string;
  thumbKey: string;
  /** The display copy's type, width and height (as shown, after the EXIF rotation). */
  displayMime: string;
  width: number;
  height: number;
  /** The three files' bytes together: what the row records for the quota. */
  totalBytes: number;
};

const notAnImage = (field: string) => invalid([{ field, key: 'validation.not_an_image' }]);

/**
 * Receives a photo for a route's `receive` step: the upload is streamed and checked like any file
 * (size limit, quota, content), must be an image by its content (else 422 naming the field), and
 * is then copied for display and as a thumbnail off the event loop. Write `key` (the private
 * original), `displayKey`, `thumbKey` and `totalBytes` in the transaction (with `ensureSpace`
 * for `totalBytes`); call `keep()` in `afterCommit`.
 */
export async function storePhoto(req: FastifyRequest, config: Config, opts: Omit<StoreOptions, 'accept' | 'refuse'>): Promise<PhotoUpload> {
  const field = opts.field ?? 'file';
  const original = await storeFile(req, config, { ...opts, accept: acceptImages, refuse: notAnImage });
  const displayPath = incomingPath(config);
  const thumbPath = incomingPath(config);
  const discard = () => Promise.all([original.discard(), rm(displayPath, { force: true }), rm(thumbPath, { force: true })]);
  try {
    // The copies, written to .incoming: rotated by the EXIF orientation, then encoded anew without
    // any of the original's metadata (sharp writes none unless asked: no EXIF, GPS, XMP, IPTC, ICC
    // profile or comments), fitted into DISPLAY_PX and THUMB_PX; JPEG, or WebP for transparency.
    const made = await bounded(async () => {
      const input = sharp(original.path, { limitInputPixels: MAX_MEGAPIXELS * 1_000_000, failOn: 'error', sequentialRead: true });
      const meta = await input.metadata();
      const alpha = meta.hasAlpha === true;
      const encode = (img: sharp.Sharp) => (alpha ? img.webp({ quality: 82 }) : img.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: false }));
      const shown = await encode(input.rotate().resize({ width: DISPLAY_PX, height: DISPLAY_PX, fit: 'inside', withoutEnlargement: true }))
        .timeout({ seconds: TIMEOUT_S })
        .toFile(displayPath);
      const thumb = await encode(sharp(displayPath).resize({ width: THUMB_PX, height: THUMB_PX, fit: 'inside', withoutEnlargement: true }))
        .timeout({ seconds: TIMEOUT_S })
        .toFile(thumbPath);
      return { shown, thumb, mime: alpha ? 'image/webp' : 'image/jpeg' };
    });
    const totalBytes = original.size + made.shown.size + made.thumb.size;
    if (totalBytes > opts.space.leftBytes) throw quotaExceeded(opts.space, field);
    const displayKey = variantKey(original.key, 'display');
    const thumbKey = variantKey(original.key, 'thumb');
    return {
      ...original,
      displayKey,
      thumbKey,
      displayMime: made.mime,
      width: made.shown.width,
      height: made.shown.height,
      totalBytes,
      // the copies first: a crash between the moves leaves copies the sweep removes, never an original without them
      keep: () => moveIntoPlace(config, [[displayPath, displayKey], [thumbPath, thumbKey], [original.path, original.key]]),
      discard,
    };
  } catch (e) {
    await discard();
    if (e instanceof AppError) throw e;
    const message = e instanceof Error ? e.message : '';
    if (/pixel limit/i.test(message)) throw invalid([{ field, key: 'validation.image_too_large', vars: { max: MAX_MEGAPIXELS } }]);
    // an image that takes longer than TIMEOUT_S is the server's trouble rather than the file's: try again later
    if (/timeout/i.test(message)) throw new AppError(503, 'busy', { headers: { 'retry-after': '30' } });
    throw notAnImage(field);
  }
}
