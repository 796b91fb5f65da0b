import { loadConfig } from '../config';
import { openConfiguredDatabase } from '../runtime';

/** npm run db:migrate: applies the committed SQL migrations to the configured database. */
const config = loadConfig();
const { database, release } = openConfiguredDatabase(config);
try {
  await database.migrate();
  console.log(`Migrations applied (${database.kind}).`);
} finally {
  await database.close();
  release();
}
