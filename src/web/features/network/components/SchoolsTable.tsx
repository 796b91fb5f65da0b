import { useState } from 'react';
import { Button, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TNetworkSchool } from '../../../../shared/api/network';
import { formatDate } from '../../../shared/dates';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { useSetArchived } from '../api/schools';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * The open schools with their counts and activity, one row each. Counts only: the coordinator
 * never sees a person of a school. Archiving asks first and says what it does.
 */
export function SchoolsTable({ schools, canManage }: { schools: TNetworkSchool[]; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const n = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'da-DK');
  const [archiving, setArchiving] = useState<TNetworkSchool | null>(null);
  const archive = useSetArchived();
  const close = () => {
    setArchiving(null);
    archive.reset();
  };
  const num = (v: number) => <Table.Td ta="right">{n.format(v)}</Table.Td>;
  return (
    <>
      <ScrollTable minWidth={canManage ? 820 : 720} labelledBy="schools-title">
        <Table verticalSpacing="sm" horizontalSpacing="sm" striped aria-labelledby="schools-title" data-testid="network-schools">
          <Table.Thead style={{ whiteSpace: 'nowrap' }}>
            <Table.Tr>
              <Table.Th scope="col">{t('network.school')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('network.columns.people')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('network.columns.active')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('network.columns.departments')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('network.columns.initiatives')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('network.columns.libraryItems')}</Table.Th>
              <Table.Th scope="col">{t('network.columns.lastActivity')}</Table.Th>
              {canManage ? (
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {schools.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Th scope="row" fw={600} miw={160}>
                  {s.name}
                  {s.institutionNumber ? (
                    <Text size="xs" c="dimmed" fw={400}>
                      {t('network.institutionNumberShort', { number: s.institutionNumber })}
                    </Text>
                  ) : null}
                </Table.Th>
                {num(s.people)}
                {num(s.activeAccounts30d)}
                {num(s.departments)}
                {num(s.initiatives)}
                {num(s.libraryItems)}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {s.lastActivity ? <time dateTime={s.lastActivity}>{formatDate(s.lastActivity, i18n.language)}</time> : <Text span c="dimmed" size="sm">{t('network.never')}</Text>}
                </Table.Td>
                {canManage ? (
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red.9"
                      leftSection={<IconArchive size={14} aria-hidden />}
                      onClick={() => setArchiving(s)}
                      aria-label={t('network.archive.buttonFor', { name: s.name })}
                    >
                      {t('network.archive.button')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <ConfirmDialog
        opened={archiving !== null}
        title={t('network.archive.title', { name: archiving?.name ?? '' })}
        confirmLabel={t('network.archive.confirm')}
        pending={archive.isPending}
        error={archive.error}
        onClose={close}
        onConfirm={() => {
          if (!archiving) return;
          const { name } = archiving;
          archive.mutate({ id: archiving.id, archived: true }, {
            onSuccess: () => {
              close();
              notifications.show({ color: 'green.9', message: t('network.archive.done', { name }) });
            },
          });
        }}
      >
        {t('network.archive.what')}
      </ConfirmDialog>
    </>
  );
}
