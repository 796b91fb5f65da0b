import { Button, Card, FileInput, Group, MultiSelect, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import type { TItem } from '../../../../shared/api/library';
import { type ItemInput, LICENCES, MATERIAL_TYPES, RELATION_FIELDS, TAG_GROUPS, useColleagues, useItem, useItemAction, useProgrammes, useSearch, useUpload } from '../api/library';
import { MaterialOrder } from '../components/MaterialOrder';
import { RichField } from '../components/RichField';

/** /videndeling/:id/rediger: the draft's fields, the six relation-model fields as rich text. */
export function ItemEditPage() {
  const { id = '' } = useParams();
  const item = useItem(id);
  return <QueryState query={item}>{(data) => <EditForm item={data} />}</QueryState>;
}

function EditForm({ item }: { item: TItem }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useItemAction(item.id);
  const upload = useUpload(item.id);
  const programmes = useProgrammes();
  const colleagues = useColleagues('');
  const materials = useSearch({ kind: 'material' });
  const [v, setV] = useState<ItemInput>({
    title: item.title,
    summary: item.summary,
    subject: item.subject,
    duration: item.duration,
    programmeId: item.programmeId,
    lmsUrl: item.lmsUrl,
    url: item.url,
    materialType: item.materialType,
    licence: item.licence,
    tags: item.tags,
    fields: { ...item.fields },
    coAuthorIds: item.coAuthors.map((c) => c.id),
    materialIds: item.materials.map((m) => m.id),
  });
  const set = (patch: ItemInput) => setV((old) => ({ ...old, ...patch }));
  const locked = (f: string) => item.lockedFields.includes(f);
  const isOwner = item.author !== null && item.coAuthors.every((c) => c.id !== item.author?.id);
  const submit = () => {
    const body: ItemInput = { ...v, lmsUrl: v.lmsUrl || null, url: v.url || null };
    if (item.kind === 'material') {
      delete body.fields;
      delete body.materialIds;
      delete body.lmsUrl;
    } else {
      delete body.url;
      delete body.materialType;
    }
    save.mutate(
      { path: '', method: 'PATCH', json: body },
      {
        onSuccess: () => {
          notifications.show({ message: t('library.form.saved'), color: 'teal' });
          void navigate(`/videndeling/${item.id}`);
        },
      },
    );
  };
  const colleagueOptions = [...(colleagues.data ?? []), ...item.coAuthors].filter((c, i, all) => all.findIndex((x) => x.id === c.id) === i).map((c) => ({ value: c.id, label: c.name }));
  const materialOptions = [...(materials.data?.items ?? []), ...item.materials].filter((m, i, all) => all.findIndex((x) => x.id === m.id) === i).map((m) => ({ value: m.id, label: m.title }));
  return (
    <>
      <PageHeader eyebrow={t('library.eyebrow')} title={t('library.form.editTitle')} description={item.title} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md" maw={960}>
          <ProblemAlert error={save.error} />
          <Card>
            <Stack>
              <TextInput label={t('library.form.title')} required value={v.title ?? ''} onChange={(e) => set({ title: e.currentTarget.value })} disabled={locked('title')} description={locked('title') ? t('library.form.locked') : undefined} />
              <Textarea label={t('library.form.summary')} value={v.summary ?? ''} onChange={(e) => set({ summary: e.currentTarget.value })} autosize minRows={2} disabled={locked('summary')} />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label={t('library.form.programme')}
                  data={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
                  value={v.programmeId ?? null}
                  onChange={(x) => set({ programmeId: x })}
                  clearable
                  placeholder={t('library.form.noProgramme')}
                />
                <TextInput label={t('library.form.subject')} value={v.subject ?? ''} onChange={(e) => set({ subject: e.currentTarget.value })} disabled={locked('subject')} />
                <TextInput label={t('library.form.duration')} value={v.duration ?? ''} onChange={(e) => set({ duration: e.currentTarget.value })} disabled={locked('duration')} />
              </SimpleGrid>
              {item.kind === 'forlob' ? (
                <TextInput label={t('library.form.lmsUrl')} type="url" value={v.lmsUrl ?? ''} onChange={(e) => set({ lmsUrl: e.currentTarget.value })} disabled={locked('lmsUrl')} />
              ) : (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select label={t('library.form.materialType')} data={MATERIAL_TYPES.map((m) => ({ value: m, label: t(`library.materialType.${m}`) }))} value={v.materialType ?? null} onChange={(x) => set({ materialType: x })} />
                  <TextInput label={t('library.form.url')} type="url" value={v.url ?? ''} onChange={(e) => set({ url: e.currentTarget.value })} />
                </SimpleGrid>
              )}
              <Select label={t('library.form.licence')} data={LICENCES.map((l) => ({ value: l, label: t(`library.licence.${l}`) }))} value={v.licence ?? 'all_rights'} onChange={(x) => set({ licence: x ?? 'all_rights' })} allowDeselect={false} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {TAG_GROUPS.map((g) => (
                  <TagsInput key={g} label={t(`library.tagGroup.${g}`)} description={t('library.form.tagsHint')} value={v.tags?.[g] ?? []} onChange={(list) => set({ tags: { ...v.tags, [g]: list } })} />
                ))}
              </SimpleGrid>
              {isOwner ? <MultiSelect label={t('library.form.coAuthors')} data={colleagueOptions} value={v.coAuthorIds ?? []} onChange={(x) => set({ coAuthorIds: x })} searchable /> : null}
            </Stack>
          </Card>
          {item.kind === 'forlob' ? (
            <Card>
              <Stack>
                {RELATION_FIELDS.map((f) => (
                  <RichField
                    key={f}
                    id={`field-${f}`}
                    label={t(`library.relation.${f}`)}
                    description={locked(f) ? t('library.form.locked') : t(`library.relationHint.${f}`)}
                    value={v.fields?.[f] ?? ''}
                    required={item.requiredFields.includes(f)}
                    disabled={locked(f)}
                    onChange={(html) => setV((old) => ({ ...old, fields: { ...old.fields, [f]: html } }))}
                  />
                ))}
                <MaterialOrder label={t('library.form.materials')} options={materialOptions} value={v.materialIds ?? []} onChange={(x) => set({ materialIds: x })} />
              </Stack>
            </Card>
          ) : (
            <Card>
              <Stack>
                <Title order={2} size="h4">
                  {t('library.form.file')}
                </Title>
                {item.file ? <Text size="sm">{item.file.name}</Text> : null}
                <ProblemAlert error={upload.error} />
                <FileInput
                  label={t('library.form.upload')}
                  description={t('library.form.uploadHint', { mb: 50 })}
                  onChange={(file) => file && upload.mutate(file, { onSuccess: () => notifications.show({ message: t('library.form.uploaded'), color: 'teal' }) })}
                />
              </Stack>
            </Card>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('library.form.save')}
            </Button>
            <Button component={Link} to={`/videndeling/${item.id}`} variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
