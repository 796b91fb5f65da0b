import { ActionIcon, Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { dk } from '../../../shared/dates';
import { type IsoWeek, isoWeekOf, mondayOf, shiftWeek, sundayOf } from '../weeks';
import { todayInCopenhagen } from '../../../shared/dates';

/** Uge N with its dates, a step back and forward, and "denne uge". */
export function WeekPicker({ value, onChange }: { value: IsoWeek; onChange: (w: IsoWeek) => void }) {
  const { t } = useTranslation();
  const current = isoWeekOf(todayInCopenhagen());
  const isCurrent = current.year === value.year && current.week === value.week;
  return (
    <Group gap="xs" wrap="nowrap" role="group" aria-label={t('internship.week.picker')}>
      <ActionIcon variant="light" size="lg" aria-label={t('internship.week.previous')} onClick={() => onChange(shiftWeek(value, -1))}>
        <IconChevronLeft size={18} aria-hidden />
      </ActionIcon>
      <div style={{ minWidth: 150, textAlign: 'center' }} aria-live="polite">
        <Text fw={700}>{t('internship.week.label', { week: value.week, year: value.year })}</Text>
        <Text size="xs" c="dimmed">
          {dk(mondayOf(value))} – {dk(sundayOf(value))}
        </Text>
      </div>
      <ActionIcon variant="light" size="lg" aria-label={t('internship.week.next')} onClick={() => onChange(shiftWeek(value, 1))}>
        <IconChevronRight size={18} aria-hidden />
      </ActionIcon>
      {!isCurrent ? (
        <Button variant="subtle" size="xs" onClick={() => onChange(current)}>
          {t('internship.week.thisWeek')}
        </Button>
      ) : null}
    </Group>
  );
}
