import type { Page } from 'playwright-core';
import { scan } from './axe-scan';
import { type Harness, apiSession, signIn, startHarness } from './harness';

/**
 * Every page of the web app, by the role that sees it, for the axe scans at 1280×800 and 375×740.
 * `route` is the path as the router declares it (src/web/features/<f>/manifest.tsx and App.tsx);
 * `e2e/axe-routes.test.ts` fails when a declared route has no entry here. `url` fills the route's
 * ids from the demo school (with its modules) through `demoIds`.
 */
export type Role = 'signedOut' | 'admin' | 'director' | 'head' | 'editorial' | 'teacher' | 'student' | 'supervisor' | 'coordinator';
export type PageIds = {
  invitePath: string;
  personId: string;
  strategyId: string;
  strategyVersion: number;
  initiativeId: string;
  libraryItemId: string;
  draftId: string;
  networkSchoolId: string;
  networkItemId: string;
  staffRoundId: string;
  studentRoundId: string;
  surveyRoundId: string;
  surveyLinkPath: string;
  /** The demo's closed live workshop (Pædagogisk dag), for its results page. */
  dialogueResultsId: string;
  /** Praktik: the demo student, the company of his practice period, a task his teacher gave him and one of his logbook entries. */
  internship: InternshipIds;
  /** A draft workshop, an open live one (its code) and an open asynchronous one that asks the teachers. */
  dialogueDraftId: string;
  dialogueLiveId: string;
  dialogueLiveCode: string;
  dialogueAsyncId: string;
  /** A published Learning Factory of the network with one session the teacher signed up for. */
  eventId: string;
};
export type PageEntry = { route: string; url: (ids: PageIds) => string };

/** A role's pages at one size take a few seconds each on a busy machine. */
export const SCAN_TIMEOUT = 300_000;

export const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 740 } } as const;

export const ROLE_EMAILS: Record<Exclude<Role, 'signedOut'>, string> = {
  admin: 'admin@demo.example',
  director: 'direktion@demo.example',
  head: 'leder@demo.example',
  // the editorial group's member is also the head of Handel og Kontor
  editorial: 'redaktion@demo.example',
  teacher: 'laerer@demo.example',
  student: 'elev@demo.example',
  supervisor: 'praktik@demo.example',
  coordinator: 'koordinator@demo.example',
};

const at = (route: string, url?: string): PageEntry => ({ route, url: () => url ?? route });
const INVALID_TOKEN = 'ugyldigt-link-0123456789abcdef';

