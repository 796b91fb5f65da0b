import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { roleKey } from '../../../shared/roles';
import type { TPersonRow } from '../../../../shared/api/people';
import { ScrollTable } from '../../../shared/ui/ScrollTable';

export function PeopleTable({ rows }: { rows: TPersonRow[] }) {
  const { t } = useTranslation();
  return (
    <ScrollTable minWidth={760} label={t('people.title')}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fields.name')}</Table.Th>
            <Table.Th scope="col">{t('fields.jobTitle')}</Table.Th>
            <Table.Th scope="col">{t('fields.department')}</Table.Th>
            <Table.Th scope="col">{t('fields.roles')}</Table.Th>
            <Table.Th scope="col">{t('people.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/personer/${p.id}`} fw={600}>
                  {p.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {p.email}
                </Text>
              </Table.Td>
              <Table.Td>{p.jobTitle ?? '–'}</Table.Td>
              <Table.Td>{p.departmentName ?? '–'}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {p.roles.map((r) => (
                    <Badge key={r} variant="light" radius="sm" tt="none">
                      {t(roleKey(r))}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {p.active ? (
                  <Badge color="green.9" variant="light" tt="none">
                    {t('people.active')}
                  </Badge>
                ) : (
                  <Badge color="gray.8" variant="light" tt="none">
                    {t('people.inactive')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
