import { Button, Grid, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can, useSignedIn } from '../../../app/session';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { useOverview } from '../api/get-overview';
import { DepartmentChart } from '../components/DepartmentChart';
import { KeyNumbers } from '../components/KeyNumbers';
import { Sigtelinjer } from '../components/Sigtelinjer';

function SchoolOverview({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const overview = useOverview(schoolId);
  return (
    <QueryState query={overview}>
      {(data) => (
        <Stack gap="xl">
          <PageHeader
            eyebrow={t('overview.title')}
            title={data.school.name}
            description={data.school.institutionNumber ? t('overview.institutionNumber', { number: data.school.institutionNumber }) : t('overview.lead')}
          />
          <KeyNumbers totals={data.totals} />
          <Grid gutter="lg">
            <Grid.Col span={{ base: 12, lg: 5 }}>
              {data.departments.length > 0 ? (
                <DepartmentChart departments={data.departments} />
              ) : (
                <EmptyState
                  title={t('overview.noDepartments')}
                  hint={t('overview.noDepartmentsHint')}
                  action={can(me, 'org:manage') ? <Button component={Link} to="/admin/organisation">{t('overview.createDepartments')}</Button> : null}
                />
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Sigtelinjer lines={data.sigtelinjer} />
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </QueryState>
  );
}

/** /overblik: the school's statistics, for leaders and administrators (school:overview). */
export function OverviewPage() {
  const me = useSignedIn();
  return me.school ? <SchoolOverview schoolId={me.school.id} /> : null;
}
