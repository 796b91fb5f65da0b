import type { AppDeps } from './deps';

/**
 * Live changes between the code that makes them (a command after its commit) and the connections
 * that show them (WebSockets of this instance). A topic is a string such as `dialogue:<sessionId>`;
 * a message is a short string (PostgreSQL NOTIFY payloads are limited to 8,000 bytes).
 *
 * On the embedded database there is one instance, and the bus is in-process. With several
 * instances on one PostgreSQL the bus also carries each message to the others (LISTEN/NOTIFY).
 */
export interface RealtimeBus {
  /** Delivers `message` to every subscriber of `topic` on every instance. Call it after the change has committed. */
  publish(topic: string, message: string): void;
  /** Calls `fn` for every message on `topic` (from any instance); returns the unsubscribe. */
  subscribe(topic: string, fn: (message: string) => void): () => void;
  close(): Promise<void>;
}

/** One process: subscribers are called on the next tick, never inside the publisher's stack. */
export class InProcessBus implements RealtimeBus {
  private readonly topics = new Map<string, Set<(message: string) => void>>();

  publish(topic: string, message: string): void {
    const subs = this.topics.get(topic);
    if (!subs || subs.size === 0) return;
    for (const fn of [...subs]) queueMicrotask(() => fn(message));
  }

  subscribe(topic: string, fn: (message: string) => void): () => void {
    let subs = this.topics.get(topic);
    if (!subs) this.topics.set(topic, (subs = new Set()));
    subs.add(fn);
    return () => {
      subs.delete(fn);
      if (subs.size === 0) this.topics.delete(topic);
    };
  }

  async close(): Promise<void> {
    this.topics.clear();
  }
}

const fallback = new WeakMap<AppDeps, RealtimeBus>();

/** The app's bus: the one given in its deps, else one in-process bus per deps object. */
export function busOf(deps: AppDeps): RealtimeBus {
  if (deps.bus) return deps.bus;
  let bus = fallback.get(deps);
  if (!bus) fallback.set(deps, (bus = new InProcessBus()));
  return bus;
}
