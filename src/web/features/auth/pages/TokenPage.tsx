import { useState } from 'react';
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { AuthCard } from '../components/AuthCard';
import { InviteProviders } from '../components/InviteProviders';
import { useTokenInfo } from '../api/describe-token';
import { useRedeemToken } from '../api/redeem-token';

const MIN = 10;

/** /invitation/:token and /nulstil-adgangskode/:token: choose a password with a one-time link. */
export function TokenPage({ kind }: { kind: 'invite' | 'reset' }) {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const info = useTokenInfo(token);
  const redeem = useRedeemToken(token);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const title = kind === 'invite' ? t('token.inviteTitle') : t('token.resetTitle');
  const serverErrors = fieldErrors(redeem.error);

  if (redeem.isSuccess) {
    return (
      <AuthCard title={t('token.doneTitle')}>
        <Stack>
          <Alert color="green.9" variant="light" icon={<IconCircleCheck aria-hidden />}>
            {t('token.doneText')}
          </Alert>
          <Button component={Link} to="/login">
            {t('token.toLogin')}
          </Button>
        </Stack>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={title}>
      <QueryState query={info}>
        {(data) => (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (password.length < MIN) return setLocalError(t('token.tooShort', { min: MIN }));
              if (password !== repeat) return setLocalError(t('token.mismatch'));
              setLocalError(null);
              redeem.mutate(password);
            }}
          >
            <Stack gap="md">
              <Text>{kind === 'invite' ? t('token.inviteLead', { name: data.name, school: data.schoolName }) : t('token.resetLead', { name: data.name, school: data.schoolName })}</Text>
              {kind === 'invite' ? <InviteProviders token={token} schoolName={data.schoolName} /> : null}
              {redeem.error ? <ProblemAlert error={redeem.error} hideFields={['password']} /> : null}
              <TextInput label={t('fields.email')} value={data.email} readOnly autoComplete="username" />
              <PasswordInput
                label={t('token.newPassword')}
                description={t('token.passwordHint', { min: MIN })}
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={serverErrors.password ?? (localError && password.length < MIN ? localError : undefined)}
                visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
              />
              <PasswordInput
                label={t('token.repeatPassword')}
                autoComplete="new-password"
                required
                value={repeat}
                onChange={(e) => setRepeat(e.currentTarget.value)}
                error={localError && password.length >= MIN ? localError : undefined}
                visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
              />
              <Button type="submit" loading={redeem.isPending} fullWidth>
                {t('token.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </QueryState>
      {info.error ? (
        <Button component={Link} to="/glemt-adgangskode" variant="light" mt="md" fullWidth>
          {t('token.requestNew')}
        </Button>
      ) : null}
    </AuthCard>
  );
}
