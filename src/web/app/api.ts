import i18n, { currentLang } from './i18n';

/** RFC 9457 problem+json as the server sends it; titles and messages are already localised. */
export type FieldProblem = { field: string; code: string; message: string };
export type Problem = { type?: string; title: string; status: number; code: string; detail?: string; errors?: FieldProblem[] };

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.title);
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
}

let csrfToken: string | null = null;
/** The CSRF token comes from POST /auth/login and GET /me; every unsafe request sends it. */
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
  accept?: string;
  signal?: AbortSignal;
};

const isProblem = (v: unknown): v is Problem =>
  typeof v === 'object' && v !== null && 'title' in v && typeof v.title === 'string' && 'status' in v && typeof v.status === 'number';

async function problemOf(res: Response): Promise<Problem> {
  try {
    const data: unknown = await res.json();
    if (isProblem(data)) return { ...data, code: typeof data.code === 'string' ? data.code : 'unknown' };
  } catch {
    // not JSON: fall through to a generic problem
  }
  return { title: res.statusText || 'Error', status: res.status, code: 'unknown' };
}

/** Low-level request under /api/v1 returning the Response; throws ApiError for any non-2xx. */
export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json', 'Accept-Language': currentLang() };
  let body = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.contentType) {
    headers['Content-Type'] = options.contentType;
  }
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ title: i18n.t('common.networkError'), status: 0, code: 'network' });
  }
  if (!res.ok) throw new ApiError(await problemOf(res));
  return res;
}

/** JSON request; resolves to undefined for 202/204 without a body. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await request(path, options);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  return data as T;
}

/** Builds a query string from defined, non-empty values. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Field errors of a problem, keyed by the field name the server used. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of error.problem.errors ?? []) if (!(e.field in out)) out[e.field] = e.message;
  return out;
}
