import { Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dk, todayInCopenhagen } from '../../../shared/dates';
import { QueryState } from '../../../shared/QueryState';
import { useStudentLogbook } from '../api/logbook';
import { useStudentTimeline } from '../api/students';
import { useMyTasks } from '../api/tasks';
import { StudentTasks } from './StudentTasks';

/** The student's start on his phone: where he is now, a big "Nyt indlæg", his open tasks, his latest entries. */
export function StudentStart({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const timeline = useStudentTimeline(studentId);
  const tasks = useMyTasks();
  const logbook = useStudentLogbook(studentId);
  const today = todayInCopenhagen();
  return (
    <Stack gap="lg" maw={720}>
      <Button component={Link} to="/praktik/logbog/ny" size="lg" leftSection={<IconCamera size={22} aria-hidden />} fullWidth>
        {t('internship.entry.new')}
      </Button>
      <Card withBorder>
        <Title order={2} fz="lg" mb={4}>{t('internship.start.now')}</Title>
        <QueryState query={timeline}>
          {(tl) => {
            const now = tl.placements.find((p) => p.startsOn <= today && today <= p.endsOn);
            const next = tl.placements.find((p) => p.startsOn > today);
            return (
              <Stack gap={4}>
                <Text>
                  {now
                    ? now.kind === 'practice'
                      ? t('internship.start.inPractice', { company: now.company?.name ?? '', until: dk(now.endsOn) })
                      : t('internship.start.atSchool', { until: dk(now.endsOn) })
                    : t('internship.start.noPeriod')}
                </Text>
                {now?.supervisor ? <Text size="sm">{t('internship.start.supervisor', { name: now.supervisor.name })}</Text> : null}
                {next ? (
                  <Text size="sm" c="dimmed">
                    {t('internship.start.next', { what: next.kind === 'practice' ? (next.company?.name ?? t('internship.kind.practice')) : t('internship.kind.school'), from: dk(next.startsOn) })}
                  </Text>
                ) : null}
                <Anchor component={Link} to={`/praktik/elever/${studentId}`} size="sm">{t('internship.start.myPage')}</Anchor>
              </Stack>
            );
          }}
        </QueryState>
      </Card>
      <section>
        <Title order={2} fz="lg" mb="sm">{t('internship.start.myTasks')}</Title>
        <QueryState query={tasks}>{(list) => <StudentTasks items={list.items.filter((x) => x.state !== 'done')} showDescription />}</QueryState>
      </section>
      <section>
        <Title order={2} fz="lg" mb="sm">{t('internship.start.latest')}</Title>
        <QueryState query={logbook}>
          {(l) =>
            l.entries.length === 0 ? (
              <Text size="sm" c="dimmed">{t('internship.start.noEntries')}</Text>
            ) : (
              <Stack gap="xs">
                {l.entries.slice(0, 3).map((e) => (
                  <Card key={e.id} withBorder p="sm" component={Link} to={`/praktik/elever/${studentId}`}>
                    <Text fw={600} size="sm">{e.title || dk(e.entryDate)}</Text>
                    <Text size="xs" c="dimmed">
                      {dk(e.entryDate)} · {t('internship.start.entryCounts', { photos: e.photos, comments: e.comments })}
                    </Text>
                  </Card>
                ))}
              </Stack>
            )
          }
        </QueryState>
      </section>
    </Stack>
  );
}
