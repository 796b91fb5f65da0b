/**
 * A short-lived, per-process cache for hot school-scoped reads (the people list). An entry is
 * served for at most READ_TTL_MS and never after a successful write in the same school on this
 * instance: the app marks the school changed when any unsafe request of one of its members
 * succeeds (after the transaction has committed). Writes through another instance or the admin
 * command line show within READ_TTL_MS (docs/SCALING.md).
 */
export const READ_TTL_MS = 5_000;
const MAX_ENTRIES = 2_000;

export class ReadCache {
  constructor(private readonly ttlMs: number = READ_TTL_MS) {}

  private readonly entries = new Map<string, { body: string; at: number; schoolId: string }>();
  private readonly changedAt = new Map<string, number>();

  /** Everything cached for this school before now is stale. */
  schoolChanged(schoolId: string): void {
    this.changedAt.set(schoolId, Date.now());
  }

  async get(schoolId: string, key: string, load: () => Promise<unknown>): Promise<string> {
    const now = Date.now();
    const k = `${schoolId}|${key}`;
    const hit = this.entries.get(k);
    if (hit && now - hit.at < this.ttlMs && (this.changedAt.get(schoolId) ?? -1) < hit.at) return hit.body;
    const body = JSON.stringify(await load());
    if (this.ttlMs <= 0) return body;
    if (this.entries.size >= MAX_ENTRIES) {
      for (const [key2, e] of this.entries) if (now - e.at >= this.ttlMs) this.entries.delete(key2);
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    }
    // Stamped with the time the read began, so a write that lands meanwhile makes it stale.
    this.entries.set(k, { body, at: now, schoolId });
    return body;
  }
}
