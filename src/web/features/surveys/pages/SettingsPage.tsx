import { useState } from 'react';
import { Badge, Button, Card, Checkbox, Group, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SURVEY_GROUP_KEYS, type TOwnItem, type TSurveySettings, type TSurveyText } from '../../../../shared/api/surveys';
import { fieldErrors } from '../../../app/api';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { useSaveOwnItems, useSurveySettings, useUpdateSurveySettings } from '../api/surveys';

/** /selvevaluering/indstillinger: live results, optional items switched off, the school's own items (at most 10). */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSurveySettings();
  return (
    <Stack gap="lg" maw={900}>
      <PageHeader title={t('surveys.settings.title')} description={t('surveys.settings.lead')} />
      <QueryState query={settings}>{(s) => <SettingsBody s={s} />}</QueryState>
    </Stack>
  );
}

function SettingsBody({ s }: { s: TSurveySettings }) {
  const { t, i18n } = useTranslation();
  const tr = (x: TSurveyText) => (i18n.language === 'en' ? x.en || x.da : x.da);
  const update = useUpdateSurveySettings();
  const areaTitle = new Map(s.areas.map((a) => [a.key, tr(a.title)]));
  const off = new Set(s.disabledItemKeys);
  const toggle = (key: string, on: boolean) => update.mutate({ disabledItemKeys: on ? s.disabledItemKeys.filter((k) => k !== key) : [...s.disabledItemKeys, key] });
  const firstText = (texts: Record<string, TSurveyText>) => {
    const g = SURVEY_GROUP_KEYS.find((k) => texts[k]);
    return g ? tr(texts[g] as TSurveyText) : '';
  };
  return (
    <Stack gap="lg">
      <Card withBorder>
        <Switch
          checked={s.liveResults}
          onChange={(e) => update.mutate({ liveResults: e.currentTarget.checked })}
          label={t('surveys.settings.liveResults')}
          description={t('surveys.settings.liveResultsHint')}
        />
      </Card>
      <ProblemAlert error={update.error} />
      <OwnItems s={s} />
      <Card withBorder>
        <Title order={2} fz={20} mb="xs">
          {t('surveys.settings.optionalTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('surveys.settings.optionalLead')}
        </Text>
        <Stack gap="xs">
          {s.defaultItems
            .filter((i) => i.optional)
            .map((i) => (
              <Checkbox
                key={i.key}
                checked={!off.has(i.key)}
                onChange={(e) => toggle(i.key, e.currentTarget.checked)}
                label={`${areaTitle.get(i.area) ?? i.area}: ${firstText(i.texts)}`}
                description={Object.keys(i.texts).map((g) => t(`surveys.groups.${g}`)).join(', ')}
              />
            ))}
        </Stack>
      </Card>
    </Stack>
  );
}

type Draft = Omit<TOwnItem, 'key'> & { key?: string };

function OwnItems({ s }: { s: TSurveySettings }) {
  const { t, i18n } = useTranslation();
  const save = useSaveOwnItems();
  const [items, setItems] = useState<Draft[]>(s.ownItems);
  const errors = fieldErrors(save.error);
  const set = (i: number, patch: Partial<Draft>) => setItems((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const areas = s.areas.map((a) => ({ value: a.key, label: i18n.language === 'en' ? a.title.en : a.title.da }));
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} fz={20}>
          {t('surveys.settings.ownTitle')}
        </Title>
        <Badge variant="light">{t('surveys.settings.ownCount', { n: items.length, max: s.maxOwnItems })}</Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('surveys.settings.ownLead')}
      </Text>
      <Stack gap="md">
        {items.map((it, i) => (
          <Card key={it.key ?? `new-${i}`} withBorder padding="sm">
            <Stack gap="xs">
              <TextInput label={t('surveys.settings.ownTextDa', { n: i + 1 })} value={it.text.da} onChange={(e) => set(i, { text: { ...it.text, da: e.currentTarget.value } })} required error={errors[`items.${i}.text.da`] ?? errors[`items.${i}`]} />
              <TextInput label={t('surveys.settings.ownTextEn', { n: i + 1 })} value={it.text.en} onChange={(e) => set(i, { text: { ...it.text, en: e.currentTarget.value } })} />
              <Group align="flex-end" wrap="wrap">
                <Select label={t('surveys.settings.area')} data={areas} value={it.area} onChange={(v) => v && set(i, { area: v })} allowDeselect={false} w={260} error={errors[`items.${i}.area`]} />
                <Checkbox.Group label={t('surveys.rounds.groups')} value={it.groups} onChange={(v) => set(i, { groups: v as Draft['groups'] })}>
                  <Group gap="sm" mt={4}>
                    {SURVEY_GROUP_KEYS.map((g) => (
                      <Checkbox key={g} value={g} label={t(`surveys.groups.${g}`)} />
                    ))}
                  </Group>
                </Checkbox.Group>
                <Button variant="subtle" color="red.9" onClick={() => setItems((xs) => xs.filter((_, j) => j !== i))}>
                  {t('surveys.settings.ownRemove')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
        <ProblemAlert error={save.error} />
        <Group>
          <Button variant="light" disabled={items.length >= s.maxOwnItems} onClick={() => setItems((xs) => [...xs, { area: s.areas[0]?.key ?? '', groups: ['teacher'], text: { da: '', en: '' } }])}>
            {t('surveys.settings.ownAdd')}
          </Button>
          <Button onClick={() => save.mutate({ items }, { onSuccess: (r) => setItems(r.ownItems) })} loading={save.isPending}>
            {t('surveys.settings.ownSave')}
          </Button>
        </Group>
        {save.isSuccess ? <Text role="status">{t('surveys.settings.saved')}</Text> : null}
      </Stack>
    </Card>
  );
}
