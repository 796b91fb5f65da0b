import { Button, Text } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NoticeCard } from '../components/NoticeCard';

/**
 * /log-ind/ukendt?skole=<name>: the provider knew the person, Retning does not (no link, no
 * invitation, no matching e-mail). Nothing was created; the school's administrator decides.
 */
export function UnknownIdentityPage() {
  const { t } = useTranslation();
  const school = useSearchParams()[0].get('skole')?.trim().slice(0, 200) || null;
  return (
    <NoticeCard title={t('signIn.unknownTitle')} icon={<IconUserQuestion size={26} />}>
      <Text>{school ? t('signIn.unknownText', { school }) : t('signIn.unknownTextNoSchool')}</Text>
      <Text size="sm" c="dimmed">
        {t('signIn.unknownHint')}
      </Text>
      <Button component={Link} to="/login" variant="light">
        {t('signIn.backToLogin')}
      </Button>
    </NoticeCard>
  );
}
