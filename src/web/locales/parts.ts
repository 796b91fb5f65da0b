/**
 * Top-level keys of the locale files that are not in the first page's JavaScript: each is fetched
 * (in the chosen language) together with the first page of a feature that declares it in its
 * manifest's `texts`. Everything else (the shell, sign-in, Min side, Overblik, errors, the
 * vocabulary shared by several features) is in the entry. `texts-parts.test.ts` checks that no
 * file outside the declaring features uses one of these keys.
 */
export const TEXT_PARTS = ['competence', 'dialogue', 'internship', 'surveys', 'strategy', 'calendar', 'library', 'import', 'people', 'audit', 'personalData', 'network', 'events', 'signInAdmin'] as const;
export type TextPart = (typeof TEXT_PARTS)[number];
