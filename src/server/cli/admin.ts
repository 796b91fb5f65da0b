import { createReadStream, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { loadConfig } from '../config';
import type { Db } from '../db/client';
import { people, personRoles, schools } from '../db/schema/index';
import { ZEmail, ZInstitutionNumber, ZName } from '../../shared/schemas';
import { audit } from '../platform/audit';
import { AppError } from '../platform/errors';
import { translate } from '../platform/messages';
import { createMailer } from '../platform/mail';
import { deliverLink, ensureAccount, issueToken, linkFor } from '../features/auth/api';
import { addCoordinator, createNetwork, createSchoolIn, listNetworks, listSchoolsIn } from '../features/network/api';
import { restoreSchool } from '../features/school/api';
import { addProviderAsHost, providersOfSchool } from '../features/sign-in/api';
import { ZProviderInput, ZProviderKind } from '../../shared/api/sign-in';
import { openConfiguredDatabase } from '../runtime';

const USAGE = `Retning administration

  npm run admin -- create-network --name "Netværkets navn"
  npm run admin -- list-networks
  npm run admin -- create-school --name "Navn" [--institution 123456] [--network <netværk-id eller navn>]
  npm run admin -- create-admin --school <skole-id eller navn> --email a@skole.dk --name "Fulde navn"
  npm run admin -- create-coordinator --email a@center.dk [--network <netværk-id eller navn>]
  npm run admin -- list-schools [--network <netværk-id eller navn>]
  npm run admin -- set-storage-quota --school <skole-id eller navn> --mb 10240   (--mb default: STORAGE_QUOTA_MB)
  npm run admin -- restore-school <retning-eksport-….tar.gz>
  npm run admin -- add-provider --school <skole> --kind unilogin|entra|oidc --label "UNI-Login" --issuer https://… --client-id … --client-secret … [--tenant <tid> …] [--email-matching]
  npm run admin -- list-providers --school <skole-id eller navn>

--network is required when the installation has more than one network.

create-admin and create-coordinator print a one-time link (valid 7 days) for setting the password,
or e-mail it when SMTP_URL is set. Set PUBLIC_URL so that links point at the right address.

restore-school reads a school's export (Skole → Eksport af data) into this installation, all or
nothing: the school must not be here already. Stop the server first when it uses the embedded database.

add-provider checks the issuer's OpenID discovery and stores the client secret encrypted with
SECRETS_KEY (docs/sign-in.md); --tenant is required for entra and may be given several times.`;

class UsageError extends Error {}
const need = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, value: unknown, flag: string): T => {
  const r = schema.safeParse(value);
  if (!r.success) throw new UsageError(`Ugyldig eller manglende --${flag} / invalid or missing --${flag}`);
  return r.data;
};

