import { useEffect, useRef } from 'react';
import { Button, Card, Group, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader';
import { useNetworkName } from '../network-name';
import { useCreateSchool } from '../api/schools';
import { InvitationResult } from '../components/InvitationResult';
import { NewSchoolForm } from '../components/NewSchoolForm';

/** /netvaerk/ny-skole: onboarding a school: its name and institutionsnummer, and its first administrator, who is invited. */
export function NewSchoolPage() {
  const { t } = useTranslation();
  const networkName = useNetworkName();
  const create = useCreateSchool();
  const done = create.data;
  const heading = useRef<HTMLHeadingElement>(null);
  // the form is gone: a keyboard or screen reader user is taken to what happened instead of the page's top
  useEffect(() => {
    if (done) heading.current?.focus();
  }, [done]);
  return (
    <>
      <PageHeader eyebrow={networkName} title={t('network.newSchool.title')} description={t('network.newSchool.lead')} />
      <Card maw={760}>
        {done && create.variables ? (
          <Stack gap="md" data-testid="school-created">
            <Title order={2} fz="lg" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
              {t('network.newSchool.created', { name: done.school.name })}
            </Title>
            <InvitationResult invitation={done.invitation} name={create.variables.adminName} email={create.variables.adminEmail} />
            <Group gap="sm">
              <Button component={Link} to="/netvaerk">
                {t('network.newSchool.toSchools')}
              </Button>
              <Button variant="default" onClick={() => create.reset()}>
                {t('network.newSchool.another')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <NewSchoolForm pending={create.isPending} error={create.error} onSubmit={(input) => create.mutate(input)} />
        )}
      </Card>
    </>
  );
}
