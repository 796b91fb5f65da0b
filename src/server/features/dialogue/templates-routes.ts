import { z } from 'zod';
import {
  ZDialogueBoundary,
  ZDialogueBoundaryInput,
  ZDialoguePair,
  ZDialoguePairInput,
  ZDialoguePairPatch,
  ZDialogueTemplates,
} from '../../../shared/api/dialogue';
import { abilitiesOn } from '../../platform/policy';
import { route } from '../../platform/route';
import { addOwnPair, patchPair, putBoundary } from './templates-commands';
import { schoolBoundaries, schoolPairs } from './templates-queries';

/* The school's pairs and boundary types (docs/dialogue.md, "Reference data"). */

const tags = ['dialogue'];
const ZKey = z.strictObject({ key: z.string().max(100) });

export const templateRoutes = [
  route({
    method: 'GET',
    url: '/dialogue/templates',
    summary: "The school's pairs (built-in with its wording, and its own) and boundary types",
    tags,
    action: 'dialogue:read',
    response: ZDialogueTemplates,
    handler: async ({ db, actor }) => {
      const [pairs, boundaries] = await Promise.all([schoolPairs(db, actor.school.id), schoolBoundaries(db, actor.school.id)]);
      return { pairs, boundaries, abilities: abilitiesOn(actor, ['dialogue:manageTemplates', 'dialogueSession:create']) };
    },
  }),
  route({
    method: 'POST',
    url: '/dialogue/pairs',
    summary: "Add one of the school's own pairs",
    tags,
    action: 'dialogue:manageTemplates',
    body: ZDialoguePairInput,
    status: 201,
    response: ZDialoguePair,
    writes: true,
    handler: async ({ db, actor, body, audit }) => {
      const pair = await addOwnPair(db, actor, body);
      await audit({ action: 'dialogue.pair_added', resourceType: 'dialogue_pair', resourceId: pair.key.slice(4), summary: `${pair.left.da} – ${pair.right.da}` });
      return pair;
    },
  }),
  route({
    method: 'PATCH',
    url: '/dialogue/pairs/:key',
    summary: "Change a pair's wording for the school, or archive or restore it",
    tags,
    action: 'dialogue:manageTemplates',
    params: ZKey,
    body: ZDialoguePairPatch,
    response: ZDialoguePair,
    writes: true,
    handler: async ({ db, actor, params, body, audit }) => {
      const pair = await patchPair(db, actor, params.key, body);
      await audit({ action: 'dialogue.pair_changed', resourceType: 'dialogue_pair', summary: `${pair.left.da} – ${pair.right.da}`, changes: { key: params.key, ...body } });
      return pair;
    },
  }),
  route({
    method: 'PUT',
    url: '/dialogue/boundaries/:key',
    summary: "The school's wording of a boundary type",
    tags,
    action: 'dialogue:manageTemplates',
    params: ZKey,
    body: ZDialogueBoundaryInput,
    response: ZDialogueBoundary,
    writes: true,
    handler: async ({ db, actor, params, body, audit }) => {
      const b = await putBoundary(db, actor, params.key, body);
      await audit({ action: 'dialogue.boundary_changed', resourceType: 'dialogue_boundary', summary: b.name.da, changes: { key: params.key, ...body } });
      return b;
    },
  }),
];
