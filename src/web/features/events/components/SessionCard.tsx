import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMapPin, IconUsers, IconVideo } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEventDetail, TEventSession } from '../../../../shared/api/events';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useCancelSignup, useSignup } from '../api/events';
import { formatSpan } from '../when';
import { ConfirmDialog } from './ConfirmDialog';
import { Fact } from './Fact';
import { MySignupBadge } from './MySignupBadge';
import { SignupDialog } from './SignupDialog';

type Props = { event: TEventDetail; session: TEventSession };

/** One session: when, where, the seats, and my sign-up ("Tilmeld", "Afmeld", "På venteliste som nr. 3"). */
export function SessionCard({ event, session: s }: Props) {
  const { t, i18n } = useTranslation();
  const signup = useSignup();
  const cancel = useCancelSignup();
  const [asking, setAsking] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const when = formatSpan(s.startsAt, s.endsAt, i18n.language);
  const over = !s.cancelled && Date.parse(s.endsAt) <= Date.now();
  const canSignUp = event.abilities.includes('event:signup') && s.open && !s.mySignup;
  const learningFactory = event.kind === 'learning_factory';

  const signUp = (problem?: string) =>
    signup.mutate(
      { sessionId: s.id, input: problem === undefined ? {} : { problem } },
      {
        onSuccess: (r) => {
          setAsking(false);
          notifications.show({
            color: 'teal',
            message: r.signup.status === 'confirmed' ? t('events.session.signedUp') : t('events.session.onWaitingList', { position: r.signup.position ?? '' }),
          });
        },
      },
    );

  return (
    <Card component="li" withBorder padding="md" radius="md">
      <Stack gap={8}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text fw={600}>{when}</Text>
          <Group gap={6}>
            {s.cancelled ? (
              <Badge color="red.9" variant="outline">
                {t('events.session.cancelled')}
              </Badge>
            ) : null}
            {over ? (
              <Badge color="gray.8" variant="outline">
                {t('events.session.over')}
              </Badge>
            ) : null}
            {s.mySignup && !s.cancelled ? <MySignupBadge signup={s.mySignup} /> : null}
          </Group>
        </Group>
        {s.onlineUrl ? (
          <Fact icon={IconVideo}>
            <Anchor href={s.onlineUrl} target="_blank" rel="noopener noreferrer" inherit>
              {t('events.session.join')}
              <span className="visually-hidden">{t('events.newWindow')}</span>
            </Anchor>
          </Fact>
        ) : null}
        {s.place ? (
          <Fact icon={IconMapPin}>{s.place}</Fact>
        ) : null}
        {!s.cancelled ? (
          <Fact icon={IconUsers}>
            {s.seatsLeft > 0 ? t('events.seats.left', { count: s.seatsLeft, capacity: s.capacity }) : t('events.seats.fullWaiting', { count: s.waiting })}
          </Fact>
        ) : null}
        {/* a Learning Factory's dialog and the confirmation show their own errors */}
        <ProblemAlert error={learningFactory ? null : signup.error} />
        {canSignUp ? (
          <Button
            w={{ base: '100%', xs: 'fit-content' }}
            loading={signup.isPending}
            onClick={() => (learningFactory ? setAsking(true) : signUp())}
          >
            {s.seatsLeft > 0 ? t('events.session.signup') : t('events.session.signupWaiting')}
          </Button>
        ) : null}
        {s.mySignup && !s.cancelled && !over ? (
          <Button w={{ base: '100%', xs: 'fit-content' }} variant="default" onClick={() => setLeaving(true)}>
            {s.mySignup.status === 'confirmed' ? t('events.session.cancelSignup') : t('events.session.leaveWaitingList')}
          </Button>
        ) : null}
        {!canSignUp && !s.mySignup && !s.cancelled && !over && event.status === 'published' && event.abilities.includes('event:signup') ? (
          <Text size="sm" c="dimmed">
            {t('events.session.closed')}
          </Text>
        ) : null}
      </Stack>
      {learningFactory ? (
        <SignupDialog
          opened={asking}
          when={when}
          initialProblem={event.myProject?.problem ?? ''}
          pending={signup.isPending}
          error={signup.error}
          onSubmit={(problem) => signUp(problem)}
          onClose={() => setAsking(false)}
        />
      ) : null}
      <ConfirmDialog
        opened={leaving}
        title={s.mySignup?.status === 'confirmed' ? t('events.session.cancelSignupTitle') : t('events.session.leaveWaitingListTitle')}
        text={s.mySignup?.status === 'confirmed' ? t('events.session.cancelSignupText', { when }) : t('events.session.leaveWaitingListText', { when })}
        confirmLabel={s.mySignup?.status === 'confirmed' ? t('events.session.cancelSignup') : t('events.session.leaveWaitingList')}
        danger
        pending={cancel.isPending}
        error={cancel.error}
        onConfirm={() =>
          cancel.mutate(s.id, {
            onSuccess: () => {
              setLeaving(false);
              notifications.show({ color: 'teal', message: t('events.session.cancelledSignup') });
            },
          })
        }
        onClose={() => setLeaving(false)}
      />
    </Card>
  );
}
