import { IconMessages } from '@tabler/icons-react';
import { guarded, page, type WebFeature } from '../../app/feature';

/**
 * Spændingsfelter: the sessions for those who facilitate them and the members an asynchronous
 * session asks, the editor, the school's pairs, the facilitator's live view, the results (the
 * results/ folder); the big screen and the participant's phone sit in the frame without the menu.
 */
export const dialogueFeature: WebFeature = {
  name: 'dialogue',
  texts: ['dialogue'],
  routes: [
    guarded('dialogue:read', [
      { path: 'dialog', lazy: page(() => import('./pages/SessionsPage'), (m) => <m.SessionsPage />) },
      // the server decides per session whether the member is in its audience
      { path: 'dialog/:id/svar', lazy: page(() => import('./pages/AnswerPage'), (m) => <m.AnswerPage />) },
    ]),
    guarded('dialogueSession:create', [
      { path: 'dialog/ny', lazy: page(() => import('./pages/EditSessionPage'), (m) => <m.NewSessionPage />) },
      { path: 'dialog/:id/rediger', lazy: page(() => import('./pages/EditSessionPage'), (m) => <m.EditSessionPage />) },
    ]),
    guarded('dialogue:manageTemplates', [{ path: 'dialog/spaendingsfelter', lazy: page(() => import('./pages/TemplatesPage'), (m) => <m.TemplatesPage />) }]),
    guarded('dialogueSession:facilitate', [{ path: 'dialog/:id', lazy: page(() => import('./pages/SessionPage'), (m) => <m.SessionPage />) }]),
    guarded('dialogueSession:results', [
      { path: 'dialog/:id/resultater', lazy: page(() => import('./results/ResultsPage'), (m) => <m.ResultsPage />) },
      { path: 'dialog/sammenlign', lazy: page(() => import('./results/ComparePage'), (m) => <m.ComparePage />) },
    ]),
  ],
  publicRoutes: [
    { path: 'd', lazy: page(() => import('./pages/ParticipantPage'), (m) => <m.ParticipantPage />) },
    { path: 'd/:code', lazy: page(() => import('./pages/ParticipantPage'), (m) => <m.ParticipantPage />) },
    // signed in as its facilitator, checked on the page: the projector shows no menu
    { path: 'dialog/:id/skaerm', lazy: page(() => import('./pages/ScreenPage'), (m) => <m.ScreenPage />) },
  ],
  nav: {
    group: 'strategy',
    items: [{ to: '/dialog', label: 'nav.dialogue', icon: IconMessages, ability: 'dialogueSession:facilitate' }],
  },
};
