import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Status } from '../api/strategy';

export const STATUS_COLOR: Record<Status, string> = { on_track: 'green.9', behind: 'orange.9', at_risk: 'red.9', no_data: 'gray.7', not_reached: 'grape.9', achieved: 'blue.9', stopped: 'dark.6' };
export const STATUS_HEX: Record<Status, string> = { on_track: '#2b8a3e', behind: '#d9480f', at_risk: '#c92a2a', no_data: '#868e96', not_reached: '#862e9c', achieved: '#1864ab', stopped: '#495057' };

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="filled" data-testid="status-badge" data-status={status}>
      {t(`strategy.status.${status}`)}
    </Badge>
  );
}
