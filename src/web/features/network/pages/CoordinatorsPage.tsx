import { useState } from 'react';
import { Badge, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserMinus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TCoordinator } from '../../../../shared/api/network';
import { formatDate } from '../../../shared/dates';
import { PageHeader } from '../../../shared/PageHeader';
import { useNetworkName } from '../network-name';
import { QueryState } from '../../../shared/QueryState';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { useCoordinators, useRemoveCoordinator } from '../api/coordinators';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { InviteCoordinator } from '../components/InviteCoordinator';

/** /netvaerk/koordinatorer: who coordinates the network; invite one by e-mail, remove one (never the last). */
export function CoordinatorsPage() {
  const { t, i18n } = useTranslation();
  const networkName = useNetworkName();
  const coordinators = useCoordinators();
  const remove = useRemoveCoordinator();
  const [removing, setRemoving] = useState<TCoordinator | null>(null);
  const client = useQueryClient();
  const navigate = useNavigate();
  const close = () => {
    setRemoving(null);
    remove.reset();
  };
  return (
    <>
      <PageHeader eyebrow={networkName} title={t('network.coordinators.title')} description={t('network.coordinators.lead')} />
      <Stack gap="xl">
        <Card p={0} component="section" aria-labelledby="coordinators-title">
          <Stack gap={4} p="lg" pb="sm">
            <Title order={2} fz="lg" id="coordinators-title">
              {t('network.coordinators.listTitle')}
            </Title>
          </Stack>
          <QueryState query={coordinators}>
            {({ items }) => {
              const last = items.length <= 1;
              return (
                <>
                  <ScrollTable minWidth={560} labelledBy="coordinators-title">
                    <Table verticalSpacing="sm" horizontalSpacing="md" striped aria-labelledby="coordinators-title" data-testid="network-coordinators">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t('fields.email')}</Table.Th>
                          <Table.Th scope="col">{t('network.coordinators.since')}</Table.Th>
                          <Table.Th scope="col">{t('network.coordinators.status')}</Table.Th>
                          <Table.Th scope="col">
                            <span className="visually-hidden">{t('common.actions')}</span>
                          </Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {items.map((c) => (
                          <Table.Tr key={c.accountId}>
                            <Table.Th scope="row" fw={600} style={{ wordBreak: 'break-all' }}>
                              {c.email}
                              {c.self ? (
                                <Badge variant="light" ml="xs" size="sm">
                                  {t('network.coordinators.you')}
                                </Badge>
                              ) : null}
                            </Table.Th>
                            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(c.since, i18n.language)}</Table.Td>
                            <Table.Td>
                              <Badge variant="light" color={c.active ? 'green.9' : 'gray.8'}>
                                {c.active ? t('network.coordinators.active') : t('network.coordinators.invited')}
                              </Badge>
                            </Table.Td>
                            <Table.Td ta="right">
                              <Button
                                size="xs"
                                variant="subtle"
                                color="red.9"
                                leftSection={<IconUserMinus size={14} aria-hidden />}
                                disabled={last}
                                onClick={() => setRemoving(c)}
                                aria-label={t('network.coordinators.removeFor', { email: c.email })}
                              >
                                {t('network.coordinators.remove')}
                              </Button>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </ScrollTable>
                  {last ? (
                    <Text size="sm" c="dimmed" p="lg" pt="sm">
                      {t('network.coordinators.lastHint')}
                    </Text>
                  ) : null}
                </>
              );
            }}
          </QueryState>
        </Card>
        <InviteCoordinator />
      </Stack>
      <ConfirmDialog
        opened={removing !== null}
        title={t('network.coordinators.removeTitle', { email: removing?.email ?? '' })}
        confirmLabel={t('network.coordinators.removeConfirm')}
        pending={remove.isPending}
        error={remove.error}
        onClose={close}
        onConfirm={() => {
          if (!removing) return;
          const { email, self } = removing;
          remove.mutate(removing.accountId, {
            onSuccess: () => {
              close();
              notifications.show({ color: 'green.9', message: t('network.coordinators.removed', { email }) });
              // without the role the network's pages are closed to them: start again from what is left
              if (self) void client.resetQueries().then(() => navigate('/'));
            },
          });
        }}
      >
        {removing?.self ? t('network.coordinators.removeSelf') : t('network.coordinators.removeWhat')}
      </ConfirmDialog>
    </>
  );
}
