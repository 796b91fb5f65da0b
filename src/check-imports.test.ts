import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The lint step's import boundaries (scripts/check-imports.mjs), tried on a small tree made to break them. */
const root = mkdtempSync(join(tmpdir(), 'retning-imports-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};
const check = (dir: string) => spawnSync(process.execPath, ['scripts/check-imports.mjs', dir], { encoding: 'utf8' });

describe('import boundaries', () => {
  it('pass on the project as it is', () => {
    const r = check('src');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it("fail on another feature's internals, a platform → feature import, web features importing each other and a cycle", () => {
    write('server/features/a/routes.ts', "import { b } from '../b/commands';\nexport const a = b;\n");
    write('server/features/b/commands.ts', "export const b = 1;\n");
    write('server/features/b/api.ts', "export { b } from './commands';\n");
    write('server/features/c/routes.ts', "import { b } from '../b/api';\nexport const c = b;\n");
    write('server/platform/kernel.ts', "import { a } from '../features/a/routes';\nexport const k = a;\n");
    write('web/features/x/page.tsx', "import { y } from '../y/page';\nexport const x = y;\n");
    write('web/features/y/page.tsx', "import { x } from '../x/page';\nexport const y = x;\n");
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("server/features/a/routes.ts imports");
    expect(r.stderr).toContain("another feature's internals");
    expect(r.stderr).not.toContain('features/c/routes.ts');
    expect(r.stderr).toContain('the platform knows no feature');
    expect(r.stderr).toContain('web features do not import each other');
    expect(r.stderr).toMatch(/import cycle: .*web\/features\/x\/page\.tsx ↔ .*web\/features\/y\/page\.tsx/);
  });
});
