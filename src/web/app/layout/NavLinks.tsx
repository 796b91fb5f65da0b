import { Badge, NavLink, Stack, Text } from '@mantine/core';
import { IconHome } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { type Me, can } from '../session';
import { NAV_GROUPS, type NavBadge, type NavGroup, type NavItem } from '../feature';
import { useHome } from '../home';
import { webFeatures } from '../../features/index';

const GROUP_TITLES: Record<NavGroup, string> = {
  strategy: 'nav.strategyGroup',
  library: 'nav.libraryGroup',
  competence: 'nav.competenceGroup',
  administration: 'nav.administration',
  network: 'nav.networkGroup',
};

/** The modules' entries, from each web feature's manifest, grouped in the order of the school's work. */
const GROUPS = NAV_GROUPS.map((group) => ({
  group,
  title: GROUP_TITLES[group],
  items: webFeatures.flatMap((f) => (f.nav?.group === group ? f.nav.items : [])),
}));
/** Every entry with a badge hook, in a fixed order, so the hooks run the same way on every render. */
const BADGED = GROUPS.flatMap((g) => g.items).filter((i) => i.useBadge);

type Shown = NavItem & { badge?: NavBadge | null };

/** The ids of an entry's count and its description, from its label key ("nav.review" → "review-badge"). */
const badgeId = (i: NavItem) => `${i.label.split('.').pop() ?? 'nav'}-badge`;

/**
 * Navigation by module; each link appears only when the account's abilities allow it. An entry
 * shows how much waits there: the count Min side gives for its path (one request, shared with the
 * page), or the entry's own badge hook.
 */
export function NavLinks({ me, onNavigate }: { me: Me; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const visible = (i: NavItem) => !i.ability || can(me, i.ability);
  const own = new Map(BADGED.map((i) => [i.to, i.useBadge?.(visible(i)) ?? null]));
  const counts = useHome(me.school !== null && can(me, 'home:read')).data?.counts;
  const badgeOf = (i: NavItem): NavBadge | null => {
    if (i.useBadge) return own.get(i.to) ?? null;
    const count = counts?.find((c) => c.path === i.to)?.count ?? 0;
    return count > 0 ? { count, label: t(i.badgeLabel ?? 'home.navBadge', { count }) } : null;
  };
  const link = (i: Shown) => {
    const active = i.exact ? pathname === i.to : pathname === i.to || pathname.startsWith(`${i.to}/`);
    const Icon = i.icon;
    return (
      <NavLink
        key={i.to}
        component={Link}
        to={i.to}
        label={t(i.label)}
        leftSection={<Icon size={18} />}
        rightSection={
          i.badge ? (
            // the count is a description of the link, so its name stays "Til review"
            <span aria-hidden="true">
              <Badge size="sm" color="red.9" variant="filled" circle={i.badge.count < 10} data-testid={badgeId(i)}>
                {i.badge.count}
              </Badge>
              <span id={`${badgeId(i)}-label`} hidden>
                {i.badge.label}
              </span>
            </span>
          ) : undefined
        }
        aria-describedby={i.badge ? `${badgeId(i)}-label` : undefined}
        active={active}
        aria-current={active ? 'page' : undefined}
        onClick={onNavigate}
        variant="light"
        style={{ borderRadius: 8 }}
      />
    );
  };
  return (
    <Stack gap={2}>
      {/* the coordinator, who has no school, starts on the network's page instead */}
      {can(me, 'home:read') ? link({ to: '/', label: 'nav.home', icon: IconHome, exact: true }) : null}
      {GROUPS.map((group) => {
        const items = group.items.filter(visible).map((i): Shown => ({ ...i, badge: badgeOf(i) }));
        if (items.length === 0) return null;
        return (
          <Stack gap={2} key={group.title}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm" component="h2">
              {t(group.title)}
            </Text>
            {items.map(link)}
          </Stack>
        );
      })}
    </Stack>
  );
}
