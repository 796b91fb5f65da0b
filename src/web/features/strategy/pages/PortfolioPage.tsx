import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, List, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FORM_STYLE } from '../components/formStyle';
import { Link } from 'react-router';
import { fieldErrors } from '../../../app/api';
import { useCan } from '../../../app/session';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useDepartments } from '../../../shared/api/departments';
import { initiativesQuery, portfolioQuery, useStrategyMutation, type TechState, type Technology } from '../api/strategy';
import { ListPage } from '../components/ListPage';
import { PersonPicker } from '../components/PersonPicker';

const STATES: TechState[] = ['valgt', 'afproves', 'fravalgt'];
export const STATE_COLOR: Record<TechState, string> = { valgt: 'teal.9', afproves: 'indigo.8', fravalgt: 'gray.7' };

type Input = { name: string; state: TechState; rationale: string; deselectionReason: string; scope: 'school' | 'departments'; departmentIds: string[]; ownerId: string | null; initiativeIds: string[] };

/** Adds a technology, or edits one; a deselection (fravalgt) asks for its reason. */
function TechnologyForm({ tech, onDone }: { tech?: Technology; onDone: () => void }) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const initiatives = useQuery(initiativesQuery({}));
  const [v, setV] = useState<Input>({
    name: tech?.name ?? '',
    state: tech?.state ?? 'valgt',
    rationale: tech?.rationale ?? '',
    deselectionReason: tech?.deselectionReason ?? '',
    scope: tech?.scope ?? 'school',
    departmentIds: tech?.departmentIds ?? [],
    ownerId: tech?.ownerId ?? null,
    initiativeIds: tech?.initiativeIds ?? [],
  });
  const save = useStrategyMutation<Input>(tech ? 'PATCH' : 'POST', () => (tech ? `/technologies/${tech.id}` : '/technologies'), (i) => ({
    ...i,
    deselectionReason: i.state === 'fravalgt' ? i.deselectionReason : null,
    departmentIds: i.scope === 'departments' ? i.departmentIds : [],
  }));
  const errors = fieldErrors(save.error);
  const set = <K extends keyof Input>(k: K, value: Input[K]) => setV((s) => ({ ...s, [k]: value }));
  return (
    <form
      noValidate
      style={FORM_STYLE}
      aria-label={tech ? t('strategy.portfolio.editLabel', { name: tech.name }) : t('strategy.portfolio.add')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(v, { onSuccess: onDone });
      }}
    >
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput label={t('strategy.portfolio.name')} value={v.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} required />
          <Select
            label={t('fields.state')}
            data={STATES.map((s) => ({ value: s, label: t(`strategy.portfolio.state.${s}`) }))}
            value={v.state}
            onChange={(x) => set('state', (x as TechState | null) ?? 'valgt')}
            allowDeselect={false}
            error={errors.state}
          />
        </Group>
        <Textarea label={t('fields.rationale')} description={t('strategy.portfolio.rationaleHint')} value={v.rationale} onChange={(e) => set('rationale', e.currentTarget.value)} error={errors.rationale} required autosize minRows={2} />
        {v.state === 'fravalgt' ? (
          <Textarea
            label={t('fields.deselectionReason')}
            description={t('strategy.portfolio.deselectionHint')}
            value={v.deselectionReason}
            onChange={(e) => set('deselectionReason', e.currentTarget.value)}
            error={errors.deselectionReason}
            required
            autosize
            minRows={2}
          />
        ) : null}
        <Group grow align="flex-start">
          <Select
            label={t('strategy.portfolio.scope')}
            data={[
              { value: 'school', label: t('strategy.portfolio.scopes.school') },
              { value: 'departments', label: t('strategy.portfolio.scopes.departments') },
            ]}
            value={v.scope}
            onChange={(x) => set('scope', x === 'departments' ? 'departments' : 'school')}
            allowDeselect={false}
          />
          {v.scope === 'departments' ? (
            <MultiSelect label={t('fields.departmentIds')} data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} value={v.departmentIds} onChange={(x) => set('departmentIds', x)} error={errors.departmentIds} required />
          ) : null}
        </Group>
        <Group grow align="flex-start">
          <PersonPicker label={t('fields.ownerId')} value={v.ownerId} onChange={(id) => set('ownerId', id)} error={errors.ownerId} />
          <MultiSelect
            label={t('strategy.portfolio.initiatives')}
            data={(initiatives.data ?? []).map((i) => ({ value: i.id, label: i.title }))}
            value={v.initiativeIds}
            onChange={(x) => set('initiativeIds', x)}
            searchable
            error={errors.initiativeIds}
          />
        </Group>
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {tech ? t('common.save') : t('strategy.portfolio.add')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TechnologyCard({ tech, canManage, initiativeTitle, departmentName }: { tech: Technology; canManage: boolean; initiativeTitle: (id: string) => string; departmentName: (id: string) => string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <Card>
        <TechnologyForm tech={tech} onDone={() => setEditing(false)} />
      </Card>
    );
  }
  return (
    <Card data-testid="technology">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} fz="md">
            {tech.name}
          </Title>
          <Badge color={STATE_COLOR[tech.state]} variant={tech.state === 'fravalgt' ? 'outline' : 'light'}>
            {t(`strategy.portfolio.state.${tech.state}`)}
          </Badge>
        </Group>
        <Text size="sm">{tech.rationale}</Text>
        {tech.state === 'fravalgt' && tech.deselectionReason ? (
          <Text size="sm">
            <strong>{t('fields.deselectionReason')}:</strong> {tech.deselectionReason}
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          {tech.scope === 'school' ? t('strategy.portfolio.scopes.school') : tech.departmentIds.map(departmentName).join(', ')}
          {tech.ownerName ? ` · ${t('fields.ownerId')}: ${tech.ownerName}` : ''}
        </Text>
        {tech.initiativeIds.length ? (
          <Text size="sm">
            {t('strategy.portfolio.initiatives')}:{' '}
            {tech.initiativeIds.map((id, n) => (
              <span key={id}>
                {n ? ', ' : ''}
                <Anchor underline="always" component={Link} to={`/strategi/indsatser/${id}`}>
                  {initiativeTitle(id)}
                </Anchor>
              </span>
            ))}
          </Text>
        ) : null}
        {canManage ? (
          <Group>
            <Button size="xs" variant="light" onClick={() => setEditing(true)} aria-label={t('strategy.portfolio.editLabel', { name: tech.name })}>
              {t('strategy.portfolio.edit')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

/** /strategi/teknologier: choices and deselections ("less is more"), with counts per state and what departments add. */
export function PortfolioPage() {
  const { t } = useTranslation();
  const q = useQuery(portfolioQuery);
  const initiatives = useQuery(initiativesQuery({}));
  const departments = useDepartments();
  const canManage = useCan('strategy:manage');
  const initiativeTitle = (id: string) => initiatives.data?.find((i) => i.id === id)?.title ?? '…';
  const departmentName = (id: string) => departments.data?.find((d) => d.id === id)?.name ?? '…';
  return (
    <ListPage
      title={t('strategy.portfolio.title')}
      lead={t('strategy.portfolio.lead')}
      addLabel={t('strategy.portfolio.add')}
      canAdd={canManage}
      form={(onDone) => <TechnologyForm onDone={onDone} />}
      query={q}
      isEmpty={(p) => p.items.length === 0}
      empty={{ title: t('strategy.portfolio.emptyTitle'), hint: canManage ? t('strategy.portfolio.emptyHintManage') : t('strategy.portfolio.emptyHint') }}
      summary={(p) => (
        <SimpleGrid cols={{ base: 1, xs: 3 }} data-testid="portfolio-counts">
          {STATES.map((s) => (
            <Card key={s}>
              <Text size="sm" c="dimmed" fw={600}>
                {t(`strategy.portfolio.state.${s}`)}
              </Text>
              <Text fz={32} fw={700} lh={1.2} data-testid={`count-${s}`}>
                {p.counts[s]}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`strategy.portfolio.stateHint.${s}`)}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
      footer={(p) =>
        p.departments.length ? (
          <Card>
            <Title order={2} fz="lg" mb={4}>
              {t('strategy.portfolio.beyondTitle')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('strategy.portfolio.beyondHint')}
            </Text>
            <List spacing={6} data-testid="beyond-central">
              {p.departments.map((d) => (
                <List.Item key={d.id}>
                  <strong>{d.name}:</strong>{' '}
                  {d.beyondCentral.length ? d.beyondCentral.map((x) => `${x.name} (${t(`strategy.portfolio.state.${x.state}`)})`).join(', ') : t('strategy.portfolio.onlyCentral')}
                </List.Item>
              ))}
            </List>
          </Card>
        ) : null
      }
    >
      {(p) =>
        STATES.map((s) => {
          const items = p.items.filter((x) => x.state === s);
          return (
            <section key={s} aria-labelledby={`state-${s}`}>
              <Title order={2} fz="lg" mb="sm" id={`state-${s}`}>
                {t(`strategy.portfolio.state.${s}`)} ({items.length})
              </Title>
              {items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('strategy.portfolio.noneInState')}
                </Text>
              ) : (
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                  {items.map((x) => (
                    <TechnologyCard key={x.id} tech={x} canManage={p.abilities.includes('strategy:manage')} initiativeTitle={initiativeTitle} departmentName={departmentName} />
                  ))}
                </SimpleGrid>
              )}
            </section>
          );
        })
      }
    </ListPage>
  );
}
