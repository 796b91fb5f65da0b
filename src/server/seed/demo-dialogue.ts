import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { dialogueAnswers, dialogueComments, dialogueItems, dialogueParticipants, dialogueSessions, personTeams, schools, teams } from '../db/schema/index';
import { BUILTIN_PAIRS } from '../features/dialogue/reference-data';
import { demoPeople } from './demo-actors';
import { DEMO_SCHOOL, demoColleagues } from './demo-data';
import { addDays, at } from './demo-dates';

/**
 * The dialogue part of the demo: the teachers' live workshop on the pedagogical day and the
 * leadership team's asynchronous session on the same six pairs, both closed, so that the
 * comparison shows where the two groups see the school differently (the largest gap: central –
 * local decisions, a vertical boundary), and a draft for the next workshop. Facilitated by the
 * internal consultant; the school's pair wording is left as built in.
 */
type Tendency = { now: number; wanted: number };
type DemoPair = { key: string; boundary: string; teachers: Tendency; leaders: Tendency };
const PAIRS: DemoPair[] = [
  { key: 'centrale-decentrale-beslutninger', boundary: 'vertical', teachers: { now: 22, wanted: 74 }, leaders: { now: 62, wanted: 35 } },
  { key: 'teknik-paedagogik', boundary: 'horizontal', teachers: { now: 38, wanted: 66 }, leaders: { now: 45, wanted: 70 } },
  { key: 'laerere-konsulenter', boundary: 'stakeholder', teachers: { now: 30, wanted: 40 }, leaders: { now: 40, wanted: 45 } },
  { key: 'ny-gammel-laererrolle', boundary: 'demographic', teachers: { now: 55, wanted: 35 }, leaders: { now: 48, wanted: 25 } },
  { key: 'standardisering-mangfoldighed', boundary: 'geographic', teachers: { now: 35, wanted: 60 }, leaders: { now: 42, wanted: 55 } },
  { key: 'kultur-strategi', boundary: 'vertical', teachers: { now: 30, wanted: 50 }, leaders: { now: 55, wanted: 62 } },
];
const DRAFT_PAIRS = ['systematik-kaos', 'opfoelgning-laissez-faire', 'maal-kapacitet', 'utryghed-tryghed'];
const LIVE_PARTICIPANTS = 30;
/** The leadership team: the demo's leaders and the internal consultant, and four colleagues who lead teams. */
const LEADERS = ['direktion@demo.example', 'leder@demo.example', 'redaktion@demo.example', 'konsulent@demo.example'];
const TEAM_LEADS = 4;
const SPREAD = 30;
const NICKNAMES = ['Mette', 'Bygmester', null, 'Jonas', null, 'Værkstedet'];
const COMMENTS: Record<string, string[]> = {
  'centrale-decentrale-beslutninger': ['Vi bliver sjældent spurgt, før der kommer en ny platform.', 'Afdelingerne kender deres elever bedst.'],
  'teknik-paedagogik': ['Værktøjet skal følge fagets didaktik, ikke omvendt.'],
  'kultur-strategi': ['Strategien lever ikke ude i værkstederne endnu.'],
};

