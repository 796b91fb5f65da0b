import { and, asc, desc, eq } from 'drizzle-orm';
import { notFound } from '../../platform/errors';
import type { Executor } from '../../db/client';
import { competenceFrameworks, competenceItems, competenceSettings, type FrameworkLevel, type Localised } from '../../db/schema/index';
import { DIGCOMPEDU_CITATION, STAFF_AREAS, STAFF_LEVELS, STUDENT_AREAS, STUDENT_LEVELS } from './framework-data';

export type FrameworkKind = 'staff' | 'student';
export type Competence = { id: string; code: string; title: Localised; description: Localised; caseIdentifier: string };
/** A level below a competence (an imported framework's indicators), with the levels below it. */
export type Indicator = Competence & { items: Indicator[] };
export type Area = Competence & { competences: (Competence & { items: Indicator[] })[] };
export type Framework = {
  id: string;
  kind: FrameworkKind;
  caseIdentifier: string;
  title: Localised;
  description: Localised;
  creator: string;
  citation: string | null;
  language: string;
  version: number;
  lastChangeAt: Date;
  levels: FrameworkLevel[];
  areas: Area[];
};

const DEFAULTS = {
  staff: {
    title: { da: 'It-pædagogisk kompetenceramme for medarbejdere', en: 'Pedagogical IT competence framework for staff' },
    description: { da: 'Seks områder efter DigCompEdu plus Digitalisering af faget, niveau 0–6.', en: 'Six areas after DigCompEdu plus Digitalisation of the trade, levels 0–6.' },
    levels: STAFF_LEVELS,
    areas: STAFF_AREAS,
    citation: DIGCOMPEDU_CITATION,
  },
  student: {
    title: { da: 'Digitale kompetencer for elever', en: 'Digital competences for students' },
    description: { da: 'En enkel ramme for elevernes digitale kompetencer i faget.', en: "A simple framework for the students' digital competence in the trade." },
    levels: STUDENT_LEVELS,
    areas: STUDENT_AREAS,
    citation: null,
  },
} as const;

/** Creates the school's default framework of a kind on first use; returns its id. */
export async function ensureFramework(exec: Executor, schoolId: string, kind: FrameworkKind): Promise<string> {
  const [existing] = await exec
    .select({ id: competenceFrameworks.id })
    .from(competenceFrameworks)
    .where(and(eq(competenceFrameworks.schoolId, schoolId), eq(competenceFrameworks.kind, kind)))
    .orderBy(desc(competenceFrameworks.createdAt))
    .limit(1);
  if (existing) return existing.id;
  const d = DEFAULTS[kind];
  const [fw] = await exec
    .insert(competenceFrameworks)
    .values({ schoolId, kind, title: d.title, description: d.description, creator: 'Retning', citation: d.citation, levels: d.levels })
    .returning({ id: competenceFrameworks.id });
  if (!fw) throw new Error('framework insert failed');
  let pos = 0;
  for (const area of d.areas) {
    const [a] = await exec
      .insert(competenceItems)
      .values({ schoolId, frameworkId: fw.id, parentId: null, code: area.code, title: area.title, description: area.description, position: pos++ })
      .returning({ id: competenceItems.id });
    if (!a) throw new Error('area insert failed');
    await exec.insert(competenceItems).values(
      area.competences.map((c, i) => ({ schoolId, frameworkId: fw.id, parentId: a.id, code: `${area.code}.${i + 1}`, title: c.title, description: c.description, position: pos++ })),
    );
  }
  return fw.id;
}

/** The framework with its areas and competences in order. */
export async function loadFramework(exec: Executor, schoolId: string, frameworkId: string): Promise<Framework | null> {
  const [fw] = await exec.select().from(competenceFrameworks).where(and(eq(competenceFrameworks.schoolId, schoolId), eq(competenceFrameworks.id, frameworkId)));
  if (!fw) return null;
  const items = await exec
    .select()
    .from(competenceItems)
    .where(and(eq(competenceItems.schoolId, schoolId), eq(competenceItems.frameworkId, frameworkId)))
    .orderBy(asc(competenceItems.position));
  const pick = (i: typeof competenceItems.$inferSelect): Competence => ({ id: i.id, code: i.code, title: i.title, description: i.description, caseIdentifier: i.caseIdentifier });
  const under = new Map<string | null, (typeof items)[number][]>();
  for (const i of items) {
    const siblings = under.get(i.parentId);
    if (siblings) siblings.push(i);
    else under.set(i.parentId, [i]);
  }
  const withItems = (i: (typeof items)[number]): Indicator => ({ ...pick(i), items: (under.get(i.id) ?? []).map(withItems) });
  const areas: Area[] = (under.get(null) ?? []).map((a) => ({ ...pick(a), competences: (under.get(a.id) ?? []).map(withItems) }));
  return {
    id: fw.id,
    kind: fw.kind as FrameworkKind,
    caseIdentifier: fw.caseIdentifier,
    title: fw.title,
    description: fw.description,
    creator: fw.creator,
    citation: fw.citation,
    language: fw.language,
    version: fw.version,
    lastChangeAt: fw.lastChangeAt,
    levels: fw.levels,
    areas,
  };
}

/** The school's current framework of a kind, created from the default on first use. */
export async function frameworkFor(exec: Executor, schoolId: string, kind: FrameworkKind = 'staff'): Promise<Framework> {
  const fw = await loadFramework(exec, schoolId, await ensureFramework(exec, schoolId, kind));
  if (!fw) throw notFound();
  return fw;
}

/** The school's current framework of a kind, or null when the school has none yet (reads only). */
export async function currentFramework(exec: Executor, schoolId: string, kind: FrameworkKind): Promise<Framework | null> {
  const [row] = await exec
    .select({ id: competenceFrameworks.id })
    .from(competenceFrameworks)
    .where(and(eq(competenceFrameworks.schoolId, schoolId), eq(competenceFrameworks.kind, kind)))
    .orderBy(desc(competenceFrameworks.createdAt))
    .limit(1);
  return row ? loadFramework(exec, schoolId, row.id) : null;
}

export const competencesOf = (fw: Framework) => fw.areas.flatMap((a) => a.competences);

export type Settings = { leaderSeesIndividuals: boolean; onboardingWindowDays: number; openRoundResults: 'steps' | 'after_close' };
export async function getSettings(exec: Executor, schoolId: string): Promise<Settings> {
  const [s] = await exec.select().from(competenceSettings).where(eq(competenceSettings.schoolId, schoolId));
  return {
    leaderSeesIndividuals: s?.leaderSeesIndividuals ?? false,
    onboardingWindowDays: s?.onboardingWindowDays ?? 60,
    openRoundResults: s?.openRoundResults === 'after_close' ? 'after_close' : 'steps',
  };
}
