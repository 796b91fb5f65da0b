import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TImportResult } from '../../../../shared/api/importer';
import { CopyLink } from '../../../shared/CopyLink';
import { roleKey } from '../../../shared/roles';

/** After the import: who got the role, who was invited (their links to hand over when no e-mail went out) and who was not. */
export function ImportGrants({ result }: { result: TImportResult }) {
  const { t } = useTranslation();
  const { role, invitations } = result;
  if (!role && !invitations) return null;
  const links = invitations?.invited.filter((i) => i.link) ?? [];
  return (
    <Stack gap="sm" data-testid="import-grants">
      {role ? <Text>{t('import.grants.roleGiven', { count: role.given, role: t(roleKey(role.role)) })}</Text> : null}
      {invitations ? (
        <>
          <Text>
            {invitations.emailed > 0
              ? t('import.grants.emailed', { count: invitations.emailed })
              : links.length > 0
                ? t('import.grants.links', { count: links.length })
                : t('import.grants.noneInvited')}
          </Text>
          {links.length > 0 ? (
            <Stack gap="xs">
              {links.map((i) => (
                <CopyLink key={i.email} link={i.link ?? ''} label={t('import.grants.linkFor', { name: i.name, email: i.email })} />
              ))}
            </Stack>
          ) : null}
          {invitations.notInvited.length > 0 ? (
            <>
              <Text fw={600}>{t('import.grants.notInvitedTitle', { count: invitations.notInvited.length })}</Text>
              <List size="sm" spacing={2}>
                {invitations.notInvited.map((p) => (
                  <List.Item key={p.email}>{t(`import.grants.notInvited.${p.reason}`, { name: p.name, email: p.email })}</List.Item>
                ))}
              </List>
            </>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
