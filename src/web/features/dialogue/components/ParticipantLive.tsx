import { Alert, Card, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TDialogueJoined, TLiveItem, TLiveState } from '../../../../shared/api/dialogue';
import { PageHeader } from '../../../shared/PageHeader';
import { inLang } from '../api/templates';
import { type DialogueLive, useDialogueLive } from '../live/useDialogueLive';
import { AnswerCard } from './AnswerCard';
import { CommentForm } from './CommentForm';
import { CommentList } from './CommentList';
import { ConnectionNote, failedText } from './ConnectionNote';
import { ItemDistributions } from './ItemDistributions';

/** The participant's live page once joined: the current pair to answer, its revealed distribution and approved comments. */
export function ParticipantLive({ joined, onLost }: { joined: TDialogueJoined; onLost: () => void }) {
  const { t } = useTranslation();
  const live = useDialogueLive({ kind: 'participant', code: joined.code, token: joined.token }, (code) => {
    // an unknown token (the session was erased, or storage from an older session): join again
    if (code === 4403 || code === 4401) onLost();
  });
  const s = live.state;
  return (
    <Stack maw={640} mx="auto" gap="md">
      <PageHeader
        eyebrow={t('dialogue.participant.eyebrow', { code: joined.code })}
        title={s?.title ?? t('dialogue.participant.title')}
        description={joined.nickname ? t('dialogue.participant.as', { nickname: joined.nickname }) : undefined}
      />
      {/* the server closes the socket with 4404 once the session is closed: the last state says so */}
      {live.refused === 4404 && s?.status !== 'closed' ? (
        <Alert color="gray" variant="light" role="alert">
          {t('dialogue.participant.gone')}
        </Alert>
      ) : s === null ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : (
        <ParticipantBody s={s} live={live} />
      )}
      <ConnectionNote mode={live.mode} />
    </Stack>
  );
}

function ParticipantBody({ s, live }: { s: TLiveState; live: DialogueLive }) {
  const { t, i18n } = useTranslation();
  if (s.status === 'closed') {
    return (
      <Alert color="teal" variant="light" data-testid="closed">
        <Text fw={600}>{t('dialogue.participant.closedTitle')}</Text>
        <Text>{t('dialogue.participant.closed')}</Text>
      </Alert>
    );
  }
  const item: TLiveItem | undefined = s.items.find((i) => i.id === s.currentItemId);
  if (!item || item.state === 'pending') {
    return (
      <Card withBorder padding="lg" data-testid="waiting">
        <Text fw={600}>{t('dialogue.participant.waitingTitle')}</Text>
        <Text c="dimmed">{t('dialogue.participant.waiting')}</Text>
      </Card>
    );
  }
  const mine = s.own?.answers.find((a) => a.itemId === item.id);
  const left = inLang(item.left, i18n.language);
  const right = inLang(item.right, i18n.language);
  const failed = (e: unknown) => failedText(t, e);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('dialogue.participant.position', { n: s.items.indexOf(item) + 1, of: s.items.length })}
      </Text>
      <AnswerCard
        key={item.id}
        item={item}
        own={{ now: mine?.now ?? null, wanted: mine?.wanted ?? null }}
        open={item.state === 'open'}
        save={(input) => live.answer(item.id, input)}
        failedText={failed}
      />
      {item.revealed ? (
        <Card withBorder padding="lg">
          <Title order={2} fz="lg" mb="sm">
            {t('dialogue.participant.revealed')}
          </Title>
          <ItemDistributions item={item} left={left} right={right} />
        </Card>
      ) : null}
      <CommentList comments={item.comments.filter((c) => c.status === 'approved')} />
      {item.state === 'open' ? (
        <Card withBorder padding="lg">
          <CommentForm key={item.id} send={(text) => live.comment(item.id, text)} failedText={failed} />
        </Card>
      ) : null}
    </Stack>
  );
}
