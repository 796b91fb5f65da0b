import { useState } from 'react';
import { Alert, Button, Card, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DIALOGUE_LIMITS, type TDialogueJoined } from '../../../../shared/api/dialogue';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { forgetJoin, keepJoin, keptJoin, useJoin } from '../api/live';
import { ParticipantLive } from '../components/ParticipantLive';

/**
 * /d and /d/:code: a participant on the phone, without an account. The code is typed in or comes
 * from the QR code's address; the browser keeps its participant token per code, so a reload or a
 * dropped connection comes back as the same participant with its answers.
 */
export function ParticipantPage() {
  const code = (useParams().code ?? '').toUpperCase();
  const navigate = useNavigate();
  const [joined, setJoined] = useState<TDialogueJoined | null>(() => (code ? keptJoin(code) : null));
  const [lost, setLost] = useState(false);
  if (joined) {
    return (
      <ParticipantLive
        joined={joined}
        onLost={() => {
          forgetJoin(joined.code);
          setJoined(null);
          setLost(true);
        }}
      />
    );
  }
  return (
    <JoinForm
      initialCode={code}
      lost={lost}
      onJoined={(j) => {
        keepJoin(j);
        setJoined(j);
        if (j.code !== code) void navigate(`/d/${j.code}`, { replace: true });
      }}
    />
  );
}

function JoinForm({ initialCode, lost, onJoined }: { initialCode: string; lost: boolean; onJoined: (j: TDialogueJoined) => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(initialCode);
  const [nickname, setNickname] = useState('');
  const join = useJoin();
  return (
    <Stack maw={480} mx="auto" gap="md">
      <PageHeader title={t('dialogue.join.title')} description={t('dialogue.join.lead')} />
      {lost ? (
        <Alert color="gray" variant="light">
          {t('dialogue.join.lost')}
        </Alert>
      ) : null}
      <Card withBorder padding="lg">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            join.mutate({ code, ...(nickname.trim() ? { nickname: nickname.trim() } : {}) }, { onSuccess: onJoined });
          }}
        >
          <Stack gap="md">
            <TextInput
              label={t('dialogue.join.code')}
              description={t('dialogue.join.codeHint')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.toUpperCase().replace(/[^A-Z]/g, '').slice(0, DIALOGUE_LIMITS.code))}
              required
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              size="lg"
              styles={{ input: { letterSpacing: '0.3em', fontWeight: 700, textTransform: 'uppercase' } }}
            />
            <TextInput
              label={t('dialogue.join.nickname')}
              description={t('dialogue.join.nicknameHint')}
              value={nickname}
              onChange={(e) => setNickname(e.currentTarget.value)}
              maxLength={DIALOGUE_LIMITS.nickname}
              autoComplete="nickname"
            />
            <ProblemAlert error={join.error} />
            <Button type="submit" size="lg" loading={join.isPending} disabled={code.length !== DIALOGUE_LIMITS.code}>
              {t('dialogue.join.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
      <Text size="sm" c="dimmed">
        {t('dialogue.join.privacy')}
      </Text>
    </Stack>
  );
}
