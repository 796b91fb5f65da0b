import { useEffect } from 'react';
import { Button, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../shared/usePageTitle';
import { useUnsubscribe } from '../api/unsubscribe';

/**
 * /afmeld-ugebrev/:token: the one-click link in a weekly digest. The page turns the digest off as
 * it opens (a POST sent by the page, so a mail scanner that only fetches the link changes nothing).
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const unsubscribe = useUnsubscribe();
  const { mutate } = unsubscribe;
  usePageTitle(t('home.unsubscribe.title'));
  useEffect(() => mutate(token), [mutate, token]);
  return (
    <Card maw={520} mx="auto">
      <Stack gap="sm">
        <Title order={1} fz={26}>
          {t('home.unsubscribe.title')}
        </Title>
        {unsubscribe.isSuccess ? (
          <div role="status">
            <Text>{t('home.unsubscribe.done', { school: unsubscribe.data.schoolName })}</Text>
            <Text c="dimmed" size="sm" mt="xs">
              {t('home.unsubscribe.again')}
            </Text>
          </div>
        ) : unsubscribe.isError ? (
          <div role="alert">
            <Text fw={600}>{t('home.unsubscribe.failed')}</Text>
            <Text c="dimmed" size="sm" mt="xs">
              {t('home.unsubscribe.failedHint')}
            </Text>
          </div>
        ) : (
          <Loader aria-label={t('home.unsubscribe.working')} />
        )}
        {unsubscribe.isPending ? null : (
          <Button component={Link} to="/konto" variant="light" w="fit-content">
            {t('home.unsubscribe.toAccount')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
