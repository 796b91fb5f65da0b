import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { dialogueSessions } from '../../db/schema/index';
import { rawQuery } from '../../db/raw';
import type { SchoolActor } from '../../platform/actor';
import type { HomeContext, HomeItem } from '../../platform/feature';
import { dueUrgency, homeItemOf } from '../home/api';
import { audienceHolds, teamsOf } from './sessions-queries';

/** A dialogue closing within this many days is due soon. */
const DIALOGUE_SOON_DAYS = 2;
const item = homeItemOf('dialogue');

type Progress = { id: string; answered: number; total: number };

/**
 * Min side: "Giv dit bud i dialogen" for every open asynchronous dialogue whose audience holds the
 * person, from its first day to its last, while some of its pairs have no answer of theirs.
 */
export async function dialogueHome(exec: Executor, actor: SchoolActor, { today }: HomeContext): Promise<HomeItem[]> {
  const open = await exec
    .select()
    .from(dialogueSessions)
    .where(
      and(
        eq(dialogueSessions.schoolId, actor.school.id),
        eq(dialogueSessions.mode, 'async'),
        eq(dialogueSessions.status, 'open'),
        sql`${dialogueSessions.opensOn} <= ${today}::date and ${dialogueSessions.closesOn} >= ${today}::date`,
      ),
    );
  const teamIds = open.some((s) => (s.audience?.teamIds.length ?? 0) > 0) ? await teamsOf(exec, actor) : [];
  const asked = open.filter((s) => audienceHolds(actor, s, teamIds));
  if (asked.length === 0) return [];
  const ids = asked.map((s) => s.id);
  const progress = await rawQuery<Progress>(
    exec,
    sql`
    select i.session_id id, count(*)::int total,
      count(a.item_id) filter (where a.now is not null and a.wanted is not null)::int answered
    from dialogue_items i
    left join dialogue_participants p on p.school_id = i.school_id and p.session_id = i.session_id and p.person_id = ${actor.person.id}
    left join dialogue_answers a on a.school_id = i.school_id and a.item_id = i.id and a.participant_id = p.id
    where i.school_id = ${actor.school.id} and i.session_id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
    group by i.session_id`,
  );
  const bySession = new Map(progress.map((p) => [p.id, p]));
  return asked.flatMap((s) => {
    const p = bySession.get(s.id);
    if (!p || p.answered >= p.total || !s.closesOn) return [];
    return [
      item({
        id: `dialogue.session:${s.id}`,
        kind: 'dialogue.session',
        title: s.title,
        progress: { done: p.answered, total: p.total },
        dueOn: s.closesOn,
        path: `/dialog/${s.id}/svar`,
        nav: null,
        urgency: dueUrgency(s.closesOn, today, DIALOGUE_SOON_DAYS) === 'soon' ? 'soon' : 'todo',
      }),
    ];
  });
}
