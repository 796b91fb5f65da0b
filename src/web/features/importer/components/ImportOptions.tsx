import { Checkbox, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORT_ROLES, type TImportRole } from '../../../../shared/api/importer';
import { roleKey } from '../../../shared/roles';
import type { ImportOptions as Options } from '../api/run-import';

/**
 * What the import does in the same step besides writing the rows: the role the people of the file
 * get when they hold none yet, and invitations for those never invited.
 */
export function ImportOptions({ value, onChange, disabled }: { value: Options; onChange: (next: Options) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }} data-testid="import-options">
      <Title order={3} fz="md" component="legend">
        {t('import.options.title')}
      </Title>
      <Select
        label={t('import.options.role')}
        description={t('import.options.roleHint')}
        placeholder={t('import.options.noRole')}
        data={IMPORT_ROLES.map((r) => ({ value: r, label: t(roleKey(r)) }))}
        value={value.role}
        onChange={(role) => onChange({ ...value, role: (role as TImportRole | null) ?? null })}
        clearable
        disabled={disabled}
        maw={420}
      />
      <Checkbox
        label={t('import.options.invite')}
        description={t('import.options.inviteHint')}
        checked={value.invite}
        onChange={(e) => onChange({ ...value, invite: e.currentTarget.checked })}
        disabled={disabled}
      />
      <Text size="xs" c="dimmed">
        {t('import.options.note')}
      </Text>
    </Stack>
  );
}
