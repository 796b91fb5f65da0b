/** What the surveys offer outside the feature: the demo seed writes its rounds and answers through these commands. */
export { createRound, closeRound } from './rounds-commands';
export { itemsFor, type Respondent } from './answer-sheet';
export { submitSheet } from './answer-commands';
export { addSheets, type CellSheets, type SheetAnswer } from './totals';
export { personKey } from './rounds-model';
