import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLOR: Record<string, string> = { draft: 'gray', team: 'blue', submitted: 'orange', in_review: 'grape', published: 'teal', returned: 'red' };

/** The workflow state in words (never colour alone). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={`${COLOR[status] ?? 'gray'}.9`} variant="light" data-testid="item-status">
      {t(`library.status.${status}`)}
    </Badge>
  );
}
