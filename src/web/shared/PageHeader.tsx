import type { ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';
import { usePageTitle } from './usePageTitle';

type Props = { title: string; description?: ReactNode; actions?: ReactNode; eyebrow?: ReactNode };

/** The page's one h1, its document title, an optional lead text and actions. */
export function PageHeader({ title, description, actions, eyebrow }: Props) {
  usePageTitle(title);
  return (
    <Group justify="space-between" align="flex-end" mb="lg" gap="md" wrap="wrap">
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
        {eyebrow ? (
          <Text size="sm" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.5 }}>
            {eyebrow}
          </Text>
        ) : null}
        <Title order={1} fz={{ base: 26, sm: 30 }}>
          {title}
        </Title>
        {description ? (
          <Text c="dimmed" maw={720}>
            {description}
          </Text>
        ) : null}
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}
