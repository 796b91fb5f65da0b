import { Card, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../app/session';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useSetWeeklyDigest } from '../api/weekly-digest';

/** The weekly digest of Min side by e-mail: on unless the person turns it off (here or with the link in a digest). */
export function DigestCard({ preferences }: { preferences: NonNullable<Me['preferences']> }) {
  const { t } = useTranslation();
  const set = useSetWeeklyDigest();
  return (
    <Card>
      <Title order={2} fz="lg" mb="xs">
        {t('home.digest.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('home.digest.hint')}
      </Text>
      <Switch
        label={t('home.digest.toggle')}
        checked={set.isPending && set.variables !== undefined ? set.variables : preferences.weeklyDigest}
        onChange={(e) => set.mutate(e.currentTarget.checked)}
        data-testid="weekly-digest"
      />
      {set.isSuccess ? (
        <Text size="sm" mt="xs" role="status">
          {t('home.digest.saved')}
        </Text>
      ) : null}
      {set.error ? <ProblemAlert error={set.error} /> : null}
    </Card>
  );
}
