import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { Executor } from '../db/client';
import type { Actor, SchoolActor } from './actor';
import { requireSchool } from './actor';
import type { AppDeps } from './deps';
import { AppError } from './errors';
import type { App } from './http';
import { authorize, type Action, type ResourceOf } from './policy';
import { ownOrigin } from './security';
import { resolveSession, SESSION_COOKIE } from './sessions';

/**
 * WebSocket routes through the kernel. A socket route is declared once, like an HTTP route
 * (`socketRoute({...})` in a feature's manifest under `sockets`), and the kernel runs the same steps
 * for it: Origin (before the upgrade: a page of another site gets no socket at all, so cross-site
 * WebSocket hijacking is refused) → session → school → validated params → school-scoped `load` →
 * `authorize` → the feature's `connect`. A step that refuses after the upgrade closes the socket with
 * 4000 + the HTTP status (4400 bad input, 4401 no session, 4403 not allowed, 4404 not found), since a
 * browser never sees the status of a refused upgrade. Messages over `MAX_SOCKET_MESSAGE_BYTES` close
 * the socket (1009).
 */
export const MAX_SOCKET_MESSAGE_BYTES = 16 * 1024;

/** Marks a Fastify route as a kernel socket route; app.ts keeps these out of the HTTP route table. */
export const REALTIME = 'retning.realtime';

export type SocketAccess = 'public' | 'school';
type ActorFor<Acc extends SocketAccess> = Acc extends 'school' ? SchoolActor : Actor | null;

export type SocketLoadContext<Acc extends SocketAccess, P> = {
  req: FastifyRequest;
  actor: ActorFor<Acc>;
  deps: AppDeps;
  db: Executor;
  params: P extends z.ZodType ? z.output<P> : undefined;
};

export type SocketContext<Acc extends SocketAccess, P, Res> = SocketLoadContext<Acc, P> & { socket: WebSocket; resource: Res };

export type SocketSpec<Acc extends SocketAccess, P, A extends Action, Res> = {
  /** Path under /api/v1 (a GET that upgrades). */
  url: string;
  summary: string;
  /** 'school' (default): the session cookie of a member of a school; 'public': the feature authenticates in its protocol (a token). */
  access?: Acc;
  action: Acc extends 'public' ? null : A;
  params?: P;
  load?: (c: SocketLoadContext<Acc, P>) => Promise<Res>;
  policyResource?: (res: Res) => ResourceOf<A> | undefined;
  /** The socket is open and every step has passed: the feature's protocol takes over. Messages are held until it has returned (or its promise resolved). */
  connect: (c: SocketContext<Acc, P, Res>) => void | Promise<void>;
};

/** A socket route as the kernel keeps it, its types erased. */
export type SocketDef = SocketSpec<SocketAccess, unknown, Action, unknown> & { readonly __socket: true };

export function socketRoute<A extends Action, Acc extends SocketAccess = 'school', P extends z.ZodType | undefined = undefined, Res = undefined>(
  spec: SocketSpec<Acc, P, A, Res>,
): SocketDef {
  return { ...spec, __socket: true } as unknown as SocketDef;
}

/** The close code for a refusal: 4000 + its HTTP status (422 is bad input, 4400); anything unexpected is 1011. */
export function closeCodeOf(err: unknown): number {
  if (!(err instanceof AppError)) return 1011;
  return err.status === 422 ? 4400 : 4000 + err.status;
}

/** How often every socket is pinged; one that has not answered the last ping by the next is ended. */
export const HEARTBEAT_MS = 30_000;

/**
 * Ends sockets whose other end is gone without a close (a phone asleep, a network that dropped),
 * so that they do not hold a session's hub and its pushes for ever. Pongs are answered by browsers
 * on their own.
 */
