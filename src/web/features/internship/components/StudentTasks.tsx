import { Anchor, Badge, Button, Card, Group, Stack, Text, TypographyStylesProvider } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dk } from '../../../shared/dates';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useTaskStep } from '../api/tasks';
import type { TStudentTaskList, TTaskState } from '../../../../shared/api/internship';

const STATE_COLOR: Record<TTaskState, string> = { assigned: 'gray.8', answered: 'blue.9', confirmed: 'orange.9', done: 'green.9' };

export function TaskStateBadge({ state }: { state: TTaskState }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATE_COLOR[state]} style={{ flexShrink: 0 }}>
      {t(`internship.taskState.${state}`)}
    </Badge>
  );
}

type Item = TStudentTaskList['items'][number];

/** A student's practice tasks with their state; the supervisor confirms an answered one here. */
export function StudentTasks({ items, showDescription = false, showStudent = false }: { items: Item[]; showDescription?: boolean; showStudent?: boolean }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text size="sm" c="dimmed">{t('internship.tasks.noneForStudent')}</Text>;
  return (
    <Stack gap="xs">
      {items.map((x) => (
        <TaskRow key={`${x.task.id}-${x.student.id}`} item={x} showDescription={showDescription} showStudent={showStudent} />
      ))}
    </Stack>
  );
}

function TaskRow({ item: x, showDescription, showStudent }: { item: Item; showDescription: boolean; showStudent: boolean }) {
  const { t } = useTranslation();
  const step = useTaskStep(x.task.id);
  return (
    <Card withBorder p="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          {/* the task's own page is its teacher's; here the description is shown in place */}
          <Text fw={600} size="sm">
            {x.task.name}
          </Text>
          {showStudent ? (
            <Text size="sm">
              <Anchor component={Link} to={`/praktik/elever/${x.student.id}`}>{x.student.name}</Anchor>
            </Text>
          ) : null}
          {x.dueFrom || x.dueTo ? (
            <Text size="xs" c="dimmed">
              {t('internship.tasks.due', { period: [x.dueFrom, x.dueTo].map((d) => (d ? dk(d) : '…')).join(' – ') })}
            </Text>
          ) : null}
        </div>
        <TaskStateBadge state={x.state} />
      </Group>
      {showDescription && x.descriptionHtml ? (
        <TypographyStylesProvider p={0} mt="xs" fz="sm">
          {/* sanitised by the server before it was stored */}
          <div dangerouslySetInnerHTML={{ __html: x.descriptionHtml }} />
        </TypographyStylesProvider>
      ) : null}
      {x.feedback ? (
        <Text size="sm" mt="xs">
          <Text span fw={600}>{t('internship.tasks.feedback')}:</Text> {x.feedback}
        </Text>
      ) : null}
      {x.abilities.includes('taskAssignment:confirm') && x.state === 'answered' ? (
        <Stack gap={4} mt="xs">
          <ProblemAlert error={step.error} />
          <Button size="xs" variant="light" w="fit-content" loading={step.isPending} onClick={() => step.mutate({ studentId: x.student.id, step: 'confirm' })}>
            {t('internship.tasks.confirm')}
          </Button>
        </Stack>
      ) : null}
    </Card>
  );
}
