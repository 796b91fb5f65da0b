import { describe, expect, it } from 'vitest';
import { startScheduler } from './scheduler';

const quiet = () => ({ infos: [] as string[], errors: [] as string[] });

describe('scheduler', () => {
  it('runs every job, logs a failure and goes on with the next', async () => {
    const seen: string[] = [];
    const log = quiet();
    const s = startScheduler(
      [
        { name: 'fails', run: async () => { seen.push('fails'); throw new Error('boom'); } },
        { name: 'works', run: async () => { seen.push('works'); return { n: 1 }; } },
      ],
      3_600_000,
      { info: (m) => log.infos.push(m), error: (m) => log.errors.push(m) },
      3_600_000,
    );
    await s.runNow();
    expect(seen).toEqual(['fails', 'works']);
    expect(log.errors).toEqual(['job fails failed']);
    expect(log.infos).toEqual(['job works: {"n":1}']);
    await s.stop();
  });

  it('never starts a second run while one is going, and stop waits for it', async () => {
    let runs = 0;
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const s = startScheduler([{ name: 'slow', run: async () => { runs++; await gate; } }], 3_600_000, { info: () => {}, error: () => {} }, 3_600_000);
    const first = s.runNow();
    const second = s.runNow();
    expect(runs).toBe(1);
    const stopping = s.stop();
    release();
    await Promise.all([first, second, stopping]);
    expect(runs).toBe(1);
    await s.runNow();
    expect(runs).toBe(1); // stopped
  });

  it('runs on its own after the first delay', async () => {
    let runs = 0;
    const s = startScheduler([{ name: 'tick', run: async () => void runs++ }], 3_600_000, { info: () => {}, error: () => {} }, 10);
    await expect.poll(() => runs, { timeout: 2000 }).toBe(1);
    await s.stop();
  });
});
