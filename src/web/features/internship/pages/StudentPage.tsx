import { Anchor, Button, Card, Grid, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan, useSignedIn } from '../../../app/session';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { useStudentGoals } from '../api/goals';
import { useEntry, useStudentLogbook } from '../api/logbook';
import { useStudentTimeline } from '../api/students';
import { useMyTasks, useSupervisedTasks } from '../api/tasks';
import { AddPlacement } from '../components/AddPlacement';
import { EntryCard } from '../components/EntryCard';
import { GoalList } from '../components/GoalList';
import { PeriodTimeline } from '../components/PeriodTimeline';
import { StudentTasks } from '../components/StudentTasks';
import type { TStudentTimeline } from '../../../../shared/api/internship';

const PAGE = 10;

/** /praktik/elever/:id: one student's vekslen, logbook, praktikmål and tasks, for him and those who follow him. */
export function StudentPage() {
  const id = useParams().id ?? '';
  const timeline = useStudentTimeline(id);
  return <QueryState query={timeline}>{(tl) => <StudentView timeline={tl} />}</QueryState>;
}

function StudentView({ timeline: tl }: { timeline: TStudentTimeline }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const own = me.person?.id === tl.student.id;
  const goals = useStudentGoals(tl.student.id);
  const [planning, setPlanning] = useState(false);
  const canPlan = tl.abilities.includes('internshipStudent:plan');
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow={<Anchor component={Link} to="/praktik">{t('internship.eyebrow')}</Anchor>}
        title={own ? t('internship.student.ownTitle') : tl.student.name}
        description={tl.programme ? tl.programme.name : t('internship.student.noProgramme')}
        actions={
          own ? (
            <Button component={Link} to="/praktik/logbog/ny" leftSection={<IconPlus size={18} aria-hidden />} size="md">
              {t('internship.entry.new')}
            </Button>
          ) : null
        }
      />
      <Card withBorder>
        <Title order={2} fz="lg" mb="sm">{t('internship.student.periods')}</Title>
        {tl.placements.length === 0 ? (
          <Text size="sm" c="dimmed">{canPlan ? t('internship.student.noPeriodsPlanner') : t('internship.student.noPeriods')}</Text>
        ) : (
          <PeriodTimeline
            periods={tl.placements.map((p) => ({ id: p.id, kind: p.kind, startsOn: p.startsOn, endsOn: p.endsOn, label: p.company?.name ?? t('internship.kind.school') }))}
          />
        )}
        {canPlan ? (
          planning ? (
            <Card withBorder mt="md" bg="gray.0">
              <AddPlacement studentId={tl.student.id} onDone={() => setPlanning(false)} />
            </Card>
          ) : (
            <Button mt="sm" size="xs" variant="light" w="fit-content" onClick={() => setPlanning(true)}>
              {t('internship.placement.new')}
            </Button>
          )
        ) : null}
      </Card>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <Title order={2} fz="lg" mb="sm">{t('internship.student.logbook')}</Title>
          <Logbook studentId={tl.student.id} own={own} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <Stack gap="lg">
            <section>
              <Title order={2} fz="lg" mb="sm">{t('internship.student.tasks')}</Title>
              <StudentTaskSection studentId={tl.student.id} own={own} />
            </section>
            <section>
              <Title order={2} fz="lg" mb="sm">{t('internship.student.goals')}</Title>
              <QueryState query={goals}>{(g) => <GoalList studentId={tl.student.id} goals={g.goals} canSet={g.abilities.includes('internshipStudent:setGoal')} />}</QueryState>
            </section>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Logbook({ studentId, own }: { studentId: string; own: boolean }) {
  const { t } = useTranslation();
  const logbook = useStudentLogbook(studentId);
  const [shown, setShown] = useState(PAGE);
  return (
    <QueryState query={logbook}>
      {(l) =>
        l.entries.length === 0 ? (
          <EmptyState
            title={t('internship.student.noEntries')}
            hint={own ? t('internship.student.noEntriesOwn') : t('internship.student.noEntriesHint')}
            action={own ? <Button component={Link} to="/praktik/logbog/ny">{t('internship.entry.new')}</Button> : undefined}
          />
        ) : (
          <Stack gap="md">
            {l.entries.slice(0, shown).map((e) => (
              <LoadedEntry key={e.id} id={e.id} />
            ))}
            {l.entries.length > shown ? (
              <Button variant="light" w="fit-content" onClick={() => setShown(shown + PAGE)}>
                {t('internship.student.moreEntries', { count: l.entries.length - shown })}
              </Button>
            ) : null}
          </Stack>
        )
      }
    </QueryState>
  );
}

/** The student sees his own tasks, the supervisor his students'; the school side follows each task on its own page. */
function StudentTaskSection({ studentId, own }: { studentId: string; own: boolean }) {
  const { t } = useTranslation();
  const supervises = useCan('practiceTask:supervised');
  const mine = useMyTasks(own);
  const supervised = useSupervisedTasks(!own && supervises);
  if (own) return <QueryState query={mine}>{(list) => <StudentTasks items={list.items} showDescription />}</QueryState>;
  if (supervises) return <QueryState query={supervised}>{(list) => <StudentTasks items={list.items.filter((x) => x.student.id === studentId)} showDescription />}</QueryState>;
  return (
    <Text size="sm">
      {t('internship.student.tasksElsewhere')} <Anchor component={Link} to="/praktik/opgaver" underline="always">{t('nav.internshipTasks')}</Anchor>
    </Text>
  );
}

function LoadedEntry({ id }: { id: string }) {
  const entry = useEntry(id);
  return <QueryState query={entry}>{(e) => <EntryCard entry={e} />}</QueryState>;
}
