import { Badge, List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TImportRow } from '../../../../shared/api/importer';
import type { ImportAction } from '../api/preview-import';
import { ScrollTable } from '../../../shared/ui/ScrollTable';

const ACTION_COLOR: Record<ImportAction, string> = { create: 'green.9', update: 'retning', unchanged: 'gray.8', error: 'red.9' };
const COLUMNS = ['name', 'email', 'jobTitle', 'department', 'employmentStart'] as const;
const SPAN = COLUMNS.length + 2;

/**
 * The errors of a line, under it across the whole table. A column of their own at the table's
 * right edge was a narrow strip on a laptop and off the screen on a phone; here the text keeps to
 * the visible part of the scroll region (100cqw of the box around it) and stays there while the
 * table scrolls, so every word is readable at any width.
 */
function LineErrors({ row }: { row: TImportRow }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-errors-for={row.line}>
      <Table.Td colSpan={SPAN} pt={0}>
        <List
          size="sm"
          c="red.9"
          spacing={2}
          data-testid="import-line-errors"
          style={{ position: 'sticky', left: 'var(--table-horizontal-spacing)', maxWidth: 'calc(100cqw - 2 * var(--table-horizontal-spacing))', overflowWrap: 'break-word' }}
        >
          {row.errors.map((e) => (
            <List.Item key={`${e.field}-${e.code}`}>{t('import.lineError', { line: row.line, message: e.message })}</List.Item>
          ))}
        </List>
      </Table.Td>
    </Table.Tr>
  );
}

/** Every row of the file with its line number; a line with errors is marked and lists its errors beneath it. */
export function PreviewTable({ rows }: { rows: TImportRow[] }) {
  const { t } = useTranslation();
  return (
    // The box the error lines measure the visible width by (container query units).
    <div style={{ containerType: 'inline-size' }}>
      <ScrollTable minWidth={720} label={t('import.previewCaption')}>
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
            </Table.Tr>
          </Table.Thead>
          {rows.map((r) => {
            const bad = new Set(r.errors.map((e) => e.field));
            // One row group per line of the file: its values, then its errors.
            return (
              <Table.Tbody key={r.line} className={r.errors.length ? 'row-error' : undefined} data-line={r.line}>
                <Table.Tr>
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
                </Table.Tr>
                {r.errors.length ? <LineErrors row={r} /> : null}
              </Table.Tbody>
            );
          })}
        </Table>
      </ScrollTable>
    </div>
  );
}
