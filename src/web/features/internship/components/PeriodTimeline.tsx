import { Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dk, todayInCopenhagen } from '../../../shared/dates';
import { addDays, daysBetween } from '../weeks';

export type TimelinePeriod = { id: string; kind: 'school' | 'practice'; startsOn: string; endsOn: string; label: string };

const COLORS = { school: 'var(--mantine-color-retning-7)', practice: 'var(--mantine-color-orange-8)' } as const;

/**
 * A student's vekslen as one bar: school and practice periods side by side in proportion to
 * their length, today marked. A bar is quicker to read than a list of dates; the list of periods
 * follows for screen readers and for the exact dates.
 */
export function PeriodTimeline({ periods }: { periods: TimelinePeriod[] }) {
  const { t } = useTranslation();
  const sorted = [...periods].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return null;
  const end = sorted.reduce((m, p) => (p.endsOn > m ? p.endsOn : m), last.endsOn);
  const span = Math.max(1, daysBetween(first.startsOn, addDays(end, 1)));
  const today = todayInCopenhagen();
  const todayAt = today >= first.startsOn && today <= end ? (daysBetween(first.startsOn, today) / span) * 100 : null;
  return (
    <Stack gap="xs">
      <Box pos="relative" h={28} aria-hidden style={{ borderRadius: 6, overflow: 'hidden', background: 'var(--mantine-color-gray-2)' }}>
        {sorted.map((p) => (
          <Box
            key={p.id}
            pos="absolute"
            top={0}
            h={28}
            title={`${p.label}: ${dk(p.startsOn)} – ${dk(p.endsOn)}`}
            style={{
              left: `${(daysBetween(first.startsOn, p.startsOn) / span) * 100}%`,
              width: `${Math.max(0.5, ((daysBetween(p.startsOn, p.endsOn) + 1) / span) * 100)}%`,
              background: COLORS[p.kind],
              borderRight: '2px solid white',
            }}
          />
        ))}
        {todayAt !== null ? <Box pos="absolute" top={0} h={28} w={3} style={{ left: `${todayAt}%`, background: 'black' }} /> : null}
      </Box>
      <Group gap="md" aria-hidden>
        <Legend color={COLORS.school} label={t('internship.kind.school')} />
        <Legend color={COLORS.practice} label={t('internship.kind.practice')} />
        {todayAt !== null ? <Legend color="black" label={t('internship.timeline.today')} /> : null}
      </Group>
      <Stack component="ol" gap={4} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('internship.timeline.periods')}>
        {sorted.map((p) => (
          <Text component="li" key={p.id} size="sm" fw={p.startsOn <= today && today <= p.endsOn ? 700 : 400}>
            {dk(p.startsOn)} – {dk(p.endsOn)}: {t(`internship.kind.${p.kind}`)}
            {p.kind === 'practice' ? `, ${p.label}` : ''}
            {p.startsOn <= today && today <= p.endsOn ? ` (${t('internship.timeline.now')})` : ''}
          </Text>
        ))}
      </Stack>
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
