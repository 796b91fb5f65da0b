import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, List, MultiSelect, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';
import { useSignedIn, can } from '../../../app/session';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { useCompletion, useHeatmap, useLevelZero, useStaffStatus, type HeatmapData } from '../api/overview';
import { useOpenRound, useRemind, useRounds } from '../api/rounds';
import { tr } from '../api/types';
import { LevelHeatmap } from '../components/charts';
import { ProfileView } from '../components/ProfileView';
import { useProfile } from '../api/profile';
import { useSettings } from '../api/framework';
import { useDepartments } from '../../../shared/api/departments';
import { departmentStaffQuery } from '../../../shared/api/staff';
import { todayInCopenhagen } from '../../../shared/dates';
import { ScrollTable } from '../../../shared/ui/ScrollTable';

/** The leaders' view: heatmap areas × departments with change, completion, level 0, mandatory courses, onboarding, rounds. */
export function CompetenceOverviewPage() {
  const { t, i18n } = useTranslation();
  const me = useSignedIn();
  const rounds = useRounds();
  const [roundId, setRoundId] = useState<string | undefined>();
  const heat = useHeatmap(roundId);
  const settings = useSettings();
  const leadsDepartment = settings.data?.abilities.includes('competence:leadDepartment') === true;
  const zero = useLevelZero(leadsDepartment);
  const status = useStaffStatus(can(me, 'competence:staffStatus'));
  const lang = i18n.language;
  return (
    <>
      <PageHeader title={t('competence.overview.title')} description={t('competence.overview.lead')} />
      <Stack gap="lg">
        {can(me, 'competence:roundManage') ? <OpenRound /> : null}
        <QueryState query={heat}>
          {(h) => {
            if (!h.round || !h.framework || !h.current) return <EmptyState title={t('competence.overview.emptyTitle')} hint={t('competence.overview.emptyHint')} />;
            const fw = h.framework;
            const areas = fw.areas.map((a) => `${a.code}. ${tr(a.title, lang)}`);
            const rows = [...h.current.departments.map((d) => d.name || t('competence.overview.noDepartment')), t('competence.overview.school')];
            const all = (data: HeatmapData) => [...data.departments, { ...data.school, name: '', departmentId: 'school' }];
            const values = all(h.current).flatMap((r, y) => r.cells.map((c, x) => [x, y, r.suppressed ? null : c.mean] as [number, number, number | null]));
            const prev = (deptId: string | null, areaId: string) => {
              const rs = h.previous ? all(h.previous) : [];
              const r = rs.find((x) => x.departmentId === deptId);
              return r && !r.suppressed ? r.cells.find((c) => c.areaId === areaId)?.mean ?? null : null;
            };
            return (
              <Card>
                <Stack gap="sm">
                  <Group justify="space-between" align="flex-end">
                    <Title order={2} fz="lg">
                      {t('competence.overview.heatmapTitle', { round: h.round.title })}
                    </Title>
                    <Select
                      label={t('competence.overview.round')}
                      data={(rounds.data ?? []).map((r) => ({ value: r.id, label: `${r.title} (${r.opensOn})` }))}
                      value={roundId ?? h.round.id}
                      onChange={(v) => setRoundId(v ?? undefined)}
                      allowDeselect={false}
                      w={260}
                    />
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t('competence.overview.heatmapLead')}
                    {h.compare ? ` ${t('competence.overview.comparedWith', { round: h.compare.title })}` : ''}
                  </Text>
                  {h.current.inSteps ? (
                    <Text size="sm" data-testid="heatmap-in-steps">
                      {t(h.settings.openRoundResults === 'after_close' ? 'competence.overview.inStepsAfterClose' : 'competence.overview.inSteps')}
                    </Text>
                  ) : null}
                  <LevelHeatmap areas={areas} rows={rows} values={values} label={t('competence.overview.heatmapLabel')} />
                  <ScrollTable minWidth={640} label={t('competence.overview.heatmapTitle', { round: h.round.title })}>
                    <Table striped data-testid="heatmap-table">
                      <caption>
                        <VisuallyHidden>{t('competence.overview.heatmapTitle', { round: h.round.title })}</VisuallyHidden>
                      </caption>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t('fields.department')}</Table.Th>
                          <Table.Th scope="col">{t('competence.overview.persons')}</Table.Th>
                          {fw.areas.map((a) => (
                            <Table.Th scope="col" key={a.id} title={tr(a.title, lang)}>
                              {a.code}
                            </Table.Th>
                          ))}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {all(h.current).map((r) => (
                          <Table.Tr key={r.departmentId ?? 'none'}>
                            <Table.Th scope="row">{r.departmentId === 'school' ? t('competence.overview.school') : r.name || t('competence.overview.noDepartment')}</Table.Th>
                            <Table.Td>{r.suppressed ? t('competence.overview.hidden') : r.count}</Table.Td>
                            {r.cells.map((c) => {
                              const p = prev(r.departmentId, c.areaId);
                              const delta = !r.suppressed && c.mean !== null && p !== null ? Math.round((c.mean - p) * 10) / 10 : null;
                              return (
                                <Table.Td key={c.areaId}>
                                  {r.suppressed || c.mean === null ? '–' : c.mean}
                                  {delta !== null ? (
                                    <Text span size="xs" c={delta >= 0 ? '#1d5a2a' : '#9b1c1c'} fw={600} ml={4}>
                                      ({delta >= 0 ? '+' : ''}
                                      {delta})
                                    </Text>
                                  ) : null}
                                </Table.Td>
                              );
                            })}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </ScrollTable>
                  <Text size="xs" c="dimmed">
                    {t('competence.overview.anonymity')}
                  </Text>
                  <Completion roundId={h.round.id} />
                </Stack>
              </Card>
            );
          }}
        </QueryState>
        {leadsDepartment ? <StaffProfile /> : null}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {leadsDepartment ? (
            <Card>
              <Title order={2} fz="lg" mb="xs">
                {t('competence.overview.levelZeroTitle')}
              </Title>
              {zero.data === null ? (
                <Text size="sm" c="dimmed">
                  {t('competence.overview.levelZeroOff')}
                </Text>
              ) : zero.data && zero.data.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('competence.overview.levelZeroNone')}
                </Text>
              ) : (
                <List data-testid="level-zero-list">
                  {(zero.data ?? []).map((p) => (
                    <List.Item key={p.personId}>{p.name}</List.Item>
                  ))}
                </List>
              )}
            </Card>
          ) : null}
          {status.data ? (
            <Card>
              <Title order={2} fz="lg" mb="xs">
                {t('competence.overview.mandatoryTitle')}
              </Title>
              {status.data.mandatory.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('competence.overview.mandatoryNone')}
                </Text>
              ) : (
                status.data.mandatory.map((m) => (
                  <Stack key={m.courseId} gap={4} mb="sm">
                    <Group justify="space-between">
                      <Text fw={600}>{m.title}</Text>
                      <Badge variant="light">{t('competence.overview.completedOf', { completed: m.completed, total: m.audience })}</Badge>
                    </Group>
                    <Text size="sm">{m.notCompleted.length ? `${t('competence.overview.notCompleted')}: ${m.notCompleted.map((p) => p.name).join(', ')}` : t('competence.overview.allCompleted')}</Text>
                  </Stack>
                ))
              )}
              <Title order={2} fz="lg" mt="md" mb="xs">
                {t('competence.overview.onboardingTitle')}
              </Title>
              {status.data.onboarding.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('competence.overview.onboardingNone')}
                </Text>
              ) : (
                <List>
                  {status.data.onboarding.map((o) => (
                    <List.Item key={o.personId}>
                      {o.name} ({o.employmentStart ?? ''}): {t('competence.overview.completedOf', { completed: o.completed, total: o.total })}
                    </List.Item>
                  ))}
                </List>
              )}
            </Card>
          ) : null}
        </SimpleGrid>
      </Stack>
    </>
  );
}

