import { useState } from 'react';
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import type { TSchool } from '../../../../shared/api/school';
import { useUpdateSchool } from '../api/update-school';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export function SchoolForm({ school }: { school: TSchool }) {
  const { t } = useTranslation();
  const update = useUpdateSchool();
  const [name, setName] = useState(school.name);
  const [number, setNumber] = useState(school.institutionNumber ?? '');
  const [locale, setLocale] = useState<'da' | 'en'>(school.settings.defaultLocale);
  const [month, setMonth] = useState(String(school.settings.schoolYearStartMonth));
  const errors = fieldErrors(update.error);
  const shown = ['name', 'institutionNumber', 'settings.defaultLocale', 'settings.schoolYearStartMonth'];

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate(
          { name, institutionNumber: number.trim() === '' ? null : number.trim(), settings: { defaultLocale: locale, schoolYearStartMonth: Number(month) } },
          { onSuccess: () => notifications.show({ color: 'green.9', message: t('school.saved') }) },
        );
      }}
    >
      <Stack gap="md" maw={520}>
        {update.error ? <ProblemAlert error={update.error} hideFields={shown} /> : null}
        <TextInput label={t('school.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <TextInput
          label={t('fields.institutionNumber')}
          description={t('school.institutionNumberHint')}
          inputMode="numeric"
          maxLength={6}
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={errors.institutionNumber}
        />
        <Select
          label={t('fields.defaultLocale')}
          data={[
            { value: 'da', label: t('language.da') },
            { value: 'en', label: t('language.en') },
          ]}
          value={locale}
          onChange={(v) => setLocale(v === 'en' ? 'en' : 'da')}
          allowDeselect={false}
          error={errors['settings.defaultLocale']}
        />
        <Select
          label={t('fields.schoolYearStartMonth')}
          data={MONTHS.map((m) => ({ value: String(m), label: t(`months.${m}`) }))}
          value={month}
          onChange={(v) => setMonth(v ?? '8')}
          allowDeselect={false}
          error={errors['settings.schoolYearStartMonth']}
        />
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