export const PAGES: Record<Role, PageEntry[]> = {
  signedOut: [
    at('/login'),
    at('/glemt-adgangskode'),
    { route: '/invitation/:token', url: (ids) => ids.invitePath },
    at('/nulstil-adgangskode/:token', `/nulstil-adgangskode/${INVALID_TOKEN}`),
    at('/afmeld-ugebrev/:token', `/afmeld-ugebrev/${INVALID_TOKEN}`),
    { route: '/s/:token', url: (ids) => ids.surveyLinkPath },
    at('/d'),
    // arriving from the QR code: the code filled in
    { route: '/d/:code', url: (ids) => `/d/${ids.dialogueLiveCode}` },
    // where a provider's sign-out returns (the sign-in page), and the pages a provider's sign-in ends on
    at('/log-ind'),
    at('/log-ind/ukendt', '/log-ind/ukendt?skole=Demo%20Erhvervsskole'),
    at('/log-ind/fejl', '/log-ind/fejl?grund=tenant'),
    // opened without a sign-out behind it, the page goes on to the sign-in page
    at('/log-ind/logget-ud'),
    at('/tilgaengelighed'),
    at('*', '/findes-ikke'),
  ],
  admin: [
    at('/'),
    at('/overblik'),
    at('/admin/skole'),
    at('/admin/skole/log-ind'),
    at('/admin/organisation'),
    at('/admin/organisation', '/admin/organisation?fane=teams'),
    at('/admin/personer'),
    at('/admin/personer/ny'),
    { route: '/admin/personer/:id', url: (ids) => `/admin/personer/${ids.personId}` },
    at('/admin/import'),
    at('/admin/log'),
    at('/konto'),
  ],
  coordinator: [
    at('/netvaerk'),
    at('/netvaerk/ny-skole'),
    at('/netvaerk/koordinatorer'),
    at('/netvaerk/log'),
    at('/netvaerk/nationalt'),
    at('/videndeling/netvaerk'),
    at('/arrangementer'),
    at('/arrangementer/ny'),
    { route: '/arrangementer/:id', url: (ids) => `/arrangementer/${ids.eventId}` },
    { route: '/arrangementer/:id/rediger', url: (ids) => `/arrangementer/${ids.eventId}/rediger` },
    { route: '/arrangementer/:id/deltagere', url: (ids) => `/arrangementer/${ids.eventId}/deltagere` },
  ],
  director: [
    at('/'),
    at('/strategi'),
    at('/strategi/overblik'),
    at('/strategi/aarshjul'),
    at('/strategi/teknologier'),
    at('/strategi/beslutninger'),
    at('/strategi/ambassadoerer'),
    at('/strategi/begreber'),
    { route: '/strategi/indsatser/:id', url: (ids) => `/strategi/indsatser/${ids.initiativeId}` },
    { route: '/strategi/:id/versioner/:version', url: (ids) => `/strategi/${ids.strategyId}/versioner/${ids.strategyVersion}` },
    at('/kompetencer/overblik'),
    at('/selvevaluering'),
    at('/selvevaluering/indstillinger'),
    { route: '/selvevaluering/runder/:id', url: (ids) => `/selvevaluering/runder/${ids.surveyRoundId}` },
    // opened later than right after a link was made, the print page says how to make a new one
    { route: '/selvevaluering/runder/:id/udskriv', url: (ids) => `/selvevaluering/runder/${ids.surveyRoundId}/udskriv` },
    { route: '/selvevaluering/:id/rapport', url: (ids) => `/selvevaluering/${ids.surveyRoundId}/rapport` },
    { route: '/dialog/:id/resultater', url: (ids) => `/dialog/${ids.dialogueResultsId}/resultater` },
    { route: '/dialog/sammenlign', url: (ids) => `/dialog/sammenlign?a=${ids.dialogueResultsId}` },
    at('/dialog'),
    at('/dialog/ny'),
    at('/dialog/spaendingsfelter'),
    { route: '/dialog/:id/rediger', url: (ids) => `/dialog/${ids.dialogueDraftId}/rediger` },
    { route: '/dialog/:id', url: (ids) => `/dialog/${ids.dialogueLiveId}` },
    { route: '/dialog/:id/skaerm', url: (ids) => `/dialog/${ids.dialogueLiveId}/skaerm` },
  ],
  head: [at('/'), at('/strategi/overblik'), at('/kompetencer/overblik'), at('/kompetencer/forloeb'), at('/kompetencer/kontrakter'), at('/selvevaluering'), at('/praktik'), at('/praktik/praktikmaal')],
  editorial: [at('/videndeling/review'), at('/videndeling/indstillinger')],
  teacher: [
    at('/'),
    at('/kompetencer'),
    { route: '/kompetencer/selvevaluering/:roundId', url: (ids) => `/kompetencer/selvevaluering/${ids.staffRoundId}` },
    at('/kompetencer/ramme'),
    at('/kompetencer/forloeb'),
    at('/kompetencer/kontrakter'),
    at('/strategi'),
    { route: '/selvevaluering/besvar/:roundId', url: (ids) => `/selvevaluering/besvar/${ids.surveyRoundId}` },
    { route: '/dialog/:id/svar', url: (ids) => `/dialog/${ids.dialogueAsyncId}/svar` },
    at('/videndeling'),
    at('/videndeling/ny'),
    { route: '/videndeling/:id', url: (ids) => `/videndeling/${ids.libraryItemId}` },
    { route: '/videndeling/:id/rediger', url: (ids) => `/videndeling/${ids.draftId}/rediger` },
    at('/praktik'),
    { route: '/praktik/elever/:id', url: (ids) => `/praktik/elever/${ids.internship.studentId}` },
    at('/praktik/tidslinje'),
    at('/praktik/virksomheder'),
    { route: '/praktik/virksomheder/:id', url: (ids) => `/praktik/virksomheder/${ids.internship.companyId}` },
    at('/praktik/praktikmaal'),
    at('/praktik/opgaver'),
    { route: '/praktik/opgaver/:id', url: (ids) => `/praktik/opgaver/${ids.internship.taskId}` },
    at('/praktik/tilbud'),
    at('/videndeling/ordliste'),
    at('/videndeling/netvaerk'),
    { route: '/videndeling/netvaerk/:schoolId/:id', url: (ids) => `/videndeling/netvaerk/${ids.networkSchoolId}/${ids.networkItemId}` },
    at('/arrangementer'),
    { route: '/arrangementer/:id', url: (ids) => `/arrangementer/${ids.eventId}` },
    at('/konto'),
  ],
  student: [
    at('/'),
    at('/kompetencer'),
    { route: '/kompetencer/selvevaluering/:roundId', url: (ids) => `/kompetencer/selvevaluering/${ids.studentRoundId}` },
    at('/kompetencer/ramme'),
    at('/videndeling'),
    { route: '/videndeling/:id', url: (ids) => `/videndeling/${ids.libraryItemId}` },
    at('/praktik'),
    at('/praktik/logbog/ny'),
    { route: '/praktik/logbog/:id/rediger', url: (ids) => `/praktik/logbog/${ids.internship.entryId}/rediger` },
    { route: '/praktik/elever/:id', url: (ids) => `/praktik/elever/${ids.internship.studentId}` },
    at('/praktik/opgaver'),
    at('/konto'),
  ],
  supervisor: [at('/'), at('/videndeling'), { route: '/videndeling/:id', url: (ids) => `/videndeling/${ids.libraryItemId}` }, at('/videndeling/ordliste'),
    at('/praktik'),
    { route: '/praktik/elever/:id', url: (ids) => `/praktik/elever/${ids.internship.studentId}` },
    at('/praktik/opgaver'),
    at('/konto'),
  ],
};

