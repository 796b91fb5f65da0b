import { Alert, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TSurveyReport } from '../../../../shared/api/surveys-report';
import { useCan } from '../../../app/session';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { reportQuery, useSurveyReport, type ReportFilter } from './api';
import { BenchmarkChart, GROUP_COLOR, MeansChart, TrendChart } from './charts';
import { FirstLook, FreeText, ItemTable, useLang, useNumber } from './sections';

const GAP_CHART_ITEMS = 10;

/** /selvevaluering/:id/rapport: the report of a round for leaders. */
export function ReportPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const [params, setParams] = useSearchParams();
  const filter: ReportFilter = { group: params.get('group') ?? undefined, department: params.get('department') ?? undefined, compare: params.get('compare') ?? undefined };
  const report = useSurveyReport(id, filter);
  const manage = useCan('survey:manage');
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader
        eyebrow={manage ? <Link to={`/selvevaluering/runder/${id}`} style={{ color: 'inherit' }}>{t('surveys.report.back')}</Link> : undefined}
        title={report.data ? t('surveys.report.title', { name: report.data.round.name }) : t('surveys.report.link')}
        description={t('surveys.report.lead')}
      />
      <QueryState query={report}>{(r) => <ReportBody r={r} filter={filter} set={set} />}</QueryState>
    </>
  );
}

function Filters({ r, set }: { r: TSurveyReport; set: (k: string, v: string | null) => void }) {
  const { t } = useTranslation();
  const g = (x: string) => t(`surveys.report.group.${x}`);
  const groups = r.round.groups.map((x) => ({ value: x, label: g(x) }));
  const [a, b] = r.filter.compare;
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <Select label={t('surveys.report.filter.group')} data={[{ value: '', label: t('surveys.report.filter.allGroups') }, ...groups]} value={r.filter.group ?? ''} onChange={(v) => set('group', v)} allowDeselect={false} w={200} />
      <Select
        label={t('surveys.report.filter.department')}
        data={[{ value: '', label: t('surveys.report.filter.allDepartments') }, ...r.departmentOptions.map((d) => ({ value: d.id, label: d.id === 'none' ? t('surveys.report.noDepartment') : d.name }))]}
        value={r.filter.departmentId ?? ''}
        onChange={(v) => set('department', v)}
        allowDeselect={false}
        w={220}
      />
      <Select label={t('surveys.report.filter.compare')} data={groups} value={a} onChange={(v) => v && set('compare', `${v},${b}`)} allowDeselect={false} w={200} />
      <Select label={t('surveys.report.filter.with')} data={groups} value={b} onChange={(v) => v && set('compare', `${a},${v}`)} allowDeselect={false} w={200} />
    </Group>
  );
}

