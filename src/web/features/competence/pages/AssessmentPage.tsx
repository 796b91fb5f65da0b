import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Group, Progress, Radio, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { useDraft, useSaveAssessment, type Draft } from '../api/rounds';
import { tr } from '../api/types';

/** The self-assessment: a basic-skills check, then one area per step; saved at every step so it can be resumed. */
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

function Steps({ draft, roundId }: { draft: Draft; roundId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const fw = draft.framework;
  const save = useSaveAssessment(roundId);
  const [basic, setBasic] = useState<boolean[]>(draft.basicAnswers ?? fw.basicChecks.map(() => false));
  const [answers, setAnswers] = useState<Record<string, number>>(draft.answers);
  const firstOpen = fw.areas.findIndex((a) => a.competences.some((c) => answers[c.id] === undefined));
  const [step, setStep] = useState(draft.basicAnswers ? (firstOpen < 0 ? fw.areas.length : firstOpen + 1) : 0);
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [step]);
  const total = fw.areas.reduce((s, a) => s + a.competences.length, 0);
  const answered = Object.keys(answers).length;
  const closed = draft.round.status !== 'open';
  const area = step > 0 ? fw.areas[step - 1] : undefined;
  const last = step === fw.areas.length;
  const stepDone = step === 0 || (area?.competences.every((c) => answers[c.id] !== undefined) ?? false);

  const next = async () => {
    const payload = step === 0 ? { basicAnswers: basic } : { answers: (area?.competences ?? []).map((c) => ({ competenceId: c.id, level: answers[c.id] ?? 0 })) };
    await save.mutateAsync({ ...payload, submit: last });
    if (last) {
      notifications.show({ message: t('competence.assessment.submitted'), color: 'green' });
      void navigate('/kompetencer');
    } else setStep(step + 1);
  };

  return (
    <Stack gap="md" maw={760}>
      <div>
        <Text size="sm">
          {t('competence.assessment.stepOf', { step: step + 1, total: fw.areas.length + 1 })} · {t('competence.assessment.answered', { answered, total })}
        </Text>
        <Progress value={(answered / total) * 100} aria-label={t('competence.assessment.answered', { answered, total })} mt={4} />
      </div>
      {closed ? <Alert color="orange">{t('competence.assessment.closed')}</Alert> : null}
      {draft.submittedAt ? <Alert color="green">{t('competence.assessment.alreadySubmitted')}</Alert> : null}
      {step === 0 ? (
        <Card>
          <Stack gap="sm">
            <Alert color={draft.settings.leaderSeesIndividuals ? 'yellow' : 'blue'} title={t('competence.assessment.privacyTitle')}>
              {draft.settings.leaderSeesIndividuals ? t('competence.assessment.privacyLeader') : t('competence.assessment.privacyOwn')}
            </Alert>
            <Title order={2} fz="lg">
              {t('competence.assessment.basicTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('competence.assessment.basicLead')}
            </Text>
            {fw.basicChecks.map((b, i) => (
              <Checkbox key={b.da} label={tr(b, lang)} checked={basic[i] ?? false} onChange={(e) => setBasic(basic.map((x, j) => (j === i ? e.currentTarget.checked : x)))} size="md" />
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
              <Text size="sm" c="dimmed">
                {tr(area.description, lang)}
              </Text>
            </div>
            {area.competences.map((c) => (
              <Radio.Group
                key={c.id}
                label={tr(c.title, lang)}
                description={tr(c.description, lang)}
                value={answers[c.id] === undefined ? null : String(answers[c.id])}
                onChange={(v) => setAnswers({ ...answers, [c.id]: Number(v) })}
                size="md"
              >
                <Stack gap={8} mt="xs">
                  {fw.statements.map((s) => (
                    <Radio key={s.level} value={String(s.level)} label={`${(lang === 'en' ? s.en : s.da).replace(' …', '')}${s.level > 0 ? ` ${tr(c.title, lang).toLowerCase()}` : ''}`} />
                  ))}
                </Stack>
              </Radio.Group>
            ))}
          </Stack>
        </Card>
      ) : null}
      {save.error ? <ProblemAlert error={save.error} /> : null}
      <Group justify="space-between">
        <Button variant="default" onClick={() => setStep(Math.max(0, step - 1))} disabled={step === 0}>
          {t('competence.assessment.back')}
        </Button>
        <Button onClick={() => void next()} loading={save.isPending} disabled={closed || !stepDone}>
          {last ? t('competence.assessment.submit') : t('competence.assessment.saveNext')}
        </Button>
      </Group>
    </Stack>
  );
}
