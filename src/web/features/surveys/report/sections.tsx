import { Badge, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TReportCell, TReportGroup, TSurveyReport } from '../../../../shared/api/surveys-report';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { useCreateInitiativeFromItem } from './api';

type Lang = 'da' | 'en';
export const useLang = (): Lang => (useTranslation().i18n.language === 'en' ? 'en' : 'da');
export const useNumber = () => {
  const lang = useLang();
  const f = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (n: number | null | undefined) => (n === null || n === undefined ? '–' : f.format(n));
};

/** "What to look at first", in plain words. */
export function FirstLook({ report }: { report: TSurveyReport }) {
  const { t } = useTranslation();
  const lang = useLang();
  const n = useNumber();
  const g = (x: string) => t(`surveys.report.group.${x}`);
  const [a, b] = report.filter.compare;
  const lines = [
    ...report.firstLook.gaps.map((x) => t('surveys.report.firstLook.gap', { item: x.text[lang], a: g(a), b: g(b), am: n(x.a), bm: n(x.b) })),
    ...report.firstLook.lowest.map((x) => t('surveys.report.firstLook.lowest', { item: x.text[lang], group: g(x.group), mean: n(x.mean) })),
    ...report.firstLook.falls.map((x) => t('surveys.report.firstLook.fall', { item: x.text[lang], group: g(x.group), from: n(x.previous), to: n(x.current) })),
  ];
  return (
    <Card withBorder component="section" aria-labelledby="first-look">
      <Title order={2} fz="lg" id="first-look" mb="xs">
        {t('surveys.report.firstLook.title')}
      </Title>
      {lines.length ? (
        <List spacing={4} data-testid="first-look">
          {lines.map((l) => (
            <List.Item key={l}>{l}</List.Item>
          ))}
        </List>
      ) : (
        <Text c="dimmed">{t('surveys.report.firstLook.nothing')}</Text>
      )}
    </Card>
  );
}

function CellText({ cell }: { cell: TReportCell }) {
  const { t } = useTranslation();
  const n = useNumber();
  if (cell.mean === null) return <Text span c="dimmed" size="sm" title={t('surveys.report.hiddenWhy')}>{t('surveys.report.hidden')}</Text>;
  return <Text span fw={600}>{n(cell.mean)}</Text>;
}

/** One group's items: the school's mean (and each department's shown), "ved ikke", the initiatives that address it and "Opret indsats". */
export function ItemTable({ report, group }: { report: TSurveyReport; group: TReportGroup }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const create = useCreateInitiativeFromItem(report.round.id);
  const canCreate = report.abilities.includes('surveyRound:createInitiative');
  const [a, b] = report.filter.compare;
  const other = group.group === a ? b : group.group === b ? a : null;
  const otherGroup = other ? report.groups.find((x) => x.group === other) : undefined;
  const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)} %`);
  const onCreate = (key: string) => {
    const otherShown = otherGroup?.items.find((i) => i.key === key)?.school.mean != null;
    const groups = otherShown && other ? [group.group, other] : [group.group];
    const departmentId = report.filter.departmentId && report.filter.departmentId !== 'none' ? report.filter.departmentId : null;
    create.mutate({ key, input: { groups, departmentId } }, { onSuccess: (r) => void navigate(`/strategi/indsatser/${r.initiativeId}`) });
  };
  const title = `items-${group.group}`;
  return (
    <Stack gap="xs">
      {create.error ? <ProblemAlert error={create.error} /> : null}
      <ScrollTable minWidth={640} labelledBy={title}>
        <Table verticalSpacing="xs" striped aria-labelledby={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('surveys.report.items.item')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('surveys.report.school')}</Table.Th>
              {group.departments.map((d) => (
                <Table.Th key={d.departmentId ?? 'none'} scope="col" ta="right">
                  {d.departmentId ? d.name : t('surveys.report.noDepartment')}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">{t('surveys.report.dontKnowShare')}</Table.Th>
              <Table.Th scope="col">{t('surveys.report.items.initiatives')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.areas.map((area) => [
              <Table.Tr key={`area-${area.area}`}>
                <Table.Th scope="rowgroup" colSpan={4 + group.departments.length}>
                  {area.title[lang]}
                </Table.Th>
              </Table.Tr>,
              ...group.items
                .filter((i) => i.area === area.area)
                .map((i) => (
                  <Table.Tr key={i.key} data-testid={`item-${group.group}-${i.key}`}>
                    <Table.Td>{i.text[lang]}</Table.Td>
                    <Table.Td ta="right"><CellText cell={i.school} /></Table.Td>
                    {i.departments.map((d) => (
                      <Table.Td key={d.departmentId ?? 'none'} ta="right"><CellText cell={d.cell} /></Table.Td>
                    ))}
                    <Table.Td ta="right">{pct(i.school.dontKnowShare)}</Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        {i.initiatives.map((x) => (
                          <Badge key={x.id} variant="light" color="teal.9" component={Link} to={`/strategi/indsatser/${x.id}`} style={{ cursor: 'pointer' }}>
                            {x.title}
                          </Badge>
                        ))}
                        {canCreate && i.school.mean !== null ? (
                          <Button size="compact-xs" variant="light" loading={create.isPending && create.variables?.key === i.key} onClick={() => onCreate(i.key)} aria-label={t('surveys.report.createInitiativeFor', { item: i.text[lang] })}>
                            {t('surveys.report.createInitiative')}
                          </Button>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                )),
            ])}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

/** Free text per area in the order the server gave (random), or why it is not shown. */
export function FreeText({ group }: { group: TReportGroup }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Stack gap="xs">
      <Title order={4} fz="md">{t('surveys.report.freeText.title')}</Title>
      {group.freeText.every((f) => f.texts === null) ? (
        <Text c="dimmed" size="sm">{t('surveys.report.freeText.hidden')}</Text>
      ) : (
        group.freeText.map((f) =>
          f.texts === null || f.texts.length === 0 ? null : (
            <Stack key={f.area} gap={4}>
              <Text fw={600} size="sm">{group.areas.find((a) => a.area === f.area)?.title[lang] ?? f.area}</Text>
              <List size="sm" spacing={2}>
                {f.texts.map((x, k) => (
                  <List.Item key={k}>{x}</List.Item>
                ))}
              </List>
            </Stack>
          ),
        )
      )}
    </Stack>
  );
}
