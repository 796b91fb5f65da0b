import { Anchor, Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { THomeItem } from '../../../../shared/api/home';
import { formatDateTime } from '../../../shared/dates';

const dayFormat = (language: string) => new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/** One thing that waits: a link to where it is done, how pressing it is, its date and, for a round, how far the person got. */
export function HomeItemRow({ item }: { item: THomeItem }) {
  const { t, i18n } = useTranslation();
  const vars = { title: item.title ?? '', detail: item.detail ?? '', count: item.count ?? 0, done: item.progress?.done ?? 0, total: item.progress?.total ?? 0 };
  const date = item.dueOn ? dayFormat(i18n.language).format(new Date(`${item.dueOn}T12:00:00Z`)) : null;
  const when = date
    ? t(item.urgency === 'overdue' ? 'home.overdueSince' : item.urgency === 'info' ? 'home.when' : 'home.due', { date })
    : item.startsAt
      ? t('home.startsAt', { date: formatDateTime(item.startsAt, i18n.language, { dateStyle: 'full', timeStyle: 'short' }) })
      : null;
  return (
    <Stack component="li" gap={6} py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)', listStyle: 'none' }} data-testid="home-item" data-kind={item.kind}>
      <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
        <Anchor component={Link} to={item.path} fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {t(`home.kind.${item.kind}`, vars)}
        </Anchor>
        {item.urgency === 'overdue' || item.urgency === 'soon' ? (
          <Badge color={item.urgency === 'overdue' ? 'red.9' : 'orange.9'} variant="light" style={{ flexShrink: 0 }}>
            {t(`home.urgency.${item.urgency}`)}
          </Badge>
        ) : null}
      </Group>
      {when || (item.kind === 'competence.session' && item.detail) ? (
        <Text size="sm" c="dimmed">
          {[when, item.kind === 'competence.session' && item.detail ? t('home.where', { place: item.detail }) : null].filter(Boolean).join(' · ')}
        </Text>
      ) : null}
      {item.progress ? (
        <Group gap="sm" wrap="nowrap">
          <Progress value={item.progress.total ? (100 * item.progress.done) / item.progress.total : 0} style={{ flex: 1 }} aria-label={t('home.progressLabel', vars)} />
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('home.progress', vars)}
          </Text>
        </Group>
      ) : null}
    </Stack>
  );
}
