import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconUserMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TCoordinator } from '../../../../shared/api/network';
import { formatDate } from '../../../shared/dates';

/**
 * The coordinators as a list rather than a table: an e-mail, when and whether they joined, and
 * removal, which fits a phone without scrolling sideways. The last one cannot be removed.
 */
export function CoordinatorList({ items, onRemove }: { items: TCoordinator[]; onRemove: (c: TCoordinator) => void }) {
  const { t, i18n } = useTranslation();
  const last = items.length <= 1;
  return (
    <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="coordinators-title" data-testid="network-coordinators">
      {items.map((c, i) => (
        <Group
          key={c.accountId}
          component="li"
          justify="space-between"
          align="center"
          gap="sm"
          px="lg"
          py="sm"
          wrap="wrap"
          style={i > 0 ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}
        >
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {c.email}
            </Text>
            <Group gap="xs">
              <Badge variant="light" size="sm" color={c.active ? 'green.9' : 'gray.8'}>
                {c.active ? t('network.coordinators.active') : t('network.coordinators.invited')}
              </Badge>
              {c.self ? (
                <Badge variant="light" size="sm">
                  {t('network.coordinators.you')}
                </Badge>
              ) : null}
              <Text size="sm" c="dimmed">
                {t('network.coordinators.sinceDate', { date: formatDate(c.since, i18n.language) })}
              </Text>
            </Group>
          </Stack>
          <Button
            size="xs"
            variant="subtle"
            color="red.9"
            leftSection={<IconUserMinus size={14} aria-hidden />}
            disabled={last}
            onClick={() => onRemove(c)}
            aria-label={t('network.coordinators.removeFor', { email: c.email })}
          >
            {t('network.coordinators.remove')}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
