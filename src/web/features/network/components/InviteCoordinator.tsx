import { useState } from 'react';
import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useInviteCoordinator } from '../api/coordinators';
import { InvitationResult } from './InvitationResult';

/** Invites a coordinator by e-mail; without e-mail set up the link is shown to pass on. */
export function InviteCoordinator() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [touched, setTouched] = useState(false);
  const invite = useInviteCoordinator();
  const missing = touched && !email.trim() ? t('network.newSchool.required') : undefined;
  return (
    <Card component="section" aria-labelledby="invite-coordinator-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="invite-coordinator-title">
          {t('network.coordinators.inviteTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('network.coordinators.inviteLead')}
        </Text>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setTouched(true);
            if (!email.trim()) return;
            invite.mutate({ email: email.trim() }, { onSuccess: () => { setEmail(''); setTouched(false); } });
          }}
        >
          <Stack gap="sm">
            <ProblemAlert error={invite.error} hideFields={['email']} />
            <Group gap="sm" align="flex-start" wrap="wrap">
              <TextInput
                label={t('fields.email')}
                type="email"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                maxLength={254}
                error={missing ?? fieldErrors(invite.error).email}
                style={{ flex: '1 1 260px' }}
                autoComplete="off"
              />
              <Button type="submit" loading={invite.isPending} mt={{ base: 0, xs: 25 }}>
                {t('network.coordinators.invite')}
              </Button>
            </Group>
          </Stack>
        </form>
        {invite.data ? <InvitationResult invitation={invite.data.invitation} name={invite.data.coordinator.email} email={invite.data.coordinator.email} /> : null}
      </Stack>
    </Card>
  );
}
