import { Anchor, Button, Card, Image, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TLiveState } from '../../../../shared/api/dialogue';

/** The join link as the participant types or scans it. */
export const joinUrl = (code: string) => `${window.location.origin}/d/${code}`;

/** The six letters spaced out so that they are read one by one, also aloud by a screen reader. */
export const spacedCode = (code: string) => code.split('').join(' ');

type Props = { sessionId: string; state: TLiveState; busy: boolean; toggleJoin: () => void };

/** The facilitator's join panel: the code, the QR code, how many have joined, and opening and closing of joining. */
export function JoinPanel({ sessionId, state, busy, toggleJoin }: Props) {
  const { t } = useTranslation();
  const code = state.code ?? '';
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm" align="center" ta="center">
        <Title order={2} fz="lg">
          {t('dialogue.facilitator.join')}
        </Title>
        <Text fz={44} fw={800} ff="monospace" lh={1} aria-label={t('dialogue.codeAria', { code: spacedCode(code) })} data-testid="join-code">
          {code}
        </Text>
        {state.joinOpen ? (
          <Image src={`/api/v1/dialogue/sessions/${sessionId}/qr.svg`} alt={t('dialogue.qrAlt', { url: joinUrl(code) })} w={180} h={180} fit="contain" />
        ) : null}
        <Anchor href={joinUrl(code)} target="_blank" size="sm">
          {joinUrl(code).replace(/^https?:\/\//, '')}
        </Anchor>
        <Text fw={600} data-testid="participant-count">
          {t('dialogue.facilitator.participants', { count: state.participantCount })}
        </Text>
        <Text size="sm" c={state.joinOpen ? 'teal.9' : 'dimmed'}>
          {state.joinOpen ? t('dialogue.facilitator.joinIsOpen') : t('dialogue.facilitator.joinIsClosed')}
        </Text>
        <Button variant="light" onClick={toggleJoin} loading={busy} fullWidth>
          {state.joinOpen ? t('dialogue.facilitator.closeJoin') : t('dialogue.facilitator.openJoin')}
        </Button>
      </Stack>
    </Card>
  );
}
