import { and, eq } from 'drizzle-orm';
import { fileResponse, ZId } from '../../../shared/api/common';
import { ZFrameworkKindQuery, ZFrameworkWithTexts, ZHeatmap, ZHeatmapQuery, ZLevelZeroList, ZNational, ZProfile, ZSettingsPatch, ZSettingsView, ZStaffStatus } from '../../../shared/api/competence';
import type { Executor } from '../../db/client';
import { competenceRounds, people } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { forbidden, notFound } from '../../platform/errors';
import { attachment } from '../../platform/http';
import { loadScoped } from '../../platform/loader';
import { route } from '../../platform/route';
import { staffAmong } from '../people/api';
import { levelZeroList, profileOf } from './assessments';
import { departmentNames, heatmap } from './aggregates';
import { syncOnboarding } from './courses-commands';
import { staffStatus, suggestionsFor } from './courses-queries';
import { frameworkFor, getSettings, loadFrameworkOutline } from './frameworks';
import { nationalHeatmap } from './national';
import { exportOwnData } from './own-data';
import type { ProfileResource } from './policy';
import { presentRound, settingsView, withTexts } from './presenter';
import { saveSettings } from './settings-commands';
import { latestRound, previousRound } from './rounds-queries';

/* The framework and settings, a person's profile and own data, and the leaders' and the network's overviews. */

const tags = ['competence'];

async function profileResource(exec: Executor, actor: SchoolActor, personId: string): Promise<ProfileResource> {
  const p = await loadScoped(exec, actor, people, personId);
  const s = await getSettings(exec, actor.school.id);
  const staff = (await staffAmong(exec, actor.school.id, [p.id])).has(p.id);
  return { kind: 'competenceProfile', personId: p.id, departmentId: p.departmentId, staff, leaderSeesIndividuals: s.leaderSeesIndividuals };
}

