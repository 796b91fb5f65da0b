import { Anchor, Box, Group, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { todayInCopenhagen } from '../../../shared/dates';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { useTeams, useWeekTimeline } from '../api/students';
import { WeekPicker } from '../components/WeekPicker';
import { addDays, isoWeekOf, mondayOf, parseWeekKey, weekKey } from '../weeks';
import type { TPlacement, TWeekTimeline } from '../../../../shared/api/internship';

const DAYS = [0, 1, 2, 3, 4, 5, 6] as const;
const CELL = { school: 'var(--mantine-color-retning-7)', practice: 'var(--mantine-color-orange-8)' } as const;

/** /praktik/tidslinje: hvem er hvor i uge N, per team; the week and team are in the address so a link shows the same week. */
export function TimelinePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const week = parseWeekKey(params.get('uge')) ?? isoWeekOf(todayInCopenhagen());
  const teamId = params.get('team');
  const teams = useTeams();
  const timeline = useWeekTimeline(weekKey(week), teamId);
  const update = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) if (v) p.set(k, v); else p.delete(k);
    setParams(p, { replace: true });
  };
  return (
    <Stack gap="lg">
      <PageHeader eyebrow={t('internship.eyebrow')} title={t('internship.timeline.title')} description={t('internship.timeline.lead')} />
      <Group gap="md" align="flex-end" wrap="wrap">
        <WeekPicker value={week} onChange={(w) => update({ uge: weekKey(w) })} />
        <Select
          label={t('internship.timeline.team')}
          placeholder={t('internship.timeline.allTeams')}
          data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          value={teamId}
          onChange={(v) => update({ team: v })}
          clearable
          searchable
          w={240}
        />
      </Group>
      <QueryState query={timeline}>
        {(data) => (data.students.length === 0 ? <EmptyState title={t('internship.timeline.empty')} hint={t('internship.timeline.emptyHint')} /> : <WeekGrid data={data} monday={mondayOf(week)} />)}
      </QueryState>
    </Stack>
  );
}

function placementOn(placements: TPlacement[], day: string): TPlacement | null {
  return placements.find((p) => p.startsOn <= day && day <= p.endsOn) ?? null;
}

/** One row per student, one column per day: school, practice (company) or no period. Summary first, grid below. */
function WeekGrid({ data, monday }: { data: TWeekTimeline; monday: string }) {
  const { t, i18n } = useTranslation();
  const days = DAYS.map((d) => addDays(monday, d));
  const weekday = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'da-DK', { weekday: 'short', timeZone: 'UTC' });
  const mid = days[2] ?? monday;
  const atSchool = data.students.filter((s) => placementOn(s.placements, mid)?.kind === 'school').length;
  const inPractice = data.students.filter((s) => placementOn(s.placements, mid)?.kind === 'practice').length;
  return (
    <Stack gap="sm">
      <Text role="status">{t('internship.timeline.summary', { school: atSchool, practice: inPractice, none: data.students.length - atSchool - inPractice })}</Text>
      <Group gap="md" aria-hidden>
        <Legend color={CELL.school} label={t('internship.kind.school')} />
        <Legend color={CELL.practice} label={t('internship.kind.practice')} />
        <Legend color="var(--mantine-color-gray-2)" label={t('internship.timeline.noPeriod')} />
      </Group>
      <ScrollTable label={t('internship.timeline.title')} minWidth={720}>
        <Table withRowBorders={false} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('internship.studentLabel')}</Table.Th>
              {days.map((d) => (
                <Table.Th key={d} ta="center" style={{ textTransform: 'capitalize' }}>
                  {weekday.format(new Date(`${d}T00:00:00Z`))} {Number(d.slice(8))}/{Number(d.slice(5, 7))}
                </Table.Th>
              ))}
              <Table.Th>{t('internship.timeline.where')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.students.map((s) => {
              const now = placementOn(s.placements, mid) ?? s.placements[0] ?? null;
              return (
                <Table.Tr key={s.student.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={`/praktik/elever/${s.student.id}`}>{s.student.name}</Anchor>
                  </Table.Td>
                  {days.map((d) => {
                    const p = placementOn(s.placements, d);
                    const label = p ? (p.kind === 'practice' ? (p.company?.name ?? t('internship.kind.practice')) : t('internship.kind.school')) : t('internship.timeline.noPeriod');
                    return (
                      <Table.Td key={d} p={2}>
                        <Tooltip label={label}>
                          <Box h={22} style={{ borderRadius: 4, background: p ? CELL[p.kind] : 'var(--mantine-color-gray-2)' }} aria-label={label} role="img" />
                        </Tooltip>
                      </Table.Td>
                    );
                  })}
                  <Table.Td>
                    <Text size="sm">{now ? (now.kind === 'practice' ? (now.company?.name ?? t('internship.kind.practice')) : t('internship.kind.school')) : t('internship.timeline.noPeriod')}</Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6}>
      <Box w={14} h={14} style={{ background: color, borderRadius: 3 }} />
      <Text size="xs">{label}</Text>
    </Group>
  );
}
