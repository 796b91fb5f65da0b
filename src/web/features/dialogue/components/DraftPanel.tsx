import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TDialogueSession } from '../../../../shared/api/dialogue';
import { formatDate } from '../../../shared/dates';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useDeleteDialogueSession, useOpenDialogueSession } from '../api/sessions';
import { inLang, useDialogueTemplates } from '../api/templates';

/** A draft: its pairs in order, what opening it does, and editing or deleting it. */
export function DraftPanel({ s }: { s: TDialogueSession }) {
  const { t, i18n } = useTranslation();
  const open = useOpenDialogueSession(s.id);
  const remove = useDeleteDialogueSession(s.id);
  const templates = useDialogueTemplates();
  const navigate = useNavigate();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const boundaryName = (key: string | null) => {
    const b = templates.data?.boundaries.find((x) => x.key === key);
    return b ? inLang(b.name, i18n.language) : null;
  };
  const asyncReady = s.mode === 'live' || (s.opensOn !== null && s.closesOn !== null && s.audience !== null);
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Title order={2} fz={20} mb="sm">
          {t('dialogue.draft.items', { count: s.items.length })}
        </Title>
        {s.items.length === 0 ? (
          <Text c="dimmed">{t('dialogue.draft.noItems')}</Text>
        ) : (
          <Stack component="ol" gap={6} m={0} pl="lg">
            {s.items.map((item) => (
              <li key={item.id}>
                <Group gap="xs" wrap="wrap">
                  <Text>{t('dialogue.pairName', { left: inLang(item.left, i18n.language), right: inLang(item.right, i18n.language) })}</Text>
                  {item.boundary ? (
                    <Badge variant="light" color="grape.9" size="sm">
                      {boundaryName(item.boundary) ?? item.boundary}
                    </Badge>
                  ) : null}
                </Group>
              </li>
            ))}
          </Stack>
        )}
        {s.mode === 'async' && s.opensOn && s.closesOn ? (
          <Text mt="md">{t('dialogue.draft.period', { from: formatDate(s.opensOn, i18n.language), to: formatDate(s.closesOn, i18n.language) })}</Text>
        ) : null}
      </Card>
      <Card withBorder padding="lg">
        <Title order={2} fz={20} mb="xs">
          {t('dialogue.draft.openTitle')}
        </Title>
        <Text c="dimmed" mb="md">
          {t(s.mode === 'live' ? 'dialogue.draft.openLive' : 'dialogue.draft.openAsync')}
        </Text>
        {!asyncReady ? (
          <Alert color="yellow" variant="light" mb="md">
            {t('dialogue.draft.asyncMissing')}
          </Alert>
        ) : null}
        <Group gap="sm">
          <Button onClick={() => open.mutate({})} loading={open.isPending} disabled={s.items.length === 0 || !asyncReady}>
            {t('dialogue.draft.open')}
          </Button>
          <Button component={Link} to={`/dialog/${s.id}/rediger`} variant="light">
            {t('dialogue.draft.edit')}
          </Button>
          <Button variant="subtle" color="red.9" onClick={() => setConfirmDelete(true)}>
            {t('dialogue.draft.delete')}
          </Button>
        </Group>
        <ProblemAlert error={open.error ?? remove.error} />
      </Card>
      <Modal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title={t('dialogue.draft.deleteTitle')} centered>
        <Text mb="md">{t('dialogue.draft.deleteText', { title: s.title })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirmDelete(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate(undefined, { onSuccess: () => void navigate('/dialog') })}>
            {t('dialogue.draft.delete')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
