import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import type { SchoolActor } from '../../platform/actor';
import type { HomeContext, HomeItem } from '../../platform/feature';
import { dueUrgency, homeItemOf } from '../home/api';
import { groupOfRoles } from './groups';
import { asks, personKey } from './rounds-model';

/** A round closing within this many days is due soon. */
const ROUND_SOON_DAYS = 3;
const item = homeItemOf('surveys');

type Row = { id: string; name: string; closes_on: string; groups: string[]; department_ids: string[] | null; answered: number; total: number };

/**
 * Min side: "Besvar selvevalueringen" for every open round that asks the person (their group and
 * department) and that they have not sent, with how far their draft got.
 */
export async function surveysHome(exec: Executor, actor: SchoolActor, { today }: HomeContext): Promise<HomeItem[]> {
  const group = groupOfRoles(actor.roles);
  if (!group) return [];
  const key = personKey(actor.person.id);
  const rows = await rawQuery<Row>(
    exec,
    sql`
    select r.id, r.name, r.closes_on::text closes_on, r.groups, r.department_ids,
      coalesce((select count(*)::int from jsonb_object_keys(d.answers)), 0) answered,
      (select count(*)::int from jsonb_array_elements(q.items) i where i -> 'texts' ? ${group}) total
    from survey_rounds r
    join survey_questionnaires q on q.school_id = r.school_id and q.id = r.questionnaire_id
    left join survey_drafts d on d.school_id = r.school_id and d.round_id = r.id and d.owner_key = ${key}
    where r.school_id = ${actor.school.id} and r.closed_at is null and r.opens_on <= ${today}::date and r.closes_on >= ${today}::date
      and not exists (select 1 from survey_participation p where p.school_id = r.school_id and p.round_id = r.id and p.respondent_key = ${key})
    order by r.closes_on, r.name`,
  );
  return rows
    .filter((r) => asks({ groups: r.groups, departmentIds: r.department_ids }, group, actor.person.departmentId))
    .map((r) =>
      item({
        id: `surveys.round:${r.id}`,
        kind: 'surveys.round',
        title: r.name,
        progress: { done: Math.min(r.answered, r.total), total: r.total },
        dueOn: r.closes_on,
        path: `/selvevaluering/besvar/${r.id}`,
        nav: null,
        urgency: dueUrgency(r.closes_on, today, ROUND_SOON_DAYS) === 'soon' ? 'soon' : 'todo',
      }),
    );
}
