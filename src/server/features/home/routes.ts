import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ZHome, ZUnsubscribed } from '../../../shared/api/home';
import { homeDigests, schools } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import { route } from '../../platform/route';
import { hashSecret } from '../../platform/tokens';
import { homeContext, homeFor, type HomeSources } from './collect';
import { setWeeklyDigest } from './preferences';

const tags = ['home'];

export const homeRoutes = (sources: HomeSources) => [
  route({
    method: 'GET',
    url: '/home',
    summary: "Min side: what asks for the signed-in person now, from every module, and the count per navigation entry",
    tags,
    action: 'home:read',
    response: ZHome,
    handler: ({ db, actor }) => homeFor(db, actor, sources, homeContext()),
  }),
  route({
    method: 'POST',
    url: '/home/unsubscribe/:token',
    summary: 'Turn the weekly digest off with the link in one of its mails (no sign-in)',
    tags,
    access: 'public',
    action: null,
    params: z.strictObject({ token: z.string().max(100) }),
    response: ZUnsubscribed,
    writes: true,
    // the person's own choice about their mail, like their language: not the school's business
    audit: false,
    handler: async ({ db, params }) => {
      const [sent] = await db
        .select({ schoolId: homeDigests.schoolId, personId: homeDigests.personId, schoolName: schools.name })
        .from(homeDigests)
        .innerJoin(schools, eq(schools.id, homeDigests.schoolId))
        .where(eq(homeDigests.tokenHash, hashSecret(params.token)));
      if (!sent) throw notFound();
      await setWeeklyDigest(db, sent.schoolId, sent.personId, false);
      return { schoolName: sent.schoolName };
    },
  }),
];
