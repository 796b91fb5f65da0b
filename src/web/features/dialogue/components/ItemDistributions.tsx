import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TDialogueSlider, TLiveItem } from '../../../../shared/api/dialogue';
import { type Distribution, StripPlot } from './StripPlot';

/** Now in blue, wanted in a warm red: told apart by their titles too, never by colour alone. */
export const NOW_COLOR = 'var(--mantine-color-blue-8)';
export const WANTED_COLOR = 'var(--mantine-color-pink-9)';

const distribution = (s: TDialogueSlider): Distribution => ({ count: s.count, values: s.shown ? (s.values ?? []) : null, median: s.median ?? null });

/** The shift from now to wanted, where both medians are shown. */
export const shiftOf = (item: TLiveItem): number | null =>
  item.now.shown && item.wanted.shown && item.now.median !== undefined && item.wanted.median !== undefined ? item.wanted.median - item.now.median : null;

/** An item's two distributions (now and wanted) and the shift between their medians. */
export function ItemDistributions({ item, left, right, large = false }: { item: TLiveItem; left: string; right: string; large?: boolean }) {
  const { t } = useTranslation();
  const shift = shiftOf(item);
  return (
    <>
      <SimpleGrid cols={{ base: 1, lg: large ? 2 : 1 }} spacing={large ? 48 : 'lg'}>
        <StripPlot title={t('dialogue.answer.now')} left={left} right={right} dist={distribution(item.now)} color={NOW_COLOR} large={large} testId="plot-now" />
        <StripPlot
          title={t('dialogue.answer.wanted')}
          left={left}
          right={right}
          dist={distribution(item.wanted)}
          color={WANTED_COLOR}
          large={large}
          testId="plot-wanted"
        />
      </SimpleGrid>
      {shift !== null ? (
        <Text fz={large ? 'clamp(20px, 2.4vw, 34px)' : 'md'} fw={600} mt="sm" data-testid="shift">
          {t('dialogue.plot.shift', { now: item.now.median, wanted: item.wanted.median, shift: shift > 0 ? `+${shift}` : String(shift) })}
        </Text>
      ) : null}
    </>
  );
}
