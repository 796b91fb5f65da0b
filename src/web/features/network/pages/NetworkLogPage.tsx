import { useState } from 'react';
import { Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { useNetworkName } from '../network-name';
import { QueryState } from '../../../shared/QueryState';
import { useNetworkAudit } from '../api/network-audit';
import { NetworkAuditTable, actionKey } from '../components/NetworkAuditTable';
import { Pager } from '../../../shared/ui/Pager';

const PAGE_SIZE = 25;

/** /netvaerk/log: the network's own log (schools created, archived, reopened; coordinators invited and removed), paged, by action. */
export function NetworkLogPage() {
  const { t } = useTranslation();
  const networkName = useNetworkName();
  const [page, setPage] = useState(1);
  const [action, setAction] = useState<string | null>(null);
  const audit = useNetworkAudit({ page, pageSize: PAGE_SIZE, action: action ?? undefined });
  const actions = audit.data?.actions ?? [];
  return (
    <>
      <PageHeader eyebrow={networkName} title={t('network.log.title')} description={t('network.log.lead')} />
      <Stack gap="md">
        <Select
          label={t('audit.action')}
          placeholder={t('audit.allActions')}
          data={actions.map((a) => ({ value: a, label: t(actionKey(a), { defaultValue: a }) }))}
          value={action}
          onChange={(v) => {
            setAction(v);
            setPage(1);
          }}
          clearable
          maw={360}
        />
        <QueryState query={audit}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState title={action ? t('network.log.noMatch') : t('network.log.empty')} hint={action ? t('network.log.noMatchHint') : t('network.log.emptyHint')} />
            ) : (
              <Stack gap="md">
                <Group justify="space-between" align="baseline">
                  <Title order={2} fz="lg" id="network-log-title">
                    {t('network.log.events')}
                  </Title>
                  <Text size="sm" c="dimmed" role="status">
                    {t('audit.total', { count: data.total })}
                  </Text>
                </Group>
                <Card p={0}>
                  <NetworkAuditTable rows={data.items} />
                </Card>
                <Pager total={data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </>
  );
}
