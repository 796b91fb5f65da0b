import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { AppError } from './errors';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const isUnsafe = (method: string) => UNSAFE.has(method);

/** The origin this server answers as: PUBLIC_URL when set, otherwise the request's own host. */
export function ownOrigin(config: Config, req: FastifyRequest): string {
  if (config.publicUrl) return new URL(config.publicUrl).origin;
  return `${req.protocol}://${req.host}`;
}

/** Refuses unsafe requests sent by another website (Origin or Sec-Fetch-Site). */
export function checkOrigin(config: Config, req: FastifyRequest): void {
  if (!isUnsafe(req.method)) return;
  const origin = req.headers.origin;
  if (origin && origin !== 'null' && origin !== ownOrigin(config, req)) throw new AppError(403, 'foreign_origin');
  if (origin === 'null') throw new AppError(403, 'foreign_origin');
  if (req.headers['sec-fetch-site'] === 'cross-site') throw new AppError(403, 'foreign_origin');
}

/** Every unsafe request of a signed-in actor must carry the session's CSRF token. */
export function checkCsrf(req: FastifyRequest, expected: string): void {
  if (!isUnsafe(req.method)) return;
  const sent = req.headers['x-csrf-token'];
  if (typeof sent !== 'string') throw new AppError(403, 'csrf_failed');
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new AppError(403, 'csrf_failed');
}
