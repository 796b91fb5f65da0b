import { useState } from 'react';
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { staffSearchQuery } from '../../../shared/api/staff';

type Person = { id: string; name: string };

/** A searchable multi-select of the school's staff (GET /people?staff=true&q=; no students or company supervisors) that keeps the chosen people visible while searching. */
export function PeoplePicker({ label, value, onChange, error, initial = [] }: { label: string; value: string[]; onChange: (ids: string[]) => void; error?: string; initial?: Person[] }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [known, setKnown] = useState<Person[]>(initial);
  const [q] = useDebouncedValue(search, 250);
  const people = useQuery({ ...staffSearchQuery(q), placeholderData: keepPreviousData });
  const found = people.data?.items ?? [];
  const data = [...known.filter((p) => value.includes(p.id)), ...found.filter((p) => !value.includes(p.id))].map((p) => ({ value: p.id, label: p.name }));
  return (
    <MultiSelect
      label={label}
      placeholder={value.length ? undefined : t('strategy.picker.placeholder')}
      nothingFoundMessage={people.isFetching ? t('common.loading') : t('strategy.picker.nothing')}
      searchable
      clearable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(ids) => {
        const byId = new Map([...known, ...found].map((p) => [p.id, p]));
        setKnown(ids.flatMap((id) => byId.get(id) ?? []));
        onChange(ids);
      }}
      filter={({ options }) => options}
      error={error}
    />
  );
}
