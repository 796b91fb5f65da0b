import { Button, Code, Container, Group, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../shared/usePageTitle';
import { NotFoundPage } from './NotFoundPage';

/** The error boundary: something broke while showing the page. */
export function ErrorPage({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation();
  const error = useRouteError();
  usePageTitle(t('errorPage.title'));
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const message = error instanceof Error ? error.message : null;
  return (
    <Container component={standalone ? 'main' : 'div'} size="sm" py={standalone ? 64 : 24}>
      <Stack gap="md">
        <Title order={1}>{t('errorPage.title')}</Title>
        <Text>{t('errorPage.text')}</Text>
        {/* wrapped, not scrolled sideways: a scroll region on a phone would have to be reachable from the keyboard */}
        {message ? (
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {message}
          </Code>
        ) : null}
        <Group>
          <Button onClick={() => window.location.reload()}>{t('errorPage.reload')}</Button>
          <Button component="a" href="/" variant="default">
            {t('notFound.home')}
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}
