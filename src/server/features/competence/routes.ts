import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { competenceRounds, competenceSettings, departments, people } from '../../db/schema/index';
import { requireSchool, type SchoolActor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { forbidden, invalid, notFound } from '../../platform/errors';
import { actorOf, attachment, type App } from '../../platform/http';
import { loadScoped } from '../../platform/loader';
import { authorize } from '../../platform/policy';
import type { Executor } from '../../db/client';
import { completion, draftOf, heatmap, isEligible, levelZeroList, profileOf, roundIsOpen, saveAssessment, todayCph } from './assessments';
import { BASIC_CHECKS, STATEMENTS } from './framework-data';
import { ensureFramework, getSettings, loadFramework, type Framework } from './frameworks';
import type { ProfileResource } from './policy';
import { courseRoutes, staffStatus, suggestionsFor } from './courses';
import { contractRoutes } from './contracts';
import { exchangeRoutes } from './exchange-routes';
import { nationalHeatmap } from './national';
import { pendingFor, sendReminders } from './reminders';

export const ZId = z.strictObject({ id: z.string().max(100) });
const ZDate = z.iso.date();
const ZKind = z.strictObject({ kind: z.enum(['staff', 'student']).default('staff') });

const ZRoundInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  opensOn: ZDate,
  closesOn: ZDate,
  departmentIds: z.array(z.uuid()).max(200).nullable().default(null),
  frameworkKind: z.enum(['staff', 'student']).default('staff'),
});
const ZRoundPatch = z.strictObject({ title: z.string().trim().min(1).max(200).optional(), closesOn: ZDate.optional(), closed: z.literal(true).optional() });
const ZAssessmentInput = z.strictObject({
  basicAnswers: z.array(z.boolean()).max(20).optional(),
  answers: z.array(z.strictObject({ competenceId: z.string().max(100), level: z.number().int().min(0).max(6) })).max(200).optional(),
  submit: z.boolean().optional(),
});
const ZSettingsPatch = z.strictObject({ leaderSeesIndividuals: z.boolean().optional(), onboardingWindowDays: z.number().int().min(0).max(365).optional() });
const ZHeatmapQuery = z.strictObject({ roundId: z.uuid().optional(), compareRoundId: z.uuid().optional(), departmentId: z.uuid().optional() });

type RoundRow = typeof competenceRounds.$inferSelect;

export async function frameworkFor(exec: Executor, schoolId: string, kind: 'staff' | 'student' = 'staff'): Promise<Framework> {
  const id = await ensureFramework(exec, schoolId, kind);
  const fw = await loadFramework(exec, schoolId, id);
  if (!fw) throw notFound();
  return fw;
}

const presentRound = (r: RoundRow, today = todayCph()) => ({
  id: r.id,
  title: r.title,
  frameworkId: r.frameworkId,
  opensOn: r.opensOn,
  closesOn: r.closesOn,
  departmentIds: r.departmentIds,
  status: r.closedAt || r.closesOn < today ? 'closed' : r.opensOn > today ? 'planned' : 'open',
  lastReminderAt: r.lastReminderAt?.toISOString() ?? null,
});

/** The round before this one (same framework, earlier opening date), for comparison. */
async function previousRound(exec: Executor, schoolId: string, round: RoundRow): Promise<RoundRow | undefined> {
  const [prev] = await exec
    .select()
    .from(competenceRounds)
    .where(and(eq(competenceRounds.schoolId, schoolId), eq(competenceRounds.frameworkId, round.frameworkId), lt(competenceRounds.opensOn, round.opensOn)))
    .orderBy(desc(competenceRounds.opensOn))
    .limit(1);
  return prev;
}

export async function profileResource(exec: Executor, actor: SchoolActor, personId: string): Promise<ProfileResource> {
  const p = await loadScoped(exec, actor, people, personId);
  const s = await getSettings(exec, actor.school.id);
  return { kind: 'competenceProfile', personId: p.id, departmentId: p.departmentId, leaderSeesIndividuals: s.leaderSeesIndividuals };
}

