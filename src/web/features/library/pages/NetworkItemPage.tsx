import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title, TypographyStylesProvider } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import type { TSharedItem } from '../../../../shared/api/library';
import { RELATION_FIELDS, TAG_GROUPS, useNetworkAction, useNetworkItem } from '../api/library';

/** /videndeling/netvaerk/:schoolId/:id: another school's shared forløb, read-only; adapt it, or (coordinator) feature or withdraw it. */
export function NetworkItemPage() {
  const { schoolId = '', id = '' } = useParams();
  const item = useNetworkItem(schoolId, id);
  return <QueryState query={item}>{(data) => <NetworkItemView item={data} />}</QueryState>;
}

function NetworkItemView({ item }: { item: TSharedItem }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const act = useNetworkAction();
  const tags = TAG_GROUPS.flatMap((g) => (item.tags[g] ?? []).map((v) => ({ g, v })));
  return (
    <>
      <PageHeader
        eyebrow={t('library.network.title')}
        title={item.title}
        description={t('library.networkItem.school', { school: item.schoolName })}
        actions={
          <Group gap="xs">
            {item.abilities.includes('libraryNetwork:curate') ? (
              <>
                <Button variant="default" loading={act.isPending} onClick={() => act.mutate({ row: item, path: 'curate', json: { featured: !item.featured } }, { onSuccess: () => notifications.show({ message: t('library.networkItem.curated'), color: 'teal' }) })}>
                  {item.featured ? t('library.network.unfeature') : t('library.network.feature')}
                </Button>
                <Button variant="default" color="red.9" loading={act.isPending} onClick={() => act.mutate({ row: item, path: 'curate', json: { withdrawn: !item.withdrawn } }, { onSuccess: () => notifications.show({ message: t('library.networkItem.curated'), color: 'teal' }) })}>
                  {item.withdrawn ? t('library.network.restore') : t('library.network.withdraw')}
                </Button>
              </>
            ) : null}
            {item.own ? (
              <Button component={Link} to={`/videndeling/${item.id}`} variant="default">
                {t('library.networkItem.open', { title: item.title })}
              </Button>
            ) : item.abilities.includes('libraryNetwork:adapt') ? (
              <Button
                loading={act.isPending}
                onClick={() =>
                  act.mutate(
                    { row: item, path: 'adapt' },
                    {
                      onSuccess: (res) => {
                        notifications.show({ message: t('library.network.adapted'), color: 'teal' });
                        void navigate(`/videndeling/${res.id}/rediger`);
                      },
                    },
                  )
                }
              >
                {t('library.network.adapt')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <Stack gap="md" maw={960}>
        <ProblemAlert error={act.error} />
        <Anchor component={Link} to="/videndeling/netvaerk" size="sm">
          {t('library.networkItem.back')}
        </Anchor>
        {!item.own ? <Alert color="blue.9" variant="light">{t('library.networkItem.readOnly')}</Alert> : null}
        <Card>
          <Stack gap="xs">
            <Group gap={6}>
              <Badge variant="light">{t(`library.kind.${item.kind}`)}</Badge>
              <Badge variant="outline" color="gray.8">{t(`library.licence.${item.licence}`)}</Badge>
              {item.featured ? <Badge color="yellow.9" variant="light">{t('library.network.featured')}</Badge> : null}
              {item.withdrawn ? <Badge color="red.9" variant="light">{t('library.network.withdrawn')}</Badge> : null}
            </Group>
            {item.summary ? <Text>{item.summary}</Text> : null}
            {item.subject || item.duration ? (
              <Text size="sm" c="dimmed">
                {[item.subject, item.duration].filter(Boolean).join(' · ')}
              </Text>
            ) : null}
            {tags.length ? (
              <Group gap={4} aria-label={t('library.networkItem.tags')}>
                {tags.map(({ g, v }) => (
                  <Badge key={`${g}-${v}`} variant="outline" color="gray.8" tt="none">
                    {t(`library.tagGroup.${g}`)}: {v}
                  </Badge>
                ))}
              </Group>
            ) : null}
            <Group gap="md">
              {item.lmsUrl ? <Anchor href={item.lmsUrl} target="_blank" rel="noopener noreferrer">{t('library.networkItem.lms')}</Anchor> : null}
              {item.url ? <Anchor href={item.url} target="_blank" rel="noopener noreferrer">{t('library.networkItem.link')}</Anchor> : null}
            </Group>
          </Stack>
        </Card>
        {item.kind === 'forlob' ? (
          <Card>
            <Stack gap="md">
              {RELATION_FIELDS.map((f) => (
                <section key={f} aria-labelledby={`nh-${f}`}>
                  <Title order={2} size="h4" id={`nh-${f}`}>
                    {t(`library.relation.${f}`)}
                  </Title>
                  {item.fields[f] ? (
                    // sanitised on the server with an allow-list when it was saved
                    <TypographyStylesProvider data-testid={`network-field-${f}`}>
                      <div dangerouslySetInnerHTML={{ __html: item.fields[f] ?? '' }} />
                    </TypographyStylesProvider>
                  ) : (
                    <Text c="dimmed" size="sm">{t('library.item.empty')}</Text>
                  )}
                </section>
              ))}
            </Stack>
          </Card>
        ) : null}
      </Stack>
    </>
  );
}
