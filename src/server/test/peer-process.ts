import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on the loopback interface. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

/**
 * The server (src/server/main.ts) in a process of its own on the given PostgreSQL database, as a
 * second instance behind a load balancer: no demo data, no background jobs. Resolves once it answers
 * /readyz; `close` ends it.
 */
export async function startPeerProcess(databaseUrl: string): Promise<{ base: string; close(): Promise<void> }> {
  const port = await freePort();
  // Only what the server reads (src/server/config.ts), nothing inherited: the peer gets no TEST_DATABASE_URL.
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'main.ts')], {
    env: {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'retning-peer-')),
      JOBS_INTERVAL_MINUTES: '0',
      SEED_DEMO: 'never',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the peer process ended (${child.exitCode}): ${stderr}`);
    const ready = await fetch(`${base}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the peer process did not answer /readyz: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    close: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
