import { afterAll, describe, expect, it } from 'vitest';
import type { FixtureTask } from './worker-pool.fixture';
import { WorkerPool, WorkerTimeoutError } from './worker-pool';

const entry = { source: new URL('./worker-pool.fixture.ts', import.meta.url), bundle: 'worker-pool-fixture.mjs' };
const pool = new WorkerPool<FixtureTask, string>(entry, { size: 2, timeoutMs: 3_000 });
afterAll(() => pool.close());

/** The longest gap between ticks of a 5 ms interval while `work` runs: how long the event loop was blocked. */
async function longestStall<T>(work: Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  try {
    return { result: await work, stallMs };
  } finally {
    clearInterval(tick);
  }
}

describe('worker pool', () => {
  it('answers with the worker’s result, and rejects with its error', async () => {
    expect(await pool.run({ op: 'echo', value: 'Ærø' })).toBe('Ærø');
    await expect(pool.run({ op: 'fail', message: 'for stor' })).rejects.toMatchObject({ name: 'RangeError', message: 'for stor' });
  });

  it('keeps the event loop free while a task holds a CPU for a second', async () => {
    await pool.run({ op: 'echo', value: 'warm' });
    const { result, stallMs } = await longestStall(pool.run({ op: 'spin', ms: 1_000 }));
    expect(result).toBe('spun');
    expect(stallMs).toBeLessThan(100);
  });

  it('stops a task past its time limit, and the next task gets a fresh worker', async () => {
    const started = performance.now();
    await expect(pool.run({ op: 'forever' })).rejects.toBeInstanceOf(WorkerTimeoutError);
    expect(performance.now() - started).toBeLessThan(6_000);
    expect(await pool.run({ op: 'echo', value: 'igen' })).toBe('igen');
  }, 20_000);

  it('queues tasks beyond its size and runs them all', async () => {
    const small = new WorkerPool<FixtureTask, string>(entry, { size: 1, timeoutMs: 5_000 });
    try {
      const runs = [small.run({ op: 'spin', ms: 50 }), small.run({ op: 'echo', value: 'b' }), small.run({ op: 'echo', value: 'c' })];
      expect(small.waiting).toBe(3);
      expect(await Promise.all(runs)).toEqual(['spun', 'b', 'c']);
    } finally {
      await small.close();
    }
  }, 20_000);

  it('rejects what is still queued when it is closed', async () => {
    const closing = new WorkerPool<FixtureTask, string>(entry, { size: 1, timeoutMs: 5_000 });
    const running = expect(closing.run({ op: 'spin', ms: 200 })).rejects.toThrow(/closed/);
    const queued = expect(closing.run({ op: 'echo', value: 'aldrig' })).rejects.toThrow(/closed/);
    await closing.close();
    await Promise.all([running, queued]);
    await expect(closing.run({ op: 'echo', value: 'x' })).rejects.toThrow(/closed/);
  }, 20_000);
});
