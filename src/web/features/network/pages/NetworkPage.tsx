import { Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { IconShare } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { useNetwork } from '../api/get-network';
import { NationalTable } from '../components/NationalTable';
import { SurveyBenchmark } from '../components/SurveyBenchmark';
import { ScrollTable } from '../../../shared/ui/ScrollTable';

/** /netvaerk: the network coordinator's start page: the network's schools, the national view of competence, the shared library. */
export function NetworkPage() {
  const { t } = useTranslation();
  const network = useNetwork();
  const library = useCan('libraryNetwork:read');
  return (
    <>
      <PageHeader eyebrow={network.data?.name} title={t('network.title')} description={t('network.lead')} />
      <Stack gap="xl">
        <QueryState query={network}>
          {(data) =>
            data.schools.length === 0 ? (
              <EmptyState title={t('network.empty')} hint={t('network.emptyHint')} />
            ) : (
              <Stack gap="sm" component="section" aria-labelledby="schools-title">
                <Title order={2} fz="lg" id="schools-title">
                  {t('network.schoolsTitle')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('network.total', { count: data.schools.length })}
                </Text>
                <Card p={0}>
                  <ScrollTable minWidth={520} label={t('tables.named', { name: t('network.schoolsTitle') })}>
                    <Table verticalSpacing="sm" horizontalSpacing="md" striped aria-labelledby="schools-title">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t('network.school')}</Table.Th>
                          <Table.Th scope="col">{t('fields.institutionNumber')}</Table.Th>
                          <Table.Th scope="col" ta="right">
                            {t('overview.totals.departments')}
                          </Table.Th>
                          <Table.Th scope="col" ta="right">
                            {t('network.activePeople')}
                          </Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {data.schools.map((s) => (
                          <Table.Tr key={s.id}>
                            <Table.Td fw={600}>{s.name}</Table.Td>
                            <Table.Td>{s.institutionNumber ?? '–'}</Table.Td>
                            <Table.Td ta="right">{s.departments}</Table.Td>
                            <Table.Td ta="right">{s.people}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </ScrollTable>
                </Card>
              </Stack>
            )
          }
        </QueryState>
        <NationalTable />
        <SurveyBenchmark />
        {library ? (
          <Card component="section" aria-labelledby="network-library-title">
            <Title order={2} fz="lg" id="network-library-title">
              {t('network.libraryTitle')}
            </Title>
            <Text size="sm" c="dimmed" mt={4} mb="md">
              {t('network.libraryLead')}
            </Text>
            <Button component={Link} to="/videndeling/netvaerk" variant="light" leftSection={<IconShare size={18} aria-hidden />} w="fit-content">
              {t('network.libraryOpen')}
            </Button>
          </Card>
        ) : null}
      </Stack>
    </>
  );
}
