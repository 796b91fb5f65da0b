import { Button, Group, Stack } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TDialogueSession } from '../../../../shared/api/dialogue';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { useCopyDialogueSession, useDialogueSession } from '../api/sessions';
import { AsyncPanel } from '../components/AsyncPanel';
import { DraftPanel } from '../components/DraftPanel';
import { FacilitatorLive } from '../components/FacilitatorLive';
import { SessionStatus } from '../components/SessionStatus';

/** /dialog/:id: a session for its facilitator: a draft to open, a live session to run, an asynchronous one to follow, a closed one's way to its results. */
export function SessionPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const session = useDialogueSession(id);
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow={
          <Link to="/dialog" style={{ color: 'inherit' }}>
            {t('dialogue.list.title')}
          </Link>
        }
        title={session.data?.title ?? t('dialogue.list.title')}
        actions={session.data ? <SessionActions s={session.data} /> : null}
      />
      <QueryState query={session}>{(s) => <SessionBody s={s} />}</QueryState>
    </Stack>
  );
}

function SessionActions({ s }: { s: TDialogueSession }) {
  const { t } = useTranslation();
  const copy = useCopyDialogueSession(s.id);
  const navigate = useNavigate();
  return (
    <Stack gap={4} align="flex-end">
      <Group gap="sm">
        <SessionStatus status={s.status} mode={s.mode} />
        {s.status === 'closed' && s.abilities.includes('dialogueSession:results') ? (
          <Button component={Link} to={`/dialog/${s.id}/resultater`}>
            {t('dialogue.session.results')}
          </Button>
        ) : null}
        <Button variant="light" loading={copy.isPending} onClick={() => copy.mutate({}, { onSuccess: (c) => void navigate(`/dialog/${c.id}/rediger`) })}>
          {t('dialogue.session.copy')}
        </Button>
      </Group>
      <ProblemAlert error={copy.error} />
    </Stack>
  );
}

function SessionBody({ s }: { s: TDialogueSession }) {
  if (s.status === 'draft') return <DraftPanel s={s} />;
  if (s.status === 'open' && s.mode === 'live') return <FacilitatorLive sessionId={s.id} />;
  return <AsyncPanel s={s} />;
}
