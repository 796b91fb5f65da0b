import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import type { TIdentity } from '../../../../shared/api/sign-in';
import { useMyIdentities, useSchoolHasProviders, useUnlinkMyIdentity } from '../api/identities';

const fmt = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'medium' });

/**
 * Min konto: the providers (UNI-Login, Entra ID) I sign in through, each with since when, and a way
 * to unlink it. Not shown at a school without providers where I have no link.
 */
export function IdentitiesCard() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const identities = useMyIdentities();
  const unlink = useUnlinkMyIdentity();
  const hasProviders = useSchoolHasProviders(me.school?.id);
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
        <Text size="sm" c="dimmed">
          {rows?.length === 0 ? t('signIn.myIdentitiesEmpty') : t('signIn.myIdentitiesHint')}
        </Text>
        <ProblemAlert error={identities.error ?? unlink.error} />
        {rows?.map((i) => (
          <Group key={i.id} justify="space-between" wrap="nowrap" gap="sm">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {i.providerLabel}
              </Text>
              <Text size="xs" c="dimmed">
                {t('signIn.linkedSince', { date: fmt.format(new Date(i.linkedAt)) })}
              </Text>
            </div>
            <Button
              size="compact-sm"
              variant="outline"
              color="red.9"
              style={{ flexShrink: 0 }}
              loading={unlink.isPending && unlink.variables === i.id}
              aria-label={t('signIn.unlinkLabel', { provider: i.providerLabel })}
              onClick={() => unlinkOne(i)}
            >
              {t('signIn.unlink')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
