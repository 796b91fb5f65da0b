import { useState } from 'react';
import { Alert, Button, Card, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileImport } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { usePreviewImport } from '../api/preview-import';
import { useRunImport, type ImportOptions as Options } from '../api/run-import';
import { FilePicker } from '../components/FilePicker';
import { ImportGrants } from '../components/ImportGrants';
import { ImportOptions } from '../components/ImportOptions';
import { PreviewTable } from '../components/PreviewTable';
import { SummaryBadges } from '../components/SummaryBadges';

/** /admin/import: choose a staff CSV, check every row, then import it all or nothing. */
export function ImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const preview = usePreviewImport();
  const run = useRunImport();
  const [options, setOptions] = useState<Options>({ role: null, invite: false });
  const choose = (f: File) => {
    setFile(f);
    run.reset();
    preview.mutate(f);
  };
  const reset = () => {
    setFile(null);
    preview.reset();
    run.reset();
  };
  const data = preview.data;
  const hasErrors = (data?.summary.errors ?? 0) > 0;
  const pct = run.progress && run.progress.total > 0 ? Math.round((run.progress.done / run.progress.total) * 100) : run.isPending ? 0 : 100;

  return (
    <>
      <PageHeader eyebrow={t('nav.administration')} title={t('import.title')} description={t('import.lead')} />
      <Stack gap="lg">
        {run.isSuccess ? (
          <Alert color="green.9" variant="light" icon={<IconCircleCheck aria-hidden />} title={t('import.doneTitle')} role="status" data-testid="import-result">
            <Stack gap="sm">
              {run.progress ? (
                <Progress value={100} size="md" color="green.9" aria-label={t('import.progress', { done: run.progress.done, total: run.progress.total })} />
              ) : null}
              <Text>{t('import.doneText', { created: run.data.created, updated: run.data.updated, unchanged: run.data.unchanged })}</Text>
              <ImportGrants result={run.data} />
              <Group>
                <Button component={Link} to="/admin/personer">
                  {t('import.toPeople')}
                </Button>
                <Button variant="default" onClick={reset}>
                  {t('import.another')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : data ? null : (
          <>
            <Card>
              <Stack gap="md">
                <FilePicker onFile={choose} loading={preview.isPending} />
                <Text size="sm" c="dimmed">
                  {t('import.formatTitle')}
                </Text>
                <List size="sm" spacing={2}>
                  <List.Item>{t('import.format1')}</List.Item>
                  <List.Item>{t('import.format2')}</List.Item>
                  <List.Item>{t('import.format3')}</List.Item>
                </List>
              </Stack>
            </Card>
          </>
        )}
        {preview.error ? <ProblemAlert error={preview.error} /> : null}
        {data && file && !run.isSuccess ? (
          <Card>
            <Stack gap="md">
              <Group justify="space-between" align="flex-start">
                <div>
                  <Title order={2} fz="lg">
                    {t('import.previewTitle', { file: file.name })}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('import.detected', { encoding: data.encoding, separator: data.separator })}
                  </Text>
                </div>
                <SummaryBadges summary={data.summary} />
              </Group>
              {hasErrors ? (
                <Alert color="red.9" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('import.hasErrorsTitle')}>
                  {t('import.hasErrorsText', { count: data.summary.errors })}
                </Alert>
              ) : null}
              <PreviewTable rows={data.rows} />
              {run.isPending || run.progress ? (
                <Stack gap={4}>
                  <Text size="sm" id="import-progress-label">
                    {run.progress ? t('import.progress', { done: run.progress.done, total: run.progress.total }) : t('import.starting')}
                  </Text>
                  <Progress value={pct} size="lg" animated={run.isPending} aria-labelledby="import-progress-label" />
                </Stack>
              ) : null}
              {hasErrors ? null : <ImportOptions value={options} onChange={setOptions} disabled={run.isPending} />}
              {run.error ? <ProblemAlert error={run.error} /> : null}
              <Group>
                <Button
                  leftSection={<IconFileImport size={16} aria-hidden />}
                  disabled={hasErrors || data.summary.total === 0}
                  loading={run.isPending}
                  onClick={() => run.mutate({ file, options })}
                >
                  {t('import.run', { count: data.summary.create + data.summary.update })}
                </Button>
                <Button variant="default" onClick={reset} disabled={run.isPending}>
                  {t('import.cancel')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ) : null}
      </Stack>
    </>
  );
}
