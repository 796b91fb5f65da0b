import type { FrameworkLevel, Localised } from '../../db/schema/index';

/**
 * The default frameworks Retning ships, written by us. The staff framework follows the structure
 * of DigCompEdu (Redecker, C. (2017): European Framework for the Digital Competence of Educators:
 * DigCompEdu. Punie, Y. (ed.). EUR 28775 EN. Publications Office of the European Union,
 * Luxembourg, JRC107466): six areas, 22 competences and a progression A1–C2, which we map to
 * levels 1–6, and adds a level 0 and a seventh area for the vocational "digitalisering af faget".
 * The texts are our own; none is copied from DigCompEdu.
 */
export const DIGCOMPEDU_CITATION =
  'Struktur efter Redecker, C. (2017). European Framework for the Digital Competence of Educators: DigCompEdu. JRC107466, Publications Office of the European Union. Tekster skrevet af Retning.';

const L = (da: string, en: string): Localised => ({ da, en });

export const STAFF_LEVELS: FrameworkLevel[] = [
  { level: 0, title: L('Niveau 0', 'Level 0'), description: L('Mangler basale digitale færdigheder og får en særlig indsats: login, filer, mail og skolens platforme først.', 'Lacks basic digital skills and gets a special effort: sign-in, files, e-mail and the school platforms first.') },
  { level: 1, title: L('Nybegynder', 'Newcomer'), description: L('Kender til digitale muligheder i undervisningen, men bruger dem sjældent og har brug for hjælp.', 'Is aware of digital options in teaching but rarely uses them and needs help.') },
  { level: 2, title: L('Udforsker', 'Explorer'), description: L('Har prøvet digitale værktøjer i enkelte forløb og er nysgerrig efter mere.', 'Has tried digital tools in some units and is curious to do more.') },
  { level: 3, title: L('Integrator', 'Integrator'), description: L('Bruger digitale værktøjer fast og tilpasser dem til formål og elever.', 'Uses digital tools routinely and adapts them to purposes and students.') },
  { level: 4, title: L('Ekspert', 'Expert'), description: L('Analyserer og vælger bevidst mellem digitale løsninger ud fra pædagogiske overvejelser.', 'Analyses and deliberately chooses between digital solutions on pedagogical grounds.') },
  { level: 5, title: L('Leder', 'Leader'), description: L('Reflekterer over egen og kollegers praksis og deler erfaringer, så andre lærer af dem.', "Reflects on own and colleagues' practice and shares experience so others learn from it."), },
  { level: 6, title: L('Pioner', 'Pioneer'), description: L('Tager initiativ til nye digitale praksisser og udvikler faget og skolen.', 'Takes the initiative for new digital practices and develops the subject and the school.') },
];

type Seed = { code: string; title: Localised; description: Localised; competences: { title: Localised; description: Localised }[] };

