import { useState } from 'react';
import { Anchor, Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FORM_STYLE } from '../components/formStyle';
import { Link, useParams } from 'react-router';
import { fieldErrors } from '../../../app/api';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { initiativeQuery, useStrategyMutation, type Initiative } from '../api/strategy';
import { DatedItem } from '../components/DatedItem';
import { InitiativeEditForm } from '../components/InitiativeEditForm';
import { StatusBadge } from '../components/StatusBadge';
import { StatusForm } from '../components/StatusForm';
import { todayInCopenhagen, dk } from '../../../shared/dates';
import { IndicatorCard, NewIndicator } from '../components/Indicators';


function CheckinForm({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const empty = () => ({ heldOn: todayInCopenhagen(), progress: 0 as number | string, decisions: '', nextSteps: '' });
  const [v, setV] = useState(empty);
  const add = useStrategyMutation<typeof v>('POST', () => `/initiatives/${initiative.id}/checkins`, (x) => ({ ...x, progress: Number(x.progress) }));
  const errors = fieldErrors(add.error);
  return (
    <form
      noValidate
      style={FORM_STYLE}
      aria-label={t('strategy.checkins.new')}
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(v, { onSuccess: () => setV(empty()) });
      }}
    >
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextInput type="date" label={t('fields.heldOn')} value={v.heldOn} onChange={(e) => setV({ ...v, heldOn: e.currentTarget.value })} error={errors.heldOn} />
          <NumberInput label={t('strategy.checkins.progress')} min={0} max={100} suffix=" %" value={v.progress} onChange={(x) => setV({ ...v, progress: x })} error={errors.progress} />
        </Group>
        <Textarea label={t('strategy.checkins.decisions')} value={v.decisions} onChange={(e) => setV({ ...v, decisions: e.currentTarget.value })} autosize />
        <Textarea label={t('strategy.checkins.nextSteps')} value={v.nextSteps} onChange={(e) => setV({ ...v, nextSteps: e.currentTarget.value })} autosize />
        {add.error ? <ProblemAlert error={add.error} /> : null}
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('strategy.checkins.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CommentForm({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const add = useStrategyMutation<{ body: string }>('POST', () => `/initiatives/${initiative.id}/comments`);
  return (
    <form
      noValidate
      style={FORM_STYLE}
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ body }, { onSuccess: () => setBody('') });
      }}
    >
      <Group align="flex-end">
        <Textarea label={t('strategy.comments.new')} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={fieldErrors(add.error).body} style={{ flex: 1 }} autosize />
        <Button type="submit" loading={add.isPending}>
          {t('strategy.comments.save')}
        </Button>
      </Group>
    </form>
  );
}

function DatedForm({ initiative, kind }: { initiative: Initiative; kind: 'milestones' | 'followups' }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ title: '', dueOn: '' });
  const add = useStrategyMutation<typeof v>('POST', () => `/initiatives/${initiative.id}/${kind}`);
  const errors = fieldErrors(add.error);
  return (
    <form
      noValidate
      style={FORM_STYLE}
      aria-label={t(`strategy.${kind}.new`)}
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(v, { onSuccess: () => setV({ title: '', dueOn: '' }) });
      }}
    >
      <Group align="flex-end">
        <TextInput label={t(`strategy.${kind}.titleLabel`)} value={v.title} onChange={(e) => setV({ ...v, title: e.currentTarget.value })} error={errors.title} />
        <TextInput type="date" label={t('fields.dueOn')} value={v.dueOn} onChange={(e) => setV({ ...v, dueOn: e.currentTarget.value })} error={errors.dueOn} />
        <Button type="submit" variant="light" loading={add.isPending}>
          {t(`strategy.${kind}.add`)}
        </Button>
      </Group>
    </form>
  );
}

