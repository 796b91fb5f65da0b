import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import type { SchoolActor } from '../../platform/actor';
import type { Mailer } from '../../platform/mail';
import { translate, type Locale } from '../../platform/messages';
import { rawQuery } from '../../db/raw';
import type { ItemRow } from './model';

/** The editorial group (redaktionsgruppe) of a school who may review an item: active people with a working account, not its authors. */
export async function editorialRecipients(exec: Executor, schoolId: string, authorIds: string[]): Promise<{ id: string; name: string; email: string; locale: Locale }[]> {
  const exclude = authorIds.length ? sql`and p.id not in (${sql.join(authorIds.map((i) => sql`${i}`), sql`, `)})` : sql``;
  const rows = await rawQuery<{ id: string; name: string; email: string; locale: string }>(exec, sql`
    select distinct p.id, p.name, a.email, a.locale from person_roles r
    join people p on p.school_id = r.school_id and p.id = r.person_id
    join accounts a on a.id = p.account_id
    where r.school_id = ${schoolId} and r.role in ('editorial', 'internal_consultant') and p.active and a.disabled_at is null ${exclude}
    order by p.name`);
  return rows.map((r) => ({ ...r, locale: r.locale === 'en' ? 'en' : 'da' }));
}

/**
 * "Til review": the editorial group is notified. In the app the queue and the count on the
 * "Review" navigation entry show it (reviewSummary); when SMTP is configured each member also
 * gets an e-mail in their language with a link to the item. A failed mail is logged, never
 * turned into a failed submission (the submission is already stored).
 */
export async function notifyEditorialGroup(
  exec: Executor,
  mailer: Mailer,
  actor: SchoolActor,
  row: Pick<ItemRow, 'id' | 'title' | 'kind' | 'authorId'>,
  coAuthorIds: string[],
  origin: string,
  log: FastifyBaseLogger,
): Promise<{ emailed: number }> {
  if (!mailer.enabled) return { emailed: 0 };
  const recipients = await editorialRecipients(exec, actor.school.id, [row.authorId, ...coAuthorIds]);
  const link = `${origin}/videndeling/${row.id}`;
  const results = await Promise.allSettled(
    recipients.map((r) => {
      const vars = { name: r.name, author: actor.person.name, title: row.title, school: actor.school.name, link, kind: translate(r.locale, `library.kind.${row.kind}`).toLowerCase() };
      return mailer.send({ to: r.email, subject: translate(r.locale, 'library.mail.submitted.subject', vars), text: translate(r.locale, 'library.mail.submitted.body', vars) });
    }),
  );
  for (const f of results) if (f.status === 'rejected') log.error({ err: f.reason }, 'library review notification failed');
  return { emailed: results.filter((f) => f.status === 'fulfilled').length };
}

/** What waits for the editorial group: submitted items they may take (not their own), and those the reader has taken. */
export async function reviewSummary(exec: Executor, actor: SchoolActor): Promise<{ waiting: number; mine: number }> {
  const me = actor.person.id;
  const rows = await rawQuery<{ waiting: number; mine: number }>(exec, sql`
    select count(*) filter (where i.status = 'submitted')::int as waiting,
           count(*) filter (where i.status = 'in_review' and i.reviewer_id = ${me})::int as mine
    from library_items i
    where i.school_id = ${actor.school.id} and i.status in ('submitted', 'in_review') and i.author_id <> ${me}
      and not exists (select 1 from library_coauthors c where c.school_id = i.school_id and c.item_id = i.id and c.person_id = ${me})`);
  return { waiting: Number(rows[0]?.waiting ?? 0), mine: Number(rows[0]?.mine ?? 0) };
}
