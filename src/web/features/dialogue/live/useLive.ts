import { useCallback, useEffect, useRef, useState } from 'react';
import { LiveConnection, type LiveMode, type LiveOptions } from './connection';

export type Live<S> = {
  state: S | null;
  mode: LiveMode;
  /** The last failed poll, cleared by the next state. */
  error: unknown;
  /** Sends a command over the WebSocket; false when it is not open (send it over HTTP instead). */
  send: (command: unknown) => boolean;
  /** Reads the state again over HTTP while polling (after a command sent over HTTP). */
  refresh: () => void;
  /** Takes a state from an HTTP answer at once. */
  offer: (state: S) => void;
};

export type LiveConfig<S> = Omit<LiveOptions<S>, 'onState' | 'onMode' | 'onPollError'> & {
  /** A new key (another session or participant) opens a new connection. */
  key: string;
  /** Grows with every change: a state older than the one held is dropped (a slow poll after a push). */
  version: (state: S) => number;
};

/**
 * The generic live hook under the facilitator's view, the big screen and the participant's phone:
 * the state the server pushes, whether it comes live or by polling, and a way to send commands.
 * The callbacks are read fresh on every message, so they need not be stable.
 */
export function useLive<S>(config: LiveConfig<S> | null): Live<S> {
  const [state, setState] = useState<S | null>(null);
  const [mode, setMode] = useState<LiveMode>('connecting');
  const [error, setError] = useState<unknown>(null);
  const connection = useRef<LiveConnection<S> | null>(null);
  const latest = useRef(config);
  useEffect(() => {
    latest.current = config;
  });
  const key = config?.key ?? null;

  const offer = useCallback((next: S) => {
    const c = latest.current;
    setState((held) => (held !== null && c && c.version(next) < c.version(held) ? held : next));
    setError(null);
  }, []);

  useEffect(() => {
    const c = latest.current;
    if (key === null || !c) return;
    setState(null);
    const live = new LiveConnection<S>({
      wsUrl: c.wsUrl,
      hello: () => (latest.current ?? c).hello?.(),
      read: (m) => (latest.current ?? c).read(m),
      onOther: (m) => (latest.current ?? c).onOther?.(m),
      onClose: (code) => (latest.current ?? c).onClose?.(code) ?? false,
      poll: () => (latest.current ?? c).poll(),
      onState: offer,
      onMode: setMode,
      onPollError: setError,
    });
    connection.current = live;
    live.start();
    return () => {
      live.stop();
      connection.current = null;
    };
  }, [key, offer]);

  const send = useCallback((command: unknown) => connection.current?.send(command) ?? false, []);
  const refresh = useCallback(() => connection.current?.refresh(), []);
  return { state, mode, error, send, refresh, offer };
}
