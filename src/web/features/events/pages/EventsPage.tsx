import { Button, Group, SegmentedControl, Stack, Switch, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TEventListItem } from '../../../../shared/api/events';
import { useMe } from '../../../app/session';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { useEvents } from '../api/events';
import { EventCard } from '../components/EventCard';
import { WRAP } from '../components/wrap';

type KindFilter = 'all' | TEventListItem['kind'];
const LIST = { listStyle: 'none', padding: 0, margin: 0 } as const;

/** /arrangementer: the network's webinars and Learning Factories, upcoming first; the organiser's drafts above them. */
export function EventsPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<KindFilter>('all');
  const [past, setPast] = useState(false);
  const events = useEvents({ past });
  const canCreate = events.data?.abilities.includes('event:create') === true;
  // a coordinator organises but has no school to sign up from (signing up is decided per session)
  const canSignUp = Boolean(useMe().data?.school);
  return (
    <Stack gap="lg" style={WRAP}>
      <PageHeader
        eyebrow={t('events.eyebrow')}
        title={t('events.list.title')}
        description={canSignUp ? t('events.list.lead') : t('events.list.leadOrganiser')}
        actions={
          canCreate ? (
            <Button component={Link} to="/arrangementer/ny" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('events.list.new')}
            </Button>
          ) : null
        }
      />
      <Group gap="md" align="center" wrap="wrap">
        <SegmentedControl
          aria-label={t('events.list.filter')}
          value={kind}
          onChange={(v) => setKind(v === 'webinar' || v === 'learning_factory' ? v : 'all')}
          data={[
            { value: 'all', label: t('events.list.all') },
            { value: 'webinar', label: t('events.list.webinars') },
            { value: 'learning_factory', label: t('events.list.learningFactories') },
          ]}
        />
        <Switch label={t('events.list.past')} checked={past} onChange={(e) => setPast(e.currentTarget.checked)} />
      </Group>
      <QueryState query={events}>
        {(list) => {
          const shown = list.items.filter((e) => kind === 'all' || e.kind === kind);
          const drafts = shown.filter((e) => e.status === 'draft');
          const others = shown.filter((e) => e.status !== 'draft');
          if (shown.length === 0)
            return list.items.length > 0 ? (
              <EmptyState title={t('events.list.noMatch')} hint={t('events.list.noMatchHint')} />
            ) : (
              <EmptyState
                title={past ? t('events.list.emptyPast') : t('events.list.empty')}
                hint={canCreate ? t('events.list.emptyHintCreator') : t('events.list.emptyHint')}
                action={
                  canCreate ? (
                    <Button component={Link} to="/arrangementer/ny" variant="light">
                      {t('events.list.new')}
                    </Button>
                  ) : null
                }
              />
            );
          return (
            <Stack gap="xl">
              {drafts.length > 0 ? (
                <Stack gap="sm" component="section" aria-labelledby="events-drafts">
                  <Title order={2} fz={20} id="events-drafts">
                    {t('events.list.drafts')}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('events.list.draftsHint')}
                  </Text>
                  <Stack gap="sm" component="ul" style={LIST}>
                    {drafts.map((e) => (
                      <EventCard key={e.id} event={e} />
                    ))}
                  </Stack>
                </Stack>
              ) : null}
              <Stack gap="sm" component="section" aria-labelledby="events-upcoming">
                <Title order={2} fz={20} id="events-upcoming">
                  {past ? t('events.list.allEvents') : t('events.list.upcoming')}
                </Title>
                {others.length === 0 ? (
                  <Text c="dimmed">{t('events.list.nonePublished')}</Text>
                ) : (
                  <Stack gap="sm" component="ul" style={LIST}>
                    {others.map((e) => (
                      <EventCard key={e.id} event={e} />
                    ))}
                  </Stack>
                )}
              </Stack>
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
