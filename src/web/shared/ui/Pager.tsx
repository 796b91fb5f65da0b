import { Group, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Pages of a long list, with named buttons for screen readers; nothing when everything fits on one page. */
export function Pager({ total, pageSize, page, onChange }: { total: number; pageSize: number; page: number; onChange: (page: number) => void }) {
  const { t } = useTranslation();
  if (total <= pageSize) return null;
  return (
    <Group justify="center">
      <Pagination
        total={Math.ceil(total / pageSize)}
        value={page}
        onChange={onChange}
        getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
        getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
      />
    </Group>
  );
}
