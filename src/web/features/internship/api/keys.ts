/** Every query of the module starts with this key, so one write can refresh what it touches. */
export const KEY = 'internship' as const;
export const enc = encodeURIComponent;
