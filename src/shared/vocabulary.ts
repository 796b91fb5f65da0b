/** STIL's four strategic lines (sigtelinjer, 2015): built-in reference data, keyed for i18n. */
export const SIGTELINJER = [1, 2, 3, 4] as const;
export type Sigtelinje = (typeof SIGTELINJER)[number];

/** The 2014 reform's four clear goals (klare mål): built-in reference data, keyed for i18n. */
export const REFORM_GOALS = ['rg1', 'rg2', 'rg3', 'rg4'] as const;
/** Built-in pedagogical goals of initiatives (editable per school). */
export const PEDAGOGICAL_GOALS = ['trivsel', 'undervisningsdifferentiering', 'feedback', 'fastholdelse', 'praksiskobling', 'videndeling'] as const;
/** Built-in labels (Danish) for the strategy module's reference data; a school may rename or archive them. */
export const STRATEGY_TERMS_DA: Record<'sigtelinje' | 'reform_goal' | 'pedagogical_goal', Record<string, string>> = {
  sigtelinje: {
    '1': 'Ledelse og implementering af fælles pædagogisk og didaktisk grundlag',
    '2': 'Videndeling',
    '3': 'Ændrede tilrettelæggelsesformer for undervisningen',
    '4': 'Kobling mellem skoleforløb og praktikforløb',
  },
  reform_goal: {
    rg1: 'Flere unge skal vælge en erhvervsuddannelse',
    rg2: 'Flere skal fuldføre en erhvervsuddannelse',
    rg3: 'Erhvervsuddannelserne skal udfordre alle elever, så de bliver så dygtige, de kan',
    rg4: 'Tilliden til og trivslen på erhvervsskolerne skal styrkes',
  },
  pedagogical_goal: {
    trivsel: 'Trivsel',
    undervisningsdifferentiering: 'Undervisningsdifferentiering',
    feedback: 'Feedback',
    fastholdelse: 'Fastholdelse',
    praksiskobling: 'Kobling mellem teori og praksis',
    videndeling: 'Videndeling',
  },
};
