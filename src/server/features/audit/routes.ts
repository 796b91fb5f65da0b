import { ZAuditPage } from '../../../shared/api/audit';
import { route } from '../../platform/route';
import { listAudit, ZAuditQuery } from './queries';

const getAudit = route({
  method: 'GET',
  url: '/audit',
  summary: 'Who changed what and when',
  tags: ['audit'],
  action: 'audit:read',
  query: ZAuditQuery,
  response: ZAuditPage,
  handler: ({ db, actor, query }) => listAudit(db, actor.school.id, query),
});

export const auditRoutes = [getAudit];
