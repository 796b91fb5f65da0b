import { fileResponse } from '../../../shared/api/common';
import { attachment } from '../../platform/http';
import { route } from '../../platform/route';
import { todayInCopenhagen } from '../../platform/time';
import { exportPersonData, personalDataPdf } from '../people/api';

/*
 * My data (GDPR art. 15 and 20): everything Retning holds about me in the school this session works
 * in, from every module, as JSON to take elsewhere or as a PDF to read, in my language.
 */

const myData = route({
  method: 'GET',
  url: '/me/data',
  summary: 'My data from every module, as JSON (GDPR art. 15/20)',
  tags: ['me'],
  action: 'account:exportData',
  response: fileResponse('application/json; charset=utf-8'),
  handler: async ({ db, actor, reply }) => {
    const data = await exportPersonData(db, actor.school.id, actor.person.id);
    return attachment(reply, `retning-mine-data-${todayInCopenhagen()}.json`, 'application/json; charset=utf-8').send(JSON.stringify({ ...data, locale: actor.locale }, null, 2));
  },
});

const myDataPdf = route({
  method: 'GET',
  url: '/me/data.pdf',
  summary: 'My data from every module, as a readable PDF in my language',
  tags: ['me'],
  action: 'account:exportData',
  response: fileResponse('application/pdf'),
  handler: async ({ db, actor, reply }) => {
    const data = await exportPersonData(db, actor.school.id, actor.person.id);
    const name = actor.locale === 'en' ? 'retning-my-data' : 'retning-mine-data';
    return attachment(reply, `${name}-${todayInCopenhagen()}.pdf`, 'application/pdf').send(personalDataPdf({ ...data, locale: actor.locale }));
  },
});

export const myDataRoutes = [myData, myDataPdf];
