import type { TDialogueBoundaryKey } from '../../../shared/api/dialogue';

/**
 * The built-in reference data of the dialogue module (docs/dialogue.md, "Reference data"): the
 * nineteen tension pairs verbatim from the knowledge summary (../shared/DOMAIN.md), split at " – "
 * into the left and right pole, and the five boundary types of Ernst & Chrobot-Mason (2011). The
 * keys are stable: sessions are compared pair by pair by them, and a school's edited wording is
 * stored under them.
 */
export type Pole = { da: string; en: string };
export type BuiltinPair = { key: string; left: Pole; right: Pole };
export type BuiltinBoundary = { key: TDialogueBoundaryKey; name: Pole; description: Pole };

export const BUILTIN_PAIRS: readonly BuiltinPair[] = [
  { key: 'teknik-paedagogik', left: { da: 'Teknik', en: 'Technology' }, right: { da: 'pædagogik', en: 'pedagogy' } },
  { key: 'fravalg-valg', left: { da: 'Fravalg', en: 'Deselection' }, right: { da: 'valg', en: 'selection' } },
  {
    key: 'centrale-decentrale-beslutninger',
    left: { da: 'Centrale beslutninger', en: 'Central decisions' },
    right: { da: 'decentrale beslutninger', en: 'local decisions' },
  },
  { key: 'ensretning-variation', left: { da: 'Ensretning', en: 'Uniformity' }, right: { da: 'variation', en: 'variation' } },
  { key: 'naervaer-distance', left: { da: 'Nærvær', en: 'Presence' }, right: { da: 'distance', en: 'distance' } },
  { key: 'systematik-kaos', left: { da: 'Systematik', en: 'System' }, right: { da: 'kaos', en: 'chaos' } },
  { key: 'opfoelgning-laissez-faire', left: { da: 'Opfølgning', en: 'Follow-up' }, right: { da: 'laissez-faire', en: 'laissez-faire' } },
  {
    key: 'arbejdsmarkedsbehov-dannelsesbehov',
    left: { da: 'Arbejdsmarkedsbehov', en: 'Needs of the labour market' },
    right: { da: 'dannelsesbehov', en: 'needs of general education (Bildung)' },
  },
  { key: 'maal-kapacitet', left: { da: 'Mål', en: 'Goals' }, right: { da: 'kapacitet', en: 'capacity' } },
  {
    key: 'formel-uddannelse-uformel-kompetenceudvikling',
    left: { da: 'Formel uddannelse', en: 'Formal education' },
    right: { da: 'uformel kompetenceudvikling', en: 'informal competence development' },
  },
  { key: 'paedagogisk-it-erhvervsrettet-it', left: { da: 'Pædagogisk it', en: 'Educational IT' }, right: { da: 'erhvervsrettet it', en: 'vocational IT' } },
  { key: 'kultur-strategi', left: { da: 'Kultur', en: 'Culture' }, right: { da: 'strategi', en: 'strategy' } },
  { key: 'undervisning-laering', left: { da: 'Undervisning', en: 'Teaching' }, right: { da: 'læring', en: 'learning' } },
  { key: 'effektivisering-kvalitetsforoegelse', left: { da: 'Effektivisering', en: 'Efficiency' }, right: { da: 'kvalitetsforøgelse', en: 'higher quality' } },
  { key: 'standardisering-mangfoldighed', left: { da: 'Standardisering', en: 'Standardisation' }, right: { da: 'mangfoldighed', en: 'diversity' } },
  { key: 'laerere-konsulenter', left: { da: 'Lærere', en: 'Teachers' }, right: { da: 'konsulenter', en: 'consultants' } },
  { key: 'utryghed-tryghed', left: { da: 'Utryghed', en: 'Insecurity' }, right: { da: 'tryghed', en: 'security' } },
  { key: 'privat-offentlig', left: { da: 'Privat', en: 'Private' }, right: { da: 'offentlig', en: 'public' } },
  { key: 'ny-gammel-laererrolle', left: { da: 'Ny lærerrolle', en: 'New teacher role' }, right: { da: 'gammel lærerrolle', en: 'old teacher role' } },
];

export const BUILTIN_BOUNDARIES: readonly BuiltinBoundary[] = [
  {
    key: 'vertical',
    name: { da: 'Vertikale grænser', en: 'Vertical boundaries' },
    description: {
      da: 'Mellem niveauer i hierarkiet: direktion, mellemledere og medarbejdere.',
      en: 'Between levels of the hierarchy: top management, middle managers and staff.',
    },
  },
  {
    key: 'horizontal',
    name: { da: 'Horisontale grænser', en: 'Horizontal boundaries' },
    description: {
      da: 'På tværs af afdelinger, fag og funktioner på samme niveau.',
      en: 'Across departments, subjects and functions at the same level.',
    },
  },
  {
    key: 'stakeholder',
    name: { da: 'Interessentgrænser', en: 'Stakeholder boundaries' },
    description: {
      da: 'Mellem skolen og dens interessenter: elever, praktiksteder, virksomheder og myndigheder.',
      en: 'Between the school and its stakeholders: students, workplaces, companies and authorities.',
    },
  },
  {
    key: 'demographic',
    name: { da: 'Demografiske grænser', en: 'Demographic boundaries' },
    description: {
      da: 'Mellem grupper med forskellig baggrund: alder, køn, uddannelse og faglighed.',
      en: 'Between groups of different backgrounds: age, gender, education and profession.',
    },
  },
  {
    key: 'geographic',
    name: { da: 'Geografiske grænser', en: 'Geographic boundaries' },
    description: {
      da: 'Mellem steder: afdelinger på forskellige adresser, regioner og det fysiske og digitale rum.',
      en: 'Between places: sites at different addresses, regions, and on-site and online.',
    },
  },
];

/** The pair key of a school's own pair. */
export const ownPairKey = (id: string) => `own-${id}`;
