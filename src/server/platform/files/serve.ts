import { open } from 'node:fs/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import { notFound } from '../errors';
import { attachment } from '../http';
import { HEAD_BYTES, INLINE_IMAGE_MIMES, sniff } from './content';
import { openStoredFile } from './paths';

/**
 * One satisfiable byte range ("bytes=a-b", "bytes=a-", "bytes=-n"), or null for the whole file.
 * Several ranges, other units and unsatisfiable ranges are answered with the whole file, as
 * RFC 9110 allows; so is a conditional range (If-Range), for which the file has no validator.
 */
export function byteRange(header: string | undefined, ifRange: string | string[] | undefined, size: number): { start: number; end: number } | null {
  const m = header && !ifRange ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (!m[1] && !m[2]) || size === 0) return null;
  const [start, end] = m[1] ? [Number(m[1]), m[2] ? Math.min(Number(m[2]), size - 1) : size - 1] : [Math.max(0, size - Number(m[2])), size - 1];
  return start <= end && start < size ? { start, end } : null;
}

/**
 * How a stored file goes out: as an attachment with its name and recorded type, or inline as an
 * image, which it is only when its own leading bytes show a raster image (never SVG); anything else
 * asked for inline goes out as an attachment of unknown type.
 */
export type ServeAs = { as: 'attachment'; name: string; mime: string } | { as: 'inline-image'; name: string };

async function leadingBytes(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Sends a stored file from an authorised route's handler (the route has loaded the row that holds
 * the key within the actor's school and authorised the read): streamed from disk with its length,
 * one byte range on request (a video's player seeks with them), `nosniff`, a sandboxing CSP and
 * no shared caching. 404 when the file is not on disk.
 */
export async function serveFile(req: FastifyRequest, reply: FastifyReply, config: Config, key: string, how: ServeAs): Promise<FastifyReply> {
  const file = await openStoredFile(config, key);
  if (!file) throw notFound();
  const image = how.as === 'inline-image' ? await sniff(await leadingBytes(file.path)) : null;
  if (image && INLINE_IMAGE_MIMES.has(image)) {
    reply.header('content-type', image).header('content-disposition', 'inline').header('x-content-type-options', 'nosniff');
  } else {
    attachment(reply, how.name, how.as === 'attachment' ? how.mime : 'application/octet-stream');
  }
  reply.header('content-security-policy', "default-src 'none'; sandbox").header('accept-ranges', 'bytes').header('cache-control', 'private, no-cache');
  const range = byteRange(req.headers.range, req.headers['if-range'], file.size);
  if (!range) return reply.header('content-length', file.size).send(file.open());
  return reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${file.size}`)
    .header('content-length', range.end - range.start + 1)
    .send(file.open(range));
}
