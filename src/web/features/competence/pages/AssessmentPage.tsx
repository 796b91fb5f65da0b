import { useEffect, useId, useRef, useState } from 'react';
import { Alert, Button, Card, Checkbox, Group, Progress, Radio, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { formatDate } from '../../../shared/dates';
import { useDraft, useKeepDraft, useSaveAssessment, type Draft } from '../api/rounds';
import { tr, type L } from '../api/types';
import { Indicators } from '../components/Indicators';

/**
 * The self-assessment: a basic-skills check, then one area per step. What was answered is saved
 * whenever the person leaves a step (forwards, back, or away from the page), so nothing is lost;
 * after sending, the answers can be corrected and sent again until the round closes.
 */
export function AssessmentPage() {
  const { roundId = '' } = useParams();
  const draft = useDraft(roundId);
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('competence.assessment.title')} description={t('competence.assessment.lead')} />
      <QueryState query={draft}>{(d) => <Steps draft={d} roundId={roundId} />}</QueryState>
    </>
  );
}

type Answers = Record<string, number>;

function Steps({ draft, roundId }: { draft: Draft; roundId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const reasonId = useId();
  const fw = draft.framework;
  const save = useSaveAssessment(roundId);
  const keep = useKeepDraft(roundId);
  const [basic, setBasic] = useState<boolean[]>(draft.basicAnswers ?? fw.basicChecks.map(() => false));
  const [answers, setAnswers] = useState<Answers>(draft.answers);
  const [sent, setSent] = useState(draft.submittedAt !== null);
  const firstOpen = fw.areas.findIndex((a) => a.competences.some((c) => answers[c.id] === undefined));
  // A sent assessment opens at the beginning for corrections; a draft where it was left.
  const [step, setStep] = useState(draft.submittedAt || !draft.basicAnswers ? 0 : firstOpen < 0 ? fw.areas.length : firstOpen + 1);
  const [showMissing, setShowMissing] = useState(false);
  // What the server holds, so that leaving a step saves only what changed.
  const stored = useRef({ basic: draft.basicAnswers, answers: draft.answers });
  // The basic-skills check counts as answered once the person has gone on from it (ticking nothing is an answer too).
  const current = useRef({ basic, answers, basicAnswered: draft.basicAnswers !== null || step > 0 });
  current.current = { basic, answers, basicAnswered: draft.basicAnswers !== null || step > 0 };
  const closed = draft.round.status !== 'open';

  useEffect(() => {
    window.scrollTo(0, 0);
    setShowMissing(false);
  }, [step]);

  // Leaving the page (a link, the menu) keeps what was answered on the current step.
  useEffect(() => () => void (closed ? undefined : keep(changesOf(stored.current, current.current))), [closed, keep]);

  const total = fw.areas.reduce((s, a) => s + a.competences.length, 0);
  const answered = Object.keys(answers).length;
  const area = step > 0 ? fw.areas[step - 1] : undefined;
  const last = step === fw.areas.length;
  const missing = area ? area.competences.filter((c) => answers[c.id] === undefined) : [];
  const blocked = closed || missing.length > 0;
  const reason = closed ? t('competence.assessment.blockedClosed') : t('competence.assessment.blockedMissing', { count: missing.length });

  /** Saves what changed since the server last heard (and sends, when asked); returns false when nothing could be saved. */
  const persist = async (submit: boolean, basicAnswered = current.current.basicAnswered) => {
    const changes = changesOf(stored.current, { basic, answers, basicAnswered });
    if (!changes && !submit) return true;
    try {
      await save.mutateAsync({ ...changes, ...(submit ? { submit: true } : {}) });
    } catch {
      return false;
    }
    stored.current = { basic, answers };
    return true;
  };

  const goTo = async (target: number) => {
    if (!closed && !(await persist(false, current.current.basicAnswered || target > step))) return;
    setStep(target);
  };

  const next = async () => {
    if (blocked) {
      setShowMissing(true);
      const first = missing[0];
      if (first) document.querySelector<HTMLInputElement>(`[data-competence="${first.id}"] input`)?.focus();
      return;
    }
    if (!last) return goTo(step + 1);
    if (!(await persist(true))) return;
    setSent(true);
    notifications.show({
      message: t(draft.submittedAt ? 'competence.assessment.resubmitted' : 'competence.assessment.submitted'),
      color: 'green',
      closeButtonProps: { 'aria-label': t('competence.assessment.closeMessage') },
    });
    void navigate('/kompetencer');
  };

  const optionsFor = (statements: { level: number; text: L }[]) =>
    fw.levels.map((l) => {
      if (l.level === 0) return { level: 0, label: tr(fw.notYet, lang) };
      const own = statements.find((s) => s.level === l.level);
      // A framework without written statements (e.g. an imported one) shows its level texts.
      return { level: l.level, label: own ? tr(own.text, lang) : `${tr(l.title, lang)}: ${tr(l.description, lang)}` };
    });

  return (
    <Stack gap="md" maw={760}>
      <div>
        <Text size="sm">
          {t('competence.assessment.stepOf', { step: step + 1, total: fw.areas.length + 1 })} · {t('competence.assessment.answered', { answered, total })}
        </Text>
        <Progress value={(answered / total) * 100} aria-label={t('competence.assessment.answered', { answered, total })} mt={4} />
      </div>
      {closed ? <Alert color="orange">{t('competence.assessment.closed')}</Alert> : null}
      {sent && !closed ? (
        <Alert color="green" title={t('competence.assessment.sentTitle')}>
          {t('competence.assessment.alreadySubmitted', { date: formatDate(draft.round.closesOn, lang) })}
        </Alert>
      ) : null}
      {step === 0 ? (
        <Card>
          <Stack gap="sm">
            <Alert color={draft.settings.leaderSeesIndividuals ? 'yellow' : 'blue'} title={t('competence.assessment.privacyTitle')}>
              {draft.settings.leaderSeesIndividuals ? t('competence.assessment.privacyLeader') : t('competence.assessment.privacyOwn')}
            </Alert>
            <Title order={2} fz="lg">
              {t('competence.assessment.basicTitle')}
            </Title>
            <Text size="sm">{t('competence.assessment.basicLead')}</Text>
            {fw.basicChecks.map((b, i) => (
              <Checkbox
                key={b.da}
                label={tr(b, lang)}
                checked={basic[i] ?? false}
                disabled={closed}
                onChange={(e) => setBasic(basic.map((x, j) => (j === i ? e.currentTarget.checked : x)))}
                size="md"
              />
            ))}
          </Stack>
        </Card>
      ) : area ? (
        <Card>
          <Stack gap="lg">
            <div>
              <Title order={2} fz="lg">
                {area.code}. {tr(area.title, lang)}
              </Title>
              <Text size="sm">{tr(area.description, lang)}</Text>
            </div>
            {area.competences.map((c) => (
              <div key={c.id} data-competence={c.id}>
                <Radio.Group
                  label={tr(c.title, lang)}
                  description={tr(c.description, lang)}
                  value={answers[c.id] === undefined ? null : String(answers[c.id])}
                  onChange={(v) => setAnswers({ ...answers, [c.id]: Number(v) })}
                  error={showMissing && answers[c.id] === undefined ? t('competence.assessment.pickOne') : undefined}
                  size="md"
                >
                  <Indicators items={c.items} />
                  <Stack gap={8} mt="xs">
                    {optionsFor(c.statements).map((o) => (
                      <Radio key={o.level} value={String(o.level)} label={o.label} disabled={closed} />
                    ))}
                  </Stack>
                </Radio.Group>
              </div>
            ))}
          </Stack>
        </Card>
      ) : null}
      {save.error ? <ProblemAlert error={save.error} /> : null}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Button variant="default" onClick={() => void goTo(Math.max(0, step - 1))} disabled={step === 0} loading={save.isPending && step > 0}>
          {t('competence.assessment.back')}
        </Button>
        <Stack gap={4} align="flex-end">
          {/* Not `disabled`: a disabled button cannot be focused, so its reason could not be heard. */}
          <Button onClick={() => void next()} loading={save.isPending} data-disabled={blocked || undefined} aria-disabled={blocked || undefined} aria-describedby={blocked ? reasonId : undefined}>
            {last ? t(sent ? 'competence.assessment.resubmit' : 'competence.assessment.submit') : t('competence.assessment.saveNext')}
          </Button>
          {blocked ? (
            <Text id={reasonId} size="sm" ta="right" data-testid="blocked-reason">
              {reason}
            </Text>
          ) : null}
        </Stack>
      </Group>
    </Stack>
  );
}

/** The answers (and basic-skills check) that differ from what the server holds, as the save route takes them; null when nothing changed. */
function changesOf(stored: { basic: boolean[] | null; answers: Answers }, now: { basic: boolean[]; answers: Answers; basicAnswered: boolean }) {
  const answers = Object.entries(now.answers)
    .filter(([id, level]) => stored.answers[id] !== level)
    .map(([competenceId, level]) => ({ competenceId, level }));
  const basicChanged = now.basicAnswered && (stored.basic === null || now.basic.some((b, i) => stored.basic?.[i] !== b));
  if (!answers.length && !basicChanged) return null;
  return { ...(answers.length ? { answers } : {}), ...(basicChanged ? { basicAnswers: now.basic } : {}) };
}