function ReportBody({ r, filter, set }: { r: TSurveyReport; filter: ReportFilter; set: (k: string, v: string | null) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const n = useNumber();
  const g = (x: string) => t(`surveys.report.group.${x}`);
  const [a, b] = r.filter.compare;
  const q = reportQuery(filter);
  if (r.results === 'none') return <EmptyState title={t('surveys.report.empty.notYet')} hint={t('surveys.report.empty.notYetHint')} />;
  const areas = r.groups[0]?.areas ?? [];
  const gapItems = r.gap.items.slice(0, GAP_CHART_ITEMS);
  return (
    <Stack gap="xl">
      <Filters r={r} set={set} />
      <Group gap="sm">
        <Button component="a" href={`/api/v1/surveys/rounds/${r.round.id}/report.csv${q}`} variant="light" leftSection={<IconDownload size={16} />}>
          {t('surveys.report.download.csv')}
        </Button>
        <Button component="a" href={`/api/v1/surveys/rounds/${r.round.id}/report.pdf${q}`} variant="light" leftSection={<IconDownload size={16} />}>
          {t('surveys.report.download.pdf')}
        </Button>
      </Group>
      {r.results === 'live' ? <Alert color="blue">{t('surveys.report.live')}</Alert> : null}
      <FirstLook report={r} />

      <Card withBorder component="section" aria-labelledby="areas-title">
        <Title order={2} fz="lg" id="areas-title" mb="sm">{t('surveys.report.areas.title')}</Title>
        <MeansChart
          label={t('surveys.report.areas.chart')}
          categories={areas.map((x) => x.title[lang])}
          series={r.groups.map((grp) => ({ name: g(grp.group), color: GROUP_COLOR[grp.group] ?? '#495057', values: areas.map((x) => grp.areas.find((y) => y.area === x.area)?.school.mean ?? null) }))}
        />
      </Card>

      <Card withBorder component="section" aria-labelledby="gap-title">
        <Title order={2} fz="lg" id="gap-title" mb="sm">{t('surveys.report.gap.title', { a: g(a), b: g(b) })}</Title>
        {gapItems.length ? (
          <>
            <MeansChart
              horizontal
              label={t('surveys.report.gap.chart', { a: g(a), b: g(b) })}
              categories={gapItems.map((x) => x.text[lang])}
              series={[
                { name: g(a), color: GROUP_COLOR[a] ?? '#005d7e', values: gapItems.map((x) => x.a) },
                { name: g(b), color: GROUP_COLOR[b] ?? '#c2255c', values: gapItems.map((x) => x.b) },
              ]}
            />
            <Text size="sm" data-testid="gap-top">
              {t('surveys.report.gap.difference')}: {gapItems[0]?.text[lang]} ({n(gapItems[0]?.gap)})
            </Text>
          </>
        ) : (
          <Text c="dimmed">{t('surveys.report.gap.empty')}</Text>
        )}
      </Card>

      <Card withBorder component="section" aria-labelledby="trend-title">
        <Title order={2} fz="lg" id="trend-title" mb="sm">{t('surveys.report.trend.title')}</Title>
        {r.trend.rounds.length ? (
          <TrendChart
            label={t('surveys.report.trend.chart')}
            rounds={r.trend.rounds.map((x) => x.name)}
            series={r.trend.areas.map((s) => ({ name: `${g(s.group)} · ${s.title[lang]}`, color: GROUP_COLOR[s.group] ?? '#495057', values: s.points.map((p) => p.mean) }))}
          />
        ) : (
          <Text c="dimmed">{t('surveys.report.trend.empty')}</Text>
        )}
      </Card>

      <Card withBorder component="section" aria-labelledby="benchmark-title">
        <Title order={2} fz="lg" id="benchmark-title" mb="sm">{t('surveys.report.benchmark.title')}</Title>
        {r.groups.some((grp) => grp.areas.some((x) => x.benchmark)) ? (
          r.groups
            .filter((grp) => grp.areas.some((x) => x.benchmark))
            .map((grp) => (
              <Stack key={grp.group} gap={4}>
                <Text fw={600}>{g(grp.group)}</Text>
                <BenchmarkChart
                  label={`${g(grp.group)}: ${t('surveys.report.benchmark.chart')}`}
                  areas={grp.areas.map((x) => x.title[lang])}
                  bands={grp.areas.map((x) => x.benchmark)}
                  own={grp.areas.map((x) => x.school.mean)}
                  names={{ band: t('surveys.report.benchmark.band'), median: t('surveys.report.benchmark.median'), own: t('surveys.report.benchmark.own') }}
                />
              </Stack>
            ))
        ) : (
          <Text c="dimmed">{t('surveys.report.benchmark.empty')}</Text>
        )}
      </Card>

      {r.groups.map((grp) => (
        <Card withBorder key={grp.group} component="section" aria-labelledby={`items-${grp.group}`}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2} fz="lg" id={`items-${grp.group}`}>{g(grp.group)}</Title>
              <Text c={grp.respondents === null ? 'dimmed' : undefined} data-testid={`respondents-${grp.group}`}>
                {grp.respondents === null ? t('surveys.report.fewer') : t('surveys.report.respondents', { count: grp.respondents })}
              </Text>
            </Group>
            {grp.respondents === null ? <Text c="dimmed">{t('surveys.report.hiddenWhy')}</Text> : <ItemTable report={r} group={grp} />}
            {r.results === 'final' ? <FreeText group={grp} /> : null}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
