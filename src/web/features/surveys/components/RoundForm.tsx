import { useState } from 'react';
import { Button, Checkbox, Group, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SURVEY_GROUP_KEYS, type TSurveyGroup, type TSurveyRound, type TSurveyRoundInput } from '../../../../shared/api/surveys';
import { fieldErrors } from '../../../app/api';
import { useDepartments } from '../../../shared/api/departments';
import { ProblemAlert } from '../../../shared/ProblemAlert';

type Props = {
  initial?: TSurveyRound;
  /** Once a round is open only its name and closing day can change. */
  started?: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: TSurveyRoundInput) => void;
};

/** A round's name, dates, groups and departments (none chosen: the whole school). */
export function RoundForm({ initial, started = false, submitLabel, pending, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const [name, setName] = useState(initial?.name ?? '');
  const [opensOn, setOpensOn] = useState(initial?.opensOn ?? '');
  const [closesOn, setClosesOn] = useState(initial?.closesOn ?? '');
  const [groups, setGroups] = useState<TSurveyGroup[]>(initial?.groups ?? [...SURVEY_GROUP_KEYS]);
  const [departmentIds, setDepartmentIds] = useState<string[]>(initial?.departmentIds ?? []);
  const errors = fieldErrors(error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ name, opensOn, closesOn, groups, departmentIds: departmentIds.length ? departmentIds : null });
      }}
    >
      <Stack gap="sm">
        <TextInput label={t('surveys.rounds.name')} placeholder={t('surveys.rounds.namePlaceholder')} value={name} onChange={(e) => setName(e.currentTarget.value)} required error={errors.name} />
        <Group grow wrap="wrap">
          <TextInput type="date" label={t('surveys.rounds.opensOn')} value={opensOn} onChange={(e) => setOpensOn(e.currentTarget.value)} required disabled={started} error={errors.opensOn} />
          <TextInput type="date" label={t('surveys.rounds.closesOn')} value={closesOn} onChange={(e) => setClosesOn(e.currentTarget.value)} required error={errors.closesOn} />
        </Group>
        <Checkbox.Group label={t('surveys.rounds.groups')} value={groups} onChange={(v) => setGroups(v as TSurveyGroup[])} error={errors.groups}>
          <Group gap="md" mt={4}>
            {SURVEY_GROUP_KEYS.map((g) => (
              <Checkbox key={g} value={g} label={t(`surveys.groups.${g}`)} disabled={started} />
            ))}
          </Group>
        </Checkbox.Group>
        <MultiSelect
          label={t('surveys.rounds.departments')}
          description={t('surveys.rounds.departmentsHint')}
          data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={departmentIds}
          onChange={setDepartmentIds}
          disabled={started}
          clearable
          searchable
          error={errors.departmentIds}
        />
        <ProblemAlert error={error} hideFields={['name', 'opensOn', 'closesOn', 'groups', 'departmentIds']} />
        <Button type="submit" loading={pending} w="fit-content">
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
