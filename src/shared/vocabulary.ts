/** STIL's four strategic lines (sigtelinjer, 2015): built-in reference data, keyed for i18n. */
export const SIGTELINJER = [1, 2, 3, 4] as const;
export type Sigtelinje = (typeof SIGTELINJER)[number];
