import { useState } from 'react';
import { Button, Card, Checkbox, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { RETENTION_MONTHS, type TRetention } from '../../../../shared/api/privacy';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { useRetention, useSetRetention } from '../api/retention';

function RetentionForm({ retention }: { retention: TRetention }) {
  const { t } = useTranslation();
  const save = useSetRetention();
  const [keep, setKeep] = useState(retention.competenceAnswersMonths === null);
  const [months, setMonths] = useState<number | string>(retention.competenceAnswersMonths ?? retention.defaultMonths);
  const errors = fieldErrors(save.error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(keep ? null : Number(months), { onSuccess: () => notifications.show({ color: 'green.9', message: t('personalData.retention.saved') }) });
      }}
    >
      <Stack gap="md" maw={520}>
        {save.error ? <ProblemAlert error={save.error} hideFields={['competenceAnswersMonths']} /> : null}
        <NumberInput
          label={t('personalData.retention.label')}
          description={t('personalData.retention.hint', { months: retention.defaultMonths })}
          min={RETENTION_MONTHS.min}
          max={RETENTION_MONTHS.max}
          allowDecimal={false}
          disabled={keep}
          value={months}
          onChange={setMonths}
          error={errors.competenceAnswersMonths}
        />
        <Checkbox label={t('personalData.retention.keep')} checked={keep} onChange={(e) => setKeep(e.currentTarget.checked)} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('personalData.retention.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The school's retention of personal data (docs/PRIVACY.md, "Retention"). */
export function RetentionCard() {
  const { t } = useTranslation();
  const retention = useRetention();
  return (
    <Card>
      <Title order={2} fz="lg" mb="xs">
        {t('personalData.retention.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('personalData.retention.text')}
      </Text>
      <QueryState query={retention}>{(r) => <RetentionForm key={String(r.competenceAnswersMonths)} retention={r} />}</QueryState>
    </Card>
  );
}
