import { Badge, List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TImportRow } from '../../../../shared/api/importer';
import type { ImportAction } from '../api/preview-import';
import { ScrollTable } from '../../../shared/ui/ScrollTable';

const ACTION_COLOR: Record<ImportAction, string> = { create: 'green.9', update: 'retning', unchanged: 'gray.8', error: 'red.9' };
const COLUMNS = ['name', 'email', 'jobTitle', 'department', 'employmentStart'] as const;

/** Every row of the file with its line number; rows with errors are marked and list their errors. */
export function PreviewTable({ rows }: { rows: TImportRow[] }) {
  const { t } = useTranslation();
  return (
    <ScrollTable minWidth={900} label={t('import.previewCaption')}>
      <Table verticalSpacing="xs" horizontalSpacing="sm" data-testid="import-preview">
        <caption className="visually-hidden">{t('import.previewCaption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('import.line')}</Table.Th>
            {COLUMNS.map((c) => (
              <Table.Th key={c} scope="col">
                {t(`fields.${c}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('import.action')}</Table.Th>
            <Table.Th scope="col">{t('import.errors')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const bad = new Set(r.errors.map((e) => e.field));
            return (
              <Table.Tr key={r.line} className={r.errors.length ? 'row-error' : undefined} data-line={r.line}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {r.line}
                  </Text>
                </Table.Td>
                {COLUMNS.map((c) => (
                  <Table.Td key={c} style={bad.has(c) ? { boxShadow: 'inset 0 -2px 0 var(--mantine-color-red-8)' } : undefined}>
                    <Text size="sm" c={bad.has(c) ? 'red.9' : undefined} fw={bad.has(c) ? 600 : undefined}>
                      {r[c] ?? '–'}
                    </Text>
                  </Table.Td>
                ))}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge color={ACTION_COLOR[r.errors.length ? 'error' : r.action]} variant="light" tt="none">
                    {t(`import.actions.${r.errors.length ? 'error' : r.action}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {r.errors.length ? (
                    <List size="sm" c="red.9" spacing={2}>
                      {r.errors.map((e) => (
                        <List.Item key={`${e.field}-${e.code}`}>{t('import.lineError', { line: r.line, message: e.message })}</List.Item>
                      ))}
                    </List>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
