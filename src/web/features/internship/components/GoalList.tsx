import { Button, Card, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/dates';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useSetGoalStatus } from '../api/goals';
import { GOAL_STATUSES, type GoalStatus, GoalStatusBadge } from './GoalStatusBadge';
import type { TStudentGoals } from '../../../../shared/api/internship';

type Row = TStudentGoals['goals'][number];

/** A student's praktikmål with their status; those who may set a status (his teachers, the head, the current supervisor) get a control per goal. */
export function GoalList({ studentId, goals, canSet }: { studentId: string; goals: Row[]; canSet: boolean }) {
  const { t } = useTranslation();
  if (goals.length === 0) return <Text c="dimmed">{t('internship.goal.noneForStudent')}</Text>;
  const reached = goals.filter((g) => g.latest?.status === 'reached').length;
  return (
    <Stack gap="xs">
      <Text size="sm">{t('internship.goal.reachedOf', { reached, total: goals.length })}</Text>
      {goals.map((g) => (
        <GoalRow key={g.goal.id} studentId={studentId} row={g} canSet={canSet} />
      ))}
    </Stack>
  );
}

function GoalRow({ studentId, row, canSet }: { studentId: string; row: Row; canSet: boolean }) {
  const { t, i18n } = useTranslation();
  const { goal, latest } = row;
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<GoalStatus>(latest?.status ?? 'reached');
  const [comment, setComment] = useState('');
  const set = useSetGoalStatus(studentId);
  return (
    <Card withBorder p="sm" data-testid={`goal-${goal.code}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} size="sm">
            {goal.code} {goal.level ? <Text span c="dimmed" size="xs">({goal.level})</Text> : null}
          </Text>
          <Text size="sm">{goal.text}</Text>
          {latest ? (
            <Text size="xs" c="dimmed">
              {t('internship.goal.setBy', { name: latest.setBy?.name ?? '', date: formatDate(latest.setAt, i18n.language) })}
              {latest.comment ? ` – ${latest.comment}` : ''}
            </Text>
          ) : null}
        </div>
        <GoalStatusBadge status={latest?.status ?? null} />
      </Group>
      {canSet ? (
        open ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              set.mutate({ goalId: goal.id, status, comment }, { onSuccess: () => setOpen(false) });
            }}
          >
            <Stack gap="xs" mt="xs">
              <ProblemAlert error={set.error} />
              <SegmentedControl
                fullWidth
                value={status}
                onChange={(v) => setStatus(v as GoalStatus)}
                data={GOAL_STATUSES.map((s) => ({ value: s, label: t(`internship.goalStatus.${s}`) }))}
                aria-label={t('internship.goal.statusFor', { code: goal.code })}
              />
              <TextInput label={t('internship.goal.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={2000} />
              <Group gap="xs">
                <Button type="submit" size="xs" loading={set.isPending}>
                  {t('internship.goal.saveStatus')}
                </Button>
                <Button size="xs" variant="subtle" onClick={() => setOpen(false)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Button mt="xs" size="xs" variant="light" onClick={() => setOpen(true)} aria-label={t('internship.goal.setStatusFor', { code: goal.code })}>
            {t('internship.goal.setStatus')}
          </Button>
        )
      ) : null}
    </Card>
  );
}
