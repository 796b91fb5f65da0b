import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FORM_STYLE } from '../components/formStyle';
import { Link } from 'react-router';
import { fieldErrors } from '../../../app/api';
import { useCan, useSignedIn } from '../../../app/session';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { decisionsQuery, initiativesQuery, type Decision, usePlaces, usePlacesAhead, useStrategyMutation } from '../api/strategy';
import { ListPage } from '../components/ListPage';
import { todayInCopenhagen } from '../../../shared/dates';

const dk = (d: string) => `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;

type Input = { level: 'central' | 'department' | undefined; departmentId: string | null | undefined; initiativeId: string | null; what: string; why: string; decidedBy: string; decidedOn: string };

/** Records a decision: top management centrally or for a department; a department head for their own department. */
function DecisionForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const places = usePlaces('decision:create');
  const initiatives = useQuery(initiativesQuery({}));
  // level and department undefined: not chosen yet, so the first place the person may decide for
  const [v, setV] = useState<Input>({
    level: undefined,
    departmentId: undefined,
    initiativeId: null,
    what: '',
    why: '',
    decidedBy: me.person?.name ?? '',
    decidedOn: todayInCopenhagen(),
  });
  const level = v.level ?? (places.schoolWide ? 'central' : 'department');
  const departmentId = v.departmentId === undefined ? places.defaultDepartment : v.departmentId;
  const save = useStrategyMutation<Input>('POST', () => '/decisions', (i) => ({ ...i, departmentId: i.level === 'central' ? null : i.departmentId, decidedBy: i.decidedBy || undefined }));
  const errors = fieldErrors(save.error);
  const set = <K extends keyof Input>(k: K, value: Input[K]) => setV((s) => ({ ...s, [k]: value }));
  return (
    <form
      noValidate
      style={FORM_STYLE}
      aria-label={t('strategy.decisions.new')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ ...v, level, departmentId }, { onSuccess: onDone });
      }}
    >
      <Stack gap="sm">
        <Group grow align="flex-start">
          <Select
            label={t('strategy.initiatives.level')}
            data={[
              ...(places.schoolWide ? [{ value: 'central', label: t('strategy.initiatives.central') }] : []),
              { value: 'department', label: t('strategy.initiatives.department') },
            ]}
            value={level}
            onChange={(x) => set('level', x === 'department' ? 'department' : 'central')}
            allowDeselect={false}
            error={errors.level}
          />
          {level === 'department' ? (
            <Select label={t('fields.department')} data={places.departments} value={departmentId} onChange={(x) => set('departmentId', x)} error={errors.departmentId} required />
          ) : null}
          <TextInput type="date" label={t('fields.decidedOn')} value={v.decidedOn} onChange={(e) => set('decidedOn', e.currentTarget.value)} error={errors.decidedOn} required />
        </Group>
        <Textarea label={t('fields.what')} description={t('strategy.decisions.whatHint')} value={v.what} onChange={(e) => set('what', e.currentTarget.value)} error={errors.what} required autosize minRows={2} />
        <Textarea label={t('fields.why')} description={t('strategy.decisions.whyHint')} value={v.why} onChange={(e) => set('why', e.currentTarget.value)} error={errors.why} required autosize minRows={2} />
        <Group grow align="flex-start">
          <TextInput label={t('strategy.decisions.decidedBy')} description={t('strategy.decisions.decidedByHint')} value={v.decidedBy} onChange={(e) => set('decidedBy', e.currentTarget.value)} error={errors.decidedBy} />
          <Select
            label={t('strategy.decisions.initiative')}
            placeholder={t('strategy.decisions.noInitiative')}
            data={(initiatives.data ?? []).map((i) => ({ value: i.id, label: i.title }))}
            value={v.initiativeId}
            onChange={(x) => set('initiativeId', x)}
            searchable
            clearable
            error={errors.initiativeId}
          />
        </Group>
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!places.ready}>
            {t('strategy.decisions.save')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A decision made from a dialogue's results links back to them: one session's results, or the comparison of two. */
function DialogueSource({ source }: { source: NonNullable<Decision['source']> }) {
  const { t } = useTranslation();
  const [a, b] = source.sessionIds;
  const to = b ? `/dialog/sammenlign?a=${a}&b=${b}` : `/dialog/${a}/resultater`;
  // those who cannot read a dialogue's results (teachers) see where the decision came from, without a link they cannot follow
  const canOpen = useCan('dialogueSession:results');
  const text = t('strategy.decisions.fromDialogue', { pair: source.pairLabel, sessions: source.sessionTitles.join(t('strategy.decisions.fromDialogueAnd')) });
  return (
    <Text size="sm" mt={4}>
      {canOpen ? (
        <Anchor underline="always" component={Link} to={to} size="sm">
          {text}
        </Anchor>
      ) : (
        text
      )}
    </Text>
  );
}

/** /strategi/beslutninger: the decision log, central and departmental, newest first. */
export function DecisionsPage() {
  const { t } = useTranslation();
  const q = useQuery(decisionsQuery);
  const initiatives = useQuery(initiativesQuery({}));
  const canCreate = useCan('decision:create');
  usePlacesAhead(canCreate);
  const [level, setLevel] = useState<string | null>(null);
  return (
    <ListPage
      title={t('strategy.decisions.title')}
      lead={t('strategy.decisions.lead')}
      addLabel={t('strategy.decisions.new')}
      canAdd={canCreate}
      form={(onDone) => <DecisionForm onDone={onDone} />}
      query={q}
      isEmpty={(all) => all.length === 0}
      empty={{ title: t('strategy.decisions.emptyTitle'), hint: canCreate ? t('strategy.decisions.emptyHintCreate') : t('strategy.decisions.emptyHint') }}
    >
      {(all) => {
        const rows = all.filter((d) => !level || d.level === level);
        return (
          <Stack gap="sm">
            <Group>
              <Select
                label={t('strategy.initiatives.level')}
                placeholder={t('strategy.filters.all')}
                data={[
                  { value: 'central', label: t('strategy.initiatives.central') },
                  { value: 'department', label: t('strategy.initiatives.department') },
                ]}
                value={level}
                onChange={setLevel}
                clearable
                w={200}
              />
            </Group>
            <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="decisions">
              {rows.map((d) => (
                <Card key={d.id} component="li">
                  <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                    <Text fw={600} style={{ flex: '1 1 320px' }}>
                      {d.what}
                    </Text>
                    <Group gap={6}>
                      <Badge variant="light" color={d.level === 'central' ? 'teal.9' : 'indigo.8'}>
                        {d.level === 'central' ? t('strategy.initiatives.central') : (d.departmentName ?? t('strategy.initiatives.department'))}
                      </Badge>
                      <Text size="sm" c="dimmed">
                        {dk(d.decidedOn)}
                      </Text>
                    </Group>
                  </Group>
                  <Text size="sm" mt={4}>
                    <strong>{t('fields.why')}:</strong> {d.why}
                  </Text>
                  <Text size="sm" c="dimmed" mt={4}>
                    {d.decidedBy ? t('strategy.decisions.by', { name: d.decidedBy }) : null}
                    {d.initiativeId ? (
                      <>
                        {d.decidedBy ? ' · ' : ''}
                        <Anchor underline="always" component={Link} to={`/strategi/indsatser/${d.initiativeId}`} size="sm">
                          {initiatives.data?.find((i) => i.id === d.initiativeId)?.title ?? t('strategy.decisions.initiative')}
                        </Anchor>
                      </>
                    ) : null}
                  </Text>
                  {d.source ? <DialogueSource source={d.source} /> : null}
                </Card>
              ))}
            </Stack>
          </Stack>
        );
      }}
    </ListPage>
  );
}
