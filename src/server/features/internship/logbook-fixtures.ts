import type { Db } from '../../db/client';
import { companies, logbookEntries, personTeams, placements, supervisorCompanies, teams } from '../../db/schema/index';
import { addDays } from '../home/api';
import { isValidCvr } from './companies-cvr';

/** Rows for the logbook's and tasks' tests and authorization-matrix fixtures, written straight to the database. */
let serial = 0;
let cvr = 47000000;
const nextCvr = () => {
  for (;;) {
    const c = String(++cvr);
    if (isValidCvr(c)) return c;
  }
};

/** A company of the school with the given supervisors tied to it. */
export async function companyOf(db: Db, schoolId: string, supervisorIds: string[] = []): Promise<string> {
  const [c] = await db.insert(companies).values({ schoolId, name: `Logbog Byg ${++serial}`, cvr: nextCvr() }).returning({ id: companies.id });
  if (!c) throw new Error('company not inserted');
  if (supervisorIds.length) await db.insert(supervisorCompanies).values(supervisorIds.map((supervisorId) => ({ schoolId, supervisorId, companyId: c.id })));
  return c.id;
}

/** A team of the school with these members (teachers and students alike). */
export async function teamOf(db: Db, schoolId: string, memberIds: string[], departmentId: string | null = null): Promise<string> {
  const [t] = await db.insert(teams).values({ schoolId, name: `Logbogshold ${++serial}`, departmentId }).returning({ id: teams.id });
  if (!t) throw new Error('team not inserted');
  const members = [...new Set(memberIds)];
  if (members.length) await db.insert(personTeams).values(members.map((personId) => ({ schoolId, personId, teamId: t.id })));
  return t.id;
}

/** A practice period of the student with the company, from `startsOn` for `days` days (or a school period without a company). */
export async function placementOf(db: Db, schoolId: string, studentId: string, companyId: string | null, startsOn: string, days: number): Promise<string> {
  const [p] = await db
    .insert(placements)
    .values({ schoolId, studentId, kind: companyId ? 'practice' : 'school', companyId, startsOn, endsOn: addDays(startsOn, days - 1) })
    .returning({ id: placements.id });
  if (!p) throw new Error('placement not inserted');
  return p.id;
}

/** An entry of the student in the placement. */
export async function entryOf(db: Db, schoolId: string, studentId: string, placementId: string, entryDate: string, title = 'Dagens arbejde'): Promise<string> {
  const [e] = await db
    .insert(logbookEntries)
    .values({ schoolId, studentId, placementId, entryDate, title, bodyHtml: '<p>Vi lagde tag.</p>', bodyText: 'Vi lagde tag.' })
    .returning({ id: logbookEntries.id });
  if (!e) throw new Error('entry not inserted');
  return e.id;
}

/**
 * A 1×1 grey TIFF whose bytes are all below 0x80, so it travels unchanged as a string body (the
 * authorization matrix sends bodies as strings). Eight IFD entries: width, height, bits, no
 * compression, BlackIsZero, the strip's offset (110), one row per strip, one byte.
 */
export function asciiTiff(): string {
  const u16 = (n: number) => String.fromCharCode(n & 0xff, n >> 8);
  const u32 = (n: number) => u16(n & 0xffff) + u16(n >>> 16);
  const entries: [number, number, number][] = [[256, 3, 1], [257, 3, 1], [258, 3, 8], [259, 3, 1], [262, 3, 1], [273, 4, 110], [278, 3, 1], [279, 4, 1]];
  let s = `II*\0${u32(8)}${u16(entries.length)}`;
  for (const [tag, type, v] of entries) s += u16(tag) + u16(type) + u32(1) + (type === 3 ? `${u16(v)}\0\0` : u32(v));
  return `${s}\0\0\0\0@`;
}
