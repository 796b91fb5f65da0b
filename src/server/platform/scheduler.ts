/** A background job: run at start (after a short delay) and then at every interval, never two runs at once. */
export type Job = { name: string; run: (now: Date) => Promise<unknown> };
export type JobLog = {
  info: (msg: string) => void;
  error: (msg: string, err: unknown) => void;
  /** Hears every run with its duration and outcome (the figures on /metrics). */
  ran?: (job: string, seconds: number, ok: boolean) => void;
};
export type Scheduler = { runNow(): Promise<void>; stop(): Promise<void> };

/**
 * Runs the jobs one after another at a fixed interval inside the server process. A failing job is
 * logged and does not stop the others; a run that is still going when the next is due is skipped.
 * The timers never keep the process alive, and stop() waits for a run in progress.
 */
export function startScheduler(jobs: Job[], intervalMs: number, log: JobLog, firstDelayMs = 15_000): Scheduler {
  let running: Promise<void> | null = null;
  let stopped = false;
  const runAll = async () => {
    for (const job of jobs) {
      if (stopped) return;
      const started = performance.now();
      try {
        const result = await job.run(new Date());
        log.ran?.(job.name, (performance.now() - started) / 1000, true);
        log.info(`job ${job.name}: ${JSON.stringify(result ?? null)}`);
      } catch (err) {
        log.ran?.(job.name, (performance.now() - started) / 1000, false);
        log.error(`job ${job.name} failed`, err);
      }
    }
  };
  const tick = () => {
    if (running || stopped) return running ?? Promise.resolve();
    running = runAll().finally(() => {
      running = null;
    });
    return running;
  };
  const first = setTimeout(() => void tick(), firstDelayMs);
  const every = setInterval(() => void tick(), intervalMs);
  first.unref();
  every.unref();
  return {
    runNow: tick,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
