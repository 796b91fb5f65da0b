import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Center, Grid, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconEye, IconEyeOff, IconLock, IconLockOpen, IconScreenShare } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TDialogueControlOp, TLiveItem, TLiveState } from '../../../../shared/api/dialogue';
import { DIALOGUE_KEY } from '../api/sessions';
import { inLang } from '../api/templates';
import { type DialogueLive, useDialogueLive } from '../live/useDialogueLive';
import { ConnectionNote, failedText } from './ConnectionNote';
import { ItemDistributions } from './ItemDistributions';
import { ItemList } from './ItemList';
import { JoinPanel } from './JoinPanel';
import { Moderation } from './Moderation';

/** Runs the facilitator's controls one at a time and keeps the last refusal to show. */
function useControls(live: DialogueLive) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = (op: TDialogueControlOp, itemId?: string) => {
    setBusy(op);
    setError(null);
    live.control(op, itemId).then(
      () => setBusy(null),
      (e: unknown) => {
        setError(e);
        setBusy(null);
      },
    );
  };
  return { busy, error, run };
}

/**
 * The facilitator's view of an open live session: the join panel, the current pair with its two
 * distributions as they come in (hidden under the threshold, the count shown), the controls for
 * the big screen and the participants, the pairs in order, and the comments to moderate.
 */
export function FacilitatorLive({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const live = useDialogueLive({ kind: 'staff', sessionId, view: 'facilitator' });
  const controls = useControls(live);
  const [confirmClose, setConfirmClose] = useState(false);
  const s = live.state;
  const client = useQueryClient();
  const closed = s?.status === 'closed';
  // the session page turns to the closed session's summary
  useEffect(() => {
    if (closed) void client.invalidateQueries({ queryKey: DIALOGUE_KEY });
  }, [closed, client]);
  if (!s) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  const current = s.items.find((i) => i.id === s.currentItemId) ?? null;
  return (
    <Stack gap="lg">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <ConnectionNote mode={live.mode} />
        <Group gap="sm">
          <Button component={Link} to={`/dialog/${sessionId}/skaerm`} target="_blank" variant="light" leftSection={<IconScreenShare size={18} />}>
            {t('dialogue.facilitator.screen')}
          </Button>
          <Button color="red.9" variant="outline" onClick={() => setConfirmClose(true)}>
            {t('dialogue.facilitator.close')}
          </Button>
        </Group>
      </Group>
      {controls.error ? (
        <Alert color="red" variant="light" role="alert">
          {failedText(t, controls.error)}
        </Alert>
      ) : null}
      <Grid gutter="lg">
        {/* on a phone the current pair and its controls come first, the join panel after */}
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 2, md: 1 }}>
          <Stack gap="lg">
            <JoinPanel sessionId={sessionId} state={s} busy={controls.busy === 'openJoin' || controls.busy === 'closeJoin'} toggleJoin={() => controls.run(s.joinOpen ? 'closeJoin' : 'openJoin')} />
            <ItemList state={s} busy={controls.busy === 'goto'} goto={(id) => controls.run('goto', id)} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 1, md: 2 }}>
          <Stack gap="lg">
            {current ? (
              <CurrentItem s={s} item={current} busy={controls.busy} run={controls.run} />
            ) : (
              <Card withBorder padding="lg">
                <Text fw={600}>{t('dialogue.facilitator.noCurrent')}</Text>
                <Text c="dimmed" mb="md">
                  {t('dialogue.facilitator.noCurrentHint')}
                </Text>
                {s.items[0] ? (
                  <Button onClick={() => controls.run('goto', s.items[0]?.id)} loading={controls.busy === 'goto'} rightSection={<IconArrowRight size={18} />}>
                    {t('dialogue.facilitator.start')}
                  </Button>
                ) : null}
              </Card>
            )}
            <Moderation sessionId={sessionId} state={s} />
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal opened={confirmClose} onClose={() => setConfirmClose(false)} title={t('dialogue.facilitator.closeTitle')} centered>
        <Text mb="md">{t('dialogue.facilitator.closeText')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirmClose(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={controls.busy === 'close'}
            onClick={() => {
              setConfirmClose(false);
              controls.run('close');
            }}
          >
            {t('dialogue.facilitator.close')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}

function CurrentItem({ s, item, busy, run }: { s: TLiveState; item: TLiveItem; busy: string | null; run: (op: TDialogueControlOp, itemId?: string) => void }) {
  const { t, i18n } = useTranslation();
  const left = inLang(item.left, i18n.language);
  const right = inLang(item.right, i18n.language);
  const index = s.items.indexOf(item);
  const prev = s.items[index - 1];
  const next = s.items[index + 1];
  const locked = item.state === 'locked';
  return (
    <Card withBorder padding="lg" data-testid="current-item">
      <Stack gap="md">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            {t('dialogue.participant.position', { n: index + 1, of: s.items.length })}
          </Text>
          <Group gap={6}>
            {item.revealed ? (
              <Badge color="teal.9" variant="light">
                {t('dialogue.facilitator.onScreen')}
              </Badge>
            ) : null}
            {locked ? (
              <Badge color="gray.8" variant="filled">
                {t('dialogue.answer.locked')}
              </Badge>
            ) : null}
          </Group>
        </Group>
        <Title order={2} fz={22}>
          {t('dialogue.pairName', { left, right })}
        </Title>
        <ItemDistributions item={item} left={left} right={right} />
        <Group gap="sm" wrap="wrap">
          <Button
            variant={item.revealed ? 'default' : 'filled'}
            leftSection={item.revealed ? <IconEyeOff size={18} /> : <IconEye size={18} />}
            loading={busy === 'reveal' || busy === 'hide'}
            onClick={() => run(item.revealed ? 'hide' : 'reveal', item.id)}
          >
            {item.revealed ? t('dialogue.facilitator.hide') : t('dialogue.facilitator.reveal')}
          </Button>
          <Button
            variant="default"
            leftSection={locked ? <IconLockOpen size={18} /> : <IconLock size={18} />}
            loading={busy === 'lock' || busy === 'unlock'}
            onClick={() => run(locked ? 'unlock' : 'lock', item.id)}
          >
            {locked ? t('dialogue.facilitator.unlock') : t('dialogue.facilitator.lock')}
          </Button>
          <Button variant="default" loading={busy === 'showComments' || busy === 'hideComments'} onClick={() => run(item.commentsShown ? 'hideComments' : 'showComments', item.id)}>
            {item.commentsShown ? t('dialogue.facilitator.hideComments') : t('dialogue.facilitator.showComments')}
          </Button>
        </Group>
        <Group justify="space-between" gap="sm">
          <Button variant="subtle" leftSection={<IconArrowLeft size={18} />} disabled={!prev} onClick={() => prev && run('goto', prev.id)}>
            {t('dialogue.facilitator.previous')}
          </Button>
          <Button rightSection={<IconArrowRight size={18} />} disabled={!next} loading={busy === 'goto'} onClick={() => next && run('goto', next.id)}>
            {t('dialogue.facilitator.next')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