/** /strategi/indsatser/:id: one initiative with its "why", indicators and charts, check-ins, follow-up and comments. */
export function InitiativePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useQuery(initiativeQuery(id));
  const [open, setOpen] = useState<'edit' | 'status' | null>(null);
  return (
    <QueryState query={q}>
      {(i) => (
        <>
          <PageHeader
            eyebrow={
              <Anchor component={Link} to="/strategi">
                {t('strategy.title')}
              </Anchor>
            }
            title={i.title}
            description={`${t('strategy.initiatives.whyPrefix')} ${i.why}`}
            actions={
              <Group gap="xs">
                <StatusBadge status={i.status} />
                {i.abilities.includes('initiative:update') && open !== 'edit' ? (
                  <Button variant="light" onClick={() => setOpen('edit')}>
                    {t('strategy.initiatives.editButton')}
                  </Button>
                ) : null}
                {i.abilities.includes('initiative:setStatus') && open !== 'status' ? (
                  <Button variant="light" onClick={() => setOpen('status')}>
                    {t('strategy.statusForm.open')}
                  </Button>
                ) : null}
              </Group>
            }
          />
          <Stack gap="lg">
            {open === 'edit' && i.abilities.includes('initiative:update') ? (
              <Card withBorder>
                <Title order={2} fz="lg" mb="sm">
                  {t('strategy.initiatives.editForm')}
                </Title>
                <InitiativeEditForm key={i.id} initiative={i} onDone={() => setOpen(null)} />
              </Card>
            ) : null}
            {open === 'status' && i.abilities.includes('initiative:setStatus') ? (
              <Card withBorder>
                <Title order={2} fz="lg" mb="sm">
                  {t('strategy.statusForm.title')}
                </Title>
                <StatusForm key={`${i.id}-${i.status}`} initiative={i} onDone={() => setOpen(null)} />
              </Card>
            ) : null}
            <Card>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Text size="sm">
                  <strong>{t('strategy.initiatives.level')}:</strong> {i.level === 'central' ? t('strategy.initiatives.central') : i.departmentName}
                </Text>
                <Text size="sm">
                  <strong>{t('fields.ownerId')}:</strong> {i.owner?.name ?? '–'}
                </Text>
                <Text size="sm">
                  <strong>{t('strategy.initiatives.periodLabel')}:</strong> {dk(i.startsOn)} – {dk(i.endsOn)}
                </Text>
                {i.parent ? (
                  <Text size="sm">
                    <strong>{t('fields.parentId')}:</strong>{' '}
                    <Anchor underline="always" component={Link} to={`/strategi/indsatser/${i.parent.id}`}>
                      {i.parent.title}
                    </Anchor>
                  </Text>
                ) : null}
                {i.collaborators.length ? (
                  <Text size="sm">
                    <strong>{t('fields.collaboratorIds')}:</strong> {i.collaborators.map((c) => c.name).join(', ')}
                  </Text>
                ) : null}
                {i.stateReason ? (
                  <Text size="sm">
                    <strong>{t('strategy.initiatives.stateReason')}:</strong> {i.stateReason}
                  </Text>
                ) : null}
                {i.statusReason ? (
                  <Text size="sm">
                    <strong>{t('strategy.initiatives.overrideReason')}:</strong> {i.statusReason}
                  </Text>
                ) : null}
              </SimpleGrid>
            </Card>
            <Title order={2} fz="lg">
              {t('strategy.indicators.title')}
            </Title>
            {i.indicators.length === 0 ? <Text c="dimmed">{i.abilities.includes('initiative:update') ? t('strategy.indicators.emptyLeader') : t('strategy.indicators.empty')}</Text> : null}
            {i.indicators.map((ind) => (
              <IndicatorCard key={ind.id} ind={ind} canRecord={i.abilities.includes('initiative:checkin')} />
            ))}
            {i.abilities.includes('initiative:update') ? (
              <Card>
                <NewIndicator initiative={i} />
              </Card>
            ) : null}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Card>
                <Title order={2} fz="lg" mb="sm">
                  {t('strategy.milestones.title')}
                </Title>
                {i.milestones.length ? (
                  <Stack gap="xs" mb="sm">
                    {i.milestones.map((m) => (
                      <DatedItem key={m.id} kind="milestones" item={m} canEdit={i.abilities.includes('initiative:update')} />
                    ))}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed" mb="sm">
                    {t('strategy.milestones.empty')}
                  </Text>
                )}
                {i.abilities.includes('initiative:update') ? <DatedForm initiative={i} kind="milestones" /> : null}
              </Card>
              <Card>
                <Title order={2} fz="lg" mb="sm">
                  {t('strategy.followups.title')}
                </Title>
                {i.followups.length ? (
                  <Stack gap="xs" mb="sm">
                    {i.followups.map((f) => (
                      <DatedItem key={f.id} kind="followups" item={{ ...f, done: f.held }} canEdit={i.abilities.includes('initiative:checkin')} />
                    ))}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed" mb="sm">
                    {t('strategy.followups.empty')}
                  </Text>
                )}
                {i.abilities.includes('initiative:checkin') ? <DatedForm initiative={i} kind="followups" /> : null}
              </Card>
            </SimpleGrid>
            <Card>
              <Title order={2} fz="lg" mb="sm">
                {t('strategy.checkins.title')}
              </Title>
              {i.checkins.map((c) => (
                <Text key={c.id} size="sm" mb={6}>
                  <strong>
                    {dk(c.heldOn)} · {c.progress} % · {c.authorName}
                  </strong>
                  {c.decisions ? ` — ${t('strategy.checkins.decisions')}: ${c.decisions}` : ''}
                  {c.nextSteps ? ` — ${t('strategy.checkins.nextSteps')}: ${c.nextSteps}` : ''}
                </Text>
              ))}
              {i.checkins.length === 0 ? (
                <Text size="sm" c="dimmed" mb="sm">
                  {t('strategy.checkins.empty')}
                </Text>
              ) : null}
              {i.abilities.includes('initiative:checkin') ? <CheckinForm initiative={i} /> : null}
            </Card>
            <Card>
              <Title order={2} fz="lg" mb="sm">
                {t('strategy.comments.title')}
              </Title>
              {i.comments.map((c) => (
                <Text key={c.id} size="sm" mb={6}>
                  <strong>{c.authorName}:</strong> {c.body}
                </Text>
              ))}
              {i.abilities.includes('initiative:comment') ? <CommentForm initiative={i} /> : null}
            </Card>
          </Stack>
        </>
      )}
    </QueryState>
  );
}
