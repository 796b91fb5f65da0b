import { afterAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../platform/mail';
import { todayInCopenhagen } from '../../platform/time';
import { testApp } from '../../test/app';
import { signIn } from '../../test/client';
import { buildPerson, buildSchool } from '../../test/factories';
import { startTestSmtp } from '../../test/smtp';
import { addDays } from '../home/api';
import { surveyJobs } from './jobs';

/* Reminders of a survey round, by hand and by the scheduler, through a real SMTP server: only to signed-in people the round asks who have not sent it. */
const smtp = await startTestSmtp();
afterAll(() => smtp.close());
const mailer = createMailer(smtp.url, 'Retning <retning@test>');
const { app, database } = await testApp({ mailer });
const db = database.db;
const today = todayInCopenhagen();

describe('survey reminders', () => {
  it('go to those asked who have not answered, by hand and once automatically before the close, in Danish', async () => {
    const school = await buildSchool(db, { departments: ['Byg'] });
    const dept = school.departments[0]?.id ?? null;
    const mail = (who: string) => `${who}-${school.id}@surveys.example`;
    const consultant = await signIn(app, (await buildPerson(db, school, { roles: ['internal_consultant'], departmentId: null, email: mail('konsulent') })).email);
    const done = await buildPerson(db, school, { roles: ['teacher'], departmentId: dept, email: mail('done') });
    const missing = await buildPerson(db, school, { roles: ['teacher'], departmentId: dept, email: mail('missing') });
    await buildPerson(db, school, { roles: ['student'], departmentId: dept, email: mail('elev') });
    const created = await consultant.post('/api/v1/surveys/rounds', { name: 'Lukker snart', opensOn: today, closesOn: addDays(today, 2), groups: ['teacher'] });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const answerer = await signIn(app, done.email);
    const sheet = (await answerer.get(`/api/v1/surveys/rounds/${id}/sheet`)).json() as { areas: { items: { key: string }[] }[] };
    const key = sheet.areas[0]?.items[0]?.key ?? '';
    expect((await answerer.post(`/api/v1/surveys/rounds/${id}/submit`, { answers: { [key]: 4 } })).statusCode).toBeLessThan(300);
    const ours = () => smtp.inbox.filter((m) => m.to.some((t) => t.endsWith(`-${school.id}@surveys.example`)));

    const res = await consultant.post(`/api/v1/surveys/rounds/${id}/reminders`, {});
    expect(res.statusCode, res.body).toBe(200);
    // the teacher who has not answered and the consultant (staff answer as teachers); not the one who has answered, not a student the round does not ask
    expect(res.json()).toEqual({ enabled: true, open: true, pending: 2, sent: 2 });
    await expect.poll(() => ours().length).toBe(2);
    expect(ours().map((m) => m.to[0]).sort()).toEqual([mail('konsulent'), missing.email].sort());
    const toMissing = ours().find((m) => m.to[0] === missing.email);
    expect(toMissing?.subject).toBe('Påmindelse: Lukker snart');
    expect(toMissing?.text).toContain(missing.name);

    // the scheduler holds back right after a reminder by hand, then reminds once as the close nears
    const job = surveyJobs(db, mailer).find((j) => j.name === 'surveys.reminders');
    if (!job) throw new Error('surveys.reminders');
    await job.run(new Date());
    await new Promise((r) => setTimeout(r, 300));
    expect(ours()).toHaveLength(2);
    const later = Date.now() + 2 * 86_400_000 + 60_000;
    await job.run(new Date(later));
    await expect.poll(() => ours().length).toBe(4);
    await job.run(new Date(later + 60_000));
    await new Promise((r) => setTimeout(r, 300));
    expect(ours()).toHaveLength(4);
  });
});
