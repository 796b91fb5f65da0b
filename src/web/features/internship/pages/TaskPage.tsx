import { Anchor, Badge, Button, Card, Group, List, Stack, Table, Text, Textarea, Title, TypographyStylesProvider } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dk, formatDate } from '../../../shared/dates';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { useTask, useTaskStep } from '../api/tasks';
import { TaskStateBadge } from '../components/StudentTasks';
import type { TPracticeTask, TTaskAssignment } from '../../../../shared/api/internship';

/** /praktik/opgaver/:id: one task, its praktikmål and forløb, and each student's state with confirm and done. */
export function TaskPage() {
  const id = useParams().id ?? '';
  const task = useTask(id);
  return <QueryState query={task}>{(x) => <TaskView task={x} />}</QueryState>;
}

function TaskView({ task: x }: { task: TPracticeTask }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow={<Anchor component={Link} to="/praktik/opgaver">{t('internship.tasks.title')}</Anchor>}
        title={x.title}
        description={[x.team ? t('internship.tasks.forTeam', { team: x.team.name }) : null, x.dueFrom || x.dueTo ? t('internship.tasks.due', { period: [x.dueFrom, x.dueTo].map((d) => (d ? dk(d) : '…')).join(' – ') }) : null, t('internship.tasks.by', { name: x.createdBy.name })]
          .filter(Boolean)
          .join(' · ')}
      />
      <Card withBorder>
        {x.descriptionHtml ? (
          <TypographyStylesProvider p={0}>
            {/* sanitised by the server before it was stored */}
            <div dangerouslySetInnerHTML={{ __html: x.descriptionHtml }} />
          </TypographyStylesProvider>
        ) : (
          <Text c="dimmed">{t('internship.tasks.noDescription')}</Text>
        )}
        {x.goals.length > 0 ? (
          <>
            <Title order={2} fz="md" mt="md" mb={4}>{t('internship.tasks.goals')}</Title>
            <Group gap={6}>
              {x.goals.map((g) => (
                <Badge key={g.id} variant="light" title={g.text}>{g.code}</Badge>
              ))}
            </Group>
          </>
        ) : null}
        {x.items.length > 0 ? (
          <>
            <Title order={2} fz="md" mt="md" mb={4}>{t('internship.tasks.items')}</Title>
            <List size="sm">
              {x.items.map((i) => (
                <List.Item key={i.id}>
                  <Anchor component={Link} to={`/videndeling/${i.id}`}>{i.title}</Anchor>
                </List.Item>
              ))}
            </List>
          </>
        ) : null}
      </Card>
      <section>
        <Title order={2} fz="lg" mb="sm">{t('internship.tasks.studentsTitle', { count: x.assignments.length })}</Title>
        <ScrollTable label={t('internship.tasks.studentsTitle', { count: x.assignments.length })} minWidth={640}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('internship.studentLabel')}</Table.Th>
                <Table.Th>{t('internship.tasks.state')}</Table.Th>
                <Table.Th>{t('internship.tasks.lastChange')}</Table.Th>
                <Table.Th>{t('internship.tasks.feedback')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {x.assignments.map((a) => (
                <Table.Tr key={a.student.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/praktik/elever/${a.student.id}`}>{a.student.name}</Anchor>
                  </Table.Td>
                  <Table.Td><TaskStateBadge state={a.state} /></Table.Td>
                  <Table.Td>{(a.doneAt ?? a.confirmedAt ?? a.answeredAt) ? formatDate(a.doneAt ?? a.confirmedAt ?? a.answeredAt ?? '', i18n.language) : '–'}</Table.Td>
                  <Table.Td><AssignmentActions taskId={x.id} assignment={a} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </section>
    </Stack>
  );
}

/** The supervisor confirms an answer; the teacher gives feedback and marks the task done for the student. */
function AssignmentActions({ taskId, assignment: a }: { taskId: string; assignment: TTaskAssignment }) {
  const { t } = useTranslation();
  const step = useTaskStep(taskId);
  const [feedback, setFeedback] = useState('');
  if (a.state === 'done' || (!a.abilities.includes('taskAssignment:done') && !a.abilities.includes('taskAssignment:confirm')))
    return <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{a.feedback || '–'}</Text>;
  return (
    <Stack gap={6} miw={240}>
      <ProblemAlert error={step.error} />
      {a.abilities.includes('taskAssignment:confirm') ? (
        <Button size="xs" variant="light" w="fit-content" loading={step.isPending} onClick={() => step.mutate({ studentId: a.student.id, step: 'confirm' })}>
          {t('internship.tasks.confirm')}
        </Button>
      ) : null}
      {a.abilities.includes('taskAssignment:done') ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            step.mutate({ studentId: a.student.id, step: 'done', feedback });
          }}
        >
          <Stack gap={4}>
            <Textarea size="xs" label={t('internship.tasks.feedbackFor', { name: a.student.name })} value={feedback} onChange={(e) => setFeedback(e.currentTarget.value)} autosize minRows={2} maxLength={4000} required />
            <Button type="submit" size="xs" w="fit-content" loading={step.isPending} disabled={!feedback.trim()}>
              {t('internship.tasks.markDone')}
            </Button>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
