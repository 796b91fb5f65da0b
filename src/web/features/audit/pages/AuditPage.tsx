import { useState } from 'react';
import { Card, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { useAudit } from '../api/list-audit';
import { AuditTable } from '../components/AuditTable';
import { Pager } from '../../../shared/ui/Pager';

const PAGE_SIZE = 25;
const TYPES = ['person', 'department', 'programme', 'team', 'school'];

/** /admin/log: the audit log, filterable by action, type, who and period. */
export function AuditPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [action, setAction] = useState<string | null>(null);
  const [resourceType, setResourceType] = useState<string | null>(null);
  const [actorText, setActorText] = useState('');
  const [actor] = useDebouncedValue(actorText, 300);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const audit = useAudit({ page, pageSize: PAGE_SIZE, action: action ?? undefined, resourceType: resourceType ?? undefined, actor: actor || undefined, from: from || undefined, to: to || undefined });
  const actions = audit.data?.actions ?? [];
  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  return (
    <>
      <PageHeader eyebrow={t('nav.administration')} title={t('audit.title')} description={t('audit.lead')} />
      <Stack gap="md">
        <Card>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} spacing="sm">
            <Select
              label={t('audit.action')}
              placeholder={t('audit.allActions')}
              data={actions.map((a) => ({ value: a, label: t(`audit.actions.${a.replace('.', '_')}`, { defaultValue: a }) }))}
              value={action}
              onChange={filter(setAction)}
              clearable
            />
            <Select
              label={t('audit.resourceType')}
              placeholder={t('audit.allTypes')}
              data={TYPES.map((ty) => ({ value: ty, label: t(`audit.types.${ty}`) }))}
              value={resourceType}
              onChange={filter(setResourceType)}
              clearable
            />
            <TextInput label={t('audit.actor')} value={actorText} onChange={(e) => filter(setActorText)(e.currentTarget.value)} />
            <TextInput label={t('audit.from')} type="date" value={from} onChange={(e) => filter(setFrom)(e.currentTarget.value)} />
            <TextInput label={t('audit.to')} type="date" value={to} onChange={(e) => filter(setTo)(e.currentTarget.value)} />
          </SimpleGrid>
        </Card>
        <QueryState query={audit}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState title={t('audit.empty')} hint={t('audit.emptyHint')} />
            ) : (
              <Stack gap="md">
                <Text size="sm" c="dimmed" role="status">
                  {t('audit.total', { count: data.total })}
                </Text>
                <Card p={0}>
                  <AuditTable rows={data.items} />
                </Card>
                <Pager total={data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </>
  );
}
