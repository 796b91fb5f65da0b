import { useMemo, useState } from 'react';
import { Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TNetworkSchool } from '../../../../shared/api/network';
import { useCan } from '../../../app/session';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { useNetwork } from '../api/schools';
import { ArchivedSchools } from '../components/ArchivedSchools';
import { NetworkTotals } from '../components/NetworkTotals';
import { SchoolActivityChart } from '../components/SchoolActivityChart';
import { SchoolsTable } from '../components/SchoolsTable';

/** A school matches by part of its name (any case) or of its institutionsnummer. */
const matches = (s: TNetworkSchool, q: string) => !q || s.name.toLocaleLowerCase('da').includes(q) || (s.institutionNumber ?? '').includes(q);

/** /netvaerk: the coordinator's start page: the network's totals, activity per school, the schools and the archived ones. */
export function NetworkPage() {
  const { t } = useTranslation();
  const network = useNetwork();
  const canManage = useCan('network:manageSchools');
  const [search, setSearch] = useState('');
  const q = search.trim().toLocaleLowerCase('da');
  const schools = network.data?.schools;
  const [open, archived] = useMemo(() => {
    const list = (schools ?? []).filter((s) => matches(s, q));
    return [list.filter((s) => !s.archived), list.filter((s) => s.archived)];
  }, [schools, q]);
  const newSchool = canManage ? (
    <Button component={Link} to="/netvaerk/ny-skole" leftSection={<IconPlus size={18} aria-hidden />}>
      {t('network.newSchool.button')}
    </Button>
  ) : null;
  return (
    <>
      <PageHeader eyebrow={network.data?.name} title={t('network.title')} description={t('network.lead')} actions={newSchool} />
      <QueryState query={network}>
        {(data) =>
          data.schools.length === 0 ? (
            <EmptyState title={t('network.empty')} hint={canManage ? t('network.emptyHint') : t('network.emptyHintReader')} action={newSchool} />
          ) : (
            <Stack gap="xl">
              <NetworkTotals totals={data.totals} />
              {data.schools.some((s) => !s.archived) ? <SchoolActivityChart schools={data.schools.filter((s) => !s.archived)} /> : null}
              <Stack gap="sm" component="section" aria-labelledby="schools-title">
                <Title order={2} fz="lg" id="schools-title">
                  {t('network.schoolsTitle')}
                </Title>
                <TextInput
                  label={t('network.search')}
                  placeholder={t('network.searchPlaceholder')}
                  leftSection={<IconSearch size={16} aria-hidden />}
                  type="search"
                  value={search}
                  onChange={(e) => setSearch(e.currentTarget.value)}
                  maw={420}
                />
                <Text size="sm" c="dimmed" role="status">
                  {q ? t('network.found', { count: open.length + archived.length }) : t('network.total', { count: data.totals.schools })}
                </Text>
                {open.length === 0 ? (
                  <EmptyState title={q ? t('network.noMatch') : t('network.noOpen')} hint={q ? t('network.noMatchHint') : t('network.noOpenHint')} />
                ) : (
                  <Card p={0}>
                    <SchoolsTable schools={open} canManage={canManage} />
                  </Card>
                )}
              </Stack>
              {archived.length > 0 ? <ArchivedSchools schools={archived} canManage={canManage} /> : null}
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}
