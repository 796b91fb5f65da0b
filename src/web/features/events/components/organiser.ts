import type { TFunction } from 'i18next';
import type { TEventListItem } from '../../../../shared/api/events';

/** The organising school's name, or the network's (the coordinators' events). */
export const organiserName = (t: TFunction, organiser: TEventListItem['organiser']) => organiser.name || t('events.organiser.network');
