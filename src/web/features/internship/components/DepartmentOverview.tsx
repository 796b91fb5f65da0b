import { Anchor, Card, Grid, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session';
import { QueryState } from '../../../shared/QueryState';
import { useCompanies } from '../api/companies';
import { useGoalOverview } from '../api/goals';
import { useProgrammes } from '../api/students';
import { GoalReachChart } from './GoalReachChart';
import { ScrollTable } from '../../../shared/ui/ScrollTable';

const RARE = 5;

/** For the department head (and management): which companies take the department's students now, and which praktikmål are rarely reached. */
export function DepartmentOverview() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const departmentId = me.person?.department?.id ?? null;
  const companies = useCompanies({ departmentId });
  const programmes = useProgrammes();
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const chosen = programmeId ?? programmes.data?.find((p) => p.departmentId === departmentId)?.id ?? programmes.data?.[0]?.id ?? null;
  const overview = useGoalOverview(chosen);
  return (
    <Grid gutter="lg">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Card withBorder h="100%">
          <Title order={2} fz="lg" mb={4}>{t('internship.department.companiesTitle')}</Title>
          <Text size="sm" c="dimmed" mb="sm">
            {me.person?.department ? t('internship.department.companiesLead', { department: me.person.department.name }) : t('internship.department.companiesLeadAll')}
          </Text>
          <QueryState query={companies}>
            {(list) => {
              const taking = list.items.filter((c) => c.currentStudents > 0).sort((a, b) => b.currentStudents - a.currentStudents);
              return taking.length === 0 ? (
                <Text size="sm">{t('internship.department.noneTaking')} <Anchor component={Link} to="/praktik/virksomheder" underline="always">{t('internship.department.seeCompanies')}</Anchor></Text>
              ) : (
                <ScrollTable label={t('internship.department.companiesTitle')}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('internship.company.name')}</Table.Th>
                      <Table.Th ta="right">{t('internship.companies.studentsNow')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {taking.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td><Anchor component={Link} to={`/praktik/virksomheder/${c.id}`}>{c.name}</Anchor></Table.Td>
                        <Table.Td ta="right">{c.currentStudents}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                </ScrollTable>
              );
            }}
          </QueryState>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Card withBorder h="100%">
          <Title order={2} fz="lg" mb={4}>{t('internship.department.rareTitle')}</Title>
          <Select
            label={t('internship.programme')}
            data={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={chosen}
            onChange={setProgrammeId}
            allowDeselect={false}
            mb="sm"
          />
          {chosen ? (
            <QueryState query={overview}>
              {(o) =>
                o.goals.length === 0 || o.students === 0 ? (
                  <Text size="sm" c="dimmed">{t('internship.goals.reachEmpty')}</Text>
                ) : (
                  <Stack gap="xs">
                    <GoalReachChart overview={{ ...o, goals: o.goals.slice(0, RARE) }} />
                    <Anchor component={Link} to={`/praktik/praktikmaal?uddannelse=${chosen}`} size="sm">{t('internship.department.allGoals')}</Anchor>
                  </Stack>
                )
              }
            </QueryState>
          ) : null}
        </Card>
      </Grid.Col>
    </Grid>
  );
}
