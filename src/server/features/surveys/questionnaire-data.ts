/**
 * The default self-reflection questionnaire (selvevaluering), version 1, written by us in Danish
 * and English. It is organised by the knowledge summary's four themes (organisationsudvikling,
 * videndeling, kompetenceudvikling, samarbejde med praktiksteder) plus ledelse and infrastruktur,
 * areas like those of the EU's SELFIE tool, in our own words; no item is copied from SELFIE.
 *
 * An item that asks the same thing of several groups has one key and one text per group, each
 * written from that group's point of view, so that the report can show the gap between, say,
 * what leaders believe and what teachers experience. Keys are stable across versions and schools:
 * trends and the network benchmark match on them, so a key is never reused for another meaning.
 * Statements are answered on the agree scale (SCALE_LABELS); each asks one thing. Why the items
 * are chosen as they are: docs/surveys.md, "Spørgeskemaet".
 */

export const SURVEY_GROUPS = ['leader', 'teacher', 'student', 'supervisor'] as const;
export type SurveyGroup = (typeof SURVEY_GROUPS)[number];

export const SURVEY_AREAS = [
  'ledelse', 'organisationsudvikling', 'videndeling', 'kompetenceudvikling', 'praktiksamarbejde', 'infrastruktur',
] as const;
export type SurveyArea = (typeof SURVEY_AREAS)[number];

export type Localised = { da: string; en: string };

export type QuestionItem = {
  /** Stable across versions and schools (trend and network benchmark match on it), e.g. 'vid-03'. */
  key: string;
  area: SurveyArea;
  /** The item's wording per group that is asked it, written from that group's point of view. */
  texts: Partial<Record<SurveyGroup, Localised>>;
  /** A school may switch an optional item off; core items are always asked. */
  optional: boolean;
};

const L = (da: string, en: string): Localised => ({ da, en });

/** Area titles and one-sentence descriptions, shown as section headings and in the report. */
export const AREA_TEXTS: Record<SurveyArea, { title: Localised; description: Localised }> = {
  ledelse: {
    title: L('Ledelse', 'Leadership'),
    description: L('Hvordan ledelsen sætter retning, begrunder valg og følger op på det pædagogisk-digitale arbejde.', 'How management sets direction, explains its choices and follows up on the pedagogical-digital work.'),
  },
  organisationsudvikling: {
    title: L('Organisationsudvikling', 'Organisational development'),
    description: L('Strategi, handleplaner og fælles rammer: hvordan skolen organiserer arbejdet med digitale værktøjer i undervisningen.', 'Strategy, action plans and shared frameworks: how the school organises its work with digital tools in teaching.'),
  },
  videndeling: {
    title: L('Videndeling', 'Knowledge sharing'),
    description: L('At dele materialer, forløb og erfaringer med kolleger, elever og praktiksteder.', 'Sharing materials, units and experience with colleagues, students and workplaces.'),
  },
  kompetenceudvikling: {
    title: L('Kompetenceudvikling', 'Competence development'),
    description: L('Digitale kompetencer hos medarbejdere og elever, og hvordan de bruges i undervisningen.', 'Digital competences of staff and students, and how they are used in teaching.'),
  },
  praktiksamarbejde: {
    title: L('Samarbejde med praktiksteder', 'Collaboration with workplaces'),
    description: L('Samarbejdet mellem skole, elev og praktiksted, og sammenhængen mellem skoleperiode og praktik.', 'The collaboration between school, student and workplace, and the link between school periods and internship.'),
  },
  infrastruktur: {
    title: L('Infrastruktur', 'Infrastructure'),
    description: L('Udstyr, netværk, platforme og hjælp: det, der skal virke, før pædagogikken kan komme først.', 'Equipment, network, platforms and support: what has to work before pedagogy can come first.'),
  },
};

/**
 * The strategy's sigtelinje (STIL's line, keys of STRATEGY_TERMS_DA.sigtelinje) an area belongs to,
 * for "Opret indsats". Ledelse belongs to line 1, "Ledelse og implementering af fælles pædagogisk og
 * didaktisk grundlag", as organisationsudvikling does; infrastruktur has no line of its own.
 */
