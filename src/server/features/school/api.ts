/**
 * What the school feature offers outside it: the school's export archive and its restore, for the
 * admin command line (`restore-school`) and a network host that moves schools between installations.
 */
export { packArchive, type Manifest } from './archive';
export { prepareSchoolExport } from './export';
export { restoreSchool, type RestoreOptions, type RestoreResult } from './restore';
