import type { ComponentType } from 'react';
import { Group, Paper, SimpleGrid, Text, ThemeIcon } from '@mantine/core';
import { IconBook, IconSitemap, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TOverview } from '../../../../shared/api/school';

type Stat = { key: keyof TOverview['totals']; icon: ComponentType<{ size?: number }> };
const STATS: Stat[] = [
  { key: 'people', icon: IconUsers },
  { key: 'departments', icon: IconSitemap },
  { key: 'programmes', icon: IconBook },
  { key: 'teams', icon: IconUsersGroup },
];

export function KeyNumbers({ totals }: { totals: TOverview['totals'] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
      {STATS.map(({ key, icon: Icon }) => (
        <Paper key={key} withBorder p="md" radius="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Text size="sm" c="dimmed" fw={500}>
                {t(`overview.totals.${key}`)}
              </Text>
              <Text fz={30} fw={750} lh={1.2} data-testid={`total-${key}`}>
                {totals[key].toLocaleString('da-DK')}
              </Text>
            </div>
            <ThemeIcon variant="light" size={38} radius="md" aria-hidden>
              <Icon size={20} />
            </ThemeIcon>
          </Group>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