export const AREA_THEME: Record<SurveyArea, string | null> = {
  ledelse: '1',
  organisationsudvikling: '1',
  videndeling: '2',
  kompetenceudvikling: '3',
  praktiksamarbejde: '4',
  infrastruktur: null,
};

/** Labels of the scale: 1..5 ends and the two non-answers. */
export const SCALE_LABELS: {
  min: Localised; max: Localised; values: Record<1 | 2 | 3 | 4 | 5, Localised>; dontKnow: Localised; noAnswer: Localised;
} = {
  min: L('Helt uenig', 'Strongly disagree'),
  max: L('Helt enig', 'Strongly agree'),
  values: {
    1: L('Helt uenig', 'Strongly disagree'),
    2: L('Uenig', 'Disagree'),
    3: L('Hverken enig eller uenig', 'Neither agree nor disagree'),
    4: L('Enig', 'Agree'),
    5: L('Helt enig', 'Strongly agree'),
  },
  dontKnow: L('Ved ikke / ikke relevant', "Don't know / not relevant"),
  noAnswer: L('Ønsker ikke at svare', 'Prefer not to answer'),
};

type Texts = QuestionItem['texts'];
const core = (key: string, area: SurveyArea, texts: Texts): QuestionItem => ({ key, area, texts, optional: false });
const opt = (key: string, area: SurveyArea, texts: Texts): QuestionItem => ({ key, area, texts, optional: true });

const ledelse: QuestionItem[] = [
  core('led-01', 'ledelse', {
    leader: L('Vi forklarer medarbejderne, hvorfor vi bruger digitale værktøjer i undervisningen', 'We explain to staff why we use digital tools in teaching'),
    teacher: L('Ledelsen forklarer, hvorfor vi bruger digitale værktøjer i undervisningen', 'Management explains why we use digital tools in teaching'),
    student: L('Skolen forklarer, hvorfor vi bruger de digitale værktøjer, vi gør', 'The school explains why we use the digital tools we do'),
  }),
  core('led-02', 'ledelse', {
    leader: L('Når vi indfører en ny digital løsning, tager vi udgangspunkt i det pædagogiske formål', 'When we introduce a new digital solution, we start from its pedagogical purpose'),
    teacher: L('Når skolen indfører en ny digital løsning, er det pædagogiske formål tydeligt for mig', "When the school introduces a new digital solution, its pedagogical purpose is clear to me"),
  }),
  core('led-03', 'ledelse', {
    leader: L('Jeg er tæt nok på undervisningen til at se, hvordan digitale værktøjer bliver brugt', 'I am close enough to teaching to see how digital tools are used'),
    teacher: L('Min nærmeste leder ved, hvordan vi bruger digitale værktøjer i undervisningen', 'My line manager knows how we use digital tools in our teaching'),
  }),
  core('led-04', 'ledelse', {
    leader: L('Vi følger systematisk op på de digitale indsatser, vi har sat i gang', 'We follow up systematically on the digital initiatives we have started'),
    teacher: L('Ledelsen følger op på, om de digitale indsatser virker i undervisningen', 'Management follows up on whether the digital initiatives work in teaching'),
  }),
  opt('led-05', 'ledelse', {
    leader: L('Vi sætter et realistisk tempo for nye digitale tiltag', 'We set a realistic pace for new digital measures'),
    teacher: L('Tempoet i skolens nye digitale tiltag er realistisk', "The pace of the school's new digital measures is realistic"),
  }),
  core('led-06', 'ledelse', {
    leader: L('Lærerne får tid til at udvikle deres undervisning med digitale værktøjer', 'Teachers are given time to develop their teaching with digital tools'),
    teacher: L('Jeg får tid til at udvikle min undervisning med digitale værktøjer', 'I am given time to develop my teaching with digital tools'),
  }),
  core('led-07', 'ledelse', {
    leader: L('Vi spørger eleverne, hvordan de digitale værktøjer virker for deres læring', 'We ask students how the digital tools work for their learning'),
    teacher: L('Jeg spørger mine elever, hvordan de digitale værktøjer virker for deres læring', 'I ask my students how the digital tools work for their learning'),
    student: L('Vi elever bliver spurgt, hvordan de digitale værktøjer virker for vores læring', 'We students are asked how the digital tools work for our learning'),
  }),
  core('led-08', 'ledelse', {
    leader: L('Vi prioriterer samarbejdet med praktikstederne i vores pædagogisk-digitale arbejde', 'We give priority to working with the workplaces in our pedagogical-digital work'),
    teacher: L('Ledelsen prioriterer samarbejdet med elevernes praktiksteder', "Management gives priority to working with the students' workplaces"),
    supervisor: L('Skolens ledelse prioriterer samarbejdet med os som praktiksted', "The school's management gives priority to working with us as a workplace"),
  }),
  core('led-09', 'ledelse', {
    leader: L('Vi følger op på, hvordan samarbejdet med praktikstederne fungerer', 'We follow up on how the collaboration with the workplaces is working'),
    supervisor: L('Skolen følger op på, hvordan samarbejdet med os fungerer', 'The school follows up on how its collaboration with us is working'),
  }),
  core('led-10', 'ledelse', {
    student: L('Skolen gør noget ved det, når eleverne siger, at et digitalt værktøj ikke fungerer', 'The school does something about it when students say a digital tool is not working'),
  }),
  opt('led-11', 'ledelse', {
    supervisor: L('Skolen lytter til vores ønsker til elevernes digitale kompetencer', "The school listens to what we want from the students' digital skills"),
  }),
];

