import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TLiveState } from '../../../../shared/api/dialogue';
import { formatDateTime } from '../../../shared/dates';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { saveMyAnswers, useMyAnswers } from '../api/sessions';
import { inLang } from '../api/templates';
import { AnswerCard } from '../components/AnswerCard';
import { failedText } from '../components/ConnectionNote';
import { ItemDistributions } from '../components/ItemDistributions';

/** /dialog/:id/svar: a signed-in member of the audience answers an asynchronous session, every pair, each saved by itself. */
export function AnswerPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const state = useMyAnswers(id);
  return (
    <Stack gap="lg" maw={820}>
      <PageHeader title={state.data?.title ?? t('dialogue.async.answerTitle')} description={t('dialogue.async.answerLead')} />
      <QueryState query={state}>{(s) => <Answers s={s} />}</QueryState>
    </Stack>
  );
}

function Answers({ s }: { s: TLiveState }) {
  const { t, i18n } = useTranslation();
  const open = s.status === 'open';
  const anyShown = s.items.some((i) => i.now.shown || i.wanted.shown);
  return (
    <Stack gap="lg">
      {!open ? (
        <Alert color="gray" variant="light">
          {t('dialogue.async.closed')}
        </Alert>
      ) : null}
      {s.items.map((item) => {
        const mine = s.own?.answers.find((a) => a.itemId === item.id);
        return (
          <AnswerCard
            key={item.id}
            item={item}
            own={{ now: mine?.now ?? null, wanted: mine?.wanted ?? null }}
            open={open}
            save={async (input) => void (await saveMyAnswers(s.sessionId, { answers: [{ itemId: item.id, ...input }] }))}
            failedText={(e) => failedText(t, e)}
          />
        );
      })}
      {anyShown ? (
        <Card withBorder padding="lg">
          <Title order={2} fz={20} mb="xs">
            {t('dialogue.async.results')}
          </Title>
          {s.publishedAt ? (
            <Text c="dimmed" mb="md">
              {t('dialogue.async.publishedAt', { at: formatDateTime(s.publishedAt, i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) })}
            </Text>
          ) : null}
          <Stack gap="xl">
            {s.items.map((item) => (
              <Stack key={item.id} gap="xs">
                <Title order={3} fz="md">
                  {t('dialogue.pairName', { left: inLang(item.left, i18n.language), right: inLang(item.right, i18n.language) })}
                </Title>
                <ItemDistributions item={item} left={inLang(item.left, i18n.language)} right={inLang(item.right, i18n.language)} />
              </Stack>
            ))}
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
