import { useState } from 'react';
import { Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TDialogueSession } from '../../../../shared/api/dialogue';
import { formatDate, formatDateTime } from '../../../shared/dates';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { postControl } from '../api/live';
import { DIALOGUE_KEY } from '../api/sessions';
import { inLang } from '../api/templates';
import { useDialogueLive } from '../live/useDialogueLive';
import { ItemDistributions } from './ItemDistributions';

/** An open asynchronous session (who answers until when, the published results, the close), or a closed session of either mode. */
export function AsyncPanel({ s }: { s: TDialogueSession }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Stack gap={4}>
          {s.mode === 'async' && s.opensOn && s.closesOn ? (
            <Text>{t('dialogue.draft.period', { from: formatDate(s.opensOn, i18n.language), to: formatDate(s.closesOn, i18n.language) })}</Text>
          ) : null}
          <Text data-testid="participant-count">{t('dialogue.facilitator.participants', { count: s.participantCount })}</Text>
          {s.mode === 'async' ? <Text c="dimmed">{t(`dialogue.resultsMode.${s.resultsMode}`)}</Text> : null}
          {s.status === 'closed' ? (
            <Text c="dimmed">{s.closedAt ? t('dialogue.session.closedAt', { at: formatDateTime(s.closedAt, i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) }) : null}</Text>
          ) : null}
        </Stack>
      </Card>
      {s.status === 'open' ? <AsyncLive s={s} /> : <ClosedNote s={s} />}
    </Stack>
  );
}

function ClosedNote({ s }: { s: TDialogueSession }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg">
      <Text mb="sm">{t('dialogue.session.closedText')}</Text>
      {s.abilities.includes('dialogueSession:results') ? (
        <Button component={Link} to={`/dialog/${s.id}/resultater`} variant="light">
          {t('dialogue.session.results')}
        </Button>
      ) : null}
    </Card>
  );
}

function AsyncLive({ s }: { s: TDialogueSession }) {
  const { t, i18n } = useTranslation();
  const live = useDialogueLive({ kind: 'staff', sessionId: s.id, view: 'facilitator' });
  const client = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const [closing, setClosing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    setClosing(true);
    postControl(s.id, { op: 'close' }).then(
      () => void client.invalidateQueries({ queryKey: DIALOGUE_KEY }),
      (e: unknown) => {
        setError(e);
        setClosing(false);
      },
    );
  };
  const state = live.state;
  return (
    <>
      <Card withBorder padding="lg">
        <Title order={2} fz={20} mb="xs">
          {t('dialogue.async.results')}
        </Title>
        <Text c="dimmed" mb="md">
          {state?.publishedAt
            ? t('dialogue.async.publishedAt', { at: formatDateTime(state.publishedAt, i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) })
            : t('dialogue.async.stepsHint')}
        </Text>
        <Stack gap="xl">
          {(state?.items ?? []).map((item) => {
            const left = inLang(item.left, i18n.language);
            const right = inLang(item.right, i18n.language);
            return (
              <Stack key={item.id} gap="xs">
                <Title order={3} fz="md">
                  {t('dialogue.pairName', { left, right })}
                </Title>
                <ItemDistributions item={item} left={left} right={right} />
              </Stack>
            );
          })}
        </Stack>
      </Card>
      <Group>
        <Button color="red.9" variant="outline" onClick={() => setConfirm(true)}>
          {t('dialogue.facilitator.close')}
        </Button>
      </Group>
      <ProblemAlert error={error} />
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('dialogue.facilitator.closeTitle')} centered>
        <Text mb="md">{t('dialogue.async.closeText')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirm(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={closing} onClick={close}>
            {t('dialogue.facilitator.close')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