const organisationsudvikling: QuestionItem[] = [
  core('org-01', 'organisationsudvikling', {
    leader: L('Medarbejderne kender skolens pædagogisk-digitale strategi eller handleplan', "Staff know the school's pedagogical-digital strategy or action plan"),
    teacher: L('Jeg kender skolens pædagogisk-digitale strategi eller handleplan', "I know the school's pedagogical-digital strategy or action plan"),
    supervisor: L('Skolen har fortalt os, hvad den vil med digitale værktøjer i uddannelsen', 'The school has told us what it aims to do with digital tools in the programme'),
  }),
  core('org-02', 'organisationsudvikling', {
    leader: L('Vores digitale indsatser bygger på skolens fælles pædagogisk-didaktiske grundlag', "Our digital initiatives build on the school's shared pedagogical-didactic foundation"),
    teacher: L('Skolens digitale indsatser hænger sammen med vores fælles pædagogisk-didaktiske grundlag', "The school's digital initiatives fit our shared pedagogical-didactic foundation"),
  }),
  opt('org-03', 'organisationsudvikling', {
    leader: L('Lærerne kan få hjælp af en it-ambassadør eller superbruger, når de har brug for det', 'Teachers can get help from an IT ambassador or super user when they need it'),
    teacher: L('Jeg kan få hjælp af en it-ambassadør eller superbruger, når jeg har brug for det', 'I can get help from an IT ambassador or super user when I need it'),
  }),
  core('org-04', 'organisationsudvikling', {
    leader: L('Afdelingerne holder jævnligt pædagogiske drøftelser om digitale værktøjer i undervisningen', 'Departments regularly hold pedagogical discussions about digital tools in teaching'),
    teacher: L('I mit team drøfter vi jævnligt, hvordan digitale værktøjer kan styrke elevernes læring', "In my team we regularly discuss how digital tools can strengthen students' learning"),
  }),
  core('org-05', 'organisationsudvikling', {
    leader: L('Forløbene på læringsplatformen er sat op efter en fælles skabelon', 'Units on the learning platform are set up from a shared template'),
    teacher: L('Mine forløb på læringsplatformen er sat op efter en fælles skabelon', 'My units on the learning platform are set up from a shared template'),
    student: L('Fagene er sat op på samme måde på læringsplatformen', 'The subjects are set up the same way on the learning platform'),
  }),
  opt('org-06', 'organisationsudvikling', {
    leader: L('Antallet af digitale værktøjer, lærerne skal bruge, er til at overskue', 'The number of digital tools teachers have to use is manageable'),
    teacher: L('Antallet af digitale værktøjer, jeg skal bruge, er til at overskue', 'The number of digital tools I have to use is manageable'),
    student: L('Antallet af digitale værktøjer, jeg skal bruge på skolen, er til at overskue', 'The number of digital tools I have to use at school is manageable'),
  }),
  opt('org-07', 'organisationsudvikling', {
    student: L('Jeg ved, hvilke digitale værktøjer jeg skal bruge i de forskellige fag', 'I know which digital tools I am expected to use in each subject'),
  }),
  core('org-08', 'organisationsudvikling', {
    supervisor: L('Skolen fortæller os om nye digitale tiltag, der berører eleverne i praktikken', 'The school tells us about new digital measures that affect students during their internship'),
  }),
  opt('org-09', 'organisationsudvikling', {
    supervisor: L('Skolens digitale tiltag tager hensyn til hverdagen i virksomheden', "The school's digital measures take account of everyday work in our company"),
  }),
];

