import { ZId, fileResponse } from '../../../shared/api/common';
import { ZErasure, ZEraseInput } from '../../../shared/api/privacy';
import type { Executor } from '../../db/client';
import { people } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { attachment } from '../../platform/http';
import { loadScoped } from '../../platform/loader';
import { route } from '../../platform/route';
import { todayInCopenhagen } from '../../platform/time';
import { personalDataPdf } from './data-pdf';
import { erasePerson, exportPersonData } from './data-rights';
import { asPersonResource } from './policy';

/*
 * The administrator's side of a person's data (docs/PRIVACY.md): export it (GDPR art. 15/20) as JSON
 * or a readable PDF, and erase it (art. 17). The person's own download is GET /me/data.
 */

const loadPerson = ({ db, actor, params }: { db: Executor; actor: SchoolActor; params: { id: string } }) => loadScoped(db, actor, people, params.id);
const fileName = (name: string, ext: string) => `retning-persondata-${name}-${todayInCopenhagen()}.${ext}`;

/**
 * The exports' only write is the audit event (who looked at whose data): no transaction, as for the
 * school's export, because the handler waits for the download to reach the client.
 */
const exportJson = route({
  method: 'GET',
  url: '/people/:id/data',
  summary: "A person's data from every module, as JSON (GDPR art. 15/20)",
  tags: ['people'],
  action: 'person:exportData',
  params: ZId,
  response: fileResponse('application/json; charset=utf-8'),
  load: loadPerson,
  policyResource: asPersonResource,
  handler: async ({ db, actor, resource: person, reply, audit }) => {
    const data = await exportPersonData(db, actor.school.id, person.id);
    await audit({ action: 'person.data_exported', resourceType: 'person', resourceId: person.id, summary: person.name, changes: { format: 'json' } });
    return attachment(reply, fileName(person.name, 'json'), 'application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
  },
});

const exportPdf = route({
  method: 'GET',
  url: '/people/:id/data.pdf',
  summary: "A person's data from every module, as a readable PDF in the person's language",
  tags: ['people'],
  action: 'person:exportData',
  params: ZId,
  response: fileResponse('application/pdf'),
  load: loadPerson,
  policyResource: asPersonResource,
  handler: async ({ db, actor, resource: person, reply, audit }) => {
    const data = await exportPersonData(db, actor.school.id, person.id);
    await audit({ action: 'person.data_exported', resourceType: 'person', resourceId: person.id, summary: person.name, changes: { format: 'pdf' } });
    return attachment(reply, fileName(person.name, 'pdf'), 'application/pdf').send(personalDataPdf(data));
  },
});

const erase = route({
  method: 'POST',
  url: '/people/:id/erase',
  summary: "Erase a person's data (GDPR art. 17): deleted or anonymised per module, in one transaction; `confirm` is the person's name",
  tags: ['people'],
  action: 'person:erase',
  params: ZId,
  body: ZEraseInput,
  response: ZErasure,
  writes: true,
  load: loadPerson,
  policyResource: asPersonResource,
  handler: (c) => erasePerson(c, c.resource, c.body.confirm),
});

export const personalDataRoutes = [exportJson, exportPdf, erase];
