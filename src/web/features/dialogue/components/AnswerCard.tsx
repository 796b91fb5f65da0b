import { useEffect, useRef, useState } from 'react';
import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TDialogueAnswerInput, TDialogueItem } from '../../../../shared/api/dialogue';
import { inLang } from '../api/templates';
import { PoleSlider } from './PoleSlider';

/** A slider's value is sent this long after it stopped moving, so a drag is one answer, not fifty. */
export const SAVE_AFTER_MS = 300;

type Own = { now: number | null; wanted: number | null };
type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

type Props = {
  item: TDialogueItem;
  /** The answer the server holds for this participant. */
  own: Own;
  /** False while the item may not be answered (locked, or not the current one in a live session). */
  open: boolean;
  save: (input: TDialogueAnswerInput) => Promise<void>;
  /** The message of the last failed save, by its error code. */
  failedText: (error: unknown) => string;
  heading?: 'h2' | 'h3';
};

/**
 * One pair to answer: "Hvor er vi nu?" and "Hvor vil vi hen?" between its poles, saved by itself a
 * moment after the slider stops, with a visible "Gemt" when the server has it. A locked item shows
 * "Låst" and its sliders cannot be moved.
 */
export function AnswerCard({ item, own, open, save, failedText, heading = 'h2' }: Props) {
  const { t, i18n } = useTranslation();
  const left = inLang(item.left, i18n.language);
  const right = inLang(item.right, i18n.language);
  const [local, setLocal] = useState<Own>(own);
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<unknown>(null);
  const unsent = useRef<TDialogueAnswerInput>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  // the server's answer wins while nothing is waiting to be sent (e.g. restored after a reconnect)
  useEffect(() => {
    if (timer.current === null && state !== 'saving') setLocal(own);
  }, [own.now, own.wanted]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const flush = () => {
    timer.current = null;
    const input = unsent.current;
    unsent.current = {};
    setState('saving');
    saveRef.current(input).then(
      () => setState((s) => (s === 'saving' ? 'saved' : s)),
      (e: unknown) => {
        setError(e);
        setState('failed');
      },
    );
  };
  const change = (field: 'now' | 'wanted', value: number) => {
    setLocal((l) => ({ ...l, [field]: value }));
    unsent.current = { ...unsent.current, [field]: value };
    setState('idle');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_AFTER_MS);
  };
  const locked = item.state === 'locked';
  const Heading = heading;
  return (
    <Card withBorder padding="lg" data-testid={`answer-${item.pairKey}`}>
      <Stack gap="lg">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text component={Heading} fw={700} fz="lg" m={0}>
            {t('dialogue.pairName', { left, right })}
          </Text>
          {locked ? (
            <Badge color="gray.8" variant="filled" leftSection={<IconLock size={14} />} data-testid="locked">
              {t('dialogue.answer.locked')}
            </Badge>
          ) : null}
        </Group>
        <PoleSlider question={t('dialogue.answer.now')} left={left} right={right} value={local.now} disabled={!open || locked} onChange={(v) => change('now', v)} testId="slider-now" />
        <PoleSlider
          question={t('dialogue.answer.wanted')}
          left={left}
          right={right}
          value={local.wanted}
          disabled={!open || locked}
          onChange={(v) => change('wanted', v)}
          testId="slider-wanted"
        />
        <Text size="sm" role="status" aria-live="polite" c={state === 'failed' ? 'red.9' : 'teal.9'} mih={20} data-testid="save-state">
          {state === 'saved' ? (
            <Group component="span" gap={4}>
              <IconCheck size={16} aria-hidden />
              {t('dialogue.answer.saved')}
            </Group>
          ) : state === 'saving' ? (
            t('dialogue.answer.saving')
          ) : state === 'failed' ? (
            failedText(error)
          ) : locked ? (
            t('dialogue.answer.lockedHint')
          ) : null}
        </Text>
      </Stack>
    </Card>
  );
}
