import { serveTasks } from './worker-pool';

/** The worker the pool's test runs: echoes, fails, or keeps the CPU busy for a while or for ever. */
export type FixtureTask = { op: 'echo'; value: string } | { op: 'fail'; message: string } | { op: 'spin'; ms: number } | { op: 'forever' };

serveTasks((task: FixtureTask) => {
  switch (task.op) {
    case 'echo':
      return task.value;
    case 'fail':
      throw new RangeError(task.message);
    case 'spin': {
      const until = Date.now() + task.ms;
      while (Date.now() < until);
      return 'spun';
    }
    case 'forever':
      for (;;);
  }
});
