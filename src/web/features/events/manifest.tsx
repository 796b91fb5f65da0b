import { IconCalendarEvent } from '@tabler/icons-react';
import { guarded, page, type WebFeature } from '../../app/feature';

/**
 * Arrangementer: the network's webinars and Learning Factories (docs/network.md, "Events"). The
 * editor and the participants list are open to every reader of events; the server decides from
 * the event's own abilities whether the actor organises it, and the pages say so when not.
 */
export const eventsFeature: WebFeature = {
  name: 'events',
  texts: ['events'],
  routes: [
    guarded('event:list', [
      { path: 'arrangementer', lazy: page(() => import('./pages/EventsPage'), (m) => <m.EventsPage />) },
      { path: 'arrangementer/:id', lazy: page(() => import('./pages/EventPage'), (m) => <m.EventPage />) },
      { path: 'arrangementer/:id/rediger', lazy: page(() => import('./pages/EventEditPage'), (m) => <m.EventEditPage />) },
      { path: 'arrangementer/:id/deltagere', lazy: page(() => import('./pages/ParticipantsPage'), (m) => <m.ParticipantsPage />) },
    ]),
    guarded('event:create', [{ path: 'arrangementer/ny', lazy: page(() => import('./pages/EventNewPage'), (m) => <m.EventNewPage />) }]),
  ],
  nav: { group: 'network', items: [{ to: '/arrangementer', label: 'nav.events', icon: IconCalendarEvent, ability: 'event:list' }] },
};
