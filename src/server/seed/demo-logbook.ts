import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { internshipGoals, libraryItems, logbookFiles, placements, schools } from '../db/schema/index';
import { storedPath } from '../platform/files/index';
import { addComment, createEntry } from '../features/internship/logbook-commands';
import { logbookStorage } from '../features/internship/logbook-files';
import { loadInternshipStudent } from '../features/internship/students-access';
import { confirmAssignment, createTask } from '../features/internship/tasks-commands';
import { demoPeople } from './demo-actors';
import { DEMO_SCHOOL } from './demo-data';
import { addDays } from './demo-dates';

/**
 * The logbook part of the demo: Lone Lærer gives Emil Elev a practice task on roof trusses (T2,
 * with a forløb from the library when there is one); Emil writes three entries in his practice
 * period with Byg & Co, the last answering the task; Pia Praktikvejleder confirms it and comments,
 * and Lone comments. Given the app's config (its storage folder), the first entry gets a photo, made here with sharp
 * (a display copy and a thumbnail without metadata, as an upload would have).
 */
export async function seedDemoLogbook(db: Db, today: string, config?: Config): Promise<void> {
  await db.transaction(async (tx) => {
    const [school] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.name, DEMO_SCHOOL.name)).limit(1);
    if (!school) return;
    const schoolId = school.id;
    const demo = await demoPeople(tx, schoolId);
    const lone = demo.as('laerer@demo.example');
    const pia = demo.as('praktik@demo.example');
    const emil = demo.as('elev@demo.example');
    const [placement] = await tx
      .select({ id: placements.id })
      .from(placements)
      .where(and(eq(placements.schoolId, schoolId), eq(placements.studentId, emil.actor.person.id), eq(placements.kind, 'practice')));
    const [t2] = await tx.select({ id: internshipGoals.id }).from(internshipGoals).where(and(eq(internshipGoals.schoolId, schoolId), eq(internshipGoals.code, 'T2')));
    if (!placement || !t2) return;
    const [forlob] = await tx
      .select({ id: libraryItems.id })
      .from(libraryItems)
      .where(and(eq(libraryItems.schoolId, schoolId), eq(libraryItems.kind, 'forlob'), eq(libraryItems.status, 'published')))
      .limit(1);
    const task = await createTask(lone, {
      title: 'Dokumentér en tagkonstruktion',
      descriptionHtml: '<p>Tag billeder af spærene undervejs, og beskriv, hvordan I sikrede dem under rejsningen.</p>',
      goalIds: [t2.id],
      itemIds: forlob ? [forlob.id] : [],
      studentIds: [emil.actor.person.id],
      teamId: null,
      dueFrom: today,
      dueTo: addDays(today, 21),
    });
    const student = await loadInternshipStudent(tx, emil.actor, emil.actor.person.id, today);
    const write = (entryDate: string, title: string, bodyHtml: string, extra: { goalIds?: string[]; taskIds?: string[] } = {}) =>
      createEntry(emil, { ...student }, { placementId: placement.id, entryDate, title, bodyHtml, videoUrl: null, goalIds: extra.goalIds ?? [], taskIds: extra.taskIds ?? [] });
    const first = await write(addDays(today, -18), 'Første uge hos Byg & Co', '<p>Vi har sat stillads op og afsat fundamentet til en carport. Pia viste mig, hvordan vi kontrollerer diagonalerne.</p>');
    await write(addDays(today, -9), 'Gulv i tilbygningen', '<p>Lagt strøer og gulvbrædder. <strong>Husk</strong> afstand til væggen for fugten.</p>');
    const answer = await write(addDays(today, -2), 'Spær på carporten', '<p>Vi rejste seks spær og afstivede dem midlertidigt med lægter, før taget kom på.</p>', { goalIds: [t2.id], taskIds: [task.id] });
    await confirmAssignment(pia, task, emil.actor.person.id);
    await addComment(pia, answer, 'Flot og sikkert arbejde. Næste gang sætter du selv vindkrydset op.');
    await addComment(lone, answer, 'Godt dokumenteret. Tag det med til næste skoleperiode, hvor vi regner på spærene.');
    if (config) {
      const key = `${schoolId}/${logbookStorage.folder}/${randomUUID()}`;
      const image = (w: number, h: number) =>
        sharp({ create: { width: w, height: h, channels: 3, background: '#b07a45' } })
          .composite([{ input: Buffer.from(`<svg width="${w}" height="${h}"><rect x="0" y="${Math.round(h * 0.6)}" width="${w}" height="${h}" fill="#5d6d3a"/></svg>`) }])
          .jpeg({ quality: 80 })
          .toBuffer();
      const [original, display, thumb] = [await image(1600, 1200), await image(1600, 1200), await image(400, 300)];
      for (const [k, bytes] of [[key, original], [`${key}.display`, display], [`${key}.thumb`, thumb]] as const) {
        const path = storedPath(config, k);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, bytes);
      }
      await tx.insert(logbookFiles).values({
        schoolId,
        entryId: first.id,
        kind: 'photo',
        fileName: 'stillads.jpg',
        originalKey: key,
        originalMime: 'image/jpeg',
        originalSize: original.length,
        displayKey: `${key}.display`,
        displayMime: 'image/jpeg',
        displaySize: display.length + thumb.length,
        thumbKey: `${key}.thumb`,
        thumbSize: 0,
        width: 1600,
        height: 1200,
      });
    }
    await demo.flush();
  });
}
