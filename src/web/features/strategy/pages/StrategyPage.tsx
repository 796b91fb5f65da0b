import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, List, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDepartments } from '../../../shared/api/departments';
import { useCan } from '../../../app/session';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { attentionQuery, initiativesQuery, strategiesQuery, strategyQuery, usePlacesAhead, useStrategyMutation, useTerms } from '../api/strategy';
import { InitiativeForm } from '../components/InitiativeForm';
import { StatusBadge } from '../components/StatusBadge';
import { StrategyForm } from '../components/StrategyForm';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { dk } from '../../../shared/dates';


/** /strategi: the strategy, its versions, the initiatives with their "why" and status, and downloads. */
export function StrategyPage() {
  const { t } = useTranslation();
  const list = useQuery(strategiesQuery);
  const current = list.data?.[list.data.length - 1];
  const canManage = useCan('strategy:manage');
  const canExport = useCan('strategy:export');
  const canCreate = useCan('initiative:create');
  usePlacesAhead(canCreate);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [sigtelinje, setSigtelinje] = useState<string | null>(null);
  const terms = useTerms();
  const strategy = useQuery({ ...strategyQuery(current?.id ?? ''), enabled: Boolean(current) });
  const initiatives = useQuery(initiativesQuery({ departmentId, sigtelinje }));
  const attention = useQuery(attentionQuery);
  const departments = useDepartments();
  const publish = useStrategyMutation<string>('POST', (id) => `/strategies/${id}/publish`, () => undefined);
  const sl = new Map((terms.data?.sigtelinje ?? []).map((x) => [x.key, x.label]));

  return (
    <>
      <PageHeader
        eyebrow={t('nav.strategyGroup')}
        title={t('strategy.title')}
        description={t('strategy.lead')}
        actions={
          current && canExport ? (
            <>
              <Button component="a" href={`/api/v1/strategies/${current.id}/report.pdf`} download variant="light" leftSection={<IconDownload size={16} aria-hidden />}>
                {t('strategy.downloadPdf')}
              </Button>
              <Button component="a" href={`/api/v1/strategies/${current.id}/report.csv`} download variant="light" leftSection={<IconDownload size={16} aria-hidden />}>
                {t('strategy.downloadCsv')}
              </Button>
            </>
          ) : null
        }
      />
      <Stack gap="lg">
        {attention.data && attention.data.overdueFollowups.length > 0 ? (
          <Alert color="orange.9" title={t('strategy.attention.title')} role="status">
            <List size="sm">
              {attention.data.overdueFollowups.map((f) => (
                <List.Item key={f.id}>
                  <Anchor underline="always" component={Link} to={`/strategi/indsatser/${f.initiativeId}`}>
                    {f.initiativeTitle}
                  </Anchor>
                  : {f.title} ({dk(f.dueOn)})
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <QueryState query={list}>
          {(all) =>
            all.length === 0 ? (
              canManage ? (
                <Card>
                  <Title order={2} fz="lg" mb="sm">
                    {t('strategy.empty.createTitle')}
                  </Title>
                  <Text c="dimmed" size="sm" mb="md">
                    {t('strategy.empty.createHint')}
                  </Text>
                  <StrategyForm />
                </Card>
              ) : (
                <EmptyState title={t('strategy.empty.title')} hint={t('strategy.empty.hint')} />
              )
            ) : strategy.data ? (
              <Card>
                <Stack gap="xs">
                  <Group justify="space-between">
                    <Title order={2} fz="xl">
                      {strategy.data.title}
                    </Title>
                    <Group gap="xs">
                      <Badge variant="light" color="gray.8">
                        {t(`strategy.mode.${strategy.data.mode}`)}
                      </Badge>
                      <Badge color={strategy.data.status === 'published' ? 'green.9' : 'gray.7'}>
                        {t(`strategy.versionStatus.${strategy.data.status}`, { version: strategy.data.version })}
                      </Badge>
                    </Group>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t('strategy.period', { from: dk(strategy.data.periodStart), to: dk(strategy.data.periodEnd) })}
                  </Text>
                  {strategy.data.owner ? (
                    <Text size="sm" data-testid="strategy-owner">
                      {t('strategy.ownerLine', { name: strategy.data.owner.name })}
                    </Text>
                  ) : null}
                  {strategy.data.vision ? <Text>{strategy.data.vision}</Text> : null}
                  {strategy.data.fpdgText ? (
                    <Text size="sm">
                      <strong>{t('strategy.form.fpdg')}:</strong> {strategy.data.fpdgText}
                    </Text>
                  ) : null}
                  {strategy.data.values.length ? (
                    <Group gap={6}>
                      {strategy.data.values.map((x) => (
                        <Badge key={x} variant="outline" color="teal.9">
                          {x}
                        </Badge>
                      ))}
                    </Group>
                  ) : null}
                  {strategy.data.versions.length ? (
                    <Group gap={6} data-testid="versions">
                      <Text size="sm" c="dimmed">
                        {t('strategy.versionsLabel')}
                      </Text>
                      {strategy.data.versions.map((v) => (
                        <Anchor key={v.version} component={Link} to={`/strategi/${strategy.data.id}/versioner/${v.version}`} size="sm">
                          {t('strategy.versionLink', { version: v.version, date: dk(v.publishedAt.slice(0, 10)) })}
                        </Anchor>
                      ))}
                    </Group>
                  ) : null}
                  {canManage ? (
                    <Group>
                      {strategy.data.status === 'draft' ? (
                        <Button size="xs" onClick={() => publish.mutate(strategy.data.id)} loading={publish.isPending}>
                          {t('strategy.publish')}
                        </Button>
                      ) : null}
                      <Button size="xs" variant="light" onClick={() => setEditing((x) => !x)}>
                        {editing ? t('common.cancel') : t('strategy.edit')}
                      </Button>
                    </Group>
                  ) : null}
                  {editing ? <StrategyForm strategy={strategy.data} onDone={() => setEditing(false)} /> : null}
                </Stack>
              </Card>
            ) : null
          }
        </QueryState>

        <Group justify="space-between" align="flex-end">
          <Title order={2} fz="lg">
            {t('strategy.initiatives.title')}
          </Title>
          <Group align="flex-end">
            <Select label={t('fields.department')} placeholder={t('strategy.filters.all')} data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} value={departmentId} onChange={setDepartmentId} clearable w={200} />
            <Select label={t('strategy.filters.sigtelinje')} placeholder={t('strategy.filters.all')} data={(terms.data?.sigtelinje ?? []).map((x) => ({ value: x.key, label: `${x.key}. ${x.label}` }))} value={sigtelinje} onChange={setSigtelinje} clearable w={260} />
            {canCreate ? <Button onClick={() => setAdding((x) => !x)}>{adding ? t('common.cancel') : t('strategy.initiatives.new')}</Button> : null}
          </Group>
        </Group>
        {adding ? (
          <Card>
            <InitiativeForm strategyId={current?.id ?? null} />
          </Card>
        ) : null}
        <QueryState query={initiatives}>
          {(items) =>
            items.length === 0 ? (
              <EmptyState title={t('strategy.initiatives.emptyTitle')} hint={canCreate ? t('strategy.initiatives.emptyHintLeader') : t('strategy.initiatives.emptyHint')} />
            ) : (
              <ScrollTable minWidth={640} label={t('strategy.initiatives.title')}>
                <Table striped data-testid="initiatives">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('strategy.initiatives.initiative')}</Table.Th>
                      <Table.Th scope="col">{t('strategy.initiatives.level')}</Table.Th>
                      <Table.Th scope="col">{t('fields.sigtelinjer')}</Table.Th>
                      <Table.Th scope="col">{t('strategy.initiatives.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((i) => (
                      <Table.Tr key={i.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/strategi/indsatser/${i.id}`} fw={600}>
                            {i.title}
                          </Anchor>
                          <Text size="sm" c="dimmed">
                            {t('strategy.initiatives.whyPrefix')} {i.why}
                          </Text>
                        </Table.Td>
                        <Table.Td>{i.level === 'central' ? t('strategy.initiatives.central') : (i.departmentName ?? '')}</Table.Td>
                        <Table.Td>{i.sigtelinjer.map((k) => sl.get(k) ?? k).join(', ')}</Table.Td>
                        <Table.Td>
                          <StatusBadge status={i.status} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )
          }
        </QueryState>
      </Stack>
    </>
  );
}
