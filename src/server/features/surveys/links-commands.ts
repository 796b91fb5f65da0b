import { and, eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { z } from 'zod';
import type { ZSurveyLinkInput } from '../../../shared/api/surveys';
import type { Executor } from '../../db/client';
import { departments, schools, surveyLinks, surveyRounds } from '../../db/schema/index';
import { AppError, invalid, notFound } from '../../platform/errors';
import { newSecret } from '../../platform/tokens';
import { presentLink } from './rounds-queries';
import { statusOf, type SurveyRound } from './rounds-model';

/** The web page a link opens (the token is in the path; only its SHA-256 is kept). */
export const linkPath = (token: string) => `/s/${token}`;

/** An answer link for a group without accounts; its address and QR code are returned once. */
export async function createLink(tx: Executor, round: SurveyRound, input: z.output<typeof ZSurveyLinkInput>, origin: string) {
  if (!round.groups.includes(input.group)) throw invalid([{ field: 'group', key: 'surveys.validation.link_group' }]);
  if (statusOf(round) === 'closed') throw new AppError(409, 'survey_round_closed', { fields: [{ field: 'roundId', key: 'surveys.validation.round_closed' }] });
  let departmentName: string | null = null;
  if (input.departmentId) {
    const [d] = await tx.select({ name: departments.name }).from(departments).where(and(eq(departments.schoolId, round.schoolId), eq(departments.id, input.departmentId)));
    if (!d || (round.departmentIds !== null && !round.departmentIds.includes(input.departmentId))) throw invalid([{ field: 'departmentId', key: 'validation.unknown_department' }]);
    departmentName = d.name;
  }
  const { token, hash } = newSecret();
  const [link] = await tx.insert(surveyLinks).values({ schoolId: round.schoolId, roundId: round.id, group: input.group, departmentId: input.departmentId, tokenHash: hash }).returning();
  if (!link) throw new Error('link insert failed');
  const path = linkPath(token);
  const url = `${origin}${path}`;
  const [qrSvg, qrPng] = await Promise.all([QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }), QRCode.toDataURL(url, { margin: 2, width: 512, errorCorrectionLevel: 'M' })]);
  return { link: presentLink(link, departmentName), path, qrSvg, qrPng };
}

export async function revokeLink(tx: Executor, link: typeof surveyLinks.$inferSelect): Promise<void> {
  await tx.update(surveyLinks).set({ revokedAt: link.revokedAt ?? new Date() }).where(and(eq(surveyLinks.schoolId, link.schoolId), eq(surveyLinks.id, link.id)));
}

/** The link behind a token with its round and school: 404 for an unknown token, 410 for a revoked link. */
export async function linkByToken(exec: Executor, tokenHash: string) {
  const [row] = await exec
    .select({ link: surveyLinks, round: surveyRounds, schoolName: schools.name })
    .from(surveyLinks)
    .innerJoin(surveyRounds, and(eq(surveyRounds.schoolId, surveyLinks.schoolId), eq(surveyRounds.id, surveyLinks.roundId)))
    .innerJoin(schools, eq(schools.id, surveyLinks.schoolId))
    .where(eq(surveyLinks.tokenHash, tokenHash));
  if (!row) throw notFound();
  // A link for a group the round no longer asks (changed before it opened) is as good as revoked.
  if (row.link.revokedAt || !row.round.groups.includes(row.link.group)) throw new AppError(410, 'survey_link_revoked');
  return row;
}
