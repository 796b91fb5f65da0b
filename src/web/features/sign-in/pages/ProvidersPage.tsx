import { useState } from 'react';
import { Button, Card, Modal, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CopyLink } from '../../../shared/CopyLink';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import type { TProvider } from '../../../../shared/api/sign-in';
import { useCreateProvider, useDeleteProvider, usePatchProvider, useSchoolProviders } from '../api/providers';
import { DeleteProvider } from '../components/DeleteProvider';
import { ProviderCard } from '../components/ProviderCard';
import { ProviderForm } from '../components/ProviderForm';
import { type ProviderValues, toInput, toPatch } from '../provider-values';

/** The form is open for a new provider ('new') or for one being edited. */
type Editing = 'new' | TProvider | null;

/** /admin/skole/log-ind: the school's sign-in providers (UNI-Login, Entra ID): add, edit, deactivate, delete; the redirect URI to register at the provider. */
export function ProvidersPage() {
  const { t } = useTranslation();
  const providers = useSchoolProviders();
  const create = useCreateProvider();
  const patch = usePatchProvider();
  const remove = useDeleteProvider();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<TProvider | null>(null);
  const phone = useMediaQuery('(max-width: 36em)');
  const saving = editing === 'new' ? create : patch;
  const open = (e: Editing) => {
    create.reset();
    patch.reset();
    setEditing(e);
  };
  const saved = (message: string) => () => {
    setEditing(null);
    notifications.show({ color: 'green.9', message });
  };
  const submit = (v: ProviderValues) => {
    if (editing === 'new') create.mutate(toInput(v), { onSuccess: saved(t('signInAdmin.created')) });
    else if (editing) patch.mutate({ id: editing.id, patch: toPatch(editing, v) }, { onSuccess: saved(t('signInAdmin.saved')) });
  };
  const toggle = (p: TProvider) =>
    patch.mutate(
      { id: p.id, patch: { active: !p.active } },
      { onSuccess: (r) => notifications.show({ color: 'green.9', message: t(`signInAdmin.${r.active ? 'activated' : 'deactivated'}`, { label: r.label }) }) },
    );
  return (
    <>
      <PageHeader
        eyebrow={t('nav.administration')}
        title={t('signInAdmin.title')}
        description={t('signInAdmin.lead')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => open('new')}>
            {t('signInAdmin.add')}
          </Button>
        }
      />
      <QueryState query={providers}>
        {(data) => (
          <Stack gap="lg">
            <Card>
              <Stack gap="xs">
                <Title order={2} fz="lg">
                  {t('signInAdmin.redirectTitle')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('signInAdmin.redirectText')}
                </Text>
                <CopyLink link={data.redirectUri} label={t('signInAdmin.redirectLabel')} />
              </Stack>
            </Card>
            {editing === null && patch.error ? <ProblemAlert error={patch.error} /> : null}
            {data.providers.length === 0 ? (
              <EmptyState title={t('signInAdmin.empty')} hint={t('signInAdmin.emptyHint')} />
            ) : (
              data.providers.map((p) => (
                <ProviderCard
                  key={p.id}
                  provider={p}
                  onEdit={() => open(p)}
                  onToggle={() => toggle(p)}
                  onDelete={() => {
                    remove.reset();
                    setDeleting(p);
                  }}
                  toggling={patch.isPending && patch.variables.id === p.id && patch.variables.patch.active !== undefined && editing === null}
                />
              ))
            )}
          </Stack>
        )}
      </QueryState>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' || editing === null ? t('signInAdmin.addTitle') : t('signInAdmin.editTitle', { label: editing.label })}
        closeButtonProps={{ 'aria-label': t('common.cancel') }}
        size="lg"
        fullScreen={phone}
      >
        {editing !== null ? (
          <ProviderForm
            key={editing === 'new' ? 'new' : editing.id}
            provider={editing === 'new' ? undefined : editing}
            pending={saving.isPending}
            error={saving.error}
            onSubmit={submit}
            onCancel={() => setEditing(null)}
          />
        ) : null}
      </Modal>
      <DeleteProvider
        provider={deleting}
        pending={remove.isPending}
        error={remove.error}
        onClose={() => setDeleting(null)}
        onConfirm={(id) =>
          remove.mutate(id, {
            onSuccess: () => {
              setDeleting(null);
              notifications.show({ color: 'green.9', message: t('signInAdmin.deleted') });
            },
          })
        }
      />
    </>
  );
}
