import { useState } from 'react';
import { Anchor, Button, Grid, List, PasswordInput, Stack, Text, TextInput, ThemeIcon } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/session';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { AuthCard } from '../components/AuthCard';
import { ProviderSignIn } from '../components/ProviderSignIn';
import { useLogin } from '../api/login';

/** Only same-site paths are followed after sign-in. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));
  if (me && !login.isPending) return <Navigate to={next} replace />;

  return (
    <Grid gutter={48} align="center">
      <Grid.Col span={{ base: 12, md: 6 }} visibleFrom="md">
        <Stack gap="md">
          <Text fz={32} fw={750} lh={1.2} c="retning.9">
            {t('login.heroTitle')}
          </Text>
          <Text size="lg" c="dimmed">
            {t('login.heroText')}
          </Text>
          <List spacing="xs" icon={<ThemeIcon size={22} radius="xl" aria-hidden><IconCheck size={14} /></ThemeIcon>}>
            <List.Item>{t('login.point1')}</List.Item>
            <List.Item>{t('login.point2')}</List.Item>
            <List.Item>{t('login.point3')}</List.Item>
          </List>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <AuthCard title={t('login.title')} lead={t('login.lead')}>
          <ProviderSignIn next={next} />
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              login.mutate({ email, password }, { onSuccess: () => void navigate(next, { replace: true }) });
            }}
          >
            <Stack gap="md">
              {login.error ? <ProblemAlert error={login.error} /> : null}
              <TextInput
                label={t('fields.email')}
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              <PasswordInput
                label={t('fields.password')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
              />
              <Button type="submit" loading={login.isPending} fullWidth size="md">
                {t('login.submit')}
              </Button>
              <Anchor component={Link} to="/glemt-adgangskode" size="sm" ta="center">
                {t('login.forgot')}
              </Anchor>
            </Stack>
          </form>
        </AuthCard>
      </Grid.Col>
    </Grid>
  );
}
