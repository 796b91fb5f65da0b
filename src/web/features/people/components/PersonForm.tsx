import { useState } from 'react';
import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import type { PersonInput } from '../api/create-person';
import { useDepartments } from '../../../shared/api/departments';

type Props = {
  initial?: Partial<PersonInput>;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  readOnly?: boolean;
  onSubmit: (input: PersonInput) => void;
};

const FIELDS = ['name', 'email', 'jobTitle', 'departmentId', 'employmentStart'];

/** Name, e-mail, job title, department and employment start; server field errors appear under each field. */
export function PersonForm({ initial = {}, submitLabel, pending, error, readOnly = false, onSubmit }: Props) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const [name, setName] = useState(initial.name ?? '');
  const [email, setEmail] = useState(initial.email ?? '');
  const [jobTitle, setJobTitle] = useState(initial.jobTitle ?? '');
  const [departmentId, setDepartmentId] = useState<string | null>(initial.departmentId ?? null);
  const [employmentStart, setEmploymentStart] = useState(initial.employmentStart ?? '');
  const errors = fieldErrors(error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ name, email, jobTitle: jobTitle.trim() || null, departmentId, employmentStart: employmentStart || null });
      }}
    >
      <Stack gap="md">
        {error ? <ProblemAlert error={error} hideFields={FIELDS} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label={t('fields.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} readOnly={readOnly} autoComplete="off" />
          <TextInput label={t('fields.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} readOnly={readOnly} autoComplete="off" />
          <TextInput label={t('fields.jobTitle')} value={jobTitle} onChange={(e) => setJobTitle(e.currentTarget.value)} error={errors.jobTitle} readOnly={readOnly} />
          <Select
            label={t('fields.department')}
            placeholder={t('people.noDepartment')}
            data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            value={departmentId}
            onChange={setDepartmentId}
            clearable
            error={errors.departmentId}
            readOnly={readOnly}
          />
          <TextInput label={t('fields.employmentStart')} type="date" value={employmentStart} onChange={(e) => setEmploymentStart(e.currentTarget.value)} error={errors.employmentStart} readOnly={readOnly} />
        </SimpleGrid>
        {readOnly ? null : (
          <Group>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
