import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A real OpenID Connect provider (`oidc-provider`) in this process on a loopback port, for the
 * sign-in tests (docs/sign-in.md, "Tests") and the browser test:
 *
 *   const idp = await startOidcProvider({ flavour: 'unilogin', users: [uniloginUser({ uniid: 'abcd1234', email: 'x@skole.dk' })] });
 *   // register a provider in Retning with idp.issuer, idp.clientId, idp.clientSecret
 *   idp.signInAs('abcd1234');      // the next sign-in at the provider is this user
 *   ...                             // the browser (or followToCallback) goes through /start
 *   await idp.close();
 *
 * There is no login form: the provider's interaction step signs in, without a page, the user the
 * authorization request names in `login_hint`, else the one chosen with `signInAs`, else the
 * first user. Consent is granted at once. Each authorization request starts a new login (the
 * provider's own session cookie is ignored on it), so a browser can sign in as someone else next.
 *
 * `flavour` shapes the claims like the real thing: 'entra' gives `tid`, `oid`, `email`, `name`,
 * `preferred_username`; 'unilogin' gives `uniid`, `aktoer_gruppe`, `email`, `email_verified`, `name`.
 * Every redirect URI on a loopback address is accepted unless `redirectUris` is given.
 * `tamperNextIdToken` changes the next ID token the token endpoint issues (claims, or signed with a
 * key the provider does not publish), for the failure tests.
 */

export type OidcFlavour = 'entra' | 'unilogin' | 'oidc';
export type OidcUser = { id: string; claims: Record<string, unknown> };
export type IdTokenTamper = { claims?: (claims: Record<string, unknown>) => Record<string, unknown>; wrongKey?: boolean };

export type OidcProviderHandle = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds or replaces a user. */
  addUser(user: OidcUser): void;
  /** The user the next sign-in at the provider is (by id). */
  signInAs(user: string | OidcUser): void;
  tamperNextIdToken(t: IdTokenTamper): void;
  /** Follows an authorization URL through the provider's steps (no browser) to the redirect back to the client. */
  followToCallback(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
};

export const ENTRA_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';

/** An Entra ID user: the link key is `tid:oid`. */
export const entraUser = (u: { oid: string; tid?: string; email: string; name?: string }): OidcUser => ({
  id: u.oid,
  claims: { tid: u.tid ?? ENTRA_TENANT, oid: u.oid, email: u.email, name: u.name ?? u.email, preferred_username: u.email },
});

/** A UNI-Login user: the link key is `uniid`; `group` is the role group (Elev, Lærer, Medarbejder, Leder). */
export const uniloginUser = (u: { uniid: string; email: string; name?: string; group?: string }): OidcUser => ({
  id: u.uniid,
  claims: { uniid: u.uniid, email: u.email, email_verified: true, name: u.name ?? u.uniid, aktoer_gruppe: u.group ?? 'Elev' },
});

const FLAVOUR_CLAIMS: Record<OidcFlavour, Record<string, string[]>> = {
  entra: { openid: ['sub', 'tid', 'oid'], email: ['email'], profile: ['name', 'preferred_username'] },
  unilogin: { openid: ['sub', 'uniid', 'aktoer_gruppe'], email: ['email', 'email_verified'], profile: ['name'] },
  oidc: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
};

const LOOPBACK_URI = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//;

function rsaKey(kid: string): { jwk: Record<string, unknown>; key: KeyObject } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { jwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }, key: privateKey };
}

const b64json = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

function resign(idToken: string, tamper: IdTokenTamper, key: KeyObject): string {
  const [header = '', payload = ''] = idToken.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const body = `${header}.${b64json(tamper.claims ? tamper.claims(claims) : claims)}`;
  return `${body}.${sign('RSA-SHA256', Buffer.from(body), key).toString('base64url')}`;
}

export async function startOidcProvider(opts: {
  flavour: OidcFlavour;
  users?: OidcUser[];
  clientId?: string;
  clientSecret?: string;
  redirectUris?: string[];
  port?: number;
}): Promise<OidcProviderHandle> {
  const users = new Map((opts.users ?? []).map((u) => [u.id, u]));
  let chosen: string | null = null;
  let tamper: IdTokenTamper | null = null;
  const clientId = opts.clientId ?? 'retning';
  const clientSecret = opts.clientSecret ?? randomBytes(24).toString('base64url');
  const signing = rsaKey('test-key');
  // the same key id, another key: what a forged token looks like to the client
  const forger = rsaKey('test-key');

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  // a test file's process may end with the provider still listening (the authorization matrix's fixtures never close theirs)
  server.unref();
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris ?? ['http://localhost/api/v1/auth/oidc/callback'],
        post_logout_redirect_uris: ['http://localhost/log-ind'],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [signing.jwk] },
    claims: FLAVOUR_CLAIMS[opts.flavour],
    conformIdTokenClaims: false,
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const user = users.get(id);
      if (!user) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...user.claims }) };
    },
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const session = ctx.oidc.session;
      const client = ctx.oidc.client;
      if (!session?.accountId || !client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  if (!opts.redirectUris) {
    // any loopback callback (the tests' app.inject host, the browser test's port)
    provider.Client.prototype.redirectUriAllowed = (uri: string) => LOOPBACK_URI.test(uri);
    provider.Client.prototype.postLogoutRedirectUriAllowed = (uri: string) => LOOPBACK_URI.test(uri);
  }
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (ctx.path === '/token' && tamper && body && typeof body.id_token === 'string') {
      body.id_token = resign(body.id_token, tamper, tamper.wrongKey ? forger.key : signing.key);
      tamper = null;
    }
  });
  const handle = provider.callback();

  const interact = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    const hint = details.params.login_hint;
    const accountId = (typeof hint === 'string' && users.has(hint) ? hint : null) ?? chosen ?? [...users.keys()][0];
    if (!accountId) throw new Error('the test provider has no users');
    await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/interaction/')) {
      interact(req, res).catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
      return;
    }
    // a new login on every authorization request: the provider's session cookie is not looked at
    if (path === '/auth' && req.method === 'GET') delete req.headers.cookie;
    void handle(req, res);
  });

  const followToCallback = async (authorizationUrl: string): Promise<URL> => {
    const jar = new Map<string, string>();
    let url = new URL(authorizationUrl);
    for (let hop = 0; hop < 10; hop++) {
      if (url.origin !== issuer) return url;
      const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      for (const c of res.headers.getSetCookie()) {
        const [pair = ''] = c.split(';');
        const at = pair.indexOf('=');
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
      const location = res.headers.get('location');
      if (!location) throw new Error(`the provider answered ${res.status} without a redirect: ${(await res.text()).slice(0, 300)}`);
      url = new URL(location, url);
    }
    throw new Error('too many redirects at the provider');
  };

  return {
    issuer,
    clientId,
    clientSecret,
    addUser: (user) => void users.set(user.id, user),
    signInAs: (user) => {
      if (typeof user !== 'string') users.set(user.id, user);
      chosen = typeof user === 'string' ? user : user.id;
    },
    tamperNextIdToken: (t) => {
      tamper = t;
    },
    followToCallback,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
