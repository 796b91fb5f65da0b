import { Card, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TSchool } from '../../../../shared/api/school';

const MB = 1024 * 1024;

/** The storage the school's uploaded files take against the quota the host set. */
export function StorageCard({ storage }: { storage: TSchool['storage'] }) {
  const { t, i18n } = useTranslation();
  const size = (bytes: number) => {
    const gb = bytes >= 1024 * MB;
    const n = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(bytes / (gb ? 1024 * MB : MB));
    return `${n} ${gb ? 'GB' : 'MB'}`;
  };
  const percent = storage.quotaBytes > 0 ? Math.min(100, (storage.usedBytes / storage.quotaBytes) * 100) : 100;
  const left = Math.max(0, storage.quotaBytes - storage.usedBytes);
  return (
    <Card>
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('school.storageTitle')}
        </Title>
        <Progress value={percent} color={percent >= 90 ? 'red.9' : 'blue.9'} aria-label={t('school.storageTitle')} />
        <Text size="sm" data-testid="storage-used">
          {t('school.storageUsed', { used: size(storage.usedBytes), quota: size(storage.quotaBytes), left: size(left) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('school.storageText')}
        </Text>
      </Stack>
    </Card>
  );
}
