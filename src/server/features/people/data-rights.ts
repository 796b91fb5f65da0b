import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { TErasure } from '../../../shared/api/privacy';
import type { Executor } from '../../db/client';
import { accounts, people, personRoles, schools } from '../../db/schema/index';
import type { AppDeps } from '../../platform/deps';
import { AppError, conflict, invalid, notFound } from '../../platform/errors';
import { personalDataHooks, type ErasureReport, type ErasureSubject } from '../../platform/feature';
import { translate, type Locale } from '../../platform/messages';
import type { Writer } from './commands';

/** A person's data from every module (GDPR art. 15 and 20), as the JSON download and the PDF give it. */
export type PersonalDataExport = {
  exportedAt: string;
  school: string;
  person: { id: string; name: string };
  /** The language the person reads in (their account's, else the school's). */
  locale: Locale;
  /** Each feature's part, by feature name (docs/PRIVACY.md). */
  modules: Record<string, Record<string, unknown>>;
};

async function schoolOf(exec: Executor, schoolId: string) {
  const [s] = await exec.select({ name: schools.name, settings: schools.settings }).from(schools).where(eq(schools.id, schoolId));
  if (!s) throw notFound();
  return s;
}

/** Every feature's part of what Retning holds about one person of the school. */
export async function exportPersonData(exec: Executor, schoolId: string, personId: string): Promise<PersonalDataExport> {
  const [p] = await exec
    .select({ name: people.name, locale: accounts.locale })
    .from(people)
    .leftJoin(accounts, eq(accounts.id, people.accountId))
    .where(and(eq(people.schoolId, schoolId), eq(people.id, personId)));
  if (!p) throw notFound();
  const school = await schoolOf(exec, schoolId);
  const modules: Record<string, Record<string, unknown>> = {};
  for (const [name, hooks] of personalDataHooks()) {
    if (hooks.export) modules[name] = await hooks.export(exec, schoolId, personId);
  }
  return {
    exportedAt: new Date().toISOString(),
    school: school.name,
    person: { id: personId, name: p.name },
    locale: p.locale === 'en' ? 'en' : p.locale === 'da' ? 'da' : school.settings.defaultLocale,
    modules,
  };
}

/** What an erasure needs from the route: its transaction, actor and audit writer, the app's parts and the after-commit queue. */
export type EraseWriter = Writer & { deps: Pick<AppDeps, 'config' | 'database'>; afterCommit(fn: () => unknown): void };
type PersonRow = typeof people.$inferSelect;

const sameName = (a: string, b: string) => a.trim().normalize('NFC').toLocaleLowerCase('da') === b.trim().normalize('NFC').toLocaleLowerCase('da');

/** Whether another active, not erased administrator of the school would remain. */
async function otherAdminRemains(tx: Executor, schoolId: string, personId: string): Promise<boolean> {
  const [other] = await tx
    .select({ id: people.id })
    .from(personRoles)
    .innerJoin(people, and(eq(people.schoolId, personRoles.schoolId), eq(people.id, personRoles.personId)))
    .where(and(eq(personRoles.schoolId, schoolId), eq(personRoles.role, 'school_admin'), ne(people.id, personId), eq(people.active, true), isNull(people.erasedAt)))
    .limit(1);
  return other !== undefined;
}

/**
 * Erases a person (GDPR art. 17) in the route's one transaction: every feature's erase hook deletes
 * or anonymises its rows by the rules of docs/PRIVACY.md, the sign-in account last; files go after
 * the commit. Refused for oneself, for the last administrator, for a person already erased, and
 * unless `confirm` is the person's name. The erasure is audited without the name.
 */
export async function erasePerson(w: EraseWriter, person: PersonRow, confirm: string): Promise<TErasure> {
  const { db: tx, actor, audit } = w;
  const schoolId = actor.school.id;
  if (person.id === actor.person.id) throw conflict('cannot_erase_self');
  if (person.erasedAt) throw conflict('already_erased');
  if (!sameName(confirm, person.name)) throw invalid([{ field: 'confirm', key: 'validation.confirm_name' }]);
  // The row is locked first, so that two erasures (or an erasure and an edit) of one person do not interleave.
  await tx.execute(sql`select 1 from people where school_id = ${schoolId} and id = ${person.id} for update`);
  const [isAdmin] = await tx
    .select({ role: personRoles.role })
    .from(personRoles)
    .where(and(eq(personRoles.schoolId, schoolId), eq(personRoles.personId, person.id), eq(personRoles.role, 'school_admin')));
  if (isAdmin && !(await otherAdminRemains(tx, schoolId, person.id))) throw new AppError(409, 'last_admin');

  const school = await schoolOf(tx, schoolId);
  const [account] = person.accountId ? await tx.select({ locale: accounts.locale }).from(accounts).where(eq(accounts.id, person.accountId)) : [];
  const locale: Locale = school.settings.defaultLocale;
  const subject: ErasureSubject = {
    schoolId,
    personId: person.id,
    name: person.name,
    email: person.email,
    accountId: person.accountId,
    formerName: translate(locale, 'personalData.formerEmployee'),
    locale: account?.locale === 'en' ? 'en' : locale,
  };
  const modules: Record<string, ErasureReport> = {};
  for (const [name, hooks] of personalDataHooks()) {
    if (hooks.erase) modules[name] = await hooks.erase(tx, schoolId, person.id, { subject, deps: w.deps, afterCommit: w.afterCommit });
  }
  await audit({ action: 'person.erased', resourceType: 'person', resourceId: person.id, changes: { ...modules } });
  return { personId: person.id, modules };
}
