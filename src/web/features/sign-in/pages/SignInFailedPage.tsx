import { Button, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NoticeCard } from '../components/NoticeCard';
import { failureOf } from '../failure';

/** /log-ind/fejl?grund=<reason>: a sign-in through a provider was refused; what happened and what to do, in words. */
export function SignInFailedPage() {
  const { t } = useTranslation();
  const failure = failureOf(useSearchParams()[0].get('grund'));
  return (
    <NoticeCard title={t('signIn.failedTitle')} icon={<IconAlertTriangle size={26} />}>
      <Text data-testid="sign-in-failure" data-reason={failure}>
        {t(`signIn.failure.${failure}`)}
      </Text>
      <Button component={Link} to="/login">
        {t('signIn.backToLogin')}
      </Button>
    </NoticeCard>
  );
}
