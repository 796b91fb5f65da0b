import type { Actor } from '../../platform/actor';

/** The network coordinator sits on the network, not on a school. */
export const networkRules = { 'network:read': (a: Actor) => a.network?.roles.includes('network_coordinator') === true };

type NetworkRules = typeof networkRules;
declare module '../../platform/policy' {
  interface PolicyRules extends NetworkRules {}
}
