import { Button, Divider, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { providerStartUrl, useProviders } from '../api/providers';
import { providersOfSchool } from '../school-search';

/**
 * On an invitation: "Opret med …" for each provider of the invited school, beside choosing a
 * password. The flow carries the invitation, so the callback links the identity to the invited
 * person. The token names its school only by name, so the providers are matched on it.
 */
export function InviteProviders({ token, schoolName }: { token: string; schoolName: string | null }) {
  const { t } = useTranslation();
  const { data } = useProviders();
  const providers = providersOfSchool(data?.providers ?? [], schoolName);
  if (providers.length === 0) return null;
  return (
    <Stack gap="xs">
      {providers.map((p) => (
        <Button key={p.id} component="a" href={providerStartUrl(p.id, { invitation: token })} variant="default" fullWidth>
          {t('signIn.createWith', { provider: p.label })}
        </Button>
      ))}
      <Divider label={t('signIn.orChoosePassword')} labelPosition="center" mt="xs" />
    </Stack>
  );
}
