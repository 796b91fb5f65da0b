import { Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { useNetworkAction, useNetworkLibrary } from '../api/library';
import { EventMaterials } from '../components/EventMaterials';

/** /videndeling/netvaerk: what the network's schools have shared; the coordinator features or withdraws. */
export function NetworkLibraryPage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 250);
  const list = useNetworkLibrary(q);
  const act = useNetworkAction();
  const canAdapt = useCan('libraryNetwork:adapt');
  const canSeeEvents = useCan('event:list');
  const navigate = useNavigate();
  return (
    <>
      <PageHeader eyebrow={t('library.eyebrow')} title={t('library.network.title')} description={t('library.network.lead')} />
      <Stack gap="md">
        <Card>
          <TextInput label={t('library.search')} type="search" value={text} onChange={(e) => setText(e.currentTarget.value)} />
        </Card>
        <ProblemAlert error={act.error} />
        <QueryState query={list}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState title={t('library.network.empty')} hint={t('library.network.emptyHint')} />
            ) : (
              <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {data.items.map((r) => (
                  <Card component="li" key={`${r.schoolId}-${r.id}`} withBorder>
                    <Group justify="space-between">
                      <Title order={2} size="h5">
                        <Anchor component={Link} to={`/videndeling/netvaerk/${r.schoolId}/${r.id}`} inherit>
                          {r.title}
                        </Anchor>
                      </Title>
                      <Group gap={4}>
                        {r.featured ? <Badge color="yellow.9" variant="light">{t('library.network.featured')}</Badge> : null}
                        {r.withdrawn ? <Badge color="red.9" variant="light">{t('library.network.withdrawn')}</Badge> : null}
                        <Badge variant="outline" color="gray.8">{t(`library.licence.${r.licence}`)}</Badge>
                      </Group>
                    </Group>
                    <Text size="sm" c="dimmed">{t('library.network.from', { school: r.schoolName })}</Text>
                    {r.summary ? <Text size="sm">{r.summary}</Text> : null}
                    <Group gap="xs" mt="xs">
                      {data.abilities.includes('libraryNetwork:curate') ? (
                        <>
                          <Button size="xs" variant="default" onClick={() => act.mutate({ row: r, path: 'curate', json: { featured: !r.featured } })}>
                            {r.featured ? t('library.network.unfeature') : t('library.network.feature')}
                          </Button>
                          <Button size="xs" variant="default" onClick={() => act.mutate({ row: r, path: 'curate', json: { withdrawn: !r.withdrawn } })}>
                            {r.withdrawn ? t('library.network.restore') : t('library.network.withdraw')}
                          </Button>
                        </>
                      ) : null}
                      {canAdapt && !r.own ? (
                        <Button size="xs" variant="light" onClick={() => act.mutate({ row: r, path: 'adapt' }, { onSuccess: (res) => { notifications.show({ message: t('library.network.adapted'), color: 'teal' }); void navigate(`/videndeling/${res.id}/rediger`); } })}>
                          {t('library.network.adapt')}
                        </Button>
                      ) : null}
                    </Group>
                  </Card>
                ))}
              </Stack>
            )
          }
        </QueryState>
        {canSeeEvents ? <EventMaterials q={q} /> : null}
      </Stack>
    </>
  );
}
