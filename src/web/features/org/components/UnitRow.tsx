import { useState } from 'react';
import { Badge, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api';
import type { TOrgUnit } from '../../../../shared/api/org';
import type { UnitKind } from '../api/list-units';
import { useUpdateUnit } from '../api/update-unit';

type Props = { kind: UnitKind; unit: TOrgUnit; departmentName?: string | null };

/** One unit: its name (renamable in place), status and archive/restore. */
export function UnitRow({ kind, unit, departmentName }: Props) {
  const { t } = useTranslation();
  const update = useUpdateUnit(kind);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(unit.name);
  const errors = fieldErrors(update.error);
  const save = () =>
    update.mutate({ id: unit.id, patch: { name } }, { onSuccess: () => setEditing(false) });
  return (
    <Table.Tr>
      <Table.Td>
        {editing ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <TextInput
                aria-label={t('org.renameLabel', { name: unit.name })}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={errors.name ?? (update.error && !errors.name ? update.error.message : undefined)}
                size="sm"
                autoFocus
              />
              <Button type="submit" size="sm" loading={update.isPending}>
                {t('common.save')}
              </Button>
              <Button
                size="sm"
                variant="default"
                onClick={() => {
                  setEditing(false);
                  setName(unit.name);
                  update.reset();
                }}
              >
                {t('common.cancel')}
              </Button>
            </Group>
          </form>
        ) : (
          <Text fw={500} c={unit.archived ? 'dimmed' : undefined}>
            {unit.name}
          </Text>
        )}
      </Table.Td>
      {kind === 'teams' ? <Table.Td>{departmentName ?? '–'}</Table.Td> : null}
      <Table.Td>
        {unit.archived ? (
          <Badge color="gray.8" variant="light" tt="none">
            {t('org.archived')}
          </Badge>
        ) : (
          <Badge color="green.9" variant="light" tt="none">
            {t('org.activeStatus')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          {!editing ? (
            <Button size="compact-sm" variant="subtle" onClick={() => setEditing(true)} aria-label={t('org.renameLabel', { name: unit.name })}>
              {t('org.rename')}
            </Button>
          ) : null}
          <Button
            size="compact-sm"
            variant="subtle"
            color={unit.archived ? 'retning' : 'red.9'}
            loading={update.isPending && !editing}
            onClick={() => update.mutate({ id: unit.id, patch: { archived: !unit.archived } })}
            aria-label={t(unit.archived ? 'org.restoreLabel' : 'org.archiveLabel', { name: unit.name })}
          >
            {unit.archived ? t('org.restore') : t('org.archive')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
