import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import type { TPerson } from '../../../../shared/api/people';
import type { TIdentity } from '../../../../shared/api/sign-in';
import { usePersonIdentities, useSchoolHasProviders, useUnlinkPersonIdentity } from '../api/identities';

const fmt = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'medium' });

function IdentityRow({ identity: i, onUnlink, pending }: { identity: TIdentity; onUnlink: () => void; pending: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Text size="sm" fw={600}>
          {i.providerLabel}
        </Text>
        <Text size="xs" c="dimmed">
          {t('signIn.linkedSince', { date: fmt.format(new Date(i.linkedAt)) })}
          {i.lastSignInAt ? ` · ${t('signIn.lastSignIn', { date: fmt.format(new Date(i.lastSignInAt)) })}` : ''}
        </Text>
        {i.suggestedRole ? (
          <Group gap={6}>
            <Badge variant="light" color="gray.8" tt="none">
              {t('signIn.suggestedRole', { role: t(`signIn.suggested.${i.suggestedRole}`) })}
            </Badge>
            <Text size="xs" c="dimmed">
              {t('signIn.suggestedHint')}
            </Text>
          </Group>
        ) : null}
      </Stack>
      <Button
        size="compact-sm"
        variant="outline"
        color="red.9"
        style={{ flexShrink: 0 }}
        loading={pending}
        aria-label={t('signIn.unlinkLabel', { provider: i.providerLabel })}
        onClick={onUnlink}
      >
        {t('signIn.unlink')}
      </Button>
    </Group>
  );
}

/**
 * The providers (UNI-Login, Entra ID) a person signs in through. UNI-Login's role group gives a
 * suggested role: shown so the administrator can assign it, it grants nothing by itself. Not
 * shown at a school without providers when the person has no link.
 */
export function IdentitiesPanel({ person }: { person: TPerson }) {
  const { t } = useTranslation();
  const identities = usePersonIdentities(person.id);
  const unlink = useUnlinkPersonIdentity(person.id);
  const hasProviders = useSchoolHasProviders(useSignedIn().school?.id);
  const rows = identities.data?.identities;
  if (!identities.error && (!rows || (rows.length === 0 && !hasProviders))) return null;
  const unlinkOne = (i: TIdentity) =>
    unlink.mutate(i.id, { onSuccess: () => notifications.show({ color: 'green.9', message: t('signIn.unlinked', { provider: i.providerLabel }) }) });
  return (
    <Card>
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('signIn.identitiesTitle')}
        </Title>
        <ProblemAlert error={identities.error ?? unlink.error} />
        {rows?.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('signIn.personIdentitiesEmpty', { name: person.name })}
          </Text>
        ) : null}
        {rows?.map((i) => <IdentityRow key={i.id} identity={i} pending={unlink.isPending && unlink.variables === i.id} onUnlink={() => unlinkOne(i)} />)}
      </Stack>
    </Card>
  );
}
