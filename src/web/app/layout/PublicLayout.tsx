import type { ReactNode } from 'react';
import { Box, Container, Group } from '@mantine/core';
import { Outlet } from 'react-router';
import { useMe } from '../session';
import { FullPageLoader, Shell } from './AppLayout';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { SiteFooter } from './SiteFooter';
import { SkipLink } from './SkipLink';

/** The signed-out frame: brand, language switch, a centred page and the footer. */
export function PublicFrame({ children }: { children: ReactNode }) {
  return (
    <Box mih="100vh" bg="gray.0" style={{ display: 'flex', flexDirection: 'column' }}>
      <SkipLink />
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group h={60} px="md" justify="space-between">
          <Brand />
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size="lg" py={{ base: 'lg', sm: 48 }} w="100%" style={{ flex: 1, outline: 'none' }}>
        {children}
      </Container>
      <Box component="footer" h={44} bg="white" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <SiteFooter />
      </Box>
    </Box>
  );
}

export function PublicLayout() {
  return (
    <PublicFrame>
      <Outlet />
    </PublicFrame>
  );
}

/** Pages that everyone may see (accessibility statement, 404): in the shell when signed in. */
export function AdaptiveLayout() {
  const { data: me, isPending } = useMe();
  if (isPending) return <FullPageLoader />;
  if (me) {
    return (
      <Shell me={me}>
        <Outlet />
      </Shell>
    );
  }
  return <PublicLayout />;
}
