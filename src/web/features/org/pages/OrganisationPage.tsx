import { Tabs } from '@mantine/core';
import { IconBook, IconSitemap, IconUsersGroup } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader';
import type { UnitKind } from '../api/list-units';
import { UnitPanel } from '../components/UnitPanel';

const KINDS: { kind: UnitKind; icon: typeof IconSitemap }[] = [
  { kind: 'departments', icon: IconSitemap },
  { kind: 'programmes', icon: IconBook },
  { kind: 'teams', icon: IconUsersGroup },
];

const isKind = (v: string | null): v is UnitKind => v === 'departments' || v === 'programmes' || v === 'teams';

/** /admin/organisation: departments, programmes and teams. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('fane');
  const active: UnitKind = isKind(tab) ? tab : 'departments';
  return (
    <>
      <PageHeader eyebrow={t('nav.administration')} title={t('org.title')} description={t('org.lead')} />
      <Tabs value={active} onChange={(v) => setParams(isKind(v) ? { fane: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="lg">
          {KINDS.map(({ kind, icon: Icon }) => (
            <Tabs.Tab key={kind} value={kind} leftSection={<Icon size={16} aria-hidden />}>
              {t(`org.${kind}.tab`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {KINDS.map(({ kind }) => (
          <Tabs.Panel key={kind} value={kind}>
            <UnitPanel kind={kind} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
