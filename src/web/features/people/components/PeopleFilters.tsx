import { useState } from 'react';
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SCHOOL_ROLES, roleKey } from '../../../shared/roles';
import { useDepartments } from '../../../shared/api/departments';

export type Filters = { q: string; departmentId: string | null; role: string | null; active: 'true' | 'false' | 'all' };

/** Search box and filters (department, role, active); search is debounced. */
export function PeopleFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const [q, setQ] = useState(value.q);
  const search = useDebouncedCallback((text: string) => onChange({ ...value, q: text }), 300);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
      <TextInput
        label={t('people.search')}
        placeholder={t('people.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          search(e.currentTarget.value);
        }}
        type="search"
      />
      <Select
        label={t('fields.department')}
        placeholder={t('people.allDepartments')}
        data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        value={value.departmentId}
        onChange={(v) => onChange({ ...value, departmentId: v })}
        clearable
      />
      <Select
        label={t('people.role')}
        placeholder={t('people.allRoles')}
        data={SCHOOL_ROLES.map((r) => ({ value: r, label: t(roleKey(r)) }))}
        value={value.role}
        onChange={(v) => onChange({ ...value, role: v })}
        clearable
      />
      <Select
        label={t('people.status')}
        data={[
          { value: 'true', label: t('people.activeOnly') },
          { value: 'false', label: t('people.inactiveOnly') },
          { value: 'all', label: t('people.allStatuses') },
        ]}
        value={value.active}
        onChange={(v) => onChange({ ...value, active: v === 'false' || v === 'all' ? v : 'true' })}
        allowDeselect={false}
      />
    </SimpleGrid>
  );
}
