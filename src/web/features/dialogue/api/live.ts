import { useMutation } from '@tanstack/react-query';
import type {
  TDialogueAnswerInput,
  TDialogueAnswerSaved,
  TDialogueComment,
  TDialogueCommentInput,
  TDialogueControlInput,
  TDialogueJoined,
  TDialogueJoinInput,
  TLiveState,
} from '../../../../shared/api/dialogue';
import { ApiError, type Problem, api } from '../../../app/api';
import i18n, { currentLang } from '../../../app/i18n';

/*
 * The live session over HTTP: the routes the live client falls back to when the WebSocket cannot be
 * opened, the join, and where the WebSocket is. A participant is named by its token in the
 * X-Dialogue-Token header (never in an address, which proxies log).
 */

export type LiveTarget = { kind: 'staff'; sessionId: string; view: 'facilitator' | 'screen' } | { kind: 'participant'; code: string; token: string };

const TOKEN_HEADER = 'X-Dialogue-Token';

/**
 * A participant's request: the app's client sends no custom headers, so this one adds the token and
 * turns a refusal into the same ApiError (the server's localised problem) the rest of the UI shows.
 */
async function asParticipant<T>(token: string, path: string, method: 'GET' | 'PUT' | 'POST' = 'GET', json?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLang(), [TOKEN_HEADER]: token };
  const init: RequestInit = { method, headers, credentials: 'omit' };
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  }
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, init);
  } catch {
    throw new ApiError({ title: i18n.t('common.networkError'), status: 0, code: 'network' });
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const p = typeof body === 'object' && body !== null ? (body as Partial<Problem>) : {};
    throw new ApiError({ title: typeof p.title === 'string' ? p.title : res.statusText, status: res.status, code: typeof p.code === 'string' ? p.code : 'unknown', errors: p.errors });
  }
  return body as T;
}

/** The WebSocket's path under /api/v1. */
export const socketPath = (t: LiveTarget): string =>
  t.kind === 'staff' ? `/dialogue/sessions/${t.sessionId}/socket?view=${t.view}` : `/dialogue/live/${encodeURIComponent(t.code)}/socket`;

/** GET the state the WebSocket would push. */
export const fetchLiveState = (t: LiveTarget): Promise<TLiveState> =>
  t.kind === 'staff'
    ? api<TLiveState>(`/dialogue/sessions/${t.sessionId}/${t.view === 'screen' ? 'screen' : 'live'}`)
    : asParticipant<TLiveState>(t.token, `/dialogue/live/${encodeURIComponent(t.code)}/state`);

type Participant = Extract<LiveTarget, { kind: 'participant' }>;

/** PUT an answer as a participant. */
export const postAnswer = (t: Participant, itemId: string, input: TDialogueAnswerInput) =>
  asParticipant<TDialogueAnswerSaved>(t.token, `/dialogue/live/${encodeURIComponent(t.code)}/items/${encodeURIComponent(itemId)}/answer`, 'PUT', input);

/** POST a comment as a participant. */
export const postComment = (t: Participant, input: TDialogueCommentInput) =>
  asParticipant<TDialogueComment>(t.token, `/dialogue/live/${encodeURIComponent(t.code)}/comments`, 'POST', input);

/** POST a control as the facilitator. */
export const postControl = (sessionId: string, input: TDialogueControlInput) =>
  api<TLiveState>(`/dialogue/sessions/${sessionId}/control`, { method: 'POST', json: input });

/** POST /dialogue/join: a participant token for this browser (or the same participant again with the kept token). */
export const useJoin = () => useMutation({ mutationFn: (input: TDialogueJoinInput) => api<TDialogueJoined>('/dialogue/join', { method: 'POST', json: input }) });

const storageKey = (code: string) => `retning.dialogue.${code.toUpperCase()}`;

/** The participant this browser is in the session with the code, if any (one browser is one participant). */
export function keptJoin(code: string): TDialogueJoined | null {
  try {
    const raw = window.localStorage.getItem(storageKey(code));
    if (!raw) return null;
    const v: unknown = JSON.parse(raw);
    if (typeof v === 'object' && v !== null && 'token' in v && typeof v.token === 'string' && 'sessionId' in v && typeof v.sessionId === 'string') {
      const nickname = 'nickname' in v && typeof v.nickname === 'string' ? v.nickname : null;
      return { sessionId: v.sessionId, code: code.toUpperCase(), token: v.token, nickname };
    }
  } catch {
    // storage blocked or spoilt: join again
  }
  return null;
}

export function keepJoin(joined: TDialogueJoined): void {
  try {
    window.localStorage.setItem(storageKey(joined.code), JSON.stringify(joined));
  } catch {
    // private mode without storage: this page still works, a reload joins again
  }
}

export function forgetJoin(code: string): void {
  try {
    window.localStorage.removeItem(storageKey(code));
  } catch {
    // nothing kept
  }
}
