/** Long Danish compounds in a title (værkstedsundervisningen) wrap instead of widening a phone's page; inherited by everything on it. */
export const WRAP = { overflowWrap: 'break-word' } as const;
