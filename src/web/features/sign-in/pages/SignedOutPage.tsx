import { Button, Stack, Text } from '@mantine/core';
import { IconExternalLink, IconLogout } from '@tabler/icons-react';
import { Link, Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TLogoutResult } from '../../../../shared/api/sign-in';
import { NoticeCard } from '../components/NoticeCard';

const isLogoutResult = (v: unknown): v is TLogoutResult =>
  typeof v === 'object' && v !== null && 'endSessionUrl' in v && (typeof v.endSessionUrl === 'string' || v.endSessionUrl === null);

/**
 * /log-ind/logget-ud: after signing out of a session that came through a provider. The provider's
 * own session is still open (on a shared computer the next person would be signed in there), so
 * its sign-out is offered. The link comes from the sign-out's answer in the navigation's state,
 * never from the address, so no one can send a link here that leads elsewhere.
 */
export function SignedOutPage() {
  const { t } = useTranslation();
  const state: unknown = useLocation().state;
  if (!isLogoutResult(state) || !state.endSessionUrl) return <Navigate to="/login" replace />;
  const provider = state.providerLabel ?? t('signIn.theProvider');
  return (
    <NoticeCard title={t('signIn.signedOutTitle')} icon={<IconLogout size={26} />}>
      <Text>{t('signIn.signedOutText', { provider })}</Text>
      <Stack gap="xs">
        <Button component="a" href={state.endSessionUrl} rightSection={<IconExternalLink size={16} aria-hidden />}>
          {t('signIn.alsoLogOut', { provider })}
        </Button>
        <Button component={Link} to="/login" variant="subtle">
          {t('signIn.backToLogin')}
        </Button>
      </Stack>
    </NoticeCard>
  );
}