export const STAFF_AREAS: Seed[] = [
  {
    code: '1', title: L('Professionelt engagement', 'Professional engagement'), description: L('Digitale værktøjer i samarbejde, kommunikation og egen faglig udvikling.', 'Digital tools in collaboration, communication and own professional development.'),
    competences: [
      { title: L('Kommunikation i organisationen', 'Organisational communication'), description: L('Kommunikerer med elever, kolleger, praktiksteder og forældre gennem skolens digitale kanaler.', 'Communicates with students, colleagues, workplaces and parents through the school\'s digital channels.') },
      { title: L('Fagligt samarbejde', 'Professional collaboration'), description: L('Deler materialer og erfaringer med kolleger digitalt.', 'Shares materials and experience with colleagues digitally.') },
      { title: L('Refleksiv praksis', 'Reflective practice'), description: L('Vurderer egen digitale undervisningspraksis og justerer den.', 'Evaluates own digital teaching practice and adjusts it.') },
      { title: L('Digital efteruddannelse', 'Digital continuous development'), description: L('Bruger digitale kilder og kurser til at udvikle sig fagligt.', 'Uses digital sources and courses to develop professionally.') },
    ],
  },
  {
    code: '2', title: L('Digitale ressourcer', 'Digital resources'), description: L('At finde, lave, tilpasse og dele digitale læremidler.', 'Finding, creating, adapting and sharing digital learning resources.'),
    competences: [
      { title: L('Finde og vælge ressourcer', 'Selecting resources'), description: L('Finder og vurderer digitale læremidler til et læringsmål.', 'Finds and evaluates digital learning resources for a learning goal.') },
      { title: L('Lave og tilpasse ressourcer', 'Creating and modifying resources'), description: L('Laver egne eller tilpasser andres digitale materialer.', 'Creates own or adapts others\' digital materials.') },
      { title: L('Dele og beskytte ressourcer', 'Managing and sharing resources'), description: L('Deler materialer med respekt for ophavsret og persondata.', 'Shares materials respecting copyright and personal data.') },
    ],
  },
  {
    code: '3', title: L('Undervisning og læring', 'Teaching and learning'), description: L('Digitale værktøjer i tilrettelæggelse og gennemførelse af undervisningen.', 'Digital tools in planning and running lessons.'),
    competences: [
      { title: L('Digital undervisning', 'Teaching'), description: L('Planlægger og gennemfører undervisning med digitale værktøjer.', 'Plans and runs lessons with digital tools.') },
      { title: L('Vejledning', 'Guidance'), description: L('Vejleder elever digitalt, også når de er i praktik.', 'Guides students digitally, also during their internship.') },
      { title: L('Samarbejdende læring', 'Collaborative learning'), description: L('Lader elever samarbejde med digitale værktøjer.', 'Lets students collaborate with digital tools.') },
      { title: L('Selvstyret læring', 'Self-regulated learning'), description: L('Hjælper elever med at planlægge og dokumentere egen læring digitalt.', 'Helps students plan and document their own learning digitally.') },
    ],
  },
  {
    code: '4', title: L('Evaluering', 'Assessment'), description: L('Digitale måder at evaluere og give feedback på.', 'Digital ways of assessing and giving feedback.'),
    competences: [
      { title: L('Evalueringsformer', 'Assessment strategies'), description: L('Bruger digitale former til formativ og summativ evaluering.', 'Uses digital forms of formative and summative assessment.') },
      { title: L('Læringsdata', 'Analysing evidence'), description: L('Tolker data om elevernes aktivitet og læring.', 'Interprets data on students\' activity and learning.') },
      { title: L('Feedback og planlægning', 'Feedback and planning'), description: L('Giver digital feedback og bruger den til at planlægge videre.', 'Gives digital feedback and uses it to plan ahead.') },
    ],
  },
  {
    code: '5', title: L('Elevinddragelse', 'Empowering learners'), description: L('Digitale værktøjer til at inddrage og differentiere for alle elever.', 'Digital tools to involve all students and differentiate.'),
    competences: [
      { title: L('Tilgængelighed og inklusion', 'Accessibility and inclusion'), description: L('Sikrer at alle elever kan bruge de digitale materialer.', 'Makes sure every student can use the digital materials.') },
      { title: L('Undervisningsdifferentiering', 'Differentiation'), description: L('Tilpasser opgaver digitalt til elevernes forudsætninger.', 'Adapts tasks digitally to students\' prerequisites.') },
      { title: L('Aktiv deltagelse', 'Actively engaging learners'), description: L('Bruger digitale værktøjer til at gøre eleverne aktive.', 'Uses digital tools to make students active.') },
    ],
  },
  {
    code: '6', title: L('Elevernes digitale kompetencer', "Learners' digital competence"), description: L('At styrke elevernes egne digitale kompetencer.', "Strengthening the students' own digital competence."),
    competences: [
      { title: L('Informationskompetence', 'Information literacy'), description: L('Lærer eleverne at søge og vurdere information kritisk.', 'Teaches students to search for and judge information critically.') },
      { title: L('Digital kommunikation', 'Digital communication'), description: L('Lærer eleverne at kommunikere og samarbejde digitalt.', 'Teaches students to communicate and collaborate digitally.') },
      { title: L('Digitalt indhold', 'Content creation'), description: L('Lader eleverne skabe digitalt indhold.', 'Lets students create digital content.') },
      { title: L('Ansvarlig brug', 'Responsible use'), description: L('Lærer eleverne om sikkerhed, trivsel og digital dannelse.', 'Teaches students about safety, well-being and digital citizenship.') },
      { title: L('Digital problemløsning', 'Digital problem solving'), description: L('Lader eleverne løse problemer med digitale værktøjer.', 'Lets students solve problems with digital tools.') },
    ],
  },
  {
    code: '7', title: L('Digitalisering af faget', 'Digitalisation of the trade'), description: L('Den digitale teknologi, som faget selv bruger på arbejdsmarkedet.', 'The digital technology the trade itself uses at work.'),
    competences: [
      { title: L('Fagets teknologi', 'The trade\'s technology'), description: L('Kender og bruger de digitale værktøjer og maskiner, faget bruger i dag.', 'Knows and uses the digital tools and machines the trade uses today.') },
      { title: L('Simulation og visualisering', 'Simulation and visualisation'), description: L('Bruger simulation, VR/AR eller video af praksis i undervisningen.', 'Uses simulation, VR/AR or video of practice in teaching.') },
      { title: L('Kobling til praktik', 'Link to the workplace'), description: L('Bygger bro mellem skolens og praktikstedets digitale praksis.', 'Bridges the digital practice of the school and the workplace.') },
    ],
  },
];

