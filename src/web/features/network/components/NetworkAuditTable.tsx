import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAuditEvent } from '../../../../shared/api/audit';
import { formatDateTime } from '../../../shared/dates';
import { ScrollTable } from '../../../shared/ui/ScrollTable';

/** The log's key for an action: "network.school_created" → "network_school_created"; an unknown action is shown as it is. */
export const actionKey = (action: string) => `audit.actions.${action.replace('.', '_')}`;

/** One page of the network's log: when, who, what, and which school or coordinator. */
export function NetworkAuditTable({ rows }: { rows: TAuditEvent[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollTable minWidth={780} labelledBy="network-log-title">
      <Table verticalSpacing="sm" horizontalSpacing="md" striped aria-labelledby="network-log-title" data-testid="network-log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.at')}</Table.Th>
            <Table.Th scope="col">{t('audit.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.resource')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={e.at}>{formatDateTime(e.at, i18n.language, { dateStyle: 'short', timeStyle: 'short' })}</time>
              </Table.Td>
              <Table.Td miw={200} style={{ overflowWrap: 'anywhere' }}>
                {e.actorName}
              </Table.Td>
              <Table.Td miw={150}>{t(actionKey(e.action), { defaultValue: e.action })}</Table.Td>
              <Table.Td>
                <Text size="sm">{e.summary ?? '–'}</Text>
                <Text size="xs" c="dimmed">
                  {t(`audit.types.${e.resourceType}`, { defaultValue: e.resourceType })}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
