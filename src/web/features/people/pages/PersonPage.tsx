import { Badge, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import type { TPerson } from '../../../../shared/api/people';
import { usePerson } from '../api/get-person';
import { useUpdatePerson } from '../api/update-person';
import { AccessPanel } from '../components/AccessPanel';
import { IdentitiesPanel } from '../components/IdentitiesPanel';
import { PersonErasePanel, PersonExportPanel } from '../components/PersonDataPanel';
import { PersonForm } from '../components/PersonForm';
import { RolesForm } from '../components/RolesForm';
import { TeamsForm } from '../components/TeamsForm';

function PersonDetails({ person }: { person: TPerson }) {
  const { t } = useTranslation();
  const canUpdate = person.abilities.includes('person:update');
  const canRoles = person.abilities.includes('person:assignRoles');
  const canInvite = person.abilities.includes('person:invite');
  const canExport = person.abilities.includes('person:exportData');
  const canErase = person.abilities.includes('person:erase');
  const update = useUpdatePerson(person.id);
  const toggleActive = () =>
    update.mutate(
      { active: !person.active },
      { onSuccess: (p) => notifications.show({ color: 'green.9', message: p.active ? t('people.reactivated') : t('people.deactivated') }) },
    );
  return (
    <>
      <PageHeader
        eyebrow={
          <Button component={Link} to="/admin/personer" variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={14} aria-hidden />} px={0}>
            {t('people.backToList')}
          </Button>
        }
        title={person.name}
        description={
          <Group gap="xs" component="span">
            <span>{[person.jobTitle, person.departmentName].filter(Boolean).join(' · ') || person.email}</span>
            <Badge color={person.active ? 'green.9' : 'gray.8'} variant="light" tt="none" component="span">
              {person.active ? t('people.active') : t('people.inactive')}
            </Badge>
          </Group>
        }
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Card>
              <Title order={2} fz="lg" mb="md">
                {t('people.detailsTitle')}
              </Title>
              <PersonForm
                key={`${person.id}-${person.email}-${person.name}`}
                initial={person}
                readOnly={!canUpdate}
                submitLabel={t('common.save')}
                pending={update.isPending && update.variables.active === undefined}
                error={update.variables?.active === undefined ? update.error : null}
                onSubmit={(input) => update.mutate(input, { onSuccess: () => notifications.show({ color: 'green.9', message: t('people.saved') }) })}
              />
            </Card>
            {canRoles ? (
              <Card>
                <Title order={2} fz="lg" mb="md">
                  {t('people.rolesTitle')}
                </Title>
                <RolesForm key={person.roles.join()} person={person} />
              </Card>
            ) : null}
            {canUpdate ? (
              <Card>
                <Title order={2} fz="lg" mb="md">
                  {t('people.teamsTitle')}
                </Title>
                <TeamsForm key={person.teams.map((x) => x.id).join()} person={person} />
              </Card>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            {canInvite ? (
              <Card>
                <Title order={2} fz="lg" mb="md">
                  {t('people.accessTitle')}
                </Title>
                <AccessPanel person={person} />
              </Card>
            ) : null}
            {canUpdate ? <IdentitiesPanel person={person} /> : null}
            {canUpdate ? (
              <Card>
                <Stack gap="sm">
                  <Title order={2} fz="lg">
                    {person.active ? t('people.deactivateTitle') : t('people.reactivateTitle')}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {person.active ? t('people.deactivateText') : t('people.reactivateText')}
                  </Text>
                  {update.error && update.variables?.active !== undefined ? <ProblemAlert error={update.error} /> : null}
                  <Group>
                    <Button color={person.active ? 'red.9' : 'retning'} variant={person.active ? 'outline' : 'filled'} onClick={toggleActive} loading={update.isPending && update.variables.active !== undefined}>
                      {person.active ? t('people.deactivate') : t('people.reactivate')}
                    </Button>
                  </Group>
                </Stack>
              </Card>
            ) : null}
            {canExport ? (
              <Card>
                <PersonExportPanel person={person} />
              </Card>
            ) : null}
            {canErase ? (
              <Card>
                <PersonErasePanel person={person} />
              </Card>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

/** /admin/personer/:id: edit, roles, access links, the providers they sign in through, deactivate; the person's data (export, erase). */
export function PersonPage() {
  const id = useParams().id ?? '';
  const person = usePerson(id);
  return <QueryState query={person}>{(p) => <PersonDetails person={p} />}</QueryState>;
}
