import { randomBytes } from 'node:crypto';
import { and, eq, isNull, notInArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZOwnItemsInput, ZSurveySettingsPatch } from '../../../shared/api/surveys';
import type { Executor } from '../../db/client';
import { surveyOwnItems, surveySettings } from '../../db/schema/index';
import { invalid, type FieldError } from '../../platform/errors';
import { DEFAULT_ITEMS } from './questionnaire-data';
import { MAX_OWN_ITEMS, areaInfo, defaultSnapshot, isArea, ownItemsInUse, settingsOf } from './questionnaire';

/** The settings page's view: the switches, the default items (to switch optional ones off), the own items in use. */
export async function presentSettings(exec: Executor, schoolId: string) {
  const [s, own] = await Promise.all([settingsOf(exec, schoolId), ownItemsInUse(exec, schoolId)]);
  return {
    liveResults: s.liveResults,
    disabledItemKeys: s.disabledItemKeys,
    defaultItems: defaultSnapshot(),
    ownItems: own.map((o) => {
      const groups = Object.keys(o.texts) as ('leader' | 'teacher' | 'student' | 'supervisor')[];
      return { key: o.key, area: o.area, groups, text: Object.values(o.texts)[0] ?? { da: '', en: '' } };
    }),
    areas: areaInfo(),
    maxOwnItems: MAX_OWN_ITEMS,
  };
}

/** Switches optional items off (only optional default items can be) and live results on or off. */
export async function updateSettings(tx: Executor, schoolId: string, input: z.output<typeof ZSurveySettingsPatch>): Promise<void> {
  const optional = new Set(DEFAULT_ITEMS.filter((i) => i.optional).map((i) => i.key));
  const keys = input.disabledItemKeys;
  const bad = (keys ?? []).findIndex((k) => !optional.has(k));
  if (bad >= 0) throw invalid([{ field: `disabledItemKeys.${bad}`, key: 'surveys.validation.not_optional' }]);
  const set = { ...(keys ? { disabledItemKeys: [...new Set(keys)] } : {}), ...(input.liveResults !== undefined ? { liveResults: input.liveResults } : {}), updatedAt: new Date() };
  await tx.insert(surveySettings).values({ schoolId, ...set }).onConflictDoUpdate({ target: surveySettings.schoolId, set });
}

/**
 * Replaces the own items in use: an item without a key is added, one left out is archived (its key
 * stays in the versions and totals of earlier rounds). More than MAX_OWN_ITEMS: 422 naming the first one over.
 */
export async function replaceOwnItems(tx: Executor, schoolId: string, input: z.output<typeof ZOwnItemsInput>): Promise<void> {
  const errors: FieldError[] = [];
  if (input.items.length > MAX_OWN_ITEMS) errors.push({ field: `items.${MAX_OWN_ITEMS}`, key: 'surveys.validation.too_many_own_items', vars: { max: MAX_OWN_ITEMS } });
  const current = await ownItemsInUse(tx, schoolId);
  const known = new Set(current.map((o) => o.key));
  input.items.forEach((it, i) => {
    if (!isArea(it.area)) errors.push({ field: `items.${i}.area`, key: 'surveys.validation.unknown_area' });
    if (it.key !== undefined && !known.has(it.key)) errors.push({ field: `items.${i}.key`, key: 'surveys.validation.unknown_item' });
  });
  if (errors.length) throw invalid(errors);
  const textsOf = (it: (typeof input.items)[number]) => Object.fromEntries(it.groups.map((g) => [g, { da: it.text.da, en: it.text.en || it.text.da }]));
  const kept = input.items.flatMap((it) => (it.key ? [it.key] : []));
  await tx
    .update(surveyOwnItems)
    .set({ archivedAt: new Date() })
    .where(and(eq(surveyOwnItems.schoolId, schoolId), isNull(surveyOwnItems.archivedAt), kept.length ? notInArray(surveyOwnItems.key, kept) : sql`true`));
  for (const it of input.items) {
    if (it.key) {
      await tx.update(surveyOwnItems).set({ area: it.area, texts: textsOf(it) }).where(and(eq(surveyOwnItems.schoolId, schoolId), eq(surveyOwnItems.key, it.key)));
    } else {
      await tx.insert(surveyOwnItems).values({ schoolId, key: `own-${randomBytes(6).toString('hex')}`, area: it.area, texts: textsOf(it) });
    }
  }
}
