import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconPlayerPause, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TProvider } from '../../../../shared/api/sign-in';

type Props = { provider: TProvider; onEdit: () => void; onToggle: () => void; onDelete: () => void; toggling: boolean };

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** One provider as the administrator sees it: its settings (the secret only as set or not), its links, and what can be done with it. */
export function ProviderCard({ provider: p, onEdit, onToggle, onDelete, toggling }: Props) {
  const { t } = useTranslation();
  return (
    <Card data-testid="provider-card">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={2} fz="lg">
              {p.label}
            </Title>
            <Group gap={6}>
              <Badge variant="light" tt="none">
                {t(`signIn.kinds.${p.kind}`)}
              </Badge>
              <Badge variant="light" color={p.active ? 'green.9' : 'gray.8'} tt="none">
                {p.active ? t('signInAdmin.active') : t('signInAdmin.inactive')}
              </Badge>
            </Group>
          </Stack>
          <Text size="sm" c="dimmed">
            {t('signInAdmin.linkCount', { count: p.linkCount })}
          </Text>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Fact label={t('signInAdmin.issuer')}>{p.issuer}</Fact>
          <Fact label={t('signInAdmin.clientId')}>{p.clientId}</Fact>
          <Fact label={t('signInAdmin.clientSecret')}>{p.secretSet ? t('signInAdmin.secretSet') : t('signInAdmin.secretNotSet')}</Fact>
          <Fact label={t('signInAdmin.emailMatchingShort')}>{p.emailMatching ? t('signInAdmin.on') : t('signInAdmin.off')}</Fact>
          {p.kind === 'entra' ? <Fact label={t('signInAdmin.tenants')}>{p.allowedTenants.join(', ')}</Fact> : null}
        </SimpleGrid>
        <Group gap="sm">
          <Button
            variant="light"
            leftSection={<IconPencil size={16} aria-hidden />}
            onClick={onEdit}
            aria-label={t('signInAdmin.editLabel', { label: p.label })}
          >
            {t('signInAdmin.edit')}
          </Button>
          <Button
            variant="default"
            leftSection={p.active ? <IconPlayerPause size={16} aria-hidden /> : <IconPlayerPlay size={16} aria-hidden />}
            onClick={onToggle}
            loading={toggling}
            aria-label={t(p.active ? 'signInAdmin.deactivateLabel' : 'signInAdmin.activateLabel', { label: p.label })}
          >
            {p.active ? t('signInAdmin.deactivate') : t('signInAdmin.activate')}
          </Button>
          <Button
            variant="outline"
            color="red.9"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={onDelete}
            aria-label={t('signInAdmin.deleteLabel', { label: p.label })}
          >
            {t('signInAdmin.delete')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
