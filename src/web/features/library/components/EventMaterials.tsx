import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../shared/QueryState';
import { useEventMaterials } from '../api/event-materials';

/** "Fra webinarer og Learning Factories": links to the materials of the network's events, found by the page's search too. */
export function EventMaterials({ q }: { q: string }) {
  const { t } = useTranslation();
  const materials = useEventMaterials(q);
  return (
    <Stack gap="xs" component="section" aria-labelledby="library-event-materials">
      <Title order={2} fz={20} id="library-event-materials">
        {t('library.network.events')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('library.network.eventsLead')}
      </Text>
      <QueryState query={materials}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{q ? t('library.network.eventsNoMatch') : t('library.network.eventsEmpty')}</Text>
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {data.items.map((m) => (
                <Card component="li" key={m.id} withBorder>
                  <Title order={3} size="h5">
                    <Anchor href={m.url} target="_blank" rel="noopener noreferrer" inherit style={{ overflowWrap: 'anywhere' }}>
                      {m.title} <IconExternalLink size={14} aria-hidden style={{ verticalAlign: 'middle' }} />
                      <span className="visually-hidden">{t('library.network.newWindow')}</span>
                    </Anchor>
                  </Title>
                  <Text size="sm" c="dimmed">
                    <Anchor component={Link} to={`/arrangementer/${m.event.id}`} inherit>
                      {t('library.network.eventsFrom', { title: m.event.title })}
                    </Anchor>
                  </Text>
                  {m.description ? (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {m.description}
                    </Text>
                  ) : null}
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
