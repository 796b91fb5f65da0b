import { Alert, Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { strategyQuery, useTerms, versionQuery } from '../api/strategy';
import { dk } from '../../../shared/dates';


/** /strategi/:id/versioner/:version: an earlier published version, read only. */
export function StrategyVersionPage() {
  const { t } = useTranslation();
  const { id = '', version = '' } = useParams();
  const q = useQuery(versionQuery(id, version));
  const current = useQuery(strategyQuery(id));
  const terms = useTerms();
  const label = (kind: 'sigtelinje' | 'reform_goal', key: string) => terms.data?.[kind].find((x) => x.key === key)?.label ?? key;
  return (
    <>
      <PageHeader eyebrow={t('nav.strategyGroup')} title={t('strategy.version.title', { version })} description={q.data?.title} />
      <QueryState query={q}>
        {(v) => (
          <Stack gap="lg">
            <Alert color="blue.9" title={t('strategy.version.readOnly')}>
              {t('strategy.version.published', { date: dk(v.publishedAt.slice(0, 10)), by: v.publishedBy })}{' '}
              {current.data ? t('strategy.version.current', { version: current.data.version }) : null}{' '}
              <Anchor underline="always" component={Link} to="/strategi">
                {t('strategy.version.back')}
              </Anchor>
            </Alert>
            <Card>
              <Stack gap="sm">
                <Group justify="space-between">
                  <Title order={2} fz="xl">
                    {v.title}
                  </Title>
                  <Badge variant="light" color="gray.8">
                    {t(`strategy.mode.${v.mode}`)}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {t('strategy.period', { from: dk(v.periodStart), to: dk(v.periodEnd) })}
                </Text>
                {v.vision ? (
                  <div>
                    <Title order={3} fz="md">
                      {t('strategy.form.vision')}
                    </Title>
                    <Text style={{ whiteSpace: 'pre-wrap' }}>{v.vision}</Text>
                  </div>
                ) : null}
                {v.fpdgText ? (
                  <div>
                    <Title order={3} fz="md">
                      {t('strategy.form.fpdg')}
                    </Title>
                    <Text style={{ whiteSpace: 'pre-wrap' }}>{v.fpdgText}</Text>
                  </div>
                ) : null}
                {v.values.length ? (
                  <Group gap={6}>
                    {v.values.map((x) => (
                      <Badge key={x} variant="outline" color="teal.9">
                        {x}
                      </Badge>
                    ))}
                  </Group>
                ) : null}
                {v.sigtelinjer.length ? (
                  <div>
                    <Title order={3} fz="md">
                      {t('fields.sigtelinjer')}
                    </Title>
                    <List size="sm">
                      {v.sigtelinjer.map((k) => (
                        <List.Item key={k}>{label('sigtelinje', k)}</List.Item>
                      ))}
                    </List>
                  </div>
                ) : null}
                {v.reformGoals.length ? (
                  <div>
                    <Title order={3} fz="md">
                      {t('fields.reformGoals')}
                    </Title>
                    <List size="sm">
                      {v.reformGoals.map((k) => (
                        <List.Item key={k}>{label('reform_goal', k)}</List.Item>
                      ))}
                    </List>
                  </div>
                ) : null}
              </Stack>
            </Card>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
