import type { ReactNode } from 'react';
import { AppShell, Box, Burger, Center, Group, Loader, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { type Me, useMe } from '../session';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { NavLinks } from './NavLinks';
import { SiteFooter } from './SiteFooter';
import { SkipLink } from './SkipLink';
import { UserMenu } from './UserMenu';

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** The signed-in shell: header, navigation by module, footer. */
export function Shell({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'md', sm: 'xl' }}>
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')} aria-expanded={opened} aria-controls="main-navigation" />
            <Brand />
            {/* the coordinator works in a network, not a school: its name is the context instead */}
            {me.school || me.network ? (
              <Text c="dimmed" size="sm" visibleFrom="xs" truncate style={{ borderLeft: '1px solid var(--mantine-color-gray-3)', paddingLeft: 12 }}>
                {me.school?.name ?? me.network?.name}
              </Text>
            ) : null}
          </Group>
          <Group gap={4} wrap="nowrap">
            <LanguageSwitch />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="main-navigation" aria-label={t('nav.label')}>
        {/* With several modules the navigation is taller than a laptop screen: it scrolls on its own. */}
        <AppShell.Section grow component={ScrollArea} type="auto" offsetScrollbars>
          <NavLinks me={me} onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} bg="gray.0" style={{ outline: 'none' }}>
        <div style={{ maxWidth: 1200, margin: '0 auto' }}>{children}</div>
      </AppShell.Main>
      <Box component="footer" h={44} bg="white" style={{ borderTop: '1px solid var(--mantine-color-gray-3)', paddingInlineStart: 'var(--app-shell-navbar-offset, 0rem)' }}>
        <SiteFooter />
      </Box>
    </AppShell>
  );
}

/** Routes below require a signed-in account; otherwise go to /login and come back afterwards. */
export function AppLayout() {
  const { data: me, isPending } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageLoader />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <Shell me={me}>
      <Outlet />
    </Shell>
  );
}