export function competenceRoutes(app: App): void {
  const { database, mailer } = app.deps;
  const db = database.db;

  app.get('/competence/framework', { config: { action: 'competence:self' }, schema: { tags: ['competence'], summary: "The school's competence framework (created from the default on first use)", querystring: ZKind } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'competence:self');
    const fw = await db.transaction((tx) => frameworkFor(tx, actor.school.id, req.query.kind));
    return { ...fw, statements: STATEMENTS, basicChecks: BASIC_CHECKS };
  });

  app.get('/competence/settings', { config: { action: 'competence:self' }, schema: { tags: ['competence'], summary: 'Who may see individual levels, and the onboarding window' } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'competence:self');
    return getSettings(db, actor.school.id);
  });

  app.patch('/competence/settings', { config: { action: 'competence:settings' }, schema: { tags: ['competence'], summary: 'Change the competence settings', body: ZSettingsPatch } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'competence:settings');
    return db.transaction(async (tx) => {
      const next = { ...(await getSettings(tx, actor.school.id)), ...Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined)) };
      await tx
        .insert(competenceSettings)
        .values({ schoolId: actor.school.id, ...next })
        .onConflictDoUpdate({ target: competenceSettings.schoolId, set: { ...next, updatedAt: sql`now()` } });
      await audit(tx, actor, { action: 'competence.settings_changed', resourceType: 'competence_settings', resourceId: actor.school.id, changes: { ...req.body } });
      return next;
    });
  });

  app.get('/competence/rounds', { config: { action: 'competence:self' }, schema: { tags: ['competence'], summary: 'Mapping rounds, newest first' } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'competence:self');
    const rows = await db.select().from(competenceRounds).where(eq(competenceRounds.schoolId, actor.school.id)).orderBy(desc(competenceRounds.opensOn), desc(competenceRounds.createdAt));
    const today = todayCph();
    const out = [];
    for (const r of rows) {
      const mine = await draftOf(db, actor.school.id, r.id, actor.person.id);
      out.push({ ...presentRound(r, today), eligible: await isEligible(db, actor.school.id, r, actor.person.id), mySubmittedAt: mine.submittedAt, myAnswered: Object.keys(mine.answers).length });
    }
    return out;
  });

  app.post('/competence/rounds', { config: { action: 'competence:roundManage' }, schema: { tags: ['competence'], summary: 'Open a mapping round for the school or some departments', body: ZRoundInput } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'competence:roundManage');
    const b = req.body;
    if (b.closesOn < b.opensOn) throw invalid([{ field: 'closesOn', key: 'competence.validation.closes_before_opens' }]);
    // A department head opens rounds only for his own department.
    const onlyHead = !actor.roles.some((r) => r === 'school_admin' || r === 'top_management');
    const deptIds = onlyHead ? (b.departmentIds ?? [actor.person.departmentId ?? '']) : b.departmentIds;
    if (onlyHead && (!actor.person.departmentId || deptIds?.some((d) => d !== actor.person.departmentId))) throw invalid([{ field: 'departmentIds', key: 'competence.validation.own_department_only' }]);
    const round = await db.transaction(async (tx) => {
      for (const [i, d] of (deptIds ?? []).entries()) {
        const [found] = await tx.select({ id: departments.id }).from(departments).where(and(eq(departments.schoolId, actor.school.id), eq(departments.id, d)));
        if (!found) throw invalid([{ field: `departmentIds.${i}`, key: 'validation.unknown_department' }]);
      }
      const frameworkId = await ensureFramework(tx, actor.school.id, b.frameworkKind);
      const [r] = await tx.insert(competenceRounds).values({ schoolId: actor.school.id, frameworkId, title: b.title, opensOn: b.opensOn, closesOn: b.closesOn, departmentIds: deptIds }).returning();
      if (!r) throw new Error('round insert failed');
      await audit(tx, actor, { action: 'competence.round_opened', resourceType: 'competence_round', resourceId: r.id, summary: r.title, changes: { ...b } });
      return r;
    });
    return reply.code(201).send(presentRound(round));
  });

  app.patch('/competence/rounds/:id', { config: { action: 'competence:roundManage' }, schema: { tags: ['competence'], summary: 'Rename, extend or close a round', params: ZId, body: ZRoundPatch } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const before = await loadScoped(db, actor, competenceRounds, req.params.id);
    authorize(actor, 'competence:roundManage');
    if (req.body.closesOn && req.body.closesOn < before.opensOn) throw invalid([{ field: 'closesOn', key: 'competence.validation.closes_before_opens' }]);
    const row = await db.transaction(async (tx) => {
      const [r] = await tx
        .update(competenceRounds)
        .set({ ...(req.body.title ? { title: req.body.title } : {}), ...(req.body.closesOn ? { closesOn: req.body.closesOn } : {}), ...(req.body.closed ? { closedAt: before.closedAt ?? new Date() } : {}) })
        .where(and(eq(competenceRounds.schoolId, actor.school.id), eq(competenceRounds.id, before.id)))
        .returning();
      if (!r) throw new Error('round update failed');
      await audit(tx, actor, { action: req.body.closed ? 'competence.round_closed' : 'competence.round_updated', resourceType: 'competence_round', resourceId: r.id, summary: r.title, changes: { ...req.body } });
      return r;
    });
    return presentRound(row);
  });

  app.get('/competence/rounds/:id/completion', { config: { action: 'competence:aggregate' }, schema: { tags: ['competence'], summary: 'Completion per department (anonymous, 5 or more)', params: ZId } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const round = await loadScoped(db, actor, competenceRounds, req.params.id);
    authorize(actor, 'competence:aggregate');
    return completion(db, actor.school.id, round);
  });

  app.post('/competence/rounds/:id/reminders', { config: { action: 'competence:roundManage' }, schema: { tags: ['competence'], summary: 'E-mail a reminder to those who have not submitted (when e-mail is set up)', params: ZId } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const round = await loadScoped(db, actor, competenceRounds, req.params.id);
    authorize(actor, 'competence:roundManage');
    if (!mailer.enabled || !roundIsOpen(round)) return { enabled: mailer.enabled, open: roundIsOpen(round), pending: (await pendingFor(db, actor.school.id, round)).length, sent: 0 };
    const { pending, sent } = await sendReminders(db, mailer, actor.school.id, round, actor);
    return { enabled: true, open: true, pending, sent };
  });

  app.get('/competence/rounds/:id/assessment', { config: { action: 'competence:self' }, schema: { tags: ['competence'], summary: 'My answers in a round (to resume)', params: ZId } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const round = await loadScoped(db, actor, competenceRounds, req.params.id);
    authorize(actor, 'competence:self');
    const fw = await loadFramework(db, actor.school.id, round.frameworkId);
    if (!fw) throw notFound();
    return { round: presentRound(round), framework: { ...fw, statements: STATEMENTS, basicChecks: BASIC_CHECKS }, ...(await draftOf(db, actor.school.id, round.id, actor.person.id)), settings: await getSettings(db, actor.school.id) };
  });

  app.put('/competence/rounds/:id/assessment', { config: { action: 'competence:answer' }, schema: { tags: ['competence'], summary: 'Save (and submit) my answers', params: ZId, body: ZAssessmentInput } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const round = await loadScoped(db, actor, competenceRounds, req.params.id);
    authorize(actor, 'competence:answer', { kind: 'competenceRound', eligible: await isEligible(db, actor.school.id, round, actor.person.id) });
    const fw = await loadFramework(db, actor.school.id, round.frameworkId);
    if (!fw) throw notFound();
    return db.transaction((tx) => saveAssessment(tx, actor, round, fw, req.body));
  });

  app.get('/competence/people/:id/profile', { config: { action: 'competence:profile' }, schema: { tags: ['competence'], summary: "A person's competence profile (own, or the nearest leader when the school allows it)", params: ZId } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const resource = await profileResource(db, actor, req.params.id);
    authorize(actor, 'competence:profile', resource);
    const fw = await db.transaction((tx) => frameworkFor(tx, actor.school.id, 'staff'));
    const rounds = await profileOf(db, actor.school.id, resource.personId, fw);
    const [person] = await db.select({ name: people.name }).from(people).where(and(eq(people.schoolId, actor.school.id), eq(people.id, resource.personId)));
    return {
      person: { id: resource.personId, name: person?.name ?? '' },
      framework: fw,
      latest: rounds[0] ?? null,
      previous: rounds[1] ?? null,
      history: rounds.map((r) => ({ roundId: r.roundId, roundTitle: r.roundTitle, submittedAt: r.submittedAt, areas: r.areas })),
      suggestions: rounds[0] ? await suggestionsFor(db, actor.school.id, resource.personId, rounds[0]) : [],
    };
  });

  app.get('/competence/people/:id/export', { config: { action: 'competence:exportOwn' }, schema: { tags: ['competence'], summary: 'Download all of my own competence data (JSON)', params: ZId } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const resource = await profileResource(db, actor, req.params.id);
    authorize(actor, 'competence:exportOwn', resource);
    const fw = await db.transaction((tx) => frameworkFor(tx, actor.school.id, 'staff'));
    const { exportOwnData } = await import('./own-data');
    const data = await exportOwnData(db, actor.school.id, resource.personId, fw);
    return attachment(reply, 'mine-kompetencedata.json', 'application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
  });

  app.get('/competence/heatmap', { config: { action: 'competence:aggregate' }, schema: { tags: ['competence'], summary: 'Areas × departments: mean level and distribution, change since the previous round (5 or more persons)', querystring: ZHeatmapQuery } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const round = req.query.roundId
      ? await loadScoped(db, actor, competenceRounds, req.query.roundId)
      : (await db.select().from(competenceRounds).where(eq(competenceRounds.schoolId, actor.school.id)).orderBy(desc(competenceRounds.opensOn)).limit(1))[0];
    authorize(actor, 'competence:aggregate');
    const settings = await getSettings(db, actor.school.id);
    if (!round) return { round: null, compare: null, framework: null, current: null, previous: null, settings };
    const fw = await loadFramework(db, actor.school.id, round.frameworkId);
    if (!fw) throw notFound();
    const compare = req.query.compareRoundId ? await loadScoped(db, actor, competenceRounds, req.query.compareRoundId) : await previousRound(db, actor.school.id, round);
    const filter = req.query.departmentId;
    return {
      round: presentRound(round),
      compare: compare ? presentRound(compare) : null,
      framework: { id: fw.id, title: fw.title, levels: fw.levels, areas: fw.areas.map((a) => ({ id: a.id, code: a.code, title: a.title })) },
      current: await heatmap(db, actor.school.id, round, fw, filter),
      previous: compare && compare.frameworkId === fw.id ? await heatmap(db, actor.school.id, compare, fw, filter) : null,
      settings,
    };
  });

  app.get('/competence/level-zero', { config: { action: 'competence:levelZero' }, schema: { tags: ['competence'], summary: "The department head's staff at level 0 (when the school allows individual levels)" } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const s = await getSettings(db, actor.school.id);
    authorize(actor, 'competence:levelZero', { kind: 'competenceSetting', leaderSeesIndividuals: s.leaderSeesIndividuals });
    return levelZeroList(db, actor.school.id, actor.person.departmentId ?? '');
  });

  app.get('/competence/staff-status', { config: { action: 'competence:staffStatus' }, schema: { tags: ['competence'], summary: 'Mandatory courses not completed and onboarding progress (own department for a department head)' } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'competence:staffStatus');
    return staffStatus(db, actor);
  });

  app.get('/competence/national', { config: { action: 'network:read' }, schema: { tags: ['competence'], summary: "The network's view: mean level per school × area (5 or more persons per school, no personal data)" } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'network:read');
    if (!actor.network) throw forbidden();
    return nationalHeatmap(db, actor.network.id);
  });

  courseRoutes(app);
  contractRoutes(app);
  exchangeRoutes(app);
}
