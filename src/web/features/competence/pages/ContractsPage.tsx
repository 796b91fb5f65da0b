import { useState } from 'react';
import { Badge, Button, Card, Group, NumberInput, Select, Stack, Table, Text, TextInput, Textarea, Timeline, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { useAcknowledge, useContract, useContracts, useCreateContract } from '../api/contracts';
import { useFramework, useSettings } from '../api/framework';
import { tr } from '../api/types';
import { ContractEditor } from '../components/ContractEditor';
import { formatDateTime } from '../../../shared/dates';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { departmentStaffQuery } from '../../../shared/api/staff';

/** Development contracts (udviklingskontrakter): list, draft (department head), both parties acknowledge, history. */
export function ContractsPage() {
  const { t } = useTranslation();
  const list = useContracts();
  const settings = useSettings();
  const [openId, setOpenId] = useState<string | null>(null);
  const leadsDepartment = settings.data?.abilities.includes('competence:leadDepartment') === true;
  return (
    <>
      <PageHeader title={t('competence.contracts.title')} description={t('competence.contracts.lead')} />
      <Stack gap="lg">
        {leadsDepartment ? <NewContract onCreated={setOpenId} /> : null}
        <QueryState query={list}>
          {(rows) =>
            rows.length === 0 ? (
              <EmptyState title={t('competence.contracts.emptyTitle')} hint={leadsDepartment ? t('competence.contracts.emptyHintLeader') : t('competence.contracts.emptyHint')} />
            ) : (
              <ScrollTable minWidth={560} label={t('competence.contracts.title')}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('competence.contracts.employee')}</Table.Th>
                      <Table.Th scope="col">{t('competence.contracts.leader')}</Table.Th>
                      <Table.Th scope="col">{t('competence.contracts.status')}</Table.Th>
                      <Table.Th scope="col">{t('competence.contracts.nextFollowUp')}</Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>{t('competence.contracts.open')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td>{r.person.name}</Table.Td>
                        <Table.Td>{r.leader.name}</Table.Td>
                        <Table.Td>
                          <Badge variant="light">{t(`competence.contracts.statuses.${r.status}`)}</Badge>
                        </Table.Td>
                        <Table.Td>{r.nextFollowUp ?? '–'}</Table.Td>
                        <Table.Td>
                          <Button size="xs" variant="default" onClick={() => setOpenId(r.id)} aria-label={t('competence.contracts.openFor', { name: r.person.name })}>
                            {t('competence.contracts.open')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )
          }
        </QueryState>
        {openId ? <ContractDetail key={openId} id={openId} /> : null}
      </Stack>
    </>
  );
}

function ContractDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const c = useContract(id);
  const fw = useFramework();
  const ack = useAcknowledge();
  const [editing, setEditing] = useState(false);
  const names = new Map((fw.data?.areas ?? []).flatMap((a) => a.competences.map((x) => [x.id, tr(x.title, i18n.language)] as const)));
  return (
    <QueryState query={c}>
      {(k) => {
        const mine = k.role === 'employee' ? k.employeeAckAt : k.leaderAckAt;
        return (
          <Card data-testid="contract-detail">
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={2} fz="lg">
                  {t('competence.contracts.detailTitle', { name: k.person.name, version: k.version })}
                </Title>
                <Badge>{t(`competence.contracts.statuses.${k.status}`)}</Badge>
              </Group>
              <Title order={3} fz="md">
                {t('fields.goals')}
              </Title>
              <Stack gap={2}>
                {k.content.goals.map((g) => (
                  <Text key={g.competenceId} size="sm">
                    {names.get(g.competenceId) ?? g.competenceId}: {t('competence.contracts.targetLevel', { level: g.targetLevel })} {g.note ? `· ${g.note}` : ''}
                  </Text>
                ))}
              </Stack>
              {k.content.activities.map((a, i) => (
                <Text key={i} size="sm">
                  {t(`competence.contracts.activityKinds.${a.kind}`)}
                  {a.description ? `: ${a.description}` : ''}
                </Text>
              ))}
              {k.content.note ? <Text size="sm">{k.content.note}</Text> : null}
              {k.content.followUps.length ? <Text size="sm">{t('competence.contracts.followUps', { dates: k.content.followUps.join(', ') })}</Text> : null}
              <Text size="sm">
                {t('competence.contracts.acks', {
                  employee: k.employeeAckAt ? t('competence.contracts.yes') : t('competence.contracts.no'),
                  leader: k.leaderAckAt ? t('competence.contracts.yes') : t('competence.contracts.no'),
                })}
              </Text>
              {k.abilities.includes('contract:acknowledge') && !mine && k.status === 'draft' ? (
                <Group>
                  <Button onClick={() => ack.mutate(k.id, { onSuccess: () => void c.refetch() })} loading={ack.isPending}>
                    {t('competence.contracts.acknowledge')}
                  </Button>
                </Group>
              ) : null}
              {ack.error ? <ProblemAlert error={ack.error} /> : null}
              {k.abilities.includes('contract:update') && !editing ? (
                <Group>
                  <Button variant="default" onClick={() => setEditing(true)}>
                    {t('competence.contracts.edit')}
                  </Button>
                </Group>
              ) : null}
              {k.abilities.includes('contract:update') && editing ? (
                <ContractEditor
                  key={`${k.id}-${k.version}-${k.status}`}
                  contract={k}
                  onDone={() => {
                    setEditing(false);
                    void c.refetch();
                  }}
                />
              ) : null}
              <Title order={3} fz="md">
                {t('competence.contracts.history')}
              </Title>
              <Timeline bulletSize={14} lineWidth={2}>
                {k.history.map((h) => (
                  <Timeline.Item key={`${h.at}-${h.action}`} title={t(`competence.contracts.actions.${h.action}`)}>
                    <Text size="xs" c="dimmed">
                      {h.byName} · {formatDateTime(h.at, i18n.language)} · v{h.version}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </Stack>
          </Card>
        );
      }}
    </QueryState>
  );
}

function NewContract({ onCreated }: { onCreated: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const me = useSignedIn();
  const fw = useFramework();
  const create = useCreateContract();
  // the department head's employees: staff of his department only, never students or company supervisors
  const staff = useQuery(departmentStaffQuery(me.person?.department?.id));
  const [personId, setPersonId] = useState<string | null>(null);
  const [competenceId, setCompetenceId] = useState<string | null>(null);
  const [targetLevel, setTargetLevel] = useState<number | string>(3);
  const [note, setNote] = useState('');
  const [activity, setActivity] = useState('');
  const [followUp, setFollowUp] = useState('');
  const options = (fw.data?.areas ?? []).map((a) => ({ group: tr(a.title, i18n.language), items: a.competences.map((c) => ({ value: c.id, label: `${c.code} ${tr(c.title, i18n.language)}` })) }));
  return (
    <Card>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!personId || !competenceId) return;
          create.mutate(
            {
              personId,
              content: {
                goals: [{ competenceId, targetLevel: Number(targetLevel), note }],
                activities: activity ? [{ kind: 'sidemandsoplaering', courseId: null, description: activity }] : [],
                followUps: followUp ? [followUp] : [],
                note: '',
              },
            },
            {
              onSuccess: (k) => {
                // The new contract opens below; the form is empty again for the next one.
                setPersonId(null);
                setCompetenceId(null);
                setTargetLevel(3);
                setNote('');
                setActivity('');
                setFollowUp('');
                onCreated(k.id);
              },
            },
          );
        }}
      >
        <Stack gap="xs">
          <Title order={2} fz="lg">
            {t('competence.contracts.newTitle')}
          </Title>
          <Group align="flex-end" wrap="wrap">
            <Select label={t('competence.contracts.employee')} data={(staff.data?.items ?? []).filter((p) => p.id !== me.person?.id).map((p) => ({ value: p.id, label: p.name }))} value={personId} onChange={setPersonId} searchable required w={240} />
            <Select label={t('fields.competenceId')} data={options} value={competenceId} onChange={setCompetenceId} searchable required w={300} />
            <NumberInput label={t('fields.targetLevel')} min={0} max={6} value={targetLevel} onChange={setTargetLevel} w={120} />
          </Group>
          <TextInput label={t('competence.contracts.goalNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Textarea label={t('competence.contracts.activity')} value={activity} onChange={(e) => setActivity(e.currentTarget.value)} autosize minRows={2} />
          <TextInput type="date" label={t('competence.contracts.followUp')} value={followUp} onChange={(e) => setFollowUp(e.currentTarget.value)} w={200} />
          {create.error ? <ProblemAlert error={create.error} /> : null}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('competence.contracts.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
