import { Card } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader';
import { useCreatePerson } from '../api/create-person';
import { PersonForm } from '../components/PersonForm';

/** /admin/personer/ny. */
export function PersonNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePerson();
  return (
    <>
      <PageHeader eyebrow={t('people.title')} title={t('people.newTitle')} description={t('people.newLead')} />
      <Card maw={820}>
        <PersonForm
          submitLabel={t('people.create')}
          pending={create.isPending}
          error={create.error}
          onSubmit={(input) => create.mutate(input, { onSuccess: (p) => void navigate(`/admin/personer/${p.id}`, { replace: true }) })}
        />
      </Card>
    </>
  );
}