async function findSchool(db: Db, ref: string) {
  const rows = await db
    .select()
    .from(schools)
    .where(/^[0-9a-f-]{36}$/i.test(ref) ? eq(schools.id, ref) : sql`lower(${schools.name}) = ${ref.toLowerCase()}`);
  if (rows.length !== 1) throw new UsageError(`Skolen "${ref}" findes ikke (entydigt) / school not found`);
  return rows[0] as typeof schools.$inferSelect;
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, institution: { type: 'string' }, network: { type: 'string' }, school: { type: 'string' }, email: { type: 'string' }, mb: { type: 'string' },
      kind: { type: 'string' }, label: { type: 'string' }, issuer: { type: 'string' }, 'client-id': { type: 'string' }, 'client-secret': { type: 'string' },
      tenant: { type: 'string', multiple: true }, 'email-matching': { type: 'boolean' } },
  });
  const command = positionals[0];
  if (!command || command === 'help') {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const { database, release } = openConfiguredDatabase(config);
  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  const baseUrl = config.publicUrl?.replace(/\/$/, '') ?? `http://localhost:${config.port}`;
  try {
    await database.migrate();
    const db = database.db;
    switch (command) {
      case 'create-school': {
        const name = need(ZName, values.name, 'name');
        const institutionNumber = values.institution === undefined ? null : need(ZInstitutionNumber, values.institution, 'institution');
        const { schoolId, network } = await createSchoolIn(db, { network: values.network, name, institutionNumber });
        console.log(`Skolen "${name}" er oprettet i "${network.name}" / created: ${schoolId}`);
        break;
      }
      case 'create-network': {
        const name = need(ZName, values.name, 'name');
        console.log(`Netværket "${name}" er oprettet / created: ${await createNetwork(db, name)}`);
        break;
      }
      case 'list-networks': {
        for (const n of await listNetworks(db)) console.log(`${n.id}  ${String(n.schools).padStart(4)} skoler / schools  ${n.name}`);
        break;
      }
      case 'create-admin': {
        const school = await findSchool(db, need(ZName, values.school, 'school'));
        const email = need(ZEmail, values.email, 'email');
        const name = need(ZName, values.name, 'name');
        const token = await db.transaction(async (tx) => {
          const accountId = await ensureAccount(tx, email, school.settings.defaultLocale);
          const [existing] = await tx.select().from(people).where(and(eq(people.schoolId, school.id), sql`lower(${people.email}) = ${email}`));
          const personId =
            existing?.id ??
            (await tx.insert(people).values({ schoolId: school.id, accountId, name, email, jobTitle: 'Administrator' }).returning({ id: people.id }))[0]?.id;
          if (!personId) throw new Error('person insert returned nothing');
          await tx.update(people).set({ accountId, active: true }).where(and(eq(people.schoolId, school.id), eq(people.id, personId)));
          await tx.insert(personRoles).values({ schoolId: school.id, personId, role: 'school_admin' }).onConflictDoNothing();
          await audit(tx, { system: 'admin-cli', schoolId: school.id }, { action: 'person.roles_changed', resourceType: 'person', resourceId: personId, summary: name, changes: { added: ['school_admin'] } });
          return issueToken(tx, { kind: 'invite', accountId, schoolId: school.id, createdBy: null });
        });
        const sent = await deliverLink(mailer, { kind: 'invite', to: email, locale: school.settings.defaultLocale, link: linkFor(baseUrl, 'invite', token), schoolName: school.name });
        console.log(sent.emailed ? `Invitation sendt til ${email}.` : `Vælg adgangskode her (7 dage) / set the password here:\n${sent.link}`);
        break;
      }
      case 'create-coordinator': {
        const email = need(ZEmail, values.email, 'email');
        const { token, network } = await addCoordinator(db, { network: values.network, email });
        const sent = await deliverLink(mailer, { kind: 'invite', to: email, locale: 'da', link: linkFor(baseUrl, 'invite', token), schoolName: network.name });
        console.log(sent.emailed ? `Invitation sendt til ${email}.` : `Vælg adgangskode her (7 dage) / set the password here:\n${sent.link}`);
        break;
      }
      case 'list-schools': {
        for (const s of await listSchoolsIn(db, values.network)) {
          console.log(`${s.id}  ${s.institutionNumber ?? '      '}  ${s.name}${s.archived ? '  (arkiveret / archived)' : ''}  [${s.network}]`);
        }
        break;
      }
      case 'set-storage-quota': {
        const school = await findSchool(db, need(ZName, values.school, 'school'));
        const mb = values.mb === 'default' ? undefined : need(z.coerce.number().int().positive().max(10_000_000), values.mb, 'mb');
        const { storageQuotaMb: before, ...rest } = school.settings;
        await db.transaction(async (tx) => {
          await tx.update(schools).set({ settings: mb === undefined ? rest : { ...rest, storageQuotaMb: mb } }).where(eq(schools.id, school.id));
          await audit(tx, { system: 'admin-cli', schoolId: school.id }, { action: 'school.storage_quota_set', resourceType: 'school', resourceId: school.id, changes: { before: before ?? null, mb: mb ?? null } });
        });
        console.log(`${school.name}: ${mb === undefined ? `STORAGE_QUOTA_MB (${config.storageQuotaBytes / 1024 / 1024} MB)` : `${mb} MB`}`);
        break;
      }
      case 'restore-school': {
        const file = positionals[1];
        if (!file) throw new UsageError(USAGE);
        if (!statSync(file, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`Filen "${file}" findes ikke / file not found`);
        const restored = await restoreSchool(db, config, createReadStream(file), { by: 'admin-cli' });
        const rows = restored.tables.reduce((n, t) => n + t.rows, 0);
        console.log(`Skolen "${restored.name}" er genskabt / restored: ${restored.schoolId}`);
        console.log(`  ${rows} rækker / rows, ${restored.files} filer / files (eksporteret / exported ${restored.exportedAt})`);
        console.log(`  konti / accounts: ${restored.accounts.created} nye / new, ${restored.accounts.linked} genkendt på e-mail / linked by e-mail`);
        break;
      }
      case 'add-provider': {
        const school = await findSchool(db, need(ZName, values.school, 'school'));
        const fields = {
          kind: need(ZProviderKind, values.kind, 'kind'),
          label: need(ZProviderInput.shape.label, values.label, 'label'),
          issuer: need(ZProviderInput.shape.issuer, values.issuer, 'issuer'),
          clientId: need(ZProviderInput.shape.clientId, values['client-id'], 'client-id'),
          clientSecret: need(ZProviderInput.shape.clientSecret, values['client-secret'], 'client-secret'),
          allowedTenants: values.tenant ?? [],
          emailMatching: values['email-matching'] ?? false,
          claims: {},
          active: true,
        };
        console.log(`Login-udbyderen er tilføjet / provider added: ${await addProviderAsHost(db, config, school.id, fields)}`);
        break;
      }
      case 'list-providers': {
        const school = await findSchool(db, need(ZName, values.school, 'school'));
        for (const p of await providersOfSchool(db, school.id)) {
          console.log(`${p.id}  ${p.kind.padEnd(8)}  ${p.label}  ${p.issuer}  ${p.links} tilknyttet / linked${p.active ? '' : '  (inaktiv / inactive)'}`);
        }
        break;
      }
      default:
        throw new UsageError(USAGE);
    }
  } finally {
    await database.close();
    mailer.close();
    release();
  }
}

main().catch((e: unknown) => {
  if (e instanceof AppError) console.error(`${translate('da', `errors.${e.code}`, e.options.vars)}\n${translate('en', `errors.${e.code}`, e.options.vars)}`);
  else console.error(e instanceof Error ? e.message : e);
  process.exit(e instanceof UsageError ? 2 : 1);
});
