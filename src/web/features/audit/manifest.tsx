import { IconHistory } from '@tabler/icons-react';
import { guarded, page, type WebFeature } from '../../app/feature';

export const auditFeature: WebFeature = {
  name: 'audit',
  texts: ['audit', 'competence', 'library'],
  routes: [guarded('audit:read', [{ path: 'admin/log', lazy: page(() => import('./pages/AuditPage'), (m) => <m.AuditPage />) }])],
  nav: { group: 'administration', items: [{ to: '/admin/log', label: 'nav.audit', icon: IconHistory, ability: 'audit:read' }] },
};
