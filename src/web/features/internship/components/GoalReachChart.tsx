import { Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TGoalOverview } from '../../../../shared/api/internship';

/**
 * How often each praktikmål of a programme is reached, rarely reached first (the server's order):
 * one stacked bar per goal (reached, partly, not yet, not assessed), so the goals the school should
 * work on stand out at a glance. Each bar's figures are also written out for screen readers.
 */
export function GoalReachChart({ overview }: { overview: TGoalOverview }) {
  const { t } = useTranslation();
  const total = Math.max(1, overview.students);
  return (
    <Stack gap={8} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('internship.goals.reachTitle')}>
      {overview.goals.map(({ goal, reached, partly, notYet }) => {
        const none = Math.max(0, overview.students - reached - partly - notYet);
        const parts = [
          { n: reached, color: 'var(--mantine-color-green-8)' },
          { n: partly, color: 'var(--mantine-color-yellow-6)' },
          { n: notYet, color: 'var(--mantine-color-gray-6)' },
          { n: none, color: 'var(--mantine-color-gray-2)' },
        ];
        return (
          <li key={goal.id}>
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Text size="sm" style={{ minWidth: 0 }} truncate>
                <Text span fw={600}>{goal.code}</Text> {goal.text}
              </Text>
              <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
                {t('internship.goals.reachedCount', { reached, total: overview.students })}
              </Text>
            </Group>
            <Group gap={0} h={12} wrap="nowrap" style={{ borderRadius: 4, overflow: 'hidden' }} aria-hidden>
              {parts.map((p, i) => (p.n > 0 ? <Box key={i} h={12} style={{ width: `${(p.n / total) * 100}%`, background: p.color }} /> : null))}
            </Group>
            <span className="visually-hidden">{t('internship.goals.reachSr', { reached, partly, notYet, none })}</span>
          </li>
        );
      })}
    </Stack>
  );
}
