import { useState } from 'react';
import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { IconInfoCircle, IconMailCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { AuthCard } from '../components/AuthCard';
import { useRequestReset } from '../api/request-reset';

/** /glemt-adgangskode: request a reset link by e-mail. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const reset = useRequestReset();
  const [email, setEmail] = useState('');
  return (
    <AuthCard title={t('forgot.title')} lead={t('forgot.lead')}>
      {reset.data ? (
        <Stack>
          {reset.data.emailEnabled ? (
            <Alert color="green.9" variant="light" icon={<IconMailCheck aria-hidden />} role="status">
              {t('forgot.sent')}
            </Alert>
          ) : (
            <Alert color="retning" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
              {t('forgot.noEmail')}
            </Alert>
          )}
          <Button component={Link} to="/login" variant="default">
            {t('forgot.back')}
          </Button>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            reset.mutate(email);
          }}
        >
          <Stack gap="md">
            {reset.error ? <ProblemAlert error={reset.error} /> : null}
            <TextInput label={t('fields.email')} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
            <Button type="submit" loading={reset.isPending} fullWidth>
              {t('forgot.submit')}
            </Button>
            <Anchor component={Link} to="/login" size="sm" ta="center">
              {t('forgot.back')}
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
