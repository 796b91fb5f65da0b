import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../shared/usePageTitle';

export function ForbiddenPage() {
  const { t } = useTranslation();
  usePageTitle(t('forbidden.title'));
  return (
    <Stack align="center" ta="center" py={48} gap="md">
      <Title order={1}>{t('forbidden.title')}</Title>
      <Text c="dimmed" maw={480}>
        {t('forbidden.text')}
      </Text>
      <Button component={Link} to="/">
        {t('notFound.home')}
      </Button>
    </Stack>
  );
}
