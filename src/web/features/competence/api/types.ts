import type { TArea, TCompetence, TFramework, TLevel, TLocalised, TRound, TSettings } from '../../../../shared/api/competence';

export type L = TLocalised;
export type Level = TLevel;
export type Competence = TCompetence;
export type Area = TArea;
export type Framework = TFramework;
export type Round = TRound;
export type Settings = TSettings;
/** Picks the text in the UI language. */
export const tr = (l: L, lang: string) => (lang === 'en' ? l.en : l.da);
