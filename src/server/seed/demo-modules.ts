import { eq } from 'drizzle-orm';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { schools } from '../db/schema/index';
import { DEMO_SCHOOL } from './demo-data';
import { seedDemoStrategy } from './demo-strategy';
import { seedDemoCompetence } from './demo-competence';
import { seedDemoLibrary } from './demo-library';
import { seedDemoSurveys } from './demo-surveys';
import { seedDemoDialogue } from './demo-dialogue';
import { seedDemoInternship } from './demo-internship';
import { seedDemoLogbook } from './demo-logbook';
import { seedDemoEvents } from './demo-events';
import { todayInCopenhagen } from '../platform/time';

/**
 * Demo content of the modules (a strategy, competence rounds and courses, published forløb and a glossary) for the demo school, so that a first look at
 * `npm start` shows a school in use. The browser tests start from the bare demo school instead.
 * Every date is placed relative to `today` (Copenhagen) and its school year, so the demo is never a year stale.
 * `config` (where files are stored) lets the demo keep files too: the logbook's photo.
 */
export async function seedDemoModules(db: Db, today = todayInCopenhagen(), config?: Config): Promise<void> {
  const [school] = await db.select({ id: schools.id }).from(schools).where(eq(schools.name, DEMO_SCHOOL.name)).limit(1);
  if (!school) return;
  await seedDemoStrategy(db, school.id, today);
  await seedDemoCompetence(db, today);
  await seedDemoLibrary(db);
  await seedDemoSurveys(db, today);
  await seedDemoDialogue(db, today);
  await seedDemoInternship(db, today);
  // with the config, the logbook's demo photo is written to the storage too
  await seedDemoLogbook(db, today, config);
  await seedDemoEvents(db);
}
