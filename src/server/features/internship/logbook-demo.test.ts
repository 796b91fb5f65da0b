import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Database } from '../../db/client';
import { createMailer } from '../../platform/mail';
import { todayInCopenhagen } from '../../platform/time';
import { signIn } from '../../test/client';
import { testConfig, testDatabase } from '../../test/database';
import { seedDemo } from '../../seed/demo';
import { DEMO_PASSWORD } from '../../seed/demo-data';
import { seedDemoLogbook } from '../../seed/demo-logbook';
import { seedDemoModules } from '../../seed/demo-modules';
import { addDays } from '../home/api';

/* The demo's logbook: Emil's entries, the task Pia has confirmed, the comments, and a photo made at seed time. */
const open: Database[] = [];
const apps: { close(): Promise<unknown> }[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
  for (const d of open) await d.close();
});

it('seeds entries, a confirmed task and comments that Lone, Pia and Emil see; with the storage a photo without metadata', async () => {
  // the demo school's people have fixed e-mail addresses: a database of its own, also in the PostgreSQL run
  const database = await testDatabase({ embedded: true });
  open.push(database);
  const today = todayInCopenhagen();
  const config = testConfig({ storageDir: mkdtempSync(join(tmpdir(), 'retning-demo-logbook-')) });
  await seedDemo(database.db);
  await seedDemoModules(database.db, today);
  const app = await buildApp({ config, database, mailer: createMailer(undefined, 'test@retning') });
  await app.ready();
  apps.push(app);

  const lone = await signIn(app, 'laerer@demo.example', DEMO_PASSWORD);
  const overview = (await lone.get('/api/v1/internship/logbook/overview')).json().students;
  const emil = overview.find((s: { student: { name: string } }) => s.student.name === 'Emil Elev');
  expect(emil).toMatchObject({ current: { kind: 'practice', company: { name: 'Byg & Co ApS' } }, lastEntryOn: addDays(today, -2), entriesThisWeek: expect.any(Number) });
  const logbook = (await lone.get(`/api/v1/internship/logbook/students/${emil.student.id}`)).json();
  expect(logbook.entries.map((e: { title: string }) => e.title)).toEqual(['Spær på carporten', 'Gulv i tilbygningen', 'Første uge hos Byg & Co']);
  const pia = await signIn(app, 'praktik@demo.example', DEMO_PASSWORD);
  expect((await pia.get('/api/v1/internship/tasks/supervised')).json().items.map((i: { state: string }) => i.state)).toEqual(['confirmed']);
  const emilClient = await signIn(app, 'elev@demo.example', DEMO_PASSWORD);
  expect((await emilClient.get('/api/v1/internship/tasks/mine')).json().items[0]).toMatchObject({ task: { name: 'Dokumentér en tagkonstruktion' }, state: 'confirmed' });

  // the seed with the app's storage adds a photo, served as a stripped copy
  await seedDemoLogbook(database.db, today, config);
  const entries = (await lone.get(`/api/v1/internship/logbook/students/${emil.student.id}`)).json().entries;
  const withPhoto = entries.find((e: { thumbUrl: string | null }) => e.thumbUrl);
  const entry = (await lone.get(`/api/v1/internship/logbook/entries/${withPhoto.id}`)).json();
  const photo = await lone.get(entry.files[0].url);
  expect(photo.statusCode).toBe(200);
  expect(photo.headers['content-type']).toBe('image/jpeg');
  expect((await sharp(photo.rawPayload).metadata()).exif).toBeUndefined();
});
