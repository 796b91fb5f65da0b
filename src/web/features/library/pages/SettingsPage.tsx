import { Button, Card, Checkbox, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import type { TLibrarySettings } from '../../../../shared/api/library';
import { RELATION_FIELDS, useSaveSettings, useSettings } from '../api/library';

/** /videndeling/indstillinger: the editorial group sets the quality criteria and the required relation-model fields. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <>
      <PageHeader eyebrow={t('library.eyebrow')} title={t('library.settingsPage.title')} description={t('library.settingsPage.lead')} />
      <QueryState query={settings}>{(data) => <SettingsForm initial={data} />}</QueryState>
    </>
  );
}

function SettingsForm({ initial }: { initial: TLibrarySettings }) {
  const { t } = useTranslation();
  const save = useSaveSettings();
  const [required, setRequired] = useState<string[]>(initial.requiredFields);
  const [criteria, setCriteria] = useState(initial.criteria.join('\n'));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const list = criteria
          .split('\n')
          .map((c) => c.trim())
          .filter(Boolean);
        save.mutate({ requiredFields: required, criteria: list }, { onSuccess: () => notifications.show({ message: t('library.settingsPage.saved'), color: 'teal' }) });
      }}
    >
      <Stack gap="md" maw={760}>
        <ProblemAlert error={save.error} />
        <Card>
          <Checkbox.Group label={t('library.settings.required')} description={t('library.settingsPage.requiredHint')} value={required} onChange={setRequired}>
            <Stack gap="xs" mt="xs">
              {RELATION_FIELDS.map((f) => (
                <Checkbox key={f} value={f} label={t(`library.relation.${f}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
        </Card>
        <Card>
          <Textarea
            label={t('library.settings.criteria')}
            description={t('library.settingsPage.criteriaHint')}
            value={criteria}
            onChange={(e) => setCriteria(e.currentTarget.value)}
            autosize
            minRows={5}
            required
            name="criteria"
          />
        </Card>
        <Button type="submit" w="fit-content" loading={save.isPending}>
          {t('library.settings.save')}
        </Button>
      </Stack>
    </form>
  );
}
