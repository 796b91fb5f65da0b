import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TLogbookOverview, TStudentLogbook, ZLogbookEntry } from '../../../shared/api/internship';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import type { SchoolActor } from '../../platform/actor';
import { abilitiesOn } from '../../platform/policy';
import { todayInCopenhagen } from '../../platform/time';
import type { EntryRow, LogbookStudent } from './logbook-access';
import { isStudentSql, studentScopeSql } from './students-access';

const fileUrl = (id: string, variant?: 'display' | 'thumb') => `/api/v1/internship/logbook/files/${id}${variant ? `?variant=${variant}` : ''}`;
const ENTRY_ACTIONS = ['logbookStudent:write', 'logbookStudent:comment'] as const;
const EXCERPT_CHARS = 240;

/** One entry with its tags, files and comments (four small queries issued together). */
export async function showEntry(exec: Executor, actor: SchoolActor, student: LogbookStudent, row: EntryRow): Promise<z.output<typeof ZLogbookEntry>> {
  const s = actor.school.id;
  const [company, goals, tasks, files, comments] = await Promise.all([
    rawQuery<{ id: string; name: string }>(exec, sql`
      select c.id, c.name from placements pl join companies c on c.school_id = pl.school_id and c.id = pl.company_id
      where pl.school_id = ${s} and pl.id = ${row.placementId}`),
    rawQuery<{ id: string; code: string; text: string }>(exec, sql`
      select g.id, g.code, g.text from logbook_entry_goals eg join internship_goals g on g.school_id = eg.school_id and g.id = eg.goal_id
      where eg.school_id = ${s} and eg.entry_id = ${row.id} order by g.position, g.code`),
    rawQuery<{ id: string; name: string }>(exec, sql`
      select t.id, t.title as name from logbook_entry_tasks et join practice_tasks t on t.school_id = et.school_id and t.id = et.task_id
      where et.school_id = ${s} and et.entry_id = ${row.id} order by t.title`),
    rawQuery<{ id: string; kind: 'photo' | 'video'; file_name: string; width: number | null; height: number | null }>(exec, sql`
      select id, kind, file_name, width, height from logbook_files where school_id = ${s} and entry_id = ${row.id} order by position`),
    rawQuery<{ id: string; body: string; created_at: Date | string; author_id: string; author_name: string }>(exec, sql`
      select c.id, c.body, c.created_at, p.id as author_id, p.name as author_name from logbook_comments c
      join people p on p.school_id = c.school_id and p.id = c.author_id
      where c.school_id = ${s} and c.entry_id = ${row.id} order by c.created_at, c.id`),
  ]);
  const writes = abilitiesOn(actor, ['logbookStudent:write'] as const, student);
  return {
    id: row.id,
    student: { id: student.studentId, name: student.name },
    placementId: row.placementId,
    company: company[0] ?? null,
    entryDate: row.entryDate,
    title: row.title,
    bodyHtml: row.bodyHtml,
    videoUrl: row.videoUrl,
    goals,
    tasks,
    files: files.map((f) => ({
      id: f.id,
      kind: f.kind,
      fileName: f.file_name,
      url: fileUrl(f.id, f.kind === 'photo' ? 'display' : undefined),
      thumbUrl: f.kind === 'photo' ? fileUrl(f.id, 'thumb') : null,
      width: f.width,
      height: f.height,
      abilities: writes,
    })),
    comments: comments.map((c) => ({ id: c.id, body: c.body, createdAt: new Date(c.created_at), author: { id: c.author_id, name: c.author_name } })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    abilities: abilitiesOn(actor, ENTRY_ACTIONS, student),
  };
}
/** A student's entries, newest first, with their counts and the first photo's thumbnail: one query. */
export async function studentLogbook(exec: Executor, actor: SchoolActor, student: LogbookStudent, placementId?: string): Promise<TStudentLogbook> {
  const s = actor.school.id;
  const rows = await rawQuery<{ id: string; placement_id: string; entry_date: string; title: string; excerpt: string; photos: number; videos: number; comments: number; thumb: string | null }>(
    exec,
    sql`
    select e.id, e.placement_id, e.entry_date::text as entry_date, e.title, left(e.body_text, ${EXCERPT_CHARS}) as excerpt,
      (select count(*) from logbook_files f where f.school_id = e.school_id and f.entry_id = e.id and f.kind = 'photo')::int as photos,
      (select count(*) from logbook_files f where f.school_id = e.school_id and f.entry_id = e.id and f.kind = 'video')::int as videos,
      (select count(*) from logbook_comments c where c.school_id = e.school_id and c.entry_id = e.id)::int as comments,
      (select f.id from logbook_files f where f.school_id = e.school_id and f.entry_id = e.id and f.kind = 'photo' order by f.position limit 1) as thumb
    from logbook_entries e
    where e.school_id = ${s} and e.student_id = ${student.studentId} ${placementId ? sql`and e.placement_id::text = ${placementId}` : sql``}
    order by e.entry_date desc, e.created_at desc`,
  );
  return {
    student: { id: student.studentId, name: student.name },
    entries: rows.map((r) => ({
      id: r.id,
      placementId: r.placement_id,
      entryDate: r.entry_date,
      title: r.title,
      excerpt: r.excerpt,
      photos: r.photos,
      videos: r.videos,
      comments: r.comments,
      thumbUrl: r.thumb ? fileUrl(r.thumb, 'thumb') : null,
    })),
    abilities: abilitiesOn(actor, ENTRY_ACTIONS, student),
  };
}

/** Monday of the ISO week of a day (YYYY-MM-DD). */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/**
 * The logbook overview: the students the actor sees (a teacher: those sharing a team with him),
 * each with today's placement, the last entry's day, the entries of this week and the comments
 * by others since the reader's own last comment in that student's logbook. One statement, however
 * many students: each part is computed once for all of them and joined.
 */
export async function logbookOverview(exec: Executor, actor: SchoolActor, today = todayInCopenhagen()): Promise<TLogbookOverview> {
  const s = actor.school.id;
  const me = actor.person.id;
  const scope = studentScopeSql(actor, sql`p.id`, sql`p.department_id`, today) ?? sql`true`;
  const rows = await rawQuery<{
    id: string;
    name: string;
    kind: 'school' | 'practice' | null;
    starts_on: string | null;
    ends_on: string | null;
    company_id: string | null;
    company_name: string | null;
    last_entry: string | null;
    week: number | null;
    unseen: number | null;
  }>(
    exec,
    sql`
    with mine as (
      select p.id, p.name from people p
      where p.school_id = ${s} and p.active and ${isStudentSql(s, sql`p.id`)} and ${scope}
    ),
    cur as (
      select distinct on (pl.student_id) pl.student_id, pl.kind, pl.starts_on::text as starts_on, pl.ends_on::text as ends_on, c.id as company_id, c.name as company_name
      from placements pl left join companies c on c.school_id = pl.school_id and c.id = pl.company_id
      where pl.school_id = ${s} and pl.student_id in (select id from mine) and pl.starts_on <= ${today}::date and pl.ends_on >= ${today}::date
      order by pl.student_id, pl.starts_on desc
    ),
    ent as (
      select e.student_id, max(e.entry_date)::text as last_entry, count(*) filter (where e.entry_date >= ${mondayOf(today)}::date)::int as week
      from logbook_entries e where e.school_id = ${s} and e.student_id in (select id from mine) group by e.student_id
    ),
    com as (
      select e.student_id, c.author_id, c.created_at from logbook_comments c
      join logbook_entries e on e.school_id = c.school_id and e.id = c.entry_id
      where c.school_id = ${s} and e.student_id in (select id from mine)
    ),
    seen as (select student_id, max(created_at) as at from com where author_id = ${me} group by student_id),
    unseen as (
      select com.student_id, count(*)::int as unseen from com left join seen on seen.student_id = com.student_id
      where com.author_id <> ${me} and (seen.at is null or com.created_at > seen.at) group by com.student_id
    )
    select m.id, m.name, cur.kind, cur.starts_on, cur.ends_on, cur.company_id, cur.company_name, ent.last_entry, ent.week, unseen.unseen
    from mine m
    left join cur on cur.student_id = m.id
    left join ent on ent.student_id = m.id
    left join unseen on unseen.student_id = m.id
    order by m.name, m.id`,
  );
  return {
    students: rows.map((r) => ({
      student: { id: r.id, name: r.name },
      current:
        r.kind && r.starts_on && r.ends_on
          ? { kind: r.kind, company: r.company_id && r.company_name ? { id: r.company_id, name: r.company_name } : null, startsOn: r.starts_on, endsOn: r.ends_on }
          : null,
      lastEntryOn: r.last_entry,
      entriesThisWeek: r.week ?? 0,
      unseenComments: r.unseen ?? 0,
    })),
  };
}
