import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { departments, followups, indicators, initiatives, measurements, milestones, people, strategies, technologies } from '../db/schema/index';
import { upsertCalendarItem } from '../features/calendar/items';
import { recompute } from '../features/strategy/commands';

/** Seeds a demo strategy for the demo school: call `await seedDemoStrategy(db, schoolId)` after seedDemo. */
export async function seedDemoStrategy(db: Db, schoolId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [dept] = await tx.select().from(departments).where(and(eq(departments.schoolId, schoolId), eq(departments.name, 'Bygge og Anlæg')));
    const [boss] = await tx.select().from(people).where(and(eq(people.schoolId, schoolId), eq(people.email, 'direktion@demo.example')));
    const [s] = await tx
      .insert(strategies)
      .values({
        schoolId,
        status: 'published',
        content: { title: 'Pædagogisk-digital strategi 2025–2028', periodStart: '2025-08-01', periodEnd: '2028-07-31', mode: 'strategi', vision: 'Pædagogik før teknik: digitale værktøjer vælges, når de gør eleverne dygtigere.', fpdgText: 'Vi tager udgangspunkt i elevernes praksis og giver løbende feedback.', values: ['Praksisnærhed', 'Feedback', 'Trivsel'], sigtelinjer: ['1', '2', '3', '4'], reformGoals: ['rg2', 'rg3'] },
      })
      .returning();
    const [central] = await tx
      .insert(initiatives)
      .values({ schoolId, strategyId: s?.id, title: 'Fælles feedbackkultur', why: 'Elever, der får løbende feedback, fuldfører oftere deres uddannelse.', level: 'central', ownerId: boss?.id, startsOn: '2025-08-01', endsOn: '2026-07-31', sigtelinjer: ['1', '3'], pedagogicalGoals: ['feedback'], reformGoals: ['rg2'] })
      .returning();
    const [local] = await tx
      .insert(initiatives)
      .values({ schoolId, strategyId: s?.id, title: 'Video-feedback i værkstedet', why: 'Eleverne kan se deres eget arbejde igen og rette det selv.', level: 'department', departmentId: dept?.id, parentId: central?.id, startsOn: '2025-08-01', endsOn: '2026-06-30', sigtelinjer: ['3', '4'], pedagogicalGoals: ['feedback', 'praksiskobling'] })
      .returning();
    if (!local || !central) return;
    const [ind] = await tx
      .insert(indicators)
      .values({ schoolId, initiativeId: local.id, name: 'Forløb med video-feedback', unit: '%', baseline: 10, baselineOn: '2025-08-01', target: 60, targetOn: '2026-06-30', direction: 'increase' })
      .returning();
    if (ind) {
      await tx.insert(measurements).values([
        { schoolId, indicatorId: ind.id, value: 14, measuredOn: '2025-09-01', source: 'Canvas' },
        { schoolId, indicatorId: ind.id, value: 20, measuredOn: '2025-10-01', source: 'Canvas' },
      ]);
      await recompute(tx, schoolId, ind);
    }
    for (const [i, title, dueOn] of [[central, 'Pædagogisk dag om feedback', '2025-10-20'], [local, 'Alle hold har prøvet video', '2026-01-15']] as const) {
      const [m] = await tx.insert(milestones).values({ schoolId, initiativeId: i.id, title, dueOn }).returning();
      if (m) await upsertCalendarItem(tx, schoolId, { source: 'strategy', sourceRef: `milestone:${m.id}`, kind: 'milestone', title: `${title} (${i.title})`, description: i.why, startsOn: dueOn, departmentId: i.departmentId, sigtelinjer: i.sigtelinjer, link: `/strategi/indsatser/${i.id}` });
    }
    const [f] = await tx.insert(followups).values({ schoolId, initiativeId: local.id, title: 'Statusmøde', dueOn: '2025-11-15' }).returning();
    if (f) await upsertCalendarItem(tx, schoolId, { source: 'strategy', sourceRef: `followup:${f.id}`, kind: 'followup', title: `Statusmøde (${local.title})`, startsOn: f.dueOn, departmentId: local.departmentId, sigtelinjer: local.sigtelinjer, link: `/strategi/indsatser/${local.id}` });
    await tx.insert(technologies).values([
      { schoolId, name: 'Canvas', state: 'valgt', rationale: 'Ét sted for forløb, materialer og feedback.', scope: 'school', initiativeIds: [central.id] },
      { schoolId, name: 'Padlet', state: 'fravalgt', rationale: 'Overlapper Canvas.', deselectionReason: 'Canvas dækker behovet; færre værktøjer giver tryghed.', scope: 'school' },
    ]);
  });
}
