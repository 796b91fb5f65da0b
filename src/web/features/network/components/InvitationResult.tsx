import { Alert, Stack, Text } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TLinkResult } from '../../../../shared/api/people';
import { CopyLink } from '../../../shared/CopyLink';

/** Where an invitation went: by e-mail, or (without e-mail set up) the link shown once, to pass on. */
export function InvitationResult({ invitation, name, email }: { invitation: TLinkResult; name: string; email: string }) {
  const { t } = useTranslation();
  if (invitation.emailed || !invitation.link)
    return (
      <Alert color="green.9" variant="light" icon={<IconMailCheck aria-hidden />} role="status">
        {t('network.invitation.emailed', { email, count: invitation.expiresInDays })}
      </Alert>
    );
  return (
    <Stack gap="xs">
      <Text size="sm">{t('network.invitation.passOn', { name, email, count: invitation.expiresInDays })}</Text>
      <CopyLink link={invitation.link} label={t('network.invitation.linkFor', { name })} />
    </Stack>
  );
}
