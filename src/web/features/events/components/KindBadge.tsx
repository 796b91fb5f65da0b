import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TEventListItem } from '../../../../shared/api/events';

/** Webinar or Learning Factory, in a colour of its own so a list can be scanned by kind. */
export function KindBadge({ kind }: { kind: TEventListItem['kind'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={kind === 'webinar' ? 'blue.9' : 'grape.9'} variant="light">
      {t(`events.kind.${kind}`)}
    </Badge>
  );
}

/** Draft or cancelled; a published event needs no badge. */
export function StatusBadge({ status }: { status: TEventListItem['status'] }) {
  const { t } = useTranslation();
  if (status === 'published') return null;
  return (
    <Badge color={status === 'draft' ? 'gray.8' : 'red.9'} variant="outline">
      {t(`events.status.${status}`)}
    </Badge>
  );
}
