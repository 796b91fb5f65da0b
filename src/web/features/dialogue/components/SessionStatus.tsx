import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TDialogueMode, TDialogueStatus } from '../../../../shared/api/dialogue';

const COLORS: Record<TDialogueStatus, string> = { draft: 'gray.7', open: 'teal.9', closed: 'blue.9' };

/** A session's state and mode as two badges. */
export function SessionStatus({ status, mode }: { status: TDialogueStatus; mode: TDialogueMode }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Badge variant="light" color={COLORS[status]}>
        {t(`dialogue.status.${status}`)}
      </Badge>
      <Badge variant="outline" color="gray.7">
        {t(`dialogue.mode.${mode}`)}
      </Badge>
    </Group>
  );
}