export const competenceRoutes = [
  route({
    method: 'GET',
    url: '/competence/framework',
    summary: "The school's competence framework (created from the default on first use)",
    tags,
    action: 'competence:self',
    query: ZFrameworkKindQuery,
    response: ZFrameworkWithTexts,
    writes: true,
    // Creating the school's default framework on first use is not an event of the school's.
    audit: false,
    handler: async ({ db, actor, query }) => withTexts(await frameworkFor(db, actor.school.id, query.kind)),
  }),
  route({
    method: 'GET',
    url: '/competence/settings',
    summary: 'Who may see individual levels, and the onboarding window; with what the actor may do under them',
    tags,
    action: 'competence:self',
    response: ZSettingsView,
    handler: async ({ db, actor }) => settingsView(actor, await getSettings(db, actor.school.id)),
  }),
  route({
    method: 'PATCH',
    url: '/competence/settings',
    summary: 'Change the competence settings',
    tags,
    action: 'competence:settings',
    body: ZSettingsPatch,
    response: ZSettingsView,
    writes: true,
    handler: async ({ db, actor, body, audit }) => {
      const next = await saveSettings(db, actor.school.id, body);
      await audit({ action: 'competence.settings_changed', resourceType: 'competence_settings', resourceId: actor.school.id, changes: { ...body } });
      return settingsView(actor, next);
    },
  }),
  route({
    method: 'GET',
    url: '/competence/people/:id/profile',
    summary: "A person's competence profile (own, or the nearest leader when the school allows it)",
    tags,
    action: 'competence:profile',
    params: ZId,
    response: ZProfile,
    writes: true,
    // Only the school's default framework may be created here, on first use; that is not an event of the school's.
    audit: false,
    load: ({ db, actor, params }) => profileResource(db, actor, params.id),
    handler: async ({ db, actor, resource }) => {
      const fw = await frameworkFor(db, actor.school.id, 'staff');
      const rounds = await profileOf(db, actor.school.id, resource.personId, fw);
      const [person] = await db
        .select({ name: people.name })
        .from(people)
        .where(and(eq(people.schoolId, actor.school.id), eq(people.id, resource.personId)));
      return {
        person: { id: resource.personId, name: person?.name ?? '' },
        framework: fw,
        latest: rounds[0] ?? null,
        previous: rounds[1] ?? null,
        history: rounds.map((r) => ({ roundId: r.roundId, roundTitle: r.roundTitle, submittedAt: r.submittedAt, areas: r.areas })),
        suggestions: rounds[0] ? await suggestionsFor(db, actor.school.id, resource.personId, rounds[0]) : [],
      };
    },
  }),
  route({
    method: 'GET',
    url: '/competence/people/:id/export',
    summary: 'Download all of my own competence data (JSON)',
    tags,
    action: 'competence:exportOwn',
    params: ZId,
    response: fileResponse('application/json; charset=utf-8'),
    writes: true,
    // Only the school's default framework may be created here, on first use; that is not an event of the school's.
    audit: false,
    load: ({ db, actor, params }) => profileResource(db, actor, params.id),
    handler: async ({ db, actor, reply, resource }) => {
      const data = await exportOwnData(db, actor.school.id, resource.personId, await frameworkFor(db, actor.school.id, 'staff'));
      return attachment(reply, 'mine-kompetencedata.json', 'application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
    },
  }),
  route({
    method: 'GET',
    url: '/competence/heatmap',
    summary: 'Areas × departments: mean level and distribution, change since the previous round (from the anonymity threshold)',
    tags,
    action: 'competence:aggregate',
    aggregate: true,
    query: ZHeatmapQuery,
    response: ZHeatmap,
    load: async ({ db, actor, query }) => (query.roundId ? loadScoped(db, actor, competenceRounds, query.roundId) : latestRound(db, actor.school.id)),
    policyResource: () => undefined,
    handler: async ({ db, actor, query, resource: round }) => {
      if (!round) return { round: null, compare: null, framework: null, current: null, previous: null, settings: await getSettings(db, actor.school.id) };
      // Independent reads, issued together: one wait instead of four.
      const [settings, fw, compare, names] = await Promise.all([
        getSettings(db, actor.school.id),
        loadFrameworkOutline(db, actor.school.id, round.frameworkId),
        query.compareRoundId ? loadScoped(db, actor, competenceRounds, query.compareRoundId) : previousRound(db, actor.school.id, round),
        departmentNames(db, actor.school.id),
      ]);
      if (!fw) throw notFound();
      const filter = query.departmentId;
      const [current, previous] = await Promise.all([
        heatmap(db, actor.school.id, round, fw, names, filter),
        compare && compare.frameworkId === fw.id ? heatmap(db, actor.school.id, compare, fw, names, filter) : null,
      ]);
      return {
        round: presentRound(round),
        compare: compare ? presentRound(compare) : null,
        framework: { id: fw.id, title: fw.title, levels: fw.levels, areas: fw.areas.map((a) => ({ id: a.id, code: a.code, title: a.title })) },
        current,
        previous,
        settings,
      };
    },
  }),
  route({
    method: 'GET',
    url: '/competence/level-zero',
    summary: "The department head's staff at level 0 (when the school allows individual levels)",
    tags,
    action: 'competence:levelZero',
    response: ZLevelZeroList,
    load: ({ db, actor }) => getSettings(db, actor.school.id),
    policyResource: (s) => ({ kind: 'competenceSetting' as const, leaderSeesIndividuals: s.leaderSeesIndividuals }),
    handler: ({ db, actor }) => levelZeroList(db, actor.school.id, actor.person.departmentId ?? ''),
  }),
  route({
    method: 'GET',
    url: '/competence/staff-status',
    summary: 'Mandatory courses not completed and onboarding progress (own department for a department head)',
    tags,
    action: 'competence:staffStatus',
    response: ZStaffStatus,
    writes: true,
    // New hires are put on the onboarding track first; those assignments are audited as the system's.
    audit: false,
    handler: async ({ db, actor }) => {
      await syncOnboarding(db, actor.school.id);
      return staffStatus(db, actor);
    },
  }),
  route({
    method: 'GET',
    url: '/competence/national',
    summary: "The network's view: mean level per school × area (from the anonymity threshold per school, no personal data)",
    tags,
    access: 'account',
    action: 'network:read',
    aggregate: true,
    response: ZNational,
    handler: async ({ db, actor }) => {
      if (!actor.network) throw forbidden();
      return nationalHeatmap(db, actor.network.id);
    },
  }),
];
