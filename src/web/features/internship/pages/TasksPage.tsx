import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session';
import { dk } from '../../../shared/dates';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { useMyTasks, useSupervisedTasks, useTasks } from '../api/tasks';
import { StudentTasks } from '../components/StudentTasks';
import { TaskForm } from '../components/TaskForm';
import { TASK_STATES } from '../../../../shared/api/internship';

/** /praktik/opgaver: the teacher's tasks and a new one; the student's own tasks; the supervisor's students' tasks. */
export function TasksPage() {
  const { t } = useTranslation();
  const teacher = useCan('practiceTask:list');
  const creates = useCan('practiceTask:create');
  const student = useCan('practiceTask:mine');
  const supervisor = useCan('practiceTask:supervised');
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow={t('internship.eyebrow')}
        title={t('internship.tasks.title')}
        description={teacher ? t('internship.tasks.lead') : t('internship.tasks.leadOthers')}
        actions={creates && !adding ? <Button onClick={() => setAdding(true)}>{t('internship.tasks.new')}</Button> : null}
      />
      {adding ? (
        <Card withBorder maw={860}>
          <Title order={2} fz={20} mb="sm">{t('internship.tasks.new')}</Title>
          <TaskForm onCreated={(task) => void navigate(`/praktik/opgaver/${task.id}`)} />
        </Card>
      ) : null}
      {teacher ? <TeacherTasks onNew={creates ? () => setAdding(true) : undefined} /> : null}
      {student ? <MyTasks /> : null}
      {supervisor ? <SupervisedTasks /> : null}
      {!teacher && !student && !supervisor ? <EmptyState title={t('internship.tasks.none')} hint={t('internship.tasks.noneHintOthers')} /> : null}
    </Stack>
  );
}

function TeacherTasks({ onNew }: { onNew?: () => void }) {
  const { t } = useTranslation();
  const tasks = useTasks();
  return (
    <QueryState query={tasks}>
      {(list) =>
        list.items.length === 0 ? (
          <EmptyState title={t('internship.tasks.none')} hint={t('internship.tasks.noneHint')} action={onNew ? <Button onClick={onNew}>{t('internship.tasks.new')}</Button> : undefined} />
        ) : (
          <ScrollTable label={t('internship.tasks.title')} minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('internship.tasks.titleField')}</Table.Th>
                  <Table.Th>{t('internship.timeline.team')}</Table.Th>
                  <Table.Th>{t('internship.tasks.period')}</Table.Th>
                  <Table.Th>{t('internship.tasks.states')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((x) => (
                  <Table.Tr key={x.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/praktik/opgaver/${x.id}`} fw={600}>{x.title}</Anchor>
                    </Table.Td>
                    <Table.Td>{x.team?.name ?? '–'}</Table.Td>
                    <Table.Td>{x.dueFrom || x.dueTo ? [x.dueFrom, x.dueTo].map((d) => (d ? dk(d) : '…')).join(' – ') : '–'}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {TASK_STATES.map((s) => (
                          <Badge key={s} variant="light" color={s === 'done' ? 'green.9' : s === 'assigned' ? 'gray.8' : 'blue.9'}>
                            {t(`internship.taskState.${s}`)}: {x.states[s]}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )
      }
    </QueryState>
  );
}

function MyTasks() {
  const { t } = useTranslation();
  const tasks = useMyTasks();
  return (
    <section>
      <Title order={2} fz="lg" mb="sm">{t('internship.start.myTasks')}</Title>
      <QueryState query={tasks}>{(list) => <StudentTasks items={list.items} showDescription />}</QueryState>
      <Text size="sm" c="dimmed" mt="sm">{t('internship.tasks.answerHint')}</Text>
    </section>
  );
}

function SupervisedTasks() {
  const { t } = useTranslation();
  const tasks = useSupervisedTasks();
  return (
    <section>
      <Title order={2} fz="lg" mb="sm">{t('internship.tasks.supervisedTitle')}</Title>
      <QueryState query={tasks}>{(list) => <StudentTasks items={list.items} showDescription showStudent />}</QueryState>
    </section>
  );
}
