import { useState } from 'react';
import { Card, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TCoordinator } from '../../../../shared/api/network';
import { PageHeader } from '../../../shared/PageHeader';
import { useNetworkName } from '../network-name';
import { QueryState } from '../../../shared/QueryState';
import { useCoordinators, useRemoveCoordinator } from '../api/coordinators';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { CoordinatorList } from '../components/CoordinatorList';
import { InviteCoordinator } from '../components/InviteCoordinator';

/** /netvaerk/koordinatorer: who coordinates the network; invite one by e-mail, remove one (never the last). */
export function CoordinatorsPage() {
  const { t } = useTranslation();
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
            {({ items }) => (
              <>
                <CoordinatorList items={items} onRemove={setRemoving} />
                {items.length <= 1 ? (
                  <Text size="sm" c="dimmed" p="lg" pt="sm">
                    {t('network.coordinators.lastHint')}
                  </Text>
                ) : null}
              </>
            )}
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
