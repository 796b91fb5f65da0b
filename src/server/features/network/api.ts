/** What the network feature offers the administration CLI: networks, schools and coordinators by name. */
export { addCoordinator, createNetwork, createSchoolIn, listNetworks, listSchoolsIn, resolveNetwork } from './admin-cli';
