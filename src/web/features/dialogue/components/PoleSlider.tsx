import { Box, Group, Slider, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = {
  /** "Hvor er vi nu?" or "Hvor vil vi hen?" */
  question: string;
  left: string;
  right: string;
  /** null: not answered yet (the thumb rests in the middle). */
  value: number | null;
  disabled: boolean;
  onChange: (value: number) => void;
  testId?: string;
};

const ignore = () => undefined;

/**
 * One slider between the two poles, 0 at the left pole and 100 at the right. The thumb is named by
 * the question and tells a screen reader where it stands in the poles' words, not only as a number.
 */
export function PoleSlider({ question, left, right, value, disabled, onChange, testId }: Props) {
  const { t } = useTranslation();
  const shown = value ?? 50;
  const where = (v: number) =>
    v === 50 ? t('dialogue.slider.middle', { value: v }) : v < 50 ? t('dialogue.slider.towards', { value: v, pole: left }) : t('dialogue.slider.towards', { value: v, pole: right });
  const valueText = value === null ? t('dialogue.slider.notAnswered') : where(value);
  return (
    <Box data-testid={testId} data-value={value ?? ''}>
      <Text fw={700} mb={4}>
        {question}
      </Text>
      <Slider
        value={shown}
        // a locked slider keeps its thumb where the answer stands (Mantine hides a disabled one); its moves are ignored
        onChange={disabled ? ignore : onChange}
        min={0}
        max={100}
        step={1}
        size="xl"
        thumbSize={32}
        label={null}
        color={value === null || disabled ? 'gray.6' : 'blue.8'}
        thumbLabel={t('dialogue.slider.label', { question, left, right })}
        thumbProps={{ 'aria-valuetext': valueText, 'aria-disabled': disabled || undefined }}
        styles={{ root: { paddingBlock: 12, cursor: disabled ? 'not-allowed' : undefined } }}
        mb={4}
      />
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" maw="45%">
          {left}
        </Text>
        <Text size="sm" maw="45%" ta="right">
          {right}
        </Text>
      </Group>
      <Text size="sm" c="dimmed" aria-hidden>
        {valueText}
      </Text>
    </Box>
  );
}
