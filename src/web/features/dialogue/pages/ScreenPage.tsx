import { Box, Button, Center, Grid, Image, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TLiveState } from '../../../../shared/api/dialogue';
import { ForbiddenPage } from '../../../app/pages/ForbiddenPage';
import { can, useMe } from '../../../app/session';
import { usePageTitle } from '../../../shared/usePageTitle';
import { inLang } from '../api/templates';
import { CommentList } from '../components/CommentList';
import { ItemDistributions } from '../components/ItemDistributions';
import { joinUrl, spacedCode } from '../components/JoinPanel';
import { useDialogueLive } from '../live/useDialogueLive';

const HUGE = 'clamp(32px, 5vw, 72px)';
const BIG = 'clamp(22px, 2.8vw, 40px)';

/**
 * /dialog/:id/skaerm: the big screen on the projector. No controls: it shows what the facilitator
 * chooses (the code and QR code while joining is open, the current pair, a revealed distribution,
 * the comments shown), in type that is read from the back of a room. It sits in the frame without
 * the menu, so a signed-in facilitator opens it on the projector's screen as it is.
 */
export function ScreenPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const me = useMe();
  const allowed = can(me.data, 'dialogueSession:facilitate');
  const live = useDialogueLive(allowed ? { kind: 'staff', sessionId: id, view: 'screen' } : null);
  usePageTitle(live.state?.title ?? t('dialogue.screen.title'));
  if (me.isPending) return <Loading />;
  if (!me.data) {
    return (
      <Stack align="center" ta="center" py={48} gap="md">
        <Title order={1}>{t('dialogue.screen.title')}</Title>
        <Text c="dimmed">{t('dialogue.screen.signIn')}</Text>
        <Button component={Link} to="/login">
          {t('dialogue.screen.signInButton')}
        </Button>
      </Stack>
    );
  }
  if (!allowed || live.refused === 4403 || (live.refused === 4404 && !live.state)) return <ForbiddenPage />;
  if (!live.state) return <Loading />;
  return <Screen s={live.state} sessionId={id} />;
}

function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

function Screen({ s, sessionId }: { s: TLiveState; sessionId: string }) {
  const { t, i18n } = useTranslation();
  const item = s.items.find((i) => i.id === s.currentItemId) ?? null;
  const joining = s.status === 'open' && s.joinOpen && s.code !== null;
  const shown = item?.commentsShown ? item.comments.filter((c) => c.status === 'approved') : [];
  return (
    <Stack gap="xl" data-testid="screen">
      <Title order={1} fz={BIG} c="dimmed">
        {s.title}
      </Title>
      {s.status === 'closed' ? (
        <Text fz={HUGE} fw={800}>
          {t('dialogue.screen.closed')}
        </Text>
      ) : (
        <Grid gutter={{ base: 'md', lg: 48 }} align="flex-start">
          {joining && s.code ? (
            <Grid.Col span={{ base: 12, lg: item ? 4 : 12 }}>
              <Stack align="center" ta="center" gap="md">
                <Text fz={BIG}>{t('dialogue.screen.goTo', { host: window.location.host })}</Text>
                <Text fz="clamp(48px, 7vw, 140px)" fw={800} ff="monospace" lh={1} aria-label={t('dialogue.codeAria', { code: spacedCode(s.code) })} data-testid="screen-code">
                  {s.code}
                </Text>
                <Image src={`/api/v1/dialogue/sessions/${sessionId}/qr.svg`} alt={t('dialogue.qrAlt', { url: joinUrl(s.code) })} w="min(40vh, 360px)" h="min(40vh, 360px)" fit="contain" />
                <Text fz={BIG} fw={600}>
                  {t('dialogue.facilitator.participants', { count: s.participantCount })}
                </Text>
              </Stack>
            </Grid.Col>
          ) : null}
          {item ? (
            <Grid.Col span={{ base: 12, lg: joining ? 8 : 12 }}>
              <Stack gap="xl">
                <Box>
                  <Text fz={BIG} c="dimmed">
                    {t('dialogue.participant.position', { n: s.items.indexOf(item) + 1, of: s.items.length })}
                  </Text>
                  <Text component="h2" fz={HUGE} fw={800} lh={1.15} m={0} data-testid="screen-pair">
                    {t('dialogue.pairName', { left: inLang(item.left, i18n.language), right: inLang(item.right, i18n.language) })}
                  </Text>
                </Box>
                {item.revealed ? (
                  <ItemDistributions item={item} left={inLang(item.left, i18n.language)} right={inLang(item.right, i18n.language)} large />
                ) : (
                  <Text fz={BIG} data-testid="screen-waiting">
                    {t('dialogue.screen.answering', { count: Math.max(item.now.count, item.wanted.count) })}
                  </Text>
                )}
                <CommentList comments={shown} large />
              </Stack>
            </Grid.Col>
          ) : joining ? null : (
            <Grid.Col span={12}>
              <Text fz={BIG}>{t('dialogue.screen.soon')}</Text>
            </Grid.Col>
          )}
        </Grid>
      )}
    </Stack>
  );
}
