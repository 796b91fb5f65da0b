import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TImportSummary } from '../../../../shared/api/importer';

export function SummaryBadges({ summary }: { summary: TImportSummary }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" data-testid="import-summary">
      <Badge size="lg" variant="outline" color="dark" tt="none">
        {t('import.summary.total', { count: summary.total })}
      </Badge>
      <Badge size="lg" variant="light" color="green.9" tt="none">
        {t('import.summary.create', { count: summary.create })}
      </Badge>
      <Badge size="lg" variant="light" color="retning" tt="none">
        {t('import.summary.update', { count: summary.update })}
      </Badge>
      <Badge size="lg" variant="light" color="gray.8" tt="none">
        {t('import.summary.unchanged', { count: summary.unchanged })}
      </Badge>
      <Badge size="lg" variant={summary.errors ? 'filled' : 'light'} color={summary.errors ? 'red.9' : 'gray.8'} tt="none">
        {t('import.summary.errors', { count: summary.errors })}
      </Badge>
    </Group>
  );
}
