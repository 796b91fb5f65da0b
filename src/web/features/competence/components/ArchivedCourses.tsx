import { Button, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useArchivedCourses, useUpdateCourse, type ArchivedCourse } from '../api/courses';
import { formatDate } from '../../../shared/dates';
import { ScrollTable } from '../../../shared/ui/ScrollTable';

/** Archived courses with a restore button; shown to those who manage courses, and only when there are any. */
export function ArchivedCourses() {
  const { t } = useTranslation();
  const archived = useArchivedCourses(true);
  const list = archived.data ?? [];
  if (!list.length) return archived.error ? <ProblemAlert error={archived.error} /> : null;
  return (
    <Card withBorder component="section" aria-labelledby="archived-courses">
      <Title order={2} size="h4" id="archived-courses" mb="xs">
        {t('competence.courses.archivedTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('competence.courses.archivedLead')}
      </Text>
      <ScrollTable minWidth={320} label={t('tables.archivedCourses')}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('competence.courses.archivedCourse')}</Table.Th>
              <Table.Th>{t('competence.courses.archivedOn')}</Table.Th>
              <Table.Th>{t('competence.courses.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((c) => (
              <ArchivedRow key={c.id} course={c} />
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Card>
  );
}

function ArchivedRow({ course }: { course: ArchivedCourse }) {
  const { t, i18n } = useTranslation();
  const restore = useUpdateCourse(course.id);
  return (
    <Table.Tr>
      <Table.Td>{course.title}</Table.Td>
      <Table.Td>{formatDate(course.archivedAt, i18n.language)}</Table.Td>
      <Table.Td>
        <Button size="xs" variant="light" loading={restore.isPending} aria-label={t('competence.courses.restoreFor', { title: course.title })} onClick={() => restore.mutate({ archived: false })}>
          {t('competence.courses.restore')}
        </Button>
        {restore.error ? <ProblemAlert error={restore.error} /> : null}
      </Table.Td>
    </Table.Tr>
  );
}
