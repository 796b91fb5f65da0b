import { useState } from 'react';
import { Button, Checkbox, Group, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useStrategyMutation, useTerms, type Initiative, type Term } from '../api/strategy';
import { FORM_STYLE } from './formStyle';
import { PeoplePicker } from './PeoplePicker';
import { PersonPicker } from './PersonPicker';

type Input = {
  title: string;
  why: string;
  pedagogicalGoals: string[];
  sigtelinjer: string[];
  reformGoals: string[];
  startsOn: string;
  endsOn: string;
  ownerId: string | null;
  collaboratorIds: string[];
};

const from = (i: Initiative): Input => ({
  title: i.title,
  why: i.why,
  pedagogicalGoals: i.pedagogicalGoals,
  sigtelinjer: i.sigtelinjer,
  reformGoals: i.reformGoals,
  startsOn: i.startsOn,
  endsOn: i.endsOn,
  ownerId: i.owner?.id ?? null,
  collaboratorIds: i.collaborators.map((c) => c.id),
});

/** Only what changed is sent, so an archived term kept on the initiative is not chosen anew. */
const changes = (before: Input, after: Input) =>
  Object.fromEntries((Object.keys(after) as (keyof Input)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => [k, after[k]]));

/** The first error on a list field or any of its entries (`sigtelinjer.0`). */
const listError = (errors: Record<string, string>, field: string) => errors[field] ?? Object.entries(errors).find(([k]) => k.startsWith(`${field}.`))?.[1];

/** Terms that may be chosen, plus archived ones the initiative already has. */
const choosable = (terms: Term[] | undefined, chosen: string[]) => (terms ?? []).filter((x) => !x.archived || chosen.includes(x.key));

/** Edit an initiative after creation (PATCH /initiatives/:id); field errors from the server are shown on their field. */
export function InitiativeEditForm({ initiative, onDone }: { initiative: Initiative; onDone: () => void }) {
  const { t } = useTranslation();
  const terms = useTerms();
  const [before] = useState(() => from(initiative));
  const [v, setV] = useState<Input>(before);
  const save = useStrategyMutation<Input, Initiative>('PATCH', () => `/initiatives/${initiative.id}`, (x) => changes(before, x));
  const errors = fieldErrors(save.error);
  const set = <K extends keyof Input>(k: K, value: Input[K]) => setV((s) => ({ ...s, [k]: value }));
  const shown = new Set(['title', 'why', 'startsOn', 'endsOn', 'ownerId', 'collaboratorIds']);
  const unshown = save.error && !Object.keys(errors).some((k) => shown.has(k) || /^(sigtelinjer|reformGoals|pedagogicalGoals|collaboratorIds)(\.|$)/.test(k));
  const group = (field: 'sigtelinjer' | 'reformGoals' | 'pedagogicalGoals', kind: 'sigtelinje' | 'reform_goal' | 'pedagogical_goal') => (
    <Checkbox.Group label={t(`fields.${field}`)} value={v[field]} onChange={(x) => set(field, x)} error={listError(errors, field)}>
      <Stack gap={4} mt={4}>
        {choosable(terms.data?.[kind], v[field]).map((x) => (
          <Checkbox key={x.key} value={x.key} label={x.label} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
  return (
    <form
      noValidate
      style={FORM_STYLE}
      aria-label={t('strategy.initiatives.editForm')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!Object.keys(changes(before, v)).length) return onDone();
        save.mutate(v, { onSuccess: onDone });
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
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('fields.startsOn')} value={v.startsOn} onChange={(e) => set('startsOn', e.currentTarget.value)} error={errors.startsOn} required />
          <TextInput type="date" label={t('fields.endsOn')} value={v.endsOn} onChange={(e) => set('endsOn', e.currentTarget.value)} error={errors.endsOn} required />
          <PersonPicker label={t('fields.ownerId')} value={v.ownerId} onChange={(id) => set('ownerId', id)} error={errors.ownerId} initial={initiative.owner} />
          <PeoplePicker label={t('fields.collaboratorIds')} value={v.collaboratorIds} onChange={(ids) => set('collaboratorIds', ids)} error={listError(errors, 'collaboratorIds')} initial={initiative.collaborators} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {group('pedagogicalGoals', 'pedagogical_goal')}
          {group('sigtelinjer', 'sigtelinje')}
          {group('reformGoals', 'reform_goal')}
        </SimpleGrid>
        {unshown ? <ProblemAlert error={save.error} /> : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('strategy.initiatives.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
