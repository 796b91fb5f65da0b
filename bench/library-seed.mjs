// Shared by the library benches: 99 more schools in the demo network, then 100,000 items (5,000 in
// the demo school, the rest spread), then ANALYZE (PGlite has no autovacuum).
import { sql } from 'drizzle-orm';

export const SEARCH_WORDS = ['svejsning', 'feedback', 'elever', 'skolerne', 'praktik', 'værksted', 'simulation', 'kantsøm', 'sikkerhed', 'undervisning', 'differentiering', 'trivsel', 'video', 'quiz', 'tømrer', 'murer', 'el-installation', 'logbog', 'refleksion', 'vurdering'];

export async function seedLibraryBench(db, { total = 100_000, perDemo = 5_000 } = {}) {
  await db.execute(sql`
    insert into schools (network_id, name, settings)
    select (select network_id from schools limit 1), 'Benchskole ' || g, '{"defaultLocale":"da","schoolYearStartMonth":8}'::jsonb from generate_series(1, 99) g`);
  await db.execute(sql`insert into people (school_id, name, email) select id, 'Forfatter', 'forfatter@' || id || '.bench' from schools where name like 'Benchskole %'`);
  const w = sql.raw(`array[${SEARCH_WORDS.map((x) => `'${x}'`).join(',')}]`);
  const insert = (schoolFilter, n) => sql`
    insert into library_items (school_id, kind, author_id, title, summary, fields_text, status, tags, licence, material_type)
    select s.id, case when g % 3 = 0 then 'material' else 'forlob' end,
      (select p.id from people p where p.school_id = s.id order by p.created_at limit 1),
      'Forløb om ' || (${w})[1 + g % 20] || ' og ' || (${w})[1 + (g / 20) % 20] || ' ' || g,
      'Eleverne arbejder med ' || (${w})[1 + (g / 7) % 20] || ' i ' || (${w})[1 + (g / 3) % 20],
      repeat('Læreprocesser med ' || (${w})[1 + (g / 11) % 20] || ' og ' || (${w})[1 + (g / 13) % 20] || '. ', 8),
      case when g % 10 = 0 then 'draft' when g % 10 = 1 then 'submitted' else 'published' end,
      jsonb_build_object('fag', jsonb_build_array((${w})[1 + g % 20])), 'cc_by',
      case when g % 3 = 0 then (array['document','video','link','simulation','quiz','other'])[1 + g % 6] end
    from ${sql.raw(schoolFilter)} s, generate_series(1, ${n}) g`;
  await db.execute(insert("(select id from schools where name not like 'Benchskole %')", perDemo));
  await db.execute(insert("(select id from schools where name like 'Benchskole %')", Math.floor((total - perDemo) / 99)));
  await db.execute(sql`analyze`);
  return Number((await db.execute(sql`select count(*)::int as n from library_items`)).rows[0].n);
}
