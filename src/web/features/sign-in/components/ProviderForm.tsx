import { useState } from 'react';
import { Badge, Button, Group, PasswordInput, Select, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { PROVIDER_KINDS, SIGN_IN_LIMITS, type TProvider, type TProviderKind } from '../../../../shared/api/sign-in';
import { type MissingField, type ProviderValues, NO_CLAIMS, claimValuesOf, missingFields } from '../provider-values';
import { ClaimsFields } from './ClaimsFields';

type Props = {
  /** The provider being edited; absent for a new one. */
  provider?: TProvider;
  pending: boolean;
  error: unknown;
  /** The values once nothing is missing: the page makes a new provider or a patch of them. */
  onSubmit: (values: ProviderValues) => void;
  onCancel: () => void;
};

const initialValues = (p: TProvider | undefined, defaultLabel: (k: TProviderKind) => string): ProviderValues =>
  p
    ? {
        kind: p.kind,
        label: p.label,
        issuer: p.issuer,
        clientId: p.clientId,
        clientSecret: '',
        tenants: p.allowedTenants.join('\n'),
        emailMatching: p.emailMatching,
        active: p.active,
        claims: claimValuesOf(p.claims),
      }
    : { kind: 'unilogin', label: defaultLabel('unilogin'), issuer: '', clientId: '', clientSecret: '', tenants: '', emailMatching: false, active: true, claims: NO_CLAIMS };

/**
 * A provider's settings. The secret is write-only: the field starts empty, and on an edit an empty
 * field keeps the stored one (the server never sends it back, only whether one is set). The kind
 * is chosen once; Entra ID asks for the tenants it accepts.
 */
export function ProviderForm({ provider, pending, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const defaultLabel = (k: TProviderKind) => t(`signInAdmin.defaultLabel.${k}`);
  const [v, setV] = useState<ProviderValues>(() => initialValues(provider, defaultLabel));
  const [touched, setTouched] = useState(false);
  const server = fieldErrors(error);
  const missing = touched ? missingFields(v, provider !== undefined) : new Set<MissingField>();
  /** The server's message for a field (e.g. an issuer it could not read), else what is missing here. */
  const message = (field: MissingField) => {
    const name = field === 'tenants' ? 'allowedTenants' : field;
    return server[name] ?? (missing.has(field) ? t(`signInAdmin.required.${field}`) : undefined);
  };
  const text = (k: MissingField) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });
  const chooseKind = (kind: TProviderKind) =>
    // the button's text follows the kind until the administrator writes one of their own
    setV({ ...v, kind, label: v.label === '' || v.label === defaultLabel(v.kind) ? defaultLabel(kind) : v.label });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (missingFields(v, provider !== undefined).size > 0) return;
        onSubmit(v);
      }}
    >
      <Stack gap="sm">
        <ProblemAlert error={error} hideFields={['label', 'issuer', 'clientId', 'clientSecret', 'allowedTenants']} />
        <Select
          label={t('signInAdmin.kind')}
          data={PROVIDER_KINDS.map((k) => ({ value: k, label: t(`signIn.kinds.${k}`) }))}
          value={v.kind}
          onChange={(k) => k && chooseKind(k as TProviderKind)}
          allowDeselect={false}
          disabled={provider !== undefined}
          description={provider ? t('signInAdmin.kindFixed') : undefined}
        />
        <TextInput
          label={t('signInAdmin.label')}
          description={t('signInAdmin.labelHint')}
          required
          maxLength={SIGN_IN_LIMITS.label}
          value={v.label}
          onChange={text('label')}
          error={message('label')}
        />
        <TextInput
          label={t('signInAdmin.issuer')}
          description={t('signInAdmin.issuerHint')}
          placeholder={t(`signInAdmin.issuerPlaceholder.${v.kind}`)}
          required
          type="url"
          maxLength={SIGN_IN_LIMITS.issuer}
          value={v.issuer}
          onChange={text('issuer')}
          error={message('issuer')}
        />
        <TextInput
          label={t('signInAdmin.clientId')}
          required
          maxLength={SIGN_IN_LIMITS.clientId}
          autoComplete="off"
          value={v.clientId}
          onChange={text('clientId')}
          error={message('clientId')}
        />
        <PasswordInput
          label={t('signInAdmin.clientSecret')}
          description={
            provider ? (
              <>
                <Badge size="sm" variant="light" color={provider.secretSet ? 'green.9' : 'gray.8'} tt="none" component="span" mr={6}>
                  {provider.secretSet ? t('signInAdmin.secretSet') : t('signInAdmin.secretNotSet')}
                </Badge>
                {provider.secretSet ? t('signInAdmin.secretKeep') : t('signInAdmin.secretNew')}
              </>
            ) : (
              t('signInAdmin.secretNew')
            )
          }
          required={!provider?.secretSet}
          autoComplete="new-password"
          maxLength={SIGN_IN_LIMITS.clientSecret}
          value={v.clientSecret}
          onChange={text('clientSecret')}
          error={message('clientSecret')}
          visibilityToggleButtonProps={{ 'aria-label': t('signInAdmin.showSecret') }}
        />
        {v.kind === 'entra' ? (
          <Textarea
            label={t('signInAdmin.tenants')}
            description={t('signInAdmin.tenantsHint')}
            required
            autosize
            minRows={2}
            value={v.tenants}
            onChange={text('tenants')}
            error={message('tenants')}
          />
        ) : null}
        <ClaimsFields kind={v.kind} value={v.claims} onChange={(claims) => setV({ ...v, claims })} errors={server} />
        <Switch
          label={t('signInAdmin.emailMatching')}
          description={t('signInAdmin.emailMatchingHint')}
          checked={v.emailMatching}
          onChange={(e) => setV({ ...v, emailMatching: e.currentTarget.checked })}
        />
        <Switch
          label={t('signInAdmin.activeField')}
          description={t('signInAdmin.activeHint')}
          checked={v.active}
          onChange={(e) => setV({ ...v, active: e.currentTarget.checked })}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="subtle" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {provider ? t('common.save') : t('signInAdmin.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
