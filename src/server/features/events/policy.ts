import type { Actor } from '../../platform/actor';
import { hasRole, isStaff } from '../../platform/policy-helpers';
import type { NetworkEventKind, NetworkEventStatus } from '../../db/schema/index';

/**
 * Events of a network (docs/network.md, "Events"). Coordinators and the staff of the network's
 * schools see its published events; students and company supervisors never see events. The
 * organiser (the coordinators for a network event, the organising school's administrator and top
 * management for a school's event) manages it and sees its participants.
 */

/** An event as the rules see it; the loader has already answered 404 for another network's event. */
export type EventResource = {
  kind: 'event';
  eventKind: NetworkEventKind;
  networkId: string;
  organiserSchoolId: string | null;
  status: NetworkEventStatus;
  /** For a session's routes: the session is not cancelled and has not begun. */
  sessionOpen?: boolean;
};

const coordinator = (a: Actor) => a.network?.roles.includes('network_coordinator') === true;
const coordinatorOf = (a: Actor, networkId: string) => coordinator(a) && a.network?.id === networkId;
const schoolLeader = (a: Actor) => hasRole(a, 'school_admin', 'top_management');
/** Staff of a school of the event's network. */
const staffOf = (a: Actor, networkId: string) => isStaff(a) && a.school?.networkId === networkId;

export const organises = (a: Actor, r: EventResource) =>
  r.organiserSchoolId === null ? coordinatorOf(a, r.networkId) : a.school?.id === r.organiserSchoolId && schoolLeader(a);
const seesPublished = (a: Actor, r: EventResource) => r.status !== 'draft' && (coordinatorOf(a, r.networkId) || staffOf(a, r.networkId));

/**
 * Which network's events the actor works with: a coordinator's network first (a coordinator's
 * events belong to the network), else the network of the actor's school.
 */
export const eventNetworkOf = (a: Actor): string | null => (coordinator(a) && a.network ? a.network.id : (a.school?.networkId ?? null));

export const eventRules = {
  'event:list': (a: Actor) => coordinator(a) || isStaff(a),
  'event:read': (a: Actor, r?: EventResource) => (r === undefined ? coordinator(a) || isStaff(a) : organises(a, r) || seesPublished(a, r)),
  'event:create': (a: Actor) => coordinator(a) || schoolLeader(a),
  'event:manage': (a: Actor, r?: EventResource) => r !== undefined && organises(a, r),
  'event:participants': (a: Actor, r?: EventResource) => r !== undefined && organises(a, r),
  /** Sign up or cancel: staff of a school of the network, a published event's session that has not begun. */
  'event:signup': (a: Actor, r?: EventResource) => r !== undefined && r.status === 'published' && r.sessionOpen !== false && staffOf(a, r.networkId),
  /** A Learning Factory participant's own problem and product (the handler requires a sign-up). */
  'event:project': (a: Actor, r?: EventResource) => r !== undefined && r.eventKind === 'learning_factory' && r.status !== 'draft' && staffOf(a, r.networkId),
  /** A school's leaders see which of their own staff signed up. */
  'event:staffSignups': schoolLeader,
};

export const eventResourceActions = ['event:manage', 'event:participants', 'event:signup', 'event:project'] as const;

type EventRules = typeof eventRules;
declare module '../../platform/policy' {
  interface PolicyRules extends EventRules {}
}
