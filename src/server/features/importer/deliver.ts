import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ZImportResult } from '../../../shared/api/importer';
import type { SchoolActor } from '../../platform/actor';
import type { AppDeps } from '../../platform/deps';
import { ownOrigin } from '../../platform/security';
import { deliverLink, linkFor } from '../auth/api';
import type { ImportResult } from './commit';

type TResult = z.input<typeof ZImportResult>;

/**
 * After the import has committed: e-mails each invitation when SMTP is configured, or hands the
 * links back to copy, as a single invitation does. A failed e-mail does not undo the import (the
 * people and their roles are saved); the answer names whom to invite again from their page.
 */
export async function deliverInvitations(deps: AppDeps, req: FastifyRequest, actor: SchoolActor, result: ImportResult): Promise<TResult> {
  const { created, updated, unchanged, granted } = result;
  const answer: TResult = { created, updated, unchanged, ...(granted.role ? { role: granted.role } : {}) };
  if (!granted.invitations) return answer;
  const origin = ownOrigin(deps.config, req);
  const invitations: NonNullable<TResult['invitations']> = {
    emailed: 0,
    invited: [],
    notInvited: granted.invitations.shared.map((p) => ({ ...p, reason: 'account_shared' as const })),
  };
  for (const { name, email, token } of granted.invitations.issued) {
    const link = linkFor(origin, 'invite', token);
    try {
      const sent = await deliverLink(deps.mailer, { kind: 'invite', to: email, locale: actor.locale, link, schoolName: actor.school.name });
      if (sent.emailed) invitations.emailed += 1;
      invitations.invited.push({ name, email, link: sent.link });
    } catch (e) {
      req.log.error({ err: e }, 'sending an import invitation failed');
      invitations.notInvited.push({ name, email, reason: 'mail_failed' });
    }
  }
  return { ...answer, invitations };
}
