import { Anchor, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session';
import { formatDate } from '../../../shared/dates';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { useCreateSurveyRound, useSurveyRounds } from '../api/surveys';
import { RoundForm } from '../components/RoundForm';
import { RoundStatus } from '../components/RoundStatus';

/** /selvevaluering: the school's rounds; those who run them open a round's page and make new ones, those who only read reports (department heads) open its report. */
export function RoundsPage() {
  const { t, i18n } = useTranslation();
  const canManage = useCan('survey:manage');
  const rounds = useSurveyRounds();
  const create = useCreateSurveyRound();
  const navigate = useNavigate();
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('surveys.rounds.title')}
        description={t('surveys.rounds.lead')}
        actions={
          canManage && (
            <Button component={Link} to="/selvevaluering/indstillinger" variant="light">
              {t('surveys.settings.title')}
            </Button>
          )
        }
      />
      <QueryState query={rounds}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('surveys.rounds.empty')} hint={t(canManage ? 'surveys.rounds.emptyHint' : 'surveys.rounds.emptyHintReader')} />
          ) : (
            <ScrollTable label={t('surveys.rounds.title')} minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('surveys.rounds.name')}</Table.Th>
                    <Table.Th>{t('surveys.rounds.status')}</Table.Th>
                    <Table.Th>{t('surveys.rounds.period')}</Table.Th>
                    <Table.Th>{t('surveys.rounds.groups')}</Table.Th>
                    <Table.Th ta="right">{t('surveys.rounds.submitted')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Anchor component={Link} to={canManage ? `/selvevaluering/runder/${r.id}` : `/selvevaluering/${r.id}/rapport`}>
                          {r.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <RoundStatus status={r.status} />
                      </Table.Td>
                      <Table.Td>
                        {formatDate(r.opensOn, i18n.language)} – {formatDate(r.closesOn, i18n.language)}
                      </Table.Td>
                      <Table.Td>{r.groups.map((g) => t(`surveys.groups.${g}`)).join(', ')}</Table.Td>
                      <Table.Td ta="right">{r.submitted ?? t('surveys.participation.hidden')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )
        }
      </QueryState>
      {canManage && (
        <Card withBorder maw={760}>
          <Title order={2} fz={20} mb="xs">
            {t('surveys.rounds.new')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('surveys.rounds.newHint')}
          </Text>
          <RoundForm submitLabel={t('surveys.rounds.create')} pending={create.isPending} error={create.error} onSubmit={(input) => create.mutate(input, { onSuccess: (r) => void navigate(`/selvevaluering/runder/${r.id}`) })} />
        </Card>
      )}
    </Stack>
  );
}
