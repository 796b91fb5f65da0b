import { Anchor, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MATERIAL_PHASES, type TEventMaterial } from '../../../../shared/api/events';

/** The event's materials, before and after, as links to wherever the organiser keeps them. */
export function MaterialList({ materials }: { materials: TEventMaterial[] }) {
  const { t } = useTranslation();
  if (materials.length === 0) return <Text c="dimmed">{t('events.materials.empty')}</Text>;
  return (
    <Stack gap="md">
      {MATERIAL_PHASES.map((phase) => {
        const items = materials.filter((m) => m.phase === phase);
        if (items.length === 0) return null;
        return (
          <Stack gap={6} key={phase}>
            <Title order={3} fz={16}>
              {t(`events.materials.${phase}`)}
            </Title>
            <Stack gap={8} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {items.map((m) => (
                <li key={m.id}>
                  <Anchor href={m.url} target="_blank" rel="noopener noreferrer" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {m.title} <IconExternalLink size={14} aria-hidden style={{ verticalAlign: 'middle' }} />
                    <span className="visually-hidden">{t('events.newWindow')}</span>
                  </Anchor>
                  {m.description ? (
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      {m.description}
                    </Text>
                  ) : null}
                </li>
              ))}
            </Stack>
          </Stack>
        );
      })}
    </Stack>
  );
}
