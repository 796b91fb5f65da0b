import { useState } from 'react';
import { Badge, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TComparedPair, TDialogueComparison } from '../../../../shared/api/dialogue-results';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { useClosedSessions, useComparison } from './api';
import { BoundaryChart, GROUP_A_COLOR, GROUP_B_COLOR, MediansChart } from './charts';
import { DecisionDialog, type DecisionTarget } from './DecisionDialog';
import { useFigure, useLang, usePairName } from './labels';

/** /dialog/sammenlign?a=&b=: two closed sessions pair by pair, the boundary view and "Træf beslutning". */
export function ComparePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const a = params.get('a');
  const b = params.get('b');
  const sessions = useClosedSessions();
  const comparison = useComparison(a, b);
  const options = (sessions.data ?? []).map((s) => ({ value: s.id, label: s.title }));
  const set = (k: 'a' | 'b', v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader title={t('dialogue.results.compare.title')} description={t('dialogue.results.compare.lead')} />
      <Stack gap="lg">
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select label={t('dialogue.results.compare.pickA')} data={options} value={a} onChange={(v) => set('a', v)} searchable w={300} />
          <Select label={t('dialogue.results.compare.pickB')} data={options.filter((o) => o.value !== a)} value={b} onChange={(v) => set('b', v)} searchable w={300} />
        </Group>
        {a && b && a !== b ? (
          <QueryState query={comparison}>{(c) => <CompareBody c={c} />}</QueryState>
        ) : (
          <EmptyState title={t('dialogue.results.compare.pickTitle')} hint={options.length < 2 ? t('dialogue.results.compare.tooFew') : t('dialogue.results.compare.pickHint')} />
        )}
      </Stack>
    </>
  );
}

function CompareBody({ c }: { c: TDialogueComparison }) {
  const { t } = useTranslation();
  const lang = useLang();
  const pairName = usePairName();
  const fig = useFigure();
  const [deciding, setDeciding] = useState<DecisionTarget | null>(null);
  const canDecide = c.abilities.includes('dialogueSession:decide');
  const pairs = [...c.pairs].sort((x, y) => (y.gap ?? -1) - (x.gap ?? -1));
  const boundaryName = (k: string) => {
    const b = c.boundaryNames.find((x) => x.key === k);
    return b ? lang(b.name) : k;
  };
  const decide = (p: TComparedPair) =>
    setDeciding({
      sessionId: c.a.id,
      compareWith: c.b.id,
      pairKey: p.pairKey,
      pairName: pairName(p),
      what: t('dialogue.results.decide.whatPrefill', { pair: pairName(p) }),
      why: t('dialogue.results.decide.whyPrefillTwo', { a: c.a.title, b: c.b.title, aNow: fig(p.a.now), bNow: fig(p.b.now), aWanted: fig(p.a.wanted), bWanted: fig(p.b.wanted), gap: fig(p.gap) }),
    });
  if (!pairs.length) return <EmptyState title={t('dialogue.results.compare.noPairs')} hint={t('dialogue.results.compare.noPairsHint')} />;
  return (
    <Stack gap="xl">
      <section aria-labelledby="compare-medians">
        <Title order={2} fz="xl" id="compare-medians" mb="xs">
          {t('dialogue.results.compare.mediansTitle')}
        </Title>
        <MediansChart
          label={t('dialogue.results.compare.mediansLabel', { a: c.a.title, b: c.b.title })}
          pairs={pairs.map(pairName)}
          series={[
            { name: t('dialogue.results.compare.seriesNow', { session: c.a.title }), color: GROUP_A_COLOR, values: pairs.map((p) => p.a.now) },
            { name: t('dialogue.results.compare.seriesNow', { session: c.b.title }), color: GROUP_B_COLOR, values: pairs.map((p) => p.b.now) },
          ]}
        />
        <ScrollTable minWidth={720} label={t('dialogue.results.compare.tableLabel')}>
          <Table striped mt="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dialogue.results.compare.pair')}</Table.Th>
                <Table.Th>{t('dialogue.results.compare.nowOf', { session: c.a.title })}</Table.Th>
                <Table.Th>{t('dialogue.results.compare.nowOf', { session: c.b.title })}</Table.Th>
                <Table.Th>{t('dialogue.results.compare.wantedOf', { session: c.a.title })}</Table.Th>
                <Table.Th>{t('dialogue.results.compare.wantedOf', { session: c.b.title })}</Table.Th>
                <Table.Th>{t('dialogue.results.compare.gap')}</Table.Th>
                {canDecide ? <Table.Th>{t('dialogue.results.compare.action')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pairs.map((p) => (
                <Table.Tr key={p.pairKey} data-testid={`pair-${p.pairKey}`}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {pairName(p)}
                    </Text>
                    <Group gap={4}>
                      {p.boundaries.map((k) => (
                        <Badge key={k} size="sm" variant="light" color="indigo.8">
                          {boundaryName(k)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{fig(p.a.now)}</Table.Td>
                  <Table.Td>{fig(p.b.now)}</Table.Td>
                  <Table.Td>{fig(p.a.wanted)}</Table.Td>
                  <Table.Td>{fig(p.b.wanted)}</Table.Td>
                  <Table.Td fw={600}>{p.gap === null ? t('dialogue.results.compare.notShown') : fig(p.gap)}</Table.Td>
                  {canDecide ? (
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => decide(p)} aria-label={t('dialogue.results.decide.buttonFor', { pair: pairName(p) })}>
                        {t('dialogue.results.decide.button')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </section>
      <section aria-labelledby="compare-boundaries">
        <Title order={2} fz="xl" id="compare-boundaries" mb="xs">
          {t('dialogue.results.compare.boundaryTitle')}
        </Title>
        <Text c="dimmed" mb="sm">
          {t('dialogue.results.compare.boundaryLead')}
        </Text>
        {c.boundaries.length ? (
          <>
            <BoundaryChart
              label={t('dialogue.results.compare.boundaryLabel')}
              names={c.boundaries.map((b) => lang(b.name))}
              largest={c.boundaries.map((b) => b.largest)}
              mean={c.boundaries.map((b) => b.mean)}
              labels={{ largest: t('dialogue.results.compare.largest'), mean: t('dialogue.results.compare.mean') }}
            />
            <Stack gap="xs" component="ol" mt="sm" data-testid="boundaries" style={{ listStyle: 'none', padding: 0 }}>
              {c.boundaries.map((b) => {
                const top = c.pairs.find((p) => p.pairKey === b.largestPairKey);
                return (
                  <Card key={b.boundary} component="li" withBorder padding="sm">
                    <Text fw={600}>{lang(b.name)}</Text>
                    <Text size="sm">
                      {t('dialogue.results.compare.boundaryLine', { largest: fig(b.largest), mean: fig(b.mean), count: b.pairs, pair: top ? pairName(top) : b.largestPairKey })}
                    </Text>
                  </Card>
                );
              })}
            </Stack>
          </>
        ) : (
          <Text c="dimmed">{t('dialogue.results.compare.noBoundaries')}</Text>
        )}
      </section>
      {deciding ? <DecisionDialog target={deciding} onClose={() => setDeciding(null)} /> : null}
    </Stack>
  );
}
