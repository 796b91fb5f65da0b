import { Button, Card, Grid, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { useSchool } from '../api/get-school';
import { RetentionCard } from '../components/RetentionCard';
import { SchoolForm } from '../components/SchoolForm';
import { StorageCard } from '../components/StorageCard';

/** /admin/skole: school settings, the retention of personal data, the storage its files take against its quota, and the export of all its data. */
export function SchoolPage() {
  const { t } = useTranslation();
  const school = useSchool();
  const canExport = useCan('school:export');
  const canUpdate = useCan('school:update');
  return (
    <>
      <PageHeader eyebrow={t('nav.administration')} title={t('school.title')} description={t('school.lead')} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Card>
              <Title order={2} fz="lg" mb="md">
                {t('school.settingsTitle')}
              </Title>
              <QueryState query={school}>{(data) => <SchoolForm key={data.id} school={data} />}</QueryState>
            </Card>
            {canUpdate ? <RetentionCard /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            {school.data ? <StorageCard storage={school.data.storage} /> : null}
            {canExport ? (
              <Card>
                <Stack gap="sm">
                  <Title order={2} fz="lg">
                    {t('school.exportTitle')}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('school.exportText')}
                  </Text>
                  <Button component="a" href="/api/v1/school/export" download variant="light" leftSection={<IconDownload size={18} aria-hidden />}>
                    {t('school.exportButton')}
                  </Button>
                </Stack>
              </Card>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
