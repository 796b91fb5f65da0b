import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';

/**
 * CPU work that can take long (sanitising a large rich-text body, linking a glossary through it)
 * runs in worker threads, so the event loop keeps answering every other request meanwhile.
 *
 * A pool runs one task per worker at a time, queues the rest, and bounds each task in time: a task
 * over `timeoutMs` has its worker terminated (whatever it was doing stops) and is rejected with a
 * WorkerTimeoutError. Workers start on first use and do not keep the process alive while idle.
 *
 * A worker module calls `serveTasks(fn)`; its entry is the TypeScript source (tests, tsx) or the
 * bundle of the same name next to the server bundle (scripts/build-server.mjs builds it).
 */
export type WorkerEntry = {
  /** The worker module's source, `new URL('./x-worker.ts', import.meta.url)` in the module that owns the pool. */
  source: URL;
  /** The bundle's file name next to dist/server/main.mjs, e.g. 'x-worker.mjs'. */
  bundle: string;
};

export class WorkerTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`the task took longer than ${timeoutMs} ms`);
    this.name = 'WorkerTimeoutError';
  }
}

type Task<In, Out> = { input: In; resolve: (value: Out) => void; reject: (error: Error) => void };
type Slot<In, Out> = { worker: Worker; ready: boolean; task: Task<In, Out> | null; timer: NodeJS.Timeout | null };
type Reply = { ready: true } | { ok: true; value: unknown } | { ok: false; name: string; message: string };

/** Workers beside the main thread and the embedded database's worker on a small machine: 1 on 2 cores, at most 4. */
export const defaultPoolSize = () => Math.max(1, Math.min(4, availableParallelism() - 1));

const fromSource = import.meta.url.endsWith('.ts');

function spawn(entry: WorkerEntry): Worker {
  if (!fromSource) return new Worker(new URL(`./${entry.bundle}`, import.meta.url));
  // From the TypeScript sources the worker registers tsx first, as the main thread did.
  return new Worker(`import('tsx/esm/api').then((t) => t.register()).then(() => import(${JSON.stringify(entry.source.href)}))`, { eval: true });
}

export class WorkerPool<In, Out> {
  private readonly slots: Slot<In, Out>[] = [];
  private readonly queue: Task<In, Out>[] = [];
  private closed = false;

  constructor(
    private readonly entry: WorkerEntry,
    private readonly options: { size?: number; timeoutMs: number },
  ) {}

  /** Runs one task in a worker; rejects with WorkerTimeoutError past the time limit, or with the worker's error. */
  run(input: In): Promise<Out> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  /** Tasks waiting for a worker (for tests and figures). */
  get waiting(): number {
    return this.queue.length;
  }

  /** Stops every worker; running and queued tasks are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const error = new Error('the worker pool is closed');
    for (const task of this.queue.splice(0)) task.reject(error);
    await Promise.all([...this.slots].map((slot) => this.retire(slot, error)));
  }

  private dispatch(): void {
    while (this.queue.length) {
      const idle = this.slots.find((s) => s.ready && !s.task);
      if (idle) {
        this.start(idle, this.queue.shift() as Task<In, Out>);
        continue;
      }
      // a worker that is still starting takes the next task when it is ready
      const starting = this.slots.filter((s) => !s.ready).length;
      if (starting < this.queue.length && this.slots.length < (this.options.size ?? defaultPoolSize())) {
        this.slots.push(this.open());
        continue;
      }
      return;
    }
  }

  private open(): Slot<In, Out> {
    // a worker is opened for a waiting task: it keeps the process alive until it is ready
    const worker = spawn(this.entry);
    const slot: Slot<In, Out> = { worker, ready: false, task: null, timer: null };
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        slot.ready = true;
        worker.unref();
        this.dispatch();
        return;
      }
      const task = slot.task;
      this.finish(slot);
      if (!task) return;
      if (reply.ok) task.resolve(reply.value as Out);
      else task.reject(Object.assign(new Error(reply.message), { name: reply.name }));
      this.dispatch();
    });
    const fail = (error: Error) => {
      const task = slot.task;
      this.finish(slot);
      this.slots.splice(this.slots.indexOf(slot), 1);
      task?.reject(error);
      // a worker that failed to start would fail again: the queue fails with it
      if (!slot.ready) for (const queued of this.queue.splice(0)) queued.reject(error);
      this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(new Error(`a worker stopped (exit code ${code})`));
    });
    return slot;
  }

  private start(slot: Slot<In, Out>, task: Task<In, Out>): void {
    slot.task = task;
    // a running task keeps the process alive until it has its answer
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      slot.task = null;
      void this.retire(slot, null);
      task.reject(new WorkerTimeoutError(this.options.timeoutMs));
      this.dispatch();
    }, this.options.timeoutMs);
    slot.worker.postMessage(task.input);
  }

  private finish(slot: Slot<In, Out>): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    slot.worker.unref();
  }

  private async retire(slot: Slot<In, Out>, error: Error | null): Promise<void> {
    const task = slot.task;
    this.finish(slot);
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    if (task && error) task.reject(error);
    await slot.worker.terminate();
  }
}

/** The worker side: answers each task the pool sends with `fn`'s result (or its error). */
export function serveTasks<In, Out>(fn: (input: In) => Out | Promise<Out>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  port.on('message', async (input: In) => {
    try {
      port.postMessage({ ok: true, value: await fn(input) } satisfies Reply);
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      port.postMessage({ ok: false, name: error.name, message: error.message } satisfies Reply);
    }
  });
  port.postMessage({ ready: true } satisfies Reply);
}
