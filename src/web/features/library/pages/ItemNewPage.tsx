import { Button, Card, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useCreateItem } from '../api/library';

/** /videndeling/ny: a new private draft; the six fields are filled in on the edit page. */
export function ItemNewPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const kind = params.get('type') === 'material' ? 'material' : 'forlob';
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const create = useCreateItem();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader eyebrow={t('library.eyebrow')} title={kind === 'material' ? t('library.form.createMaterialTitle') : t('library.form.createTitle')} description={t('library.form.createLead')} />
      <Card maw={720}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ kind, title, summary }, { onSuccess: (item) => void navigate(`/videndeling/${item.id}/rediger`) });
          }}
        >
          <Stack>
            <ProblemAlert error={create.error} />
            <TextInput label={t('library.form.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} />
            <Textarea label={t('library.form.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={2} />
            <Button type="submit" loading={create.isPending} w="fit-content">
              {t('library.form.create')}
            </Button>
          </Stack>
        </form>
      </Card>
    </>
  );
}
