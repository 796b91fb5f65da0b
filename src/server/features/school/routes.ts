import { PassThrough } from 'node:stream';
import { eq } from 'drizzle-orm';
import { fileResponse } from '../../../shared/api/common';
import { ZOverview, ZSchool } from '../../../shared/api/school';
import { ZSchoolPatch } from '../../../shared/schemas';
import { schools } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import { attachment } from '../../platform/http';
import { route } from '../../platform/route';
import { todayInCopenhagen } from '../../platform/time';
import { packArchive } from './archive';
import { prepareSchoolExport } from './export';
import { loadSchool, overview, presentSchool } from './queries';

const ARCHIVE_TYPE = 'application/gzip';

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
  action: 'school:overview',
  response: ZOverview,
  handler: ({ db, actor }) => overview(db, actor.school.id),
});

/**
 * The school's whole export (docs/DECISIONS.md, "Backup and restore of a school"): every table the
 * school owns, the accounts of its people and its uploaded files, as one .tar.gz streamed to the
 * client. The data is read in one snapshot into temporary files before anything is sent (so no
 * transaction stays open while the client downloads, and a failure is still a problem+json); the
 * audit event, its only write, is a single insert (writes: false) before the archive is sent.
 */
const exportAll = route({
  method: 'GET',
  url: '/school/export',
  summary: "Export everything the school owns (tables, its people's accounts, uploaded files) as a .tar.gz archive that restore-school reads",
  tags: ['school'],
  action: 'school:export',
  response: fileResponse(ARCHIVE_TYPE),
  handler: async ({ deps, actor, req, reply, audit }) => {
    const prepared = await prepareSchoolExport(deps.database.db, deps.config, actor.school.id);
    const { manifest } = prepared;
    try {
      await audit({
        action: 'school.exported',
        resourceType: 'school',
        resourceId: actor.school.id,
        changes: { rows: manifest.tables.reduce((n, t) => n + t.rows, 0), files: manifest.files.length, formatVersion: manifest.formatVersion },
      });
    } catch (e) {
      await prepared.dispose();
      throw e;
    }
    const body = new PassThrough();
    packArchive(manifest, prepared.entries, body)
      .catch((err: unknown) => req.log.error({ err }, 'school export failed while streaming'))
      .finally(() => void prepared.dispose());
    return attachment(reply, `retning-eksport-${todayInCopenhagen()}.tar.gz`, ARCHIVE_TYPE).header('cache-control', 'no-store').send(body);
  },
});

export const schoolRoutes = [getSchool, patchSchool, getOverview, exportAll];
