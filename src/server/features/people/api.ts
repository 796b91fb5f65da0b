/** What the people feature offers other features: a person's data from every module, for the person's own download. */
export { exportPersonData, type PersonalDataExport } from './data-rights';
export { personalDataPdf } from './data-pdf';
/** The commands the demo seed adds a new hire through; the import invites the people of its file with the invitation command. */
export { createPerson, issuePersonLink, setRoles, type Writer as PeopleWriter } from './commands';
/** Who is staff (the one definition, from STAFF_ROLES): where staff is required, other features refuse anyone else through `assertStaff`. */
export { assertStaff, isStaffPerson, staffAmong } from './staff';
