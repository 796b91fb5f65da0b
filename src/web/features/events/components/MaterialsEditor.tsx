import { Anchor, Button, Card, Grid, Group, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_LIMITS, type TEventDetail, type TMaterialInput } from '../../../../shared/api/events';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useAddMaterial, useRemoveMaterial } from '../api/events';

type Phase = TMaterialInput['phase'];

/** Links to material before and after the event; those of a published event are also in the network's library. */
export function MaterialsEditor({ event }: { event: TEventDetail }) {
  const { t } = useTranslation();
  const add = useAddMaterial(event.id);
  const remove = useRemoveMaterial();
  const [phase, setPhase] = useState<Phase>('before');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [touched, setTouched] = useState(false);
  const errors = fieldErrors(add.error);
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="editor-materials">
      <Stack gap="md">
        <Title order={2} fz={20} id="editor-materials">
          {t('events.editor.materials')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('events.editor.materialsHint')}
        </Text>
        <ProblemAlert error={remove.error} />
        {event.materials.length === 0 ? (
          <Text>{t('events.editor.noMaterials')}</Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {event.materials.map((m) => (
              <Group component="li" key={m.id} justify="space-between" wrap="nowrap" gap="sm">
                <div style={{ minWidth: 0 }}>
                  <Anchor href={m.url} target="_blank" rel="noopener noreferrer" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {m.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t(`events.materials.${m.phase}`)}
                  </Text>
                </div>
                <Button size="xs" variant="default" loading={remove.isPending && remove.variables === m.id} onClick={() => remove.mutate(m.id)} aria-label={t('events.editor.removeMaterialOf', { title: m.title })}>
                  {t('events.editor.removeMaterial')}
                </Button>
              </Group>
            ))}
          </Stack>
        )}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setTouched(true);
            if (!title.trim() || !url.trim()) return;
            add.mutate(
              { phase, title: title.trim(), url: url.trim(), description: description.trim() },
              {
                onSuccess: () => {
                  setTitle('');
                  setUrl('');
                  setDescription('');
                  setTouched(false);
                },
              },
            );
          }}
        >
          <Stack gap="sm">
            <Title order={3} fz={16}>
              {t('events.editor.addMaterial')}
            </Title>
            <ProblemAlert error={add.error} hideFields={['phase', 'title', 'url', 'description']} />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="material-phase">
                {t('events.editor.phase')}
              </Text>
              <SegmentedControl
                aria-labelledby="material-phase"
                value={phase}
                onChange={(v) => setPhase(v === 'after' ? 'after' : 'before')}
                data={[
                  { value: 'before', label: t('events.materials.before') },
                  { value: 'after', label: t('events.materials.after') },
                ]}
                fullWidth
                maw={420}
              />
            </Stack>
            <Grid>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label={t('events.editor.materialTitle')}
                  required
                  maxLength={EVENT_LIMITS.title}
                  value={title}
                  onChange={(e) => setTitle(e.currentTarget.value)}
                  error={errors.title ?? (touched && !title.trim() ? t('events.editor.materialTitleRequired') : undefined)}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label={t('events.editor.url')}
                  type="url"
                  inputMode="url"
                  required
                  maxLength={EVENT_LIMITS.url}
                  value={url}
                  onChange={(e) => setUrl(e.currentTarget.value)}
                  error={errors.url ?? (touched && !url.trim() ? t('events.editor.urlRequired') : undefined)}
                />
              </Grid.Col>
            </Grid>
            <Textarea label={t('events.editor.materialDescription')} autosize minRows={2} maxLength={EVENT_LIMITS.text} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} />
            <Button type="submit" variant="light" loading={add.isPending} w={{ base: '100%', xs: 'fit-content' }}>
              {t('events.editor.addMaterial')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
