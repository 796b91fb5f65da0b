import { Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TEventDetail, TParticipant } from '../../../../shared/api/events';
import { formatDateTime } from '../../../shared/dates';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { useEvent, useParticipants } from '../api/events';
import { WRAP } from '../components/wrap';
import { formatSpan } from '../when';

/** /arrangementer/:id/deltagere: the organiser's list per session: who, from which school, seat or waiting list, and their project. */
export function ParticipantsPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const event = useEvent(id);
  const participants = useParticipants(id);
  const both = {
    data: event.data && participants.data ? { e: event.data, list: participants.data.items } : undefined,
    error: event.error ?? participants.error,
    isPending: event.isPending || participants.isPending,
  };
  return (
    <Stack gap="lg" style={WRAP}>
      <PageHeader
        eyebrow={
          <Anchor component={Link} to={`/arrangementer/${id}`} inherit c="dimmed">
            {event.data?.title ?? t('events.list.title')}
          </Anchor>
        }
        title={t('events.participants.title')}
        description={t('events.participants.lead')}
      />
      <QueryState query={both}>
        {({ e, list }) =>
          list.length === 0 ? (
            <EmptyState title={t('events.participants.empty')} hint={e.status === 'draft' ? t('events.participants.emptyHintDraft') : t('events.participants.emptyHint')} />
          ) : (
            <Stack gap="lg">
              {e.sessions.map((s) => (
                <SessionParticipants key={s.id} event={e} sessionId={s.id} participants={list.filter((p) => p.sessionId === s.id)} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function SessionParticipants({ event, sessionId, participants }: { event: TEventDetail; sessionId: string; participants: TParticipant[] }) {
  const { t, i18n } = useTranslation();
  const session = event.sessions.find((s) => s.id === sessionId);
  if (!session) return null;
  const heading = `participants-${sessionId}`;
  const learningFactory = event.kind === 'learning_factory';
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={heading}>
      <Stack gap="sm">
        <Title order={2} fz={18} id={heading}>
          {formatSpan(session.startsAt, session.endsAt, i18n.language)}
        </Title>
        <Text size="sm" c="dimmed">
          {session.cancelled ? t('events.session.cancelled') : t('events.editor.signedUp', { confirmed: session.confirmed, capacity: session.capacity, waiting: session.waiting })}
        </Text>
        {participants.length === 0 ? (
          <Text c="dimmed">{t('events.participants.sessionEmpty')}</Text>
        ) : (
          <ScrollTable labelledBy={heading} minWidth={learningFactory ? 900 : 560}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('events.participants.name')}</Table.Th>
                  <Table.Th scope="col">{t('events.participants.school')}</Table.Th>
                  <Table.Th scope="col">{t('events.participants.status')}</Table.Th>
                  <Table.Th scope="col">{t('events.participants.signedUpAt')}</Table.Th>
                  {learningFactory ? <Table.Th scope="col">{t('events.participants.problem')}</Table.Th> : null}
                  {learningFactory ? <Table.Th scope="col">{t('events.participants.product')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {participants.map((p) => (
                  <Table.Tr key={p.signupId}>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td>{p.schoolName}</Table.Td>
                    <Table.Td>{p.status === 'confirmed' ? t('events.signupStatus.confirmed') : t('events.participants.waiting', { position: p.position ?? '' })}</Table.Td>
                    <Table.Td>{formatDateTime(p.signedUpAt, i18n.language, { dateStyle: 'short', timeStyle: 'short' })}</Table.Td>
                    {learningFactory ? <Table.Td style={{ whiteSpace: 'pre-wrap', maxWidth: 320 }}>{p.project?.problem ?? ''}</Table.Td> : null}
                    {learningFactory ? (
                      <Table.Td style={{ whiteSpace: 'pre-wrap', maxWidth: 320 }}>
                        {p.project?.product ?? ''}
                        {p.project?.productUrl ? (
                          <Anchor href={p.project.productUrl} target="_blank" rel="noopener noreferrer" display="block" style={{ overflowWrap: 'anywhere' }}>
                            {t('events.participants.productLink', { name: p.name })}
                          </Anchor>
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>
    </Card>
  );
}
