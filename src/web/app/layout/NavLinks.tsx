import type { ComponentType } from 'react';
import { Badge, NavLink, Stack, Text } from '@mantine/core';
import {
  IconBook,
  IconBuilding,
  IconClipboardCheck,
  IconLanguage,
  IconShare,
  IconCalendarEvent,
  IconChartBar,
  IconChartRadar,
  IconDeviceLaptop,
  IconFileImport,
  IconGavel,
  IconGridDots,
  IconHistory,
  IconHome,
  IconListDetails,
  IconNetwork,
  IconSchool,
  IconSignature,
  IconSitemap,
  IconTags,
  IconTarget,
  IconUserStar,
  IconUsers,
} from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { type Ability, type Me, can } from '../session';
import { useReviewSummary } from '../../features/library/api/library';

type Item = { to: string; label: string; icon: ComponentType<{ size?: number }>; ability?: Ability; exact?: boolean; badge?: { count: number; label: string } };
type Group = { title: string; items: Item[] };

/** The modules in the order of the school's work; a module appears only when it has something for this account. */
const GROUPS: Group[] = [
  {
    title: 'nav.strategyGroup',
    items: [
      { to: '/strategi', label: 'nav.strategy', icon: IconTarget, ability: 'strategy:read', exact: true },
      { to: '/strategi/overblik', label: 'nav.strategyOverview', icon: IconChartBar, ability: 'strategy:overview' },
      { to: '/strategi/aarshjul', label: 'nav.calendar', icon: IconCalendarEvent, ability: 'calendar:read' },
      { to: '/strategi/teknologier', label: 'strategy.nav.portfolio', icon: IconDeviceLaptop, ability: 'strategy:read' },
      { to: '/strategi/beslutninger', label: 'strategy.nav.decisions', icon: IconGavel, ability: 'strategy:read' },
      { to: '/strategi/ambassadoerer', label: 'strategy.nav.ambassadors', icon: IconUserStar, ability: 'strategy:read' },
      { to: '/strategi/begreber', label: 'strategy.nav.terms', icon: IconTags, ability: 'strategy:manage' },
    ],
  },
  {
    title: 'nav.libraryGroup',
    items: [
      { to: '/videndeling', label: 'nav.library', icon: IconBook, ability: 'library:read', exact: true },
      { to: '/videndeling/review', label: 'nav.review', icon: IconClipboardCheck, ability: 'library:review' },
      { to: '/videndeling/ordliste', label: 'nav.glossary', icon: IconLanguage, ability: 'glossary:read' },
      { to: '/videndeling/netvaerk', label: 'nav.networkLibrary', icon: IconShare, ability: 'libraryNetwork:read' },
    ],
  },
  {
    title: 'nav.competenceGroup',
    items: [
      { to: '/kompetencer', label: 'nav.competenceMine', icon: IconChartRadar, ability: 'competence:self', exact: true },
      { to: '/kompetencer/overblik', label: 'nav.competenceOverview', icon: IconGridDots, ability: 'competence:aggregate' },
      { to: '/kompetencer/forloeb', label: 'nav.competenceCourses', icon: IconSchool, ability: 'competence:self' },
      { to: '/kompetencer/kontrakter', label: 'nav.competenceContracts', icon: IconSignature, ability: 'contract:list' },
      { to: '/kompetencer/ramme', label: 'nav.competenceFramework', icon: IconListDetails, ability: 'competence:self' },
    ],
  },
  {
    title: 'nav.administration',
    items: [
      { to: '/admin/skole', label: 'nav.school', icon: IconBuilding, ability: 'school:update' },
      { to: '/admin/organisation', label: 'nav.organisation', icon: IconSitemap, ability: 'org:manage' },
      { to: '/admin/personer', label: 'nav.people', icon: IconUsers, ability: 'people:list' },
      { to: '/admin/import', label: 'nav.import', icon: IconFileImport, ability: 'people:import' },
      { to: '/admin/log', label: 'nav.audit', icon: IconHistory, ability: 'audit:read' },
    ],
  },
  { title: 'nav.networkGroup', items: [{ to: '/netvaerk', label: 'nav.network', icon: IconNetwork, ability: 'network:read' }] },
];

/** Navigation by module; each link appears only when the account's abilities allow it. */
export function NavLinks({ me, onNavigate }: { me: Me; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // the editorial group sees how much waits for review on the "Review" entry
  const review = useReviewSummary(can(me, 'library:review'));
  const waiting = review.data?.waiting ?? 0;
  const withBadge = (i: Item): Item =>
    i.to === '/videndeling/review' && waiting > 0 ? { ...i, badge: { count: waiting, label: t('library.reviewBadge', { count: waiting }) } } : i;
  const link = (i: Item) => {
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
              <Badge size="sm" color="red.9" variant="filled" circle={i.badge.count < 10} data-testid="review-badge">
                {i.badge.count}
              </Badge>
              <span id="review-badge-label" hidden>
                {i.badge.label}
              </span>
            </span>
          ) : undefined
        }
        aria-describedby={i.badge ? 'review-badge-label' : undefined}
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
      {link({ to: '/', label: 'nav.overview', icon: IconHome, exact: true })}
      {GROUPS.map((group) => {
        const items = group.items.filter((i) => !i.ability || can(me, i.ability)).map(withBadge);
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
