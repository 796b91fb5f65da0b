export type L = { da: string; en: string };
export type Level = { level: number; title: L; description: L };
export type Competence = { id: string; code: string; title: L; description: L };
export type Area = Competence & { competences: Competence[] };
export type Framework = { id: string; kind: string; title: L; description: L; citation: string | null; version: number; levels: Level[]; areas: Area[]; creator: string; lastChangeAt: string };
export type Round = { id: string; title: string; opensOn: string; closesOn: string; status: 'open' | 'planned' | 'closed'; departmentIds: string[] | null; frameworkId: string; lastReminderAt: string | null };
export type Settings = { leaderSeesIndividuals: boolean; onboardingWindowDays: number };
/** Picks the text in the UI language. */
export const tr = (l: L, lang: string) => (lang === 'en' ? l.en : l.da);
