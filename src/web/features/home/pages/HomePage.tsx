import { Button, Card, SimpleGrid, Stack, Title } from '@mantine/core';
import { Link, Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { HOME_MODULES } from '../../../../shared/home';
import { useHome } from '../../../app/home';
import { can, useSignedIn } from '../../../app/session';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { HomeItemRow } from '../components/HomeItemRow';

/**
 * "/": Min side. What asks for the person now, grouped by module, each a link to where it is done.
 * The network coordinator, who has no school, starts on the network's page instead.
 */
export function HomePage() {
  const me = useSignedIn();
  if (!me.school && can(me, 'network:read')) return <Navigate to="/netvaerk" replace />;
  return <MyPage />;
}

function MyPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const home = useHome(me.school !== null && can(me, 'home:read'));
  const header = <PageHeader eyebrow={me.school?.name} title={t('home.title')} description={t('home.greeting', { name: me.person?.name ?? me.account.email })} />;
  if (!me.school) {
    return (
      <>
        {header}
        <EmptyState title={t('overview.noSchool')} hint={t('overview.noSchoolHint')} />
      </>
    );
  }
  // something useful to do when nothing waits: the library for those who use it, else their own competence profile
  const next = can(me, 'library:read') ? (
    <Button component={Link} to="/videndeling" variant="light">
      {t('home.emptyLibrary')}
    </Button>
  ) : can(me, 'competence:self') ? (
    <Button component={Link} to="/kompetencer" variant="light">
      {t('home.emptyCompetence')}
    </Button>
  ) : null;
  return (
    <>
      {header}
      <QueryState query={home}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('home.empty')} hint={t('home.emptyHint')} action={next} />
          ) : (
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
              {HOME_MODULES.map((module) => {
                const items = data.items.filter((i) => i.module === module);
                if (!items.length) return null;
                return (
                  <Card key={module} component="section" aria-labelledby={`home-${module}`} data-testid={`home-${module}`}>
                    <Stack gap={0}>
                      <Title order={2} fz="lg" mb="xs" id={`home-${module}`}>
                        {t(`home.modules.${module}`)}
                      </Title>
                      <ul style={{ margin: 0, padding: 0 }}>
                        {items.map((item) => (
                          <HomeItemRow key={item.id} item={item} />
                        ))}
                      </ul>
                    </Stack>
                  </Card>
                );
              })}
            </SimpleGrid>
          )
        }
      </QueryState>
    </>
  );
}
