import { Alert, Stack, Text } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { useSheet } from '../api/surveys';
import { AnswerSheet } from '../components/AnswerSheet';

/**
 * /s/:token: a round answered through a link or QR code, without an account. The browser keeps its
 * draft (a cookie) so that the sheet can be left and resumed on the same device, and sends once.
 */
export function PublicAnswerPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const source = { kind: 'link', token } as const;
  const sheet = useSheet(source);
  const status = sheet.error instanceof ApiError ? sheet.error.status : null;
  const code = sheet.error instanceof ApiError ? sheet.error.problem.code : null;
  if (status === 404 || status === 410 || code === 'survey_round_closed' || code === 'survey_round_not_open') {
    const which = status === 404 ? 'unknown' : status === 410 ? 'revoked' : code === 'survey_round_closed' ? 'closed' : 'notOpen';
    return (
      <Stack maw={640} mx="auto">
        <PageHeader title={t(`surveys.public.${which}Title`)} />
        <Alert color="gray" variant="light" role="alert">
          <Text>{t(`surveys.public.${which}`)}</Text>
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack maw={760} mx="auto" gap="md">
      <PageHeader
        eyebrow={sheet.data?.round.schoolName}
        title={sheet.data?.round.name ?? t('surveys.answer.title')}
        description={t('surveys.public.intro')}
      />
      <QueryState query={sheet}>{(s) => <AnswerSheet source={source} sheet={s} />}</QueryState>
    </Stack>
  );
}
