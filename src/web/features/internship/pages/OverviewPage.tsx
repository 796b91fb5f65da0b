import { Button, Group, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan, useSignedIn } from '../../../app/session';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { useStudents } from '../api/students';
import { DepartmentOverview } from '../components/DepartmentOverview';
import { StaffOverview } from '../components/StaffOverview';
import { StudentStart } from '../components/StudentStart';
import { SupervisorStart } from '../components/SupervisorStart';

/**
 * /praktik: each reader's own start. Staff who plan placements see their students (and, with the
 * right to manage programmes, the department's overview); a student sees his own start; anyone else
 * the server shows students to (a praktikvejleder) sees those students.
 */
export function OverviewPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const staff = useCan('internship:timeline');
  const leads = useCan('internshipProgramme:manage');
  const givesTasks = useCan('practiceTask:create');
  const students = useStudents({}, !staff);
  if (staff)
    return (
      <Stack gap="lg">
        <PageHeader
          eyebrow={t('internship.eyebrow')}
          title={t('internship.overview.title')}
          description={t('internship.overview.lead')}
          actions={
            <Group gap="sm">
              <Button component={Link} to="/praktik/tidslinje" variant="light">{t('nav.internshipTimeline')}</Button>
              {givesTasks ? <Button component={Link} to="/praktik/opgaver">{t('internship.tasks.new')}</Button> : null}
            </Group>
          }
        />
        {leads ? (
          <section>
            <Title order={2} fz="xl" mb="sm">{t('internship.department.title')}</Title>
            <DepartmentOverview />
          </section>
        ) : null}
        <section>
          <Title order={2} fz="xl" mb="sm">{t('internship.overview.studentsTitle')}</Title>
          <StaffOverview />
        </section>
      </Stack>
    );
  return (
    <QueryState query={students}>
      {(list) => {
        const self = list.items.some((s) => s.student.id === me.person?.id);
        return (
          <Stack gap="lg">
            <PageHeader
              eyebrow={t('internship.eyebrow')}
              title={self ? t('internship.start.studentTitle') : t('internship.start.supervisorTitle')}
              description={self ? t('internship.start.studentLead') : t('internship.start.supervisorLead')}
            />
            {self && me.person ? <StudentStart studentId={me.person.id} /> : <SupervisorStart students={list.items} />}
          </Stack>
        );
      }}
    </QueryState>
  );
}
