import { eq, sql } from 'drizzle-orm';
import { DEFAULT_RETENTION_MONTHS, retentionMonths, ZRetention, ZRetentionInput } from '../../../shared/api/privacy';
import { schools } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import { route } from '../../platform/route';
import { loadSchool } from './queries';

/*
 * The school's retention of personal data (docs/PRIVACY.md, "Retention"): how long competence
 * answers are kept after a person has left. The competence module's job applies it.
 */

const getRetention = route({
  method: 'GET',
  url: '/school/retention',
  summary: "The school's retention of personal data",
  tags: ['school'],
  action: 'school:read',
  response: ZRetention,
  handler: async ({ db, actor }) => {
    const s = await loadSchool(db, actor.school.id);
    return { competenceAnswersMonths: retentionMonths(s.settings.competenceRetentionMonths), defaultMonths: DEFAULT_RETENTION_MONTHS };
  },
});

const putRetention = route({
  method: 'PUT',
  url: '/school/retention',
  summary: "Set the school's retention of personal data (months after a person's deactivation; null keeps)",
  tags: ['school'],
  action: 'school:update',
  body: ZRetentionInput,
  response: ZRetention,
  writes: true,
  handler: async ({ db, actor, body, audit }) => {
    // One key of the settings, merged in the database, so that a concurrent edit of the others is kept.
    const [s] = await db
      .update(schools)
      .set({ settings: sql`${schools.settings} || jsonb_build_object('competenceRetentionMonths', ${body.competenceAnswersMonths}::int)` })
      .where(eq(schools.id, actor.school.id))
      .returning({ settings: schools.settings });
    if (!s) throw notFound();
    await audit({ action: 'school.retention_set', resourceType: 'school', resourceId: actor.school.id, changes: { ...body } });
    return { competenceAnswersMonths: retentionMonths(s.settings.competenceRetentionMonths), defaultMonths: DEFAULT_RETENTION_MONTHS };
  },
});

export const retentionRoutes = [getRetention, putRetention];
