import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { people } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { announceSessionChanges } from '../../platform/session-events';
import { grantImported, type Granted, type GrantOptions } from './grant';
import type { ImportRow } from './preview';

const CHUNK = 500;

export type ImportResult = { created: number; updated: number; unchanged: number; granted: Granted };

/**
 * Writes a checked import in one transaction: all rows or none. New people are inserted and
 * people matched by e-mail are updated, in chunks, reporting progress after each chunk; then the
 * file's people get the chosen role and invitations (grant.ts), in the same transaction.
 */
export async function commitImport(
  db: Executor,
  actor: SchoolActor,
  rows: ImportRow[],
  onProgress: (done: number, total: number) => void,
  grant: GrantOptions = { invite: false, canEmail: false },
): Promise<ImportResult> {
  const creates = rows.filter((r) => r.action === 'create');
  const updates = rows.filter((r) => r.action === 'update');
  const total = creates.length + updates.length;
  let done = 0;
  let granted: Granted = {};
  await db.transaction(async (tx) => {
    for (let i = 0; i < creates.length; i += CHUNK) {
      const chunk = creates.slice(i, i + CHUNK);
      await tx.insert(people).values(
        chunk.map((r) => ({
          schoolId: actor.school.id,
          name: r.name,
          email: r.email,
          jobTitle: r.jobTitle,
          departmentId: r.departmentId,
          employmentStart: r.employmentStart,
        })),
      );
      done += chunk.length;
      onProgress(done, total);
    }
    for (let i = 0; i < updates.length; i += CHUNK) {
      const chunk = updates.slice(i, i + CHUNK);
      const values = sql.join(
        chunk.map((r) => sql`(${r.personId}::uuid, ${r.name}, ${r.jobTitle}, ${r.departmentId}::uuid, ${r.employmentStart}::date)`),
        sql`, `,
      );
      const updated = await tx.execute(sql`
        update ${people} as p set
          name = v.name,
          job_title = v.job_title,
          department_id = coalesce(v.department_id, p.department_id),
          employment_start = coalesce(v.employment_start, p.employment_start),
          updated_at = now()
        from (values ${values}) as v(id, name, job_title, department_id, employment_start)
        where p.school_id = ${actor.school.id} and p.id = v.id
        returning p.account_id`);
      // A changed name or department changes what a signed-in person may see: refresh their sessions.
      const accountIds = (updated as unknown as { rows: { account_id: string | null }[] }).rows.flatMap((r) => (r.account_id ? [r.account_id] : []));
      await announceSessionChanges(tx, accountIds.map((id) => ({ kind: 'account' as const, id })));
      done += chunk.length;
      onProgress(done, total);
    }
    if (grant.role || grant.invite) granted = await grantImported(tx, actor, rows.map((r) => r.email), grant);
    await audit(tx, actor, {
      action: 'people.imported',
      resourceType: 'person',
      summary: `${creates.length} / ${updates.length}`,
      changes: {
        created: creates.length,
        updated: updates.length,
        emails: [...creates, ...updates].slice(0, 50).map((r) => r.email),
        ...(granted.role ? { role: granted.role.role, roleGiven: granted.role.given } : {}),
        ...(granted.invitations ? { invited: granted.invitations.issued.length } : {}),
      },
    });
  });
  // PGlite has no autovacuum: refresh the planner's statistics after a bulk change so that the
  // people list keeps using its name index.
  if (total > 0) await db.execute(sql`analyze ${people}`);
  return { created: creates.length, updated: updates.length, unchanged: rows.length - total, granted };
}
