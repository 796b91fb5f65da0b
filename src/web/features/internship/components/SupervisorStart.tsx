import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dk } from '../../../shared/dates';
import { EmptyState } from '../../../shared/EmptyState';
import type { TInternshipStudents } from '../../../../shared/api/internship';

/** The praktikvejleder's start: the students with his company now (and up to 30 days after), one card each for a phone. */
export function SupervisorStart({ students }: { students: TInternshipStudents['items'] }) {
  const { t } = useTranslation();
  if (students.length === 0) return <EmptyState title={t('internship.start.noSupervised')} hint={t('internship.start.noSupervisedHint')} />;
  return (
    <Stack gap="sm" maw={720}>
      {students.map((s) => (
        <Card key={s.student.id} withBorder p="md">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Anchor component={Link} to={`/praktik/elever/${s.student.id}`} fw={700} size="lg">{s.student.name}</Anchor>
            {s.programme ? <Text size="sm" c="dimmed">{s.programme.name}</Text> : null}
          </Group>
          <Text size="sm">
            {s.current
              ? s.current.kind === 'practice'
                ? t('internship.start.supervisedPeriod', { company: s.current.company?.name ?? '', from: dk(s.current.startsOn), to: dk(s.current.endsOn) })
                : t('internship.start.atSchool', { until: dk(s.current.endsOn) })
              : t('internship.start.periodEnded')}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