/** A small deterministic generator, so that the demo's figures are the same on every start. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const clamp = (v: number) => Math.max(0, Math.min(100, Math.round(v)));

export async function seedDemoDialogue(db: Db, today: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [school] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.name, DEMO_SCHOOL.name)).limit(1);
    if (!school) return;
    const schoolId = school.id;
    const demo = await demoPeople(tx, schoolId);
    const kasper = demo.as('konsulent@demo.example');
    const createdBy = kasper.actor.person.id;
    const rnd = random(1918);
    const pairOf = (key: string) => {
      const p = BUILTIN_PAIRS.find((x) => x.key === key);
      if (!p) throw new Error(`the pair ${key} is missing`);
      return p;
    };

    // the leadership team the asynchronous session asks
    const leaders = [...LEADERS.map((e) => demo.person(e)), ...demoColleagues().filter((c) => c.jobTitle === 'Vejleder').slice(0, TEAM_LEADS).map((c) => demo.person(c.email))];
    const [team] = await tx.insert(teams).values({ schoolId, name: 'Ledelsesteamet' }).returning({ id: teams.id });
    if (!team) throw new Error('the leadership team was not created');
    await tx.insert(personTeams).values(leaders.map((p) => ({ schoolId, personId: p.id, teamId: team.id })));

    const liveDay = addDays(today, -28);
    const asyncOpens = addDays(today, -24);
    const asyncCloses = addDays(today, -14);
    const [live, leadership, draft] = await tx
      .insert(dialogueSessions)
      .values([
        { schoolId, title: 'Pædagogisk dag', mode: 'live', status: 'closed', createdBy, openedAt: at(liveDay, 8), closedAt: at(liveDay, 10), createdAt: at(addDays(liveDay, -7), 9) },
        {
          schoolId,
          title: 'Ledelsesteamet',
          mode: 'async',
          status: 'closed',
          createdBy,
          audience: { roles: ['top_management', 'department_head'], departmentIds: [], teamIds: [team.id] },
          opensOn: asyncOpens,
          closesOn: asyncCloses,
          resultsMode: 'after_close',
          openedAt: at(asyncOpens, 7),
          closedAt: at(asyncCloses, 21),
          createdAt: at(addDays(asyncOpens, -2), 9),
        },
        { schoolId, title: 'Temadag om opfølgning', mode: 'live', status: 'draft', createdBy, createdAt: at(addDays(today, -3), 9) },
      ])
      .returning();
    if (!live || !leadership || !draft) throw new Error('the demo sessions were not created');

    const itemsFor = (sessionId: string, keys: string[], closed: boolean) =>
      keys.map((key, position) => {
        const p = pairOf(key);
        const boundary = PAIRS.find((x) => x.key === key)?.boundary ?? null;
        return { schoolId, sessionId, pairKey: key, leftDa: p.left.da, rightDa: p.right.da, leftEn: p.left.en, rightEn: p.right.en, boundary, position, state: closed ? 'locked' : 'pending', revealed: closed, commentsShown: closed };
      });
    const keys = PAIRS.map((p) => p.key);
    const items = await tx
      .insert(dialogueItems)
      .values([...itemsFor(live.id, keys, true), ...itemsFor(leadership.id, keys, true), ...itemsFor(draft.id, DRAFT_PAIRS, false)])
      .returning({ id: dialogueItems.id, sessionId: dialogueItems.sessionId, pairKey: dialogueItems.pairKey });
    const itemId = (sessionId: string, key: string) => items.find((i) => i.sessionId === sessionId && i.pairKey === key)?.id ?? '';

    const participants = await tx
      .insert(dialogueParticipants)
      .values([
        ...Array.from({ length: LIVE_PARTICIPANTS }, (_, k) => ({
          schoolId,
          sessionId: live.id,
          tokenHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
          nickname: NICKNAMES[k % NICKNAMES.length] ?? null,
          createdAt: at(liveDay, 8, k % 50),
        })),
        ...leaders.map((p, k) => ({ schoolId, sessionId: leadership.id, personId: p.id, createdAt: at(addDays(asyncOpens, k % 5), 12) })),
      ])
      .returning({ id: dialogueParticipants.id, sessionId: dialogueParticipants.sessionId, nickname: dialogueParticipants.nickname });

    // every answer of both sessions in one statement
    const answers: PgInsertValue<typeof dialogueAnswers>[] = [];
    for (const part of participants) {
      const teachers = part.sessionId === live.id;
      for (const pair of PAIRS) {
        const tendency = teachers ? pair.teachers : pair.leaders;
        // a few participants leave a slider untouched, as in any workshop
        const skip = rnd();
        answers.push({
          schoolId,
          sessionId: part.sessionId,
          itemId: itemId(part.sessionId, pair.key),
          participantId: part.id,
          now: skip < 0.04 ? null : clamp(tendency.now + (rnd() - 0.5) * SPREAD),
          wanted: skip > 0.97 ? null : clamp(tendency.wanted + (rnd() - 0.5) * SPREAD),
          updatedAt: teachers ? at(liveDay, 9) : at(asyncCloses, 10),
        });
      }
    }
    await tx.insert(dialogueAnswers).values(answers);

    const livePeople = participants.filter((p) => p.sessionId === live.id);
    const comments = Object.entries(COMMENTS).flatMap(([key, texts]) =>
      texts.map((text, k) => ({ schoolId, sessionId: live.id, itemId: itemId(live.id, key), participantId: livePeople[k * 3]?.id ?? null, text, status: 'approved', createdAt: at(liveDay, 9, k * 5) })),
    );
    await tx.insert(dialogueComments).values(comments);

    for (const s of [live, leadership]) {
      await kasper.audit({ action: 'dialogue.session_created', resourceType: 'dialogue_session', resourceId: s.id, summary: s.title });
      await kasper.audit({ action: 'dialogue.session_closed', resourceType: 'dialogue_session', resourceId: s.id, summary: s.title });
    }
    await kasper.audit({ action: 'dialogue.session_created', resourceType: 'dialogue_session', resourceId: draft.id, summary: draft.title });
    await demo.flush();
  });
}
