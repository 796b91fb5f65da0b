import { Button, Card, Stack, Text } from '@mantine/core';
import { IconFileImport, IconUserPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { type PeopleParams, usePeople } from '../api/list-people';
import { type Filters, PeopleFilters } from '../components/PeopleFilters';
import { PeopleTable } from '../components/PeopleTable';
import { Pager } from '../../../shared/ui/Pager';

const PAGE_SIZE = 25;

/** /admin/personer: the people list, filtered and paged on the server; the filters live in the URL. */
export function PeopleListPage() {
  const { t } = useTranslation();
  const canCreate = useCan('person:create');
  const canImport = useCan('people:import');
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filters: Filters = {
    q: params.get('q') ?? '',
    departmentId: params.get('afdeling'),
    role: params.get('rolle'),
    active: status === 'false' || status === 'all' ? status : 'true',
  };
  const page = Math.max(1, Number(params.get('side')) || 1);
  const query: PeopleParams = {
    page,
    pageSize: PAGE_SIZE,
    q: filters.q || undefined,
    departmentId: filters.departmentId ?? undefined,
    role: filters.role ?? undefined,
    active: filters.active,
  };
  const people = usePeople(query);
  const update = (f: Filters, nextPage = 1) => {
    const next = new URLSearchParams();
    if (f.q) next.set('q', f.q);
    if (f.departmentId) next.set('afdeling', f.departmentId);
    if (f.role) next.set('rolle', f.role);
    if (f.active !== 'true') next.set('status', f.active);
    if (nextPage > 1) next.set('side', String(nextPage));
    setParams(next, { replace: true });
  };
  const filtered = Boolean(filters.q || filters.departmentId || filters.role || filters.active !== 'true');

  return (
    <>
      <PageHeader
        eyebrow={t('nav.administration')}
        title={t('people.title')}
        description={t('people.lead')}
        actions={
          <>
            {canImport ? (
              <Button component={Link} to="/admin/import" variant="default" leftSection={<IconFileImport size={16} aria-hidden />}>
                {t('people.importButton')}
              </Button>
            ) : null}
            {canCreate ? (
              <Button component={Link} to="/admin/personer/ny" leftSection={<IconUserPlus size={16} aria-hidden />}>
                {t('people.newButton')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        <Card>
          <PeopleFilters value={filters} onChange={(f) => update(f)} />
        </Card>
        <QueryState query={people}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState
                title={filtered ? t('people.emptyFiltered') : t('people.empty')}
                hint={filtered ? t('people.emptyFilteredHint') : canImport ? t('people.emptyHint') : undefined}
                action={filtered ? <Button variant="light" onClick={() => update({ q: '', departmentId: null, role: null, active: 'true' })}>{t('people.clearFilters')}</Button> : null}
              />
            ) : (
              <Stack gap="md">
                <Text size="sm" c="dimmed" role="status" data-testid="people-total">
                  {t('people.total', { count: data.total })}
                </Text>
                <Card p={0}>
                  <PeopleTable rows={data.items} />
                </Card>
                <Pager total={data.total} pageSize={PAGE_SIZE} page={page} onChange={(p) => update(filters, p)} />
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </>
  );
}
