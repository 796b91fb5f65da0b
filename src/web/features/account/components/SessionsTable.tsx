import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TSession } from '../../../../shared/api/me';
import { useEndSession } from '../api/end-session';
import { ScrollTable } from '../../../shared/ui/ScrollTable';

const fmt = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' });

/** A short, readable description of a browser from its user agent. */
function browserOf(ua: string | null): string | null {
  if (!ua) return null;
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : null;
  const os = /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Linux/.test(ua) ? 'Linux' : null;
  return [browser, os].filter(Boolean).join(' · ') || null;
}

export function SessionsTable({ sessions }: { sessions: TSession[] }) {
  const { t } = useTranslation();
  const end = useEndSession();
  return (
    <ScrollTable minWidth={560} label={t('account.sessionsTitle')}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('account.device')}</Table.Th>
            <Table.Th scope="col">{t('account.started')}</Table.Th>
            <Table.Th scope="col">{t('account.lastSeen')}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {browserOf(s.userAgent) ?? t('account.unknownDevice')}
                </Text>
                <Text size="xs" c="dimmed">
                  {s.ip ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>{fmt.format(new Date(s.createdAt))}</Table.Td>
              <Table.Td>{fmt.format(new Date(s.lastSeenAt))}</Table.Td>
              <Table.Td ta="right">
                {s.current ? (
                  <Badge variant="light" tt="none">
                    {t('account.thisSession')}
                  </Badge>
                ) : (
                  <Button size="compact-sm" variant="outline" color="red.9" loading={end.isPending && end.variables === s.id} onClick={() => end.mutate(s.id)} aria-label={t('account.endLabel', { device: browserOf(s.userAgent) ?? t('account.unknownDevice') })}>
                    {t('account.end')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
