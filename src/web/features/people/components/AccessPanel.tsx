import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconKey, IconMailForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CopyLink } from '../../../shared/CopyLink';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import type { TPerson } from '../../../../shared/api/people';
import { type LinkKind, useCreateLink } from '../api/create-link';

/** Invitation and reset links: e-mailed when SMTP is set up, otherwise shown here to copy. */
export function AccessPanel({ person }: { person: TPerson }) {
  const { t } = useTranslation();
  const create = useCreateLink(person.id);
  const kind: LinkKind | undefined = create.variables;
  const result = create.data;
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Text size="sm">{t('people.accountStatus')}</Text>
        {person.hasAccount ? (
          <Badge color="green.9" variant="light" tt="none">
            {t('people.hasAccount')}
          </Badge>
        ) : (
          <Badge color="gray.8" variant="light" tt="none">
            {t('people.noAccount')}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('people.accessHint')}
      </Text>
      <Group gap="sm">
        <Button leftSection={<IconMailForward size={16} aria-hidden />} onClick={() => create.mutate('invitation')} loading={create.isPending && kind === 'invitation'} disabled={!person.active}>
          {t('people.invite')}
        </Button>
        <Button variant="default" leftSection={<IconKey size={16} aria-hidden />} onClick={() => create.mutate('password-reset')} loading={create.isPending && kind === 'password-reset'} disabled={!person.active}>
          {t('people.resetLink')}
        </Button>
      </Group>
      {create.error ? <ProblemAlert error={create.error} /> : null}
      {result ? (
        <Alert color="retning" variant="light" role="status" title={kind === 'invitation' ? t('people.inviteCreated') : t('people.resetCreated')}>
          <Stack gap="sm">
            <Text size="sm">{result.emailed ? t('people.linkEmailed', { email: person.email, days: result.expiresInDays }) : t('people.linkToCopy', { days: result.expiresInDays })}</Text>
            {result.link ? <CopyLink link={result.link} label={kind === 'invitation' ? t('people.inviteLink') : t('people.resetLinkLabel')} /> : null}
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
