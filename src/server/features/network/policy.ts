import type { Actor } from '../../platform/actor';

/** The network coordinator sits on the network, not on a school; every network action is theirs. */
const coordinator = (a: Actor) => a.network?.roles.includes('network_coordinator') === true;

export const networkRules = {
  'network:read': coordinator,
  'network:manageSchools': coordinator,
  'network:manageCoordinators': coordinator,
  'network:audit': coordinator,
  /** Switching networks (PUT /me/network) is for an account with a network role; which network is checked by the route (404). */
  'network:switch': coordinator,
};

type NetworkRules = typeof networkRules;
declare module '../../platform/policy' {
  interface PolicyRules extends NetworkRules {}
}
