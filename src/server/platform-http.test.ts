import { describe, expect, it } from 'vitest';
import { testApp } from './test/app';

const { app } = await testApp();

describe('platform endpoints', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
  });

  it('publishes OpenAPI with every API route, and the docs page', async () => {
    const spec = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    const paths = Object.keys(spec.paths);
    for (const r of app.routeTable) {
      const openapiPath = r.url.replace(/:(\w+)/g, '{$1}');
      expect(paths, r.url).toContain(openapiPath);
    }
    const docs = await app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
  });

  it('sends security headers with a strict script policy', async () => {
    const res = await app.inject({ url: '/healthz' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('answers unknown API paths with a Danish problem+json 404 and no stack trace', async () => {
    const res = await app.inject({ url: '/api/v1/findes-ikke' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 404, code: 'not_found', title: 'Siden eller ressourcen findes ikke' });
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });
});
