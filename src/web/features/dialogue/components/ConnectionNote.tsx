import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';
import type { LiveMode } from '../live/connection';
import { CommandError } from '../live/useDialogueLive';

/** Says when the page is not live: reconnecting, or reading the state every few seconds instead. */
export function ConnectionNote({ mode, size = 'sm' }: { mode: LiveMode; size?: string }) {
  const { t } = useTranslation();
  return (
    <Text size={size} c="dimmed" role="status" aria-live="polite" data-testid="connection" data-mode={mode}>
      {mode === 'live' ? t('dialogue.connection.live') : mode === 'polling' ? t('dialogue.connection.polling') : t('dialogue.connection.connecting')}
    </Text>
  );
}

/** A refused command in words: the server's own title over HTTP, the error code's title over the WebSocket. */
export function failedText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) return error.problem.title;
  if (error instanceof CommandError) return t(`errors.${error.code}`, { defaultValue: t('dialogue.answer.failed') });
  return t('dialogue.answer.failed');
}
