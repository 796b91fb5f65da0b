import type { CSSProperties } from 'react';

/**
 * Mantine's default error red (#fa5252) is below 4.5:1 on white; the strategy forms use red.9 for
 * field errors so that axe finds no contrast violation. (The theme could do this for every form.)
 */
export const FORM_STYLE = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties;
