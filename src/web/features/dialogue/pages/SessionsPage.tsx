import { Anchor, Button, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TDialogueSessionListItem, TDialogueStatus } from '../../../../shared/api/dialogue';
import { useCan } from '../../../app/session';
import { formatDate } from '../../../shared/dates';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { useDialogueSessions } from '../api/sessions';
import { SessionStatus } from '../components/SessionStatus';

const ORDER: TDialogueStatus[] = ['open', 'draft', 'closed'];

/** Where a row leads: its facilitator's page, or the answer page for a member of an asynchronous session's audience. */
const target = (s: TDialogueSessionListItem) =>
  s.abilities.includes('dialogueSession:facilitate') ? `/dialog/${s.id}` : s.status === 'closed' ? null : `/dialog/${s.id}/svar`;

/** /dialog: the sessions the actor facilitates (drafts, open, closed) and the asynchronous ones that ask the actor. */
export function SessionsPage() {
  const { t } = useTranslation();
  const sessions = useDialogueSessions();
  const canCreate = useCan('dialogueSession:create');
  const canTemplates = useCan('dialogue:manageTemplates');
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('dialogue.list.title')}
        description={t('dialogue.list.lead')}
        actions={
          <>
            {canTemplates ? (
              <Button component={Link} to="/dialog/spaendingsfelter" variant="light">
                {t('dialogue.templates.title')}
              </Button>
            ) : null}
            {canCreate ? (
              <Button component={Link} to="/dialog/ny" leftSection={<IconPlus size={18} />}>
                {t('dialogue.list.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <QueryState query={sessions}>
        {({ sessions: list }) =>
          list.length === 0 ? (
            <EmptyState
              title={t('dialogue.list.empty')}
              hint={t(canCreate ? 'dialogue.list.emptyHint' : 'dialogue.list.emptyHintMember')}
              action={
                canCreate ? (
                  <Button component={Link} to="/dialog/ny" leftSection={<IconPlus size={18} />}>
                    {t('dialogue.list.new')}
                  </Button>
                ) : undefined
              }
            />
          ) : (
            ORDER.map((status) => {
              const rows = list.filter((s) => s.status === status);
              return rows.length === 0 ? null : <SessionTable key={status} status={status} rows={rows} />;
            })
          )
        }
      </QueryState>
    </Stack>
  );
}

function SessionTable({ status, rows }: { status: TDialogueStatus; rows: TDialogueSessionListItem[] }) {
  const { t, i18n } = useTranslation();
  const title = t(`dialogue.list.group.${status}`);
  return (
    <Stack gap="xs">
      <Title order={2} fz={20}>
        {title}
      </Title>
      <ScrollTable label={title} minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dialogue.list.name')}</Table.Th>
              <Table.Th>{t('dialogue.list.state')}</Table.Th>
              <Table.Th>{t('dialogue.list.when')}</Table.Th>
              <Table.Th ta="right">{t('dialogue.list.pairs')}</Table.Th>
              <Table.Th ta="right">{t('dialogue.list.participants')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => {
              const to = target(s);
              const when = s.mode === 'async' && s.opensOn && s.closesOn ? `${formatDate(s.opensOn, i18n.language)} – ${formatDate(s.closesOn, i18n.language)}` : formatDate(s.closedAt ?? s.openedAt ?? s.createdAt, i18n.language);
              return (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {to ? (
                      <Anchor component={Link} to={to}>
                        {s.title}
                      </Anchor>
                    ) : (
                      <Text>{s.title}</Text>
                    )}
                    {s.code && s.status === 'open' ? (
                      <Text size="xs" c="dimmed">
                        {t('dialogue.list.code', { code: s.code })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <SessionStatus status={s.status} mode={s.mode} />
                  </Table.Td>
                  <Table.Td>{when}</Table.Td>
                  <Table.Td ta="right">{s.itemCount}</Table.Td>
                  <Table.Td ta="right">{s.participantCount}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
