import { createHash } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { surveyOwnItems, surveyQuestionnaires, surveySettings, type SurveyItemSnapshot } from '../../db/schema/index';
import { AREA_TEXTS, DEFAULT_ITEMS, SURVEY_AREAS, type SurveyArea } from './questionnaire-data';

/**
 * Questionnaire versions (docs/surveys.md): the default items the school has not switched off and
 * its own items in use, frozen as a version when a round is created. An unchanged questionnaire
 * reuses its version, found by the SHA-256 of its items.
 */

/** How many own items a school may have in use. */
export const MAX_OWN_ITEMS = 10;

export type SettingsRow = { disabledItemKeys: string[]; liveResults: boolean };

export async function settingsOf(exec: Executor, schoolId: string): Promise<SettingsRow> {
  const [s] = await exec.select({ disabledItemKeys: surveySettings.disabledItemKeys, liveResults: surveySettings.liveResults }).from(surveySettings).where(eq(surveySettings.schoolId, schoolId));
  return s ?? { disabledItemKeys: [], liveResults: false };
}

export const ownItemsInUse = (exec: Executor, schoolId: string) =>
  exec
    .select()
    .from(surveyOwnItems)
    .where(and(eq(surveyOwnItems.schoolId, schoolId), isNull(surveyOwnItems.archivedAt)))
    .orderBy(surveyOwnItems.createdAt, surveyOwnItems.key);

export const isArea = (a: string): a is SurveyArea => (SURVEY_AREAS as readonly string[]).includes(a);
export const areaInfo = () => SURVEY_AREAS.map((key) => ({ key, title: AREA_TEXTS[key].title, description: AREA_TEXTS[key].description }));

export const defaultSnapshot = (): SurveyItemSnapshot[] =>
  DEFAULT_ITEMS.map((i) => ({ key: i.key, area: i.area, texts: i.texts as Record<string, { da: string; en: string }>, optional: i.optional, own: false }));

/** The items a round created now would ask: default items not switched off, then own items in use, each area's items together. */
export async function currentItems(exec: Executor, schoolId: string): Promise<SurveyItemSnapshot[]> {
  const [settings, own] = await Promise.all([settingsOf(exec, schoolId), ownItemsInUse(exec, schoolId)]);
  const off = new Set(settings.disabledItemKeys);
  const items = [
    ...defaultSnapshot().filter((i) => !(i.optional && off.has(i.key))),
    ...own.map((o) => ({ key: o.key, area: o.area, texts: o.texts, optional: true, own: true })),
  ];
  const order = (a: string) => SURVEY_AREAS.indexOf(a as SurveyArea);
  return items.map((item, i) => ({ item, i })).sort((x, y) => order(x.item.area) - order(y.item.area) || x.i - y.i).map((x) => x.item);
}

export const hashItems = (items: SurveyItemSnapshot[]) => createHash('sha256').update(JSON.stringify(items)).digest('hex');

/** Freezes the current questionnaire as a version (or finds the unchanged one); returns its id. */
export async function freezeVersion(tx: Executor, schoolId: string): Promise<{ id: string; version: number }> {
  const items = await currentItems(tx, schoolId);
  const contentHash = hashItems(items);
  // One version number at a time per school, also when two rounds are created at once.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`survey-version:${schoolId}`}))`);
  const [same] = await tx
    .select({ id: surveyQuestionnaires.id, version: surveyQuestionnaires.version })
    .from(surveyQuestionnaires)
    .where(and(eq(surveyQuestionnaires.schoolId, schoolId), eq(surveyQuestionnaires.contentHash, contentHash)))
    .orderBy(desc(surveyQuestionnaires.version))
    .limit(1);
  if (same) return same;
  const [last] = await tx
    .select({ version: surveyQuestionnaires.version })
    .from(surveyQuestionnaires)
    .where(eq(surveyQuestionnaires.schoolId, schoolId))
    .orderBy(desc(surveyQuestionnaires.version))
    .limit(1);
  const [q] = await tx
    .insert(surveyQuestionnaires)
    .values({ schoolId, version: (last?.version ?? 0) + 1, items, contentHash })
    .returning({ id: surveyQuestionnaires.id, version: surveyQuestionnaires.version });
  if (!q) throw new Error('questionnaire insert failed');
  return q;
}

type Version = typeof surveyQuestionnaires.$inferSelect;
/** Versions are never changed once written, so the last few read are kept (every save of a sheet checks its items). */
const VERSIONS_KEPT = 200;
const versions = new Map<string, Version>();

export async function loadVersion(exec: Executor, schoolId: string, id: string): Promise<Version> {
  const key = `${schoolId}:${id}`;
  const kept = versions.get(key);
  if (kept) return kept;
  const [q] = await exec.select().from(surveyQuestionnaires).where(and(eq(surveyQuestionnaires.schoolId, schoolId), eq(surveyQuestionnaires.id, id)));
  if (!q) throw new Error('questionnaire version missing');
  versions.set(key, q);
  if (versions.size > VERSIONS_KEPT) {
    const oldest = versions.keys().next().value;
    if (oldest !== undefined) versions.delete(oldest);
  }
  return q;
}
