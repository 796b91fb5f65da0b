import { useState } from 'react';
import { Button, Checkbox, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import type { TPerson } from '../../../../shared/api/people';
import { useTeams } from '../api/list-teams';
import { useSetTeams } from '../api/set-teams';

/** Team memberships as checkboxes, saved together with PUT /people/:id/teams. */
export function TeamsForm({ person }: { person: TPerson }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const setTeams = useSetTeams(person.id);
  const current = person.teams.map((x) => x.id);
  const [selected, setSelected] = useState<string[]>(current);
  const dirty = [...selected].sort().join() !== [...current].sort().join();
  if (teams.data && teams.data.length === 0) return <Text size="sm">{t('people.noTeams')}</Text>;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTeams.mutate(selected, { onSuccess: () => notifications.show({ color: 'green.9', message: t('people.teamsSaved') }) });
      }}
    >
      <Stack gap="md">
        {setTeams.error ? <ProblemAlert error={setTeams.error} /> : null}
        <Checkbox.Group label={t('fields.teamIds')} value={selected} onChange={setSelected}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
            {(teams.data ?? []).map((team) => (
              <Checkbox key={team.id} value={team.id} label={team.name} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={setTeams.isPending} disabled={!dirty}>
            {t('people.saveTeams')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
