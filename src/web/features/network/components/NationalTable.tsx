import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../shared/EmptyState';
import { QueryState } from '../../../shared/QueryState';
import { useNational } from '../api/get-national';
import { ScrollTable } from '../../../shared/ui/ScrollTable';

const level = (v: number | null, language: string) => (v === null ? '–' : v.toLocaleString(language === 'en' ? 'en-GB' : 'da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));

/** The national view: each school's mean level per competence area, and all schools together; too small a school is not shown. */
export function NationalTable() {
  const { t, i18n } = useTranslation();
  const national = useNational();
  return (
    <Card component="section" aria-labelledby="national-title" p={0}>
      <div style={{ padding: 'var(--mantine-spacing-lg)', paddingBottom: 'var(--mantine-spacing-sm)' }}>
        <Title order={2} fz="lg" id="national-title">
          {t('network.nationalTitle')}
        </Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('network.nationalLead')}
        </Text>
      </div>
      <QueryState query={national}>
        {(data) =>
          data.schools.length === 0 || data.areas.length === 0 ? (
            <div style={{ padding: 'var(--mantine-spacing-lg)', paddingTop: 0 }}>
              <EmptyState title={t('network.nationalEmpty')} hint={t('network.nationalEmptyHint')} />
            </div>
          ) : (
            <ScrollTable minWidth={Math.max(420, 200 + data.areas.length * 90)} label={t('tables.named', { name: t('network.nationalTitle') })}>
              <Table verticalSpacing="sm" horizontalSpacing="md" striped aria-labelledby="national-title" data-testid="national-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('network.school')}</Table.Th>
                    {data.areas.map((a) => (
                      <Table.Th key={a.code} scope="col" ta="right">
                        <abbr title={a.title}>{a.code}</abbr>
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.schools.map((s) => (
                    <Table.Tr key={s.schoolId}>
                      <Table.Th scope="row" fw={600}>
                        {s.name}
                      </Table.Th>
                      {s.suppressed ? (
                        <Table.Td colSpan={data.areas.length} c="dimmed">
                          {t('network.suppressed')}
                        </Table.Td>
                      ) : (
                        s.means.map((m, k) => (
                          <Table.Td key={data.areas[k]?.code ?? k} ta="right">
                            {level(m, i18n.language)}
                          </Table.Td>
                        ))
                      )}
                    </Table.Tr>
                  ))}
                  <Table.Tr>
                    <Table.Th scope="row">{t('network.nationalAll')}</Table.Th>
                    {data.national.map((m, k) => (
                      <Table.Td key={data.areas[k]?.code ?? k} ta="right" fw={700}>
                        {level(m, i18n.language)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )
        }
      </QueryState>
    </Card>
  );
}
