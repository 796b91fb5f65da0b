import { useMemo, useState } from 'react';
import { Autocomplete, Button, type ComboboxItem, Divider, type OptionsFilter, Stack, Text } from '@mantine/core';
import { IconSchool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TPublicProvider } from '../../../../shared/api/sign-in';
import { providerStartUrl, useProviders } from '../api/providers';
import { type ProviderSchool, schoolsOf, searchSchools } from '../school-search';

/** One "Log ind med …" link per provider of a school. */
function ProviderButtons({ providers, next }: { providers: TPublicProvider[]; next: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {providers.map((p) => (
        <Button key={p.id} component="a" href={providerStartUrl(p.id, { next })} variant="default" size="md" fullWidth>
          {t('signIn.withProvider', { provider: p.label })}
        </Button>
      ))}
    </Stack>
  );
}

/** "Din skole": the schools' names as the person types; once one is chosen, its buttons. */
function SchoolSearch({ schools, next }: { schools: ProviderSchool[]; next: string }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const hits = searchSchools(schools, query);
  const chosen = schools.find((s) => s.name === query) ?? null;
  // Autocomplete's own filter would only match the name's start: ours takes the words in any order.
  const filter: OptionsFilter = ({ options }) => {
    const order = new Map(hits.map((s, i) => [s.name, i]));
    return options.filter((o): o is ComboboxItem => 'value' in o && order.has(o.value)).sort((a, b) => (order.get(a.value) ?? 0) - (order.get(b.value) ?? 0));
  };
  return (
    <Stack gap="sm">
      <Autocomplete
        label={t('signIn.yourSchool')}
        description={t('signIn.schoolSearchHint')}
        leftSection={<IconSchool size={18} aria-hidden />}
        autoComplete="off"
        data={[...new Set(schools.map((s) => s.name))]}
        filter={filter}
        value={query}
        onChange={setQuery}
        data-testid="school-search"
      />
      {query.trim() !== '' && hits.length === 0 ? (
        <Text size="sm" c="dimmed" role="status">
          {t('signIn.schoolNotFound')}
        </Text>
      ) : null}
      {chosen ? <ProviderButtons providers={chosen.providers} next={next} /> : null}
    </Stack>
  );
}

/**
 * The sign-in page's part for the schools' own providers (UNI-Login, Entra ID): the buttons of the
 * one school that has providers, or "Din skole" first when several have. Nothing while the list
 * loads or when it fails: the password form below always works.
 */
export function ProviderSignIn({ next }: { next: string }) {
  const { t } = useTranslation();
  const { data } = useProviders();
  const schools = useMemo(() => schoolsOf(data?.providers ?? []), [data]);
  if (schools.length === 0) return null;
  const [only] = schools;
  return (
    <Stack gap="md" mb="md">
      {schools.length === 1 && only ? (
        <>
          <Text size="sm" c="dimmed">
            {only.name}
          </Text>
          <ProviderButtons providers={only.providers} next={next} />
        </>
      ) : (
        <SchoolSearch schools={schools} next={next} />
      )}
      <Divider label={t('signIn.orPassword')} labelPosition="center" />
    </Stack>
  );
}