const videndeling: QuestionItem[] = [
  core('vid-01', 'videndeling', {
    leader: L('Ledelsen følger op på, om vi deler undervisningsmaterialer i teamene', 'Management follows up on whether we share teaching materials in the teams'),
    teacher: L('Vi deler undervisningsmaterialer i teamet', 'We share teaching materials in our team'),
  }),
  core('vid-02', 'videndeling', {
    leader: L('Lærerne lægger deres forløb i skolens fælles bibliotek', "Teachers put their units in the school's shared library"),
    teacher: L('Jeg lægger mine forløb i skolens fælles bibliotek, så kolleger kan bruge dem', "I put my units in the school's shared library so that colleagues can use them"),
  }),
  core('vid-03', 'videndeling', {
    leader: L('Lærerne føler sig trygge ved at dele deres materialer med kolleger', 'Teachers feel safe sharing their materials with colleagues'),
    teacher: L('Jeg føler mig tryg ved at dele mine materialer med kolleger', 'I feel safe sharing my materials with colleagues'),
  }),
  core('vid-04', 'videndeling', {
    leader: L('Lærerne bruger kollegers materialer i deres egen undervisning', "Teachers use colleagues' materials in their own teaching"),
    teacher: L('Jeg bruger kollegers materialer i min egen undervisning', "I use colleagues' materials in my own teaching"),
  }),
  opt('vid-05', 'videndeling', {
    leader: L('Redaktionens feedback hjælper lærerne med at gøre deres materialer bedre', "The editorial group's feedback helps teachers improve their materials"),
    teacher: L('Redaktionens feedback hjælper mig med at gøre mine materialer bedre', "The editorial group's feedback helps me improve my materials"),
  }),
  opt('vid-06', 'videndeling', {
    leader: L('Lærerne har plads til at tilpasse fælles forløb til deres egne hold', 'Teachers have room to adapt shared units to their own classes'),
    teacher: L('Jeg har plads til at tilpasse fælles forløb til mine egne hold', 'I have room to adapt shared units to my own classes'),
  }),
  core('vid-07', 'videndeling', {
    teacher: L('Mine elever deler viden med hinanden gennem digitale værktøjer', 'My students share knowledge with each other through digital tools'),
    student: L('Vi elever deler viden med hinanden gennem digitale værktøjer', 'We students share knowledge with each other through digital tools'),
  }),
  core('vid-08', 'videndeling', {
    student: L('Jeg kan finde materialerne fra undervisningen på læringsplatformen, når jeg har brug for dem', 'I can find the teaching materials on the learning platform when I need them'),
  }),
  opt('vid-09', 'videndeling', {
    student: L('Vi elever hjælper hinanden med de digitale værktøjer', 'We students help each other with the digital tools'),
  }),
  core('vid-10', 'videndeling', {
    leader: L('Lærerne deler materialer fra undervisningen med elevernes praktiksteder', "Teachers share teaching materials with the students' workplaces"),
    teacher: L('Jeg deler materialer fra undervisningen med elevernes praktiksteder', "I share teaching materials with the students' workplaces"),
    supervisor: L('Skolen deler materialer fra undervisningen med os som praktiksted', 'The school shares teaching materials with us as a workplace'),
  }),
  opt('vid-11', 'videndeling', {
    teacher: L('Jeg får faglig viden fra praktikstederne, som jeg kan bruge i undervisningen', 'I get professional know-how from the workplaces that I can use in my teaching'),
    supervisor: L('Vi deler vores faglige viden fra praksis med skolens lærere', "We share our professional know-how from practice with the school's teachers"),
  }),
  opt('vid-12', 'videndeling', {
    supervisor: L('Skolen giver os mulighed for at dele erfaringer med andre praktiksteder', 'The school gives us a chance to share experience with other workplaces'),
  }),
];

