import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TEventDetail } from '../../../../shared/api/events';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { useCancelEvent, useEvent, usePatchEvent, usePublishEvent } from '../api/events';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EventForm } from '../components/EventForm';
import { KindBadge, StatusBadge } from '../components/KindBadge';
import { MaterialsEditor } from '../components/MaterialsEditor';
import { SessionsEditor } from '../components/SessionsEditor';
import { WRAP } from '../components/wrap';

/** /arrangementer/:id/rediger: the organiser's editor: the event, its sessions and materials, publishing and cancelling. */
export function EventEditPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const event = useEvent(id);
  return (
    <Stack gap="lg" style={WRAP}>
      <PageHeader
        eyebrow={
          <Anchor component={Link} to={`/arrangementer/${id}`} inherit c="dimmed">
            {event.data?.title ?? t('events.list.title')}
          </Anchor>
        }
        title={t('events.editor.editTitle')}
      />
      <QueryState query={event}>
        {(e) =>
          !e.abilities.includes('event:manage') ? (
            <Alert color="gray" variant="light">
              {t('events.editor.notAllowed')}
            </Alert>
          ) : e.status === 'cancelled' ? (
            <Alert color="red.9" variant="light">
              {t('events.editor.cancelledNote')}
            </Alert>
          ) : (
            <Editor event={e} />
          )
        }
      </QueryState>
    </Stack>
  );
}

function Editor({ event: e }: { event: TEventDetail }) {
  const { t } = useTranslation();
  const patch = usePatchEvent(e.id);
  return (
    <Stack gap="lg">
      <Group gap="xs" mt={-16}>
        <KindBadge kind={e.kind} />
        <StatusBadge status={e.status} />
      </Group>
      <StatusPanel event={e} />
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="editor-details">
        <Stack gap="md">
          <Title order={2} fz={20} id="editor-details">
            {t('events.editor.details')}
          </Title>
          <EventForm
            key={e.title + e.description}
            initial={{ kind: e.kind, title: e.title, description: e.description }}
            kindFixed
            submitLabel={t('events.editor.save')}
            pending={patch.isPending}
            error={patch.error}
            onSubmit={({ title, description }) => patch.mutate({ title, description }, { onSuccess: () => notifications.show({ color: 'teal', message: t('events.editor.saved') }) })}
          />
        </Stack>
      </Card>
      <SessionsEditor event={e} />
      <MaterialsEditor event={e} />
    </Stack>
  );
}

/** Where the event stands and the one step that moves it on: publish a draft, or cancel it altogether. */
function StatusPanel({ event: e }: { event: TEventDetail }) {
  const { t } = useTranslation();
  const publish = usePublishEvent(e.id);
  const cancel = useCancelEvent(e.id);
  const [asking, setAsking] = useState<'publish' | 'cancel' | null>(null);
  const hasSession = e.sessions.some((s) => !s.cancelled);
  return (
    <Card withBorder padding="lg" radius="md">
      <Stack gap="sm">
        <Text>{e.status === 'draft' ? t('events.editor.draftNote') : t('events.editor.publishedNote')}</Text>
        {e.status === 'draft' && !hasSession ? (
          <Text size="sm" c="dimmed">
            {t('events.editor.publishNeedsSession')}
          </Text>
        ) : null}
        <Group gap="sm">
          {e.status === 'draft' ? (
            <Button onClick={() => setAsking('publish')} disabled={!hasSession}>
              {t('events.editor.publish')}
            </Button>
          ) : null}
          <Button component={Link} to={`/arrangementer/${e.id}`} variant="default">
            {t('events.editor.view')}
          </Button>
          <Button variant="default" color="red.9" onClick={() => setAsking('cancel')}>
            {t('events.editor.cancelEvent')}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={asking === 'publish'}
        title={t('events.editor.publishTitle')}
        text={t('events.editor.publishText')}
        confirmLabel={t('events.editor.publish')}
        pending={publish.isPending}
        error={publish.error}
        onConfirm={() =>
          publish.mutate(undefined, {
            onSuccess: () => {
              setAsking(null);
              notifications.show({ color: 'teal', message: t('events.editor.published') });
            },
          })
        }
        onClose={() => setAsking(null)}
      />
      <ConfirmDialog
        opened={asking === 'cancel'}
        title={t('events.editor.cancelEventTitle')}
        text={e.status === 'draft' ? t('events.editor.cancelDraftText') : t('events.editor.cancelEventText')}
        confirmLabel={t('events.editor.cancelEvent')}
        danger
        pending={cancel.isPending}
        error={cancel.error}
        onConfirm={() => cancel.mutate(undefined, { onSuccess: () => setAsking(null) })}
        onClose={() => setAsking(null)}
      />
    </Card>
  );
}
