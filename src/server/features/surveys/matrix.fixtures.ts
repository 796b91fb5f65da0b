import { eq } from 'drizzle-orm';
import type { SchoolRole } from '../../../shared/roles';
import type { Db } from '../../db/client';
import { personRoles, surveyLinks, surveyRounds } from '../../db/schema/index';
import { newSecret } from '../../platform/tokens';
import type { FeatureMatrix, MatrixCtx } from '../../test/matrix';
import { todayInCopenhagen } from '../../platform/time';
import { addDays } from '../home/api';
import { groupOfRoles } from './groups';
import { freezeVersion } from './questionnaire';
import { DEFAULT_ITEMS } from './questionnaire-data';
import { asks } from './rounds-model';

/** Authorization-matrix fixtures for the survey rounds and answering routes: school A's resources and school B's (404). */
export const surveysMatrix: FeatureMatrix = async ({ db, a, b }) => {
  const today = todayInCopenhagen();
  const groups = ['leader', 'teacher', 'student', 'supervisor'];
  const newRound = async (d: Db, schoolId: string, opensOn = addDays(today, -1)) => {
    const q = await freezeVersion(d, schoolId);
    const [r] = await d.insert(surveyRounds).values({ schoolId, name: 'Matrix', opensOn, closesOn: addDays(today, 30), groups, questionnaireId: q.id }).returning();
    if (!r) throw new Error('round');
    return r;
  };
  const newLink = async (schoolId: string, roundId: string) => {
    const [l] = await db.insert(surveyLinks).values({ schoolId, roundId, group: 'student', tokenHash: newSecret().hash }).returning();
    if (!l) throw new Error('link');
    return l;
  };
  const A = await newRound(db, a.id);
  const B = await newRound(db, b.id);
  const item = DEFAULT_ITEMS.find((i) => i.texts.teacher && i.texts.leader && i.texts.student && i.texts.supervisor)?.key ?? DEFAULT_ITEMS[0]?.key ?? '';
  const answerResource = async (c: MatrixCtx) => {
    if (!c.self) return { kind: 'surveyAnswer', eligible: false };
    const roles = (await db.select({ role: personRoles.role }).from(personRoles).where(eq(personRoles.personId, c.self.id))).map((r) => r.role as SchoolRole);
    return { kind: 'surveyAnswer', eligible: asks(A, groupOfRoles(roles), c.self.departmentId) };
  };
  return {
    'GET /api/v1/surveys/settings': { own: () => ({ url: '/api/v1/surveys/settings' }) },
    'PATCH /api/v1/surveys/settings': { own: () => ({ url: '/api/v1/surveys/settings', body: { liveResults: false } }) },
    'PUT /api/v1/surveys/own-items': { own: () => ({ url: '/api/v1/surveys/own-items', body: { items: [] } }) },
    'GET /api/v1/surveys/rounds': { own: () => ({ url: '/api/v1/surveys/rounds' }) },
    'POST /api/v1/surveys/rounds': { own: () => ({ url: '/api/v1/surveys/rounds', body: { name: 'Ny', opensOn: today, closesOn: addDays(today, 7), groups: ['teacher'] } }) },
    'GET /api/v1/surveys/rounds/:id': { own: () => ({ url: `/api/v1/surveys/rounds/${A.id}` }), other: () => ({ url: `/api/v1/surveys/rounds/${B.id}` }) },
    'PATCH /api/v1/surveys/rounds/:id': {
      own: () => ({ url: `/api/v1/surveys/rounds/${A.id}`, body: { name: 'Matrix' } }),
      other: () => ({ url: `/api/v1/surveys/rounds/${B.id}`, body: { name: 'Hacket' } }),
    },
    'POST /api/v1/surveys/rounds/:id/close': {
      own: async () => ({ url: `/api/v1/surveys/rounds/${(await newRound(db, a.id)).id}/close` }),
      other: () => ({ url: `/api/v1/surveys/rounds/${B.id}/close` }),
    },
    'POST /api/v1/surveys/rounds/:id/reminders': { own: () => ({ url: `/api/v1/surveys/rounds/${A.id}/reminders` }), other: () => ({ url: `/api/v1/surveys/rounds/${B.id}/reminders` }) },
    'GET /api/v1/surveys/rounds/:id/sheet': {
      own: async (c) => ({ url: `/api/v1/surveys/rounds/${A.id}/sheet`, resource: await answerResource(c) }),
      other: () => ({ url: `/api/v1/surveys/rounds/${B.id}/sheet` }),
    },
    'PUT /api/v1/surveys/rounds/:id/draft': {
      own: async (c) => ({ url: `/api/v1/surveys/rounds/${A.id}/draft`, body: { answers: {} }, resource: await answerResource(c) }),
      other: () => ({ url: `/api/v1/surveys/rounds/${B.id}/draft`, body: { answers: {} } }),
    },
    'POST /api/v1/surveys/rounds/:id/submit': {
      own: async (c) => ({ url: `/api/v1/surveys/rounds/${(await newRound(db, a.id)).id}/submit`, body: { answers: { [item]: 3 } }, resource: await answerResource(c) }),
      other: () => ({ url: `/api/v1/surveys/rounds/${B.id}/submit`, body: { answers: { [item]: 3 } } }),
    },
    'POST /api/v1/surveys/rounds/:id/links': {
      own: () => ({ url: `/api/v1/surveys/rounds/${A.id}/links`, body: { group: 'student' } }),
      other: () => ({ url: `/api/v1/surveys/rounds/${B.id}/links`, body: { group: 'student' } }),
    },
    'DELETE /api/v1/surveys/links/:id': {
      own: async () => ({ url: `/api/v1/surveys/links/${(await newLink(a.id, A.id)).id}` }),
      other: async () => ({ url: `/api/v1/surveys/links/${(await newLink(b.id, B.id)).id}` }),
    },
  };
};
export { surveyReportMatrix } from './report-matrix';