const kompetenceudvikling: QuestionItem[] = [
  core('kom-01', 'kompetenceudvikling', {
    leader: L('Vi bruger kortlægningen af medarbejdernes digitale kompetencer til at planlægge kompetenceudvikling', "We use the mapping of staff's digital competences to plan competence development"),
    teacher: L('Kortlægningen af mine digitale kompetencer har ført til et relevant tilbud om kompetenceudvikling', 'The mapping of my digital competences has led to a relevant offer of competence development'),
  }),
  core('kom-02', 'kompetenceudvikling', {
    leader: L('Kompetenceudviklingen er tilpasset den enkelte lærers behov', "Competence development is matched to each teacher's needs"),
    teacher: L('De kompetenceforløb, jeg får tilbudt, passer til mine behov', 'The competence courses I am offered fit my needs'),
  }),
  core('kom-03', 'kompetenceudvikling', {
    leader: L('Kompetenceudviklingen hjælper lærerne med at bruge digitale værktøjer pædagogisk, ikke kun teknisk', 'Competence development helps teachers use digital tools pedagogically, not only technically'),
    teacher: L('Kompetenceudviklingen hjælper mig med at bruge digitale værktøjer pædagogisk, ikke kun teknisk', 'Competence development helps me use digital tools pedagogically, not only technically'),
  }),
  opt('kom-04', 'kompetenceudvikling', {
    leader: L('Medarbejdere, der mangler basale digitale færdigheder, får en særlig indsats', 'Staff who lack basic digital skills get a special effort'),
    teacher: L('Jeg kan få hjælp til basale digitale færdigheder, hvis jeg har brug for det', 'I can get help with basic digital skills if I need it'),
  }),
  core('kom-05', 'kompetenceudvikling', {
    leader: L('Lærerne bruger digitale værktøjer til at differentiere undervisningen', 'Teachers use digital tools to differentiate their teaching'),
    teacher: L('Jeg bruger digitale værktøjer til at differentiere undervisningen', 'I use digital tools to differentiate my teaching'),
    student: L('Digitale værktøjer gør det muligt for mig at arbejde i mit eget tempo', 'Digital tools let me work at my own pace'),
  }),
  core('kom-06', 'kompetenceudvikling', {
    leader: L('Lærerne giver eleverne feedback gennem læringsplatformen', 'Teachers give students feedback through the learning platform'),
    teacher: L('Jeg giver eleverne feedback gennem læringsplatformen', 'I give students feedback through the learning platform'),
    student: L('Jeg får feedback fra mine lærere gennem læringsplatformen', 'I get feedback from my teachers through the learning platform'),
  }),
  core('kom-07', 'kompetenceudvikling', {
    teacher: L('Digitale værktøjer gør min undervisning bedre for eleverne', 'Digital tools make my teaching better for the students'),
    student: L('Digitale værktøjer i undervisningen hjælper mig med at lære', 'Digital tools in lessons help me learn'),
  }),
  core('kom-08', 'kompetenceudvikling', {
    leader: L('Eleverne lærer at bruge de digitale værktøjer, der bruges i deres kommende fag', 'Students learn to use the digital tools used in their future trade'),
    teacher: L('Mine elever lærer at bruge de digitale værktøjer, der bruges i deres fag', 'My students learn to use the digital tools used in their trade'),
    student: L('Jeg lærer at bruge de digitale værktøjer, der bruges i mit kommende fag', 'I learn to use the digital tools used in my future trade'),
    supervisor: L('Eleven kan bruge de digitale værktøjer, vi har brug for i virksomheden', 'The student can use the digital tools we need in our company'),
  }),
  opt('kom-09', 'kompetenceudvikling', {
    teacher: L('Jeg holder mig opdateret på de digitale teknologier, der bruges i mit fag ude i branchen', 'I keep up to date with the digital technologies used in my trade'),
    supervisor: L('Skolens undervisning følger med i de digitale teknologier, vi bruger i virksomheden', "The school's teaching keeps up with the digital technologies we use in our company"),
  }),
  opt('kom-10', 'kompetenceudvikling', {
    student: L('Online forløb passer godt ind i min hverdag', 'Online units fit well into my everyday life'),
  }),
  opt('kom-11', 'kompetenceudvikling', {
    student: L('På skolen lærer jeg at bruge digitale værktøjer ansvarligt', 'At school I learn to use digital tools responsibly'),
  }),
  core('kom-12', 'kompetenceudvikling', {
    student: L('Mine lærere bruger digitale værktøjer, når det giver mening for faget', 'My teachers use digital tools when it makes sense for the subject'),
  }),
  opt('kom-13', 'kompetenceudvikling', {
    student: L('Jeg er blevet bedre til at bruge digitale værktøjer, siden jeg startede på skolen', 'I have got better at using digital tools since I started at the school'),
  }),
  core('kom-14', 'kompetenceudvikling', {
    student: L('Jeg kan dokumentere mit arbejde digitalt, fx med fotos eller video', 'I can document my work digitally, for example with photos or video'),
    supervisor: L('Eleven kan dokumentere sit arbejde digitalt, fx med fotos eller video', 'The student can document their work digitally, for example with photos or video'),
  }),
  opt('kom-15', 'kompetenceudvikling', {
    supervisor: L('Skolen tilbyder os fleksibel efteruddannelse, fx online AMU-kurser', 'The school offers us flexible continuing education, such as online AMU courses'),
  }),
  opt('kom-16', 'kompetenceudvikling', {
    supervisor: L('Skolen hjælper mig som praktikvejleder med at bruge dens digitale løsninger', 'The school helps me as a company supervisor to use its digital services'),
  }),
];

