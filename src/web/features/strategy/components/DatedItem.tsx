import { useState } from 'react';
import { Badge, Button, Group, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useStrategyMutation } from '../api/strategy';
import { FORM_STYLE } from './formStyle';
import { dk } from '../../../shared/dates';


type Item = { id: string; title: string; dueOn: string; done: boolean; overdue?: boolean };

/**
 * A milestone or follow-up meeting on the initiative page: mark it done (reached / held) or undo that,
 * and move it to another date (PATCH /milestones/:id or /followups/:id; the årshjul item follows).
 */
export function DatedItem({ kind, item, canEdit }: { kind: 'milestones' | 'followups'; item: Item; canEdit: boolean }) {
  const { t } = useTranslation();
  const [moving, setMoving] = useState(false);
  const [dueOn, setDueOn] = useState(item.dueOn);
  const flag = kind === 'milestones' ? 'done' : 'held';
  const patch = useStrategyMutation<Record<string, unknown>>('PATCH', () => `/${kind}/${item.id}`);
  const errors = fieldErrors(patch.error);
  return (
    <div data-testid={`${kind}-item`}>
      <Group gap="xs" wrap="wrap" justify="space-between">
        <Text size="sm" c={item.overdue ? 'red.9' : undefined} style={{ flex: '1 1 12rem' }}>
          {dk(item.dueOn)} · {item.title} {item.overdue ? `(${t('strategy.followups.overdue')})` : null}
        </Text>
        {item.done ? (
          <Badge color="teal.9" variant="light">
            {t(`strategy.${kind}.doneBadge`)}
          </Badge>
        ) : null}
        {canEdit ? (
          <Group gap={4}>
            <Button
              size="compact-sm"
              variant="light"
              aria-label={t(item.done ? `strategy.${kind}.undoFor` : `strategy.${kind}.markFor`, { title: item.title })}
              loading={patch.isPending && !moving}
              onClick={() => patch.mutate({ [flag]: !item.done })}
            >
              {t(item.done ? `strategy.${kind}.undo` : `strategy.${kind}.mark`)}
            </Button>
            {!moving ? (
              <Button size="compact-sm" variant="default" aria-label={t('strategy.dated.moveFor', { title: item.title })} onClick={() => setMoving(true)}>
                {t('strategy.dated.move')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Group>
      {moving ? (
        <form
          noValidate
          style={FORM_STYLE}
          aria-label={t('strategy.dated.moveFor', { title: item.title })}
          onSubmit={(e) => {
            e.preventDefault();
            patch.mutate({ dueOn }, { onSuccess: () => setMoving(false) });
          }}
        >
          <Group align="flex-end" gap="xs" mt={4}>
            <TextInput type="date" size="sm" label={t('strategy.dated.newDate')} value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} error={errors.dueOn} />
            <Button type="submit" size="sm" loading={patch.isPending}>
              {t('strategy.dated.save')}
            </Button>
            <Button size="sm" variant="default" onClick={() => setMoving(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </form>
      ) : null}
      {patch.error && !errors.dueOn ? <ProblemAlert error={patch.error} /> : null}
    </div>
  );
}
