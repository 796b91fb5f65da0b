import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { networkEventMaterials, networkEvents, networkEventSessions, schools } from '../db/schema/index';
import { DEMO_SCHOOL } from './demo-data';

/**
 * The events part of the demo: the demo network's coordinators publish a webinar series (two
 * online sessions) and a Learning Factory (one day in a place), each with material to read first,
 * so that the events' pages and the network library have something to show. Nobody is signed up:
 * the demo's staff try that themselves.
 */
const DAY = 86_400_000;
/** A session `days` from now at `hour` (UTC) lasting `hours`. */
const slot = (now: Date, days: number, hour: number, hours: number) => {
  const start = new Date(now.getTime() + days * DAY);
  start.setUTCHours(hour, 0, 0, 0);
  return { startsAt: start, endsAt: new Date(start.getTime() + hours * 3_600_000) };
};

export async function seedDemoEvents(db: Db, now = new Date()): Promise<void> {
  const [school] = await db.select({ networkId: schools.networkId }).from(schools).where(eq(schools.name, DEMO_SCHOOL.name)).limit(1);
  if (!school) return;
  await db.transaction(async (tx) => {
    const [webinar, factory] = await tx
      .insert(networkEvents)
      .values([
        {
          networkId: school.networkId,
          kind: 'webinar',
          title: 'Webinar: AI i værkstedsundervisningen',
          description: 'To korte webinarer om generativ AI i praksisfagene: hvad virker, og hvor skal man passe på.',
          status: 'published',
        },
        {
          networkId: school.networkId,
          kind: 'learning_factory',
          title: 'Learning Factory: skema og digitale forløb',
          description: 'En dag hvor hver deltager tager et rigtigt problem med hjemmefra og går derfra med et produkt.',
          status: 'published',
        },
      ])
      .returning({ id: networkEvents.id });
    if (!webinar || !factory) throw new Error('demo events');
    await tx.insert(networkEventSessions).values([
      { eventId: webinar.id, ...slot(now, 10, 13, 1), onlineUrl: 'https://meet.example/ai-vaerksted-1', capacity: 40 },
      { eventId: webinar.id, ...slot(now, 24, 13, 1), onlineUrl: 'https://meet.example/ai-vaerksted-2', capacity: 40 },
      { eventId: factory.id, ...slot(now, 31, 7, 7), place: 'Vejle, konferencecentret', capacity: 12 },
    ]);
    await tx.insert(networkEventMaterials).values([
      {
        eventId: webinar.id,
        phase: 'before',
        title: 'Læs først: AI og faglig dømmekraft',
        url: 'https://example.org/ai-og-dommekraft',
        description: 'Ti minutters læsning før første webinar.',
      },
      { eventId: factory.id, phase: 'before', title: 'Skabelon: beskriv dit problem', url: 'https://example.org/problem-skabelon' },
    ]);
  });
}
