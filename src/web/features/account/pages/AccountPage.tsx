import { Button, Card, Grid, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../../app/i18n';
import { useCan, useSetLanguage, useSignedIn } from '../../../app/session';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { roleKey } from '../../../shared/roles';
import { useSessions } from '../api/list-sessions';
import { DigestCard } from '../components/DigestCard';
import { IdentitiesCard } from '../components/IdentitiesCard';
import { SessionsTable } from '../components/SessionsTable';

/** /konto: my details, language, the providers I sign in through, my data (downloads) and open sessions. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const setLanguage = useSetLanguage();
  const sessions = useSessions();
  const canExport = useCan('account:exportData');
  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.lead')} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Card>
              <Title order={2} fz="lg" mb="sm">
                {me.person?.name ?? me.account.email}
              </Title>
              <Stack gap={4}>
                <Text size="sm">{me.account.email}</Text>
                {me.school ? <Text size="sm">{me.school.name}</Text> : null}
                {me.person?.department ? <Text size="sm">{me.person.department.name}</Text> : null}
                <Text size="sm" c="dimmed">
                  {[...me.roles, ...(me.network?.roles ?? [])].map((r) => t(roleKey(r))).join(', ')}
                </Text>
              </Stack>
            </Card>
            <Card>
              <Title order={2} fz="lg" mb="xs" id="language-heading">
                {t('fields.locale')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('account.languageHint')}
              </Text>
              <Group>
                <SegmentedControl
                  aria-labelledby="language-heading"
                  value={currentLang()}
                  onChange={(v) => setLanguage.mutate(v === 'en' ? 'en' : 'da')}
                  data={[
                    { value: 'da', label: t('language.da') },
                    { value: 'en', label: t('language.en') },
                  ]}
                />
              </Group>
              {setLanguage.error ? <ProblemAlert error={setLanguage.error} /> : null}
            </Card>
            {me.school ? <IdentitiesCard /> : null}
            {me.preferences ? <DigestCard preferences={me.preferences} /> : null}
            {canExport ? (
              <Card>
                <Title order={2} fz="lg" mb="xs">
                  {t('personalData.mine.title')}
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  {t('personalData.mine.text')}
                </Text>
                <Group>
                  <Button component="a" href="/api/v1/me/data.pdf" download variant="light" leftSection={<IconDownload size={18} aria-hidden />}>
                    {t('personalData.mine.pdf')}
                  </Button>
                  <Button component="a" href="/api/v1/me/data" download variant="subtle" leftSection={<IconDownload size={18} aria-hidden />}>
                    {t('personalData.mine.json')}
                  </Button>
                </Group>
              </Card>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card>
            <Title order={2} fz="lg" mb="xs">
              {t('account.sessionsTitle')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('account.sessionsHint')}
            </Text>
            <QueryState query={sessions}>{(rows) => <SessionsTable sessions={rows} />}</QueryState>
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
