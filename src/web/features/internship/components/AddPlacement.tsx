import { Button, Grid, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useCompanies, useCompany } from '../api/companies';
import { useCreatePlacement } from '../api/students';
import type { TPlacementKind } from '../../../../shared/api/internship';

/** A new school or practice period for the student; the server refuses one that overlaps another and says which field. */
export function AddPlacement({ studentId, onDone }: { studentId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<TPlacementKind>('practice');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [companyId, setCompanyId] = useState<string | null>(null);
  const [supervisorId, setSupervisorId] = useState<string | null>(null);
  const companies = useCompanies();
  const company = useCompany(companyId ?? '');
  const create = useCreatePlacement();
  const errors = fieldErrors(create.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          { studentId, kind, startsOn, endsOn, companyId: kind === 'practice' ? companyId : null, supervisorId: kind === 'practice' ? supervisorId : null },
          { onSuccess: onDone },
        );
      }}
    >
      <Stack gap="sm">
        <ProblemAlert error={create.error} hideFields={['startsOn', 'endsOn', 'companyId']} />
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as TPlacementKind)}
          data={[{ value: 'school', label: t('internship.kind.school') }, { value: 'practice', label: t('internship.kind.practice') }]}
          aria-label={t('internship.placement.kind')}
        />
        <Grid>
          <Grid.Col span={{ base: 6 }}>
            <TextInput type="date" label={t('internship.placement.startsOn')} value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} required error={errors.startsOn} />
          </Grid.Col>
          <Grid.Col span={{ base: 6 }}>
            <TextInput type="date" label={t('internship.placement.endsOn')} value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} required error={errors.endsOn} />
          </Grid.Col>
          {kind === 'practice' ? (
            <>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  label={t('internship.placement.company')}
                  data={(companies.data?.items ?? []).filter((c) => !c.archived).map((c) => ({ value: c.id, label: c.name }))}
                  value={companyId}
                  onChange={(v) => {
                    setCompanyId(v);
                    setSupervisorId(null);
                  }}
                  searchable
                  required
                  error={errors.companyId}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  label={t('internship.placement.supervisor')}
                  data={(company.data?.supervisors ?? []).map((s) => ({ value: s.id, label: s.name }))}
                  value={supervisorId}
                  onChange={setSupervisorId}
                  disabled={!companyId}
                  clearable
                  error={errors.supervisorId}
                />
              </Grid.Col>
            </>
          ) : null}
        </Grid>
        <Button type="submit" loading={create.isPending} w="fit-content">
          {t('internship.placement.add')}
        </Button>
      </Stack>
    </form>
  );
}
