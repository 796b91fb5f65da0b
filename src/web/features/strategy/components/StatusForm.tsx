import { useState } from 'react';
import { Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useStrategyMutation, type Initiative } from '../api/strategy';
import { FORM_STYLE } from './formStyle';

type Action = 'override' | 'auto' | 'achieved' | 'stopped' | 'active';
type Input = { action: Action; override: 'on_track' | 'behind' | 'at_risk'; reason: string };

/** The body of POST /initiatives/:id/status for each choice; the server requires the reason and names the field when it is missing. */
const body = ({ action, override, reason }: Input) => {
  switch (action) {
    case 'override':
      return { override, reason };
    case 'auto':
      return { override: null };
    case 'active':
      return { state: 'active' };
    default:
      return { state: action, reason };
  }
};

/** The owner (or a leader who may edit the initiative) overrides its status with a reason, or marks it achieved / stopped. */
export function StatusForm({ initiative, onDone }: { initiative: Initiative; onDone: () => void }) {
  const { t } = useTranslation();
  const finished = initiative.status === 'achieved' || initiative.status === 'stopped';
  const actions: Action[] = finished ? ['active'] : ['override', 'auto', 'achieved', 'stopped'];
  const [v, setV] = useState<Input>({ action: actions[0] ?? 'override', override: 'behind', reason: '' });
  const save = useStrategyMutation<Input>('POST', () => `/initiatives/${initiative.id}/status`, body);
  const errors = fieldErrors(save.error);
  const needsReason = v.action === 'override' || v.action === 'achieved' || v.action === 'stopped';
  return (
    <form
      noValidate
      style={FORM_STYLE}
      aria-label={t('strategy.statusForm.title')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(v, { onSuccess: onDone });
      }}
    >
      <Stack gap="sm">
        <Select
          label={t('strategy.statusForm.action')}
          data={actions.map((a) => ({ value: a, label: t(`strategy.statusForm.actions.${a}`) }))}
          value={v.action}
          onChange={(x) => setV({ ...v, action: (x as Action | null) ?? v.action })}
          allowDeselect={false}
          error={errors.state}
        />
        {v.action === 'override' ? (
          <Select
            label={t('strategy.statusForm.override')}
            data={(['on_track', 'behind', 'at_risk'] as const).map((s) => ({ value: s, label: t(`strategy.status.${s}`) }))}
            value={v.override}
            onChange={(x) => setV({ ...v, override: (x as Input['override'] | null) ?? v.override })}
            allowDeselect={false}
            error={errors.override}
          />
        ) : null}
        {needsReason ? (
          <Textarea
            label={t('fields.reason')}
            description={t('strategy.statusForm.reasonHint')}
            value={v.reason}
            onChange={(e) => setV({ ...v, reason: e.currentTarget.value })}
            error={errors.reason}
            autosize
            minRows={2}
          />
        ) : null}
        {save.error && !errors.reason && !errors.state && !errors.override ? <ProblemAlert error={save.error} /> : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('strategy.statusForm.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
