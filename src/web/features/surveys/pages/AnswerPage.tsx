import { Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { useSheet } from '../api/surveys';
import { AnswerSheet } from '../components/AnswerSheet';

/** /selvevaluering/besvar/:roundId: a round answered signed in (from Min side). */
export function AnswerPage() {
  const { t } = useTranslation();
  const id = useParams().roundId ?? '';
  const source = { kind: 'round', id } as const;
  const sheet = useSheet(source);
  return (
    <Stack maw={760} gap="md">
      <PageHeader title={sheet.data?.round.name ?? t('surveys.answer.title')} description={t('surveys.answer.anonymous')} />
      <QueryState query={sheet}>{(s) => <AnswerSheet source={source} sheet={s} />}</QueryState>
    </Stack>
  );
}
