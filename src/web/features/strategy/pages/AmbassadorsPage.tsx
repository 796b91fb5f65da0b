import { useState } from 'react';
import { Badge, Box, Button, Card, Group, MultiSelect, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FORM_STYLE } from '../components/formStyle';
import { fieldErrors } from '../../../app/api';
import { useCan } from '../../../app/session';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { ambassadorsQuery, portfolioQuery, usePlaces, usePlacesAhead, useStrategyMutation } from '../api/strategy';
import { ListPage } from '../components/ListPage';
import { PersonPicker } from '../components/PersonPicker';
import { ScrollTable } from '../../../shared/ui/ScrollTable';

type Input = { personId: string | null; kind: 'ambassador' | 'superuser'; departmentId: string | null | undefined; technologyIds: string[]; hoursPerWeek: number | string; contact: string };

function AmbassadorForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const places = usePlaces('ambassador:manage');
  const portfolio = useQuery(portfolioQuery);
  // departmentId undefined: not chosen yet, so the first place the person may register in
  const [v, setV] = useState<Input>({ personId: null, kind: 'ambassador', departmentId: undefined, technologyIds: [], hoursPerWeek: 2, contact: '' });
  const departmentId = v.departmentId === undefined ? places.defaultDepartment : v.departmentId;
  const save = useStrategyMutation<Input>('POST', () => '/ambassadors', (i) => ({ ...i, hoursPerWeek: typeof i.hoursPerWeek === 'number' ? i.hoursPerWeek : 0 }));
  const errors = fieldErrors(save.error);
  const set = <K extends keyof Input>(k: K, value: Input[K]) => setV((s) => ({ ...s, [k]: value }));
  return (
    <form
      noValidate
      style={FORM_STYLE}
      aria-label={t('strategy.ambassadors.add')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ ...v, departmentId }, { onSuccess: onDone });
      }}
    >
      <Stack gap="sm">
        <Group grow align="flex-start">
          <PersonPicker label={t('fields.personId')} value={v.personId} onChange={(id) => set('personId', id)} error={errors.personId} required />
          <Select
            label={t('strategy.ambassadors.kind')}
            data={[
              { value: 'ambassador', label: t('strategy.ambassadors.kinds.ambassador') },
              { value: 'superuser', label: t('strategy.ambassadors.kinds.superuser') },
            ]}
            value={v.kind}
            onChange={(x) => set('kind', x === 'superuser' ? 'superuser' : 'ambassador')}
            allowDeselect={false}
          />
          <Select
            label={t('fields.department')}
            description={places.schoolWide ? t('strategy.ambassadors.departmentHint') : undefined}
            placeholder={places.schoolWide ? t('strategy.ambassadors.wholeSchool') : undefined}
            data={places.departments}
            value={departmentId}
            onChange={(x) => set('departmentId', x)}
            clearable={places.schoolWide}
            error={errors.departmentId}
          />
        </Group>
        <Group grow align="flex-start">
          <MultiSelect
            label={t('fields.technologyIds')}
            data={(portfolio.data?.items ?? []).filter((x) => x.state !== 'fravalgt').map((x) => ({ value: x.id, label: x.name }))}
            value={v.technologyIds}
            onChange={(x) => set('technologyIds', x)}
            searchable
            error={errors.technologyIds}
          />
          <NumberInput label={t('strategy.ambassadors.hours')} min={0} max={60} step={0.5} decimalSeparator="," value={v.hoursPerWeek} onChange={(x) => set('hoursPerWeek', x)} error={errors.hoursPerWeek} />
        </Group>
        <TextInput label={t('fields.contact')} description={t('strategy.ambassadors.contactHint')} value={v.contact} onChange={(e) => set('contact', e.currentTarget.value)} error={errors.contact} required />
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!places.ready}>
            {t('strategy.ambassadors.add')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** /strategi/ambassadoerer: IT ambassadors and super users, what they support and how to reach them. */
export function AmbassadorsPage() {
  const { t } = useTranslation();
  const q = useQuery(ambassadorsQuery);
  const canManage = useCan('ambassador:manage');
  usePlacesAhead(canManage);
  const remove = useStrategyMutation<string>('DELETE', (id) => `/ambassadors/${id}`);
  const [filter, setFilter] = useState('');
  return (
    <ListPage
      title={t('strategy.ambassadors.title')}
      lead={t('strategy.ambassadors.lead')}
      addLabel={t('strategy.ambassadors.add')}
      canAdd={canManage}
      form={(onDone) => <AmbassadorForm onDone={onDone} />}
      query={q}
      isEmpty={(all) => all.length === 0}
      empty={{ title: t('strategy.ambassadors.emptyTitle'), hint: canManage ? t('strategy.ambassadors.emptyHintManage') : t('strategy.ambassadors.emptyHint') }}
    >
      {(all) => {
        const f = filter.trim().toLowerCase();
        const rows = f ? all.filter((a) => [a.name, a.departmentName ?? '', ...a.technologies.map((x) => x.name)].some((s) => s.toLowerCase().includes(f))) : all;
        return (
          <Stack gap="sm">
            {remove.error ? <ProblemAlert error={remove.error} /> : null}
            <TextInput label={t('strategy.ambassadors.search')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} maw={360} />
            <Stack gap="xs" hiddenFrom="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {rows.map((a) => (
                <Card key={a.id} component="li">
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <Text fw={600}>{a.name}</Text>
                    <Badge size="sm" variant="light" color={a.kind === 'superuser' ? 'indigo.8' : 'teal.9'}>
                      {t(`strategy.ambassadors.kinds.${a.kind}`)}
                    </Badge>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {a.departmentName ?? t('strategy.ambassadors.wholeSchool')} · {t('strategy.ambassadors.hoursValue', { hours: a.hoursPerWeek.toLocaleString('da-DK') })}
                  </Text>
                  {a.technologies.length ? <Text size="sm">{a.technologies.map((x) => x.name).join(', ')}</Text> : null}
                  <Text size="sm">
                    <strong>{t('fields.contact')}:</strong> {a.contact}
                  </Text>
                </Card>
              ))}
            </Stack>
            <Box visibleFrom="sm">
              <ScrollTable minWidth={720} label={t('strategy.ambassadors.title')}>
                <Table striped data-testid="ambassadors">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('fields.name')}</Table.Th>
                      <Table.Th scope="col">{t('fields.department')}</Table.Th>
                      <Table.Th scope="col">{t('fields.technologyIds')}</Table.Th>
                      <Table.Th scope="col">{t('strategy.ambassadors.hoursShort')}</Table.Th>
                      <Table.Th scope="col">{t('fields.contact')}</Table.Th>
                      {canManage ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>
                          <Text fw={600} size="sm">
                            {a.name}
                          </Text>
                          <Badge size="sm" variant="light" color={a.kind === 'superuser' ? 'indigo.8' : 'teal.9'}>
                            {t(`strategy.ambassadors.kinds.${a.kind}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>{a.departmentName ?? t('strategy.ambassadors.wholeSchool')}</Table.Td>
                        <Table.Td>{a.technologies.length ? a.technologies.map((x) => x.name).join(', ') : '–'}</Table.Td>
                        <Table.Td>{t('strategy.ambassadors.hoursValue', { hours: a.hoursPerWeek.toLocaleString('da-DK') })}</Table.Td>
                        <Table.Td>{a.contact}</Table.Td>
                        {canManage ? (
                          <Table.Td>
                            {a.abilities.includes('ambassador:manage') ? (
                              <Button
                                size="xs"
                                variant="subtle"
                                color="red.9"
                                leftSection={<IconTrash size={14} aria-hidden />}
                                aria-label={t('strategy.ambassadors.removeLabel', { name: a.name })}
                                loading={remove.isPending && remove.variables === a.id}
                                onClick={() => {
                                  if (window.confirm(t('strategy.ambassadors.confirmRemove', { name: a.name }))) remove.mutate(a.id);
                                }}
                              >
                                {t('strategy.ambassadors.remove')}
                              </Button>
                            ) : null}
                          </Table.Td>
                        ) : null}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            </Box>
          </Stack>
        );
      }}
    </ListPage>
  );
}
