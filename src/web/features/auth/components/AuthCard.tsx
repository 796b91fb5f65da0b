import type { ReactNode } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { usePageTitle } from '../../../shared/usePageTitle';

/** The card the signed-out pages live in, with the page's h1. */
export function AuthCard({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  usePageTitle(title);
  return (
    <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 32 }} radius="lg" maw={440} mx="auto" w="100%">
      <Stack gap="xs" mb="lg">
        <Title order={1} fz={26}>
          {title}
        </Title>
        {lead ? <Text c="dimmed">{lead}</Text> : null}
      </Stack>
      {children}
    </Paper>
  );
}
