import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconNetwork, IconSchool, IconUserCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { type Me, useLogout } from '../session';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase() ?? '')
    .join('');

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const client = useQueryClient();
  const name = me.person?.name ?? me.account.email;
  const switchSchool = async (schoolId: string) => {
    await api('/me/school', { method: 'POST', json: { schoolId } });
    await client.resetQueries();
    void navigate('/');
  };
  const switchNetwork = async (networkId: string) => {
    await api('/me/network', { method: 'PUT', json: { networkId } });
    await client.resetQueries();
    void navigate('/netvaerk');
  };
  const networks = me.networks ?? [];
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('userMenu.open', { name })} p={4} style={{ borderRadius: 8 }}>
          <Group gap={8} wrap="nowrap">
            <Avatar color="retning" radius="xl" size={32}>
              {initials(name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" maw={180} truncate>
              {name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.account.email}</Menu.Label>
        <Menu.Item component={Link} to="/konto" leftSection={<IconUserCircle size={16} aria-hidden />}>
          {t('nav.account')}
        </Menu.Item>
        {me.schools.length > 1 ? (
          <>
            <Menu.Divider />
            <Menu.Label>{t('userMenu.switchSchool')}</Menu.Label>
            {me.schools.map((s) => (
              <Menu.Item key={s.id} leftSection={<IconSchool size={16} aria-hidden />} disabled={s.id === me.school?.id} onClick={() => void switchSchool(s.id)}>
                {s.name}
              </Menu.Item>
            ))}
          </>
        ) : null}
        {networks.length > 1 ? (
          <>
            <Menu.Divider />
            <Menu.Label>{t('userMenu.switchNetwork')}</Menu.Label>
            {networks.map((n) => (
              <Menu.Item key={n.id} leftSection={<IconNetwork size={16} aria-hidden />} disabled={n.id === me.network?.id} onClick={() => void switchNetwork(n.id)}>
                {n.name}
              </Menu.Item>
            ))}
          </>
        ) : null}
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() =>
            // a session through UNI-Login or Entra ID is still open at the provider: the next page offers its sign-out too
            logout.mutate(undefined, { onSettled: (r) => void navigate(r?.endSessionUrl ? '/log-ind/logget-ud' : '/login', { replace: true, state: r }) })
          }
        >
          {t('nav.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
