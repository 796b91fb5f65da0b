import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glossaryTerms } from '../../db/schema/index';
import { projectRoot } from '../../paths';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';
import { SPELLCHECK, type SpellIssue, type SpellTask } from './spellcheck';

/** The spell-check route with each school's glossary, and the worker as the production bundle runs it. */
const { app, database } = await testApp();
const db = database.db;
let school: BuiltSchool;
let other: BuiltSchool;
let teacher: TestClient;
let editor: TestClient;

beforeAll(async () => {
  school = await buildSchool(db);
  other = await buildSchool(db);
  teacher = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'] })).email);
  editor = await signIn(app, (await buildPerson(db, school, { roles: ['editorial'] })).email);
  await db.insert(glossaryTerms).values([
    { schoolId: school.id, term: 'Kvorksøm', definition: 'En svejsesøm' },
    { schoolId: school.id, term: 'GRAPHA-metoden', definition: 'En arbejdsgang' },
    { schoolId: other.id, term: 'Trindlap', definition: 'En anden skoles ord' },
  ]);
}, 60_000);

const marked = async (text: string) => {
  const created = await teacher.post('/api/v1/library/items', { kind: 'forlob', title: 'Stavning', fields: { maal: `<p>${text}</p>` } });
  expect(created.statusCode, created.body).toBe(201);
  const res = await teacher.post(`/api/v1/library/items/${(created.json() as { id: string }).id}/spellcheck`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { issues: SpellIssue[] }).issues.map((i) => i.word);
};

describe('the school glossary in the spell check', () => {
  it("accepts the school's own glossary words and marks another school's", async () => {
    expect(await marked('Eleverne svejser en kvorksøm efter GRAPHA-metoden og har en trindlap med')).toEqual(['trindlap']);
  }, 60_000);

  it('follows the glossary as it changes, from the next check on', async () => {
    const added = await editor.post('/api/v1/library/glossary', { term: 'Trindlap', definition: 'Nu også vores' });
    expect(added.statusCode, added.body).toBe(201);
    expect(await marked('En trindlap og en kvorksøm')).toEqual([]);
    expect((await editor.delete(`/api/v1/library/glossary/${(added.json() as { id: string }).id}`)).statusCode).toBe(204);
    expect(await marked('En trindlap og en kvorksøm')).toEqual(['trindlap']);
  }, 60_000);
});

describe('the production bundle of the worker', () => {
  // built as scripts/build-server.mjs builds dist/server/spellcheck-worker.mjs for npm start, into a folder of its own under dist/
  let outdir = '';
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('loads Hunspell, the dictionary and the word lists, and checks an item with a glossary', async () => {
    mkdirSync(join(projectRoot, 'dist'), { recursive: true });
    outdir = mkdtempSync(join(projectRoot, 'dist', 'spellcheck-test-'));
    await build({
      entryPoints: { 'spellcheck-worker': join(projectRoot, 'src/server/features/library/spellcheck-worker.ts') },
      outdir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    });
    const worker = new Worker(join(outdir, 'spellcheck-worker.mjs'));
    try {
      const replies: unknown[] = [];
      const next = () => new Promise<unknown>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      replies.push(await next());
      const task: SpellTask = { title: 'Svejsning', summary: 'Elverne svejser', fields: { maal: '<p>En kvorksøm, dvs. en søm, og desvære en IDV-opgave</p>' }, glossary: ['Kvorksøm'] };
      worker.postMessage(task);
      replies.push(await next());
      expect(replies[0]).toEqual({ ready: true });
      const reply = replies[1] as { ok: boolean; value: SpellIssue[] };
      expect(reply.ok).toBe(true);
      expect(reply.value.map((i) => [i.field, i.word, i.suggestions[0]])).toEqual([
        ['summary', 'Elverne', 'Eleverne'],
        ['maal', 'desvære', 'desværre'],
      ]);
    } finally {
      await worker.terminate();
    }
  }, SPELLCHECK.timeoutMs * 3);
});
