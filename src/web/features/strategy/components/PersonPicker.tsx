import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { staffSearchQuery } from '../../../shared/api/staff';

/** A searchable select of one of the school's staff (GET /people?staff=true&q=; no students or company supervisors), keeping the chosen person visible while searching. */
export function PersonPicker({
  label,
  value,
  onChange,
  error,
  required,
  description,
  initial,
}: {
  label: string;
  value: string | null;
  onChange: (id: string | null, name: string | null) => void;
  error?: string;
  required?: boolean;
  description?: string;
  /** The person already chosen (shown before any search). */
  initial?: { id: string; name: string } | null;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(initial ? { value: initial.id, label: initial.name } : null);
  const [q] = useDebouncedValue(search, 250);
  const people = useQuery({ ...staffSearchQuery(chosen && chosen.label === q ? '' : q), placeholderData: keepPreviousData });
  const data = (people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  if (chosen && !data.some((d) => d.value === chosen.value)) data.unshift(chosen);
  return (
    <Select
      label={label}
      description={description}
      placeholder={t('strategy.picker.placeholder')}
      nothingFoundMessage={people.isFetching ? t('common.loading') : t('strategy.picker.nothing')}
      searchable
      clearable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => {
        setChosen(id ? { value: id, label: option.label } : null);
        onChange(id, id ? option.label : null);
      }}
      filter={({ options }) => options}
      error={error}
      required={required}
    />
  );
}
