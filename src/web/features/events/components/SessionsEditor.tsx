import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEventDetail, TEventSession } from '../../../../shared/api/events';
import { useAddSession, useCancelSession, usePatchSession } from '../api/events';
import { formatSpan } from '../when';
import { ConfirmDialog } from './ConfirmDialog';
import { SessionForm } from './SessionForm';

/** The organiser's sessions: add one, change its time, place or seats, or cancel it (those signed up are told). */
export function SessionsEditor({ event }: { event: TEventDetail }) {
  const { t } = useTranslation();
  const add = useAddSession(event.id);
  const [adding, setAdding] = useState(event.sessions.length === 0);
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="editor-sessions">
      <Stack gap="md">
        <Title order={2} fz={20} id="editor-sessions">
          {t('events.editor.sessions')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('events.editor.sessionsHint')}
        </Text>
        {event.sessions.length === 0 ? <Text>{t('events.editor.noSessions')}</Text> : null}
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {event.sessions.map((s) => (
            <SessionRow key={`${s.id}-${s.startsAt}-${s.capacity}`} session={s} />
          ))}
        </Stack>
        {adding ? (
          <Card withBorder padding="md" radius="md" bg="gray.0">
            <Stack gap="sm">
              <Title order={3} fz={16}>
                {t('events.editor.addSession')}
              </Title>
              <SessionForm
                submitLabel={t('events.editor.addSession')}
                pending={add.isPending}
                error={add.error}
                onSubmit={(input) => add.mutate(input, { onSuccess: () => setAdding(false) })}
                onCancel={event.sessions.length > 0 ? () => setAdding(false) : undefined}
              />
            </Stack>
          </Card>
        ) : (
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)} w={{ base: '100%', xs: 'fit-content' }}>
            {t('events.editor.addSession')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

function SessionRow({ session: s }: { session: TEventSession }) {
  const { t, i18n } = useTranslation();
  const patch = usePatchSession();
  const cancel = useCancelSession();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const when = formatSpan(s.startsAt, s.endsAt, i18n.language);
  return (
    <Card component="li" withBorder padding="md" radius="md">
      {editing ? (
        <SessionForm
          session={s}
          submitLabel={t('events.editor.saveSession')}
          pending={patch.isPending}
          error={patch.error}
          onSubmit={(input) => patch.mutate({ id: s.id, patch: input }, { onSuccess: () => setEditing(false) })}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <Stack gap={6}>
          <Group justify="space-between" gap="xs" align="flex-start">
            <Text fw={600}>{when}</Text>
            {s.cancelled ? (
              <Badge color="red.9" variant="outline">
                {t('events.session.cancelled')}
              </Badge>
            ) : null}
          </Group>
          {s.onlineUrl ? <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{s.onlineUrl}</Text> : null}
          {s.place ? <Text size="sm">{s.place}</Text> : null}
          <Text size="sm" c="dimmed">
            {t('events.editor.signedUp', { confirmed: s.confirmed, capacity: s.capacity, waiting: s.waiting })}
          </Text>
          {s.cancelled ? null : (
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setEditing(true)} aria-label={t('events.editor.editSessionOf', { when })}>
                {t('events.editor.editSession')}
              </Button>
              <Button size="xs" variant="default" color="red.9" onClick={() => setCancelling(true)} aria-label={t('events.editor.cancelSessionOf', { when })}>
                {t('events.editor.cancelSession')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      <ConfirmDialog
        opened={cancelling}
        title={t('events.editor.cancelSessionTitle')}
        text={t('events.editor.cancelSessionText', { when, count: s.confirmed + s.waiting })}
        confirmLabel={t('events.editor.cancelSession')}
        danger
        pending={cancel.isPending}
        error={cancel.error}
        onConfirm={() => cancel.mutate(s.id, { onSuccess: () => setCancelling(false) })}
        onClose={() => setCancelling(false)}
      />
    </Card>
  );
}
