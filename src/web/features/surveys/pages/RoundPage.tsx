import { useState } from 'react';
import { Alert, Button, Card, Group, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TSurveyRoundDetail } from '../../../../shared/api/surveys';
import { formatDate } from '../../../shared/dates';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { useCloseSurveyRound, useRemindSurveyRound, useSurveyRound, useUpdateSurveyRound } from '../api/surveys';
import { LinkPanel } from '../components/LinkPanel';
import { RoundForm } from '../components/RoundForm';
import { RoundStatus } from '../components/RoundStatus';

/** /selvevaluering/runder/:id: a round for those who run it: participation, links, reminders, changes, the close. */
export function RoundPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const detail = useSurveyRound(id);
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow={
          <Link to="/selvevaluering" style={{ color: 'inherit' }}>
            {t('surveys.rounds.title')}
          </Link>
        }
        title={detail.data?.round.name ?? t('surveys.rounds.title')}
      />
      <QueryState query={detail}>{(d) => <RoundBody d={d} />}</QueryState>
    </Stack>
  );
}

function RoundBody({ d }: { d: TSurveyRoundDetail }) {
  const { t, i18n } = useTranslation();
  const { round } = d;
  const remind = useRemindSurveyRound(round.id);
  const close = useCloseSurveyRound(round.id);
  const update = useUpdateSurveyRound(round.id);
  const [confirm, setConfirm] = useState(false);
  return (
    <Stack gap="lg">
      <Group gap="md">
        <RoundStatus status={round.status} />
        <Text>
          {formatDate(round.opensOn, i18n.language)} – {formatDate(round.closesOn, i18n.language)}
        </Text>
        <Text c="dimmed">{t('surveys.rounds.version', { n: round.questionnaireVersion })}</Text>
        <Button component={Link} to={`/selvevaluering/${round.id}/rapport`} variant="light" size="xs">
          {t('surveys.report.link')}
        </Button>
      </Group>
      <Card withBorder>
        <Title order={2} fz={20} mb="xs">
          {t('surveys.participation.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('surveys.participation.lead')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {d.participation.map((p) => (
            <Card key={p.group} withBorder padding="sm">
              <Text fw={600}>{t(`surveys.groups.${p.group}`)}</Text>
              <Text size="xl" fw={700} data-testid={`respondents-${p.group}`}>
                {p.respondents === null
                  ? t('surveys.participation.answeredFew')
                  : p.invited === null
                    ? t('surveys.participation.answered', { n: p.respondents })
                    : t('surveys.participation.answeredOf', { n: p.respondents, of: p.invited })}
              </Text>
              {p.departments.length > 0 ? (
                <ScrollTable label={t('surveys.participation.byDepartment', { group: t(`surveys.groups.${p.group}`) })}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('surveys.links.department')}</Table.Th>
                        <Table.Th ta="right">{t('surveys.rounds.submitted')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {p.departments.map((x) => (
                        <Table.Tr key={x.departmentId ?? 'none'}>
                          <Table.Td>{x.departmentId ? x.name : t('surveys.participation.noDepartment')}</Table.Td>
                          <Table.Td ta="right">{x.respondents ?? t('surveys.participation.hidden')}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              ) : null}
            </Card>
          ))}
        </SimpleGrid>
      </Card>
      <LinkPanel detail={d} />
      {round.status === 'open' ? (
        <Card withBorder>
          <Title order={2} fz={20} mb="xs">
            {t('surveys.reminders.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {d.mailEnabled ? t('surveys.reminders.lead') : t('surveys.reminders.noMail')}
          </Text>
          <Button onClick={() => remind.mutate()} loading={remind.isPending} disabled={!d.mailEnabled} variant="light">
            {t('surveys.reminders.send')}
          </Button>
          {remind.data ? (
            <Text role="status" mt="xs">
              {t('surveys.reminders.sent', { count: remind.data.sent })}
            </Text>
          ) : null}
          <ProblemAlert error={remind.error} />
        </Card>
      ) : null}
      {round.status !== 'closed' ? (
        <Card withBorder maw={760}>
          <Title order={2} fz={20} mb="xs">
            {t('surveys.rounds.edit')}
          </Title>
          {round.status === 'open' ? (
            <Text size="sm" c="dimmed" mb="sm">
              {t('surveys.rounds.editOpen')}
            </Text>
          ) : null}
          <RoundForm
            initial={round}
            started={round.status === 'open'}
            submitLabel={t('surveys.rounds.save')}
            pending={update.isPending}
            error={update.error}
            onSubmit={(input) => update.mutate(round.status === 'open' ? { name: input.name, closesOn: input.closesOn } : input)}
          />
          {update.isSuccess ? (
            <Text role="status" mt="xs">
              {t('surveys.rounds.saved')}
            </Text>
          ) : null}
        </Card>
      ) : (
        <Alert variant="light" color="gray">
          {t('surveys.rounds.closedNote')}
        </Alert>
      )}
      {round.status !== 'closed' ? (
        <Group>
          <Button color="red.9" variant="light" onClick={() => setConfirm(true)}>
            {t('surveys.rounds.close')}
          </Button>
        </Group>
      ) : null}
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('surveys.rounds.closeConfirmTitle')}>
        <Stack>
          <Text>{t('surveys.rounds.closeConfirm')}</Text>
          <ProblemAlert error={close.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" loading={close.isPending} onClick={() => close.mutate(undefined, { onSuccess: () => setConfirm(false) })}>
              {t('surveys.rounds.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
