import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { externalIdentities, signInProviders } from '../../db/schema/index';
import type { PersonalDataHooks } from '../../platform/feature';

/*
 * A person's links to identity providers (docs/PRIVACY.md): in the person's export with the
 * provider and dates (the subject is the provider's key for the person, so it is included);
 * deleted with the person.
 */

async function exportLinks(exec: Executor, schoolId: string, personId: string): Promise<Record<string, unknown>> {
  const links = await exec
    .select({
      provider: signInProviders.label,
      kind: signInProviders.kind,
      subject: externalIdentities.subject,
      suggestedRole: externalIdentities.suggestedRole,
      linkedAt: externalIdentities.linkedAt,
      lastSignInAt: externalIdentities.lastSignInAt,
    })
    .from(externalIdentities)
    .innerJoin(signInProviders, and(eq(signInProviders.schoolId, externalIdentities.schoolId), eq(signInProviders.id, externalIdentities.providerId)))
    .where(and(eq(externalIdentities.schoolId, schoolId), eq(externalIdentities.personId, personId)))
    .orderBy(asc(externalIdentities.linkedAt));
  return { identities: links };
}

export const signInPersonalData: PersonalDataHooks = {
  export: exportLinks,
  erase: async (tx, schoolId, personId) => {
    const gone = await tx
      .delete(externalIdentities)
      .where(and(eq(externalIdentities.schoolId, schoolId), eq(externalIdentities.personId, personId)))
      .returning({ id: externalIdentities.id });
    return { deleted: { identities: gone.length } };
  },
};
