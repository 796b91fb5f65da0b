import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { glossaryTerms, libraryItems, libraryVersions, people, schools } from '../db/schema/index';
import { audit } from '../platform/audit';
import { fieldsTextOf } from '../features/library/model';
import { cleanHtml } from '../features/library/sanitize';

const p = (s: string) => `<p>${s}</p>`;

/**
 * Demo content for the knowledge-sharing library: a few published forløb and materials by the
 * demo teachers, and glossary terms. Call after seedDemo(db) on the same empty embedded database.
 */
export async function seedDemoLibrary(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const [school] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.name, (await import('./demo-data')).DEMO_SCHOOL.name));
    if (!school) return;
    const byEmail = async (email: string) => (await tx.select({ id: people.id }).from(people).where(sql`${people.schoolId} = ${school.id} and lower(${people.email}) = ${email}`))[0]?.id;
    const lone = await byEmail('laerer@demo.example');
    const anders = await byEmail('ambassador@demo.example');
    if (!lone || !anders) return;
    const forlob = [
      {
        authorId: lone,
        title: 'Kantsømme med video-feedback',
        summary: 'Eleverne filmer hinandens svejsning og giver feedback ud fra fælles kvalitetskriterier.',
        subject: 'Svejsning',
        duration: '2 uger',
        tags: { fag: ['Svejsning'], niveau: ['Grundforløb 2'], sigtelinje: ['Videndeling'], teknologi: ['Video'] },
        fields: {
          laeringsforudsaetninger: p('Eleverne kan udføre en enkel stumpsøm og kender sikkerhedsreglerne i værkstedet.'),
          rammefaktorer: p('Fire svejseborde, tablets til optagelse, Canvas-modulet «Kantsømme».'),
          maal: p('Eleven kan udføre en kantsøm og vurdere kvaliteten af sin egen og andres søm.'),
          indhold: p('Kantsømme, fejltyper og kvalitetskriterier for svejsning.'),
          laereprocesser: p('Eleverne optager hinanden, ser optagelsen sammen og giver peer-feedback med tjeklisten.'),
          vurdering: p('Formativ vurdering med tjekliste; læreren giver feedback på en udvalgt optagelse.'),
        },
      },
      {
        authorId: anders,
        title: 'Fejlfinding i el-installationer med simulation',
        summary: 'En VR-simulation træner systematisk fejlfinding, før eleverne arbejder på rigtige anlæg.',
        subject: 'El-installation',
        duration: '1 uge',
        tags: { fag: ['El-installation'], niveau: ['Hovedforløb'], teknologi: ['Simulation/VR'] },
        fields: {
          laeringsforudsaetninger: p('Eleverne kender grundlæggende el-sikkerhed og måleinstrumenter.'),
          rammefaktorer: p('VR-briller til halvdelen af holdet; resten arbejder med måleøvelser.'),
          maal: p('Eleven kan finde og dokumentere en fejl systematisk.'),
          indhold: p('Fejlfindingsmetoder, måling og dokumentation.'),
          laereprocesser: p('Simulation, makkerarbejde og fælles refleksion over fejlfindingsstrategier.'),
          vurdering: p('Eleverne afleverer en fejlfindingsrapport i Canvas.'),
        },
      },
    ];
    for (const f of forlob) {
      const fields = Object.fromEntries(Object.entries(f.fields).map(([k, v]) => [k, cleanHtml(v)]));
      const [row] = await tx
        .insert(libraryItems)
        .values({ ...f, schoolId: school.id, kind: 'forlob', fields, fieldsText: await fieldsTextOf(fields), status: 'published', licence: 'cc_by', publishedAt: new Date(), networkShared: true, lmsUrl: 'https://canvas.example/courses/1' })
        .returning();
      if (row) await tx.insert(libraryVersions).values({ schoolId: school.id, itemId: row.id, version: 1, event: 'published', snapshot: { title: row.title, ...fields }, createdBy: f.authorId });
    }
    await tx.insert(libraryItems).values([
      { schoolId: school.id, kind: 'material', authorId: lone, title: 'Tjekliste: kvalitet i kantsømme', summary: 'Seks punkter til peer-feedback.', materialType: 'document', url: 'https://canvas.example/courses/1/pages/tjekliste', status: 'published', licence: 'cc_by_sa', publishedAt: new Date(), tags: { fag: ['Svejsning'] } },
      { schoolId: school.id, kind: 'material', authorId: anders, title: 'Quiz om el-sikkerhed', summary: 'Ti spørgsmål før værkstedet.', materialType: 'quiz', url: 'https://canvas.example/courses/2/quizzes/1', status: 'published', licence: 'cc_by', publishedAt: new Date(), tags: { fag: ['El-installation'] } },
    ]);
    await tx.insert(glossaryTerms).values([
      { schoolId: school.id, term: 'Relationsmodellen', definition: 'Hiim & Hippes didaktiske model med seks elementer, der påvirker hinanden: læringsforudsætninger, rammefaktorer, mål, indhold, læreprocesser og vurdering.' },
      { schoolId: school.id, term: 'Feedback', definition: 'Tilbagemelding til eleven om, hvor hun er i forhold til målet, og hvad næste skridt er.' },
      { schoolId: school.id, term: 'Peer-feedback', definition: 'Elever giver hinanden feedback ud fra fælles kriterier.' },
      { schoolId: school.id, term: 'Simulation', definition: 'En digital efterligning af en praksis, hvor eleven kan øve sig uden risiko.' },
    ]);
    await audit(tx, { system: 'Demo', schoolId: school.id }, { action: 'library.seeded', resourceType: 'school', resourceId: school.id, summary: 'Videndeling' });
  });
}
