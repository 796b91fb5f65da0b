import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';
import type { App } from './http';
import { sendProblem } from './problem';

/** Vite's hashed output: a new release gets new names, so a browser may keep these for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html (and any other unhashed file): revalidate every time, so a release is seen at once. */
export const REVALIDATE = 'no-cache';

/**
 * Does this request want the web app's page rather than data? Any GET or HEAD outside /api/ and
 * /assets/ whose Accept header does not ask for JSON: browsers (text/html), and curl or uptime
 * monitors (`*\/*` or no Accept at all). A client asking for JSON gets the problem+json 404.
 */
export function wantsPage(req: Pick<FastifyRequest, 'method' | 'url' | 'headers'>): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = req.url.split('?')[0] ?? '';
  if (path === '/api' || path.startsWith('/api/') || path.startsWith('/assets/')) return false;
  const accept = (req.headers.accept ?? '').toLowerCase();
  return accept.includes('text/html') || !accept.includes('json');
}

/**
 * The built web UI (`vite build` into `webRoot`): files served with their precompressed `.br` or
 * `.gz` twin when the browser accepts it (written at build time, see vite.config.ts), hashed
 * assets cached for a year, index.html revalidated, and index.html for every page path (the SPA
 * fallback). Registers the app's not-found handler: without a build, or when a request is not
 * for a page, an unknown path is a problem+json 404.
 */
export async function registerWebAssets(app: App, webRoot: string): Promise<void> {
  const hasWeb = existsSync(join(webRoot, 'index.html'));
  if (hasWeb) {
    const assetsDir = join(webRoot, 'assets') + sep;
    await app.register(fastifyStatic, {
      root: webRoot,
      // One route per built file, found at start (dotfiles such as .vite/manifest.json are left out).
      wildcard: false,
      globIgnore: ['**/*.br', '**/*.gz'],
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => {
        const file = path.replace(/\.(br|gz)$/, '');
        res.setHeader('cache-control', file.startsWith(assetsDir) ? IMMUTABLE : REVALIDATE);
        res.setHeader('vary', 'accept-encoding');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (hasWeb && wantsPage(req)) return reply.header('cache-control', REVALIDATE).sendFile('index.html');
    return sendProblem(reply, req, new AppError(404, 'not_found'));
  });
}
