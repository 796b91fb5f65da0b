import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { competenceItems, type LevelStatement } from '../../db/schema/index';
import { uuidV5, type CasePackage } from './exchange';
import type { Framework } from './frameworks';

/*
 * A competence's statements for levels 1–6 in CASE 1.0: one CFRubricCriterion per competence in the
 * framework's rubric, after the criterion of the levels themselves, linked to its competence by
 * CFItemURI; its CFRubricCriterionLevels carry score = level, description = the Danish statement and
 * feedback = the English one (the same places the levels' own texts use). Derived identifiers are
 * UUID v5 of the competence's identifier, so a re-export is byte-identical.
 */

type Criterion = NonNullable<NonNullable<CasePackage['CFRubrics']>[number]['CFRubricCriteria']>[number];
const urn = (id: string) => `urn:uuid:${id}`;
const MIN = 1;
const MAX = 6;

/** The criteria of the competences that have statements, numbered after the levels' criterion. */
export function statementCriteria(fw: Framework, changed: string): Criterion[] {
  const competences = fw.areas.flatMap((a) => a.competences).filter((c) => c.statements.length);
  return competences.map((c, i) => {
    const id = uuidV5(`${c.caseIdentifier}/statements`);
    return {
      identifier: id,
      uri: urn(id),
      CFItemURI: { title: c.title.da, identifier: c.caseIdentifier, uri: urn(c.caseIdentifier) },
      description: c.title.da,
      position: i + 2,
      lastChangeDateTime: changed,
      CFRubricCriterionLevels: c.statements.map((s) => {
        const levelId = uuidV5(`${c.caseIdentifier}/statement/${s.level}`);
        return { identifier: levelId, uri: urn(levelId), lastChangeDateTime: changed, score: s.level, position: s.level, description: s.text.da, feedback: s.text.en };
      }),
    };
  });
}

/** Adds the statement criteria to an exported package's rubric (after the levels' criterion). */
export function withStatements(pkg: CasePackage, fw: Framework): CasePackage {
  const [rubric, ...rest] = pkg.CFRubrics ?? [];
  if (!rubric) return pkg;
  const criteria = statementCriteria(fw, String(rubric.lastChangeDateTime ?? fw.lastChangeAt.toISOString()));
  if (!criteria.length) return pkg;
  return { ...pkg, CFRubrics: [{ ...rubric, CFRubricCriteria: [...(rubric.CFRubricCriteria ?? []), ...criteria] }, ...rest] };
}

/**
 * The statements a package holds, by the (lower-case) identifier of their competence: criteria of any
 * rubric that name an item in CFItemURI, with levels scored 1–6 and a Danish description; the English
 * text falls back to the Danish one. Criteria without an item (the levels' own) are not statements.
 */
export function statementsOf(pkg: unknown): Map<string, LevelStatement[]> {
  const out = new Map<string, LevelStatement[]>();
  const rubrics = (pkg as CasePackage | null)?.CFRubrics;
  if (!Array.isArray(rubrics)) return out;
  for (const rubric of rubrics) {
    for (const criterion of Array.isArray(rubric?.CFRubricCriteria) ? rubric.CFRubricCriteria : []) {
      const item = (criterion as { CFItemURI?: { identifier?: unknown } }).CFItemURI?.identifier;
      if (typeof item !== 'string') continue;
      const levels = (Array.isArray(criterion.CFRubricCriterionLevels) ? criterion.CFRubricCriterionLevels : []).flatMap((l) => {
        const da = typeof l.description === 'string' ? l.description.trim() : '';
        const en = typeof l.feedback === 'string' && l.feedback.trim() ? l.feedback.trim() : da;
        return typeof l.score === 'number' && Number.isInteger(l.score) && l.score >= MIN && l.score <= MAX && da ? [{ level: l.score, text: { da, en } }] : [];
      });
      const byLevel = new Map(levels.map((l) => [l.level, l]));
      if (byLevel.size) out.set(item.toLowerCase(), [...byLevel.values()].sort((a, b) => a.level - b.level));
    }
  }
  return out;
}

/** Writes imported statements onto the stored framework's competences (not areas), matched by CASE identifier. */
export async function storeStatements(tx: Executor, schoolId: string, frameworkId: string, statements: Map<string, LevelStatement[]>): Promise<void> {
  for (const [identifier, list] of statements) {
    await tx
      .update(competenceItems)
      .set({ levelStatements: list })
      .where(and(eq(competenceItems.schoolId, schoolId), eq(competenceItems.frameworkId, frameworkId), isNotNull(competenceItems.parentId), sql`lower(${competenceItems.caseIdentifier}::text) = ${identifier}`));
  }
}
