import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TLiveState } from '../../../../shared/api/dialogue';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useModerateComment } from '../api/sessions';
import { inLang } from '../api/templates';

/** Comments waiting for the facilitator: approve (then they can be shown) or hide; and the approved ones of the current pair. */
export function Moderation({ sessionId, state }: { sessionId: string; state: TLiveState }) {
  const { t, i18n } = useTranslation();
  const moderate = useModerateComment(sessionId);
  const itemName = (itemId: string) => {
    const item = state.items.find((i) => i.id === itemId);
    return item ? t('dialogue.pairName', { left: inLang(item.left, i18n.language), right: inLang(item.right, i18n.language) }) : '';
  };
  const current = state.items.find((i) => i.id === state.currentItemId);
  const approved = (current?.comments ?? []).filter((c) => c.status === 'approved');
  return (
    <Card withBorder padding="lg" data-testid="moderation">
      <Title order={2} fz="lg" mb="xs">
        {t('dialogue.moderation.title', { count: state.pendingComments.length })}
      </Title>
      {state.pendingComments.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('dialogue.moderation.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          {state.pendingComments.map((c) => (
            <Card key={c.id} withBorder padding="sm" bg="gray.0">
              <Text size="xs" c="dimmed">
                {itemName(c.itemId)}
                {c.nickname ? ` · ${c.nickname}` : ''}
              </Text>
              <Text mb="xs">{c.text}</Text>
              <Group gap="xs">
                <Button size="xs" onClick={() => moderate.mutate({ commentId: c.id, status: 'approved' })} loading={moderate.isPending && moderate.variables?.commentId === c.id}>
                  {t('dialogue.moderation.approve')}
                </Button>
                <Button size="xs" variant="default" onClick={() => moderate.mutate({ commentId: c.id, status: 'hidden' })}>
                  {t('dialogue.moderation.hide')}
                </Button>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <ProblemAlert error={moderate.error} />
      {approved.length > 0 ? (
        <Stack gap="xs" mt="md">
          <Text fw={600} size="sm">
            {current?.commentsShown ? t('dialogue.moderation.approvedShown') : t('dialogue.moderation.approvedNotShown')}
          </Text>
          {approved.map((c) => (
            <Group key={c.id} justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm">
                {c.text}
                {c.nickname ? ` – ${c.nickname}` : ''}
              </Text>
              <Button size="xs" variant="subtle" color="red.9" onClick={() => moderate.mutate({ commentId: c.id, status: 'hidden' })}>
                {t('dialogue.moderation.hide')}
              </Button>
            </Group>
          ))}
        </Stack>
      ) : null}
    </Card>
  );
}
