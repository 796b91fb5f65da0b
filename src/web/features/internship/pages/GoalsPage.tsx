import { Button, Card, FileButton, Grid, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { useCreateGoal, useGoalOverview, useImportGoals, useProgrammeGoals } from '../api/goals';
import { useProgrammes } from '../api/students';
import { GoalReachChart } from '../components/GoalReachChart';

/** /praktik/praktikmaal: a programme's praktikmål (entered or imported from CSV) and how often each is reached. */
export function GoalsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const programmes = useProgrammes();
  const programmeId = params.get('uddannelse') ?? programmes.data?.[0]?.id ?? null;
  return (
    <Stack gap="lg">
      <PageHeader eyebrow={t('internship.eyebrow')} title={t('internship.goals.title')} description={t('internship.goals.lead')} />
      <Select
        label={t('internship.programme')}
        data={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
        value={programmeId}
        onChange={(v) => v && setParams({ uddannelse: v }, { replace: true })}
        searchable
        maw={360}
        allowDeselect={false}
      />
      {programmes.data && programmes.data.length === 0 ? <EmptyState title={t('internship.goals.noProgrammes')} hint={t('internship.goals.noProgrammesHint')} /> : null}
      {programmeId ? <ProgrammeGoals programmeId={programmeId} /> : null}
    </Stack>
  );
}

function ProgrammeGoals({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const goals = useProgrammeGoals(programmeId);
  const overview = useGoalOverview(programmeId);
  const canManage = useCan('internshipProgramme:manage');
  return (
    <Grid gutter="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="md">
          <QueryState query={goals}>
            {(list) =>
              list.goals.length === 0 ? (
                <EmptyState title={t('internship.goals.empty')} hint={canManage ? t('internship.goals.emptyHint') : t('internship.goals.emptyHintReader')} />
              ) : (
                <ScrollTable label={t('internship.goals.listTitle', { programme: list.programme.name })} minWidth={480}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('internship.goals.code')}</Table.Th>
                        <Table.Th>{t('internship.goals.text')}</Table.Th>
                        <Table.Th>{t('internship.goals.level')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {list.goals.filter((g) => !g.archived).map((g) => (
                        <Table.Tr key={g.id}>
                          <Table.Td fw={600}>{g.code}</Table.Td>
                          <Table.Td>{g.text}</Table.Td>
                          <Table.Td>{g.level}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              )
            }
          </QueryState>
          {canManage ? <AddGoal programmeId={programmeId} /> : null}
          {canManage ? <ImportGoals programmeId={programmeId} /> : null}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Card withBorder>
          <Title order={2} fz="lg" mb={4}>{t('internship.goals.reachTitle')}</Title>
          <Text size="sm" c="dimmed" mb="sm">{t('internship.goals.reachLead')}</Text>
          <QueryState query={overview}>
            {(o) => (o.goals.length === 0 || o.students === 0 ? <Text size="sm" c="dimmed">{t('internship.goals.reachEmpty')}</Text> : <GoalReachChart overview={o} />)}
          </QueryState>
        </Card>
      </Grid.Col>
    </Grid>
  );
}

function AddGoal({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const create = useCreateGoal(programmeId);
  const [code, setCode] = useState('');
  const [text, setText] = useState('');
  const [level, setLevel] = useState('');
  return (
    <Card withBorder>
      <Title order={2} fz="lg" mb="xs">{t('internship.goals.add')}</Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ code, text, level }, { onSuccess: () => { setCode(''); setText(''); setLevel(''); } });
        }}
      >
        <Stack gap="xs">
          <ProblemAlert error={create.error} />
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput label={t('internship.goals.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} required maxLength={40} w={110} />
            <TextInput label={t('internship.goals.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} required maxLength={2000} style={{ flex: '1 1 240px' }} />
            <TextInput label={t('internship.goals.level')} value={level} onChange={(e) => setLevel(e.currentTarget.value)} maxLength={60} w={140} />
            <Button type="submit" loading={create.isPending}>{t('internship.goals.addButton')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ImportGoals({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const run = useImportGoals(programmeId);
  return (
    <Card withBorder>
      <Title order={2} fz="lg" mb={4}>{t('internship.goals.import')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('internship.goals.importHint')}</Text>
      <Stack gap="xs">
        <ProblemAlert error={run.error} />
        {run.data ? <Text size="sm" role="status">{t('internship.goals.imported', run.data)}</Text> : null}
        <FileButton onChange={(f) => f && run.mutate(f)} accept=".csv,text/csv,text/plain">
          {(props) => <Button {...props} variant="light" w="fit-content" loading={run.isPending}>{t('internship.goals.chooseCsv')}</Button>}
        </FileButton>
      </Stack>
    </Card>
  );
}
