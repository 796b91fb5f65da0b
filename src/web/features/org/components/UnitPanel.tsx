import { useState } from 'react';
import { Card, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../shared/EmptyState';
import { QueryState } from '../../../shared/QueryState';
import { type UnitKind, useUnits } from '../api/list-units';
import { CreateUnitForm } from './CreateUnitForm';
import { UnitRow } from './UnitRow';
import { ScrollTable } from '../../../shared/ui/ScrollTable';

export function UnitPanel({ kind }: { kind: UnitKind }) {
  const { t } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const units = useUnits(kind, showArchived);
  const departments = useUnits('departments', true);
  const deptName = (id: string | null) => (id ? (departments.data?.find((d) => d.id === id)?.name ?? null) : null);
  return (
    <Stack gap="lg">
      <Card>
        <CreateUnitForm kind={kind} />
      </Card>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t(`org.${kind}.lead`)}
        </Text>
        <Switch label={t('org.showArchived')} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
      </Group>
      <QueryState query={units}>
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState title={t(`org.${kind}.empty`)} hint={t(`org.${kind}.emptyHint`)} />
          ) : (
            <Card p={0}>
              <ScrollTable minWidth={520} label={t(`org.${kind}.tab`)}>
                <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('fields.name')}</Table.Th>
                      {kind === 'teams' ? <Table.Th scope="col">{t('fields.department')}</Table.Th> : null}
                      <Table.Th scope="col">{t('org.status')}</Table.Th>
                      <Table.Th scope="col">
                        <span className="visually-hidden">{t('common.actions')}</span>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((u) => (
                      <UnitRow key={`${u.id}-${u.name}`} kind={kind} unit={u} departmentName={deptName(u.departmentId)} />
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            </Card>
          )
        }
      </QueryState>
    </Stack>
  );
}
