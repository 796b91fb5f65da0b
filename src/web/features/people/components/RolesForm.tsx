import { useState } from 'react';
import { Button, Checkbox, Group, SimpleGrid, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { SCHOOL_ROLES, roleKey } from '../../../shared/roles';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import type { TPerson } from '../../../../shared/api/people';
import { useSetRoles } from '../api/set-roles';

/** Role checkboxes with Danish role names; saved together with PUT /people/:id/roles. */
export function RolesForm({ person }: { person: TPerson }) {
  const { t } = useTranslation();
  const setRoles = useSetRoles(person.id);
  const [roles, setSelected] = useState<string[]>(person.roles);
  const dirty = [...roles].sort().join() !== [...person.roles].sort().join();
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setRoles.mutate(roles, { onSuccess: () => notifications.show({ color: 'green.9', message: t('people.rolesSaved') }) });
      }}
    >
      <Stack gap="md">
        {setRoles.error ? <ProblemAlert error={setRoles.error} /> : null}
        <Checkbox.Group label={t('fields.roles')} value={roles} onChange={setSelected}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
            {SCHOOL_ROLES.map((r) => (
              <Checkbox key={r} value={r} label={t(roleKey(r))} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={setRoles.isPending} disabled={!dirty}>
            {t('people.saveRoles')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
