import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TEventListItem } from '../../../../shared/api/events';
import { formatSpan } from '../when';
import { Fact } from './Fact';
import { KindBadge, StatusBadge } from './KindBadge';
import { MySignupBadge } from './MySignupBadge';
import { organiserName } from './organiser';

/** One event in the list: what, who organises it, the next session and its seats, and my own sign-up. */
export function EventCard({ event }: { event: TEventListItem }) {
  const { t, i18n } = useTranslation();
  const next = event.sessions.find((s) => !s.cancelled && s.startsAt === event.nextStartsAt) ?? null;
  // my sign-up for a session still to come; the first such one if there are several
  const mine = event.sessions.find((s) => s.mySignup && !s.cancelled && Date.parse(s.endsAt) > Date.now())?.mySignup ?? null;
  const live = event.sessions.filter((s) => !s.cancelled);
  return (
    <Card component="li" withBorder padding="md" radius="md">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <KindBadge kind={event.kind} />
          <StatusBadge status={event.status} />
          {mine ? <MySignupBadge signup={mine} /> : null}
        </Group>
        <Title order={3} fz={18}>
          <Anchor component={Link} to={`/arrangementer/${event.id}`} inherit>
            {event.title}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          {t('events.by', { name: organiserName(t, event.organiser) })}
        </Text>
        {next ? (
          <Group gap="xs" wrap="wrap" style={{ columnGap: 16 }}>
            <Fact icon={IconCalendarEvent}>{t('events.next', { when: formatSpan(next.startsAt, next.endsAt, i18n.language) })}</Fact>
            <Fact icon={IconUsers}>{next.seatsLeft > 0 ? t('events.seats.left', { count: next.seatsLeft, capacity: next.capacity }) : t('events.seats.full')}</Fact>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {live.length === 0 ? t('events.noSessions') : t('events.allOver')}
          </Text>
        )}
        {live.length > 1 ? (
          <Text size="xs" c="dimmed">
            {t('events.sessionsCount', { count: live.length })}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
