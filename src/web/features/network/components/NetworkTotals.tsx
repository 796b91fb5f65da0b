import type { ComponentType } from 'react';
import { Group, Paper, SimpleGrid, Text, ThemeIcon } from '@mantine/core';
import { IconBook, IconBuildingCommunity, IconLogin, IconSitemap, IconTargetArrow, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TNetworkTotals } from '../../../../shared/api/network';

type Stat = { key: Exclude<keyof TNetworkTotals, 'archivedSchools'>; icon: ComponentType<{ size?: number }> };
const STATS: Stat[] = [
  { key: 'schools', icon: IconBuildingCommunity },
  { key: 'people', icon: IconUsers },
  { key: 'activeAccounts30d', icon: IconLogin },
  { key: 'departments', icon: IconSitemap },
  { key: 'initiatives', icon: IconTargetArrow },
  { key: 'libraryItems', icon: IconBook },
];

/** The network's totals over its open schools, as the first thing a leader reads. */
export function NetworkTotals({ totals }: { totals: TNetworkTotals }) {
  const { t, i18n } = useTranslation();
  const n = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'da-DK');
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md" component="section" aria-label={t('network.totals.label')}>
      {STATS.map(({ key, icon: Icon }) => (
        <Paper key={key} withBorder p="md" radius="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" c="dimmed" fw={500}>
                {t(`network.totals.${key}`)}
              </Text>
              <Text fz={28} fw={750} lh={1.2} data-testid={`network-total-${key}`}>
                {n.format(totals[key])}
              </Text>
            </div>
            <ThemeIcon variant="light" size={34} radius="md" aria-hidden visibleFrom="xs">
              <Icon size={18} />
            </ThemeIcon>
          </Group>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