const praktiksamarbejde: QuestionItem[] = [
  core('pra-01', 'praktiksamarbejde', {
    leader: L('Vores forløb kobler skoleperioderne med elevernes praktik', "Our units link the school periods with the students' internships"),
    teacher: L('Mine forløb kobler skoleperioden med elevernes praktik', "My units link the school period with the students' internship"),
    student: L('Det, jeg lærer på skolen, kan jeg bruge i min praktik', 'I can use what I learn at school in my internship'),
    supervisor: L('Det, eleven lærer på skolen, kan eleven bruge hos os', 'The student can use what they learn at school in their work with us'),
  }),
  core('pra-02', 'praktiksamarbejde', {
    leader: L('Lærerne følger med i elevernes logbog under praktikken', "Teachers keep up with students' logbooks during the internship"),
    teacher: L('Jeg følger med i elevernes logbog under praktikken', "I keep up with my students' logbooks during their internship"),
    student: L('Jeg bruger logbogen til at dokumentere, hvad jeg laver i praktikken', 'I use the logbook to document what I do in my internship'),
    supervisor: L('Jeg følger med i elevens logbog', "I keep up with the student's logbook"),
  }),
  core('pra-03', 'praktiksamarbejde', {
    leader: L('Lærerne giver eleverne praktikopgaver, der kan løses på praktikstedet', 'Teachers give students internship tasks that can be done at the workplace'),
    teacher: L('Jeg giver eleverne praktikopgaver, der kan løses på praktikstedet', 'I give students internship tasks that can be done at the workplace'),
    student: L('Jeg får opgaver fra skolen, som jeg løser i praktikken', 'I get tasks from school that I do during my internship'),
    supervisor: L('Eleven får opgaver fra skolen, som giver mening at løse hos os', 'The student gets tasks from school that make sense to do with us'),
  }),
  core('pra-04', 'praktiksamarbejde', {
    leader: L('Lærerne har kontakt med elevernes praktikvejledere under praktikken', "Teachers are in contact with the students' company supervisors during the internship"),
    teacher: L('Jeg har kontakt med elevernes praktikvejledere under praktikken', "I am in contact with my students' company supervisors during their internship"),
    supervisor: L('Jeg har kontakt med elevens lærere på skolen', "I am in contact with the student's teachers at school"),
  }),
  opt('pra-05', 'praktiksamarbejde', {
    student: L('Jeg får kommentarer til det, jeg skriver i logbogen', 'I get comments on what I write in the logbook'),
    supervisor: L('Jeg kommenterer det, eleven skriver i logbogen', 'I comment on what the student writes in the logbook'),
  }),
  opt('pra-06', 'praktiksamarbejde', {
    leader: L('Lærerne bruger video eller simulation til at vise, hvordan teorien bruges i praksis', 'Teachers use video or simulation to show how theory is used in practice'),
    teacher: L('Jeg bruger video eller simulation til at vise, hvordan teorien bruges i praksis', 'I use video or simulation to show how theory is used in practice'),
    student: L('I undervisningen bruger vi video eller simulation til at se, hvordan teorien bruges i praksis', 'In lessons we use video or simulation to see how theory is used in practice'),
  }),
  core('pra-07', 'praktiksamarbejde', {
    teacher: L('Jeg bruger elevernes erfaringer fra praktikken i undervisningen', "I use students' experience from their internship in my teaching"),
    student: L('Mine erfaringer fra praktikken bliver brugt i undervisningen på skolen', 'My experience from the internship is used in lessons at school'),
  }),
  core('pra-08', 'praktiksamarbejde', {
    teacher: L('Praktikvejlederne ved, hvad eleverne arbejder med på skolen', 'Company supervisors know what the students are working on at school'),
    student: L('Min praktikvejleder ved, hvad jeg arbejder med på skolen', 'My company supervisor knows what I am working on at school'),
    supervisor: L('Jeg ved, hvad eleven arbejder med på skolen', 'I know what the student is working on at school'),
  }),
  core('pra-09', 'praktiksamarbejde', {
    student: L('Skolen forbereder mig godt til min næste praktikperiode', 'School prepares me well for my next internship period'),
    supervisor: L('Eleven kommer godt forberedt tilbage fra skoleperioden', 'The student comes back well prepared from the school period'),
  }),
  core('pra-10', 'praktiksamarbejde', {
    leader: L('Praktikvejlederne ved, hvad skolen forventer af dem i samarbejdet', 'Company supervisors know what the school expects of them in the collaboration'),
    supervisor: L('Jeg ved, hvad skolen forventer af mig som praktikvejleder', 'I know what the school expects of me as a company supervisor'),
  }),
  opt('pra-11', 'praktiksamarbejde', {
    leader: L('Vi samarbejder med virksomheder, der stiller udstyr eller ekspertise til rådighed ud over praktikken', 'We work with companies that offer equipment or expertise beyond the internship'),
    supervisor: L('Vores virksomhed stiller udstyr eller ekspertise til rådighed for skolen ud over praktikken', 'Our company offers the school equipment or expertise beyond the internship'),
  }),
  opt('pra-12', 'praktiksamarbejde', {
    leader: L('Vi inddrager praktikstederne, når vi planlægger forløb, der kobler skole med praktik', 'We involve the workplaces when we plan units that link school with internship'),
    supervisor: L('Skolen inddrager os, når den planlægger forløb, der kobler skole med praktik', 'The school involves us when it plans units that link school with internship'),
  }),
  core('pra-13', 'praktiksamarbejde', {
    supervisor: L('Jeg ved, hvem på skolen jeg skal kontakte om eleven', 'I know whom to contact at the school about the student'),
  }),
  opt('pra-14', 'praktiksamarbejde', {
    supervisor: L('Jeg ved, hvornår eleven skal på skole næste gang', 'I know when the student is next due at school'),
  }),
  opt('pra-15', 'praktiksamarbejde', {
    supervisor: L('Jeg har tid til at følge op på elevens opgaver fra skolen', "I have time to follow up on the student's tasks from school"),
  }),
  core('pra-16', 'praktiksamarbejde', {
    supervisor: L('Samarbejdet med skolen gør elevens uddannelse bedre', "Working with the school makes the student's training better"),
  }),
];