const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.now() + offset * 86_400_000));

export type InternshipIds = { studentId: string; companyId: string; taskId: string; entryId: string };

/** Praktik's ids from the demo: Emil Elev, the company of his practice period, a task his teacher gives him, his first entry (written here when the demo has none). */
async function internshipIds(baseUrl: string): Promise<InternshipIds> {
  const teacher = await apiSession(baseUrl, ROLE_EMAILS.teacher);
  const student = await apiSession(baseUrl, ROLE_EMAILS.student);
  const students = await teacher<{ items: { student: { id: string; name: string } }[] }>('GET', '/internship/students');
  const studentId = students.items.find((s) => s.student.name === 'Emil Elev')?.student.id ?? '';
  const timeline = await student<{ placements: { id: string; kind: string; startsOn: string; company: { id: string } | null }[] }>('GET', `/internship/students/${studentId}/placements`);
  const practice = timeline.placements.filter((p) => p.kind === 'practice' && p.startsOn <= day(0));
  const placement = practice.at(-1) ?? timeline.placements.find((p) => p.kind === 'practice');
  const task = await teacher<{ id: string }>('POST', '/internship/tasks', { title: 'Opgave til tilgængelighedstjek', studentIds: [studentId] });
  const logbook = await student<{ entries: { id: string }[] }>('GET', `/internship/logbook/students/${studentId}`);
  const entryId =
    logbook.entries[0]?.id ??
    (await student<{ id: string }>('POST', `/internship/logbook/students/${studentId}/entries`, { placementId: placement?.id ?? '', entryDate: day(0), title: 'Indlæg til tilgængelighedstjek' })).id;
  return { studentId, companyId: placement?.company?.id ?? '', taskId: task.id, entryId };
}

/** The network's coordinator publishes a Learning Factory with one session and a material; the teacher signs up with her problem. */
async function eventId(baseUrl: string): Promise<string> {
  const coordinator = await apiSession(baseUrl, ROLE_EMAILS.coordinator);
  const teacher = await apiSession(baseUrl, ROLE_EMAILS.teacher);
  const event = await coordinator<{ id: string; sessions: { id: string }[] }>('POST', '/events', { kind: 'learning_factory', title: 'Learning Factory til tilgængelighedstjek' });
  const at = (time: string) => new Date(`${day(14)}T${time}:00+01:00`).toISOString();
  const withSession = await coordinator<{ sessions: { id: string }[] }>('POST', `/events/${event.id}/sessions`, { startsAt: at('09:00'), endsAt: at('15:00'), place: 'Lokale B12', capacity: 10 });
  await coordinator('POST', `/events/${event.id}/materials`, { phase: 'before', title: 'Forberedelse', url: 'https://example.org/forberedelse' });
  await coordinator('POST', `/events/${event.id}/publish`);
  await teacher('POST', `/events/sessions/${withSession.sessions[0]?.id ?? ''}/signup`, { problem: 'Værkstedsopgaver på papir bliver væk.' });
  return event.id;
}

