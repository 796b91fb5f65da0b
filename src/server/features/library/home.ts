import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import type { SchoolActor } from '../../platform/actor';
import type { HomeContext, HomeItem } from '../../platform/feature';
import { can } from '../../platform/policy';
import { homeItemOf } from '../home/api';
import { reviewSummary } from './notify';

/** Comments by others on the person's own items are news for this many days. */
export const COMMENTS_WITHIN_DAYS = 14;

const item = homeItemOf('library');

/** Authored or co-authored by the person: the items `canSee` lets an author open whatever their status. */
const authoredBy = (me: string) =>
  sql`(i.author_id = ${me} or exists (select 1 from library_coauthors c where c.school_id = i.school_id and c.item_id = i.id and c.person_id = ${me}))`;

/** For the editorial group: how many submissions wait to be taken (the count on "Til review"), and the items the person has taken. */
async function reviewWork(exec: Executor, actor: SchoolActor): Promise<HomeItem[]> {
  if (!can(actor, 'library:review')) return [];
  const [summary, taken] = await Promise.all([
    reviewSummary(exec, actor),
    rawQuery<{ id: string; title: string }>(
      exec,
      sql`select i.id, i.title from library_items i
        where i.school_id = ${actor.school.id} and i.status = 'in_review' and i.reviewer_id = ${actor.person.id} and not ${authoredBy(actor.person.id)}
        order by i.updated_at`,
    ),
  ]);
  const queue =
    summary.waiting > 0
      ? [item({ id: 'library.reviewQueue', kind: 'library.reviewQueue', title: null, count: summary.waiting, path: '/videndeling/review', nav: '/videndeling/review', urgency: 'todo' })]
      : [];
  return [...queue, ...taken.map((r) => item({ id: `library.reviewing:${r.id}`, kind: 'library.reviewing', title: r.title, path: `/videndeling/${r.id}`, nav: null, urgency: 'todo' }))];
}

/** The person's own items that are with the editorial group or have been sent back to them. */
async function ownInWorkflow(exec: Executor, actor: SchoolActor): Promise<HomeItem[]> {
  const rows = await rawQuery<{ id: string; title: string; status: string }>(
    exec,
    sql`select i.id, i.title, i.status from library_items i
      where i.school_id = ${actor.school.id} and i.status in ('submitted', 'in_review', 'returned') and ${authoredBy(actor.person.id)}
      order by (i.status = 'returned') desc, i.updated_at desc`,
  );
  return rows.map((r) =>
    r.status === 'returned'
      ? item({ id: `library.returned:${r.id}`, kind: 'library.returned', title: r.title, path: `/videndeling/${r.id}`, nav: '/videndeling', urgency: 'todo' })
      : item({ id: `library.inReview:${r.id}`, kind: 'library.inReview', title: r.title, path: `/videndeling/${r.id}`, nav: null, urgency: 'info' }),
  );
}

/** Recent comments by others on the person's own items, counted per item. */
async function newComments(exec: Executor, actor: SchoolActor, now: Date): Promise<HomeItem[]> {
  const since = new Date(now.getTime() - COMMENTS_WITHIN_DAYS * 86_400_000);
  const rows = await rawQuery<{ id: string; title: string; n: number }>(
    exec,
    sql`select i.id, i.title, count(*)::int n from library_comments k
      join library_items i on i.school_id = k.school_id and i.id = k.item_id
      where k.school_id = ${actor.school.id} and k.author_id <> ${actor.person.id} and k.created_at >= ${since.toISOString()}::timestamptz and ${authoredBy(actor.person.id)}
      group by i.id, i.title
      order by max(k.created_at) desc`,
  );
  return rows.map((r) => item({ id: `library.comments:${r.id}`, kind: 'library.comments', title: r.title, count: Number(r.n), path: `/videndeling/${r.id}`, nav: null, urgency: 'info' }));
}

/** The library's part of "Min side": three reads, issued together. */
export async function libraryHome(exec: Executor, actor: SchoolActor, { now }: HomeContext): Promise<HomeItem[]> {
  if (!can(actor, 'library:read')) return [];
  const [review, own, comments] = await Promise.all([reviewWork(exec, actor), ownInWorkflow(exec, actor), newComments(exec, actor, now)]);
  return [...review, ...own, ...comments];
}
