import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TSurveyNetwork } from '../../../../shared/api/surveys-report';
import { api } from '../../../app/api';
import { useCan } from '../../../app/session';
import { QueryState } from '../../../shared/QueryState';
import { ScrollTable } from '../../../shared/ui/ScrollTable';

/**
 * Selvevaluering in the network (the coordinator): the network's quartiles per group and area from
 * 5 schools (no school named), and each school's latest round with its respondents per group as
 * counts (hidden under 5). Never a school's figures.
 */
export function SurveyBenchmark() {
  const { t, i18n } = useTranslation();
  const can = useCan('network:surveyBenchmark');
  const query = useQuery({ queryKey: ['surveys', 'network'], queryFn: () => api<TSurveyNetwork>('/network/surveys'), enabled: can });
  if (!can) return null;
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const n = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const g = (x: string) => t(`surveys.report.group.${x}`);
  return (
    <Card component="section" aria-labelledby="network-surveys-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="network-surveys-title">
          {t('surveys.report.network.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('surveys.report.network.lead')}
        </Text>
        <QueryState query={query}>
          {(d) => (
            <>
              {d.benchmark.length ? (
                <ScrollTable minWidth={560} labelledBy="network-surveys-title">
                  <Table striped aria-labelledby="network-surveys-title" data-testid="network-survey-benchmark">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('surveys.report.filter.group')}</Table.Th>
                        <Table.Th scope="col">{t('surveys.report.network.area')}</Table.Th>
                        <Table.Th scope="col" ta="right">{t('surveys.report.network.q1')}</Table.Th>
                        <Table.Th scope="col" ta="right">{t('surveys.report.network.median')}</Table.Th>
                        <Table.Th scope="col" ta="right">{t('surveys.report.network.q3')}</Table.Th>
                        <Table.Th scope="col" ta="right">{t('surveys.report.network.schools')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {d.benchmark.map((b) => (
                        <Table.Tr key={`${b.group}-${b.area}`}>
                          <Table.Td>{g(b.group)}</Table.Td>
                          <Table.Td>{b.title[lang]}</Table.Td>
                          <Table.Td ta="right">{n.format(b.benchmark.q1)}</Table.Td>
                          <Table.Td ta="right">{n.format(b.benchmark.median)}</Table.Td>
                          <Table.Td ta="right">{n.format(b.benchmark.q3)}</Table.Td>
                          <Table.Td ta="right">{b.benchmark.schools}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              ) : (
                <Text c="dimmed">{t('surveys.report.benchmark.empty')}</Text>
              )}
              <Title order={3} fz="md" id="network-surveys-participation">
                {t('surveys.report.network.participation')}
              </Title>
              <ScrollTable minWidth={480} labelledBy="network-surveys-participation">
                <Table striped aria-labelledby="network-surveys-participation">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('surveys.report.network.school')}</Table.Th>
                      <Table.Th scope="col">{t('surveys.report.network.round')}</Table.Th>
                      <Table.Th scope="col">{t('surveys.report.network.respondents')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.schools.map((s) => (
                      <Table.Tr key={s.schoolId}>
                        <Table.Td fw={600}>{s.name}</Table.Td>
                        <Table.Td>{s.round ? `${s.round.name} (${t(`surveys.report.network.status.${s.round.status}`)})` : t('surveys.report.network.noRound')}</Table.Td>
                        <Table.Td>{s.groups.map((x) => `${g(x.group)}: ${x.respondents ?? t('surveys.report.fewer')}`).join(' · ') || '–'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            </>
          )}
        </QueryState>
      </Stack>
    </Card>
  );
}
