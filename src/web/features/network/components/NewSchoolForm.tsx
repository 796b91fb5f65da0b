import { useState } from 'react';
import { Button, Fieldset, Grid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TNetworkSchoolInput } from '../../../../shared/api/network';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';

/** The institutionsnummer STIL gives an institution: six digits (the server holds the same rule). */
const INSTITUTION_NUMBER = /^\d{6}$/;
const EMPTY: TNetworkSchoolInput = { name: '', institutionNumber: '', adminName: '', adminEmail: '' };
const FIELDS = ['name', 'institutionNumber', 'adminName', 'adminEmail'] as const;

type Props = { pending: boolean; error: unknown; onSubmit: (input: TNetworkSchoolInput) => void };

/**
 * A new school and its first administrator. The institutionsnummer is checked as it is typed, so
 * a missing digit shows before the server refuses it; the server's answers (a number already taken)
 * name their field and are shown under it.
 */
export function NewSchoolForm({ pending, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const [v, setV] = useState<TNetworkSchoolInput>(EMPTY);
  const [touched, setTouched] = useState(false);
  const server = fieldErrors(error);
  const number = v.institutionNumber.replace(/\s/g, '');
  const numberTyped = touched || number.length >= 6;
  const local: Partial<Record<(typeof FIELDS)[number], string>> = {
    name: touched && !v.name.trim() ? t('network.newSchool.required') : undefined,
    institutionNumber: numberTyped && !INSTITUTION_NUMBER.test(number) ? t('network.newSchool.institutionNumberInvalid') : undefined,
    adminName: touched && !v.adminName.trim() ? t('network.newSchool.required') : undefined,
    adminEmail: touched && !v.adminEmail.trim() ? t('network.newSchool.required') : undefined,
  };
  const set = (k: keyof TNetworkSchoolInput) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });
  const errorOf = (k: (typeof FIELDS)[number]) => local[k] ?? server[k];
  // a refusal that names only this form's fields is said under them; anything else above the form
  const placed = Object.keys(server).length > 0 && Object.keys(server).every((k) => (FIELDS as readonly string[]).includes(k));
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (!v.name.trim() || !INSTITUTION_NUMBER.test(number) || !v.adminName.trim() || !v.adminEmail.trim()) return;
        onSubmit({ name: v.name.trim(), institutionNumber: number, adminName: v.adminName.trim(), adminEmail: v.adminEmail.trim() });
      }}
    >
      <Stack gap="md">
        {placed ? null : <ProblemAlert error={error} hideFields={[...FIELDS]} />}
        <Fieldset legend={t('network.newSchool.schoolLegend')}>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 7 }}>
              <TextInput label={t('network.newSchool.name')} required value={v.name} onChange={set('name')} maxLength={200} error={errorOf('name')} autoComplete="organization" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <TextInput
                label={t('fields.institutionNumber')}
                description={t('network.newSchool.institutionNumberHint')}
                required
                inputMode="numeric"
                maxLength={8}
                value={v.institutionNumber}
                onChange={set('institutionNumber')}
                error={errorOf('institutionNumber')}
              />
            </Grid.Col>
          </Grid>
        </Fieldset>
        <Fieldset legend={t('network.newSchool.adminLegend')}>
          <Stack gap="sm">
            <TextInput label={t('network.newSchool.adminName')} required value={v.adminName} onChange={set('adminName')} maxLength={200} error={errorOf('adminName')} autoComplete="off" />
            <TextInput
              label={t('network.newSchool.adminEmail')}
              description={t('network.newSchool.adminEmailHint')}
              required
              type="email"
              value={v.adminEmail}
              onChange={set('adminEmail')}
              maxLength={254}
              error={errorOf('adminEmail')}
              autoComplete="off"
            />
          </Stack>
        </Fieldset>
        <Button type="submit" loading={pending} w="fit-content">
          {t('network.newSchool.submit')}
        </Button>
      </Stack>
    </form>
  );
}
