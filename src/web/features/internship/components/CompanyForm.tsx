import { Button, Grid, MultiSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { cvrProblem, pNumberValid } from '../cvr';
import type { TCompanyInput } from '../../../../shared/api/internship';
import type { TOrgUnit } from '../../../../shared/api/org';

type Values = Required<Pick<TCompanyInput, 'name' | 'cvr' | 'address' | 'postcode' | 'city' | 'trade' | 'notes' | 'programmeIds'>> & { pNumber: string; website: string };
type Props = { initial?: Partial<Values>; programmes: TOrgUnit[]; submitLabel: string; pending: boolean; error: unknown; onSubmit: (input: TCompanyInput) => void };

const EMPTY: Values = { name: '', cvr: '', pNumber: '', address: '', postcode: '', city: '', trade: '', website: '', notes: '', programmeIds: [] };

/**
 * A company's master data. The CVR number is checked as it is typed (8 digits, modulus 11) so a
 * typo is caught before the server refuses it; the server's own answer names the field too.
 */
export function CompanyForm({ initial, programmes, submitLabel, pending, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const [v, setV] = useState<Values>({ ...EMPTY, ...initial });
  const [touched, setTouched] = useState(false);
  const server = fieldErrors(error);
  const cvr = cvrProblem(v.cvr);
  const cvrError = touched || v.cvr.replace(/\s/g, '').length >= 8 ? (cvr ? t(`internship.company.cvr_${cvr}`) : undefined) : undefined;
  const pError = pNumberValid(v.pNumber) ? undefined : t('internship.company.pNumberInvalid');
  const set = (k: keyof Values) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (cvr || pError || !v.name.trim()) return;
        onSubmit({ ...v, cvr: v.cvr.replace(/\s/g, ''), pNumber: v.pNumber.replace(/\s/g, '') || null, website: v.website.trim() || null });
      }}
    >
      <Stack gap="sm">
        <ProblemAlert error={error} hideFields={['name', 'cvr', 'pNumber', 'website']} />
        <TextInput label={t('internship.company.name')} required value={v.name} onChange={set('name')} maxLength={200} error={server.name ?? (touched && !v.name.trim() ? t('internship.company.nameRequired') : undefined)} />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('internship.company.cvr')} description={t('internship.company.cvrHint')} required inputMode="numeric" value={v.cvr} onChange={set('cvr')} error={cvrError ?? server.cvr} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('internship.company.pNumber')} description={t('internship.company.pNumberHint')} inputMode="numeric" value={v.pNumber} onChange={set('pNumber')} error={pError ?? server.pNumber} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('internship.company.address')} value={v.address} onChange={set('address')} maxLength={200} />
          </Grid.Col>
          <Grid.Col span={{ base: 4, sm: 2 }}>
            <TextInput label={t('internship.company.postcode')} value={v.postcode} onChange={set('postcode')} maxLength={10} />
          </Grid.Col>
          <Grid.Col span={{ base: 8, sm: 4 }}>
            <TextInput label={t('internship.company.city')} value={v.city} onChange={set('city')} maxLength={100} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('internship.company.trade')} value={v.trade} onChange={set('trade')} maxLength={120} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('internship.company.website')} type="url" value={v.website} onChange={set('website')} error={server.website} />
          </Grid.Col>
        </Grid>
        <MultiSelect
          label={t('internship.company.programmes')}
          description={t('internship.company.programmesHint')}
          data={programmes.map((p) => ({ value: p.id, label: p.name }))}
          value={v.programmeIds}
          onChange={(programmeIds) => setV({ ...v, programmeIds })}
          searchable
        />
        <Textarea label={t('internship.company.notes')} value={v.notes} onChange={set('notes')} autosize minRows={2} maxLength={4000} />
        <Button type="submit" loading={pending} w="fit-content">
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
