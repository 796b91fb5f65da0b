import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Group, Progress, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TSurveyAnswer, TSurveySheet, TSurveyText } from '../../../../shared/api/surveys';
import { formatDate } from '../../../shared/dates';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { type SheetSource, useSaveDraft, useSubmitSheet } from '../api/surveys';

/** How long after the last change a draft is saved by itself. */
const AUTOSAVE_MS = 800;
type Changes = { answers: Record<string, TSurveyAnswer | null>; comments: Record<string, string> };
const none = (): Changes => ({ answers: {}, comments: {} });
const isEmpty = (c: Changes) => !Object.keys(c.answers).length && !Object.keys(c.comments).length;

/**
 * The answer sheet, one area at a time, made for a phone first: each statement a group of radio
 * buttons (1–5 with their labels, "ved ikke / ikke relevant", "ønsker ikke at svare"), an optional
 * comment per area. Changes are saved as a draft by themselves and with "Gem og fortsæt senere";
 * the last area sends the sheet.
 */
export function AnswerSheet({ source, sheet }: { source: SheetSource; sheet: TSurveySheet }) {
  const { t, i18n } = useTranslation();
  const tr = (x: TSurveyText) => (i18n.language === 'en' ? x.en || x.da : x.da);
  const [answers, setAnswers] = useState<Record<string, TSurveyAnswer>>(sheet.answers);
  const [comments, setComments] = useState<Record<string, string>>(sheet.comments);
  const [step, setStep] = useState(0);
  const pending = useRef<Changes>(none());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const save = useSaveDraft(source);
  const submit = useSubmitSheet(source);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const changes = pending.current;
    if (isEmpty(changes)) return;
    pending.current = none();
    try {
      await save.mutateAsync(changes);
      setSavedAt(new Date());
    } catch {
      // Kept for the next save; the error is shown by the mutation.
      pending.current = { answers: { ...changes.answers, ...pending.current.answers }, comments: { ...changes.comments, ...pending.current.comments } };
    }
  }, [save]);

  const queue = (c: Partial<Changes>) => {
    pending.current = { answers: { ...pending.current.answers, ...c.answers }, comments: { ...pending.current.comments, ...c.comments } };
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  };
  // Leaving the page saves what is not saved yet.
  useEffect(() => () => void flush(), [flush]);

  if (sheet.submitted || submit.isSuccess) {
    return (
      <Alert color="teal.9" variant="light" icon={<IconCircleCheck aria-hidden />} title={t('surveys.answer.thanksTitle')} role="status">
        {t('surveys.answer.thanks')}
      </Alert>
    );
  }

  const total = sheet.areas.reduce((s, a) => s + a.items.length, 0);
  const answered = Object.keys(answers).length;
  const area = sheet.areas[step];
  if (!area) return null;
  const last = step === sheet.areas.length - 1;
  const go = async (to: number) => {
    await flush();
    setStep(to);
    headingRef.current?.focus();
  };
  const send = async () => {
    if (timer.current) clearTimeout(timer.current);
    const changes = pending.current;
    pending.current = none();
    await submit.mutateAsync(changes).catch(() => {
      pending.current = changes;
    });
  };
  const options = [
    ...sheet.scale.values.map((v) => ({ value: String(v.value), label: `${v.value} · ${tr(v.label)}` })),
    { value: 'dont_know', label: tr(sheet.scale.dontKnow) },
    { value: 'no_answer', label: tr(sheet.scale.noAnswer) },
  ];

  return (
    <Stack gap="md">
      <div>
        <Text size="sm" c="dimmed">
          {t('surveys.answer.progress', { done: answered, total })} · {t('surveys.answer.closes', { date: formatDate(sheet.round.closesOn, i18n.language) })}
        </Text>
        <Progress value={total ? (answered / total) * 100 : 0} aria-label={t('surveys.answer.progress', { done: answered, total })} mt={4} />
      </div>
      <Card withBorder padding="md">
        <Stack gap="lg">
          <div>
            <Text size="sm" c="dimmed">
              {t('surveys.answer.areaOf', { n: step + 1, total: sheet.areas.length })}
            </Text>
            <Title order={2} fz={22} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
              {tr(area.title)}
            </Title>
            <Text size="sm" c="dimmed">
              {tr(area.description)}
            </Text>
          </div>
          {area.items.map((item) => (
            <Radio.Group
              key={item.key}
              label={tr(item.text)}
              value={answers[item.key] === undefined ? null : String(answers[item.key])}
              onChange={(v) => {
                const a: TSurveyAnswer = v === 'dont_know' || v === 'no_answer' ? v : Number(v);
                setAnswers((x) => ({ ...x, [item.key]: a }));
                queue({ answers: { [item.key]: a } });
              }}
              styles={{ label: { fontWeight: 600, marginBottom: 6 } }}
            >
              <Group gap="xs" data-item={item.key}>
                {options.map((o) => (
                  <Radio key={o.value} value={o.value} label={o.label} styles={{ root: { flex: '1 1 140px', minHeight: 32 } }} />
                ))}
              </Group>
            </Radio.Group>
          ))}
          <Textarea
            label={t('surveys.answer.comment')}
            description={t('surveys.answer.commentHint')}
            autosize
            minRows={2}
            maxLength={4000}
            value={comments[area.key] ?? ''}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setComments((x) => ({ ...x, [area.key]: text }));
              queue({ comments: { [area.key]: text } });
            }}
          />
        </Stack>
      </Card>
      <ProblemAlert error={save.error ?? submit.error} />
      <Group justify="space-between" gap="sm">
        <Button variant="default" disabled={step === 0} onClick={() => void go(step - 1)}>
          {t('surveys.answer.previous')}
        </Button>
        <Button variant="light" onClick={() => void flush()} loading={save.isPending}>
          {t('surveys.answer.saveLater')}
        </Button>
        {last ? (
          <Button onClick={() => void send()} loading={submit.isPending} disabled={answered === 0}>
            {t('surveys.answer.send')}
          </Button>
        ) : (
          <Button onClick={() => void go(step + 1)}>{t('surveys.answer.next')}</Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {savedAt ? t('surveys.answer.saved') : ''}
      </Text>
      {last ? (
        <Text size="sm" c="dimmed">
          {t('surveys.answer.sendHint')}
        </Text>
      ) : null}
    </Stack>
  );
}
