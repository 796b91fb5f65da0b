import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TSurveyRound } from '../../../../shared/api/surveys';

const COLOR = { planned: 'gray.7', open: 'teal.9', closed: 'dark.5' } as const;

export function RoundStatus({ status }: { status: TSurveyRound['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light">
      {t(`surveys.status.${status}`)}
    </Badge>
  );
}
