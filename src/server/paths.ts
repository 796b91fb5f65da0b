import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project folder: the nearest folder above this module that holds package.json. The same
 * answer whether the server runs from src/ (tests, tsx) or from the bundle in dist/server/.
 */
export const projectRoot = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above the server');
    dir = up;
  }
  return dir;
})();

/** Files the server reads at run time, by their place in the project. */
export const paths = {
  webRoot: join(projectRoot, 'dist/web'),
  locales: join(projectRoot, 'src/web/locales'),
  migrations: join(projectRoot, 'src/server/db/migrations'),
};
