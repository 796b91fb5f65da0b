/**
 * The live connection to a session, without React: a WebSocket that reconnects with back-off, and
 * polling of the HTTP state route while the WebSocket cannot be opened (a school's proxy may block
 * it) or keeps failing. The server holds the state; every message it pushes replaces ours.
 */

export type LiveMode = 'connecting' | 'live' | 'polling';

export type LiveOptions<S> = {
  /** Absolute ws:// or wss:// address of the session's WebSocket. */
  wsUrl: string;
  /** The first message after opening (the participant's token, or nothing for the facilitator's cookie). */
  hello?: () => unknown;
  /** The state from a pushed message, or null for a message that is not a state (an acknowledgement, an error). */
  read: (message: unknown) => S | null;
  /** A pushed message that is not a state. */
  onOther?: (message: unknown) => void;
  /** The socket closed with this code (4000 + an HTTP status when the server refused it); true stops reconnecting. */
  onClose?: (code: number) => boolean;
  /** The HTTP state route, used while polling. */
  poll: () => Promise<S>;
  onState: (state: S) => void;
  onMode: (mode: LiveMode) => void;
  /** A poll that failed (e.g. the session is gone); polling goes on. */
  onPollError?: (error: unknown) => void;
};

/** Back-off after a dropped connection: 0.5 s doubling to 10 s, with jitter so a room does not reconnect at once. */
export const BACKOFF_START_MS = 500;
export const BACKOFF_MAX_MS = 10_000;
/** After this many attempts in a row that never opened (or dropped within STABLE_MS), poll instead. */
export const FAILURES_BEFORE_POLLING = 3;
export const POLL_MS = 2_000;
/** While polling, the WebSocket is tried again this often, so a passing failure does not leave a room polling. */
export const RETRY_WS_WHILE_POLLING_MS = 30_000;
/** A connection that lived this long counts as working; its drop starts the back-off over. */
const STABLE_MS = 5_000;

export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** attempt);
  return Math.round(base * (0.75 + random() * 0.5));
}

export class LiveConnection<S> {
  private socket: WebSocket | null = null;
  private failures = 0;
  private openedAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private mode: LiveMode = 'connecting';
  private readonly options: LiveOptions<S>;

  constructor(options: LiveOptions<S>) {
    this.options = options;
  }

  start(): void {
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    const s = this.socket;
    this.socket = null;
    s?.close();
  }

  /** Sends a command over the WebSocket; false when it is not open (the caller uses the HTTP route). */
  send(command: unknown): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(command));
    return true;
  }

  /** Reads the state over HTTP now (after a command sent over HTTP while polling). */
  refresh(): void {
    if (this.mode === 'polling') void this.pollOnce();
  }

  private setMode(mode: LiveMode): void {
    if (this.mode === mode) return;
    this.mode = mode;
    this.options.onMode(mode);
  }

  private clearTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.timer = null;
    this.pollTimer = null;
  }

  private connect(): void {
    if (this.stopped) return;
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.options.wsUrl);
    } catch {
      this.failed();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.openedAt = Date.now();
      const hello = this.options.hello?.();
      if (hello !== undefined) socket.send(JSON.stringify(hello));
      if (this.pollTimer) clearTimeout(this.pollTimer);
      this.pollTimer = null;
      this.setMode('live');
    };
    socket.onmessage = (event) => {
      let message: unknown;
      try {
        message = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const state = this.options.read(message);
      if (state !== null) this.options.onState(state);
      else this.options.onOther?.(message);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      if (this.options.onClose?.(event.code) === true) {
        this.stop();
        return;
      }
      this.socket = null;
      const lived = this.openedAt > 0 && Date.now() - this.openedAt >= STABLE_MS;
      this.openedAt = 0;
      if (lived) this.failures = 0;
      this.failed();
    };
  }

  private failed(): void {
    if (this.stopped) return;
    this.failures += 1;
    if (this.failures >= FAILURES_BEFORE_POLLING) {
      this.setMode('polling');
      if (!this.pollTimer) void this.pollOnce();
      this.timer = setTimeout(() => this.connect(), RETRY_WS_WHILE_POLLING_MS);
      return;
    }
    this.setMode('connecting');
    // the state may have moved while we were away: read it once over HTTP as we wait
    void this.pollOnce(false);
    this.timer = setTimeout(() => this.connect(), backoffDelay(this.failures - 1));
  }

  private async pollOnce(repeat = true): Promise<void> {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    try {
      const state = await this.options.poll();
      if (!this.stopped) this.options.onState(state);
    } catch (e) {
      this.options.onPollError?.(e);
    }
    if (repeat && !this.stopped && this.mode === 'polling') this.pollTimer = setTimeout(() => void this.pollOnce(), POLL_MS);
  }
}

/** The WebSocket address for a path under /api/v1 on this origin. */
export const wsAddress = (path: string): string => `${window.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${window.location.host}/api/v1${path}`;
