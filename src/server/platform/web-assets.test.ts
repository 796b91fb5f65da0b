import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { testConfig, testDatabase } from '../test/database';
import { createMailer } from './mail';
import { IMMUTABLE } from './web-assets';

// A tiny build as `vite build` leaves it: index.html, one hashed chunk, their .br/.gz twins, the manifest.
const webRoot = mkdtempSync(join(tmpdir(), 'retning-web-'));
const indexHtml = '<!doctype html><html lang="da"><head><title>Retning</title></head><body><div id="root"></div></body></html>';
const chunk = `export const answer = ${JSON.stringify('x'.repeat(4000))};\n`;
mkdirSync(join(webRoot, 'assets'));
mkdirSync(join(webRoot, '.vite'));
for (const [file, text] of [
  ['index.html', indexHtml],
  ['assets/index-AbC123.js', chunk],
] as const) {
  writeFileSync(join(webRoot, file), text);
  writeFileSync(join(webRoot, `${file}.br`), brotliCompressSync(text));
  writeFileSync(join(webRoot, `${file}.gz`), gzipSync(text));
}
writeFileSync(join(webRoot, '.vite/manifest.json'), '{"index.html":{"file":"assets/index-AbC123.js","isEntry":true}}');
const noBuild = mkdtempSync(join(tmpdir(), 'retning-noweb-'));

const database = await testDatabase();
const mailer = createMailer(undefined, 'test@retning');
const app = await buildApp({ config: testConfig(), database, mailer, webRoot });
// The same app without a built UI (an API-only install, or tests before `vite build`).
const apiOnly = await buildApp({ config: testConfig(), database, mailer, webRoot: noBuild });
afterAll(async () => {
  await app.close();
  await apiOnly.close();
  await database.close();
  rmSync(webRoot, { recursive: true, force: true });
  rmSync(noBuild, { recursive: true, force: true });
});

const expectPage = (res: Awaited<ReturnType<typeof app.inject>>) => {
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(res.headers['cache-control']).toBe('no-cache');
  expect(res.body).toBe(indexHtml);
};
const expectProblem404 = (res: Awaited<ReturnType<typeof app.inject>>) => {
  expect(res.statusCode).toBe(404);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ status: 404, code: 'not_found' });
};

describe('the web app page (SPA fallback)', () => {
  it('answers GET / with index.html for curl and uptime monitors (Accept */* or none)', async () => {
    expectPage(await app.inject({ url: '/', headers: { accept: '*/*' } }));
    expectPage(await app.inject({ url: '/' }));
  });

  it('answers a browser on any page path with index.html, revalidated on every visit', async () => {
    const accept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    expectPage(await app.inject({ url: '/strategi/aarshjul', headers: { accept } }));
    expectPage(await app.inject({ url: '/login?next=%2F', headers: { accept } }));
    expectPage(await app.inject({ url: '/index.html', headers: { accept } }));
    const head = await app.inject({ method: 'HEAD', url: '/', headers: { accept: '*/*' } });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toMatch(/^text\/html/);
  });

  it('keeps the problem+json 404 for a client asking for JSON, for /api and for other methods', async () => {
    expectProblem404(await app.inject({ url: '/findes-ikke', headers: { accept: 'application/json' } }));
    expectProblem404(await app.inject({ url: '/', headers: { accept: 'application/json, text/plain, */*' } }));
    expectProblem404(await app.inject({ url: '/api/v1/findes-ikke', headers: { accept: '*/*' } }));
    expectProblem404(await app.inject({ url: '/api/findes-ikke', headers: { accept: 'text/html' } }));
    expectProblem404(await app.inject({ method: 'POST', url: '/findes-ikke', headers: { accept: '*/*' } }));
  });

  it('answers a missing asset with 404, not with the page (a stale chunk must fail loudly)', async () => {
    expectProblem404(await app.inject({ url: '/assets/index-Gone99.js', headers: { accept: '*/*' } }));
  });

  it('does not serve the build manifest or the compressed twins as files of their own', async () => {
    const manifest = await app.inject({ url: '/.vite/manifest.json', headers: { accept: '*/*' } });
    expect(manifest.body).not.toContain('isEntry');
    const twin = await app.inject({ url: '/assets/index-AbC123.js.br', headers: { accept: '*/*' } });
    expectProblem404(twin);
  });

  it('without a built UI, answers page paths with the problem+json 404', async () => {
    expectProblem404(await apiOnly.inject({ url: '/', headers: { accept: '*/*' } }));
    expectProblem404(await apiOnly.inject({ url: '/login', headers: { accept: 'text/html' } }));
    expect((await apiOnly.inject({ url: '/healthz' })).statusCode).toBe(200);
  });
});

describe('compression and caching of the built files', () => {
  const url = '/assets/index-AbC123.js';

  it('sends the precompressed brotli twin to a browser that accepts br, cached for a year', async () => {
    const res = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(chunk.length / 10);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(chunk);
  });

  it('sends the gzip twin when br is not accepted, and the plain file when nothing is', async () => {
    const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(chunk);
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);
    const plain = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(chunk);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('compresses index.html too, and keeps it no-cache', async () => {
    const res = await app.inject({ url: '/', headers: { accept: 'text/html', 'accept-encoding': 'gzip, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(indexHtml);
  });

  it('keeps the security headers on the page', async () => {
    const res = await app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(String(res.headers['content-security-policy'])).toMatch(/script-src 'self'/);
  });
});
