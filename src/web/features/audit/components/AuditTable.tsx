import { Code, Table, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TAuditEvent } from '../../../../shared/api/audit';
import { ScrollTable } from '../../../shared/ui/ScrollTable';

const fmt = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' });

/** i18n key for an action like "person.created"; unknown actions are shown as they are. */
const actionLabel = (t: (k: string, o?: Record<string, string>) => string, action: string) => t(`audit.actions.${action.replace('.', '_')}`, { defaultValue: action });

export function AuditTable({ rows }: { rows: TAuditEvent[] }) {
  const { t } = useTranslation();
  return (
    <ScrollTable minWidth={760} label={t('audit.title')}>
      <Table verticalSpacing="sm" horizontalSpacing="md" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.at')}</Table.Th>
            <Table.Th scope="col">{t('audit.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.resource')}</Table.Th>
            <Table.Th scope="col">{t('audit.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={e.at}>{fmt.format(dayjs(e.at).toDate())}</time>
              </Table.Td>
              <Table.Td>{e.actorName}</Table.Td>
              <Table.Td>{actionLabel(t, e.action)}</Table.Td>
              <Table.Td>
                <Text size="sm">{e.summary ?? '–'}</Text>
                <Text size="xs" c="dimmed">
                  {t(`audit.types.${e.resourceType}`, { defaultValue: e.resourceType })}
                </Text>
              </Table.Td>
              <Table.Td maw={320}>
                {e.changes && Object.keys(e.changes).length > 0 ? (
                  <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                    {JSON.stringify(e.changes, null, 1)}
                  </Code>
                ) : (
                  '–'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
