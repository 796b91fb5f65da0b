import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { notFound } from '../../platform/errors';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { competenceFrameworks, competenceItems, competenceSettings, type FrameworkLevel, type LevelStatement, type Localised } from '../../db/schema/index';
import { DIGCOMPEDU_CITATION, STAFF_AREAS, STAFF_LEVELS, STUDENT_AREAS, STUDENT_LEVELS } from './framework-data';
import { STAFF_STATEMENTS, STUDENT_STATEMENTS } from './framework-statements';

export type FrameworkKind = 'staff' | 'student';
/** `statements`: what a person at each level 1–6 says (empty for areas and for competences without written statements). */
export type Competence = { id: string; code: string; title: Localised; description: Localised; caseIdentifier: string; statements: LevelStatement[] };
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
    statements: STAFF_STATEMENTS,
    citation: DIGCOMPEDU_CITATION,
  },
  student: {
    title: { da: 'Digitale kompetencer for elever', en: 'Digital competences for students' },
    description: { da: 'En enkel ramme for elevernes digitale kompetencer i faget.', en: "A simple framework for the students' digital competence in the trade." },
    levels: STUDENT_LEVELS,
    areas: STUDENT_AREAS,
    statements: STUDENT_STATEMENTS,
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
      area.competences.map((c, i) => {
        const code = `${area.code}.${i + 1}`;
        return { schoolId, frameworkId: fw.id, parentId: a.id, code, title: c.title, description: c.description, levelStatements: d.statements[code] ?? null, position: pos++ };
      }),
    );
  }
  return fw.id;
}

/**
 * The written statements of the default frameworks for the competences that still have none: before
 * they were written, the self-assessment generated every answer from one template, so a default
 * competence (same code and Danish title as shipped, in a framework Retning created) without
 * statements still holds the generated texts. A competence the school renamed, or one from another
 * creator, keeps what it has. Idempotent; returns the schools whose frameworks got the texts.
 */
export async function fillDefaultStatements(exec: Executor, schoolId?: string): Promise<string[]> {
  const defaults = (Object.keys(DEFAULTS) as FrameworkKind[]).flatMap((kind) =>
    DEFAULTS[kind].areas.flatMap((area) =>
      area.competences.flatMap((c, i) => {
        const code = `${area.code}.${i + 1}`;
        const statements = DEFAULTS[kind].statements[code];
        return statements ? [{ kind, code, title: c.title.da, statements }] : [];
      }),
    ),
  );
  const rows = await rawQuery<{ school_id: string }>(
    exec,
    sql`update competence_items i set level_statements = d.statements
      from jsonb_to_recordset(${JSON.stringify(defaults)}::jsonb) as d(kind text, code text, title text, statements jsonb), competence_frameworks f
      where f.school_id = i.school_id and f.id = i.framework_id and f.creator = 'Retning' and f.kind = d.kind
        and i.parent_id is not null and i.level_statements is null and i.code = d.code and i.title ->> 'da' = d.title
        ${schoolId ? sql`and i.school_id = ${schoolId}` : sql``}
      returning i.school_id`,
  );
  return [...new Set(rows.map((r) => r.school_id))];
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
  const pick = (i: typeof competenceItems.$inferSelect): Competence => ({ id: i.id, code: i.code, title: i.title, description: i.description, caseIdentifier: i.caseIdentifier, statements: i.levelStatements ?? [] });
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

/** A framework's title, levels and areas only: what the aggregate views (heatmap, national view) draw. */
export type FrameworkOutline = Pick<Framework, 'id' | 'title' | 'levels'> & { areas: Pick<Area, 'id' | 'code' | 'title'>[] };

/** The outline in one read, without the competences and their level statements. */
export async function loadFrameworkOutline(exec: Executor, schoolId: string, frameworkId: string): Promise<FrameworkOutline | null> {
  const rows = await exec
    .select({ id: competenceFrameworks.id, title: competenceFrameworks.title, levels: competenceFrameworks.levels, areaId: competenceItems.id, code: competenceItems.code, areaTitle: competenceItems.title })
    .from(competenceFrameworks)
    .leftJoin(
      competenceItems,
      and(eq(competenceItems.schoolId, competenceFrameworks.schoolId), eq(competenceItems.frameworkId, competenceFrameworks.id), isNull(competenceItems.parentId)),
    )
    .where(and(eq(competenceFrameworks.schoolId, schoolId), eq(competenceFrameworks.id, frameworkId)))
    .orderBy(asc(competenceItems.position));
  const first = rows[0];
  if (!first) return null;
  const areas = rows.flatMap((r) => (r.areaId && r.code !== null && r.areaTitle ? [{ id: r.areaId, code: r.code, title: r.areaTitle }] : []));
  return { id: first.id, title: first.title, levels: first.levels, areas };
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
