import { Anchor, Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { useDepartments } from '../../../shared/api/departments';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { useCompanies, useCreateCompany } from '../api/companies';
import { useProgrammes } from '../api/students';
import { CompanyForm } from '../components/CompanyForm';

/** /praktik/virksomheder: the school's practice places, searched by name, CVR or trade, per department. */
export function CompaniesPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(q, 250);
  const companies = useCompanies({ q: debounced.trim(), departmentId });
  const departments = useDepartments();
  const canCreate = useCan('company:manage');
  const programmes = useProgrammes(canCreate);
  const create = useCreateCompany();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow={t('internship.eyebrow')}
        title={t('internship.companies.title')}
        description={t('internship.companies.lead')}
        actions={canCreate && !adding ? <Button onClick={() => setAdding(true)}>{t('internship.companies.new')}</Button> : null}
      />
      {adding ? (
        <Card withBorder maw={860}>
          <Title order={2} fz={20} mb="sm">
            {t('internship.companies.new')}
          </Title>
          <CompanyForm
            programmes={programmes.data ?? []}
            submitLabel={t('internship.companies.create')}
            pending={create.isPending}
            error={create.error}
            onSubmit={(input) => create.mutate(input, { onSuccess: (c) => void navigate(`/praktik/virksomheder/${c.id}`) })}
          />
        </Card>
      ) : null}
      <Group gap="sm" align="flex-end">
        <TextInput
          label={t('internship.companies.search')}
          placeholder={t('internship.companies.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          style={{ flex: '1 1 260px' }}
          type="search"
        />
        <Select
          label={t('internship.departmentLabel')}
          placeholder={t('internship.allDepartments')}
          data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={departmentId}
          onChange={setDepartmentId}
          clearable
          style={{ flex: '1 1 200px' }}
        />
      </Group>
      <QueryState query={companies}>
        {(list) =>
          list.items.length === 0 ? (
            <EmptyState
              title={debounced || departmentId ? t('internship.companies.noMatch') : t('internship.companies.empty')}
              hint={canCreate ? t('internship.companies.emptyHint') : t('internship.companies.emptyHintReader')}
            />
          ) : (
            <ScrollTable label={t('internship.companies.title')} minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('internship.company.name')}</Table.Th>
                    <Table.Th>{t('internship.company.cvr')}</Table.Th>
                    <Table.Th>{t('internship.company.trade')}</Table.Th>
                    <Table.Th>{t('internship.company.programmes')}</Table.Th>
                    <Table.Th ta="right">{t('internship.companies.studentsNow')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/praktik/virksomheder/${c.id}`} fw={600}>
                          {c.name}
                        </Anchor>
                        {c.city ? <Text size="xs" c="dimmed">{c.city}</Text> : null}
                        {c.archived ? <Badge color="gray.8" variant="light" ml="xs">{t('internship.companies.archived')}</Badge> : null}
                      </Table.Td>
                      <Table.Td>{c.cvr}</Table.Td>
                      <Table.Td>{c.trade}</Table.Td>
                      <Table.Td>{c.programmes.map((p) => p.name).join(', ')}</Table.Td>
                      <Table.Td ta="right">{c.currentStudents}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )
        }
      </QueryState>
    </Stack>
  );
}
