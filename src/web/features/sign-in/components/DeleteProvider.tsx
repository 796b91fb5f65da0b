import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import type { TProvider } from '../../../../shared/api/sign-in';

type Props = { provider: TProvider | null; pending: boolean; error: unknown; onConfirm: (id: string) => void; onClose: () => void };

/** Deleting a provider removes the links through it: said before, with how many people it concerns. */
export function DeleteProvider({ provider, pending, error, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={provider !== null}
      onClose={onClose}
      title={t('signInAdmin.deleteTitle', { label: provider?.label ?? '' })}
      closeButtonProps={{ 'aria-label': t('common.cancel') }}
      centered
    >
      <Stack gap="md">
        <Text size="sm">{provider?.linkCount ? t('signInAdmin.deleteText', { count: provider.linkCount }) : t('signInAdmin.deleteTextNone')}</Text>
        <ProblemAlert error={error} />
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={pending} onClick={() => provider && onConfirm(provider.id)}>
            {t('signInAdmin.deleteConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
