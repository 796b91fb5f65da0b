import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconEdit, IconUsers } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TEventDetail } from '../../../../shared/api/events';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { useEvent } from '../api/events';
import { KindBadge, StatusBadge } from '../components/KindBadge';
import { MaterialList } from '../components/MaterialList';
import { organiserName } from '../components/organiser';
import { ProjectPanel } from '../components/ProjectPanel';
import { SessionCard } from '../components/SessionCard';
import { WRAP } from '../components/wrap';
import { formatSpan } from '../when';

const LIST = { listStyle: 'none', padding: 0, margin: 0 } as const;

/** /arrangementer/:id: what the event is, its sessions to sign up for, my project and the materials. */
export function EventPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const event = useEvent(id);
  return (
    <QueryState query={event}>
      {(e) => (
        <Stack gap="lg" style={WRAP}>
          <PageHeader
            eyebrow={
              <Anchor component={Link} to="/arrangementer" inherit c="dimmed">
                {t('events.list.title')}
              </Anchor>
            }
            title={e.title}
            description={t('events.by', { name: organiserName(t, e.organiser) })}
            actions={<EventActions event={e} />}
          />
          <Group gap="xs" mt={-16}>
            <KindBadge kind={e.kind} />
            <StatusBadge status={e.status} />
          </Group>
          {e.status === 'draft' ? <Alert color="gray" variant="light">{t('events.detail.draft')}</Alert> : null}
          {e.status === 'cancelled' ? <Alert color="red.9" variant="light">{t('events.detail.cancelled')}</Alert> : null}
          {e.description ? <Text style={{ whiteSpace: 'pre-wrap' }} maw={760}>{e.description}</Text> : null}
          <Stack gap="sm" component="section" aria-labelledby="event-sessions">
            <Title order={2} fz={20} id="event-sessions">
              {t('events.detail.sessions')}
            </Title>
            {e.sessions.length === 0 ? (
              <Text c="dimmed">{e.abilities.includes('event:manage') ? t('events.detail.noSessionsManager') : t('events.detail.noSessions')}</Text>
            ) : (
              <Stack gap="sm" component="ul" style={LIST}>
                {e.sessions.map((s) => (
                  <SessionCard key={s.id} event={e} session={s} />
                ))}
              </Stack>
            )}
          </Stack>
          {e.myProject ? <ProjectPanel key={e.myProject.updatedAt} eventId={e.id} project={e.myProject} /> : null}
          {e.staffSignups.length > 0 ? <StaffSignups event={e} /> : null}
          <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="event-materials">
            <Stack gap="sm">
              <Title order={2} fz={20} id="event-materials">
                {t('events.materials.title')}
              </Title>
              <MaterialList materials={e.materials} />
            </Stack>
          </Card>
        </Stack>
      )}
    </QueryState>
  );
}

function EventActions({ event }: { event: TEventDetail }) {
  const { t } = useTranslation();
  const manage = event.abilities.includes('event:manage');
  const participants = event.abilities.includes('event:participants');
  if (!manage && !participants) return null;
  return (
    <>
      {participants ? (
        <Button component={Link} to={`/arrangementer/${event.id}/deltagere`} variant="default" leftSection={<IconUsers size={16} aria-hidden />}>
          {t('events.detail.participants')}
        </Button>
      ) : null}
      {manage && event.status !== 'cancelled' ? (
        <Button component={Link} to={`/arrangementer/${event.id}/rediger`} leftSection={<IconEdit size={16} aria-hidden />}>
          {t('events.detail.edit')}
        </Button>
      ) : null}
    </>
  );
}

/** A school leader's view: which of the school's own staff signed up, for which session. */
function StaffSignups({ event }: { event: TEventDetail }) {
  const { t, i18n } = useTranslation();
  const when = new Map(event.sessions.map((s) => [s.id, formatSpan(s.startsAt, s.endsAt, i18n.language)]));
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="event-staff">
      <Stack gap="sm">
        <Title order={2} fz={20} id="event-staff">
          {t('events.staff.title')}
        </Title>
        <ScrollTable labelledBy="event-staff" minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('events.participants.name')}</Table.Th>
                <Table.Th scope="col">{t('events.participants.session')}</Table.Th>
                <Table.Th scope="col">{t('events.participants.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {event.staffSignups.map((s) => (
                <Table.Tr key={`${s.personId}-${s.sessionId}`}>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>{when.get(s.sessionId) ?? ''}</Table.Td>
                  <Table.Td>{t(`events.signupStatus.${s.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Stack>
    </Card>
  );
}
