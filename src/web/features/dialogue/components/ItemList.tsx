import { Badge, Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TLiveState } from '../../../../shared/api/dialogue';
import { inLang } from '../api/templates';

/** The session's pairs in order: the current one marked, any other a button that moves there. */
export function ItemList({ state, busy, goto }: { state: TLiveState; busy: boolean; goto: (itemId: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder padding="lg">
      <Title order={2} fz="lg" mb="sm">
        {t('dialogue.facilitator.items')}
      </Title>
      <Stack gap={4} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {state.items.map((item, i) => {
          const current = item.id === state.currentItemId;
          const name = t('dialogue.pairName', { left: inLang(item.left, i18n.language), right: inLang(item.right, i18n.language) });
          return (
            <li key={item.id}>
              <UnstyledButton
                onClick={() => goto(item.id)}
                disabled={busy || current}
                aria-current={current ? 'step' : undefined}
                aria-label={t('dialogue.facilitator.gotoItem', { n: i + 1, pair: name })}
                p="xs"
                w="100%"
                style={{ borderRadius: 6, background: current ? 'var(--mantine-color-blue-0)' : undefined, border: current ? '2px solid var(--mantine-color-blue-8)' : '2px solid transparent' }}
              >
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Text fw={700} w={24}>
                    {i + 1}.
                  </Text>
                  <Text size="sm" style={{ flex: 1 }}>
                    {name}
                  </Text>
                  {item.state === 'locked' ? (
                    <Badge size="sm" color="gray.8" variant="light">
                      {t('dialogue.answer.locked')}
                    </Badge>
                  ) : null}
                </Group>
              </UnstyledButton>
            </li>
          );
        })}
      </Stack>
    </Card>
  );
}
