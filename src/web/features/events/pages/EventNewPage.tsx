import { Anchor, Card, Stack } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader';
import { useCreateEvent } from '../api/events';
import { EventForm } from '../components/EventForm';
import { WRAP } from '../components/wrap';

/** /arrangementer/ny: a new draft; its sessions and materials are added on the editor it opens next. */
export function EventNewPage() {
  const { t } = useTranslation();
  const create = useCreateEvent();
  const navigate = useNavigate();
  return (
    <Stack gap="lg" style={WRAP}>
      <PageHeader
        eyebrow={
          <Anchor component={Link} to="/arrangementer" inherit c="dimmed">
            {t('events.list.title')}
          </Anchor>
        }
        title={t('events.editor.newTitle')}
        description={t('events.editor.newLead')}
      />
      <Card withBorder padding="lg" radius="md" maw={760}>
        <EventForm
          submitLabel={t('events.editor.create')}
          pending={create.isPending}
          error={create.error}
          onSubmit={(v) => create.mutate(v, { onSuccess: (e) => void navigate(`/arrangementer/${e.id}/rediger`) })}
        />
      </Card>
    </Stack>
  );
}
