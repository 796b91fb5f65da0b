import type { z } from 'zod';
import type { ZCheckin, ZComment, ZFollowup, ZIndicator, ZMilestone, ZPlaces, ZStrategySummary } from '../../../shared/api/strategy';
import type { checkins, followups, indicators, initiativeComments, measurements, milestones, strategies } from '../../db/schema/index';
import { abilitiesOn, type Action } from '../../platform/policy';
import type { SchoolActor } from '../../platform/actor';
import type { DepartmentScoped, InitiativeResource } from './policy';
import { expectedValue } from './status';

/* Rows → the shapes of src/shared/api/strategy.ts. */

type Out<S extends z.ZodType> = z.output<S>;

export const presentStrategySummary = (s: typeof strategies.$inferSelect): Out<typeof ZStrategySummary> => ({
  id: s.id,
  title: s.content.title,
  mode: s.content.mode,
  periodStart: s.content.periodStart,
  periodEnd: s.content.periodEnd,
  status: s.status,
  version: s.version,
});

export const presentMilestone = (m: typeof milestones.$inferSelect): Out<typeof ZMilestone> => ({ id: m.id, title: m.title, dueOn: m.dueOn, done: m.done });

export const presentFollowup = (f: typeof followups.$inferSelect, today: string): Out<typeof ZFollowup> => ({
  id: f.id,
  title: f.title,
  dueOn: f.dueOn,
  held: f.heldAt !== null,
  overdue: f.heldAt === null && f.dueOn < today,
});

export const presentCheckin = (c: typeof checkins.$inferSelect): Out<typeof ZCheckin> => ({
  id: c.id,
  heldOn: c.heldOn,
  progress: c.progress,
  decisions: c.decisions,
  nextSteps: c.nextSteps,
  authorName: c.authorName,
});

export const presentComment = (c: typeof initiativeComments.$inferSelect): Out<typeof ZComment> => ({ id: c.id, body: c.body, authorName: c.authorName, createdAt: c.createdAt });

export const presentIndicator = (ind: typeof indicators.$inferSelect, ms: (typeof measurements.$inferSelect)[]): Out<typeof ZIndicator> => ({
  id: ind.id,
  name: ind.name,
  unit: ind.unit,
  baseline: ind.baseline,
  baselineOn: ind.baselineOn,
  target: ind.target,
  targetOn: ind.targetOn,
  direction: ind.direction,
  tolerance: ind.tolerance,
  status: ind.status,
  ratio: ind.ratio,
  latestValue: ind.latestValue,
  latestOn: ind.latestOn,
  expected: [
    { on: ind.baselineOn, value: expectedValue(ind, ind.baselineOn) },
    { on: ind.targetOn, value: expectedValue(ind, ind.targetOn) },
  ],
  measurements: ms.filter((m) => m.indicatorId === ind.id).map((m) => ({ id: m.id, value: m.value, measuredOn: m.measuredOn, source: m.source, note: m.note })),
});

/** What an initiative's page offers the actor. */
const INITIATIVE_ACTIONS = ['initiative:update', 'initiative:checkin', 'initiative:setStatus', 'initiative:comment'] as const;
export const initiativeAbilities = (actor: SchoolActor, resource: InitiativeResource): Action[] => abilitiesOn(actor, INITIATIVE_ACTIONS, resource);

export const scoped = (departmentId: string | null): DepartmentScoped => ({ kind: 'department_scoped', departmentId });

/** What the actor may do with one registered ambassador. */
export const ambassadorAbilities = (actor: SchoolActor, departmentId: string | null): Action[] => abilitiesOn(actor, ['ambassador:manage'], scoped(departmentId));

/** The actions that add something to the school as a whole (departmentId null) or to one department. */
const PLACED_ACTIONS = ['decision:create', 'ambassador:manage', 'calendar:manage'] as const;
const placeAbilities = (actor: SchoolActor, departmentId: string | null): Action[] => [
  ...abilitiesOn(actor, ['initiative:create'], { kind: 'initiative', level: departmentId ? 'department' : 'central', departmentId, ownerId: null, collaboratorIds: [] }),
  ...abilitiesOn(actor, PLACED_ACTIONS, scoped(departmentId)),
];

/** Where the actor may add initiatives, decisions, ambassadors and årshjul items: so forms offer only those places. */
export const presentPlaces = (actor: SchoolActor, depts: { id: string; name: string }[]): Out<typeof ZPlaces> => ({
  schoolWide: placeAbilities(actor, null),
  departments: depts.map((d) => ({ id: d.id, name: d.name, abilities: placeAbilities(actor, d.id) })),
});
