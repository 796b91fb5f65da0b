import { useState } from 'react';
import { Button, Group, MultiSelect, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FORM_STYLE } from './formStyle';
import { PersonPicker } from './PersonPicker';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useStrategyMutation, useTerms, type Strategy } from '../api/strategy';

type Input = {
  title: string;
  periodStart: string;
  periodEnd: string;
  mode: 'strategi' | 'handleplaner';
  vision: string;
  fpdgText: string;
  values: string[];
  sigtelinjer: string[];
  reformGoals: string[];
  ownerId: string | null;
};

/** Creates the strategy, or edits the current one (editing a published strategy starts the next draft). */
export function StrategyForm({ strategy, onDone }: { strategy?: Strategy; onDone?: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState<Input>({
    title: strategy?.title ?? '',
    periodStart: strategy?.periodStart ?? '',
    periodEnd: strategy?.periodEnd ?? '',
    mode: strategy?.mode === 'handleplaner' ? 'handleplaner' : 'strategi',
    vision: strategy?.vision ?? '',
    fpdgText: strategy?.fpdgText ?? '',
    values: strategy?.values ?? [],
    sigtelinjer: strategy?.sigtelinjer ?? [],
    reformGoals: strategy?.reformGoals ?? [],
    ownerId: strategy?.owner?.id ?? null,
  });
  const terms = useTerms();
  const options = (kind: 'sigtelinje' | 'reform_goal', chosen: string[]) =>
    (terms.data?.[kind] ?? []).filter((x) => !x.archived || chosen.includes(x.key)).map((x) => ({ value: x.key, label: kind === 'sigtelinje' ? `${x.key}. ${x.label}` : x.label }));
  const [valuesText, setValuesText] = useState((strategy?.values ?? []).join(', '));
  const save = useStrategyMutation<Input>(strategy ? 'PATCH' : 'POST', () => (strategy ? `/strategies/${strategy.id}` : '/strategies'));
  const errors = fieldErrors(save.error);
  const set = <K extends keyof Input>(k: K, value: Input[K]) => setV((s) => ({ ...s, [k]: value }));
  return (
    <form
      noValidate
      style={FORM_STYLE}
      aria-label={t('strategy.form.label')}
      onSubmit={(e) => {
        e.preventDefault();
        const values = valuesText.split(',').map((s) => s.trim()).filter(Boolean);
        save.mutate({ ...v, values }, { onSuccess: () => onDone?.() });
      }}
    >
      <Stack gap="sm">
        <TextInput label={t('fields.title')} value={v.title} onChange={(e) => set('title', e.currentTarget.value)} error={errors.title} required />
        <Group grow align="flex-start">
          <TextInput type="date" label={t('fields.periodStart')} value={v.periodStart} onChange={(e) => set('periodStart', e.currentTarget.value)} error={errors.periodStart} required />
          <TextInput type="date" label={t('fields.periodEnd')} value={v.periodEnd} onChange={(e) => set('periodEnd', e.currentTarget.value)} error={errors.periodEnd} required />
          <Select
            label={t('strategy.form.mode')}
            data={[
              { value: 'strategi', label: t('strategy.mode.strategi') },
              { value: 'handleplaner', label: t('strategy.mode.handleplaner') },
            ]}
            value={v.mode}
            onChange={(x) => set('mode', x === 'handleplaner' ? 'handleplaner' : 'strategi')}
            allowDeselect={false}
          />
        </Group>
        <Textarea label={t('strategy.form.vision')} value={v.vision} onChange={(e) => set('vision', e.currentTarget.value)} autosize minRows={2} />
        <Textarea label={t('strategy.form.fpdg')} description={t('strategy.form.fpdgHint')} value={v.fpdgText} onChange={(e) => set('fpdgText', e.currentTarget.value)} autosize minRows={2} />
        <MultiSelect label={t('fields.sigtelinjer')} description={t('strategy.form.sigtelinjerHint')} data={options('sigtelinje', v.sigtelinjer)} value={v.sigtelinjer} onChange={(x) => set('sigtelinjer', x)} error={errors.sigtelinjer} />
        <MultiSelect
          label={t('fields.reformGoals')}
          description={t('strategy.form.reformGoalsHint')}
          data={options('reform_goal', v.reformGoals)}
          value={v.reformGoals}
          onChange={(x) => set('reformGoals', x)}
          error={errors.reformGoals}
        />
        <PersonPicker label={t('strategy.form.owner')} description={t('strategy.form.ownerHint')} value={v.ownerId} onChange={(id) => set('ownerId', id)} error={errors.ownerId} initial={strategy?.owner} />
        <TextInput label={t('strategy.form.values')} description={t('strategy.form.valuesHint')} value={valuesText} onChange={(e) => setValuesText(e.currentTarget.value)} />
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {strategy ? t('common.save') : t('strategy.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
