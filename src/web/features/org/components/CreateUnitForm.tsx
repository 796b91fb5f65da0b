import { useState } from 'react';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api';
import { useDepartments } from '../../../shared/api/departments';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useCreateUnit } from '../api/create-unit';
import type { UnitKind } from '../api/list-units';

export function CreateUnitForm({ kind }: { kind: UnitKind }) {
  const { t } = useTranslation();
  const create = useCreateUnit(kind);
  const departments = useDepartments();
  const [name, setName] = useState('');
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const errors = fieldErrors(create.error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          { name, ...(kind === 'teams' ? { departmentId } : {}) },
          {
            onSuccess: () => {
              setName('');
              setDepartmentId(null);
            },
          },
        );
      }}
    >
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label={t(`org.${kind}.newLabel`)}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          style={{ flex: '1 1 240px' }}
          required
        />
        {kind === 'teams' ? (
          <Select
            label={t('fields.department')}
            placeholder={t('org.noDepartment')}
            data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            value={departmentId}
            onChange={setDepartmentId}
            clearable
            error={errors.departmentId}
            style={{ flex: '1 1 200px' }}
          />
        ) : null}
        <Button type="submit" loading={create.isPending} leftSection={<IconPlus size={16} aria-hidden />} mt={25}>
          {t('org.create')}
        </Button>
      </Group>
      {create.error && !errors.name ? <ProblemAlert error={create.error} /> : null}
    </form>
  );
}
