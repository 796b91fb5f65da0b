import { Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchiveOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TNetworkSchool } from '../../../../shared/api/network';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { useSetArchived } from '../api/schools';

/** Archived schools, apart from the open ones: nothing of theirs is deleted, so they can be reopened. */
export function ArchivedSchools({ schools, canManage }: { schools: TNetworkSchool[]; canManage: boolean }) {
  const { t } = useTranslation();
  const reopen = useSetArchived();
  return (
    <Card component="section" aria-labelledby="archived-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="archived-title">
          {t('network.archived.title', { count: schools.length })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('network.archived.lead')}
        </Text>
        <ProblemAlert error={reopen.error} />
        <ScrollTable minWidth={420} labelledBy="archived-title">
          <Table verticalSpacing="xs" horizontalSpacing="md" aria-labelledby="archived-title" data-testid="network-archived">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('network.school')}</Table.Th>
                <Table.Th scope="col">{t('fields.institutionNumber')}</Table.Th>
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
                  <Table.Th scope="row" fw={600}>
                    {s.name}
                  </Table.Th>
                  <Table.Td>{s.institutionNumber ?? '–'}</Table.Td>
                  {canManage ? (
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconArchiveOff size={14} aria-hidden />}
                        loading={reopen.isPending && reopen.variables.id === s.id}
                        aria-label={t('network.archived.reopenFor', { name: s.name })}
                        onClick={() =>
                          reopen.mutate({ id: s.id, archived: false }, { onSuccess: () => notifications.show({ color: 'green.9', message: t('network.archived.reopened', { name: s.name }) }) })
                        }
                      >
                        {t('network.archived.reopen')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Stack>
    </Card>
  );
}
