import { useState } from 'react';
import { Button, Checkbox, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FORM_STYLE } from './formStyle';
import { useNavigate } from 'react-router';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { initiativesQuery, usePlaces, useStrategyMutation, useTerms, type Initiative } from '../api/strategy';

type Input = { title: string; why: string; level: 'central' | 'department' | undefined; departmentId: string | null | undefined; parentId: string | null; startsOn: string; endsOn: string; sigtelinjer: string[]; pedagogicalGoals: string[]; strategyId: string | null };

/** A new initiative: top management chooses central or a department; a department head adds to his own department. */
export function InitiativeForm({ strategyId }: { strategyId: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const places = usePlaces('initiative:create');
  const terms = useTerms();
  const centrals = useQuery(initiativesQuery({}));
  // level and department undefined: not chosen yet, so the first place the person may add to
  const [v, setV] = useState<Input>({
    title: '',
    why: '',
    level: undefined,
    departmentId: undefined,
    parentId: null,
    startsOn: '',
    endsOn: '',
    sigtelinjer: [],
    pedagogicalGoals: [],
    strategyId,
  });
  const create = useStrategyMutation<Input, Initiative>('POST', () => '/initiatives', (i) => ({ ...i, departmentId: i.level === 'central' ? null : i.departmentId, parentId: i.level === 'central' ? null : i.parentId }));
  const errors = fieldErrors(create.error);
  const level = v.level ?? (places.schoolWide ? 'central' : 'department');
  const departmentId = v.departmentId === undefined ? places.defaultDepartment : v.departmentId;
  const set = <K extends keyof Input>(k: K, value: Input[K]) => setV((s) => ({ ...s, [k]: value }));
  return (
    <form
      noValidate
      style={FORM_STYLE}
      aria-label={t('strategy.initiatives.new')}
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ ...v, level, departmentId }, { onSuccess: (i) => void navigate(`/strategi/indsatser/${i.id}`) });
      }}
    >
      <Stack gap="sm">
        <TextInput label={t('fields.title')} value={v.title} onChange={(e) => set('title', e.currentTarget.value)} error={errors.title} required />
        <Textarea
          label={t('fields.why')}
          description={t('strategy.initiatives.whyHint', { count: 280 - v.why.length })}
          value={v.why}
          onChange={(e) => set('why', e.currentTarget.value)}
          error={errors.why}
          required
          autosize
          minRows={2}
        />
        <Group grow align="flex-start">
          {places.schoolWide ? (
            <Select
              label={t('strategy.initiatives.level')}
              data={[
                { value: 'central', label: t('strategy.initiatives.central') },
                { value: 'department', label: t('strategy.initiatives.department') },
              ]}
              value={level}
              onChange={(x) => set('level', x === 'department' ? 'department' : 'central')}
              allowDeselect={false}
            />
          ) : null}
          {level === 'department' ? (
            <Select
              label={t('fields.department')}
              data={places.departments}
              value={departmentId}
              onChange={(x) => set('departmentId', x)}
              error={errors.departmentId}
            />
          ) : null}
          {level === 'department' ? (
            <Select
              label={t('fields.parentId')}
              placeholder={t('strategy.initiatives.noParent')}
              data={(centrals.data ?? []).filter((i) => i.level === 'central').map((i) => ({ value: i.id, label: i.title }))}
              value={v.parentId}
              onChange={(x) => set('parentId', x)}
              clearable
              error={errors.parentId}
            />
          ) : null}
        </Group>
        <Group grow align="flex-start">
          <TextInput type="date" label={t('fields.startsOn')} value={v.startsOn} onChange={(e) => set('startsOn', e.currentTarget.value)} error={errors.startsOn} required />
          <TextInput type="date" label={t('fields.endsOn')} value={v.endsOn} onChange={(e) => set('endsOn', e.currentTarget.value)} error={errors.endsOn} required />
        </Group>
        <Checkbox.Group label={t('fields.sigtelinjer')} value={v.sigtelinjer} onChange={(x) => set('sigtelinjer', x)}>
          <Stack gap={4} mt={4}>
            {(terms.data?.sigtelinje ?? []).filter((x) => !x.archived).map((x) => (
              <Checkbox key={x.key} value={x.key} label={x.label} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Checkbox.Group label={t('fields.pedagogicalGoals')} value={v.pedagogicalGoals} onChange={(x) => set('pedagogicalGoals', x)}>
          <Group gap="md" mt={4}>
            {(terms.data?.pedagogical_goal ?? []).filter((x) => !x.archived).map((x) => (
              <Checkbox key={x.key} value={x.key} label={x.label} />
            ))}
          </Group>
        </Checkbox.Group>
        {create.error ? <ProblemAlert error={create.error} /> : null}
        <Group>
          <Button type="submit" loading={create.isPending} disabled={!places.ready}>
            {t('strategy.initiatives.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
