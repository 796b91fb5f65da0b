import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZMaterialSearch, ZParticipantList } from '../../../shared/api/events';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import type { EventRow } from './queries';

/**
 * What crosses from a school to the network: the participants of an event, for its organiser only
 * (what each gave by signing up: name, school, status, a Learning Factory's project), and the
 * materials of the network's published events for the network library.
 */

type ParticipantRow = {
  signupId: string;
  sessionId: string;
  name: string;
  schoolName: string;
  status: 'confirmed' | 'waiting';
  position: number | null;
  signedUpAt: string | Date;
  problem: string | null;
  product: string | null;
  productUrl: string | null;
  projectUpdatedAt: string | Date | null;
};

/** Per session in time order: confirmed first, then the waiting list in its order. */
export async function participantsOf(exec: Executor, event: EventRow): Promise<z.output<typeof ZParticipantList>> {
  const rows = await rawQuery<ParticipantRow>(exec, sql`
    select s.id "signupId", s.session_id "sessionId", p.name, sc.name "schoolName", s.status, s.signed_up_at "signedUpAt",
      case when s.status = 'waiting' then row_number() over (partition by s.session_id, s.status order by s.signed_up_at, s.id)::int end position,
      pr.problem, pr.product, pr.product_url "productUrl", pr.updated_at "projectUpdatedAt"
    from network_event_signups s
    join network_event_sessions se on se.id = s.session_id
    join people p on p.school_id = s.school_id and p.id = s.person_id
    join schools sc on sc.id = s.school_id
    left join network_event_projects pr on pr.event_id = s.event_id and pr.school_id = s.school_id and pr.person_id = s.person_id
    where s.event_id = ${event.id} and s.cancelled_at is null
    order by se.starts_at, se.id, s.status, s.signed_up_at, s.id`);
  return {
    items: rows.map((r) => ({
      signupId: r.signupId,
      sessionId: r.sessionId,
      name: r.name,
      schoolName: r.schoolName,
      status: r.status,
      position: r.position,
      signedUpAt: new Date(r.signedUpAt),
      project:
        event.kind === 'learning_factory' && r.problem !== null && r.projectUpdatedAt !== null
          ? { problem: r.problem, product: r.product ?? '', productUrl: r.productUrl, updatedAt: new Date(r.projectUpdatedAt) }
          : null,
    })),
  };
}

/** How many materials the library search answers with at most. */
export const MATERIALS_SEARCH_LIMIT = 200;

type MaterialHit = {
  id: string;
  phase: 'before' | 'after';
  title: string;
  url: string;
  description: string;
  createdAt: string | Date;
  eventId: string;
  eventTitle: string;
  eventKind: 'webinar' | 'learning_factory';
};

/** Materials of the network's published events, newest first, matched on the material's or the event's name and description. */
export async function searchMaterials(exec: Executor, networkId: string, q: string | undefined): Promise<z.output<typeof ZMaterialSearch>> {
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await rawQuery<MaterialHit>(exec, sql`
    select m.id, m.phase, m.title, m.url, m.description, m.created_at "createdAt", e.id "eventId", e.title "eventTitle", e.kind "eventKind"
    from network_event_materials m join network_events e on e.id = m.event_id
    where e.network_id = ${networkId} and e.status = 'published'
      ${pattern ? sql`and (m.title ilike ${pattern} or m.description ilike ${pattern} or e.title ilike ${pattern})` : sql``}
    order by m.created_at desc, m.id limit ${MATERIALS_SEARCH_LIMIT}`);
  return {
    items: rows.map((r) => ({
      id: r.id,
      phase: r.phase,
      title: r.title,
      url: r.url,
      description: r.description,
      createdAt: new Date(r.createdAt),
      event: { id: r.eventId, title: r.eventTitle, kind: r.eventKind },
    })),
  };
}