/** The ids the pages need, from the demo school with its modules; adds what the demo lacks (a student round, a teacher's draft, an invitation, a survey round and its link). */
export async function demoIds(baseUrl: string): Promise<PageIds> {
  const admin = await apiSession(baseUrl, ROLE_EMAILS.admin);
  const director = await apiSession(baseUrl, ROLE_EMAILS.director);
  const teacher = await apiSession(baseUrl, ROLE_EMAILS.teacher);
  const person = (await admin<{ items: { id: string }[] }>('GET', '/people?q=Lone')).items[0]?.id ?? '';
  const newcomer = (await admin<{ items: { id: string; hasAccount: boolean }[] }>('GET', '/people?q=Mette')).items.find((p) => !p.hasAccount)?.id ?? person;
  const invited = await admin<{ link: string | null }>('POST', `/people/${newcomer}/invitation`);
  const strategy = (await director<{ id: string; status: string }[]>('GET', '/strategies')).find((s) => s.status === 'published');
  const versions = strategy ? (await director<{ versions: { version: number }[] }>('GET', `/strategies/${strategy.id}`)).versions : [];
  const initiatives = await director<{ id: string }[]>('GET', '/initiatives');
  const library = await teacher<{ items: { id: string; kind: string }[] }>('GET', '/library/items');
  const draft = await teacher<{ id: string }>('POST', '/library/items', { kind: 'forlob', title: 'Kladde til tilgængelighedstjek' });
  const network = await teacher<{ items: { id: string; schoolId: string }[] }>('GET', '/library/network');
  const rounds = await teacher<{ id: string; status: string; eligible: boolean }[]>('GET', '/competence/rounds');
  const studentRound = await admin<{ id: string }>('POST', '/competence/rounds', { title: 'Elevernes kortlægning', opensOn: day(-1), closesOn: day(14), frameworkKind: 'student' });
  const survey = await admin<{ id: string }>('POST', '/surveys/rounds', { name: 'Selvevaluering i år', opensOn: day(-1), closesOn: day(14), groups: ['leader', 'teacher', 'student', 'supervisor'] });
  const surveyLink = await admin<{ path: string }>('POST', `/surveys/rounds/${survey.id}/links`, { group: 'student' });
  const dialogue = await director<{ sessions: { id: string; title: string; status: string }[] }>('GET', '/dialogue/sessions');
  const pairs = [{ pairKey: 'teknik-paedagogik', boundary: 'vertical' }, { pairKey: 'ensretning-variation' }];
  const liveWorkshop = await director<{ id: string }>('POST', '/dialogue/sessions', { title: 'Workshop til tilgængelighedstjek', mode: 'live', items: pairs });
  const opened = await director<{ id: string; code: string | null; items: { id: string }[] }>('POST', `/dialogue/sessions/${liveWorkshop.id}/open`, {});
  await director('POST', `/dialogue/sessions/${opened.id}/control`, { op: 'goto', itemId: opened.items[0]?.id });
  const asyncDialogue = await director<{ id: string }>('POST', '/dialogue/sessions', { title: 'Dialog over ugen', mode: 'async', items: pairs });
  await director('POST', `/dialogue/sessions/${asyncDialogue.id}/open`, { audience: { roles: ['teacher'] }, opensOn: day(0), closesOn: day(14), resultsMode: 'after_close' });
  const dialogueDraft = await director<{ id: string }>('POST', '/dialogue/sessions', { title: 'Kladde til tilgængelighedstjek', mode: 'live', items: pairs });
  const internship = await internshipIds(baseUrl);
  return {
    internship,
    eventId: await eventId(baseUrl),
    invitePath: new URL(invited.link ?? '/').pathname,
    personId: person,
    strategyId: strategy?.id ?? '',
    strategyVersion: versions[0]?.version ?? 1,
    initiativeId: initiatives[0]?.id ?? '',
    libraryItemId: library.items.find((i) => i.kind === 'forlob')?.id ?? '',
    draftId: draft.id,
    networkSchoolId: network.items[0]?.schoolId ?? '',
    networkItemId: network.items[0]?.id ?? '',
    staffRoundId: rounds.find((r) => r.status === 'open' && r.eligible)?.id ?? '',
    studentRoundId: studentRound.id,
    surveyRoundId: survey.id,
    surveyLinkPath: surveyLink.path,
    dialogueResultsId: dialogue.sessions.find((s) => s.status === 'closed' && s.title === 'Pædagogisk dag')?.id ?? '',
    dialogueDraftId: dialogueDraft.id,
    dialogueLiveId: opened.id,
    dialogueLiveCode: opened.code ?? '',
    dialogueAsyncId: asyncDialogue.id,
  };
}

/** The demo school with its modules (a strategy, competence, courses, the library) and the pages' ids. */
export async function startPagesHarness(): Promise<{ h: Harness; ids: PageIds }> {
  const { seedDemoModules } = await import('../src/server/seed/demo-modules');
  const h = await startHarness({ seed: (db) => seedDemoModules(db) });
  return { h, ids: await demoIds(h.baseUrl) };
}

/** A page of the role's own at the size, signed in (or not); reused for all of the role's pages at that size. */
export async function pageAs(h: Harness, role: Role, size: keyof typeof SIZES): Promise<Page> {
  const page = await h.newPage(SIZES[size]);
  if (role !== 'signedOut') await signIn(page, ROLE_EMAILS[role]);
  return page;
}

/** Scans every page of the role at the size: serious and critical axe violations, one h1, a title. */
export async function scanRole(h: Harness, ids: PageIds, role: Role, size: keyof typeof SIZES, page?: Page): Promise<string[]> {
  const p = page ?? (await pageAs(h, role, size));
  const found = await scan(
    p,
    PAGES[role].map((e) => e.url(ids)),
  );
  return found.map((f) => `${role} at ${SIZES[size].width}: ${f}`);
}
