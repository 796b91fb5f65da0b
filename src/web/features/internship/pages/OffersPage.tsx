import { Anchor, Badge, Button, Card, Grid, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session';
import { useDepartments } from '../../../shared/api/departments';
import { dk } from '../../../shared/dates';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { useCompanies } from '../api/companies';
import { useCreateOffer, useOffers } from '../api/offers';
import { COMPANY_OFFER_CATEGORIES, SCHOOL_OFFER_CATEGORIES, type TOffer, type TOfferCategory } from '../../../../shared/api/internship';

type Source = 'company' | 'school';

/** /praktik/tilbud: what companies offer the school, and the school's IDV and AMU courses for companies, per department. */
export function OffersPage() {
  const { t } = useTranslation();
  const [source, setSource] = useState<Source | 'all'>('all');
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const offers = useOffers({ departmentId, source: source === 'all' ? null : source });
  const departments = useDepartments();
  const canManage = useCan('offer:manage');
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow={t('internship.eyebrow')}
        title={t('internship.offers.title')}
        description={t('internship.offers.lead')}
        actions={canManage && !adding ? <Button onClick={() => setAdding(true)}>{t('internship.offers.new')}</Button> : null}
      />
      {adding ? <OfferForm onDone={() => setAdding(false)} /> : null}
      <Group gap="md" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={source}
          onChange={(v) => setSource(v as Source | 'all')}
          data={[
            { value: 'all', label: t('internship.offers.all') },
            { value: 'company', label: t('internship.offers.fromCompanies') },
            { value: 'school', label: t('internship.offers.fromSchool') },
          ]}
          aria-label={t('internship.offers.source')}
        />
        <Select
          label={t('internship.departmentLabel')}
          placeholder={t('internship.allDepartments')}
          data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={departmentId}
          onChange={setDepartmentId}
          clearable
          w={240}
        />
      </Group>
      <QueryState query={offers}>
        {(list) =>
          list.items.length === 0 ? (
            <EmptyState title={t('internship.offers.empty')} hint={canManage ? t('internship.offers.emptyHint') : t('internship.offers.emptyHintReader')} />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {list.items.map((o) => <OfferCard key={o.id} offer={o} />)}
            </SimpleGrid>
          )
        }
      </QueryState>
    </Stack>
  );
}

function OfferCard({ offer: o }: { offer: TOffer }) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="article">
      <Group gap={6} mb={4}>
        <Badge variant="light" color={o.source === 'school' ? 'retning' : 'orange.9'}>{t(`internship.offerCategory.${o.category}`)}</Badge>
        {o.department ? <Badge variant="outline" color="gray.8">{o.department.name}</Badge> : null}
      </Group>
      <Title order={2} fz="md">{o.title}</Title>
      <Text size="sm" c="dimmed">{o.company?.name ?? t('internship.offers.theSchool')}</Text>
      {o.description ? <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap' }}>{o.description}</Text> : null}
      {o.startsOn || o.endsOn ? <Text size="sm" mt={6}>{[o.startsOn, o.endsOn].map((d) => (d ? dk(d) : '…')).join(' – ')}</Text> : null}
      {o.contactName || o.contactEmail || o.contactPhone ? (
        <Text size="sm" mt={6}>
          {t('internship.offers.contact')}: {o.contactName}
          {o.contactEmail ? <> · <Anchor href={`mailto:${o.contactEmail}`} underline="always">{o.contactEmail}</Anchor></> : null}
          {o.contactPhone ? ` · ${o.contactPhone}` : ''}
        </Text>
      ) : null}
    </Card>
  );
}

function OfferForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateOffer();
  const companies = useCompanies();
  const departments = useDepartments();
  const [source, setSource] = useState<Source>('company');
  const [category, setCategory] = useState<TOfferCategory>('equipment');
  const [companyId, setCompanyId] = useState<string | null>(null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [f, setF] = useState({ title: '', description: '', contactName: '', contactEmail: '', contactPhone: '', startsOn: '', endsOn: '' });
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value });
  const categories = source === 'company' ? COMPANY_OFFER_CATEGORIES : SCHOOL_OFFER_CATEGORIES;
  return (
    <Card withBorder maw={860}>
      <Title order={2} fz={20} mb="sm">{t('internship.offers.new')}</Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            {
              category,
              companyId: source === 'company' ? companyId : null,
              departmentId,
              title: f.title,
              description: f.description,
              contactName: f.contactName,
              contactEmail: f.contactEmail.trim() || null,
              contactPhone: f.contactPhone.trim() || null,
              startsOn: f.startsOn || null,
              endsOn: f.endsOn || null,
            },
            { onSuccess: onDone },
          );
        }}
      >
        <Stack gap="sm">
          <ProblemAlert error={create.error} />
          <SegmentedControl
            value={source}
            onChange={(v) => {
              const next = v as Source;
              setSource(next);
              setCategory(next === 'company' ? 'equipment' : 'idv');
            }}
            data={[{ value: 'company', label: t('internship.offers.fromCompany') }, { value: 'school', label: t('internship.offers.fromSchool') }]}
            aria-label={t('internship.offers.source')}
          />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select label={t('internship.offers.category')} data={categories.map((c) => ({ value: c, label: t(`internship.offerCategory.${c}`) }))} value={category} onChange={(v) => v && setCategory(v as TOfferCategory)} allowDeselect={false} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              {source === 'company' ? (
                <Select label={t('internship.offers.company')} data={(companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} value={companyId} onChange={setCompanyId} searchable required />
              ) : (
                <Select label={t('internship.departmentLabel')} placeholder={t('internship.allDepartments')} data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} value={departmentId} onChange={setDepartmentId} clearable />
              )}
            </Grid.Col>
          </Grid>
          <TextInput label={t('internship.offers.titleField')} value={f.title} onChange={set('title')} required maxLength={200} />
          <Textarea label={t('internship.offers.description')} value={f.description} onChange={set('description')} autosize minRows={2} maxLength={4000} />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 4 }}><TextInput label={t('internship.offers.contactName')} value={f.contactName} onChange={set('contactName')} maxLength={200} /></Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}><TextInput label={t('internship.offers.contactEmail')} type="email" value={f.contactEmail} onChange={set('contactEmail')} /></Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}><TextInput label={t('internship.offers.contactPhone')} type="tel" value={f.contactPhone} onChange={set('contactPhone')} maxLength={40} /></Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}><TextInput label={t('internship.offers.startsOn')} type="date" value={f.startsOn} onChange={set('startsOn')} /></Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}><TextInput label={t('internship.offers.endsOn')} type="date" value={f.endsOn} onChange={set('endsOn')} /></Grid.Col>
          </Grid>
          <Group gap="sm">
            <Button type="submit" loading={create.isPending}>{t('internship.offers.create')}</Button>
            <Button variant="subtle" onClick={onDone}>{t('common.cancel')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