const infrastruktur: QuestionItem[] = [
  core('inf-01', 'infrastruktur', {
    leader: L('Skolens digitale udstyr virker, når lærerne skal bruge det', "The school's digital equipment works when teachers need it"),
    teacher: L('Det digitale udstyr virker, når jeg skal bruge det i undervisningen', 'The digital equipment works when I need it in lessons'),
    student: L('Skolens digitale udstyr virker, når vi skal bruge det i undervisningen', "The school's digital equipment works when we need it in lessons"),
  }),
  core('inf-02', 'infrastruktur', {
    leader: L('Det trådløse netværk er stabilt i alle undervisningslokaler', 'The wireless network is stable in all teaching rooms'),
    teacher: L('Det trådløse netværk er stabilt i de lokaler, hvor jeg underviser', 'The wireless network is stable in the rooms where I teach'),
    student: L('Det trådløse netværk på skolen er stabilt', 'The wireless network at school is stable'),
  }),
  core('inf-03', 'infrastruktur', {
    leader: L('Lærerne får hurtigt hjælp, når et digitalt værktøj driller', 'Teachers get help quickly when a digital tool is playing up'),
    teacher: L('Jeg får hurtigt hjælp, når et digitalt værktøj driller', 'I get help quickly when a digital tool is playing up'),
    student: L('Jeg får hurtigt hjælp, når et digitalt værktøj på skolen ikke virker', 'I get help quickly when a digital tool at school does not work'),
    supervisor: L('Jeg får hurtigt hjælp fra skolen, når en af dens digitale løsninger ikke virker for mig', 'I get help quickly from the school when one of its digital services does not work for me'),
  }),
  core('inf-04', 'infrastruktur', {
    leader: L('Læringsplatformen er let at bruge for lærerne', 'The learning platform is easy for teachers to use'),
    teacher: L('Læringsplatformen er let at bruge i min undervisning', 'The learning platform is easy to use in my teaching'),
    student: L('Læringsplatformen er let at bruge', 'The learning platform is easy to use'),
    supervisor: L('Skolens digitale løsninger er lette at bruge for mig som praktikvejleder', "The school's digital services are easy for me to use as a company supervisor"),
  }),
  opt('inf-05', 'infrastruktur', {
    leader: L('Afdelingerne har adgang til de erhvervsrettede teknologier, fagene har brug for', 'Departments have access to the vocational technologies their trades need'),
    teacher: L('Jeg har adgang til de erhvervsrettede teknologier, mit fag har brug for', 'I have access to the vocational technologies my trade needs'),
    student: L('På skolen arbejder vi med det digitale udstyr, der også bruges i branchen', 'At school we work with the same digital equipment that is used in the trade'),
  }),
  core('inf-06', 'infrastruktur', {
    leader: L('Praktikvejlederne kan let logge på skolens digitale løsninger', "Company supervisors can easily sign in to the school's digital services"),
    supervisor: L('Det er let for mig at logge på skolens digitale løsninger', "It is easy for me to sign in to the school's digital services"),
  }),
  core('inf-07', 'infrastruktur', {
    student: L('Skolens digitale løsninger virker på min egen telefon eller computer', "The school's digital services work on my own phone or computer"),
    supervisor: L('Skolens digitale løsninger virker på de enheder, vi bruger i virksomheden', "The school's digital services work on the devices we use in our company"),
  }),
  opt('inf-08', 'infrastruktur', {
    student: L('Det er let for mig at logge på skolens digitale værktøjer', "It is easy for me to sign in to the school's digital tools"),
  }),
];

/** The default questionnaire, version 1. */
export const DEFAULT_ITEMS: readonly QuestionItem[] = Object.freeze([
  ...ledelse, ...organisationsudvikling, ...videndeling, ...kompetenceudvikling, ...praktiksamarbejde, ...infrastruktur,
]);
