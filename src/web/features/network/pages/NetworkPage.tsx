import { Card, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { useNetwork } from '../api/get-network';

/** /netvaerk: the network coordinator's list of schools. */
export function NetworkPage() {
  const { t } = useTranslation();
  const network = useNetwork();
  return (
    <>
      <PageHeader eyebrow={network.data?.name} title={t('network.title')} description={t('network.lead')} />
      <QueryState query={network}>
        {(data) =>
          data.schools.length === 0 ? (
            <EmptyState title={t('network.empty')} hint={t('network.emptyHint')} />
          ) : (
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('network.total', { count: data.schools.length })}
              </Text>
              <Card p={0}>
                <Table.ScrollContainer minWidth={520}>
                  <Table verticalSpacing="sm" horizontalSpacing="md" striped>
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
                </Table.ScrollContainer>
              </Card>
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}
