import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { formatDate } from '../../../shared/dates';
import { useProfile } from '../api/profile';
import { useRounds } from '../api/rounds';
import { ProfileView } from '../components/ProfileView';

/** The teacher's own page: open rounds, radar per area, level per competence, the next level, course suggestions. */
export function MyCompetencePage() {
  const { t, i18n } = useTranslation();
  const me = useSignedIn();
  const personId = me.person?.id ?? '';
  const profile = useProfile(personId);
  const rounds = useRounds();
  const open = (rounds.data ?? []).filter((r) => r.status === 'open' && r.eligible && !r.mySubmittedAt);
  // Sent, but the round is still open: the answers can be corrected until it closes.
  const sent = (rounds.data ?? []).filter((r) => r.status === 'open' && r.eligible && r.mySubmittedAt);
  return (
    <>
      <PageHeader
        title={t('competence.my.title')}
        description={t('competence.my.lead')}
        actions={
          <Button component="a" href={`/api/v1/competence/people/${personId}/export`} variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
            {t('competence.my.export')}
          </Button>
        }
      />
      <Stack gap="lg">
        {open.map((r) => (
          <Alert key={r.id} color="blue" title={t('competence.my.openRound', { title: r.title })}>
            <Stack gap="xs">
              <Text size="sm">{t('competence.my.openRoundLead', { date: r.closesOn })}</Text>
              {r.myAnswered > 0 ? <Progress value={Math.min(100, (r.myAnswered / 25) * 100)} aria-label={t('competence.assessment.progress')} /> : null}
              <Group>
                <Button component={Link} to={`/kompetencer/selvevaluering/${r.id}`}>
                  {r.myAnswered > 0 ? t('competence.my.resume') : t('competence.my.start')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ))}
        {sent.map((r) => (
          <Alert key={r.id} color="green" title={t('competence.my.sentRound', { title: r.title })}>
            <Stack gap="xs">
              <Text size="sm">{t('competence.my.sentRoundLead', { date: formatDate(r.closesOn, i18n.language) })}</Text>
              <Group>
                <Button component={Link} to={`/kompetencer/selvevaluering/${r.id}`} variant="default">
                  {t('competence.my.correct')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ))}
        <QueryState query={profile}>
          {(p) => {
            if (!p.latest) return <EmptyState title={t('competence.my.emptyTitle')} hint={open.length ? t('competence.my.emptyHintOpen') : t('competence.my.emptyHint')} />;
            return <ProfileView profile={{ ...p, latest: p.latest }} />;
          }}
        </QueryState>
      </Stack>
    </>
  );
}
