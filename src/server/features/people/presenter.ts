import { PERSON_ACTIONS } from '../../../shared/api/people';
import type { Executor } from '../../db/client';
import type { SchoolActor } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { abilitiesOn } from '../../platform/policy';
import { asPersonResource, type PersonRecord } from './policy';
import { getPerson } from './queries';

/** One person as the routes answer it: the row, the teams and what the actor may do with them. */
export async function presentPerson(exec: Executor, actor: SchoolActor, person: PersonRecord) {
  const p = await getPerson(exec, actor.school.id, person.id);
  if (!p) throw notFound();
  return { ...p, abilities: abilitiesOn(actor, PERSON_ACTIONS, asPersonResource(person)) };
}