function Completion({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const c = useCompletion(roundId);
  const remind = useRemind(roundId);
  const me = useSignedIn();
  if (!c.data) return null;
  return (
    <Stack gap={4}>
      <Title order={3} fz="md">
        {t('competence.overview.completionTitle')}
      </Title>
      <Text size="sm">
        {c.data.submitted === null ? t('competence.overview.completionHidden') : t('competence.overview.completionTotal', { submitted: c.data.submitted, invited: c.data.invited })}
      </Text>
      <Group gap="xs">
        {c.data.departments.map((d) => (
          <Badge key={d.departmentId ?? 'none'} variant="light" color={d.suppressed ? 'gray' : 'blue'}>
            {d.name || t('competence.overview.noDepartment')}: {d.suppressed ? t('competence.overview.hidden') : `${d.submitted}/${d.invited}`}
          </Badge>
        ))}
      </Group>
      {can(me, 'competence:roundManage') ? (
        <Group>
          <Button
            variant="default"
            size="xs"
            loading={remind.isPending}
            onClick={() =>
              remind.mutate(undefined, {
                onSuccess: (r) => notifications.show({ message: r.enabled ? t('competence.overview.remindersSent', { sent: r.sent }) : t('competence.overview.remindersNoMail', { pending: r.pending }) }),
              })
            }
          >
            {t('competence.overview.remind')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function OpenRound() {
  const { t } = useTranslation();
  const open = useOpenRound();
  const wholeSchoolAllowed = useSettings().data?.scope === 'school';
  const departments = useDepartments();
  const today = todayInCopenhagen();
  const [title, setTitle] = useState('');
  const [opensOn, setOpensOn] = useState(today);
  const [closesOn, setClosesOn] = useState(new Date(Date.parse(`${today}T12:00:00Z`) + 21 * 86_400_000).toISOString().slice(0, 10));
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [kind, setKind] = useState<'staff' | 'student'>('staff');
  return (
    <Card>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          open.mutate({ title, opensOn, closesOn, departmentIds: wholeSchoolAllowed && departmentIds.length ? departmentIds : null, frameworkKind: kind }, { onSuccess: () => setTitle('') });
        }}
      >
        <Stack gap="xs">
          <Title order={2} fz="lg">
            {t('competence.overview.openRoundTitle')}
          </Title>
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('fields.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required w={260} />
            <TextInput type="date" label={t('fields.opensOn')} value={opensOn} onChange={(e) => setOpensOn(e.currentTarget.value)} required />
            <TextInput type="date" label={t('fields.closesOn')} value={closesOn} onChange={(e) => setClosesOn(e.currentTarget.value)} required />
          </Group>
          <Group align="flex-end" wrap="wrap">
            {wholeSchoolAllowed ? (
              <MultiSelect
                label={t('fields.departmentIds')}
                description={t('competence.overview.departmentsHint')}
                placeholder={departmentIds.length ? undefined : t('competence.overview.wholeSchool')}
                data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                value={departmentIds}
                onChange={setDepartmentIds}
                searchable
                clearable
                w={360}
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t('competence.overview.ownDepartmentOnly')}
              </Text>
            )}
            <Select
              label={t('competence.overview.frameworkKind')}
              data={[
                { value: 'staff', label: t('competence.overview.kinds.staff') },
                { value: 'student', label: t('competence.overview.kinds.student') },
              ]}
              value={kind}
              onChange={(v) => setKind(v === 'student' ? 'student' : 'staff')}
              allowDeselect={false}
              w={220}
            />
            <Button type="submit" loading={open.isPending}>
              {t('competence.overview.openRound')}
            </Button>
          </Group>
          {open.error ? <ProblemAlert error={open.error} /> : null}
          {open.isSuccess ? <Alert color="green">{t('competence.overview.roundOpened')}</Alert> : null}
        </Stack>
      </form>
    </Card>
  );
}

/** The department head opens one employee's profile; the API decides (own department, and only when the school allows it). */
function StaffProfile() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const [params, setParams] = useSearchParams();
  const personId = params.get('medarbejder');
  const departmentId = me.person?.department?.id ?? '';
  // staff of his department only: students and company supervisors have no staff competence profile
  const staff = useQuery(departmentStaffQuery(departmentId));
  const profile = useProfile(personId ?? '', !!personId);
  const denied = profile.error instanceof ApiError && profile.error.status === 403;
  return (
    <Card>
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('competence.overview.staffProfileTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('competence.overview.staffProfileLead')}
        </Text>
        <Select
          label={t('competence.contracts.employee')}
          data={(staff.data?.items ?? []).filter((p) => p.id !== me.person?.id).map((p) => ({ value: p.id, label: p.name }))}
          value={personId}
          onChange={(v) => setParams(v ? { medarbejder: v } : {}, { replace: true })}
          searchable
          clearable
          w={300}
        />
        {!personId ? null : denied ? (
          <Alert color="gray" data-testid="staff-profile-denied">
            {t('competence.overview.staffProfileDenied')}
          </Alert>
        ) : profile.error ? (
          <ProblemAlert error={profile.error} />
        ) : profile.data ? (
          profile.data.latest ? (
            <Stack gap="md" data-testid="staff-profile">
              <Title order={2} fz="lg">
                {t('competence.overview.staffProfileOf', { name: profile.data.person.name })}
              </Title>
              <ProfileView profile={{ ...profile.data, latest: profile.data.latest }} viewer="leader" />
            </Stack>
          ) : (
            <EmptyState title={t('competence.overview.staffProfileEmpty', { name: profile.data.person.name })} hint={t('competence.overview.staffProfileEmptyHint')} />
          )
        ) : null}
      </Stack>
    </Card>
  );
}
