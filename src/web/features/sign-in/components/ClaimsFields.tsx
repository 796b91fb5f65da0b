import { Accordion, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CLAIM_DEFAULTS, SIGN_IN_LIMITS, type TProviderKind } from '../../../../shared/api/sign-in';
import type { ClaimValues } from '../provider-values';

type Props = { kind: TProviderKind; value: ClaimValues; onChange: (value: ClaimValues) => void; errors: Record<string, string | undefined> };

/**
 * Which claims carry what, folded away: the kind's defaults fit UNI-Login and Entra ID, and show as
 * placeholders. Entra ID's link is always its tenant and object id, so it has no subject field.
 */
export function ClaimsFields({ kind, value, onChange, errors }: Props) {
  const { t } = useTranslation();
  const d = CLAIM_DEFAULTS[kind];
  const field = (key: keyof ClaimValues, placeholder: string | null) => (
    <TextInput
      label={t(`signInAdmin.claims.${key}`)}
      placeholder={placeholder ?? t('signInAdmin.claims.none')}
      maxLength={key.endsWith('Values') ? SIGN_IN_LIMITS.claim * 4 : SIGN_IN_LIMITS.claim}
      value={value[key]}
      onChange={(e) => onChange({ ...value, [key]: e.currentTarget.value })}
      error={errors[`claims.${key}`]}
    />
  );
  return (
    <Accordion variant="contained" chevronPosition="left">
      <Accordion.Item value="claims">
        <Accordion.Control>{t('signInAdmin.claims.title')}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {kind === 'entra' ? t('signInAdmin.claims.leadEntra') : t('signInAdmin.claims.lead')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {kind === 'entra' ? null : field('subject', d.subject)}
              {field('email', d.email)}
              {field('name', d.name)}
              {field('roleGroup', d.roleGroup)}
              {field('staffValues', d.staffValues.join(', ') || null)}
              {field('studentValues', d.studentValues.join(', ') || null)}
            </SimpleGrid>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
