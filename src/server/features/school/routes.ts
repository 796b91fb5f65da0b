import { eq } from 'drizzle-orm';
import { fileResponse } from '../../../shared/api/common';
import { ZOverview, ZSchool } from '../../../shared/api/school';
import { ZSchoolPatch } from '../../../shared/schemas';
import { schools } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import { attachment } from '../../platform/http';
import { route } from '../../platform/route';
import { todayInCopenhagen } from '../../platform/time';
import { exportSchool } from './export';
import { loadSchool, overview, presentSchool } from './queries';

const getSchool = route({
  method: 'GET',
  url: '/school',
  summary: 'The current school and its settings',
  tags: ['school'],
  action: 'school:read',
  response: ZSchool,
  handler: async ({ db, deps, actor }) => presentSchool(db, deps.config, await loadSchool(db, actor.school.id)),
});

const patchSchool = route({
  method: 'PATCH',
  url: '/school',
  summary: 'Update school settings',
  tags: ['school'],
  action: 'school:update',
  body: ZSchoolPatch,
  response: ZSchool,
  writes: true,
  handler: async ({ db, deps, actor, body: patch, audit }) => {
    const before = await loadSchool(db, actor.school.id);
    const [s] = await db
      .update(schools)
      .set({
        name: patch.name ?? before.name,
        institutionNumber: patch.institutionNumber === undefined ? before.institutionNumber : patch.institutionNumber,
        // the school edits its own settings; the host's (the storage quota) stay
        settings: patch.settings ? { ...before.settings, ...patch.settings } : before.settings,
      })
      .where(eq(schools.id, actor.school.id))
      .returning();
    if (!s) throw notFound();
    await audit({ action: 'school.updated', resourceType: 'school', resourceId: s.id, changes: { ...patch } });
    return presentSchool(db, deps.config, s);
  },
});

const getOverview = route({
  method: 'GET',
  url: '/overview',
  summary: 'Overblik: the school, its departments and the four strategic lines',
  tags: ['school'],
  action: 'school:read',
  response: ZOverview,
  handler: ({ db, actor }) => overview(db, actor.school.id),
});

/**
 * Its only write is the audit event, a single insert: no transaction (writes: false), because a
 * handler that sends a download waits for it to reach the client, and no transaction should stay
 * open that long. The event is written before the file is sent.
 */
const exportAll = route({
  method: 'GET',
  url: '/school/export',
  summary: "Export the whole school's data as JSON",
  tags: ['school'],
  action: 'school:export',
  response: fileResponse('application/json; charset=utf-8'),
  handler: async ({ db, actor, reply, audit }) => {
    const data = await exportSchool(db, actor.school.id);
    await audit({ action: 'school.exported', resourceType: 'school', resourceId: actor.school.id });
    return attachment(reply, `retning-eksport-${todayInCopenhagen()}.json`, 'application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
  },
});

export const schoolRoutes = [getSchool, patchSchool, getOverview, exportAll];
