import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { surveyQuestionnaires, type SurveyItemSnapshot } from '../../db/schema/index';
import { buildGroupReport, type GroupReport, type ReportSource } from './report-build';

/**
 * What never changes, kept in memory: a questionnaire version's items (a version is frozen), and
 * the figures of a closed round (its counts are final at the close; an erasure leaves them, see
 * docs/PRIVACY.md). Keys carry the school, and a round's key its closing time, so nothing is
 * shared across schools and a round that were closed again is computed afresh. Open rounds' live
 * figures are never cached. Bounded: the oldest entries go first.
 */
const MAX_ENTRIES = 200;

class Bounded<V> {
  private readonly map = new Map<string, V>();
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, v: V): void {
    this.map.set(key, v);
    if (this.map.size > MAX_ENTRIES) this.map.delete(this.map.keys().next().value as string);
  }
}

const versions = new Bounded<SurveyItemSnapshot[]>();
const closedRounds = new Bounded<{ source: ReportSource; groups: Map<string, GroupReport> }>();

export async function versionItems(exec: Executor, schoolId: string, questionnaireId: string): Promise<SurveyItemSnapshot[]> {
  const key = `${schoolId}:${questionnaireId}`;
  const hit = versions.get(key);
  if (hit) return hit;
  const [q] = await exec
    .select({ items: surveyQuestionnaires.items })
    .from(surveyQuestionnaires)
    .where(and(eq(surveyQuestionnaires.schoolId, schoolId), eq(surveyQuestionnaires.id, questionnaireId)));
  const items = q?.items ?? [];
  if (q) versions.set(key, items);
  return items;
}

/** A round's group reports from its source, cached when `closedAt` marks it final. */
export async function roundFigures(
  key: { schoolId: string; roundId: string; closedAt: Date | null; final: boolean },
  load: () => Promise<ReportSource>,
): Promise<{ source: ReportSource; groups: Map<string, GroupReport> }> {
  const cacheKey = key.final ? `${key.schoolId}:${key.roundId}:${key.closedAt?.toISOString() ?? 'past'}` : null;
  const hit = cacheKey ? closedRounds.get(cacheKey) : undefined;
  if (hit) return hit;
  const source = await load();
  const figures = { source, groups: new Map(source.groups.map((g) => [g, buildGroupReport(source, g)])) };
  if (cacheKey) closedRounds.set(cacheKey, figures);
  return figures;
}
