import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import websocket from '@fastify/websocket';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { paths } from './paths';
import { AppError } from './platform/errors';
import { localeFrom } from './platform/messages';
import { sendProblem, toAppError } from './platform/problem';
import { checkCsrf, checkOrigin } from './platform/security';
import { resolveSession, SESSION_COOKIE } from './platform/sessions';
import { SessionCache } from './platform/session-cache';
import { SessionEvents } from './platform/session-events';
import { installMetrics, type Metrics } from './platform/metrics';
import { ReadCache } from './platform/read-cache';
import { isUnsafe } from './platform/security';
import type { App, RouteInfo } from './platform/http';
import { registerWebAssets } from './platform/web-assets';
import { features } from './features/index';
import { assertKernelRoute, installFeatures } from './platform/kernel';
import { responseSerializer } from './platform/serializer';
import { createBus } from './platform/realtime-bus';
import { keepSocketsAlive, MAX_SOCKET_MESSAGE_BYTES, REALTIME } from './platform/realtime';

import type { AppDeps } from './platform/deps';

export type { AppDeps };

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    routeTable: RouteInfo[];
    readCache: ReadCache;
    sessionCache: SessionCache;
    sessionEvents: SessionEvents;
    /** This instance's figures for /metrics (null when METRICS_TOKEN is not set). */
    metrics: Metrics | null;
  }
}

const LOG_REDACT = ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'];

/** Builds the whole HTTP application. No global state: tests build their own. */
export async function buildApp(given: AppDeps): Promise<App> {
  const { config, database } = given;
  const app = Fastify({
    logger: given.logStream
      ? { level: 'debug', stream: given.logStream, redact: LOG_REDACT }
      : config.env === 'test'
        ? false
        : { level: config.logLevel, redact: LOG_REDACT },
    // Only the configured proxies may say who the client is (X-Forwarded-For) and how it connected.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    bodyLimit: 1024 * 1024,
    // What the router refuses before any route (a path parameter over its length limit, a broken percent-encoding) is problem+json too.
    frameworkErrors: (err, req, reply) => void sendProblem(reply, req, toAppError(err) ?? new AppError(400, 'bad_request')),
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  // Live changes: the bus main.ts (or a test) gives, else one for this database, closed with the app if it is this app's own.
  const created = given.bus ? null : createBus(database, app.log);
  const deps: AppDeps = { ...given, bus: given.bus ?? created?.bus };
  if (created?.owned) app.addHook('onClose', () => created.bus.close());

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(config.env === 'test'));
  app.decorate('deps', deps);
  app.decorate('routeTable', [] as RouteInfo[]);
  app.decorate('readCache', new ReadCache(config.readCacheTtlMs));
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'da');

  app.addHook('onRoute', (route) => {
    assertKernelRoute(route);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!route.url.startsWith('/api/v1') || (route.config as Record<string, unknown> | undefined)?.[REALTIME]) return;
    for (const method of methods) {
      if (method === 'HEAD') continue;
      app.routeTable.push({ method, url: route.url, access: route.config?.access ?? 'session', action: route.config?.action });
    }
  });

  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  // A raw file reaches its route as the request stream, read (and limited) by the route: library uploads stream to disk.
  app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));

  await app.register(cookie);
  await app.register(websocket, { options: { maxPayload: MAX_SOCKET_MESSAGE_BYTES } });
  keepSocketsAlive(app);
  // Uploads arrive as multipart/form-data; the size limit is checked while streaming.
  await app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 20 } });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables and positions through style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Retning API', version: '1', description: 'REST JSON API. Sign in with POST /api/v1/auth/login; send X-CSRF-Token on unsafe requests.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.setErrorHandler((err, req, reply) => {
    const known = toAppError(err as Error);
    if (known) return sendProblem(reply, req, known);
    req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, req, new AppError(500, 'internal'));
  });

  // Sessions are cached only while this instance hears the changes made on every instance.
  const sessionCache = new SessionCache(config.sessionIdleMs);
  const sessionEvents = new SessionEvents(database, sessionCache, app.log);
  await sessionEvents.start(app);
  app.decorate('sessionCache', sessionCache);
  app.decorate('sessionEvents', sessionEvents);
  app.decorate('metrics', installMetrics(app, config.metricsToken, { database, sessionCache, sessionEvents }));
  app.addHook('onRequest', async (req) => {
    req.locale = localeFrom(req.headers['accept-language']);
    if (!req.url.startsWith('/api/')) return;
    checkOrigin(config, req);
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.actor = await resolveSession(database.db, config, token, sessionCache);
      if (req.actor && !req.headers['accept-language']) req.locale = req.actor.locale;
    }
    const access = req.routeOptions.config?.access ?? 'session';
    if (access === 'public' || !req.routeOptions.url?.startsWith('/api/v1/')) return;
    if (!req.actor) throw new AppError(401, 'unauthenticated');
    checkCsrf(req, req.actor.csrfToken);
  });

  // A successful write by a member of a school makes that school's cached reads stale: when the
  // handler has finished (its transaction committed) and again when a streamed answer has ended.
  const markWrite = (req: { method: string; actor: { school: { id: string } | null } | null }, status: number) => {
    if (isUnsafe(req.method) && status < 400 && req.actor?.school) app.readCache.schoolChanged(req.actor.school.id);
  };
  app.addHook('onSend', async (req, reply, payload) => {
    markWrite(req, reply.statusCode);
    return payload;
  });
  app.addHook('onResponse', async (req, reply) => markWrite(req, reply.statusCode));

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await database.db.execute(sql`select 1`);
      return { status: 'ready', database: database.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(async (api) => installFeatures(api as App, features), { prefix: '/api/v1' });

  await registerWebAssets(app, deps.webRoot ?? paths.webRoot);

  return app;
}
