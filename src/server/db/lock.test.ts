import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock';

describe('data directory lock', () => {
  it('refuses a second holder while the first lives, and frees the directory on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'retning-lock-'));
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'retning.lock'), 'utf8')).toBe(String(process.pid));
    // A second process on the same directory must fail at once with a clear message.
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', `import('${new URL('./lock.ts', import.meta.url).pathname}').then(m => m.lockDataDir(${JSON.stringify(dir)}))`], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(child.status).not.toBe(0);
    expect(child.stderr).toMatch(/bruges allerede af en anden Retning-proces/);
    release();
    expect(existsSync(join(dir, 'retning.lock'))).toBe(false);
    lockDataDir(dir)();
  });

  it('takes over a lock left by a dead process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'retning-lock-'));
    writeFileSync(join(dir, 'retning.lock'), '999999');
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'retning.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('names the directory and the holder in the error', () => {
    const err = new DataDirLockedError('/data', 42);
    expect(err.message).toMatch(/\/data/);
    expect(err.message).toMatch(/42/);
  });
});
