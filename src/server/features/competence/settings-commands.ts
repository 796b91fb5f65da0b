import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZSettingsPatch } from '../../../shared/api/competence';
import type { Executor } from '../../db/client';
import { competenceSettings } from '../../db/schema/index';
import { getSettings, type Settings } from './frameworks';

/** Changes the school's competence settings (the fields given); returns them as they now are. The caller audits. */
export async function saveSettings(tx: Executor, schoolId: string, patch: z.output<typeof ZSettingsPatch>): Promise<Settings> {
  const next = { ...(await getSettings(tx, schoolId)), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  await tx
    .insert(competenceSettings)
    .values({ schoolId, ...next })
    .onConflictDoUpdate({ target: competenceSettings.schoolId, set: { ...next, updatedAt: sql`now()` } });
  return next;
}
