import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const GOAL_STATUSES = ['reached', 'partly', 'not_yet'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
// dark shades: the badge's text keeps 4.5:1 against its light background
const COLOR: Record<GoalStatus, string> = { reached: 'green.9', partly: 'yellow.9', not_yet: 'gray.8' };

/** A praktikmål's status for one student; "not assessed" when nobody has set one. */
export function GoalStatusBadge({ status }: { status: GoalStatus | null }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={status ? COLOR[status] : 'gray.8'} style={{ flexShrink: 0 }}>
      {t(`internship.goalStatus.${status ?? 'none'}`)}
    </Badge>
  );
}