export const STUDENT_LEVELS: FrameworkLevel[] = [
  { level: 0, title: L('Niveau 0', 'Level 0'), description: L('Har brug for hjælp til login, filer og skolens platform.', 'Needs help with sign-in, files and the school platform.') },
  { level: 1, title: L('Begynder', 'Beginner'), description: L('Kan med hjælp.', 'Can do it with help.') },
  { level: 2, title: L('På vej', 'Getting there'), description: L('Kan selv i kendte situationer.', 'Can do it alone in familiar situations.') },
  { level: 3, title: L('Selvstændig', 'Independent'), description: L('Kan selv og vælger passende værktøjer.', 'Can do it alone and chooses suitable tools.') },
  { level: 4, title: L('Sikker', 'Confident'), description: L('Kan i nye situationer og forklarer sine valg.', 'Can do it in new situations and explains the choices.') },
  { level: 5, title: L('Hjælper andre', 'Helps others'), description: L('Hjælper klassekammerater.', 'Helps classmates.') },
  { level: 6, title: L('Fornyer', 'Innovator'), description: L('Finder nye digitale løsninger i faget.', 'Finds new digital solutions in the trade.') },
];

export const STUDENT_AREAS: Seed[] = [
  { code: 'E1', title: L('Information', 'Information'), description: L('At finde og vurdere information.', 'Finding and judging information.'), competences: [{ title: L('Søge og vurdere', 'Search and judge'), description: L('Finder information og vurderer, om den er troværdig.', 'Finds information and judges whether it is trustworthy.') }] },
  { code: 'E2', title: L('Kommunikation og samarbejde', 'Communication and collaboration'), description: L('At arbejde sammen digitalt.', 'Working together digitally.'), competences: [{ title: L('Samarbejde online', 'Online collaboration'), description: L('Deler filer og arbejder sammen i skolens platform.', 'Shares files and works together on the school platform.') }] },
  { code: 'E3', title: L('Digitalt indhold', 'Digital content'), description: L('At skabe og dokumentere.', 'Creating and documenting.'), competences: [{ title: L('Dokumentere praksis', 'Documenting practice'), description: L('Dokumenterer eget arbejde med foto, video og tekst, også i praktik.', 'Documents own work with photos, video and text, also in the internship.') }] },
  { code: 'E4', title: L('Sikkerhed og dannelse', 'Safety and citizenship'), description: L('At passe på sig selv og andre online.', 'Looking after oneself and others online.'), competences: [{ title: L('Sikker adfærd', 'Safe behaviour'), description: L('Passer på passwords, persondata og andres billeder.', "Looks after passwords, personal data and other people's pictures.") }] },
  { code: 'E5', title: L('Fagets digitale værktøjer', "The trade's digital tools"), description: L('Digitalisering i faget.', 'Digitalisation in the trade.'), competences: [{ title: L('Bruge fagets værktøjer', "Use the trade's tools"), description: L('Bruger de digitale værktøjer, faget bruger.', 'Uses the digital tools the trade uses.') }] },
];

/** The basic-skills check: a person who cannot do at least BASIC_PASS of these is placed at level 0. */
export const BASIC_CHECKS: Localised[] = [
  L('Jeg kan logge ind på skolens systemer uden hjælp', 'I can sign in to the school systems without help'),
  L('Jeg kan gemme, finde og dele en fil', 'I can save, find and share a file'),
  L('Jeg kan sende en mail med en vedhæftet fil', 'I can send an e-mail with an attachment'),
  L('Jeg kan lægge materiale på skolens læringsplatform', 'I can put material on the school learning platform'),
  L('Jeg kan deltage i et online møde med lyd og billede', 'I can join an online meeting with sound and video'),
];
