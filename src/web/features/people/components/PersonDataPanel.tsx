import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TPerson } from '../../../../shared/api/people';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useErasePerson } from '../api/erase-person';

/** The person's data (docs/PRIVACY.md): the administrator's downloads of it, as PDF and JSON. */
export function PersonExportPanel({ person }: { person: TPerson }) {
  const { t } = useTranslation();
  const base = `/api/v1/people/${encodeURIComponent(person.id)}/data`;
  return (
    <Stack gap="sm">
      <Title order={2} fz="lg">
        {t('personalData.person.exportTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('personalData.person.exportText')}
      </Text>
      <Group>
        <Button component="a" href={`${base}.pdf`} download variant="light" leftSection={<IconDownload size={18} aria-hidden />}>
          {t('personalData.person.pdf')}
        </Button>
        <Button component="a" href={base} download variant="subtle" leftSection={<IconDownload size={18} aria-hidden />}>
          {t('personalData.person.json')}
        </Button>
      </Group>
    </Stack>
  );
}

/** "Slet og anonymisér": a modal where the person's name is typed to confirm; afterwards back to the list. */
export function PersonErasePanel({ person }: { person: TPerson }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const erase = useErasePerson(person.id);
  const [open, setOpen] = useState(false);
  const [confirm, setConfirm] = useState('');
  const errors = fieldErrors(erase.error);
  const close = () => {
    setOpen(false);
    setConfirm('');
    erase.reset();
  };
  return (
    <Stack gap="sm">
      <Title order={2} fz="lg">
        {t('personalData.person.eraseTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('personalData.person.eraseText')}
      </Text>
      <Group>
        <Button color="red.9" variant="outline" leftSection={<IconTrash size={18} aria-hidden />} onClick={() => setOpen(true)}>
          {t('personalData.person.eraseButton')}
        </Button>
      </Group>
      <Modal opened={open} onClose={close} title={t('personalData.person.confirmTitle', { name: person.name })} closeButtonProps={{ 'aria-label': t('common.cancel') }} centered>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            erase.mutate(confirm, {
              onSuccess: () => {
                notifications.show({ color: 'green.9', message: t('personalData.person.erased') });
                void navigate('/admin/personer');
              },
            });
          }}
        >
          <Stack gap="md">
            <Text size="sm">{t('personalData.person.confirmText')}</Text>
            {erase.error ? <ProblemAlert error={erase.error} hideFields={['confirm']} /> : null}
            <TextInput
              label={t('personalData.person.confirmLabel')}
              description={person.name}
              autoComplete="off"
              data-autofocus
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={errors.confirm}
            />
            <Group justify="flex-end">
              <Button variant="subtle" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red.9" loading={erase.isPending} disabled={confirm.trim() === ''}>
                {t('personalData.person.confirmButton')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
