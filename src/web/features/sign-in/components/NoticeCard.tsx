import type { ReactNode } from 'react';
import { Paper, Stack, ThemeIcon, Title } from '@mantine/core';
import { usePageTitle } from '../../../shared/usePageTitle';

/** The card of the pages a sign-in through a provider ends on (unknown person, failure, signed out), with the page's h1. */
export function NoticeCard({ title, icon, children }: { title: string; icon: ReactNode; children: ReactNode }) {
  usePageTitle(title);
  return (
    <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 32 }} radius="lg" maw={480} mx="auto" w="100%">
      <Stack gap="md">
        <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
          {icon}
        </ThemeIcon>
        <Title order={1} fz={26}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