export function keepSocketsAlive(app: App, everyMs = HEARTBEAT_MS): void {
  const silent = new WeakSet<WebSocket>();
  app.websocketServer.on('connection', (socket: WebSocket) => socket.on('pong', () => silent.delete(socket)));
  const timer = setInterval(() => {
    for (const socket of app.websocketServer.clients) {
      if (silent.has(socket)) {
        socket.terminate();
        continue;
      }
      silent.add(socket);
      socket.ping();
    }
  }, everyMs);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

/** Closes a socket that may be paused: the closing handshake needs the client's answer read. */
export function closeSocket(socket: WebSocket, code: number): void {
  socket.resume();
  socket.close(code);
}

/** Refuses an upgrade sent by a page of another site (the browser always sends Origin on a WebSocket). */
function refuseForeignOrigin(deps: AppDeps) {
  return async (req: FastifyRequest) => {
    const origin = req.headers.origin;
    if (origin === 'null' || (origin !== undefined && origin !== ownOrigin(deps.config, req))) throw new AppError(403, 'foreign_origin');
    if (req.headers['sec-fetch-site'] === 'cross-site') throw new AppError(403, 'foreign_origin');
  };
}

async function admit(def: SocketDef, req: FastifyRequest, deps: AppDeps): Promise<{ actor: Actor | null; params: unknown; resource: unknown }> {
  let actor: Actor | null = req.actor;
  if (def.access !== 'public') {
    if (!actor) throw new AppError(401, 'unauthenticated');
    actor = requireSchool(actor);
  }
  let params: unknown = undefined;
  if (def.params) {
    const parsed = (def.params as z.ZodType).safeParse(req.params);
    if (!parsed.success) throw new AppError(422, 'validation_failed');
    params = parsed.data;
  }
  const ctx = { req, actor, deps, db: deps.database.db, params } as never;
  const resource = def.load ? await def.load(ctx) : undefined;
  if (def.action && actor) authorize(actor, def.action, (def.policyResource ? def.policyResource(resource) : resource) as never);
  return { actor, params, resource };
}

/**
 * A signed-in socket lives longer than any request: every RECHECK_MS its session is resolved again
 * and the steps run again, so a sign-out, a lost role or a switched school ends it (4401/4403/4404).
 */
export const RECHECK_MS = 30_000;

function recheck(app: App, def: SocketDef, req: FastifyRequest, socket: WebSocket): void {
  const token = req.cookies[SESSION_COOKIE];
  const timer = setInterval(() => {
    void (async () => {
      req.actor = token ? await resolveSession(app.deps.database.db, app.deps.config, token, app.sessionCache) : null;
      await admit(def, req, app.deps);
    })().catch((err: unknown) => closeSocket(socket, closeCodeOf(err)));
  }, RECHECK_MS);
  timer.unref();
  socket.once('close', () => clearInterval(timer));
}

/** Registers a feature's socket routes (inside the /api/v1 prefix). */
export function installSockets(app: App, defs: readonly SocketDef[], marker: string): void {
  for (const def of defs) {
    if (def.access !== 'public' && !def.action) throw new Error(`socket ${def.url}: a socket that needs a session must name its policy action`);
    if (def.access === 'public' && def.action) throw new Error(`socket ${def.url}: a public socket has no signed-in actor to authorize`);
    const deps = app.deps;
    app.route({
      method: 'GET',
      url: def.url,
      websocket: true,
      // 'public' at the HTTP level: the session is checked here, after the upgrade, so a refusal is a close code the browser can read.
      config: { access: 'public', action: def.action ?? undefined, [marker]: true, [REALTIME]: true },
      schema: { hide: true, summary: def.summary },
      preValidation: refuseForeignOrigin(deps),
      handler: (socket: WebSocket, req: FastifyRequest) => {
        // Messages that arrive while the steps run are held until the feature listens.
        socket.pause();
        admit(def, req, deps)
          .then(async ({ actor, params, resource }) => {
            if (socket.readyState !== socket.OPEN) return;
            await def.connect({ req, actor, deps, db: deps.database.db, params, socket, resource } as never);
            socket.resume();
            if (def.access !== 'public') recheck(app, def, req, socket);
          })
          .catch((err: unknown) => {
            if (closeCodeOf(err) === 1011) req.log.error({ err }, 'socket refused by an unexpected error');
            closeSocket(socket, closeCodeOf(err));
          });
      },
    } as never);
  }
}
